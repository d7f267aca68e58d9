/* rexian-store-archive-read.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rexian-order-query.h"
#include "rexian-store-archive-private.h"
#include "rexian-store-archive.h"

/* Reading the archive: the catalogue tree and the entries at a place of it. */

/* The catalogue */

static GListModel *
db_get_catalogue (RexianStore  *self,
                  sqlite3      *db,
                  GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) years = g_list_store_new (REXIAN_TYPE_STORE_ARCHIVE_NODE);
  RexianStoreArchiveNode *year = NULL;
  RexianStoreArchiveNode *month = NULL;
  RexianStoreArchiveNode *category = NULL;
  int rc;

  /* One grouped pass over the catalogue index; the rows come sorted so that each node's
   * children follow it, and the tree is built in a single walk. */
  stmt = rexian_store_prepare (self, db,
                               "SELECT a.year, a.month, coalesce(a.category_id, 0), "
                               "coalesce(c.name, ''), coalesce(a.department_id, 0), "
                               "coalesce(d.name, ''), count(*) "
                               "FROM archive_entries a "
                               "LEFT JOIN categories c ON c.id = a.category_id "
                               "LEFT JOIN departments d ON d.id = a.department_id "
                               "GROUP BY a.year, a.month, a.category_id, a.department_id "
                               "ORDER BY a.year DESC, a.month DESC, c.id IS NULL, c.name, "
                               "a.category_id, d.id IS NULL, d.name, a.department_id",
                               error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int y = sqlite3_column_int (stmt, 0);
      int m = sqlite3_column_int (stmt, 1);
      gint64 category_id = sqlite3_column_int64 (stmt, 2);
      gint64 department_id = sqlite3_column_int64 (stmt, 4);
      guint count = (guint) sqlite3_column_int64 (stmt, 6);
      g_autoptr(RexianStoreArchiveNode) department = NULL;

      if (year == NULL || rexian_store_archive_node_get_year (year) != y)
        {
          g_autoptr(RexianStoreArchiveNode) node =
            rexian_store_archive_node_new (1, y, 0, 0, 0, NULL);

          g_list_store_append (years, node);
          year = node;
          month = NULL;
        }

      if (month == NULL || rexian_store_archive_node_get_month (month) != m)
        {
          g_autoptr(RexianStoreArchiveNode) node =
            rexian_store_archive_node_new (2, y, m, 0, 0, NULL);

          g_list_store_append (G_LIST_STORE (rexian_store_archive_node_get_children (year)),
                               node);
          month = node;
          category = NULL;
        }

      if (category == NULL || rexian_store_archive_node_get_category_id (category) != category_id)
        {
          g_autoptr(RexianStoreArchiveNode) node =
            rexian_store_archive_node_new (3, y, m, category_id, 0,
                                           rexian_store_column_text (stmt, 3));

          g_list_store_append (G_LIST_STORE (rexian_store_archive_node_get_children (month)),
                               node);
          category = node;
        }

      department = rexian_store_archive_node_new (4, y, m, category_id, department_id,
                                                  rexian_store_column_text (stmt, 5));
      rexian_store_archive_node_add_count (department, count);
      rexian_store_archive_node_add_count (category, count);
      rexian_store_archive_node_add_count (month, count);
      rexian_store_archive_node_add_count (year, count);
      g_list_store_append (G_LIST_STORE (rexian_store_archive_node_get_children (category)),
                           department);
    }

  if (rc != SQLITE_DONE)
    {
      rexian_store_set_sqlite_error (self, db, rc, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&years));
}

GListModel *
rexian_store_archive_get_catalogue (RexianStore  *self,
                                    GError      **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);

  return db_get_catalogue (self, rexian_store_get_db (self), error);
}

static void
catalogue_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  RexianStore *self = source_object;
  GError *error = NULL;
  GListModel *catalogue = NULL;
  sqlite3 *db;

  db = rexian_store_lock_worker_db (self, &error);
  if (db != NULL)
    catalogue = db_get_catalogue (self, db, &error);
  rexian_store_unlock_worker_db (self);

  if (catalogue == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, catalogue, g_object_unref);
}

void
rexian_store_archive_get_catalogue_async (RexianStore         *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (REXIAN_IS_STORE (self));

  rexian_store_run_in_thread (self, NULL, NULL, rexian_store_archive_get_catalogue_async,
                              catalogue_thread, cancellable, callback, user_data);
}

GListModel *
rexian_store_archive_get_catalogue_finish (RexianStore   *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The entries */

/* The ids of the archived orders matching @text, as a JSON array for json_each(): the
 * board's own search (trigram index or substring) limited to the archived state, so the
 * archive finds what the board would.  NULL with @out_empty set when nothing matches. */
static char *
search_ids (RexianStore  *self,
            const char   *text,
            gboolean     *out_empty,
            GError      **error)
{
  g_autoptr(RexianOrderQuery) query = rexian_order_query_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) versions = g_array_new (FALSE, FALSE, sizeof (gint64));
  GString *json;

  *out_empty = FALSE;
  query->state = REXIAN_STATE_ARCHIVED;
  query->text = g_strdup (text);
  if (!rexian_store_query_order_keys (self, query, 0, ids, versions, error))
    return NULL;

  if (ids->len == 0)
    {
      *out_empty = TRUE;
      return NULL;
    }

  json = g_string_new ("[");
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (ids, gint64, i));
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

/* The WHERE clause for @place and an id list; the values are bound by bind_place(). */
static void
append_place (GString                  *sql,
              const RexianArchivePlace *place,
              gboolean                  with_ids)
{
  static const char *const conditions[] = {
    "a.year = ?1", "a.month = ?2", "a.category_id IS ?3", "a.department_id IS ?4",
  };
  guint depth = place != NULL ? MIN (place->depth, G_N_ELEMENTS (conditions)) : 0;

  g_string_append (sql, " WHERE 1");
  for (guint i = 0; i < depth; i++)
    g_string_append_printf (sql, " AND %s", conditions[i]);
  if (with_ids)
    g_string_append (sql, " AND a.order_id IN (SELECT value FROM json_each (?5))");
}

static void
bind_place (sqlite3_stmt             *stmt,
            const RexianArchivePlace *place,
            const char               *ids_json)
{
  if (place != NULL)
    {
      sqlite3_bind_int (stmt, 1, place->year);
      sqlite3_bind_int (stmt, 2, place->month);
      rexian_store_bind_id (stmt, 3, place->category_id);
      rexian_store_bind_id (stmt, 4, place->department_id);
    }
  if (ids_json != NULL)
    rexian_store_bind_text (stmt, 5, ids_json);
}

static gpointer
entry_from_row (sqlite3_stmt *stmt)
{
  RexianArchiveEntry *entry = g_new0 (RexianArchiveEntry, 1);
  const char *name = rexian_store_column_text (stmt, 4);
  const char *phone = rexian_store_column_text (stmt, 5);
  gboolean confidential = sqlite3_column_int (stmt, 6) != 0;

  entry->order_id = sqlite3_column_int64 (stmt, 0);
  entry->number = g_strdup (rexian_store_column_text (stmt, 1));
  entry->closed_at = sqlite3_column_int64 (stmt, 2);
  entry->archived_at = sqlite3_column_int64 (stmt, 3);
  entry->caller_name = confidential ? rexian_mask_name (name) : g_strdup (name);
  entry->caller_phone = confidential ? rexian_mask_phone (phone) : g_strdup (phone);
  entry->category = g_strdup (rexian_store_column_text (stmt, 7));
  entry->department = g_strdup (rexian_store_column_text (stmt, 8));
  entry->summary = g_strdup (rexian_store_column_text (stmt, 9));

  return entry;
}

static GPtrArray *
db_list (RexianStore              *self,
         sqlite3                  *db,
         const RexianArchivePlace *place,
         const char               *ids_json,
         guint                     offset,
         guint                     limit,
         GError                  **error)
{
  g_autoptr(GString) sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  sql = g_string_new ("SELECT o.id, o.number, o.closed_at, o.archived_at, o.caller_name, "
                      "o.caller_phone, o.confidential, coalesce(c.name, ''), "
                      "coalesce(d.name, ''), o.summary "
                      "FROM archive_entries a JOIN work_orders o ON o.id = a.order_id "
                      "LEFT JOIN categories c ON c.id = a.category_id "
                      "LEFT JOIN departments d ON d.id = a.department_id");
  append_place (sql, place, ids_json != NULL);
  g_string_append (sql, " ORDER BY o.closed_at DESC, o.id DESC LIMIT ?6 OFFSET ?7");

  stmt = rexian_store_prepare (self, db, sql->str, error);
  if (stmt == NULL)
    return NULL;

  bind_place (stmt, place, ids_json);
  sqlite3_bind_int64 (stmt, 6, limit > 0 ? (gint64) limit : -1);
  sqlite3_bind_int64 (stmt, 7, offset);

  return rexian_store_collect_rows (self, stmt, entry_from_row,
                                    (GDestroyNotify) rexian_archive_entry_free, error);
}

static gboolean
db_count (RexianStore              *self,
          sqlite3                  *db,
          const RexianArchivePlace *place,
          const char               *ids_json,
          guint                    *out_total,
          GError                  **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM archive_entries a");
  g_autoptr(sqlite3_stmt) stmt = NULL;

  append_place (sql, place, ids_json != NULL);
  stmt = rexian_store_prepare (self, db, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  bind_place (stmt, place, ids_json);
  if (!rexian_store_step_row (self, db, stmt, NULL, error))
    return FALSE;

  *out_total = (guint) sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
has_text (const char *text)
{
  return text != NULL && text[0] != '\0';
}

GPtrArray *
rexian_store_archive_list (RexianStore              *self,
                           const RexianArchivePlace *place,
                           const char               *text,
                           guint                     offset,
                           guint                     limit,
                           guint                    *out_total,
                           GError                  **error)
{
  g_autofree char *ids_json = NULL;
  sqlite3 *db;
  guint total = 0;

  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);

  db = rexian_store_get_db (self);
  if (has_text (text))
    {
      g_autoptr(GError) local_error = NULL;
      gboolean empty = FALSE;

      ids_json = search_ids (self, text, &empty, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (empty)
        {
          if (out_total != NULL)
            *out_total = 0;
          return g_ptr_array_new_with_free_func ((GDestroyNotify) rexian_archive_entry_free);
        }
    }

  if (out_total != NULL)
    {
      if (!db_count (self, db, place, ids_json, &total, error))
        return NULL;
      *out_total = total;
    }

  return db_list (self, db, place, ids_json, offset, limit, error);
}

typedef struct
{
  RexianArchivePlace  place;
  gboolean            has_place;
  gboolean            empty;
  char               *ids_json;
} ListJob;

static void
list_job_free (gpointer data)
{
  ListJob *job = data;

  g_free (job->ids_json);
  g_free (job);
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  RexianStore *self = source_object;
  ListJob *job = task_data;
  GError *error = NULL;
  GPtrArray *entries = NULL;
  sqlite3 *db;

  if (job->empty)
    {
      GPtrArray *none = g_ptr_array_new_with_free_func ((GDestroyNotify) rexian_archive_entry_free);

      g_task_return_pointer (task, none, (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  db = rexian_store_lock_worker_db (self, &error);
  if (db != NULL)
    entries = db_list (self, db, job->has_place ? &job->place : NULL, job->ids_json, 0, 0,
                       &error);
  rexian_store_unlock_worker_db (self);

  if (entries == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, entries, (GDestroyNotify) g_ptr_array_unref);
}

void
rexian_store_archive_list_async (RexianStore              *self,
                                 const RexianArchivePlace *place,
                                 const char               *text,
                                 GCancellable             *cancellable,
                                 GAsyncReadyCallback       callback,
                                 gpointer                  user_data)
{
  g_autoptr(GError) error = NULL;
  ListJob *job;

  g_return_if_fail (REXIAN_IS_STORE (self));

  job = g_new0 (ListJob, 1);
  job->has_place = place != NULL;
  if (place != NULL)
    job->place = *place;

  /* The board's search reads through the main connection, so it runs here; the rows,
   * possibly many thousands, are read on the worker. */
  if (has_text (text))
    job->ids_json = search_ids (self, text, &job->empty, &error);

  if (error != NULL)
    {
      g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

      g_task_set_source_tag (task, rexian_store_archive_list_async);
      list_job_free (job);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  rexian_store_run_in_thread (self, job, list_job_free, rexian_store_archive_list_async,
                              list_thread, cancellable, callback, user_data);
}

GPtrArray *
rexian_store_archive_list_finish (RexianStore   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
rexian_archive_place_from_node (RexianStoreArchiveNode *node,
                                RexianArchivePlace     *out_place)
{
  g_return_if_fail (out_place != NULL);

  *out_place = (RexianArchivePlace) { 0 };
  if (node == NULL)
    return;

  out_place->depth = rexian_store_archive_node_get_depth (node);
  out_place->year = rexian_store_archive_node_get_year (node);
  out_place->month = rexian_store_archive_node_get_month (node);
  out_place->category_id = rexian_store_archive_node_get_category_id (node);
  out_place->department_id = rexian_store_archive_node_get_department_id (node);
}
