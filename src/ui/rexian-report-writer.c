/* rexian-report-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rexian-report-private.h"

static const struct
{
  const char *name;
  const char *mime_type;
} formats[REXIAN_N_REPORT_FORMATS] = {
  [REXIAN_REPORT_FORMAT_CSV]  = { "csv", "text/csv" },
  [REXIAN_REPORT_FORMAT_XLSX] =
    { "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  [REXIAN_REPORT_FORMAT_PDF]  = { "pdf", "application/pdf" },
};

const char *
rexian_report_format_to_string (RexianReportFormat format)
{
  g_return_val_if_fail (format < REXIAN_N_REPORT_FORMATS, NULL);

  return formats[format].name;
}

gboolean
rexian_report_format_from_string (const char         *str,
                                  RexianReportFormat *out)
{
  for (guint i = 0; str != NULL && i < REXIAN_N_REPORT_FORMATS; i++)
    {
      if (g_ascii_strcasecmp (str, formats[i].name) == 0)
        {
          *out = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
rexian_report_format_get_mime_type (RexianReportFormat format)
{
  g_return_val_if_fail (format < REXIAN_N_REPORT_FORMATS, NULL);

  return formats[format].mime_type;
}

void
_rexian_report_set_write_error (GError     **error,
                                const char  *path,
                                int          errsv,
                                const char  *detail)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               /* Translators: %s are the file and what went wrong. */
               _("Cannot write the report to “%s”: %s"), display, detail);
}

/* RFC 4180: a field with a comma, a quote or a line break goes in quotes, its quotes
 * doubled.  Leading and trailing blanks are quoted too, as spreadsheets drop them. */
static void
append_field (GString    *csv,
              const char *text)
{
  gsize len = strlen (text);

  if (strpbrk (text, ",\"\r\n") == NULL &&
      (len == 0 || (!g_ascii_isspace (text[0]) && !g_ascii_isspace (text[len - 1]))))
    {
      g_string_append (csv, text);
      return;
    }

  g_string_append_c (csv, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

/* Numbers are written so that a spreadsheet reads them as numbers in any locale: a point
 * for the decimals, percentages with their sign (Excel keeps them as fractions), and no
 * text around them.  An undefined figure is an empty field. */
static void
append_cell (GString                *csv,
             const RexianReportCell *cell)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  switch (cell->kind)
    {
    case REXIAN_REPORT_CELL_TEXT:
      append_field (csv, cell->text);
      break;
    case REXIAN_REPORT_CELL_COUNT:
      g_string_append_printf (csv, "%" G_GINT64_FORMAT, (gint64) cell->value);
      break;
    case REXIAN_REPORT_CELL_RATIO:
      g_string_append (csv, g_ascii_formatd (buffer, sizeof buffer, "%.2f",
                                             cell->value * 100.0));
      g_string_append_c (csv, '%');
      break;
    case REXIAN_REPORT_CELL_SECONDS:
      g_string_append (csv, g_ascii_formatd (buffer, sizeof buffer, "%.1f", cell->value));
      break;
    case REXIAN_REPORT_CELL_DATETIME:
      {
        g_autofree char *text = rexian_report_cell_format (cell);

        append_field (csv, text);
        break;
      }
    case REXIAN_REPORT_CELL_EMPTY:
    default:
      break;
    }
}

static void
append_line (GString    *csv,
             const char *text)
{
  append_field (csv, text);
  g_string_append (csv, "\r\n");
}

char *
rexian_report_to_csv (RexianReportDocument *document,
                      gsize                *out_length)
{
  GString *csv = g_string_new ("\xEF\xBB\xBF");

  g_return_val_if_fail (document != NULL, NULL);

  append_line (csv, document->title);
  append_line (csv, document->period_text);
  append_line (csv, document->produced_text);

  for (guint t = 0; t < document->tables->len; t++)
    {
      const RexianReportTable *table = g_ptr_array_index (document->tables, t);

      g_string_append (csv, "\r\n");
      append_line (csv, table->title);
      for (guint c = 0; c < table->n_columns; c++)
        {
          if (c > 0)
            g_string_append_c (csv, ',');
          append_field (csv, table->headings[c]);
        }
      g_string_append (csv, "\r\n");

      for (guint r = 0; r < table->n_rows; r++)
        {
          for (guint c = 0; c < table->n_columns; c++)
            {
              if (c > 0)
                g_string_append_c (csv, ',');
              append_cell (csv, rexian_report_table_get_cell (table, r, c));
            }
          g_string_append (csv, "\r\n");
        }
    }

  if (out_length != NULL)
    *out_length = csv->len;

  return g_string_free (csv, FALSE);
}

static gboolean
write_csv (RexianReportDocument  *document,
           const char            *path,
           GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *csv = NULL;
  gsize length = 0;

  csv = rexian_report_to_csv (document, &length);
  if (!g_file_set_contents_full (path, csv, length, G_FILE_SET_CONTENTS_NONE, 0644,
                                 &local_error))
    {
      _rexian_report_set_write_error (error, path, 0, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* A fresh file beside @path, so that the final rename stays on one file system.  Making
 * it is also the first test that the folder can be written. */
static char *
make_temporary (const char  *path,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *tmp = g_build_filename (dir, name, NULL);
  int fd;

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      int errsv = errno;

      _rexian_report_set_write_error (error, path, errsv, g_strerror (errsv));
      return NULL;
    }
  close (fd);

  return g_steal_pointer (&tmp);
}

gboolean
rexian_report_write (RexianReportDocument  *document,
                     RexianReportFormat     format,
                     const char            *path,
                     GError               **error)
{
  g_autofree char *tmp = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      _rexian_report_set_write_error (error, path, EISDIR, g_strerror (EISDIR));
      return FALSE;
    }

  tmp = make_temporary (path, error);
  if (tmp == NULL)
    return FALSE;

  switch (format)
    {
    case REXIAN_REPORT_FORMAT_CSV:
      ok = write_csv (document, tmp, error);
      break;
    case REXIAN_REPORT_FORMAT_XLSX:
      ok = _rexian_report_write_xlsx (document, tmp, error);
      break;
    case REXIAN_REPORT_FORMAT_PDF:
      ok = _rexian_report_write_pdf (document, tmp, error);
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  /* The temporary file's name would only confuse: errors name the file asked for. */
  if (!ok && error != NULL && *error != NULL)
    {
      g_autofree char *display_tmp = g_filename_display_name (tmp);
      g_autofree char *display = g_filename_display_name (path);
      g_autoptr(GString) message = g_string_new ((*error)->message);

      g_string_replace (message, display_tmp, display, 0);
      g_free ((*error)->message);
      (*error)->message = g_string_free (g_steal_pointer (&message), FALSE);
    }

  if (ok && g_rename (tmp, path) != 0)
    {
      int errsv = errno;

      _rexian_report_set_write_error (error, path, errsv, g_strerror (errsv));
      ok = FALSE;
    }

  if (!ok)
    g_unlink (tmp);

  return ok;
}
