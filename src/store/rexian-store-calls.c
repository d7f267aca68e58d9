/* rexian-store-calls.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rexian-store-calls.h"
#include "rexian-store-private.h"

/* The call log, callbacks and agent status.  The writes the UI makes while a call goes
 * on (its end, the agent's status) also run on the worker connection, so each write is
 * a function of the connection it uses. */

/* What a write found of the call it was given, read inside its transaction. */
typedef struct
{
  gint64                    id;
  RexianCallRecordDirection direction;
  char                     *remote_number;
  gint64                    agent_id;
  char                     *agent_name;
  gint64                    offered_at;
  gint64                    answered_at;
  gint64                    ended_at;
  int                       outcome;
} CallRow;

static void
call_row_clear (CallRow *row)
{
  g_clear_pointer (&row->remote_number, g_free);
  g_clear_pointer (&row->agent_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CallRow, call_row_clear)

void
rexian_store_set_call_not_found (const char  *call_id,
                                 GError     **error)
{
  g_set_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_NOT_FOUND,
               _("The call “%s” is not in the call log. It may have been offered to this "
                 "seat before the database could be reached."),
               call_id);
}

static gboolean
read_call_row (RexianStore *self,
               sqlite3     *db,
               const char  *call_id,
               CallRow     *out_row,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = rexian_store_prepare (self, db,
                               "SELECT c.id, c.direction, c.remote_number, c.agent_id, a.name, "
                               "  c.offered_at, c.answered_at, c.ended_at, c.outcome "
                               "FROM calls c LEFT JOIN agents a ON a.id = c.agent_id "
                               "WHERE c.call_id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;

  rexian_store_bind_text (stmt, 1, call_id);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      RexianCallOutcome outcome;

      out_row->id = sqlite3_column_int64 (stmt, 0);
      out_row->direction = REXIAN_CALL_RECORD_INCOMING;
      rexian_call_record_direction_from_string (rexian_store_column_text (stmt, 1),
                                                &out_row->direction);
      out_row->remote_number = g_strdup (rexian_store_column_text (stmt, 2));
      out_row->agent_id = sqlite3_column_int64 (stmt, 3);
      out_row->agent_name = g_strdup (rexian_store_column_text (stmt, 4));
      out_row->offered_at = sqlite3_column_int64 (stmt, 5);
      out_row->answered_at = sqlite3_column_int64 (stmt, 6);
      out_row->ended_at = sqlite3_column_int64 (stmt, 7);
      out_row->outcome = -1;
      if (rexian_call_outcome_from_string (rexian_store_column_text (stmt, 8), &outcome))
        out_row->outcome = outcome;
      return TRUE;
    }

  if (rc != SQLITE_DONE)
    rexian_store_set_sqlite_error (self, db, rc, error);
  else
    rexian_store_set_call_not_found (call_id, error);

  return FALSE;
}

/* Offered */

static gboolean
db_call_offered (RexianStore               *self,
                 sqlite3                   *db,
                 const char                *call_id,
                 RexianCallRecordDirection  direction,
                 const char                *remote_number,
                 gint64                     agent_id,
                 gint64                     offered_at,
                 GError                   **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) offer = NULL;

  if (!rexian_store_begin (self, db, error))
    return FALSE;

  /* Every seat a forked call rings at arrives here with the same Call-ID.  The earliest
   * offer is when the caller started waiting, whichever seat wrote first; the first
   * direction stays (a call does not change direction). */
  insert = rexian_store_prepare (self, db,
                                 "INSERT INTO calls (call_id, direction, remote_number, "
                                 "  agent_id, offered_at) VALUES (?1, ?2, ?3, ?4, ?5) "
                                 "ON CONFLICT (call_id) DO UPDATE SET "
                                 "  offered_at = min (offered_at, excluded.offered_at), "
                                 "  remote_number = CASE WHEN remote_number = '' "
                                 "    THEN excluded.remote_number ELSE remote_number END",
                                 error);
  if (insert == NULL)
    goto failed;

  rexian_store_bind_text (insert, 1, call_id);
  rexian_store_bind_text (insert, 2, rexian_call_record_direction_to_string (direction));
  rexian_store_bind_text (insert, 3, remote_number != NULL ? remote_number : "");
  /* An incoming call belongs to whoever answers it, not to every seat it rang at. */
  rexian_store_bind_id (insert, 4, direction == REXIAN_CALL_RECORD_OUTGOING ? agent_id : 0);
  sqlite3_bind_int64 (insert, 5, offered_at);

  if (!rexian_store_step_done (self, db, insert, error))
    goto failed;

  if (agent_id != 0)
    {
      offer = rexian_store_prepare (self, db,
                                    "INSERT INTO call_offers (call_id, agent_id, offered_at) "
                                    "SELECT id, ?2, ?3 FROM calls WHERE call_id = ?1 "
                                    "ON CONFLICT DO NOTHING",
                                    error);
      if (offer == NULL)
        goto failed;

      rexian_store_bind_text (offer, 1, call_id);
      sqlite3_bind_int64 (offer, 2, agent_id);
      sqlite3_bind_int64 (offer, 3, offered_at);

      if (!rexian_store_step_done (self, db, offer, error))
        goto failed;
    }

  return rexian_store_commit (self, db, error);

failed:
  rexian_store_rollback (db);
  return FALSE;
}

gboolean
rexian_store_call_offered (RexianStore               *self,
                           const char                *call_id,
                           RexianCallRecordDirection  direction,
                           const char                *remote_number,
                           gint64                     agent_id,
                           gint64                     offered_at,
                           GError                   **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);
  g_return_val_if_fail (call_id != NULL && *call_id != '\0', FALSE);
  g_return_val_if_fail ((guint) direction < REXIAN_N_CALL_RECORD_DIRECTIONS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!db_call_offered (self, rexian_store_get_db (self), call_id, direction, remote_number,
                        agent_id, offered_at, error))
    return FALSE;

  rexian_store_emit_changed (self);
  return TRUE;
}

/* Answered */

static gboolean
db_call_answered (RexianStore *self,
                  sqlite3     *db,
                  const char  *call_id,
                  gint64       agent_id,
                  gint64       answered_at,
                  gboolean    *out_changed,
                  GError     **error)
{
  g_auto(CallRow) row = { 0, };
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) drop_callback = NULL;

  *out_changed = FALSE;

  if (!rexian_store_begin (self, db, error))
    return FALSE;

  if (!read_call_row (self, db, call_id, &row, error))
    goto failed;

  if (row.answered_at > 0)
    {
      /* The same seat reporting its answer twice (a retry after an error) is harmless. */
      if (row.agent_id == agent_id)
        {
          rexian_store_rollback (db);
          return TRUE;
        }

      if (row.agent_name != NULL)
        g_set_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_CONFLICT,
                     _("%s answered this call first. It is theirs now; you can hang up."),
                     row.agent_name);
      else
        g_set_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_CONFLICT,
                     _("Another agent answered this call first. It is theirs now; you can "
                       "hang up."));
      goto failed;
    }

  /* Another seat's ringing, cancelled by this very answer, may have been recorded as the
   * end of an unanswered call before this answer reached the database: an answer means
   * the call goes on, so that end and the callback it created are undone. */
  update = rexian_store_prepare (self, db,
                                 "UPDATE calls SET agent_id = ?2, answered_at = ?3, "
                                 "  ended_at = 0, outcome = NULL "
                                 "WHERE id = ?1",
                                 error);
  if (update == NULL)
    goto failed;

  sqlite3_bind_int64 (update, 1, row.id);
  rexian_store_bind_id (update, 2, agent_id);
  sqlite3_bind_int64 (update, 3, answered_at);

  if (!rexian_store_step_done (self, db, update, error))
    goto failed;

  /* A callback somebody already tried is kept: it records a call that was made. */
  drop_callback = rexian_store_prepare (self, db,
                                        "DELETE FROM callbacks "
                                        "WHERE call_id = ?1 AND status = 'pending' "
                                        "  AND attempts = 0",
                                        error);
  if (drop_callback == NULL)
    goto failed;

  sqlite3_bind_int64 (drop_callback, 1, row.id);

  if (!rexian_store_step_done (self, db, drop_callback, error))
    goto failed;

  if (!rexian_store_commit (self, db, error))
    return FALSE;

  *out_changed = TRUE;
  return TRUE;

failed:
  rexian_store_rollback (db);
  return FALSE;
}

gboolean
rexian_store_call_answered (RexianStore *self,
                            const char  *call_id,
                            gint64       agent_id,
                            gint64       answered_at,
                            GError     **error)
{
  gboolean changed;

  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);
  g_return_val_if_fail (call_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!db_call_answered (self, rexian_store_get_db (self), call_id, agent_id, answered_at,
                         &changed, error))
    return FALSE;

  if (changed)
    rexian_store_emit_changed (self);
  return TRUE;
}

/* Ended */

/* The reasons that say this seat's leg never reached an answer. */
static gboolean
outcome_is_unanswered (RexianCallOutcome outcome)
{
  return outcome == REXIAN_CALL_OUTCOME_ABANDONED ||
         outcome == REXIAN_CALL_OUTCOME_DECLINED ||
         outcome == REXIAN_CALL_OUTCOME_BUSY ||
         outcome == REXIAN_CALL_OUTCOME_NO_ANSWER;
}

static gboolean
db_call_ended (RexianStore       *self,
               sqlite3           *db,
               const char        *call_id,
               RexianCallOutcome  outcome,
               gint64             ended_at,
               const char        *recording_path,
               gboolean          *out_changed,
               GError           **error)
{
  g_auto(CallRow) row = { 0, };
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) callback = NULL;
  RexianCallOutcome stored = outcome;
  gint64 stored_end = ended_at;

  *out_changed = FALSE;

  if (!rexian_store_begin (self, db, error))
    return FALSE;

  if (!read_call_row (self, db, call_id, &row, error))
    goto failed;

  if (row.answered_at > 0)
    {
      /* Answered at one seat, the others' ringing was cancelled: their ends say nothing
       * about the call. */
      if (outcome_is_unanswered (outcome) && recording_path == NULL)
        {
          rexian_store_rollback (db);
          return TRUE;
        }

      /* The answering seat's first report is the end; a later one may only bring the
       * recording, which the recorder can finish after the hang-up was logged. */
      if (row.ended_at > 0 || outcome_is_unanswered (outcome))
        {
          stored_end = row.ended_at;
          stored = (RexianCallOutcome) row.outcome;
        }
    }
  else
    {
      /* A caller hanging up before any answer is what "abandoned" means, and an agent
       * ending a call that only rang has declined it, whatever the phone called it. */
      if (row.direction == REXIAN_CALL_RECORD_INCOMING &&
          outcome == REXIAN_CALL_OUTCOME_CALLER_HUNG_UP)
        stored = REXIAN_CALL_OUTCOME_ABANDONED;
      else if (row.direction == REXIAN_CALL_RECORD_INCOMING &&
               outcome == REXIAN_CALL_OUTCOME_AGENT_HUNG_UP)
        stored = REXIAN_CALL_OUTCOME_DECLINED;

      /* Each seat's leg ends on its own; the call is over when the last one is, and if
       * any seat saw the caller give up, that is how the call ended. */
      if (row.ended_at > 0)
        {
          stored_end = MAX (row.ended_at, ended_at);
          if (stored != REXIAN_CALL_OUTCOME_ABANDONED && row.outcome >= 0)
            stored = (RexianCallOutcome) row.outcome;
        }
    }

  update = rexian_store_prepare (self, db,
                                 "UPDATE calls SET ended_at = ?2, outcome = ?3, "
                                 "  recording_path = coalesce (recording_path, ?4) "
                                 "WHERE id = ?1",
                                 error);
  if (update == NULL)
    goto failed;

  sqlite3_bind_int64 (update, 1, row.id);
  sqlite3_bind_int64 (update, 2, stored_end);
  rexian_store_bind_text (update, 3, (int) stored >= 0 ? rexian_call_outcome_to_string (stored)
                                                       : NULL);
  rexian_store_bind_text (update, 4, recording_path);

  if (!rexian_store_step_done (self, db, update, error))
    goto failed;

  /* DB1405 5.1.2: a missed incoming call is called back.  One callback per call however
   * many seats report the miss; a call passed on to someone else was not missed. */
  if (row.answered_at == 0 && row.direction == REXIAN_CALL_RECORD_INCOMING &&
      stored != REXIAN_CALL_OUTCOME_TRANSFERRED)
    {
      callback = rexian_store_prepare (self, db,
                                       "INSERT INTO callbacks (call_id, remote_number, "
                                       "  offered_at) VALUES (?1, ?2, ?3) "
                                       "ON CONFLICT (call_id) DO NOTHING",
                                       error);
      if (callback == NULL)
        goto failed;

      sqlite3_bind_int64 (callback, 1, row.id);
      rexian_store_bind_text (callback, 2, row.remote_number != NULL ? row.remote_number : "");
      sqlite3_bind_int64 (callback, 3, row.offered_at);

      if (!rexian_store_step_done (self, db, callback, error))
        goto failed;
    }

  if (!rexian_store_commit (self, db, error))
    return FALSE;

  *out_changed = TRUE;
  return TRUE;

failed:
  rexian_store_rollback (db);
  return FALSE;
}

gboolean
rexian_store_call_ended (RexianStore       *self,
                         const char        *call_id,
                         RexianCallOutcome  outcome,
                         gint64             ended_at,
                         const char        *recording_path,
                         GError           **error)
{
  gboolean changed;

  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);
  g_return_val_if_fail (call_id != NULL, FALSE);
  g_return_val_if_fail ((guint) outcome < REXIAN_N_CALL_OUTCOMES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!db_call_ended (self, rexian_store_get_db (self), call_id, outcome, ended_at,
                      recording_path, &changed, error))
    return FALSE;

  if (changed)
    rexian_store_emit_changed (self);
  return TRUE;
}

/* Linking a work order */

gboolean
rexian_store_call_link_order (RexianStore *self,
                              const char  *call_id,
                              gint64       order_id,
                              GError     **error)
{
  sqlite3 *db;
  g_auto(CallRow) row = { 0, };
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;

  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);
  g_return_val_if_fail (call_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  db = rexian_store_get_db (self);

  if (!rexian_store_begin (self, db, error))
    return FALSE;

  if (!read_call_row (self, db, call_id, &row, error))
    goto failed;

  if (order_id != 0)
    {
      find = rexian_store_prepare (self, db, "SELECT 1 FROM work_orders WHERE id = ?1", error);
      if (find == NULL)
        goto failed;

      sqlite3_bind_int64 (find, 1, order_id);
      if (!rexian_store_step_row (self, db, find,
                                  _("The work order no longer exists (it may have been "
                                    "removed by another seat)."),
                                  error))
        goto failed;
    }

  update = rexian_store_prepare (self, db, "UPDATE calls SET order_id = ?2 WHERE id = ?1",
                                 error);
  if (update == NULL)
    goto failed;

  sqlite3_bind_int64 (update, 1, row.id);
  rexian_store_bind_id (update, 2, order_id);

  if (!rexian_store_step_done (self, db, update, error))
    goto failed;

  if (!rexian_store_commit (self, db, error))
    return FALSE;

  rexian_store_emit_changed (self);
  return TRUE;

failed:
  rexian_store_rollback (db);
  return FALSE;
}

/* Callbacks */

static gpointer
callback_from_row (sqlite3_stmt *stmt)
{
  RexianCallback *callback = rexian_callback_new ();

  callback->id = sqlite3_column_int64 (stmt, 0);
  callback->call_record_id = sqlite3_column_int64 (stmt, 1);
  callback->remote_number = g_strdup (rexian_store_column_text (stmt, 2));
  rexian_callback_status_from_string (rexian_store_column_text (stmt, 3), &callback->status);
  callback->attempts = sqlite3_column_int (stmt, 4);
  callback->handled_by = sqlite3_column_int64 (stmt, 5);
  callback->handled_by_name = g_strdup (rexian_store_column_text (stmt, 6));
  callback->handled_at = sqlite3_column_int64 (stmt, 7);
  callback->offered_at = sqlite3_column_int64 (stmt, 8);

  return callback;
}

GPtrArray *
rexian_store_list_callbacks (RexianStore *self,
                             gboolean     pending_only,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = rexian_store_prepare (self, rexian_store_get_db (self),
                               "SELECT b.id, b.call_id, b.remote_number, b.status, b.attempts, "
                               "  b.handled_by, a.name, b.handled_at, b.offered_at "
                               "FROM callbacks b LEFT JOIN agents a ON a.id = b.handled_by "
                               "WHERE ?1 = 0 OR b.status = 'pending' "
                               "ORDER BY b.offered_at, b.id",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, pending_only ? 1 : 0);

  return rexian_store_collect_rows (self, stmt, callback_from_row, rexian_callback_free, error);
}

gboolean
rexian_store_set_callback_status (RexianStore          *self,
                                  gint64                callback_id,
                                  RexianCallbackStatus  status,
                                  gint64                agent_id,
                                  gint64                now,
                                  GError              **error)
{
  sqlite3 *db;
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  RexianCallbackStatus current = REXIAN_CALLBACK_PENDING;
  g_autofree char *handled_by_name = NULL;
  int attempts;

  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) status < REXIAN_N_CALLBACK_STATUSES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  db = rexian_store_get_db (self);

  if (!rexian_store_begin (self, db, error))
    return FALSE;

  find = rexian_store_prepare (self, db,
                               "SELECT b.status, b.attempts, a.name FROM callbacks b "
                               "LEFT JOIN agents a ON a.id = b.handled_by WHERE b.id = ?1",
                               error);
  if (find == NULL)
    goto failed;

  sqlite3_bind_int64 (find, 1, callback_id);
  if (!rexian_store_step_row (self, db, find,
                              _("This missed call is no longer in the callback list."),
                              error))
    goto failed;

  rexian_callback_status_from_string (rexian_store_column_text (find, 0), &current);
  attempts = sqlite3_column_int (find, 1);
  handled_by_name = g_strdup (rexian_store_column_text (find, 2));

  /* Two agents may work down the same list: the second must not undo the first's
   * result. */
  if (current != REXIAN_CALLBACK_PENDING)
    {
      if (handled_by_name != NULL)
        g_set_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_CONFLICT,
                     _("%s has already dealt with this missed call (%s)."),
                     handled_by_name, rexian_callback_status_get_label (current));
      else
        g_set_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_CONFLICT,
                     _("Someone has already dealt with this missed call (%s)."),
                     rexian_callback_status_get_label (current));
      goto failed;
    }

  attempts++;
  if (status == REXIAN_CALLBACK_PENDING && attempts >= REXIAN_STORE_CALLBACK_MAX_ATTEMPTS)
    status = REXIAN_CALLBACK_UNREACHABLE;

  update = rexian_store_prepare (self, db,
                                 "UPDATE callbacks SET status = ?2, attempts = ?3, "
                                 "  handled_by = ?4, handled_at = ?5 WHERE id = ?1",
                                 error);
  if (update == NULL)
    goto failed;

  sqlite3_bind_int64 (update, 1, callback_id);
  rexian_store_bind_text (update, 2, rexian_callback_status_to_string (status));
  sqlite3_bind_int (update, 3, attempts);
  rexian_store_bind_id (update, 4, agent_id);
  sqlite3_bind_int64 (update, 5, now);

  if (!rexian_store_step_done (self, db, update, error))
    goto failed;

  if (!rexian_store_commit (self, db, error))
    return FALSE;

  rexian_store_emit_changed (self);
  return TRUE;

failed:
  rexian_store_rollback (db);
  return FALSE;
}


/* Async forms */

typedef enum
{
  WRITE_CALL_ENDED,
  WRITE_AGENT_STATUS,
} WriteKind;

typedef struct
{
  WriteKind          kind;
  char              *call_id;
  RexianCallOutcome  outcome;
  char              *recording_path;
  gint64             agent_id;
  RexianAgentStatus  status;
  char              *reason;
  gint64             at;
} WriteData;

static void
write_data_free (gpointer data)
{
  WriteData *write = data;

  g_free (write->call_id);
  g_free (write->recording_path);
  g_free (write->reason);
  g_free (write);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  RexianStore *self = source_object;
  WriteData *write = task_data;
  GError *error = NULL;
  gboolean changed = FALSE;
  gboolean ok = FALSE;
  sqlite3 *db;

  db = rexian_store_lock_worker_db (self, &error);
  if (db != NULL)
    {
      switch (write->kind)
        {
        case WRITE_CALL_ENDED:
          ok = db_call_ended (self, db, write->call_id, write->outcome, write->at,
                              write->recording_path, &changed, &error);
          break;

        case WRITE_AGENT_STATUS:
          ok = rexian_store_db_set_agent_status (self, db, write->agent_id, write->status,
                                                 write->reason, write->at, &changed, &error);
          break;

        default:
          g_assert_not_reached ();
        }
    }
  rexian_store_unlock_worker_db (self);

  if (!ok)
    {
      g_task_return_error (task, error);
      return;
    }

  if (changed)
    rexian_store_emit_changed (self);
  g_task_return_boolean (task, TRUE);
}

static void
run_write (RexianStore         *self,
           WriteData           *write,
           gpointer             source_tag,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  rexian_store_run_in_thread (self, write, write_data_free, source_tag, write_thread,
                              cancellable, callback, user_data);
}

void
rexian_store_call_ended_async (RexianStore         *self,
                               const char          *call_id,
                               RexianCallOutcome    outcome,
                               gint64               ended_at,
                               const char          *recording_path,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  WriteData *write;

  g_return_if_fail (REXIAN_IS_STORE (self));
  g_return_if_fail (call_id != NULL);
  g_return_if_fail ((guint) outcome < REXIAN_N_CALL_OUTCOMES);

  write = g_new0 (WriteData, 1);
  write->kind = WRITE_CALL_ENDED;
  write->call_id = g_strdup (call_id);
  write->outcome = outcome;
  write->at = ended_at;
  write->recording_path = g_strdup (recording_path);
  run_write (self, write, rexian_store_call_ended_async, cancellable, callback, user_data);
}

gboolean
rexian_store_call_ended_finish (RexianStore   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
rexian_store_set_agent_status_async (RexianStore         *self,
                                     gint64               agent_id,
                                     RexianAgentStatus    status,
                                     const char          *reason,
                                     gint64               now,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  WriteData *write;

  g_return_if_fail (REXIAN_IS_STORE (self));
  g_return_if_fail ((guint) status < REXIAN_N_AGENT_STATUSES);

  write = g_new0 (WriteData, 1);
  write->kind = WRITE_AGENT_STATUS;
  write->agent_id = agent_id;
  write->status = status;
  write->reason = g_strdup (reason);
  write->at = now;
  run_write (self, write, rexian_store_set_agent_status_async, cancellable, callback,
             user_data);
}

gboolean
rexian_store_set_agent_status_finish (RexianStore   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
