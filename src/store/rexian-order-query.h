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

G_END_DECLS
