/* rexian-supervisor-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rexian-supervisor-feed.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_SUPERVISOR_VIEW (rexian_supervisor_view_get_type ())

G_DECLARE_FINAL_TYPE (RexianSupervisorView, rexian_supervisor_view, REXIAN, SUPERVISOR_VIEW, GtkWidget)

/* The supervisor's view of the main window: now (callers waiting and their waits, agents
 * by status with time in status and current call, missed calls not yet called back,
 * orders yellow, red, supervised and emergency), today and the last 24 hours (offered,
 * answered, abandoned, 接通率 against the 95 % line, SL, SL2, ASA, abandon rate), calls
 * per hour and a wait histogram.  Every figure shows its formula and is coloured
 * against its threshold; clicking one lists the calls or orders behind it.
 *
 * Signals: "open-order" (RexianWorkOrder *) when an order of a drill-down list is
 * activated; "show-view" (const char *) to switch the window to "calls" (missed calls)
 * or "alerts" (yellow and red orders). */
GtkWidget            *rexian_supervisor_view_new          (RexianSupervisorFeed *feed);
RexianSupervisorFeed *rexian_supervisor_view_get_feed     (RexianSupervisorView *self);
void                  rexian_supervisor_view_set_feed     (RexianSupervisorView *self,
                                                           RexianSupervisorFeed *feed);
/* The tile of a figure by its stable name ("now-waiting", "today-completion-rate",
 * "last-24h-service-level", ...), for tests. */
GtkWidget            *rexian_supervisor_view_get_tile     (RexianSupervisorView *self,
                                                           const char           *name);

G_END_DECLS
