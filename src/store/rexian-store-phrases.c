/* rexian-store-phrases.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rexian-store-phrases-private.h"
#include "rexian-store-phrases.h"

/* Set once the forbidden_phrases table has had its defaults, so that an empty table
 * afterwards means "no forbidden phrases" rather than "never filled". */
#define SEEDED_KEY "phrases.forbidden-seeded"

/* Schema 6 brought the phrase tables. */
#define PHRASES_SCHEMA 6

static gboolean
db_has_setting (RexianStore *self,
                const char  *key)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = rexian_store_get_setting (self, key, &error);

  return value != NULL;
}

static gboolean
db_insert_forbidden (RexianStore        *self,
                     sqlite3            *db,
                     const char * const *phrases,
                     GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = rexian_store_prepare (self, db,
                               "INSERT OR IGNORE INTO forbidden_phrases (phrase) VALUES (?1)",
                               error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; phrases[i] != NULL; i++)
    {
      g_autofree char *phrase = g_strstrip (g_strdup (phrases[i]));

      if (*phrase == '\0')
        continue;

      rexian_store_bind_text (stmt, 1, phrase);
      if (!rexian_store_step_done (self, db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
db_mark_seeded (RexianStore *self,
                sqlite3     *db,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = rexian_store_prepare (self, db,
                               "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, '1')",
                               error);
  if (stmt == NULL)
    return FALSE;

  rexian_store_bind_text (stmt, 1, SEEDED_KEY);
  return rexian_store_step_done (self, db, stmt, error);
}

gboolean
_rexian_store_seed_forbidden_phrases (RexianStore  *self,
                                      GError      **error)
{
  sqlite3 *db = rexian_store_get_db (self);

  if (rexian_store_is_read_only (self)
      || rexian_store_get_schema_version (self) < PHRASES_SCHEMA
      || db_has_setting (self, SEEDED_KEY))
    return TRUE;

  if (!rexian_store_begin (self, db, error))
    return FALSE;

  /* Another seat may have seeded between the look and the lock. */
  if (!db_has_setting (self, SEEDED_KEY)
      && (!db_insert_forbidden (self, db, rexian_phrases_get_default_forbidden (), error)
          || !db_mark_seeded (self, db, error)))
    {
      rexian_store_rollback (db);
      return FALSE;
    }

  return rexian_store_commit (self, db, error);
}

char **
rexian_store_dup_phrases (RexianStore  *self,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(GStrv) phrases = g_new0 (char *, REXIAN_N_PHRASE_MOMENTS + 1);
  int rc;

  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);

  stmt = rexian_store_prepare (self, rexian_store_get_db (self),
                               "SELECT moment, text FROM service_phrases", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RexianPhraseMoment moment;

      /* A moment a newer Rexian added is kept in the table but not shown here. */
      if (rexian_phrase_moment_from_string (rexian_store_column_text (stmt, 0), &moment))
        {
          g_free (phrases[moment]);
          phrases[moment] = g_strdup (rexian_store_column_text (stmt, 1));
        }
    }

  if (rc != SQLITE_DONE)
    {
      rexian_store_set_sqlite_error (self, rexian_store_get_db (self), rc, error);
      return NULL;
    }

  for (int i = 0; i < REXIAN_N_PHRASE_MOMENTS; i++)
    {
      if (phrases[i] == NULL)
        phrases[i] = g_strdup (rexian_phrase_get_default (i));
    }

  return g_steal_pointer (&phrases);
}

char *
rexian_store_dup_phrase (RexianStore         *self,
                         RexianPhraseMoment   moment,
                         GError             **error)
{
  g_auto(GStrv) phrases = NULL;

  g_return_val_if_fail ((guint) moment < REXIAN_N_PHRASE_MOMENTS, NULL);

  phrases = rexian_store_dup_phrases (self, error);
  if (phrases == NULL)
    return NULL;

  return g_strdup (phrases[moment]);
}

gboolean
rexian_store_phrase_is_custom (RexianStore        *self,
                               RexianPhraseMoment  moment)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);

  stmt = rexian_store_prepare (self, rexian_store_get_db (self),
                               "SELECT 1 FROM service_phrases WHERE moment = ?1", NULL);
  if (stmt == NULL)
    return FALSE;

  rexian_store_bind_text (stmt, 1, rexian_phrase_moment_to_string (moment));
  return sqlite3_step (stmt) == SQLITE_ROW;
}

gboolean
rexian_store_set_phrase (RexianStore         *self,
                         RexianPhraseMoment   moment,
                         const char          *text,
                         GError             **error)
{
  sqlite3 *db;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = NULL;

  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) moment < REXIAN_N_PHRASE_MOMENTS, FALSE);

  db = rexian_store_get_db (self);
  clean = g_strstrip (g_strdup (text != NULL ? text : ""));

  /* Keeping no row for the default lets a later Rexian's better default reach seats
   * that never chose their own wording. */
  if (*clean == '\0' || strcmp (clean, rexian_phrase_get_default (moment)) == 0)
    stmt = rexian_store_prepare (self, db,
                                 "DELETE FROM service_phrases WHERE moment = ?1", error);
  else
    stmt = rexian_store_prepare (self, db,
                                 "INSERT OR REPLACE INTO service_phrases "
                                 "(moment, text, updated_at) VALUES (?1, ?2, ?3)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  rexian_store_bind_text (stmt, 1, rexian_phrase_moment_to_string (moment));
  if (sqlite3_bind_parameter_count (stmt) > 1)
    {
      rexian_store_bind_text (stmt, 2, clean);
      sqlite3_bind_int64 (stmt, 3, g_get_real_time () / G_USEC_PER_SEC);
    }

  if (!rexian_store_begin (self, db, error))
    return FALSE;

  if (!rexian_store_step_done (self, db, stmt, error))
    {
      rexian_store_rollback (db);
      return FALSE;
    }

  if (!rexian_store_commit (self, db, error))
    return FALSE;

  rexian_store_emit_changed (self);
  return TRUE;
}

char **
rexian_store_dup_forbidden_phrases (RexianStore  *self,
                                    GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);

  /* A database opened read-only before it was ever seeded still checks replies. */
  if (rexian_store_get_schema_version (self) < PHRASES_SCHEMA
      || !db_has_setting (self, SEEDED_KEY))
    return g_strdupv ((char **) rexian_phrases_get_default_forbidden ());

  stmt = rexian_store_prepare (self, rexian_store_get_db (self),
                               "SELECT phrase FROM forbidden_phrases ORDER BY phrase", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, rexian_store_column_text (stmt, 0));

  if (rc != SQLITE_DONE)
    {
      rexian_store_set_sqlite_error (self, rexian_store_get_db (self), rc, error);
      return NULL;
    }

  return g_strv_builder_end (builder);
}

gboolean
rexian_store_set_forbidden_phrases (RexianStore         *self,
                                    const char * const  *phrases,
                                    GError             **error)
{
  sqlite3 *db;
  g_autoptr(sqlite3_stmt) clear = NULL;
  const char * const none[] = { NULL };

  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);

  db = rexian_store_get_db (self);
  clear = rexian_store_prepare (self, db, "DELETE FROM forbidden_phrases", error);
  if (clear == NULL)
    return FALSE;

  if (!rexian_store_begin (self, db, error))
    return FALSE;

  if (!rexian_store_step_done (self, db, clear, error)
      || !db_insert_forbidden (self, db, phrases != NULL ? phrases : none, error)
      || !db_mark_seeded (self, db, error))
    {
      rexian_store_rollback (db);
      return FALSE;
    }

  if (!rexian_store_commit (self, db, error))
    return FALSE;

  rexian_store_emit_changed (self);
  return TRUE;
}
