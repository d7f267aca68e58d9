/* rexian-media-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "rexian-media-private.h"

#define RECORDING_CLOSE_TIMEOUT_US (2 * G_USEC_PER_SEC)
#define BIND_ATTEMPTS 64

G_DEFINE_FINAL_TYPE (RexianMediaSession, rexian_media_session, G_TYPE_OBJECT)

enum
{
  SIGNAL_ERROR,
  SIGNAL_STOPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
teardown_pipeline (RexianMediaSession *self)
{
  if (self->bus_watch != 0)
    {
      g_source_remove (self->bus_watch);
      self->bus_watch = 0;
    }

  if (self->pipeline != NULL)
    gst_element_set_state (self->pipeline, GST_STATE_NULL);

  /* The recorder holds request pads of the tees: give them back before the tees go. */
  g_clear_pointer (&self->recorder, rexian_media_recorder_free);

  g_clear_object (&self->rtpbin);
  g_clear_object (&self->source_bin);
  g_clear_object (&self->sink_bin);
  g_clear_object (&self->mute_volume);
  g_clear_object (&self->send_mixer);
  g_clear_object (&self->hold_valve);
  g_clear_object (&self->play_volume);
  g_clear_object (&self->send_tee);
  g_clear_object (&self->recv_tee);
  g_clear_object (&self->recv_mixer);
  g_clear_object (&self->rtp_udpsrc);
  g_clear_object (&self->rtp_udpsink);
  g_clear_object (&self->rtcp_udpsink);
  g_clear_object (&self->dtmf_src);
  g_clear_object (&self->pipeline);
}

static void
rexian_media_session_dispose (GObject *object)
{
  RexianMediaSession *self = REXIAN_MEDIA_SESSION (object);

  /* Dropped without stop(): at least leave no empty recording behind. */
  if (self->recorder != NULL && g_atomic_int_get (&self->packets_received) == 0)
    g_unlink (rexian_media_recorder_get_path (self->recorder));
  teardown_pipeline (self);

  /* The sockets outlive the pipeline on purpose: udpsrc and udpsink borrow them. */
  if (self->rtp_socket != NULL)
    g_socket_close (self->rtp_socket, NULL);
  if (self->rtcp_socket != NULL)
    g_socket_close (self->rtcp_socket, NULL);
  g_clear_object (&self->rtp_socket);
  g_clear_object (&self->rtcp_socket);

  G_OBJECT_CLASS (rexian_media_session_parent_class)->dispose (object);
}

static void
rexian_media_session_finalize (GObject *object)
{
  RexianMediaSession *self = REXIAN_MEDIA_SESSION (object);

  g_free (self->local_address);
  g_free (self->remote_address);
  g_free (self->codec_encoding);
  g_free (self->recording_path);
  g_free (self->source_description);
  g_free (self->sink_description);

  G_OBJECT_CLASS (rexian_media_session_parent_class)->finalize (object);
}

static void
rexian_media_session_class_init (RexianMediaSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rexian_media_session_dispose;
  object_class->finalize = rexian_media_session_finalize;

  /**
   * RexianMediaSession::error:
   * @error: what failed
   *
   * The pipeline failed after it was started (a device vanished, say).  The call
   * itself goes on; only its audio is gone.
   */
  signals[SIGNAL_ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  /**
   * RexianMediaSession::stopped:
   *
   * stop() finished and the recording, if any, is closed.
   */
  signals[SIGNAL_STOPPED] =
    g_signal_new ("stopped",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rexian_media_session_init (RexianMediaSession *self)
{
  self->state = STATE_NEW;
  self->recv_payload_type = -1;
  self->recv_dtmf_payload_type = -1;
}

static GSocket *
bind_udp (GInetAddress  *address,
          guint          port,
          GError       **error)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;

  socket = g_socket_new (g_inet_address_get_family (address), G_SOCKET_TYPE_DATAGRAM,
                         G_SOCKET_PROTOCOL_UDP, error);
  if (socket == NULL)
    return NULL;

  socket_address = g_inet_socket_address_new (address, port);
  if (!g_socket_bind (socket, socket_address, FALSE, error))
    return NULL;

  return g_steal_pointer (&socket);
}

static guint
socket_port (GSocket *socket)
{
  g_autoptr(GSocketAddress) address = g_socket_get_local_address (socket, NULL);

  if (address == NULL)
    return 0;

  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address));
}

/* RTP on an even port and RTCP on the next one (RFC 3550 section 11).  Let the kernel
 * choose a free port and keep it only if it is even and its neighbour is free too. */
static gboolean
bind_socket_pair (RexianMediaSession  *self,
                  GInetAddress        *address,
                  GError             **error)
{
  g_autoptr(GError) last_error = NULL;

  for (guint attempt = 0; attempt < BIND_ATTEMPTS; attempt++)
    {
      g_autoptr(GSocket) rtp = NULL;
      g_autoptr(GSocket) rtcp = NULL;
      guint port;

      g_clear_error (&last_error);
      rtp = bind_udp (address, 0, &last_error);
      if (rtp == NULL)
        break;

      port = socket_port (rtp);
      if (port == 0 || port % 2 != 0 || port >= 65535)
        {
          g_socket_close (rtp, NULL);
          continue;
        }

      rtcp = bind_udp (address, port + 1, &last_error);
      if (rtcp == NULL)
        {
          g_socket_close (rtp, NULL);
          continue;
        }

      self->rtp_socket = g_steal_pointer (&rtp);
      self->rtcp_socket = g_steal_pointer (&rtcp);
      self->local_port = port;
      return TRUE;
    }

  g_set_error (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_NETWORK,
               _("Cannot open a port for the call’s audio on %s: %s"),
               self->local_address,
               last_error != NULL ? last_error->message : _("no even port pair was free"));
  return FALSE;
}

RexianMediaSession *
rexian_media_session_new (const char  *local_address,
                          GError     **error)
{
  g_autoptr(RexianMediaSession) self = NULL;
  g_autoptr(GInetAddress) address = NULL;

  g_return_val_if_fail (local_address != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rexian_media_ensure_gst_init ();

  address = g_inet_address_new_from_string (local_address);
  if (address == NULL)
    {
      g_set_error (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_NETWORK,
                   _("“%s” is not an IP address."), local_address);
      return NULL;
    }

  self = g_object_new (REXIAN_TYPE_MEDIA_SESSION, NULL);
  self->local_address = g_strdup (local_address);

  if (!bind_socket_pair (self, address, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
rexian_media_session_get_local_address (RexianMediaSession *self)
{
  g_return_val_if_fail (REXIAN_IS_MEDIA_SESSION (self), NULL);

  return self->local_address;
}

guint
rexian_media_session_get_local_port (RexianMediaSession *self)
{
  g_return_val_if_fail (REXIAN_IS_MEDIA_SESSION (self), 0);

  return self->local_port;
}

void
rexian_media_session_set_source_description (RexianMediaSession *self,
                                             const char         *description)
{
  g_return_if_fail (REXIAN_IS_MEDIA_SESSION (self));
  g_return_if_fail (self->state == STATE_NEW);

  g_free (self->source_description);
  self->source_description = g_strdup (description);
}

void
rexian_media_session_set_sink_description (RexianMediaSession *self,
                                           const char         *description)
{
  g_return_if_fail (REXIAN_IS_MEDIA_SESSION (self));
  g_return_if_fail (self->state == STATE_NEW);

  g_free (self->sink_description);
  self->sink_description = g_strdup (description);
}

void
rexian_media_session_update_udpsinks (RexianMediaSession *self)
{
  /* Before the answer is known the sinks still need an address of the sockets' own
   * family: udpsink's default, "localhost", may resolve to ::1 and then fail the
   * pipeline's start on an IPv4 socket.  Nothing is sent before start(), so our own
   * address is a harmless placeholder until set_remote() gives the real one. */
  const char *host = self->remote_address != NULL ? self->remote_address
                                                   : self->local_address;
  guint port = self->remote_address != NULL ? self->remote_port : self->local_port;

  if (self->rtp_udpsink != NULL)
    g_object_set (self->rtp_udpsink, "host", host, "port", (int) port, NULL);
  if (self->rtcp_udpsink != NULL)
    g_object_set (self->rtcp_udpsink, "host", host, "port", (int) port + 1, NULL);
}

void
rexian_media_session_set_remote (RexianMediaSession *self,
                                 const char         *address,
                                 guint               port,
                                 const RexianCodec  *codec,
                                 int                 dtmf_payload_type)
{
  g_return_if_fail (REXIAN_IS_MEDIA_SESSION (self));
  g_return_if_fail (address != NULL);
  g_return_if_fail (port > 0 && port < 65535);
  g_return_if_fail (codec != NULL && codec->encoding != NULL);

  g_free (self->remote_address);
  self->remote_address = g_strdup (address);
  self->remote_port = port;

  /* Once started the elements are fixed; a re-INVITE may still move the other end. */
  if (self->state >= STATE_STARTED)
    {
      if (g_ascii_strcasecmp (codec->encoding, self->codec.encoding) != 0
          || codec->payload_type != self->codec.payload_type)
        g_warning ("Changing the codec of a running call is not supported; keeping %s",
                   self->codec.encoding);
      rexian_media_session_update_udpsinks (self);
      return;
    }

  g_free (self->codec_encoding);
  self->codec_encoding = g_strdup (codec->encoding);
  self->codec = *codec;
  self->codec.encoding = self->codec_encoding;
  self->dtmf_payload_type = dtmf_payload_type;
}

void
rexian_media_session_set_recording (RexianMediaSession *self,
                                    const char         *path)
{
  g_return_if_fail (REXIAN_IS_MEDIA_SESSION (self));
  g_return_if_fail (self->state < STATE_STARTED);

  g_free (self->recording_path);
  self->recording_path = g_strdup (path);
}

/* Whether @element originates from (or is) @ancestor. */
static gboolean
comes_from (GstObject  *object,
            GstElement *ancestor)
{
  return ancestor != NULL
         && (object == GST_OBJECT (ancestor)
             || gst_object_has_as_ancestor (object, GST_OBJECT (ancestor)));
}

static GError *
error_from_message (RexianMediaSession *self,
                    GstMessage         *message)
{
  g_autoptr(GError) gst_error = NULL;
  g_autofree char *debug = NULL;
  GstObject *src = GST_MESSAGE_SRC (message);

  gst_message_parse_error (message, &gst_error, &debug);
  g_debug ("Pipeline error from %s: %s (%s)", GST_OBJECT_NAME (src),
           gst_error->message, debug != NULL ? debug : "");

  if (comes_from (src, self->source_bin))
    return g_error_new (REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_NO_DEVICE,
                        _("The microphone cannot be used: %s"), gst_error->message);
  if (comes_from (src, self->sink_bin))
    return g_error_new (REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_NO_DEVICE,
                        _("The speaker cannot be used: %s"), gst_error->message);

  return g_error_new (REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_FAILED,
                      _("The call’s audio failed: %s"), gst_error->message);
}

static gboolean
on_bus_message (GstBus     *bus,
                GstMessage *message,
                gpointer    user_data)
{
  RexianMediaSession *self = user_data;

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_ERROR:
      {
        g_autoptr(GError) error = error_from_message (self, message);

        g_signal_emit (self, signals[SIGNAL_ERROR], 0, error);
        break;
      }

    case GST_MESSAGE_WARNING:
      {
        g_autoptr(GError) warning = NULL;

        gst_message_parse_warning (message, &warning, NULL);
        g_debug ("Pipeline warning from %s: %s",
                 GST_OBJECT_NAME (GST_MESSAGE_SRC (message)), warning->message);
        break;
      }

    case GST_MESSAGE_LATENCY:
      /* A new jitter buffer or a device with another latency: re-distribute it, or
       * the mixers would drop the late remote audio. */
      gst_bin_recalculate_latency (GST_BIN (self->pipeline));
      break;

    default:
      break;
    }

  return G_SOURCE_CONTINUE;
}

/* The first error the pipeline posted, as a RexianMediaError. */
static void
take_bus_error (RexianMediaSession  *self,
                GError             **error)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (self->pipeline);
  g_autoptr(GstMessage) message = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);

  if (message != NULL)
    g_propagate_error (error, error_from_message (self, message));
  else
    g_set_error_literal (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_NO_DEVICE,
                         _("The microphone or the speaker cannot be opened."));
}

gboolean
rexian_media_session_prepare (RexianMediaSession  *self,
                              GError             **error)
{
  g_autoptr(GstBus) bus = NULL;
  g_autofree char *name = NULL;
  static guint counter;

  g_return_val_if_fail (REXIAN_IS_MEDIA_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->state != STATE_NEW)
    return self->state == STATE_PREPARED || self->state == STATE_STARTED;

  name = g_strdup_printf ("rexian-call-%u", g_atomic_int_add (&counter, 1));
  self->pipeline = gst_object_ref_sink (gst_pipeline_new (name));

  if (!rexian_media_session_build_pipeline (self, error))
    {
      teardown_pipeline (self);
      return FALSE;
    }

  bus = gst_element_get_bus (self->pipeline);
  self->bus_watch = gst_bus_add_watch (bus, on_bus_message, self);

  /* Opens the devices now, well before the call is answered.  Live sources make this
   * return NO_PREROLL at once; nothing here waits for the network. */
  if (gst_element_set_state (self->pipeline, GST_STATE_PAUSED) == GST_STATE_CHANGE_FAILURE)
    {
      take_bus_error (self, error);
      teardown_pipeline (self);
      return FALSE;
    }

  self->state = STATE_PREPARED;

  return TRUE;
}

gboolean
rexian_media_session_start (RexianMediaSession  *self,
                            GError             **error)
{
  const RexianCodecElements *elements;

  g_return_val_if_fail (REXIAN_IS_MEDIA_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->state == STATE_STARTED)
    return TRUE;
  if (self->state == STATE_STOPPED)
    {
      g_set_error_literal (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_FAILED,
                           "The call’s audio was already stopped");
      return FALSE;
    }
  if (self->remote_address == NULL)
    {
      g_set_error_literal (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_FAILED,
                           "The remote address is not known yet");
      return FALSE;
    }

  elements = rexian_media_codec_elements_lookup (&self->codec);
  if (elements == NULL)
    {
      g_set_error (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_NO_CODEC,
                   _("The codec %s/%d is not supported."),
                   self->codec.encoding, self->codec.clock_rate);
      return FALSE;
    }

  if (self->state == STATE_NEW && !rexian_media_session_prepare (self, error))
    return FALSE;

  g_atomic_int_set (&self->recv_payload_type, self->codec.payload_type);
  g_atomic_int_set (&self->recv_dtmf_payload_type,
                    self->dtmf_payload_type > 0 ? self->dtmf_payload_type : -1);
  rexian_media_session_update_udpsinks (self);

  if (!rexian_media_session_build_encoder (self, elements, error))
    goto failed;

  if (self->recording_path != NULL)
    {
      self->recorder = rexian_media_recorder_new (self->recording_path, error);
      if (self->recorder == NULL
          || !rexian_media_recorder_attach (self->recorder, self->pipeline,
                                            self->recv_tee, self->send_tee, error))
        goto failed;
    }

  if (gst_element_set_state (self->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      take_bus_error (self, error);
      goto failed;
    }

  self->state = STATE_STARTED;

  return TRUE;

failed:
  if (self->recorder != NULL)
    g_unlink (rexian_media_recorder_get_path (self->recorder));
  teardown_pipeline (self);
  self->state = STATE_STOPPED;
  return FALSE;
}

void
rexian_media_session_set_hold (RexianMediaSession *self,
                               gboolean            hold)
{
  g_return_if_fail (REXIAN_IS_MEDIA_SESSION (self));

  self->hold = !!hold;
  if (self->hold_valve != NULL)
    g_object_set (self->hold_valve, "drop", self->hold, NULL);
  if (self->play_volume != NULL)
    g_object_set (self->play_volume, "mute", self->hold, NULL);
}

void
rexian_media_session_set_mute (RexianMediaSession *self,
                               gboolean            mute)
{
  g_return_if_fail (REXIAN_IS_MEDIA_SESSION (self));

  self->mute = !!mute;
  if (self->mute_volume != NULL)
    g_object_set (self->mute_volume, "mute", self->mute, NULL);
}

static int
dtmf_event_number (char digit)
{
  /* RFC 4733 section 3.2: 0-9, then *, #, then A-D. */
  if (digit >= '0' && digit <= '9')
    return digit - '0';
  if (digit == '*')
    return 10;
  if (digit == '#')
    return 11;
  digit = g_ascii_toupper (digit);
  if (digit >= 'A' && digit <= 'D')
    return 12 + digit - 'A';

  return -1;
}

static void
send_dtmf_event (GstElement *dtmf_src,
                 int         number,
                 gboolean    start)
{
  GstStructure *structure = gst_structure_new ("dtmf-event",
                                 "type", G_TYPE_INT, 1,
                                 "number", G_TYPE_INT, number,
                                 "volume", G_TYPE_INT, 10,
                                 "start", G_TYPE_BOOLEAN, start,
                                 NULL);
  g_autoptr(GstPad) pad = gst_element_get_static_pad (dtmf_src, "src");

  /* As if from downstream: rtpdtmfsrc listens for it on its source pad, and
   * gst_element_send_event() would look for a sink pad it does not have. */
  gst_pad_send_event (pad, gst_event_new_custom (GST_EVENT_CUSTOM_UPSTREAM, structure));
}

gboolean
rexian_media_session_send_dtmf (RexianMediaSession  *self,
                                char                 digit,
                                GError             **error)
{
  int number;

  g_return_val_if_fail (REXIAN_IS_MEDIA_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  number = dtmf_event_number (digit);
  if (number < 0)
    {
      g_set_error (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_FAILED,
                   _("“%c” is not a telephone key."), digit);
      return FALSE;
    }

  if (self->state != STATE_STARTED || self->dtmf_src == NULL)
    {
      g_set_error_literal (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_NO_CODEC,
                           _("The other side does not accept telephone keys."));
      return FALSE;
    }

  /* Start and stop at once: rtpdtmfsrc still sends the tone for its minimum duration,
   * so no timer (and no main loop) is needed here. */
  send_dtmf_event (self->dtmf_src, number, TRUE);
  send_dtmf_event (self->dtmf_src, number, FALSE);

  return TRUE;
}

guint64
rexian_media_session_get_packets_received (RexianMediaSession *self)
{
  g_return_val_if_fail (REXIAN_IS_MEDIA_SESSION (self), 0);

  return (guint) g_atomic_int_get (&self->packets_received);
}

char *
rexian_media_session_stop (RexianMediaSession  *self,
                           GError             **error)
{
  g_autofree char *path = NULL;
  gboolean received;

  g_return_val_if_fail (REXIAN_IS_MEDIA_SESSION (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->state == STATE_STOPPED)
    return NULL;

  received = g_atomic_int_get (&self->packets_received) > 0;

  if (self->recorder != NULL)
    {
      path = g_strdup (rexian_media_recorder_get_path (self->recorder));

      if (received)
        {
          g_autoptr(GstBus) bus = gst_element_get_bus (self->pipeline);

          rexian_media_recorder_finish (self->recorder, bus, RECORDING_CLOSE_TIMEOUT_US);
        }
    }

  teardown_pipeline (self);
  self->state = STATE_STOPPED;

  if (path != NULL && !received)
    {
      /* An empty recording is not a recording; keep nobody guessing about it. */
      g_unlink (path);
      g_clear_pointer (&path, g_free);
      g_set_error_literal (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_NO_AUDIO,
                           _("No audio was received during this call."));
    }

  g_signal_emit (self, signals[SIGNAL_STOPPED], 0);

  return g_steal_pointer (&path);
}
