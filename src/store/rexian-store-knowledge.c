/* rexian-store-knowledge.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rexian-store-knowledge-private.h"

/* Knowledge-base articles: writing, reading, the review period and the article an order
 * was answered from.  The search is in rexian-store-knowledge-search.c. */

static gint64
now_or_real (gint64 now)
{
  return now != 0 ? now : g_get_real_time () / G_USEC_PER_SEC;
}

gpointer
_rexian_store_article_from_row (sqlite3_stmt *stmt)
{
  RexianArticle *article = rexian_article_new ();

  article->id = sqlite3_column_int64 (stmt, 0);
  article->title = g_strdup (rexian_store_column_text (stmt, 1));
  article->body = g_strdup (rexian_store_column_text (stmt, 2));
  article->category_id = sqlite3_column_int64 (stmt, 3);
  if (article->category_id != 0)
    article->category_name = g_strdup (rexian_store_column_text (stmt, 4));
  article->department_id = sqlite3_column_int64 (stmt, 5);
  if (article->department_id != 0)
    article->department_name = g_strdup (rexian_store_column_text (stmt, 6));
  article->source_document = g_strdup (rexian_store_column_text (stmt, 7));
  article->document_number = g_strdup (rexian_store_column_text (stmt, 8));
  article->effective_from = sqlite3_column_int64 (stmt, 9);
  article->expires_at = sqlite3_column_int64 (stmt, 10);
  article->reviewed_at = sqlite3_column_int64 (stmt, 11);
  article->created_at = sqlite3_column_int64 (stmt, 12);
  article->updated_at = sqlite3_column_int64 (stmt, 13);

  return article;
}

RexianArticle *
_rexian_store_db_get_article (RexianStore  *self,
                              sqlite3      *db,
                              gint64        article_id,
                              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = rexian_store_prepare (self, db, REXIAN_STORE_ARTICLE_SELECT "WHERE a.id = ?1",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, article_id);
  if (!rexian_store_step_row (self, db, stmt,
                              _("This knowledge-base article no longer exists."), error))
    return NULL;

  return _rexian_store_article_from_row (stmt);
}

GPtrArray *
_rexian_store_db_all_articles (RexianStore  *self,
                               sqlite3      *db,
                               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = rexian_store_prepare (self, db, REXIAN_STORE_ARTICLE_SELECT "ORDER BY a.id", error);
  if (stmt == NULL)
    return NULL;

  return rexian_store_collect_rows (self, stmt, _rexian_store_article_from_row,
                                    rexian_article_free, error);
}

static const char *
empty_if_null (const char *text)
{
  return text != NULL ? text : "";
}

gint64
_rexian_store_db_write_article (RexianStore          *self,
                                sqlite3              *db,
                                const RexianArticle  *article,
                                gint64                article_id,
                                gint64                now,
                                GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *title = g_strstrip (g_strdup (empty_if_null (article->title)));

  if (title[0] == '\0')
    {
      g_set_error_literal (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_FAILED,
                           _("A knowledge-base article needs a title."));
      return 0;
    }

  if (article_id == 0)
    stmt = rexian_store_prepare (self, db,
                                 "INSERT INTO kb_articles (title, body, category_id, "
                                 "department_id, source_document, document_number, "
                                 "effective_from, expires_at, reviewed_at, created_at, "
                                 "updated_at) "
                                 "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
                                 error);
  else
    stmt = rexian_store_prepare (self, db,
                                 "UPDATE kb_articles SET title = ?2, body = ?3, "
                                 "category_id = ?4, department_id = ?5, "
                                 "source_document = ?6, document_number = ?7, "
                                 "effective_from = ?8, expires_at = ?9, reviewed_at = ?10, "
                                 "updated_at = ?11 WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, article_id);
  rexian_store_bind_text (stmt, 2, title);
  rexian_store_bind_text (stmt, 3, empty_if_null (article->body));
  rexian_store_bind_id (stmt, 4, article->category_id);
  rexian_store_bind_id (stmt, 5, article->department_id);
  rexian_store_bind_text (stmt, 6, empty_if_null (article->source_document));
  rexian_store_bind_text (stmt, 7, empty_if_null (article->document_number));
  sqlite3_bind_int64 (stmt, 8, MAX (article->effective_from, 0));
  sqlite3_bind_int64 (stmt, 9, MAX (article->expires_at, 0));
  sqlite3_bind_int64 (stmt, 10, MAX (article->reviewed_at, 0));
  sqlite3_bind_int64 (stmt, 11, now);

  if (!rexian_store_step_done (self, db, stmt, error))
    return 0;

  if (article_id == 0)
    return sqlite3_last_insert_rowid (db);

  if (sqlite3_changes (db) == 0)
    {
      g_set_error_literal (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_NOT_FOUND,
                           _("This knowledge-base article no longer exists."));
      return 0;
    }

  return article_id;
}

static RexianArticle *
write_article (RexianStore         *self,
               const RexianArticle *article,
               gint64               article_id,
               gint64               now,
               GError             **error)
{
  sqlite3 *db = rexian_store_get_db (self);
  gint64 id;

  now = now_or_real (now);

  if (!rexian_store_begin (self, db, error))
    return NULL;

  id = _rexian_store_db_write_article (self, db, article, article_id, now, error);
  if (id == 0)
    {
      rexian_store_rollback (db);
      return NULL;
    }

  if (!rexian_store_commit (self, db, error))
    return NULL;

  rexian_store_emit_changed (self);
  return _rexian_store_db_get_article (self, db, id, error);
}

RexianArticle *
rexian_store_create_article (RexianStore          *self,
                             const RexianArticle  *article,
                             gint64                now,
                             GError              **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);
  g_return_val_if_fail (article != NULL, NULL);

  return write_article (self, article, 0, now, error);
}

RexianArticle *
rexian_store_update_article (RexianStore          *self,
                             const RexianArticle  *article,
                             gint64                now,
                             GError              **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);
  g_return_val_if_fail (article != NULL && article->id > 0, NULL);

  return write_article (self, article, article->id, now, error);
}

/* Runs one bound write on the main connection in its own transaction; NOT_FOUND with
 * @not_found when it changed no row. */
static gboolean
write_one (RexianStore  *self,
           sqlite3_stmt *stmt,
           const char   *not_found,
           GError      **error)
{
  sqlite3 *db = rexian_store_get_db (self);

  if (!rexian_store_begin (self, db, error))
    return FALSE;

  if (!rexian_store_step_done (self, db, stmt, error))
    goto failed;

  if (sqlite3_changes (db) == 0)
    {
      g_set_error_literal (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_NOT_FOUND,
                           not_found);
      goto failed;
    }

  if (!rexian_store_commit (self, db, error))
    return FALSE;

  rexian_store_emit_changed (self);
  return TRUE;

failed:
  rexian_store_rollback (db);
  return FALSE;
}

gboolean
rexian_store_delete_article (RexianStore  *self,
                             gint64        article_id,
                             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);

  stmt = rexian_store_prepare (self, rexian_store_get_db (self),
                               "DELETE FROM kb_articles WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, article_id);
  return write_one (self, stmt, _("This knowledge-base article no longer exists."), error);
}

RexianArticle *
rexian_store_get_article (RexianStore  *self,
                          gint64        article_id,
                          GError      **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);

  return _rexian_store_db_get_article (self, rexian_store_get_db (self), article_id, error);
}

gboolean
rexian_store_mark_article_reviewed (RexianStore  *self,
                                    gint64        article_id,
                                    gint64        now,
                                    GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);

  stmt = rexian_store_prepare (self, rexian_store_get_db (self),
                               "UPDATE kb_articles SET reviewed_at = ?2, updated_at = ?2 "
                               "WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, article_id);
  sqlite3_bind_int64 (stmt, 2, now_or_real (now));
  return write_one (self, stmt, _("This knowledge-base article no longer exists."), error);
}

/* The review period */

guint
_rexian_store_db_get_review_days (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  guint days = REXIAN_STORE_KNOWLEDGE_DEFAULT_REVIEW_DAYS;

  if (sqlite3_prepare_v2 (db, "SELECT value FROM settings WHERE key = ?1", -1, &stmt,
                          NULL) == SQLITE_OK)
    {
      rexian_store_bind_text (stmt, 1, REXIAN_STORE_KNOWLEDGE_REVIEW_DAYS_KEY);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          guint64 value;

          /* A value another program wrote badly falls back to the default. */
          if (g_ascii_string_to_unsigned (rexian_store_column_text (stmt, 0), 10, 0, 36500,
                                          &value, NULL))
            days = (guint) value;
        }
    }
  sqlite3_finalize (stmt);

  return days;
}

guint
rexian_store_get_knowledge_review_days (RexianStore *self)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), REXIAN_STORE_KNOWLEDGE_DEFAULT_REVIEW_DAYS);

  return _rexian_store_db_get_review_days (rexian_store_get_db (self));
}

gboolean
rexian_store_set_knowledge_review_days (RexianStore  *self,
                                        guint         days,
                                        GError      **error)
{
  g_autofree char *value = g_strdup_printf ("%u", MIN (days, 36500));

  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);

  return rexian_store_set_setting (self, REXIAN_STORE_KNOWLEDGE_REVIEW_DAYS_KEY, value, error);
}

/* Answering from an article */

gboolean
rexian_store_set_order_answer_article (RexianStore  *self,
                                       gint64        order_id,
                                       gint64        article_id,
                                       gint64        agent_id,
                                       gint64        now,
                                       GError      **error)
{
  sqlite3 *db = rexian_store_get_db (self);
  g_autoptr(sqlite3_stmt) order = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) event = NULL;
  g_autoptr(RexianArticle) article = NULL;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);

  now = now_or_real (now);
  if (!rexian_store_begin (self, db, error))
    return FALSE;

  order = rexian_store_prepare (self, db, "SELECT state FROM work_orders WHERE id = ?1",
                                error);
  if (order == NULL)
    goto failed;

  sqlite3_bind_int64 (order, 1, order_id);
  if (!rexian_store_step_row (self, db, order, _("This work order no longer exists."), error))
    goto failed;

  if (article_id != 0)
    {
      article = _rexian_store_db_get_article (self, db, article_id, error);
      if (article == NULL)
        goto failed;
      detail = g_strdup_printf (_("Answered from article: %s"), article->title);
    }
  else
    {
      detail = g_strdup (_("No longer answered from a knowledge-base article"));
    }

  /* The version stays: this is recorded beside the agent's edit, not instead of it, so an
   * editor open on the order can still save. */
  update = rexian_store_prepare (self, db,
                                 "UPDATE work_orders SET answer_article_id = ?2 WHERE id = ?1",
                                 error);
  if (update == NULL)
    goto failed;

  sqlite3_bind_int64 (update, 1, order_id);
  rexian_store_bind_id (update, 2, article_id);
  if (!rexian_store_step_done (self, db, update, error))
    goto failed;

  event = rexian_store_prepare (self, db,
                                "INSERT INTO order_events (order_id, at, agent_id, action, "
                                "from_state, to_state, detail) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)",
                                error);
  if (event == NULL)
    goto failed;

  sqlite3_bind_int64 (event, 1, order_id);
  sqlite3_bind_int64 (event, 2, now);
  rexian_store_bind_id (event, 3, agent_id);
  rexian_store_bind_text (event, 4, rexian_action_to_string (REXIAN_ACTION_EDIT));
  rexian_store_bind_text (event, 5, rexian_store_column_text (order, 0));
  rexian_store_bind_text (event, 6, detail);
  if (!rexian_store_step_done (self, db, event, error))
    goto failed;

  if (!rexian_store_commit (self, db, error))
    return FALSE;

  rexian_store_emit_changed (self);
  return TRUE;

failed:
  rexian_store_rollback (db);
  return FALSE;
}

gboolean
rexian_store_get_order_answer_article (RexianStore  *self,
                                       gint64        order_id,
                                       gint64       *out_article_id,
                                       GError      **error)
{
  sqlite3 *db = rexian_store_get_db (self);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_article_id != NULL, FALSE);

  stmt = rexian_store_prepare (self, db,
                               "SELECT answer_article_id FROM work_orders WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, order_id);
  if (!rexian_store_step_row (self, db, stmt, _("This work order no longer exists."), error))
    return FALSE;

  *out_article_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
rexian_knowledge_format_for_path (const char            *path,
                                  RexianKnowledgeFormat *out_format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (out_format != NULL, FALSE);

  if (path == NULL)
    return FALSE;

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".csv"))
    *out_format = REXIAN_KNOWLEDGE_FORMAT_CSV;
  else if (g_str_has_suffix (lower, ".json"))
    *out_format = REXIAN_KNOWLEDGE_FORMAT_JSON;
  else
    return FALSE;

  return TRUE;
}
