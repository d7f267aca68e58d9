/* rexian-store-followup-visits.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Recording a follow-up attempt and what follows from it, and the department
 * evaluation computed from the attempts.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-sampling.h"
#include "rexian-store-followup-private.h"

#define ATTEMPT_COLUMNS \
  "order_id, at, agent_id, reached, process, result, attitude, efficiency, note, call_id"

static gboolean
write_attempt (RexianStore       *self,
               sqlite3           *db,
               gint64             order_id,
               const RexianVisit *visit,
               gint64             agent_id,
               gint64             now,
               GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = rexian_store_prepare (self, db,
                               "INSERT INTO followup_attempts (" ATTEMPT_COLUMNS ")"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, order_id);
  sqlite3_bind_int64 (stmt, 2, now);
  rexian_store_bind_id (stmt, 3, agent_id);
  sqlite3_bind_int (stmt, 4, visit->reached ? 1 : 0);
  rexian_store_bind_text (stmt, 5, rexian_satisfaction_to_string (visit->process));
  rexian_store_bind_text (stmt, 6, rexian_satisfaction_to_string (visit->result));
  rexian_store_bind_text (stmt, 7, rexian_satisfaction_to_string (visit->attitude));
  rexian_store_bind_text (stmt, 8, rexian_satisfaction_to_string (visit->efficiency));
  rexian_store_bind_text (stmt, 9, visit->note != NULL ? visit->note : "");
  rexian_store_bind_id (stmt, 10, visit->call_id);

  return rexian_store_step_done (self, db, stmt, error);
}

/* The attempts of the present round (see QUEUE_ROUNDS in rexian-store-followup.c). */
static gboolean
count_round (RexianStore  *self,
             sqlite3      *db,
             gint64        order_id,
             gboolean      sampled,
             guint        *out_attempts,
             gboolean     *out_in_plan,
             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = rexian_store_prepare (self, db,
                               "WITH r (after_id, since, in_plan) AS ("
                               "  SELECT CASE WHEN ?2 THEN 0 ELSE COALESCE ("
                               "    (SELECT max (id) FROM followup_attempts"
                               "      WHERE order_id = ?1 AND reached = 1), 0) END,"
                               "  CASE WHEN ?2 THEN COALESCE ((SELECT max (p.created_at)"
                               "    FROM followup_samples s JOIN followup_plans p"
                               "      ON p.id = s.plan_id WHERE s.order_id = ?1), 0)"
                               "    ELSE 0 END,"
                               "  EXISTS (SELECT 1 FROM followup_samples WHERE order_id = ?1))"
                               "SELECT (SELECT count (*) FROM followup_attempts a"
                               "  WHERE a.order_id = ?1 AND a.id > r.after_id"
                               "    AND a.at >= r.since), r.in_plan FROM r",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, order_id);
  sqlite3_bind_int (stmt, 2, sampled ? 1 : 0);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      rexian_store_set_sqlite_error (self, db, rc, error);
      return FALSE;
    }

  *out_attempts = (guint) sqlite3_column_int (stmt, 0);
  *out_in_plan = sqlite3_column_int (stmt, 1) != 0;

  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static gboolean
check_visit (const RexianVisit *visit,
             gboolean           may_rehandle,
             GError           **error)
{
  if (!visit->reached)
    return TRUE;

  if (visit->process == REXIAN_SATISFACTION_NONE
      || visit->process == REXIAN_SATISFACTION_UNREACHABLE
      || visit->result == REXIAN_SATISFACTION_NONE
      || visit->result == REXIAN_SATISFACTION_UNREACHABLE)
    {
      g_set_error_literal (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_MISSING_FIELD,
                           _("Record the caller’s satisfaction with both the process and "
                             "the result."));
      return FALSE;
    }

  if (may_rehandle
      && visit->process == REXIAN_SATISFACTION_DISSATISFIED
      && visit->result == REXIAN_SATISFACTION_DISSATISFIED
      && is_blank (visit->reason))
    {
      g_set_error_literal (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_MISSING_FIELD,
                           _("The caller is dissatisfied with both the process and the "
                             "result: give the reason for handling the order again."));
      return FALSE;
    }

  return TRUE;
}

/* Writes the attempt and runs @action through the store's transition code path in one
 * transaction: the transition is a savepoint inside it, so both are committed, or rolled
 * back, together. */
static gboolean
apply_with_attempt (RexianStore                 *self,
                    sqlite3                     *db,
                    gint64                       order_id,
                    RexianAction                 action,
                    const RexianTransitionInput *input,
                    const RexianVisit           *visit,
                    gint64                       agent_id,
                    gint64                       now,
                    GError                     **error)
{
  g_autoptr(RexianWorkOrder) done = NULL;

  if (!rexian_store_begin (self, db, error))
    return FALSE;

  if (!write_attempt (self, db, order_id, visit, agent_id, now, error))
    goto failed;

  done = rexian_store_db_apply (self, db, order_id, action, input, agent_id, now, error);
  if (done == NULL)
    goto failed;

  return rexian_store_commit (self, db, error);

failed:
  rexian_store_rollback (db);
  return FALSE;
}

/* A sampled order is closed and stays so: its answers, the attempt and a timeline line
 * are written in one transaction, without a lifecycle transition (closed orders have
 * none for follow-up answers, and an edit would not carry them). */
static gboolean
record_answers (RexianStore       *self,
                sqlite3           *db,
                RexianWorkOrder   *order,
                const RexianVisit *visit,
                gint64             agent_id,
                gint64             now,
                GError           **error)
{
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) event = NULL;
  g_autofree char *detail = NULL;
  gint64 order_id = rexian_work_order_get_id (order);

  if (!rexian_store_begin (self, db, error))
    return FALSE;

  update = rexian_store_prepare (self, db,
                                 "UPDATE work_orders SET followup_process = ?2,"
                                 "  followup_result = ?3,"
                                 "  followup_note = CASE WHEN ?4 = '' THEN followup_note"
                                 "                       ELSE ?4 END,"
                                 "  updated_at = ?5, version = version + 1"
                                 " WHERE id = ?1 AND state = 'closed'",
                                 error);
  if (update == NULL)
    goto failed;
  sqlite3_bind_int64 (update, 1, order_id);
  rexian_store_bind_text (update, 2, rexian_satisfaction_to_string (visit->process));
  rexian_store_bind_text (update, 3, rexian_satisfaction_to_string (visit->result));
  rexian_store_bind_text (update, 4, is_blank (visit->note) ? "" : visit->note);
  sqlite3_bind_int64 (update, 5, now);
  if (!rexian_store_step_done (self, db, update, error))
    goto failed;
  if (sqlite3_changes (db) != 1)
    {
      g_set_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED,
                   _("Order %s is not waiting for a follow-up visit."),
                   rexian_work_order_get_number (order));
      goto failed;
    }

  detail = g_strdup_printf (_("Sampled follow-up. Process: %s; result: %s"),
                            rexian_satisfaction_get_label (visit->process),
                            rexian_satisfaction_get_label (visit->result));
  event = rexian_store_prepare (self, db,
                                "INSERT INTO order_events (order_id, at, agent_id, action,"
                                "  from_state, to_state, reason, detail)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?5, NULL, ?6)",
                                error);
  if (event == NULL)
    goto failed;
  sqlite3_bind_int64 (event, 1, order_id);
  sqlite3_bind_int64 (event, 2, now);
  rexian_store_bind_id (event, 3, agent_id);
  rexian_store_bind_text (event, 4, rexian_action_to_string (REXIAN_ACTION_EDIT));
  rexian_store_bind_text (event, 5, rexian_state_to_string (REXIAN_STATE_CLOSED));
  rexian_store_bind_text (event, 6, detail);
  if (!rexian_store_step_done (self, db, event, error) ||
      !write_attempt (self, db, order_id, visit, agent_id, now, error))
    goto failed;

  return rexian_store_commit (self, db, error);

failed:
  rexian_store_rollback (db);
  return FALSE;
}

gboolean
_rexian_store_db_record_visit (RexianStore        *self,
                               sqlite3            *db,
                               gint64              order_id,
                               const RexianVisit  *visit,
                               gint64              agent_id,
                               gint64              now,
                               RexianVisitResult  *out_result,
                               guint              *out_attempts,
                               GError            **error)
{
  g_autoptr(RexianWorkOrder) order = NULL;
  g_autoptr(RexianTransitionInput) input = rexian_transition_input_new ();
  RexianVisitOutcome outcome;
  RexianVisitResult result;
  RexianState state;
  gboolean sampled;
  gboolean in_plan = FALSE;
  guint attempts = 0;
  gboolean ok;

  if (now == 0)
    now = g_get_real_time () / G_USEC_PER_SEC;

  order = rexian_store_db_get_order (self, db, order_id, error);
  if (order == NULL)
    return FALSE;

  state = rexian_work_order_get_state (order);
  sampled = state == REXIAN_STATE_CLOSED;
  if (!count_round (self, db, order_id, sampled, &attempts, &in_plan, error))
    return FALSE;

  if (state != REXIAN_STATE_FOLLOW_UP && !(sampled && in_plan))
    {
      g_set_error (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED,
                   _("Order %s is not waiting for a follow-up visit."),
                   rexian_work_order_get_number (order));
      return FALSE;
    }

  if (!check_visit (visit, !sampled, error))
    return FALSE;

  attempts++;
  outcome = rexian_visit_outcome (visit->reached, visit->process, visit->result, attempts,
                                  _rexian_store_db_followup_max_attempts (db));

  input->followup_note = g_strdup (visit->note);
  input->followup_process = visit->process;
  input->followup_result = visit->result;

  if (sampled)
    {
      /* A closed order keeps its state: only the caller's answers go on it. */
      if (outcome == REXIAN_VISIT_OUTCOME_CLOSE || outcome == REXIAN_VISIT_OUTCOME_REHANDLE)
        {
          ok = record_answers (self, db, order, visit, agent_id, now, error);
          result = REXIAN_VISIT_RESULT_RECORDED;
        }
      else
        {
          ok = write_attempt (self, db, order_id, visit, agent_id, now, error);
          result = outcome == REXIAN_VISIT_OUTCOME_UNREACHABLE
                   ? REXIAN_VISIT_RESULT_UNREACHABLE : REXIAN_VISIT_RESULT_RETRY;
        }
    }
  else
    {
      switch (outcome)
        {
        case REXIAN_VISIT_OUTCOME_CLOSE:
          ok = apply_with_attempt (self, db, order_id, REXIAN_ACTION_CLOSE, input, visit,
                                   agent_id, now, error);
          result = REXIAN_VISIT_RESULT_CLOSED;
          break;

        case REXIAN_VISIT_OUTCOME_REHANDLE:
          input->reason = g_strdup (visit->reason);
          ok = apply_with_attempt (self, db, order_id, REXIAN_ACTION_REHANDLE, input,
                                   visit, agent_id, now, error);
          result = REXIAN_VISIT_RESULT_REHANDLE;
          break;

        case REXIAN_VISIT_OUTCOME_UNREACHABLE:
          input->followup_process = REXIAN_SATISFACTION_UNREACHABLE;
          input->followup_result = REXIAN_SATISFACTION_UNREACHABLE;
          ok = apply_with_attempt (self, db, order_id, REXIAN_ACTION_CLOSE, input, visit,
                                   agent_id, now, error);
          result = REXIAN_VISIT_RESULT_UNREACHABLE;
          break;

        case REXIAN_VISIT_OUTCOME_RETRY:
        default:
          ok = write_attempt (self, db, order_id, visit, agent_id, now, error);
          result = REXIAN_VISIT_RESULT_RETRY;
          break;
        }
    }

  if (!ok)
    return FALSE;

  if (out_result != NULL)
    *out_result = result;
  if (out_attempts != NULL)
    *out_attempts = attempts;

  return TRUE;
}

gboolean
rexian_store_record_visit (RexianStore        *self,
                           gint64              order_id,
                           const RexianVisit  *visit,
                           gint64              agent_id,
                           gint64              now,
                           RexianVisitResult  *out_result,
                           guint              *out_attempts,
                           GError            **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);
  g_return_val_if_fail (visit != NULL, FALSE);

  if (!_rexian_store_db_record_visit (self, rexian_store_get_db (self), order_id, visit,
                                      agent_id, now, out_result, out_attempts, error))
    return FALSE;

  rexian_store_emit_changed (self);
  return TRUE;
}

/* The evaluation */

#define ASPECT_SUMS(column) \
  "  sum (a.reached = 1 AND a." column " = 'satisfied')," \
  "  sum (a.reached = 1 AND a." column " = 'basically')," \
  "  sum (a.reached = 1 AND a." column " = 'dissatisfied'),"

static gpointer
evaluation_from_row (sqlite3_stmt *stmt)
{
  RexianDepartmentEvaluation *evaluation = g_new0 (RexianDepartmentEvaluation, 1);
  int column = 4;

  evaluation->department_id = sqlite3_column_int64 (stmt, 0);
  evaluation->department = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  evaluation->visits = sqlite3_column_int64 (stmt, 2);
  evaluation->reached = sqlite3_column_int64 (stmt, 3);
  for (guint i = 0; i < REXIAN_N_EVALUATION_ASPECTS; i++)
    {
      evaluation->aspects[i].satisfied = sqlite3_column_int64 (stmt, column++);
      evaluation->aspects[i].basically = sqlite3_column_int64 (stmt, column++);
      evaluation->aspects[i].dissatisfied = sqlite3_column_int64 (stmt, column++);
    }

  return evaluation;
}

GPtrArray *
_rexian_store_db_get_department_evaluation (RexianStore         *self,
                                            sqlite3             *db,
                                            const RexianPeriod  *period,
                                            GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* The columns follow RexianEvaluationAspect: attitude, efficiency, process, result. */
  stmt = rexian_store_prepare (self, db,
                               "SELECT COALESCE (o.lead_department_id, 0), d.name,"
                               "  count (*), sum (a.reached = 1),"
                               ASPECT_SUMS ("attitude")
                               ASPECT_SUMS ("efficiency")
                               ASPECT_SUMS ("process")
                               ASPECT_SUMS ("result")
                               "  0"
                               " FROM followup_attempts a"
                               " JOIN work_orders o ON o.id = a.order_id"
                               " LEFT JOIN departments d ON d.id = o.lead_department_id"
                               " WHERE a.at >= ?1 AND a.at < ?2"
                               " GROUP BY 1"
                               " ORDER BY d.name IS NULL, d.name",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, period->start);
  sqlite3_bind_int64 (stmt, 2, period->end);

  return rexian_store_collect_rows (self, stmt, evaluation_from_row,
                                    (GDestroyNotify) rexian_department_evaluation_free, error);
}

GPtrArray *
rexian_store_get_department_evaluation (RexianStore         *self,
                                        const RexianPeriod  *period,
                                        GError             **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  return _rexian_store_db_get_department_evaluation (self, rexian_store_get_db (self), period,
                                                     error);
}
