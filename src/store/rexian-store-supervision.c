/* rexian-store-supervision.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rexian-store-private.h"
#include "rexian-store-stats-private.h"
#include "rexian-store-supervision-private.h"

/* The columns rexian_supervision_record_from_row() reads, aliasing the table as "r". */
#define RECORD_COLUMNS \
  "SELECT r.id, r.order_id, r.at, r.cause, r.method, r.responsible, r.agent_id, a.name, " \
  "r.note, r.outcome, r.outcome_at "
#define RECORD_FROM "FROM supervision_records r LEFT JOIN agents a ON a.id = r.agent_id "
#define RECORD_SELECT RECORD_COLUMNS RECORD_FROM

RexianSupervisionRecord *
rexian_supervision_record_new (void)
{
  RexianSupervisionRecord *record = g_new0 (RexianSupervisionRecord, 1);

  record->cause = REXIAN_SUPERVISE_REASON_MANUAL;
  record->method = REXIAN_SUPERVISE_METHOD_PHONE;
  return record;
}

RexianSupervisionRecord *
rexian_supervision_record_copy (const RexianSupervisionRecord *record)
{
  RexianSupervisionRecord *copy = g_memdup2 (record, sizeof *record);

  copy->responsible = g_strdup (record->responsible);
  copy->agent_name = g_strdup (record->agent_name);
  copy->note = g_strdup (record->note);
  copy->outcome = g_strdup (record->outcome);
  return copy;
}

void
rexian_supervision_record_free (gpointer data)
{
  RexianSupervisionRecord *record = data;

  if (record == NULL)
    return;

  g_free (record->responsible);
  g_free (record->agent_name);
  g_free (record->note);
  g_free (record->outcome);
  g_free (record);
}

void
rexian_supervised_order_free (gpointer data)
{
  RexianSupervisedOrder *item = data;

  if (item == NULL)
    return;

  g_clear_object (&item->order);
  rexian_supervision_record_free (item->latest);
  g_free (item);
}

void
rexian_supervision_policy_init_default (RexianSupervisionPolicy *policy)
{
  policy->method = REXIAN_SUPERVISE_METHOD_PHONE;
  policy->responsible = NULL;
  policy->cluster_threshold = 5;
  policy->cluster_days = 7;
}

static gpointer
record_from_row (sqlite3_stmt *stmt)
{
  RexianSupervisionRecord *record = rexian_supervision_record_new ();

  record->id = sqlite3_column_int64 (stmt, 0);
  record->order_id = sqlite3_column_int64 (stmt, 1);
  record->at = sqlite3_column_int64 (stmt, 2);
  /* A key written by a newer Rexian reads as the most neutral one. */
  if (!rexian_supervise_reason_from_string (rexian_store_column_text (stmt, 3), &record->cause))
    record->cause = REXIAN_SUPERVISE_REASON_MANUAL;
  rexian_supervise_method_from_string (rexian_store_column_text (stmt, 4), &record->method);
  record->responsible = g_strdup (rexian_store_column_text (stmt, 5));
  record->agent_id = sqlite3_column_int64 (stmt, 6);
  record->agent_name = sqlite3_column_type (stmt, 7) == SQLITE_NULL
                       ? NULL : g_strdup (rexian_store_column_text (stmt, 7));
  record->note = g_strdup (rexian_store_column_text (stmt, 8));
  record->outcome = g_strdup (rexian_store_column_text (stmt, 9));
  record->outcome_at = sqlite3_column_int64 (stmt, 10);
  return record;
}

/* The timeline's line for a record: cause, method and the person responsible. */
static char *
describe_record (const RexianSupervisionRecord *record)
{
  const char *responsible = record->responsible != NULL ? record->responsible : "";

  if (responsible[0] == '\0')
    /* Translators: a supervision record in the timeline: its cause and method. */
    return g_strdup_printf (_("Supervision record: %s; %s"),
                            rexian_supervise_reason_get_label (record->cause),
                            rexian_supervise_method_get_label (record->method));

  /* Translators: a supervision record in the timeline: its cause, method and the
   * person responsible. */
  return g_strdup_printf (_("Supervision record: %s; %s; responsible: %s"),
                          rexian_supervise_reason_get_label (record->cause),
                          rexian_supervise_method_get_label (record->method), responsible);
}

/* A SUPERVISE line in the order's timeline that keeps the state. */
static gboolean
add_timeline_line (RexianStore  *self,
                   sqlite3      *db,
                   gint64        order_id,
                   gint64        at,
                   gint64        agent_id,
                   const char   *reason,
                   const char   *detail,
                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = rexian_store_prepare (self, db,
                               "INSERT INTO order_events (order_id, at, agent_id, action, "
                               "from_state, to_state, reason, detail) "
                               "SELECT id, ?2, ?3, ?4, state, state, ?5, ?6 "
                               "FROM work_orders WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, order_id);
  sqlite3_bind_int64 (stmt, 2, at);
  rexian_store_bind_id (stmt, 3, agent_id);
  rexian_store_bind_text (stmt, 4, rexian_action_to_string (REXIAN_ACTION_SUPERVISE));
  rexian_store_bind_text (stmt, 5, reason != NULL && reason[0] != '\0' ? reason : NULL);
  rexian_store_bind_text (stmt, 6, detail);
  return rexian_store_step_done (self, db, stmt, error);
}

/* The first record goes through the lifecycle, exactly like the Supervise step, so the
 * flag, the refusal of a closed order and the timeline's words stay in one place.  Sets
 * @out_applied when this call set the flag (and so wrote the timeline line). */
static gboolean
supervise_order (RexianStore                   *self,
                 sqlite3                       *db,
                 const RexianSupervisionRecord *record,
                 gint64                         now,
                 gboolean                      *out_applied,
                 GError                       **error)
{
  g_autoptr(RexianWorkOrder) order = NULL;
  g_autoptr(RexianWorkOrder) applied = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *line = describe_record (record);
  RexianTransitionInput input = { 0 };

  *out_applied = FALSE;

  order = rexian_store_db_get_order (self, db, record->order_id, error);
  if (order == NULL)
    return FALSE;
  if (rexian_work_order_get_supervised (order))
    return TRUE;

  input.supervise_reason = record->cause;
  input.reason = record->note != NULL && record->note[0] != '\0' ? record->note : line;
  applied = rexian_store_db_apply (self, db, record->order_id, REXIAN_ACTION_SUPERVISE, &input,
                                   record->agent_id, now, &local_error);
  if (applied != NULL)
    {
      *out_applied = TRUE;
      return TRUE;
    }

  /* Another seat supervised it a moment ago: the record is still to be added. */
  if (g_error_matches (local_error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED))
    {
      g_clear_object (&order);
      order = rexian_store_db_get_order (self, db, record->order_id, NULL);
      if (order != NULL && rexian_work_order_get_supervised (order))
        return TRUE;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* With @once, a record of the same cause already there means nothing is added and 0
 * comes back: the automatic pass records each cause once. */
gint64
_rexian_store_supervision_db_add (RexianStore                   *self,
                                  sqlite3                       *db,
                                  const RexianSupervisionRecord *record,
                                  gboolean                       once,
                                  gint64                         now,
                                  GError                       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean applied = FALSE;
  gint64 id;

  if (now <= 0)
    now = g_get_real_time () / G_USEC_PER_SEC;

  /* One transaction: the Supervise step (a savepoint inside it) and the record are
   * written together or not at all. */
  if (!rexian_store_begin (self, db, error))
    return 0;

  if (!supervise_order (self, db, record, now, &applied, error))
    goto failed;

  if (once)
    {
      stmt = rexian_store_prepare (self, db,
                                   "SELECT 1 FROM supervision_records "
                                   "WHERE order_id = ?1 AND cause = ?2",
                                   error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, record->order_id);
      rexian_store_bind_text (stmt, 2, rexian_supervise_reason_to_string (record->cause));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          rexian_store_commit (self, db, error);
          return 0;
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  stmt = rexian_store_prepare (self, db,
                               "INSERT INTO supervision_records (order_id, at, cause, method, "
                               "responsible, agent_id, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                               error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, record->order_id);
  sqlite3_bind_int64 (stmt, 2, now);
  rexian_store_bind_text (stmt, 3, rexian_supervise_reason_to_string (record->cause));
  rexian_store_bind_text (stmt, 4, rexian_supervise_method_to_string (record->method));
  rexian_store_bind_text (stmt, 5, record->responsible != NULL ? record->responsible : "");
  rexian_store_bind_id (stmt, 6, record->agent_id);
  rexian_store_bind_text (stmt, 7, record->note != NULL ? record->note : "");
  if (!rexian_store_step_done (self, db, stmt, error))
    goto failed;
  id = sqlite3_last_insert_rowid (db);

  /* The lifecycle step already wrote the line of the first record. */
  if (!applied)
    {
      g_autofree char *detail = describe_record (record);

      if (!add_timeline_line (self, db, record->order_id, now, record->agent_id, record->note,
                              detail, error))
        goto failed;
    }

  if (!rexian_store_commit (self, db, error))
    return 0;

  return id;

failed:
  rexian_store_rollback (db);
  return 0;
}

GPtrArray *
_rexian_store_supervision_db_list (RexianStore  *self,
                                   sqlite3      *db,
                                   gint64        order_id,
                                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = rexian_store_prepare (self, db,
                               RECORD_SELECT "WHERE r.order_id = ?1 ORDER BY r.at, r.id",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, order_id);
  return rexian_store_collect_rows (self, stmt, record_from_row, rexian_supervision_record_free,
                                    error);
}

gboolean
_rexian_store_supervision_db_set_outcome (RexianStore  *self,
                                          sqlite3      *db,
                                          gint64        record_id,
                                          const char   *outcome,
                                          gint64        agent_id,
                                          gint64        now,
                                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *text = g_strstrip (g_strdup (outcome != NULL ? outcome : ""));
  g_autofree char *detail = NULL;
  gint64 order_id;

  if (text[0] == '\0')
    {
      g_set_error_literal (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_FAILED,
                           _("Describe the outcome of the supervision first."));
      return FALSE;
    }

  if (now <= 0)
    now = g_get_real_time () / G_USEC_PER_SEC;

  if (!rexian_store_begin (self, db, error))
    return FALSE;

  stmt = rexian_store_prepare (self, db,
                               "UPDATE supervision_records SET outcome = ?2, outcome_at = ?3 "
                               "WHERE id = ?1 RETURNING order_id",
                               error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, record_id);
  rexian_store_bind_text (stmt, 2, text);
  sqlite3_bind_int64 (stmt, 3, now);
  if (!rexian_store_step_row (self, db, stmt, _("This supervision record no longer exists."),
                              error))
    goto failed;
  order_id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Translators: the timeline line when the outcome of a supervision is recorded. */
  detail = g_strdup_printf (_("Supervision outcome: %s"), text);
  if (!add_timeline_line (self, db, order_id, now, agent_id, NULL, detail, error))
    goto failed;

  return rexian_store_commit (self, db, error);

failed:
  rexian_store_rollback (db);
  return FALSE;
}

GPtrArray *
_rexian_store_supervision_db_list_supervised (RexianStore  *self,
                                              sqlite3      *db,
                                              GError      **error)
{
  g_autoptr(sqlite3_stmt) orders = NULL;
  g_autoptr(sqlite3_stmt) latest = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (rexian_supervised_order_free);
  int rc;

  {
    g_autofree char *sql = g_strconcat (rexian_store_order_select,
                                        "WHERE o.supervised = 1 "
                                        "AND o.state NOT IN ('closed', 'archived') "
                                        "ORDER BY (SELECT max (at) FROM supervision_records r "
                                        "WHERE r.order_id = o.id) DESC, o.id DESC",
                                        NULL);
    orders = rexian_store_prepare (self, db, sql, error);
  }
  latest = rexian_store_prepare (self, db,
                                 RECORD_COLUMNS ", (SELECT count (*) FROM supervision_records c "
                                 "WHERE c.order_id = ?1) " RECORD_FROM "WHERE r.order_id = ?1 "
                                 "ORDER BY r.at DESC, r.id DESC LIMIT 1",
                                 error);
  if (orders == NULL || latest == NULL)
    return NULL;

  /* One read transaction, so the list and its records describe the same moment. */
  if (!_rexian_store_stats_db_begin_read (self, db, error))
    return NULL;

  while ((rc = sqlite3_step (orders)) == SQLITE_ROW)
    {
      RexianSupervisedOrder *item = g_new0 (RexianSupervisedOrder, 1);

      item->order = rexian_store_order_from_row (orders);
      sqlite3_bind_int64 (latest, 1, rexian_work_order_get_id (item->order));
      if (sqlite3_step (latest) == SQLITE_ROW)
        {
          item->latest = record_from_row (latest);
          item->n_records = (guint) sqlite3_column_int (latest, 11);
        }
      sqlite3_reset (latest);
      g_ptr_array_add (result, item);
    }
  _rexian_store_stats_db_end_read (db);

  if (rc != SQLITE_DONE)
    {
      rexian_store_set_sqlite_error (self, db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&result);
}

/* The automatic pass */

/* The ids of the orders in an early-warning cluster of the policy's window. */
static GHashTable *
clustered_ids (RexianStore                   *self,
               sqlite3                       *db,
               const RexianSupervisionPolicy *policy,
               gint64                         now,
               GError                       **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) clusters = NULL;
  RexianPeriod period = { 0 };

  if (policy->cluster_threshold == 0 || policy->cluster_days == 0)
    return g_steal_pointer (&ids);

  period.start = now - (gint64) policy->cluster_days * 24 * 3600;
  period.end = now + 1;
  clusters = _rexian_store_stats_db_find_clusters (self, db, &period, policy->cluster_threshold,
                                                   error);
  if (clusters == NULL)
    return NULL;

  for (guint i = 0; i < clusters->len; i++)
    {
      RexianWarningCluster *cluster = g_ptr_array_index (clusters, i);

      for (guint j = 0; j < cluster->order_ids->len; j++)
        g_hash_table_add (ids, g_memdup2 (&g_array_index (cluster->order_ids, gint64, j),
                                          sizeof (gint64)));
    }

  return g_steal_pointer (&ids);
}

/* What the core needs besides the order: causes already recorded and dissatisfied
 * answers of follow-up visits (attitude and efficiency are the standard's 服务态度差、
 * 效率低). */
static gboolean
read_facts (RexianStore            *self,
            sqlite3                *db,
            sqlite3_stmt           *recorded,
            sqlite3_stmt           *visits,
            gint64                  order_id,
            RexianSupervisionFacts *facts,
            GError                **error)
{
  int rc;

  sqlite3_bind_int64 (recorded, 1, order_id);
  while ((rc = sqlite3_step (recorded)) == SQLITE_ROW)
    {
      RexianSuperviseReason cause;

      if (rexian_supervise_reason_from_string (rexian_store_column_text (recorded, 0), &cause))
        facts->recorded |= REXIAN_SUPERVISE_CAUSE_BIT (cause);
    }
  sqlite3_reset (recorded);
  if (rc != SQLITE_DONE)
    {
      rexian_store_set_sqlite_error (self, db, rc, error);
      return FALSE;
    }

  sqlite3_bind_int64 (visits, 1, order_id);
  facts->dissatisfied_visit = sqlite3_step (visits) == SQLITE_ROW;
  sqlite3_reset (visits);
  return TRUE;
}

/* A cheap pre-selection in SQL: the open orders for which some cause seems to apply and
 * has no record yet, so that the pass a seat runs every minute reads next to nothing
 * once the backlog is recorded.  The core decides for each candidate. */
#define NOT_RECORDED(cause) \
  "NOT EXISTS (SELECT 1 FROM supervision_records r WHERE r.order_id = o.id " \
  "AND r.cause = '" cause "')"

static GArray *
candidate_ids (RexianStore  *self,
               sqlite3      *db,
               gint64        now,
               gint64        yellow_before,
               GHashTable   *clustered,
               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) recorded = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;
  int rc;

  stmt = rexian_store_prepare (self, db,
                               "SELECT id FROM work_orders o "
                               "WHERE state IN ('intake', 'pending-dispatch', 'in-progress') "
                               "AND ((emergency = 1 AND " NOT_RECORDED ("emergency") ") "
                               "OR (repeated = 1 AND " NOT_RECORDED ("repeated") ") "
                               "OR (due_at < ?1 AND " NOT_RECORDED ("overdue") ") "
                               "OR (state = 'in-progress' AND due_at >= ?1 AND due_at < ?2 AND "
                               NOT_RECORDED ("near-deadline") ") "
                               "OR ((followup_process = 'dissatisfied' "
                               "OR followup_result = 'dissatisfied' OR rehandle_count > 0 "
                               "OR EXISTS (SELECT 1 FROM followup_attempts f "
                               "WHERE f.order_id = o.id AND 'dissatisfied' IN "
                               "(f.process, f.result, f.attitude, f.efficiency))) AND "
                               NOT_RECORDED ("dissatisfied") ")) "
                               "ORDER BY id",
                               error);
  recorded = rexian_store_prepare (self, db,
                                   "SELECT 1 FROM supervision_records "
                                   "WHERE order_id = ?1 AND cause = 'repeated'",
                                   error);
  if (stmt == NULL || recorded == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, yellow_before);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      rexian_store_set_sqlite_error (self, db, rc, error);
      return NULL;
    }

  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (seen, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)));

  /* The clusters' orders, unless already recorded as concentrated requests. */
  g_hash_table_iter_init (&iter, clustered);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gboolean done;

      if (g_hash_table_contains (seen, key))
        continue;

      sqlite3_bind_int64 (recorded, 1, *(gint64 *) key);
      done = sqlite3_step (recorded) == SQLITE_ROW;
      sqlite3_reset (recorded);
      if (!done)
        g_array_append_val (ids, *(gint64 *) key);
    }

  return g_steal_pointer (&ids);
}

gboolean
_rexian_store_supervision_db_supervise (RexianStore                   *self,
                                        sqlite3                       *db,
                                        const RexianSupervisionPolicy *policy,
                                        gint64                         now,
                                        guint                          max_records,
                                        gboolean                      *out_more,
                                        guint                         *out_count,
                                        GError                       **error)
{
  g_autoptr(RexianCalendar) calendar = rexian_store_dup_calendar (self);
  g_autoptr(sqlite3_stmt) recorded = NULL;
  g_autoptr(sqlite3_stmt) visits = NULL;
  g_autoptr(GHashTable) clustered = NULL;
  g_autoptr(GArray) ids = NULL;
  RexianDeadlineRules rules;
  gint64 red_before = now;
  gint64 yellow_before = now;
  guint count = 0;

  if (now <= 0)
    now = g_get_real_time () / G_USEC_PER_SEC;
  *out_count = 0;
  *out_more = FALSE;

  rexian_store_db_read_rules (db, &rules);
  if (calendar == NULL
      || !rexian_deadline_get_cutoffs (calendar, &rules, now, &red_before, &yellow_before, NULL))
    yellow_before = now;

  recorded = rexian_store_prepare (self, db,
                                   "SELECT DISTINCT cause FROM supervision_records "
                                   "WHERE order_id = ?1",
                                   error);
  visits = rexian_store_prepare (self, db,
                                 "SELECT 1 FROM followup_attempts WHERE order_id = ?1 "
                                 "AND 'dissatisfied' IN (process, result, attitude, efficiency)",
                                 error);
  if (recorded == NULL || visits == NULL)
    return FALSE;

  clustered = clustered_ids (self, db, policy, now, error);
  if (clustered == NULL)
    return FALSE;
  ids = candidate_ids (self, db, now, MAX (yellow_before, red_before), clustered, error);
  if (ids == NULL)
    return FALSE;

  /* Each record is its own short write, so another seat never waits for the whole
   * pass; a record another seat made meanwhile is found inside the write and skipped. */
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(RexianWorkOrder) order = NULL;
      RexianSupervisionFacts facts = { 0 };
      guint causes;

      /* A backlog is taken a share at a time, so the caller may let other writes in. */
      if (max_records > 0 && count >= max_records)
        {
          *out_more = TRUE;
          break;
        }

      order = rexian_store_db_get_order (self, db, id, NULL);
      if (order == NULL)
        continue;

      facts.in_cluster = g_hash_table_contains (clustered, &id);
      if (!read_facts (self, db, recorded, visits, id, &facts, error))
        return FALSE;

      causes = rexian_supervision_get_due_causes (order, calendar, &rules, &facts, now);
      while (causes != 0)
        {
          RexianSupervisionRecord record = { 0 };
          g_autoptr(GError) local_error = NULL;

          record.order_id = id;
          record.cause = rexian_supervision_first_cause (causes);
          record.method = policy->method;
          record.responsible = (char *) (policy->responsible != NULL ? policy->responsible : "");
          record.note = (char *) rexian_supervise_reason_get_description (record.cause);
          causes &= ~REXIAN_SUPERVISE_CAUSE_BIT (record.cause);

          if (_rexian_store_supervision_db_add (self, db, &record, TRUE, now, &local_error)
              > 0)
            count++;
          else if (local_error != NULL
                   && !g_error_matches (local_error, REXIAN_LIFECYCLE_ERROR,
                                        REXIAN_LIFECYCLE_ERROR_NOT_ALLOWED))
            {
              /* A locked or full database: stop and try at the next pass. */
              *out_count = count;
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
        }
    }

  *out_count = count;
  return TRUE;
}

/* On the main connection */

gint64
rexian_store_add_supervision_record (RexianStore                   *self,
                                     const RexianSupervisionRecord *record,
                                     gint64                         now,
                                     GError                       **error)
{
  gint64 id;

  g_return_val_if_fail (REXIAN_IS_STORE (self), 0);
  g_return_val_if_fail (record != NULL, 0);

  id = _rexian_store_supervision_db_add (self, rexian_store_get_db (self), record, FALSE, now,
                                         error);
  if (id > 0)
    rexian_store_emit_changed (self);

  return id;
}

GPtrArray *
rexian_store_list_supervision_records (RexianStore  *self,
                                       gint64        order_id,
                                       GError      **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);

  return _rexian_store_supervision_db_list (self, rexian_store_get_db (self), order_id,
                                            error);
}

gboolean
rexian_store_set_supervision_outcome (RexianStore  *self,
                                      gint64        record_id,
                                      const char   *outcome,
                                      gint64        agent_id,
                                      gint64        now,
                                      GError      **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);

  if (!_rexian_store_supervision_db_set_outcome (self, rexian_store_get_db (self), record_id,
                                                 outcome, agent_id, now, error))
    return FALSE;

  rexian_store_emit_changed (self);
  return TRUE;
}

GPtrArray *
rexian_store_list_supervised_orders (RexianStore  *self,
                                     GError      **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);

  return _rexian_store_supervision_db_list_supervised (self, rexian_store_get_db (self), error);
}

gboolean
rexian_store_supervise_causes (RexianStore                   *self,
                               const RexianSupervisionPolicy *policy,
                               gint64                         now,
                               guint                         *out_count,
                               GError                       **error)
{
  guint count = 0;
  gboolean ok;

  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);
  g_return_val_if_fail (policy != NULL, FALSE);

  gboolean more = FALSE;

  ok = _rexian_store_supervision_db_supervise (self, rexian_store_get_db (self), policy, now, 0,
                                               &more, &count, error);
  if (count > 0)
    rexian_store_emit_changed (self);
  if (out_count != NULL)
    *out_count = count;

  return ok;
}
