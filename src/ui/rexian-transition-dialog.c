/* rexian-transition-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-transition-dialog.h"
#include "rexian-transition-dialog-private.h"
#include "rexian-reply-check.h"
#include "rexian-ui-util.h"

/* How long typing in the merge number waits before looking the order up. */
#define MERGE_LOOKUP_DELAY_MS 300

/* The fields the dialog itself can ask for.  SUMMARY and CALLER_PHONE are checked on
 * the order, so there is nothing to type for them here. */
#define ASKABLE_FIELDS (REXIAN_FIELD_REASON | REXIAN_FIELD_LEAD_DEPARTMENT | \
                        REXIAN_FIELD_TRANSFER_OPINION | REXIAN_FIELD_HANDLING_RESULT | \
                        REXIAN_FIELD_SATISFACTION | REXIAN_FIELD_EXTENSION_DAYS | \
                        REXIAN_FIELD_MERGE_TARGET)

struct _RexianTransitionDialog
{
  AdwWindow          parent_instance;

  RexianStore       *store;
  RexianWorkOrder   *order;
  RexianAction       action;
  gint64             agent_id;

  /* The department ids in the order of the lead combo, after its "none" entry. */
  GArray            *department_ids;
  /* One check button per department, each with its id as "department-id" data. */
  GPtrArray         *assist_checks;

  GCancellable      *cancellable;
  guint              merge_lookup_id;
  gint64             merge_target_id;
  char              *merge_target_number;

  guint              busy : 1;
  guint              finished : 1;

  /* Template children. */
  AdwWindowTitle    *window_title;
  GtkButton         *cancel_button;
  GtkButton         *apply_button;
  GtkLabel          *apply_label;
  GtkSpinner        *spinner;
  GtkRevealer       *error_revealer;
  GtkLabel          *error_label;
  GtkLabel          *order_label;
  AdwPreferencesGroup *reason_group;
  AdwEntryRow       *reason_row;
  AdwPreferencesGroup *department_group;
  AdwComboRow       *lead_row;
  AdwExpanderRow    *assist_row;
  AdwPreferencesGroup *opinion_group;
  GtkTextView       *opinion_view;
  AdwPreferencesGroup *handling_group;
  GtkSpinButton     *days_spin;
  AdwPreferencesGroup *handler_group;
  AdwEntryRow       *handler_name_row;
  AdwEntryRow       *handler_phone_row;
  AdwPreferencesGroup *result_group;
  GtkTextView       *result_view;
  AdwPreferencesGroup *satisfaction_group;
  AdwComboRow       *process_row;
  AdwComboRow       *outcome_row;
  AdwPreferencesGroup *note_group;
  GtkTextView       *note_view;
  AdwPreferencesGroup *extension_group;
  AdwActionRow      *extension_row;
  GtkSpinButton     *extension_spin;
  AdwPreferencesGroup *merge_group;
  AdwEntryRow       *merge_row;
  AdwActionRow      *merge_info_row;
};

G_DEFINE_FINAL_TYPE (RexianTransitionDialog, rexian_transition_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_APPLIED,
  SIGNAL_CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

gboolean
rexian_transition_dialog_action_needs_input (RexianAction action)
{
  const RexianTransition *transition;

  /* These take optional details (handler, assisting departments, the follow-up) that
   * are worth offering even when the table requires nothing. */
  if (action == REXIAN_ACTION_DISPATCH
      || action == REXIAN_ACTION_REPLY
      || action == REXIAN_ACTION_CLOSE)
    return TRUE;

  transition = rexian_lifecycle_lookup (action);
  if (transition == NULL)
    return FALSE;

  return (transition->required & ASKABLE_FIELDS) != 0;
}

static void
show_error (RexianTransitionDialog *self,
            const char             *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/* A merge needs an order that can take it: until one is found, there is nothing to
 * apply, and the row under the number says why. */
static void
update_apply_enabled (RexianTransitionDialog *self)
{
  gboolean merge_missing = gtk_widget_get_visible (GTK_WIDGET (self->merge_group))
                           && self->merge_target_id == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.apply",
                                 !self->busy && !merge_missing);
}

static void
set_busy (RexianTransitionDialog *self,
          gboolean                busy)
{
  self->busy = !!busy;
  update_apply_enabled (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
update_assist_subtitle (RexianTransitionDialog *self)
{
  guint n_chosen = 0;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < self->assist_checks->len; i++)
    {
      if (gtk_check_button_get_active (g_ptr_array_index (self->assist_checks, i)))
        n_chosen++;
    }

  if (n_chosen == 0)
    subtitle = g_strdup (_("None"));
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u chosen", "%u chosen", n_chosen),
                                n_chosen);
  adw_expander_row_set_subtitle (self->assist_row, subtitle);
}

static void
on_assist_toggled (RexianTransitionDialog *self)
{
  update_assist_subtitle (self);
}

static gboolean
array_contains_id (GArray *ids,
                   gint64  id)
{
  if (ids == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      if (g_array_index (ids, gint64, i) == id)
        return TRUE;
    }

  return FALSE;
}

static void
load_departments (RexianTransitionDialog *self)
{
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GArray *assisting = rexian_work_order_get_assist_department_ids (self->order);
  gint64 lead_id = rexian_work_order_get_lead_department_id (self->order);
  guint selected = 0;

  /* The first entry stands for "nobody yet", so that a dispatch cannot silently go to
   * whichever department happens to be listed first. */
  gtk_string_list_append (names, _("Choose a department"));

  departments = rexian_store_list_departments (self->store, &error);
  if (departments == NULL)
    {
      show_error (self, error->message);
      adw_combo_row_set_model (self->lead_row, G_LIST_MODEL (names));
      return;
    }

  for (guint i = 0; i < departments->len; i++)
    {
      RexianDepartment *department = g_ptr_array_index (departments, i);
      GtkWidget *row;
      GtkWidget *check;

      gtk_string_list_append (names, department->name);
      g_array_append_val (self->department_ids, department->id);

      /* A returned order is being re-dispatched (改派): the department that returned it
       * is not offered again as the default. */
      if (department->id == lead_id && !rexian_work_order_get_return_pending (self->order))
        selected = i + 1;

      check = gtk_check_button_new ();
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   array_contains_id (assisting, department->id));
      g_object_set_data_full (G_OBJECT (check), "department-id",
                              g_memdup2 (&department->id, sizeof department->id), g_free);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_assist_toggled), self);
      g_ptr_array_add (self->assist_checks, check);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), department->name);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (self->assist_row, row);
    }

  adw_combo_row_set_model (self->lead_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->lead_row, selected);
  update_assist_subtitle (self);
}

static void
load_satisfaction_models (RexianTransitionDialog *self)
{
  g_autoptr(GtkStringList) process = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) outcome = gtk_string_list_new (NULL);
  RexianSatisfaction process_value = rexian_work_order_get_followup_process (self->order);
  RexianSatisfaction outcome_value = rexian_work_order_get_followup_result (self->order);

  /* The positions are the enum values, NONE ("Not asked") first. */
  for (int value = REXIAN_SATISFACTION_NONE; value <= REXIAN_SATISFACTION_UNREACHABLE; value++)
    {
      gtk_string_list_append (process, rexian_satisfaction_get_label (value));
      gtk_string_list_append (outcome, rexian_satisfaction_get_label (value));
    }

  /* Handling again follows a dissatisfied visit, so that is the likely answer. */
  if (self->action == REXIAN_ACTION_REHANDLE)
    {
      if (process_value == REXIAN_SATISFACTION_NONE)
        process_value = REXIAN_SATISFACTION_DISSATISFIED;
      if (outcome_value == REXIAN_SATISFACTION_NONE)
        outcome_value = REXIAN_SATISFACTION_DISSATISFIED;
    }

  adw_combo_row_set_model (self->process_row, G_LIST_MODEL (process));
  adw_combo_row_set_model (self->outcome_row, G_LIST_MODEL (outcome));
  adw_combo_row_set_selected (self->process_row, process_value);
  adw_combo_row_set_selected (self->outcome_row, outcome_value);
}

static void
set_merge_info (RexianTransitionDialog *self,
                const char             *title,
                const char             *subtitle,
                gboolean                is_error)
{
  gtk_widget_set_visible (GTK_WIDGET (self->merge_info_row), title != NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->merge_info_row), title ? title : "");
  adw_action_row_set_subtitle (self->merge_info_row, subtitle ? subtitle : "");
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->merge_info_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->merge_info_row), "error");
}

/* Looks the typed number up on the store's main connection: one indexed read, quick
 * enough for the main loop. */
static void
resolve_merge_target (RexianTransitionDialog *self)
{
  g_autofree char *number = rexian_editable_dup_text (GTK_EDITABLE (self->merge_row));
  g_autoptr(RexianWorkOrder) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  g_clear_handle_id (&self->merge_lookup_id, g_source_remove);
  self->merge_target_id = 0;
  g_clear_pointer (&self->merge_target_number, g_free);

  if (number == NULL)
    {
      set_merge_info (self, NULL, NULL, FALSE);
      update_apply_enabled (self);
      return;
    }

  target = rexian_store_get_order_by_number (self->store, number, &error);
  if (target == NULL)
    {
      if (g_error_matches (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_NOT_FOUND))
        set_merge_info (self, _("No order has this number"), NULL, TRUE);
      else
        set_merge_info (self, _("The order could not be looked up"), error->message, TRUE);
      update_apply_enabled (self);
      return;
    }

  title = g_strdup_printf ("%s · %s", rexian_work_order_get_number (target),
                           rexian_state_get_label (rexian_work_order_get_state (target)));

  if (rexian_work_order_get_id (target) == rexian_work_order_get_id (self->order))
    {
      set_merge_info (self, _("This is the order itself"),
                      _("Enter the number of the earlier order from the same caller."), TRUE);
    }
  else if (!rexian_lifecycle_check_merge_target (self->order, target, &error))
    {
      /* The store would refuse it as well; saying so here spares the round trip. */
      set_merge_info (self, title, error->message, TRUE);
    }
  else
    {
      self->merge_target_id = rexian_work_order_get_id (target);
      self->merge_target_number = g_strdup (rexian_work_order_get_number (target));
      set_merge_info (self, title, rexian_work_order_get_summary (target), FALSE);
    }

  update_apply_enabled (self);
}

static gboolean
merge_lookup_timeout (gpointer user_data)
{
  RexianTransitionDialog *self = user_data;

  self->merge_lookup_id = 0;
  resolve_merge_target (self);

  return G_SOURCE_REMOVE;
}

static void
on_merge_changed (RexianTransitionDialog *self)
{
  self->merge_target_id = 0;
  update_apply_enabled (self);
  g_clear_handle_id (&self->merge_lookup_id, g_source_remove);
  self->merge_lookup_id = g_timeout_add (MERGE_LOOKUP_DELAY_MS, merge_lookup_timeout, self);
}

static void
setup_for_action (RexianTransitionDialog *self)
{
  const RexianTransition *transition = rexian_lifecycle_lookup (self->action);
  RexianFieldFlags required = transition != NULL ? transition->required : REXIAN_FIELD_NONE;
  RexianState state = rexian_work_order_get_state (self->order);
  RexianAction action = self->action;
  gboolean close_after_visit = action == REXIAN_ACTION_CLOSE && state == REXIAN_STATE_FOLLOW_UP;
  gboolean redispatch = action == REXIAN_ACTION_DISPATCH
                        && rexian_work_order_get_return_pending (self->order);
  gboolean show_reason;
  gboolean show_satisfaction;
  const char *label = rexian_action_get_label (action);
  const char *number = rexian_work_order_get_number (self->order);
  const char *summary = rexian_work_order_get_summary (self->order);
  g_autofree char *window_title = NULL;
  g_autofree char *order_text = NULL;
  RexianDeadlineRules rules;

  window_title = g_strdup_printf ("%s %s", label, number ? number : "");
  gtk_window_set_title (GTK_WINDOW (self), window_title);
  adw_window_title_set_title (self->window_title, label);
  adw_window_title_set_subtitle (self->window_title, number ? number : "");
  gtk_label_set_text (self->apply_label, label);

  order_text = g_strdup_printf ("%s — %s", rexian_state_get_label (state),
                                summary != NULL && summary[0] != '\0' ? summary : _("No summary"));
  gtk_label_set_text (self->order_label, order_text);

  /* A reason is what the timeline keeps for the next person: offer it wherever a
   * decision is taken, and insist where the table requires it. */
  show_reason = (required & REXIAN_FIELD_REASON) != 0
                || redispatch
                || action == REXIAN_ACTION_RETURN
                || action == REXIAN_ACTION_REJECT_RETURN
                || action == REXIAN_ACTION_REQUEST_EXTENSION
                || action == REXIAN_ACTION_REJECT_EXTENSION
                || action == REXIAN_ACTION_REHANDLE
                || action == REXIAN_ACTION_SUPERVISE
                || action == REXIAN_ACTION_MERGE;
  gtk_widget_set_visible (GTK_WIDGET (self->reason_group), show_reason);
  if ((required & REXIAN_FIELD_REASON) != 0)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reason_row), _("Reason"));
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reason_row),
                                   _("Reason (optional)"));

  if ((required & REXIAN_FIELD_LEAD_DEPARTMENT) != 0 || action == REXIAN_ACTION_DISPATCH)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->department_group), TRUE);
      load_departments (self);
    }

  if ((required & REXIAN_FIELD_TRANSFER_OPINION) != 0 || action == REXIAN_ACTION_DISPATCH)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->opinion_group), TRUE);
      rexian_text_view_set_text (self->opinion_view,
                                 rexian_work_order_get_transfer_opinion (self->order));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->handling_group), action == REXIAN_ACTION_DISPATCH);

  if (action == REXIAN_ACTION_DISPATCH || action == REXIAN_ACTION_REPLY)
    {
      const char *handler_name = rexian_work_order_get_handler_name (self->order);
      const char *handler_phone = rexian_work_order_get_handler_phone (self->order);

      gtk_widget_set_visible (GTK_WIDGET (self->handler_group), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (self->handler_name_row),
                             handler_name ? handler_name : "");
      gtk_editable_set_text (GTK_EDITABLE (self->handler_phone_row),
                             handler_phone ? handler_phone : "");
    }

  if ((required & REXIAN_FIELD_HANDLING_RESULT) != 0
      || action == REXIAN_ACTION_REPLY
      || action == REXIAN_ACTION_CLOSE_DIRECT)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->result_group), TRUE);
      rexian_text_view_set_text (self->result_view,
                                 rexian_work_order_get_handling_result (self->order));
    }

  show_satisfaction = (required & REXIAN_FIELD_SATISFACTION) != 0
                      || close_after_visit
                      || action == REXIAN_ACTION_REHANDLE;
  if (show_satisfaction)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->satisfaction_group), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->note_group), TRUE);
      load_satisfaction_models (self);
      rexian_text_view_set_text (self->note_view,
                                 rexian_work_order_get_followup_note (self->order));
    }

  if ((required & REXIAN_FIELD_EXTENSION_DAYS) != 0 || action == REXIAN_ACTION_REQUEST_EXTENSION)
    {
      g_autofree char *subtitle = NULL;
      int max_days;

      rexian_store_get_deadline_rules (self->store, &rules);
      max_days = MAX (1, rules.max_extension_days);
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "At most %d working day",
                                               "At most %d working days", max_days),
                                  max_days);
      adw_action_row_set_subtitle (self->extension_row, subtitle);
      gtk_spin_button_set_range (self->extension_spin, 1, max_days);
      gtk_spin_button_set_value (self->extension_spin, MIN (5, max_days));
      gtk_widget_set_visible (GTK_WIDGET (self->extension_group), TRUE);
    }

  if ((required & REXIAN_FIELD_MERGE_TARGET) != 0 || action == REXIAN_ACTION_MERGE)
    {
      const char *merged_into = rexian_work_order_get_merged_into_number (self->order);

      gtk_widget_set_visible (GTK_WIDGET (self->merge_group), TRUE);
      if (merged_into != NULL && merged_into[0] != '\0')
        {
          gtk_editable_set_text (GTK_EDITABLE (self->merge_row), merged_into);
          resolve_merge_target (self);
        }
    }

  update_apply_enabled (self);
}

static RexianTransitionInput *
collect_input (RexianTransitionDialog *self)
{
  g_autoptr(RexianTransitionInput) input = rexian_transition_input_new ();

  if (gtk_widget_get_visible (GTK_WIDGET (self->reason_group)))
    input->reason = rexian_editable_dup_text (GTK_EDITABLE (self->reason_row));

  if (gtk_widget_get_visible (GTK_WIDGET (self->department_group)))
    {
      guint selected = adw_combo_row_get_selected (self->lead_row);
      GArray *assisting = g_array_new (FALSE, FALSE, sizeof (gint64));

      if (selected != GTK_INVALID_LIST_POSITION && selected > 0
          && selected <= self->department_ids->len)
        input->lead_department_id = g_array_index (self->department_ids, gint64, selected - 1);

      for (guint i = 0; i < self->assist_checks->len; i++)
        {
          GtkCheckButton *check = g_ptr_array_index (self->assist_checks, i);
          const gint64 *id = g_object_get_data (G_OBJECT (check), "department-id");

          /* The lead department cannot also assist itself. */
          if (gtk_check_button_get_active (check) && *id != input->lead_department_id)
            g_array_append_val (assisting, *id);
        }

      input->assist_department_ids = assisting;
    }

  if (gtk_widget_get_visible (GTK_WIDGET (self->opinion_group)))
    input->transfer_opinion = rexian_text_view_dup_text (self->opinion_view);

  if (gtk_widget_get_visible (GTK_WIDGET (self->handling_group)))
    input->handling_days = gtk_spin_button_get_value_as_int (self->days_spin);

  if (gtk_widget_get_visible (GTK_WIDGET (self->handler_group)))
    {
      input->handler_name = rexian_editable_dup_text (GTK_EDITABLE (self->handler_name_row));
      input->handler_phone = rexian_editable_dup_text (GTK_EDITABLE (self->handler_phone_row));
    }

  if (gtk_widget_get_visible (GTK_WIDGET (self->result_group)))
    input->handling_result = rexian_text_view_dup_text (self->result_view);

  if (gtk_widget_get_visible (GTK_WIDGET (self->satisfaction_group)))
    {
      guint process = adw_combo_row_get_selected (self->process_row);
      guint outcome = adw_combo_row_get_selected (self->outcome_row);

      input->followup_process = process != GTK_INVALID_LIST_POSITION
                                ? (RexianSatisfaction) process : REXIAN_SATISFACTION_NONE;
      input->followup_result = outcome != GTK_INVALID_LIST_POSITION
                               ? (RexianSatisfaction) outcome : REXIAN_SATISFACTION_NONE;
    }

  if (gtk_widget_get_visible (GTK_WIDGET (self->note_group)))
    input->followup_note = rexian_text_view_dup_text (self->note_view);

  if (gtk_widget_get_visible (GTK_WIDGET (self->extension_group)))
    input->extension_days = gtk_spin_button_get_value_as_int (self->extension_spin);

  if (gtk_widget_get_visible (GTK_WIDGET (self->merge_group)))
    {
      /* The number may have been typed just now, before the delayed look-up ran. */
      if (self->merge_lookup_id != 0)
        resolve_merge_target (self);
      input->merge_into_id = self->merge_target_id;
      input->merge_into_number = g_strdup (self->merge_target_number);
    }

  if (self->action == REXIAN_ACTION_SUPERVISE)
    input->supervise_reason = REXIAN_SUPERVISE_REASON_MANUAL;

  return g_steal_pointer (&input);
}

static void
apply_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RexianTransitionDialog) self = user_data;
  g_autoptr(RexianWorkOrder) updated = NULL;
  g_autoptr(GError) error = NULL;

  updated = rexian_store_apply_finish (REXIAN_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (updated == NULL)
    {
      /* The dialog stays open with everything typed, so the user can fix and retry. */
      show_error (self, error->message);
      return;
    }

  self->finished = TRUE;
  g_signal_emit (self, signals[SIGNAL_APPLIED], 0, updated);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RexianTransitionDialog *self = REXIAN_TRANSITION_DIALOG (widget);
  g_autoptr(RexianTransitionInput) input = NULL;

  if (self->busy || self->finished)
    return;

  input = collect_input (self);

  /* Without an order that can take the merge there is nothing to apply; the row under
   * the number says why. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->merge_group)) && input->merge_into_id == 0)
    return;

  /* DB1405 5.1.4: a written reply keeps clear of the vague phrases the rules forbid; the
   * text stays for the agent to rephrase (rexian-reply-check.c). */
  if (self->action == REXIAN_ACTION_REPLY || self->action == REXIAN_ACTION_CLOSE_DIRECT)
    {
      g_autofree char *refusal = NULL;

      if (!rexian_reply_check_view (self->store, self->result_view, &refusal))
        {
          show_error (self, refusal);
          return;
        }
    }

  show_error (self, NULL);
  set_busy (self, TRUE);

  rexian_store_apply_async (self->store,
                            rexian_work_order_get_id (self->order),
                            self->action,
                            input,
                            self->agent_id,
                            self->cancellable,
                            apply_cb,
                            g_object_ref (self));
}

static gboolean
rexian_transition_dialog_close_request (GtkWindow *window)
{
  RexianTransitionDialog *self = REXIAN_TRANSITION_DIALOG (window);

  /* While the store is applying, the outcome is not known yet: closing now would hide
   * either the success or the refusal, so the dialog waits for it. */
  if (self->busy)
    return TRUE;

  if (!self->finished)
    {
      self->finished = TRUE;
      g_signal_emit (self, signals[SIGNAL_CANCELLED], 0);
    }

  return GTK_WINDOW_CLASS (rexian_transition_dialog_parent_class)->close_request (window);
}

static void
rexian_transition_dialog_dispose (GObject *object)
{
  RexianTransitionDialog *self = REXIAN_TRANSITION_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->merge_lookup_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), REXIAN_TYPE_TRANSITION_DIALOG);

  G_OBJECT_CLASS (rexian_transition_dialog_parent_class)->dispose (object);
}

static void
rexian_transition_dialog_finalize (GObject *object)
{
  RexianTransitionDialog *self = REXIAN_TRANSITION_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->order);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->department_ids, g_array_unref);
  g_clear_pointer (&self->assist_checks, g_ptr_array_unref);
  g_clear_pointer (&self->merge_target_number, g_free);

  G_OBJECT_CLASS (rexian_transition_dialog_parent_class)->finalize (object);
}

static void
rexian_transition_dialog_class_init (RexianTransitionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rexian_transition_dialog_dispose;
  object_class->finalize = rexian_transition_dialog_finalize;
  window_class->close_request = rexian_transition_dialog_close_request;

  /**
   * RexianTransitionDialog::applied:
   * @updated: the order as the store saved it
   *
   * The action was applied; the dialog closes right after.
   */
  signals[SIGNAL_APPLIED] =
    g_signal_new ("applied",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, REXIAN_TYPE_WORK_ORDER);

  /**
   * RexianTransitionDialog::cancelled:
   *
   * The dialog was closed without applying; emitted once.
   */
  signals[SIGNAL_CANCELLED] =
    g_signal_new ("cancelled",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rexian/Rexian/"
                                               "rexian-transition-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, apply_label);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, order_label);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, reason_group);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, department_group);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, lead_row);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, assist_row);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, opinion_group);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, opinion_view);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, handling_group);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, days_spin);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, handler_group);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, handler_name_row);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, handler_phone_row);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, result_group);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, result_view);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, satisfaction_group);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, process_row);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, note_group);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, note_view);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, extension_group);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, extension_row);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, extension_spin);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, merge_group);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, merge_row);
  gtk_widget_class_bind_template_child (widget_class, RexianTransitionDialog, merge_info_row);
  gtk_widget_class_bind_template_callback (widget_class, on_merge_changed);

  gtk_widget_class_install_action (widget_class, "dialog.apply", NULL, apply_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rexian_transition_dialog_init (RexianTransitionDialog *self)
{
  GtkEventController *shortcuts;
  GtkShortcut *shortcut;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->assist_checks = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();

  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->apply_button));

  /* Text views take Enter for a new line before any window binding sees it, so
   * Ctrl+Enter is caught in the capture phase, on the way down to them. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  shortcut = gtk_shortcut_new (gtk_alternative_trigger_new (
                                 gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                 gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK)),
                               gtk_named_action_new ("dialog.apply"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

RexianTransitionDialog *
rexian_transition_dialog_new (GtkWindow       *parent,
                              RexianStore     *store,
                              RexianWorkOrder *order,
                              RexianAction     action,
                              gint64           agent_id)
{
  RexianTransitionDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (REXIAN_IS_STORE (store), NULL);
  g_return_val_if_fail (REXIAN_IS_WORK_ORDER (order), NULL);
  g_return_val_if_fail ((guint) action < REXIAN_N_ACTIONS, NULL);

  self = g_object_new (REXIAN_TYPE_TRANSITION_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->order = g_object_ref (order);
  self->action = action;
  self->agent_id = agent_id;

  setup_for_action (self);

  return self;
}

/* Test hooks, see rexian-transition-dialog-private.h. */

void
_rexian_transition_dialog_select_lead_department (RexianTransitionDialog *self,
                                                  gint64                  department_id)
{
  g_return_if_fail (REXIAN_IS_TRANSITION_DIALOG (self));

  if (department_id == 0)
    {
      adw_combo_row_set_selected (self->lead_row, 0);
      return;
    }

  for (guint i = 0; i < self->department_ids->len; i++)
    {
      if (g_array_index (self->department_ids, gint64, i) == department_id)
        {
          adw_combo_row_set_selected (self->lead_row, i + 1);
          return;
        }
    }

  g_critical ("No department %" G_GINT64_FORMAT " in the dialog", department_id);
}

void
_rexian_transition_dialog_set_field_text (RexianTransitionDialog *self,
                                          RexianFieldFlags        field,
                                          const char             *text)
{
  g_return_if_fail (REXIAN_IS_TRANSITION_DIALOG (self));

  switch ((int) field)
    {
    case REXIAN_FIELD_REASON:
      gtk_editable_set_text (GTK_EDITABLE (self->reason_row), text);
      break;
    case REXIAN_FIELD_TRANSFER_OPINION:
      rexian_text_view_set_text (self->opinion_view, text);
      break;
    case REXIAN_FIELD_HANDLING_RESULT:
      rexian_text_view_set_text (self->result_view, text);
      break;
    case REXIAN_FIELD_MERGE_TARGET:
      gtk_editable_set_text (GTK_EDITABLE (self->merge_row), text);
      resolve_merge_target (self);
      break;
    default:
      g_critical ("The dialog has no text field for %d", (int) field);
    }
}

gboolean
_rexian_transition_dialog_is_field_shown (RexianTransitionDialog *self,
                                          RexianFieldFlags        field)
{
  GtkWidget *group = NULL;

  g_return_val_if_fail (REXIAN_IS_TRANSITION_DIALOG (self), FALSE);

  switch ((int) field)
    {
    case REXIAN_FIELD_REASON: group = GTK_WIDGET (self->reason_group); break;
    case REXIAN_FIELD_LEAD_DEPARTMENT: group = GTK_WIDGET (self->department_group); break;
    case REXIAN_FIELD_TRANSFER_OPINION: group = GTK_WIDGET (self->opinion_group); break;
    case REXIAN_FIELD_HANDLING_RESULT: group = GTK_WIDGET (self->result_group); break;
    case REXIAN_FIELD_SATISFACTION: group = GTK_WIDGET (self->satisfaction_group); break;
    case REXIAN_FIELD_EXTENSION_DAYS: group = GTK_WIDGET (self->extension_group); break;
    case REXIAN_FIELD_MERGE_TARGET: group = GTK_WIDGET (self->merge_group); break;
    default: return FALSE;
    }

  return gtk_widget_get_visible (group);
}

const char *
_rexian_transition_dialog_get_error (RexianTransitionDialog *self)
{
  g_return_val_if_fail (REXIAN_IS_TRANSITION_DIALOG (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->error_revealer))
    return NULL;

  return gtk_label_get_text (self->error_label);
}

gboolean
_rexian_transition_dialog_can_apply (RexianTransitionDialog *self)
{
  g_return_val_if_fail (REXIAN_IS_TRANSITION_DIALOG (self), FALSE);

  return gtk_widget_get_sensitive (GTK_WIDGET (self->apply_button));
}

const char *
_rexian_transition_dialog_get_merge_info (RexianTransitionDialog *self)
{
  g_return_val_if_fail (REXIAN_IS_TRANSITION_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->merge_info_row)))
    return NULL;

  return adw_action_row_get_subtitle (self->merge_info_row);
}

gboolean
_rexian_transition_dialog_is_busy (RexianTransitionDialog *self)
{
  g_return_val_if_fail (REXIAN_IS_TRANSITION_DIALOG (self), FALSE);

  return self->busy;
}
