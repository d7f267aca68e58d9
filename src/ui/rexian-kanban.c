/* rexian-kanban.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-kanban.h"

struct _RexianKanban
{
  GtkWidget           parent_instance;

  RexianStore        *store;
  RexianOrderQuery   *filter;
  RexianKanbanColumn *columns[REXIAN_N_STATES];

  GtkWidget          *scroller;
  GtkBox             *columns_box;
};

G_DEFINE_FINAL_TYPE (RexianKanban, rexian_kanban, GTK_TYPE_WIDGET)

enum {
  ORDER_ACTIVATED,
  MOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_column_activated (RexianKanban    *self,
                     RexianWorkOrder *order)
{
  g_signal_emit (self, signals[ORDER_ACTIVATED], 0, order);
}

static gboolean
on_column_move_requested (RexianKanban    *self,
                          RexianWorkOrder *order,
                          int              to_state)
{
  gboolean accepted = FALSE;

  g_signal_emit (self, signals[MOVE_REQUESTED], 0, order, to_state, &accepted);

  return accepted;
}

static void
apply_filter (RexianKanban *self)
{
  if (self->store == NULL)
    return;

  for (guint i = 0; i < REXIAN_N_STATES; i++)
    {
      g_autoptr(RexianOrderQuery) query = rexian_order_query_copy (self->filter);
      RexianOrderModel *model = rexian_kanban_column_get_model (self->columns[i]);

      query->state = (int) i;
      if (model == NULL)
        {
          g_autoptr(RexianOrderModel) new_model = rexian_order_model_new (self->store, query);

          rexian_kanban_column_set_model (self->columns[i], new_model);
        }
      else if (!rexian_order_query_equal (rexian_order_model_get_query (model), query))
        {
          rexian_order_model_set_query (model, query);
        }
    }
}

static void
rexian_kanban_dispose (GObject *object)
{
  RexianKanban *self = (RexianKanban *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), REXIAN_TYPE_KANBAN);
  g_clear_object (&self->store);
  g_clear_pointer (&self->filter, rexian_order_query_free);

  G_OBJECT_CLASS (rexian_kanban_parent_class)->dispose (object);
}

static void
rexian_kanban_class_init (RexianKanbanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rexian_kanban_dispose;

  signals[ORDER_ACTIVATED] =
    g_signal_new ("order-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, REXIAN_TYPE_WORK_ORDER);
  signals[MOVE_REQUESTED] =
    g_signal_new ("move-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_first_wins, NULL, NULL,
                  G_TYPE_BOOLEAN, 2, REXIAN_TYPE_WORK_ORDER, G_TYPE_INT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kanban");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rexian/Rexian/rexian-kanban.ui");
  gtk_widget_class_bind_template_child (widget_class, RexianKanban, scroller);
  gtk_widget_class_bind_template_child (widget_class, RexianKanban, columns_box);
}

static void
rexian_kanban_init (RexianKanban *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = rexian_order_query_new ();

  for (guint i = 0; i < REXIAN_N_STATES; i++)
    {
      self->columns[i] = rexian_kanban_column_new ((RexianState) i);
      g_signal_connect_swapped (self->columns[i], "order-activated",
                                G_CALLBACK (on_column_activated), self);
      g_signal_connect_swapped (self->columns[i], "move-requested",
                                G_CALLBACK (on_column_move_requested), self);
      gtk_box_append (self->columns_box, GTK_WIDGET (self->columns[i]));
    }
}

RexianKanban *
rexian_kanban_new (void)
{
  return g_object_new (REXIAN_TYPE_KANBAN, NULL);
}

void
rexian_kanban_set_store (RexianKanban *self,
                         RexianStore  *store)
{
  g_return_if_fail (REXIAN_IS_KANBAN (self));

  if (!g_set_object (&self->store, store))
    return;

  for (guint i = 0; i < REXIAN_N_STATES; i++)
    {
      rexian_kanban_column_set_model (self->columns[i], NULL);
      rexian_kanban_column_set_store (self->columns[i], store);
    }

  apply_filter (self);
}

void
rexian_kanban_set_filter (RexianKanban           *self,
                          const RexianOrderQuery *filter)
{
  g_return_if_fail (REXIAN_IS_KANBAN (self));
  g_return_if_fail (filter != NULL);

  g_clear_pointer (&self->filter, rexian_order_query_free);
  self->filter = rexian_order_query_copy (filter);
  apply_filter (self);
}

void
rexian_kanban_refresh (RexianKanban *self)
{
  g_return_if_fail (REXIAN_IS_KANBAN (self));

  for (guint i = 0; i < REXIAN_N_STATES; i++)
    {
      RexianOrderModel *model = rexian_kanban_column_get_model (self->columns[i]);

      if (model != NULL)
        rexian_order_model_refresh (model);
    }
}

void
rexian_kanban_refresh_deadlines (RexianKanban *self)
{
  g_return_if_fail (REXIAN_IS_KANBAN (self));

  for (guint i = 0; i < REXIAN_N_STATES; i++)
    rexian_kanban_column_refresh_deadlines (self->columns[i]);
}

RexianKanbanColumn *
rexian_kanban_get_column (RexianKanban *self,
                          RexianState   state)
{
  g_return_val_if_fail (REXIAN_IS_KANBAN (self), NULL);
  g_return_val_if_fail ((int) state >= 0 && state < REXIAN_N_STATES, NULL);

  return self->columns[state];
}
