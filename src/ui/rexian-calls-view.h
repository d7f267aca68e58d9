/* rexian-calls-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rexian-phone.h"
#include "rexian-store.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_CALLS_VIEW (rexian_calls_view_get_type ())

G_DECLARE_FINAL_TYPE (RexianCallsView, rexian_calls_view, REXIAN, CALLS_VIEW, GtkWidget)

/* The seat's calls: the missed calls still to be called back (DB1405 5.1.2), the
 * caller who has waited longest first, each with Call Back and Unreachable, then
 * today's calls of the whole centre.  It follows the store's "changed" signal.
 *
 * Property "n-pending" (guint): the callbacks still pending, for the page's badge.
 * Signal "message" (const char *): something for the agent to read, such as why a
 * call-back could not be recorded.
 *
 * Actions "calls.call-back" and "calls.unreachable" (int64 callback id). */
RexianCallsView *rexian_calls_view_new           (void);
void             rexian_calls_view_set_store     (RexianCallsView *self,
                                                  RexianStore     *store);
/* The phone the call-back calls are placed on (through app.call-number), so that
 * their outcome can be recorded. */
void             rexian_calls_view_set_phone     (RexianCallsView *self,
                                                  RexianPhone     *phone);
/* The agent the call-back tries are recorded for. */
void             rexian_calls_view_set_agent_id  (RexianCallsView *self,
                                                  gint64           agent_id);
void             rexian_calls_view_refresh       (RexianCallsView *self);
guint            rexian_calls_view_get_n_pending (RexianCallsView *self);

G_END_DECLS
