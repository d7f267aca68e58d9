/* rexian-followup-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rexian-store-followup.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_FOLLOWUP_VIEW (rexian_followup_view_get_type ())

G_DECLARE_FINAL_TYPE (RexianFollowupView, rexian_followup_view, REXIAN, FOLLOWUP_VIEW, GtkWidget)

/* The follow-up view (回访): the queue of orders to visit, each with a Call and a Record
 * Visit button, sampling plans, and the department evaluation from the visits.
 *
 * Signals:
 *   "message" (const char *text): something to tell the agent in a toast.
 *
 * Properties: "n-waiting" (uint, read-only): the orders in the queue. */
void   rexian_followup_view_set_store     (RexianFollowupView *self,
                                           RexianStore        *store);
guint  rexian_followup_view_get_n_waiting (RexianFollowupView *self);

/* For tests: the queue as shown (RexianFollowupItem), and the dialog last opened. */
GPtrArray *_rexian_followup_view_get_items       (RexianFollowupView *self);
GtkWindow *_rexian_followup_view_get_last_dialog (RexianFollowupView *self);
/* The evaluation table's rows as shown (RexianDepartmentEvaluation). */
GPtrArray *_rexian_followup_view_get_evaluation  (RexianFollowupView *self);

G_END_DECLS
