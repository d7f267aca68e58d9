/* rexian-form-record-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rexian-store.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_FORM_RECORD_DIALOG (rexian_form_record_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RexianFormRecordDialog, rexian_form_record_dialog, REXIAN,
                      FORM_RECORD_DIALOG, AdwWindow)

/* The 记录单 (DB1405 Table A.1) of the days chosen, printed or exported as a PDF.  The
 * orders are read on a worker thread. */
GtkWindow *rexian_form_record_dialog_new (RexianStore *store,
                                          GtkWindow   *parent);

/* For tests: sets the first and last day as typed ("2026-11-01"). */
void       _rexian_form_record_dialog_set_days      (RexianFormRecordDialog *self,
                                                     const char             *from,
                                                     const char             *to);
/* For tests: reads the sheet and prints it through GtkPrintOperation into the PDF @path,
 * without the print dialog; runs until it is written. */
gboolean   _rexian_form_record_dialog_print_to_file (RexianFormRecordDialog *self,
                                                     const char             *path,
                                                     GError                **error);

G_END_DECLS
