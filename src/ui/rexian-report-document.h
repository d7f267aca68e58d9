/* rexian-report-document.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rexian-measures.h"
#include "rexian-store-stats.h"

G_BEGIN_DECLS

/* A statistics report laid out as titled tables, once, so that the CSV, Excel, PDF and
 * printed forms all show the same figures under the same headings.  Everything here is
 * plain GLib: the command line builds it without a display. */

typedef enum
{
  REXIAN_REPORT_CELL_EMPTY,    /* an undefined figure: blank in files, "—" on paper */
  REXIAN_REPORT_CELL_TEXT,
  REXIAN_REPORT_CELL_COUNT,
  REXIAN_REPORT_CELL_RATIO,    /* a fraction from 0 to 1, shown as a percentage */
  REXIAN_REPORT_CELL_SECONDS,
  REXIAN_REPORT_CELL_DATETIME, /* Unix seconds, shown in local time */
} RexianReportCellKind;

typedef struct
{
  RexianReportCellKind kind;
  char                *text;   /* TEXT only */
  double               value;  /* COUNT, RATIO, SECONDS, DATETIME */
} RexianReportCell;

typedef struct
{
  char      *title;       /* translated: "Summary" */
  char      *sheet_name;  /* a worksheet name: at most 31 characters, unique */
  guint      n_columns;
  char     **headings;    /* n_columns translated headings */
  guint      n_rows;
  GArray    *cells;       /* RexianReportCell, row by row, n_columns a row */
  guint      wide_column; /* the column whose text runs longest (a formula), or G_MAXUINT */
  gboolean   fill_width;  /* on paper, the last column takes the rest of the page's width */
} RexianReportTable;

/* Reference counted, so that a file can be written on a worker thread while the window
 * that made it moves on to another period. */
typedef struct
{
  char         *title;        /* "12345 Government Service Hotline Statistics Report" */
  char         *period_text;  /* "Week: 2026-06-08 – 2026-06-14" */
  char         *produced_text;/* "Produced 2026-06-15 08:00" */
  RexianPeriod  period;
  GPtrArray    *tables;       /* RexianReportTable */
  char         *header_text;  /* printed atop every page (a form's order number), or NULL */
  /*< private >*/
  gatomicrefcount ref_count;
} RexianReportDocument;

/* How many similar requests make an early-warning cluster when nobody said otherwise. */
#define REXIAN_REPORT_WARNING_THRESHOLD 3

/* Lays out @report and the early-warning @clusters (RexianWarningCluster; may be NULL)
 * found in its period, produced at @produced_at (Unix seconds). */
RexianReportDocument *rexian_report_document_new  (const RexianStatsReport *report,
                                                   GPtrArray               *clusters,
                                                   gint64                   produced_at);
/* Reads the report for @period (deadlines passed by @now) and its early-warning clusters
 * of at least @threshold orders from @store, on the calling thread, and lays it out. */
RexianReportDocument *rexian_report_document_load (RexianStore             *store,
                                                   const RexianPeriod      *period,
                                                   gint64                   now,
                                                   guint                    threshold,
                                                   GError                 **error);
RexianReportDocument *rexian_report_document_ref   (RexianReportDocument    *document);
void                  rexian_report_document_unref (RexianReportDocument    *document);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RexianReportDocument, rexian_report_document_unref)

const RexianReportCell *rexian_report_table_get_cell (const RexianReportTable *table,
                                                      guint                    row,
                                                      guint                    column);

/* The cell for people: "1234", "95.2%", "12.5 s", "2026-06-10 09:30", or "—" when the
 * figure is undefined. */
char *rexian_report_cell_format (const RexianReportCell *cell);

/* Any measure of @report: the calls' or the orders' figure for the whole period. */
RexianMeasureValue rexian_report_get_measure (const RexianStatsReport *report,
                                              RexianMeasure            measure);

/* Any measure of @report: the calls' or the orders' figure for the whole period. */
RexianMeasureValue rexian_report_get_measure (const RexianStatsReport *report,
                                              RexianMeasure            measure);

/* For documents other than statistics (the printed forms): an empty document titled
 * @title over @period_text, produced at @produced_at, and tables added to it with their
 * @headings (NULL-terminated), filled row by row with text and times. */
RexianReportDocument *rexian_report_document_new_blank (const char           *title,
                                                        const char           *period_text,
                                                        gint64                produced_at);
RexianReportTable    *rexian_report_document_add_table (RexianReportDocument *document,
                                                        const char           *title,
                                                        const char           *sheet_name,
                                                        const char *const    *headings);
void                  rexian_report_table_add_text     (RexianReportTable    *table,
                                                        const char           *text);
/* A time, or an empty cell for 0. */
void                  rexian_report_table_add_time     (RexianReportTable    *table,
                                                        gint64                at);

/* "Week: 2026-06-08 – 2026-06-14": the kind of period and its dates, translated. */
char *rexian_report_describe_period (const RexianPeriod *period);

G_END_DECLS
