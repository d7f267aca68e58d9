/* rexian-order-query.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rexian-store.h"

G_BEGIN_DECLS

/* What a kanban column or a list shows: a state plus the board's filters. */
typedef struct
{
  int                 state;          /* a RexianState, or -1 for every state */
  char               *text;           /* number, phone, name or words; NULL or "" for all */
  gint64              category_id;    /* 0: any */
  gint64              department_id;  /* lead or assisting; 0: any */
  RexianDeadlineColor color;          /* NONE: any; GREEN, YELLOW or RED: running deadline */
  gboolean            alerts_only;    /* yellow or red only (the alerts list) */
  gboolean            supervised_only;
} RexianOrderQuery;

#define REXIAN_TYPE_ORDER_QUERY (rexian_order_query_get_type ())

GType             rexian_order_query_get_type (void) G_GNUC_CONST;
RexianOrderQuery *rexian_order_query_new   (void);           /* state -1, nothing set */
RexianOrderQuery *rexian_order_query_copy  (const RexianOrderQuery *query);
void              rexian_order_query_free  (RexianOrderQuery *query);
gboolean          rexian_order_query_equal (const RexianOrderQuery *a,
                                            const RexianOrderQuery *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RexianOrderQuery, rexian_order_query_free)

/* Orders matching @query, ordered for the board (emergency first, then the running
 * deadline soonest, then newest).  Text of 3 or more characters goes through the FTS5
 * trigram index; shorter text through LIKE on the table (trigram cannot match it).
 * Colours are evaluated at @now with the store's calendar and rules. */
guint      rexian_store_count_orders (RexianStore            *self,
                                      const RexianOrderQuery *query,
                                      gint64                  now,
                                      GError                **error);
GPtrArray *rexian_store_query_orders (RexianStore            *self,
                                      const RexianOrderQuery *query,
                                      gint64                  now,
                                      guint                   offset,
                                      guint                   limit,
                                      GError                **error); /* RexianWorkOrder */

/* The keys of every order matching @query, in board order: ids and versions appended to
 * @out_ids and @out_versions (GArrays of gint64).  A list model compares them between
 * refreshes to tell exactly which rows changed. */
gboolean   rexian_store_query_order_keys  (RexianStore            *self,
                                           const RexianOrderQuery *query,
                                           gint64                  now,
                                           GArray                 *out_ids,
                                           GArray                 *out_versions,
                                           GError                **error);
/* The orders with these ids, in the same order; an id no longer stored gives an empty
 * order (id 0) in its place, so positions stay aligned. */
GPtrArray *rexian_store_get_orders_by_ids (RexianStore            *self,
                                           const gint64           *ids,
                                           guint                   n_ids,
                                           GError                **error); /* RexianWorkOrder */
/* The same on the store's worker thread; finish with rexian_store_get_rows_by_ids_finish().
 * @ids is a GArray of gint64. */
void       rexian_store_get_orders_by_ids_async (RexianStore         *self,
                                                 GArray              *ids,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
GPtrArray *rexian_store_get_rows_by_ids_finish  (RexianStore         *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* Watching what changed, so a list that shows some orders re-reads only when a change
 * concerns it.  Every write of an order records an event, and event ids grow with
 * commits; @inout_last_event_id is where the previous look stopped (start from
 * rexian_store_get_last_event_id()).  The ids of the orders with newer events are
 * appended to @out_order_ids, once each. */
gint64     rexian_store_get_last_event_id     (RexianStore            *self,
                                               GError                **error);
gboolean   rexian_store_changed_orders_since  (RexianStore            *self,
                                               gint64                 *inout_last_event_id,
                                               GArray                 *out_order_ids,
                                               GError                **error);
/* Whether any of @ids matches @query at @now. */
gboolean   rexian_store_any_matches           (RexianStore            *self,
                                               const RexianOrderQuery *query,
                                               gint64                  now,
                                               const gint64           *ids,
                                               guint                   n_ids,
                                               GError                **error);

G_END_DECLS
