/* rexian-store-supervision-async.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The supervision calls on the store's worker thread, for the UI. */

#include "config.h"

#include "rexian-store-private.h"
#include "rexian-store-supervision-private.h"

/* On the worker thread: one job type for every call, so each form is a few lines. */

typedef enum
{
  JOB_ADD,
  JOB_LIST_RECORDS,
  JOB_SET_OUTCOME,
  JOB_LIST_SUPERVISED,
  JOB_SUPERVISE_CAUSES, /* on its own thread function, supervise_thread() */
} JobKind;

typedef struct
{
  JobKind                  kind;
  RexianSupervisionRecord *record;   /* ADD; SET_OUTCOME: id, outcome, agent_id */
  RexianSupervisionPolicy  policy;
  char                    *responsible;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  rexian_supervision_record_free (job->record);
  g_free (job->responsible);
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
  gpointer list = NULL;
  gint64 value = 0;
  gboolean ok = FALSE;
  sqlite3 *db;

  db = rexian_store_lock_worker_db (self, &error);
  if (db != NULL)
    {
      switch (job->kind)
        {
        case JOB_ADD:
          value = _rexian_store_supervision_db_add (self, db, job->record, FALSE, 0, &error);
          ok = value > 0;
          break;
        case JOB_LIST_RECORDS:
          list = _rexian_store_supervision_db_list (self, db, job->record->order_id, &error);
          ok = list != NULL;
          break;
        case JOB_SET_OUTCOME:
          ok = _rexian_store_supervision_db_set_outcome (self, db, job->record->id,
                                                         job->record->outcome,
                                                         job->record->agent_id, 0, &error);
          value = ok;
          break;
        case JOB_LIST_SUPERVISED:
          list = _rexian_store_supervision_db_list_supervised (self, db, &error);
          ok = list != NULL;
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

  if (job->kind == JOB_ADD || job->kind == JOB_SET_OUTCOME)
    rexian_store_emit_changed (self);

  if (list != NULL)
    g_task_return_pointer (task, list, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_int (task, (gssize) value);
}

/* Records made per hold of the worker's connection: a backlog (the first pass on a large
 * database) is taken in shares of about a second each, and the window's own writes get
 * the connection in between. */
#define SUPERVISE_SHARE 100

static void
supervise_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  RexianStore *self = source_object;
  Job *job = task_data;
  GError *error = NULL;
  gboolean more = TRUE;
  guint total = 0;

  while (more && !g_cancellable_is_cancelled (cancellable))
    {
      guint count = 0;
      gboolean ok = FALSE;
      sqlite3 *db;

      db = rexian_store_lock_worker_db (self, &error);
      if (db != NULL)
        ok = _rexian_store_supervision_db_supervise (self, db, &job->policy, 0, SUPERVISE_SHARE,
                                                     &more, &count, &error);
      rexian_store_unlock_worker_db (self);

      total += count;
      if (count > 0)
        rexian_store_emit_changed (self);
      if (!ok)
        {
          g_task_return_error (task, error);
          return;
        }
    }

  g_task_return_int (task, (gssize) total);
}

/* Starts @kind on the worker thread with @record (taken; NULL: an empty one). */
static void
run_job (RexianStore             *self,
         JobKind                  kind,
         RexianSupervisionRecord *record,
         gpointer                 source_tag,
         GCancellable            *cancellable,
         GAsyncReadyCallback      callback,
         gpointer                 user_data)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->record = record != NULL ? record : rexian_supervision_record_new ();
  rexian_store_run_in_thread (self, job, job_free, source_tag, job_thread, cancellable,
                              callback, user_data);
}

void
rexian_store_add_supervision_record_async (RexianStore                   *self,
                                           const RexianSupervisionRecord *record,
                                           GCancellable                  *cancellable,
                                           GAsyncReadyCallback            callback,
                                           gpointer                       user_data)
{
  g_return_if_fail (REXIAN_IS_STORE (self));

  run_job (self, JOB_ADD, rexian_supervision_record_copy (record),
           rexian_store_add_supervision_record_async, cancellable, callback, user_data);
}

gint64
rexian_store_add_supervision_record_finish (RexianStore   *self,
                                            GAsyncResult  *result,
                                            GError       **error)
{
  gssize id;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  id = g_task_propagate_int (G_TASK (result), error);
  return id > 0 ? id : 0;
}

void
rexian_store_list_supervision_records_async (RexianStore         *self,
                                             gint64               order_id,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  RexianSupervisionRecord *record = rexian_supervision_record_new ();

  g_return_if_fail (REXIAN_IS_STORE (self));

  record->order_id = order_id;
  run_job (self, JOB_LIST_RECORDS, record, rexian_store_list_supervision_records_async,
           cancellable, callback, user_data);
}

void
rexian_store_set_supervision_outcome_async (RexianStore         *self,
                                            gint64               record_id,
                                            const char          *outcome,
                                            gint64               agent_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  RexianSupervisionRecord *record = rexian_supervision_record_new ();

  g_return_if_fail (REXIAN_IS_STORE (self));

  record->id = record_id;
  record->outcome = g_strdup (outcome);
  record->agent_id = agent_id;
  run_job (self, JOB_SET_OUTCOME, record, rexian_store_set_supervision_outcome_async,
           cancellable, callback, user_data);
}

gboolean
rexian_store_set_supervision_outcome_finish (RexianStore   *self,
                                             GAsyncResult  *result,
                                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_int (G_TASK (result), error) > 0;
}

void
rexian_store_list_supervised_orders_async (RexianStore         *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (REXIAN_IS_STORE (self));

  run_job (self, JOB_LIST_SUPERVISED, NULL, rexian_store_list_supervised_orders_async,
           cancellable, callback, user_data);
}

GPtrArray *
rexian_store_supervision_list_finish (RexianStore   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
rexian_store_supervise_causes_async (RexianStore                   *self,
                                     const RexianSupervisionPolicy *policy,
                                     GCancellable                  *cancellable,
                                     GAsyncReadyCallback            callback,
                                     gpointer                       user_data)
{
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (REXIAN_IS_STORE (self));
  g_return_if_fail (policy != NULL);

  job->kind = JOB_SUPERVISE_CAUSES;
  job->policy = *policy;
  job->responsible = g_strdup (policy->responsible);
  job->policy.responsible = job->responsible;
  job->record = rexian_supervision_record_new ();
  rexian_store_run_in_thread (self, job, job_free, rexian_store_supervise_causes_async,
                              supervise_thread, cancellable, callback, user_data);
}

gboolean
rexian_store_supervise_causes_finish (RexianStore   *self,
                                      GAsyncResult  *result,
                                      guint         *out_count,
                                      GError       **error)
{
  gssize count;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  count = g_task_propagate_int (G_TASK (result), error);
  if (count < 0)
    return FALSE;

  if (out_count != NULL)
    *out_count = (guint) count;
  return TRUE;
}
