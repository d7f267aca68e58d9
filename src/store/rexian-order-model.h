/* rexian-order-model.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rexian-order-query.h"
#include "rexian-store.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_ORDER_MODEL (rexian_order_model_get_type ())

G_DECLARE_FINAL_TYPE (RexianOrderModel, rexian_order_model, REXIAN, ORDER_MODEL, GObject)

/* A GListModel of RexianWorkOrder over a query, for list views that must stay fast with
 * 100,000 orders: it counts with SQL and reads items a page at a time, as they are asked
 * for, keeping a bounded cache.  When the store says "changed" (this or another process
 * wrote) it re-counts, drops its cache and emits items-changed, so the view updates in
 * place.  Properties: "store", "query" (boxed copy), "n-items" (read-only, notified). */

RexianOrderModel       *rexian_order_model_new       (RexianStore            *store,
                                                      const RexianOrderQuery *query);
const RexianOrderQuery *rexian_order_model_get_query (RexianOrderModel       *self);
void                    rexian_order_model_set_query (RexianOrderModel       *self,
                                                      const RexianOrderQuery *query);
/* Re-reads now (also done on "changed"). */
void                    rexian_order_model_refresh   (RexianOrderModel       *self);

G_END_DECLS
