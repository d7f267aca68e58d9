/* rexian-form-print.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rexian-form-document.h"

G_BEGIN_DECLS

/* Printing a form and exporting it as a PDF from a window.  Both say how it went in a
 * toast on @toasts: a failure, or where the file was saved. */

/* Shows the print dialog for @document over @parent (its "Print to File" offers PDF too). */
void     rexian_form_print          (RexianFormDocument  *document,
                                     GtkWindow           *parent,
                                     AdwToastOverlay     *toasts);
/* Asks where to save @document as a PDF, then writes it on a worker thread. */
void     rexian_form_export         (RexianFormDocument  *document,
                                     GtkWindow           *parent,
                                     AdwToastOverlay     *toasts);

/* Finishes rexian_form_document_load_async() and prints the form read (@print) or asks
 * where to save it; FALSE with the error when it could not be read. */
gboolean rexian_form_show_loaded    (GAsyncResult        *result,
                                     gboolean             print,
                                     GtkWindow           *parent,
                                     AdwToastOverlay     *toasts,
                                     GError             **error);

/* A print operation on A4 in @orientation, drawing on the whole sheet in points (the
 * pages keep their own margins); shared with the statistics reports. */
GtkPrintOperation *rexian_print_operation_new (GtkPageOrientation  orientation,
                                               const char         *job_name);

/* Writes @document to @path on a worker thread. */
void     rexian_form_write_pdf_async  (RexianFormDocument  *document,
                                       const char          *path,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean rexian_form_write_pdf_finish (GAsyncResult        *result,
                                       GError             **error);

/* For tests: prints @document through the same GtkPrintOperation as the print dialog,
 * into the PDF @path, without a dialog. */
gboolean _rexian_form_print_to_file (RexianFormDocument  *document,
                                     GtkWindow           *parent,
                                     const char          *path,
                                     GError             **error);

/* For tests: loads the form as the windows do (on a worker thread, running the main
 * loop until it is read), then prints it into @path as above. */
gboolean _rexian_form_load_and_print_to_file (const char          *database,
                                              RexianFormKind       kind,
                                              const char          *number,
                                              gint64               from,
                                              gint64               to,
                                              GtkWindow           *parent,
                                              const char          *path,
                                              GError             **error);

G_END_DECLS
