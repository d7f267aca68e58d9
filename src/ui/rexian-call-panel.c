/* rexian-call-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <string.h>

#include "rexian-application.h"
#include "rexian-call-panel-private.h"
#include "rexian-phrase-strip.h"
#include "rexian-store-calls.h"

/* The earlier orders a ringing call shows: enough to recognise a repeat caller. */
#define SCREEN_POP_LIMIT 5

G_DEFINE_FINAL_TYPE (RexianCallPanel, rexian_call_panel, GTK_TYPE_WIDGET)

enum {
  CALL_ANSWERED,
  MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_IN_CALL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update (RexianCallPanel *self);

void
_rexian_call_panel_say (RexianCallPanel *self,
                        const char      *message)
{
  g_signal_emit (self, signals[MESSAGE], 0, message);
}

static void
call_entry_free (gpointer data)
{
  RexianCallEntry *entry = data;

  g_clear_signal_handler (&entry->state_id, entry->call);
  g_clear_object (&entry->call);
  g_free (entry);
}

static const char *
call_display_number (RexianCall *call)
{
  const char *number = rexian_call_get_number (call);

  return number != NULL && *number != '\0' ? number : rexian_call_get_remote_uri (call);
}

static char *
format_duration (gint64 seconds)
{
  if (seconds < 0)
    seconds = 0;
  if (seconds >= 3600)
    return g_strdup_printf ("%d:%02d:%02d", (int) (seconds / 3600), (int) (seconds / 60 % 60),
                            (int) (seconds % 60));

  return g_strdup_printf ("%02d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

/* Recording */

static char *
sanitise (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    g_string_append_c (out, g_ascii_isalnum (*p) || *p == '-' ? *p : '_');

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* $XDG_DATA_HOME/rexian/recordings/YYYY/MM/<time>-<number>-<random>.ogg: the month
 * folders keep any one folder small, the name sorts by time and finds the caller. */
static void
start_recording (RexianCallPanel *self,
                 RexianCall      *call)
{
  RexianMediaSession *media = rexian_call_get_media (call);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *year = g_date_time_format (now, "%Y");
  g_autofree char *month = g_date_time_format (now, "%m");
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *number = sanitise (rexian_call_get_number (call));
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (media == NULL || !g_settings_get_boolean (self->settings, "record-calls"))
    return;

  dir = g_build_filename (g_get_user_data_dir (), "rexian", "recordings", year, month, NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_autofree char *message = g_strdup_printf (_("This call is not recorded: cannot create “%s”"),
                                                  dir);
      _rexian_call_panel_say (self, message);
      return;
    }

  name = g_strdup_printf ("%s-%s-%08x.ogg", stamp, *number != '\0' ? number : "unknown",
                          g_random_int ());
  path = g_build_filename (dir, name, NULL);
  rexian_media_session_set_recording (media, path);
  g_object_set_data_full (G_OBJECT (call), "rexian-recording", g_steal_pointer (&path), g_free);
}

static gboolean
call_is_recorded (RexianCall *call)
{
  return g_object_get_data (G_OBJECT (call), "rexian-recording") != NULL;
}

/* The call log */

/* A store that cannot be written must not cost the caller their call: the agent is
 * told, and the call goes on. */
static void
log_failed (RexianCallPanel *self,
            const GError    *error)
{
  g_autofree char *message = NULL;

  g_warning ("Could not write the call log: %s", error->message);
  message = g_strdup_printf (_("The call log could not be written: %s"), error->message);
  _rexian_call_panel_say (self, message);
}

static void
log_offered (RexianCallPanel *self,
             RexianCall      *call)
{
  g_autoptr(GError) error = NULL;
  RexianCallRecordDirection direction = rexian_call_get_direction (call) == REXIAN_CALL_INCOMING
                                        ? REXIAN_CALL_RECORD_INCOMING
                                        : REXIAN_CALL_RECORD_OUTGOING;

  if (self->store == NULL || rexian_call_get_call_id (call) == NULL)
    return;

  if (!rexian_store_call_offered (self->store, rexian_call_get_call_id (call), direction,
                                  rexian_call_get_number (call), self->agent_id,
                                  rexian_call_get_offered_time (call), &error))
    log_failed (self, error);
}

/* FALSE when another seat answered the call first: this seat must let go of it. */
static gboolean
log_answered (RexianCallPanel *self,
              RexianCallEntry *entry)
{
  g_autoptr(GError) error = NULL;
  gint64 answered = rexian_call_get_answered_time (entry->call);

  if (entry->answer_logged || self->store == NULL
      || rexian_call_get_call_id (entry->call) == NULL)
    return TRUE;

  entry->answer_logged = TRUE;
  if (answered == 0)
    answered = g_get_real_time () / G_USEC_PER_SEC;

  if (rexian_store_call_answered (self->store, rexian_call_get_call_id (entry->call),
                                  self->agent_id, answered, &error))
    return TRUE;

  if (g_error_matches (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_CONFLICT))
    {
      _rexian_call_panel_say (self, error->message);
      return FALSE;
    }

  log_failed (self, error);
  return TRUE;
}

static RexianCallOutcome
outcome_for_end (RexianCallEndReason reason)
{
  switch (reason)
    {
    case REXIAN_CALL_END_LOCAL_HANGUP:
      return REXIAN_CALL_OUTCOME_AGENT_HUNG_UP;
    case REXIAN_CALL_END_REMOTE_HANGUP:
      return REXIAN_CALL_OUTCOME_CALLER_HUNG_UP;
    case REXIAN_CALL_END_CANCELLED:
      return REXIAN_CALL_OUTCOME_ABANDONED;
    case REXIAN_CALL_END_DECLINED:
      return REXIAN_CALL_OUTCOME_DECLINED;
    case REXIAN_CALL_END_BUSY:
      return REXIAN_CALL_OUTCOME_BUSY;
    case REXIAN_CALL_END_NO_ANSWER:
      return REXIAN_CALL_OUTCOME_NO_ANSWER;
    case REXIAN_CALL_END_TRANSFERRED:
      return REXIAN_CALL_OUTCOME_TRANSFERRED;
    case REXIAN_CALL_END_NONE:
    case REXIAN_CALL_END_FAILED:
    default:
      return REXIAN_CALL_OUTCOME_FAILED;
    }
}

static void
on_ended_logged (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RexianCallPanel) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rexian_store_call_ended_finish (REXIAN_STORE (object), result, &error))
    log_failed (self, error);
}

static void
log_ended (RexianCallPanel *self,
           RexianCall      *call)
{
  gint64 ended = rexian_call_get_ended_time (call);
  /* Only an answered call has anything in its recording file. */
  const char *recording = rexian_call_get_answered_time (call) != 0
                          ? g_object_get_data (G_OBJECT (call), "rexian-recording")
                          : NULL;

  if (self->store == NULL || rexian_call_get_call_id (call) == NULL)
    return;

  if (ended == 0)
    ended = g_get_real_time () / G_USEC_PER_SEC;

  rexian_store_call_ended_async (self->store, rexian_call_get_call_id (call),
                                 outcome_for_end (rexian_call_get_end_reason (call)), ended,
                                 recording, NULL, on_ended_logged, g_object_ref (self));
}

/* Ringing calls */

static void
answer_entry (RexianCallPanel *self,
              RexianCallEntry *entry)
{
  g_autoptr(GError) error = NULL;

  /* One conversation at a time: the caller waiting longest is put on hold, not cut. */
  if (self->current != NULL && self->current != entry
      && rexian_call_get_state (self->current->call) == REXIAN_CALL_STATE_ACTIVE)
    rexian_call_hold (self->current->call, NULL);

  start_recording (self, entry->call);
  if (!rexian_call_answer (entry->call, &error))
    {
      _rexian_call_panel_say (self, error->message);
      return;
    }

  /* The answer is logged, and the order opened, once the caller's ACK makes the call
   * active (on_call_state_changed()): forked to several seats, the call is this seat's
   * only if the proxy took this seat's 200, and the other seats' 200s are cancelled. */
  self->current = entry;
  update (self);
}

static void
on_answer_clicked (GtkButton       *button,
                   RexianCallEntry *entry)
{
  answer_entry (entry->panel, entry);
}

static void
on_decline_clicked (GtkButton       *button,
                    RexianCallEntry *entry)
{
  g_autoptr(GError) error = NULL;

  if (!rexian_call_decline (entry->call, &error))
    _rexian_call_panel_say (entry->panel, error->message);
}

/* The screen pop: what this caller asked before, so the agent need not ask again. */
static void
fill_history (RexianCallPanel *self,
              RexianCallEntry *entry)
{
  const char *number = rexian_call_get_number (entry->call);
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *label;

  if (self->store == NULL || number == NULL || *number == '\0')
    return;

  orders = rexian_store_find_by_phone (self->store, number, SCREEN_POP_LIMIT, &error);
  if (orders == NULL)
    {
      g_warning ("Could not look up the caller's orders: %s", error->message);
      return;
    }

  if (orders->len == 0)
    {
      label = gtk_label_new (_("No earlier work orders from this number"));
      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (entry->history_box, label);
      return;
    }

  for (guint i = 0; i < orders->len; i++)
    {
      RexianWorkOrder *order = g_ptr_array_index (orders, i);
      const char *order_number = rexian_work_order_get_number (order);
      g_autofree char *caller = rexian_work_order_dup_display_caller (order);
      g_autofree char *text = NULL;
      GtkWidget *button;

      /* A confidential order keeps its matter to those who handle it: the agent only
       * learns that there is one. */
      if (rexian_work_order_get_confidential (order))
        text = g_strdup_printf (_("%s · confidential order"), order_number);
      else
        text = g_strdup_printf ("%s · %s · %s", order_number,
                                caller != NULL && *caller != '\0' ? caller : _("No name"),
                                rexian_work_order_get_summary (order));

      button = gtk_button_new_with_label (text);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "screen-pop-order");
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
      gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))),
                               PANGO_ELLIPSIZE_END);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.open-order");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", order_number);
      gtk_widget_set_tooltip_text (button, _("Open this work order"));
      gtk_box_append (entry->history_box, button);
    }
}

static void
add_ringing_row (RexianCallPanel *self,
                 RexianCallEntry *entry)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *info = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("call-incoming-symbolic");
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *earlier = gtk_label_new (_("Earlier work orders"));

  gtk_widget_add_css_class (row, "ringing-call");

  entry->number_label = GTK_LABEL (gtk_label_new (call_display_number (entry->call)));
  gtk_label_set_selectable (entry->number_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (entry->number_label), "title-3");
  entry->countdown_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (entry->countdown_label), "numeric");
  gtk_box_append (GTK_BOX (header), icon);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (entry->number_label));
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (entry->countdown_label));

  gtk_label_set_xalign (GTK_LABEL (earlier), 0);
  gtk_widget_add_css_class (earlier, "caption-heading");
  entry->history_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));

  gtk_widget_set_hexpand (info, TRUE);
  gtk_box_append (GTK_BOX (info), header);
  gtk_box_append (GTK_BOX (info), earlier);
  gtk_box_append (GTK_BOX (info), GTK_WIDGET (entry->history_box));

  entry->answer_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Answer")));
  gtk_widget_add_css_class (GTK_WIDGET (entry->answer_button), "suggested-action");
  gtk_widget_add_css_class (GTK_WIDGET (entry->answer_button), "pill");
  g_signal_connect (entry->answer_button, "clicked", G_CALLBACK (on_answer_clicked), entry);
  entry->decline_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Decline")));
  gtk_widget_add_css_class (GTK_WIDGET (entry->decline_button), "destructive-action");
  gtk_widget_add_css_class (GTK_WIDGET (entry->decline_button), "pill");
  g_signal_connect (entry->decline_button, "clicked", G_CALLBACK (on_decline_clicked), entry);
  gtk_widget_set_valign (buttons, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (entry->answer_button));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (entry->decline_button));

  gtk_box_append (GTK_BOX (row), info);
  gtk_box_append (GTK_BOX (row), buttons);

  fill_history (self, entry);

  entry->row = row;
  gtk_list_box_append (self->ringing_list, row);
}

static void
remove_ringing_row (RexianCallPanel *self,
                    RexianCallEntry *entry)
{
  if (entry->row == NULL)
    return;

  gtk_list_box_remove (self->ringing_list, gtk_widget_get_parent (entry->row));
  entry->row = NULL;
  entry->number_label = NULL;
  entry->countdown_label = NULL;
  entry->history_box = NULL;
  entry->answer_button = NULL;
  entry->decline_button = NULL;
}

static void
update_countdown (RexianCallEntry *entry,
                  gint64           now)
{
  gint64 waited = now - rexian_call_get_offered_time (entry->call);
  gint64 left = REXIAN_ANSWER_TARGET_SECONDS - waited;
  g_autofree char *text = NULL;

  if (left > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Answer within %d second",
                                         "Answer within %d seconds", (gulong) left),
                            (int) left);
  else
    text = g_strdup_printf (_("Waiting %d s, past the 15 s answer target"), (int) waited);

  gtk_label_set_text (entry->countdown_label, text);
  if (left > 0)
    gtk_widget_remove_css_class (GTK_WIDGET (entry->countdown_label), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry->countdown_label), "error");
}

/* The call bar */

static RexianCallEntry *
find_entry (RexianCallPanel *self,
            RexianCall      *call)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      RexianCallEntry *entry = g_ptr_array_index (self->entries, i);

      if (entry->call == call)
        return entry;
    }

  return NULL;
}

static void
update_bar (RexianCallPanel *self,
            gint64           now)
{
  RexianCall *call = self->current != NULL ? self->current->call : NULL;
  RexianCallState state;
  g_autofree char *talk = NULL;
  g_autofree char *text = NULL;
  gboolean connected;

  gtk_revealer_set_reveal_child (self->call_revealer, call != NULL);
  if (call == NULL)
    {
      _rexian_call_panel_conference_update (self);
      return;
    }

  state = rexian_call_get_state (call);
  connected = state == REXIAN_CALL_STATE_ACTIVE || state == REXIAN_CALL_STATE_HELD;
  talk = format_duration (now - rexian_call_get_answered_time (call));

  gtk_label_set_text (self->call_number_label, call_display_number (call));
  if (state == REXIAN_CALL_STATE_DIALING || state == REXIAN_CALL_STATE_RINGING_OUT)
    gtk_label_set_text (self->call_time_label, _("Calling…"));
  else if (state == REXIAN_CALL_STATE_HELD)
    {
      /* Translators: %s is the talk time so far, such as 02:15. */
      text = g_strdup_printf (_("On hold · %s"), talk);
      gtk_label_set_text (self->call_time_label, text);
    }
  else
    gtk_label_set_text (self->call_time_label, talk);

  gtk_widget_set_visible (GTK_WIDGET (self->recording_label), call_is_recorded (call));
  gtk_button_set_label (self->hold_button,
                        state == REXIAN_CALL_STATE_HELD ? _("_Resume") : _("H_old"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->hold_button), connected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mute_button), state == REXIAN_CALL_STATE_ACTIVE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->dialpad_button),
                            state == REXIAN_CALL_STATE_ACTIVE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->transfer_button), connected);
  _rexian_call_panel_conference_update (self);
}

static gboolean
tick (gpointer user_data)
{
  RexianCallPanel *self = user_data;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  for (guint i = 0; i < self->entries->len; i++)
    {
      RexianCallEntry *entry = g_ptr_array_index (self->entries, i);

      if (entry->row != NULL)
        update_countdown (entry, now);
    }
  update_bar (self, now);

  return G_SOURCE_CONTINUE;
}

static void
update (RexianCallPanel *self)
{
  gboolean ringing = FALSE;
  gboolean in_call = FALSE;

  for (guint i = 0; i < self->entries->len; i++)
    {
      RexianCallEntry *entry = g_ptr_array_index (self->entries, i);
      RexianCallState state = rexian_call_get_state (entry->call);

      ringing |= entry->row != NULL;
      in_call |= state != REXIAN_CALL_STATE_RINGING_IN && state != REXIAN_CALL_STATE_ENDED;
    }

  if (in_call != self->in_call)
    {
      self->in_call = in_call;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IN_CALL]);
    }

  gtk_revealer_set_reveal_child (self->ringing_revealer, ringing);
  _rexian_call_panel_update_tones (self, ringing);
  /* The service phrase for this moment of the call in the bar, or of the oldest
   * ringing one (rexian-phrase-strip.c). */
  rexian_phrase_strip_follow (
    REXIAN_PHRASE_STRIP (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                        REXIAN_TYPE_CALL_PANEL,
                                                        "phrase_strip")),
    self->store, self->agent_id,
    self->current != NULL ? self->current->call
    : self->entries->len > 0 ? ((RexianCallEntry *) self->entries->pdata[0])->call : NULL);
  tick (self);

  /* The clock only runs while there is a call to time. */
  if (self->entries->len > 0 && self->tick_id == 0)
    self->tick_id = g_timeout_add (500, tick, self);
  else if (self->entries->len == 0)
    g_clear_handle_id (&self->tick_id, g_source_remove);
}

static void
on_call_state_changed (RexianCall      *call,
                       GParamSpec      *pspec,
                       RexianCallEntry *entry)
{
  RexianCallPanel *self = entry->panel;
  RexianCallState state = rexian_call_get_state (call);

  if (state != REXIAN_CALL_STATE_RINGING_IN)
    remove_ringing_row (self, entry);

  /* The call is established: the far end picked up a call this seat placed, or the
   * caller acknowledged this seat's answer. */
  if (state == REXIAN_CALL_STATE_ACTIVE && !entry->answer_logged)
    {
      if (!log_answered (self, entry))
        {
          /* Two seats' answers both reached the caller: the shared log keeps the
           * first, and this seat lets go. */
          entry->taken_elsewhere = TRUE;
          update (self);
        }
      else if (rexian_call_get_direction (call) == REXIAN_CALL_INCOMING)
        g_signal_emit (self, signals[CALL_ANSWERED], 0, call);
    }
  if (state == REXIAN_CALL_STATE_ACTIVE && entry->taken_elsewhere)
    rexian_call_hangup (call, NULL);

  if (state == REXIAN_CALL_STATE_ENDED)
    {
      gboolean was_current = self->current == entry;

      log_ended (self, call);

      g_ptr_array_remove (self->entries, entry);
      if (was_current)
        {
          self->current = NULL;
          gtk_toggle_button_set_active (self->mute_button, FALSE);
          /* Another call answered earlier and put on hold comes back to the bar. */
          for (guint i = 0; i < self->entries->len; i++)
            {
              RexianCallEntry *other = g_ptr_array_index (self->entries, i);

              if (other->row == NULL)
                self->current = other;
            }
        }
    }

  update (self);
}

static RexianCallEntry *
track_call (RexianCallPanel *self,
            RexianCall      *call)
{
  RexianCallEntry *entry = g_new0 (RexianCallEntry, 1);

  entry->panel = self;
  entry->call = g_object_ref (call);
  entry->state_id = g_signal_connect (call, "notify::state",
                                      G_CALLBACK (on_call_state_changed), entry);
  g_ptr_array_add (self->entries, entry);

  return entry;
}

static void
on_incoming_call (RexianPhone     *phone,
                  RexianCall      *call,
                  RexianCallPanel *self)
{
  RexianCallEntry *entry;

  if (rexian_call_get_state (call) != REXIAN_CALL_STATE_RINGING_IN || find_entry (self, call))
    return;

  log_offered (self, call);
  entry = track_call (self, call);
  add_ringing_row (self, entry);

  /* An agent with a headset who waits for calls wants no click between them: the call
   * is answered at once, its number and earlier orders still shown while it connects.
   * An away agent's phone refused it already; one already on a call decides.  The
   * answer comes before the update, so that no ring tone starts for it. */
  if (g_settings_get_boolean (self->settings, "auto-answer") && !self->in_call
      && rexian_phone_get_available (phone))
    answer_entry (self, entry);
  update (self);
}

/* In-call controls */

static void
on_mute_toggled (RexianCallPanel *self)
{
  RexianMediaSession *media;

  if (self->current == NULL)
    return;

  media = rexian_call_get_media (self->current->call);
  if (media != NULL)
    rexian_media_session_set_mute (media, gtk_toggle_button_get_active (self->mute_button));
  _rexian_call_panel_conference_set_mute (self,
                                          gtk_toggle_button_get_active (self->mute_button));
}

static void
on_hold_clicked (RexianCallPanel *self)
{
  g_autoptr(GError) error = NULL;
  RexianCall *call = self->current != NULL ? self->current->call : NULL;
  gboolean ok;

  if (call == NULL)
    return;

  if (rexian_call_get_state (call) == REXIAN_CALL_STATE_HELD)
    ok = rexian_call_resume (call, &error);
  else
    ok = rexian_call_hold (call, &error);

  if (!ok)
    _rexian_call_panel_say (self, error->message);
}

static void
on_hangup_clicked (RexianCallPanel *self)
{
  g_autoptr(GError) error = NULL;

  if (_rexian_call_panel_conference_hangup (self))
    return;
  if (self->current != NULL && !rexian_call_hangup (self->current->call, &error))
    _rexian_call_panel_say (self, error->message);
}

static void
on_transfer_activated (RexianCallPanel *self)
{
  GtkApplication *app = GTK_APPLICATION (g_application_get_default ());
  const char *target = gtk_editable_get_text (GTK_EDITABLE (self->transfer_entry));
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  if (self->current == NULL || !REXIAN_IS_APPLICATION (app))
    return;

  uri = rexian_application_dup_call_uri (REXIAN_APPLICATION (app), target, &error);
  if (uri == NULL || !rexian_call_transfer (self->current->call, uri, &error))
    {
      _rexian_call_panel_say (self, error->message);
      return;
    }

  gtk_menu_button_popdown (self->transfer_button);
  gtk_editable_set_text (GTK_EDITABLE (self->transfer_entry), "");
}

static void
on_dtmf_key (gpointer user_data,
             gunichar key)
{
  RexianCallPanel *self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->current != NULL && !rexian_call_send_dtmf (self->current->call, (char) key, &error))
    _rexian_call_panel_say (self, error->message);
}

static void
on_dial_key_clicked (GtkButton *button,
                     gpointer   user_data)
{
  void (*callback) (gpointer, gunichar) = g_object_get_data (G_OBJECT (button), "callback");
  const char *key = gtk_button_get_label (button);

  callback (user_data, g_utf8_get_char (key));
}

GtkWidget *
_rexian_dial_pad_new (void     (*callback) (gpointer user_data, gunichar key),
                      gpointer   user_data)
{
  static const char keys[] = "123456789*0#";
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_row_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_widget_add_css_class (grid, "dial-pad");

  for (guint i = 0; i < strlen (keys); i++)
    {
      char label[2] = { keys[i], '\0' };
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_widget_add_css_class (button, "circular");
      gtk_widget_add_css_class (button, "numeric");
      g_object_set_data (G_OBJECT (button), "callback", callback);
      g_signal_connect (button, "clicked", G_CALLBACK (on_dial_key_clicked), user_data);
      gtk_grid_attach (GTK_GRID (grid), button, i % 3, i / 3, 1, 1);
    }

  return grid;
}

/* GObject */

static void
rexian_call_panel_dispose (GObject *object)
{
  RexianCallPanel *self = (RexianCallPanel *) object;
  GtkWidget *child;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_signal_handler (&self->incoming_id, self->phone);
  _rexian_call_panel_tones_clear (self);
  self->current = NULL;
  _rexian_call_panel_conference_clear (self);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), REXIAN_TYPE_CALL_PANEL);
  /* The template's outer box is not a bound child, so it is not unparented above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->phone);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rexian_call_panel_parent_class)->dispose (object);
}

static void
rexian_call_panel_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RexianCallPanel *self = REXIAN_CALL_PANEL (object);

  switch (prop_id)
    {
    case PROP_IN_CALL:
      g_value_set_boolean (value, self->in_call);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_call_panel_class_init (RexianCallPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rexian_call_panel_dispose;
  object_class->get_property = rexian_call_panel_get_property;

  properties[PROP_IN_CALL] =
    g_param_spec_boolean ("in-call", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CALL_ANSWERED] =
    g_signal_new ("call-answered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, REXIAN_TYPE_CALL);
  signals[MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (REXIAN_TYPE_PHRASE_STRIP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rexian/Rexian/rexian-call-panel.ui");
  /* The service phrase strip (rexian-phrase-strip.c) is no field of the panel: update()
   * looks it up by name. */
  gtk_widget_class_bind_template_child_full (widget_class, "phrase_strip", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, RexianCallPanel, phone_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, RexianCallPanel, phone_error_label);
  gtk_widget_class_bind_template_child (widget_class, RexianCallPanel, ringing_revealer);
  gtk_widget_class_bind_template_child (widget_class, RexianCallPanel, ringing_list);
  gtk_widget_class_bind_template_child (widget_class, RexianCallPanel, call_revealer);
  gtk_widget_class_bind_template_child (widget_class, RexianCallPanel, call_number_label);
  gtk_widget_class_bind_template_child (widget_class, RexianCallPanel, call_time_label);
  gtk_widget_class_bind_template_child (widget_class, RexianCallPanel, recording_label);
  gtk_widget_class_bind_template_child (widget_class, RexianCallPanel, mute_button);
  gtk_widget_class_bind_template_child (widget_class, RexianCallPanel, hold_button);
  gtk_widget_class_bind_template_child (widget_class, RexianCallPanel, dialpad_button);
  gtk_widget_class_bind_template_child (widget_class, RexianCallPanel, transfer_button);
  gtk_widget_class_bind_template_child (widget_class, RexianCallPanel, transfer_entry);
  gtk_widget_class_bind_template_child (widget_class, RexianCallPanel, hangup_button);
  gtk_widget_class_bind_template_callback (widget_class, on_mute_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_hold_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_hangup_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_transfer_activated);
  _rexian_call_panel_conference_class_init (widget_class);
}

static void
rexian_call_panel_init (RexianCallPanel *self)
{
  GtkWidget *popover;

  self->entries = g_ptr_array_new_with_free_func (call_entry_free);
  self->settings = g_settings_new (APP_ID);

  gtk_widget_init_template (GTK_WIDGET (self));

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), _rexian_dial_pad_new (on_dtmf_key, self));
  gtk_menu_button_set_popover (self->dialpad_button, popover);
}

RexianCallPanel *
rexian_call_panel_new (void)
{
  return g_object_new (REXIAN_TYPE_CALL_PANEL, NULL);
}

void
rexian_call_panel_set_phone (RexianCallPanel *self,
                             RexianPhone     *phone)
{
  g_return_if_fail (REXIAN_IS_CALL_PANEL (self));

  g_clear_signal_handler (&self->incoming_id, self->phone);
  if (!g_set_object (&self->phone, phone) || phone == NULL)
    return;

  self->incoming_id = g_signal_connect (phone, "incoming-call",
                                        G_CALLBACK (on_incoming_call), self);
}

void
rexian_call_panel_set_store (RexianCallPanel *self,
                             RexianStore     *store)
{
  g_return_if_fail (REXIAN_IS_CALL_PANEL (self));

  g_set_object (&self->store, store);
}

void
rexian_call_panel_set_agent_id (RexianCallPanel *self,
                                gint64           agent_id)
{
  g_return_if_fail (REXIAN_IS_CALL_PANEL (self));

  self->agent_id = agent_id;
}

gboolean
rexian_call_panel_get_in_call (RexianCallPanel *self)
{
  g_return_val_if_fail (REXIAN_IS_CALL_PANEL (self), FALSE);

  return self->in_call;
}

void
rexian_call_panel_set_phone_error (RexianCallPanel *self,
                                   const char      *message)
{
  g_return_if_fail (REXIAN_IS_CALL_PANEL (self));

  gtk_label_set_text (self->phone_error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->phone_error_revealer, message != NULL);
}

RexianCall *
rexian_call_panel_call (RexianCallPanel  *self,
                        const char       *uri,
                        GError          **error)
{
  RexianCall *call;
  RexianCallEntry *entry;

  g_return_val_if_fail (REXIAN_IS_CALL_PANEL (self), NULL);

  if (self->phone == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("The phone is not working"));
      return NULL;
    }

  if (self->current != NULL
      && rexian_call_get_state (self->current->call) == REXIAN_CALL_STATE_ACTIVE)
    rexian_call_hold (self->current->call, NULL);

  call = rexian_phone_call (self->phone, uri, error);
  if (call == NULL)
    return NULL;

  start_recording (self, call);
  log_offered (self, call);
  entry = track_call (self, call);
  self->current = entry;
  update (self);

  return call;
}
