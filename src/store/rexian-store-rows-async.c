/* rexian-store-rows-async.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Orders and calls read by their row ids on the store's worker thread.  Lists that show
 * what lies behind a figure (drill-downs, early-warning clusters) get their ids from a
 * statistics query on the worker thread; reading the rows there too keeps every read of
 * theirs off the main loop, however busy the database is.
 */

#include "config.h"

#include "rexian-store-private.h"
#include "rexian-order-query.h"
#include "rexian-store-calls.h"

typedef struct
{
  GArray   *ids;
  gboolean  calls;
} RowsJob;

static void
rows_job_free (gpointer data)
{
  RowsJob *job = data;

  g_array_unref (job->ids);
  g_free (job);
}

static void
get_rows_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  RexianStore *self = source_object;
  RowsJob *job = task_data;
  const gint64 *ids = (const gint64 *) (gpointer) job->ids->data;
  GPtrArray *rows = NULL;
  GError *error = NULL;
  sqlite3 *db;

  db = rexian_store_lock_worker_db (self, &error);
  if (db != NULL)
    {
      if (job->calls)
        rows = _rexian_store_db_get_calls_by_ids (self, db, ids, job->ids->len, &error);
      else
        rows = _rexian_store_db_get_orders_by_ids (self, db, ids, job->ids->len, &error);
    }
  rexian_store_unlock_worker_db (self);

  if (rows == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
}

static void
get_rows_async (RexianStore         *self,
                GArray              *ids,
                gboolean             calls,
                gpointer             source_tag,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  RowsJob *job = g_new0 (RowsJob, 1);

  job->ids = g_array_ref (ids);
  job->calls = calls;
  rexian_store_run_in_thread (self, job, rows_job_free, source_tag, get_rows_thread,
                              cancellable, callback, user_data);
}

void
rexian_store_get_orders_by_ids_async (RexianStore         *self,
                                      GArray              *ids,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (REXIAN_IS_STORE (self));
  g_return_if_fail (ids != NULL && g_array_get_element_size (ids) == sizeof (gint64));

  get_rows_async (self, ids, FALSE, rexian_store_get_orders_by_ids_async, cancellable,
                  callback, user_data);
}

void
rexian_store_get_calls_by_ids_async (RexianStore         *self,
                                     GArray              *ids,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (REXIAN_IS_STORE (self));
  g_return_if_fail (ids != NULL && g_array_get_element_size (ids) == sizeof (gint64));

  get_rows_async (self, ids, TRUE, rexian_store_get_calls_by_ids_async, cancellable,
                  callback, user_data);
}

GPtrArray *
rexian_store_get_rows_by_ids_finish (RexianStore   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
