/* rexian-supervision.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rexian-calendar.h"
#include "rexian-core-types.h"
#include "rexian-deadline.h"
#include "rexian-work-order.h"

G_BEGIN_DECLS

/* Supervision (督办, GB/T 33358): why an order is supervised, how, and which of the five
 * automatic causes apply to an order now. */

/* A set of causes: bit (1 << reason) for each RexianSuperviseReason. */
#define REXIAN_SUPERVISE_CAUSE_BIT(reason) (1u << (guint) (reason))

/* Stable keys, as stored in supervision_records.cause and .method: "emergency",
 * "overdue", "manual", "repeated", "near-deadline", "dissatisfied"; "phone", "sms",
 * "written-notice", "on-site", "meeting".  from_string() returns FALSE for an unknown
 * key and leaves *out untouched. */
const char *rexian_supervise_reason_to_string       (RexianSuperviseReason  reason);
gboolean    rexian_supervise_reason_from_string     (const char            *str,
                                                     RexianSuperviseReason *out);
/* A short translated name (紧急, 多次或集中反映 …) and the standard's wording of the case. */
const char *rexian_supervise_reason_get_label       (RexianSuperviseReason  reason);
const char *rexian_supervise_reason_get_description (RexianSuperviseReason  reason);
/* Whether the automatic pass finds this cause by itself (every one but MANUAL). */
gboolean    rexian_supervise_reason_is_automatic    (RexianSuperviseReason  reason);

const char *rexian_supervise_method_to_string       (RexianSuperviseMethod  method);
gboolean    rexian_supervise_method_from_string     (const char            *str,
                                                     RexianSuperviseMethod *out);
const char *rexian_supervise_method_get_label       (RexianSuperviseMethod  method);

/* What the store knows about an order beyond its own fields. */
typedef struct
{
  gboolean in_cluster;         /* one of an early-warning cluster (集中反映) */
  gboolean dissatisfied_visit; /* a follow-up visit answered 不满意 on process or result */
  guint    recorded;           /* causes that already have a supervision record */
} RexianSupervisionFacts;

/* The automatic causes that apply to @order at @now and have no record yet, as a set of
 * REXIAN_SUPERVISE_CAUSE_BIT()s.  Only orders whose deadline can still run (intake,
 * pending dispatch, in progress) are supervised.  NEAR_DEADLINE is the yellow chip of a
 * transferred order in progress, so it needs @calendar and @rules (with either NULL it
 * is left out); OVERDUE is its red.  Each cause is recorded once per order: an order
 * supervised as near its deadline gets a second record when it becomes overdue, never a
 * second "near the deadline". */
guint rexian_supervision_get_due_causes (RexianWorkOrder              *order,
                                         RexianCalendar               *calendar,
                                         const RexianDeadlineRules    *rules,
                                         const RexianSupervisionFacts *facts,
                                         gint64                        now);

/* The most pressing cause of a set, in the standard's order (emergency first); NONE for
 * an empty set. */
RexianSuperviseReason rexian_supervision_first_cause (guint causes);

G_END_DECLS
