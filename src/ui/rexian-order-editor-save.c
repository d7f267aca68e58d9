/* rexian-order-editor-save.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The editor's writes: creating the order from the intake form (and what follows in the
 * same click: submitting, answering on the spot, merging), saving edits of a stored
 * order, and applying lifecycle actions to it, directly or through a
 * RexianTransitionDialog.  All of them go through the store's asynchronous calls. */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-order-editor-private.h"
#include "rexian-reply-check.h"
#include "rexian-transition-dialog.h"
#include "rexian-ui-util.h"

/* Fields a transition dialog asks for besides the handling result; when answering on
 * the spot needs any of them, the dialog is opened instead of closing directly. */
#define CLOSE_DIRECT_EXTRA_FIELDS (REXIAN_FIELD_REASON | REXIAN_FIELD_LEAD_DEPARTMENT | \
                                   REXIAN_FIELD_TRANSFER_OPINION | \
                                   REXIAN_FIELD_SATISFACTION | \
                                   REXIAN_FIELD_EXTENSION_DAYS | REXIAN_FIELD_MERGE_TARGET)

static void
apply_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RexianOrderEditor) self = user_data;
  g_autoptr(RexianWorkOrder) updated = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  RexianState before;

  updated = rexian_store_apply_finish (REXIAN_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  _rexian_order_editor_set_busy (self, FALSE);

  if (updated == NULL)
    {
      if (self->applying_after_create && self->order != NULL)
        text = g_strdup_printf (_("The request was saved as order %s, but “%s” was "
                                  "refused: %s"),
                                rexian_work_order_get_number (self->order),
                                rexian_action_get_label (self->applying), error->message);
      else
        text = g_strdup_printf (_("“%s” was refused: %s"),
                                rexian_action_get_label (self->applying), error->message);
      _rexian_order_editor_show_message (self, text);
      return;
    }

  before = self->order != NULL ? rexian_work_order_get_state (self->order) : REXIAN_STATE_INTAKE;
  _rexian_order_editor_load_order (self, updated);
  _rexian_order_editor_emit_saved (self, updated);

  if (self->applying == REXIAN_ACTION_MERGE)
    text = g_strdup_printf (_("Recorded as order %s and merged into order %s"),
                            rexian_work_order_get_number (updated),
                            rexian_work_order_get_merged_into_number (updated)
                            ? rexian_work_order_get_merged_into_number (updated) : "");
  else if (rexian_work_order_get_state (updated) != before || self->applying_after_create)
    text = g_strdup_printf (_("Order %s is now “%s”"), rexian_work_order_get_number (updated),
                            rexian_state_get_label (rexian_work_order_get_state (updated)));
  else
    text = g_strdup_printf (_("“%s” recorded for order %s"),
                            rexian_action_get_label (self->applying),
                            rexian_work_order_get_number (updated));
  _rexian_order_editor_show_toast (self, text);
}

static void
apply_full (RexianOrderEditor     *self,
            RexianAction           action,
            RexianTransitionInput *input,
            gboolean               after_create)
{
  g_autoptr(RexianTransitionInput) empty = NULL;

  g_return_if_fail (self->order != NULL);

  if (input == NULL)
    input = empty = rexian_transition_input_new ();

  self->applying = action;
  self->applying_after_create = !!after_create;
  _rexian_order_editor_show_message (self, NULL);
  _rexian_order_editor_set_busy (self, TRUE);

  rexian_store_apply_async (self->store,
                            rexian_work_order_get_id (self->order),
                            action,
                            input,
                            self->agent_id,
                            self->cancellable,
                            apply_cb,
                            g_object_ref (self));
}

void
_rexian_order_editor_apply (RexianOrderEditor     *self,
                            RexianAction           action,
                            RexianTransitionInput *input)
{
  apply_full (self, action, input, FALSE);
}

static void
on_dialog_applied (RexianOrderEditor *self,
                   RexianWorkOrder   *updated)
{
  g_autofree char *text = NULL;

  _rexian_order_editor_load_order (self, updated);
  _rexian_order_editor_emit_saved (self, updated);

  text = g_strdup_printf (_("Order %s is now “%s”"), rexian_work_order_get_number (updated),
                          rexian_state_get_label (rexian_work_order_get_state (updated)));
  _rexian_order_editor_show_toast (self, text);
}

void
_rexian_order_editor_open_dialog (RexianOrderEditor *self,
                                  RexianAction       action)
{
  RexianTransitionDialog *dialog;

  g_return_if_fail (self->order != NULL);

  /* Supervising writes a record (cause, method, the person responsible), not only a
   * reason: its own dialog asks for them. */
  if (action == REXIAN_ACTION_SUPERVISE)
    {
      _rexian_order_editor_add_supervision (self);
      return;
    }

  dialog = rexian_transition_dialog_new (GTK_WINDOW (self), self->store, self->order, action,
                                         self->agent_id);
  g_signal_connect_object (dialog, "applied", G_CALLBACK (on_dialog_applied), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
create_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RexianOrderEditor) self = user_data;
  g_autoptr(RexianWorkOrder) created = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianTransitionInput) input = NULL;
  g_autofree char *text = NULL;
  RexianAfterCreate after = self->after_create;
  const RexianTransition *transition;

  created = rexian_store_create_order_finish (REXIAN_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  _rexian_order_editor_set_busy (self, FALSE);
  self->after_create = REXIAN_AFTER_CREATE_NOTHING;

  if (created == NULL)
    {
      text = g_strdup_printf (_("The request could not be saved: %s"), error->message);
      _rexian_order_editor_show_message (self, text);
      return;
    }

  /* From here on the editor shows the stored order, so that a refusal of the next step
   * cannot lead to the same request being saved twice. */
  _rexian_order_editor_load_order (self, created);
  _rexian_order_editor_emit_saved (self, created);

  switch (after)
    {
    case REXIAN_AFTER_CREATE_NOTHING:
      text = g_strdup_printf (_("Saved as order %s"), rexian_work_order_get_number (created));
      _rexian_order_editor_show_toast (self, text);
      break;

    case REXIAN_AFTER_CREATE_SUBMIT:
      if (rexian_transition_dialog_action_needs_input (REXIAN_ACTION_SUBMIT))
        _rexian_order_editor_open_dialog (self, REXIAN_ACTION_SUBMIT);
      else
        apply_full (self, REXIAN_ACTION_SUBMIT, NULL, TRUE);
      break;

    case REXIAN_AFTER_CREATE_CLOSE:
      transition = rexian_lifecycle_lookup (REXIAN_ACTION_CLOSE_DIRECT);
      if (transition != NULL && (transition->required & CLOSE_DIRECT_EXTRA_FIELDS) != 0)
        {
          _rexian_order_editor_open_dialog (self, REXIAN_ACTION_CLOSE_DIRECT);
          break;
        }
      input = rexian_transition_input_new ();
      input->handling_result = g_steal_pointer (&self->pending_answer);
      apply_full (self, REXIAN_ACTION_CLOSE_DIRECT, input, TRUE);
      break;

    case REXIAN_AFTER_CREATE_MERGE:
      input = rexian_transition_input_new ();
      input->merge_into_id = self->merge_target_id;
      input->merge_into_number = g_strdup (self->merge_target_number);
      apply_full (self, REXIAN_ACTION_MERGE, input, TRUE);
      break;

    default:
      g_assert_not_reached ();
    }

  g_clear_pointer (&self->pending_answer, g_free);
}

void
_rexian_order_editor_create (RexianOrderEditor *self,
                             RexianAfterCreate  after)
{
  g_autoptr(RexianWorkOrder) draft = NULL;
  g_autofree char *answer = NULL;
  g_autofree char *refusal = NULL;

  if (self->order != NULL || self->busy)
    return;

  if (after == REXIAN_AFTER_CREATE_CLOSE)
    {
      answer = rexian_text_view_dup_text (self->answer_view);
      if (answer == NULL)
        {
          _rexian_order_editor_show_message (self,
                                             _("Write the answer given to the caller before "
                                               "closing the order."));
          gtk_widget_grab_focus (GTK_WIDGET (self->answer_view));
          return;
        }
      /* DB1405 5.1.4 (rexian-reply-check.c): the answer stays for the agent to rephrase. */
      if (!rexian_reply_check_view (self->store, self->answer_view, &refusal))
        {
          _rexian_order_editor_show_message (self, refusal);
          gtk_widget_grab_focus (GTK_WIDGET (self->answer_view));
          return;
        }
    }

  draft = rexian_work_order_new ();
  if (!_rexian_order_editor_read_form (self, draft))
    return;

  self->after_create = after;
  g_free (self->pending_answer);
  self->pending_answer = g_steal_pointer (&answer);
  _rexian_order_editor_set_busy (self, TRUE);

  rexian_store_create_order_async (self->store, draft, self->agent_id, self->cancellable,
                                   create_cb, g_object_ref (self));
}

static gboolean
same_text (const char *a,
           const char *b)
{
  return g_strcmp0 (a != NULL ? a : "", b != NULL ? b : "") == 0;
}

/* Whether @a and @b agree on every field the form edits: what decides whether a save
 * that lost a race against another seat can simply be made again. */
static gboolean
same_form_fields (RexianWorkOrder *a,
                  RexianWorkOrder *b)
{
  return rexian_work_order_get_channel (a) == rexian_work_order_get_channel (b)
         && rexian_work_order_get_kind (a) == rexian_work_order_get_kind (b)
         && rexian_work_order_get_category_id (a) == rexian_work_order_get_category_id (b)
         && same_text (rexian_work_order_get_caller_name (a),
                       rexian_work_order_get_caller_name (b))
         && same_text (rexian_work_order_get_caller_title (a),
                       rexian_work_order_get_caller_title (b))
         && same_text (rexian_work_order_get_caller_phone (a),
                       rexian_work_order_get_caller_phone (b))
         && same_text (rexian_work_order_get_caller_address (a),
                       rexian_work_order_get_caller_address (b))
         && !rexian_work_order_get_confidential (a) == !rexian_work_order_get_confidential (b)
         && !rexian_work_order_get_emergency (a) == !rexian_work_order_get_emergency (b)
         && rexian_work_order_get_event_time (a) == rexian_work_order_get_event_time (b)
         && same_text (rexian_work_order_get_event_place (a),
                       rexian_work_order_get_event_place (b))
         && same_text (rexian_work_order_get_event_course (a),
                       rexian_work_order_get_event_course (b))
         && same_text (rexian_work_order_get_present_state (a),
                       rexian_work_order_get_present_state (b))
         && same_text (rexian_work_order_get_request (a), rexian_work_order_get_request (b))
         && same_text (rexian_work_order_get_summary (a), rexian_work_order_get_summary (b));
}

static void update_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data);

static void
start_update (RexianOrderEditor *self,
              RexianWorkOrder   *edited)
{
  _rexian_order_editor_set_busy (self, TRUE);
  rexian_store_update_order_async (self->store, edited, self->agent_id, NULL, self->cancellable,
                                   update_cb, g_object_ref (self));
}

/* Another write got in between: automatic supervision and other seats' lifecycle steps
 * bump the version without touching what the form edits, so the save is made again on
 * the fresh order.  When another seat changed the same fields, what was typed stays in
 * the form for the user to check; the fresh version becomes the base of the next save,
 * so that saving again then succeeds.  Nothing typed is ever replaced. */
static void
handle_conflict (RexianOrderEditor *self)
{
  g_autoptr(RexianWorkOrder) fresh = NULL;
  g_autoptr(RexianWorkOrder) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  fresh = rexian_store_get_order (self->store, rexian_work_order_get_id (self->order), &error);
  if (fresh == NULL)
    {
      _rexian_order_editor_set_busy (self, FALSE);
      text = g_strdup_printf (_("The changes could not be saved: %s"), error->message);
      _rexian_order_editor_show_message (self, text);
      return;
    }

  if (!self->save_retried && same_form_fields (fresh, self->order))
    {
      edited = rexian_work_order_copy (fresh);
      if (!_rexian_order_editor_read_form (self, edited))
        {
          _rexian_order_editor_set_busy (self, FALSE);
          return;
        }

      self->save_retried = TRUE;
      start_update (self, edited);
      return;
    }

  _rexian_order_editor_set_busy (self, FALSE);
  _rexian_order_editor_rebase (self, fresh);
  _rexian_order_editor_show_message (self,
                                     _("Someone else changed this order while you were "
                                       "editing it. Your changes are kept: check them and "
                                       "save again."));
}

static void
update_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RexianOrderEditor) self = user_data;
  g_autoptr(RexianWorkOrder) updated = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  updated = rexian_store_update_order_finish (REXIAN_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (g_error_matches (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_CONFLICT))
    {
      handle_conflict (self);
      return;
    }

  _rexian_order_editor_set_busy (self, FALSE);

  if (updated == NULL)
    {
      /* The edits stay in the form, so saving can be tried again. */
      text = g_strdup_printf (_("The changes could not be saved: %s"), error->message);
      _rexian_order_editor_show_message (self, text);
      return;
    }

  _rexian_order_editor_load_order (self, updated);
  _rexian_order_editor_emit_saved (self, updated);
  _rexian_order_editor_show_toast (self, _("Changes saved"));
}

static void
save_changes (RexianOrderEditor *self)
{
  g_autoptr(RexianWorkOrder) edited = NULL;

  if (self->busy || !self->editable || !self->dirty)
    return;

  edited = rexian_work_order_copy (self->order);
  if (!_rexian_order_editor_read_form (self, edited))
    return;

  self->save_retried = FALSE;
  start_update (self, edited);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RexianOrderEditor *self = REXIAN_ORDER_EDITOR (widget);

  if (self->order == NULL)
    _rexian_order_editor_create (self, REXIAN_AFTER_CREATE_NOTHING);
  else
    save_changes (self);
}

static void
save_and_submit_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  _rexian_order_editor_create (REXIAN_ORDER_EDITOR (widget), REXIAN_AFTER_CREATE_SUBMIT);
}

static void
answer_and_close_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  _rexian_order_editor_create (REXIAN_ORDER_EDITOR (widget), REXIAN_AFTER_CREATE_CLOSE);
}

static void
merge_into_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _rexian_order_editor_merge_into (REXIAN_ORDER_EDITOR (widget), g_variant_get_int64 (parameter));
}

/* Whether @action on the shown order is worth a dialog.  Closing from "replied" asks
 * nothing the table requires, so it is applied at once like the other plain steps. */
static gboolean
action_needs_dialog (RexianOrderEditor *self,
                     RexianAction       action)
{
  const RexianTransition *transition;

  if (action != REXIAN_ACTION_CLOSE)
    return rexian_transition_dialog_action_needs_input (action);

  if (rexian_work_order_get_state (self->order) == REXIAN_STATE_FOLLOW_UP)
    return TRUE;

  transition = rexian_lifecycle_lookup (action);
  return transition != NULL && (transition->required & ~(REXIAN_FIELD_SUMMARY |
                                                          REXIAN_FIELD_CALLER_PHONE)) != 0;
}

static void
apply_action_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RexianOrderEditor *self = REXIAN_ORDER_EDITOR (widget);
  RexianAction action = g_variant_get_int32 (parameter);

  if (self->order == NULL || self->busy || (guint) action >= REXIAN_N_ACTIONS)
    return;

  /* An action works on the stored order; unsaved edits would silently be left behind. */
  if (self->dirty)
    {
      _rexian_order_editor_show_message (self,
                                         _("Save your changes to the order first, then choose "
                                           "the next step."));
      return;
    }

  if (action_needs_dialog (self, action))
    _rexian_order_editor_open_dialog (self, action);
  else
    _rexian_order_editor_apply (self, action, NULL);
}

void
_rexian_order_editor_install_write_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.save-and-submit", NULL,
                                   save_and_submit_action);
  gtk_widget_class_install_action (widget_class, "editor.answer-and-close", NULL,
                                   answer_and_close_action);
  gtk_widget_class_install_action (widget_class, "editor.merge-into", "x", merge_into_action);
  gtk_widget_class_install_action (widget_class, "editor.apply-action", "i",
                                   apply_action_action);
}
