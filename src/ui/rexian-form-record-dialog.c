/* rexian-form-record-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-form-print.h"
#include "rexian-form-record-dialog.h"
#include "rexian-report-command.h"

struct _RexianFormRecordDialog
{
  AdwWindow        parent_instance;

  RexianStore     *store;
  GCancellable    *cancellable;

  AdwToastOverlay *toast_overlay;
  GtkSpinner      *spinner;
  AdwEntryRow     *from_row;
  AdwEntryRow     *to_row;
};

G_DEFINE_FINAL_TYPE (RexianFormRecordDialog, rexian_form_record_dialog, ADW_TYPE_WINDOW)

typedef enum
{
  OUTPUT_PRINT,
  OUTPUT_EXPORT,
} Output;

static void
set_busy (RexianFormRecordDialog *self,
          gboolean                busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "record.print", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "record.export", !busy);
}

/* A day typed in @row, or FALSE with the row marked and a toast saying why. */
static gboolean
read_day (RexianFormRecordDialog *self,
          AdwEntryRow            *row,
          gint64                 *out)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (rexian_command_parse_date (text, out))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      return TRUE;
    }

  {
    g_autofree char *message =
      g_strdup_printf (_("“%s” is not a date: write it as YYYY-MM-DD, e.g. 2026-06-10."), text);

    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
    gtk_widget_grab_focus (GTK_WIDGET (row));
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  }
  return FALSE;
}

static gboolean
read_days (RexianFormRecordDialog *self,
           gint64                 *out_from,
           gint64                 *out_to)
{
  return read_day (self, self->from_row, out_from) && read_day (self, self->to_row, out_to);
}

typedef struct
{
  RexianFormRecordDialog *dialog;
  Output                  output;
} Request;

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autofree Request *request = user_data;
  g_autoptr(RexianFormRecordDialog) self = request->dialog;
  g_autoptr(GError) error = NULL;

  if (rexian_form_show_loaded (result, request->output == OUTPUT_PRINT, GTK_WINDOW (self),
                               self->toast_overlay, &error))
    set_busy (self, FALSE);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      set_busy (self, FALSE);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
    }
}

static void
form_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RexianFormRecordDialog *self = REXIAN_FORM_RECORD_DIALOG (widget);
  Request *request;
  gint64 from, to;

  if (!read_days (self, &from, &to))
    return;

  request = g_new0 (Request, 1);
  request->dialog = g_object_ref (self);
  request->output = g_str_equal (action_name, "record.print") ? OUTPUT_PRINT : OUTPUT_EXPORT;
  set_busy (self, TRUE);
  rexian_form_document_load_async (rexian_store_get_path (self->store), REXIAN_FORM_RECORD,
                                   NULL, from, to, self->cancellable, on_loaded, request);
}

static void
rexian_form_record_dialog_dispose (GObject *object)
{
  RexianFormRecordDialog *self = REXIAN_FORM_RECORD_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), REXIAN_TYPE_FORM_RECORD_DIALOG);

  G_OBJECT_CLASS (rexian_form_record_dialog_parent_class)->dispose (object);
}

static void
rexian_form_record_dialog_finalize (GObject *object)
{
  RexianFormRecordDialog *self = REXIAN_FORM_RECORD_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rexian_form_record_dialog_parent_class)->finalize (object);
}

static void
rexian_form_record_dialog_class_init (RexianFormRecordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rexian_form_record_dialog_dispose;
  object_class->finalize = rexian_form_record_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rexian/Rexian/"
                                               "rexian-form-record-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RexianFormRecordDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RexianFormRecordDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, RexianFormRecordDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, RexianFormRecordDialog, to_row);

  gtk_widget_class_install_action (widget_class, "record.print", NULL, form_action);
  gtk_widget_class_install_action (widget_class, "record.export", NULL, form_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rexian_form_record_dialog_init (RexianFormRecordDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  /* This month so far: the sheet most often asked for. */
  first = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now), 1,
                                 0, 0, 0);
  last = g_date_time_ref (now);
  from = g_date_time_format (first, "%Y-%m-%d");
  to = g_date_time_format (last, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), to);
}

GtkWindow *
rexian_form_record_dialog_new (RexianStore *store,
                               GtkWindow   *parent)
{
  RexianFormRecordDialog *self;

  g_return_val_if_fail (REXIAN_IS_STORE (store), NULL);

  self = g_object_new (REXIAN_TYPE_FORM_RECORD_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  return GTK_WINDOW (self);
}

void
_rexian_form_record_dialog_set_days (RexianFormRecordDialog *self,
                                     const char             *from,
                                     const char             *to)
{
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), to);
}

gboolean
_rexian_form_record_dialog_print_to_file (RexianFormRecordDialog  *self,
                                          const char              *path,
                                          GError                 **error)
{
  gint64 from, to;

  if (!read_days (self, &from, &to))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "The days are not dates");
      return FALSE;
    }

  return _rexian_form_load_and_print_to_file (rexian_store_get_path (self->store),
                                              REXIAN_FORM_RECORD, NULL, from, to,
                                              GTK_WINDOW (self), path, error);
}
