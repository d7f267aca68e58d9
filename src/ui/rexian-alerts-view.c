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
#include "rexian-store-supervision.h"
#include "rexian-ui-util.h"

struct _RexianAlertsView
{
  GtkWidget           parent_instance;

  RexianStore        *store;
  RexianOrderModel   *model;
  RexianCardContext   cards;

  /* The Supervised page (督办件): read on the store's worker thread whenever the store
   * changes; a newer read makes an older one's result stale. */
  GCancellable       *cancellable;
  GPtrArray          *supervised; /* RexianSupervisedOrder */
  guint               supervised_generation;

  GtkStack           *pages;
  GtkStack           *stack;
  GtkLabel           *summary_label;
  GtkListView        *list_view;
  GtkStack           *supervised_stack;
  GtkLabel           *supervised_label;
  GtkListBox         *supervised_list;
};

/* Supervised orders listed at most, the latest first: rebuilding tens of thousands of
 * rows at each change another seat makes would hold up the window. */
#define SUPERVISED_ROWS_LIMIT 200

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

/* The Supervised page */

static char *
describe_latest (const RexianSupervisedOrder *item)
{
  const RexianSupervisionRecord *record = item->latest;
  g_autoptr(GDateTime) at = NULL;
  g_autofree char *when = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  /* Supervised before records were kept, or by another Rexian's older version. */
  if (record == NULL)
    return g_strdup (_("No supervision record yet"));

  at = g_date_time_new_from_unix_local (record->at);
  when = g_date_time_format (at, "%Y-%m-%d %H:%M");
  g_string_append_printf (text, "%s · %s", rexian_supervise_reason_get_label (record->cause),
                          rexian_supervise_method_get_label (record->method));
  if (record->responsible != NULL && record->responsible[0] != '\0')
    g_string_append_printf (text, " · %s", record->responsible);
  g_string_append_printf (text, " · %s\n", when);
  if (record->outcome != NULL && record->outcome[0] != '\0')
    /* Translators: the outcome of the latest supervision of an order. */
    g_string_append_printf (text, _("Outcome: %s"), record->outcome);
  else
    g_string_append (text, _("Outcome pending"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
supervised_row_new (const RexianSupervisedOrder *item)
{
  RexianWorkOrder *order = item->order;
  const char *summary = rexian_work_order_get_summary (order);
  g_autofree char *title = g_strdup_printf ("%s · %s", rexian_work_order_get_number (order),
                                            summary != NULL && summary[0] != '\0'
                                            ? summary : _("No summary"));
  g_autofree char *subtitle = describe_latest (item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge = gtk_label_new (C_("badge", "Supervised"));
  GtkWidget *state = gtk_label_new (rexian_state_get_label (rexian_work_order_get_state (order)));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_widget_add_css_class (badge, "badge");
  gtk_widget_add_css_class (badge, "badge-supervised");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), badge);
  gtk_widget_add_css_class (state, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_widget_add_css_class (row, "supervised-order-row");
  if (item->latest == NULL || item->latest->outcome == NULL || item->latest->outcome[0] == '\0')
    gtk_widget_add_css_class (row, "supervision-pending");

  return row;
}

static void
show_supervised (RexianAlertsView *self,
                 GPtrArray        *items)
{
  GtkWidget *child;
  guint pending = 0;
  g_autofree char *summary = NULL;

  g_clear_pointer (&self->supervised, g_ptr_array_unref);
  self->supervised = items != NULL ? g_ptr_array_ref (items) : NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->supervised_list))) != NULL)
    gtk_list_box_remove (self->supervised_list, child);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      RexianSupervisedOrder *item = g_ptr_array_index (items, i);

      if (i < SUPERVISED_ROWS_LIMIT)
        gtk_list_box_append (self->supervised_list, supervised_row_new (item));
      if (item->latest == NULL || item->latest->outcome == NULL
          || item->latest->outcome[0] == '\0')
        pending++;
    }

  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u open order is under supervision, %u of them "
                                          "waiting for an outcome. The latest supervision "
                                          "comes first.",
                                          "%u open orders are under supervision, %u of them "
                                          "waiting for an outcome. The latest supervision "
                                          "comes first.",
                                          items != NULL ? items->len : 0),
                             items != NULL ? items->len : 0, pending);
  if (items != NULL && items->len > SUPERVISED_ROWS_LIMIT)
    {
      g_autofree char *more = g_strdup_printf (_("The latest %u are listed."),
                                               SUPERVISED_ROWS_LIMIT);
      g_autofree char *full = g_strconcat (summary, " ", more, NULL);

      gtk_label_set_text (self->supervised_label, full);
    }
  else
    gtk_label_set_text (self->supervised_label, summary);
  gtk_stack_set_visible_child_name (self->supervised_stack,
                                    items != NULL && items->len > 0 ? "list" : "empty");
}

typedef struct
{
  RexianAlertsView *self;
  guint             generation;
} SupervisedLoad;

static void
on_supervised_loaded (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  SupervisedLoad *load = user_data;
  g_autoptr(RexianAlertsView) self = load->self;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  guint generation = load->generation;

  g_free (load);
  items = rexian_store_supervision_list_finish (REXIAN_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || generation != self->supervised_generation)
    return;

  /* A locked database is transient: keep the list and read again at the next change. */
  if (items == NULL)
    {
      g_debug ("Could not read the supervised orders: %s", error->message);
      return;
    }

  show_supervised (self, items);
}

static void
load_supervised (RexianAlertsView *self)
{
  SupervisedLoad *load;

  self->supervised_generation++;

  if (self->store == NULL)
    {
      show_supervised (self, NULL);
      return;
    }

  load = g_new0 (SupervisedLoad, 1);
  load->self = g_object_ref (self);
  load->generation = self->supervised_generation;
  rexian_store_list_supervised_orders_async (self->store, self->cancellable,
                                             on_supervised_loaded, load);
}

/* Many seats write all day: the list is read again only while it can be seen, and when
 * it is shown. */
static void
on_store_changed (RexianAlertsView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self->supervised_stack)))
    load_supervised (self);
}

static void
on_page_changed (RexianAlertsView *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "supervised") == 0)
    load_supervised (self);
}

static void
on_supervised_activated (RexianAlertsView *self,
                         GtkListBoxRow    *row)
{
  int index = gtk_list_box_row_get_index (row);
  RexianSupervisedOrder *item;

  if (self->supervised == NULL || index < 0 || (guint) index >= self->supervised->len)
    return;

  item = g_ptr_array_index (self->supervised, index);
  g_signal_emit (self, signals[ORDER_ACTIVATED], 0, item->order);
}

static void
rexian_alerts_view_dispose (GObject *object)
{
  RexianAlertsView *self = (RexianAlertsView *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->supervised, g_ptr_array_unref);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);

  rexian_widget_dispose_template (GTK_WIDGET (self), REXIAN_TYPE_ALERTS_VIEW);
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
  gtk_widget_class_bind_template_child (widget_class, RexianAlertsView, pages);
  gtk_widget_class_bind_template_child (widget_class, RexianAlertsView, stack);
  gtk_widget_class_bind_template_child (widget_class, RexianAlertsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RexianAlertsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, RexianAlertsView, supervised_stack);
  gtk_widget_class_bind_template_child (widget_class, RexianAlertsView, supervised_label);
  gtk_widget_class_bind_template_child (widget_class, RexianAlertsView, supervised_list);
  gtk_widget_class_bind_template_callback (widget_class, on_supervised_activated);
}

static void
rexian_alerts_view_init (RexianAlertsView *self)
{
  g_autoptr(GtkListItemFactory) factory = rexian_order_card_factory_new (&self->cards);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect_swapped (self->pages, "notify::visible-child", G_CALLBACK (on_page_changed),
                            self);
  rexian_card_context_update (&self->cards);
  gtk_list_view_set_factory (self->list_view, factory);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_activate), self);
  update (self);
  show_supervised (self, NULL);
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

  if (self->store != NULL && self->store != store)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
  if (!g_set_object (&self->store, store))
    return;
  self->cards.store = store;
  /* Another seat's record or outcome changes no order's version, so the list follows
   * the store itself rather than the order model. */
  if (store != NULL)
    g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed), self);

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
  load_supervised (self);
}

void
rexian_alerts_view_refresh (RexianAlertsView *self)
{
  g_return_if_fail (REXIAN_IS_ALERTS_VIEW (self));

  if (self->model != NULL)
    rexian_order_model_refresh (self->model);
  update (self);
  load_supervised (self);
}

guint
rexian_alerts_view_get_count (RexianAlertsView *self)
{
  g_return_val_if_fail (REXIAN_IS_ALERTS_VIEW (self), 0);

  return self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
}

guint
rexian_alerts_view_get_supervised_count (RexianAlertsView *self)
{
  g_return_val_if_fail (REXIAN_IS_ALERTS_VIEW (self), 0);

  return self->supervised != NULL ? self->supervised->len : 0;
}

void
rexian_alerts_view_show_page (RexianAlertsView *self,
                              const char       *name)
{
  g_return_if_fail (REXIAN_IS_ALERTS_VIEW (self));

  gtk_stack_set_visible_child_name (self->pages, name);
}

GtkListBox *
rexian_alerts_view_get_supervised_list (RexianAlertsView *self)
{
  g_return_val_if_fail (REXIAN_IS_ALERTS_VIEW (self), NULL);

  return self->supervised_list;
}
