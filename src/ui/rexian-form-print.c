/* rexian-form-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-form-pages.h"
#include "rexian-form-print.h"

static void
show_toast (AdwToastOverlay *toasts,
            const char      *message)
{
  if (toasts != NULL)
    adw_toast_overlay_add_toast (toasts, adw_toast_new (message));
}

/* Writing */

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  const char *path = g_object_get_data (G_OBJECT (task), "path");
  GError *error = NULL;

  if (rexian_form_write_pdf (task_data, path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
rexian_form_write_pdf_async (RexianFormDocument  *document,
                             const char          *path,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, rexian_form_write_pdf_async);
  g_task_set_task_data (task, rexian_form_document_ref (document),
                        (GDestroyNotify) rexian_form_document_unref);
  g_object_set_data_full (G_OBJECT (task), "path", g_strdup (path), g_free);
  g_task_run_in_thread (task, write_in_thread);
}

gboolean
rexian_form_write_pdf_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_written (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AdwToastOverlay) toasts = user_data;
  g_autoptr(GError) error = NULL;

  if (!rexian_form_write_pdf_finish (result, &error))
    show_toast (toasts, error->message);
  else
    {
      const char *path = g_object_get_data (G_OBJECT (result), "path");
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *message = g_strdup_printf (_("Saved as “%s”"), name);

      show_toast (toasts, message);
    }
}

typedef struct
{
  RexianFormDocument *document;
  AdwToastOverlay    *toasts;
} Export;

static void
export_free (gpointer data)
{
  Export *export = data;

  rexian_form_document_unref (export->document);
  g_clear_object (&export->toasts);
  g_free (export);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     Export          *export)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);

  if (path != NULL)
    rexian_form_write_pdf_async (export->document, path, NULL, on_written,
                                 export->toasts != NULL ? g_object_ref (export->toasts) : NULL);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
rexian_form_export (RexianFormDocument *document,
                    GtkWindow          *parent,
                    AdwToastOverlay    *toasts)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = rexian_form_document_suggest_filename (document);
  GtkFileChooserNative *chooser;
  Export *export = g_new0 (Export, 1);

  export->document = rexian_form_document_ref (document);
  export->toasts = toasts != NULL ? g_object_ref (toasts) : NULL;

  chooser = gtk_file_chooser_native_new (_("Export PDF"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_chooser_response), export,
                         (GClosureNotify) (void (*) (void)) export_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

gboolean
rexian_form_show_loaded (GAsyncResult     *result,
                         gboolean          print,
                         GtkWindow        *parent,
                         AdwToastOverlay  *toasts,
                         GError          **error)
{
  g_autoptr(RexianFormDocument) document = rexian_form_document_load_finish (result, error);

  if (document == NULL)
    return FALSE;

  if (print)
    rexian_form_print (document, parent, toasts);
  else
    rexian_form_export (document, parent, toasts);

  return TRUE;
}

/* Printing */

/* The pages are laid out for the paper and orientation chosen in the print dialog. */
static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                gpointer           user_data)
{
  RexianFormDocument *document = g_object_get_data (G_OBJECT (operation), "rexian-form");
  RexianFormPages *pages = rexian_form_pages_new (document,
                                                  gtk_print_context_get_width (context),
                                                  gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, rexian_form_pages_get_n_pages (pages));
  g_object_set_data_full (G_OBJECT (operation), "rexian-form-pages", pages,
                          (GDestroyNotify) rexian_form_pages_free);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              gpointer           user_data)
{
  RexianFormPages *pages = g_object_get_data (G_OBJECT (operation), "rexian-form-pages");

  rexian_form_pages_draw (pages, gtk_print_context_get_cairo_context (context), page);
}

GtkPrintOperation *
rexian_print_operation_new (GtkPageOrientation  orientation,
                            const char         *job_name)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, orientation);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, job_name);
  /* The pages keep their own margins, the same as in the PDF. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);

  return operation;
}

static GtkPrintOperation *
make_print_operation (RexianFormDocument *document)
{
  g_autofree char *job_name = g_strdup_printf ("%s %s", document->title, document->subtitle);
  GtkPrintOperation *operation;
  double width, height;

  rexian_form_document_get_page_size (document, &width, &height);
  operation = rexian_print_operation_new (width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                         : GTK_PAGE_ORIENTATION_PORTRAIT,
                                          job_name);
  g_object_set_data_full (G_OBJECT (operation), "rexian-form",
                          rexian_form_document_ref (document),
                          (GDestroyNotify) rexian_form_document_unref);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), NULL);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), NULL);

  return operation;
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               AdwToastOverlay         *toasts)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_toast (toasts, error != NULL ? error->message : _("The form could not be printed."));
    }
  g_clear_object (&toasts);
  g_object_unref (operation);
}

void
rexian_form_print (RexianFormDocument *document,
                   GtkWindow          *parent,
                   AdwToastOverlay    *toasts)
{
  GtkPrintOperation *operation = make_print_operation (document);
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done),
                    toasts != NULL ? g_object_ref (toasts) : NULL);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (error != NULL)
    show_toast (toasts, error->message);
}

gboolean
_rexian_form_print_to_file (RexianFormDocument  *document,
                            GtkWindow           *parent,
                            const char          *path,
                            GError             **error)
{
  g_autoptr(GtkPrintOperation) operation = make_print_operation (document);
  GtkPrintOperationResult result;

  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent, error);

  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

static void
on_test_loaded (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

gboolean
_rexian_form_load_and_print_to_file (const char          *database,
                                     RexianFormKind       kind,
                                     const char          *number,
                                     gint64               from,
                                     gint64               to,
                                     GtkWindow           *parent,
                                     const char          *path,
                                     GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RexianFormDocument) document = NULL;

  rexian_form_document_load_async (database, kind, number, from, to, NULL, on_test_loaded,
                                   &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  document = rexian_form_document_load_finish (result, error);
  if (document == NULL)
    return FALSE;

  return _rexian_form_print_to_file (document, parent, path, error);
}
