/* rexian-store-knowledge-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rexian-store-knowledge.h"
#include "rexian-store-private.h"

G_BEGIN_DECLS

/* Shared by rexian-store-knowledge.c (articles), -search.c, -points.c (the directory),
 * -io.c (import and export), -async.c and -generated.c (benchmark data). */

/* The select list and joins _rexian_store_article_from_row() reads, aliasing the
 * article table as "a". */
#define REXIAN_STORE_ARTICLE_COLUMNS \
  "SELECT a.id, a.title, a.body, a.category_id, c.name, a.department_id, d.name, " \
  "a.source_document, a.document_number, a.effective_from, a.expires_at, a.reviewed_at, " \
  "a.created_at, a.updated_at "
#define REXIAN_STORE_ARTICLE_JOINS \
  "LEFT JOIN categories c ON c.id = a.category_id " \
  "LEFT JOIN departments d ON d.id = a.department_id "
#define REXIAN_STORE_ARTICLE_SELECT \
  REXIAN_STORE_ARTICLE_COLUMNS "FROM kb_articles a " REXIAN_STORE_ARTICLE_JOINS

/* A proposed schema addition (for a future numbered migration; the search uses it when
 * the database has it, see rexian-store-knowledge-search.c).
 *
 * The trigram index cannot find one or two characters: an FTS5 query needs a whole
 * trigram, and FTS5 has no prefix queries on trigrams.  Its vocabulary can be read by
 * range, though: the trigrams that start with "社保" are those from "社保" up to the next
 * string after every "社保…".  That finds every occurrence that is followed by at least
 * one (for two characters) or two (for one) more characters; the ones at the very end
 * of a title or body would be missed.  kb_short indexes title and body each followed by
 * two U+001F characters, so that every occurrence is followed by two more and none is
 * missed.  It stores no text and no positions (content '', detail 'none'): only which
 * articles hold which trigram.  The updated_at index serves "recently updated". */
#define REXIAN_STORE_KNOWLEDGE_SHORT_PAD(prefix) \
  prefix "title || char (31, 31, 10) || " prefix "body || char (31, 31)"
#define REXIAN_STORE_KNOWLEDGE_SHORT_INDEX_SQL \
  "CREATE VIRTUAL TABLE kb_short USING fts5 (text, content = '', " \
  "  tokenize = 'trigram', detail = 'none');" \
  "INSERT INTO kb_short (rowid, text) SELECT id, " \
  "  " REXIAN_STORE_KNOWLEDGE_SHORT_PAD ("") " FROM kb_articles;" \
  "CREATE TRIGGER kb_short_insert AFTER INSERT ON kb_articles BEGIN" \
  "  INSERT INTO kb_short (rowid, text)" \
  "    VALUES (new.id, " REXIAN_STORE_KNOWLEDGE_SHORT_PAD ("new.") ");" \
  "END;" \
  "CREATE TRIGGER kb_short_delete AFTER DELETE ON kb_articles BEGIN" \
  "  INSERT INTO kb_short (kb_short, rowid, text)" \
  "    VALUES ('delete', old.id, " REXIAN_STORE_KNOWLEDGE_SHORT_PAD ("old.") ");" \
  "END;" \
  "CREATE TRIGGER kb_short_update AFTER UPDATE OF title, body ON kb_articles BEGIN" \
  "  INSERT INTO kb_short (kb_short, rowid, text)" \
  "    VALUES ('delete', old.id, " REXIAN_STORE_KNOWLEDGE_SHORT_PAD ("old.") ");" \
  "  INSERT INTO kb_short (rowid, text)" \
  "    VALUES (new.id, " REXIAN_STORE_KNOWLEDGE_SHORT_PAD ("new.") ");" \
  "END;" \
  "CREATE INDEX kb_articles_updated ON kb_articles (updated_at);"

/* For tests: the scan budget of a short-term search on a database with kb_short, in
 * thousands of SQLite steps; 0 asks kb_short at once, below 0 restores the default. */
void           _rexian_store_knowledge_set_short_scan_budget (int budget);

gpointer       _rexian_store_article_from_row      (sqlite3_stmt          *stmt);
RexianArticle *_rexian_store_db_get_article        (RexianStore           *self,
                                                    sqlite3               *db,
                                                    gint64                 article_id,
                                                    GError               **error);
/* Inside the caller's transaction: inserts (@article_id 0) or rewrites an article;
 * returns its id, or 0 with @error set. */
gint64         _rexian_store_db_write_article      (RexianStore           *self,
                                                    sqlite3               *db,
                                                    const RexianArticle   *article,
                                                    gint64                 article_id,
                                                    gint64                 now,
                                                    GError               **error);
gint64         _rexian_store_db_write_service_point (RexianStore           *self,
                                                     sqlite3               *db,
                                                     const RexianServicePoint *point,
                                                     GError               **error);
guint          _rexian_store_db_get_review_days    (sqlite3               *db);
GPtrArray     *_rexian_store_db_list_service_points (RexianStore          *self,
                                                     sqlite3              *db,
                                                     const char           *text,
                                                     GError              **error);
GPtrArray     *_rexian_store_db_all_articles       (RexianStore           *self,
                                                    sqlite3               *db,
                                                    GError               **error);
/* rexian-store-knowledge-search.c, rexian-store-knowledge-io.c: for the worker's async
 * forms in rexian-store-knowledge-async.c. */
GPtrArray     *_rexian_store_db_search             (RexianStore           *self,
                                                    sqlite3               *db,
                                                    const char            *text,
                                                    gint64                 category_id,
                                                    gint64                 department_id,
                                                    RexianKnowledgeSearchFlags flags,
                                                    guint                  limit,
                                                    gint64                 now,
                                                    GError               **error);
GBytes        *_rexian_store_db_export_articles    (RexianStore           *self,
                                                    sqlite3               *db,
                                                    RexianKnowledgeFormat  format,
                                                    GError               **error);
gboolean       _rexian_store_db_import_articles    (RexianStore           *self,
                                                    sqlite3               *db,
                                                    RexianKnowledgeFormat  format,
                                                    GBytes                *data,
                                                    gint64                 now,
                                                    guint                 *out_count,
                                                    GError               **error);
/* rexian-store-sample-knowledge.c: the sample articles and service points in their own
 * transaction, with the sample departments and categories by name, when the knowledge
 * base is empty. */
gboolean       _rexian_store_seed_sample_knowledge (RexianStore           *self,
                                                    gint64                 now,
                                                    GError               **error);
/* rexian-store-knowledge-search.c: a LIKE pattern finding @text anywhere, its wildcards
 * escaped with a backslash (use ESCAPE '\'). */
char          *_rexian_store_like_pattern          (const char            *text);

G_END_DECLS
