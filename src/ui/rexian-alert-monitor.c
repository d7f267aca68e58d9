/* rexian-alert-monitor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-alert-monitor.h"
#include "rexian-store-supervision.h"

/* When many orders turn at once (the first minute of a working day), the counts say how
 * many; only the most urgent few are announced one by one, not a flood of toasts. */
#define MAX_TURNED 3
#define CHECK_INTERVAL_SECONDS 60

struct _RexianAlertMonitor
{
  GObject       parent_instance;

  RexianStore  *store;
  GHashTable   *colors;   /* order id (gint64 *) -> RexianDeadlineColor */
  guint         n_red;
  guint         n_yellow;
  guint         timeout_id;
  gboolean      primed;
  /* The automatic supervision pass runs on the store's worker thread, one at a time;
   * a backlog stops between shares once the monitor goes. */
  gboolean      supervising;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (RexianAlertMonitor, rexian_alert_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_RED,
  PROP_N_YELLOW,
  N_PROPS
};

enum {
  TURNED,
  SUPERVISED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GArray *
ids_of_color (RexianAlertMonitor  *self,
              RexianDeadlineColor  color,
              gint64               now,
              GError             **error)
{
  g_autoptr(RexianOrderQuery) query = rexian_order_query_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) versions = g_array_new (FALSE, FALSE, sizeof (gint64));

  query->color = color;
  if (!rexian_store_query_order_keys (self->store, query, now, ids, versions, error))
    return NULL;

  return g_steal_pointer (&ids);
}

void
rexian_alert_monitor_check_at (RexianAlertMonitor *self,
                               gint64              now)
{
  g_autoptr(GArray) red = NULL;
  g_autoptr(GArray) yellow = NULL;
  g_autoptr(GArray) turned = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) colors = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (REXIAN_IS_ALERT_MONITOR (self));

  if (rexian_store_get_calendar (self->store) == NULL)
    return;

  /* Only ids are read, in board order (emergencies and the most overdue first), so a
   * check stays cheap with tens of thousands of orders at risk. */
  red = ids_of_color (self, REXIAN_DEADLINE_RED, now, &error);
  if (red != NULL)
    yellow = ids_of_color (self, REXIAN_DEADLINE_YELLOW, now, &error);
  if (red == NULL || yellow == NULL)
    {
      /* A locked database is transient: keep what we knew and try at the next tick. */
      g_debug ("Could not read the deadline alerts: %s", error->message);
      return;
    }

  colors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint pass = 0; pass < 2; pass++)
    {
      GArray *ids = pass == 0 ? red : yellow;
      RexianDeadlineColor color = pass == 0 ? REXIAN_DEADLINE_RED : REXIAN_DEADLINE_YELLOW;

      for (guint i = 0; i < ids->len; i++)
        {
          gint64 id = g_array_index (ids, gint64, i);
          gpointer before = self->primed ? g_hash_table_lookup (self->colors, &id) : NULL;

          g_hash_table_insert (colors, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (color));

          if (self->primed && (before == NULL || GPOINTER_TO_INT (before) < (int) color)
              && turned->len < MAX_TURNED)
            g_array_append_val (turned, id);
        }
    }

  g_clear_pointer (&self->colors, g_hash_table_unref);
  self->colors = g_steal_pointer (&colors);
  self->primed = TRUE;

  if (turned->len > 0)
    {
      g_autoptr(GPtrArray) orders = NULL;

      orders = rexian_store_get_orders_by_ids (self->store,
                                               (const gint64 *) (gpointer) turned->data,
                                               turned->len, NULL);
      for (guint i = 0; orders != NULL && i < orders->len; i++)
        {
          RexianWorkOrder *order = g_ptr_array_index (orders, i);
          gint64 id = rexian_work_order_get_id (order);

          if (id != 0)
            g_signal_emit (self, signals[TURNED], 0, order,
                           GPOINTER_TO_INT (g_hash_table_lookup (self->colors, &id)));
        }
    }

  if (self->n_red != red->len)
    {
      self->n_red = red->len;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RED]);
    }
  if (self->n_yellow != yellow->len)
    {
      self->n_yellow = yellow->len;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_YELLOW]);
    }
}

static void
check_now (RexianAlertMonitor *self)
{
  rexian_alert_monitor_check_at (self, g_get_real_time () / G_USEC_PER_SEC);
}

static void
on_supervised (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(RexianAlertMonitor) self = g_weak_ref_get (ref);
  g_autoptr(GError) error = NULL;
  guint count = 0;
  gboolean ok;

  g_weak_ref_clear (ref);
  g_free (ref);
  ok = rexian_store_supervise_causes_finish (REXIAN_STORE (object), result, &count, &error);
  if (self == NULL)
    return;

  self->supervising = FALSE;
  /* A locked database is transient: the next minute tries again. */
  if (!ok)
    g_debug ("The automatic supervision did not run: %s", error->message);
  else if (count > 0)
    {
      g_debug ("%u supervision records made", count);
      g_signal_emit (self, signals[SUPERVISED], 0, count);
    }
}

/* The automatic supervision (督办) of the standard's five cases, recorded as the
 * settings say: the method, the person responsible, and the early warning's clusters
 * as concentrated requests. */
static void
supervise_now (RexianAlertMonitor *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *method = NULL;
  g_autofree char *responsible = NULL;
  RexianSupervisionPolicy policy;
  GWeakRef *ref;

  if (self->supervising || rexian_store_is_read_only (self->store))
    return;

  rexian_supervision_policy_init_default (&policy);
  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID,
                                            TRUE);
  if (schema != NULL)
    {
      settings = g_settings_new (APP_ID);
      method = g_settings_get_string (settings, "supervision-default-method");
      rexian_supervise_method_from_string (method, &policy.method);
      responsible = g_settings_get_string (settings, "supervision-responsible");
      policy.cluster_threshold = (guint) g_settings_get_int (settings, "early-warning-threshold");
      policy.cluster_days = (guint) g_settings_get_int (settings, "early-warning-days");
    }
  policy.responsible = responsible != NULL && responsible[0] != '\0' ? responsible
                                                                     : _("Supervision office");

  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  self->supervising = TRUE;
  rexian_store_supervise_causes_async (self->store, &policy, self->cancellable, on_supervised,
                                       ref);
}

static gboolean
on_timeout (gpointer user_data)
{
  check_now (user_data);
  supervise_now (user_data);
  return G_SOURCE_CONTINUE;
}

static void
rexian_alert_monitor_dispose (GObject *object)
{
  RexianAlertMonitor *self = (RexianAlertMonitor *) object;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rexian_alert_monitor_parent_class)->dispose (object);
}

static void
rexian_alert_monitor_finalize (GObject *object)
{
  RexianAlertMonitor *self = (RexianAlertMonitor *) object;

  g_clear_pointer (&self->colors, g_hash_table_unref);

  G_OBJECT_CLASS (rexian_alert_monitor_parent_class)->finalize (object);
}

static void
rexian_alert_monitor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RexianAlertMonitor *self = REXIAN_ALERT_MONITOR (object);

  switch (prop_id)
    {
    case PROP_N_RED:
      g_value_set_uint (value, self->n_red);
      break;

    case PROP_N_YELLOW:
      g_value_set_uint (value, self->n_yellow);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_alert_monitor_class_init (RexianAlertMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rexian_alert_monitor_dispose;
  object_class->finalize = rexian_alert_monitor_finalize;
  object_class->get_property = rexian_alert_monitor_get_property;

  properties[PROP_N_RED] =
    g_param_spec_uint ("n-red", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_YELLOW] =
    g_param_spec_uint ("n-yellow", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[TURNED] =
    g_signal_new ("turned", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, REXIAN_TYPE_WORK_ORDER, G_TYPE_INT);
  signals[SUPERVISED] =
    g_signal_new ("supervised", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
rexian_alert_monitor_init (RexianAlertMonitor *self)
{
  self->colors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
}

RexianAlertMonitor *
rexian_alert_monitor_new (RexianStore *store)
{
  RexianAlertMonitor *self;

  g_return_val_if_fail (REXIAN_IS_STORE (store), NULL);

  self = g_object_new (REXIAN_TYPE_ALERT_MONITOR, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_swapped (store, "changed", G_CALLBACK (check_now), self);
  self->timeout_id = g_timeout_add_seconds (CHECK_INTERVAL_SECONDS, on_timeout, self);
  check_now (self);
  supervise_now (self);

  return self;
}

guint
rexian_alert_monitor_get_n_red (RexianAlertMonitor *self)
{
  g_return_val_if_fail (REXIAN_IS_ALERT_MONITOR (self), 0);

  return self->n_red;
}

guint
rexian_alert_monitor_get_n_yellow (RexianAlertMonitor *self)
{
  g_return_val_if_fail (REXIAN_IS_ALERT_MONITOR (self), 0);

  return self->n_yellow;
}
