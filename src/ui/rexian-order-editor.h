/* rexian-order-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rexian-store.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_ORDER_EDITOR (rexian_order_editor_get_type ())

G_DECLARE_FINAL_TYPE (RexianOrderEditor, rexian_order_editor, REXIAN, ORDER_EDITOR, AdwWindow)

/* One work order in its own window.
 *
 * With @order NULL it is the intake form (记录单): channel, request kind, category,
 * caller (name, title, phone, address), confidential and emergency switches, event
 * time, place, course, present state, request, summary.  Typing a phone number shows
 * that caller's earlier orders and offers to merge into one (并单).  "Save" creates the
 * order; "Answer and close" creates it and closes it directly (直接办理) with the
 * handling result; "Save and submit" creates it and sends it to dispatch.
 *
 * With an order it shows every field (editable while the state allows), the flags, the
 * deadline chip, the timeline (who, when, from, to, reason) and one button per action
 * the state allows, each opening a RexianTransitionDialog.  It follows the store's
 * "changed" signal, so another seat's change shows at once.
 *
 * Signal "order-saved" (RexianWorkOrder *order): after any successful write. */
RexianOrderEditor *rexian_order_editor_new      (GtkWindow       *parent,
                                                 RexianStore     *store,
                                                 gint64           agent_id,
                                                 RexianWorkOrder *order);
/* Prefills the intake form, e.g. the phone of an incoming call. */
void               rexian_order_editor_set_phone (RexianOrderEditor *self,
                                                  const char        *phone);

G_END_DECLS
