/* rexian-recording-player.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define REXIAN_TYPE_RECORDING_PLAYER (rexian_recording_player_get_type ())

G_DECLARE_FINAL_TYPE (RexianRecordingPlayer, rexian_recording_player, REXIAN, RECORDING_PLAYER,
                      GtkWidget)

/* A compact player for one call's recording, small enough for a list row in a
 * 360-pixel window: a play/pause button, a position scale to drag (or move with the
 * arrow keys) to seek, "0:12 / 1:05", and in place of all that a short message when
 * the file is missing ("Recording not found") or cannot be played.
 *
 * @path is the recording.  Whether the file is there is checked at once, off the main
 * loop; the audio pipeline is only made on the first Play or seek, so a long list of
 * calls costs nothing until one is played.
 *
 * Action "player.play-pause".  Playback pauses when the player is no longer shown (its
 * row collapsed, another page chosen): nobody should hear what they cannot stop. */
GtkWidget  *rexian_recording_player_new               (const char            *path);
const char *rexian_recording_player_get_path          (RexianRecordingPlayer *self);
/* The length to show until the file has been read, such as the call's talk time. */
void        rexian_recording_player_set_duration_hint (RexianRecordingPlayer *self,
                                                       gint64                 duration_ms);
void        rexian_recording_player_play              (RexianRecordingPlayer *self);
gboolean    rexian_recording_player_get_playing       (RexianRecordingPlayer *self);

/* Players by call, for lists rebuilt on every change of the store: a call's player
 * (and what is being listened to) survives the rebuild.  The table maps a Call-ID to
 * its player, each in a GtkListBoxRow of its own made by take(). */
GHashTable *rexian_recording_player_table_new         (void);
/* The row holding @call_id's player in @old when it plays @path, moved out of its old
 * place, or a new row with a new player; either way added to @table. */
GtkWidget  *rexian_recording_player_table_take        (GHashTable            *old,
                                                       GHashTable            *table,
                                                       const char            *call_id,
                                                       const char            *path);

G_END_DECLS
