/* rexian-store-followup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Follow-up visits (回访): the queue, sampling plans over closed orders (DB1405 5.6),
 * the attempts and what follows from them, and the department evaluation computed from
 * the callers' answers (GB/T 33358 §6).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rexian-sampling.h"
#include "rexian-store-followup-private.h"

void
rexian_followup_item_free (RexianFollowupItem *item)
{
  if (item == NULL)
    return;

  g_free (item->number);
  g_free (item->summary);
  g_free (item->caller);
  g_free (item->phone);
  g_free (item->phone_shown);
  g_free (item->department);
  g_free (item);
}

RexianVisit *
rexian_visit_new (void)
{
  return g_new0 (RexianVisit, 1);
}

RexianVisit *
rexian_visit_copy (const RexianVisit *visit)
{
  RexianVisit *copy = g_new0 (RexianVisit, 1);

  *copy = *visit;
  copy->note = g_strdup (visit->note);
  copy->reason = g_strdup (visit->reason);

  return copy;
}

void
rexian_visit_free (RexianVisit *visit)
{
  if (visit == NULL)
    return;

  g_free (visit->note);
  g_free (visit->reason);
  g_free (visit);
}

void
rexian_department_evaluation_free (RexianDepartmentEvaluation *evaluation)
{
  if (evaluation == NULL)
    return;

  g_free (evaluation->department);
  g_free (evaluation);
}

RexianMeasureValue
rexian_department_evaluation_rate (const RexianDepartmentEvaluation *evaluation,
                                   RexianEvaluationAspect            aspect)
{
  const RexianEvaluationCounts *counts;

  g_return_val_if_fail (evaluation != NULL, rexian_measure_satisfaction (0, 0, 0));
  g_return_val_if_fail (aspect < REXIAN_N_EVALUATION_ASPECTS,
                        rexian_measure_satisfaction (0, 0, 0));

  counts = &evaluation->aspects[aspect];

  return rexian_measure_satisfaction (counts->satisfied, counts->basically,
                                      counts->satisfied + counts->basically
                                      + counts->dissatisfied);
}

const char *
rexian_evaluation_aspect_get_label (RexianEvaluationAspect aspect)
{
  switch (aspect)
    {
    case REXIAN_EVALUATION_ATTITUDE:
      return _("Service attitude");
    case REXIAN_EVALUATION_EFFICIENCY:
      return _("Work efficiency");
    case REXIAN_EVALUATION_PROCESS:
      return _("Handling process");
    case REXIAN_EVALUATION_RESULT:
      return _("Handling outcome");
    default:
      g_return_val_if_reached ("");
    }
}

/* Settings */

/* A number kept in the settings table, or @fallback when it is unset or outside
 * [@lowest, @highest]. */
static double
get_setting_number (RexianStore *self,
                    const char  *key,
                    double       lowest,
                    double       highest,
                    double       fallback)
{
  g_autofree char *value = rexian_store_get_setting (self, key, NULL);
  double number;

  if (value == NULL)
    return fallback;

  number = g_ascii_strtod (value, NULL);
  return number >= lowest && number <= highest ? number : fallback;
}

guint
rexian_store_get_followup_max_attempts (RexianStore *self)
{
  return (guint) get_setting_number (self, REXIAN_STORE_FOLLOWUP_MAX_ATTEMPTS_KEY, 1, 100,
                                     REXIAN_STORE_FOLLOWUP_DEFAULT_MAX_ATTEMPTS);
}

double
rexian_store_get_followup_sample_percent (RexianStore *self)
{
  return get_setting_number (self, REXIAN_STORE_FOLLOWUP_SAMPLE_PERCENT_KEY, 0, 100,
                             REXIAN_STORE_FOLLOWUP_DEFAULT_SAMPLE_PERCENT);
}

gboolean
rexian_store_set_followup_settings (RexianStore  *self,
                                    guint         max_attempts,
                                    double        sample_percent,
                                    GError      **error)
{
  g_autofree char *attempts = g_strdup_printf ("%u", MAX (max_attempts, 1));
  char share[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_dtostr (share, sizeof share, CLAMP (sample_percent, 0, 100));

  return rexian_store_set_setting (self, REXIAN_STORE_FOLLOWUP_MAX_ATTEMPTS_KEY, attempts,
                                   error)
         && rexian_store_set_setting (self, REXIAN_STORE_FOLLOWUP_SAMPLE_PERCENT_KEY, share,
                                      error);
}

guint
_rexian_store_db_followup_max_attempts (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  guint max_attempts = REXIAN_STORE_FOLLOWUP_DEFAULT_MAX_ATTEMPTS;

  if (sqlite3_prepare_v2 (db, "SELECT CAST (value AS INTEGER) FROM settings WHERE key = ?1",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      rexian_store_bind_text (stmt, 1, REXIAN_STORE_FOLLOWUP_MAX_ATTEMPTS_KEY);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) >= 1)
        max_attempts = (guint) sqlite3_column_int (stmt, 0);
    }
  sqlite3_finalize (stmt);

  return max_attempts;
}

/* The queue */

/* Each queued order with where its present round of visits starts: for an order in
 * follow-up, after its last attempt that reached the caller (which either closed it or
 * sent it back); for a sampled closed order, at its latest plan. */
#define QUEUE_ROUNDS \
  "WITH rounds (order_id, sampled, after_id, since) AS (" \
  "  SELECT o.id, 0, COALESCE ((SELECT max (a.id) FROM followup_attempts a" \
  "                            WHERE a.order_id = o.id AND a.reached = 1), 0), 0" \
  "    FROM work_orders o WHERE o.state = 'follow-up'" \
  "  UNION ALL" \
  "  SELECT s.order_id, 1, 0, max (p.created_at)" \
  "    FROM followup_samples s" \
  "    JOIN followup_plans p ON p.id = s.plan_id" \
  "    JOIN work_orders o ON o.id = s.order_id" \
  "   WHERE o.state = 'closed'" \
  "   GROUP BY s.order_id), " \
  "counted AS (" \
  "  SELECT r.*," \
  "    (SELECT count (*) FROM followup_attempts a WHERE a.order_id = r.order_id" \
  "       AND a.id > r.after_id AND a.at >= r.since) AS attempts," \
  "    (SELECT count (*) FROM followup_attempts a WHERE a.order_id = r.order_id" \
  "       AND a.id > r.after_id AND a.at >= r.since AND a.reached = 1) AS reached," \
  "    (SELECT COALESCE (max (a.at), 0) FROM followup_attempts a" \
  "      WHERE a.order_id = r.order_id AND a.id > r.after_id AND a.at >= r.since)" \
  "      AS last_at" \
  "  FROM rounds r) "

static gpointer
queue_item_from_row (sqlite3_stmt *stmt)
{
  RexianFollowupItem *item = g_new0 (RexianFollowupItem, 1);
  const char *name = rexian_store_column_text (stmt, 3);
  const char *phone = rexian_store_column_text (stmt, 4);
  gboolean confidential = sqlite3_column_int (stmt, 5) != 0;
  RexianState state = REXIAN_STATE_FOLLOW_UP;

  item->order_id = sqlite3_column_int64 (stmt, 0);
  item->number = g_strdup (rexian_store_column_text (stmt, 1));
  item->summary = g_strdup (rexian_store_column_text (stmt, 2));
  item->caller = confidential ? rexian_mask_name (name) : g_strdup (name);
  item->phone = g_strdup (phone);
  item->phone_shown = confidential ? rexian_mask_phone (phone) : g_strdup (phone);
  item->department_id = sqlite3_column_int64 (stmt, 6);
  item->department = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  rexian_state_from_string (rexian_store_column_text (stmt, 8), &state);
  item->state = state;
  item->replied_at = sqlite3_column_int64 (stmt, 9);
  item->closed_at = sqlite3_column_int64 (stmt, 10);
  item->sampled = sqlite3_column_int (stmt, 11) != 0;
  item->attempts = (guint) sqlite3_column_int (stmt, 12);
  item->last_attempt_at = sqlite3_column_int64 (stmt, 13);
  item->max_attempts = (guint) sqlite3_column_int (stmt, 14);

  return item;
}

GPtrArray *
_rexian_store_db_list_followup_queue (RexianStore  *self,
                                      sqlite3      *db,
                                      GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = rexian_store_prepare (self, db,
                               QUEUE_ROUNDS
                               "SELECT o.id, o.number, o.summary, o.caller_name,"
                               "  o.caller_phone, o.confidential, o.lead_department_id,"
                               "  d.name, o.state, o.replied_at, o.closed_at, c.sampled,"
                               "  c.attempts, c.last_at, ?1"
                               " FROM counted c"
                               " JOIN work_orders o ON o.id = c.order_id"
                               " LEFT JOIN departments d ON d.id = o.lead_department_id"
                               " WHERE c.sampled = 0"
                               "    OR (c.reached = 0 AND c.attempts < ?1)"
                               " ORDER BY c.sampled, o.replied_at, o.closed_at, o.id",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, (int) _rexian_store_db_followup_max_attempts (db));

  return rexian_store_collect_rows (self, stmt, queue_item_from_row,
                                    (GDestroyNotify) rexian_followup_item_free, error);
}

GPtrArray *
rexian_store_list_followup_queue (RexianStore  *self,
                                  GError      **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);

  return _rexian_store_db_list_followup_queue (self, rexian_store_get_db (self), error);
}

/* Sampling */

GArray *
_rexian_store_db_draw_followup (RexianStore  *self,
                                sqlite3      *db,
                                gint64        period_start,
                                gint64        period_end,
                                double        share_percent,
                                guint64       seed,
                                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (RexianSampleCandidate));
  int rc;

  /* Every order closed in the period and not merged into another, archived or not, so
   * that the same plan draws from the same orders whenever it is repeated. */
  stmt = rexian_store_prepare (self, db,
                               "SELECT id, COALESCE (lead_department_id, 0)"
                               "  FROM work_orders"
                               " WHERE closed_at >= ?1 AND closed_at < ?2"
                               "   AND state IN ('closed', 'archived')"
                               "   AND merged_into_id IS NULL",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, period_start);
  sqlite3_bind_int64 (stmt, 2, period_end);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RexianSampleCandidate candidate = { sqlite3_column_int64 (stmt, 0),
                                          sqlite3_column_int64 (stmt, 1) };

      g_array_append_val (candidates, candidate);
    }
  if (rc != SQLITE_DONE)
    {
      rexian_store_set_sqlite_error (self, db, rc, error);
      return NULL;
    }

  return rexian_sampling_draw ((const RexianSampleCandidate *) (gpointer) candidates->data,
                               candidates->len, share_percent, seed);
}

GArray *
rexian_store_draw_followup_sample (RexianStore  *self,
                                   gint64        period_start,
                                   gint64        period_end,
                                   double        share_percent,
                                   guint64       seed,
                                   GError      **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);

  return _rexian_store_db_draw_followup (self, rexian_store_get_db (self), period_start,
                                         period_end, share_percent, seed, error);
}

gint64
_rexian_store_db_create_followup_plan (RexianStore  *self,
                                       sqlite3      *db,
                                       gint64        period_start,
                                       gint64        period_end,
                                       double        share_percent,
                                       guint64       seed,
                                       gint64        agent_id,
                                       gint64        now,
                                       GArray      **out_drawn,
                                       GError      **error)
{
  g_autoptr(sqlite3_stmt) plan = NULL;
  g_autoptr(sqlite3_stmt) sample = NULL;
  g_autoptr(GArray) drawn = NULL;
  gint64 plan_id;

  if (now == 0)
    now = g_get_real_time () / G_USEC_PER_SEC;

  if (!rexian_store_begin (self, db, error))
    return 0;

  /* Drawn inside the write transaction, so that the samples saved are exactly the
   * orders closed in the period at this moment. */
  drawn = _rexian_store_db_draw_followup (self, db, period_start, period_end, share_percent,
                                          seed, error);
  if (drawn == NULL)
    goto failed;

  plan = rexian_store_prepare (self, db,
                               "INSERT INTO followup_plans (created_at, agent_id,"
                               "  period_start, period_end, share_percent, seed)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                               error);
  if (plan == NULL)
    goto failed;
  sqlite3_bind_int64 (plan, 1, now);
  rexian_store_bind_id (plan, 2, agent_id);
  sqlite3_bind_int64 (plan, 3, period_start);
  sqlite3_bind_int64 (plan, 4, period_end);
  sqlite3_bind_double (plan, 5, share_percent);
  /* SQLite keeps signed 64-bit integers; the seed's bits are stored unchanged. */
  sqlite3_bind_int64 (plan, 6, (gint64) seed);
  if (!rexian_store_step_done (self, db, plan, error))
    goto failed;
  plan_id = sqlite3_last_insert_rowid (db);

  sample = rexian_store_prepare (self, db,
                                 "INSERT INTO followup_samples (plan_id, order_id,"
                                 "  department_id) VALUES (?1, ?2, ?3)",
                                 error);
  if (sample == NULL)
    goto failed;
  for (guint i = 0; i < drawn->len; i++)
    {
      const RexianSampleCandidate *c = &g_array_index (drawn, RexianSampleCandidate, i);

      sqlite3_bind_int64 (sample, 1, plan_id);
      sqlite3_bind_int64 (sample, 2, c->order_id);
      rexian_store_bind_id (sample, 3, c->department_id);
      if (!rexian_store_step_done (self, db, sample, error))
        goto failed;
    }

  if (!rexian_store_commit (self, db, error))
    return 0;

  if (out_drawn != NULL)
    *out_drawn = g_steal_pointer (&drawn);

  return plan_id;

failed:
  rexian_store_rollback (db);
  return 0;
}

gint64
rexian_store_create_followup_plan (RexianStore  *self,
                                   gint64        period_start,
                                   gint64        period_end,
                                   double        share_percent,
                                   guint64       seed,
                                   gint64        agent_id,
                                   gint64        now,
                                   GArray      **out_drawn,
                                   GError      **error)
{
  gint64 plan_id;

  g_return_val_if_fail (REXIAN_IS_STORE (self), 0);

  plan_id = _rexian_store_db_create_followup_plan (self, rexian_store_get_db (self),
                                                   period_start, period_end, share_percent,
                                                   seed, agent_id, now, out_drawn, error);
  if (plan_id != 0)
    rexian_store_emit_changed (self);

  return plan_id;
}
