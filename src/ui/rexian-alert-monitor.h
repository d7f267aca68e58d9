/* rexian-alert-monitor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rexian-order-query.h"
#include "rexian-store.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_ALERT_MONITOR (rexian_alert_monitor_get_type ())

G_DECLARE_FINAL_TYPE (RexianAlertMonitor, rexian_alert_monitor, REXIAN, ALERT_MONITOR, GObject)

/* Watches the deadlines of open orders: it re-evaluates every minute and whenever the
 * store changes, counts the yellow and red ones ("n-yellow", "n-red"), and emits
 * "turned" (RexianWorkOrder *order, int color) when an order newly becomes yellow or
 * red — not for what was already so when the monitor started, so a seat that opens in
 * the morning is not flooded, and for the three most urgent at most per check.
 *
 * It also runs the automatic supervision (督办) of GB/T 33358's five cases every minute,
 * and emits "supervised" (guint count) when that made new supervision records. */
RexianAlertMonitor *rexian_alert_monitor_new          (RexianStore        *store);
guint               rexian_alert_monitor_get_n_red    (RexianAlertMonitor *self);
guint               rexian_alert_monitor_get_n_yellow (RexianAlertMonitor *self);
/* Evaluates at @now instead of the clock; for tests. */
void                rexian_alert_monitor_check_at     (RexianAlertMonitor *self,
                                                       gint64              now);

G_END_DECLS
