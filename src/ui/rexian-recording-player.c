/* rexian-recording-player.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-recording-player-private.h"

G_DEFINE_FINAL_TYPE (RexianRecordingPlayer, rexian_recording_player, GTK_TYPE_WIDGET)

/* "1:05", or "1:02:05" past an hour. */
static char *
format_position (gint64 ms)
{
  gint64 seconds = MAX (ms, 0) / 1000;

  if (seconds >= 3600)
    return g_strdup_printf ("%d:%02d:%02d", (int) (seconds / 3600), (int) (seconds / 60 % 60),
                            (int) (seconds % 60));

  return g_strdup_printf ("%d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

static gint64
get_duration (RexianRecordingPlayer *self)
{
  gint64 duration = self->player != NULL ? rexian_media_player_get_duration (self->player) : -1;

  return duration >= 0 ? duration : self->duration_hint;
}

static void
update_time (RexianRecordingPlayer *self)
{
  gint64 position = self->player != NULL ? rexian_media_player_get_position (self->player) : 0;
  gint64 duration = get_duration (self);
  g_autofree char *now = format_position (position);
  g_autofree char *text = NULL;
  g_autofree char *spoken = NULL;

  if (duration > 0)
    {
      g_autofree char *total = format_position (duration);

      /* Translators: where playback is and how long the recording is, "0:12 / 1:05". */
      text = g_strdup_printf (_("%s / %s"), now, total);
      /* Translators: the same for a screen reader, "0:12 of 1:05". */
      spoken = g_strdup_printf (_("%s of %s"), now, total);
    }
  else
    {
      text = g_strdup (now);
      spoken = g_strdup (now);
    }

  gtk_label_set_text (self->time_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, spoken,
                                  -1);

  /* The end first, so a position past the hinted length is not clamped away. */
  if (duration > 0)
    gtk_adjustment_set_upper (self->adjustment, (double) duration);
  gtk_adjustment_set_value (self->adjustment, (double) position);
}

static void
update_button (RexianRecordingPlayer *self)
{
  gboolean playing = rexian_recording_player_get_playing (self);
  GtkWidget *button = GTK_WIDGET (self->play_button);

  gtk_button_set_icon_name (self->play_button, playing ? "media-playback-pause-symbolic"
                                                       : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (button, playing ? _("Pause") : _("Play"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  playing ? _("Pause the recording") : _("Play the recording"),
                                  -1);
}

/* @text is short enough for a row; @detail (the whole story, with the file's name)
 * goes into the tooltip. */
static void
show_message (RexianRecordingPlayer *self,
              const char            *text,
              const char            *detail)
{
  gtk_label_set_text (self->message_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->message_label), detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->message_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, detail != NULL ? detail : "",
                                  -1);
  gtk_stack_set_visible_child_name (self->stack, "message");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.play-pause", FALSE);
}

static void
show_error (RexianRecordingPlayer *self,
            const GError          *error)
{
  const char *text;

  if (g_error_matches (error, REXIAN_MEDIA_PLAYER_ERROR, REXIAN_MEDIA_PLAYER_ERROR_NOT_FOUND)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    text = _("Recording not found");
  else if (g_error_matches (error, REXIAN_MEDIA_PLAYER_ERROR,
                            REXIAN_MEDIA_PLAYER_ERROR_UNREADABLE)
           || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    text = _("Recording cannot be read");
  else if (g_error_matches (error, REXIAN_MEDIA_PLAYER_ERROR, REXIAN_MEDIA_PLAYER_ERROR_DAMAGED))
    text = _("Recording damaged");
  else
    text = error->message;

  show_message (self, text, error->message);
}

/* The media player */

static void
on_state (RexianRecordingPlayer *self)
{
  update_button (self);
}

static void
on_error (RexianRecordingPlayer *self,
          GError                *error)
{
  show_error (self, error);
  update_button (self);
  update_time (self);
}

static RexianMediaPlayer *
ensure_player (RexianRecordingPlayer *self)
{
  if (self->player != NULL)
    return self->player;

  self->player = rexian_media_player_new (self->path);
  g_signal_connect_object (self->player, "notify::state", G_CALLBACK (on_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->player, "notify::position", G_CALLBACK (update_time), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->player, "notify::duration", G_CALLBACK (update_time), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->player, "error", G_CALLBACK (on_error), self,
                           G_CONNECT_SWAPPED);

  return self->player;
}

static gboolean
on_change_value (RexianRecordingPlayer *self,
                 GtkScrollType          scroll,
                 double                 value)
{
  double upper = gtk_adjustment_get_upper (self->adjustment);

  rexian_media_player_seek (ensure_player (self), (gint64) CLAMP (value, 0, upper));

  /* The player's position, now the sought one, moves the scale. */
  return TRUE;
}

static void
play_pause (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RexianRecordingPlayer *self = REXIAN_RECORDING_PLAYER (widget);

  if (rexian_recording_player_get_playing (self))
    rexian_media_player_pause (self->player);
  else
    rexian_recording_player_play (self);
}

/* Whether the file is there, asked off the main loop: a missing recording says so
 * before anyone presses Play. */
static void
on_file_checked (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  RexianRecordingPlayer *self;

  info = g_file_query_info_finish (G_FILE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = REXIAN_RECORDING_PLAYER (user_data);

  if (info == NULL)
    {
      g_autofree char *name = g_filename_display_name (self->path);
      g_autoptr(GError) failure = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        failure = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("The recording “%s” cannot be found. It may have been "
                                 "moved or deleted, or no audio was received on the call."),
                               name);
      else
        failure = g_error_new (error->domain, error->code,
                               _("The recording “%s” cannot be read: %s"), name,
                               error->message);
      show_error (self, failure);
      return;
    }

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ)
      && !g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ))
    {
      g_autofree char *name = g_filename_display_name (self->path);
      g_autofree char *detail = g_strdup_printf (_("The recording “%s” cannot be read. "
                                                   "Recordings can only be read by the "
                                                   "user who recorded them."), name);

      show_message (self, _("Recording cannot be read"), detail);
    }
}

static void
check_file (RexianRecordingPlayer *self)
{
  g_autoptr(GFile) file = g_file_new_for_path (self->path);

  g_file_query_info_async (file,
                           G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_ACCESS_CAN_READ,
                           G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT, self->cancellable,
                           on_file_checked, self);
}

/* Leaving the screen */

static gboolean
pause_if_hidden (gpointer user_data)
{
  RexianRecordingPlayer *self = user_data;

  self->unmapped_idle_id = 0;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) && rexian_recording_player_get_playing (self))
    rexian_media_player_pause (self->player);

  return G_SOURCE_REMOVE;
}

static void
rexian_recording_player_unmap (GtkWidget *widget)
{
  RexianRecordingPlayer *self = REXIAN_RECORDING_PLAYER (widget);

  GTK_WIDGET_CLASS (rexian_recording_player_parent_class)->unmap (widget);

  /* A list that is rebuilt moves the player to a new row in one go: only a player still
   * hidden once the main loop is idle again has really left the screen. */
  if (self->unmapped_idle_id == 0)
    self->unmapped_idle_id = g_idle_add (pause_if_hidden, self);
}

/* GObject */

static void
rexian_recording_player_dispose (GObject *object)
{
  RexianRecordingPlayer *self = REXIAN_RECORDING_PLAYER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->unmapped_idle_id, g_source_remove);
  g_clear_object (&self->player);
  gtk_widget_dispose_template (GTK_WIDGET (self), REXIAN_TYPE_RECORDING_PLAYER);

  G_OBJECT_CLASS (rexian_recording_player_parent_class)->dispose (object);
}

static void
rexian_recording_player_finalize (GObject *object)
{
  RexianRecordingPlayer *self = REXIAN_RECORDING_PLAYER (object);

  g_clear_object (&self->cancellable);
  g_free (self->path);

  G_OBJECT_CLASS (rexian_recording_player_parent_class)->finalize (object);
}

static void
rexian_recording_player_class_init (RexianRecordingPlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rexian_recording_player_dispose;
  object_class->finalize = rexian_recording_player_finalize;
  widget_class->unmap = rexian_recording_player_unmap;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "recordingplayer");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rexian/Rexian/"
                                               "rexian-recording-player.ui");
  gtk_widget_class_bind_template_child (widget_class, RexianRecordingPlayer, stack);
  gtk_widget_class_bind_template_child (widget_class, RexianRecordingPlayer, play_button);
  gtk_widget_class_bind_template_child (widget_class, RexianRecordingPlayer, scale);
  gtk_widget_class_bind_template_child (widget_class, RexianRecordingPlayer, adjustment);
  gtk_widget_class_bind_template_child (widget_class, RexianRecordingPlayer, time_label);
  gtk_widget_class_bind_template_child (widget_class, RexianRecordingPlayer, message_label);

  gtk_widget_class_install_action (widget_class, "player.play-pause", NULL, play_pause);
  /* Space plays and pauses with the focus on the scale too, as in other players. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "player.play-pause",
                                       NULL);
}

static void
rexian_recording_player_init (RexianRecordingPlayer *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  g_signal_connect_swapped (self->scale, "change-value", G_CALLBACK (on_change_value), self);
  update_time (self);
}

GtkWidget *
rexian_recording_player_new (const char *path)
{
  RexianRecordingPlayer *self = g_object_new (REXIAN_TYPE_RECORDING_PLAYER, NULL);

  self->path = g_strdup (path);
  if (path == NULL || *path == '\0')
    show_message (self, _("Not recorded"), NULL);
  else
    check_file (self);

  return GTK_WIDGET (self);
}

const char *
rexian_recording_player_get_path (RexianRecordingPlayer *self)
{
  g_return_val_if_fail (REXIAN_IS_RECORDING_PLAYER (self), NULL);

  return self->path;
}

void
rexian_recording_player_set_duration_hint (RexianRecordingPlayer *self,
                                           gint64                 duration_ms)
{
  g_return_if_fail (REXIAN_IS_RECORDING_PLAYER (self));

  self->duration_hint = MAX (duration_ms, 0);
  update_time (self);
}

void
rexian_recording_player_play (RexianRecordingPlayer *self)
{
  g_return_if_fail (REXIAN_IS_RECORDING_PLAYER (self));

  /* A missing or unreadable file said so already. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "player") != 0)
    return;

  rexian_media_player_play (ensure_player (self));
}

gboolean
rexian_recording_player_get_playing (RexianRecordingPlayer *self)
{
  g_return_val_if_fail (REXIAN_IS_RECORDING_PLAYER (self), FALSE);

  return self->player != NULL
         && rexian_media_player_get_state (self->player) == REXIAN_MEDIA_PLAYER_PLAYING;
}

/* Tables of players */

GHashTable *
rexian_recording_player_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

GtkWidget *
rexian_recording_player_table_take (GHashTable *old,
                                    GHashTable *table,
                                    const char *call_id,
                                    const char *path)
{
  GtkWidget *row = old != NULL ? g_hash_table_lookup (old, call_id) : NULL;
  GtkWidget *player;

  g_return_val_if_fail (table != NULL && call_id != NULL, NULL);

  if (row != NULL && g_strcmp0 (rexian_recording_player_get_path (REXIAN_RECORDING_PLAYER (
                                  gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)))),
                                path) == 0)
    {
      GtkWidget *list = gtk_widget_get_parent (row);

      /* Out of the old expander row, which is about to go with its list. */
      g_object_ref (row);
      if (GTK_IS_LIST_BOX (list))
        gtk_list_box_remove (GTK_LIST_BOX (list), row);
      g_hash_table_insert (table, g_strdup (call_id), row);
      return row;
    }

  player = rexian_recording_player_new (path);
  gtk_widget_set_margin_start (player, 12);
  gtk_widget_set_margin_end (player, 12);
  gtk_widget_set_margin_top (player, 6);
  gtk_widget_set_margin_bottom (player, 6);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "recording-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), player);
  g_hash_table_insert (table, g_strdup (call_id), g_object_ref_sink (row));

  return row;
}
