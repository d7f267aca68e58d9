/* rexian-media-session.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define REXIAN_MEDIA_ERROR (rexian_media_error_quark ())

typedef enum
{
  REXIAN_MEDIA_ERROR_FAILED,
  REXIAN_MEDIA_ERROR_NO_DEVICE,    /* the audio source or sink cannot be opened */
  REXIAN_MEDIA_ERROR_NO_CODEC,     /* no codec both sides support */
  REXIAN_MEDIA_ERROR_NETWORK,      /* the RTP port cannot be bound */
  REXIAN_MEDIA_ERROR_NO_AUDIO,     /* the call ended with no RTP received: no recording kept */
} RexianMediaError;

GQuark rexian_media_error_quark (void);

/* One audio codec as SDP names it (rtpmap): "PCMU"/8000/1, "PCMA"/8000/1,
 * "G722"/8000/1, "opus"/48000/2, "telephone-event"/8000/1. */
typedef struct
{
  int         payload_type;
  const char *encoding;
  int         clock_rate;
  int         channels;
} RexianCodec;

/* The codecs this build can send and receive (their GStreamer elements exist), in
 * order of preference, telephone-event last. */
const RexianCodec *rexian_media_get_codecs (guint *n_codecs);

#define REXIAN_TYPE_MEDIA_SESSION (rexian_media_session_get_type ())

G_DECLARE_FINAL_TYPE (RexianMediaSession, rexian_media_session, REXIAN, MEDIA_SESSION, GObject)

/* The audio of one call: RTP and RTCP over rtpbin with an explicit jitter-buffer
 * latency, symmetric RTP (one socket sends and receives), the agent's microphone and
 * speaker, and a recording of both directions.
 *
 * It is made in three steps so that signalling never waits for a pipeline: new()
 * binds the RTP/RTCP socket pair at once (the port goes into the SDP offer or answer);
 * prepare() builds the pipeline and brings it to PAUSED, and may run before the call
 * is answered; start() sets PLAYING once the remote address and codec are known.
 *
 * The audio source and sink are chosen in preferences and overridable for tests by the
 * environment: REXIAN_AUDIO_SOURCE and REXIAN_AUDIO_SINK take a gst-launch bin
 * description ("filesrc location=a.wav ! wavparse", "fakesink sync=true").
 *
 * Signals: "error" (GError *): the pipeline failed (a device vanished, say); the call
 * goes on without audio.  "stopped": stop() finished and the recording is closed. */
RexianMediaSession *rexian_media_session_new           (const char          *local_address,
                                                        GError             **error);
const char         *rexian_media_session_get_local_address (RexianMediaSession *self);
guint               rexian_media_session_get_local_port (RexianMediaSession *self);
/* Where to send, with which codec, and the telephone-event payload type (0: none). */
void                rexian_media_session_set_remote     (RexianMediaSession  *self,
                                                         const char          *address,
                                                         guint                port,
                                                         const RexianCodec   *codec,
                                                         int                  dtmf_payload_type);
/* Records both directions into one Ogg Opus file, the remote party on the left
 * channel and the local one on the right; the file is created with mode 0600.  Set
 * before start(). */
void                rexian_media_session_set_recording  (RexianMediaSession  *self,
                                                         const char          *path);
/* The audio source and sink as gst-launch bin descriptions, overriding
 * REXIAN_AUDIO_SOURCE and REXIAN_AUDIO_SINK for this session only (two sessions in one
 * process, as in tests).  Set before prepare(); NULL restores the default. */
void                rexian_media_session_set_source_description (RexianMediaSession *self,
                                                                  const char         *description);
void                rexian_media_session_set_sink_description (RexianMediaSession *self,
                                                                const char         *description);
gboolean            rexian_media_session_prepare        (RexianMediaSession  *self,
                                                         GError             **error);
gboolean            rexian_media_session_start          (RexianMediaSession  *self,
                                                         GError             **error);
/* Hold stops sending (and playing); mute sends silence. */
void                rexian_media_session_set_hold       (RexianMediaSession  *self,
                                                         gboolean             hold);
void                rexian_media_session_set_mute       (RexianMediaSession  *self,
                                                         gboolean             mute);
/* Sends an RFC 4733 telephone-event for '0'-'9', '*', '#', 'A'-'D'. */
gboolean            rexian_media_session_send_dtmf      (RexianMediaSession  *self,
                                                         char                 digit,
                                                         GError             **error);
guint64             rexian_media_session_get_packets_received (RexianMediaSession *self);
/* Ends the audio and closes the recording.  When no RTP ever arrived the recording is
 * deleted and @error says REXIAN_MEDIA_ERROR_NO_AUDIO ("no audio received"); returns
 * the recording's path otherwise (or NULL when not recording). */
char               *rexian_media_session_stop           (RexianMediaSession  *self,
                                                         GError             **error);

G_END_DECLS
