/* rexian-supervision-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-supervision-dialog.h"
#include "rexian-ui-util.h"

struct _RexianSupervisionDialog
{
  AdwWindow                parent_instance;

  RexianStore             *store;
  GCancellable            *cancellable;
  gint64                   order_id;
  gint64                   agent_id;
  /* The record whose outcome is asked for; NULL for a new record. */
  RexianSupervisionRecord *record;
  gboolean                 busy;

  AdwWindowTitle          *window_title;
  GtkRevealer             *error_revealer;
  GtkLabel                *error_label;
  AdwPreferencesGroup     *record_group;
  AdwComboRow             *cause_row;
  AdwComboRow             *method_row;
  AdwEntryRow             *responsible_row;
  AdwEntryRow             *note_row;
  AdwPreferencesGroup     *outcome_group;
  AdwEntryRow             *outcome_row;
};

G_DEFINE_FINAL_TYPE (RexianSupervisionDialog, rexian_supervision_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The causes a person may choose, manual first: it is the usual one by hand. */
static const RexianSuperviseReason causes[] = {
  REXIAN_SUPERVISE_REASON_MANUAL,
  REXIAN_SUPERVISE_REASON_EMERGENCY,
  REXIAN_SUPERVISE_REASON_REPEATED,
  REXIAN_SUPERVISE_REASON_NEAR_DEADLINE,
  REXIAN_SUPERVISE_REASON_OVERDUE,
  REXIAN_SUPERVISE_REASON_DISSATISFIED,
};

static void
show_error (RexianSupervisionDialog *self,
            const char              *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
set_busy (RexianSupervisionDialog *self,
          gboolean                 busy)
{
  self->busy = busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", !busy);
}

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RexianSupervisionDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->record == NULL)
    ok = rexian_store_add_supervision_record_finish (REXIAN_STORE (object), result, &error) > 0;
  else
    ok = rexian_store_set_supervision_outcome_finish (REXIAN_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (!ok)
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RexianSupervisionDialog *self = REXIAN_SUPERVISION_DIALOG (widget);
  g_autoptr(RexianSupervisionRecord) record = NULL;
  g_autofree char *outcome = NULL;
  guint cause;

  if (self->busy)
    return;

  if (self->record != NULL)
    {
      outcome = rexian_editable_dup_text (GTK_EDITABLE (self->outcome_row));
      if (outcome == NULL)
        {
          show_error (self, _("Describe the outcome of the supervision first."));
          gtk_widget_grab_focus (GTK_WIDGET (self->outcome_row));
          return;
        }

      set_busy (self, TRUE);
      rexian_store_set_supervision_outcome_async (self->store, self->record->id, outcome,
                                                  self->agent_id, self->cancellable, on_saved,
                                                  g_object_ref (self));
      return;
    }

  record = rexian_supervision_record_new ();
  record->order_id = self->order_id;
  record->agent_id = self->agent_id;
  cause = adw_combo_row_get_selected (self->cause_row);
  record->cause = causes[MIN (cause, G_N_ELEMENTS (causes) - 1)];
  record->method = (RexianSuperviseMethod) MIN (adw_combo_row_get_selected (self->method_row),
                                                REXIAN_N_SUPERVISE_METHODS - 1);
  record->responsible = rexian_editable_dup_text (GTK_EDITABLE (self->responsible_row));
  record->note = rexian_editable_dup_text (GTK_EDITABLE (self->note_row));

  /* GB/T 33358: supervision is the task of a named person. */
  if (record->responsible == NULL)
    {
      show_error (self, _("Name the person responsible for this supervision."));
      gtk_widget_grab_focus (GTK_WIDGET (self->responsible_row));
      return;
    }

  set_busy (self, TRUE);
  rexian_store_add_supervision_record_async (self->store, record, self->cancellable, on_saved,
                                             g_object_ref (self));
}

static void
rexian_supervision_dialog_dispose (GObject *object)
{
  RexianSupervisionDialog *self = REXIAN_SUPERVISION_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), REXIAN_TYPE_SUPERVISION_DIALOG);

  G_OBJECT_CLASS (rexian_supervision_dialog_parent_class)->dispose (object);
}

static void
rexian_supervision_dialog_finalize (GObject *object)
{
  RexianSupervisionDialog *self = REXIAN_SUPERVISION_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->record, rexian_supervision_record_free);

  G_OBJECT_CLASS (rexian_supervision_dialog_parent_class)->finalize (object);
}

static void
rexian_supervision_dialog_class_init (RexianSupervisionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rexian_supervision_dialog_dispose;
  object_class->finalize = rexian_supervision_dialog_finalize;

  /**
   * RexianSupervisionDialog::saved:
   *
   * The record or its outcome is in the database.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rexian/Rexian/"
                                               "rexian-supervision-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RexianSupervisionDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RexianSupervisionDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, RexianSupervisionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, RexianSupervisionDialog, record_group);
  gtk_widget_class_bind_template_child (widget_class, RexianSupervisionDialog, cause_row);
  gtk_widget_class_bind_template_child (widget_class, RexianSupervisionDialog, method_row);
  gtk_widget_class_bind_template_child (widget_class, RexianSupervisionDialog, responsible_row);
  gtk_widget_class_bind_template_child (widget_class, RexianSupervisionDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, RexianSupervisionDialog, outcome_group);
  gtk_widget_class_bind_template_child (widget_class, RexianSupervisionDialog, outcome_row);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rexian_supervision_dialog_init (RexianSupervisionDialog *self)
{
  g_autoptr(GtkStringList) cause_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) method_names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  for (guint i = 0; i < G_N_ELEMENTS (causes); i++)
    gtk_string_list_append (cause_names, rexian_supervise_reason_get_label (causes[i]));
  for (guint i = 0; i < REXIAN_N_SUPERVISE_METHODS; i++)
    gtk_string_list_append (method_names, rexian_supervise_method_get_label (i));
  adw_combo_row_set_model (self->cause_row, G_LIST_MODEL (cause_names));
  adw_combo_row_set_model (self->method_row, G_LIST_MODEL (method_names));
}

static RexianSupervisionDialog *
dialog_new (GtkWindow   *parent,
            RexianStore *store,
            gint64       agent_id)
{
  RexianSupervisionDialog *self;

  self = g_object_new (REXIAN_TYPE_SUPERVISION_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->agent_id = agent_id;
  return self;
}

RexianSupervisionDialog *
rexian_supervision_dialog_new_record (GtkWindow   *parent,
                                      RexianStore *store,
                                      gint64       order_id,
                                      const char  *order_number,
                                      gint64       agent_id)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *method_key = NULL;
  g_autofree char *responsible = NULL;
  RexianSuperviseMethod method = REXIAN_SUPERVISE_METHOD_PHONE;
  RexianSupervisionDialog *self;

  g_return_val_if_fail (REXIAN_IS_STORE (store), NULL);

  self = dialog_new (parent, store, agent_id);
  self->order_id = order_id;

  method_key = g_settings_get_string (settings, "supervision-default-method");
  rexian_supervise_method_from_string (method_key, &method);
  adw_combo_row_set_selected (self->method_row, method);
  responsible = g_settings_get_string (settings, "supervision-responsible");
  gtk_editable_set_text (GTK_EDITABLE (self->responsible_row), responsible);

  gtk_window_set_title (GTK_WINDOW (self), _("Add Supervision Record"));
  adw_window_title_set_title (self->window_title, _("Add Supervision Record"));
  adw_window_title_set_subtitle (self->window_title, order_number != NULL ? order_number : "");
  return self;
}

RexianSupervisionDialog *
rexian_supervision_dialog_new_outcome (GtkWindow                     *parent,
                                       RexianStore                   *store,
                                       const RexianSupervisionRecord *record,
                                       gint64                         agent_id)
{
  g_autofree char *subtitle = NULL;
  RexianSupervisionDialog *self;

  g_return_val_if_fail (REXIAN_IS_STORE (store), NULL);
  g_return_val_if_fail (record != NULL, NULL);

  self = dialog_new (parent, store, agent_id);
  self->record = rexian_supervision_record_copy (record);
  self->order_id = record->order_id;

  gtk_widget_set_visible (GTK_WIDGET (self->record_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_group), TRUE);
  /* Translators: what the outcome is of: a supervision's cause and the person
   * responsible, "Overdue · 王科长". */
  subtitle = g_strdup_printf (_("%s · %s"), rexian_supervise_reason_get_label (record->cause),
                              record->responsible != NULL ? record->responsible : "");
  adw_preferences_group_set_description (self->outcome_group, subtitle);
  gtk_editable_set_text (GTK_EDITABLE (self->outcome_row),
                         record->outcome != NULL ? record->outcome : "");
  gtk_window_set_title (GTK_WINDOW (self), _("Record Outcome"));
  adw_window_title_set_title (self->window_title, _("Record Outcome"));
  return self;
}

AdwComboRow *
rexian_supervision_dialog_get_method_row (RexianSupervisionDialog *self)
{
  g_return_val_if_fail (REXIAN_IS_SUPERVISION_DIALOG (self), NULL);

  return self->method_row;
}

AdwEntryRow *
rexian_supervision_dialog_get_responsible_row (RexianSupervisionDialog *self)
{
  g_return_val_if_fail (REXIAN_IS_SUPERVISION_DIALOG (self), NULL);

  return self->responsible_row;
}

AdwEntryRow *
rexian_supervision_dialog_get_outcome_row (RexianSupervisionDialog *self)
{
  g_return_val_if_fail (REXIAN_IS_SUPERVISION_DIALOG (self), NULL);

  return self->outcome_row;
}
