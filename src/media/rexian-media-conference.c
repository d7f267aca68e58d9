/* rexian-media-conference.c: two calls' audio joined by local mixing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One bridge per direction.  In the pipeline of the call it comes from, a branch of
 * the receive tee (the far end's decoded voice, 48 kHz mono) ends in an appsink; its
 * buffers are pushed into an appsrc in the other call's pipeline, linked to a new
 * input of that call's send mixer.  The two pipelines run on different clocks (each
 * speaker may bring its own), so the appsrc stamps every buffer with its own running
 * time on arrival; the audio mixer absorbs the small jitter that leaves, and drift
 * between the clocks only ever costs a few samples.  Both ends drop the oldest audio
 * rather than queue it up, so a stalled call never delays the other.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gst/app/gstappsink.h>
#include <gst/app/gstappsrc.h>

#include "rexian-media-conference.h"
#include "rexian-media-private.h"

/* How much of the other call's voice may wait in either queue before the oldest goes. */
#define BRIDGE_QUEUE_MS 100
/* 48 kHz mono S16: two bytes a sample. */
#define BRIDGE_QUEUE_BYTES (48000 * 2 * BRIDGE_QUEUE_MS / 1000)

typedef struct
{
  RexianMediaSession *from;
  RexianMediaSession *to;

  /* In the pipeline of @from. */
  GstElement         *tee;
  GstPad             *tee_pad;
  GstElement         *queue;
  GstElement         *appsink;

  /* In the pipeline of @to. */
  GstElement         *mixer;
  GstPad             *mixer_pad;
  GstElement         *appsrc;

  /* The appsink's streaming thread pushes into it while the calls are joined. */
  GMutex              lock;
  GstAppSrc          *target;
} Bridge;

struct _RexianMediaConference
{
  GObject             parent_instance;

  RexianMediaSession *first;
  RexianMediaSession *second;
  Bridge             *bridges[2];
  gboolean            joined;
};

G_DEFINE_FINAL_TYPE (RexianMediaConference, rexian_media_conference, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_JOINED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bridge_clear (gpointer data)
{
  Bridge *bridge = data;

  g_clear_object (&bridge->target);
  g_clear_object (&bridge->tee_pad);
  g_clear_object (&bridge->tee);
  g_clear_object (&bridge->queue);
  g_clear_object (&bridge->appsink);
  g_clear_object (&bridge->mixer_pad);
  g_clear_object (&bridge->mixer);
  g_clear_object (&bridge->appsrc);
  g_clear_object (&bridge->from);
  g_clear_object (&bridge->to);
  g_mutex_clear (&bridge->lock);
}

static Bridge *
bridge_ref (Bridge *bridge)
{
  return g_atomic_rc_box_acquire (bridge);
}

static void
bridge_unref (gpointer bridge)
{
  g_atomic_rc_box_release_full (bridge, bridge_clear);
}

static GstFlowReturn
on_new_sample (GstAppSink *appsink,
               gpointer    user_data)
{
  Bridge *bridge = user_data;
  g_autoptr(GstSample) sample = gst_app_sink_pull_sample (appsink);
  g_autoptr(GstAppSrc) target = NULL;
  GstBuffer *buffer;

  if (sample == NULL)
    return GST_FLOW_FLUSHING;

  g_mutex_lock (&bridge->lock);
  if (bridge->target != NULL)
    target = g_object_ref (bridge->target);
  g_mutex_unlock (&bridge->lock);

  if (target == NULL)
    return GST_FLOW_OK;

  /* The other pipeline's clock decides when this is played: the appsrc stamps it. */
  buffer = gst_buffer_copy (gst_sample_get_buffer (sample));
  GST_BUFFER_PTS (buffer) = GST_CLOCK_TIME_NONE;
  GST_BUFFER_DTS (buffer) = GST_CLOCK_TIME_NONE;
  GST_BUFFER_FLAG_UNSET (buffer, GST_BUFFER_FLAG_DISCONT);
  /* A stopped or flushing target refuses it; that is only the end of the bridge. */
  gst_app_src_push_buffer (target, buffer);

  return GST_FLOW_OK;
}

static void
recalculate_latency (GstElement *pipeline,
                     gpointer    user_data)
{
  gst_bin_recalculate_latency (GST_BIN (pipeline));
}

static gboolean
attach_target (Bridge  *bridge,
               GError **error)
{
  RexianMediaSession *to = bridge->to;
  g_autoptr(GstCaps) caps = gst_caps_from_string (REXIAN_MEDIA_INTERNAL_CAPS);
  g_autoptr(GstPad) src_pad = NULL;

  bridge->appsrc = rexian_media_make_element ("appsrc", NULL, error);
  if (bridge->appsrc == NULL)
    return FALSE;
  gst_object_ref_sink (bridge->appsrc);

  g_object_set (bridge->appsrc,
                "caps", caps,
                "format", GST_FORMAT_TIME,
                "is-live", TRUE,
                "do-timestamp", TRUE,
                "max-bytes", (guint64) BRIDGE_QUEUE_BYTES,
                "emit-signals", FALSE,
                /* Stamped on arrival, the audio is never late by itself; say so, or the
                 * mixer takes appsrc's default block size for a latency it cannot
                 * buffer. */
                "min-latency", (gint64) 0,
                "max-latency", (gint64) BRIDGE_QUEUE_MS * GST_MSECOND,
                NULL);
  gst_util_set_object_arg (G_OBJECT (bridge->appsrc), "leaky-type", "downstream");

  bridge->mixer = gst_object_ref (to->send_mixer);
  bridge->mixer_pad = gst_element_request_pad_simple (bridge->mixer, "sink_%u");
  gst_bin_add (GST_BIN (to->pipeline), gst_object_ref (bridge->appsrc));
  src_pad = gst_element_get_static_pad (bridge->appsrc, "src");
  if (bridge->mixer_pad == NULL || gst_pad_link (src_pad, bridge->mixer_pad) != GST_PAD_LINK_OK
      || !gst_element_sync_state_with_parent (bridge->appsrc))
    {
      g_set_error_literal (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_FAILED,
                           _("The two calls’ audio cannot be joined."));
      return FALSE;
    }

  /* As for a new remote stream: the mixer must know this input's latency. */
  gst_element_call_async (to->pipeline, recalculate_latency, NULL, NULL);

  return TRUE;
}

static gboolean
attach_source (Bridge  *bridge,
               GError **error)
{
  RexianMediaSession *from = bridge->from;
  g_autoptr(GstCaps) caps = gst_caps_from_string (REXIAN_MEDIA_INTERNAL_CAPS);
  g_autoptr(GstPad) queue_pad = NULL;
  GstAppSinkCallbacks callbacks = { .new_sample = on_new_sample };

  bridge->queue = rexian_media_make_element ("queue", NULL, error);
  bridge->appsink = rexian_media_make_element ("appsink", NULL, error);
  if (bridge->queue == NULL || bridge->appsink == NULL)
    return FALSE;
  gst_object_ref_sink (bridge->queue);
  gst_object_ref_sink (bridge->appsink);

  g_object_set (bridge->queue, "leaky", 2,
                "max-size-time", (guint64) BRIDGE_QUEUE_MS * GST_MSECOND,
                "max-size-bytes", 0, "max-size-buffers", 0, NULL);
  /* The receive path already ran at the clock's pace: take each buffer at once. */
  g_object_set (bridge->appsink, "caps", caps, "sync", FALSE, "async", FALSE,
                "enable-last-sample", FALSE, "max-buffers", 4, "drop", TRUE, NULL);
  gst_app_sink_set_callbacks (GST_APP_SINK (bridge->appsink), &callbacks, bridge_ref (bridge),
                              bridge_unref);

  gst_bin_add_many (GST_BIN (from->pipeline), gst_object_ref (bridge->queue),
                    gst_object_ref (bridge->appsink), NULL);
  bridge->tee = gst_object_ref (from->recv_tee);
  bridge->tee_pad = gst_element_request_pad_simple (bridge->tee, "src_%u");
  queue_pad = gst_element_get_static_pad (bridge->queue, "sink");
  if (!gst_element_link (bridge->queue, bridge->appsink)
      || !gst_element_sync_state_with_parent (bridge->appsink)
      || !gst_element_sync_state_with_parent (bridge->queue)
      || bridge->tee_pad == NULL
      || gst_pad_link (bridge->tee_pad, queue_pad) != GST_PAD_LINK_OK)
    {
      g_set_error_literal (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_FAILED,
                           _("The two calls’ audio cannot be joined."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_running (RexianMediaSession *session)
{
  return session->state == STATE_STARTED && session->pipeline != NULL;
}

/* Takes the appsrc out of the other call's send mixer.  Stopped first, so that it is
 * never left pushing into an unlinked pad (which would fail that call's pipeline). */
static void
detach_target (Bridge *bridge)
{
  GstObject *parent;

  if (bridge->appsrc == NULL)
    return;

  gst_element_set_state (bridge->appsrc, GST_STATE_NULL);
  if (bridge->mixer_pad != NULL)
    gst_element_release_request_pad (bridge->mixer, bridge->mixer_pad);
  parent = gst_object_get_parent (GST_OBJECT (bridge->appsrc));
  if (parent != NULL)
    {
      gst_bin_remove (GST_BIN (parent), bridge->appsrc);
      if (is_running (bridge->to))
        gst_element_call_async (GST_ELEMENT (parent), recalculate_latency, NULL, NULL);
      gst_object_unref (parent);
    }
}

static void
remove_source_branch (GstElement *element,
                      gpointer    user_data)
{
  Bridge *bridge = user_data;
  GstObject *parent;

  gst_element_set_state (bridge->appsink, GST_STATE_NULL);
  gst_element_set_state (bridge->queue, GST_STATE_NULL);
  if (bridge->tee_pad != NULL)
    gst_element_release_request_pad (bridge->tee, bridge->tee_pad);

  parent = gst_object_get_parent (GST_OBJECT (bridge->queue));
  if (parent != NULL)
    {
      gst_bin_remove_many (GST_BIN (parent), bridge->queue, bridge->appsink, NULL);
      gst_object_unref (parent);
    }
}

static GstPadProbeReturn
on_tee_pad_idle (GstPad          *tee_pad,
                 GstPadProbeInfo *info,
                 gpointer         user_data)
{
  Bridge *bridge = user_data;
  g_autoptr(GstPad) peer = gst_pad_get_peer (tee_pad);

  /* Only once: an idle probe can fire again before it is removed. */
  if (peer == NULL)
    return GST_PAD_PROBE_REMOVE;

  gst_pad_unlink (tee_pad, peer);
  /* Not from a streaming thread of the tee: stopping the branch waits for its queue. */
  gst_element_call_async (bridge->tee, remove_source_branch, bridge_ref (bridge),
                          bridge_unref);

  return GST_PAD_PROBE_REMOVE;
}

/* Takes the branch off the receive tee of the call the voice came from.  While that
 * call runs, only between two buffers, so that the tee never pushes into a pad that
 * is going away. */
static void
detach_source (Bridge *bridge)
{
  if (bridge->queue == NULL || bridge->appsink == NULL)
    return;

  if (bridge->tee_pad != NULL && is_running (bridge->from))
    gst_pad_add_probe (bridge->tee_pad, GST_PAD_PROBE_TYPE_IDLE, on_tee_pad_idle,
                       bridge_ref (bridge), bridge_unref);
  else
    remove_source_branch (NULL, bridge);
}

static void
bridge_detach (Bridge *bridge)
{
  g_mutex_lock (&bridge->lock);
  g_clear_object (&bridge->target);
  g_mutex_unlock (&bridge->lock);

  detach_target (bridge);
  detach_source (bridge);
}

static Bridge *
bridge_new (RexianMediaSession  *from,
            RexianMediaSession  *to,
            GError             **error)
{
  Bridge *bridge = g_atomic_rc_box_new0 (Bridge);

  g_mutex_init (&bridge->lock);
  bridge->from = g_object_ref (from);
  bridge->to = g_object_ref (to);

  /* The receiving end first: the voice flows only once it has somewhere to go. */
  if (!attach_target (bridge, error) || !attach_source (bridge, error))
    {
      bridge_detach (bridge);
      bridge_unref (bridge);
      return NULL;
    }

  g_mutex_lock (&bridge->lock);
  bridge->target = GST_APP_SRC (g_object_ref (bridge->appsrc));
  g_mutex_unlock (&bridge->lock);

  return bridge;
}

void
rexian_media_conference_split (RexianMediaConference *self)
{
  g_return_if_fail (REXIAN_IS_MEDIA_CONFERENCE (self));

  for (guint i = 0; i < G_N_ELEMENTS (self->bridges); i++)
    if (self->bridges[i] != NULL)
      {
        bridge_detach (self->bridges[i]);
        g_clear_pointer (&self->bridges[i], bridge_unref);
      }

  if (self->joined)
    {
      self->joined = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOINED]);
    }
}

static void
on_session_stopped (RexianMediaConference *self)
{
  if (!self->joined)
    return;

  g_debug ("A call of the conference ended: the other goes on alone");
  rexian_media_conference_split (self);
}

static void
rexian_media_conference_dispose (GObject *object)
{
  RexianMediaConference *self = REXIAN_MEDIA_CONFERENCE (object);

  rexian_media_conference_split (self);
  g_clear_object (&self->first);
  g_clear_object (&self->second);

  G_OBJECT_CLASS (rexian_media_conference_parent_class)->dispose (object);
}

static void
rexian_media_conference_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RexianMediaConference *self = REXIAN_MEDIA_CONFERENCE (object);

  switch (prop_id)
    {
    case PROP_JOINED:
      g_value_set_boolean (value, self->joined);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_media_conference_class_init (RexianMediaConferenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rexian_media_conference_dispose;
  object_class->get_property = rexian_media_conference_get_property;

  properties[PROP_JOINED] =
    g_param_spec_boolean ("joined", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rexian_media_conference_init (RexianMediaConference *self)
{
}

RexianMediaConference *
rexian_media_conference_new (RexianMediaSession  *first,
                             RexianMediaSession  *second,
                             GError             **error)
{
  g_autoptr(RexianMediaConference) self = NULL;

  g_return_val_if_fail (REXIAN_IS_MEDIA_SESSION (first), NULL);
  g_return_val_if_fail (REXIAN_IS_MEDIA_SESSION (second), NULL);
  g_return_val_if_fail (first != second, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!is_running (first) || !is_running (second))
    {
      g_set_error_literal (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_FAILED,
                           _("Both calls must be connected before they can be joined."));
      return NULL;
    }

  self = g_object_new (REXIAN_TYPE_MEDIA_CONFERENCE, NULL);
  self->first = g_object_ref (first);
  self->second = g_object_ref (second);

  self->bridges[0] = bridge_new (first, second, error);
  if (self->bridges[0] == NULL)
    return NULL;
  self->bridges[1] = bridge_new (second, first, error);
  if (self->bridges[1] == NULL)
    return NULL;

  g_signal_connect_object (first, "stopped", G_CALLBACK (on_session_stopped), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (second, "stopped", G_CALLBACK (on_session_stopped), self,
                           G_CONNECT_SWAPPED);
  self->joined = TRUE;

  return g_steal_pointer (&self);
}

gboolean
rexian_media_conference_get_joined (RexianMediaConference *self)
{
  g_return_val_if_fail (REXIAN_IS_MEDIA_CONFERENCE (self), FALSE);

  return self->joined;
}
