/* rexian-wallboard.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-bar-chart.h"
#include "rexian-figure-tile.h"
#include "rexian-ui-util.h"
#include "rexian-wallboard.h"
#include "rexian-work-order.h"

/* A read older than this many feed intervals means the figures are stale even when no
 * read failed (the worker may be stuck behind a long lock). */
#define STALE_INTERVALS 3
#define FEED_SECONDS    3
#define MAX_WAITING_ROWS 8

struct _RexianWallboard
{
  AdwWindow             parent_instance;

  GtkLabel             *heading_label;
  GtkLabel             *status_label;
  GtkLabel             *clock_label;
  GtkRevealer          *stale_revealer;
  GtkLabel             *stale_label;
  GtkStack             *stack;
  GtkGrid              *queue_grid;
  GtkBox               *waiting_box;
  GtkGrid              *orders_grid;
  RexianBarChart       *hour_chart;

  RexianSupervisorFeed *feed;
  GHashTable           *tiles;    /* name → RexianFigureTile */
  RexianThresholds      thresholds;
  GSettings            *settings;
  guint                 clock_id;
  guint                 page_id;
  guint                 page_seconds;
};

G_DEFINE_FINAL_TYPE (RexianWallboard, rexian_wallboard, ADW_TYPE_WINDOW)

typedef struct
{
  const char *name;
  const char *title;
  int         measure;    /* a RexianMeasure, or -1 for a count of now */
  const char *formula;    /* for counts */
} TileSpec;

static const TileSpec queue_tiles[] = {
  { "waiting", N_("Callers waiting"), -1, N_("offered, not yet answered or ended") },
  { "longest-wait", N_("Longest wait now"), -1, N_("now − offered") },
  { "service-level", NULL, REXIAN_MEASURE_SERVICE_LEVEL, NULL },
  { "completion-rate", NULL, REXIAN_MEASURE_COMPLETION_RATE, NULL },
  { "abandon-rate", NULL, REXIAN_MEASURE_ABANDON_RATE, NULL },
  { "asa", NULL, REXIAN_MEASURE_ASA, NULL },
  { "callbacks", N_("Missed calls to call back"), -1, N_("call-back pending") },
  { "offered", NULL, REXIAN_MEASURE_OFFERED, NULL },
  { "available", N_("Available"), -1, N_("agents free for calls") },
  { "on-call", N_("On a call"), -1, N_("agents talking") },
  { "wrap-up", N_("Wrap-up"), -1, N_("agents in after-call work") },
  { "away", N_("Away"), -1, N_("agents not taking calls") },
};

static const TileSpec order_tiles[] = {
  { "yellow", N_("Orders due soon"), -1, N_("inside the alert time of the deadline") },
  { "red", N_("Overdue orders"), -1, N_("past the deadline") },
  { "supervised", N_("Supervised orders"), -1, N_("open, under supervision (督办)") },
  { "emergency", N_("Emergency orders"), -1, N_("open, marked as emergency") },
};

static RexianFigureTile *
get_tile (RexianWallboard *self,
          const char      *name)
{
  return g_hash_table_lookup (self->tiles, name);
}

static void
add_tiles (RexianWallboard *self,
           GtkGrid         *grid,
           const TileSpec  *specs,
           guint            n_specs,
           guint            columns)
{
  for (guint i = 0; i < n_specs; i++)
    {
      const char *title = specs[i].measure >= 0 ? rexian_measure_get_name (specs[i].measure)
                                                : _(specs[i].title);
      const char *formula = specs[i].measure >= 0
                            ? rexian_measure_get_formula (specs[i].measure)
                            : _(specs[i].formula);
      GtkWidget *tile = rexian_figure_tile_new (title);

      rexian_figure_tile_set_formula (REXIAN_FIGURE_TILE (tile), formula);
      gtk_widget_set_hexpand (tile, TRUE);
      gtk_grid_attach (grid, tile, i % columns, i / columns, 1, 1);
      g_hash_table_insert (self->tiles, g_strdup (specs[i].name), tile);
    }
}

static char *
format_wait (gint64 seconds)
{
  return g_strdup_printf ("%d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

static void
set_count (RexianWallboard   *self,
           const char        *name,
           guint              count,
           RexianFigureLevel  level)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  rexian_figure_tile_set_value (get_tile (self, name), text);
  rexian_figure_tile_set_level (get_tile (self, name), level);
}

static void
set_measure (RexianWallboard       *self,
             const char            *name,
             RexianMeasure          measure,
             const RexianCallStats *stats)
{
  RexianMeasureValue value = rexian_call_stats_get (stats, measure);
  g_autofree char *text = rexian_measure_format_value (measure, &value);

  rexian_figure_tile_set_value (get_tile (self, name), text);
  /* A count has no threshold of its own: it is neither good nor bad. */
  rexian_figure_tile_set_level (get_tile (self, name),
                                rexian_measure_get_kind (measure) == REXIAN_MEASURE_KIND_COUNT
                                ? REXIAN_FIGURE_LEVEL_NONE
                                : (RexianFigureLevel) rexian_thresholds_get_level (&self->thresholds,
                                                                                 measure, &value));
}

/* The running parts: the clock, the waits, and whether the figures are stale. */
static void
update_running (RexianWallboard *self)
{
  RexianStatsSnapshot *snapshot = rexian_supervisor_feed_get_snapshot (self->feed);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 updated_at = rexian_supervisor_feed_get_updated_at (self->feed);
  g_autofree char *clock = rexian_format_clock_time (now);
  gboolean stale;
  GtkWidget *child;
  gint64 since;

  gtk_label_set_text (self->clock_label, clock);

  stale = rexian_supervisor_feed_get_stale (self->feed) ||
          (updated_at > 0 && now - updated_at > STALE_INTERVALS * FEED_SECONDS);
  if (stale)
    {
      g_autofree char *time = updated_at > 0 ? rexian_format_clock_time (updated_at) : g_strdup ("—");
      const char *message = rexian_supervisor_feed_get_message (self->feed);
      g_autofree char *text = NULL;

      /* TRANSLATORS: shown on the wall display when the database cannot be read. */
      text = g_strdup_printf (_("Figures not updated since %s. %s"), time,
                              message != NULL ? message : "");
      gtk_label_set_text (self->stale_label, g_strstrip (text));
    }
  gtk_revealer_set_reveal_child (self->stale_revealer, stale);

  if (snapshot == NULL)
    return;

  since = MAX (0, now - snapshot->now->at);

  {
    RexianStatsNow *figures = snapshot->now;
    RexianFigureTile *tile = get_tile (self, "longest-wait");
    gint64 longest = figures->longest_wait + since;
    g_autofree char *text = figures->waiting->len > 0 ? format_wait (longest) : g_strdup ("—");

    rexian_figure_tile_set_value (tile, text);
    rexian_figure_tile_set_level (tile, figures->waiting->len == 0 ? REXIAN_FIGURE_LEVEL_NONE
                                        : longest <= REXIAN_SERVICE_SECONDS
                                        ? REXIAN_FIGURE_LEVEL_OK : REXIAN_FIGURE_LEVEL_BAD);
  }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->waiting_box))) != NULL)
    gtk_box_remove (self->waiting_box, child);

  if (snapshot->now->waiting->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("Nobody is waiting"));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "wallboard-row");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->waiting_box, label);
    }

  for (guint i = 0; i < MIN (snapshot->now->waiting->len, MAX_WAITING_ROWS); i++)
    {
      RexianWaitingCall *call = g_ptr_array_index (snapshot->now->waiting, i);
      g_autofree char *masked = rexian_mask_phone (call->remote_number);
      g_autofree char *wait = format_wait (call->wait + since);
      GtkWidget *row = gtk_center_box_new ();
      GtkWidget *number = gtk_label_new (masked != NULL && *masked ? masked
                                                                   : _("Unknown number"));
      GtkWidget *waited = gtk_label_new (wait);

      gtk_widget_add_css_class (row, "wallboard-row");
      gtk_widget_add_css_class (waited, "numeric");
      if (call->wait + since > REXIAN_SERVICE_SECONDS)
        gtk_widget_add_css_class (waited, "error");
      gtk_center_box_set_start_widget (GTK_CENTER_BOX (row), number);
      gtk_center_box_set_end_widget (GTK_CENTER_BOX (row), waited);
      gtk_box_append (self->waiting_box, row);
    }
}

static void
update_heading (RexianWallboard *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  gtk_label_set_text (self->heading_label, g_strcmp0 (page, "orders") == 0
                                           ? _("Hotline — Work Orders")
                                           : _("Hotline — Queue"));
}

static void
on_feed_updated (RexianWallboard *self)
{
  RexianStatsSnapshot *snapshot = rexian_supervisor_feed_get_snapshot (self->feed);
  RexianStatsNow *now;
  g_autofree char *updated = NULL;
  g_autofree char *status = NULL;

  if (snapshot == NULL)
    return;

  now = snapshot->now;
  set_count (self, "waiting", now->waiting->len,
             now->waiting->len == 0 ? REXIAN_FIGURE_LEVEL_OK
             : now->longest_wait > REXIAN_SERVICE_SECONDS ? REXIAN_FIGURE_LEVEL_BAD
             : REXIAN_FIGURE_LEVEL_WARNING);
  set_measure (self, "service-level", REXIAN_MEASURE_SERVICE_LEVEL, &snapshot->today_calls);
  set_measure (self, "completion-rate", REXIAN_MEASURE_COMPLETION_RATE,
               &snapshot->last_24h_calls);
  set_measure (self, "abandon-rate", REXIAN_MEASURE_ABANDON_RATE, &snapshot->today_calls);
  set_measure (self, "asa", REXIAN_MEASURE_ASA, &snapshot->today_calls);
  set_measure (self, "offered", REXIAN_MEASURE_OFFERED, &snapshot->today_calls);
  set_count (self, "callbacks", now->callbacks_pending,
             now->callbacks_pending > 0 ? REXIAN_FIGURE_LEVEL_WARNING : REXIAN_FIGURE_LEVEL_OK);
  set_count (self, "available", now->agents_by_status[REXIAN_AGENT_AVAILABLE],
             REXIAN_FIGURE_LEVEL_NONE);
  set_count (self, "on-call", now->agents_by_status[REXIAN_AGENT_ON_CALL],
             REXIAN_FIGURE_LEVEL_NONE);
  set_count (self, "wrap-up", now->agents_by_status[REXIAN_AGENT_WRAP_UP],
             REXIAN_FIGURE_LEVEL_NONE);
  set_count (self, "away", now->agents_by_status[REXIAN_AGENT_AWAY], REXIAN_FIGURE_LEVEL_NONE);
  set_count (self, "yellow", now->orders_yellow,
             now->orders_yellow > 0 ? REXIAN_FIGURE_LEVEL_WARNING : REXIAN_FIGURE_LEVEL_OK);
  set_count (self, "red", now->orders_red,
             now->orders_red > 0 ? REXIAN_FIGURE_LEVEL_BAD : REXIAN_FIGURE_LEVEL_OK);
  set_count (self, "supervised", now->orders_supervised, REXIAN_FIGURE_LEVEL_NONE);
  set_count (self, "emergency", now->orders_emergency,
             now->orders_emergency > 0 ? REXIAN_FIGURE_LEVEL_WARNING : REXIAN_FIGURE_LEVEL_NONE);

  rexian_bar_chart_set_calls_per_hour (self->hour_chart, &snapshot->today,
                                       snapshot->today_hours);

  updated = rexian_format_clock_time (rexian_supervisor_feed_get_updated_at (self->feed));
  status = g_strdup_printf (_("Updated %s"), updated);
  gtk_label_set_text (self->status_label, status);
  update_running (self);
}

static gboolean
on_clock (gpointer user_data)
{
  update_running (user_data);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_page (gpointer user_data)
{
  RexianWallboard *self = user_data;
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  rexian_wallboard_set_page (self, g_strcmp0 (page, "queue") == 0 ? "orders" : "queue");
  return G_SOURCE_CONTINUE;
}

static void
on_thresholds_changed (RexianWallboard *self)
{
  rexian_thresholds_load (&self->thresholds, self->settings);
  if (self->feed != NULL)
    on_feed_updated (self);
}

static void
rexian_wallboard_dispose (GObject *object)
{
  RexianWallboard *self = REXIAN_WALLBOARD (object);

  g_clear_handle_id (&self->clock_id, g_source_remove);
  g_clear_handle_id (&self->page_id, g_source_remove);
  if (self->feed != NULL)
    {
      rexian_supervisor_feed_set_active (self->feed, FALSE);
      g_signal_handlers_disconnect_by_data (self->feed, self);
      g_clear_object (&self->feed);
    }
  gtk_widget_dispose_template (GTK_WIDGET (object), REXIAN_TYPE_WALLBOARD);
  g_clear_pointer (&self->tiles, g_hash_table_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rexian_wallboard_parent_class)->dispose (object);
}

static void
rexian_wallboard_class_init (RexianWallboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rexian_wallboard_dispose;

  g_type_ensure (REXIAN_TYPE_BAR_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rexian/Rexian/rexian-wallboard.ui");
  gtk_widget_class_bind_template_child (widget_class, RexianWallboard, heading_label);
  gtk_widget_class_bind_template_child (widget_class, RexianWallboard, status_label);
  gtk_widget_class_bind_template_child (widget_class, RexianWallboard, clock_label);
  gtk_widget_class_bind_template_child (widget_class, RexianWallboard, stale_revealer);
  gtk_widget_class_bind_template_child (widget_class, RexianWallboard, stale_label);
  gtk_widget_class_bind_template_child (widget_class, RexianWallboard, stack);
  gtk_widget_class_bind_template_child (widget_class, RexianWallboard, queue_grid);
  gtk_widget_class_bind_template_child (widget_class, RexianWallboard, waiting_box);
  gtk_widget_class_bind_template_child (widget_class, RexianWallboard, orders_grid);
  gtk_widget_class_bind_template_child (widget_class, RexianWallboard, hour_chart);
  /* Nobody needs to touch it, but whoever opened it from the menu can close it. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rexian_wallboard_init (RexianWallboard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->tiles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->settings = g_settings_new (APP_ID);
  rexian_thresholds_load (&self->thresholds, self->settings);
  g_signal_connect_object (self->settings, "changed::measure-thresholds",
                           G_CALLBACK (on_thresholds_changed), self, G_CONNECT_SWAPPED);
  add_tiles (self, self->queue_grid, queue_tiles, G_N_ELEMENTS (queue_tiles), 4);
  add_tiles (self, self->orders_grid, order_tiles, G_N_ELEMENTS (order_tiles), 4);
  update_heading (self);
  self->clock_id = g_timeout_add_seconds (1, on_clock, self);
}

GtkWidget *
rexian_wallboard_new (GtkApplication       *application,
                      RexianSupervisorFeed *feed)
{
  RexianWallboard *self;

  g_return_val_if_fail (REXIAN_IS_SUPERVISOR_FEED (feed), NULL);

  self = g_object_new (REXIAN_TYPE_WALLBOARD, "application", application, NULL);
  self->feed = g_object_ref (feed);
  g_signal_connect_swapped (feed, "updated", G_CALLBACK (on_feed_updated), self);
  g_signal_connect_swapped (feed, "notify::stale", G_CALLBACK (update_running), self);
  rexian_supervisor_feed_set_interval (feed, FEED_SECONDS);
  rexian_supervisor_feed_set_active (feed, TRUE);
  on_feed_updated (self);
  update_running (self);

  return GTK_WIDGET (self);
}

RexianSupervisorFeed *
rexian_wallboard_get_feed (RexianWallboard *self)
{
  g_return_val_if_fail (REXIAN_IS_WALLBOARD (self), NULL);

  return self->feed;
}

const char *
rexian_wallboard_get_page (RexianWallboard *self)
{
  g_return_val_if_fail (REXIAN_IS_WALLBOARD (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

void
rexian_wallboard_set_page (RexianWallboard *self,
                           const char      *page)
{
  g_return_if_fail (REXIAN_IS_WALLBOARD (self));

  gtk_stack_set_visible_child_name (self->stack, page);
  update_heading (self);
}

void
rexian_wallboard_set_page_seconds (RexianWallboard *self,
                                   guint            seconds)
{
  g_return_if_fail (REXIAN_IS_WALLBOARD (self));

  self->page_seconds = seconds;
  g_clear_handle_id (&self->page_id, g_source_remove);
  if (seconds > 0)
    self->page_id = g_timeout_add_seconds (seconds, on_page, self);
}

const char *
rexian_wallboard_get_figure (RexianWallboard *self,
                             const char      *name)
{
  RexianFigureTile *tile;

  g_return_val_if_fail (REXIAN_IS_WALLBOARD (self), NULL);

  tile = get_tile (self, name);
  return tile != NULL ? rexian_figure_tile_get_value (tile) : NULL;
}

const char *
rexian_wallboard_get_status_text (RexianWallboard *self)
{
  g_return_val_if_fail (REXIAN_IS_WALLBOARD (self), NULL);

  return gtk_revealer_get_reveal_child (self->stale_revealer)
         ? gtk_label_get_text (self->stale_label) : NULL;
}
