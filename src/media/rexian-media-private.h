/* rexian-media-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/gst.h>

#include "rexian-media-session.h"

G_BEGIN_DECLS

/* Everything inside a call's pipeline is mixed at the recording's rate, so that each
 * branch resamples at most once. */
#define REXIAN_MEDIA_INTERNAL_CAPS \
  "audio/x-raw,format=S16LE,rate=48000,channels=1,layout=interleaved"

/* How this build sends and receives one codec: the GStreamer elements of both
 * directions and the caps rtpbin needs to know the clock rate. */
typedef struct
{
  RexianCodec  codec;
  const char  *caps_encoding_name;  /* as the payloaders write it ("OPUS", not "opus") */
  int          audio_rate;          /* what the encoder takes */
  const char  *encoder;
  const char  *payloader;
  const char  *depayloader;
  const char  *decoder;
} RexianCodecElements;

void                       rexian_media_ensure_gst_init (void);
const RexianCodecElements *rexian_media_codec_elements_lookup (const RexianCodec *codec);
GstCaps                   *rexian_media_codec_make_rtp_caps (const RexianCodec *codec,
                                                             const char        *caps_encoding_name);
GstElement                *rexian_media_make_element (const char  *factory,
                                                      const char  *name,
                                                      GError     **error);

/* The recording branch: both directions interleaved into one Ogg Opus file. */
typedef struct _RexianMediaRecorder RexianMediaRecorder;

RexianMediaRecorder *rexian_media_recorder_new      (const char           *path,
                                                     GError              **error);
gboolean             rexian_media_recorder_attach   (RexianMediaRecorder  *self,
                                                     GstElement           *pipeline,
                                                     GstElement           *remote_tee,
                                                     GstElement           *local_tee,
                                                     GError              **error);
const char          *rexian_media_recorder_get_path (RexianMediaRecorder  *self);
gboolean             rexian_media_recorder_finish   (RexianMediaRecorder  *self,
                                                     GstBus               *bus,
                                                     gint64                timeout_us);
void                 rexian_media_recorder_free     (RexianMediaRecorder  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RexianMediaRecorder, rexian_media_recorder_free)

/* The session's state, shared by the files that make up the session. */
typedef enum
{
  STATE_NEW,
  STATE_PREPARED,
  STATE_STARTED,
  STATE_STOPPED,
} SessionState;

struct _RexianMediaSession
{
  GObject              parent_instance;

  char                *local_address;
  GSocket             *rtp_socket;
  GSocket             *rtcp_socket;
  guint                local_port;

  char                *remote_address;
  guint                remote_port;
  RexianCodec          codec;
  char                *codec_encoding;
  int                  dtmf_payload_type;

  char                *recording_path;
  char                *source_description;
  char                *sink_description;

  SessionState         state;
  gboolean             hold;
  gboolean             mute;

  GstElement          *pipeline;
  GstElement          *rtpbin;
  GstElement          *source_bin;
  GstElement          *sink_bin;
  GstElement          *mute_volume;
  /* The agent's microphone mixed with what a conference brings in from other calls. */
  GstElement          *send_mixer;
  GstElement          *hold_valve;
  GstElement          *play_volume;
  GstElement          *send_tee;
  GstElement          *recv_tee;
  GstElement          *recv_mixer;
  GstElement          *rtp_udpsrc;
  GstElement          *rtp_udpsink;
  GstElement          *rtcp_udpsink;
  GstElement          *dtmf_src;
  guint                bus_watch;

  RexianMediaRecorder *recorder;

  /* Written by the streaming thread of udpsrc, read by the main thread. */
  gint                 packets_received;
  /* Read by the streaming thread of rtpbin once start() has set them. */
  int                  recv_payload_type;
  int                  recv_dtmf_payload_type;
};

/* Points the udpsinks at the remote address, once known. */
void     rexian_media_session_update_udpsinks (RexianMediaSession *self);

/* rexian-media-pipeline.c: the elements of the call, in prepare() and start(). */
gboolean rexian_media_session_build_pipeline (RexianMediaSession  *self,
                                              GError             **error);
gboolean rexian_media_session_build_encoder  (RexianMediaSession         *self,
                                              const RexianCodecElements  *elements,
                                              GError                    **error);

G_END_DECLS
