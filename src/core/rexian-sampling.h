/* rexian-sampling.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rexian-core-types.h"

G_BEGIN_DECLS

/* A closed order that may be drawn for a follow-up visit (DB1405 5.6). */
typedef struct
{
  gint64 order_id;
  gint64 department_id; /* 0: no lead department */
} RexianSampleCandidate;

/* How many of @n_department orders a share of @share_percent draws: ceil (share × n),
 * at least one when the department had any and the share is above zero, never more
 * than @n_department. */
guint   rexian_sampling_count (guint  n_department,
                               double share_percent);

/* Draws ceil (@share_percent × n) orders per department from @candidates, the same
 * orders for the same candidates and @seed whatever their order.  Each order gets the
 * SplitMix64 hash of @seed and its id as its lot; a department's lowest lots win.
 * Returns the drawn RexianSampleCandidate, sorted by department, then by id. */
GArray *rexian_sampling_draw  (const RexianSampleCandidate *candidates,
                               guint                        n_candidates,
                               double                       share_percent,
                               guint64                      seed);

/* What a follow-up attempt leads to. */
typedef enum
{
  REXIAN_VISIT_OUTCOME_RETRY,       /* not reached yet: the order stays in the queue */
  REXIAN_VISIT_OUTCOME_CLOSE,       /* reached: close with the caller's answers */
  REXIAN_VISIT_OUTCOME_REHANDLE,    /* reached, dissatisfied with process and result */
  REXIAN_VISIT_OUTCOME_UNREACHABLE, /* not reached after the last allowed attempt */
} RexianVisitOutcome;

/* The rule after an attempt: @attempts counts every attempt so far, this one included;
 * @max_attempts is the setting (at least 1). */
RexianVisitOutcome rexian_visit_outcome (gboolean           reached,
                                         RexianSatisfaction process,
                                         RexianSatisfaction result,
                                         guint              attempts,
                                         guint              max_attempts);

G_END_DECLS
