/* rexian-order-card.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rexian-store.h"
#include "rexian-ui-util.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_ORDER_CARD (rexian_order_card_get_type ())

G_DECLARE_FINAL_TYPE (RexianOrderCard, rexian_order_card, REXIAN, ORDER_CARD, GtkWidget)

/* A work order as a card: number, category, the caller (masked when confidential), a
 * one-line summary, the deadline chip with the working days left, and badges for
 * supervised, emergency, returned and extension requests.  It can be dragged to another
 * column; Alt+Left and Alt+Right ask to move it to the neighbouring column, and its
 * context menu (right click, Menu, Shift+F10) lists every step the order allows.
 *
 * Property "order" (RexianWorkOrder). */
RexianOrderCard *rexian_order_card_new       (void);
RexianWorkOrder *rexian_order_card_get_order (RexianOrderCard           *self);
/* Shows @order; the chip is computed at @now with @calendar (may be NULL: no chip) and
 * @rules. */
void             rexian_order_card_set_order (RexianOrderCard           *self,
                                              RexianWorkOrder           *order,
                                              RexianCalendar            *calendar,
                                              const RexianDeadlineRules *rules,
                                              gint64                     now);
/* The chip's text as shown, e.g. "2 working days left"; for tests. */
const char      *rexian_order_card_get_deadline_text (RexianOrderCard *self);

/* Opens the context menu as Shift+F10 does; the column calls this for the selected card,
 * because the keyboard focus sits on the list row around the card. */
void             rexian_order_card_popup_menu (RexianOrderCard *self);

/* What a list of cards shares to draw deadline chips: the store (not owned), its rules,
 * and one "now", so that the cards of a list never disagree about what is overdue. */
typedef struct
{
  RexianStore        *store;
  RexianDeadlineRules rules;
  gint64              now;
} RexianCardContext;

/* Reads the rules and the clock afresh (default rules without a store). */
void                rexian_card_context_update      (RexianCardContext *context);
/* A factory of cards for lists of RexianWorkOrder drawn with @context, which must live
 * as long as the factory. */
GtkListItemFactory *rexian_order_card_factory_new   (RexianCardContext *context);
/* Redraws the chips of the cards below @widget with @context, after the clock moved. */
void                rexian_order_card_refresh_below (GtkWidget         *widget,
                                                     RexianCardContext *context);

G_END_DECLS
