/* rexian-warning-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "rexian-warning-list.h"

#define REFRESH_SECONDS 60

struct _RexianWarningList
{
  GtkWidget     parent_instance;

  GtkWidget    *group;
  GtkListBox   *list;

  RexianStore  *store;
  GSettings    *settings;
  GCancellable *cancellable;
  guint         timer_id;
  guint         n_clusters;
  gboolean      reading;
};

G_DEFINE_FINAL_TYPE (RexianWarningList, rexian_warning_list, GTK_TYPE_WIDGET)

enum {
  OPEN_CLUSTER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
cluster_title (const RexianWarningCluster *cluster)
{
  if (cluster->kind == REXIAN_WARNING_SAME_PLACE)
    /* TRANSLATORS: an early-warning cluster: the category and the place. */
    return g_strdup_printf (_("%s · %s"),
                            cluster->category_name != NULL ? cluster->category_name
                                                           : _("No category"),
                            cluster->area != NULL ? cluster->area : "");

  /* TRANSLATORS: an early-warning cluster of orders asking the same thing. */
  return g_strdup_printf (_("“%s”"), cluster->text != NULL ? cluster->text : "");
}

static char *
format_day (gint64 at)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (at);

  return g_date_time_format (time, "%m-%d %H:%M");
}

static void
on_row_activated (RexianWarningList *self,
                  GtkListBoxRow     *row)
{
  GArray *ids = g_object_get_data (G_OBJECT (row), "order-ids");
  const char *title = g_object_get_data (G_OBJECT (row), "title");

  if (ids != NULL)
    g_signal_emit (self, signals[OPEN_CLUSTER], 0, title, ids);
}

static void
show_clusters (RexianWarningList *self,
               GPtrArray         *clusters)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  self->n_clusters = clusters->len;

  if (clusters->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No requests are gathering"));
      gtk_list_box_append (self->list, row);
      return;
    }

  for (guint i = 0; i < clusters->len; i++)
    {
      RexianWarningCluster *cluster = g_ptr_array_index (clusters, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = cluster_title (cluster);
      g_autofree char *first = format_day (cluster->first_at);
      g_autofree char *last = format_day (cluster->last_at);
      g_autofree char *subtitle = NULL;
      g_autofree char *count = g_strdup_printf ("%u", cluster->order_ids->len);
      GtkWidget *count_label = gtk_label_new (count);
      GArray *ids = g_array_copy (cluster->order_ids);

      subtitle = g_strdup_printf (cluster->kind == REXIAN_WARNING_SAME_PLACE
                                  ? _("Same category, same place · %s – %s")
                                  : _("Same request · %s – %s"), first, last);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (count_label, "title-3");
      gtk_widget_add_css_class (count_label, "warning");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), count_label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "order-ids", ids,
                              (GDestroyNotify) g_array_unref);
      g_object_set_data_full (G_OBJECT (row), "title", g_steal_pointer (&title), g_free);
      gtk_list_box_append (self->list, row);
    }
}

static void
on_clusters (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RexianWarningList) self = user_data;
  g_autoptr(GPtrArray) clusters = NULL;
  g_autoptr(GError) error = NULL;

  clusters = rexian_store_stats_find_clusters_finish (REXIAN_STORE (object), result, &error);
  self->reading = FALSE;

  if (clusters == NULL)
    {
      /* The last list stays; the next minute tries again. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Early warning not read: %s", error->message);
      return;
    }

  show_clusters (self, clusters);
}

void
rexian_warning_list_refresh (RexianWarningList *self)
{
  RexianPeriod period;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  int days;
  g_autofree char *description = NULL;

  g_return_if_fail (REXIAN_IS_WARNING_LIST (self));

  if (self->store == NULL || self->reading)
    return;

  days = g_settings_get_int (self->settings, "early-warning-days");
  rexian_period_init_range (&period, now - (gint64) days * 86400, now + 1);
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "At least %d similar requests in the last %d day",
                                              "At least %d similar requests in the last %d days",
                                              days),
                                 g_settings_get_int (self->settings, "early-warning-threshold"),
                                 days);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group), description);

  self->reading = TRUE;
  rexian_store_stats_find_clusters_async (self->store, &period,
                                          g_settings_get_int (self->settings,
                                                              "early-warning-threshold"),
                                          self->cancellable, on_clusters, g_object_ref (self));
}

static gboolean
on_timer (gpointer user_data)
{
  rexian_warning_list_refresh (user_data);
  return G_SOURCE_CONTINUE;
}

static void
rexian_warning_list_map (GtkWidget *widget)
{
  RexianWarningList *self = REXIAN_WARNING_LIST (widget);

  GTK_WIDGET_CLASS (rexian_warning_list_parent_class)->map (widget);

  rexian_warning_list_refresh (self);
  if (self->timer_id == 0)
    self->timer_id = g_timeout_add_seconds (REFRESH_SECONDS, on_timer, self);
}

static void
rexian_warning_list_unmap (GtkWidget *widget)
{
  RexianWarningList *self = REXIAN_WARNING_LIST (widget);

  g_clear_handle_id (&self->timer_id, g_source_remove);

  GTK_WIDGET_CLASS (rexian_warning_list_parent_class)->unmap (widget);
}

static void
rexian_warning_list_dispose (GObject *object)
{
  RexianWarningList *self = REXIAN_WARNING_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), REXIAN_TYPE_WARNING_LIST);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rexian_warning_list_parent_class)->dispose (object);
}

static void
rexian_warning_list_class_init (RexianWarningListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rexian_warning_list_dispose;
  widget_class->map = rexian_warning_list_map;
  widget_class->unmap = rexian_warning_list_unmap;

  signals[OPEN_CLUSTER] = g_signal_new ("open-cluster", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ARRAY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rexian/Rexian/rexian-warning-list.ui");
  gtk_widget_class_bind_template_child (widget_class, RexianWarningList, group);
  gtk_widget_class_bind_template_child (widget_class, RexianWarningList, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rexian_warning_list_init (RexianWarningList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::early-warning-threshold",
                           G_CALLBACK (rexian_warning_list_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::early-warning-days",
                           G_CALLBACK (rexian_warning_list_refresh), self, G_CONNECT_SWAPPED);
}

GtkWidget *
rexian_warning_list_new (void)
{
  return g_object_new (REXIAN_TYPE_WARNING_LIST, NULL);
}

void
rexian_warning_list_set_store (RexianWarningList *self,
                               RexianStore       *store)
{
  g_return_if_fail (REXIAN_IS_WARNING_LIST (self));

  g_set_object (&self->store, store);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rexian_warning_list_refresh (self);
}

guint
rexian_warning_list_get_n_clusters (RexianWarningList *self)
{
  g_return_val_if_fail (REXIAN_IS_WARNING_LIST (self), 0);

  return self->n_clusters;
}
