/* rexian-alerts-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rexian-alerts-view.h"
#include "rexian-order-card.h"
#include "rexian-order-model.h"

struct _RexianAlertsView
{
  GtkWidget           parent_instance;

  RexianStore        *store;
  RexianOrderModel   *model;
  RexianCardContext   cards;

  GtkStack           *stack;
  GtkLabel           *summary_label;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (RexianAlertsView, rexian_alerts_view, GTK_TYPE_WIDGET)

enum {
  ORDER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update (RexianAlertsView *self)
{
  guint count = rexian_alerts_view_get_count (self);
  g_autofree char *summary = NULL;

  rexian_card_context_update (&self->cards);

  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u order is overdue or due within %d working day. Overdue orders come first.",
                                          "%u orders are overdue or due within %d working days. Overdue orders come first.",
                                          count),
                             count, self->cards.rules.yellow_days);
  gtk_label_set_text (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->stack, count > 0 ? "list" : "empty");
}

static void
on_activate (GtkListView      *list_view,
             guint             position,
             RexianAlertsView *self)
{
  g_autoptr(RexianWorkOrder) order = NULL;

  if (self->model == NULL)
    return;

  order = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  if (order != NULL)
    g_signal_emit (self, signals[ORDER_ACTIVATED], 0, order);
}

static void
rexian_alerts_view_dispose (GObject *object)
{
  RexianAlertsView *self = (RexianAlertsView *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), REXIAN_TYPE_ALERTS_VIEW);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, update, self);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  self->cards.store = NULL;

  G_OBJECT_CLASS (rexian_alerts_view_parent_class)->dispose (object);
}

static void
rexian_alerts_view_class_init (RexianAlertsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rexian_alerts_view_dispose;

  signals[ORDER_ACTIVATED] =
    g_signal_new ("order-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, REXIAN_TYPE_WORK_ORDER);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rexian/Rexian/rexian-alerts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RexianAlertsView, stack);
  gtk_widget_class_bind_template_child (widget_class, RexianAlertsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RexianAlertsView, list_view);
}

static void
rexian_alerts_view_init (RexianAlertsView *self)
{
  g_autoptr(GtkListItemFactory) factory = rexian_order_card_factory_new (&self->cards);

  gtk_widget_init_template (GTK_WIDGET (self));
  rexian_card_context_update (&self->cards);
  gtk_list_view_set_factory (self->list_view, factory);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_activate), self);
  update (self);
}

RexianAlertsView *
rexian_alerts_view_new (void)
{
  return g_object_new (REXIAN_TYPE_ALERTS_VIEW, NULL);
}

void
rexian_alerts_view_set_store (RexianAlertsView *self,
                              RexianStore      *store)
{
  g_autoptr(RexianOrderQuery) query = rexian_order_query_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (REXIAN_IS_ALERTS_VIEW (self));

  if (!g_set_object (&self->store, store))
    return;
  self->cards.store = store;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, update, self);
  g_clear_object (&self->model);

  if (store != NULL)
    {
      query->alerts_only = TRUE;
      self->model = rexian_order_model_new (store, query);
      g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (update), self);
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
    }
  else
    {
      gtk_list_view_set_model (self->list_view, NULL);
    }

  update (self);
}

void
rexian_alerts_view_refresh (RexianAlertsView *self)
{
  g_return_if_fail (REXIAN_IS_ALERTS_VIEW (self));

  if (self->model != NULL)
    rexian_order_model_refresh (self->model);
  update (self);
}

guint
rexian_alerts_view_get_count (RexianAlertsView *self)
{
  g_return_val_if_fail (REXIAN_IS_ALERTS_VIEW (self), 0);

  return self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
}
