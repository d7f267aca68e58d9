/* rexian-call-panel-conference.c: the three-way call (三方通话) in the call bar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Add Department" asks for the department's number, like Transfer; the citizen goes
 * on hold and the department's call takes the bar (logged and recorded like any call
 * the agent places).  Once the department answers, "Join Three-Way Call" brings the
 * citizen back and mixes the two; the bar then names both parties, and Hang Up ends
 * both.  Either party hanging up leaves the other as a normal call.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-application.h"
#include "rexian-call-panel-private.h"

static const char *
display_number (RexianCall *call)
{
  const char *number = rexian_call_get_number (call);

  return number != NULL && *number != '\0' ? number : rexian_call_get_remote_uri (call);
}

void
_rexian_call_panel_conference_clear (RexianCallPanel *self)
{
  if (self->conference != NULL)
    g_clear_signal_handler (&self->conference_state_id, self->conference);
  g_clear_object (&self->conference);
}

static void
on_conference_state (RexianConference *conference,
                     GParamSpec       *pspec,
                     RexianCallPanel  *self)
{
  /* Ended: what is left is a normal call, shown by the bar as any other. */
  if (rexian_conference_get_state (conference) == REXIAN_CONFERENCE_STATE_ENDED)
    _rexian_call_panel_conference_clear (self);

  _rexian_call_panel_conference_update (self);
}

void
_rexian_call_panel_conference_update (RexianCallPanel *self)
{
  RexianCall *current = self->current != NULL ? self->current->call : NULL;
  RexianCallState state = current != NULL ? rexian_call_get_state (current)
                                          : REXIAN_CALL_STATE_ENDED;
  RexianConferenceState conference_state;
  RexianCall *citizen, *department;
  g_autofree char *text = NULL;

  /* Shown only with a call in the bar: the hidden bar still counts towards the
   * window's narrowest width. */
  gtk_widget_set_visible (GTK_WIDGET (self->conference_button), current != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->conference_button),
                            self->conference == NULL
                            && (state == REXIAN_CALL_STATE_ACTIVE
                                || state == REXIAN_CALL_STATE_HELD));

  if (self->conference == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->conference_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->join_button), FALSE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->hangup_button), _("Hang Up"));
      return;
    }

  conference_state = rexian_conference_get_state (self->conference);
  citizen = rexian_conference_get_citizen_call (self->conference);
  department = rexian_conference_get_department_call (self->conference);

  if (conference_state == REXIAN_CONFERENCE_STATE_JOINED)
    {
      /* Translators: a three-way call; the two numbers are the citizen's and the
       * department's. */
      text = g_strdup_printf (_("Three-way call: %s and %s"), display_number (citizen),
                              display_number (department));
      gtk_label_set_text (self->call_number_label, text);
      gtk_label_set_text (self->conference_label, _("Everyone hears everyone"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->hangup_button),
                                   _("Hang Up Both Calls"));
      /* Hold would leave one party talking to the other alone, and a transfer would
       * hand on only one side of the three. */
      gtk_widget_set_sensitive (GTK_WIDGET (self->hold_button), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->transfer_button), FALSE);
    }
  else
    {
      /* Translators: %s is the citizen's number, waiting while the agent calls the
       * department for a three-way call. */
      text = g_strdup_printf (_("%s waits on hold"), display_number (citizen));
      gtk_label_set_text (self->conference_label, text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->hangup_button), _("Hang Up"));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->conference_label), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->join_button),
                          conference_state == REXIAN_CONFERENCE_STATE_CONSULTING);
  gtk_widget_set_sensitive (GTK_WIDGET (self->join_button),
                            rexian_call_get_state (department) == REXIAN_CALL_STATE_ACTIVE);
}

void
_rexian_call_panel_conference_set_mute (RexianCallPanel *self,
                                        gboolean         mute)
{
  RexianCall *calls[2];

  if (self->conference == NULL)
    return;

  calls[0] = rexian_conference_get_citizen_call (self->conference);
  calls[1] = rexian_conference_get_department_call (self->conference);
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    if (rexian_call_get_media (calls[i]) != NULL)
      rexian_media_session_set_mute (rexian_call_get_media (calls[i]), mute);
}

gboolean
_rexian_call_panel_conference_hangup (RexianCallPanel *self)
{
  g_autoptr(GError) error = NULL;

  if (self->conference == NULL
      || rexian_conference_get_state (self->conference) != REXIAN_CONFERENCE_STATE_JOINED)
    return FALSE;

  if (!rexian_conference_hangup_all (self->conference, &error))
    _rexian_call_panel_say (self, error->message);

  return TRUE;
}

static void
on_conference_call_activated (RexianCallPanel *self)
{
  GtkApplication *app = GTK_APPLICATION (g_application_get_default ());
  const char *target = gtk_editable_get_text (GTK_EDITABLE (self->conference_entry));
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  RexianCall *citizen, *department;

  if (self->current == NULL || self->conference != NULL || !REXIAN_IS_APPLICATION (app))
    return;

  citizen = self->current->call;
  uri = rexian_application_dup_call_uri (REXIAN_APPLICATION (app), target, &error);
  /* Placing the call holds the citizen's and logs and records the department's. */
  department = uri != NULL ? rexian_call_panel_call (self, uri, &error) : NULL;
  if (department == NULL)
    {
      _rexian_call_panel_say (self, error->message);
      return;
    }

  self->conference = rexian_conference_new (citizen, department);
  self->conference_state_id = g_signal_connect (self->conference, "notify::state",
                                                G_CALLBACK (on_conference_state), self);

  gtk_menu_button_popdown (self->conference_button);
  gtk_editable_set_text (GTK_EDITABLE (self->conference_entry), "");
  _rexian_call_panel_conference_update (self);
}

static void
on_join_clicked (RexianCallPanel *self)
{
  g_autoptr(GError) error = NULL;

  if (self->conference == NULL)
    return;

  if (!rexian_conference_join (self->conference, &error))
    _rexian_call_panel_say (self, error->message);

  _rexian_call_panel_conference_update (self);
}

void
_rexian_call_panel_conference_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, RexianCallPanel, conference_label);
  gtk_widget_class_bind_template_child (widget_class, RexianCallPanel, conference_button);
  gtk_widget_class_bind_template_child (widget_class, RexianCallPanel, conference_entry);
  gtk_widget_class_bind_template_child (widget_class, RexianCallPanel, join_button);
  gtk_widget_class_bind_template_callback (widget_class, on_conference_call_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_join_clicked);
}
