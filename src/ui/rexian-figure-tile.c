/* rexian-figure-tile.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rexian-figure-tile.h"

struct _RexianFigureTile
{
  GtkWidget          parent_instance;

  GtkWidget         *button;
  GtkLabel          *title_label;
  GtkLabel          *value_label;
  GtkLabel          *formula_label;

  RexianFigureLevel  level;
  gboolean           activatable;
};

G_DEFINE_FINAL_TYPE (RexianFigureTile, rexian_figure_tile, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (RexianFigureLevel, rexian_figure_level,
                    G_DEFINE_ENUM_VALUE (REXIAN_FIGURE_LEVEL_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (REXIAN_FIGURE_LEVEL_OK, "ok"),
                    G_DEFINE_ENUM_VALUE (REXIAN_FIGURE_LEVEL_WARNING, "warning"),
                    G_DEFINE_ENUM_VALUE (REXIAN_FIGURE_LEVEL_BAD, "bad"))

enum {
  PROP_0,
  PROP_TITLE,
  PROP_VALUE,
  PROP_FORMULA,
  PROP_LEVEL,
  PROP_ACTIVATABLE,
  N_PROPS
};

enum {
  ACTIVATE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const level_classes[] = {
  [REXIAN_FIGURE_LEVEL_NONE] = NULL,
  [REXIAN_FIGURE_LEVEL_OK] = "figure-ok",
  [REXIAN_FIGURE_LEVEL_WARNING] = "figure-warning",
  [REXIAN_FIGURE_LEVEL_BAD] = "figure-bad",
};

static void
update_accessible (RexianFigureTile *self)
{
  g_autofree char *label = NULL;

  /* A screen reader says the figure with its name and formula in one go. */
  label = g_strdup_printf ("%s: %s (%s)", gtk_label_get_text (self->title_label),
                           gtk_label_get_text (self->value_label),
                           gtk_label_get_text (self->formula_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
on_clicked (RexianFigureTile *self)
{
  if (self->activatable)
    g_signal_emit (self, signals[ACTIVATE], 0);
}

static void
rexian_figure_tile_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), REXIAN_TYPE_FIGURE_TILE);

  G_OBJECT_CLASS (rexian_figure_tile_parent_class)->dispose (object);
}

static void
rexian_figure_tile_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RexianFigureTile *self = REXIAN_FIGURE_TILE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, rexian_figure_tile_get_title (self));
      break;
    case PROP_VALUE:
      g_value_set_string (value, rexian_figure_tile_get_value (self));
      break;
    case PROP_FORMULA:
      g_value_set_string (value, rexian_figure_tile_get_formula (self));
      break;
    case PROP_LEVEL:
      g_value_set_enum (value, self->level);
      break;
    case PROP_ACTIVATABLE:
      g_value_set_boolean (value, self->activatable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_figure_tile_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RexianFigureTile *self = REXIAN_FIGURE_TILE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      rexian_figure_tile_set_title (self, g_value_get_string (value));
      break;
    case PROP_VALUE:
      rexian_figure_tile_set_value (self, g_value_get_string (value));
      break;
    case PROP_FORMULA:
      rexian_figure_tile_set_formula (self, g_value_get_string (value));
      break;
    case PROP_LEVEL:
      rexian_figure_tile_set_level (self, g_value_get_enum (value));
      break;
    case PROP_ACTIVATABLE:
      rexian_figure_tile_set_activatable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_figure_tile_class_init (RexianFigureTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rexian_figure_tile_dispose;
  object_class->get_property = rexian_figure_tile_get_property;
  object_class->set_property = rexian_figure_tile_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FORMULA] =
    g_param_spec_string ("formula", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEVEL] =
    g_param_spec_enum ("level", NULL, NULL, REXIAN_TYPE_FIGURE_LEVEL,
                       REXIAN_FIGURE_LEVEL_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVATABLE] =
    g_param_spec_boolean ("activatable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rexian/Rexian/rexian-figure-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, RexianFigureTile, button);
  gtk_widget_class_bind_template_child (widget_class, RexianFigureTile, title_label);
  gtk_widget_class_bind_template_child (widget_class, RexianFigureTile, value_label);
  gtk_widget_class_bind_template_child (widget_class, RexianFigureTile, formula_label);
  gtk_widget_class_bind_template_callback (widget_class, on_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "figuretile");
}

static void
rexian_figure_tile_init (RexianFigureTile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rexian_figure_tile_set_activatable (self, FALSE);
}

GtkWidget *
rexian_figure_tile_new (const char *title)
{
  return g_object_new (REXIAN_TYPE_FIGURE_TILE, "title", title, NULL);
}

const char *
rexian_figure_tile_get_title (RexianFigureTile *self)
{
  g_return_val_if_fail (REXIAN_IS_FIGURE_TILE (self), NULL);

  return gtk_label_get_text (self->title_label);
}

void
rexian_figure_tile_set_title (RexianFigureTile *self,
                              const char       *title)
{
  g_return_if_fail (REXIAN_IS_FIGURE_TILE (self));

  if (g_strcmp0 (title, gtk_label_get_text (self->title_label)) == 0)
    return;

  gtk_label_set_text (self->title_label, title);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
rexian_figure_tile_get_value (RexianFigureTile *self)
{
  g_return_val_if_fail (REXIAN_IS_FIGURE_TILE (self), NULL);

  return gtk_label_get_text (self->value_label);
}

void
rexian_figure_tile_set_value (RexianFigureTile *self,
                              const char       *value)
{
  g_return_if_fail (REXIAN_IS_FIGURE_TILE (self));

  if (g_strcmp0 (value, gtk_label_get_text (self->value_label)) == 0)
    return;

  gtk_label_set_text (self->value_label, value);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

const char *
rexian_figure_tile_get_formula (RexianFigureTile *self)
{
  g_return_val_if_fail (REXIAN_IS_FIGURE_TILE (self), NULL);

  return gtk_label_get_text (self->formula_label);
}

void
rexian_figure_tile_set_formula (RexianFigureTile *self,
                                const char       *formula)
{
  g_return_if_fail (REXIAN_IS_FIGURE_TILE (self));

  if (g_strcmp0 (formula, gtk_label_get_text (self->formula_label)) == 0)
    return;

  gtk_label_set_text (self->formula_label, formula);
  gtk_widget_set_visible (GTK_WIDGET (self->formula_label), formula != NULL && *formula);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMULA]);
}

RexianFigureLevel
rexian_figure_tile_get_level (RexianFigureTile *self)
{
  g_return_val_if_fail (REXIAN_IS_FIGURE_TILE (self), REXIAN_FIGURE_LEVEL_NONE);

  return self->level;
}

void
rexian_figure_tile_set_level (RexianFigureTile  *self,
                              RexianFigureLevel  level)
{
  g_return_if_fail (REXIAN_IS_FIGURE_TILE (self));
  g_return_if_fail (level <= REXIAN_FIGURE_LEVEL_BAD);

  if (self->level == level)
    return;

  if (level_classes[self->level] != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self), level_classes[self->level]);
  self->level = level;
  if (level_classes[level] != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), level_classes[level]);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
}

gboolean
rexian_figure_tile_get_activatable (RexianFigureTile *self)
{
  g_return_val_if_fail (REXIAN_IS_FIGURE_TILE (self), FALSE);

  return self->activatable;
}

void
rexian_figure_tile_set_activatable (RexianFigureTile *self,
                                    gboolean          activatable)
{
  g_return_if_fail (REXIAN_IS_FIGURE_TILE (self));

  activatable = !!activatable;
  /* A tile with nothing behind it is no button: it neither takes focus nor clicks. */
  gtk_widget_set_can_target (self->button, activatable);
  gtk_widget_set_focusable (self->button, activatable);
  gtk_widget_set_can_focus (self->button, activatable);

  if (self->activatable == activatable)
    return;

  self->activatable = activatable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVATABLE]);
}
