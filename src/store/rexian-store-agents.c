/* rexian-store-agents.c: each agent's status (available, on a call, wrap-up, away,
 * logged out) and its history, shared by every seat.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rexian-store-calls.h"
#include "rexian-store-private.h"

gboolean
rexian_store_db_set_agent_status (RexianStore       *self,
                                  sqlite3           *db,
                                  gint64             agent_id,
                                  RexianAgentStatus  status,
                                  const char        *reason,
                                  gint64             now,
                                  gboolean          *out_changed,
                                  GError           **error)
{
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) upsert = NULL;
  g_autoptr(sqlite3_stmt) event = NULL;
  const char *status_id = rexian_agent_status_to_string (status);

  *out_changed = FALSE;

  /* An empty reason is no reason, so that "away" with "" and with NULL compare equal. */
  if (reason != NULL && *reason == '\0')
    reason = NULL;

  if (!rexian_store_begin (self, db, error))
    return FALSE;

  find = rexian_store_prepare (self, db,
                               "SELECT g.id, s.status, s.reason FROM agents g "
                               "LEFT JOIN agent_status s ON s.agent_id = g.id WHERE g.id = ?1",
                               error);
  if (find == NULL)
    goto failed;

  sqlite3_bind_int64 (find, 1, agent_id);
  if (!rexian_store_step_row (self, db, find,
                              _("This agent is no longer in the list of agents; sign in "
                                "again."),
                              error))
    goto failed;

  /* Phones report the same state many times (every re-registration, every poll); the
   * history keeps changes only, so time in status adds up. */
  if (g_strcmp0 (rexian_store_column_text (find, 1), status_id) == 0 &&
      g_strcmp0 (rexian_store_column_text (find, 2), reason) == 0)
    {
      rexian_store_rollback (db);
      return TRUE;
    }

  upsert = rexian_store_prepare (self, db,
                                 "INSERT INTO agent_status (agent_id, status, reason, since) "
                                 "VALUES (?1, ?2, ?3, ?4) "
                                 "ON CONFLICT (agent_id) DO UPDATE SET status = excluded.status, "
                                 "  reason = excluded.reason, since = excluded.since",
                                 error);
  if (upsert == NULL)
    goto failed;

  sqlite3_bind_int64 (upsert, 1, agent_id);
  rexian_store_bind_text (upsert, 2, status_id);
  rexian_store_bind_text (upsert, 3, reason);
  sqlite3_bind_int64 (upsert, 4, now);

  if (!rexian_store_step_done (self, db, upsert, error))
    goto failed;

  event = rexian_store_prepare (self, db,
                                "INSERT INTO agent_status_events (agent_id, status, reason, at) "
                                "VALUES (?1, ?2, ?3, ?4)",
                                error);
  if (event == NULL)
    goto failed;

  sqlite3_bind_int64 (event, 1, agent_id);
  rexian_store_bind_text (event, 2, status_id);
  rexian_store_bind_text (event, 3, reason);
  sqlite3_bind_int64 (event, 4, now);

  if (!rexian_store_step_done (self, db, event, error))
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
rexian_store_set_agent_status (RexianStore       *self,
                               gint64             agent_id,
                               RexianAgentStatus  status,
                               const char        *reason,
                               gint64             now,
                               GError           **error)
{
  gboolean changed;

  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) status < REXIAN_N_AGENT_STATUSES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rexian_store_db_set_agent_status (self, rexian_store_get_db (self), agent_id, status,
                                         reason, now, &changed, error))
    return FALSE;

  if (changed)
    rexian_store_emit_changed (self);
  return TRUE;
}

#define AGENT_STATE_SELECT \
  "SELECT g.id, g.agent_no, g.name, s.status, s.reason, s.since FROM agents g " \
  "LEFT JOIN agent_status s ON s.agent_id = g.id "

static gpointer
agent_state_from_row (sqlite3_stmt *stmt)
{
  RexianAgentState *state = rexian_agent_state_new ();

  state->agent_id = sqlite3_column_int64 (stmt, 0);
  state->agent_no = g_strdup (rexian_store_column_text (stmt, 1));
  state->name = g_strdup (rexian_store_column_text (stmt, 2));
  rexian_agent_status_from_string (rexian_store_column_text (stmt, 3), &state->status);
  state->reason = g_strdup (rexian_store_column_text (stmt, 4));
  state->since = sqlite3_column_int64 (stmt, 5);

  return state;
}

GPtrArray *
rexian_store_list_agent_states (RexianStore *self,
                                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = rexian_store_prepare (self, rexian_store_get_db (self),
                               AGENT_STATE_SELECT
                               "WHERE g.role <> 'department' ORDER BY g.agent_no",
                               error);
  if (stmt == NULL)
    return NULL;

  return rexian_store_collect_rows (self, stmt, agent_state_from_row, rexian_agent_state_free, error);
}

RexianAgentState *
rexian_store_get_agent_state (RexianStore *self,
                              gint64       agent_id,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = rexian_store_prepare (self, rexian_store_get_db (self),
                               AGENT_STATE_SELECT "WHERE g.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, agent_id);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return agent_state_from_row (stmt);

  if (rc != SQLITE_DONE)
    rexian_store_set_sqlite_error (self, rexian_store_get_db (self), rc, error);
  else
    g_set_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_NOT_FOUND,
                 _("This agent is no longer in the list of agents."));

  return NULL;
}
