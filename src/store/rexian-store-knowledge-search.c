/* rexian-store-knowledge-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "rexian-store-knowledge-private.h"

/* Searching the knowledge base as the agent types (see rexian-store-knowledge.h for what
 * matches and in which order) and the stale list. */

#define SNIPPET_BEFORE 16   /* characters of context before the first match */
#define SNIPPET_LENGTH 80   /* characters in a snippet */

/* The FTS5 trigram index cannot find anything shorter than three characters. */
#define MIN_INDEXED_CHARS 3

/* How long (in thousands of SQLite virtual-machine steps) a scan for a short term may
 * run before kb_short's vocabulary is asked instead, when the database has it: about a
 * thousand articles, some 10 ms.  A term that fills the page in that many is common, and
 * its vocabulary range would be long to read. */
#define SHORT_SCAN_BUDGET 10

static int short_scan_budget = SHORT_SCAN_BUDGET;

void
_rexian_store_knowledge_set_short_scan_budget (int budget)
{
  short_scan_budget = budget >= 0 ? budget : SHORT_SCAN_BUDGET;
}

static gint64
now_or_real (gint64 now)
{
  return now != 0 ? now : g_get_real_time () / G_USEC_PER_SEC;
}

static gboolean
has_ascii_letter (const char *term)
{
  for (const char *p = term; *p != '\0'; p++)
    {
      if (g_ascii_isalpha (*p))
        return TRUE;
    }

  return FALSE;
}

/* A term as one FTS5 string: inside double quotes every character is text (a quote
 * doubled), so "AND", "*", "-", ":" or "^" the agent types never become syntax.  With
 * @column the phrase is looked for in that column only. */
static void
append_fts_phrase (GString    *match,
                   const char *column,
                   const char *term)
{
  if (match->len > 0)
    g_string_append (match, " AND ");

  if (column != NULL)
    g_string_append_printf (match, "%s : ", column);

  g_string_append_c (match, '"');
  for (const char *p = term; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (match, '"');
      g_string_append_c (match, *p);
    }
  g_string_append_c (match, '"');
}

char *
_rexian_store_like_pattern (const char *term)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = term; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

static void
set_snippet (RexianArticle *article,
             const char    *query)
{
  const char *source = article->body != NULL && article->body[0] != '\0'
    ? article->body : article->title;
  g_autoptr(GArray) ranges = rexian_text_find_matches (source, query);
  const char *start = source;
  const char *end;
  GString *snippet = g_string_new (NULL);

  if (ranges->len > 0)
    {
      const char *match = source + g_array_index (ranges, RexianTextRange, 0).start;
      glong before = g_utf8_pointer_to_offset (source, match);

      start = g_utf8_offset_to_pointer (source, MAX (before - SNIPPET_BEFORE, 0));
    }

  end = start;
  for (guint i = 0; i < SNIPPET_LENGTH && *end != '\0'; i++)
    end = g_utf8_next_char (end);

  if (start != source)
    g_string_append (snippet, "…");
  g_string_append_len (snippet, start, end - start);
  if (*end != '\0')
    g_string_append (snippet, "…");

  /* A snippet is one line in a list row. */
  for (char *p = snippet->str; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t')
        *p = ' ';
    }

  g_free (article->snippet);
  article->snippet = g_string_free (snippet, FALSE);
}

/* Articles titled with every short term come before those that only have them in the
 * body, each group newest first; the scan already gave them newest first. */
static void
put_title_matches_first (GPtrArray  *articles,
                         char      **short_terms)
{
  g_autoptr(GPtrArray) in_body = g_ptr_array_new ();
  guint kept = 0;

  for (guint i = 0; i < articles->len; i++)
    {
      RexianArticle *article = g_ptr_array_index (articles, i);
      gboolean in_title = TRUE;

      for (guint t = 0; in_title && short_terms[t] != NULL; t++)
        {
          g_autofree char *title = g_ascii_strdown (article->title, -1);
          g_autofree char *term = g_ascii_strdown (short_terms[t], -1);

          in_title = strstr (title, term) != NULL;
        }

      if (in_title)
        articles->pdata[kept++] = article;
      else
        g_ptr_array_add (in_body, article);
    }

  for (guint i = 0; i < in_body->len; i++)
    articles->pdata[kept++] = in_body->pdata[i];
}

/* One search: how each term is looked up, the conditions on the article row "a" (as
 * "AND ..." clauses) and the values they bind, by parameter name. */
typedef struct
{
  GString    *match;        /* the long terms as an FTS5 expression, or empty */
  GString    *title_match;  /* the same, in the title column only */
  GStrv       short_terms;
  GString    *where;
  GHashTable *texts;        /* parameter name -> text */
  gint64      category_id;
  gint64      department_id;
  gint64      now;
  gint64      days;
  gint64      limit;
} Search;

static void
search_clear (Search *search)
{
  g_string_free (search->match, TRUE);
  g_string_free (search->title_match, TRUE);
  g_strfreev (search->short_terms);
  g_string_free (search->where, TRUE);
  g_hash_table_unref (search->texts);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Search, search_clear)

static void
bind_search (sqlite3_stmt *stmt,
             Search       *search)
{
  for (int i = 1; i <= sqlite3_bind_parameter_count (stmt); i++)
    {
      const char *name = sqlite3_bind_parameter_name (stmt, i);
      const char *text = g_hash_table_lookup (search->texts, name);

      if (text != NULL)
        rexian_store_bind_text (stmt, i, text);
      else if (g_str_equal (name, ":category"))
        sqlite3_bind_int64 (stmt, i, search->category_id);
      else if (g_str_equal (name, ":department"))
        sqlite3_bind_int64 (stmt, i, search->department_id);
      else if (g_str_equal (name, ":now"))
        sqlite3_bind_int64 (stmt, i, search->now);
      else if (g_str_equal (name, ":days"))
        sqlite3_bind_int64 (stmt, i, search->days);
      else if (g_str_equal (name, ":limit"))
        sqlite3_bind_int64 (stmt, i, search->limit);
      else
        g_assert_not_reached ();
    }
}

static int
count_down (gpointer user_data)
{
  int *budget = user_data;

  return --(*budget) < 0;
}

/* Runs one search statement.  With @budget above 0 the statement is interrupted after
 * about @budget thousand virtual-machine steps: FALSE and *@out_interrupted. */
static GPtrArray *
run_search (RexianStore  *self,
            sqlite3      *db,
            Search       *search,
            const char   *sql,
            int           budget,
            gboolean     *out_interrupted,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = rexian_store_prepare (self, db, sql, error);
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (rexian_article_free);
  int rc;

  if (stmt == NULL)
    return NULL;

  bind_search (stmt, search);
  if (budget > 0)
    sqlite3_progress_handler (db, 1000, count_down, &budget);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (articles, _rexian_store_article_from_row (stmt));

  if (budget > 0 || rc == SQLITE_INTERRUPT)
    sqlite3_progress_handler (db, 0, NULL, NULL);

  if (rc == SQLITE_INTERRUPT && out_interrupted != NULL)
    {
      *out_interrupted = TRUE;
      return NULL;
    }

  if (rc != SQLITE_DONE)
    {
      rexian_store_set_sqlite_error (self, db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&articles);
}

static gboolean
has_schema_object (sqlite3    *db,
                   const char *name)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_master WHERE name = ?1", -1, &stmt,
                          NULL) == SQLITE_OK)
    {
      rexian_store_bind_text (stmt, 1, name);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);

  return found;
}

/* The FTS path: articles with every long term in the title, ranked by bm25 (title ten
 * times the body, the document fields twice), then the other matches newest first.
 * Ranking every match costs a bm25 per matching article, too slow for a word in a third
 * of 100,000 articles; titles are few, and FTS5 gives the rest in rowid order, so the
 * scan stops when the page is full.  Only row ids are ranked; full rows are read for
 * the page of results only. */
static GPtrArray *
search_indexed (RexianStore  *self,
                sqlite3      *db,
                Search       *search,
                GError      **error)
{
  g_autofree char *ranked = NULL;
  g_autofree char *rest = NULL;
  g_autoptr(GPtrArray) others = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *articles;

  ranked = g_strdup_printf (REXIAN_STORE_ARTICLE_COLUMNS
                            "FROM (SELECT kb_search.rowid AS hit, "
                            "bm25 (kb_search, 10.0, 1.0, 2.0, 2.0) AS score FROM kb_search "
                            "%s WHERE kb_search MATCH :title_match %s "
                            "ORDER BY score LIMIT :limit) s "
                            "JOIN kb_articles a ON a.id = s.hit "
                            REXIAN_STORE_ARTICLE_JOINS "ORDER BY s.score",
                            search->where->len > 0
                            ? "JOIN kb_articles a ON a.id = kb_search.rowid" : "",
                            search->where->str);
  articles = run_search (self, db, search, ranked, 0, NULL, error);
  if (articles == NULL || articles->len >= search->limit)
    return articles;

  for (guint i = 0; i < articles->len; i++)
    g_hash_table_add (seen, &((RexianArticle *) g_ptr_array_index (articles, i))->id);

  rest = g_strdup_printf (REXIAN_STORE_ARTICLE_COLUMNS
                          "FROM kb_search JOIN kb_articles a ON a.id = kb_search.rowid "
                          REXIAN_STORE_ARTICLE_JOINS "WHERE kb_search MATCH :match %s "
                          "ORDER BY kb_search.rowid DESC LIMIT :limit",
                          search->where->str);
  search->limit += articles->len;
  others = run_search (self, db, search, rest, 0, NULL, error);
  search->limit -= articles->len;
  if (others == NULL)
    {
      g_ptr_array_unref (articles);
      return NULL;
    }

  for (guint i = 0; i < others->len && articles->len < search->limit; i++)
    {
      RexianArticle *article = g_ptr_array_index (others, i);

      if (!g_hash_table_contains (seen, &article->id))
        g_ptr_array_add (articles, g_steal_pointer (&others->pdata[i]));
    }

  return articles;
}

/* The range of the trigram vocabulary that starts with @term, for kb_short (see
 * REXIAN_STORE_KNOWLEDGE_SHORT_INDEX_SQL); FALSE when the index's case folding could
 * differ from this one, which only lowers ASCII letters. */
static gboolean
short_term_range (const char  *term,
                  char       **out_start,
                  char       **out_end)
{
  g_autofree char *folded = g_ascii_strdown (term, -1);
  g_autofree char *unicode_folded = g_utf8_strdown (term, -1);

  if (!g_str_equal (folded, unicode_folded))
    return FALSE;

  for (const char *p = term; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20)
        return FALSE;
    }

  *out_end = g_strconcat (folded, "\xF4\x8F\xBF\xBF", NULL);
  *out_start = g_steal_pointer (&folded);
  return TRUE;
}

/* The short-term path.  The newest rows are read in rowid order, which needs no sort, so
 * a common character stops the scan as soon as the page is full.  A rare one would read
 * every row; when the database has kb_short, such a scan is given a budget and, past
 * it, the candidates come from kb_short's vocabulary instead. */
static GPtrArray *
search_short (RexianStore  *self,
              sqlite3      *db,
              Search       *search,
              GError      **error)
{
  g_autofree char *scan = NULL;
  g_autoptr(GString) lookup = NULL;
  gboolean interrupted = FALSE;
  gboolean indexed = has_schema_object (db, "kb_short");
  GPtrArray *articles;

  scan = g_strdup_printf (REXIAN_STORE_ARTICLE_COLUMNS "FROM kb_articles a "
                          REXIAN_STORE_ARTICLE_JOINS "WHERE 1 %s "
                          "ORDER BY a.id DESC LIMIT :limit", search->where->str);

  for (guint i = 0; indexed && search->short_terms[i] != NULL; i++)
    {
      char *start = NULL;
      char *end = NULL;

      indexed = short_term_range (search->short_terms[i], &start, &end);
      if (indexed)
        {
          g_hash_table_insert (search->texts, g_strdup_printf (":start%u", i), start);
          g_hash_table_insert (search->texts, g_strdup_printf (":end%u", i), end);
        }
    }

  if (!indexed || short_scan_budget > 0)
    {
      articles = run_search (self, db, search, scan, indexed ? short_scan_budget : 0,
                             &interrupted, error);
      if (articles != NULL || !interrupted)
        return articles;
    }

  g_debug ("Searching kb_short for %u short terms", g_strv_length (search->short_terms));
  if (sqlite3_exec (db, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.kb_short_terms "
                    "USING fts5vocab (main, kb_short, 'instance')",
                    NULL, NULL, NULL) != SQLITE_OK)
    {
      rexian_store_set_sqlite_error (self, db, sqlite3_errcode (db), error);
      return NULL;
    }

  lookup = g_string_new (REXIAN_STORE_ARTICLE_COLUMNS "FROM kb_articles a "
                         REXIAN_STORE_ARTICLE_JOINS "WHERE 1 ");
  for (guint i = 0; search->short_terms[i] != NULL; i++)
    g_string_append_printf (lookup, "AND a.id IN (SELECT doc FROM temp.kb_short_terms "
                            "WHERE term >= :start%u AND term < :end%u) ", i, i);
  g_string_append_printf (lookup, "%s ORDER BY a.id DESC LIMIT :limit", search->where->str);

  return run_search (self, db, search, lookup->str, 0, NULL, error);
}

GPtrArray *
_rexian_store_db_search (RexianStore                 *self,
                         sqlite3                     *db,
                         const char                  *text,
                         gint64                       category_id,
                         gint64                       department_id,
                         RexianKnowledgeSearchFlags   flags,
                         guint                        limit,
                         gint64                       now,
                         GError                     **error)
{
  g_auto(GStrv) terms = rexian_text_split_terms (text);
  g_autoptr(GStrvBuilder) short_builder = g_strv_builder_new ();
  g_auto(Search) search = {
    .match = g_string_new (NULL),
    .title_match = g_string_new (NULL),
    .where = g_string_new (NULL),
    .texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    .category_id = category_id,
    .department_id = department_id,
    .now = now_or_real (now),
    .days = _rexian_store_db_get_review_days (db),
    .limit = limit > 0 ? limit : REXIAN_STORE_KNOWLEDGE_DEFAULT_LIMIT,
  };
  GPtrArray *articles;

  for (guint i = 0; terms[i] != NULL; i++)
    {
      if (g_utf8_strlen (terms[i], -1) >= MIN_INDEXED_CHARS)
        {
          append_fts_phrase (search.match, NULL, terms[i]);
          append_fts_phrase (search.title_match, "title", terms[i]);
        }
      else
        g_strv_builder_add (short_builder, terms[i]);
    }
  search.short_terms = g_strv_builder_end (short_builder);
  g_hash_table_insert (search.texts, g_strdup (":match"), g_strdup (search.match->str));
  g_hash_table_insert (search.texts, g_strdup (":title_match"),
                       g_strdup (search.title_match->str));

  if (category_id != 0)
    g_string_append (search.where, "AND a.category_id = :category ");
  if (department_id != 0)
    g_string_append (search.where, "AND a.department_id = :department ");
  if (flags & REXIAN_KNOWLEDGE_SEARCH_STALE_ONLY)
    g_string_append (search.where,
                     "AND (a.effective_from > :now "
                     "OR (a.expires_at > 0 AND a.expires_at <= :now) "
                     "OR (:days > 0 AND CASE WHEN a.reviewed_at > 0 THEN a.reviewed_at "
                     "ELSE a.created_at END <= :now - :days * 86400)) ");

  /* Short terms are checked on each row.  A term with Latin letters needs LIKE for its
   * case folding; any other is found exactly with instr(), which is several times faster
   * than LIKE on Chinese text. */
  for (guint i = 0; search.short_terms[i] != NULL; i++)
    {
      const char *term = search.short_terms[i];
      gboolean latin = has_ascii_letter (term);

      if (latin)
        g_string_append_printf (search.where, "AND (a.title LIKE :term%u ESCAPE '\\' "
                                "OR a.body LIKE :term%u ESCAPE '\\') ", i, i);
      else
        g_string_append_printf (search.where, "AND (instr (a.title, :term%u) > 0 "
                                "OR instr (a.body, :term%u) > 0) ", i, i);
      g_hash_table_insert (search.texts, g_strdup_printf (":term%u", i),
                           latin ? _rexian_store_like_pattern (term) : g_strdup (term));
    }

  if (search.match->len > 0)
    {
      articles = search_indexed (self, db, &search, error);
    }
  else if (search.short_terms[0] != NULL)
    {
      articles = search_short (self, db, &search, error);
      if (articles != NULL)
        put_title_matches_first (articles, search.short_terms);
    }
  else
    {
      /* Without an index on updated_at this would read every row: newest first then. */
      g_autofree char *recent =
        g_strdup_printf (REXIAN_STORE_ARTICLE_COLUMNS "FROM kb_articles a "
                         REXIAN_STORE_ARTICLE_JOINS "WHERE 1 %s ORDER BY %s LIMIT :limit",
                         search.where->str,
                         has_schema_object (db, "kb_articles_updated")
                         ? "a.updated_at DESC, a.id DESC" : "a.id DESC");

      articles = run_search (self, db, &search, recent, 0, NULL, error);
    }

  for (guint i = 0; articles != NULL && i < articles->len; i++)
    set_snippet (g_ptr_array_index (articles, i), text);

  return articles;
}

GPtrArray *
rexian_store_search_articles (RexianStore                 *self,
                              const char                  *text,
                              gint64                       category_id,
                              gint64                       department_id,
                              RexianKnowledgeSearchFlags   flags,
                              guint                        limit,
                              gint64                       now,
                              GError                     **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _rexian_store_db_search (self, rexian_store_get_db (self), text, category_id,
                                  department_id, flags, limit, now, error);
}

static int
compare_stale (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const RexianArticle *aa = *(RexianArticle **) a;
  const RexianArticle *ab = *(RexianArticle **) b;
  const gint64 *context = user_data;
  RexianArticleStaleness sa = rexian_article_get_staleness (aa, context[0], context[1]);
  RexianArticleStaleness sb = rexian_article_get_staleness (ab, context[0], context[1]);
  gint64 ra = aa->reviewed_at > 0 ? aa->reviewed_at : aa->created_at;
  gint64 rb = ab->reviewed_at > 0 ? ab->reviewed_at : ab->created_at;

  /* Expired first: an agent must not answer from those. */
  if ((sa == REXIAN_ARTICLE_EXPIRED) != (sb == REXIAN_ARTICLE_EXPIRED))
    return sa == REXIAN_ARTICLE_EXPIRED ? -1 : 1;
  if (ra != rb)
    return ra < rb ? -1 : 1;
  return aa->id < ab->id ? -1 : aa->id > ab->id;
}

GPtrArray *
rexian_store_list_stale_articles (RexianStore  *self,
                                  gint64        now,
                                  GError      **error)
{
  GPtrArray *articles;
  gint64 context[2];

  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);

  now = now_or_real (now);
  articles = _rexian_store_db_search (self, rexian_store_get_db (self), NULL, 0, 0,
                                      REXIAN_KNOWLEDGE_SEARCH_STALE_ONLY, G_MAXINT, now,
                                      error);
  if (articles == NULL)
    return NULL;

  context[0] = now;
  context[1] = rexian_store_get_knowledge_review_days (self);
  g_ptr_array_sort_with_data (articles, compare_stale, context);

  return articles;
}
