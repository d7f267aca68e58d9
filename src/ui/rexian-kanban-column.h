/* rexian-kanban-column.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rexian-order-model.h"
#include "rexian-store.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_KANBAN_COLUMN (rexian_kanban_column_get_type ())

G_DECLARE_FINAL_TYPE (RexianKanbanColumn, rexian_kanban_column, REXIAN, KANBAN_COLUMN, GtkWidget)

/* One state's column: its name and count, and a list view of cards over a lazy
 * RexianOrderModel, so a column of 100,000 orders costs only the cards on screen.
 * It accepts dropped cards, and Alt+Left / Alt+Right on the selected card, and asks
 * through "move-requested" whether the move is allowed.
 *
 * Properties: "state" (int, a RexianState, construct-only), "count" (uint, read-only).
 * Signals: "order-activated" (RexianWorkOrder *), "move-requested" (RexianWorkOrder *,
 * int to_state) -> gboolean. */
RexianKanbanColumn *rexian_kanban_column_new       (RexianState          state);
RexianState         rexian_kanban_column_get_state (RexianKanbanColumn  *self);
RexianOrderModel   *rexian_kanban_column_get_model (RexianKanbanColumn  *self);
void                rexian_kanban_column_set_model (RexianKanbanColumn  *self,
                                                    RexianOrderModel    *model);
/* The store's calendar and rules for the cards' deadline chips. */
void                rexian_kanban_column_set_store (RexianKanbanColumn  *self,
                                                    RexianStore         *store);
guint               rexian_kanban_column_get_count (RexianKanbanColumn  *self);
/* Recomputes the deadline chips of the cards on screen: time passes without any write
 * to the database, and a chip must still turn from green to yellow to red. */
void                rexian_kanban_column_refresh_deadlines (RexianKanbanColumn *self);

G_END_DECLS
