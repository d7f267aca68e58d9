/* rexian-thresholds-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "rexian-thresholds-group.h"
#include "rexian-ui-util.h"

#define THRESHOLDS_KEY "measure-thresholds"

/* The call figures that the supervisor view and the wall display colour and that a
 * hotline sets targets for; the order measures keep their defaults. */
static const RexianMeasure editable[] = {
  REXIAN_MEASURE_COMPLETION_RATE,
  REXIAN_MEASURE_SERVICE_LEVEL,
  REXIAN_MEASURE_SERVICE_LEVEL_2,
  REXIAN_MEASURE_ABANDON_RATE,
  REXIAN_MEASURE_ASA,
};

typedef struct
{
  AdwExpanderRow *row;
  GtkSpinButton  *bad_spin;
  GtkSpinButton  *warning_spin;
} MeasureRows;

struct _RexianThresholdsGroup
{
  AdwPreferencesGroup  parent_instance;

  GSettings           *settings;
  gulong               changed_id;
  /* Set while the spin buttons show the key, so that showing it writes nothing. */
  gboolean             loading;
  MeasureRows          rows[G_N_ELEMENTS (editable)];
};

G_DEFINE_FINAL_TYPE (RexianThresholdsGroup, rexian_thresholds_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rates are stored as fractions and edited as percentages; waits in seconds. */
static double
display_scale (RexianMeasure measure)
{
  return rexian_measure_get_kind (measure) == REXIAN_MEASURE_KIND_RATIO ? 100.0 : 1.0;
}

static double
stored_value (RexianMeasure  measure,
              GtkSpinButton *spin)
{
  return gtk_spin_button_get_value (spin) / display_scale (measure);
}

static gboolean
is_editable (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (editable); i++)
    if (g_strcmp0 (name, rexian_measure_to_string (editable[i])) == 0)
      return TRUE;

  return FALSE;
}

static void
update_subtitle (MeasureRows   *rows,
                 RexianMeasure  measure)
{
  RexianMeasureValue bad = { TRUE, stored_value (measure, rows->bad_spin), 0, 0 };
  RexianMeasureValue warning = { TRUE, stored_value (measure, rows->warning_spin), 0, 0 };
  g_autofree char *bad_text = rexian_measure_format_value (measure, &bad);
  g_autofree char *warning_text = rexian_measure_format_value (measure, &warning);
  g_autofree char *subtitle = NULL;

  if (rexian_measure_higher_is_better (measure))
    /* Translators: where a figure such as the completion rate turns red and where
     * yellow, as in "Red below 95.0%, yellow below 97.0%". */
    subtitle = g_strdup_printf (_("Red below %s, yellow below %s"), bad_text, warning_text);
  else
    /* Translators: where a figure such as the abandon rate turns red and where yellow,
     * as in "Red above 5.0%, yellow above 3.0%". */
    subtitle = g_strdup_printf (_("Red above %s, yellow above %s"), bad_text, warning_text);

  adw_expander_row_set_subtitle (rows->row, subtitle);
}

static void
load (RexianThresholdsGroup *self)
{
  g_autoptr(GVariant) user_value = NULL;
  RexianThresholds thresholds;

  rexian_thresholds_load (&thresholds, self->settings);

  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (editable); i++)
    {
      RexianMeasure measure = editable[i];

      /* NaN in the key means no threshold, which a spin button cannot show: it keeps
       * what it had. */
      if (!isnan (thresholds.bad[measure]))
        gtk_spin_button_set_value (self->rows[i].bad_spin,
                                   thresholds.bad[measure] * display_scale (measure));
      if (!isnan (thresholds.warning[measure]))
        gtk_spin_button_set_value (self->rows[i].warning_spin,
                                   thresholds.warning[measure] * display_scale (measure));
      update_subtitle (&self->rows[i], measure);
    }
  self->loading = FALSE;

  if (self->settings != NULL)
    user_value = g_settings_get_user_value (self->settings, THRESHOLDS_KEY);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "thresholds.restore-defaults",
                                 user_value != NULL);
}

/* Writes every editable measure whose lines differ from Rexian's defaults, and only
 * those, so that a measure set back to its default follows the defaults again.  The
 * key's other entries (order measures, or measures of a newer Rexian) are kept. */
static void
on_value_changed (RexianThresholdsGroup *self)
{
  g_autoptr(GVariant) old = NULL;
  RexianThresholds defaults;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *name;
  double bad, warning;

  for (guint i = 0; i < G_N_ELEMENTS (editable); i++)
    update_subtitle (&self->rows[i], editable[i]);

  if (self->loading || self->settings == NULL)
    return;

  rexian_thresholds_init_default (&defaults);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{s(dd)}"));

  old = g_settings_get_value (self->settings, THRESHOLDS_KEY);
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s(dd)}", &name, &bad, &warning))
    if (!is_editable (name))
      g_variant_builder_add (&builder, "{s(dd)}", name, bad, warning);

  for (guint i = 0; i < G_N_ELEMENTS (editable); i++)
    {
      RexianMeasure measure = editable[i];

      bad = stored_value (measure, self->rows[i].bad_spin);
      warning = stored_value (measure, self->rows[i].warning_spin);
      if (fabs (bad - defaults.bad[measure]) > 1e-9
          || fabs (warning - defaults.warning[measure]) > 1e-9)
        g_variant_builder_add (&builder, "{s(dd)}", rexian_measure_to_string (measure), bad,
                               warning);
    }

  g_settings_set_value (self->settings, THRESHOLDS_KEY, g_variant_builder_end (&builder));
}

static GtkSpinButton *
add_line_row (RexianThresholdsGroup *self,
              AdwExpanderRow        *expander,
              RexianMeasure          measure,
              gboolean               bad)
{
  gboolean ratio = rexian_measure_get_kind (measure) == REXIAN_MEASURE_KIND_RATIO;
  gboolean higher = rexian_measure_higher_is_better (measure);
  g_autofree char *name = g_strdup_printf ("%s-%s", rexian_measure_to_string (measure),
                                           bad ? "bad" : "warning");
  GtkAdjustment *adjustment = ratio ? gtk_adjustment_new (0, 0, 100, 0.5, 5, 0)
                                    : gtk_adjustment_new (0, 0, 600, 1, 5, 0);
  GtkWidget *spin = gtk_spin_button_new (adjustment, 1, ratio ? 1 : 0);
  /* Translators: the unit after a number of seconds. */
  GtkWidget *unit = gtk_label_new (ratio ? "%" : C_("unit", "s"));
  GtkWidget *row = adw_action_row_new ();
  const char *title;

  if (bad)
    title = higher ? _("Red Below") : _("Red Above");
  else
    title = higher ? _("Yellow Below") : _("Yellow Above");

  gtk_widget_set_name (spin, name);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_add_css_class (unit, "dim-label");
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (on_value_changed), self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), unit);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_expander_row_add_row (expander, row);

  return GTK_SPIN_BUTTON (spin);
}

static void
restore_defaults_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RexianThresholdsGroup *self = REXIAN_THRESHOLDS_GROUP (widget);

  if (self->settings != NULL)
    g_settings_reset (self->settings, THRESHOLDS_KEY);
}

static void
rexian_thresholds_group_dispose (GObject *object)
{
  RexianThresholdsGroup *self = REXIAN_THRESHOLDS_GROUP (object);

  if (self->settings != NULL)
    g_clear_signal_handler (&self->changed_id, self->settings);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rexian_thresholds_group_parent_class)->dispose (object);
}

static void
rexian_thresholds_group_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RexianThresholdsGroup *self = REXIAN_THRESHOLDS_GROUP (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_thresholds_group_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  RexianThresholdsGroup *self = REXIAN_THRESHOLDS_GROUP (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      rexian_thresholds_group_set_settings (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_thresholds_group_class_init (RexianThresholdsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rexian_thresholds_group_dispose;
  object_class->get_property = rexian_thresholds_group_get_property;
  object_class->set_property = rexian_thresholds_group_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "thresholds.restore-defaults", NULL,
                                   restore_defaults_action);
}

static void
rexian_thresholds_group_init (RexianThresholdsGroup *self)
{
  GtkWidget *restore = gtk_button_new_with_mnemonic (_("_Restore Defaults"));

  gtk_widget_set_name (restore, "restore-defaults");
  gtk_widget_set_valign (restore, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (restore, _("Use Rexian’s thresholds for every figure"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (restore), "thresholds.restore-defaults");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), restore);

  for (guint i = 0; i < G_N_ELEMENTS (editable); i++)
    {
      AdwExpanderRow *row = ADW_EXPANDER_ROW (adw_expander_row_new ());

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     rexian_measure_get_name (editable[i]));
      self->rows[i].row = row;
      self->rows[i].bad_spin = add_line_row (self, row, editable[i], TRUE);
      self->rows[i].warning_spin = add_line_row (self, row, editable[i], FALSE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (row));
    }

  load (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

GtkWidget *
rexian_thresholds_group_new (void)
{
  return g_object_new (REXIAN_TYPE_THRESHOLDS_GROUP, NULL);
}

GSettings *
rexian_thresholds_group_get_settings (RexianThresholdsGroup *self)
{
  g_return_val_if_fail (REXIAN_IS_THRESHOLDS_GROUP (self), NULL);

  return self->settings;
}

void
rexian_thresholds_group_set_settings (RexianThresholdsGroup *self,
                                      GSettings             *settings)
{
  g_return_if_fail (REXIAN_IS_THRESHOLDS_GROUP (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (self->settings == settings)
    return;

  if (self->settings != NULL)
    g_clear_signal_handler (&self->changed_id, self->settings);
  g_set_object (&self->settings, settings);
  if (settings != NULL)
    /* Restore Defaults, or another window of this seat, changes the key. */
    self->changed_id = g_signal_connect_swapped (settings, "changed::" THRESHOLDS_KEY,
                                                 G_CALLBACK (load), self);

  load (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self), settings != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTINGS]);
}
