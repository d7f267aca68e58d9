/* rexian-report-writer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rexian-report-document.h"

G_BEGIN_DECLS

/* Writes a statistics report as a file: CSV (UTF-8 with a byte order mark, so that Excel
 * reads Chinese right; RFC 4180 quoting; one section a table), an Excel workbook (one
 * worksheet a table, numbers stored as numbers with percent formats) or an A4 PDF (the
 * same pages as the printed report).  Needs no display: cairo and Pango draw the PDF. */

typedef enum
{
  REXIAN_REPORT_FORMAT_CSV,
  REXIAN_REPORT_FORMAT_XLSX,
  REXIAN_REPORT_FORMAT_PDF,
} RexianReportFormat;

#define REXIAN_N_REPORT_FORMATS (REXIAN_REPORT_FORMAT_PDF + 1)

/* "csv", "xlsx", "pdf": the command line's names and the files' extensions. */
const char *rexian_report_format_to_string   (RexianReportFormat  format);
gboolean    rexian_report_format_from_string (const char         *str,
                                              RexianReportFormat *out);
const char *rexian_report_format_get_mime_type (RexianReportFormat format);

/* Writes @document to @path.  The file appears whole or not at all: it is written next
 * to @path under a temporary name and renamed over it at the end, and removed on any
 * failure.  The error names the file and says what went wrong. */
gboolean rexian_report_write (RexianReportDocument  *document,
                              RexianReportFormat     format,
                              const char            *path,
                              GError               **error);

/* The CSV text itself (with its byte order mark), for the writer and for tests. */
char    *rexian_report_to_csv (RexianReportDocument  *document,
                               gsize                 *out_length);

G_END_DECLS
