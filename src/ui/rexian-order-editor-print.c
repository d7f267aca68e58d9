/* rexian-order-editor-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-form-print.h"
#include "rexian-order-editor-private.h"

/* The order's printed forms: its 转办单 (DB1405 Table B.1) and the whole work order with
 * its timeline, printed or exported as a PDF.  They are read from the database as it
 * now is, on a worker thread, so that the paper shows what every seat sees. */

typedef enum
{
  FORM_PRINT,
  FORM_EXPORT,
} FormOutput;

typedef struct
{
  RexianOrderEditor *editor;
  FormOutput         output;
} FormRequest;

static void
on_form_loaded (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autofree FormRequest *request = user_data;
  g_autoptr(RexianOrderEditor) self = request->editor;
  g_autoptr(GError) error = NULL;

  if (!rexian_form_show_loaded (result, request->output == FORM_PRINT, GTK_WINDOW (self),
                                self->toast_overlay, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _rexian_order_editor_show_message (self, error->message);
}

static void
form_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RexianOrderEditor *self = REXIAN_ORDER_EDITOR (widget);
  FormRequest *request;
  RexianFormKind kind;

  if (self->order == NULL ||
      !rexian_form_kind_from_string (g_variant_get_string (parameter, NULL), &kind) ||
      kind == REXIAN_FORM_RECORD)
    return;

  request = g_new0 (FormRequest, 1);
  request->editor = g_object_ref (self);
  request->output = g_str_equal (action_name, "editor.print-form") ? FORM_PRINT : FORM_EXPORT;
  rexian_form_document_load_async (rexian_store_get_path (self->store), kind,
                                   rexian_work_order_get_number (self->order), 0, 0,
                                   self->cancellable, on_form_loaded, request);
}

void
_rexian_order_editor_install_print_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.print-form", "s", form_action);
  gtk_widget_class_install_action (widget_class, "editor.export-form", "s", form_action);
}

void
_rexian_order_editor_update_print_actions (RexianOrderEditor *self)
{
  /* The forms print what is stored: nothing before the intake form is saved. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.print-form", self->order != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.export-form", self->order != NULL);
}

gboolean
_rexian_order_editor_print_form_to_file (RexianOrderEditor  *self,
                                         RexianFormKind      kind,
                                         const char         *path,
                                         GError            **error)
{
  g_return_val_if_fail (self->order != NULL, FALSE);

  return _rexian_form_load_and_print_to_file (rexian_store_get_path (self->store), kind,
                                              rexian_work_order_get_number (self->order), 0, 0,
                                              GTK_WINDOW (self), path, error);
}
