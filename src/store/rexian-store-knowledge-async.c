/* rexian-store-knowledge-async.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rexian-store-knowledge-private.h"

/* The knowledge base's async forms: each runs on a GLib worker thread with the store's
 * second connection, so that searching as the agent types and importing a large file
 * never hold up the window. */

/* The async search */

typedef struct
{
  char                        *text;
  gint64                       category_id;
  gint64                       department_id;
  RexianKnowledgeSearchFlags   flags;
  guint                        limit;
} SearchJob;

static void
search_job_free (gpointer data)
{
  SearchJob *job = data;

  g_free (job->text);
  g_free (job);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RexianStore *self = source_object;
  SearchJob *job = task_data;
  GError *error = NULL;
  GPtrArray *articles = NULL;
  sqlite3 *db;

  /* The agent has typed on since: the newer search will answer. */
  if (g_task_return_error_if_cancelled (task))
    return;

  db = rexian_store_lock_worker_db (self, &error);
  if (db != NULL)
    articles = _rexian_store_db_search (self, db, job->text, job->category_id,
                                        job->department_id, job->flags, job->limit, 0,
                                        &error);
  rexian_store_unlock_worker_db (self);

  if (articles == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, articles, (GDestroyNotify) g_ptr_array_unref);
}

void
rexian_store_search_articles_async (RexianStore                 *self,
                                    const char                  *text,
                                    gint64                       category_id,
                                    gint64                       department_id,
                                    RexianKnowledgeSearchFlags   flags,
                                    guint                        limit,
                                    GCancellable                *cancellable,
                                    GAsyncReadyCallback          callback,
                                    gpointer                     user_data)
{
  SearchJob *job;

  g_return_if_fail (REXIAN_IS_STORE (self));

  job = g_new0 (SearchJob, 1);
  job->text = g_strdup (text);
  job->category_id = category_id;
  job->department_id = department_id;
  job->flags = flags;
  job->limit = limit;

  rexian_store_run_in_thread (self, job, search_job_free, rexian_store_search_articles_async,
                              search_thread, cancellable, callback, user_data);
}

GPtrArray *
rexian_store_search_articles_finish (RexianStore   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Async import and export on the worker's connection. */

typedef struct
{
  RexianKnowledgeFormat  format;
  GBytes                *data;  /* NULL for an export */
} IoJob;

static void
io_job_free (gpointer data)
{
  IoJob *job = data;

  g_clear_pointer (&job->data, g_bytes_unref);
  g_free (job);
}

static void
io_thread (GTask        *task,
           gpointer      source_object,
           gpointer      task_data,
           GCancellable *cancellable)
{
  RexianStore *self = source_object;
  IoJob *job = task_data;
  GError *error = NULL;
  GBytes *exported = NULL;
  gboolean ok = FALSE;
  guint count = 0;
  sqlite3 *db;

  db = rexian_store_lock_worker_db (self, &error);
  if (db != NULL && job->data != NULL)
    ok = _rexian_store_db_import_articles (self, db, job->format, job->data, 0, &count,
                                           &error);
  else if (db != NULL)
    ok = (exported = _rexian_store_db_export_articles (self, db, job->format, &error)) != NULL;
  rexian_store_unlock_worker_db (self);

  if (!ok)
    g_task_return_error (task, error);
  else if (job->data != NULL)
    g_task_return_int (task, count);
  else
    g_task_return_pointer (task, exported, (GDestroyNotify) g_bytes_unref);
}

void
rexian_store_import_articles_async (RexianStore            *self,
                                    RexianKnowledgeFormat   format,
                                    GBytes                 *data,
                                    GCancellable           *cancellable,
                                    GAsyncReadyCallback     callback,
                                    gpointer                user_data)
{
  IoJob *job;

  g_return_if_fail (REXIAN_IS_STORE (self));
  g_return_if_fail (data != NULL);

  job = g_new0 (IoJob, 1);
  job->format = format;
  job->data = g_bytes_ref (data);
  rexian_store_run_in_thread (self, job, io_job_free, rexian_store_import_articles_async,
                              io_thread, cancellable, callback, user_data);
}

gboolean
rexian_store_import_articles_finish (RexianStore   *self,
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

void
rexian_store_export_articles_async (RexianStore            *self,
                                    RexianKnowledgeFormat   format,
                                    GCancellable           *cancellable,
                                    GAsyncReadyCallback     callback,
                                    gpointer                user_data)
{
  IoJob *job;

  g_return_if_fail (REXIAN_IS_STORE (self));

  job = g_new0 (IoJob, 1);
  job->format = format;
  rexian_store_run_in_thread (self, job, io_job_free, rexian_store_export_articles_async,
                              io_thread, cancellable, callback, user_data);
}

GBytes *
rexian_store_export_articles_finish (RexianStore   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
