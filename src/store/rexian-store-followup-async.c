/* rexian-store-followup-async.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The follow-up calls on the store's worker thread, so that the UI never waits on the
 * database.
 */

#include "config.h"

#include "rexian-store-followup-private.h"

typedef enum
{
  JOB_QUEUE,
  JOB_DRAW,
  JOB_PLAN,
  JOB_VISIT,
  JOB_EVALUATION,
} JobKind;

typedef struct
{
  JobKind            kind;
  gint64             order_id;
  gint64             agent_id;
  gint64             period_start;
  gint64             period_end;
  double             share_percent;
  guint64            seed;
  RexianVisit       *visit;
  RexianVisitResult  visit_result;
  guint              attempts;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_pointer (&job->visit, rexian_visit_free);
  g_free (job);
}

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
  GDestroyNotify free_func = (GDestroyNotify) g_ptr_array_unref;
  gboolean done = FALSE;
  sqlite3 *db;

  db = rexian_store_lock_worker_db (self, &error);
  if (db != NULL)
    {
      switch (job->kind)
        {
        case JOB_QUEUE:
          result = _rexian_store_db_list_followup_queue (self, db, &error);
          break;

        case JOB_DRAW:
          result = _rexian_store_db_draw_followup (self, db, job->period_start,
                                                   job->period_end, job->share_percent,
                                                   job->seed, &error);
          free_func = (GDestroyNotify) g_array_unref;
          break;

        case JOB_PLAN:
          _rexian_store_db_create_followup_plan (self, db, job->period_start, job->period_end,
                                                 job->share_percent, job->seed, job->agent_id,
                                                 0, (GArray **) &result, &error);
          free_func = (GDestroyNotify) g_array_unref;
          break;

        case JOB_VISIT:
          done = _rexian_store_db_record_visit (self, db, job->order_id, job->visit,
                                                job->agent_id, 0, &job->visit_result,
                                                &job->attempts, &error);
          break;

        case JOB_EVALUATION:
          {
            RexianPeriod period;

            rexian_period_init_range (&period, job->period_start, job->period_end);
            result = _rexian_store_db_get_department_evaluation (self, db, &period, &error);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }
  rexian_store_unlock_worker_db (self);

  /* The other seats see the write with their next poll; this one at once. */
  if ((job->kind == JOB_PLAN && result != NULL) || (job->kind == JOB_VISIT && done))
    rexian_store_emit_changed (self);

  if (job->kind == JOB_VISIT)
    {
      if (done)
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
    }
  else if (result == NULL)
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
  rexian_store_run_in_thread (self, job, job_free, source_tag, job_thread, cancellable,
                              callback, user_data);
}

static Job *
job_new (JobKind kind)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;

  return job;
}

void
rexian_store_list_followup_queue_async (RexianStore         *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (REXIAN_IS_STORE (self));

  run_job (self, job_new (JOB_QUEUE), rexian_store_list_followup_queue_async, cancellable,
           callback, user_data);
}

GPtrArray *
rexian_store_list_followup_queue_finish (RexianStore   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
rexian_store_followup_plan_async (RexianStore         *self,
                                  gint64               period_start,
                                  gint64               period_end,
                                  double               share_percent,
                                  guint64              seed,
                                  gboolean             save,
                                  gint64               agent_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Job *job;

  g_return_if_fail (REXIAN_IS_STORE (self));

  job = job_new (save ? JOB_PLAN : JOB_DRAW);
  job->period_start = period_start;
  job->period_end = period_end;
  job->share_percent = share_percent;
  job->seed = seed;
  job->agent_id = agent_id;
  run_job (self, job, rexian_store_followup_plan_async, cancellable, callback, user_data);
}

GArray *
rexian_store_followup_plan_finish (RexianStore   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
rexian_store_record_visit_async (RexianStore         *self,
                                 gint64               order_id,
                                 const RexianVisit   *visit,
                                 gint64               agent_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Job *job;

  g_return_if_fail (REXIAN_IS_STORE (self));
  g_return_if_fail (visit != NULL);

  job = job_new (JOB_VISIT);
  job->order_id = order_id;
  job->visit = rexian_visit_copy (visit);
  job->agent_id = agent_id;
  run_job (self, job, rexian_store_record_visit_async, cancellable, callback, user_data);
}

gboolean
rexian_store_record_visit_finish (RexianStore        *self,
                                  GAsyncResult       *result,
                                  RexianVisitResult  *out_result,
                                  guint              *out_attempts,
                                  GError            **error)
{
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  job = g_task_get_task_data (G_TASK (result));
  if (out_result != NULL)
    *out_result = job->visit_result;
  if (out_attempts != NULL)
    *out_attempts = job->attempts;

  return TRUE;
}

void
rexian_store_get_department_evaluation_async (RexianStore         *self,
                                              const RexianPeriod  *period,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  Job *job;

  g_return_if_fail (REXIAN_IS_STORE (self));
  g_return_if_fail (period != NULL);

  job = job_new (JOB_EVALUATION);
  job->period_start = period->start;
  job->period_end = period->end;
  run_job (self, job, rexian_store_get_department_evaluation_async, cancellable, callback,
           user_data);
}

GPtrArray *
rexian_store_get_department_evaluation_finish (RexianStore   *self,
                                               GAsyncResult  *result,
                                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
