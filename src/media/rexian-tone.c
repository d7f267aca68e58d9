/* rexian-tone.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gst/gst.h>

#include "rexian-media-devices.h"
#include "rexian-media-private.h"
#include "rexian-tone.h"

/* 10 ms buffers at 48 kHz: the cadence is exact to 10 ms. */
#define SAMPLES_PER_BUFFER 480
#define TONE_CAPS "audio/x-raw,format=S16LE,rate=48000,channels=1,layout=interleaved"
/* Loud enough to be heard over an office, quiet enough not to startle in a headset. */
#define TONE_VOLUME 0.3
/* EOS through four elements takes milliseconds; a stuck speaker must not hang the UI. */
#define STOP_TIMEOUT (G_USEC_PER_SEC / 2)

typedef struct
{
  double       frequency;
  /* Milliseconds on, off, on, off…; the pattern repeats. */
  const guint *cadence;
  guint        n_cadence;
} ToneSpec;

static const guint ring_cadence[] = { 400, 200, 400, 2000 };
static const guint ringback_cadence[] = { 1000, 4000 };

static const ToneSpec specs[] = {
  [REXIAN_TONE_RING] = { 800.0, ring_cadence, G_N_ELEMENTS (ring_cadence) },
  [REXIAN_TONE_RINGBACK] = { 450.0, ringback_cadence, G_N_ELEMENTS (ringback_cadence) },
};

/* What the streaming thread needs to mute the tone in its pauses. */
typedef struct
{
  const ToneSpec *spec;
  GstElement     *volume;
  GstClockTime    first_pts;
  gboolean        muted;
} CadenceState;

struct _RexianTone
{
  GObject         parent_instance;

  RexianToneKind  kind;
  GstElement     *pipeline;
  guint           bus_watch;
};

G_DEFINE_FINAL_TYPE (RexianTone, rexian_tone, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (RexianToneKind, rexian_tone_kind,
                    G_DEFINE_ENUM_VALUE (REXIAN_TONE_RING, "ring"),
                    G_DEFINE_ENUM_VALUE (REXIAN_TONE_RINGBACK, "ringback"))

enum {
  PROP_0,
  PROP_KIND,
  PROP_PLAYING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cadence_state_free (gpointer data)
{
  CadenceState *state = data;

  gst_clear_object (&state->volume);
  g_free (state);
}

static gboolean
cadence_is_silent (const ToneSpec *spec,
                   guint64         elapsed_ms)
{
  guint64 period = 0;

  for (guint i = 0; i < spec->n_cadence; i++)
    period += spec->cadence[i];
  elapsed_ms %= period;

  for (guint i = 0; i < spec->n_cadence; i++)
    {
      if (elapsed_ms < spec->cadence[i])
        return i % 2 == 1;
      elapsed_ms -= spec->cadence[i];
    }

  return TRUE;
}

/* The cadence follows the buffers' timestamps rather than a main-loop timer, so a busy
 * main loop or a slow speaker start never stretches or shifts what the agent hears. */
static GstPadProbeReturn
on_tone_buffer (GstPad          *pad,
                GstPadProbeInfo *info,
                gpointer         user_data)
{
  CadenceState *state = user_data;
  GstBuffer *buffer = GST_PAD_PROBE_INFO_BUFFER (info);
  GstClockTime pts = GST_BUFFER_PTS (buffer);
  gboolean silent;

  if (!GST_CLOCK_TIME_IS_VALID (pts))
    return GST_PAD_PROBE_OK;
  if (!GST_CLOCK_TIME_IS_VALID (state->first_pts))
    state->first_pts = pts;

  silent = cadence_is_silent (state->spec, (pts - state->first_pts) / GST_MSECOND);
  if (silent != state->muted)
    {
      state->muted = silent;
      g_object_set (state->volume, "mute", silent, NULL);
    }

  return GST_PAD_PROBE_OK;
}

static void
release_pipeline (RexianTone *self)
{
  g_clear_handle_id (&self->bus_watch, g_source_remove);
  if (self->pipeline != NULL)
    {
      gst_element_set_state (self->pipeline, GST_STATE_NULL);
      gst_clear_object (&self->pipeline);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
    }
}

static gboolean
on_bus_message (GstBus     *bus,
                GstMessage *message,
                gpointer    user_data)
{
  RexianTone *self = user_data;

  if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
    {
      g_autoptr(GError) error = NULL;

      /* A speaker unplugged while the phone rings: the ringing bar still shows the
       * call, so the tone just stops. */
      gst_message_parse_error (message, &error, NULL);
      g_warning ("The %s tone stopped: %s",
                 self->kind == REXIAN_TONE_RING ? "ring" : "ringback", error->message);
      self->bus_watch = 0;
      release_pipeline (self);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static GstElement *
make_sink (GError **error)
{
  g_autofree char *description = rexian_media_dup_sink_description ();
  g_autoptr(GError) parse_error = NULL;
  GstElement *sink;

  sink = gst_parse_bin_from_description_full (description, TRUE, NULL,
                                              GST_PARSE_FLAG_FATAL_ERRORS, &parse_error);
  if (sink == NULL)
    g_set_error (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_NO_DEVICE,
                 _("The speaker “%s” cannot be used: %s"), description, parse_error->message);

  return sink;
}

static GstElement *
build_pipeline (RexianTone  *self,
                GError     **error)
{
  const ToneSpec *spec = &specs[self->kind];
  g_autoptr(GstElement) pipeline = gst_pipeline_new ("tone");
  g_autoptr(GstPad) pad = NULL;
  g_autoptr(GstCaps) caps = gst_caps_from_string (TONE_CAPS);
  GstElement *source, *filter, *volume, *convert, *resample, *sink;
  CadenceState *state;

  gst_object_ref_sink (pipeline);
  source = rexian_media_make_element ("audiotestsrc", "tone-source", error);
  filter = source != NULL ? rexian_media_make_element ("capsfilter", NULL, error) : NULL;
  volume = filter != NULL ? rexian_media_make_element ("volume", "cadence", error) : NULL;
  convert = volume != NULL ? rexian_media_make_element ("audioconvert", NULL, error) : NULL;
  resample = convert != NULL ? rexian_media_make_element ("audioresample", NULL, error) : NULL;
  sink = resample != NULL ? make_sink (error) : NULL;
  if (sink == NULL)
    {
      /* Whatever was made before the failure is not in a bin yet. */
      for (GstElement **e = (GstElement *[]) { source, filter, volume, convert, resample, NULL };
           *e != NULL; e++)
        gst_object_unref (gst_object_ref_sink (*e));
      return NULL;
    }

  g_object_set (source, "is-live", TRUE, "freq", spec->frequency, "volume", TONE_VOLUME,
                "samplesperbuffer", SAMPLES_PER_BUFFER, NULL);
  g_object_set (filter, "caps", caps, NULL);
  gst_bin_add_many (GST_BIN (pipeline), source, filter, volume, convert, resample, sink, NULL);
  if (!gst_element_link_many (source, filter, volume, convert, resample, sink, NULL))
    {
      g_set_error (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_NO_DEVICE,
                   _("The speaker cannot play the ring tone."));
      return NULL;
    }

  state = g_new0 (CadenceState, 1);
  state->spec = spec;
  state->volume = gst_object_ref (volume);
  state->first_pts = GST_CLOCK_TIME_NONE;
  pad = gst_element_get_static_pad (volume, "sink");
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, on_tone_buffer, state, cadence_state_free);

  return g_steal_pointer (&pipeline);
}

gboolean
rexian_tone_start (RexianTone  *self,
                   GError     **error)
{
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstBus) bus = NULL;

  g_return_val_if_fail (REXIAN_IS_TONE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->pipeline != NULL)
    return TRUE;

  rexian_media_ensure_gst_init ();
  pipeline = build_pipeline (self, error);
  if (pipeline == NULL)
    return FALSE;

  bus = gst_element_get_bus (pipeline);
  if (gst_element_set_state (pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      g_autoptr(GstMessage) message = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
      g_autoptr(GError) device_error = NULL;

      if (message != NULL)
        gst_message_parse_error (message, &device_error, NULL);
      gst_element_set_state (pipeline, GST_STATE_NULL);
      g_set_error (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_NO_DEVICE,
                   _("The speaker cannot be opened: %s"),
                   device_error != NULL ? device_error->message : _("unknown error"));
      return FALSE;
    }

  self->pipeline = g_steal_pointer (&pipeline);
  self->bus_watch = gst_bus_add_watch (bus, on_bus_message, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);

  return TRUE;
}

void
rexian_tone_stop (RexianTone *self)
{
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;

  g_return_if_fail (REXIAN_IS_TONE (self));

  if (self->pipeline == NULL)
    return;

  /* End of stream first, so that a sink writing a file (in tests) finishes it. */
  g_clear_handle_id (&self->bus_watch, g_source_remove);
  bus = gst_element_get_bus (self->pipeline);
  gst_element_send_event (self->pipeline, gst_event_new_eos ());
  message = gst_bus_timed_pop_filtered (bus, STOP_TIMEOUT * GST_USECOND,
                                        GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  release_pipeline (self);
}

RexianTone *
rexian_tone_new (RexianToneKind kind)
{
  return g_object_new (REXIAN_TYPE_TONE, "kind", kind, NULL);
}

RexianToneKind
rexian_tone_get_kind (RexianTone *self)
{
  g_return_val_if_fail (REXIAN_IS_TONE (self), REXIAN_TONE_RING);

  return self->kind;
}

gboolean
rexian_tone_get_playing (RexianTone *self)
{
  g_return_val_if_fail (REXIAN_IS_TONE (self), FALSE);

  return self->pipeline != NULL;
}

static void
rexian_tone_dispose (GObject *object)
{
  RexianTone *self = REXIAN_TONE (object);

  g_clear_handle_id (&self->bus_watch, g_source_remove);
  if (self->pipeline != NULL)
    {
      gst_element_set_state (self->pipeline, GST_STATE_NULL);
      gst_clear_object (&self->pipeline);
    }

  G_OBJECT_CLASS (rexian_tone_parent_class)->dispose (object);
}

static void
rexian_tone_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RexianTone *self = REXIAN_TONE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_PLAYING:
      g_value_set_boolean (value, rexian_tone_get_playing (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_tone_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RexianTone *self = REXIAN_TONE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_tone_class_init (RexianToneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rexian_tone_dispose;
  object_class->get_property = rexian_tone_get_property;
  object_class->set_property = rexian_tone_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, REXIAN_TYPE_TONE_KIND, REXIAN_TONE_RING,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rexian_tone_init (RexianTone *self)
{
}
