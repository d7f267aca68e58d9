/* rexian-store-calls.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rexian-store.h"

G_BEGIN_DECLS

/* The shared call log, missed-call callbacks (DB1405 5.1.2) and agent status.
 *
 * Every seat reports what its own phone saw; the store merges the reports into one row
 * per call, keyed by the SIP Call-ID, so a call forked to several seats counts once:
 *
 *   - each seat it rings at calls rexian_store_call_offered() (the earliest offer time
 *     is kept, and the seat is remembered);
 *   - the seat that answers calls rexian_store_call_answered(); the first answer wins
 *     and any other seat's answer is refused with REXIAN_STORE_ERROR_CONFLICT;
 *   - each seat calls rexian_store_call_ended() when its leg ends.  Once the call was
 *     answered, the other seats' unanswered ends (abandoned, declined, busy, no answer:
 *     their ringing was cancelled) change nothing.  For a call nobody answered, the last
 *     end is the end of the call, and "abandoned" wins over the other reasons because it
 *     says the caller gave up.  An incoming call that ends unanswered (except by a
 *     transfer) gets one pending callback, created in the same transaction.
 *
 * Times are Unix seconds.  Every write runs in one BEGIN IMMEDIATE transaction and emits
 * "changed" when it changed something. */

/* After this many unsuccessful call-back tries a callback is given up as unreachable. */
#define REXIAN_STORE_CALLBACK_MAX_ATTEMPTS 3

/* Records that the call @call_id rang at @agent_id's seat (0: not known).  Safe to call
 * from every seat and more than once.  For an outgoing call @agent_id is the agent who
 * dials; for an incoming one the agent is set by the answer. */
gboolean          rexian_store_call_offered      (RexianStore               *self,
                                                  const char                *call_id,
                                                  RexianCallRecordDirection  direction,
                                                  const char                *remote_number,
                                                  gint64                     agent_id,
                                                  gint64                     offered_at,
                                                  GError                   **error);
/* NOT_FOUND when the call was never offered; CONFLICT when another agent answered it
 * first.  The same agent answering again is accepted and changes nothing. */
gboolean          rexian_store_call_answered     (RexianStore               *self,
                                                  const char                *call_id,
                                                  gint64                     agent_id,
                                                  gint64                     answered_at,
                                                  GError                   **error);
/* @recording_path may be NULL; given after the end was recorded, it is still kept. */
gboolean          rexian_store_call_ended        (RexianStore               *self,
                                                  const char                *call_id,
                                                  RexianCallOutcome          outcome,
                                                  gint64                     ended_at,
                                                  const char                *recording_path,
                                                  GError                   **error);
/* The work order taken on the call (0 unlinks it). */
gboolean          rexian_store_call_link_order   (RexianStore               *self,
                                                  const char                *call_id,
                                                  gint64                     order_id,
                                                  GError                   **error);
/* Calls offered in [@from, @to), newest first, as RexianCallRecord; @limit 0: all. */
GPtrArray        *rexian_store_list_calls        (RexianStore               *self,
                                                  gint64                     from,
                                                  gint64                     to,
                                                  guint                      limit,
                                                  GError                   **error);
RexianCallRecord *rexian_store_get_call          (RexianStore               *self,
                                                  const char                *call_id,
                                                  GError                   **error);
/* The calls of the rows @ids (RexianCallRecord), in that order; ids not found are
 * left out. */
GPtrArray        *rexian_store_get_calls_by_ids (RexianStore              *self,
                                                 const gint64             *ids,
                                                 guint                     n_ids,
                                                 GError                  **error);
/* The same on the store's worker thread; finish with rexian_store_get_rows_by_ids_finish()
 * (rexian-order-query.h).  @ids is a GArray of gint64. */
void              rexian_store_get_calls_by_ids_async (RexianStore         *self,
                                                       GArray              *ids,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
/* The calls linked to the work order @order_id, newest first, as RexianCallRecord. */
GPtrArray        *rexian_store_list_calls_for_order (RexianStore            *self,
                                                     gint64                  order_id,
                                                     GError                **error);
/* The same on the store's worker thread, for an order's window. */
void              rexian_store_list_calls_for_order_async (RexianStore         *self,
                                                           gint64               order_id,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GPtrArray        *rexian_store_list_calls_for_order_finish (RexianStore        *self,
                                                            GAsyncResult       *result,
                                                            GError            **error);

/* Callbacks (RexianCallback), the caller who has waited longest first. */
GPtrArray        *rexian_store_list_callbacks    (RexianStore               *self,
                                                  gboolean                   pending_only,
                                                  GError                   **error);
/* Records one call-back try by @agent_id: CALLED_BACK when the caller was reached,
 * PENDING when not (to try again), UNREACHABLE to give up.  The try is counted; the
 * REXIAN_STORE_CALLBACK_MAX_ATTEMPTS-th unsuccessful one gives up by itself.  A callback
 * already settled is refused with CONFLICT (another agent got there first). */
gboolean          rexian_store_set_callback_status (RexianStore             *self,
                                                    gint64                   callback_id,
                                                    RexianCallbackStatus     status,
                                                    gint64                   agent_id,
                                                    gint64                   now,
                                                    GError                 **error);

/* Sets @agent_id's status and adds it to the history; does nothing when the status and
 * reason are what they already are.  @reason may be NULL. */
gboolean          rexian_store_set_agent_status  (RexianStore               *self,
                                                  gint64                     agent_id,
                                                  RexianAgentStatus          status,
                                                  const char                *reason,
                                                  gint64                     now,
                                                  GError                   **error);
/* Every agent who takes calls (not department staff) as a RexianAgentState, by agent
 * number; an agent whose status was never set is logged out since 0. */
GPtrArray        *rexian_store_list_agent_states (RexianStore               *self,
                                                  GError                   **error);
RexianAgentState *rexian_store_get_agent_state   (RexianStore               *self,
                                                  gint64                     agent_id,
                                                  GError                   **error);

/* Async forms on the store's worker thread, for the UI.  The times are the caller's
 * (the phone knows when the call ended), so they are passed as in the sync calls. */
void              rexian_store_call_ended_async  (RexianStore               *self,
                                                  const char                *call_id,
                                                  RexianCallOutcome          outcome,
                                                  gint64                     ended_at,
                                                  const char                *recording_path,
                                                  GCancellable              *cancellable,
                                                  GAsyncReadyCallback        callback,
                                                  gpointer                   user_data);
gboolean          rexian_store_call_ended_finish (RexianStore               *self,
                                                  GAsyncResult              *result,
                                                  GError                   **error);
void              rexian_store_set_agent_status_async  (RexianStore         *self,
                                                        gint64               agent_id,
                                                        RexianAgentStatus    status,
                                                        const char          *reason,
                                                        gint64               now,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean          rexian_store_set_agent_status_finish (RexianStore         *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

G_END_DECLS
