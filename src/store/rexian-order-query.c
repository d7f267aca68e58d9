/* rexian-order-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rexian-store-private.h"

G_DEFINE_BOXED_TYPE (RexianOrderQuery, rexian_order_query,
                     rexian_order_query_copy, rexian_order_query_free)

RexianOrderQuery *
rexian_order_query_new (void)
{
  RexianOrderQuery *query = g_new0 (RexianOrderQuery, 1);

  query->state = -1;
  query->color = REXIAN_DEADLINE_NONE;

  return query;
}

RexianOrderQuery *
rexian_order_query_copy (const RexianOrderQuery *query)
{
  RexianOrderQuery *copy;

  g_return_val_if_fail (query != NULL, NULL);

  copy = g_memdup2 (query, sizeof *query);
  copy->text = g_strdup (query->text);

  return copy;
}

void
rexian_order_query_free (RexianOrderQuery *query)
{
  if (query == NULL)
    return;

  g_free (query->text);
  g_free (query);
}

static const char *
nonempty (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : NULL;
}

gboolean
rexian_order_query_equal (const RexianOrderQuery *a,
                          const RexianOrderQuery *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return a->state == b->state &&
         g_strcmp0 (nonempty (a->text), nonempty (b->text)) == 0 &&
         a->category_id == b->category_id &&
         a->department_id == b->department_id &&
         a->color == b->color &&
         a->alerts_only == b->alerts_only &&
         a->supervised_only == b->supervised_only;
}

/* Building the WHERE clause.  Values never enter the SQL text: every condition refers
 * to numbered parameters that are bound afterwards. */

typedef struct
{
  gboolean  is_text;
  gint64    number;
  char     *text;
} Param;

static void
param_clear (gpointer data)
{
  Param *param = data;

  g_clear_pointer (&param->text, g_free);
}

typedef struct
{
  GString *sql;
  GArray  *params;
  guint    n_conditions;
} Where;

static void
where_begin_condition (Where *where)
{
  g_string_append (where->sql, where->n_conditions == 0 ? " WHERE " : " AND ");
  where->n_conditions++;
}

/* Adds a parameter and returns its number for "?N". */
static guint
where_add_text (Where      *where,
                const char *text)
{
  Param param = { TRUE, 0, g_strdup (text) };

  g_array_append_val (where->params, param);
  return where->params->len;
}

static guint
where_add_int (Where  *where,
               gint64  number)
{
  Param param = { FALSE, number, NULL };

  g_array_append_val (where->params, param);
  return where->params->len;
}

static gboolean
is_ascii_digits (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return text[0] != '\0';
}

/* A token as one FTS5 phrase: in double quotes, with quotes inside doubled, so nothing
 * the user types is read as query syntax. */
static void
append_fts_phrase (GString    *match,
                   const char *token)
{
  g_string_append_c (match, '"');
  for (const char *p = token; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (match, '"');
      g_string_append_c (match, *p);
    }
  g_string_append_c (match, '"');
}

static char *
like_pattern (const char *token)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = token; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

static const char *const like_columns[] = {
  "o.number", "o.caller_name", "o.caller_phone", "o.caller_address", "o.summary",
  "o.request", "o.event_course", "o.handling_result",
};

static void
add_text_conditions (Where      *where,
                     const char *text)
{
  g_autoptr(GString) normalized = g_string_new (text);
  g_autoptr(GString) match = g_string_new (NULL);
  g_auto(GStrv) tokens = NULL;

  /* The ideographic space separates words as well as the ASCII one. */
  g_string_replace (normalized, "\u3000", " ", 0);
  tokens = g_strsplit_set (normalized->str, " \t\r\n", -1);

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *token = tokens[i];
      glong length;

      if (token[0] == '\0')
        continue;

      length = g_utf8_strlen (token, -1);

      if (length >= 3)
        {
          /* Trigram needs 3 characters; then the index finds any substring.  Digits
           * only are an order number or a phone number, so search just those. */
          if (match->len > 0)
            g_string_append (match, " AND ");
          if (is_ascii_digits (token))
            g_string_append (match, "{number caller_phone} : ");
          append_fts_phrase (match, token);
        }
      else if (is_ascii_digits (token))
        {
          guint n = where_add_text (where, token);

          where_begin_condition (where);
          g_string_append_printf (where->sql,
                                  "(instr (o.number, ?%u) > 0 OR instr (o.caller_phone, ?%u) > 0)",
                                  n, n);
        }
      else
        {
          g_autofree char *pattern = like_pattern (token);
          guint n = where_add_text (where, pattern);

          /* One or two characters: too short for trigram, so LIKE on the table itself
           * (LIKE on the FTS table misses two-character Chinese words). */
          where_begin_condition (where);
          g_string_append_c (where->sql, '(');
          for (guint c = 0; c < G_N_ELEMENTS (like_columns); c++)
            g_string_append_printf (where->sql, "%s%s LIKE ?%u ESCAPE '\\'",
                                    c > 0 ? " OR " : "", like_columns[c], n);
          g_string_append_c (where->sql, ')');
        }
    }

  if (match->len > 0)
    {
      guint n = where_add_text (where, match->str);

      where_begin_condition (where);
      g_string_append_printf (where->sql,
                              "o.id IN (SELECT rowid FROM order_search "
                              "WHERE order_search MATCH ?%u)",
                              n);
    }
}

static gboolean
build_where (RexianStore            *self,
             const RexianOrderQuery *query,
             gint64                  now,
             Where                  *where,
             GError                **error)
{
  if (query == NULL)
    return TRUE;

  if (query->state >= 0 && query->state < REXIAN_N_STATES)
    {
      guint n = where_add_text (where, rexian_state_to_string (query->state));

      where_begin_condition (where);
      g_string_append_printf (where->sql, "o.state = ?%u", n);
    }

  if (query->category_id != 0)
    {
      guint n = where_add_int (where, query->category_id);

      where_begin_condition (where);
      g_string_append_printf (where->sql, "o.category_id = ?%u", n);
    }

  if (query->department_id != 0)
    {
      guint n = where_add_int (where, query->department_id);

      where_begin_condition (where);
      g_string_append_printf (where->sql,
                              "o.id IN (SELECT order_id FROM order_departments "
                              "WHERE department_id = ?%u)",
                              n);
    }

  if (query->supervised_only)
    {
      where_begin_condition (where);
      g_string_append (where->sql, "o.supervised = 1");
    }

  if (query->color != REXIAN_DEADLINE_NONE || query->alerts_only)
    {
      g_autoptr(RexianCalendar) calendar = rexian_store_dup_calendar (self);
      RexianDeadlineRules rules;
      gint64 red_before;
      gint64 yellow_before;

      if (calendar == NULL)
        {
          g_set_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_FAILED,
                       _("Deadline colours cannot be worked out: no working-day calendar "
                         "is loaded."));
          return FALSE;
        }

      rexian_store_db_read_rules (rexian_store_get_db (self), &rules);
      if (!rexian_deadline_get_cutoffs (calendar, &rules, now, &red_before, &yellow_before,
                                        error))
        return FALSE;

      /* Orders without a running deadline have due_at at the largest integer, so none
       * of these ranges takes them in. */
      if (query->alerts_only)
        {
          guint n = where_add_int (where, yellow_before);

          where_begin_condition (where);
          g_string_append_printf (where->sql, "o.due_at < ?%u", n);
        }

      if (query->color == REXIAN_DEADLINE_RED)
        {
          guint n = where_add_int (where, red_before);

          where_begin_condition (where);
          g_string_append_printf (where->sql, "o.due_at < ?%u", n);
        }
      else if (query->color == REXIAN_DEADLINE_YELLOW)
        {
          guint from = where_add_int (where, red_before);
          guint to = where_add_int (where, yellow_before);

          where_begin_condition (where);
          g_string_append_printf (where->sql, "o.due_at >= ?%u AND o.due_at < ?%u", from, to);
        }
      else if (query->color == REXIAN_DEADLINE_GREEN)
        {
          guint from = where_add_int (where, yellow_before);
          guint to = where_add_int (where, REXIAN_STORE_NO_DUE);

          where_begin_condition (where);
          g_string_append_printf (where->sql, "o.due_at >= ?%u AND o.due_at < ?%u", from, to);
        }
    }

  if (nonempty (query->text) != NULL)
    add_text_conditions (where, query->text);

  return TRUE;
}

/* The query's statement: @head, the filters as a WHERE clause, optionally limited to the
 * orders in @only_ids, then @tail.  Every value is a bound parameter. */
static sqlite3_stmt *
prepare_query_for_ids (RexianStore            *self,
                       const char             *head,
                       const RexianOrderQuery *query,
                       gint64                  now,
                       const gint64           *only_ids,
                       guint                   n_only_ids,
                       const char             *tail,
                       GError                **error)
{
  g_autoptr(GArray) params = g_array_new (FALSE, TRUE, sizeof (Param));
  Where where = { g_string_new (head), params, 0 };
  g_autoptr(GString) sql = where.sql;
  sqlite3_stmt *stmt;

  g_array_set_clear_func (params, param_clear);

  if (!build_where (self, query, now, &where, error))
    return NULL;

  if (only_ids != NULL && n_only_ids > 0)
    {
      where_begin_condition (&where);
      g_string_append (sql, "o.id IN (");
      for (guint i = 0; i < n_only_ids; i++)
        g_string_append_printf (sql, "%s?%u", i == 0 ? "" : ",",
                                where_add_int (&where, only_ids[i]));
      g_string_append_c (sql, ')');
    }

  if (tail != NULL)
    g_string_append (sql, tail);

  stmt = rexian_store_prepare (self, rexian_store_get_db (self), sql->str, error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < params->len; i++)
    {
      Param *param = &g_array_index (params, Param, i);

      if (param->is_text)
        rexian_store_bind_text (stmt, i + 1, param->text);
      else
        sqlite3_bind_int64 (stmt, i + 1, param->number);
    }

  return stmt;
}

static sqlite3_stmt *
prepare_query (RexianStore            *self,
               const char             *head,
               const RexianOrderQuery *query,
               gint64                  now,
               const char             *tail,
               GError                **error)
{
  return prepare_query_for_ids (self, head, query, now, NULL, 0, tail, error);
}

guint
rexian_store_count_orders (RexianStore            *self,
                           const RexianOrderQuery *query,
                           gint64                  now,
                           GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REXIAN_IS_STORE (self), 0);

  stmt = prepare_query (self, "SELECT count(*) FROM work_orders o", query, now, NULL, error);
  if (stmt == NULL)
    return 0;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      rexian_store_set_sqlite_error (self, rexian_store_get_db (self), rc, error);
      return 0;
    }

  return (guint) sqlite3_column_int64 (stmt, 0);
}

GPtrArray *
rexian_store_query_orders (RexianStore            *self,
                           const RexianOrderQuery *query,
                           gint64                  now,
                           guint                   offset,
                           guint                   limit,
                           GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) orders = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);

  /* The ordering matches the board indexes exactly, so a page is read in index order
   * without sorting.  Named parameters keep the limit and offset apart from the
   * filters' numbered ones. */
  stmt = prepare_query (self, rexian_store_order_select, query, now,
                        " ORDER BY o.emergency DESC, o.due_at, o.id DESC "
                        "LIMIT :limit OFFSET :offset",
                        error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":limit"),
                      limit > 0 ? (gint64) limit : -1);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":offset"), offset);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (orders, rexian_store_order_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      rexian_store_set_sqlite_error (self, rexian_store_get_db (self), rc, error);
      return NULL;
    }

  return g_steal_pointer (&orders);
}

gboolean
rexian_store_query_order_keys (RexianStore            *self,
                               const RexianOrderQuery *query,
                               gint64                  now,
                               GArray                 *out_ids,
                               GArray                 *out_versions,
                               GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_ids != NULL && out_versions != NULL, FALSE);

  /* Only the two columns of the board index are read, so even a column of 100,000
   * orders is walked in the index without touching the table's text. */
  stmt = prepare_query (self, "SELECT o.id, o.version FROM work_orders o", query, now,
                        " ORDER BY o.emergency DESC, o.due_at, o.id DESC", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 version = sqlite3_column_int64 (stmt, 1);

      g_array_append_val (out_ids, id);
      g_array_append_val (out_versions, version);
    }

  if (rc != SQLITE_DONE)
    {
      rexian_store_set_sqlite_error (self, rexian_store_get_db (self), rc, error);
      return FALSE;
    }

  return TRUE;
}

GPtrArray *
_rexian_store_db_get_orders_by_ids (RexianStore   *self,
                                    sqlite3       *db,
                                    const gint64  *ids,
                                    guint          n_ids,
                                    GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GString) sql = NULL;
  GPtrArray *orders;
  int rc;

  orders = g_ptr_array_new_full (n_ids, g_object_unref);
  if (n_ids == 0)
    return orders;

  sql = g_string_new (rexian_store_order_select);
  g_string_append (sql, "WHERE o.id IN (");
  for (guint i = 0; i < n_ids; i++)
    g_string_append (sql, i == 0 ? "?" : ",?");
  g_string_append_c (sql, ')');

  stmt = rexian_store_prepare (self, db, sql->str, error);
  if (stmt == NULL)
    {
      g_ptr_array_unref (orders);
      return NULL;
    }

  for (guint i = 0; i < n_ids; i++)
    sqlite3_bind_int64 (stmt, i + 1, ids[i]);

  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RexianWorkOrder *order = rexian_store_order_from_row (stmt);
      gint64 id = rexian_work_order_get_id (order);

      g_hash_table_replace (by_id, g_memdup2 (&id, sizeof id), order);
    }

  if (rc != SQLITE_DONE)
    {
      rexian_store_set_sqlite_error (self, db, rc, error);
      g_ptr_array_unref (orders);
      return NULL;
    }

  for (guint i = 0; i < n_ids; i++)
    {
      RexianWorkOrder *order = g_hash_table_lookup (by_id, &ids[i]);

      g_ptr_array_add (orders, order != NULL ? g_object_ref (order) : rexian_work_order_new ());
    }

  return orders;
}

GPtrArray *
rexian_store_get_orders_by_ids (RexianStore   *self,
                                const gint64  *ids,
                                guint          n_ids,
                                GError       **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);

  return _rexian_store_db_get_orders_by_ids (self, rexian_store_get_db (self), ids, n_ids, error);
}

gint64
rexian_store_get_last_event_id (RexianStore  *self,
                                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REXIAN_IS_STORE (self), 0);

  stmt = rexian_store_prepare (self, rexian_store_get_db (self),
                               "SELECT coalesce(max(id), 0) FROM order_events", error);
  if (stmt == NULL)
    return 0;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      rexian_store_set_sqlite_error (self, rexian_store_get_db (self), rc, error);
      return 0;
    }

  return sqlite3_column_int64 (stmt, 0);
}

gboolean
rexian_store_changed_orders_since (RexianStore  *self,
                                   gint64       *inout_last_event_id,
                                   GArray       *out_order_ids,
                                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 last;
  int rc;

  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);
  g_return_val_if_fail (inout_last_event_id != NULL && out_order_ids != NULL, FALSE);

  last = *inout_last_event_id;
  stmt = rexian_store_prepare (self, rexian_store_get_db (self),
                               "SELECT order_id, max(id) FROM order_events WHERE id > ?1 "
                               "GROUP BY order_id",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, *inout_last_event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 order_id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (out_order_ids, order_id);
      last = MAX (last, sqlite3_column_int64 (stmt, 1));
    }

  if (rc != SQLITE_DONE)
    {
      rexian_store_set_sqlite_error (self, rexian_store_get_db (self), rc, error);
      return FALSE;
    }

  *inout_last_event_id = last;
  return TRUE;
}

gboolean
rexian_store_any_matches (RexianStore            *self,
                          const RexianOrderQuery *query,
                          gint64                  now,
                          const gint64           *ids,
                          guint                   n_ids,
                          GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);

  if (n_ids == 0)
    return FALSE;

  stmt = prepare_query_for_ids (self, "SELECT 1 FROM work_orders o", query, now,
                                ids, n_ids, " LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      rexian_store_set_sqlite_error (self, rexian_store_get_db (self), rc, error);
      return FALSE;
    }

  return rc == SQLITE_ROW;
}
