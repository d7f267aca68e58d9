/* rexian-store-knowledge-io.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "rexian-store-knowledge-private.h"

/* Import and export of the knowledge base as CSV (RFC 4180) and JSON.  Both formats are
 * read into the same records (a column key to a value, with where the record was in the
 * file), checked and written in one transaction, so the first bad row leaves the
 * database as it was. */

static const char utf8_bom[] = "\xEF\xBB\xBF";

static const char *const article_columns[] = {
  "title", "body", "category", "department", "source_document", "document_number",
  "effective_from", "expires_at", "reviewed_at", NULL,
};

static const char *const point_columns[] = {
  "name", "kind", "address", "hours", "phone", "department", "note", NULL,
};

typedef struct
{
  guint       where;    /* the CSV line the record starts on, or the JSON item from 1 */
  GHashTable *fields;   /* column key -> value (NULL: none) */
} Record;

static void
record_free (gpointer data)
{
  Record *record = data;

  g_hash_table_unref (record->fields);
  g_free (record);
}

static Record *
record_new (guint where)
{
  Record *record = g_new0 (Record, 1);

  record->where = where;
  record->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return record;
}

/* Every import error ends the same way, so that the user knows the file was not half
 * taken in. */
static void
set_row_error (GError              **error,
               RexianKnowledgeFormat format,
               guint                 where,
               const char           *problem)
{
  if (format == REXIAN_KNOWLEDGE_FORMAT_CSV)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("Line %u: %s. Nothing was imported."), where, problem);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("Item %u: %s. Nothing was imported."), where, problem);
}

static gboolean
is_known_column (const char *const *columns,
                 const char        *key)
{
  return g_strv_contains (columns, key);
}

/* CSV */

/* Splits RFC 4180 text into records of fields; @lines gets the line each record starts
 * on.  Quoted fields may hold commas, line breaks and doubled quotes. */
static GPtrArray *
parse_csv (const char  *text,
           gsize        len,
           GArray      *lines,
           GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;
  const char *end = text + len;
  guint line = 1;
  guint record_line = 1;
  gboolean quoted = FALSE;
  gboolean was_quoted = FALSE;

  while (p <= end)
    {
      gboolean at_end = p == end;
      char c = at_end ? '\0' : *p;

      if (quoted)
        {
          if (at_end)
            {
              g_autofree char *problem =
                g_strdup_printf (_("a quoted field that starts on line %u is not closed"),
                                 record_line);

              set_row_error (error, REXIAN_KNOWLEDGE_FORMAT_CSV, line, problem);
              return NULL;
            }

          if (c == '"' && p + 1 < end && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p += 2;
              continue;
            }

          if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\n')
                line++;
              g_string_append_c (field, c);
            }
          p++;
          continue;
        }

      if (c == '"' && field->len == 0 && !was_quoted)
        {
          quoted = was_quoted = TRUE;
          p++;
          continue;
        }

      if (c == '"' || (was_quoted && c != ',' && c != '\r' && c != '\n' && !at_end))
        {
          set_row_error (error, REXIAN_KNOWLEDGE_FORMAT_CSV, line,
                         _("a quote in the middle of a field (put the whole field in "
                           "quotes and double the quote)"));
          return NULL;
        }

      if (c == ',')
        {
          g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          was_quoted = FALSE;
          p++;
          continue;
        }

      if (c == '\r' || c == '\n' || at_end)
        {
          /* A line with nothing on it (a trailing line break, a blank line) is no record. */
          if (fields->len > 0 || field->len > 0 || was_quoted)
            {
              g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
              field = g_string_new (NULL);
              g_ptr_array_add (fields, NULL);
              g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
              g_array_append_val (lines, record_line);
            }

          was_quoted = FALSE;
          if (c == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          if (!at_end)
            line++;
          record_line = line;
          p++;
          continue;
        }

      g_string_append_c (field, c);
      p++;
    }

  return g_steal_pointer (&rows);
}

static GPtrArray *
read_csv (const char         *text,
          gsize               len,
          const char *const  *columns,
          const char         *required,
          GError            **error)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (record_free);
  char **header;
  guint n_columns;

  if (len >= 3 && memcmp (text, utf8_bom, 3) == 0)
    {
      text += 3;
      len -= 3;
    }

  rows = parse_csv (text, len, lines, error);
  if (rows == NULL)
    return NULL;

  if (rows->len == 0)
    {
      set_row_error (error, REXIAN_KNOWLEDGE_FORMAT_CSV, 1,
                     _("the file is empty; the first line must name the columns"));
      return NULL;
    }

  header = g_ptr_array_index (rows, 0);
  n_columns = g_strv_length (header);

  for (guint i = 0; i < n_columns; i++)
    {
      g_strstrip (header[i]);
      if (!is_known_column (columns, header[i]))
        {
          g_autofree char *known = g_strjoinv (", ", (char **) columns);
          g_autofree char *problem =
            g_strdup_printf (_("unknown column “%s” (the columns are: %s)"), header[i],
                             known);

          set_row_error (error, REXIAN_KNOWLEDGE_FORMAT_CSV, 1, problem);
          return NULL;
        }
    }

  if (!g_strv_contains ((const char *const *) header, required))
    {
      g_autofree char *problem = g_strdup_printf (_("there is no “%s” column"), required);

      set_row_error (error, REXIAN_KNOWLEDGE_FORMAT_CSV, 1, problem);
      return NULL;
    }

  for (guint r = 1; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);
      guint line = g_array_index (lines, guint, r);
      Record *record;

      if (g_strv_length (row) != n_columns)
        {
          g_autofree char *problem =
            g_strdup_printf (_("%u fields where the first line names %u columns"),
                             g_strv_length (row), n_columns);

          set_row_error (error, REXIAN_KNOWLEDGE_FORMAT_CSV, line, problem);
          return NULL;
        }

      record = record_new (line);
      for (guint i = 0; i < n_columns; i++)
        g_hash_table_replace (record->fields, g_strdup (header[i]),
                              row[i][0] != '\0' ? g_strdup (row[i]) : NULL);
      g_ptr_array_add (records, record);
    }

  return g_steal_pointer (&records);
}

static void
append_csv_field (GString    *out,
                  const char *value)
{
  if (value == NULL)
    value = "";

  if (strpbrk (value, ",\"\r\n") == NULL && !g_ascii_isspace (value[0]))
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* JSON */

static GPtrArray *
read_json (const char         *text,
           gsize               len,
           const char *const  *columns,
           GError            **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (record_free);
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonArray *array;

  if (!json_parser_load_from_data (parser, text, (gssize) len, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("This is not a JSON file: %s. Nothing was imported."),
                   local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The JSON file must hold an array of objects. Nothing was "
                             "imported."));
      return NULL;
    }

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GList) members = NULL;
      JsonObject *object;
      Record *record;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          set_row_error (error, REXIAN_KNOWLEDGE_FORMAT_JSON, i + 1, _("it is not an object"));
          return NULL;
        }

      object = json_node_get_object (node);
      members = json_object_get_members (object);
      record = record_new (i + 1);
      g_ptr_array_add (records, record);

      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *key = l->data;
          JsonNode *value = json_object_get_member (object, key);
          g_autofree char *problem = NULL;

          if (!is_known_column (columns, key))
            {
              g_autofree char *known = g_strjoinv (", ", (char **) columns);

              problem = g_strdup_printf (_("unknown key “%s” (the keys are: %s)"), key, known);
            }
          else if (JSON_NODE_HOLDS_NULL (value))
            {
              g_hash_table_replace (record->fields, g_strdup (key), NULL);
            }
          else if (JSON_NODE_HOLDS_VALUE (value) &&
                   json_node_get_value_type (value) == G_TYPE_STRING)
            {
              const char *string = json_node_get_string (value);

              g_hash_table_replace (record->fields, g_strdup (key),
                                    string[0] != '\0' ? g_strdup (string) : NULL);
            }
          else
            {
              problem = g_strdup_printf (_("“%s” must be a string or null"), key);
            }

          if (problem != NULL)
            {
              set_row_error (error, REXIAN_KNOWLEDGE_FORMAT_JSON, i + 1, problem);
              return NULL;
            }
        }
    }

  return g_steal_pointer (&records);
}

static GPtrArray *
read_records (RexianKnowledgeFormat   format,
              GBytes                 *data,
              const char *const      *columns,
              GError                **error)
{
  gsize len;
  const char *text = g_bytes_get_data (data, &len);

  if (text == NULL)
    text = "";

  if (!g_utf8_validate (text, (gssize) len, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The file is not UTF-8 text; save it as UTF-8 and import it "
                             "again. Nothing was imported."));
      return NULL;
    }

  if (format == REXIAN_KNOWLEDGE_FORMAT_CSV)
    return read_csv (text, len, columns, columns[0], error);

  return read_json (text, len, columns, error);
}

/* Dates: ISO 8601 calendar dates in local time. */

static gboolean
parse_date (const char *text,
            gint64     *out_time)
{
  g_autoptr(GDateTime) time = NULL;
  guint year, month, day;
  char trailing;

  if (text == NULL)
    {
      *out_time = 0;
      return TRUE;
    }

  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &trailing) == 3 &&
      strlen (text) == 10 && g_date_valid_dmy (day, month, year))
    {
      time = g_date_time_new_local (year, month, day, 0, 0, 0);
    }
  else
    {
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();

      /* A full date and time is taken as it is. */
      time = g_date_time_new_from_iso8601 (text, local);
    }

  if (time == NULL)
    return FALSE;

  *out_time = g_date_time_to_unix (time);
  return TRUE;
}

static char *
format_date (gint64 time)
{
  g_autoptr(GDateTime) date = NULL;

  if (time <= 0)
    return NULL;

  date = g_date_time_new_from_unix_local (time);
  return date != NULL ? g_date_time_format (date, "%Y-%m-%d") : NULL;
}

/* Writing the records */

/* Looks up a category or department by name; 0 for none (an empty name). */
static gboolean
lookup_name (RexianStore  *self,
             sqlite3      *db,
             const char   *table,
             const char   *name,
             gint64       *out_id,
             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  *out_id = 0;
  if (name == NULL)
    return TRUE;

  stmt = rexian_store_prepare (self, db,
                               g_str_equal (table, "categories")
                               ? "SELECT id FROM categories WHERE name = ?1"
                               : "SELECT id FROM departments WHERE name = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;

  rexian_store_bind_text (stmt, 1, name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      rexian_store_set_sqlite_error (self, db, rc, error);
      return FALSE;
    }

  return TRUE;
}

static gint64
find_existing (RexianStore  *self,
               sqlite3      *db,
               const char   *sql,
               const char   *key,
               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = rexian_store_prepare (self, db, sql, error);

  if (stmt == NULL)
    return -1;

  rexian_store_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);

  return 0;
}

/* A problem with one record as a phrase for set_row_error(), or NULL when it is fine. */
static char *
resolve_reference (RexianStore  *self,
                   sqlite3      *db,
                   const char   *table,
                   Record       *record,
                   const char   *key,
                   gint64       *out_id,
                   GError      **error)
{
  const char *name = g_hash_table_lookup (record->fields, key);

  if (!lookup_name (self, db, table, name, out_id, error))
    return NULL;

  if (name != NULL && *out_id == 0)
    return g_str_equal (table, "categories")
      ? g_strdup_printf (_("there is no category named “%s”"), name)
      : g_strdup_printf (_("there is no department named “%s”"), name);

  return NULL;
}

static char *
record_to_article (RexianStore   *self,
                   sqlite3       *db,
                   Record        *record,
                   RexianArticle *article,
                   GError       **error)
{
  static const char *const date_keys[] = { "effective_from", "expires_at", "reviewed_at" };
  gint64 *dates[] = { &article->effective_from, &article->expires_at, &article->reviewed_at };
  char *problem;

  article->title = g_strdup (g_hash_table_lookup (record->fields, "title"));
  if (article->title == NULL || g_strstrip (article->title)[0] == '\0')
    return g_strdup (_("the title is empty"));

  article->body = g_strdup (g_hash_table_lookup (record->fields, "body"));
  article->source_document = g_strdup (g_hash_table_lookup (record->fields,
                                                            "source_document"));
  article->document_number = g_strdup (g_hash_table_lookup (record->fields,
                                                            "document_number"));

  for (guint i = 0; i < G_N_ELEMENTS (date_keys); i++)
    {
      const char *value = g_hash_table_lookup (record->fields, date_keys[i]);

      if (!parse_date (value, dates[i]))
        return g_strdup_printf (_("%s “%s” is not a date (write it as YYYY-MM-DD)"),
                                date_keys[i], value);
    }

  problem = resolve_reference (self, db, "categories", record, "category",
                               &article->category_id, error);
  if (problem == NULL && (error == NULL || *error == NULL))
    problem = resolve_reference (self, db, "departments", record, "department",
                                 &article->department_id, error);

  return problem;
}

static char *
record_to_point (RexianStore        *self,
                 sqlite3            *db,
                 Record             *record,
                 RexianServicePoint *point,
                 GError            **error)
{
  const char *kind = g_hash_table_lookup (record->fields, "kind");

  point->name = g_strdup (g_hash_table_lookup (record->fields, "name"));
  if (point->name == NULL || g_strstrip (point->name)[0] == '\0')
    return g_strdup (_("the name is empty"));

  if (kind == NULL)
    point->kind = REXIAN_SERVICE_POINT_POINT;
  else if (!rexian_service_point_kind_from_string (kind, &point->kind))
    return g_strdup_printf (_("kind “%s” is neither “hall” nor “point”"), kind);

  point->address = g_strdup (g_hash_table_lookup (record->fields, "address"));
  point->hours = g_strdup (g_hash_table_lookup (record->fields, "hours"));
  point->phone = g_strdup (g_hash_table_lookup (record->fields, "phone"));
  point->note = g_strdup (g_hash_table_lookup (record->fields, "note"));

  return resolve_reference (self, db, "departments", record, "department",
                            &point->department_id, error);
}

/* Writes one record inside the transaction; FALSE with @error set otherwise. */
static gboolean
import_record (RexianStore            *self,
               sqlite3                *db,
               RexianKnowledgeFormat   format,
               gboolean                articles,
               Record                 *record,
               gint64                  now,
               GError                **error)
{
  g_autofree char *problem = NULL;
  gint64 id;

  if (articles)
    {
      g_autoptr(RexianArticle) article = rexian_article_new ();

      problem = record_to_article (self, db, record, article, error);
      if (problem == NULL && error != NULL && *error != NULL)
        return FALSE;
      if (problem == NULL)
        {
          id = find_existing (self, db,
                              "SELECT id FROM kb_articles WHERE title = ?1 ORDER BY id "
                              "LIMIT 1", article->title, error);
          if (id < 0)
            return FALSE;
          if (_rexian_store_db_write_article (self, db, article, id, now, error) == 0)
            return FALSE;
        }
    }
  else
    {
      g_autoptr(RexianServicePoint) point = rexian_service_point_new ();

      problem = record_to_point (self, db, record, point, error);
      if (problem == NULL && error != NULL && *error != NULL)
        return FALSE;
      if (problem == NULL)
        {
          id = find_existing (self, db,
                              "SELECT id FROM service_points WHERE name = ?1 ORDER BY id "
                              "LIMIT 1", point->name, error);
          if (id < 0)
            return FALSE;
          point->id = id;
          if (_rexian_store_db_write_service_point (self, db, point, error) == 0)
            return FALSE;
        }
    }

  if (problem != NULL)
    {
      set_row_error (error, format, record->where, problem);
      return FALSE;
    }

  return TRUE;
}

static gboolean
db_import (RexianStore            *self,
           sqlite3                *db,
           RexianKnowledgeFormat   format,
           gboolean                articles,
           GBytes                 *data,
           gint64                  now,
           guint                  *out_count,
           GError                **error)
{
  g_autoptr(GPtrArray) records = NULL;

  records = read_records (format, data, articles ? article_columns : point_columns, error);
  if (records == NULL)
    return FALSE;

  if (!rexian_store_begin (self, db, error))
    return FALSE;

  for (guint i = 0; i < records->len; i++)
    {
      if (!import_record (self, db, format, articles, g_ptr_array_index (records, i), now,
                          error))
        {
          rexian_store_rollback (db);
          return FALSE;
        }
    }

  if (!rexian_store_commit (self, db, error))
    return FALSE;

  if (out_count != NULL)
    *out_count = records->len;

  rexian_store_emit_changed (self);
  return TRUE;
}

gboolean
_rexian_store_db_import_articles (RexianStore            *self,
                                  sqlite3                *db,
                                  RexianKnowledgeFormat   format,
                                  GBytes                 *data,
                                  gint64                  now,
                                  guint                  *out_count,
                                  GError                **error)
{
  if (now == 0)
    now = g_get_real_time () / G_USEC_PER_SEC;

  return db_import (self, db, format, TRUE, data, now, out_count, error);
}

gboolean
rexian_store_import_articles (RexianStore            *self,
                              RexianKnowledgeFormat   format,
                              GBytes                 *data,
                              gint64                  now,
                              guint                  *out_count,
                              GError                **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  return _rexian_store_db_import_articles (self, rexian_store_get_db (self), format, data,
                                           now, out_count, error);
}

gboolean
rexian_store_import_service_points (RexianStore            *self,
                                    RexianKnowledgeFormat   format,
                                    GBytes                 *data,
                                    guint                  *out_count,
                                    GError                **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  return db_import (self, rexian_store_get_db (self), format, FALSE, data, 0, out_count,
                    error);
}

/* Export: each record as its values in column order (NULL for none). */

static GStrv
article_values (const RexianArticle *article)
{
  GStrv values = g_new0 (char *, G_N_ELEMENTS (article_columns));

  values[0] = g_strdup (article->title);
  values[1] = g_strdup (article->body);
  values[2] = g_strdup (article->category_name);
  values[3] = g_strdup (article->department_name);
  values[4] = g_strdup (article->source_document);
  values[5] = g_strdup (article->document_number);
  values[6] = format_date (article->effective_from);
  values[7] = format_date (article->expires_at);
  values[8] = format_date (article->reviewed_at);

  return values;
}

static GStrv
point_values (const RexianServicePoint *point)
{
  GStrv values = g_new0 (char *, G_N_ELEMENTS (point_columns));

  values[0] = g_strdup (point->name);
  values[1] = g_strdup (rexian_service_point_kind_to_string (point->kind));
  values[2] = g_strdup (point->address);
  values[3] = g_strdup (point->hours);
  values[4] = g_strdup (point->phone);
  values[5] = g_strdup (point->department_name);
  values[6] = g_strdup (point->note);

  return values;
}

/* @rows: a GPtrArray of value arrays, each as long as @columns. */
static GBytes *
write_records (RexianKnowledgeFormat  format,
               const char *const     *columns,
               GPtrArray             *rows)
{
  guint n_columns = g_strv_length ((char **) columns);

  if (format == REXIAN_KNOWLEDGE_FORMAT_CSV)
    {
      GString *out = g_string_new (utf8_bom);

      /* CRLF as RFC 4180 says and Excel expects. */
      for (guint i = 0; i < n_columns; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          g_string_append (out, columns[i]);
        }
      g_string_append (out, "\r\n");

      for (guint r = 0; r < rows->len; r++)
        {
          char **values = g_ptr_array_index (rows, r);

          for (guint i = 0; i < n_columns; i++)
            {
              if (i > 0)
                g_string_append_c (out, ',');
              append_csv_field (out, values[i]);
            }
          g_string_append (out, "\r\n");
        }

      return g_string_free_to_bytes (out);
    }
  else
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      char *text;
      gsize len;

      json_builder_begin_array (builder);
      for (guint r = 0; r < rows->len; r++)
        {
          char **values = g_ptr_array_index (rows, r);

          json_builder_begin_object (builder);
          for (guint i = 0; i < n_columns; i++)
            {
              json_builder_set_member_name (builder, columns[i]);
              if (values[i] != NULL)
                json_builder_add_string_value (builder, values[i]);
              else
                json_builder_add_null_value (builder);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, &len);

      return g_bytes_new_take (text, len);
    }
}

GBytes *
_rexian_store_db_export_articles (RexianStore            *self,
                                  sqlite3                *db,
                                  RexianKnowledgeFormat   format,
                                  GError                **error)
{
  g_autoptr(GPtrArray) articles = _rexian_store_db_all_articles (self, db, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (articles == NULL)
    return NULL;

  for (guint i = 0; i < articles->len; i++)
    g_ptr_array_add (rows, article_values (g_ptr_array_index (articles, i)));

  return write_records (format, article_columns, rows);
}

GBytes *
rexian_store_export_articles (RexianStore            *self,
                              RexianKnowledgeFormat   format,
                              GError                **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);

  return _rexian_store_db_export_articles (self, rexian_store_get_db (self), format, error);
}

GBytes *
rexian_store_export_service_points (RexianStore            *self,
                                    RexianKnowledgeFormat   format,
                                    GError                **error)
{
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);

  points = _rexian_store_db_list_service_points (self, rexian_store_get_db (self), NULL,
                                                 error);
  if (points == NULL)
    return NULL;

  for (guint i = 0; i < points->len; i++)
    g_ptr_array_add (rows, point_values (g_ptr_array_index (points, i)));

  return write_records (format, point_columns, rows);
}
