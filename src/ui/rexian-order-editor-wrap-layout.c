/* rexian-order-editor-wrap-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rexian-order-editor-wrap-layout.h"

struct _RexianWrapLayout
{
  GtkLayoutManager parent_instance;

  int              spacing;
  int              row_spacing;
  gboolean         pack_end;
};

G_DEFINE_FINAL_TYPE (RexianWrapLayout, rexian_wrap_layout, GTK_TYPE_LAYOUT_MANAGER)

enum {
  PROP_0,
  PROP_SPACING,
  PROP_ROW_SPACING,
  PROP_PACK_END,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The width a child gets in a line @available wide: its natural width when that fits,
 * else what is left, but never below its minimum. */
static int
child_width (GtkWidget *child,
             int        available)
{
  int min = 0, nat = 0;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);

  return MAX (min, MIN (nat, available));
}

static int
child_height (GtkWidget *child,
              int        width)
{
  int min = 0, nat = 0;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);

  return MAX (min, nat);
}

/* Walks the visible children in lines for @width.  With @allocate set, children are
 * placed; the height of all lines is returned either way. */
static int
layout_lines (RexianWrapLayout *self,
              GtkWidget        *widget,
              int               width,
              gboolean          allocate)
{
  GtkWidget *line_start = gtk_widget_get_first_child (widget);
  int y = 0;

  while (line_start != NULL)
    {
      GtkWidget *child;
      GtkWidget *line_end = NULL;
      int line_width = 0;
      int line_height = 0;
      int n = 0;
      int x;

      /* Find how many children fit on this line: at least one. */
      for (child = line_start; child != NULL; child = gtk_widget_get_next_sibling (child))
        {
          int w;

          if (!gtk_widget_should_layout (child))
            continue;

          w = child_width (child, width);
          if (n > 0 && line_width + self->spacing + w > width)
            break;

          line_width += (n > 0 ? self->spacing : 0) + w;
          line_height = MAX (line_height, child_height (child, w));
          n++;
        }
      line_end = child;

      if (n == 0)
        break;

      if (allocate)
        {
          x = self->pack_end ? MAX (0, width - line_width) : 0;
          for (child = line_start; child != line_end; child = gtk_widget_get_next_sibling (child))
            {
              int w;

              if (!gtk_widget_should_layout (child))
                continue;

              w = child_width (child, width);
              gtk_widget_size_allocate (child,
                                        &(GtkAllocation) { x, y, w, line_height },
                                        -1);
              x += w + self->spacing;
            }
        }

      y += line_height + self->row_spacing;
      line_start = line_end;
    }

  return y > 0 ? y - self->row_spacing : 0;
}

static GtkSizeRequestMode
rexian_wrap_layout_get_request_mode (GtkLayoutManager *manager,
                                     GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rexian_wrap_layout_measure (GtkLayoutManager *manager,
                            GtkWidget        *widget,
                            GtkOrientation    orientation,
                            int               for_size,
                            int              *minimum,
                            int              *natural,
                            int              *minimum_baseline,
                            int              *natural_baseline)
{
  RexianWrapLayout *self = REXIAN_WRAP_LAYOUT (manager);
  int min = 0, nat = 0;
  int n = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* At least the widest child; at best everything on one line. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min = 0, child_nat = 0;

          if (!gtk_widget_should_layout (child))
            continue;

          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          min = MAX (min, child_min);
          nat += (n > 0 ? self->spacing : 0) + child_nat;
          n++;
        }
    }
  else
    {
      int width = for_size;

      if (width < 0)
        rexian_wrap_layout_measure (manager, widget, GTK_ORIENTATION_HORIZONTAL, -1,
                                    NULL, &width, NULL, NULL);
      min = nat = layout_lines (self, widget, width, FALSE);
    }

  if (minimum != NULL)
    *minimum = min;
  if (natural != NULL)
    *natural = nat;
  if (minimum_baseline != NULL)
    *minimum_baseline = -1;
  if (natural_baseline != NULL)
    *natural_baseline = -1;
}

static void
rexian_wrap_layout_allocate (GtkLayoutManager *manager,
                             GtkWidget        *widget,
                             int               width,
                             int               height,
                             int               baseline)
{
  layout_lines (REXIAN_WRAP_LAYOUT (manager), widget, width, TRUE);
}

static void
rexian_wrap_layout_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RexianWrapLayout *self = REXIAN_WRAP_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    case PROP_ROW_SPACING:
      g_value_set_int (value, self->row_spacing);
      break;
    case PROP_PACK_END:
      g_value_set_boolean (value, self->pack_end);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_int (RexianWrapLayout *self,
         int              *field,
         int               value,
         guint             prop_id)
{
  if (*field == value)
    return;

  *field = value;
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
rexian_wrap_layout_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RexianWrapLayout *self = REXIAN_WRAP_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      set_int (self, &self->spacing, g_value_get_int (value), prop_id);
      break;
    case PROP_ROW_SPACING:
      set_int (self, &self->row_spacing, g_value_get_int (value), prop_id);
      break;
    case PROP_PACK_END:
      if (self->pack_end != g_value_get_boolean (value))
        {
          self->pack_end = g_value_get_boolean (value);
          gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_wrap_layout_class_init (RexianWrapLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  object_class->get_property = rexian_wrap_layout_get_property;
  object_class->set_property = rexian_wrap_layout_set_property;

  layout_class->get_request_mode = rexian_wrap_layout_get_request_mode;
  layout_class->measure = rexian_wrap_layout_measure;
  layout_class->allocate = rexian_wrap_layout_allocate;

  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT16, 6,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROW_SPACING] =
    g_param_spec_int ("row-spacing", NULL, NULL, 0, G_MAXINT16, 6,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PACK_END] =
    g_param_spec_boolean ("pack-end", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rexian_wrap_layout_init (RexianWrapLayout *self)
{
  self->spacing = 6;
  self->row_spacing = 6;
}

GtkLayoutManager *
rexian_wrap_layout_new (void)
{
  return g_object_new (REXIAN_TYPE_WRAP_LAYOUT, NULL);
}
