/* rexian-store-knowledge.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rexian-store.h"

G_BEGIN_DECLS

/* The knowledge base (知识库) in the shared database: articles, their search, the stale
 * flags, the directory of service halls and points, which article an order was answered
 * from (直接办理), and import and export as CSV and JSON.
 *
 * Search.  What the agent typed is split on white space into terms; an article matches
 * when every term is in its title, body, source document or document number (a term of
 * one or two characters: in its title or body).  A term of three characters or more is
 * looked up in the FTS5 trigram index (as a quoted phrase, so quotes, "*", "AND", "-"
 * and the like are plain text); a term of one or two characters, which a trigram cannot
 * find, is looked for in each row (instr(), or LIKE with the wildcards escaped when it
 * has Latin letters, which then match in any case), which is exact for Chinese.
 *
 * Order: with a long term, the articles that have every long term in the title come
 * first, ranked by bm25 (title ten times the body, the document fields twice), then the
 * other matches, newest first.  With short terms only: the newest matches, those with
 * the terms in the title first.  An empty query lists the most recently updated articles
 * (newest first on a database without an index on updated_at).  Each result carries a
 * snippet around its first match.
 *
 * Speed: a common short term fills the page from the newest rows at once; a rare one
 * reads every row (over a second on 100,000 articles), unless the database has the
 * short-term index proposed in rexian-store-knowledge-private.h.
 *
 * Times: every "now" of 0 means the current time. */

/* The setting (in the shared settings table) that holds the review period in days. */
#define REXIAN_STORE_KNOWLEDGE_REVIEW_DAYS_KEY "knowledge-review-days"
#define REXIAN_STORE_KNOWLEDGE_DEFAULT_REVIEW_DAYS 180
/* The number of results when a search is given a limit of 0. */
#define REXIAN_STORE_KNOWLEDGE_DEFAULT_LIMIT 50

typedef enum
{
  REXIAN_KNOWLEDGE_SEARCH_NONE       = 0,
  /* Only articles whose staleness is not FRESH (review due, expired or not yet in
   * force) with the review period from the settings. */
  REXIAN_KNOWLEDGE_SEARCH_STALE_ONLY = 1 << 0,
} RexianKnowledgeSearchFlags;

typedef enum
{
  REXIAN_KNOWLEDGE_FORMAT_CSV,   /* RFC 4180, UTF-8, a header row of column keys */
  REXIAN_KNOWLEDGE_FORMAT_JSON,  /* an array of objects with the same keys */
} RexianKnowledgeFormat;

/* The format for a file name by its extension (".csv" or ".json", any case); FALSE for
 * anything else. */
gboolean       rexian_knowledge_format_for_path     (const char             *path,
                                                     RexianKnowledgeFormat  *out_format);

/* Articles. */

/* Saves @article (its id is ignored) and returns the stored article with its id and
 * joined names.  created_at and updated_at are set to @now; reviewed_at is kept as
 * given (0: never reviewed).  A title is required. */
RexianArticle *rexian_store_create_article          (RexianStore            *self,
                                                     const RexianArticle    *article,
                                                     gint64                  now,
                                                     GError                **error);
/* Writes every field of the article with @article's id (NOT_FOUND when there is none),
 * sets updated_at to @now and returns the stored article. */
RexianArticle *rexian_store_update_article          (RexianStore            *self,
                                                     const RexianArticle    *article,
                                                     gint64                  now,
                                                     GError                **error);
/* Orders answered from it keep their text; their answer_article_id becomes NULL. */
gboolean       rexian_store_delete_article          (RexianStore            *self,
                                                     gint64                  article_id,
                                                     GError                **error);
RexianArticle *rexian_store_get_article             (RexianStore            *self,
                                                     gint64                  article_id,
                                                     GError                **error);
/* Sets reviewed_at (and updated_at) to @now. */
gboolean       rexian_store_mark_article_reviewed   (RexianStore            *self,
                                                     gint64                  article_id,
                                                     gint64                  now,
                                                     GError                **error);

/* Searches as described above.  @text may be NULL or empty; @category_id and
 * @department_id of 0 mean any; @limit of 0 means REXIAN_STORE_KNOWLEDGE_DEFAULT_LIMIT.
 * Returns a GPtrArray of RexianArticle (with snippet set), best first; never an error
 * for what the user typed. */
GPtrArray     *rexian_store_search_articles         (RexianStore            *self,
                                                     const char             *text,
                                                     gint64                  category_id,
                                                     gint64                  department_id,
                                                     RexianKnowledgeSearchFlags flags,
                                                     guint                   limit,
                                                     gint64                  now,
                                                     GError                **error);
/* The same on the store's worker thread, for searching as the agent types; cancel the
 * previous search's @cancellable when the text changes. */
void           rexian_store_search_articles_async   (RexianStore            *self,
                                                     const char             *text,
                                                     gint64                  category_id,
                                                     gint64                  department_id,
                                                     RexianKnowledgeSearchFlags flags,
                                                     guint                   limit,
                                                     GCancellable           *cancellable,
                                                     GAsyncReadyCallback     callback,
                                                     gpointer                user_data);
GPtrArray     *rexian_store_search_articles_finish  (RexianStore            *self,
                                                     GAsyncResult           *result,
                                                     GError                **error);
/* Every article that is not FRESH at @now with the review period from the settings,
 * expired first, then the longest unreviewed. */
GPtrArray     *rexian_store_list_stale_articles     (RexianStore            *self,
                                                     gint64                  now,
                                                     GError                **error);
/* The review period in days (the setting, or REXIAN_STORE_KNOWLEDGE_DEFAULT_REVIEW_DAYS
 * when it is unset or unreadable); setting 0 turns the review flag off. */
guint          rexian_store_get_knowledge_review_days (RexianStore          *self);
gboolean       rexian_store_set_knowledge_review_days (RexianStore          *self,
                                                       guint                 days,
                                                       GError              **error);

/* Answering from an article (直接办理): records @article_id (0 clears it) as the article
 * the order was answered from, with an EDIT event by @agent_id in the order's timeline
 * ("Answered from article: TITLE").  Does not change the order's version, so an open
 * editor can still save.  Fails with NOT_FOUND for a missing order or article. */
gboolean       rexian_store_set_order_answer_article (RexianStore           *self,
                                                      gint64                 order_id,
                                                      gint64                 article_id,
                                                      gint64                 agent_id,
                                                      gint64                 now,
                                                      GError               **error);
/* The article the order was answered from, or 0 in *out_article_id. */
gboolean       rexian_store_get_order_answer_article (RexianStore           *self,
                                                      gint64                 order_id,
                                                      gint64                *out_article_id,
                                                      GError               **error);

/* Service halls and points. */

/* Returns the new id, or 0 with @error set. */
gint64         rexian_store_create_service_point    (RexianStore            *self,
                                                     const RexianServicePoint *point,
                                                     GError                **error);
gboolean       rexian_store_update_service_point    (RexianStore            *self,
                                                     const RexianServicePoint *point,
                                                     GError                **error);
gboolean       rexian_store_delete_service_point    (RexianStore            *self,
                                                     gint64                  point_id,
                                                     GError                **error);
RexianServicePoint *rexian_store_get_service_point  (RexianStore            *self,
                                                     gint64                  point_id,
                                                     GError                **error);
/* Halls first, then by name.  @text (NULL or empty: all) is looked for in the name,
 * address, phone, hours and note.  A GPtrArray of RexianServicePoint. */
GPtrArray     *rexian_store_list_service_points     (RexianStore            *self,
                                                     const char             *text,
                                                     GError                **error);

/* Import and export.
 *
 * Article columns (CSV header and JSON keys): title, body, category, department,
 * source_document, document_number, effective_from, expires_at, reviewed_at.  Category
 * and department are given by name and must exist; dates are ISO 8601 dates
 * (YYYY-MM-DD, local time; empty, missing or null for none).  Only "title" is required;
 * unknown columns are an error so that a misspelled column is not silently lost.
 *
 * Service point columns: name, kind ("hall" or "point"), address, hours, phone,
 * department, note.
 *
 * Export writes CSV with a UTF-8 byte order mark (so Excel reads the Chinese) and CRLF
 * line ends; import accepts it with or without the mark, quoted fields with commas,
 * line breaks and doubled quotes.  Import is all or nothing in one transaction: an
 * article whose title is already in the knowledge base (a point whose name is already
 * in the directory) is updated, any other is added; the first bad row fails the whole
 * import with an error naming its line (CSV) or its item (JSON, counted from 1) and
 * what is wrong, and nothing is written.  *out_count gets the number of rows. */
GBytes        *rexian_store_export_articles         (RexianStore            *self,
                                                     RexianKnowledgeFormat   format,
                                                     GError                **error);
gboolean       rexian_store_import_articles         (RexianStore            *self,
                                                     RexianKnowledgeFormat   format,
                                                     GBytes                 *data,
                                                     gint64                  now,
                                                     guint                  *out_count,
                                                     GError                **error);
void           rexian_store_import_articles_async   (RexianStore            *self,
                                                     RexianKnowledgeFormat   format,
                                                     GBytes                 *data,
                                                     GCancellable           *cancellable,
                                                     GAsyncReadyCallback     callback,
                                                     gpointer                user_data);
gboolean       rexian_store_import_articles_finish  (RexianStore            *self,
                                                     GAsyncResult           *result,
                                                     guint                  *out_count,
                                                     GError                **error);
void           rexian_store_export_articles_async   (RexianStore            *self,
                                                     RexianKnowledgeFormat   format,
                                                     GCancellable           *cancellable,
                                                     GAsyncReadyCallback     callback,
                                                     gpointer                user_data);
GBytes        *rexian_store_export_articles_finish  (RexianStore            *self,
                                                     GAsyncResult           *result,
                                                     GError                **error);
GBytes        *rexian_store_export_service_points   (RexianStore            *self,
                                                     RexianKnowledgeFormat   format,
                                                     GError                **error);
gboolean       rexian_store_import_service_points   (RexianStore            *self,
                                                     RexianKnowledgeFormat   format,
                                                     GBytes                 *data,
                                                     guint                  *out_count,
                                                     GError                **error);

/* For benchmarks: @n generated Chinese articles (300 to 800 characters each, from a
 * fixed vocabulary and seed), in large transactions. */
gboolean       rexian_store_fill_generated_articles (RexianStore            *self,
                                                     guint                   n,
                                                     gint64                  now,
                                                     GError                **error);

G_END_DECLS
