/* rexian-calendar.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define REXIAN_CALENDAR_ERROR (rexian_calendar_error_quark ())

typedef enum
{
  REXIAN_CALENDAR_ERROR_PARSE,        /* the holiday file is malformed (line and reason said) */
  REXIAN_CALENDAR_ERROR_OUT_OF_RANGE, /* a date outside the years the data covers */
} RexianCalendarError;

GQuark rexian_calendar_error_quark (void);

#define REXIAN_TYPE_CALENDAR (rexian_calendar_get_type ())

G_DECLARE_FINAL_TYPE (RexianCalendar, rexian_calendar, REXIAN, CALENDAR, GObject)

/* The Chinese working-day calendar: weekends and official holidays are off, official
 * make-up days (调休) are worked.  The data is a GKeyFile (data/holidays.ini), one group
 * per year:
 *
 *   [2026]
 *   off=2026-01-01..2026-01-03;2026-02-15..2026-02-23
 *   work=2026-01-04;2026-02-14
 *
 * A year must have a group to be covered, even with no holidays.  Outside the covered
 * years nothing is guessed: every query fails with REXIAN_CALENDAR_ERROR_OUT_OF_RANGE
 * and a message naming the last year the data covers. */

RexianCalendar *rexian_calendar_new_from_data (const char     *data,
                                               gssize          length,
                                               GError        **error);
RexianCalendar *rexian_calendar_new_from_file (const char     *path,
                                               GError        **error);
/* The user's file ($XDG_CONFIG_HOME/rexian/holidays.ini) when it exists and parses and
 * covers at least the shipped years, else the shipped one (PKGDATADIR, or the source
 * tree's data/ when run uninstalled). */
RexianCalendar *rexian_calendar_new_default   (GError        **error);

/* The file the data came from, or NULL when it was given as data. */
const char     *rexian_calendar_get_path       (RexianCalendar *self);

int             rexian_calendar_get_first_year (RexianCalendar *self);
int             rexian_calendar_get_last_year  (RexianCalendar *self);
gboolean        rexian_calendar_covers         (RexianCalendar *self,
                                                const GDate    *date);

gboolean        rexian_calendar_is_working_day (RexianCalendar *self,
                                                const GDate    *date,
                                                gboolean       *out_working,
                                                GError        **error);

/* The n-th working day after @start (@start itself never counts; n >= 1). */
gboolean        rexian_calendar_add_working_days (RexianCalendar *self,
                                                  const GDate    *start,
                                                  int             n,
                                                  GDate          *out_date,
                                                  GError        **error);

/* Working days d with @from < d <= @to; when @to is before @from the result is minus
 * the working days with @to < d <= @from. */
gboolean        rexian_calendar_count_working_days (RexianCalendar *self,
                                                    const GDate    *from,
                                                    const GDate    *to,
                                                    int            *out_count,
                                                    GError        **error);

/* The deadline @n working days after the local day of @from_unix: the last second
 * (23:59:59 local time) of that working day, as Unix seconds. */
gboolean        rexian_calendar_deadline_after (RexianCalendar *self,
                                                gint64          from_unix,
                                                int             n,
                                                gint64         *out_unix,
                                                GError        **error);

/* Helpers between Unix seconds and local calendar days. */
void            rexian_date_from_unix          (gint64          unix_time,
                                                GDate          *out_date);
gint64          rexian_date_end_to_unix        (const GDate    *date);

G_END_DECLS
