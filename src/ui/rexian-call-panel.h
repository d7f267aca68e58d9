/* rexian-call-panel.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rexian-phone.h"
#include "rexian-store.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_CALL_PANEL (rexian_call_panel_get_type ())

G_DECLARE_FINAL_TYPE (RexianCallPanel, rexian_call_panel, REXIAN, CALL_PANEL, GtkWidget)

/* The calls of the seat, between the header bar and the board: one row per ringing
 * call (the number, the countdown to the 15-second answer target, Answer and Decline,
 * and the caller's earlier orders), then the bar of the call in progress (talk time,
 * recording notice, mute, hold, dial pad, transfer, hang up).
 *
 * Every call is written to the store's call log as it rings or is placed, is answered
 * and ends; a store error never touches the call, it only becomes a "message".
 *
 * Property "in-call" (boolean): a call is placed, in progress or on hold (not merely
 * ringing), which is when the agent is on the phone.
 *
 * Signals: "call-answered" (RexianCall *): the agent took an incoming call, so a work
 * order can be started for it; "message" (const char *): something for the agent to
 * read, such as why a button did nothing. */
RexianCallPanel *rexian_call_panel_new             (void);
void             rexian_call_panel_set_phone       (RexianCallPanel  *self,
                                                    RexianPhone      *phone);
void             rexian_call_panel_set_store       (RexianCallPanel  *self,
                                                    RexianStore      *store);
/* The agent the call log names for this seat's calls. */
void             rexian_call_panel_set_agent_id    (RexianCallPanel  *self,
                                                    gint64            agent_id);
gboolean         rexian_call_panel_get_in_call     (RexianCallPanel  *self);
/* Shows why there is no phone; NULL hides it. */
void             rexian_call_panel_set_phone_error (RexianCallPanel  *self,
                                                    const char       *message);
/* Places a call to @uri, recording it when the "record-calls" setting says so. */
RexianCall      *rexian_call_panel_call            (RexianCallPanel  *self,
                                                    const char       *uri,
                                                    GError          **error);

G_END_DECLS
