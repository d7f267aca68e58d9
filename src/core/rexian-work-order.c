/* rexian-work-order.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rexian-work-order.h"

struct _RexianWorkOrder
{
  GObject             parent_instance;

  gint64              id;
  char               *number;
  gint64              version;
  int                 state;

  int                 channel;
  int                 kind;
  gint64              category_id;
  char               *category_name;
  char               *caller_name;
  char               *caller_title;
  char               *caller_phone;
  char               *caller_address;
  gboolean            confidential;
  gboolean            emergency;
  gboolean            repeated;
  gint64              event_time;
  char               *event_place;
  char               *event_course;
  char               *present_state;
  char               *request;
  char               *summary;
  gint64              intake_agent_id;
  char               *intake_agent_name;
  gint64              created_at;
  gint64              updated_at;
  gint64              dispatch_deadline;

  char               *transfer_opinion;
  gint64              lead_department_id;
  char               *lead_department_name;
  GArray             *assist_department_ids;
  gint64              dispatched_at;
  gint64              deadline;
  char               *handler_name;
  char               *handler_phone;

  char               *handling_result;
  gint64              replied_at;
  int                 followup_process;
  int                 followup_result;
  char               *followup_note;

  gboolean            supervised;
  int                 rehandle_count;
  int                 return_count;
  gboolean            return_pending;
  int                 extension_count;
  int                 extension_requested_days;
  gint64              merged_into_id;
  char               *merged_into_number;
  gint64              closed_at;
  gint64              archived_at;
};

G_DEFINE_FINAL_TYPE (RexianWorkOrder, rexian_work_order, G_TYPE_OBJECT)

/* Every scalar field is described once here: its kind, its property name and where it
 * lives in the struct.  Properties, accessors and the deep copy all walk this list, so a
 * field cannot be forgotten in one of them.  The enums are exposed as int properties
 * bounded by their range (see field_max()). */
#define WORK_ORDER_FIELDS(X) \
  X (INT64, id, ID, "id")                                                                 \
  X (STR, number, NUMBER, "number")                                                       \
  X (INT64, version, VERSION, "version")                                                  \
  X (ENUM, state, STATE, "state")                                                         \
  X (ENUM, channel, CHANNEL, "channel")                                                   \
  X (ENUM, kind, KIND, "kind")                                                            \
  X (INT64, category_id, CATEGORY_ID, "category-id")                                      \
  X (STR, category_name, CATEGORY_NAME, "category-name")                                  \
  X (STR, caller_name, CALLER_NAME, "caller-name")                                        \
  X (STR, caller_title, CALLER_TITLE, "caller-title")                                     \
  X (STR, caller_phone, CALLER_PHONE, "caller-phone")                                     \
  X (STR, caller_address, CALLER_ADDRESS, "caller-address")                               \
  X (BOOL, confidential, CONFIDENTIAL, "confidential")                                    \
  X (BOOL, emergency, EMERGENCY, "emergency")                                             \
  X (BOOL, repeated, REPEATED, "repeated")                                                \
  X (INT64, event_time, EVENT_TIME, "event-time")                                         \
  X (STR, event_place, EVENT_PLACE, "event-place")                                        \
  X (STR, event_course, EVENT_COURSE, "event-course")                                     \
  X (STR, present_state, PRESENT_STATE, "present-state")                                  \
  X (STR, request, REQUEST, "request")                                                    \
  X (STR, summary, SUMMARY, "summary")                                                    \
  X (INT64, intake_agent_id, INTAKE_AGENT_ID, "intake-agent-id")                          \
  X (STR, intake_agent_name, INTAKE_AGENT_NAME, "intake-agent-name")                      \
  X (INT64, created_at, CREATED_AT, "created-at")                                         \
  X (INT64, updated_at, UPDATED_AT, "updated-at")                                         \
  X (INT64, dispatch_deadline, DISPATCH_DEADLINE, "dispatch-deadline")                    \
  X (STR, transfer_opinion, TRANSFER_OPINION, "transfer-opinion")                         \
  X (INT64, lead_department_id, LEAD_DEPARTMENT_ID, "lead-department-id")                 \
  X (STR, lead_department_name, LEAD_DEPARTMENT_NAME, "lead-department-name")             \
  X (INT64, dispatched_at, DISPATCHED_AT, "dispatched-at")                                \
  X (INT64, deadline, DEADLINE, "deadline")                                               \
  X (STR, handler_name, HANDLER_NAME, "handler-name")                                     \
  X (STR, handler_phone, HANDLER_PHONE, "handler-phone")                                  \
  X (STR, handling_result, HANDLING_RESULT, "handling-result")                            \
  X (INT64, replied_at, REPLIED_AT, "replied-at")                                         \
  X (ENUM, followup_process, FOLLOWUP_PROCESS, "followup-process")                        \
  X (ENUM, followup_result, FOLLOWUP_RESULT, "followup-result")                           \
  X (STR, followup_note, FOLLOWUP_NOTE, "followup-note")                                  \
  X (BOOL, supervised, SUPERVISED, "supervised")                                          \
  X (INT, rehandle_count, REHANDLE_COUNT, "rehandle-count")                               \
  X (INT, return_count, RETURN_COUNT, "return-count")                                     \
  X (BOOL, return_pending, RETURN_PENDING, "return-pending")                              \
  X (INT, extension_count, EXTENSION_COUNT, "extension-count")                            \
  X (INT, extension_requested_days, EXTENSION_REQUESTED_DAYS, "extension-requested-days") \
  X (INT64, merged_into_id, MERGED_INTO_ID, "merged-into-id")                             \
  X (STR, merged_into_number, MERGED_INTO_NUMBER, "merged-into-number")                   \
  X (INT64, closed_at, CLOSED_AT, "closed-at")                                            \
  X (INT64, archived_at, ARCHIVED_AT, "archived-at")                                     

typedef enum
{
  FIELD_STR,
  FIELD_INT64,
  FIELD_INT,
  FIELD_ENUM,
  FIELD_BOOL,
} FieldType;

typedef struct
{
  FieldType   type;
  const char *name;
  gsize       offset;
} FieldInfo;

enum {
  PROP_0,
#define X(type, field, UPPER, name) PROP_##UPPER,
  WORK_ORDER_FIELDS (X)
#undef X
  PROP_ASSIST_DEPARTMENT_IDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const FieldInfo fields[N_PROPS] = {
#define X(type, field, UPPER, name) \
  [PROP_##UPPER] = { FIELD_##type, name, G_STRUCT_OFFSET (RexianWorkOrder, field) },
  WORK_ORDER_FIELDS (X)
#undef X
};

/* The largest value an int property accepts: the last enum member, or any count. */
static int
field_max (guint prop_id)
{
  switch (prop_id)
    {
    case PROP_STATE:
      return REXIAN_N_STATES - 1;
    case PROP_CHANNEL:
      return REXIAN_N_CHANNELS - 1;
    case PROP_KIND:
      return REXIAN_N_REQUEST_KINDS - 1;
    case PROP_FOLLOWUP_PROCESS:
    case PROP_FOLLOWUP_RESULT:
      return REXIAN_SATISFACTION_UNREACHABLE;
    default:
      return G_MAXINT;
    }
}

static gboolean
is_scalar_prop (guint prop_id)
{
  return prop_id > PROP_0 && prop_id < PROP_ASSIST_DEPARTMENT_IDS;
}

static void
set_str_field (RexianWorkOrder *self,
               guint            prop_id,
               const char      *value)
{
  char **slot = G_STRUCT_MEMBER_P (self, fields[prop_id].offset);

  if (g_strcmp0 (*slot, value) == 0)
    return;

  g_free (*slot);
  *slot = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_int64_field (RexianWorkOrder *self,
                 guint            prop_id,
                 gint64           value)
{
  gint64 *slot = G_STRUCT_MEMBER_P (self, fields[prop_id].offset);

  if (*slot == value)
    return;

  *slot = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_int_field (RexianWorkOrder *self,
               guint            prop_id,
               int              value)
{
  int *slot = G_STRUCT_MEMBER_P (self, fields[prop_id].offset);

  g_return_if_fail (value >= 0 && value <= field_max (prop_id));

  if (*slot == value)
    return;

  *slot = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_bool_field (RexianWorkOrder *self,
                guint            prop_id,
                gboolean         value)
{
  gboolean *slot = G_STRUCT_MEMBER_P (self, fields[prop_id].offset);

  /* Any non-zero value means TRUE; normalising keeps "changed" honest. */
  value = !!value;

  if (*slot == value)
    return;

  *slot = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static gboolean
id_arrays_equal (GArray       *array,
                 const gint64 *ids,
                 guint         n_ids)
{
  if (array->len != n_ids)
    return FALSE;

  for (guint i = 0; i < n_ids; i++)
    {
      if (g_array_index (array, gint64, i) != ids[i])
        return FALSE;
    }

  return TRUE;
}

static void
rexian_work_order_finalize (GObject *object)
{
  RexianWorkOrder *self = (RexianWorkOrder *) object;

  for (guint prop_id = 1; prop_id < PROP_ASSIST_DEPARTMENT_IDS; prop_id++)
    {
      if (fields[prop_id].type == FIELD_STR)
        g_clear_pointer ((char **) G_STRUCT_MEMBER_P (self, fields[prop_id].offset), g_free);
    }

  g_clear_pointer (&self->assist_department_ids, g_array_unref);

  G_OBJECT_CLASS (rexian_work_order_parent_class)->finalize (object);
}

static void
rexian_work_order_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RexianWorkOrder *self = REXIAN_WORK_ORDER (object);

  if (prop_id == PROP_ASSIST_DEPARTMENT_IDS)
    {
      g_value_set_boxed (value, self->assist_department_ids);
      return;
    }

  if (!is_scalar_prop (prop_id))
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  switch (fields[prop_id].type)
    {
    case FIELD_STR:
      g_value_set_string (value, G_STRUCT_MEMBER (char *, self, fields[prop_id].offset));
      break;

    case FIELD_INT64:
      g_value_set_int64 (value, G_STRUCT_MEMBER (gint64, self, fields[prop_id].offset));
      break;

    case FIELD_INT:
    case FIELD_ENUM:
      g_value_set_int (value, G_STRUCT_MEMBER (int, self, fields[prop_id].offset));
      break;

    case FIELD_BOOL:
      g_value_set_boolean (value, G_STRUCT_MEMBER (gboolean, self, fields[prop_id].offset));
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
rexian_work_order_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RexianWorkOrder *self = REXIAN_WORK_ORDER (object);

  if (prop_id == PROP_ASSIST_DEPARTMENT_IDS)
    {
      GArray *ids = g_value_get_boxed (value);

      if (ids != NULL)
        rexian_work_order_set_assist_department_ids (self, (const gint64 *) (gpointer) ids->data,
                                                     ids->len);
      else
        rexian_work_order_set_assist_department_ids (self, NULL, 0);
      return;
    }

  if (!is_scalar_prop (prop_id))
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  switch (fields[prop_id].type)
    {
    case FIELD_STR:
      set_str_field (self, prop_id, g_value_get_string (value));
      break;

    case FIELD_INT64:
      set_int64_field (self, prop_id, g_value_get_int64 (value));
      break;

    case FIELD_INT:
    case FIELD_ENUM:
      set_int_field (self, prop_id, g_value_get_int (value));
      break;

    case FIELD_BOOL:
      set_bool_field (self, prop_id, g_value_get_boolean (value));
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
rexian_work_order_class_init (RexianWorkOrderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                             | G_PARAM_STATIC_STRINGS);

  object_class->finalize = rexian_work_order_finalize;
  object_class->get_property = rexian_work_order_get_property;
  object_class->set_property = rexian_work_order_set_property;

  for (guint prop_id = 1; prop_id < PROP_ASSIST_DEPARTMENT_IDS; prop_id++)
    {
      const FieldInfo *info = &fields[prop_id];

      switch (info->type)
        {
        case FIELD_STR:
          properties[prop_id] = g_param_spec_string (info->name, NULL, NULL, NULL, flags);
          break;

        case FIELD_INT64:
          properties[prop_id] = g_param_spec_int64 (info->name, NULL, NULL,
                                                    G_MININT64, G_MAXINT64, 0, flags);
          break;

        case FIELD_INT:
        case FIELD_ENUM:
          properties[prop_id] = g_param_spec_int (info->name, NULL, NULL,
                                                  0, field_max (prop_id), 0, flags);
          break;

        case FIELD_BOOL:
          properties[prop_id] = g_param_spec_boolean (info->name, NULL, NULL, FALSE, flags);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  /* A GArray of gint64 department ids (协办). */
  properties[PROP_ASSIST_DEPARTMENT_IDS] =
    g_param_spec_boxed ("assist-department-ids", NULL, NULL, G_TYPE_ARRAY, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rexian_work_order_init (RexianWorkOrder *self)
{
  self->assist_department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

RexianWorkOrder *
rexian_work_order_new (void)
{
  return g_object_new (REXIAN_TYPE_WORK_ORDER, NULL);
}

RexianWorkOrder *
rexian_work_order_copy (RexianWorkOrder *self)
{
  RexianWorkOrder *copy;

  g_return_val_if_fail (REXIAN_IS_WORK_ORDER (self), NULL);

  copy = rexian_work_order_new ();

  /* The copy is new, so nobody listens to it yet: write the fields directly. */
  for (guint prop_id = 1; prop_id < PROP_ASSIST_DEPARTMENT_IDS; prop_id++)
    {
      gsize offset = fields[prop_id].offset;

      switch (fields[prop_id].type)
        {
        case FIELD_STR:
          G_STRUCT_MEMBER (char *, copy, offset) =
            g_strdup (G_STRUCT_MEMBER (char *, self, offset));
          break;

        case FIELD_INT64:
          G_STRUCT_MEMBER (gint64, copy, offset) = G_STRUCT_MEMBER (gint64, self, offset);
          break;

        case FIELD_INT:
        case FIELD_ENUM:
          G_STRUCT_MEMBER (int, copy, offset) = G_STRUCT_MEMBER (int, self, offset);
          break;

        case FIELD_BOOL:
          G_STRUCT_MEMBER (gboolean, copy, offset) = G_STRUCT_MEMBER (gboolean, self, offset);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  g_array_append_vals (copy->assist_department_ids,
                       self->assist_department_ids->data,
                       self->assist_department_ids->len);

  return copy;
}

#define DEFINE_STR_FIELD(field, UPPER)                                  \
  const char *                                                          \
  rexian_work_order_get_##field (RexianWorkOrder *self)                 \
  {                                                                     \
    g_return_val_if_fail (REXIAN_IS_WORK_ORDER (self), NULL);           \
    return self->field;                                                 \
  }                                                                     \
                                                                        \
  void                                                                  \
  rexian_work_order_set_##field (RexianWorkOrder *self,                 \
                                 const char      *value)                \
  {                                                                     \
    g_return_if_fail (REXIAN_IS_WORK_ORDER (self));                     \
    set_str_field (self, PROP_##UPPER, value);                          \
  }

#define DEFINE_INT64_FIELD(field, UPPER)                                \
  gint64                                                                \
  rexian_work_order_get_##field (RexianWorkOrder *self)                 \
  {                                                                     \
    g_return_val_if_fail (REXIAN_IS_WORK_ORDER (self), 0);              \
    return self->field;                                                 \
  }                                                                     \
                                                                        \
  void                                                                  \
  rexian_work_order_set_##field (RexianWorkOrder *self,                 \
                                 gint64           value)                \
  {                                                                     \
    g_return_if_fail (REXIAN_IS_WORK_ORDER (self));                     \
    set_int64_field (self, PROP_##UPPER, value);                        \
  }

#define DEFINE_TYPED_INT_FIELD(Type, field, UPPER)                      \
  Type                                                                  \
  rexian_work_order_get_##field (RexianWorkOrder *self)                 \
  {                                                                     \
    g_return_val_if_fail (REXIAN_IS_WORK_ORDER (self), 0);              \
    return (Type) self->field;                                          \
  }                                                                     \
                                                                        \
  void                                                                  \
  rexian_work_order_set_##field (RexianWorkOrder *self,                 \
                                 Type             value)                \
  {                                                                     \
    g_return_if_fail (REXIAN_IS_WORK_ORDER (self));                     \
    set_int_field (self, PROP_##UPPER, (int) value);                    \
  }

#define DEFINE_BOOL_FIELD(field, UPPER)                                 \
  gboolean                                                              \
  rexian_work_order_get_##field (RexianWorkOrder *self)                 \
  {                                                                     \
    g_return_val_if_fail (REXIAN_IS_WORK_ORDER (self), FALSE);          \
    return self->field;                                                 \
  }                                                                     \
                                                                        \
  void                                                                  \
  rexian_work_order_set_##field (RexianWorkOrder *self,                 \
                                 gboolean         value)                \
  {                                                                     \
    g_return_if_fail (REXIAN_IS_WORK_ORDER (self));                     \
    set_bool_field (self, PROP_##UPPER, value);                         \
  }

DEFINE_INT64_FIELD (id, ID)
DEFINE_STR_FIELD (number, NUMBER)
DEFINE_INT64_FIELD (version, VERSION)
DEFINE_TYPED_INT_FIELD (RexianState, state, STATE)
DEFINE_TYPED_INT_FIELD (RexianChannel, channel, CHANNEL)
DEFINE_TYPED_INT_FIELD (RexianRequestKind, kind, KIND)
DEFINE_INT64_FIELD (category_id, CATEGORY_ID)
DEFINE_STR_FIELD (category_name, CATEGORY_NAME)
DEFINE_STR_FIELD (caller_name, CALLER_NAME)
DEFINE_STR_FIELD (caller_title, CALLER_TITLE)
DEFINE_STR_FIELD (caller_phone, CALLER_PHONE)
DEFINE_STR_FIELD (caller_address, CALLER_ADDRESS)
DEFINE_BOOL_FIELD (confidential, CONFIDENTIAL)
DEFINE_BOOL_FIELD (emergency, EMERGENCY)
DEFINE_BOOL_FIELD (repeated, REPEATED)
DEFINE_INT64_FIELD (event_time, EVENT_TIME)
DEFINE_STR_FIELD (event_place, EVENT_PLACE)
DEFINE_STR_FIELD (event_course, EVENT_COURSE)
DEFINE_STR_FIELD (present_state, PRESENT_STATE)
DEFINE_STR_FIELD (request, REQUEST)
DEFINE_STR_FIELD (summary, SUMMARY)
DEFINE_INT64_FIELD (intake_agent_id, INTAKE_AGENT_ID)
DEFINE_STR_FIELD (intake_agent_name, INTAKE_AGENT_NAME)
DEFINE_INT64_FIELD (created_at, CREATED_AT)
DEFINE_INT64_FIELD (updated_at, UPDATED_AT)
DEFINE_INT64_FIELD (dispatch_deadline, DISPATCH_DEADLINE)
DEFINE_STR_FIELD (transfer_opinion, TRANSFER_OPINION)
DEFINE_INT64_FIELD (lead_department_id, LEAD_DEPARTMENT_ID)
DEFINE_STR_FIELD (lead_department_name, LEAD_DEPARTMENT_NAME)
DEFINE_INT64_FIELD (dispatched_at, DISPATCHED_AT)
DEFINE_INT64_FIELD (deadline, DEADLINE)
DEFINE_STR_FIELD (handler_name, HANDLER_NAME)
DEFINE_STR_FIELD (handler_phone, HANDLER_PHONE)
DEFINE_STR_FIELD (handling_result, HANDLING_RESULT)
DEFINE_INT64_FIELD (replied_at, REPLIED_AT)
DEFINE_TYPED_INT_FIELD (RexianSatisfaction, followup_process, FOLLOWUP_PROCESS)
DEFINE_TYPED_INT_FIELD (RexianSatisfaction, followup_result, FOLLOWUP_RESULT)
DEFINE_STR_FIELD (followup_note, FOLLOWUP_NOTE)
DEFINE_BOOL_FIELD (supervised, SUPERVISED)
DEFINE_TYPED_INT_FIELD (int, rehandle_count, REHANDLE_COUNT)
DEFINE_TYPED_INT_FIELD (int, return_count, RETURN_COUNT)
DEFINE_BOOL_FIELD (return_pending, RETURN_PENDING)
DEFINE_TYPED_INT_FIELD (int, extension_count, EXTENSION_COUNT)
DEFINE_TYPED_INT_FIELD (int, extension_requested_days, EXTENSION_REQUESTED_DAYS)
DEFINE_INT64_FIELD (merged_into_id, MERGED_INTO_ID)
DEFINE_STR_FIELD (merged_into_number, MERGED_INTO_NUMBER)
DEFINE_INT64_FIELD (closed_at, CLOSED_AT)
DEFINE_INT64_FIELD (archived_at, ARCHIVED_AT)

GArray *
rexian_work_order_get_assist_department_ids (RexianWorkOrder *self)
{
  g_return_val_if_fail (REXIAN_IS_WORK_ORDER (self), NULL);

  return self->assist_department_ids;
}

void
rexian_work_order_set_assist_department_ids (RexianWorkOrder *self,
                                             const gint64    *ids,
                                             guint            n_ids)
{
  GArray *replacement;

  g_return_if_fail (REXIAN_IS_WORK_ORDER (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  if (id_arrays_equal (self->assist_department_ids, ids, n_ids))
    return;

  /* A fresh array rather than an edit in place: a caller holding the old array (a
   * binding, a dialog) keeps a consistent snapshot.  It is filled before the old one is
   * dropped, because @ids may point into the old one. */
  replacement = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  if (n_ids > 0)
    g_array_append_vals (replacement, ids, n_ids);
  g_clear_pointer (&self->assist_department_ids, g_array_unref);
  self->assist_department_ids = replacement;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSIST_DEPARTMENT_IDS]);
}

static void
append_stars (GString *str,
              guint    n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_c (str, '*');
}

char *
rexian_mask_name (const char *name)
{
  g_autofree char *valid = NULL;
  GString *str;
  const char *rest;
  glong n_rest;

  if (name == NULL)
    return g_strdup ("");

  valid = g_strstrip (g_utf8_make_valid (name, -1));
  if (*valid == '\0')
    return g_strdup ("");

  /* The first character (the family name, in most cases) stays so an agent can still
   * address the caller; the rest becomes one star per character, but never fewer than
   * two, so a one- or two-character name does not give away its length. */
  rest = g_utf8_next_char (valid);
  n_rest = g_utf8_strlen (rest, -1);

  str = g_string_new_len (valid, rest - valid);
  append_stars (str, MAX (n_rest, 2));

  return g_string_free (str, FALSE);
}

char *
rexian_mask_phone (const char *phone)
{
  g_autofree char *valid = NULL;
  const char *number;
  GString *str;
  guint n_digits = 0;
  guint head;
  guint tail;
  guint index = 0;

  if (phone == NULL)
    return g_strdup ("");

  valid = g_strstrip (g_utf8_make_valid (phone, -1));
  str = g_string_sized_new (strlen (valid));

  /* China's country code says nothing about the caller; the digits after it are the
   * number proper. */
  number = valid;
  if (g_str_has_prefix (number, "+86"))
    {
      g_string_append (str, "+86");
      number += strlen ("+86");
    }

  for (const char *p = number; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_ascii_isdigit (*p))
        n_digits++;
    }

  /* Only digits are hidden; separators and a leading '+' stay, so the shape of the
   * number is still recognisable.  A mobile number (11 digits) or a landline with its
   * area code keeps its first three and last four digits.  Shorter numbers keep less,
   * so that at least half of the digits are always hidden. */
  if (n_digits >= 10)
    {
      head = 3;
      tail = 4;
    }
  else if (n_digits >= 8)
    {
      head = 0;
      tail = 4;
    }
  else if (n_digits >= 4)
    {
      head = 0;
      tail = 2;
    }
  else
    {
      head = 0;
      tail = 0;
    }

  for (const char *p = number; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_ascii_isdigit (*p))
        {
          g_string_append_len (str, p, g_utf8_next_char (p) - p);
          continue;
        }

      if (index < head || index >= n_digits - tail)
        g_string_append_c (str, *p);
      else
        g_string_append_c (str, '*');

      index++;
    }

  return g_string_free (str, FALSE);
}

char *
rexian_work_order_dup_display_caller (RexianWorkOrder *self)
{
  g_return_val_if_fail (REXIAN_IS_WORK_ORDER (self), NULL);

  if (self->confidential)
    return rexian_mask_name (self->caller_name);

  return g_strdup (self->caller_name != NULL ? self->caller_name : "");
}

char *
rexian_work_order_dup_display_phone (RexianWorkOrder *self)
{
  g_return_val_if_fail (REXIAN_IS_WORK_ORDER (self), NULL);

  if (self->confidential)
    return rexian_mask_phone (self->caller_phone);

  return g_strdup (self->caller_phone != NULL ? self->caller_phone : "");
}
