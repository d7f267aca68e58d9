/* rexian-report-xlsx.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <xlsxwriter.h>

#include "rexian-report-private.h"

/* The Excel form of a report: one worksheet a table, the report's title and period on
 * top, the headings frozen above the figures, and every figure a number with its own
 * format (a percentage stays a fraction that Excel can sum and chart). */

/* Where each table starts on its sheet: title, period, a blank row, then the headings. */
#define HEADING_ROW 3

/* Column widths in Excel's character units. */
#define FIRST_COLUMN_WIDTH 26
#define WIDE_COLUMN_WIDTH  56
#define COLUMN_WIDTH       13

/* Excel's paper code for A4. */
#define PAPER_A4 9

typedef struct
{
  lxw_format *title;
  lxw_format *period;
  lxw_format *heading;
  lxw_format *text;
  lxw_format *count;
  lxw_format *ratio;
  lxw_format *seconds;
  lxw_format *datetime;
} Formats;

static lxw_format *
add_cell_format (lxw_workbook *workbook,
                 const char   *num_format)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_border (format, LXW_BORDER_THIN);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  if (num_format != NULL)
    format_set_num_format (format, num_format);

  return format;
}

static void
make_formats (lxw_workbook *workbook,
              Formats      *formats)
{
  formats->title = workbook_add_format (workbook);
  format_set_bold (formats->title);
  format_set_font_size (formats->title, 14);

  formats->period = workbook_add_format (workbook);

  formats->heading = add_cell_format (workbook, NULL);
  format_set_bold (formats->heading);
  format_set_text_wrap (formats->heading);
  format_set_bg_color (formats->heading, 0xE6E6E6);
  format_set_pattern (formats->heading, LXW_PATTERN_SOLID);

  formats->text = add_cell_format (workbook, NULL);
  format_set_text_wrap (formats->text);
  formats->count = add_cell_format (workbook, "0");
  formats->ratio = add_cell_format (workbook, "0.0%");
  formats->seconds = add_cell_format (workbook, "0.0");
  formats->datetime = add_cell_format (workbook, "yyyy-mm-dd hh:mm");
}

static lxw_error
write_cell (lxw_worksheet          *sheet,
            const Formats          *formats,
            lxw_row_t               row,
            lxw_col_t               column,
            const RexianReportCell *cell)
{
  switch (cell->kind)
    {
    case REXIAN_REPORT_CELL_TEXT:
      return worksheet_write_string (sheet, row, column, cell->text, formats->text);
    case REXIAN_REPORT_CELL_COUNT:
      return worksheet_write_number (sheet, row, column, cell->value, formats->count);
    case REXIAN_REPORT_CELL_RATIO:
      return worksheet_write_number (sheet, row, column, cell->value, formats->ratio);
    case REXIAN_REPORT_CELL_SECONDS:
      return worksheet_write_number (sheet, row, column, cell->value, formats->seconds);
    case REXIAN_REPORT_CELL_DATETIME:
      {
        /* Excel has no time zones: the local time, as the rest of the report shows. */
        g_autoptr(GDateTime) at = g_date_time_new_from_unix_local ((gint64) cell->value);
        lxw_datetime datetime = {
          g_date_time_get_year (at), g_date_time_get_month (at),
          g_date_time_get_day_of_month (at), g_date_time_get_hour (at),
          g_date_time_get_minute (at), g_date_time_get_second (at),
        };

        return worksheet_write_datetime (sheet, row, column, &datetime, formats->datetime);
      }
    case REXIAN_REPORT_CELL_EMPTY:
    default:
      return worksheet_write_blank (sheet, row, column, formats->text);
    }
}

static lxw_error
write_table (lxw_workbook            *workbook,
             const Formats           *formats,
             RexianReportDocument    *document,
             const RexianReportTable *table)
{
  lxw_worksheet *sheet = NULL;
  g_autofree char *period = NULL;
  lxw_error status;

  status = workbook_validate_sheet_name (workbook, table->sheet_name);
  if (status != LXW_NO_ERROR)
    return status;
  sheet = workbook_add_worksheet (workbook, table->sheet_name);
  if (sheet == NULL)
    return LXW_ERROR_MEMORY_MALLOC_FAILED;

  worksheet_set_paper (sheet, PAPER_A4);
  worksheet_set_landscape (sheet);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_repeat_rows (sheet, HEADING_ROW, HEADING_ROW);

  worksheet_set_column (sheet, 0, 0, FIRST_COLUMN_WIDTH, NULL);
  if (table->n_columns > 1)
    worksheet_set_column (sheet, 1, table->n_columns - 1, COLUMN_WIDTH, NULL);
  if (table->wide_column < table->n_columns)
    worksheet_set_column (sheet, table->wide_column, table->wide_column, WIDE_COLUMN_WIDTH,
                          NULL);

  period = g_strdup_printf ("%s · %s · %s", table->title, document->period_text,
                            document->produced_text);
  worksheet_write_string (sheet, 0, 0, document->title, formats->title);
  worksheet_write_string (sheet, 1, 0, period, formats->period);

  for (guint c = 0; c < table->n_columns && status == LXW_NO_ERROR; c++)
    status = worksheet_write_string (sheet, HEADING_ROW, c, table->headings[c],
                                     formats->heading);
  worksheet_freeze_panes (sheet, HEADING_ROW + 1, 1);

  for (guint r = 0; r < table->n_rows && status == LXW_NO_ERROR; r++)
    for (guint c = 0; c < table->n_columns && status == LXW_NO_ERROR; c++)
      status = write_cell (sheet, formats, HEADING_ROW + 1 + r, c,
                           rexian_report_table_get_cell (table, r, c));

  return status;
}

gboolean
_rexian_report_write_xlsx (RexianReportDocument  *document,
                           const char            *path,
                           GError               **error)
{
  lxw_workbook *workbook;
  lxw_doc_properties properties = { 0 };
  Formats formats;
  lxw_error status = LXW_NO_ERROR;
  lxw_error closed;

  workbook = workbook_new (path);
  if (workbook == NULL)
    {
      _rexian_report_set_write_error (error, path, ENOMEM, _("Could not start the workbook"));
      return FALSE;
    }

  properties.title = document->title;
  properties.subject = document->period_text;
  properties.created = g_get_real_time () / G_USEC_PER_SEC;
  workbook_set_properties (workbook, &properties);

  make_formats (workbook, &formats);

  for (guint t = 0; t < document->tables->len && status == LXW_NO_ERROR; t++)
    status = write_table (workbook, &formats, document, g_ptr_array_index (document->tables, t));

  /* Closing writes the file, and frees the workbook whatever happened before. */
  closed = workbook_close (workbook);
  if (status == LXW_NO_ERROR)
    status = closed;

  if (status != LXW_NO_ERROR)
    {
      _rexian_report_set_write_error (error, path, EIO, lxw_strerror (status));
      return FALSE;
    }

  return TRUE;
}
