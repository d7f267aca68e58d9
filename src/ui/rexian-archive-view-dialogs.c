/* rexian-archive-view-dialogs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-application.h"
#include "rexian-archive-view-private.h"

/* The archive view's two longer errands: archiving the closed orders in bulk, and
 * exporting what the view shows as CSV or Excel. */

static GtkWindow *
get_parent_window (RexianArchiveView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static gint64
get_agent_id (RexianArchiveView *self)
{
  GtkWindow *window = get_parent_window (self);
  GtkApplication *app = window != NULL ? gtk_window_get_application (window) : NULL;

  return REXIAN_IS_APPLICATION (app) ? rexian_application_get_agent_id (REXIAN_APPLICATION (app))
                                     : 0;
}

/* Archiving closed orders */

static void
on_archived (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RexianArchiveView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint count = 0;

  if (!rexian_store_archive_closed_before_finish (REXIAN_STORE (source), result, &count,
                                                  &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = g_strdup (error->message);
    }
  else
    {
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Archived %u order",
                                              "Archived %u orders", count),
                                 count);
    }

  self->busy = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "archive.archive-closed", TRUE);
  _rexian_archive_view_toast (self, message);
  rexian_archive_view_refresh (self);
}

void
rexian_archive_view_archive_closed (RexianArchiveView *self,
                                    gint64             cutoff)
{
  g_return_if_fail (REXIAN_IS_ARCHIVE_VIEW (self));

  if (self->store == NULL || self->busy)
    return;

  self->busy = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "archive.archive-closed", FALSE);
  rexian_store_archive_closed_before_async (self->store, cutoff, get_agent_id (self),
                                            self->cancellable, on_archived,
                                            g_object_ref (self));
}

static gint64
dialog_cutoff (RexianArchiveView *self)
{
  return rexian_archive_cutoff (0, gtk_spin_button_get_value_as_int (self->days_spin));
}

static void
update_archive_dialog (RexianArchiveView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *date = NULL;
  g_autofree char *body = NULL;
  gint64 cutoff = dialog_cutoff (self);
  guint count;

  if (self->archive_dialog == NULL)
    return;

  count = rexian_store_archive_count_due (self->store, cutoff, &error);
  day = g_date_time_new_from_unix_local (cutoff);
  date = g_date_time_format (day, "%Y-%m-%d");

  if (error != NULL)
    body = g_strdup (error->message);
  else
    /* Translators: %u is a number of orders, %s a date. */
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u order closed before %s will be archived. "
                                         "Archived orders cannot be changed.",
                                         "%u orders closed before %s will be archived. "
                                         "Archived orders cannot be changed.",
                                         count),
                            count, date);

  adw_message_dialog_set_body (self->archive_dialog, body);
  adw_message_dialog_set_response_enabled (self->archive_dialog, "archive", count > 0);
}

static void
on_archive_response (RexianArchiveView *self,
                     const char        *response)
{
  if (g_strcmp0 (response, "archive") == 0)
    rexian_archive_view_archive_closed (self, dialog_cutoff (self));
}

void
_rexian_archive_view_show_archive_dialog (RexianArchiveView *self)
{
  GtkWidget *list;
  GtkWidget *row;
  GtkWidget *dialog;

  if (self->store == NULL || self->archive_dialog != NULL)
    return;

  dialog = adw_message_dialog_new (get_parent_window (self), _("Archive Closed Orders?"),
                                   NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "archive", _("_Archive"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "archive",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "archive");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  self->days_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 3650, 1));
  gtk_spin_button_set_value (self->days_spin, rexian_store_archive_get_after_days (self->store));
  gtk_widget_set_valign (GTK_WIDGET (self->days_spin), GTK_ALIGN_CENTER);
  g_signal_connect_object (self->days_spin, "value-changed",
                           G_CALLBACK (update_archive_dialog), self, G_CONNECT_SWAPPED);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 _("Closed at least this many days ago"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->days_spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->days_spin));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  self->archive_dialog = ADW_MESSAGE_DIALOG (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->archive_dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_archive_response), self,
                           G_CONNECT_SWAPPED);
  update_archive_dialog (self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Exporting */

typedef struct
{
  RexianArchiveView    *self;
  RexianReportFormat    format;
  GFile                *file;
  char                 *title;
  RexianReportDocument *document;
  guint                 count;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->self);
  g_clear_object (&job->file);
  g_free (job->title);
  g_clear_pointer (&job->document, rexian_report_document_unref);
  g_free (job);
}

static RexianReportDocument *
build_document (const char *title,
                GPtrArray  *entries)
{
  const char *const headings[] = {
    _("Number"), _("Closed on"), _("Caller"), _("Phone"), _("Category"), _("Department"),
    _("Summary"), NULL,
  };
  RexianReportDocument *document;
  RexianReportTable *table;

  document = rexian_report_document_new_blank (_("Archived Work Orders"), title,
                                               g_get_real_time () / G_USEC_PER_SEC);
  table = rexian_report_document_add_table (document, title, _("Archive"), headings);

  for (guint i = 0; i < entries->len; i++)
    {
      RexianArchiveEntry *entry = g_ptr_array_index (entries, i);

      rexian_report_table_add_text (table, entry->number);
      rexian_report_table_add_time (table, entry->closed_at);
      rexian_report_table_add_text (table, entry->caller_name);
      rexian_report_table_add_text (table, entry->caller_phone);
      rexian_report_table_add_text (table, entry->category[0] != '\0' ? entry->category
                                                                      : _("No category"));
      rexian_report_table_add_text (table, entry->department[0] != '\0'
                                           ? entry->department : _("Answered directly"));
      rexian_report_table_add_text (table, entry->summary);
    }

  return document;
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autofree char *path = g_file_get_path (job->file);
  GError *error = NULL;

  if (!rexian_report_write (job->document, job->format, path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      message = g_strdup (error->message);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (job->file);

      /* Translators: %u is a number of orders, %s the file's name. */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u order to %s",
                                              "Exported %u orders to %s", job->count),
                                 job->count, name);
    }

  _rexian_archive_view_toast (job->self, message);
}

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  ExportJob *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GTask) task = NULL;

  entries = rexian_store_archive_list_finish (REXIAN_STORE (source), result, &error);
  if (entries == NULL)
    {
      _rexian_archive_view_toast (job->self, error->message);
      export_job_free (job);
      return;
    }

  /* The file is written on a worker thread: a big export must not stall the window. */
  job->count = entries->len;
  job->document = build_document (job->title, entries);
  task = g_task_new (NULL, NULL, on_written, NULL);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, write_thread);
}

void
rexian_archive_view_export (RexianArchiveView  *self,
                            RexianReportFormat  format,
                            GFile              *file)
{
  ExportJob *job;

  g_return_if_fail (REXIAN_IS_ARCHIVE_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->store == NULL)
    return;

  job = g_new0 (ExportJob, 1);
  job->self = g_object_ref (self);
  job->format = format;
  job->file = g_object_ref (file);
  job->title = _rexian_archive_view_describe_place (self);
  if (self->text != NULL && self->text[0] != '\0')
    {
      g_autofree char *place = g_steal_pointer (&job->title);

      /* Translators: the catalogue place, then the words searched for. */
      job->title = g_strdup_printf (_("%s · search: %s"), place, self->text);
    }

  rexian_store_archive_list_async (self->store, &self->place, self->text, self->cancellable,
                                   on_listed, job);
}

static void
on_export_response (GtkNativeDialog *native,
                    int              response,
                    gpointer         user_data)
{
  RexianArchiveView *self = user_data;
  RexianReportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "format"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        rexian_archive_view_export (self, format, file);
    }

  g_object_unref (native);
  g_object_unref (self);
}

void
_rexian_archive_view_choose_export_file (RexianArchiveView  *self,
                                         RexianReportFormat  format)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  const char *extension = rexian_report_format_to_string (format);

  native = gtk_file_chooser_native_new (_("Export Archived Orders"), get_parent_window (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                        _("_Cancel"));
  gtk_file_filter_set_name (filter, format == REXIAN_REPORT_FORMAT_XLSX
                                    ? _("Excel workbooks") : _("CSV files"));
  gtk_file_filter_add_mime_type (filter, rexian_report_format_get_mime_type (format));
  gtk_file_filter_add_suffix (filter, extension);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  if (self->place.depth >= 2)
    name = g_strdup_printf ("%s-%d-%02d.%s", C_("file name", "archive"), self->place.year,
                            self->place.month, extension);
  else if (self->place.depth == 1)
    name = g_strdup_printf ("%s-%d.%s", C_("file name", "archive"), self->place.year,
                            extension);
  else
    name = g_strdup_printf ("%s.%s", C_("file name", "archive"), extension);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_object_set_data (G_OBJECT (native), "format", GINT_TO_POINTER (format));
  g_signal_connect (native, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
