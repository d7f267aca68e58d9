/* rexian-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "rexian-store-private.h"
#include "rexian-store-phrases-private.h"


G_DEFINE_TYPE (RexianStore, rexian_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_SCHEMA_VERSION,
  PROP_POLL_INTERVAL,
  PROP_CALENDAR,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_QUARK (rexian-store-error-quark, rexian_store_error)

/* Errors */

static gboolean
folder_is_read_only (const char *path)
{
  g_autofree char *dir = NULL;

  if (path == NULL || g_str_has_prefix (path, "file:"))
    return FALSE;

  dir = g_path_get_dirname (path);
  return g_file_test (dir, G_FILE_TEST_IS_DIR) && g_access (dir, W_OK) != 0;
}

void
rexian_store_set_sqlite_error_for_path (const char *path,
                                        sqlite3    *db,
                                        int         rc,
                                        GError    **error)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_LOCKED,
                   _("The database “%s” is in use by another program that has held it for "
                     "too long. Nothing was changed; try again in a moment."),
                   path);
      break;

    case SQLITE_READONLY:
      g_set_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_READ_ONLY,
                   _("The database “%s” cannot be written: the file or its folder is "
                     "read-only. Nothing was changed; ask an administrator for write "
                     "access."),
                   path);
      break;

    case SQLITE_CANTOPEN:
      if (folder_is_read_only (path))
        g_set_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_READ_ONLY,
                     _("The database “%s” cannot be written: the file or its folder is "
                       "read-only. Nothing was changed; ask an administrator for write "
                       "access."),
                     path);
      else
        g_set_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_FAILED,
                     _("The database “%s” cannot be opened (%s). Check that its folder "
                       "exists."),
                     path, detail);
      break;

    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_CORRUPT,
                   _("The file “%s” is not a Rexian database or is damaged. Rexian has not "
                     "changed it; restore it from a backup or choose another file."),
                   path);
      break;

    case SQLITE_FULL:
      g_set_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_FULL,
                   _("The disk holding “%s” is full. Free some space; nothing already saved "
                     "was lost."),
                   path);
      break;

    default:
      g_set_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_FAILED,
                   _("The database “%s” reported an error: %s."),
                   path, detail);
      break;
    }
}

void
rexian_store_set_sqlite_error (RexianStore *self,
                               sqlite3     *db,
                               int          rc,
                               GError     **error)
{
  rexian_store_set_sqlite_error_for_path (self->path, db, rc, error);
}

/* Statements and transactions */

sqlite3_stmt *
rexian_store_prepare (RexianStore *self,
                      sqlite3     *db,
                      const char  *sql,
                      GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      rexian_store_set_sqlite_error (self, db, rc, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

gboolean
rexian_store_step_done (RexianStore  *self,
                        sqlite3      *db,
                        sqlite3_stmt *stmt,
                        GError      **error)
{
  int rc;

  do
    rc = sqlite3_step (stmt);
  while (rc == SQLITE_ROW);

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      rexian_store_set_sqlite_error (self, db, rc, error);
      return FALSE;
    }

  return TRUE;
}

void
rexian_store_bind_text (sqlite3_stmt *stmt,
                        int           index,
                        const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
rexian_store_bind_id (sqlite3_stmt *stmt,
                      int           index,
                      gint64        id)
{
  if (id == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

const char *
rexian_store_column_text (sqlite3_stmt *stmt,
                          int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* busy_timeout already waits inside SQLite, but in WAL mode BEGIN IMMEDIATE can report
 * SQLITE_BUSY without waiting (for example while another connection recovers the WAL
 * index), so the loop keeps trying until the same timeout has passed. */
static int
exec_retrying (RexianStore *self,
               sqlite3     *db,
               const char  *sql)
{
  gint64 timeout_us = (gint64) g_atomic_int_get (&self->busy_timeout_ms) * 1000;
  gint64 give_up = g_get_monotonic_time () + timeout_us;
  int rc;

  for (;;)
    {
      rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
      if ((rc & 0xff) != SQLITE_BUSY || g_get_monotonic_time () >= give_up)
        return rc;
      g_usleep (5000);
    }
}

gboolean
rexian_store_begin (RexianStore *self,
                    sqlite3     *db,
                    GError     **error)
{
  int rc = exec_retrying (self, db, "BEGIN IMMEDIATE");

  if (rc != SQLITE_OK)
    {
      rexian_store_set_sqlite_error (self, db, rc, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
rexian_store_commit (RexianStore *self,
                     sqlite3     *db,
                     GError     **error)
{
  int rc = exec_retrying (self, db, "COMMIT");

  if (rc != SQLITE_OK)
    {
      rexian_store_set_sqlite_error (self, db, rc, error);
      rexian_store_rollback (db);
      return FALSE;
    }

  return TRUE;
}

void
rexian_store_rollback (sqlite3 *db)
{
  /* SQLite rolls back by itself after some errors (SQLITE_FULL among them); a second
   * ROLLBACK would only fail. */
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

/* A step inside or outside a caller's transaction */

static gboolean
exec_savepoint (RexianStore  *self,
                sqlite3      *db,
                const char   *sql,
                GError      **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      rexian_store_set_sqlite_error (self, db, rc, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
rexian_store_step_begin (RexianStore  *self,
                          sqlite3      *db,
                          gboolean     *out_nested,
                          GError      **error)
{
  *out_nested = !sqlite3_get_autocommit (db);
  if (!*out_nested)
    return rexian_store_begin (self, db, error);

  return exec_savepoint (self, db, "SAVEPOINT lifecycle_step", error);
}

gboolean
rexian_store_step_commit (RexianStore  *self,
                           sqlite3      *db,
                           gboolean      nested,
                           GError      **error)
{
  if (!nested)
    return rexian_store_commit (self, db, error);

  return exec_savepoint (self, db, "RELEASE lifecycle_step", error);
}

void
rexian_store_step_rollback (sqlite3  *db,
                             gboolean  nested)
{
  if (!nested)
    {
      rexian_store_rollback (db);
      return;
    }

  /* After some errors (a full disk) SQLite has already rolled the whole transaction
   * back, and the savepoint is gone with it. */
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK TO lifecycle_step; RELEASE lifecycle_step", NULL, NULL, NULL);
}

/* Opening */

static gboolean
exec_pragma (sqlite3    *db,
             const char *path,
             const char *sql,
             GError    **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      rexian_store_set_sqlite_error_for_path (path, db, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* Opens a connection with the settings every seat uses.  The schema version is read
 * before anything could write, so a file from a newer Rexian, or one that is not a
 * database at all, is closed untouched. */
static sqlite3 *
open_connection (const char *path,
                 int         busy_timeout_ms,
                 int        *out_version,
                 gboolean   *out_read_only,
                 GError    **error)
{
  sqlite3 *db = NULL;
  int version = 0;
  int rc;

  rc = sqlite3_open_v2 (path, &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI,
                        NULL);
  if (rc != SQLITE_OK)
    {
      rexian_store_set_sqlite_error_for_path (path, db, rc, error);
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, busy_timeout_ms);

  if (!rexian_store_read_user_version (db, path, &version, error))
    goto failed;

  if (version > REXIAN_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_TOO_NEW,
                   _("This database was written by a newer version of Rexian (schema %d; "
                     "this one knows %d). Update Rexian to open it."),
                   version, REXIAN_STORE_SCHEMA_VERSION);
      goto failed;
    }

  /* A read-only file (or a read-only URI) is opened for reading; writes will then fail
   * with READ_ONLY.  Switching the journal mode would be a write, so it is left as the
   * writable seats set it. */
  *out_read_only = sqlite3_db_readonly (db, "main") == 1;

  if (!*out_read_only &&
      !exec_pragma (db, path, "PRAGMA journal_mode = WAL", error))
    goto failed;

  if (!exec_pragma (db, path, "PRAGMA synchronous = NORMAL", error) ||
      !exec_pragma (db, path, "PRAGMA foreign_keys = ON", error))
    goto failed;

  *out_version = version;
  return db;

failed:
  sqlite3_close (db);
  return NULL;
}

static gboolean
poll_cb (gpointer user_data)
{
  rexian_store_poll (user_data);
  return G_SOURCE_CONTINUE;
}

static void
restart_polling (RexianStore *self)
{
  if (self->poll_source != NULL)
    {
      g_source_destroy (self->poll_source);
      g_clear_pointer (&self->poll_source, g_source_unref);
    }

  if (self->poll_interval == 0 || self->db == NULL)
    return;

  /* The source does not hold a reference: dispose destroys it first. */
  self->poll_source = g_timeout_source_new (self->poll_interval);
  g_source_set_name (self->poll_source, "[rexian] store poll");
  g_source_set_callback (self->poll_source, poll_cb, self, NULL);
  g_source_attach (self->poll_source, self->context);
}

static gboolean
read_data_version (RexianStore *self,
                   gint64      *out_version)
{
  int rc;

  if (self->data_version_stmt == NULL &&
      sqlite3_prepare_v3 (self->db, "PRAGMA data_version", -1, SQLITE_PREPARE_PERSISTENT,
                          &self->data_version_stmt, NULL) != SQLITE_OK)
    return FALSE;

  rc = sqlite3_step (self->data_version_stmt);
  if (rc == SQLITE_ROW)
    *out_version = sqlite3_column_int64 (self->data_version_stmt, 0);
  sqlite3_reset (self->data_version_stmt);

  return rc == SQLITE_ROW;
}

RexianStore *
rexian_store_open_at_version (const char *path,
                              int         version,
                              GError    **error)
{
  g_autoptr(RexianStore) self = NULL;
  g_autoptr(GError) calendar_error = NULL;
  g_autoptr(GError) seed_error = NULL;
  RexianCalendar *calendar;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 0 && version <= REXIAN_STORE_SCHEMA_VERSION, NULL);

  self = g_object_new (REXIAN_TYPE_STORE, "path", path, NULL);

  self->db = open_connection (path, self->busy_timeout_ms, &self->schema_version,
                              &self->read_only, error);
  if (self->db == NULL)
    return NULL;

  if (self->schema_version < version)
    {
      if (self->read_only)
        {
          rexian_store_set_sqlite_error (self, self->db, SQLITE_READONLY, error);
          return NULL;
        }

      if (!rexian_store_migrate (self, self->db, version, &self->schema_version, error))
        return NULL;
    }

  /* Replies are checked against the forbidden phrases from the first day; failing to
   * seed them (a busy disk) is not a reason to refuse the database. */
  if (!_rexian_store_seed_forbidden_phrases (self, &seed_error))
    g_debug ("Forbidden phrases not seeded: %s", seed_error->message);

  read_data_version (self, &self->data_version);

  /* The working-day calendar every seat uses: the holiday data imported into the
   * database when there is any, so that all seats count the same deadlines, else the
   * data shipped with Rexian.  Without either the store still saves orders; only
   * deadlines stay unset until holiday data is given. */
  if (!rexian_store_load_shared_calendar (self))
    {
      calendar = rexian_calendar_new_default (&calendar_error);
      if (calendar != NULL)
        self->calendar = calendar;
      else
        g_debug ("No working-day calendar for the store: %s", calendar_error->message);
    }

  restart_polling (self);

  return g_steal_pointer (&self);
}

RexianStore *
rexian_store_open (const char *path,
                   GError    **error)
{
  return rexian_store_open_at_version (path, REXIAN_STORE_SCHEMA_VERSION, error);
}

/* GObject */

static void
rexian_store_dispose (GObject *object)
{
  RexianStore *self = REXIAN_STORE (object);

  if (self->poll_source != NULL)
    {
      g_source_destroy (self->poll_source);
      g_clear_pointer (&self->poll_source, g_source_unref);
    }

  g_mutex_lock (&self->calendar_lock);
  g_clear_object (&self->calendar);
  g_mutex_unlock (&self->calendar_lock);

  G_OBJECT_CLASS (rexian_store_parent_class)->dispose (object);
}

static void
rexian_store_finalize (GObject *object)
{
  RexianStore *self = REXIAN_STORE (object);

  g_clear_pointer (&self->data_version_stmt, sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->worker_db, sqlite3_close);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->path, g_free);
  g_mutex_clear (&self->calendar_lock);
  g_clear_pointer (&self->shared_holidays, g_free);
  g_mutex_clear (&self->worker_lock);

  G_OBJECT_CLASS (rexian_store_parent_class)->finalize (object);
}

static void
rexian_store_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RexianStore *self = REXIAN_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_SCHEMA_VERSION:
      g_value_set_int (value, self->schema_version);
      break;

    case PROP_POLL_INTERVAL:
      g_value_set_uint (value, self->poll_interval);
      break;

    case PROP_CALENDAR:
      g_value_take_object (value, rexian_store_dup_calendar (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_store_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RexianStore *self = REXIAN_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    case PROP_POLL_INTERVAL:
      rexian_store_set_poll_interval (self, g_value_get_uint (value));
      break;

    case PROP_CALENDAR:
      rexian_store_set_calendar (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_store_class_init (RexianStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rexian_store_dispose;
  object_class->finalize = rexian_store_finalize;
  object_class->get_property = rexian_store_get_property;
  object_class->set_property = rexian_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SCHEMA_VERSION] =
    g_param_spec_int ("schema-version", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_POLL_INTERVAL] =
    g_param_spec_uint ("poll-interval", NULL, NULL, 0, G_MAXUINT, 500,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_CALENDAR] =
    g_param_spec_object ("calendar", NULL, NULL, REXIAN_TYPE_CALENDAR,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rexian_store_init (RexianStore *self)
{
  self->poll_interval = 500;
  self->busy_timeout_ms = REXIAN_STORE_DEFAULT_BUSY_TIMEOUT_MS;
  self->context = g_main_context_ref_thread_default ();
  self->owner_thread = g_thread_self ();
  g_mutex_init (&self->calendar_lock);
  g_mutex_init (&self->worker_lock);
}

/* Accessors */

const char *
rexian_store_get_path (RexianStore *self)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);

  return self->path;
}

int
rexian_store_get_schema_version (RexianStore *self)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), 0);

  return self->schema_version;
}

gboolean
rexian_store_is_read_only (RexianStore *self)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);

  return self->read_only;
}

guint
rexian_store_get_poll_interval (RexianStore *self)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), 0);

  return self->poll_interval;
}

void
rexian_store_set_poll_interval (RexianStore *self,
                                guint        interval_ms)
{
  g_return_if_fail (REXIAN_IS_STORE (self));

  if (self->poll_interval == interval_ms)
    return;

  self->poll_interval = interval_ms;
  restart_polling (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POLL_INTERVAL]);
}

void
rexian_store_set_busy_timeout (RexianStore *self,
                               guint        timeout_ms)
{
  g_return_if_fail (REXIAN_IS_STORE (self));

  /* The worker's connection takes the new value the next time it is locked, so this
   * never waits for an async call in progress. */
  g_atomic_int_set (&self->busy_timeout_ms, (int) MIN (timeout_ms, (guint) G_MAXINT / 2));

  if (self->db != NULL)
    sqlite3_busy_timeout (self->db, self->busy_timeout_ms);
}

sqlite3 *
rexian_store_get_db (RexianStore *self)
{
  return self->db;
}

/* Change watching */

void
rexian_store_poll (RexianStore *self)
{
  gint64 version;

  g_return_if_fail (REXIAN_IS_STORE (self));

  if (self->db == NULL || !read_data_version (self, &version))
    return;

  if (version != self->data_version)
    {
      self->data_version = version;
      /* Another seat may have imported new holiday data. */
      rexian_store_load_shared_calendar (self);
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

static gboolean
emit_changed_cb (gpointer user_data)
{
  RexianStore *self = user_data;

  /* The worker's commit also moved the main connection's data_version: take it in now
   * so the next poll does not announce the same change again. */
  if (self->db != NULL)
    read_data_version (self, &self->data_version);

  g_signal_emit (self, signals[CHANGED], 0);

  return G_SOURCE_REMOVE;
}

void
rexian_store_emit_changed (RexianStore *self)
{
  g_autoptr(GSource) source = NULL;

  if (g_thread_self () == self->owner_thread)
    {
      emit_changed_cb (self);
      return;
    }

  /* Not g_main_context_invoke(): from a worker thread it runs the callback right there
   * whenever it can acquire the context, and then the listeners (list views, the main
   * connection) would be touched off the main thread. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, emit_changed_cb, g_object_ref (self), g_object_unref);
  g_source_set_static_name (source, "[rexian] store changed");
  g_source_attach (source, self->context);
}

gboolean
rexian_store_check_integrity (RexianStore *self,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  int rc;

  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);

  stmt = rexian_store_prepare (self, self->db, "PRAGMA integrity_check", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = rexian_store_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") == 0)
        continue;
      if (problems->len > 0)
        g_string_append (problems, "; ");
      g_string_append (problems, line != NULL ? line : "?");
    }

  if (rc != SQLITE_DONE)
    {
      rexian_store_set_sqlite_error (self, self->db, rc, error);
      return FALSE;
    }

  if (problems->len > 0)
    {
      g_set_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged (%s). Restore it from a backup."),
                   self->path, problems->str);
      return FALSE;
    }

  return TRUE;
}

/* The worker's connection, opened on first use, locked for the caller until
 * rexian_store_unlock_worker_db(); NULL with @error set when it cannot be opened (the
 * lock is held all the same). */
sqlite3 *
rexian_store_lock_worker_db (RexianStore *self,
                             GError     **error)
{
  int version = 0;
  gboolean read_only = FALSE;

  g_mutex_lock (&self->worker_lock);

  if (self->worker_db == NULL)
    self->worker_db = open_connection (self->path, g_atomic_int_get (&self->busy_timeout_ms),
                                       &version, &read_only, error);
  else
    sqlite3_busy_timeout (self->worker_db, g_atomic_int_get (&self->busy_timeout_ms));

  return self->worker_db;
}

void
rexian_store_unlock_worker_db (RexianStore *self)
{
  g_mutex_unlock (&self->worker_lock);
}

/* Synchronous order calls on the main connection */

RexianWorkOrder *
rexian_store_get_order (RexianStore *self,
                        gint64       order_id,
                        GError     **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);

  return rexian_store_db_get_order (self, self->db, order_id, error);
}

RexianWorkOrder *
rexian_store_create_order (RexianStore     *self,
                           RexianWorkOrder *draft,
                           gint64           agent_id,
                           gint64           now,
                           GError         **error)
{
  RexianWorkOrder *order;

  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);
  g_return_val_if_fail (REXIAN_IS_WORK_ORDER (draft), NULL);

  order = rexian_store_db_create_order (self, self->db, draft, agent_id, now, error);
  if (order != NULL)
    rexian_store_emit_changed (self);

  return order;
}

RexianWorkOrder *
rexian_store_update_order (RexianStore     *self,
                           RexianWorkOrder *order,
                           gint64           agent_id,
                           const char      *reason,
                           gint64           now,
                           GError         **error)
{
  RexianWorkOrder *result;

  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);
  g_return_val_if_fail (REXIAN_IS_WORK_ORDER (order), NULL);

  result = rexian_store_db_update_order (self, self->db, order, agent_id, reason, now, error);
  if (result != NULL)
    rexian_store_emit_changed (self);

  return result;
}

RexianWorkOrder *
rexian_store_apply (RexianStore                 *self,
                    gint64                       order_id,
                    RexianAction                 action,
                    const RexianTransitionInput *input,
                    gint64                       agent_id,
                    gint64                       now,
                    GError                     **error)
{
  RexianWorkOrder *result;

  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);

  result = rexian_store_db_apply (self, self->db, order_id, action, input, agent_id, now,
                                  error);
  if (result != NULL)
    rexian_store_emit_changed (self);

  return result;
}

guint
rexian_store_supervise_due (RexianStore *self,
                            gint64       now,
                            GError     **error)
{
  guint count = 0;

  g_return_val_if_fail (REXIAN_IS_STORE (self), 0);

  if (!rexian_store_db_supervise_due (self, self->db, now, &count, error))
    return 0;

  if (count > 0)
    rexian_store_emit_changed (self);

  return count;
}

/* Steps a bound statement to the end, one record per row. */
GPtrArray *
rexian_store_collect_rows (RexianStore        *self,
                           sqlite3_stmt       *stmt,
                           RexianStoreRowFunc  row_func,
                           GDestroyNotify      free_func,
                           GError            **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, row_func (stmt));

  if (rc != SQLITE_DONE)
    {
      rexian_store_set_sqlite_error (self, rexian_store_get_db (self), rc, error);
      return NULL;
    }

  return g_steal_pointer (&result);
}

gboolean
rexian_store_step_row (RexianStore   *self,
                       sqlite3       *db,
                       sqlite3_stmt  *stmt,
                       const char    *not_found,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_NOT_FOUND, not_found);
  else
    rexian_store_set_sqlite_error (self, db, rc, error);

  return FALSE;
}

void
rexian_store_run_in_thread (RexianStore         *self,
                            gpointer             task_data,
                            GDestroyNotify       task_data_free,
                            gpointer             source_tag,
                            GTaskThreadFunc      thread_func,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, task_data, task_data_free);
  g_task_run_in_thread (task, thread_func);
}
