/* rexian-alerts-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rexian-store.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_ALERTS_VIEW (rexian_alerts_view_get_type ())

G_DECLARE_FINAL_TYPE (RexianAlertsView, rexian_alerts_view, REXIAN, ALERTS_VIEW, GtkWidget)

/* The deadline alerts: every open order whose deadline is near (yellow) or past (red),
 * overdue first, as cards that open the order; and on a second page the supervised
 * orders.  Signal "order-activated" (RexianWorkOrder *). */
RexianAlertsView *rexian_alerts_view_new       (void);
void              rexian_alerts_view_set_store (RexianAlertsView *self,
                                                RexianStore      *store);
void              rexian_alerts_view_refresh   (RexianAlertsView *self);
guint             rexian_alerts_view_get_count (RexianAlertsView *self);
/* The second page, "supervised" (督办件): open supervised orders with their latest record
 * (cause, method, person, time, outcome or pending); a click opens the order. */
guint             rexian_alerts_view_get_supervised_count (RexianAlertsView *self);
/* Shows "deadlines" or "supervised". */
void              rexian_alerts_view_show_page            (RexianAlertsView *self,
                                                           const char       *name);
GtkListBox       *rexian_alerts_view_get_supervised_list  (RexianAlertsView *self);

G_END_DECLS
