/* rexian-store-order-read.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rexian-store-private.h"

/* Every read of an order goes through this select list, so the joined display names
 * (category, intake agent, lead department, merge target) and the assisting
 * departments always come with it. */
const char rexian_store_order_select[] =
  "SELECT o.id, o.number, o.version, o.state, o.channel, o.kind, o.category_id, c.name, "
  "o.caller_name, o.caller_title, o.caller_phone, o.caller_address, o.confidential, "
  "o.emergency, o.repeated, o.event_time, o.event_place, o.event_course, o.present_state, "
  "o.request, o.summary, o.intake_agent_id, a.name, o.created_at, o.updated_at, "
  "o.dispatch_deadline, o.transfer_opinion, o.lead_department_id, d.name, o.dispatched_at, "
  "o.deadline, o.handler_name, o.handler_phone, o.handling_result, o.replied_at, "
  "o.followup_process, o.followup_result, o.followup_note, o.supervised, o.rehandle_count, "
  "o.return_count, o.return_pending, o.extension_count, o.extension_requested_days, "
  "o.merged_into_id, m.number, o.closed_at, o.archived_at, "
  "(SELECT group_concat(od.department_id) FROM order_departments od "
  "WHERE od.order_id = o.id AND od.role = 'assist') "
  "FROM work_orders o "
  "LEFT JOIN categories c ON c.id = o.category_id "
  "LEFT JOIN agents a ON a.id = o.intake_agent_id "
  "LEFT JOIN departments d ON d.id = o.lead_department_id "
  "LEFT JOIN work_orders m ON m.id = o.merged_into_id ";

RexianWorkOrder *
rexian_store_order_from_row (sqlite3_stmt *stmt)
{
  RexianWorkOrder *order = rexian_work_order_new ();
  RexianState state = REXIAN_STATE_INTAKE;
  RexianChannel channel = REXIAN_CHANNEL_PHONE;
  RexianRequestKind kind = REXIAN_REQUEST_CONSULTATION;
  RexianSatisfaction process = REXIAN_SATISFACTION_NONE;
  RexianSatisfaction result = REXIAN_SATISFACTION_NONE;
  const char *assists;
  int i = 0;

#define TEXT() rexian_store_column_text (stmt, i++)
#define INT64() sqlite3_column_int64 (stmt, i++)
#define INT() sqlite3_column_int (stmt, i++)

  rexian_work_order_set_id (order, INT64 ());
  rexian_work_order_set_number (order, TEXT ());
  rexian_work_order_set_version (order, INT64 ());
  rexian_state_from_string (TEXT (), &state);
  rexian_work_order_set_state (order, state);
  rexian_channel_from_string (TEXT (), &channel);
  rexian_work_order_set_channel (order, channel);
  rexian_request_kind_from_string (TEXT (), &kind);
  rexian_work_order_set_kind (order, kind);
  rexian_work_order_set_category_id (order, INT64 ());
  rexian_work_order_set_category_name (order, TEXT ());
  rexian_work_order_set_caller_name (order, TEXT ());
  rexian_work_order_set_caller_title (order, TEXT ());
  rexian_work_order_set_caller_phone (order, TEXT ());
  rexian_work_order_set_caller_address (order, TEXT ());
  rexian_work_order_set_confidential (order, INT () != 0);
  rexian_work_order_set_emergency (order, INT () != 0);
  rexian_work_order_set_repeated (order, INT () != 0);
  rexian_work_order_set_event_time (order, INT64 ());
  rexian_work_order_set_event_place (order, TEXT ());
  rexian_work_order_set_event_course (order, TEXT ());
  rexian_work_order_set_present_state (order, TEXT ());
  rexian_work_order_set_request (order, TEXT ());
  rexian_work_order_set_summary (order, TEXT ());
  rexian_work_order_set_intake_agent_id (order, INT64 ());
  rexian_work_order_set_intake_agent_name (order, TEXT ());
  rexian_work_order_set_created_at (order, INT64 ());
  rexian_work_order_set_updated_at (order, INT64 ());
  rexian_work_order_set_dispatch_deadline (order, INT64 ());
  rexian_work_order_set_transfer_opinion (order, TEXT ());
  rexian_work_order_set_lead_department_id (order, INT64 ());
  rexian_work_order_set_lead_department_name (order, TEXT ());
  rexian_work_order_set_dispatched_at (order, INT64 ());
  rexian_work_order_set_deadline (order, INT64 ());
  rexian_work_order_set_handler_name (order, TEXT ());
  rexian_work_order_set_handler_phone (order, TEXT ());
  rexian_work_order_set_handling_result (order, TEXT ());
  rexian_work_order_set_replied_at (order, INT64 ());
  rexian_satisfaction_from_string (TEXT (), &process);
  rexian_work_order_set_followup_process (order, process);
  rexian_satisfaction_from_string (TEXT (), &result);
  rexian_work_order_set_followup_result (order, result);
  rexian_work_order_set_followup_note (order, TEXT ());
  rexian_work_order_set_supervised (order, INT () != 0);
  rexian_work_order_set_rehandle_count (order, INT ());
  rexian_work_order_set_return_count (order, INT ());
  rexian_work_order_set_return_pending (order, INT () != 0);
  rexian_work_order_set_extension_count (order, INT ());
  rexian_work_order_set_extension_requested_days (order, INT ());
  rexian_work_order_set_merged_into_id (order, INT64 ());
  rexian_work_order_set_merged_into_number (order, TEXT ());
  rexian_work_order_set_closed_at (order, INT64 ());
  rexian_work_order_set_archived_at (order, INT64 ());
  assists = TEXT ();

#undef TEXT
#undef INT64
#undef INT

  if (assists != NULL && assists[0] != '\0')
    {
      g_auto(GStrv) parts = g_strsplit (assists, ",", -1);
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (guint j = 0; parts[j] != NULL; j++)
        {
          gint64 id = g_ascii_strtoll (parts[j], NULL, 10);

          if (id > 0)
            g_array_append_val (ids, id);
        }

      rexian_work_order_set_assist_department_ids (order, (const gint64 *) ids->data,
                                                   ids->len);
    }

  return order;
}

void
rexian_store_bind_order (sqlite3_stmt    *stmt,
                         RexianWorkOrder *order)
{
  int i = 2;

#define TEXT(value) rexian_store_bind_text (stmt, i++, (value))
#define INT64(value) sqlite3_bind_int64 (stmt, i++, (value))
#define ID(value) rexian_store_bind_id (stmt, i++, (value))

  TEXT (rexian_state_to_string (rexian_work_order_get_state (order)));
  TEXT (rexian_channel_to_string (rexian_work_order_get_channel (order)));
  TEXT (rexian_request_kind_to_string (rexian_work_order_get_kind (order)));
  ID (rexian_work_order_get_category_id (order));
  TEXT (rexian_work_order_get_caller_name (order));
  TEXT (rexian_work_order_get_caller_title (order));
  TEXT (rexian_work_order_get_caller_phone (order));
  TEXT (rexian_work_order_get_caller_address (order));
  INT64 (rexian_work_order_get_confidential (order) ? 1 : 0);
  INT64 (rexian_work_order_get_emergency (order) ? 1 : 0);
  INT64 (rexian_work_order_get_repeated (order) ? 1 : 0);
  INT64 (rexian_work_order_get_event_time (order));
  TEXT (rexian_work_order_get_event_place (order));
  TEXT (rexian_work_order_get_event_course (order));
  TEXT (rexian_work_order_get_present_state (order));
  TEXT (rexian_work_order_get_request (order));
  TEXT (rexian_work_order_get_summary (order));
  ID (rexian_work_order_get_intake_agent_id (order));
  INT64 (rexian_work_order_get_created_at (order));
  INT64 (rexian_work_order_get_updated_at (order));
  INT64 (rexian_work_order_get_dispatch_deadline (order));
  TEXT (rexian_work_order_get_transfer_opinion (order));
  ID (rexian_work_order_get_lead_department_id (order));
  INT64 (rexian_work_order_get_dispatched_at (order));
  INT64 (rexian_work_order_get_deadline (order));
  TEXT (rexian_work_order_get_handler_name (order));
  TEXT (rexian_work_order_get_handler_phone (order));
  TEXT (rexian_work_order_get_handling_result (order));
  INT64 (rexian_work_order_get_replied_at (order));
  TEXT (rexian_satisfaction_to_string (rexian_work_order_get_followup_process (order)));
  TEXT (rexian_satisfaction_to_string (rexian_work_order_get_followup_result (order)));
  TEXT (rexian_work_order_get_followup_note (order));
  INT64 (rexian_work_order_get_supervised (order) ? 1 : 0);
  INT64 (rexian_work_order_get_rehandle_count (order));
  INT64 (rexian_work_order_get_return_count (order));
  INT64 (rexian_work_order_get_return_pending (order) ? 1 : 0);
  INT64 (rexian_work_order_get_extension_count (order));
  INT64 (rexian_work_order_get_extension_requested_days (order));
  ID (rexian_work_order_get_merged_into_id (order));
  INT64 (rexian_work_order_get_closed_at (order));
  INT64 (rexian_work_order_get_archived_at (order));

#undef TEXT
#undef INT64
#undef ID

  g_assert (i == 43);
}

/* Reading */

static RexianWorkOrder *
get_order_where (RexianStore *self,
                 sqlite3     *db,
                 const char  *where,
                 gint64       id,
                 const char  *number,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strconcat (rexian_store_order_select, where, NULL);
  int rc;

  stmt = rexian_store_prepare (self, db, sql, error);
  if (stmt == NULL)
    return NULL;

  if (number != NULL)
    rexian_store_bind_text (stmt, 1, number);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return rexian_store_order_from_row (stmt);

  if (rc != SQLITE_DONE)
    rexian_store_set_sqlite_error (self, db, rc, error);
  else if (number != NULL)
    g_set_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_NOT_FOUND,
                 _("There is no work order numbered %s."), number);
  else
    g_set_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_NOT_FOUND,
                 _("The work order no longer exists (it may have been removed by another "
                   "seat)."));

  return NULL;
}

RexianWorkOrder *
rexian_store_db_get_order (RexianStore *self,
                           sqlite3     *db,
                           gint64       order_id,
                           GError     **error)
{
  return get_order_where (self, db, "WHERE o.id = ?1", order_id, NULL, error);
}

RexianWorkOrder *
rexian_store_get_order_by_number (RexianStore *self,
                                  const char  *number,
                                  GError     **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  return get_order_where (self, rexian_store_get_db (self), "WHERE o.number = ?1", 0,
                          number, error);
}

GPtrArray *
rexian_store_list_events (RexianStore *self,
                          gint64       order_id,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (rexian_order_event_free);
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);

  db = rexian_store_get_db (self);
  stmt = rexian_store_prepare (self, db,
                               "SELECT e.id, e.order_id, e.at, e.agent_id, a.name, e.action, "
                               "e.from_state, e.to_state, e.reason, e.detail "
                               "FROM order_events e LEFT JOIN agents a ON a.id = e.agent_id "
                               "WHERE e.order_id = ?1 ORDER BY e.at, e.id",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, order_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RexianOrderEvent *event = rexian_order_event_new ();
      RexianState state;

      event->id = sqlite3_column_int64 (stmt, 0);
      event->order_id = sqlite3_column_int64 (stmt, 1);
      event->at = sqlite3_column_int64 (stmt, 2);
      event->agent_id = sqlite3_column_int64 (stmt, 3);
      if (event->agent_id == 0)
        event->agent_name = g_strdup (_("System"));
      else
        event->agent_name = g_strdup (rexian_store_column_text (stmt, 4));
      event->action = REXIAN_ACTION_EDIT;
      rexian_action_from_string (rexian_store_column_text (stmt, 5), &event->action);
      event->from_state = -1;
      if (rexian_state_from_string (rexian_store_column_text (stmt, 6), &state))
        event->from_state = state;
      event->to_state = REXIAN_STATE_INTAKE;
      if (rexian_state_from_string (rexian_store_column_text (stmt, 7), &state))
        event->to_state = state;
      event->reason = g_strdup (rexian_store_column_text (stmt, 8));
      event->detail = g_strdup (rexian_store_column_text (stmt, 9));

      g_ptr_array_add (events, event);
    }

  if (rc != SQLITE_DONE)
    {
      rexian_store_set_sqlite_error (self, db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&events);
}

GPtrArray *
rexian_store_find_by_phone (RexianStore *self,
                            const char  *phone,
                            guint        limit,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) orders = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);

  if (phone == NULL || phone[0] == '\0')
    return g_steal_pointer (&orders);

  db = rexian_store_get_db (self);
  sql = g_strconcat (rexian_store_order_select,
                     "WHERE o.caller_phone = ?1 ORDER BY o.created_at DESC, o.id DESC "
                     "LIMIT ?2",
                     NULL);
  stmt = rexian_store_prepare (self, db, sql, error);
  if (stmt == NULL)
    return NULL;

  rexian_store_bind_text (stmt, 1, phone);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (orders, rexian_store_order_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      rexian_store_set_sqlite_error (self, db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&orders);
}
