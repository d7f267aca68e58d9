/* rexian-kanban.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rexian-kanban-column.h"
#include "rexian-order-query.h"
#include "rexian-store.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_KANBAN (rexian_kanban_get_type ())

G_DECLARE_FINAL_TYPE (RexianKanban, rexian_kanban, REXIAN, KANBAN, GtkWidget)

/* The board: one RexianKanbanColumn per state, side by side, scrolling sideways when the
 * window is narrow.
 *
 * Signals:
 *   "order-activated" (RexianWorkOrder *order): a card was opened.
 *   "move-requested" (RexianWorkOrder *order, RexianState to_state) -> gboolean: a card
 *   was dropped on another column (or moved by keyboard); the handler returns FALSE when
 *   the move is refused, and the drag then snaps back. */
RexianKanban       *rexian_kanban_new        (void);
void                rexian_kanban_set_store  (RexianKanban           *self,
                                              RexianStore            *store);
/* The board's filters (the state field is ignored: each column sets its own). */
void                rexian_kanban_set_filter (RexianKanban           *self,
                                              const RexianOrderQuery *filter);
void                rexian_kanban_refresh    (RexianKanban           *self);
/* Recomputes the deadline chips on screen for the present time. */
void                rexian_kanban_refresh_deadlines (RexianKanban        *self);
RexianKanbanColumn *rexian_kanban_get_column (RexianKanban           *self,
                                              RexianState             state);

G_END_DECLS
