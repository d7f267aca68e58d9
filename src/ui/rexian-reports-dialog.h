/* rexian-reports-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rexian-measures.h"
#include "rexian-report-writer.h"
#include "rexian-store.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_REPORTS_DIALOG (rexian_reports_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RexianReportsDialog, rexian_reports_dialog, REXIAN, REPORTS_DIALOG,
                      AdwWindow)

/* The statistics reports: a day, week, month or year chosen with a date picker, its
 * summary figures with their formulas, the early-warning clusters of the period, and the
 * report exported as CSV, Excel or PDF, or printed.  The figures are read on the store's
 * worker thread; the "loading" property is TRUE meanwhile. */
GtkWindow *rexian_reports_dialog_new (RexianStore *store,
                                      GtkWindow   *parent);

/* For tests: shows the period of @kind containing @at, as the period row and the
 * calendar would. */
void        _rexian_reports_dialog_set_period        (RexianReportsDialog *self,
                                                      RexianPeriodKind     kind,
                                                      gint64               at);
/* For tests: the text the summary shows for @measure ("95.2%", "—"). */
const char *_rexian_reports_dialog_get_summary_text  (RexianReportsDialog *self,
                                                      RexianMeasure        measure);
/* For tests: how many early-warning clusters are listed. */
guint       _rexian_reports_dialog_get_n_warnings    (RexianReportsDialog *self);
/* For tests: prints the report through GtkPrintOperation into a PDF file, without the
 * dialog, drawing exactly what the printer would get. */
gboolean    _rexian_reports_dialog_print_to_file     (RexianReportsDialog *self,
                                                      const char          *path,
                                                      GError             **error);
/* For tests: writes the loaded report as the export buttons do, on a worker thread;
 * runs until it is written. */
gboolean    _rexian_reports_dialog_export_to_file    (RexianReportsDialog *self,
                                                      RexianReportFormat   format,
                                                      const char          *path,
                                                      GError             **error);

G_END_DECLS
