/* rexian-media-player.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define REXIAN_MEDIA_PLAYER_ERROR (rexian_media_player_error_quark ())

typedef enum
{
  REXIAN_MEDIA_PLAYER_ERROR_FAILED,
  REXIAN_MEDIA_PLAYER_ERROR_NOT_FOUND,   /* the file is not there (moved or deleted) */
  REXIAN_MEDIA_PLAYER_ERROR_UNREADABLE,  /* the file is there but may not be read */
  REXIAN_MEDIA_PLAYER_ERROR_DAMAGED,     /* the file is not a recording that can be decoded */
  REXIAN_MEDIA_PLAYER_ERROR_NO_DEVICE,   /* the speaker cannot be opened */
} RexianMediaPlayerError;

GQuark rexian_media_player_error_quark (void);

typedef enum
{
  REXIAN_MEDIA_PLAYER_STOPPED,
  REXIAN_MEDIA_PLAYER_PLAYING,
  REXIAN_MEDIA_PLAYER_PAUSED,
} RexianMediaPlayerState;

GType rexian_media_player_state_get_type (void);
#define REXIAN_TYPE_MEDIA_PLAYER_STATE (rexian_media_player_state_get_type ())

#define REXIAN_TYPE_MEDIA_PLAYER (rexian_media_player_get_type ())

G_DECLARE_FINAL_TYPE (RexianMediaPlayer, rexian_media_player, REXIAN, MEDIA_PLAYER, GObject)

/* Plays one recording file (a call's two-channel Ogg Opus, or any audio file GStreamer
 * reads) through a playbin.
 *
 * Properties:
 *   "path" (string, construct-only): the file.
 *   "state" (RexianMediaPlayerState): what the user asked for; playing and paused are
 *     set at once, the pipeline follows on its own threads.
 *   "position", "duration" (int64, milliseconds): duration is -1 until the file has
 *     been read; position is notified about four times a second while playing, and at
 *     once after a seek.
 *
 * Signals: "error" (GError *, REXIAN_MEDIA_PLAYER_ERROR): the file cannot be played;
 * the player is stopped.  "eos": the end was reached; the player is stopped at 0.
 *
 * The speaker is REXIAN_AUDIO_SINK (a gst-launch bin description such as
 * "fakesink sync=true", as for a call) when set, autoaudiosink otherwise.  Every state
 * change of the pipeline runs on a worker thread, so opening a file on a slow shared
 * disk never stalls the main loop. */
RexianMediaPlayer      *rexian_media_player_new          (const char        *path);
const char             *rexian_media_player_get_path     (RexianMediaPlayer *self);
RexianMediaPlayerState  rexian_media_player_get_state    (RexianMediaPlayer *self);
gint64                  rexian_media_player_get_position (RexianMediaPlayer *self);
gint64                  rexian_media_player_get_duration (RexianMediaPlayer *self);
void                    rexian_media_player_play         (RexianMediaPlayer *self);
void                    rexian_media_player_pause        (RexianMediaPlayer *self);
/* Back to the start; releases the file and the speaker. */
void                    rexian_media_player_stop         (RexianMediaPlayer *self);
/* An accurate seek to @position_ms (clamped to the duration once known).  When stopped,
 * the player is paused there, ready to play from it. */
void                    rexian_media_player_seek         (RexianMediaPlayer *self,
                                                          gint64             position_ms);

G_END_DECLS
