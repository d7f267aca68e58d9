/* rexian-store-knowledge-points.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rexian-store-knowledge-private.h"

/* The directory of service halls and points (DB1405 4.1.1).  It holds tens or hundreds of
 * rows, so its search is a plain LIKE over every row. */

#define POINT_SELECT \
  "SELECT p.id, p.name, p.kind, p.address, p.hours, p.phone, p.department_id, d.name, " \
  "p.note FROM service_points p LEFT JOIN departments d ON d.id = p.department_id "

static gpointer
point_from_row (sqlite3_stmt *stmt)
{
  RexianServicePoint *point = rexian_service_point_new ();

  point->id = sqlite3_column_int64 (stmt, 0);
  point->name = g_strdup (rexian_store_column_text (stmt, 1));
  if (!rexian_service_point_kind_from_string (rexian_store_column_text (stmt, 2),
                                              &point->kind))
    point->kind = REXIAN_SERVICE_POINT_POINT;
  point->address = g_strdup (rexian_store_column_text (stmt, 3));
  point->hours = g_strdup (rexian_store_column_text (stmt, 4));
  point->phone = g_strdup (rexian_store_column_text (stmt, 5));
  point->department_id = sqlite3_column_int64 (stmt, 6);
  if (point->department_id != 0)
    point->department_name = g_strdup (rexian_store_column_text (stmt, 7));
  point->note = g_strdup (rexian_store_column_text (stmt, 8));

  return point;
}

static const char *
empty_if_null (const char *text)
{
  return text != NULL ? text : "";
}

gint64
_rexian_store_db_write_service_point (RexianStore              *self,
                                      sqlite3                  *db,
                                      const RexianServicePoint *point,
                                      GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = g_strstrip (g_strdup (empty_if_null (point->name)));

  if (name[0] == '\0')
    {
      g_set_error_literal (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_FAILED,
                           _("A service hall or point needs a name."));
      return 0;
    }

  if (point->id == 0)
    stmt = rexian_store_prepare (self, db,
                                 "INSERT INTO service_points (name, kind, address, hours, "
                                 "phone, department_id, note) "
                                 "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                 error);
  else
    stmt = rexian_store_prepare (self, db,
                                 "UPDATE service_points SET name = ?2, kind = ?3, "
                                 "address = ?4, hours = ?5, phone = ?6, department_id = ?7, "
                                 "note = ?8 WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, point->id);
  rexian_store_bind_text (stmt, 2, name);
  rexian_store_bind_text (stmt, 3, rexian_service_point_kind_to_string (point->kind));
  rexian_store_bind_text (stmt, 4, empty_if_null (point->address));
  rexian_store_bind_text (stmt, 5, empty_if_null (point->hours));
  rexian_store_bind_text (stmt, 6, empty_if_null (point->phone));
  rexian_store_bind_id (stmt, 7, point->department_id);
  rexian_store_bind_text (stmt, 8, empty_if_null (point->note));

  if (!rexian_store_step_done (self, db, stmt, error))
    return 0;

  if (point->id == 0)
    return sqlite3_last_insert_rowid (db);

  if (sqlite3_changes (db) == 0)
    {
      g_set_error_literal (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_NOT_FOUND,
                           _("This service hall or point no longer exists."));
      return 0;
    }

  return point->id;
}

static gint64
write_point (RexianStore              *self,
             const RexianServicePoint *point,
             GError                  **error)
{
  sqlite3 *db = rexian_store_get_db (self);
  gint64 id;

  if (!rexian_store_begin (self, db, error))
    return 0;

  id = _rexian_store_db_write_service_point (self, db, point, error);
  if (id == 0)
    {
      rexian_store_rollback (db);
      return 0;
    }

  if (!rexian_store_commit (self, db, error))
    return 0;

  rexian_store_emit_changed (self);
  return id;
}

gint64
rexian_store_create_service_point (RexianStore              *self,
                                   const RexianServicePoint *point,
                                   GError                  **error)
{
  g_autoptr(RexianServicePoint) draft = NULL;

  g_return_val_if_fail (REXIAN_IS_STORE (self), 0);
  g_return_val_if_fail (point != NULL, 0);

  draft = rexian_service_point_copy (point);
  draft->id = 0;
  return write_point (self, draft, error);
}

gboolean
rexian_store_update_service_point (RexianStore              *self,
                                   const RexianServicePoint *point,
                                   GError                  **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);
  g_return_val_if_fail (point != NULL && point->id > 0, FALSE);

  return write_point (self, point, error) != 0;
}

gboolean
rexian_store_delete_service_point (RexianStore  *self,
                                   gint64        point_id,
                                   GError      **error)
{
  sqlite3 *db = rexian_store_get_db (self);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);

  stmt = rexian_store_prepare (self, db, "DELETE FROM service_points WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, point_id);
  if (!rexian_store_begin (self, db, error))
    return FALSE;

  if (!rexian_store_step_done (self, db, stmt, error))
    {
      rexian_store_rollback (db);
      return FALSE;
    }

  if (sqlite3_changes (db) == 0)
    {
      rexian_store_rollback (db);
      g_set_error_literal (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_NOT_FOUND,
                           _("This service hall or point no longer exists."));
      return FALSE;
    }

  if (!rexian_store_commit (self, db, error))
    return FALSE;

  rexian_store_emit_changed (self);
  return TRUE;
}

RexianServicePoint *
rexian_store_get_service_point (RexianStore  *self,
                                gint64        point_id,
                                GError      **error)
{
  sqlite3 *db = rexian_store_get_db (self);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);

  stmt = rexian_store_prepare (self, db, POINT_SELECT "WHERE p.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, point_id);
  if (!rexian_store_step_row (self, db, stmt,
                              _("This service hall or point no longer exists."), error))
    return NULL;

  return point_from_row (stmt);
}

GPtrArray *
_rexian_store_db_list_service_points (RexianStore  *self,
                                      sqlite3      *db,
                                      const char   *text,
                                      GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *pattern = NULL;

  stmt = rexian_store_prepare (self, db,
                               POINT_SELECT
                               "WHERE ?1 IS NULL OR p.name LIKE ?1 ESCAPE '\\' "
                               "OR p.address LIKE ?1 ESCAPE '\\' "
                               "OR p.phone LIKE ?1 ESCAPE '\\' "
                               "OR p.hours LIKE ?1 ESCAPE '\\' "
                               "OR p.note LIKE ?1 ESCAPE '\\' "
                               "OR d.name LIKE ?1 ESCAPE '\\' "
                               "ORDER BY p.kind = 'point', p.name, p.id",
                               error);
  if (stmt == NULL)
    return NULL;

  if (text != NULL && text[0] != '\0')
    pattern = _rexian_store_like_pattern (text);
  rexian_store_bind_text (stmt, 1, pattern);

  return rexian_store_collect_rows (self, stmt, point_from_row, rexian_service_point_free,
                                    error);
}

GPtrArray *
rexian_store_list_service_points (RexianStore  *self,
                                  const char   *text,
                                  GError      **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);

  return _rexian_store_db_list_service_points (self, rexian_store_get_db (self), text, error);
}
