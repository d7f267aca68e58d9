/* rexian-calls-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rexian-calls-view-private.h"
#include "rexian-recording-player.h"
#include "rexian-store-calls.h"

/* Today's calls shown at most: the newest, enough for an agent's day at the desk without
 * building thousands of rows (and players) whenever another seat writes. */
#define CALL_ROWS_LIMIT 200

G_DEFINE_FINAL_TYPE (RexianCallsView, rexian_calls_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One call-back call under way: its outcome is the outcome of the try. */
typedef struct
{
  GWeakRef    view;
  gint64      callback_id;
  RexianCall *call;
  gulong      state_id;
} CallBackTry;

static void
call_back_try_free (CallBackTry *try)
{
  g_clear_signal_handler (&try->state_id, try->call);
  g_clear_object (&try->call);
  g_weak_ref_clear (&try->view);
  g_free (try);
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* "14:05" for today, the date as well for an older call. */
static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (time == NULL)
    return g_strdup ("");

  if (g_date_time_get_year (time) == g_date_time_get_year (now)
      && g_date_time_get_day_of_year (time) == g_date_time_get_day_of_year (now))
    return g_date_time_format (time, "%H:%M");

  return g_date_time_format (time, "%Y-%m-%d %H:%M");
}

static char *
format_seconds (gint64 seconds)
{
  if (seconds >= 60)
    /* Translators: a duration in minutes and seconds, such as 3 min 05 s. */
    return g_strdup_printf (_("%d min %02d s"), (int) (seconds / 60), (int) (seconds % 60));

  /* Translators: a duration in seconds, such as 12 s. */
  return g_strdup_printf (_("%d s"), (int) seconds);
}

/* The rows only: the placeholder is a child of the list too, and must stay. */
static GPtrArray *
list_rows (GtkListBox *list)
{
  GPtrArray *rows = g_ptr_array_new ();
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, (int) rows->len)) != NULL)
    g_ptr_array_add (rows, row);

  return rows;
}

static void
remove_rows (GtkListBox *list,
             GPtrArray  *rows)
{
  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_remove (list, g_ptr_array_index (rows, i));
}

static GtkWidget *
placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

/* @record is the missed call, for how long the caller waited; NULL when not found. */
static GtkWidget *
callback_row_new (RexianCallback   *callback,
                  RexianCallRecord *record)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *call_back = gtk_button_new_with_mnemonic (_("Call _Back"));
  GtkWidget *more = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;
  g_autofree char *offered = format_time (callback->offered_at);
  g_autofree char *waited = format_seconds (record != NULL
                                            ? rexian_call_record_get_wait_seconds (record)
                                            : 0);
  g_autofree char *tries = NULL;
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), callback->remote_number);
  gtk_widget_add_css_class (row, "callback-row");

  tries = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d try", "%d tries",
                                        (gulong) callback->attempts),
                           callback->attempts);
  /* Translators: when a missed call came in, how long the caller waited before giving
   * up, and how often it was called back so far: "14:05 · waited 42 s · 1 try". */
  subtitle = g_strdup_printf (_("%s · waited %s · %s"), offered, waited, tries);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (call_back, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (call_back, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (call_back), "calls.call-back");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (call_back), "x", callback->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), call_back);

  item = g_menu_item_new (_("Mark as _Unreachable"), NULL);
  g_menu_item_set_action_and_target (item, "calls.unreachable", "x", callback->id);
  g_menu_append_item (menu, item);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
  gtk_widget_set_tooltip_text (more, _("More"));
  gtk_widget_set_valign (more, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (more, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), more);

  return row;
}

/* "14:05–14:07 · Caller hung up · 李娜 · waited 3 s · talked 1 min 30 s", and why there
 * is nothing to play when there is not. */
static char *
call_subtitle (RexianCallRecord *record,
               gboolean          recorded)
{
  GString *subtitle = g_string_new (NULL);
  g_autofree char *offered = format_time (record->offered_at);
  g_autofree char *wait = format_seconds (rexian_call_record_get_wait_seconds (record));
  g_autofree char *talk = format_seconds (rexian_call_record_get_talk_seconds (record));
  g_autofree char *wait_text = g_strdup_printf (_("waited %s"), wait);
  const char *outcome = record->outcome >= 0 ? rexian_call_outcome_get_label (record->outcome)
                                             : _("In progress");

  g_string_append (subtitle, offered);
  if (record->ended_at > 0)
    {
      g_autofree char *ended = format_time (record->ended_at);

      g_string_append_printf (subtitle, "–%s", ended);
    }
  g_string_append_printf (subtitle, " · %s", outcome);
  if (record->agent_name != NULL)
    g_string_append_printf (subtitle, " · %s", record->agent_name);
  /* Translators: how long the caller waited for an answer, such as "waited 12 s". */
  g_string_append_printf (subtitle, " · %s", wait_text);
  if (record->answered_at > 0)
    {
      /* Translators: how long the call lasted once answered, such as "talked 3 min 05 s". */
      g_autofree char *text = g_strdup_printf (_("talked %s"), talk);

      g_string_append_printf (subtitle, " · %s", text);
    }

  /* A call still going on is being recorded; its file is listed once it ends. */
  if (!recorded && record->outcome >= 0)
    g_string_append_printf (subtitle, " · %s", record->answered_at > 0
                                               ? _("Not recorded")
                                               : _("Not answered, nothing recorded"));

  return g_string_free (subtitle, FALSE);
}

static gboolean
is_recorded (RexianCallRecord *record)
{
  return record->recording_path != NULL && record->recording_path[0] != '\0'
         && record->outcome >= 0;
}

/* Opens the row's player: made when the row is expanded, dropped (and stopped) when it
 * is collapsed, so that only the calls being listened to hold a player. */
static void
on_row_expanded (AdwExpanderRow  *row,
                 GParamSpec      *pspec,
                 RexianCallsView *self)
{
  const char *call_id = g_object_get_data (G_OBJECT (row), "call-id");
  GtkWidget *player_row = g_object_get_data (G_OBJECT (row), "player-row");

  /* The open player has a play button of its own. */
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "play-button"),
                          !adw_expander_row_get_expanded (row));

  if (adw_expander_row_get_expanded (row) && player_row == NULL)
    {
      GtkWidget *player;

      player_row = rexian_recording_player_table_take (NULL, self->players, call_id,
                                                       g_object_get_data (G_OBJECT (row),
                                                                          "recording-path"));
      player = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (player_row));
      rexian_recording_player_set_duration_hint (REXIAN_RECORDING_PLAYER (player),
                                                 GPOINTER_TO_INT (g_object_get_data (
                                                   G_OBJECT (row), "talk-ms")));
      adw_expander_row_add_row (row, player_row);
      g_object_set_data (G_OBJECT (row), "player-row", player_row);
    }
  else if (!adw_expander_row_get_expanded (row) && player_row != NULL)
    {
      adw_expander_row_remove (row, player_row);
      g_object_set_data (G_OBJECT (row), "player-row", NULL);
      g_hash_table_remove (self->players, call_id);
    }
}

static void
on_play_clicked (AdwExpanderRow *row)
{
  GtkWidget *player_row;
  GtkWidget *player;

  adw_expander_row_set_expanded (row, TRUE);
  player_row = g_object_get_data (G_OBJECT (row), "player-row");
  if (player_row == NULL)
    return;

  player = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (player_row));
  rexian_recording_player_play (REXIAN_RECORDING_PLAYER (player));
  /* The button just pressed is hidden now: the focus goes to the player's own, so
   * that Space pauses what it started. */
  gtk_widget_child_focus (player, GTK_DIR_TAB_FORWARD);
}

static GtkWidget *
recorded_row_new (RexianCallsView  *self,
                  RexianCallRecord *record,
                  GHashTable       *old_players)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *play = gtk_button_new_from_icon_name ("media-playback-start-symbolic");
  gint64 talk_ms = rexian_call_record_get_talk_seconds (record) * 1000;

  g_object_set_data_full (G_OBJECT (row), "call-id", g_strdup (record->call_id), g_free);
  g_object_set_data_full (G_OBJECT (row), "recording-path", g_strdup (record->recording_path),
                          g_free);
  g_object_set_data (G_OBJECT (row), "talk-ms", GINT_TO_POINTER ((int) MIN (talk_ms, G_MAXINT)));

  /* The player of a row open before the list was rebuilt plays on in the new row. */
  if (old_players != NULL && g_hash_table_contains (old_players, record->call_id))
    {
      GtkWidget *player_row = rexian_recording_player_table_take (old_players, self->players,
                                                                  record->call_id,
                                                                  record->recording_path);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), player_row);
      g_object_set_data (G_OBJECT (row), "player-row", player_row);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      gtk_widget_set_visible (play, FALSE);
    }
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (on_row_expanded), self, 0);

  gtk_widget_set_valign (play, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (play, "flat");
  gtk_widget_set_tooltip_text (play, _("Play the recording"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (play), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Play the recording"), -1);
  g_signal_connect_object (play, "clicked", G_CALLBACK (on_play_clicked), row,
                           G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (row), "play-button", play);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), play);

  return row;
}

static GtkWidget *
call_row_new (RexianCallsView  *self,
              RexianCallRecord *record,
              GHashTable       *old_players)
{
  gboolean recorded = is_recorded (record);
  gboolean incoming = record->direction == REXIAN_CALL_RECORD_INCOMING;
  GtkWidget *icon = gtk_image_new_from_icon_name (incoming ? "call-incoming-symbolic"
                                                           : "call-outgoing-symbolic");
  g_autofree char *subtitle = call_subtitle (record, recorded);
  GtkWidget *row;

  gtk_widget_set_tooltip_text (icon, rexian_call_record_direction_get_label (record->direction));

  if (recorded)
    {
      row = recorded_row_new (self, record, old_players);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
    }
  else
    {
      row = adw_action_row_new ();
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), record->remote_number);
  gtk_widget_add_css_class (row, "call-row");

  if (record->order_number != NULL && *record->order_number != '\0')
    {
      GtkWidget *order = gtk_button_new_with_label (record->order_number);

      gtk_widget_set_valign (order, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (order, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (order), "app.open-order");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (order), "s", record->order_number);
      gtk_widget_set_tooltip_text (order, _("Open the work order taken on this call"));
      if (recorded)
        adw_expander_row_add_action (ADW_EXPANDER_ROW (row), order);
      else
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), order);
    }

  /* The caller's history is one click from calling them again. */
  if (record->remote_number != NULL && *record->remote_number != '\0')
    {
      GtkWidget *call = gtk_button_new_from_icon_name ("call-start-symbolic");

      gtk_widget_set_valign (call, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (call, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (call), "app.call-number");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (call), "s", record->remote_number);
      gtk_widget_set_tooltip_text (call, _("Call this number"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (call), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Call this number"), -1);
      if (recorded)
        adw_expander_row_add_action (ADW_EXPANDER_ROW (row), call);
      else
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), call);
    }

  return row;
}

void
rexian_calls_view_refresh (RexianCallsView *self)
{
  g_autoptr(GPtrArray) callbacks = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GPtrArray) missed_calls = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GPtrArray) old_callback_rows = list_rows (self->callback_list);
  g_autoptr(GPtrArray) old_call_rows = list_rows (self->call_list);
  g_autoptr(GHashTable) old_players = g_steal_pointer (&self->players);
  guint old_pending;
  gint64 from = 0;

  g_return_if_fail (REXIAN_IS_CALLS_VIEW (self));

  old_pending = rexian_calls_view_get_n_pending (self);
  remove_rows (self->callback_list, old_callback_rows);
  /* The old call rows go once the new ones have taken over their players. */
  self->players = rexian_recording_player_table_new ();
  g_clear_pointer (&self->callbacks, g_ptr_array_unref);
  self->n_calls = 0;

  if (self->store != NULL)
    {
      today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                     g_date_time_get_day_of_month (now), 0, 0, 0);
      from = g_date_time_to_unix (today);

      callbacks = rexian_store_list_callbacks (self->store, TRUE, &error);
      if (callbacks == NULL)
        {
          g_warning ("Could not list the callbacks: %s", error->message);
          g_clear_error (&error);
        }
      else
        {
          /* Each callback's missed call, by its row id: however far back the oldest
           * callback goes, only those calls are read. */
          g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64),
                                                     callbacks->len);

          for (guint i = 0; i < callbacks->len; i++)
            g_array_append_val (ids, ((RexianCallback *) g_ptr_array_index (callbacks,
                                                                             i))->call_record_id);
          missed_calls = rexian_store_get_calls_by_ids (self->store,
                                                        (const gint64 *) (gpointer) ids->data,
                                                        ids->len, &error);
          if (missed_calls == NULL)
            {
              g_warning ("Could not read the missed calls: %s", error->message);
              g_clear_error (&error);
            }
        }
      /* Today's calls, newest first; a busy hotline's day is thousands of calls, and
       * the list shows the newest CALL_ROWS_LIMIT of them. */
      calls = rexian_store_list_calls (self->store, from, now_seconds () + 24 * 3600,
                                       CALL_ROWS_LIMIT, &error);
      if (calls == NULL)
        g_warning ("Could not list the calls: %s", error->message);
    }

  for (guint i = 0; callbacks != NULL && i < callbacks->len; i++)
    {
      RexianCallback *callback = g_ptr_array_index (callbacks, i);
      RexianCallRecord *missed = NULL;

      for (guint j = 0; missed_calls != NULL && j < missed_calls->len && missed == NULL; j++)
        if (((RexianCallRecord *) g_ptr_array_index (missed_calls, j))->id ==
            callback->call_record_id)
          missed = g_ptr_array_index (missed_calls, j);

      gtk_list_box_append (self->callback_list, callback_row_new (callback, missed));
    }
  self->callbacks = g_steal_pointer (&callbacks);

  for (guint i = 0; calls != NULL && i < calls->len; i++)
    {
      gtk_list_box_append (self->call_list,
                           call_row_new (self, g_ptr_array_index (calls, i), old_players));
      self->n_calls++;
    }
  remove_rows (self->call_list, old_call_rows);

  gtk_stack_set_visible_child_name (self->stack,
                                    rexian_calls_view_get_n_pending (self) > 0
                                    || self->n_calls > 0 ? "list" : "empty");
  if (old_pending != rexian_calls_view_get_n_pending (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PENDING]);
}

/* Call-back tries */

static RexianCallback *
find_callback (RexianCallsView *self,
               gint64           id)
{
  for (guint i = 0; self->callbacks != NULL && i < self->callbacks->len; i++)
    {
      RexianCallback *callback = g_ptr_array_index (self->callbacks, i);

      if (callback->id == id)
        return callback;
    }

  return NULL;
}

static void
record_try (RexianCallsView      *self,
            gint64                callback_id,
            RexianCallbackStatus  status)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL
      || rexian_store_set_callback_status (self->store, callback_id, status, self->agent_id,
                                           now_seconds (), &error))
    return;

  /* Another agent called back first, or the database is busy: the agent's call is
   * not affected, but they should know. */
  g_warning ("Could not record the call-back: %s", error->message);
  g_signal_emit (self, signals[MESSAGE], 0, error->message);
}

static void
on_try_state (RexianCall  *call,
              GParamSpec  *pspec,
              CallBackTry *try)
{
  g_autoptr(RexianCallsView) self = g_weak_ref_get (&try->view);
  RexianCallState state = rexian_call_get_state (call);

  if (state != REXIAN_CALL_STATE_ACTIVE && state != REXIAN_CALL_STATE_ENDED)
    return;

  /* Reached: called back.  Busy, no answer, failed or hung up before an answer: one
   * more unsuccessful try, to be tried again. */
  if (self != NULL)
    record_try (self, try->callback_id, state == REXIAN_CALL_STATE_ACTIVE
                                        ? REXIAN_CALLBACK_CALLED_BACK
                                        : REXIAN_CALLBACK_PENDING);
  call_back_try_free (try);
}

static void
call_back (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  RexianCallsView *self = REXIAN_CALLS_VIEW (widget);
  gint64 callback_id = g_variant_get_int64 (parameter);
  RexianCallback *callback = find_callback (self, callback_id);
  g_autofree char *number = NULL;
  g_autoptr(GPtrArray) before = NULL;
  GPtrArray *calls;
  CallBackTry *try;

  if (callback == NULL)
    return;

  /* Placing the call writes the call log, which refreshes this view: the callback
   * must not be looked at after that. */
  number = g_strdup (callback->remote_number);

  /* The call is placed the way every call is, through the window's call panel; the
   * new call on the phone is the one to watch. */
  if (self->phone != NULL)
    before = g_ptr_array_copy (rexian_phone_get_calls (self->phone), NULL, NULL);
  gtk_widget_activate_action (widget, "app.call-number", "s", number);
  if (self->phone == NULL)
    return;

  calls = rexian_phone_get_calls (self->phone);
  for (guint i = 0; i < calls->len; i++)
    {
      RexianCall *call = g_ptr_array_index (calls, i);

      if (g_ptr_array_find (before, call, NULL)
          || rexian_call_get_direction (call) != REXIAN_CALL_OUTGOING)
        continue;

      try = g_new0 (CallBackTry, 1);
      g_weak_ref_init (&try->view, self);
      try->callback_id = callback_id;
      try->call = g_object_ref (call);
      try->state_id = g_signal_connect (call, "notify::state", G_CALLBACK (on_try_state), try);
      return;
    }

  /* No call left this seat (no phone, no route): the window said why, and a try that
   * never reached the network does not count against the caller. */
}

static void
mark_unreachable (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  record_try (REXIAN_CALLS_VIEW (widget), g_variant_get_int64 (parameter),
              REXIAN_CALLBACK_UNREACHABLE);
}

/* GObject */

static void
rexian_calls_view_dispose (GObject *object)
{
  RexianCallsView *self = (RexianCallsView *) object;

  g_clear_signal_handler (&self->changed_id, self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), REXIAN_TYPE_CALLS_VIEW);
  g_clear_object (&self->store);
  g_clear_object (&self->phone);
  g_clear_pointer (&self->callbacks, g_ptr_array_unref);
  g_clear_pointer (&self->players, g_hash_table_unref);

  G_OBJECT_CLASS (rexian_calls_view_parent_class)->dispose (object);
}

static void
rexian_calls_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RexianCallsView *self = REXIAN_CALLS_VIEW (object);

  switch (prop_id)
    {
    case PROP_N_PENDING:
      g_value_set_uint (value, rexian_calls_view_get_n_pending (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_calls_view_class_init (RexianCallsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rexian_calls_view_dispose;
  object_class->get_property = rexian_calls_view_get_property;

  properties[PROP_N_PENDING] =
    g_param_spec_uint ("n-pending", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rexian/Rexian/rexian-calls-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RexianCallsView, stack);
  gtk_widget_class_bind_template_child (widget_class, RexianCallsView, callback_list);
  gtk_widget_class_bind_template_child (widget_class, RexianCallsView, call_list);

  gtk_widget_class_install_action (widget_class, "calls.call-back", "x", call_back);
  gtk_widget_class_install_action (widget_class, "calls.unreachable", "x", mark_unreachable);
}

static void
rexian_calls_view_init (RexianCallsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_placeholder (self->callback_list,
                                placeholder_new (_("Every missed call has been called back")));
  gtk_list_box_set_placeholder (self->call_list, placeholder_new (_("No calls today")));
  rexian_calls_view_refresh (self);
}

RexianCallsView *
rexian_calls_view_new (void)
{
  return g_object_new (REXIAN_TYPE_CALLS_VIEW, NULL);
}

void
rexian_calls_view_set_store (RexianCallsView *self,
                             RexianStore     *store)
{
  g_return_if_fail (REXIAN_IS_CALLS_VIEW (self));

  g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect_swapped (store, "changed",
                                                 G_CALLBACK (rexian_calls_view_refresh), self);
  rexian_calls_view_refresh (self);
}

void
rexian_calls_view_set_phone (RexianCallsView *self,
                             RexianPhone     *phone)
{
  g_return_if_fail (REXIAN_IS_CALLS_VIEW (self));

  g_set_object (&self->phone, phone);
}

void
rexian_calls_view_set_agent_id (RexianCallsView *self,
                                gint64           agent_id)
{
  g_return_if_fail (REXIAN_IS_CALLS_VIEW (self));

  self->agent_id = agent_id;
}

guint
rexian_calls_view_get_n_pending (RexianCallsView *self)
{
  g_return_val_if_fail (REXIAN_IS_CALLS_VIEW (self), 0);

  return self->callbacks != NULL ? self->callbacks->len : 0;
}
