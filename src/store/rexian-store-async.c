/* rexian-store-async.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rexian-store-private.h"

/* Async calls: each runs on a GLib worker thread with the store's second connection,
 * one at a time, and "now" is the moment it runs. */

/* The three calls that write one order and return it share one thread function. */
typedef enum
{
  WRITE_CREATE,
  WRITE_UPDATE,
  WRITE_APPLY,
} WriteKind;

typedef struct
{
  WriteKind              kind;
  RexianWorkOrder       *order;
  gint64                 agent_id;
  char                  *reason;
  gint64                 order_id;
  RexianAction           action;
  RexianTransitionInput *input;
} AsyncData;

static void
async_data_free (gpointer data)
{
  AsyncData *async = data;

  g_clear_object (&async->order);
  g_free (async->reason);
  g_clear_pointer (&async->input, rexian_transition_input_free);
  g_free (async);
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
write_order_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  RexianStore *self = source_object;
  AsyncData *async = task_data;
  GError *error = NULL;
  RexianWorkOrder *order = NULL;
  sqlite3 *db;

  db = rexian_store_lock_worker_db (self, &error);
  if (db != NULL)
    {
      switch (async->kind)
        {
        case WRITE_CREATE:
          order = rexian_store_db_create_order (self, db, async->order, async->agent_id,
                                                now_seconds (), &error);
          break;

        case WRITE_UPDATE:
          order = rexian_store_db_update_order (self, db, async->order, async->agent_id,
                                                async->reason, now_seconds (), &error);
          break;

        case WRITE_APPLY:
          order = rexian_store_db_apply (self, db, async->order_id, async->action,
                                         async->input, async->agent_id, now_seconds (),
                                         &error);
          break;

        default:
          g_assert_not_reached ();
        }
    }
  rexian_store_unlock_worker_db (self);

  if (order == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  rexian_store_emit_changed (self);
  g_task_return_pointer (task, order, g_object_unref);
}

static void
run_write (RexianStore         *self,
           AsyncData           *async,
           gpointer             source_tag,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  rexian_store_run_in_thread (self, async, async_data_free, source_tag, write_order_thread,
                              cancellable, callback, user_data);
}

static RexianWorkOrder *
finish_write (RexianStore   *self,
              GAsyncResult  *result,
              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
rexian_store_create_order_async (RexianStore         *self,
                                 RexianWorkOrder     *draft,
                                 gint64               agent_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  AsyncData *async;

  g_return_if_fail (REXIAN_IS_STORE (self));
  g_return_if_fail (REXIAN_IS_WORK_ORDER (draft));

  async = g_new0 (AsyncData, 1);
  async->kind = WRITE_CREATE;
  async->order = rexian_work_order_copy (draft);
  async->agent_id = agent_id;
  run_write (self, async, rexian_store_create_order_async, cancellable, callback, user_data);
}

RexianWorkOrder *
rexian_store_create_order_finish (RexianStore  *self,
                                  GAsyncResult *result,
                                  GError      **error)
{
  return finish_write (self, result, error);
}

void
rexian_store_update_order_async (RexianStore         *self,
                                 RexianWorkOrder     *order,
                                 gint64               agent_id,
                                 const char          *reason,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  AsyncData *async;

  g_return_if_fail (REXIAN_IS_STORE (self));
  g_return_if_fail (REXIAN_IS_WORK_ORDER (order));

  async = g_new0 (AsyncData, 1);
  async->kind = WRITE_UPDATE;
  async->order = rexian_work_order_copy (order);
  async->agent_id = agent_id;
  async->reason = g_strdup (reason);
  run_write (self, async, rexian_store_update_order_async, cancellable, callback, user_data);
}

RexianWorkOrder *
rexian_store_update_order_finish (RexianStore  *self,
                                  GAsyncResult *result,
                                  GError      **error)
{
  return finish_write (self, result, error);
}

void
rexian_store_apply_async (RexianStore                 *self,
                          gint64                       order_id,
                          RexianAction                 action,
                          const RexianTransitionInput *input,
                          gint64                       agent_id,
                          GCancellable                *cancellable,
                          GAsyncReadyCallback          callback,
                          gpointer                     user_data)
{
  AsyncData *async;

  g_return_if_fail (REXIAN_IS_STORE (self));

  async = g_new0 (AsyncData, 1);
  async->kind = WRITE_APPLY;
  async->order_id = order_id;
  async->action = action;
  async->input = input != NULL ? rexian_transition_input_copy (input)
                               : rexian_transition_input_new ();
  async->agent_id = agent_id;
  run_write (self, async, rexian_store_apply_async, cancellable, callback, user_data);
}

RexianWorkOrder *
rexian_store_apply_finish (RexianStore  *self,
                           GAsyncResult *result,
                           GError      **error)
{
  return finish_write (self, result, error);
}

static void
supervise_due_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  RexianStore *self = source_object;
  GError *error = NULL;
  guint count = 0;
  gboolean ok = FALSE;
  sqlite3 *db;

  db = rexian_store_lock_worker_db (self, &error);
  if (db != NULL)
    ok = rexian_store_db_supervise_due (self, db, now_seconds (), &count, &error);
  rexian_store_unlock_worker_db (self);

  if (!ok)
    {
      g_task_return_error (task, error);
      return;
    }

  if (count > 0)
    rexian_store_emit_changed (self);
  g_task_return_int (task, count);
}

void
rexian_store_supervise_due_async (RexianStore        *self,
                                  GCancellable       *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data)
{
  g_return_if_fail (REXIAN_IS_STORE (self));

  rexian_store_run_in_thread (self, NULL, NULL, rexian_store_supervise_due_async,
                              supervise_due_thread, cancellable, callback, user_data);
}

gboolean
rexian_store_supervise_due_finish (RexianStore  *self,
                                   GAsyncResult *result,
                                   guint        *out_count,
                                   GError      **error)
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
