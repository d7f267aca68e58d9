/* rexian-store-stats-async.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rexian-store-followup-private.h"
#include "rexian-store-stats-private.h"

/* What the supervisor view and a report read at once, and the async forms that read it
 * on the store's worker connection so the UI never waits for the database. */

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* The supervisor view */

static RexianStatsSnapshot *
db_snapshot (RexianStore  *self,
             sqlite3      *db,
             gint64        now,
             GError      **error)
{
  g_autoptr(RexianStatsSnapshot) snapshot = g_new0 (RexianStatsSnapshot, 1);

  rexian_period_init (&snapshot->today, REXIAN_PERIOD_DAY, now);
  rexian_period_init (&snapshot->last_24h, REXIAN_PERIOD_LAST_24H, now);

  snapshot->now = _rexian_store_stats_db_now (self, db, now, error);
  if (snapshot->now == NULL)
    return NULL;

  if (!_rexian_store_stats_db_calls (self, db, &snapshot->today, &snapshot->today_calls,
                                     error) ||
      !_rexian_store_stats_db_calls (self, db, &snapshot->last_24h,
                                     &snapshot->last_24h_calls, error) ||
      !_rexian_store_stats_db_orders (self, db, &snapshot->today, now,
                                      &snapshot->today_orders, error))
    return NULL;

  snapshot->today_hours = _rexian_store_stats_db_calls_per_hour (self, db, &snapshot->today,
                                                                 error);
  if (snapshot->today_hours == NULL)
    return NULL;

  snapshot->last_24h_hours = _rexian_store_stats_db_calls_per_hour (self, db,
                                                                    &snapshot->last_24h,
                                                                    error);
  if (snapshot->last_24h_hours == NULL)
    return NULL;

  return g_steal_pointer (&snapshot);
}

/* A report */

static RexianStatsReport *
db_report (RexianStore         *self,
           sqlite3             *db,
           const RexianPeriod  *period,
           gint64               now,
           GError             **error)
{
  g_autoptr(RexianStatsReport) report = g_new0 (RexianStatsReport, 1);
  GPtrArray **groups[REXIAN_N_STATS_GROUPS] = {
    [REXIAN_STATS_GROUP_DEPARTMENT] = &report->by_department,
    [REXIAN_STATS_GROUP_CATEGORY] = &report->by_category,
    [REXIAN_STATS_GROUP_CHANNEL] = &report->by_channel,
    [REXIAN_STATS_GROUP_KIND] = &report->by_kind,
  };

  report->period = *period;
  report->now = now;

  if (!_rexian_store_stats_db_orders_by_state (self, db, period, report->orders_by_state,
                                               error))
    return NULL;

  /* Each part is its own indexed range, so the parts together read each row once, and
   * they add up to the whole period: each call and each order event is in one part. */
  report->parts = rexian_period_split (period);
  report->calls_by_part = g_array_sized_new (FALSE, TRUE, sizeof (RexianCallStats),
                                             report->parts->len);
  report->orders_by_part = g_array_sized_new (FALSE, TRUE, sizeof (RexianOrderStats),
                                              report->parts->len);
  g_array_set_size (report->calls_by_part, report->parts->len);
  g_array_set_size (report->orders_by_part, report->parts->len);

  for (guint i = 0; i < report->parts->len; i++)
    {
      const RexianPeriod *part = &g_array_index (report->parts, RexianPeriod, i);

      if (!_rexian_store_stats_db_calls (self, db, part,
                                         &g_array_index (report->calls_by_part,
                                                         RexianCallStats, i),
                                         error) ||
          !_rexian_store_stats_db_orders (self, db, part, now,
                                          &g_array_index (report->orders_by_part,
                                                          RexianOrderStats, i),
                                          error))
        return NULL;

      rexian_call_stats_merge (&report->calls,
                               &g_array_index (report->calls_by_part, RexianCallStats, i));
      rexian_order_stats_merge (&report->orders,
                                &g_array_index (report->orders_by_part, RexianOrderStats, i));
    }

  {
    GPtrArray *breakdowns[REXIAN_N_STATS_GROUPS];

    if (!_rexian_store_stats_db_orders_breakdowns (self, db, period, now, breakdowns, error))
      return NULL;

    for (guint group = 0; group < REXIAN_N_STATS_GROUPS; group++)
      *groups[group] = breakdowns[group];
  }

  report->evaluation = _rexian_store_db_get_department_evaluation (self, db, period, error);
  if (report->evaluation == NULL)
    return NULL;

  return g_steal_pointer (&report);
}

RexianStatsSnapshot *
rexian_store_stats_snapshot (RexianStore  *self,
                             gint64        now,
                             GError      **error)
{
  RexianStatsSnapshot *snapshot;
  sqlite3 *db;

  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = rexian_store_get_db (self);
  if (!_rexian_store_stats_db_begin_read (self, db, error))
    return NULL;

  snapshot = db_snapshot (self, db, now, error);
  _rexian_store_stats_db_end_read (db);

  return snapshot;
}

RexianStatsReport *
rexian_store_stats_report (RexianStore         *self,
                           const RexianPeriod  *period,
                           gint64               now,
                           GError             **error)
{
  RexianStatsReport *report;
  sqlite3 *db;

  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = rexian_store_get_db (self);
  if (!_rexian_store_stats_db_begin_read (self, db, error))
    return NULL;

  report = db_report (self, db, period, now, error);
  _rexian_store_stats_db_end_read (db);

  return report;
}

void
rexian_stats_snapshot_free (RexianStatsSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  g_clear_pointer (&snapshot->now, rexian_stats_now_free);
  g_clear_pointer (&snapshot->today_hours, g_array_unref);
  g_clear_pointer (&snapshot->last_24h_hours, g_array_unref);
  g_free (snapshot);
}

void
rexian_stats_report_free (RexianStatsReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->parts, g_array_unref);
  g_clear_pointer (&report->calls_by_part, g_array_unref);
  g_clear_pointer (&report->orders_by_part, g_array_unref);
  g_clear_pointer (&report->by_department, g_ptr_array_unref);
  g_clear_pointer (&report->by_category, g_ptr_array_unref);
  g_clear_pointer (&report->by_channel, g_ptr_array_unref);
  g_clear_pointer (&report->by_kind, g_ptr_array_unref);
  g_clear_pointer (&report->evaluation, g_ptr_array_unref);
  g_free (report);
}

/* Async forms: one job type for every read. */

typedef enum
{
  JOB_SNAPSHOT,
  JOB_REPORT,
  JOB_LIST_CALLS,
  JOB_LIST_ORDERS,
  JOB_CLUSTERS,
} JobKind;

typedef struct
{
  JobKind      kind;
  RexianPeriod period;
  gint64       now;
  int          filter;
  gint64       department_id;
  guint        limit;
} Job;

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RexianStore *self = source_object;
  Job *job = task_data;
  GError *error = NULL;
  gpointer result = NULL;
  GDestroyNotify free_func = NULL;
  sqlite3 *db;

  if (job->now == 0)
    job->now = now_seconds ();

  db = rexian_store_lock_worker_db (self, &error);
  if (db != NULL && _rexian_store_stats_db_begin_read (self, db, &error))
    {
      switch (job->kind)
        {
        case JOB_SNAPSHOT:
          result = db_snapshot (self, db, job->now, &error);
          free_func = (GDestroyNotify) rexian_stats_snapshot_free;
          break;

        case JOB_REPORT:
          result = db_report (self, db, &job->period, job->now, &error);
          free_func = (GDestroyNotify) rexian_stats_report_free;
          break;

        case JOB_LIST_CALLS:
          result = _rexian_store_stats_db_list_calls (self, db, &job->period, job->filter,
                                                      job->limit, &error);
          free_func = (GDestroyNotify) g_array_unref;
          break;

        case JOB_LIST_ORDERS:
          result = _rexian_store_stats_db_list_orders (self, db, &job->period, job->now,
                                                       job->filter, job->department_id,
                                                       job->limit, &error);
          free_func = (GDestroyNotify) g_array_unref;
          break;

        case JOB_CLUSTERS:
          result = _rexian_store_stats_db_find_clusters (self, db, &job->period, job->limit,
                                                         &error);
          free_func = (GDestroyNotify) g_ptr_array_unref;
          break;

        default:
          g_assert_not_reached ();
        }

      _rexian_store_stats_db_end_read (db);
    }
  rexian_store_unlock_worker_db (self);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, free_func);
}

static void
run_job (RexianStore         *self,
         Job                 *job,
         gpointer             source_tag,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  rexian_store_run_in_thread (self, job, g_free, source_tag, job_thread, cancellable,
                              callback, user_data);
}

static Job *
job_new (JobKind             kind,
         const RexianPeriod *period,
         gint64              now)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->now = now;
  if (period != NULL)
    job->period = *period;

  return job;
}

static gpointer
finish_job (RexianStore   *self,
            GAsyncResult  *result,
            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
rexian_store_stats_snapshot_async (RexianStore         *self,
                                   gint64               now,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (REXIAN_IS_STORE (self));

  run_job (self, job_new (JOB_SNAPSHOT, NULL, now), rexian_store_stats_snapshot_async,
           cancellable, callback, user_data);
}

RexianStatsSnapshot *
rexian_store_stats_snapshot_finish (RexianStore   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return finish_job (self, result, error);
}

void
rexian_store_stats_report_async (RexianStore         *self,
                                 const RexianPeriod  *period,
                                 gint64               now,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (REXIAN_IS_STORE (self));
  g_return_if_fail (period != NULL);

  run_job (self, job_new (JOB_REPORT, period, now), rexian_store_stats_report_async,
           cancellable, callback, user_data);
}

RexianStatsReport *
rexian_store_stats_report_finish (RexianStore   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return finish_job (self, result, error);
}

void
rexian_store_stats_list_calls_async (RexianStore         *self,
                                     const RexianPeriod  *period,
                                     RexianCallFilter     filter,
                                     guint                limit,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  Job *job;

  g_return_if_fail (REXIAN_IS_STORE (self));
  g_return_if_fail (period != NULL);
  g_return_if_fail ((guint) filter < REXIAN_N_CALL_FILTERS);

  job = job_new (JOB_LIST_CALLS, period, 0);
  job->filter = filter;
  job->limit = limit;
  run_job (self, job, rexian_store_stats_list_calls_async, cancellable, callback, user_data);
}

void
rexian_store_stats_list_orders_async (RexianStore         *self,
                                      const RexianPeriod  *period,
                                      gint64               now,
                                      RexianOrderFilter    filter,
                                      gint64               department_id,
                                      guint                limit,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  Job *job;

  g_return_if_fail (REXIAN_IS_STORE (self));
  g_return_if_fail (period != NULL);
  g_return_if_fail ((guint) filter < REXIAN_N_ORDER_FILTERS);

  job = job_new (JOB_LIST_ORDERS, period, now);
  job->filter = filter;
  job->department_id = department_id;
  job->limit = limit;
  run_job (self, job, rexian_store_stats_list_orders_async, cancellable, callback, user_data);
}

GArray *
rexian_store_stats_list_finish (RexianStore   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return finish_job (self, result, error);
}

void
rexian_store_stats_find_clusters_async (RexianStore         *self,
                                        const RexianPeriod  *period,
                                        guint                threshold,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  Job *job;

  g_return_if_fail (REXIAN_IS_STORE (self));
  g_return_if_fail (period != NULL);

  job = job_new (JOB_CLUSTERS, period, 0);
  job->limit = threshold;
  run_job (self, job, rexian_store_stats_find_clusters_async, cancellable, callback,
           user_data);
}

GPtrArray *
rexian_store_stats_find_clusters_finish (RexianStore   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return finish_job (self, result, error);
}
