/* rexian-media-pipeline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>
#include <gst/base/gstbasesrc.h>
#include <gst/rtp/gstrtpbuffer.h>

#include "rexian-media-devices.h"
#include "rexian-media-private.h"

/* The jitter buffer's depth: enough for the jitter of an office LAN or a decent VPN,
 * small enough that the agent and the citizen do not talk over each other. */
#define JITTER_LATENCY_MS 60
#define INTERNAL_CAPS REXIAN_MEDIA_INTERNAL_CAPS
/* What the send mixer waits for late input, on top of what its inputs declare. */
#define SEND_MIXER_LATENCY_MS 20

static void
recalculate_latency (GstElement *pipeline,
                     gpointer    user_data)
{
  gst_bin_recalculate_latency (GST_BIN (pipeline));
}

/* True when the description's sources push as fast as they can (a file, say) instead
 * of at the pace of a clock (a microphone); autoaudiosrc picks its child later and is
 * a microphone anyway. */
static gboolean
has_only_non_live_sources (GstElement *bin)
{
  g_autoptr(GstIterator) iter = NULL;
  GValue item = G_VALUE_INIT;
  gboolean found_source = FALSE;
  gboolean found_live = FALSE;

  if (!GST_IS_BIN (bin))
    return GST_IS_BASE_SRC (bin) && !gst_base_src_is_live (GST_BASE_SRC (bin));

  iter = gst_bin_iterate_recurse (GST_BIN (bin));
  while (gst_iterator_next (iter, &item) == GST_ITERATOR_OK)
    {
      GstElement *element = g_value_get_object (&item);

      if (GST_IS_BASE_SRC (element))
        {
          found_source = TRUE;
          if (gst_base_src_is_live (GST_BASE_SRC (element)))
            found_live = TRUE;
        }
      g_value_reset (&item);
    }
  g_value_unset (&item);

  return found_source && !found_live;
}

static GstElement *
make_endpoint_bin (const char    *description,
                   GstPadDirection direction,
                   GError        **error)
{
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GstElement) bin = NULL;
  g_autoptr(GstPad) pad = NULL;
  const char *what = direction == GST_PAD_SRC ? _("microphone") : _("speaker");

  bin = gst_parse_bin_from_description_full (description, TRUE, NULL,
                                             GST_PARSE_FLAG_FATAL_ERRORS, &parse_error);
  if (bin == NULL)
    {
      g_set_error (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_NO_DEVICE,
                   _("The %s “%s” cannot be used: %s"), what, description,
                   parse_error->message);
      return NULL;
    }
  gst_object_ref_sink (bin);

  pad = gst_element_get_static_pad (bin, direction == GST_PAD_SRC ? "src" : "sink");
  if (pad == NULL)
    {
      g_set_error (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_NO_DEVICE,
                   _("The %s “%s” cannot be used: it has no free audio pad."),
                   what, description);
      return NULL;
    }

  return g_steal_pointer (&bin);
}

static GstElement *
add_element (RexianMediaSession  *self,
             const char          *factory,
             const char          *name,
             GError             **error)
{
  GstElement *element = rexian_media_make_element (factory, name, error);

  if (element != NULL)
    gst_bin_add (GST_BIN (self->pipeline), element);

  return element;
}

static GstElement *
add_caps_filter (RexianMediaSession  *self,
                 const char          *caps_string,
                 GError             **error)
{
  g_autoptr(GstCaps) caps = gst_caps_from_string (caps_string);
  GstElement *filter = add_element (self, "capsfilter", NULL, error);

  if (filter != NULL)
    g_object_set (filter, "caps", caps, NULL);

  return filter;
}

static gboolean
link_or_fail (gboolean     linked,
              const char  *what,
              GError     **error)
{
  if (!linked)
    g_set_error (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_FAILED,
                 "Cannot link the %s of the call’s pipeline", what);
  return linked;
}

/* microphone → [pacing] → 48 kHz mono → mute → send mixer → hold → send tee
 *
 * The send mixer has a live silence input of its own, like the receive path's: it
 * keeps the encoder fed at the clock's pace whatever the microphone does (a test's
 * file ends), and it is where a conference adds the other calls' voices
 * (rexian-media-conference.c) without touching the microphone's path.  Mute sits
 * before it so that a muted agent still lets the two other parties hear each other;
 * hold sits after it so that a held call receives nothing at all. */
static gboolean
build_send_path (RexianMediaSession  *self,
                 GError             **error)
{
  g_autofree char *chosen = NULL;
  const char *description = self->source_description;
  GstElement *convert, *resample, *filter, *pace = NULL;
  GstElement *silence, *silence_filter, *mix_filter;

  /* The session's own choice (tests), else the environment or the preferences. */
  if (description == NULL)
    description = chosen = rexian_media_dup_source_description ();

  self->source_bin = make_endpoint_bin (description, GST_PAD_SRC, error);
  if (self->source_bin == NULL)
    return FALSE;
  gst_bin_add (GST_BIN (self->pipeline), gst_object_ref (self->source_bin));

  /* A file would be read in one go, long before the call is answered and much faster
   * than RTP can carry it: make it flow at the pace of the clock, like a microphone. */
  if (has_only_non_live_sources (self->source_bin))
    {
      pace = add_element (self, "identity", "pace", error);
      if (pace == NULL)
        return FALSE;
      g_object_set (pace, "sync", TRUE, NULL);
    }

  convert = add_element (self, "audioconvert", NULL, error);
  resample = add_element (self, "audioresample", NULL, error);
  filter = add_caps_filter (self, INTERNAL_CAPS, error);
  self->mute_volume = add_element (self, "volume", "mute", error);
  silence = add_element (self, "audiotestsrc", "local-silence", error);
  silence_filter = add_caps_filter (self, INTERNAL_CAPS, error);
  self->send_mixer = add_element (self, "audiomixer", "send-mixer", error);
  mix_filter = add_caps_filter (self, INTERNAL_CAPS, error);
  self->hold_valve = add_element (self, "valve", "hold", error);
  self->send_tee = add_element (self, "tee", "send-tee", error);
  if (convert == NULL || resample == NULL || filter == NULL || self->mute_volume == NULL
      || silence == NULL || silence_filter == NULL || self->send_mixer == NULL
      || mix_filter == NULL || self->hold_valve == NULL || self->send_tee == NULL)
    return FALSE;
  gst_object_ref (self->mute_volume);
  gst_object_ref (self->send_mixer);
  gst_object_ref (self->hold_valve);
  gst_object_ref (self->send_tee);

  g_object_set (self->mute_volume, "mute", self->mute, NULL);
  gst_util_set_object_arg (G_OBJECT (silence), "wave", "silence");
  g_object_set (silence, "is-live", TRUE, "samplesperbuffer", 480, NULL);
  gst_util_set_object_arg (G_OBJECT (self->send_mixer), "start-time-selection", "first");
  /* A little slack for a loaded machine: a microphone buffer or a conference's audio
   * that comes a few milliseconds late is still mixed instead of cut. */
  g_object_set (self->send_mixer, "latency", (guint64) SEND_MIXER_LATENCY_MS * GST_MSECOND,
                NULL);
  /* Gaps instead of nothing: the recording's interleaver then writes silence for the
   * time on hold at once instead of waiting for a timeout. */
  gst_util_set_object_arg (G_OBJECT (self->hold_valve), "drop-mode", "transform-to-gap");
  g_object_set (self->hold_valve, "drop", self->hold, NULL);
  /* Before start() only the recording may be attached; never fail the source for it. */
  g_object_set (self->send_tee, "allow-not-linked", TRUE, NULL);

  if (pace != NULL)
    {
      if (!link_or_fail (gst_element_link (self->source_bin, pace), "microphone", error)
          || !link_or_fail (gst_element_link (pace, convert), "microphone", error))
        return FALSE;
    }
  else if (!link_or_fail (gst_element_link (self->source_bin, convert), "microphone", error))
    return FALSE;

  return link_or_fail (gst_element_link_many (silence, silence_filter, self->send_mixer,
                                              NULL),
                       "send path", error)
         && link_or_fail (gst_element_link_many (convert, resample, filter,
                                                 self->mute_volume, self->send_mixer,
                                                 mix_filter, self->hold_valve,
                                                 self->send_tee, NULL),
                          "send path", error);
}

/* silence + every remote stream → mixer → receive tee → hold → speaker */
static gboolean
build_receive_path (RexianMediaSession  *self,
                    GError             **error)
{
  g_autofree char *chosen = NULL;
  const char *description = self->sink_description;
  GstElement *silence, *silence_filter, *mix_filter, *queue, *convert, *resample;

  if (description == NULL)
    description = chosen = rexian_media_dup_sink_description ();

  self->sink_bin = make_endpoint_bin (description, GST_PAD_SINK, error);
  if (self->sink_bin == NULL)
    return FALSE;
  gst_bin_add (GST_BIN (self->pipeline), gst_object_ref (self->sink_bin));

  /* A live silence input keeps the mixer, the speaker and the recording's left channel
   * running before the first packet, on hold and across a change of SSRC. */
  silence = add_element (self, "audiotestsrc", "remote-silence", error);
  silence_filter = add_caps_filter (self, INTERNAL_CAPS, error);
  self->recv_mixer = add_element (self, "audiomixer", "remote-mixer", error);
  mix_filter = add_caps_filter (self, INTERNAL_CAPS, error);
  self->recv_tee = add_element (self, "tee", "receive-tee", error);
  queue = add_element (self, "queue", "speaker-queue", error);
  self->play_volume = add_element (self, "volume", "speaker-hold", error);
  convert = add_element (self, "audioconvert", NULL, error);
  resample = add_element (self, "audioresample", NULL, error);
  if (silence == NULL || silence_filter == NULL || self->recv_mixer == NULL
      || mix_filter == NULL || self->recv_tee == NULL || queue == NULL
      || self->play_volume == NULL || convert == NULL || resample == NULL)
    return FALSE;
  gst_object_ref (self->recv_mixer);
  gst_object_ref (self->recv_tee);
  gst_object_ref (self->play_volume);

  gst_util_set_object_arg (G_OBJECT (silence), "wave", "silence");
  /* 10 ms buffers: the silence sets the mixer's pace and latency until RTP arrives. */
  g_object_set (silence, "is-live", TRUE, "samplesperbuffer", 480, NULL);
  /* As for the recording's interleaver: never time out before the first input has
   * brought its caps. */
  gst_util_set_object_arg (G_OBJECT (self->recv_mixer), "start-time-selection", "first");
  g_object_set (self->recv_tee, "allow-not-linked", TRUE, NULL);
  g_object_set (self->play_volume, "mute", self->hold, NULL);

  return link_or_fail (gst_element_link_many (silence, silence_filter, self->recv_mixer,
                                              mix_filter, self->recv_tee, queue,
                                              self->play_volume, convert, resample,
                                              self->sink_bin, NULL),
                       "receive path", error);
}

static gboolean
is_wanted_payload (RexianMediaSession *self,
                   guint               payload_type)
{
  return (int) payload_type == g_atomic_int_get (&self->recv_payload_type)
         || (int) payload_type == g_atomic_int_get (&self->recv_dtmf_payload_type);
}

static GstPadProbeReturn
on_rtp_received (GstPad          *pad,
                 GstPadProbeInfo *info,
                 gpointer         user_data)
{
  RexianMediaSession *self = user_data;
  GstRTPBuffer rtp = GST_RTP_BUFFER_INIT;
  GstBuffer *buffer;
  guint payload_type;

  /* udpsrc pushes single datagrams; a list would only come from a future version. */
  if ((GST_PAD_PROBE_INFO_TYPE (info) & GST_PAD_PROBE_TYPE_BUFFER) == 0)
    return GST_PAD_PROBE_OK;

  buffer = GST_PAD_PROBE_INFO_BUFFER (info);
  if (!gst_rtp_buffer_map (buffer, GST_MAP_READ, &rtp))
    return GST_PAD_PROBE_DROP;
  payload_type = gst_rtp_buffer_get_payload_type (&rtp);
  gst_rtp_buffer_unmap (&rtp);

  /* Comfort noise, multiplexed RTCP or a codec we did not agree on would make rtpbin's
   * payload demuxer fail the whole stream: drop them here. */
  if (!is_wanted_payload (self, payload_type))
    return GST_PAD_PROBE_DROP;

  g_atomic_int_inc (&self->packets_received);

  return GST_PAD_PROBE_OK;
}

static GstCaps *
on_request_pt_map (GstElement *rtpbin,
                   guint       session,
                   guint       payload_type,
                   gpointer    user_data)
{
  RexianMediaSession *self = user_data;
  const RexianCodecElements *elements;

  if ((int) payload_type == self->recv_payload_type)
    {
      elements = rexian_media_codec_elements_lookup (&self->codec);
      if (elements != NULL)
        return rexian_media_codec_make_rtp_caps (&self->codec, elements->caps_encoding_name);
    }

  if ((int) payload_type == self->recv_dtmf_payload_type)
    {
      RexianCodec dtmf = { payload_type, "telephone-event", self->codec.clock_rate, 1 };

      return rexian_media_codec_make_rtp_caps (&dtmf, "TELEPHONE-EVENT");
    }

  return NULL;
}

static void
link_to_fakesink (RexianMediaSession *self,
                  GstPad             *pad)
{
  GstElement *sink = gst_element_factory_make ("fakesink", NULL);
  g_autoptr(GstPad) sinkpad = NULL;

  g_object_set (sink, "sync", FALSE, "async", FALSE, NULL);
  gst_bin_add (GST_BIN (self->pipeline), sink);
  sinkpad = gst_element_get_static_pad (sink, "sink");
  gst_pad_link (pad, sinkpad);
  gst_element_sync_state_with_parent (sink);
}

/* A new remote stream (first packet, or a new SSRC after a transfer): decode it into
 * its own mixer input, so the old and the new stream never have to share a segment. */
static void
link_remote_stream (RexianMediaSession *self,
                    GstPad             *pad)
{
  const RexianCodecElements *elements = rexian_media_codec_elements_lookup (&self->codec);
  g_autoptr(GstCaps) caps = gst_caps_from_string (INTERNAL_CAPS);
  g_autoptr(GstPad) depay_pad = NULL;
  g_autoptr(GstPad) mixer_pad = NULL;
  g_autoptr(GstPad) filter_pad = NULL;
  GstElement *depay, *decoder, *convert, *resample, *filter;

  if (elements == NULL)
    {
      link_to_fakesink (self, pad);
      return;
    }

  depay = gst_element_factory_make (elements->depayloader, NULL);
  decoder = gst_element_factory_make (elements->decoder, NULL);
  convert = gst_element_factory_make ("audioconvert", NULL);
  resample = gst_element_factory_make ("audioresample", NULL);
  filter = gst_element_factory_make ("capsfilter", NULL);
  if (depay == NULL || decoder == NULL || convert == NULL || resample == NULL
      || filter == NULL)
    {
      g_warning ("Cannot make the decoder for %s", self->codec.encoding);
      g_clear_object (&depay);
      g_clear_object (&decoder);
      g_clear_object (&convert);
      g_clear_object (&resample);
      g_clear_object (&filter);
      link_to_fakesink (self, pad);
      return;
    }

  g_object_set (filter, "caps", caps, NULL);
  gst_bin_add_many (GST_BIN (self->pipeline), depay, decoder, convert, resample, filter,
                    NULL);
  gst_element_link_many (depay, decoder, convert, resample, filter, NULL);

  mixer_pad = gst_element_request_pad_simple (self->recv_mixer, "sink_%u");
  filter_pad = gst_element_get_static_pad (filter, "src");
  depay_pad = gst_element_get_static_pad (depay, "sink");
  if (gst_pad_link (filter_pad, mixer_pad) != GST_PAD_LINK_OK
      || gst_pad_link (pad, depay_pad) != GST_PAD_LINK_OK)
    g_warning ("Cannot link the remote stream %s", GST_PAD_NAME (pad));

  gst_element_sync_state_with_parent (filter);
  gst_element_sync_state_with_parent (resample);
  gst_element_sync_state_with_parent (convert);
  gst_element_sync_state_with_parent (decoder);
  gst_element_sync_state_with_parent (depay);

  /* The jitter buffer adds its latency to this input only now; without a new latency
   * the mixer would treat the remote audio as late and drop it.  Not from this
   * streaming thread, which the latency query would have to pass through. */
  gst_element_call_async (self->pipeline, recalculate_latency, NULL, NULL);
}

static void
on_rtpbin_pad_added (GstElement *rtpbin,
                     GstPad     *pad,
                     gpointer    user_data)
{
  RexianMediaSession *self = user_data;
  const char *name = GST_PAD_NAME (pad);
  guint session, ssrc, payload_type;

  if (sscanf (name, "recv_rtp_src_%u_%u_%u", &session, &ssrc, &payload_type) != 3)
    return;

  g_debug ("Remote stream %08x with payload type %u", ssrc, payload_type);
  if ((int) payload_type == self->recv_payload_type)
    link_remote_stream (self, pad);
  else
    link_to_fakesink (self, pad);
}

static gboolean
build_network (RexianMediaSession  *self,
               GError             **error)
{
  g_autoptr(GstCaps) rtcp_caps = gst_caps_new_empty_simple ("application/x-rtcp");
  g_autoptr(GstCaps) rtp_caps = gst_caps_new_simple ("application/x-rtp",
                                                     "media", G_TYPE_STRING, "audio",
                                                     NULL);
  g_autoptr(GstPad) udpsrc_pad = NULL;
  GstElement *rtcp_udpsrc;

  self->rtpbin = add_element (self, "rtpbin", "rtpbin", error);
  self->rtp_udpsrc = add_element (self, "udpsrc", "rtp-udpsrc", error);
  rtcp_udpsrc = add_element (self, "udpsrc", "rtcp-udpsrc", error);
  self->rtp_udpsink = add_element (self, "udpsink", "rtp-udpsink", error);
  self->rtcp_udpsink = add_element (self, "udpsink", "rtcp-udpsink", error);
  if (self->rtpbin == NULL || self->rtp_udpsrc == NULL || rtcp_udpsrc == NULL
      || self->rtp_udpsink == NULL || self->rtcp_udpsink == NULL)
    return FALSE;
  gst_object_ref (self->rtpbin);
  gst_object_ref (self->rtp_udpsrc);
  gst_object_ref (self->rtp_udpsink);
  gst_object_ref (self->rtcp_udpsink);

  g_object_set (self->rtpbin, "latency", (guint) JITTER_LATENCY_MS, NULL);

  /* Symmetric RTP: send from the port we receive on, so that NATs and session border
   * controllers that answer to the source address reach us.  The session owns the
   * sockets; GStreamer only borrows them. */
  /* The codec is not known yet: rtpbin asks for the clock rate per payload type
   * through request-pt-map once packets arrive. */
  g_object_set (self->rtp_udpsrc, "socket", self->rtp_socket, "close-socket", FALSE,
                "caps", rtp_caps, NULL);
  g_object_set (rtcp_udpsrc, "socket", self->rtcp_socket, "close-socket", FALSE,
                "caps", rtcp_caps, NULL);
  /* RTP leaves at the pace it is made; RTCP is sent whenever rtpbin decides.  Neither
   * sink may hold up the pipeline's state change. */
  g_object_set (self->rtp_udpsink, "socket", self->rtp_socket, "close-socket", FALSE,
                "sync", FALSE, "async", FALSE, NULL);
  g_object_set (self->rtcp_udpsink, "socket", self->rtcp_socket, "close-socket", FALSE,
                "sync", FALSE, "async", FALSE, NULL);
  rexian_media_session_update_udpsinks (self);

  g_signal_connect_object (self->rtpbin, "request-pt-map",
                           G_CALLBACK (on_request_pt_map), self, 0);
  g_signal_connect_object (self->rtpbin, "pad-added",
                           G_CALLBACK (on_rtpbin_pad_added), self, 0);

  udpsrc_pad = gst_element_get_static_pad (self->rtp_udpsrc, "src");
  gst_pad_add_probe (udpsrc_pad, GST_PAD_PROBE_TYPE_BUFFER | GST_PAD_PROBE_TYPE_BUFFER_LIST,
                     on_rtp_received, self, NULL);

  return link_or_fail (gst_element_link_pads (self->rtp_udpsrc, "src",
                                              self->rtpbin, "recv_rtp_sink_0"),
                       "RTP receiver", error)
         && link_or_fail (gst_element_link_pads (rtcp_udpsrc, "src",
                                                 self->rtpbin, "recv_rtcp_sink_0"),
                          "RTCP receiver", error)
         && link_or_fail (gst_element_link_pads (self->rtpbin, "send_rtcp_src_0",
                                                 self->rtcp_udpsink, "sink"),
                          "RTCP sender", error);
}
gboolean
rexian_media_session_build_pipeline (RexianMediaSession  *self,
                                     GError             **error)
{
  return build_send_path (self, error)
         && build_receive_path (self, error)
         && build_network (self, error);
}

/* tee → queue → encoder → payloader → [DTMF mux] → rtpbin → udpsink */
gboolean
rexian_media_session_build_encoder (RexianMediaSession         *self,
               const RexianCodecElements  *elements,
               GError                    **error)
{
  g_autofree char *caps_string = NULL;
  g_autoptr(GstPad) teepad = NULL;
  g_autoptr(GstPad) queue_pad = NULL;
  GstElement *queue, *convert, *resample, *filter, *encoder, *payloader;
  GstElement *last, *mux = NULL;

  queue = add_element (self, "queue", "encoder-queue", error);
  convert = add_element (self, "audioconvert", NULL, error);
  resample = add_element (self, "audioresample", NULL, error);
  caps_string = g_strdup_printf ("audio/x-raw,rate=%d,channels=1", elements->audio_rate);
  filter = add_caps_filter (self, caps_string, error);
  encoder = add_element (self, elements->encoder, "encoder", error);
  payloader = add_element (self, elements->payloader, "payloader", error);
  if (queue == NULL || convert == NULL || resample == NULL || filter == NULL
      || encoder == NULL || payloader == NULL)
    return FALSE;

  if (g_str_equal (elements->encoder, "opusenc"))
    {
      gst_util_set_object_arg (G_OBJECT (encoder), "audio-type", "voice");
      /* In-band FEC recovers single lost packets, common on Wi-Fi. */
      g_object_set (encoder, "inband-fec", TRUE, "packet-loss-percentage", 5, NULL);
    }
  g_object_set (payloader, "pt", (guint) self->codec.payload_type, NULL);
  /* 20 ms per packet as every telephone expects, whatever buffer size the microphone
   * (or a test's file) delivers; opusenc already makes 20 ms frames. */
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (payloader), "min-ptime") != NULL)
    g_object_set (payloader,
                  "min-ptime", (gint64) 20 * GST_MSECOND,
                  "max-ptime", (gint64) 20 * GST_MSECOND,
                  NULL);
  /* Late audio is useless on a call: drop it rather than let the delay grow. */
  g_object_set (queue, "leaky", 2, "max-size-time", (guint64) 200 * GST_MSECOND,
                "max-size-bytes", 0, "max-size-buffers", 0, NULL);

  if (!link_or_fail (gst_element_link_many (queue, convert, resample, filter, encoder,
                                            payloader, NULL),
                     "encoder", error))
    return FALSE;
  last = payloader;

  if (self->dtmf_payload_type > 0)
    {
      mux = add_element (self, "rtpdtmfmux", "dtmf-mux", error);
      self->dtmf_src = add_element (self, "rtpdtmfsrc", "dtmf-src", error);
      if (mux == NULL || self->dtmf_src == NULL)
        return FALSE;
      gst_object_ref (self->dtmf_src);
      /* RFC 4733: the events share the audio's clock (and, through the mux, its
       * SSRC); for opus that means telephone-event/48000.  Three copies of the first
       * and last packets survive a lost packet (RFC 4733 section 2.5.1.4). */
      g_object_set (self->dtmf_src,
                    "pt", (guint) self->dtmf_payload_type,
                    "clock-rate", (guint) self->codec.clock_rate,
                    "packet-redundancy", 3,
                    NULL);
      if (!link_or_fail (gst_element_link_pads (payloader, "src", mux, "sink_%u"),
                         "DTMF mixer", error)
          || !link_or_fail (gst_element_link_pads (self->dtmf_src, "src",
                                                   mux, "priority_sink_%u"),
                            "DTMF source", error))
        return FALSE;
      last = mux;
    }

  if (!link_or_fail (gst_element_link_pads (last, "src", self->rtpbin, "send_rtp_sink_0"),
                     "RTP sender", error)
      || !link_or_fail (gst_element_link_pads (self->rtpbin, "send_rtp_src_0",
                                               self->rtp_udpsink, "sink"),
                        "RTP sender", error))
    return FALSE;

  teepad = gst_element_request_pad_simple (self->send_tee, "src_%u");
  queue_pad = gst_element_get_static_pad (queue, "sink");
  if (!link_or_fail (gst_pad_link (teepad, queue_pad) == GST_PAD_LINK_OK, "encoder", error))
    return FALSE;

  /* Downstream first, so no element receives data before its peer can take it. */
  if (self->dtmf_src != NULL)
    {
      gst_element_sync_state_with_parent (mux);
      gst_element_sync_state_with_parent (self->dtmf_src);
    }
  gst_element_sync_state_with_parent (payloader);
  gst_element_sync_state_with_parent (encoder);
  gst_element_sync_state_with_parent (filter);
  gst_element_sync_state_with_parent (resample);
  gst_element_sync_state_with_parent (convert);
  gst_element_sync_state_with_parent (queue);

  return TRUE;
}
