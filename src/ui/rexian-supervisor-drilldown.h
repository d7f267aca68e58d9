/* rexian-supervisor-drilldown.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REXIAN_TYPE_SUPERVISOR_DRILLDOWN (rexian_supervisor_drilldown_get_type ())

G_DECLARE_FINAL_TYPE (RexianSupervisorDrilldown, rexian_supervisor_drilldown, REXIAN,
                      SUPERVISOR_DRILLDOWN, AdwWindow)

/* The calls (RexianCallRecord) or work orders (RexianWorkOrder) behind a figure of the
 * supervisor view, in a window of their own.  Activating an order emits "open-order"
 * (RexianWorkOrder *). */
GtkWidget *rexian_supervisor_drilldown_new       (GtkWindow *parent,
                                                  const char *title,
                                                  gboolean    calls,
                                                  GPtrArray  *items);
guint      rexian_supervisor_drilldown_get_n_rows (RexianSupervisorDrilldown *self);

G_END_DECLS
