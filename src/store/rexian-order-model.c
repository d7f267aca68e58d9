/* rexian-order-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "rexian-order-model.h"

/* The model holds the ordered keys (id, version) of every matching order, which is
 * cheap even for 100,000 rows, and reads whole orders only for the rows a view asks
 * for, 100 at a time by id; ten pages bound the memory held.  Comparing the keys before
 * and after a change tells which rows changed, so a view is told about those alone and
 * keeps its scroll position, its selection and every other card as it was. */
#define PAGE_SIZE 100
#define MAX_PAGES 10

struct _RexianOrderModel
{
  GObject           parent_instance;

  RexianStore      *store;
  RexianOrderQuery *query;
  gulong            changed_id;
  gboolean          constructed;

  guint             n_items;
  GArray           *ids;      /* gint64, board order */
  GArray           *versions; /* gint64, parallel to ids */
  GArray           *sorted_ids; /* the same ids in ascending order, for lookups */
  gint64            last_event_id;
  GHashTable       *pages;   /* page index -> GPtrArray of RexianWorkOrder */
  GQueue            recent;  /* page indexes, most recently used first */
};

static void rexian_order_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RexianOrderModel, rexian_order_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      rexian_order_model_list_model_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_QUERY,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
drop_cache (RexianOrderModel *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);
}

static GPtrArray *
load_page (RexianOrderModel *self,
           guint             page)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *orders;
  guint first = page * PAGE_SIZE;
  guint count = MIN (PAGE_SIZE, self->n_items - first);

  orders = rexian_store_get_orders_by_ids (self->store,
                                           &g_array_index (self->ids, gint64, first),
                                           count, &error);
  if (orders == NULL)
    {
      g_warning ("Could not read work orders: %s", error->message);
      orders = g_ptr_array_new_with_free_func (g_object_unref);
    }

  /* The view was promised n-items rows: a read that failed shows empty cards until
   * the next refresh rather than leaving holes. */
  while (orders->len < count)
    g_ptr_array_add (orders, rexian_work_order_new ());

  return orders;
}

static GPtrArray *
get_page (RexianOrderModel *self,
          guint             page)
{
  GPtrArray *orders = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));

  if (orders != NULL)
    {
      g_queue_remove (&self->recent, GUINT_TO_POINTER (page));
      g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));
      return orders;
    }

  orders = load_page (self, page);
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), orders);
  g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));

  while (g_queue_get_length (&self->recent) > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->recent));

  return orders;
}

/* GListModel */

static GType
rexian_order_model_get_item_type (GListModel *model)
{
  return REXIAN_TYPE_WORK_ORDER;
}

static guint
rexian_order_model_get_n_items (GListModel *model)
{
  return REXIAN_ORDER_MODEL (model)->n_items;
}

static gpointer
rexian_order_model_get_item (GListModel *model,
                             guint       position)
{
  RexianOrderModel *self = REXIAN_ORDER_MODEL (model);
  GPtrArray *orders;

  if (position >= self->n_items || self->store == NULL)
    return NULL;

  orders = get_page (self, position / PAGE_SIZE);
  return g_object_ref (g_ptr_array_index (orders, position % PAGE_SIZE));
}

static void
rexian_order_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = rexian_order_model_get_item_type;
  iface->get_n_items = rexian_order_model_get_n_items;
  iface->get_item = rexian_order_model_get_item;
}

/* Refreshing */

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Whether a change to these orders can alter what the model shows: one of them is
 * listed now, or matches the query now (so it must be added). */
static gboolean
concerns_model (RexianOrderModel *self,
                GArray           *changed)
{
  for (guint i = 0; i < changed->len; i++)
    {
      if (bsearch (&g_array_index (changed, gint64, i), self->sorted_ids->data,
                   self->sorted_ids->len, sizeof (gint64), compare_ids) != NULL)
        return TRUE;
    }

  return rexian_store_any_matches (self->store, self->query, now_seconds (),
                                   (const gint64 *) (gpointer) changed->data, changed->len,
                                   NULL);
}

void
rexian_order_model_refresh (RexianOrderModel *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) versions = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint old_n_items, n_items;
  guint prefix = 0, suffix = 0;

  g_return_if_fail (REXIAN_IS_ORDER_MODEL (self));

  /* Events committed from here on are the ones the next "changed" looks at. */
  if (self->store != NULL)
    self->last_event_id = rexian_store_get_last_event_id (self->store, NULL);

  if (self->store != NULL
      && !rexian_store_query_order_keys (self->store, self->query, now_seconds (),
                                         ids, versions, &error))
    {
      /* A locked or vanished database keeps the rows the view has; the next change or
       * poll tries again. */
      g_warning ("Could not read work orders: %s", error->message);
      return;
    }

  old_n_items = self->ids->len;
  n_items = ids->len;

  /* The rows that kept their place and their version at both ends are unchanged. */
  while (prefix < old_n_items && prefix < n_items
         && g_array_index (self->ids, gint64, prefix) == g_array_index (ids, gint64, prefix)
         && g_array_index (self->versions, gint64, prefix) == g_array_index (versions, gint64, prefix))
    prefix++;
  while (suffix < old_n_items - prefix && suffix < n_items - prefix
         && g_array_index (self->ids, gint64, old_n_items - 1 - suffix)
              == g_array_index (ids, gint64, n_items - 1 - suffix)
         && g_array_index (self->versions, gint64, old_n_items - 1 - suffix)
              == g_array_index (versions, gint64, n_items - 1 - suffix))
    suffix++;

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->versions, g_array_unref);
  self->ids = g_steal_pointer (&ids);
  self->versions = g_steal_pointer (&versions);
  self->n_items = n_items;

  g_array_set_size (self->sorted_ids, 0);
  g_array_append_vals (self->sorted_ids, self->ids->data, self->ids->len);
  g_array_sort (self->sorted_ids, compare_ids);

  if (prefix == old_n_items && prefix == n_items)
    return;

  /* Pages are cached by position, and positions after the change moved. */
  drop_cache (self);
  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              old_n_items - prefix - suffix, n_items - prefix - suffix);

  if (old_n_items != n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Past this many changed orders a refresh is cheaper than working out which matter. */
#define MAX_CHANGED_TO_CHECK 200

static void
on_store_changed (RexianOrderModel *self,
                  RexianStore      *store)
{
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* Every seat's model hears of every write; a column re-reads its 100,000 keys only
   * when a changed order is in it or now belongs in it.  Every write of an order records
   * an event, so a change without one (a call logged, an article saved) leaves the rows
   * where they were, unless the model filters by deadline colour: new deadline rules or
   * holiday data move orders between colours without touching them. */
  if (rexian_store_changed_orders_since (store, &self->last_event_id, changed, NULL))
    {
      gboolean by_colour = self->query->color != REXIAN_DEADLINE_NONE
                           || self->query->alerts_only;

      if (changed->len == 0 && !by_colour)
        return;
      if (changed->len > 0 && changed->len <= MAX_CHANGED_TO_CHECK
          && !concerns_model (self, changed))
        return;
    }

  rexian_order_model_refresh (self);
}

/* Accessors */

const RexianOrderQuery *
rexian_order_model_get_query (RexianOrderModel *self)
{
  g_return_val_if_fail (REXIAN_IS_ORDER_MODEL (self), NULL);

  return self->query;
}

void
rexian_order_model_set_query (RexianOrderModel       *self,
                              const RexianOrderQuery *query)
{
  g_return_if_fail (REXIAN_IS_ORDER_MODEL (self));

  if (query != NULL && rexian_order_query_equal (self->query, query))
    return;

  g_clear_pointer (&self->query, rexian_order_query_free);
  self->query = query != NULL ? rexian_order_query_copy (query) : rexian_order_query_new ();

  /* During construction the model counts once, in constructed(). */
  if (self->constructed)
    rexian_order_model_refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

static void
set_store (RexianOrderModel *self,
           RexianStore      *store)
{
  g_assert (self->store == NULL);

  if (store == NULL)
    return;

  self->store = g_object_ref (store);
  self->changed_id = g_signal_connect_object (store, "changed",
                                              G_CALLBACK (on_store_changed), self,
                                              G_CONNECT_SWAPPED);
}

/* GObject */

static void
rexian_order_model_constructed (GObject *object)
{
  RexianOrderModel *self = REXIAN_ORDER_MODEL (object);

  G_OBJECT_CLASS (rexian_order_model_parent_class)->constructed (object);

  self->constructed = TRUE;
  rexian_order_model_refresh (self);
}

static void
rexian_order_model_dispose (GObject *object)
{
  RexianOrderModel *self = REXIAN_ORDER_MODEL (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  drop_cache (self);

  G_OBJECT_CLASS (rexian_order_model_parent_class)->dispose (object);
}

static void
rexian_order_model_finalize (GObject *object)
{
  RexianOrderModel *self = REXIAN_ORDER_MODEL (object);

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->versions, g_array_unref);
  g_clear_pointer (&self->sorted_ids, g_array_unref);
  g_clear_pointer (&self->query, rexian_order_query_free);

  G_OBJECT_CLASS (rexian_order_model_parent_class)->finalize (object);
}

static void
rexian_order_model_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RexianOrderModel *self = REXIAN_ORDER_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_QUERY:
      g_value_set_boxed (value, self->query);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_order_model_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RexianOrderModel *self = REXIAN_ORDER_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;

    case PROP_QUERY:
      rexian_order_model_set_query (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_order_model_class_init (RexianOrderModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rexian_order_model_constructed;
  object_class->dispose = rexian_order_model_dispose;
  object_class->finalize = rexian_order_model_finalize;
  object_class->get_property = rexian_order_model_get_property;
  object_class->set_property = rexian_order_model_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, REXIAN_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_QUERY] =
    g_param_spec_boxed ("query", NULL, NULL, REXIAN_TYPE_ORDER_QUERY,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rexian_order_model_init (RexianOrderModel *self)
{
  self->query = rexian_order_query_new ();
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->versions = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->sorted_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL,
                                       (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->recent);
}

RexianOrderModel *
rexian_order_model_new (RexianStore            *store,
                        const RexianOrderQuery *query)
{
  g_return_val_if_fail (REXIAN_IS_STORE (store), NULL);

  return g_object_new (REXIAN_TYPE_ORDER_MODEL,
                       "store", store,
                       "query", query,
                       NULL);
}
