/* rexian-visit-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-visit-dialog.h"

struct _RexianVisitDialog
{
  AdwWindow            parent_instance;

  RexianStore         *store;
  RexianFollowupItem  *item;
  guint                max_attempts;
  gint64               agent_id;
  GCancellable        *cancellable;
  char                *error_text;

  AdwPreferencesGroup *order_group;
  GtkSwitch           *reached_switch;
  AdwPreferencesGroup *answers_group;
  AdwComboRow         *process_row;
  AdwComboRow         *result_row;
  AdwComboRow         *attitude_row;
  AdwComboRow         *efficiency_row;
  AdwEntryRow         *reason_row;
  AdwEntryRow         *note_row;
  GtkWidget           *save_button;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (RexianVisitDialog, rexian_visit_dialog, ADW_TYPE_WINDOW)

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The choices of a required answer, in this order; an optional one starts with "Not
 * asked". */
static const RexianSatisfaction answers[] = {
  REXIAN_SATISFACTION_SATISFIED,
  REXIAN_SATISFACTION_BASICALLY,
  REXIAN_SATISFACTION_DISSATISFIED,
};

static void
fill_choices (AdwComboRow *row,
              gboolean     optional)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  if (optional)
    gtk_string_list_append (list, _("Not asked"));
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    gtk_string_list_append (list, rexian_satisfaction_get_label (answers[i]));
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

static RexianSatisfaction
get_answer (AdwComboRow *row,
            gboolean     optional)
{
  guint selected = adw_combo_row_get_selected (row);

  if (optional)
    {
      if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
        return REXIAN_SATISFACTION_NONE;
      selected--;
    }

  return selected < G_N_ELEMENTS (answers) ? answers[selected] : REXIAN_SATISFACTION_NONE;
}

static void
set_answer (AdwComboRow        *row,
            RexianSatisfaction  value)
{
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    if (answers[i] == value)
      adw_combo_row_set_selected (row, i);
}

static gboolean
both_dissatisfied (RexianVisitDialog *self)
{
  return gtk_switch_get_active (self->reached_switch)
         && get_answer (self->process_row, FALSE) == REXIAN_SATISFACTION_DISSATISFIED
         && get_answer (self->result_row, FALSE) == REXIAN_SATISFACTION_DISSATISFIED;
}

static void
on_answers_changed (RexianVisitDialog *self)
{
  gboolean reached = gtk_switch_get_active (self->reached_switch);

  gtk_widget_set_sensitive (GTK_WIDGET (self->answers_group), reached);
  /* A sampled order is already closed: it cannot be sent back, so no reason is asked. */
  gtk_widget_set_visible (GTK_WIDGET (self->reason_row),
                          both_dissatisfied (self) && !self->item->sampled);
}

static void
show_error (RexianVisitDialog *self,
            const char        *message)
{
  g_free (self->error_text);
  self->error_text = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static char *
describe_result (RexianVisitDialog *self,
                 RexianVisitResult  result,
                 guint              attempts)
{
  const char *department = self->item->department;

  switch (result)
    {
    case REXIAN_VISIT_RESULT_CLOSED:
      return g_strdup_printf (_("Order %s closed"), self->item->number);

    case REXIAN_VISIT_RESULT_REHANDLE:
      if (department == NULL)
        return g_strdup_printf (_("Order %s sent back for re-handling"), self->item->number);
      return g_strdup_printf (_("Sent back to %s for re-handling"), department);

    case REXIAN_VISIT_RESULT_UNREACHABLE:
      if (self->item->sampled)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Unreachable after %u attempt — left out of "
                                             "the sample",
                                             "Unreachable after %u attempts — left out of "
                                             "the sample",
                                             attempts),
                                attempts);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Unreachable after %u attempt — closed",
                                           "Unreachable after %u attempts — closed",
                                           attempts),
                              attempts);

    case REXIAN_VISIT_RESULT_RECORDED:
      return g_strdup_printf (_("Visit of order %s recorded"), self->item->number);

    case REXIAN_VISIT_RESULT_RETRY:
    default:
      return g_strdup_printf (_("Not reached (attempt %u of %u); the order stays in the queue"),
                              attempts, self->max_attempts);
    }
}

static void
record_visit_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RexianVisitDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  RexianVisitResult outcome = REXIAN_VISIT_RESULT_RETRY;
  guint attempts = 0;

  if (!rexian_store_record_visit_finish (REXIAN_STORE (object), result, &outcome, &attempts,
                                         &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          show_error (self, error->message);
          gtk_widget_set_sensitive (self->save_button, TRUE);
        }
      return;
    }

  message = describe_result (self, outcome, attempts);
  g_signal_emit (self, signals[RECORDED], 0, (int) outcome, attempts, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save (GtkWidget  *widget,
      const char *action_name,
      GVariant   *parameter)
{
  RexianVisitDialog *self = REXIAN_VISIT_DIALOG (widget);
  g_autoptr(RexianVisit) visit = rexian_visit_new ();
  g_autofree char *reason = NULL;

  visit->reached = gtk_switch_get_active (self->reached_switch);
  if (visit->reached)
    {
      visit->process = get_answer (self->process_row, FALSE);
      visit->result = get_answer (self->result_row, FALSE);
      visit->attitude = get_answer (self->attitude_row, TRUE);
      visit->efficiency = get_answer (self->efficiency_row, TRUE);
    }
  visit->note = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row)));
  if (both_dissatisfied (self))
    visit->reason = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row)));

  /* The store checks the reason too; saying so here keeps the agent in the dialog. */
  reason = g_strstrip (g_strdup (visit->reason != NULL ? visit->reason : ""));
  if (both_dissatisfied (self) && !self->item->sampled && reason[0] == '\0')
    {
      show_error (self, _("The caller is dissatisfied with both the process and the result: "
                          "give the reason for handling the order again."));
      gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
      return;
    }

  show_error (self, NULL);
  gtk_widget_set_sensitive (self->save_button, FALSE);
  rexian_store_record_visit_async (self->store, self->item->order_id, visit, self->agent_id,
                                   self->cancellable, record_visit_cb, g_object_ref (self));
}

static void
rexian_visit_dialog_dispose (GObject *object)
{
  RexianVisitDialog *self = REXIAN_VISIT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), REXIAN_TYPE_VISIT_DIALOG);

  G_OBJECT_CLASS (rexian_visit_dialog_parent_class)->dispose (object);
}

static void
rexian_visit_dialog_finalize (GObject *object)
{
  RexianVisitDialog *self = REXIAN_VISIT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->item, rexian_followup_item_free);
  g_free (self->error_text);

  G_OBJECT_CLASS (rexian_visit_dialog_parent_class)->finalize (object);
}

static void
rexian_visit_dialog_class_init (RexianVisitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rexian_visit_dialog_dispose;
  object_class->finalize = rexian_visit_dialog_finalize;

  /**
   * RexianVisitDialog::recorded:
   * @result: a RexianVisitResult
   * @attempts: the attempts in this round, this one included
   * @message: what happened, for a toast
   */
  signals[RECORDED] =
    g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rexian/Rexian/rexian-visit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RexianVisitDialog, order_group);
  gtk_widget_class_bind_template_child (widget_class, RexianVisitDialog, reached_switch);
  gtk_widget_class_bind_template_child (widget_class, RexianVisitDialog, answers_group);
  gtk_widget_class_bind_template_child (widget_class, RexianVisitDialog, process_row);
  gtk_widget_class_bind_template_child (widget_class, RexianVisitDialog, result_row);
  gtk_widget_class_bind_template_child (widget_class, RexianVisitDialog, attitude_row);
  gtk_widget_class_bind_template_child (widget_class, RexianVisitDialog, efficiency_row);
  gtk_widget_class_bind_template_child (widget_class, RexianVisitDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, RexianVisitDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, RexianVisitDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, RexianVisitDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, RexianVisitDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_answers_changed);

  gtk_widget_class_install_action (widget_class, "visit.save", NULL, save);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rexian_visit_dialog_init (RexianVisitDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->item = g_new0 (RexianFollowupItem, 1);

  gtk_widget_init_template (GTK_WIDGET (self));

  fill_choices (self->process_row, FALSE);
  fill_choices (self->result_row, FALSE);
  fill_choices (self->attitude_row, TRUE);
  fill_choices (self->efficiency_row, TRUE);
}

RexianVisitDialog *
rexian_visit_dialog_new (GtkWindow                *parent,
                         RexianStore              *store,
                         const RexianFollowupItem *item,
                         guint                     max_attempts,
                         gint64                   agent_id)
{
  RexianVisitDialog *self;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (REXIAN_IS_STORE (store), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  self = g_object_new (REXIAN_TYPE_VISIT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->max_attempts = max_attempts;
  self->agent_id = agent_id;
  g_clear_pointer (&self->item, rexian_followup_item_free);
  self->item = g_new0 (RexianFollowupItem, 1);
  *self->item = *item;
  self->item->number = g_strdup (item->number);
  self->item->summary = g_strdup (item->summary);
  self->item->caller = g_strdup (item->caller);
  self->item->phone = g_strdup (item->phone);
  self->item->phone_shown = g_strdup (item->phone_shown);
  self->item->department = g_strdup (item->department);

  title = g_strdup_printf ("%s · %s", item->number, item->summary != NULL ? item->summary : "");
  description = g_strdup_printf (_("%s, %s — attempt %u of %u"),
                                 item->caller != NULL ? item->caller : "",
                                 item->phone_shown != NULL ? item->phone_shown : "",
                                 item->attempts + 1, MAX (max_attempts, item->attempts + 1));
  adw_preferences_group_set_title (self->order_group, title);
  adw_preferences_group_set_description (self->order_group, description);
  on_answers_changed (self);

  return self;
}

void
_rexian_visit_dialog_set_answers (RexianVisitDialog  *self,
                                  gboolean            reached,
                                  RexianSatisfaction  process,
                                  RexianSatisfaction  result,
                                  const char         *reason)
{
  g_return_if_fail (REXIAN_IS_VISIT_DIALOG (self));

  gtk_switch_set_active (self->reached_switch, reached);
  set_answer (self->process_row, process);
  set_answer (self->result_row, result);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), reason != NULL ? reason : "");
}

void
_rexian_visit_dialog_save (RexianVisitDialog *self)
{
  g_return_if_fail (REXIAN_IS_VISIT_DIALOG (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "visit.save", NULL);
}

const char *
_rexian_visit_dialog_get_error (RexianVisitDialog *self)
{
  g_return_val_if_fail (REXIAN_IS_VISIT_DIALOG (self), NULL);

  return self->error_text;
}
