/* rexian-store-archive.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rexian-store-archive-private.h"
#include "rexian-store-archive.h"

/* Orders archived per transaction: a bulk archive of a year's backlog holds other seats'
 * writes up for a fraction of a second at a time, never for the whole run. */
#define ARCHIVE_BATCH 200
#define BATCH_PAUSE_US 20000

void
rexian_archive_entry_free (RexianArchiveEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->number);
  g_free (entry->caller_name);
  g_free (entry->caller_phone);
  g_free (entry->category);
  g_free (entry->department);
  g_free (entry->summary);
  g_free (entry);
}

static gint64
now_or_real (gint64 now)
{
  return now != 0 ? now : g_get_real_time () / G_USEC_PER_SEC;
}

/* Filing */

gboolean
_rexian_store_archive_write_entry (RexianStore      *self,
                                   sqlite3          *db,
                                   RexianWorkOrder  *order,
                                   gint64            agent_id,
                                   gint64            now,
                                   GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) closed = NULL;
  gint64 closed_at = rexian_work_order_get_closed_at (order);

  /* The closing date (办结时间) files the order: a matter closed on 31 December belongs
   * to that year's archive even when it is filed in January.  An order closed before
   * closed_at was recorded is filed by the day it is archived. */
  closed = g_date_time_new_from_unix_local (closed_at > 0 ? closed_at : now);

  stmt = rexian_store_prepare (self, db,
                               "INSERT INTO archive_entries (order_id, year, month, "
                               "category_id, department_id, archived_at, agent_id) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                               "ON CONFLICT (order_id) DO UPDATE SET year = excluded.year, "
                               "month = excluded.month, category_id = excluded.category_id, "
                               "department_id = excluded.department_id, "
                               "archived_at = excluded.archived_at, "
                               "agent_id = excluded.agent_id",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, rexian_work_order_get_id (order));
  sqlite3_bind_int (stmt, 2, g_date_time_get_year (closed));
  sqlite3_bind_int (stmt, 3, g_date_time_get_month (closed));
  rexian_store_bind_id (stmt, 4, rexian_work_order_get_category_id (order));
  rexian_store_bind_id (stmt, 5, rexian_work_order_get_lead_department_id (order));
  sqlite3_bind_int64 (stmt, 6, now);
  rexian_store_bind_id (stmt, 7, agent_id);

  return rexian_store_step_done (self, db, stmt, error);
}

/* The bulk archive */

int
rexian_store_archive_get_after_days (RexianStore *self)
{
  g_autofree char *value = NULL;
  gint64 days;

  g_return_val_if_fail (REXIAN_IS_STORE (self), REXIAN_ARCHIVE_AFTER_DAYS_DEFAULT);

  value = rexian_store_get_setting (self, REXIAN_ARCHIVE_AFTER_DAYS_KEY, NULL);
  if (value == NULL || !g_ascii_string_to_signed (value, 10, 0, 3650, &days, NULL))
    return REXIAN_ARCHIVE_AFTER_DAYS_DEFAULT;

  return (int) days;
}

gint64
rexian_archive_cutoff (gint64 now,
                       int    days)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (now_or_real (now));
  g_autoptr(GDateTime) day = g_date_time_add_days (local, -days);
  g_autoptr(GDateTime) midnight = NULL;

  midnight = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                    g_date_time_get_day_of_month (day), 0, 0, 0);

  return g_date_time_to_unix (midnight);
}

gint64
rexian_store_archive_default_cutoff (RexianStore *self,
                                     gint64       now)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), 0);

  return rexian_archive_cutoff (now, rexian_store_archive_get_after_days (self));
}

guint
rexian_store_archive_count_due (RexianStore  *self,
                                gint64        cutoff,
                                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (REXIAN_IS_STORE (self), 0);

  db = rexian_store_get_db (self);
  stmt = rexian_store_prepare (self, db,
                               "SELECT count(*) FROM work_orders "
                               "WHERE state = 'closed' AND closed_at < ?1",
                               error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, cutoff);
  if (!rexian_store_step_row (self, db, stmt, NULL, error))
    return 0;

  return (guint) sqlite3_column_int64 (stmt, 0);
}

/* Selects the next batch's candidates inside the open transaction. */
static gboolean
select_batch (RexianStore  *self,
              sqlite3      *db,
              gint64        cutoff,
              gint64        after_id,
              GArray       *ids,
              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = rexian_store_prepare (self, db,
                               "SELECT id FROM work_orders WHERE state = 'closed' "
                               "AND closed_at < ?1 AND id > ?2 ORDER BY id LIMIT ?3",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, cutoff);
  sqlite3_bind_int64 (stmt, 2, after_id);
  sqlite3_bind_int (stmt, 3, ARCHIVE_BATCH);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      rexian_store_set_sqlite_error (self, db, rc, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
db_archive_closed_before (RexianStore  *self,
                          sqlite3      *db,
                          gint64        cutoff,
                          gint64        agent_id,
                          gint64        now,
                          guint        *out_count,
                          GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 last_id = 0;
  guint count = 0;

  *out_count = 0;

  for (;;)
    {
      guint batch_count = 0;

      g_array_set_size (ids, 0);
      if (!rexian_store_begin (self, db, error))
        return FALSE;

      if (!select_batch (self, db, cutoff, last_id, ids, error))
        goto failed;

      if (ids->len == 0)
        return rexian_store_commit (self, db, error);

      last_id = g_array_index (ids, gint64, ids->len - 1);

      /* Each order takes the ARCHIVE step as if archived by hand, so its timeline event
       * and catalogue entry are written by the one path.  The candidates were read in
       * this transaction, so no other seat can have archived them meanwhile. */
      for (guint i = 0; i < ids->len; i++)
        {
          g_autoptr(RexianWorkOrder) order = NULL;
          g_autoptr(GError) local_error = NULL;

          order = rexian_store_db_apply (self, db, g_array_index (ids, gint64, i),
                                         REXIAN_ACTION_ARCHIVE, NULL, agent_id, now,
                                         &local_error);
          if (order != NULL)
            batch_count++;
          else if (local_error->domain != REXIAN_LIFECYCLE_ERROR)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              goto failed;
            }
        }

      if (!rexian_store_commit (self, db, error))
        return FALSE;

      count += batch_count;
      *out_count = count;

      /* A short breath between batches: a seat whose write was waiting for the lock
       * (SQLite's busy handler retries every few milliseconds) takes it now, rather than
       * waiting for the whole backlog. */
      g_usleep (BATCH_PAUSE_US);
    }

failed:
  rexian_store_rollback (db);
  return FALSE;
}

gboolean
rexian_store_archive_closed_before (RexianStore  *self,
                                    gint64        cutoff,
                                    gint64        agent_id,
                                    gint64        now,
                                    guint        *out_count,
                                    GError      **error)
{
  guint count = 0;
  gboolean ok;

  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);

  ok = db_archive_closed_before (self, rexian_store_get_db (self), cutoff, agent_id,
                                 now_or_real (now), &count, error);
  if (count > 0)
    rexian_store_emit_changed (self);
  if (out_count != NULL)
    *out_count = count;

  return ok;
}

typedef struct
{
  gint64 cutoff;
  gint64 agent_id;
} ArchiveJob;

static void
archive_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RexianStore *self = source_object;
  ArchiveJob *job = task_data;
  GError *error = NULL;
  guint count = 0;
  gboolean ok = FALSE;
  sqlite3 *db;

  db = rexian_store_lock_worker_db (self, &error);
  if (db != NULL)
    ok = db_archive_closed_before (self, db, job->cutoff, job->agent_id,
                                   now_or_real (0), &count, &error);
  rexian_store_unlock_worker_db (self);

  /* Batches already committed stay archived even when a later one fails, so the board
   * is told either way. */
  if (count > 0)
    rexian_store_emit_changed (self);

  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, count);
}

void
rexian_store_archive_closed_before_async (RexianStore         *self,
                                          gint64               cutoff,
                                          gint64               agent_id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  ArchiveJob *job;

  g_return_if_fail (REXIAN_IS_STORE (self));

  job = g_new0 (ArchiveJob, 1);
  job->cutoff = cutoff;
  job->agent_id = agent_id;
  rexian_store_run_in_thread (self, job, g_free, rexian_store_archive_closed_before_async,
                              archive_thread, cancellable, callback, user_data);
}

gboolean
rexian_store_archive_closed_before_finish (RexianStore   *self,
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
