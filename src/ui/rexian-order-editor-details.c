/* rexian-order-editor-details.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The parts of the editor that show a stored order rather than edit it: the status line
 * with the deadline chip and badges, the transfer, reply and follow-up details, the
 * timeline, and the buttons for the lifecycle actions the state allows. */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-order-editor-private.h"
#include "rexian-ui-util.h"

/* The order in which action buttons appear: the usual next step first, then the
 * reviews, then the exceptional moves. */
static const RexianAction action_order[] = {
  REXIAN_ACTION_SUBMIT,
  REXIAN_ACTION_DISPATCH,
  REXIAN_ACTION_REPLY,
  REXIAN_ACTION_START_FOLLOW_UP,
  REXIAN_ACTION_CLOSE,
  REXIAN_ACTION_ARCHIVE,
  REXIAN_ACTION_CLOSE_DIRECT,
  REXIAN_ACTION_REJECT_RETURN,
  REXIAN_ACTION_APPROVE_EXTENSION,
  REXIAN_ACTION_REJECT_EXTENSION,
  REXIAN_ACTION_REQUEST_EXTENSION,
  REXIAN_ACTION_RETURN,
  REXIAN_ACTION_REHANDLE,
  REXIAN_ACTION_MERGE,
  REXIAN_ACTION_SUPERVISE,
};

static gboolean
action_moves_forward (RexianAction action)
{
  switch (action)
    {
    case REXIAN_ACTION_SUBMIT:
    case REXIAN_ACTION_DISPATCH:
    case REXIAN_ACTION_REPLY:
    case REXIAN_ACTION_START_FOLLOW_UP:
    case REXIAN_ACTION_CLOSE:
    case REXIAN_ACTION_ARCHIVE:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
add_badge (RexianOrderEditor *self,
           const char        *text,
           const char        *style,
           const char        *tooltip)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "badge");
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (label, tooltip);

  gtk_box_append (self->badge_box, label);

  return label;
}

static void
add_deadline_chip (RexianOrderEditor *self)
{
  RexianWorkOrder *order = self->order;
  RexianState state = rexian_work_order_get_state (order);
  RexianDeadlineRules rules;
  g_autofree char *text = NULL;
  g_autofree char *when = NULL;
  g_autofree char *tooltip = NULL;
  const char *style = NULL;
  GtkWidget *label;

  rexian_store_get_deadline_rules (self->store, &rules);

  /* The same words and colours as on the kanban card (from the application's style
   * sheet), so that an order reads the same wherever it is shown. */
  text = rexian_deadline_describe (rexian_store_get_calendar (self->store), &rules, order,
                                   g_get_real_time () / G_USEC_PER_SEC, &style);
  if (text == NULL)
    return;

  when = _rexian_order_editor_format_time (rexian_work_order_get_running_deadline (order));
  if (state == REXIAN_STATE_INTAKE || state == REXIAN_STATE_PENDING_DISPATCH)
    tooltip = g_strdup_printf (_("Transfer deadline: %s"), when);
  else
    tooltip = g_strdup_printf (_("Handling deadline: %s"), when);

  label = add_badge (self, text, "deadline-chip", tooltip);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
}

void
_rexian_order_editor_update_status (RexianOrderEditor *self)
{
  RexianWorkOrder *order = self->order;
  RexianState state;
  int count;

  clear_box (self->badge_box);

  if (order == NULL)
    return;

  state = rexian_work_order_get_state (order);
  gtk_label_set_text (self->number_label, rexian_work_order_get_number (order));

  add_badge (self, rexian_state_get_label (state), "state", NULL);
  add_deadline_chip (self);

  if (rexian_work_order_get_emergency (order))
    add_badge (self, _("Emergency"), "badge-emergency",
               _("Reported to the emergency department and under supervision"));
  if (rexian_work_order_get_supervised (order))
    add_badge (self, _("Supervised"), "badge-supervised", NULL);
  if (rexian_work_order_get_confidential (order))
    add_badge (self, _("Confidential"), "accent",
               _("The caller’s name and phone number are masked"));
  if (rexian_work_order_get_repeated (order))
    add_badge (self, _("Repeated"), "warning",
               _("The same caller has other open requests"));
  if (rexian_work_order_get_return_pending (order))
    add_badge (self, _("Returned"), "warning",
               _("The department returned the order; review it and re-dispatch or reject the "
                 "return"));

  count = rexian_work_order_get_extension_requested_days (order);
  if (count > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Extension of %d working day requested",
                                                            "Extension of %d working days requested",
                                                            count),
                                               count);
      add_badge (self, text, "warning", NULL);
    }

  count = rexian_work_order_get_rehandle_count (order);
  if (count > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Handled again %d time",
                                                            "Handled again %d times", count),
                                               count);
      add_badge (self, text, NULL, NULL);
    }

  if (state == REXIAN_STATE_ARCHIVED)
    gtk_label_set_text (self->status_note_label, _("Archived orders are read-only."));
  else if (!self->editable)
    gtk_label_set_text (self->status_note_label,
                        _("The request can no longer be edited in this state."));
  gtk_widget_set_visible (GTK_WIDGET (self->status_note_label), !self->editable);
}

static void
add_info_row (GtkListBox *list,
              const char *title,
              const char *value)
{
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *title_label;
  GtkWidget *value_label;

  if (value == NULL || value[0] == '\0')
    return;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  title_label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_widget_add_css_class (title_label, "caption");
  gtk_widget_add_css_class (title_label, "dim-label");
  gtk_box_append (GTK_BOX (box), title_label);

  value_label = gtk_label_new (value);
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_label_set_wrap (GTK_LABEL (value_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_box_append (GTK_BOX (box), value_label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_append (list, row);
}

static void
add_time_row (GtkListBox *list,
              const char *title,
              gint64      unix_time)
{
  g_autofree char *text = _rexian_order_editor_format_time (unix_time);

  add_info_row (list, title, text);
}

static GtkListBox *
new_info_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  return GTK_LIST_BOX (list);
}

/* Adds @list under @title when it got any row; an empty one is dropped. */
static void
add_info_group (RexianOrderEditor *self,
                const char        *title,
                GtkListBox        *list)
{
  GtkWidget *group;

  if (gtk_widget_get_first_child (GTK_WIDGET (list)) == NULL)
    {
      g_object_ref_sink (list);
      g_object_unref (list);
      return;
    }

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (list));
  gtk_box_append (self->details_box, group);
}

static char *
dup_department_names (RexianOrderEditor *self,
                      GArray            *ids)
{
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GString) names = NULL;

  if (ids == NULL || ids->len == 0)
    return NULL;

  departments = rexian_store_list_departments (self->store, NULL);
  if (departments == NULL)
    return NULL;

  names = g_string_new (NULL);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      for (guint j = 0; j < departments->len; j++)
        {
          RexianDepartment *department = g_ptr_array_index (departments, j);

          if (department->id != id)
            continue;

          if (names->len > 0)
            /* Translators: between the names of departments in a list. */
            g_string_append (names, C_("list separator", ", "));
          g_string_append (names, department->name);
          break;
        }
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static char *
dup_name_and_phone (const char *name,
                    const char *phone)
{
  gboolean has_name = name != NULL && name[0] != '\0';
  gboolean has_phone = phone != NULL && phone[0] != '\0';

  if (has_name && has_phone)
    return g_strdup_printf ("%s · %s", name, phone);
  if (has_name)
    return g_strdup (name);
  if (has_phone)
    return g_strdup (phone);

  return NULL;
}

void
_rexian_order_editor_update_details (RexianOrderEditor *self)
{
  RexianWorkOrder *order = self->order;
  GtkListBox *list;
  clear_box (self->details_box);

  if (order == NULL)
    return;

  /* 记录单: when the request came in and who took it. */
  list = new_info_list ();
  add_time_row (list, _("Received"), rexian_work_order_get_created_at (order));
  add_info_row (list, _("Taken in by"), rexian_work_order_get_intake_agent_name (order));
  add_time_row (list, _("Closed"), rexian_work_order_get_closed_at (order));
  add_time_row (list, _("Archived"), rexian_work_order_get_archived_at (order));
  add_info_row (list, _("Merged into order"), rexian_work_order_get_merged_into_number (order));
  add_info_group (self, _("Record"), list);

  /* 转办单: where it went and by when. */
  list = new_info_list ();
  {
    g_autofree char *assisting =
      dup_department_names (self, rexian_work_order_get_assist_department_ids (order));
    g_autofree char *handler =
      dup_name_and_phone (rexian_work_order_get_handler_name (order),
                          rexian_work_order_get_handler_phone (order));
    int extensions = rexian_work_order_get_extension_count (order);

    add_info_row (list, _("Lead department"), rexian_work_order_get_lead_department_name (order));
    add_info_row (list, _("Assisting departments"), assisting);
    add_info_row (list, _("Transfer opinion"), rexian_work_order_get_transfer_opinion (order));
    add_info_row (list, _("Handler"), handler);
    add_time_row (list, _("Transferred at"), rexian_work_order_get_dispatched_at (order));
    if (rexian_work_order_get_lead_department_id (order) != 0)
      {
        g_autofree char *deadline =
          _rexian_order_editor_format_time (rexian_work_order_get_deadline (order));
        g_autofree char *text = NULL;

        if (extensions > 0)
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%s (extended once)",
                                               "%s (extended %d times)", extensions),
                                  deadline, extensions);
        add_info_row (list, _("Handling deadline"), text != NULL ? text : deadline);
      }
    else
      {
        add_time_row (list, _("Transfer deadline"),
                      rexian_work_order_get_dispatch_deadline (order));
      }
  }
  add_info_group (self, _("Transfer"), list);

  list = new_info_list ();
  add_info_row (list, _("Handling result"), rexian_work_order_get_handling_result (order));
  add_time_row (list, _("Replied"), rexian_work_order_get_replied_at (order));
  add_info_group (self, _("Reply"), list);

  list = new_info_list ();
  if (rexian_work_order_get_followup_process (order) != REXIAN_SATISFACTION_NONE
      || rexian_work_order_get_followup_result (order) != REXIAN_SATISFACTION_NONE)
    {
      add_info_row (list, _("Satisfaction with the process"),
                    rexian_satisfaction_get_label (rexian_work_order_get_followup_process (order)));
      add_info_row (list, _("Satisfaction with the result"),
                    rexian_satisfaction_get_label (rexian_work_order_get_followup_result (order)));
    }
  add_info_row (list, _("Follow-up note"), rexian_work_order_get_followup_note (order));
  add_info_group (self, _("Follow-up"), list);

  gtk_widget_set_visible (GTK_WIDGET (self->details_box),
                          gtk_widget_get_first_child (GTK_WIDGET (self->details_box)) != NULL);
}

static GtkWidget *
new_wrapping_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);

  return label;
}

static GtkWidget *
new_event_row (RexianOrderEvent *event)
{
  g_autofree char *when = _rexian_order_editor_format_time (event->at);
  g_autofree char *heading = NULL;
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *label;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  heading = g_markup_printf_escaped ("<b>%s</b> · %s · %s",
                                     rexian_action_get_label (event->action),
                                     when,
                                     event->agent_name != NULL ? event->agent_name : "");
  label = new_wrapping_label (NULL);
  gtk_label_set_markup (GTK_LABEL (label), heading);
  gtk_box_append (GTK_BOX (box), label);

  if (event->from_state != event->to_state)
    {
      g_autofree char *states = NULL;

      if (event->from_state < 0)
        states = g_strdup_printf ("→ %s", rexian_state_get_label (event->to_state));
      else
        states = g_strdup_printf ("%s → %s", rexian_state_get_label (event->from_state),
                                  rexian_state_get_label (event->to_state));
      label = new_wrapping_label (states);
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), label);
    }

  if (event->reason != NULL && event->reason[0] != '\0')
    {
      g_autofree char *reason = g_strdup_printf (_("Reason: %s"), event->reason);

      label = new_wrapping_label (reason);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (box), label);
    }

  if (event->detail != NULL && event->detail[0] != '\0')
    {
      label = new_wrapping_label (event->detail);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

void
_rexian_order_editor_update_timeline (RexianOrderEditor *self)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  clear_list_box (self->timeline_list);

  if (self->order == NULL)
    return;

  events = rexian_store_list_events (self->store, rexian_work_order_get_id (self->order), &error);
  if (events == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The timeline could not be read: %s"),
                                               error->message);
      GtkWidget *label = new_wrapping_label (text);

      gtk_widget_add_css_class (label, "error");
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_list_box_append (self->timeline_list, label);
      return;
    }

  for (guint i = 0; i < events->len; i++)
    gtk_list_box_append (self->timeline_list, new_event_row (g_ptr_array_index (events, i)));
}

static GtkWidget *
new_action_button (const char *label,
                   const char *action_name,
                   GVariant   *target)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);

  return button;
}

void
_rexian_order_editor_update_actions (RexianOrderEditor *self)
{
  GtkWidget *button;
  gboolean any = FALSE;
  gboolean suggested = FALSE;

  clear_box (self->action_box);

  if (self->order == NULL)
    {
      button = new_action_button (_("Answer and Close"), "editor.answer-and-close", NULL);
      gtk_widget_set_tooltip_text (button,
                                   _("Save the request and close it with the answer given "
                                     "on the spot"));
      gtk_box_append (self->action_box, button);

      button = new_action_button (_("Save and Submit"), "editor.save-and-submit", NULL);
      gtk_widget_set_tooltip_text (button,
                                   _("Save the request and send it for transfer to a "
                                     "department"));
      gtk_box_append (self->action_box, button);
      any = TRUE;
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (action_order); i++)
        {
          RexianAction action = action_order[i];

          if (!rexian_lifecycle_can_apply (self->order, action, NULL))
            continue;

          button = new_action_button (rexian_action_get_label (action), "editor.apply-action",
                                      g_variant_new_int32 (action));
          /* The usual next step stands out, once. */
          if (!suggested && action_moves_forward (action))
            {
              gtk_widget_add_css_class (button, "suggested-action");
              suggested = TRUE;
            }
          gtk_box_append (self->action_box, button);
          any = TRUE;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->action_box), any);
  gtk_widget_set_visible (GTK_WIDGET (self->action_separator), any);
}
