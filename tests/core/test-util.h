/* test-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rexian-core.h"

/* Local times, as the user sees them: the tests run with TZ=Asia/Shanghai. */
static inline gint64
test_local_time (int year,
                 int month,
                 int day,
                 int hour,
                 int minute,
                 int second)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (year, month, day, hour, minute, second);

  g_assert_nonnull (dt);

  return g_date_time_to_unix (dt);
}

static inline gint64
test_end_of_day (int year,
                 int month,
                 int day)
{
  return test_local_time (year, month, day, 23, 59, 59);
}

static inline void
test_set_date (GDate *date,
               int    year,
               int    month,
               int    day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static inline char *
test_format_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d",
                          g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static inline char *
test_format_day (gint64 unix_time)
{
  GDate date;

  rexian_date_from_unix (unix_time, &date);

  return test_format_date (&date);
}

/* The shipped data, found through REXIAN_DATADIR like the application finds it. */
static inline RexianCalendar *
test_load_calendar (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  RexianCalendar *calendar;

  g_assert_nonnull (g_getenv ("REXIAN_DATADIR"));
  path = g_build_filename (g_getenv ("REXIAN_DATADIR"), "holidays.ini", NULL);
  calendar = rexian_calendar_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (calendar);

  return calendar;
}
