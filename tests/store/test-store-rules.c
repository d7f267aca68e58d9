/* test-store-rules.c: rules the store enforces for every caller, and data every seat
 * shares: merge targets, read-only archived orders, the holiday data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rexian-order-query.h"
#include "rexian-store.h"
#include "store-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "rexian.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static RexianWorkOrder *
apply (RexianStore           *store,
       RexianWorkOrder       *order,
       RexianAction           action,
       RexianTransitionInput *input,
       GError               **error)
{
  return rexian_store_apply (store, rexian_work_order_get_id (order), action, input, 0,
                             test_now (), error);
}

static RexianWorkOrder *
close_directly (RexianStore     *store,
                RexianWorkOrder *order)
{
  g_autoptr(RexianTransitionInput) input = rexian_transition_input_new ();
  g_autoptr(GError) error = NULL;
  RexianWorkOrder *closed;

  input->handling_result = g_strdup ("已当场解答");
  closed = apply (store, order, REXIAN_ACTION_CLOSE_DIRECT, input, &error);
  g_assert_no_error (error);

  return closed;
}

static void
test_merge_records_both_sides (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(RexianStore) store = test_open (fixture->path);
  g_autoptr(RexianWorkOrder) earlier = test_create (store, "小区垃圾清运不及时",
                                                    "13835600001", test_now ());
  g_autoptr(RexianWorkOrder) later = test_create (store, "小区垃圾又没人清运",
                                                  "13835600001", test_now ());
  g_autoptr(RexianTransitionInput) input = rexian_transition_input_new ();
  g_autoptr(RexianWorkOrder) merged = NULL;
  g_autoptr(RexianWorkOrder) target = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  RexianOrderEvent *last;
  g_autofree char *expected = NULL;

  input->merge_into_number = g_strdup (rexian_work_order_get_number (earlier));
  merged = apply (store, later, REXIAN_ACTION_MERGE, input, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rexian_work_order_get_state (merged), ==, REXIAN_STATE_CLOSED);
  g_assert_cmpint (rexian_work_order_get_merged_into_id (merged), ==,
                   rexian_work_order_get_id (earlier));

  /* The earlier order is marked repeated and its timeline names the one that joined. */
  target = rexian_store_get_order (store, rexian_work_order_get_id (earlier), &error);
  g_assert_no_error (error);
  g_assert_true (rexian_work_order_get_repeated (target));
  g_assert_cmpint (rexian_work_order_get_state (target), ==, REXIAN_STATE_INTAKE);
  g_assert_cmpint (rexian_work_order_get_version (target), >,
                   rexian_work_order_get_version (earlier));

  events = rexian_store_list_events (store, rexian_work_order_get_id (earlier), &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpint (last->action, ==, REXIAN_ACTION_MERGE);
  expected = g_strdup_printf ("Order %s was merged into this one",
                              rexian_work_order_get_number (later));
  g_assert_cmpstr (last->detail, ==, expected);
}

static void
test_merge_refuses_closed_and_merged_targets (Fixture       *fixture,
                                              gconstpointer  data)
{
  g_autoptr(RexianStore) store = test_open (fixture->path);
  g_autoptr(RexianWorkOrder) done = test_create (store, "咨询社保转移", "13835600002",
                                                 test_now ());
  g_autoptr(RexianWorkOrder) closed = close_directly (store, done);
  g_autoptr(RexianWorkOrder) a = test_create (store, "路灯不亮", "13835600003", test_now ());
  g_autoptr(RexianWorkOrder) b = test_create (store, "路灯还是不亮", "13835600003",
                                              test_now ());
  g_autoptr(RexianWorkOrder) c = test_create (store, "路灯三天不亮", "13835600003",
                                              test_now ());
  g_autoptr(RexianTransitionInput) input = rexian_transition_input_new ();
  g_autoptr(RexianWorkOrder) result = NULL;
  g_autoptr(RexianWorkOrder) still = NULL;
  g_autoptr(GError) error = NULL;

  /* Into a closed order: the request would be lost, so it is refused and kept. */
  input->merge_into_id = rexian_work_order_get_id (closed);
  result = apply (store, a, REXIAN_ACTION_MERGE, input, &error);
  g_assert_null (result);
  g_assert_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, rexian_work_order_get_number (closed)));
  g_clear_error (&error);
  still = rexian_store_get_order (store, rexian_work_order_get_id (a), &error);
  g_assert_cmpint (rexian_work_order_get_state (still), ==, REXIAN_STATE_INTAKE);

  /* b into a, then c into b: b is merged, so c is told to merge into a instead. */
  input->merge_into_id = rexian_work_order_get_id (a);
  result = apply (store, b, REXIAN_ACTION_MERGE, input, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  input->merge_into_id = rexian_work_order_get_id (b);
  result = apply (store, c, REXIAN_ACTION_MERGE, input, &error);
  g_assert_null (result);
  g_assert_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, rexian_work_order_get_number (a)));
}

static void
test_archived_orders_are_read_only (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(RexianStore) store = test_open (fixture->path);
  g_autoptr(RexianWorkOrder) order = test_create (store, "咨询公积金提取", "13835600004",
                                                  test_now ());
  g_autoptr(RexianWorkOrder) closed = close_directly (store, order);
  g_autoptr(RexianWorkOrder) archived = NULL;
  g_autoptr(RexianWorkOrder) edited = NULL;
  g_autoptr(RexianWorkOrder) result = NULL;
  g_autoptr(GError) error = NULL;

  archived = apply (store, closed, REXIAN_ACTION_ARCHIVE, NULL, &error);
  g_assert_no_error (error);

  edited = rexian_work_order_copy (archived);
  rexian_work_order_set_summary (edited, "改过的摘要");
  result = rexian_store_update_order (store, edited, 0, NULL, test_now (), &error);
  g_assert_null (result);
  g_assert_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED);
}

static char *
holidays_with_2027 (void)
{
  g_autofree char *shipped_path = g_build_filename (g_getenv ("REXIAN_DATADIR"),
                                                    "holidays.ini", NULL);
  g_autofree char *shipped = NULL;

  g_assert_true (g_file_get_contents (shipped_path, &shipped, NULL, NULL));

  /* A made-up 2027 for the test: New Year's Day off, one make-up Saturday. */
  return g_strconcat (shipped, "\n[2027]\noff=2027-01-01\nwork=2027-01-09\n", NULL);
}

static void
test_holiday_data_is_shared (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(RexianStore) seat_a = test_open (fixture->path);
  g_autoptr(RexianStore) seat_b = test_open (fixture->path);
  g_autofree char *data_2027 = holidays_with_2027 ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (rexian_calendar_get_last_year (rexian_store_get_calendar (seat_b)), ==, 2026);

  g_assert_true (rexian_store_set_holiday_data (seat_a, data_2027, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rexian_calendar_get_last_year (rexian_store_get_calendar (seat_a)), ==, 2027);

  /* The other seat takes the new year up with its next look at the database. */
  rexian_store_poll (seat_b);
  g_assert_cmpint (rexian_calendar_get_last_year (rexian_store_get_calendar (seat_b)), ==, 2027);

  /* A seat opened later starts with it. */
  {
    g_autoptr(RexianStore) seat_c = test_open (fixture->path);

    g_assert_cmpint (rexian_calendar_get_last_year (rexian_store_get_calendar (seat_c)), ==,
                     2027);
  }
}

static void
test_holiday_data_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(RexianStore) store = test_open (fixture->path);
  g_autoptr(GError) error = NULL;

  /* Malformed: the parser's message, nothing saved. */
  g_assert_false (rexian_store_set_holiday_data (store, "[2027]\noff=2027-13-01\n", &error));
  g_assert_error (error, REXIAN_CALENDAR_ERROR, REXIAN_CALENDAR_ERROR_PARSE);
  g_clear_error (&error);

  /* Ending before the data in use: deadlines already counted would become uncountable. */
  g_assert_false (rexian_store_set_holiday_data (store, "[2025]\noff=2025-01-01\n", &error));
  g_assert_error (error, REXIAN_CALENDAR_ERROR, REXIAN_CALENDAR_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  g_assert_null (rexian_store_get_setting (store, REXIAN_STORE_HOLIDAYS_KEY, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rexian_calendar_get_last_year (rexian_store_get_calendar (store)), ==, 2026);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/rules/merge-records-both-sides", test_merge_records_both_sides);
  ADD ("/store/rules/merge-refuses-closed-and-merged", test_merge_refuses_closed_and_merged_targets);
  ADD ("/store/rules/archived-read-only", test_archived_orders_are_read_only);
  ADD ("/store/rules/holidays-shared", test_holiday_data_is_shared);
  ADD ("/store/rules/holidays-refused", test_holiday_data_refused);

#undef ADD

  return g_test_run ();
}
