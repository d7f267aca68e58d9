/* rexian-form-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-form-document.h"
#include "rexian-order-query.h"
#include "rexian-records.h"
#include "rexian-store-stats.h"
#include "rexian-work-order.h"

/* Room left to write by hand in the large cells of the 转办单, in points. */
#define TALL_CELL   96.0
#define MEDIUM_CELL 40.0

static const char *const kind_names[REXIAN_N_FORM_KINDS] = {
  [REXIAN_FORM_RECORD] = "record",
  [REXIAN_FORM_TRANSFER] = "transfer",
  [REXIAN_FORM_ORDER] = "order",
};

const char *
rexian_form_kind_to_string (RexianFormKind kind)
{
  g_return_val_if_fail (kind < REXIAN_N_FORM_KINDS, NULL);

  return kind_names[kind];
}

gboolean
rexian_form_kind_from_string (const char     *str,
                              RexianFormKind *out)
{
  for (guint i = 0; i < REXIAN_N_FORM_KINDS; i++)
    if (g_strcmp0 (str, kind_names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }

  return FALSE;
}

static void
field_free (gpointer data)
{
  RexianFormField *field = data;

  g_free (field->label);
  g_free (field->value);
  g_free (field->label2);
  g_free (field->value2);
  g_free (field);
}

static RexianFormDocument *
document_new (RexianFormKind  kind,
              const char     *title,
              const char     *subtitle,
              gint64          now)
{
  RexianFormDocument *document = g_new0 (RexianFormDocument, 1);
  g_autoptr(GDateTime) produced = g_date_time_new_from_unix_local (now);
  g_autofree char *when = g_date_time_format (produced, "%Y-%m-%d %H:%M");

  g_atomic_ref_count_init (&document->ref_count);
  document->kind = kind;
  document->title = g_strdup (title);
  document->subtitle = g_strdup (subtitle);
  /* Translators: %s is the date and time a printed form was made. */
  document->produced_text = g_strdup_printf (_("Produced %s"), when);
  document->fields = g_ptr_array_new_with_free_func (field_free);

  return document;
}

static char *
format_time (gint64 at)
{
  g_autoptr(GDateTime) time = NULL;

  if (at <= 0)
    return g_strdup ("");

  time = g_date_time_new_from_unix_local (at);
  return g_date_time_format (time, "%Y-%m-%d %H:%M");
}

static const char *
empty_if_null (const char *text)
{
  return text != NULL ? text : "";
}

/* The 记录单 */

/* What the caller asked about: the one-line summary, else the request in full. */
static const char *
order_content (RexianWorkOrder *order)
{
  const char *summary = rexian_work_order_get_summary (order);

  if (summary != NULL && *summary != '\0')
    return summary;

  return empty_if_null (rexian_work_order_get_request (order));
}

static char *
record_note (RexianWorkOrder *order)
{
  g_autoptr(GString) note = g_string_new (NULL);

  /* Translators: the note of a row of the 记录单: the order's number and its state. */
  g_string_printf (note, _("No. %s · %s"), rexian_work_order_get_number (order),
                   rexian_state_get_label (rexian_work_order_get_state (order)));
  if (rexian_work_order_get_confidential (order))
    g_string_append_printf (note, " · %s", _("Confidential"));
  if (rexian_work_order_get_emergency (order))
    g_string_append_printf (note, " · %s", _("Emergency"));

  return g_string_free (g_steal_pointer (&note), FALSE);
}

RexianFormDocument *
rexian_form_document_load_record (RexianStore  *store,
                                  gint64        from,
                                  gint64        to,
                                  gint64        now,
                                  GError      **error)
{
  g_autoptr(RexianFormDocument) document = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GDateTime) first_day = NULL;
  g_autoptr(GDateTime) last_day = NULL;
  g_auto(GStrv) dates = g_new0 (char *, 3);
  g_autofree char *subtitle = NULL;
  RexianPeriod first, last, period;
  RexianReportTable *table;
  const char *headings[] = {
    /* Translators: the columns of the 记录单 (DB1405 Table A.1), in the standard's own
     * words: 时间, 咨询对象姓名, 电话, 咨询内容, 受理人, 备注. */
    _("Record Time"), _("Inquirer’s Name"), _("Telephone"), _("Inquiry Content"),
    _("Intake Agent"), _("Remarks"), NULL
  };

  g_return_val_if_fail (REXIAN_IS_STORE (store), NULL);

  rexian_period_init (&first, REXIAN_PERIOD_DAY, MIN (from, to));
  rexian_period_init (&last, REXIAN_PERIOD_DAY, MAX (from, to));
  rexian_period_init_range (&period, first.start, last.end);

  ids = rexian_store_stats_list_orders (store, &period, now, REXIAN_ORDER_FILTER_ORDERS, 0, 0,
                                        error);
  if (ids == NULL)
    return NULL;

  /* The drill-down lists newest first; a record sheet reads in the order of the calls. */
  for (guint i = 0; i < ids->len / 2; i++)
    {
      gint64 tmp = g_array_index (ids, gint64, i);

      g_array_index (ids, gint64, i) = g_array_index (ids, gint64, ids->len - 1 - i);
      g_array_index (ids, gint64, ids->len - 1 - i) = tmp;
    }

  orders = rexian_store_get_orders_by_ids (store, (const gint64 *) ids->data, ids->len, error);
  if (orders == NULL)
    return NULL;

  first_day = g_date_time_new_from_unix_local (first.start);
  last_day = g_date_time_new_from_unix_local (last.start);
  dates[0] = g_date_time_format (first_day, "%Y-%m-%d");
  dates[1] = g_date_time_format (last_day, "%Y-%m-%d");
  /* Translators: the days a 记录单 covers, the first and the last. */
  subtitle = g_strdup_printf (_("Days: %s – %s"), dates[0], dates[1]);
  document = document_new (REXIAN_FORM_RECORD, _("Record Sheet"), subtitle, now);
  document->first_day = g_steal_pointer (&dates[0]);
  document->last_day = g_steal_pointer (&dates[1]);
  document->tables = rexian_report_document_new_blank (document->title, subtitle, now);
  /* Translators: the caption of the 记录单's table, as in DB1405: 表A.1 记录单. */
  table = rexian_report_document_add_table (document->tables, _("Table A.1 Record Sheet"),
                                            document->title, headings);

  for (guint i = 0; i < orders->len; i++)
    {
      RexianWorkOrder *order = g_ptr_array_index (orders, i);
      g_autofree char *caller = NULL;
      g_autofree char *phone = NULL;
      g_autofree char *note = NULL;
      const char *agent;

      if (rexian_work_order_get_id (order) == 0)
        continue;

      caller = rexian_work_order_dup_display_caller (order);
      phone = rexian_work_order_dup_display_phone (order);
      note = record_note (order);
      agent = rexian_work_order_get_intake_agent_name (order);
      rexian_report_table_add_time (table, rexian_work_order_get_created_at (order));
      rexian_report_table_add_text (table, caller);
      rexian_report_table_add_text (table, phone);
      rexian_report_table_add_text (table, order_content (order));
      rexian_report_table_add_text (table, empty_if_null (agent));
      rexian_report_table_add_text (table, note);
    }

  return g_steal_pointer (&document);
}

/* The 转办单 */

static void
add_field (RexianFormDocument *document,
           const char         *label,
           const char         *value,
           const char         *label2,
           const char         *value2,
           double              min_height)
{
  RexianFormField *field = g_new0 (RexianFormField, 1);

  field->label = g_strdup (label);
  field->value = g_strdup (empty_if_null (value));
  field->label2 = g_strdup (label2);
  field->value2 = label2 != NULL ? g_strdup (empty_if_null (value2)) : NULL;
  field->min_height = min_height;
  g_ptr_array_add (document->fields, field);
}

static const char *
department_name (GPtrArray *departments,
                 gint64     id)
{
  for (guint i = 0; departments != NULL && i < departments->len; i++)
    {
      RexianDepartment *department = g_ptr_array_index (departments, i);

      if (department->id == id)
        return department->name;
    }

  return NULL;
}

/* The lead department first, then the assisting ones, joined with 、. */
static char *
join_departments (RexianWorkOrder *order,
                  GPtrArray       *departments)
{
  GArray *assist = rexian_work_order_get_assist_department_ids (order);
  const char *lead = rexian_work_order_get_lead_department_name (order);
  g_autoptr(GString) text = g_string_new (NULL);

  if (lead == NULL || *lead == '\0')
    lead = department_name (departments, rexian_work_order_get_lead_department_id (order));
  if (lead != NULL)
    g_string_append (text, lead);

  for (guint i = 0; i < assist->len; i++)
    {
      const char *name = department_name (departments, g_array_index (assist, gint64, i));

      if (name == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, "、");
      g_string_append (text, name);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
append_line (GString    *text,
             const char *label,
             const char *value)
{
  if (value == NULL || *value == '\0')
    return;

  if (text->len > 0)
    g_string_append_c (text, '\n');
  if (label != NULL)
    /* Translators: a labelled line inside a cell of a printed form: "Place: 解放路". */
    g_string_append_printf (text, _("%s: %s"), label, value);
  else
    g_string_append (text, value);
}

/* 咨询内容: the summary, then where and what happened and what the caller asks for. */
static char *
describe_content (RexianWorkOrder *order)
{
  GString *text = g_string_new (NULL);
  g_autofree char *event_time = format_time (rexian_work_order_get_event_time (order));

  append_line (text, NULL, rexian_work_order_get_summary (order));
  append_line (text, _("Event time"), event_time);
  append_line (text, _("Place"), rexian_work_order_get_event_place (order));
  append_line (text, _("Course"), rexian_work_order_get_event_course (order));
  append_line (text, _("Present state"), rexian_work_order_get_present_state (order));
  append_line (text, _("Request"), rexian_work_order_get_request (order));

  return g_string_free (text, FALSE);
}

/* 回访情况: the answers to the follow-up visit, then its notes. */
static char *
describe_followup (RexianWorkOrder *order)
{
  RexianSatisfaction process = rexian_work_order_get_followup_process (order);
  RexianSatisfaction result = rexian_work_order_get_followup_result (order);
  GString *text = g_string_new (NULL);

  if (process != REXIAN_SATISFACTION_NONE)
    append_line (text, _("Satisfaction with the process"), rexian_satisfaction_get_label (process));
  if (result != REXIAN_SATISFACTION_NONE)
    append_line (text, _("Satisfaction with the result"), rexian_satisfaction_get_label (result));
  append_line (text, NULL, rexian_work_order_get_followup_note (order));

  return g_string_free (text, FALSE);
}

/* "No. 202611230001": under a form's title. */
static char *
describe_number (RexianWorkOrder *order)
{
  /* Translators: the work order's number under the title of a printed form. */
  return g_strdup_printf (_("Work order No. %s"), rexian_work_order_get_number (order));
}

RexianFormDocument *
rexian_form_document_new_transfer (RexianWorkOrder *order,
                                   GPtrArray       *departments,
                                   gint64           now)
{
  RexianFormDocument *document;
  g_autofree char *subtitle = describe_number (order);
  g_autofree char *called = format_time (rexian_work_order_get_created_at (order));
  g_autofree char *dispatched = format_time (rexian_work_order_get_dispatched_at (order));
  g_autofree char *caller = rexian_work_order_dup_display_caller (order);
  g_autofree char *phone = rexian_work_order_dup_display_phone (order);
  g_autofree char *content = describe_content (order);
  g_autofree char *to = join_departments (order, departments);
  g_autofree char *followup = describe_followup (order);

  g_return_val_if_fail (REXIAN_IS_WORK_ORDER (order), NULL);

  document = document_new (REXIAN_FORM_TRANSFER, _("Transfer Form"), subtitle, now);
  document->number = g_strdup (rexian_work_order_get_number (order));

  /* Table B.1, row by row, in the standard's own labels. */
  add_field (document, _("Intake Agent"), rexian_work_order_get_intake_agent_name (order),
             _("Call Time"), called, 0);
  add_field (document, _("Inquirer’s Name"), caller, _("Contact Phone"), phone, 0);
  add_field (document, _("Contact Address"), rexian_work_order_get_caller_address (order),
             NULL, NULL, 0);
  add_field (document, _("Inquiry Content"), content, NULL, NULL, TALL_CELL);
  add_field (document, _("Transferred To"), to, _("Transfer Time"), dispatched, 0);
  add_field (document, _("Handling Officer"), rexian_work_order_get_handler_name (order),
             _("Handling Officer’s Phone"), rexian_work_order_get_handler_phone (order), 0);
  add_field (document, _("Handling Status"), rexian_work_order_get_handling_result (order),
             NULL, NULL, TALL_CELL);
  add_field (document, _("Follow-up Status"), followup, NULL, NULL, MEDIUM_CELL * 2);

  return document;
}

/* The whole work order */

static const char *
yes_no (gboolean value)
{
  return value ? _("Yes") : _("No");
}

static void
add_pair (RexianReportTable *table,
          const char        *label,
          const char        *value)
{
  rexian_report_table_add_text (table, label);
  rexian_report_table_add_text (table, empty_if_null (value));
}

static void
add_time_pair (RexianReportTable *table,
               const char        *label,
               gint64             at)
{
  g_autofree char *text = format_time (at);

  add_pair (table, label, text);
}

static void
add_count_pair (RexianReportTable *table,
                const char        *label,
                int                count)
{
  g_autofree char *text = g_strdup_printf ("%d", count);

  add_pair (table, label, text);
}

static RexianReportTable *
add_section (RexianFormDocument *document,
             const char         *title)
{
  const char *headings[] = { _("Item"), _("Content"), NULL };
  RexianReportTable *table = rexian_report_document_add_table (document->tables, title, title,
                                                               headings);

  table->fill_width = TRUE;
  return table;
}

static void
build_intake (RexianFormDocument *document,
              RexianWorkOrder    *order)
{
  RexianReportTable *table = add_section (document, _("Intake Details"));
  g_autofree char *caller = rexian_work_order_dup_display_caller (order);
  g_autofree char *phone = rexian_work_order_dup_display_phone (order);

  add_pair (table, _("Number"), rexian_work_order_get_number (order));
  add_pair (table, _("State"), rexian_state_get_label (rexian_work_order_get_state (order)));
  add_pair (table, _("Channel"), rexian_channel_get_label (rexian_work_order_get_channel (order)));
  add_pair (table, _("Request kind"),
            rexian_request_kind_get_label (rexian_work_order_get_kind (order)));
  add_pair (table, _("Category"), rexian_work_order_get_category_name (order));
  add_time_pair (table, _("Call Time"), rexian_work_order_get_created_at (order));
  add_pair (table, _("Intake Agent"), rexian_work_order_get_intake_agent_name (order));
  add_pair (table, _("Inquirer’s Name"), caller);
  add_pair (table, _("Form of address"), rexian_work_order_get_caller_title (order));
  add_pair (table, _("Contact Phone"), phone);
  add_pair (table, _("Contact Address"), rexian_work_order_get_caller_address (order));
  add_pair (table, _("Confidential"), yes_no (rexian_work_order_get_confidential (order)));
  add_pair (table, _("Emergency"), yes_no (rexian_work_order_get_emergency (order)));
  add_pair (table, _("Repeated request"), yes_no (rexian_work_order_get_repeated (order)));
  add_time_pair (table, _("Event time"), rexian_work_order_get_event_time (order));
  add_pair (table, _("Place"), rexian_work_order_get_event_place (order));
  add_pair (table, _("Course"), rexian_work_order_get_event_course (order));
  add_pair (table, _("Present state"), rexian_work_order_get_present_state (order));
  add_pair (table, _("Request"), rexian_work_order_get_request (order));
  add_pair (table, _("One-line summary"), rexian_work_order_get_summary (order));
}

static void
build_transfer (RexianFormDocument *document,
                RexianWorkOrder    *order,
                GPtrArray          *departments)
{
  RexianReportTable *table = add_section (document, _("Transfer"));
  g_autofree char *to = join_departments (order, departments);

  add_pair (table, _("Transferred To"), to);
  add_pair (table, _("Transfer opinion"), rexian_work_order_get_transfer_opinion (order));
  add_time_pair (table, _("Transfer Time"), rexian_work_order_get_dispatched_at (order));
  add_time_pair (table, _("Transfer deadline"), rexian_work_order_get_dispatch_deadline (order));
  add_time_pair (table, _("Handling deadline"), rexian_work_order_get_deadline (order));
  add_pair (table, _("Handling Officer"), rexian_work_order_get_handler_name (order));
  add_pair (table, _("Handling Officer’s Phone"), rexian_work_order_get_handler_phone (order));
}

static void
build_handling (RexianFormDocument *document,
                RexianWorkOrder    *order)
{
  RexianReportTable *table = add_section (document, _("Handling and Follow-up"));
  g_autofree char *followup = describe_followup (order);

  add_pair (table, _("Handling Status"), rexian_work_order_get_handling_result (order));
  add_time_pair (table, _("Replied at"), rexian_work_order_get_replied_at (order));
  add_pair (table, _("Follow-up Status"), followup);
  add_pair (table, _("Supervised"), yes_no (rexian_work_order_get_supervised (order)));
  add_count_pair (table, _("Times re-handled"), rexian_work_order_get_rehandle_count (order));
  add_count_pair (table, _("Times returned"), rexian_work_order_get_return_count (order));
  add_count_pair (table, _("Extensions approved"), rexian_work_order_get_extension_count (order));
  add_pair (table, _("Merged into"), rexian_work_order_get_merged_into_number (order));
  add_time_pair (table, _("Closed at"), rexian_work_order_get_closed_at (order));
  add_time_pair (table, _("Archived at"), rexian_work_order_get_archived_at (order));
}

static void
build_timeline (RexianFormDocument *document,
                GPtrArray          *events)
{
  const char *headings[] = {
    _("Time"), _("By"), _("Action"), _("From → To"), _("Reason"), NULL
  };
  RexianReportTable *table = rexian_report_document_add_table (document->tables,
                                                               _("Timeline"), _("Timeline"),
                                                               headings);

  table->fill_width = TRUE;

  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      RexianOrderEvent *event = g_ptr_array_index (events, i);
      g_autofree char *states = NULL;
      g_autofree char *reason = NULL;

      if (event->from_state >= 0)
        states = g_strdup_printf ("%s → %s", rexian_state_get_label (event->from_state),
                                  rexian_state_get_label (event->to_state));
      else
        states = g_strdup_printf ("→ %s", rexian_state_get_label (event->to_state));

      if (event->detail != NULL && *event->detail != '\0' &&
          g_strcmp0 (event->detail, event->reason) != 0)
        reason = g_strjoin ("\n", empty_if_null (event->reason), event->detail, NULL);
      else
        reason = g_strdup (empty_if_null (event->reason));

      rexian_report_table_add_time (table, event->at);
      rexian_report_table_add_text (table, empty_if_null (event->agent_name));
      rexian_report_table_add_text (table, rexian_action_get_label (event->action));
      rexian_report_table_add_text (table, states);
      rexian_report_table_add_text (table, g_strstrip (reason));
    }
}

RexianFormDocument *
rexian_form_document_new_order (RexianWorkOrder *order,
                                GPtrArray       *departments,
                                GPtrArray       *events,
                                gint64           now)
{
  RexianFormDocument *document;
  g_autofree char *subtitle = describe_number (order);

  g_return_val_if_fail (REXIAN_IS_WORK_ORDER (order), NULL);

  document = document_new (REXIAN_FORM_ORDER, _("Work Order"), subtitle, now);
  document->number = g_strdup (rexian_work_order_get_number (order));
  document->tables = rexian_report_document_new_blank (document->title, subtitle, now);
  /* Every page names the order, so that a loose page finds its way back. */
  document->tables->header_text = g_strdup (subtitle);

  build_intake (document, order);
  build_transfer (document, order, departments);
  build_handling (document, order);
  build_timeline (document, events);

  return document;
}

RexianFormDocument *
rexian_form_document_load_order (RexianStore    *store,
                                 RexianFormKind  kind,
                                 const char     *number,
                                 gint64          now,
                                 GError        **error)
{
  g_autoptr(RexianWorkOrder) order = NULL;
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GPtrArray) events = NULL;

  g_return_val_if_fail (REXIAN_IS_STORE (store), NULL);
  g_return_val_if_fail (kind == REXIAN_FORM_TRANSFER || kind == REXIAN_FORM_ORDER, NULL);

  order = rexian_store_get_order_by_number (store, number, error);
  if (order == NULL)
    return NULL;

  departments = rexian_store_list_departments (store, error);
  if (departments == NULL)
    return NULL;

  if (kind == REXIAN_FORM_TRANSFER)
    return rexian_form_document_new_transfer (order, departments, now);

  events = rexian_store_list_events (store, rexian_work_order_get_id (order), error);
  if (events == NULL)
    return NULL;

  return rexian_form_document_new_order (order, departments, events, now);
}

RexianFormDocument *
rexian_form_document_ref (RexianFormDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);

  g_atomic_ref_count_inc (&document->ref_count);

  return document;
}

void
rexian_form_document_unref (RexianFormDocument *document)
{
  if (document == NULL || !g_atomic_ref_count_dec (&document->ref_count))
    return;

  g_free (document->title);
  g_free (document->subtitle);
  g_free (document->produced_text);
  g_free (document->number);
  g_free (document->first_day);
  g_free (document->last_day);
  g_ptr_array_unref (document->fields);
  g_clear_pointer (&document->tables, rexian_report_document_unref);
  g_free (document);
}

char *
rexian_form_document_suggest_filename (RexianFormDocument *document)
{
  const char *kind = rexian_form_kind_to_string (document->kind);

  if (document->number != NULL)
    return g_strdup_printf ("%s-%s.pdf", kind, document->number);
  if (document->first_day != NULL)
    return g_strdup_printf ("%s-%s-%s.pdf", kind, document->first_day, document->last_day);

  return g_strdup_printf ("%s.pdf", kind);
}

/* Loading on a worker thread */

typedef struct
{
  char           *database;
  RexianFormKind  kind;
  char           *number;
  gint64          from;
  gint64          to;
} LoadRequest;

static void
load_request_free (gpointer data)
{
  LoadRequest *request = data;

  g_free (request->database);
  g_free (request->number);
  g_free (request);
}

/* The window's store belongs to the main thread, so the worker reads through a
 * connection of its own, with a main context of its own for the store's timers. */
static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadRequest *request = task_data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(RexianStore) store = NULL;
  RexianFormDocument *document = NULL;
  GError *error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_main_context_push_thread_default (context);

  store = rexian_store_open (request->database, &error);
  if (store != NULL)
    {
      rexian_store_set_poll_interval (store, 0);
      if (request->kind == REXIAN_FORM_RECORD)
        document = rexian_form_document_load_record (store, request->from, request->to, now,
                                                     &error);
      else
        document = rexian_form_document_load_order (store, request->kind, request->number, now,
                                                    &error);
    }
  g_clear_object (&store);

  g_main_context_pop_thread_default (context);

  if (document != NULL)
    g_task_return_pointer (task, document, (GDestroyNotify) rexian_form_document_unref);
  else
    g_task_return_error (task, error);
}

void
rexian_form_document_load_async (const char          *database,
                                 RexianFormKind       kind,
                                 const char          *number,
                                 gint64               from,
                                 gint64               to,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  LoadRequest *request = g_new0 (LoadRequest, 1);

  g_return_if_fail (database != NULL);
  g_return_if_fail (kind == REXIAN_FORM_RECORD || number != NULL);

  request->database = g_strdup (database);
  request->kind = kind;
  request->number = g_strdup (number);
  request->from = from;
  request->to = to;
  g_task_set_source_tag (task, rexian_form_document_load_async);
  g_task_set_task_data (task, request, load_request_free);
  g_task_run_in_thread (task, load_in_thread);
}

RexianFormDocument *
rexian_form_document_load_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
