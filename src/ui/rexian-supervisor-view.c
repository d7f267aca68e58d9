/* rexian-supervisor-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "rexian-bar-chart.h"
#include "rexian-figure-tile.h"
#include "rexian-ui-util.h"
#include "rexian-order-query.h"
#include "rexian-store-calls.h"
#include "rexian-supervisor-drilldown.h"
#include "rexian-supervisor-view.h"
#include "rexian-warning-list.h"

/* How many rows a drill-down lists: enough to see what went wrong, few enough to read
 * at once. */
#define DRILLDOWN_LIMIT 200

struct _RexianSupervisorView
{
  GtkWidget             parent_instance;

  GtkWidget            *root;
  GtkRevealer          *stale_revealer;
  GtkLabel             *stale_label;
  GtkLabel             *updated_label;
  GtkFlowBox           *now_box;
  GtkListBox           *waiting_list;
  GtkListBox           *agents_list;
  GtkLabel             *today_label;
  GtkFlowBox           *today_box;
  RexianBarChart       *hour_chart;
  RexianBarChart       *wait_chart;
  GtkFlowBox           *last_24h_box;
  RexianWarningList    *warning_list;

  RexianSupervisorFeed *feed;
  gulong                updated_id;
  gulong                stale_id;
  GHashTable           *tiles;       /* name → RexianFigureTile */
  RexianThresholds      thresholds;
  GSettings            *settings;
  guint                 tick_id;
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (RexianSupervisorView, rexian_supervisor_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FEED,
  N_PROPS
};

enum {
  OPEN_ORDER,
  SHOW_VIEW,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The "now" figures, which are no measure of a period. */
typedef enum
{
  NOW_WAITING,
  NOW_LONGEST_WAIT,
  NOW_AVAILABLE,
  NOW_ON_CALL,
  NOW_WRAP_UP,
  NOW_AWAY,
  NOW_CALLBACKS,
  NOW_YELLOW,
  NOW_RED,
  NOW_SUPERVISED,
  NOW_EMERGENCY,
  N_NOW_FIGURES
} NowFigure;

typedef struct
{
  const char *name;
  const char *title;
  const char *formula;
} NowSpec;

static const NowSpec now_specs[N_NOW_FIGURES] = {
  [NOW_WAITING] = { "now-waiting", N_("Callers waiting"),
                    N_("offered, not yet answered or ended") },
  [NOW_LONGEST_WAIT] = { "now-longest-wait", N_("Longest wait now"),
                         N_("now − offered, of the longest-waiting caller") },
  [NOW_AVAILABLE] = { "now-available", N_("Agents available"), N_("signed in and free") },
  [NOW_ON_CALL] = { "now-on-call", N_("Agents on a call"), N_("talking to a caller") },
  [NOW_WRAP_UP] = { "now-wrap-up", N_("Agents in wrap-up"), N_("after-call work") },
  [NOW_AWAY] = { "now-away", N_("Agents away"), N_("signed in, not taking calls") },
  [NOW_CALLBACKS] = { "now-callbacks", N_("Missed calls to call back"),
                      N_("abandoned calls whose call-back is pending") },
  [NOW_YELLOW] = { "now-yellow", N_("Orders due soon"),
                   N_("open orders inside the alert time of their deadline") },
  [NOW_RED] = { "now-red", N_("Overdue orders"), N_("open orders past their deadline") },
  [NOW_SUPERVISED] = { "now-supervised", N_("Supervised orders"),
                       N_("open orders under supervision (督办)") },
  [NOW_EMERGENCY] = { "now-emergency", N_("Emergency orders"),
                      N_("open orders marked as emergency") },
};

/* The measures of a period, and the calls a click on each lists. */
typedef struct
{
  RexianMeasure     measure;
  gboolean          calls;      /* a call measure, else an order measure */
  int               filter;     /* a RexianCallFilter or RexianOrderFilter */
  const char       *list_title;
} PeriodSpec;

static const PeriodSpec period_specs[] = {
  { REXIAN_MEASURE_OFFERED, TRUE, REXIAN_CALL_FILTER_OFFERED, N_("Calls offered") },
  { REXIAN_MEASURE_ANSWERED, TRUE, REXIAN_CALL_FILTER_ANSWERED, N_("Calls answered") },
  { REXIAN_MEASURE_ABANDONED, TRUE, REXIAN_CALL_FILTER_ABANDONED, N_("Calls abandoned") },
  { REXIAN_MEASURE_COMPLETION_RATE, TRUE, REXIAN_CALL_FILTER_ABANDONED,
    N_("Calls not answered") },
  { REXIAN_MEASURE_SERVICE_LEVEL, TRUE, REXIAN_CALL_FILTER_ANSWERED_LATE,
    N_("Calls answered after 15 s") },
  { REXIAN_MEASURE_SERVICE_LEVEL_2, TRUE, REXIAN_CALL_FILTER_ABANDONED_LATE,
    N_("Calls abandoned after waiting over 15 s") },
  { REXIAN_MEASURE_ASA, TRUE, REXIAN_CALL_FILTER_ANSWERED_LATE,
    N_("Calls answered after 15 s") },
  { REXIAN_MEASURE_ABANDON_RATE, TRUE, REXIAN_CALL_FILTER_ABANDONED,
    N_("Calls abandoned") },
};

static const PeriodSpec order_specs[] = {
  { REXIAN_MEASURE_DIRECT_ANSWER_RATE, FALSE, REXIAN_ORDER_FILTER_CLOSED_AT_INTAKE,
    N_("Orders closed at intake") },
  { REXIAN_MEASURE_ON_TIME_COMPLETION, FALSE, REXIAN_ORDER_FILTER_COMPLETED_LATE,
    N_("Orders completed late") },
};

/* Formatting */

static char *
format_duration (gint64 seconds)
{
  if (seconds < 60)
    return g_strdup_printf (_("%d s"), (int) seconds);
  if (seconds < 3600)
    return g_strdup_printf (_("%d min %02d s"), (int) (seconds / 60), (int) (seconds % 60));
  return g_strdup_printf (_("%d h %02d min"), (int) (seconds / 3600),
                          (int) (seconds % 3600 / 60));
}

static void
remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
new_placeholder_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

/* Tiles */

static RexianFigureTile *
get_tile (RexianSupervisorView *self,
          const char           *name)
{
  return g_hash_table_lookup (self->tiles, name);
}

static void
on_tile_activate (RexianFigureTile *tile,
                  gpointer          user_data);

static GtkWidget *
add_tile (RexianSupervisorView *self,
          GtkFlowBox           *box,
          const char           *name,
          const char           *title,
          const char           *formula)
{
  GtkWidget *tile = rexian_figure_tile_new (title);

  rexian_figure_tile_set_formula (REXIAN_FIGURE_TILE (tile), formula);
  g_object_set_data_full (G_OBJECT (tile), "figure-name", g_strdup (name), g_free);
  g_signal_connect (tile, "activate", G_CALLBACK (on_tile_activate), self);
  gtk_flow_box_append (box, tile);
  /* The flow box child is only a frame: the tile's own button takes the focus. */
  gtk_widget_set_focusable (gtk_widget_get_parent (tile), FALSE);
  g_hash_table_insert (self->tiles, g_strdup (name), tile);

  return tile;
}

static void
add_period_tiles (RexianSupervisorView *self,
                  GtkFlowBox           *box,
                  const char           *prefix,
                  const PeriodSpec     *specs,
                  guint                 n_specs)
{
  for (guint i = 0; i < n_specs; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s", prefix,
                                               rexian_measure_to_string (specs[i].measure));
      GtkWidget *tile = add_tile (self, box, name, rexian_measure_get_name (specs[i].measure),
                                  rexian_measure_get_formula (specs[i].measure));

      g_object_set_data (G_OBJECT (tile), "period-spec", (gpointer) &specs[i]);
      g_object_set_data (G_OBJECT (tile), "period-prefix", (gpointer) prefix);
    }
}

static void
set_figure (RexianFigureTile         *tile,
            RexianMeasure             measure,
            const RexianThresholds   *thresholds,
            const RexianMeasureValue *value)
{
  g_autofree char *text = rexian_measure_format_value (measure, value);

  rexian_figure_tile_set_value (tile, text);
  /* RexianLevel and RexianFigureLevel name the same four levels in the same order; a
   * count has no threshold of its own. */
  rexian_figure_tile_set_level (tile, rexian_measure_get_kind (measure) == REXIAN_MEASURE_KIND_COUNT
                                      || isnan (thresholds->bad[measure])
                                      ? REXIAN_FIGURE_LEVEL_NONE
                                      : (RexianFigureLevel) rexian_thresholds_get_level (thresholds,
                                                                                       measure,
                                                                                       value));
  rexian_figure_tile_set_activatable (tile, value->defined && (measure == REXIAN_MEASURE_ASA ||
                                                               value->numerator > 0 ||
                                                               value->denominator > 0));
}

static void
update_period_tiles (RexianSupervisorView   *self,
                     const char             *prefix,
                     const RexianCallStats  *calls,
                     const RexianOrderStats *orders)
{
  for (guint i = 0; i < G_N_ELEMENTS (period_specs); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s", prefix,
                                               rexian_measure_to_string (period_specs[i].measure));
      RexianMeasureValue value = rexian_call_stats_get (calls, period_specs[i].measure);

      set_figure (get_tile (self, name), period_specs[i].measure, &self->thresholds, &value);
    }

  for (guint i = 0; orders != NULL && i < G_N_ELEMENTS (order_specs); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s", prefix,
                                               rexian_measure_to_string (order_specs[i].measure));
      RexianMeasureValue value = rexian_order_stats_get (orders, order_specs[i].measure);

      set_figure (get_tile (self, name), order_specs[i].measure, &self->thresholds, &value);
    }
}

static void
set_count (RexianSupervisorView *self,
           NowFigure             figure,
           guint                 count,
           RexianFigureLevel     level,
           gboolean              activatable)
{
  RexianFigureTile *tile = get_tile (self, now_specs[figure].name);
  g_autofree char *text = g_strdup_printf ("%u", count);

  rexian_figure_tile_set_value (tile, text);
  rexian_figure_tile_set_level (tile, level);
  rexian_figure_tile_set_activatable (tile, activatable && count > 0);
}

/* The figures that run on between two reads: waits and times in status. */
static gint64
seconds_since_read (RexianSupervisorView *self)
{
  RexianStatsSnapshot *snapshot = rexian_supervisor_feed_get_snapshot (self->feed);

  if (snapshot == NULL)
    return 0;

  return MAX (0, g_get_real_time () / G_USEC_PER_SEC - snapshot->now->at);
}

static void
update_running (RexianSupervisorView *self)
{
  RexianStatsSnapshot *snapshot = rexian_supervisor_feed_get_snapshot (self->feed);
  gint64 since = seconds_since_read (self);
  RexianStatsNow *now;
  gint64 longest;

  if (snapshot == NULL)
    return;

  now = snapshot->now;
  longest = now->waiting->len > 0 ? now->longest_wait + since : 0;

  {
    RexianFigureTile *tile = get_tile (self, now_specs[NOW_LONGEST_WAIT].name);
    g_autofree char *text = now->waiting->len > 0 ? format_duration (longest) : g_strdup ("—");

    rexian_figure_tile_set_value (tile, text);
    rexian_figure_tile_set_level (tile, now->waiting->len == 0 ? REXIAN_FIGURE_LEVEL_NONE
                                        : longest <= REXIAN_SERVICE_SECONDS
                                        ? REXIAN_FIGURE_LEVEL_OK : REXIAN_FIGURE_LEVEL_BAD);
  }

  remove_all_rows (self->waiting_list);
  if (now->waiting->len == 0)
    gtk_list_box_append (self->waiting_list, new_placeholder_row (_("Nobody is waiting")));
  for (guint i = 0; i < now->waiting->len; i++)
    {
      RexianWaitingCall *call = g_ptr_array_index (now->waiting, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *wait = format_duration (call->wait + since);
      g_autofree char *offered = rexian_format_clock_time (call->offered_at);
      g_autofree char *subtitle = g_strdup_printf (_("Waiting since %s"), offered);
      GtkWidget *label = gtk_label_new (wait);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     call->remote_number != NULL && *call->remote_number
                                     ? call->remote_number : _("Unknown number"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (label, "numeric");
      if (call->wait + since > REXIAN_SERVICE_SECONDS)
        gtk_widget_add_css_class (label, "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_list_box_append (self->waiting_list, row);
    }

  remove_all_rows (self->agents_list);
  if (now->agents->len == 0)
    gtk_list_box_append (self->agents_list, new_placeholder_row (_("No agents")));
  for (guint i = 0; i < now->agents->len; i++)
    {
      RexianAgentNow *agent = g_ptr_array_index (now->agents, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf ("%s %s", agent->agent_no, agent->name);
      g_autofree char *in_status = agent->since > 0
                                   ? format_duration (agent->seconds_in_status + since)
                                   : g_strdup ("");
      g_autoptr(GString) subtitle = g_string_new (rexian_agent_status_get_label (agent->status));
      GtkWidget *label = gtk_label_new (in_status);

      if (agent->reason != NULL && *agent->reason)
        g_string_append_printf (subtitle, " · %s", agent->reason);
      if (agent->call_id != 0 && agent->call_number != NULL)
        {
          g_autofree char *talk = format_duration (MAX (0, now->at + since -
                                                           agent->call_started_at));

          /* TRANSLATORS: the agent's current call: the number and how long it lasts. */
          g_string_append_printf (subtitle, _(" · with %s for %s"), agent->call_number, talk);
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_list_box_append (self->agents_list, row);
    }

  {
    g_autofree char *time = rexian_format_clock_time (rexian_supervisor_feed_get_updated_at (self->feed));
    g_autofree char *text = g_strdup_printf (_("Updated at %s"), time);

    gtk_label_set_text (self->updated_label, text);
  }
}

static void
update_charts (RexianSupervisorView *self,
               RexianStatsSnapshot  *snapshot)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  rexian_bar_chart_set_calls_per_hour (self->hour_chart, &snapshot->today,
                                       snapshot->today_hours);

  for (guint i = 0; i < REXIAN_N_WAIT_BUCKETS; i++)
    {
      double n = snapshot->today_calls.answered_waits[i] + snapshot->today_calls.abandoned_waits[i];

      g_ptr_array_add (labels, g_strdup (rexian_wait_bucket_get_label (i)));
      g_array_append_val (values, n);
    }
  rexian_bar_chart_set_data (self->wait_chart, (const char * const *) labels->pdata,
                             (const double *) values->data, values->len);
  /* The buckets past 15 s miss the standard's answer time. */
  rexian_bar_chart_set_alert_from (self->wait_chart, rexian_wait_bucket (REXIAN_SERVICE_SECONDS + 1));
}

static void
on_feed_updated (RexianSupervisorView *self)
{
  RexianStatsSnapshot *snapshot = rexian_supervisor_feed_get_snapshot (self->feed);
  RexianStatsNow *now;
  g_autofree char *today = NULL;
  g_autofree char *today_title = NULL;

  if (snapshot == NULL)
    return;

  now = snapshot->now;
  set_count (self, NOW_WAITING, now->waiting->len,
             now->waiting->len == 0 ? REXIAN_FIGURE_LEVEL_OK
             : now->longest_wait > REXIAN_SERVICE_SECONDS ? REXIAN_FIGURE_LEVEL_BAD
             : REXIAN_FIGURE_LEVEL_WARNING, FALSE);
  set_count (self, NOW_AVAILABLE, now->agents_by_status[REXIAN_AGENT_AVAILABLE],
             REXIAN_FIGURE_LEVEL_NONE, FALSE);
  set_count (self, NOW_ON_CALL, now->agents_by_status[REXIAN_AGENT_ON_CALL],
             REXIAN_FIGURE_LEVEL_NONE, FALSE);
  set_count (self, NOW_WRAP_UP, now->agents_by_status[REXIAN_AGENT_WRAP_UP],
             REXIAN_FIGURE_LEVEL_NONE, FALSE);
  set_count (self, NOW_AWAY, now->agents_by_status[REXIAN_AGENT_AWAY],
             REXIAN_FIGURE_LEVEL_NONE, FALSE);
  set_count (self, NOW_CALLBACKS, now->callbacks_pending,
             now->callbacks_pending > 0 ? REXIAN_FIGURE_LEVEL_WARNING : REXIAN_FIGURE_LEVEL_OK,
             TRUE);
  set_count (self, NOW_YELLOW, now->orders_yellow,
             now->orders_yellow > 0 ? REXIAN_FIGURE_LEVEL_WARNING : REXIAN_FIGURE_LEVEL_OK, TRUE);
  set_count (self, NOW_RED, now->orders_red,
             now->orders_red > 0 ? REXIAN_FIGURE_LEVEL_BAD : REXIAN_FIGURE_LEVEL_OK, TRUE);
  set_count (self, NOW_SUPERVISED, now->orders_supervised, REXIAN_FIGURE_LEVEL_NONE, TRUE);
  set_count (self, NOW_EMERGENCY, now->orders_emergency,
             now->orders_emergency > 0 ? REXIAN_FIGURE_LEVEL_WARNING : REXIAN_FIGURE_LEVEL_NONE,
             TRUE);
  if (!now->colours_known)
    {
      rexian_figure_tile_set_value (get_tile (self, now_specs[NOW_YELLOW].name), "—");
      rexian_figure_tile_set_value (get_tile (self, now_specs[NOW_RED].name), "—");
    }

  today = rexian_period_format (&snapshot->today);
  today_title = g_strdup_printf (_("Today, %s"), today);
  gtk_label_set_text (self->today_label, today_title);
  update_period_tiles (self, "today", &snapshot->today_calls, &snapshot->today_orders);
  update_period_tiles (self, "last-24h", &snapshot->last_24h_calls, NULL);
  update_charts (self, snapshot);
  update_running (self);
}

static void
on_feed_stale (RexianSupervisorView *self)
{
  gboolean stale = rexian_supervisor_feed_get_stale (self->feed);

  if (stale)
    {
      g_autofree char *time = rexian_format_clock_time (rexian_supervisor_feed_get_updated_at (self->feed));
      g_autofree char *text = NULL;

      text = rexian_supervisor_feed_get_updated_at (self->feed) > 0
             ? g_strdup_printf (_("These figures are from %s. %s"), time,
                                rexian_supervisor_feed_get_message (self->feed))
             : g_strdup (rexian_supervisor_feed_get_message (self->feed));
      gtk_label_set_text (self->stale_label, text);
    }
  gtk_revealer_set_reveal_child (self->stale_revealer, stale);
}

/* Drill-down */

typedef struct
{
  RexianSupervisorView *self;
  char                 *title;
  gboolean              calls;
} DrillRequest;

static void
drill_request_free (DrillRequest *request)
{
  g_object_unref (request->self);
  g_free (request->title);
  g_free (request);
}

static void
on_open_order (RexianSupervisorView *self,
               RexianWorkOrder      *order)
{
  g_signal_emit (self, signals[OPEN_ORDER], 0, order);
}

static void
on_drill_rows (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  DrillRequest *request = user_data;
  RexianSupervisorView *self = request->self;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window;

  items = rexian_store_get_rows_by_ids_finish (REXIAN_STORE (object), result, &error);
  if (items == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Drill-down failed: %s", error->message);
      drill_request_free (request);
      return;
    }

  window = rexian_supervisor_drilldown_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                            request->title, request->calls, items);
  g_signal_connect_object (window, "open-order", G_CALLBACK (on_open_order), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
  drill_request_free (request);
}

/* The rows behind the ids are read on the worker thread too. */
static void
drill_read_rows (DrillRequest *request,
                 RexianStore  *store,
                 GArray       *ids)
{
  GCancellable *cancellable = request->self->cancellable;

  if (request->calls)
    rexian_store_get_calls_by_ids_async (store, ids, cancellable, on_drill_rows, request);
  else
    rexian_store_get_orders_by_ids_async (store, ids, cancellable, on_drill_rows, request);
}

static void
on_drill_ids (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  DrillRequest *request = user_data;
  RexianStore *store = REXIAN_STORE (object);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  ids = rexian_store_stats_list_finish (store, result, &error);
  if (ids == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Drill-down failed: %s", error->message);
      drill_request_free (request);
      return;
    }

  drill_read_rows (request, store, ids);
}

static void
on_tile_activate (RexianFigureTile *tile,
                  gpointer          user_data)
{
  RexianSupervisorView *self = user_data;
  RexianStatsSnapshot *snapshot = rexian_supervisor_feed_get_snapshot (self->feed);
  RexianStore *store = rexian_supervisor_feed_get_store (self->feed);
  const char *name = g_object_get_data (G_OBJECT (tile), "figure-name");
  const PeriodSpec *spec = g_object_get_data (G_OBJECT (tile), "period-spec");
  const char *prefix = g_object_get_data (G_OBJECT (tile), "period-prefix");
  DrillRequest *request;

  if (snapshot == NULL)
    return;

  if (g_str_equal (name, now_specs[NOW_CALLBACKS].name))
    {
      g_signal_emit (self, signals[SHOW_VIEW], 0, "calls");
      return;
    }
  if (g_str_equal (name, now_specs[NOW_YELLOW].name) ||
      g_str_equal (name, now_specs[NOW_RED].name))
    {
      g_signal_emit (self, signals[SHOW_VIEW], 0, "alerts");
      return;
    }

  request = g_new0 (DrillRequest, 1);
  request->self = g_object_ref (self);

  if (g_str_equal (name, now_specs[NOW_SUPERVISED].name) ||
      g_str_equal (name, now_specs[NOW_EMERGENCY].name))
    {
      gboolean supervised = g_str_equal (name, now_specs[NOW_SUPERVISED].name);

      request->title = g_strdup (supervised ? _("Supervised orders")
                                            : _("Emergency orders"));
      rexian_store_stats_list_orders_async (store, &snapshot->today, snapshot->now->at,
                                            supervised ? REXIAN_ORDER_FILTER_OPEN_SUPERVISED
                                                       : REXIAN_ORDER_FILTER_OPEN_EMERGENCY,
                                            0, DRILLDOWN_LIMIT, self->cancellable,
                                            on_drill_ids, request);
      return;
    }

  g_return_if_fail (spec != NULL && prefix != NULL);

  {
    const RexianPeriod *period = g_str_equal (prefix, "today") ? &snapshot->today
                                                               : &snapshot->last_24h;
    g_autofree char *period_text = rexian_period_format (period);

    request->calls = spec->calls;
    /* TRANSLATORS: a drill-down list's title: what it lists, and the period. */
    request->title = g_strdup_printf (_("%s, %s"), _(spec->list_title),
                                      g_str_equal (prefix, "today") ? period_text
                                                                    : _("last 24 hours"));
    if (spec->calls)
      rexian_store_stats_list_calls_async (store, period, spec->filter, DRILLDOWN_LIMIT,
                                           self->cancellable, on_drill_ids, request);
    else
      rexian_store_stats_list_orders_async (store, period, snapshot->now->at, spec->filter, 0,
                                            DRILLDOWN_LIMIT, self->cancellable, on_drill_ids,
                                            request);
  }
}

static void
on_open_cluster (RexianSupervisorView *self,
                 const char           *title,
                 GArray               *ids)
{
  DrillRequest *request = g_new0 (DrillRequest, 1);

  request->self = g_object_ref (self);
  request->title = g_strdup (title);
  drill_read_rows (request, rexian_supervisor_feed_get_store (self->feed), ids);
}

/* Life cycle */

static gboolean
on_tick (gpointer user_data)
{
  update_running (user_data);
  return G_SOURCE_CONTINUE;
}

static void
rexian_supervisor_view_map (GtkWidget *widget)
{
  RexianSupervisorView *self = REXIAN_SUPERVISOR_VIEW (widget);

  GTK_WIDGET_CLASS (rexian_supervisor_view_parent_class)->map (widget);

  if (self->feed != NULL)
    rexian_supervisor_feed_set_active (self->feed, TRUE);
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (1, on_tick, self);
}

static void
rexian_supervisor_view_unmap (GtkWidget *widget)
{
  RexianSupervisorView *self = REXIAN_SUPERVISOR_VIEW (widget);

  /* Nobody looks: no reads and no ticks. */
  if (self->feed != NULL)
    rexian_supervisor_feed_set_active (self->feed, FALSE);
  g_clear_handle_id (&self->tick_id, g_source_remove);

  GTK_WIDGET_CLASS (rexian_supervisor_view_parent_class)->unmap (widget);
}

static void
on_thresholds_changed (RexianSupervisorView *self)
{
  rexian_thresholds_load (&self->thresholds, self->settings);
  if (self->feed != NULL)
    on_feed_updated (self);
}

static void
rexian_supervisor_view_dispose (GObject *object)
{
  RexianSupervisorView *self = REXIAN_SUPERVISOR_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  rexian_supervisor_view_set_feed (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), REXIAN_TYPE_SUPERVISOR_VIEW);
  /* The template's outer box has no id, so dispose_template() leaves it. */
  g_clear_pointer (&self->root, gtk_widget_unparent);
  g_clear_pointer (&self->tiles, g_hash_table_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rexian_supervisor_view_parent_class)->dispose (object);
}

static void
rexian_supervisor_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RexianSupervisorView *self = REXIAN_SUPERVISOR_VIEW (object);

  switch (prop_id)
    {
    case PROP_FEED:
      g_value_set_object (value, self->feed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_supervisor_view_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  RexianSupervisorView *self = REXIAN_SUPERVISOR_VIEW (object);

  switch (prop_id)
    {
    case PROP_FEED:
      rexian_supervisor_view_set_feed (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_supervisor_view_class_init (RexianSupervisorViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rexian_supervisor_view_dispose;
  object_class->get_property = rexian_supervisor_view_get_property;
  object_class->set_property = rexian_supervisor_view_set_property;
  widget_class->map = rexian_supervisor_view_map;
  widget_class->unmap = rexian_supervisor_view_unmap;

  properties[PROP_FEED] =
    g_param_spec_object ("feed", NULL, NULL, REXIAN_TYPE_SUPERVISOR_FEED,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_ORDER] = g_signal_new ("open-order", G_TYPE_FROM_CLASS (klass),
                                      G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                      G_TYPE_NONE, 1, REXIAN_TYPE_WORK_ORDER);
  signals[SHOW_VIEW] = g_signal_new ("show-view", G_TYPE_FROM_CLASS (klass),
                                     G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (REXIAN_TYPE_BAR_CHART);
  g_type_ensure (REXIAN_TYPE_WARNING_LIST);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rexian/Rexian/rexian-supervisor-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RexianSupervisorView, root);
  gtk_widget_class_bind_template_child (widget_class, RexianSupervisorView, stale_revealer);
  gtk_widget_class_bind_template_child (widget_class, RexianSupervisorView, stale_label);
  gtk_widget_class_bind_template_child (widget_class, RexianSupervisorView, updated_label);
  gtk_widget_class_bind_template_child (widget_class, RexianSupervisorView, now_box);
  gtk_widget_class_bind_template_child (widget_class, RexianSupervisorView, waiting_list);
  gtk_widget_class_bind_template_child (widget_class, RexianSupervisorView, agents_list);
  gtk_widget_class_bind_template_child (widget_class, RexianSupervisorView, today_label);
  gtk_widget_class_bind_template_child (widget_class, RexianSupervisorView, today_box);
  gtk_widget_class_bind_template_child (widget_class, RexianSupervisorView, hour_chart);
  gtk_widget_class_bind_template_child (widget_class, RexianSupervisorView, wait_chart);
  gtk_widget_class_bind_template_child (widget_class, RexianSupervisorView, last_24h_box);
  gtk_widget_class_bind_template_child (widget_class, RexianSupervisorView, warning_list);
  gtk_widget_class_bind_template_callback (widget_class, on_open_cluster);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rexian_supervisor_view_init (RexianSupervisorView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->tiles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->settings = g_settings_new (APP_ID);
  rexian_thresholds_load (&self->thresholds, self->settings);
  g_signal_connect_object (self->settings, "changed::measure-thresholds",
                           G_CALLBACK (on_thresholds_changed), self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < N_NOW_FIGURES; i++)
    add_tile (self, self->now_box, now_specs[i].name, _(now_specs[i].title),
              _(now_specs[i].formula));
  add_period_tiles (self, self->today_box, "today", period_specs, G_N_ELEMENTS (period_specs));
  add_period_tiles (self, self->today_box, "today", order_specs, G_N_ELEMENTS (order_specs));
  add_period_tiles (self, self->last_24h_box, "last-24h", period_specs,
                    G_N_ELEMENTS (period_specs));
}

GtkWidget *
rexian_supervisor_view_new (RexianSupervisorFeed *feed)
{
  return g_object_new (REXIAN_TYPE_SUPERVISOR_VIEW, "feed", feed, NULL);
}

RexianSupervisorFeed *
rexian_supervisor_view_get_feed (RexianSupervisorView *self)
{
  g_return_val_if_fail (REXIAN_IS_SUPERVISOR_VIEW (self), NULL);

  return self->feed;
}

void
rexian_supervisor_view_set_feed (RexianSupervisorView *self,
                                 RexianSupervisorFeed *feed)
{
  g_return_if_fail (REXIAN_IS_SUPERVISOR_VIEW (self));
  g_return_if_fail (feed == NULL || REXIAN_IS_SUPERVISOR_FEED (feed));

  if (self->feed == feed)
    return;

  if (self->feed != NULL)
    {
      rexian_supervisor_feed_set_active (self->feed, FALSE);
      g_clear_signal_handler (&self->updated_id, self->feed);
      g_clear_signal_handler (&self->stale_id, self->feed);
      g_clear_object (&self->feed);
    }

  if (feed != NULL)
    {
      self->feed = g_object_ref (feed);
      self->updated_id = g_signal_connect_swapped (feed, "updated",
                                                   G_CALLBACK (on_feed_updated), self);
      self->stale_id = g_signal_connect_swapped (feed, "notify::stale",
                                                 G_CALLBACK (on_feed_stale), self);
      rexian_warning_list_set_store (self->warning_list, rexian_supervisor_feed_get_store (feed));
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        rexian_supervisor_feed_set_active (feed, TRUE);
      on_feed_updated (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEED]);
}

GtkWidget *
rexian_supervisor_view_get_tile (RexianSupervisorView *self,
                                 const char           *name)
{
  g_return_val_if_fail (REXIAN_IS_SUPERVISOR_VIEW (self), NULL);

  return g_hash_table_lookup (self->tiles, name);
}
