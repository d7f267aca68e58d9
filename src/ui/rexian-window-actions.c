/* rexian-window-actions.c: what the window's actions and kanban drops do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-form-record-dialog.h"
#include "rexian-order-editor.h"
#include "rexian-supervision-dialog.h"
#include "rexian-transition-dialog.h"
#include "rexian-window-private.h"

static void
remember_dialog (RexianWindow *self,
                 GtkWindow    *dialog)
{
  g_set_weak_pointer (&self->last_dialog, dialog);
}

void
_rexian_window_open_order (RexianWindow    *self,
                           RexianWorkOrder *order)
{
  RexianOrderEditor *editor;

  editor = rexian_order_editor_new (GTK_WINDOW (self), self->store,
                                    _rexian_window_get_agent_id (self), order);
  remember_dialog (self, GTK_WINDOW (editor));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_applied_directly (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RexianWindow) self = user_data;
  g_autoptr(RexianWorkOrder) order = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  order = rexian_store_apply_finish (REXIAN_STORE (object), result, &error);
  if (order == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _rexian_window_toast (self, error->message);
      return;
    }

  /* Translators: the first %s is an order number, the second its new state. */
  message = g_strdup_printf (_("Order %s: %s"), rexian_work_order_get_number (order),
                             rexian_state_get_label (rexian_work_order_get_state (order)));
  _rexian_window_toast (self, message);
}

static void
on_dialog_applied (RexianWindow    *self,
                   RexianWorkOrder *order)
{
  g_autofree char *message = NULL;

  message = g_strdup_printf (_("Order %s: %s"), rexian_work_order_get_number (order),
                             rexian_state_get_label (rexian_work_order_get_state (order)));
  _rexian_window_toast (self, message);
}

void
_rexian_window_request_action (RexianWindow    *self,
                               RexianWorkOrder *order,
                               RexianAction     action)
{
  g_autoptr(GError) error = NULL;

  if (!rexian_lifecycle_can_apply (order, action, &error))
    {
      _rexian_window_toast (self, error->message);
      return;
    }

  /* Supervising writes a record (cause, method, the person responsible): the same
   * dialog as the editor's. */
  if (action == REXIAN_ACTION_SUPERVISE)
    {
      RexianSupervisionDialog *dialog;

      dialog = rexian_supervision_dialog_new_record (GTK_WINDOW (self), self->store,
                                                     rexian_work_order_get_id (order),
                                                     rexian_work_order_get_number (order),
                                                     _rexian_window_get_agent_id (self));
      remember_dialog (self, GTK_WINDOW (dialog));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (rexian_transition_dialog_action_needs_input (action))
    {
      RexianTransitionDialog *dialog;

      dialog = rexian_transition_dialog_new (GTK_WINDOW (self), self->store, order, action,
                                             _rexian_window_get_agent_id (self));
      g_signal_connect_object (dialog, "applied", G_CALLBACK (on_dialog_applied), self,
                               G_CONNECT_SWAPPED);
      remember_dialog (self, GTK_WINDOW (dialog));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  rexian_store_apply_async (self->store, rexian_work_order_get_id (order), action, NULL,
                            _rexian_window_get_agent_id (self), self->cancellable,
                            on_applied_directly, g_object_ref (self));
}

typedef struct
{
  RexianWindow    *window;
  RexianWorkOrder *order;
} ChoiceData;

static void
choice_data_free (gpointer data)
{
  ChoiceData *choice = data;

  g_clear_object (&choice->window);
  g_clear_object (&choice->order);
  g_free (choice);
}

static void
on_choice_response (AdwMessageDialog *dialog,
                    const char       *response,
                    ChoiceData       *choice)
{
  RexianAction action;

  if (rexian_action_from_string (response, &action))
    _rexian_window_request_action (choice->window, choice->order, action);
}

gboolean
_rexian_window_request_move (RexianWindow    *self,
                             RexianWorkOrder *order,
                             RexianState      to_state)
{
  RexianAction candidates[REXIAN_N_ACTIONS];
  RexianAction allowed[REXIAN_N_ACTIONS];
  g_autoptr(GError) first_error = NULL;
  RexianState from_state = rexian_work_order_get_state (order);
  guint n_candidates;
  guint n_allowed = 0;

  if (from_state == to_state)
    return FALSE;

  n_candidates = rexian_lifecycle_actions_between (from_state, to_state, candidates);
  for (guint i = 0; i < n_candidates; i++)
    {
      g_autoptr(GError) error = NULL;

      if (rexian_lifecycle_can_apply (order, candidates[i], &error))
        allowed[n_allowed++] = candidates[i];
      else if (first_error == NULL)
        first_error = g_steal_pointer (&error);
    }

  if (n_allowed == 0)
    {
      g_autofree char *reason = NULL;

      /* A move the table allows but this order's flags do not (a return still waiting
       * for review, say) is explained by the rule that refused it; a move the table
       * never allows by the general sentence about the two states. */
      if (first_error != NULL)
        reason = g_strdup (first_error->message);
      else
        reason = rexian_lifecycle_explain_refusal (from_state, to_state);

      _rexian_window_toast (self, reason);
      return FALSE;
    }

  if (n_allowed == 1)
    {
      _rexian_window_request_action (self, order, allowed[0]);
      return TRUE;
    }

  {
    AdwMessageDialog *dialog;
    ChoiceData *choice;
    g_autofree char *heading = NULL;

    /* Translators: %s is a work-order number. */
    heading = g_strdup_printf (_("Move Order %s"), rexian_work_order_get_number (order));
    dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                         _("More than one step leads there. Which one is it?")));
    adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
    for (guint i = 0; i < n_allowed; i++)
      adw_message_dialog_add_response (dialog, rexian_action_to_string (allowed[i]),
                                       rexian_action_get_label (allowed[i]));
    adw_message_dialog_set_default_response (dialog, rexian_action_to_string (allowed[0]));
    adw_message_dialog_set_close_response (dialog, "cancel");

    choice = g_new0 (ChoiceData, 1);
    choice->window = g_object_ref (self);
    choice->order = g_object_ref (order);
    g_signal_connect_data (dialog, "response", G_CALLBACK (on_choice_response), choice,
                           (GClosureNotify) (void (*) (void)) choice_data_free, 0);
    remember_dialog (self, GTK_WINDOW (dialog));
    gtk_window_present (GTK_WINDOW (dialog));
  }

  return TRUE;
}

static RexianWorkOrder *
load_order (RexianWindow *self,
            gint64        order_id)
{
  g_autoptr(GError) error = NULL;
  RexianWorkOrder *order = rexian_store_get_order (self->store, order_id, &error);

  if (order == NULL)
    _rexian_window_toast (self, error->message);

  return order;
}

static void
new_order_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _rexian_window_open_order (REXIAN_WINDOW (widget), NULL);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RexianWindow *self = REXIAN_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "orders");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RexianWindow *self = REXIAN_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, g_variant_get_string (parameter, NULL));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RexianWindow *self = REXIAN_WINDOW (widget);

  rexian_store_poll (self->store);
  rexian_kanban_refresh (self->kanban);
  rexian_alerts_view_refresh (self->alerts_view);
}

static void
open_order_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RexianWindow *self = REXIAN_WINDOW (widget);
  g_autoptr(RexianWorkOrder) order = load_order (self, g_variant_get_int64 (parameter));

  if (order != NULL)
    _rexian_window_open_order (self, order);
}

static void
apply_action_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RexianWindow *self = REXIAN_WINDOW (widget);
  g_autoptr(RexianWorkOrder) order = NULL;
  const char *action_id = NULL;
  gint64 order_id = 0;
  RexianAction action;

  g_variant_get (parameter, "(x&s)", &order_id, &action_id);
  if (!rexian_action_from_string (action_id, &action))
    return;

  order = load_order (self, order_id);
  if (order != NULL)
    _rexian_window_request_action (self, order, action);
}

static void
move_order_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RexianWindow *self = REXIAN_WINDOW (widget);
  g_autoptr(RexianWorkOrder) order = NULL;
  gint64 order_id = 0;
  int to_state = 0;

  g_variant_get (parameter, "(xi)", &order_id, &to_state);
  if (to_state < 0 || to_state >= REXIAN_N_STATES)
    return;

  order = load_order (self, order_id);
  if (order != NULL)
    _rexian_window_request_move (self, order, (RexianState) to_state);
}

/* The 记录单 of chosen days (DB1405 Table A.1), printed or exported. */
static void
record_sheet_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RexianWindow *self = REXIAN_WINDOW (widget);
  GtkWindow *dialog = rexian_form_record_dialog_new (self->store, GTK_WINDOW (self));

  remember_dialog (self, dialog);
  gtk_window_present (dialog);
}

void
_rexian_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-order", NULL, new_order_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.record-sheet", NULL, record_sheet_action);
  gtk_widget_class_install_action (widget_class, "win.open-order", "x", open_order_action);
  gtk_widget_class_install_action (widget_class, "win.apply-action", "(xs)",
                                   apply_action_action);
  gtk_widget_class_install_action (widget_class, "win.move-order", "(xi)", move_order_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-order", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK,
                                       "win.show-view", "s", "orders");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK,
                                       "win.show-view", "s", "alerts");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
}
