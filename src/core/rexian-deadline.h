/* rexian-deadline.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rexian-calendar.h"
#include "rexian-core-types.h"
#include "rexian-work-order.h"

G_BEGIN_DECLS

/* The deadline rules every seat shares (kept in the store's settings). */
typedef struct
{
  int dispatch_days;         /* transfer within N working days of intake (2) */
  int default_handling_days; /* a category without its own figure (5) */
  int consultation_days;     /* 咨询 without a category figure (3) */
  int yellow_days;           /* yellow this many working days before (1) */
  int max_extension_days;    /* one extension at most (10) */
} RexianDeadlineRules;

/* The defaults seen in practice: 2, 5, 3, 1, 10. */
void rexian_deadline_rules_init_default (RexianDeadlineRules *rules);

/* The handling days for an order: the category's own figure when > 0, else the kind's
 * default. */
int  rexian_deadline_rules_handling_days (const RexianDeadlineRules *rules,
                                          RexianRequestKind          kind,
                                          int                        category_days);

/* Which deadline runs in the order's present state: the dispatch deadline in intake and
 * pending dispatch, the handling deadline in progress; none once replied. */
gint64 rexian_work_order_get_running_deadline (RexianWorkOrder *order);

/* The chip for a deadline at @now.  @out_remaining gets the working days left (the
 * deadline's day counts; 0 on the day itself) or, when red, minus the working days
 * overdue (at least -1).  A deadline the calendar does not cover gives an error, never a
 * guess. */
gboolean rexian_deadline_get_color (RexianCalendar            *calendar,
                                    const RexianDeadlineRules *rules,
                                    gint64                     deadline,
                                    gint64                     now,
                                    RexianDeadlineColor       *out_color,
                                    int                       *out_remaining,
                                    GError                   **error);

/* The instants that split colours, for filtering in SQL: a running deadline before
 * @out_red_before is red, before @out_yellow_before yellow, else green. */
gboolean rexian_deadline_get_cutoffs (RexianCalendar            *calendar,
                                      const RexianDeadlineRules *rules,
                                      gint64                     now,
                                      gint64                    *out_red_before,
                                      gint64                    *out_yellow_before,
                                      GError                   **error);

G_END_DECLS
