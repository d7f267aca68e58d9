/* rexian-bar-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "rexian-bar-chart.h"

struct _RexianBarChart
{
  GtkWidget  parent_instance;

  char      *title;
  GStrv      labels;
  double    *values;
  guint      n_values;
  guint      alert_from;
};

G_DEFINE_FINAL_TYPE (RexianBarChart, rexian_bar_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define LABEL_GAP 4.0

static void
update_accessible (RexianBarChart *self)
{
  g_autofree char *description = rexian_bar_chart_describe (self);
  g_autofree char *label = g_strdup_printf ("%s: %s", self->title != NULL ? self->title : "",
                                            description);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
}

static PangoLayout *
make_layout (RexianBarChart *self,
             const char     *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  return layout;
}

static void
append_layout (GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               double         center_x,
               double         y,
               const GdkRGBA *color)
{
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (center_x - width / 2.0, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
rexian_bar_chart_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  RexianBarChart *self = REXIAN_BAR_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  GdkRGBA fg, bar = { 0.21, 0.52, 0.89, 1.0 }, alert = { 0.88, 0.11, 0.14, 1.0 };
  double max = 0, slot, label_height, value_height, plot_top, plot_bottom;
  int text_height;

  if (self->n_values == 0 || width <= 0 || height <= 0)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  for (guint i = 0; i < self->n_values; i++)
    max = MAX (max, self->values[i]);

  {
    g_autoptr(PangoLayout) probe = make_layout (self, "0");

    pango_layout_get_pixel_size (probe, NULL, &text_height);
  }
  label_height = text_height + LABEL_GAP;
  value_height = text_height + LABEL_GAP;
  plot_top = value_height;
  plot_bottom = height - label_height;
  slot = width / self->n_values;

  /* The axis under the bars. */
  {
    GdkRGBA axis = fg;

    axis.alpha *= 0.3;
    gtk_snapshot_append_color (snapshot, &axis,
                               &GRAPHENE_RECT_INIT (0, plot_bottom, width, 1));
  }

  for (guint i = 0; i < self->n_values; i++)
    {
      double bar_height = max > 0 ? (plot_bottom - plot_top) * self->values[i] / max : 0;
      double bar_width = MAX (1.0, slot * 0.7);
      double x = i * slot + (slot - bar_width) / 2.0;
      double center = i * slot + slot / 2.0;
      g_autofree char *value_text = g_strdup_printf ("%.0f", self->values[i]);
      g_autoptr(PangoLayout) value_layout = make_layout (self, value_text);
      g_autoptr(PangoLayout) label_layout = make_layout (self, self->labels[i]);
      int label_width;

      gtk_snapshot_append_color (snapshot, i >= self->alert_from ? &alert : &bar,
                                 &GRAPHENE_RECT_INIT (x, plot_bottom - bar_height,
                                                      bar_width, bar_height));

      /* Values and labels only where they fit; the accessible label has them all. */
      pango_layout_get_pixel_size (label_layout, &label_width, NULL);
      if (label_width <= slot * 1.6 || i % 3 == 0)
        append_layout (snapshot, label_layout, center, plot_bottom + LABEL_GAP, &fg);
      if (self->values[i] > 0 && slot >= text_height * 1.2)
        append_layout (snapshot, value_layout, center,
                       plot_bottom - bar_height - value_height, &fg);
    }
}

static void
rexian_bar_chart_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 360;
    }
  else
    {
      *minimum = 100;
      *natural = 160;
    }
}

static void
rexian_bar_chart_finalize (GObject *object)
{
  RexianBarChart *self = REXIAN_BAR_CHART (object);

  g_free (self->title);
  g_strfreev (self->labels);
  g_free (self->values);

  G_OBJECT_CLASS (rexian_bar_chart_parent_class)->finalize (object);
}

static void
rexian_bar_chart_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RexianBarChart *self = REXIAN_BAR_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_bar_chart_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RexianBarChart *self = REXIAN_BAR_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      rexian_bar_chart_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_bar_chart_class_init (RexianBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rexian_bar_chart_finalize;
  object_class->get_property = rexian_bar_chart_get_property;
  object_class->set_property = rexian_bar_chart_set_property;
  widget_class->snapshot = rexian_bar_chart_snapshot;
  widget_class->measure = rexian_bar_chart_measure;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rexian_bar_chart_init (RexianBarChart *self)
{
  self->alert_from = G_MAXUINT;
  self->labels = g_new0 (char *, 1);
}

GtkWidget *
rexian_bar_chart_new (void)
{
  return g_object_new (REXIAN_TYPE_BAR_CHART, NULL);
}

void
rexian_bar_chart_set_data (RexianBarChart     *self,
                           const char * const *labels,
                           const double       *values,
                           guint               n_values)
{
  g_return_if_fail (REXIAN_IS_BAR_CHART (self));
  g_return_if_fail (n_values == 0 || (labels != NULL && values != NULL));

  g_strfreev (self->labels);
  g_free (self->values);
  self->labels = g_new0 (char *, n_values + 1);
  for (guint i = 0; i < n_values; i++)
    self->labels[i] = g_strdup (labels[i]);
  self->values = g_memdup2 (values, sizeof (double) * n_values);
  self->n_values = n_values;

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
rexian_bar_chart_set_calls_per_hour (RexianBarChart     *self,
                                     const RexianPeriod *period,
                                     GArray             *counts)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 first = rexian_period_get_first_hour (period);

  g_return_if_fail (REXIAN_IS_BAR_CHART (self));
  g_return_if_fail (period != NULL && counts != NULL);

  for (guint i = 0; i < counts->len; i++)
    {
      RexianHourCount *count = &g_array_index (counts, RexianHourCount, i);
      g_autoptr(GDateTime) hour = g_date_time_new_from_unix_local (first + (gint64) i * 3600);
      double offered = count->offered;

      g_ptr_array_add (labels, g_date_time_format (hour, "%H"));
      g_array_append_val (values, offered);
    }

  rexian_bar_chart_set_data (self, (const char * const *) labels->pdata,
                             (const double *) values->data, values->len);
}

void
rexian_bar_chart_set_alert_from (RexianBarChart *self,
                                 guint           index)
{
  g_return_if_fail (REXIAN_IS_BAR_CHART (self));

  self->alert_from = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
rexian_bar_chart_get_title (RexianBarChart *self)
{
  g_return_val_if_fail (REXIAN_IS_BAR_CHART (self), NULL);

  return self->title;
}

void
rexian_bar_chart_set_title (RexianBarChart *self,
                            const char     *title)
{
  g_return_if_fail (REXIAN_IS_BAR_CHART (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

char *
rexian_bar_chart_describe (RexianBarChart *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (REXIAN_IS_BAR_CHART (self), NULL);

  for (guint i = 0; i < self->n_values; i++)
    g_string_append_printf (text, "%s%s %.0f", i > 0 ? ", " : "", self->labels[i],
                            self->values[i]);

  return g_string_free (text, FALSE);
}
