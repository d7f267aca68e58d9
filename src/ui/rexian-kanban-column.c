/* rexian-kanban-column.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-kanban-column.h"
#include "rexian-order-card.h"

struct _RexianKanbanColumn
{
  GtkWidget           parent_instance;

  RexianState         state;
  RexianStore        *store;
  RexianOrderModel   *model;
  GtkSingleSelection *selection;
  RexianCardContext   cards;

  GtkWidget          *box;
  GtkLabel           *title_label;
  GtkLabel           *count_label;
  GtkListView        *list_view;
  GtkLabel           *empty_label;
};

G_DEFINE_FINAL_TYPE (RexianKanbanColumn, rexian_kanban_column, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATE,
  PROP_COUNT,
  N_PROPS
};

enum {
  ORDER_ACTIVATED,
  MOVE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_count (RexianKanbanColumn *self)
{
  guint count = rexian_kanban_column_get_count (self);
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_text (self->count_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), count == 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
}

static void
on_items_changed (RexianKanbanColumn *self)
{
  rexian_card_context_update (&self->cards);
  update_count (self);
}

static void
on_activate (GtkListView        *list_view,
             guint               position,
             RexianKanbanColumn *self)
{
  g_autoptr(RexianWorkOrder) order = NULL;

  if (self->model == NULL)
    return;

  order = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  if (order != NULL)
    g_signal_emit (self, signals[ORDER_ACTIVATED], 0, order);
}

static gboolean
on_drop (GtkDropTarget      *target,
         const GValue       *value,
         double              x,
         double              y,
         RexianKanbanColumn *self)
{
  RexianWorkOrder *order;
  gboolean accepted = FALSE;

  if (!G_VALUE_HOLDS (value, REXIAN_TYPE_WORK_ORDER))
    return FALSE;

  order = g_value_get_object (value);
  if (order == NULL || rexian_work_order_get_state (order) == self->state)
    return FALSE;

  /* Returning FALSE cancels the drop, and GTK animates the card back to where it came
   * from: that is the "snap back" of a refused move. */
  g_signal_emit (self, signals[MOVE_REQUESTED], 0, order, (int) self->state, &accepted);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-hover");

  return accepted;
}

static GdkDragAction
on_drop_enter (GtkDropTarget      *target,
               double              x,
               double              y,
               RexianKanbanColumn *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "drop-hover");
  return GDK_ACTION_MOVE;
}

static void
on_drop_leave (GtkDropTarget      *target,
               RexianKanbanColumn *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-hover");
}

static RexianWorkOrder *
dup_selected_order (RexianKanbanColumn *self)
{
  gpointer item;

  if (self->selection == NULL)
    return NULL;

  item = gtk_single_selection_get_selected_item (self->selection);
  return item != NULL ? g_object_ref (item) : NULL;
}

static void
move_selected (RexianKanbanColumn *self,
               int                 step)
{
  g_autoptr(RexianWorkOrder) order = dup_selected_order (self);
  gboolean accepted = FALSE;
  int to_state = (int) self->state + step;

  if (order == NULL || to_state < 0 || to_state >= REXIAN_N_STATES)
    return;

  g_signal_emit (self, signals[MOVE_REQUESTED], 0, order, to_state, &accepted);
}

static void
move_left_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_selected (REXIAN_KANBAN_COLUMN (widget), -1);
}

static void
move_right_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move_selected (REXIAN_KANBAN_COLUMN (widget), +1);
}

static GtkWidget *
find_card_for (GtkWidget       *widget,
               RexianWorkOrder *order)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (REXIAN_IS_ORDER_CARD (child)
          && rexian_order_card_get_order (REXIAN_ORDER_CARD (child)) == order)
        return child;

      if ((found = find_card_for (child, order)))
        return found;
    }

  return NULL;
}

void
rexian_kanban_column_refresh_deadlines (RexianKanbanColumn *self)
{
  g_return_if_fail (REXIAN_IS_KANBAN_COLUMN (self));

  rexian_card_context_update (&self->cards);
  rexian_order_card_refresh_below (GTK_WIDGET (self->list_view), &self->cards);
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RexianKanbanColumn *self = REXIAN_KANBAN_COLUMN (widget);
  g_autoptr(RexianWorkOrder) order = dup_selected_order (self);
  GtkWidget *card;

  if (order == NULL)
    return;

  card = find_card_for (GTK_WIDGET (self->list_view), order);
  if (card != NULL)
    rexian_order_card_popup_menu (REXIAN_ORDER_CARD (card));
}

static void
rexian_kanban_column_constructed (GObject *object)
{
  RexianKanbanColumn *self = (RexianKanbanColumn *) object;

  G_OBJECT_CLASS (rexian_kanban_column_parent_class)->constructed (object);

  gtk_label_set_text (self->title_label, rexian_state_get_label (self->state));
  gtk_widget_add_css_class (GTK_WIDGET (self), rexian_state_to_string (self->state));
}

static void
rexian_kanban_column_dispose (GObject *object)
{
  RexianKanbanColumn *self = (RexianKanbanColumn *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), REXIAN_TYPE_KANBAN_COLUMN);
  g_clear_object (&self->selection);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  self->cards.store = NULL;

  G_OBJECT_CLASS (rexian_kanban_column_parent_class)->dispose (object);
}

static void
rexian_kanban_column_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RexianKanbanColumn *self = REXIAN_KANBAN_COLUMN (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;

    case PROP_COUNT:
      g_value_set_uint (value, rexian_kanban_column_get_count (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_kanban_column_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RexianKanbanColumn *self = REXIAN_KANBAN_COLUMN (object);

  switch (prop_id)
    {
    case PROP_STATE:
      self->state = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_kanban_column_class_init (RexianKanbanColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rexian_kanban_column_constructed;
  object_class->dispose = rexian_kanban_column_dispose;
  object_class->get_property = rexian_kanban_column_get_property;
  object_class->set_property = rexian_kanban_column_set_property;

  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, 0, REXIAN_N_STATES - 1, 0,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ORDER_ACTIVATED] =
    g_signal_new ("order-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, REXIAN_TYPE_WORK_ORDER);
  signals[MOVE_REQUESTED] =
    g_signal_new ("move-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_first_wins, NULL, NULL,
                  G_TYPE_BOOLEAN, 2, REXIAN_TYPE_WORK_ORDER, G_TYPE_INT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kanbancolumn");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rexian/Rexian/rexian-kanban-column.ui");
  gtk_widget_class_bind_template_child (widget_class, RexianKanbanColumn, box);
  gtk_widget_class_bind_template_child (widget_class, RexianKanbanColumn, title_label);
  gtk_widget_class_bind_template_child (widget_class, RexianKanbanColumn, count_label);
  gtk_widget_class_bind_template_child (widget_class, RexianKanbanColumn, list_view);
  gtk_widget_class_bind_template_child (widget_class, RexianKanbanColumn, empty_label);

  gtk_widget_class_install_action (widget_class, "column.move-left", NULL, move_left_action);
  gtk_widget_class_install_action (widget_class, "column.move-right", NULL, move_right_action);
  gtk_widget_class_install_action (widget_class, "column.menu", NULL, menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "column.move-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "column.move-right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "column.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "column.menu", NULL);
}

static void
rexian_kanban_column_init (RexianKanbanColumn *self)
{
  g_autoptr(GtkListItemFactory) factory = rexian_order_card_factory_new (&self->cards);
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  rexian_card_context_update (&self->cards);

  gtk_list_view_set_factory (self->list_view, factory);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_activate), self);

  drop = gtk_drop_target_new (REXIAN_TYPE_WORK_ORDER, GDK_ACTION_MOVE);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  g_signal_connect (drop, "enter", G_CALLBACK (on_drop_enter), self);
  g_signal_connect (drop, "leave", G_CALLBACK (on_drop_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

RexianKanbanColumn *
rexian_kanban_column_new (RexianState state)
{
  return g_object_new (REXIAN_TYPE_KANBAN_COLUMN, "state", (int) state, NULL);
}

RexianState
rexian_kanban_column_get_state (RexianKanbanColumn *self)
{
  g_return_val_if_fail (REXIAN_IS_KANBAN_COLUMN (self), 0);

  return self->state;
}

RexianOrderModel *
rexian_kanban_column_get_model (RexianKanbanColumn *self)
{
  g_return_val_if_fail (REXIAN_IS_KANBAN_COLUMN (self), NULL);

  return self->model;
}

void
rexian_kanban_column_set_model (RexianKanbanColumn *self,
                                RexianOrderModel   *model)
{
  g_return_if_fail (REXIAN_IS_KANBAN_COLUMN (self));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_set_object (&self->model, model);

  g_clear_object (&self->selection);
  if (model != NULL)
    {
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (model)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      /* A new selection model picks its first row; a board with nothing chosen yet
       * should not look as if every column's first card were. */
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_items_changed), self);
    }

  rexian_card_context_update (&self->cards);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_count (self);
}

void
rexian_kanban_column_set_store (RexianKanbanColumn *self,
                                RexianStore        *store)
{
  g_return_if_fail (REXIAN_IS_KANBAN_COLUMN (self));

  g_set_object (&self->store, store);
  self->cards.store = store;
  rexian_card_context_update (&self->cards);
}

guint
rexian_kanban_column_get_count (RexianKanbanColumn *self)
{
  g_return_val_if_fail (REXIAN_IS_KANBAN_COLUMN (self), 0);

  return self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
}
