/* rexian-deadline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rexian-deadline.h"

void
rexian_deadline_rules_init_default (RexianDeadlineRules *rules)
{
  g_return_if_fail (rules != NULL);

  /* The figures most 12345 platforms use: transfer within 2 working days (GB/T 33358),
   * handle within 5 (consultations 3), warn a day ahead, extend by at most 10. */
  rules->dispatch_days = 2;
  rules->default_handling_days = 5;
  rules->consultation_days = 3;
  rules->yellow_days = 1;
  rules->max_extension_days = 10;
}

int
rexian_deadline_rules_handling_days (const RexianDeadlineRules *rules,
                                     RexianRequestKind          kind,
                                     int                        category_days)
{
  g_return_val_if_fail (rules != NULL, 0);

  if (category_days > 0)
    return category_days;

  if (kind == REXIAN_REQUEST_CONSULTATION)
    return rules->consultation_days;

  return rules->default_handling_days;
}

gint64
rexian_work_order_get_running_deadline (RexianWorkOrder *order)
{
  g_return_val_if_fail (REXIAN_IS_WORK_ORDER (order), 0);

  switch (rexian_work_order_get_state (order))
    {
    case REXIAN_STATE_INTAKE:
    case REXIAN_STATE_PENDING_DISPATCH:
      return rexian_work_order_get_dispatch_deadline (order);

    case REXIAN_STATE_IN_PROGRESS:
      return rexian_work_order_get_deadline (order);

    case REXIAN_STATE_REPLIED:
    case REXIAN_STATE_FOLLOW_UP:
    case REXIAN_STATE_CLOSED:
    case REXIAN_STATE_ARCHIVED:
    default:
      return 0;
    }
}

gboolean
rexian_deadline_get_color (RexianCalendar            *calendar,
                           const RexianDeadlineRules *rules,
                           gint64                     deadline,
                           gint64                     now,
                           RexianDeadlineColor       *out_color,
                           int                       *out_remaining,
                           GError                   **error)
{
  GDate today;
  GDate deadline_day;
  RexianDeadlineColor color;
  int count;

  g_return_val_if_fail (REXIAN_IS_CALENDAR (calendar), FALSE);
  g_return_val_if_fail (rules != NULL, FALSE);

  if (deadline == 0)
    {
      if (out_color != NULL)
        *out_color = REXIAN_DEADLINE_NONE;
      if (out_remaining != NULL)
        *out_remaining = 0;
      return TRUE;
    }

  rexian_date_from_unix (now, &today);
  rexian_date_from_unix (deadline, &deadline_day);

  if (!rexian_calendar_count_working_days (calendar, &today, &deadline_day, &count, error))
    return FALSE;

  if (now > deadline)
    {
      /* Overdue: count the working days since the deadline's day.  Past the deadline on
       * a weekend no working day has been lost yet, but it is still overdue, so the
       * figure is never above -1. */
      color = REXIAN_DEADLINE_RED;
      count = MIN (count, -1);
    }
  else
    {
      /* Working days d with today < d <= deadline day: 0 on the day itself.  A deadline
       * later today but on a day off (which the lifecycle never sets) counts as 0 too. */
      count = MAX (count, 0);
      color = count <= rules->yellow_days ? REXIAN_DEADLINE_YELLOW : REXIAN_DEADLINE_GREEN;
    }

  if (out_color != NULL)
    *out_color = color;
  if (out_remaining != NULL)
    *out_remaining = count;

  return TRUE;
}

gboolean
rexian_deadline_get_cutoffs (RexianCalendar            *calendar,
                             const RexianDeadlineRules *rules,
                             gint64                     now,
                             gint64                    *out_red_before,
                             gint64                    *out_yellow_before,
                             GError                   **error)
{
  GDate today;
  GDate first_green;
  g_autoptr(GDateTime) start = NULL;

  g_return_val_if_fail (REXIAN_IS_CALENDAR (calendar), FALSE);
  g_return_val_if_fail (rules != NULL, FALSE);

  /* A deadline is yellow while at most yellow_days working days remain, counting the
   * deadline's own day.  The first day whose deadline is green is therefore the
   * (yellow_days + 1)-th working day after today, and every deadline before its start
   * is yellow (or red, when already past). */
  rexian_date_from_unix (now, &today);

  if (!rexian_calendar_add_working_days (calendar, &today, MAX (rules->yellow_days, 0) + 1,
                                         &first_green, error))
    return FALSE;

  start = g_date_time_new_local (g_date_get_year (&first_green),
                                 g_date_get_month (&first_green),
                                 g_date_get_day (&first_green), 0, 0, 0);

  /* Red means now > deadline, that is deadline < now. */
  if (out_red_before != NULL)
    *out_red_before = now;
  if (out_yellow_before != NULL)
    *out_yellow_before = g_date_time_to_unix (start);

  return TRUE;
}
