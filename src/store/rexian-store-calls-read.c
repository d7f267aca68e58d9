/* rexian-store-calls-read.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rexian-store-calls.h"
#include "rexian-store-private.h"

/* Reading the call log: by period, by Call-ID, by row ids (a drill-down) and by the work
 * order a call was linked to. */

#define CALL_SELECT \
  "SELECT c.id, c.call_id, c.direction, c.remote_number, c.agent_id, a.name, c.offered_at, " \
  "  c.answered_at, c.ended_at, c.outcome, c.recording_path, c.order_id, o.number " \
  "FROM calls c " \
  "LEFT JOIN agents a ON a.id = c.agent_id " \
  "LEFT JOIN work_orders o ON o.id = c.order_id "

static gpointer
call_record_from_row (sqlite3_stmt *stmt)
{
  RexianCallRecord *record = rexian_call_record_new ();
  RexianCallOutcome outcome;

  record->id = sqlite3_column_int64 (stmt, 0);
  record->call_id = g_strdup (rexian_store_column_text (stmt, 1));
  rexian_call_record_direction_from_string (rexian_store_column_text (stmt, 2),
                                            &record->direction);
  record->remote_number = g_strdup (rexian_store_column_text (stmt, 3));
  record->agent_id = sqlite3_column_int64 (stmt, 4);
  record->agent_name = g_strdup (rexian_store_column_text (stmt, 5));
  record->offered_at = sqlite3_column_int64 (stmt, 6);
  record->answered_at = sqlite3_column_int64 (stmt, 7);
  record->ended_at = sqlite3_column_int64 (stmt, 8);
  if (rexian_call_outcome_from_string (rexian_store_column_text (stmt, 9), &outcome))
    record->outcome = outcome;
  record->recording_path = g_strdup (rexian_store_column_text (stmt, 10));
  record->order_id = sqlite3_column_int64 (stmt, 11);
  record->order_number = g_strdup (rexian_store_column_text (stmt, 12));

  return record;
}

GPtrArray *
rexian_store_list_calls (RexianStore *self,
                         gint64       from,
                         gint64       to,
                         guint        limit,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = rexian_store_prepare (self, rexian_store_get_db (self),
                               CALL_SELECT
                               "WHERE c.offered_at >= ?1 AND c.offered_at < ?2 "
                               "ORDER BY c.offered_at DESC, c.id DESC LIMIT ?3",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  /* A negative LIMIT is no limit in SQLite. */
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? (gint64) limit : -1);

  return rexian_store_collect_rows (self, stmt, call_record_from_row, rexian_call_record_free, error);
}

RexianCallRecord *
rexian_store_get_call (RexianStore *self,
                       const char  *call_id,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);
  g_return_val_if_fail (call_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = rexian_store_prepare (self, rexian_store_get_db (self),
                               CALL_SELECT "WHERE c.call_id = ?1", error);
  if (stmt == NULL)
    return NULL;

  rexian_store_bind_text (stmt, 1, call_id);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return call_record_from_row (stmt);

  if (rc != SQLITE_DONE)
    rexian_store_set_sqlite_error (self, rexian_store_get_db (self), rc, error);
  else
    rexian_store_set_call_not_found (call_id, error);

  return NULL;
}

GPtrArray *
_rexian_store_db_get_calls_by_ids (RexianStore   *self,
                                   sqlite3       *db,
                                   const gint64  *ids,
                                   guint          n_ids,
                                   GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (rexian_call_record_free);

  stmt = rexian_store_prepare (self, db, CALL_SELECT "WHERE c.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  /* One indexed lookup a row: a drill-down lists a few hundred calls at most. */
  for (guint i = 0; i < n_ids; i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        g_ptr_array_add (records, call_record_from_row (stmt));
      else if (rc != SQLITE_DONE)
        {
          rexian_store_set_sqlite_error (self, db, rc, error);
          return NULL;
        }
    }

  return g_steal_pointer (&records);
}

GPtrArray *
rexian_store_get_calls_by_ids (RexianStore   *self,
                               const gint64  *ids,
                               guint          n_ids,
                               GError       **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _rexian_store_db_get_calls_by_ids (self, rexian_store_get_db (self), ids, n_ids, error);
}

static GPtrArray *
db_list_calls_for_order (RexianStore  *self,
                         sqlite3      *db,
                         gint64        order_id,
                         GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = rexian_store_prepare (self, db,
                               CALL_SELECT "WHERE c.order_id = ?1 "
                               "ORDER BY c.offered_at DESC, c.id DESC",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, order_id);

  return rexian_store_collect_rows (self, stmt, call_record_from_row, rexian_call_record_free,
                                    error);
}

GPtrArray *
rexian_store_list_calls_for_order (RexianStore  *self,
                                   gint64        order_id,
                                   GError      **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return db_list_calls_for_order (self, rexian_store_get_db (self), order_id, error);
}

static void
list_calls_for_order_thread (GTask        *task,
                             gpointer      source_object,
                             gpointer      task_data,
                             GCancellable *cancellable)
{
  RexianStore *self = source_object;
  GError *error = NULL;
  GPtrArray *calls = NULL;
  sqlite3 *db;

  db = rexian_store_lock_worker_db (self, &error);
  if (db != NULL)
    calls = db_list_calls_for_order (self, db, *(gint64 *) task_data, &error);
  rexian_store_unlock_worker_db (self);

  if (calls == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, calls, (GDestroyNotify) g_ptr_array_unref);
}

void
rexian_store_list_calls_for_order_async (RexianStore         *self,
                                         gint64               order_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (REXIAN_IS_STORE (self));

  rexian_store_run_in_thread (self, g_memdup2 (&order_id, sizeof order_id), g_free,
                              rexian_store_list_calls_for_order_async,
                              list_calls_for_order_thread, cancellable, callback, user_data);
}

GPtrArray *
rexian_store_list_calls_for_order_finish (RexianStore   *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

