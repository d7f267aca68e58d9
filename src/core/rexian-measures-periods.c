/* rexian-measures-periods.c: the periods measures are taken over, in local time, and
 * the wait-time buckets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rexian-measures.h"

/* Periods */

static const char *const period_kinds[] = {
  "day", "week", "month", "year", "last-24h", "custom",
};

const char *
rexian_period_kind_to_string (RexianPeriodKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (period_kinds), NULL);

  return period_kinds[kind];
}

gboolean
rexian_period_kind_from_string (const char       *str,
                                RexianPeriodKind *out)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (period_kinds); i++)
    if (g_str_equal (str, period_kinds[i]))
      {
        *out = (RexianPeriodKind) i;
        return TRUE;
      }

  return FALSE;
}

static gint64
local_unix (int year,
            int month,
            int day,
            int hour)
{
  /* GDateTime normalises nothing, so months and days past their range are carried
   * here; day 1 of month 13 is January of the next year. */
  g_autoptr(GDateTime) dt = NULL;

  while (month > 12)
    {
      month -= 12;
      year++;
    }
  while (month < 1)
    {
      month += 12;
      year--;
    }

  dt = g_date_time_new_local (year, month, 1, hour, 0, 0);
  if (day != 1)
    {
      g_autoptr(GDateTime) shifted = g_date_time_add_days (dt, day - 1);

      return g_date_time_to_unix (shifted);
    }

  return g_date_time_to_unix (dt);
}

static void
period_bounds (RexianPeriodKind  kind,
               GDateTime        *local,
               int               n,
               gint64           *out_start,
               gint64           *out_end)
{
  int year = g_date_time_get_year (local);
  int month = g_date_time_get_month (local);
  int day = g_date_time_get_day_of_month (local);

  switch (kind)
    {
    case REXIAN_PERIOD_DAY:
      /* Days are counted on the calendar, not as 86,400 s, so that a period stays one
       * local day whatever the time zone does. */
      *out_start = local_unix (year, month, day + n, 0);
      *out_end = local_unix (year, month, day + n + 1, 0);
      break;

    case REXIAN_PERIOD_WEEK:
      {
        /* ISO weeks: Monday is day 1. */
        int monday = day - (g_date_time_get_day_of_week (local) - 1) + 7 * n;

        *out_start = local_unix (year, month, monday, 0);
        *out_end = local_unix (year, month, monday + 7, 0);
      }
      break;

    case REXIAN_PERIOD_MONTH:
      *out_start = local_unix (year, month + n, 1, 0);
      *out_end = local_unix (year, month + n + 1, 1, 0);
      break;

    case REXIAN_PERIOD_YEAR:
      *out_start = local_unix (year + n, 1, 1, 0);
      *out_end = local_unix (year + n + 1, 1, 1, 0);
      break;

    case REXIAN_PERIOD_LAST_24H:
    case REXIAN_PERIOD_CUSTOM:
    default:
      g_assert_not_reached ();
    }
}

void
rexian_period_init (RexianPeriod     *period,
                    RexianPeriodKind  kind,
                    gint64            at)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_if_fail (period != NULL);
  g_return_if_fail (kind != REXIAN_PERIOD_CUSTOM);

  period->kind = kind;

  if (kind == REXIAN_PERIOD_LAST_24H)
    {
      period->start = at - 86400;
      period->end = at;
      return;
    }

  local = g_date_time_new_from_unix_local (at);
  period_bounds (kind, local, 0, &period->start, &period->end);
}

void
rexian_period_init_range (RexianPeriod *period,
                          gint64        start,
                          gint64        end)
{
  g_return_if_fail (period != NULL);
  g_return_if_fail (start <= end);

  period->kind = REXIAN_PERIOD_CUSTOM;
  period->start = start;
  period->end = end;
}

gboolean
rexian_period_contains (const RexianPeriod *period,
                        gint64              at)
{
  g_return_val_if_fail (period != NULL, FALSE);

  return at >= period->start && at < period->end;
}

void
rexian_period_shift (const RexianPeriod *period,
                     int                 n,
                     RexianPeriod       *out)
{
  g_autoptr(GDateTime) local = NULL;
  gint64 length;

  g_return_if_fail (period != NULL);
  g_return_if_fail (out != NULL);

  out->kind = period->kind;
  length = period->end - period->start;

  if (period->kind == REXIAN_PERIOD_LAST_24H || period->kind == REXIAN_PERIOD_CUSTOM)
    {
      out->start = period->start + n * length;
      out->end = period->end + n * length;
      return;
    }

  local = g_date_time_new_from_unix_local (period->start);
  period_bounds (period->kind, local, n, &out->start, &out->end);
}

GArray *
rexian_period_split (const RexianPeriod *period)
{
  GArray *parts = g_array_new (FALSE, FALSE, sizeof (RexianPeriod));
  RexianPeriodKind unit;
  RexianPeriod part;

  g_return_val_if_fail (period != NULL, parts);

  switch (period->kind)
    {
    case REXIAN_PERIOD_YEAR:
      unit = REXIAN_PERIOD_MONTH;
      break;
    case REXIAN_PERIOD_MONTH:
    case REXIAN_PERIOD_WEEK:
      unit = REXIAN_PERIOD_DAY;
      break;
    case REXIAN_PERIOD_DAY:
    case REXIAN_PERIOD_LAST_24H:
    case REXIAN_PERIOD_CUSTOM:
    default:
      /* Hours, clipped to the period at both ends. */
      for (guint i = 0; i < rexian_period_get_n_hours (period); i++)
        {
          gint64 hour = rexian_period_get_first_hour (period) + (gint64) i * 3600;

          part.kind = REXIAN_PERIOD_CUSTOM;
          part.start = MAX (hour, period->start);
          part.end = MIN (hour + 3600, period->end);
          g_array_append_val (parts, part);
        }
      return parts;
    }

  rexian_period_init (&part, unit, period->start);
  while (part.start < period->end)
    {
      RexianPeriod next;

      g_array_append_val (parts, part);
      rexian_period_shift (&part, 1, &next);
      part = next;
    }

  return parts;
}

char *
rexian_period_format (const RexianPeriod *period)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) last = NULL;

  g_return_val_if_fail (period != NULL, NULL);

  start = g_date_time_new_from_unix_local (period->start);
  last = g_date_time_new_from_unix_local (MAX (period->end - 1, period->start));

  switch (period->kind)
    {
    case REXIAN_PERIOD_DAY:
      return g_date_time_format (start, "%Y-%m-%d");
    case REXIAN_PERIOD_WEEK:
      {
        g_autofree char *from = g_date_time_format (start, "%Y-%m-%d");
        g_autofree char *to = g_date_time_format (last, "%Y-%m-%d");

        return g_strdup_printf ("%s – %s", from, to);
      }
    case REXIAN_PERIOD_MONTH:
      return g_date_time_format (start, "%Y-%m");
    case REXIAN_PERIOD_YEAR:
      return g_date_time_format (start, "%Y");
    case REXIAN_PERIOD_LAST_24H:
    case REXIAN_PERIOD_CUSTOM:
    default:
      {
        g_autoptr(GDateTime) end = g_date_time_new_from_unix_local (period->end);
        g_autofree char *from = g_date_time_format (start, "%Y-%m-%d %H:%M");
        g_autofree char *to = g_date_time_format (end, "%Y-%m-%d %H:%M");

        return g_strdup_printf ("%s – %s", from, to);
      }
    }
}

gint64
rexian_period_get_first_hour (const RexianPeriod *period)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (period != NULL, 0);

  /* The local hour, so that a time zone half an hour off UTC still gets clock hours. */
  local = g_date_time_new_from_unix_local (period->start);
  return period->start - g_date_time_get_minute (local) * 60 - g_date_time_get_second (local);
}

guint
rexian_period_get_n_hours (const RexianPeriod *period)
{
  gint64 first;

  g_return_val_if_fail (period != NULL, 0);

  if (period->end <= period->start)
    return 0;

  first = rexian_period_get_first_hour (period);
  return (guint) ((period->end - first + 3599) / 3600);
}

int
rexian_period_get_hour_index (const RexianPeriod *period,
                              gint64              at)
{
  g_return_val_if_fail (period != NULL, -1);

  if (!rexian_period_contains (period, at))
    return -1;

  return (int) ((at - rexian_period_get_first_hour (period)) / 3600);
}

/* Wait buckets */

static const gint64 wait_limits[REXIAN_N_WAIT_BUCKETS] = {
  5, 10, 15, 30, 60, G_MAXINT64,
};

guint
rexian_wait_bucket (gint64 wait_seconds)
{
  for (guint i = 0; i < REXIAN_N_WAIT_BUCKETS; i++)
    if (wait_seconds <= wait_limits[i])
      return i;

  return REXIAN_N_WAIT_BUCKETS - 1;
}

gint64
rexian_wait_bucket_get_limit (guint bucket)
{
  g_return_val_if_fail (bucket < REXIAN_N_WAIT_BUCKETS, G_MAXINT64);

  return wait_limits[bucket];
}

const char *
rexian_wait_bucket_get_label (guint bucket)
{
  static const char *const labels[REXIAN_N_WAIT_BUCKETS] = {
    N_("0–5 s"), N_("5–10 s"), N_("10–15 s"), N_("15–30 s"), N_("30–60 s"), N_("over 60 s"),
  };

  g_return_val_if_fail (bucket < REXIAN_N_WAIT_BUCKETS, NULL);

  return _(labels[bucket]);
}
