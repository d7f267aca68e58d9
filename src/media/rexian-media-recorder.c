/* rexian-media-recorder.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gst/audio/audio.h>

#include "rexian-media-private.h"

/* Opus codes everything at 48 kHz; resampling both sides to it first means the
 * interleaver never has to reconcile two rates. */
#define RECORDING_CAPS "audio/x-raw,format=S16LE,rate=48000,channels=1,layout=interleaved"

struct _RexianMediaRecorder
{
  char       *path;
  GstElement *bin;
  GstElement *remote_tee;
  GstElement *local_tee;
  GstPad     *remote_tee_pad;
  GstPad     *local_tee_pad;
  gint        eos_reached;
};

RexianMediaRecorder *
rexian_media_recorder_new (const char  *path,
                           GError     **error)
{
  g_autoptr(RexianMediaRecorder) self = NULL;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  /* Calls are personal data: create the file ourselves with 0600 before filesink opens
   * it, so that it is never readable by others, not even for a moment. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create the recording “%s”: %s"),
                   path, g_strerror (saved_errno));
      return NULL;
    }
  /* O_CREAT does not change the mode of a file that already existed. */
  fchmod (fd, 0600);
  g_close (fd, NULL);

  self = g_new0 (RexianMediaRecorder, 1);
  self->path = g_strdup (path);

  return g_steal_pointer (&self);
}

const char *
rexian_media_recorder_get_path (RexianMediaRecorder *self)
{
  return self->path;
}

static GstPadProbeReturn
on_filesink_event (GstPad          *pad,
                   GstPadProbeInfo *info,
                   gpointer         user_data)
{
  RexianMediaRecorder *self = user_data;

  if (GST_EVENT_TYPE (GST_PAD_PROBE_INFO_EVENT (info)) == GST_EVENT_EOS)
    g_atomic_int_set (&self->eos_reached, TRUE);

  return GST_PAD_PROBE_OK;
}

static GstElement *
make_channel_input (GstBin      *bin,
                    const char  *name,
                    GstElement  *interleave,
                    GError     **error)
{
  g_autoptr(GstCaps) caps = gst_caps_from_string (RECORDING_CAPS);
  g_autoptr(GstPad) ghost_target = NULL;
  g_autofree char *queue_name = g_strdup_printf ("%s-queue", name);
  GstElement *queue, *convert, *resample, *filter;
  GstPad *ghost;

  queue = rexian_media_make_element ("queue", queue_name, error);
  convert = rexian_media_make_element ("audioconvert", NULL, error);
  resample = rexian_media_make_element ("audioresample", NULL, error);
  filter = rexian_media_make_element ("capsfilter", NULL, error);
  if (queue == NULL || convert == NULL || resample == NULL || filter == NULL)
    {
      g_clear_object (&queue);
      g_clear_object (&convert);
      g_clear_object (&resample);
      g_clear_object (&filter);
      return NULL;
    }

  /* A leaky queue: if the encoder ever falls behind, losing a little of the recording
   * is better than stalling the call itself through the tee. */
  g_object_set (queue, "leaky", 2, "max-size-time", (guint64) 2 * GST_SECOND,
                "max-size-bytes", 0, "max-size-buffers", 0, NULL);
  g_object_set (filter, "caps", caps, NULL);
  gst_bin_add_many (bin, queue, convert, resample, filter, NULL);
  if (!gst_element_link_many (queue, convert, resample, filter, interleave, NULL))
    {
      g_set_error (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_FAILED,
                   "Cannot link the recording's %s channel", name);
      return NULL;
    }

  ghost_target = gst_element_get_static_pad (queue, "sink");
  ghost = gst_ghost_pad_new (name, ghost_target);
  gst_element_add_pad (GST_ELEMENT (bin), ghost);

  return queue;
}

static gboolean
build_bin (RexianMediaRecorder  *self,
           GError              **error)
{
  g_autoptr(GstElement) bin = gst_bin_new ("recorder");
  g_autoptr(GstPad) filesink_pad = NULL;
  GstElement *interleave, *convert, *encoder, *muxer, *filesink;
  GValueArray *positions;
  GValue position = G_VALUE_INIT;

  gst_object_ref_sink (bin);

  interleave = rexian_media_make_element ("audiointerleave", "recorder-interleave", error);
  if (interleave == NULL)
    return FALSE;
  gst_bin_add (GST_BIN (bin), interleave);

  /* Mono inputs carry no position, so say explicitly: remote left, local right. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  positions = g_value_array_new (2);
  g_value_init (&position, GST_TYPE_AUDIO_CHANNEL_POSITION);
  g_value_set_enum (&position, GST_AUDIO_CHANNEL_POSITION_FRONT_LEFT);
  g_value_array_append (positions, &position);
  g_value_set_enum (&position, GST_AUDIO_CHANNEL_POSITION_FRONT_RIGHT);
  g_value_array_append (positions, &position);
  g_value_unset (&position);
  /* Start the timeline at the first buffer instead of at zero: a live aggregator whose
   * clock runs out before any input has brought caps fails as "not negotiated". */
  gst_util_set_object_arg (G_OBJECT (interleave), "start-time-selection", "first");
  g_object_set (interleave,
                "channel-positions-from-input", FALSE,
                "channel-positions", positions,
                NULL);
  g_value_array_free (positions);
  G_GNUC_END_IGNORE_DEPRECATIONS

  /* The first requested pad becomes channel 0, the left one. */
  if (make_channel_input (GST_BIN (bin), "remote", interleave, error) == NULL
      || make_channel_input (GST_BIN (bin), "local", interleave, error) == NULL)
    return FALSE;

  convert = rexian_media_make_element ("audioconvert", NULL, error);
  encoder = rexian_media_make_element ("opusenc", "recorder-encoder", error);
  muxer = rexian_media_make_element ("oggmux", NULL, error);
  filesink = rexian_media_make_element ("filesink", "recorder-filesink", error);
  if (convert == NULL || encoder == NULL || muxer == NULL || filesink == NULL)
    {
      g_clear_object (&convert);
      g_clear_object (&encoder);
      g_clear_object (&muxer);
      g_clear_object (&filesink);
      return FALSE;
    }

  gst_util_set_object_arg (G_OBJECT (encoder), "audio-type", "voice");
  g_object_set (encoder, "bitrate", 48000, NULL);
  /* filesink must neither wait for the clock (the data is already late by the jitter
   * buffer) nor hold the pipeline's state change for a preroll buffer. */
  g_object_set (filesink, "location", self->path, "sync", FALSE, "async", FALSE, NULL);
  gst_bin_add_many (GST_BIN (bin), convert, encoder, muxer, filesink, NULL);
  if (!gst_element_link_many (interleave, convert, encoder, muxer, filesink, NULL))
    {
      g_set_error_literal (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_FAILED,
                           "Cannot link the recording's encoder");
      return FALSE;
    }

  filesink_pad = gst_element_get_static_pad (filesink, "sink");
  gst_pad_add_probe (filesink_pad, GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM,
                     on_filesink_event, self, NULL);

  self->bin = g_steal_pointer (&bin);

  return TRUE;
}

static GstPad *
link_tee (GstElement  *tee,
          GstElement  *bin,
          const char  *ghost_name,
          GError     **error)
{
  g_autoptr(GstPad) sinkpad = gst_element_get_static_pad (bin, ghost_name);
  GstPad *teepad = gst_element_request_pad_simple (tee, "src_%u");

  if (teepad == NULL || gst_pad_link (teepad, sinkpad) != GST_PAD_LINK_OK)
    {
      g_set_error (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_FAILED,
                   "Cannot connect the recording's %s channel", ghost_name);
      if (teepad != NULL)
        {
          gst_element_release_request_pad (tee, teepad);
          gst_object_unref (teepad);
        }
      return NULL;
    }

  return teepad;
}

gboolean
rexian_media_recorder_attach (RexianMediaRecorder  *self,
                              GstElement           *pipeline,
                              GstElement           *remote_tee,
                              GstElement           *local_tee,
                              GError              **error)
{
  g_return_val_if_fail (self->bin == NULL, FALSE);

  if (!build_bin (self, error))
    return FALSE;

  gst_bin_add (GST_BIN (pipeline), gst_object_ref (self->bin));
  self->remote_tee = gst_object_ref (remote_tee);
  self->local_tee = gst_object_ref (local_tee);

  self->remote_tee_pad = link_tee (remote_tee, self->bin, "remote", error);
  if (self->remote_tee_pad == NULL)
    return FALSE;
  self->local_tee_pad = link_tee (local_tee, self->bin, "local", error);
  if (self->local_tee_pad == NULL)
    return FALSE;

  if (!gst_element_sync_state_with_parent (self->bin))
    {
      g_set_error_literal (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_FAILED,
                           "Cannot start the recording");
      return FALSE;
    }

  return TRUE;
}

static GstPadProbeReturn
on_tee_pad_idle (GstPad          *teepad,
                 GstPadProbeInfo *info,
                 gpointer         user_data)
{
  g_autoptr(GstPad) peer = gst_pad_get_peer (teepad);

  /* Only once: an idle probe can fire again before it is removed. */
  if (peer == NULL)
    return GST_PAD_PROBE_REMOVE;

  /* Cut this channel off the live call and end it, so that the interleaver and the
   * muxer flush and oggmux writes the last page with the end-of-stream flag. */
  gst_pad_unlink (teepad, peer);
  gst_pad_send_event (peer, gst_event_new_eos ());

  return GST_PAD_PROBE_REMOVE;
}

gboolean
rexian_media_recorder_finish (RexianMediaRecorder *self,
                              GstBus              *bus,
                              gint64               timeout_us)
{
  gint64 deadline;

  if (self->bin == NULL)
    return FALSE;

  gst_pad_add_probe (self->remote_tee_pad, GST_PAD_PROBE_TYPE_IDLE,
                     on_tee_pad_idle, self, NULL);
  gst_pad_add_probe (self->local_tee_pad, GST_PAD_PROBE_TYPE_IDLE,
                     on_tee_pad_idle, self, NULL);

  /* Bounded: a vanished device must not hang the end of a call.  Popping the bus
   * meanwhile keeps errors from piling up unseen. */
  deadline = g_get_monotonic_time () + timeout_us;
  while (!g_atomic_int_get (&self->eos_reached) && g_get_monotonic_time () < deadline)
    {
      g_autoptr(GstMessage) message = NULL;

      message = gst_bus_timed_pop_filtered (bus, 10 * GST_MSECOND,
                                            GST_MESSAGE_ERROR | GST_MESSAGE_WARNING);
      if (message != NULL)
        {
          g_autoptr(GError) error = NULL;

          if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
            gst_message_parse_error (message, &error, NULL);
          else
            gst_message_parse_warning (message, &error, NULL);
          g_debug ("While closing the recording, %s: %s",
                   GST_OBJECT_NAME (GST_MESSAGE_SRC (message)), error->message);
        }
    }

  if (!g_atomic_int_get (&self->eos_reached))
    g_warning ("The recording %s was not finalised in time", self->path);

  return g_atomic_int_get (&self->eos_reached);
}

void
rexian_media_recorder_free (RexianMediaRecorder *self)
{
  if (self == NULL)
    return;

  if (self->remote_tee_pad != NULL)
    {
      gst_element_release_request_pad (self->remote_tee, self->remote_tee_pad);
      gst_object_unref (self->remote_tee_pad);
    }
  if (self->local_tee_pad != NULL)
    {
      gst_element_release_request_pad (self->local_tee, self->local_tee_pad);
      gst_object_unref (self->local_tee_pad);
    }
  g_clear_object (&self->remote_tee);
  g_clear_object (&self->local_tee);
  g_clear_object (&self->bin);
  g_free (self->path);
  g_free (self);
}
