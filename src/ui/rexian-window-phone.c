/* rexian-window-phone.c: the window's side of the seat's phone: the registration
 * indicator, the availability toggle, the "Call…" dial pad, and the editor that opens
 * for an answered call.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-call-panel-private.h"
#include "rexian-order-editor.h"
#include "rexian-store-calls.h"
#include "rexian-window-private.h"

/* The status button shows the registration while the agent takes calls, and that
 * they are away otherwise: the one thing a caller would notice. */
static void
update_status (RexianWindow *self,
               const char   *registration_icon)
{
  gboolean available = self->phone != NULL && rexian_phone_get_available (self->phone);
  g_autofree char *tooltip = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->available_switch), self->phone != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->call_button), self->phone != NULL);
  gtk_label_set_text (self->registration_label, self->registration_text);

  if (self->phone != NULL && !available)
    {
      gtk_menu_button_set_icon_name (self->phone_status_button, "user-away-symbolic");
      /* Translators: %s says how the phone is registered. */
      tooltip = g_strdup_printf (_("Away: callers hear busy. %s"), self->registration_text);
      gtk_widget_add_css_class (GTK_WIDGET (self->phone_status_button), "warning");
    }
  else
    {
      gtk_menu_button_set_icon_name (self->phone_status_button, registration_icon);
      tooltip = g_strdup (self->registration_text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->phone_status_button), "warning");
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->phone_status_button), tooltip);
}

static void
update_registration (RexianWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autofree char *address = g_settings_get_string (self->settings, "sip-address");
  g_autofree char *tooltip = NULL;
  const char *icon = "network-offline-symbolic";
  const char *message = NULL;

  if (self->phone == NULL)
    {
      const GError *error = REXIAN_IS_APPLICATION (app)
                            ? rexian_application_get_phone_error (REXIAN_APPLICATION (app))
                            : NULL;

      icon = "network-error-symbolic";
      tooltip = g_strdup_printf (_("The phone is not working: %s"),
                                 error != NULL ? error->message : _("unknown error"));
    }
  else if (*address == '\0')
    {
      tooltip = g_strdup (_("Phone not set up: only direct calls to this computer ring. Set up the SIP account in Preferences."));
    }
  else
    {
      message = rexian_phone_get_registration_message (self->phone);
      if (REXIAN_IS_APPLICATION (app)
          && rexian_application_get_account_message (REXIAN_APPLICATION (app)) != NULL)
        message = rexian_application_get_account_message (REXIAN_APPLICATION (app));

      switch (rexian_phone_get_registration_state (self->phone))
        {
        case REXIAN_REGISTRATION_REGISTERING:
          icon = "network-idle-symbolic";
          /* The phone gives a reason only while it reconnects after a network change
           * or a new transport. */
          if (rexian_phone_get_registration_message (self->phone) != NULL)
            tooltip = g_strdup_printf (_("Reconnecting as %s…"), address);
          else
            tooltip = g_strdup_printf (_("Registering %s…"), address);
          break;
        case REXIAN_REGISTRATION_REGISTERED:
          icon = "network-transmit-receive-symbolic";
          tooltip = g_strdup_printf (_("Registered as %s"), address);
          break;
        case REXIAN_REGISTRATION_FAILED:
          icon = "network-error-symbolic";
          tooltip = g_strdup_printf (_("Registration as %s failed: %s"), address,
                                     message != NULL ? message : _("no answer"));
          break;
        case REXIAN_REGISTRATION_UNREGISTERED:
        default:
          /* With no registrar the address is only our identity for direct calls. */
          tooltip = g_strdup_printf (_("Not registered: %s takes direct calls only"), address);
          break;
        }
    }

  g_free (self->registration_text);
  self->registration_text = g_steal_pointer (&tooltip);
  update_status (self, icon);
}

/* Agent status */

static void
on_agent_status_set (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RexianWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (rexian_store_set_agent_status_finish (REXIAN_STORE (object), result, &error)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* The status is for the supervisors' wallboard; the agent's own work goes on. */
  g_warning ("Could not report the agent status: %s", error->message);
  _rexian_window_toast (self, error->message);
}

void
_rexian_window_update_agent_status (RexianWindow *self)
{
  gint64 agent_id = _rexian_window_get_agent_id (self);
  g_autofree char *registrar = NULL;
  const char *reason = NULL;
  RexianAgentStatus status;

  /* A seat without a phone takes no calls: what it does is not an agent status. */
  if (self->store == NULL || self->phone == NULL || agent_id == 0)
    return;

  /* A call outranks everything; an agent who goes away during wrap-up is away. */
  /* Quitting: whatever the calls ending on the way out report, the seat has gone. */
  if (rexian_phone_get_shut_down (self->phone))
    status = REXIAN_AGENT_LOGGED_OUT;
  else if (rexian_call_panel_get_in_call (self->call_panel))
    status = REXIAN_AGENT_ON_CALL;
  /* An agent whose seat is not registered at the hotline's registrar gets no calls
   * from it: logged out until it registers. */
  else if (rexian_phone_get_registration_state (self->phone) == REXIAN_REGISTRATION_UNREGISTERED
           && (registrar = g_settings_get_string (self->settings, "sip-registrar")) != NULL
           && *registrar != '\0')
    status = REXIAN_AGENT_LOGGED_OUT;
  else if (!gtk_switch_get_active (self->available_switch))
    status = REXIAN_AGENT_AWAY;
  else if (self->wrap_up_source != 0)
    status = REXIAN_AGENT_WRAP_UP;
  else
    status = REXIAN_AGENT_AVAILABLE;

  if (status == REXIAN_AGENT_AWAY)
    {
      GObject *item = gtk_drop_down_get_selected_item (self->away_reason_dropdown);

      if (GTK_IS_STRING_OBJECT (item))
        reason = gtk_string_object_get_string (GTK_STRING_OBJECT (item));
    }

  rexian_store_set_agent_status_async (self->store, agent_id, status, reason,
                                       g_get_real_time () / G_USEC_PER_SEC, self->cancellable,
                                       on_agent_status_set, g_object_ref (self));
}

static gboolean
wrap_up_done (gpointer user_data)
{
  RexianWindow *self = user_data;

  self->wrap_up_source = 0;
  _rexian_window_update_agent_status (self);

  return G_SOURCE_REMOVE;
}

static void
on_in_call_changed (RexianWindow *self)
{
  int seconds = g_settings_get_int (self->settings, "wrap-up-seconds");

  g_clear_handle_id (&self->wrap_up_source, g_source_remove);
  /* After each call the agent gets the wrap-up time to finish its order before the
   * next call is expected of them. */
  if (!rexian_call_panel_get_in_call (self->call_panel) && seconds > 0)
    self->wrap_up_source = g_timeout_add_seconds (seconds, wrap_up_done, self);

  _rexian_window_update_agent_status (self);
}

static void
on_away_reason_changed (RexianWindow *self)
{
  _rexian_window_update_agent_status (self);
}

static void
on_available_toggled (RexianWindow *self)
{
  gboolean available = gtk_switch_get_active (self->available_switch);

  gtk_widget_set_visible (GTK_WIDGET (self->away_reason_dropdown), !available);
  if (self->phone != NULL)
    rexian_phone_set_available (self->phone, available);
  update_registration (self);
  _rexian_window_update_agent_status (self);
}

/* The order taken on a call belongs to it in the call log. */
static void
on_call_order_saved (RexianOrderEditor *editor,
                     RexianWorkOrder   *order,
                     RexianWindow      *self)
{
  const char *call_id = g_object_get_data (G_OBJECT (editor), "rexian-call-id");
  g_autoptr(GError) error = NULL;

  if (call_id == NULL || self->store == NULL)
    return;

  if (!rexian_store_call_link_order (self->store, call_id, rexian_work_order_get_id (order),
                                     &error))
    {
      g_warning ("Could not link the order to its call: %s", error->message);
      _rexian_window_toast (self, error->message);
    }
}

static void
on_call_answered (RexianWindow *self,
                  RexianCall   *call)
{
  RexianOrderEditor *editor;

  /* The intake form opens with the caller's number while they speak; its channel is
   * the phone by default. */
  _rexian_window_open_order (self, NULL);
  editor = REXIAN_ORDER_EDITOR (_rexian_window_get_last_dialog (self));
  if (editor == NULL)
    return;

  rexian_order_editor_set_phone (editor, rexian_call_get_number (call));
  if (rexian_call_get_call_id (call) != NULL)
    {
      g_object_set_data_full (G_OBJECT (editor), "rexian-call-id",
                              g_strdup (rexian_call_get_call_id (call)), g_free);
      g_signal_connect_object (editor, "order-saved", G_CALLBACK (on_call_order_saved), self,
                               0);
    }
}

static void
on_call_message (RexianWindow *self,
                 const char   *message)
{
  _rexian_window_toast (self, message);
}

static void
on_dial_activated (RexianWindow *self)
{
  g_autofree char *number = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->dial_entry)));

  gtk_menu_button_popdown (self->call_button);
  gtk_editable_set_text (GTK_EDITABLE (self->dial_entry), "");
  rexian_window_call_number (self, number);
}

static void
on_dial_key (gpointer user_data,
             gunichar key)
{
  RexianWindow *self = user_data;
  int position = -1;
  char text[2] = { (char) key, '\0' };

  gtk_editable_insert_text (GTK_EDITABLE (self->dial_entry), text, 1, &position);
}

void
_rexian_window_class_bind_phone (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, RexianWindow, call_panel);
  gtk_widget_class_bind_template_child (widget_class, RexianWindow, call_button);
  gtk_widget_class_bind_template_child (widget_class, RexianWindow, call_popover_box);
  gtk_widget_class_bind_template_child (widget_class, RexianWindow, dial_entry);
  gtk_widget_class_bind_template_child (widget_class, RexianWindow, phone_status_button);
  gtk_widget_class_bind_template_child (widget_class, RexianWindow, registration_label);
  gtk_widget_class_bind_template_child (widget_class, RexianWindow, available_switch);
  gtk_widget_class_bind_template_child (widget_class, RexianWindow, away_reason_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_away_reason_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_available_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_call_answered);
  gtk_widget_class_bind_template_callback (widget_class, on_call_message);
  gtk_widget_class_bind_template_callback (widget_class, on_dial_activated);
}

void
_rexian_window_setup_phone (RexianWindow      *self,
                            RexianApplication *application)
{
  const GError *error = rexian_application_get_phone_error (application);

  gtk_box_append (self->call_popover_box, _rexian_dial_pad_new (on_dial_key, self));
  rexian_call_panel_set_store (self->call_panel, self->store);
  rexian_call_panel_set_agent_id (self->call_panel, rexian_application_get_agent_id (application));
  rexian_calls_view_set_agent_id (self->calls_view, rexian_application_get_agent_id (application));
  g_signal_connect_object (self->call_panel, "notify::in-call",
                           G_CALLBACK (on_in_call_changed), self, G_CONNECT_SWAPPED);

  self->phone = rexian_application_get_phone (application);
  if (self->phone != NULL)
    {
      g_object_ref (self->phone);
      rexian_call_panel_set_phone (self->call_panel, self->phone);
      rexian_calls_view_set_phone (self->calls_view, self->phone);
      gtk_switch_set_active (self->available_switch, rexian_phone_get_available (self->phone));
      g_signal_connect_object (self->phone, "notify::registration-state",
                               G_CALLBACK (update_registration), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->phone, "notify::registration-message",
                               G_CALLBACK (update_registration), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->phone, "notify::registration-state",
                               G_CALLBACK (_rexian_window_update_agent_status), self,
                               G_CONNECT_SWAPPED);
    }
  else
    {
      g_autofree char *message =
        g_strdup_printf (_("The phone cannot start, so calls cannot be taken at this seat (%s). Work orders are not affected. Check the SIP port in Preferences, then restart Rexian."),
                         error != NULL ? error->message : _("unknown error"));

      rexian_call_panel_set_phone_error (self->call_panel, message);
    }

  g_signal_connect_object (application, "account-changed",
                           G_CALLBACK (update_registration), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::sip-address",
                           G_CALLBACK (update_registration), self, G_CONNECT_SWAPPED);
  update_registration (self);
  _rexian_window_update_agent_status (self);
}

RexianCallPanel *
_rexian_window_get_call_panel (RexianWindow *self)
{
  return self->call_panel;
}

void
rexian_window_call_number (RexianWindow *self,
                           const char   *number)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  g_return_if_fail (REXIAN_IS_WINDOW (self));

  if (!REXIAN_IS_APPLICATION (app))
    return;

  uri = rexian_application_dup_call_uri (REXIAN_APPLICATION (app), number, &error);
  if (uri == NULL || rexian_call_panel_call (self->call_panel, uri, &error) == NULL)
    _rexian_window_toast (self, error->message);
}
