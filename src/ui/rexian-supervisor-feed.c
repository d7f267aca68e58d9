/* rexian-supervisor-feed.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-supervisor-feed.h"

struct _RexianSupervisorFeed
{
  GObject              parent_instance;

  RexianStore         *store;
  RexianStatsSnapshot *snapshot;
  GCancellable        *cancellable;
  gint64               updated_at;
  char                *message;
  guint                interval;
  guint                timer_id;
  gulong               changed_id;
  gboolean             active;
  gboolean             stale;
  gboolean             reading;
  gboolean             again;      /* a change came while reading: read once more */
};

G_DEFINE_FINAL_TYPE (RexianSupervisorFeed, rexian_supervisor_feed, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STALE,
  PROP_MESSAGE,
  N_PROPS
};

enum {
  UPDATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_stale (RexianSupervisorFeed *self,
           gboolean              stale,
           const char           *message)
{
  if (g_strcmp0 (self->message, message) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }

  if (self->stale != stale)
    {
      self->stale = stale;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALE]);
    }
}

static void
on_snapshot (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RexianSupervisorFeed) self = user_data;
  g_autoptr(RexianStatsSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;

  snapshot = rexian_store_stats_snapshot_finish (REXIAN_STORE (object), result, &error);
  self->reading = FALSE;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (snapshot == NULL)
    {
      g_autofree char *message = NULL;

      g_debug ("Supervisor figures not read: %s", error->message);
      message = g_strdup_printf (_("The figures could not be read: %s"), error->message);
      set_stale (self, TRUE, message);
    }
  else
    {
      g_clear_pointer (&self->snapshot, rexian_stats_snapshot_free);
      self->snapshot = g_steal_pointer (&snapshot);
      self->updated_at = g_get_real_time () / G_USEC_PER_SEC;
      set_stale (self, FALSE, NULL);
      g_signal_emit (self, signals[UPDATED], 0);
    }

  if (self->again && self->active)
    {
      self->again = FALSE;
      rexian_supervisor_feed_refresh (self);
    }
}

void
rexian_supervisor_feed_refresh (RexianSupervisorFeed *self)
{
  g_return_if_fail (REXIAN_IS_SUPERVISOR_FEED (self));

  if (self->reading)
    {
      self->again = TRUE;
      return;
    }

  self->reading = TRUE;
  rexian_store_stats_snapshot_async (self->store, 0, self->cancellable, on_snapshot,
                                     g_object_ref (self));
}

static gboolean
on_timer (gpointer user_data)
{
  rexian_supervisor_feed_refresh (user_data);
  return G_SOURCE_CONTINUE;
}

static void
on_store_changed (RexianSupervisorFeed *self)
{
  if (self->active)
    rexian_supervisor_feed_refresh (self);
}

static void
restart_timer (RexianSupervisorFeed *self)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->active)
    self->timer_id = g_timeout_add_seconds (self->interval, on_timer, self);
}

static void
rexian_supervisor_feed_dispose (GObject *object)
{
  RexianSupervisorFeed *self = REXIAN_SUPERVISOR_FEED (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rexian_supervisor_feed_parent_class)->dispose (object);
}

static void
rexian_supervisor_feed_finalize (GObject *object)
{
  RexianSupervisorFeed *self = REXIAN_SUPERVISOR_FEED (object);

  g_clear_pointer (&self->snapshot, rexian_stats_snapshot_free);
  g_free (self->message);

  G_OBJECT_CLASS (rexian_supervisor_feed_parent_class)->finalize (object);
}

static void
rexian_supervisor_feed_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RexianSupervisorFeed *self = REXIAN_SUPERVISOR_FEED (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_STALE:
      g_value_set_boolean (value, self->stale);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_supervisor_feed_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  RexianSupervisorFeed *self = REXIAN_SUPERVISOR_FEED (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      self->changed_id = g_signal_connect_swapped (self->store, "changed",
                                                   G_CALLBACK (on_store_changed), self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_supervisor_feed_class_init (RexianSupervisorFeedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rexian_supervisor_feed_dispose;
  object_class->finalize = rexian_supervisor_feed_finalize;
  object_class->get_property = rexian_supervisor_feed_get_property;
  object_class->set_property = rexian_supervisor_feed_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, REXIAN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STALE] =
    g_param_spec_boolean ("stale", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rexian_supervisor_feed_init (RexianSupervisorFeed *self)
{
  self->cancellable = g_cancellable_new ();
  self->interval = 5;
}

RexianSupervisorFeed *
rexian_supervisor_feed_new (RexianStore *store)
{
  g_return_val_if_fail (REXIAN_IS_STORE (store), NULL);

  return g_object_new (REXIAN_TYPE_SUPERVISOR_FEED, "store", store, NULL);
}

RexianStore *
rexian_supervisor_feed_get_store (RexianSupervisorFeed *self)
{
  g_return_val_if_fail (REXIAN_IS_SUPERVISOR_FEED (self), NULL);

  return self->store;
}

RexianStatsSnapshot *
rexian_supervisor_feed_get_snapshot (RexianSupervisorFeed *self)
{
  g_return_val_if_fail (REXIAN_IS_SUPERVISOR_FEED (self), NULL);

  return self->snapshot;
}

gint64
rexian_supervisor_feed_get_updated_at (RexianSupervisorFeed *self)
{
  g_return_val_if_fail (REXIAN_IS_SUPERVISOR_FEED (self), 0);

  return self->updated_at;
}

gboolean
rexian_supervisor_feed_get_stale (RexianSupervisorFeed *self)
{
  g_return_val_if_fail (REXIAN_IS_SUPERVISOR_FEED (self), FALSE);

  return self->stale;
}

const char *
rexian_supervisor_feed_get_message (RexianSupervisorFeed *self)
{
  g_return_val_if_fail (REXIAN_IS_SUPERVISOR_FEED (self), NULL);

  return self->message;
}

void
rexian_supervisor_feed_set_interval (RexianSupervisorFeed *self,
                                     guint                 seconds)
{
  g_return_if_fail (REXIAN_IS_SUPERVISOR_FEED (self));

  self->interval = MAX (seconds, 1);
  restart_timer (self);
}

void
rexian_supervisor_feed_set_active (RexianSupervisorFeed *self,
                                   gboolean              active)
{
  g_return_if_fail (REXIAN_IS_SUPERVISOR_FEED (self));

  active = !!active;
  if (self->active == active)
    return;

  self->active = active;
  restart_timer (self);
  if (active)
    rexian_supervisor_feed_refresh (self);
}
