/* test-work-order.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "rexian-core.h"

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  GHashTable *counts = user_data;
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, pspec->name));

  g_hash_table_insert (counts, (gpointer) pspec->name, GUINT_TO_POINTER (count + 1));
}

static guint
notify_count (GHashTable *counts,
              const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));
}

/* A value different from the property's default, for every kind of property. */
static void
set_other_value (GParamSpec *pspec,
                 GValue     *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (value, type);

  if (type == G_TYPE_STRING)
    g_value_set_string (value, "值 value");
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, 1764000000);
  else if (type == G_TYPE_INT)
    g_value_set_int (value, G_PARAM_SPEC_INT (pspec)->maximum > 2
                              ? 2 : G_PARAM_SPEC_INT (pspec)->maximum);
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, TRUE);
  else if (type == G_TYPE_ARRAY)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      gint64 some[] = { 4, 7 };

      g_array_append_vals (ids, some, G_N_ELEMENTS (some));
      g_value_set_boxed (value, ids);
    }
  else
    g_assert_not_reached ();
}

static void
test_properties (void)
{
  static const char *names[] = {
    "id", "number", "version", "state", "channel", "kind", "category-id", "category-name",
    "caller-name", "caller-title", "caller-phone", "caller-address", "confidential",
    "emergency", "repeated", "event-time", "event-place", "event-course", "present-state",
    "request", "summary", "intake-agent-id", "intake-agent-name", "created-at",
    "updated-at", "dispatch-deadline", "transfer-opinion", "lead-department-id",
    "lead-department-name", "assist-department-ids", "dispatched-at", "deadline",
    "handler-name", "handler-phone", "handling-result", "replied-at", "followup-process",
    "followup-result", "followup-note", "supervised", "rehandle-count", "return-count",
    "return-pending", "extension-count", "extension-requested-days", "merged-into-id",
    "merged-into-number", "closed-at", "archived-at",
  };
  g_autoptr(GTypeClass) klass = g_type_class_ref (REXIAN_TYPE_WORK_ORDER);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_pspecs);
  g_assert_cmpuint (n_pspecs, ==, G_N_ELEMENTS (names));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), names[i]);

      g_assert_nonnull (pspec);
      g_assert_true ((pspec->flags & G_PARAM_EXPLICIT_NOTIFY) != 0);
      g_assert_true ((pspec->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE);
    }
}

static void
test_notify_only_on_change (void)
{
  g_autoptr(RexianWorkOrder) order = rexian_work_order_new ();
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  g_signal_connect (order, "notify", G_CALLBACK (count_notify), counts);

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (order), &n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;
      g_auto(GValue) read_back = G_VALUE_INIT;

      /* Setting the value it already has says nothing. */
      g_value_init (&read_back, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (G_OBJECT (order), pspec->name, &read_back);
      g_object_set_property (G_OBJECT (order), pspec->name, &read_back);
      g_assert_cmpuint (notify_count (counts, pspec->name), ==, 0);

      /* A new value is announced exactly once, and once only however often it is set. */
      set_other_value (pspec, &value);
      g_object_set_property (G_OBJECT (order), pspec->name, &value);
      g_assert_cmpuint (notify_count (counts, pspec->name), ==, 1);
      g_object_set_property (G_OBJECT (order), pspec->name, &value);
      g_assert_cmpuint (notify_count (counts, pspec->name), ==, 1);

      g_value_unset (&read_back);
      g_value_init (&read_back, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (G_OBJECT (order), pspec->name, &read_back);
      if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_ARRAY)
        {
          GArray *ids = g_value_get_boxed (&read_back);

          g_assert_cmpuint (ids->len, ==, 2);
          g_assert_cmpint (g_array_index (ids, gint64, 1), ==, 7);
        }
      else
        g_assert_cmpint (g_param_values_cmp (pspec, &value, &read_back), ==, 0);
    }

  /* Through the C setters too. */
  g_hash_table_remove_all (counts);
  rexian_work_order_set_caller_phone (order, "13812341234");
  rexian_work_order_set_caller_phone (order, "13812341234");
  g_assert_cmpuint (notify_count (counts, "caller-phone"), ==, 1);
  rexian_work_order_set_caller_phone (order, NULL);
  g_assert_cmpuint (notify_count (counts, "caller-phone"), ==, 2);
  g_assert_null (rexian_work_order_get_caller_phone (order));

  rexian_work_order_set_state (order, REXIAN_STATE_CLOSED);
  rexian_work_order_set_state (order, REXIAN_STATE_CLOSED);
  g_assert_cmpuint (notify_count (counts, "state"), ==, 1);

  rexian_work_order_set_supervised (order, FALSE);
  rexian_work_order_set_supervised (order, FALSE);
  g_assert_cmpuint (notify_count (counts, "supervised"), ==, 1);

  {
    gint64 same[] = { 4, 7 };
    gint64 other[] = { 4, 8 };

    rexian_work_order_set_assist_department_ids (order, same, G_N_ELEMENTS (same));
    g_assert_cmpuint (notify_count (counts, "assist-department-ids"), ==, 0);
    rexian_work_order_set_assist_department_ids (order, other, G_N_ELEMENTS (other));
    g_assert_cmpuint (notify_count (counts, "assist-department-ids"), ==, 1);
    /* A prefix of the order's own array is a valid source. */
    {
      GArray *own = rexian_work_order_get_assist_department_ids (order);

      rexian_work_order_set_assist_department_ids (order, (const gint64 *) (gpointer) own->data,
                                                   own->len - 1);
      own = rexian_work_order_get_assist_department_ids (order);
      g_assert_cmpuint (own->len, ==, 1);
      g_assert_cmpint (g_array_index (own, gint64, 0), ==, 4);
    }
    rexian_work_order_set_assist_department_ids (order, NULL, 0);
    g_assert_cmpuint (notify_count (counts, "assist-department-ids"), ==, 3);
    g_assert_nonnull (rexian_work_order_get_assist_department_ids (order));
    g_assert_cmpuint (rexian_work_order_get_assist_department_ids (order)->len, ==, 0);
  }
}

static void
test_copy_is_deep (void)
{
  g_autoptr(RexianWorkOrder) order = rexian_work_order_new ();
  g_autoptr(RexianWorkOrder) copy = NULL;
  g_autofree GParamSpec **pspecs = NULL;
  gint64 ids[] = { 11, 12, 13 };
  guint n_pspecs = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (order), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      set_other_value (pspecs[i], &value);
      g_object_set_property (G_OBJECT (order), pspecs[i]->name, &value);
    }
  rexian_work_order_set_assist_department_ids (order, ids, G_N_ELEMENTS (ids));
  rexian_work_order_set_caller_name (order, "张三");

  copy = rexian_work_order_copy (order);
  g_assert_true (copy != order);

  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;

      if (G_PARAM_SPEC_VALUE_TYPE (pspecs[i]) == G_TYPE_ARRAY)
        continue;

      g_value_init (&a, G_PARAM_SPEC_VALUE_TYPE (pspecs[i]));
      g_value_init (&b, G_PARAM_SPEC_VALUE_TYPE (pspecs[i]));
      g_object_get_property (G_OBJECT (order), pspecs[i]->name, &a);
      g_object_get_property (G_OBJECT (copy), pspecs[i]->name, &b);
      g_assert_cmpint (g_param_values_cmp (pspecs[i], &a, &b), ==, 0);
    }

  /* Same contents, separate storage. */
  g_assert_cmpstr (rexian_work_order_get_caller_name (copy), ==, "张三");
  g_assert_true (rexian_work_order_get_caller_name (copy)
                 != rexian_work_order_get_caller_name (order));
  g_assert_true (rexian_work_order_get_assist_department_ids (copy)
                 != rexian_work_order_get_assist_department_ids (order));
  g_assert_cmpuint (rexian_work_order_get_assist_department_ids (copy)->len, ==, 3);

  /* Editing the copy leaves the original alone. */
  rexian_work_order_set_caller_name (copy, "李四");
  g_array_index (rexian_work_order_get_assist_department_ids (copy), gint64, 0) = 99;
  rexian_work_order_set_state (copy, REXIAN_STATE_ARCHIVED);
  g_assert_cmpstr (rexian_work_order_get_caller_name (order), ==, "张三");
  g_assert_cmpint (g_array_index (rexian_work_order_get_assist_department_ids (order),
                                  gint64, 0), ==, 11);
  g_assert_cmpint (rexian_work_order_get_state (order), ==, 2);

  /* And the copy outlives the original. */
  g_clear_object (&order);
  g_assert_cmpstr (rexian_work_order_get_caller_name (copy), ==, "李四");
}

static void
check_mask_name (const char *name,
                 const char *expected)
{
  g_autofree char *masked = rexian_mask_name (name);

  g_assert_cmpstr (masked, ==, expected);
}

static void
check_mask_phone (const char *phone,
                  const char *expected)
{
  g_autofree char *masked = rexian_mask_phone (phone);

  g_assert_cmpstr (masked, ==, expected);
}

static void
test_masking (void)
{
  check_mask_name ("张三", "张**");
  check_mask_name ("张", "张**");
  check_mask_name ("王小明", "王**");
  check_mask_name ("欧阳娜娜", "欧***");
  check_mask_name ("  李四 ", "李**");
  check_mask_name ("Li Lei", "L*****");
  check_mask_name ("", "");
  check_mask_name (NULL, "");

  check_mask_phone ("13812341234", "138****1234");
  check_mask_phone ("+8613812341234", "+86138****1234");
  check_mask_phone ("0351-2345678", "035*-***5678");
  check_mask_phone ("63451234", "****1234");
  check_mask_phone ("12345", "***45");
  check_mask_phone ("110", "***");
  check_mask_phone ("", "");
  check_mask_phone (NULL, "");
}

static void
test_display (void)
{
  g_autoptr(RexianWorkOrder) order = rexian_work_order_new ();
  g_autofree char *caller = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *masked_caller = NULL;
  g_autofree char *masked_phone = NULL;

  rexian_work_order_set_caller_name (order, "张三");
  rexian_work_order_set_caller_phone (order, "13812341234");

  caller = rexian_work_order_dup_display_caller (order);
  phone = rexian_work_order_dup_display_phone (order);
  g_assert_cmpstr (caller, ==, "张三");
  g_assert_cmpstr (phone, ==, "13812341234");

  rexian_work_order_set_confidential (order, TRUE);
  masked_caller = rexian_work_order_dup_display_caller (order);
  masked_phone = rexian_work_order_dup_display_phone (order);
  g_assert_cmpstr (masked_caller, ==, "张**");
  g_assert_cmpstr (masked_phone, ==, "138****1234");

  /* The stored values are untouched. */
  g_assert_cmpstr (rexian_work_order_get_caller_phone (order), ==, "13812341234");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/work-order/properties", test_properties);
  g_test_add_func ("/core/work-order/notify-only-on-change", test_notify_only_on_change);
  g_test_add_func ("/core/work-order/copy-is-deep", test_copy_is_deep);
  g_test_add_func ("/core/work-order/masking", test_masking);
  g_test_add_func ("/core/work-order/display", test_display);

  return g_test_run ();
}
