/* rexian-media-player.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rexian-media-devices.h"
#include "rexian-media-player.h"
#include "rexian-media-private.h"

/* How often the position is read while playing: often enough for a seconds display
 * and a moving scale, rarely enough to cost nothing. */
#define TICK_MS 250

struct _RexianMediaPlayer
{
  GObject                 parent_instance;

  char                   *path;
  RexianMediaPlayerState  state;
  gint64                  position;
  gint64                  duration;

  /* Made on first use and kept until stop(), the end or an error. */
  GstElement             *pipeline;
  GstElement             *sink;
  guint                   bus_watch;
  guint                   tick_id;
  /* One thread, so the pipeline's state changes and seeks happen in the order asked. */
  GThreadPool            *worker;

  /* Whether the pipeline has prerolled (reached PAUSED) since it was started. */
  gboolean                prerolled;
  /* A flushing seek is under way: until it is done the pipeline reports the old
   * position, which must not be shown. */
  gboolean                seeking;
  /* Where to seek once prerolled; -1: nowhere. */
  gint64                  pending_seek;
};

G_DEFINE_FINAL_TYPE (RexianMediaPlayer, rexian_media_player, G_TYPE_OBJECT)
G_DEFINE_QUARK (rexian-media-player-error-quark, rexian_media_player_error)
G_DEFINE_ENUM_TYPE (RexianMediaPlayerState, rexian_media_player_state,
                    G_DEFINE_ENUM_VALUE (REXIAN_MEDIA_PLAYER_STOPPED, "stopped"),
                    G_DEFINE_ENUM_VALUE (REXIAN_MEDIA_PLAYER_PLAYING, "playing"),
                    G_DEFINE_ENUM_VALUE (REXIAN_MEDIA_PLAYER_PAUSED, "paused"))

enum {
  PROP_0,
  PROP_PATH,
  PROP_STATE,
  PROP_POSITION,
  PROP_DURATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_ERROR,
  SIGNAL_EOS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The worker */

typedef struct
{
  GstElement *pipeline;
  GstState    state;     /* GST_STATE_VOID_PENDING: a seek */
  gint64      position;  /* ms, for a seek */
} PipelineOp;

static void
run_op (gpointer data,
        gpointer user_data)
{
  PipelineOp *op = data;

  if (op->state != GST_STATE_VOID_PENDING)
    gst_element_set_state (op->pipeline, op->state);
  else
    gst_element_seek_simple (op->pipeline, GST_FORMAT_TIME,
                             GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_ACCURATE,
                             op->position * GST_MSECOND);

  gst_object_unref (op->pipeline);
  g_free (op);
}

static void
push_op (RexianMediaPlayer *self,
         GstState           state,
         gint64             position)
{
  PipelineOp *op = g_new0 (PipelineOp, 1);

  op->pipeline = gst_object_ref (self->pipeline);
  op->state = state;
  op->position = position;
  g_thread_pool_push (self->worker, op, NULL);
}

/* Properties */

static void
set_state (RexianMediaPlayer      *self,
           RexianMediaPlayerState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_position (RexianMediaPlayer *self,
              gint64             position)
{
  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

static void
update_duration (RexianMediaPlayer *self)
{
  gint64 duration;

  if (self->pipeline == NULL
      || !gst_element_query_duration (self->pipeline, GST_FORMAT_TIME, &duration)
      || duration < 0)
    return;

  duration /= GST_MSECOND;
  if (self->duration == duration)
    return;

  self->duration = duration;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
}

static void
update_position (RexianMediaPlayer *self)
{
  gint64 position;

  if (self->pipeline == NULL || self->seeking || !self->prerolled
      || !gst_element_query_position (self->pipeline, GST_FORMAT_TIME, &position)
      || position < 0)
    return;

  set_position (self, position / GST_MSECOND);
}

static gboolean
tick (gpointer user_data)
{
  RexianMediaPlayer *self = user_data;

  update_position (self);
  if (self->duration < 0)
    update_duration (self);

  return G_SOURCE_CONTINUE;
}

static void
update_tick (RexianMediaPlayer *self)
{
  if (self->state == REXIAN_MEDIA_PLAYER_PLAYING && self->tick_id == 0)
    self->tick_id = g_timeout_add (TICK_MS, tick, self);
  else if (self->state != REXIAN_MEDIA_PLAYER_PLAYING)
    g_clear_handle_id (&self->tick_id, g_source_remove);
}

/* The pipeline */

/* Lets go of the pipeline: its worker op takes it to NULL and drops the last
 * reference, so the file and the speaker are closed off the main loop. */
static void
release_pipeline (RexianMediaPlayer *self)
{
  if (self->pipeline == NULL)
    return;

  g_clear_handle_id (&self->bus_watch, g_source_remove);
  push_op (self, GST_STATE_NULL, 0);
  gst_clear_object (&self->sink);
  gst_clear_object (&self->pipeline);
  self->prerolled = FALSE;
  self->seeking = FALSE;
}

static void
to_stopped (RexianMediaPlayer *self)
{
  release_pipeline (self);
  self->pending_seek = -1;
  set_state (self, REXIAN_MEDIA_PLAYER_STOPPED);
  set_position (self, 0);
  update_tick (self);
}

/* A GError a user understands for the pipeline's error. */
static GError *
translate_error (RexianMediaPlayer *self,
                 GstMessage        *message)
{
  g_autoptr(GError) gst_error = NULL;
  g_autofree char *debug = NULL;
  g_autofree char *name = g_filename_display_name (self->path);
  GstObject *source = GST_MESSAGE_SRC (message);

  gst_message_parse_error (message, &gst_error, &debug);
  g_debug ("Playing %s: %s (%s)", self->path, gst_error->message, debug);

  if (self->sink != NULL && source != NULL
      && (source == GST_OBJECT (self->sink)
          || gst_object_has_as_ancestor (source, GST_OBJECT (self->sink))))
    return g_error_new (REXIAN_MEDIA_PLAYER_ERROR, REXIAN_MEDIA_PLAYER_ERROR_NO_DEVICE,
                        _("The speaker cannot be opened: %s"), gst_error->message);

  if (g_error_matches (gst_error, GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_NOT_FOUND))
    return g_error_new (REXIAN_MEDIA_PLAYER_ERROR, REXIAN_MEDIA_PLAYER_ERROR_NOT_FOUND,
                        _("The recording “%s” cannot be found. It may have been moved or "
                          "deleted, or no audio was received on the call."), name);

  if (g_error_matches (gst_error, GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_OPEN_READ)
      || g_error_matches (gst_error, GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_READ)
      || g_error_matches (gst_error, GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_NOT_AUTHORIZED))
    return g_error_new (REXIAN_MEDIA_PLAYER_ERROR, REXIAN_MEDIA_PLAYER_ERROR_UNREADABLE,
                        _("The recording “%s” cannot be read. Recordings can only be read "
                          "by the user who recorded them."), name);

  if (gst_error->domain == GST_STREAM_ERROR)
    return g_error_new (REXIAN_MEDIA_PLAYER_ERROR, REXIAN_MEDIA_PLAYER_ERROR_DAMAGED,
                        _("The recording “%s” is damaged or is not an audio file."), name);

  return g_error_new (REXIAN_MEDIA_PLAYER_ERROR, REXIAN_MEDIA_PLAYER_ERROR_FAILED,
                      _("The recording “%s” cannot be played: %s"), name,
                      gst_error->message);
}

static void
fail (RexianMediaPlayer *self,
      GError            *error)
{
  g_object_ref (self);
  to_stopped (self);
  g_signal_emit (self, signals[SIGNAL_ERROR], 0, error);
  g_object_unref (self);
}

static void
on_async_done (RexianMediaPlayer *self)
{
  self->prerolled = TRUE;
  self->seeking = FALSE;
  update_duration (self);

  /* A seek asked for before the file was open is made now; its own async-done will
   * come back here. */
  if (self->pending_seek >= 0)
    {
      gint64 position = self->pending_seek;

      self->pending_seek = -1;
      self->seeking = TRUE;
      push_op (self, GST_STATE_VOID_PENDING, position);
      return;
    }

  update_position (self);
  if (self->state == REXIAN_MEDIA_PLAYER_PLAYING)
    push_op (self, GST_STATE_PLAYING, 0);
}

static gboolean
on_bus_message (GstBus     *bus,
                GstMessage *message,
                gpointer    user_data)
{
  RexianMediaPlayer *self = user_data;

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_ERROR:
      {
        g_autoptr(GError) error = translate_error (self, message);

        fail (self, error);
        return G_SOURCE_REMOVE;
      }

    case GST_MESSAGE_EOS:
      g_object_ref (self);
      to_stopped (self);
      g_signal_emit (self, signals[SIGNAL_EOS], 0);
      g_object_unref (self);
      return G_SOURCE_REMOVE;

    case GST_MESSAGE_ASYNC_DONE:
      if (GST_MESSAGE_SRC (message) == GST_OBJECT (self->pipeline))
        on_async_done (self);
      break;

    case GST_MESSAGE_DURATION_CHANGED:
      update_duration (self);
      break;

    default:
      break;
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
ensure_pipeline (RexianMediaPlayer *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *chosen = NULL;
  const char *description;

  if (self->pipeline != NULL)
    return TRUE;

  rexian_media_ensure_gst_init ();

  uri = gst_filename_to_uri (self->path, &error);
  if (uri == NULL)
    {
      g_autoptr(GError) failure = NULL;

      failure = g_error_new (REXIAN_MEDIA_PLAYER_ERROR, REXIAN_MEDIA_PLAYER_ERROR_NOT_FOUND,
                             _("The recording “%s” cannot be found: %s"), self->path,
                             error->message);
      fail (self, failure);
      return FALSE;
    }

  /* The same speaker as a call's: the preferences, or the environment in tests. */
  description = chosen = rexian_media_dup_sink_description ();

  self->sink = gst_parse_bin_from_description_full (description, TRUE, NULL,
                                                    GST_PARSE_FLAG_FATAL_ERRORS, &parse_error);
  self->pipeline = gst_element_factory_make ("playbin", NULL);
  if (self->sink == NULL || self->pipeline == NULL)
    {
      g_autoptr(GError) failure = NULL;

      failure = g_error_new (REXIAN_MEDIA_PLAYER_ERROR, REXIAN_MEDIA_PLAYER_ERROR_NO_DEVICE,
                             _("The speaker “%s” cannot be used: %s"), description,
                             parse_error != NULL ? parse_error->message
                                                 : _("the GStreamer element “playbin” is "
                                                     "missing"));
      gst_clear_object (&self->sink);
      gst_clear_object (&self->pipeline);
      fail (self, failure);
      return FALSE;
    }

  gst_object_ref_sink (self->sink);
  gst_object_ref_sink (self->pipeline);
  /* A recording has no video or subtitles: none of their elements are made. */
  gst_util_set_object_arg (G_OBJECT (self->pipeline), "flags", "audio+soft-volume");
  g_object_set (self->pipeline, "uri", uri, "audio-sink", self->sink, NULL);

  bus = gst_element_get_bus (self->pipeline);
  self->bus_watch = gst_bus_add_watch (bus, on_bus_message, self);

  return TRUE;
}

/* Public API */

RexianMediaPlayer *
rexian_media_player_new (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_object_new (REXIAN_TYPE_MEDIA_PLAYER, "path", path, NULL);
}

const char *
rexian_media_player_get_path (RexianMediaPlayer *self)
{
  g_return_val_if_fail (REXIAN_IS_MEDIA_PLAYER (self), NULL);

  return self->path;
}

RexianMediaPlayerState
rexian_media_player_get_state (RexianMediaPlayer *self)
{
  g_return_val_if_fail (REXIAN_IS_MEDIA_PLAYER (self), REXIAN_MEDIA_PLAYER_STOPPED);

  return self->state;
}

gint64
rexian_media_player_get_position (RexianMediaPlayer *self)
{
  g_return_val_if_fail (REXIAN_IS_MEDIA_PLAYER (self), 0);

  return self->position;
}

gint64
rexian_media_player_get_duration (RexianMediaPlayer *self)
{
  g_return_val_if_fail (REXIAN_IS_MEDIA_PLAYER (self), -1);

  return self->duration;
}

void
rexian_media_player_play (RexianMediaPlayer *self)
{
  g_return_if_fail (REXIAN_IS_MEDIA_PLAYER (self));

  if (self->state == REXIAN_MEDIA_PLAYER_PLAYING)
    return;

  if (self->pipeline == NULL)
    {
      if (!ensure_pipeline (self))
        return;
      /* Prerolled first: a pending seek is made before a sound is played. */
      push_op (self, GST_STATE_PAUSED, 0);
    }
  else if (self->prerolled && self->pending_seek < 0)
    {
      push_op (self, GST_STATE_PLAYING, 0);
    }

  set_state (self, REXIAN_MEDIA_PLAYER_PLAYING);
  update_tick (self);
}

void
rexian_media_player_pause (RexianMediaPlayer *self)
{
  g_return_if_fail (REXIAN_IS_MEDIA_PLAYER (self));

  if (self->state != REXIAN_MEDIA_PLAYER_PLAYING)
    return;

  if (self->prerolled)
    push_op (self, GST_STATE_PAUSED, 0);

  set_state (self, REXIAN_MEDIA_PLAYER_PAUSED);
  update_tick (self);
  update_position (self);
}

void
rexian_media_player_stop (RexianMediaPlayer *self)
{
  g_return_if_fail (REXIAN_IS_MEDIA_PLAYER (self));

  to_stopped (self);
}

void
rexian_media_player_seek (RexianMediaPlayer *self,
                          gint64             position_ms)
{
  g_return_if_fail (REXIAN_IS_MEDIA_PLAYER (self));

  position_ms = MAX (position_ms, 0);
  if (self->duration >= 0)
    position_ms = MIN (position_ms, self->duration);

  if (self->pipeline == NULL)
    {
      if (!ensure_pipeline (self))
        return;
      push_op (self, GST_STATE_PAUSED, 0);
      set_state (self, REXIAN_MEDIA_PLAYER_PAUSED);
    }

  if (self->prerolled)
    {
      self->seeking = TRUE;
      push_op (self, GST_STATE_VOID_PENDING, position_ms);
    }
  else
    {
      self->pending_seek = position_ms;
    }

  set_position (self, position_ms);
}

/* GObject */

static void
rexian_media_player_dispose (GObject *object)
{
  RexianMediaPlayer *self = REXIAN_MEDIA_PLAYER (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  release_pipeline (self);

  G_OBJECT_CLASS (rexian_media_player_parent_class)->dispose (object);
}

static void
rexian_media_player_finalize (GObject *object)
{
  RexianMediaPlayer *self = REXIAN_MEDIA_PLAYER (object);

  /* The ops still queued run to the end (the last one closes the pipeline) without the
   * main loop waiting for them. */
  g_thread_pool_free (self->worker, FALSE, FALSE);
  g_free (self->path);

  G_OBJECT_CLASS (rexian_media_player_parent_class)->finalize (object);
}

static void
rexian_media_player_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RexianMediaPlayer *self = REXIAN_MEDIA_PLAYER (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_POSITION:
      g_value_set_int64 (value, self->position);
      break;
    case PROP_DURATION:
      g_value_set_int64 (value, self->duration);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_media_player_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RexianMediaPlayer *self = REXIAN_MEDIA_PLAYER (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_media_player_class_init (RexianMediaPlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rexian_media_player_dispose;
  object_class->finalize = rexian_media_player_finalize;
  object_class->get_property = rexian_media_player_get_property;
  object_class->set_property = rexian_media_player_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, REXIAN_TYPE_MEDIA_PLAYER_STATE,
                       REXIAN_MEDIA_PLAYER_STOPPED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_int64 ("position", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DURATION] =
    g_param_spec_int64 ("duration", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  signals[SIGNAL_EOS] =
    g_signal_new ("eos", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rexian_media_player_init (RexianMediaPlayer *self)
{
  self->duration = -1;
  self->pending_seek = -1;
  self->worker = g_thread_pool_new (run_op, NULL, 1, FALSE, NULL);
}
