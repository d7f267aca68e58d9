/* test-calendar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rexian-core.h"
#include "test-util.h"

static RexianCalendar *calendar;

static void
check_add (int y, int m, int d,
           int n,
           const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL;
  GDate start;
  GDate end;

  test_set_date (&start, y, m, d);
  g_assert_true (rexian_calendar_add_working_days (calendar, &start, n, &end, &error));
  g_assert_no_error (error);

  got = test_format_date (&end);
  g_assert_cmpstr (got, ==, expected);
}

static void
check_working (int y, int m, int d,
               gboolean expected)
{
  g_autoptr(GError) error = NULL;
  gboolean working = !expected;
  GDate date;

  test_set_date (&date, y, m, d);
  g_assert_true (rexian_calendar_is_working_day (calendar, &date, &working, &error));
  g_assert_no_error (error);
  g_assert_cmpint (working, ==, expected);
}

static void
check_count (int y1, int m1, int d1,
             int y2, int m2, int d2,
             int expected)
{
  g_autoptr(GError) error = NULL;
  GDate from;
  GDate to;
  int count = G_MININT;

  test_set_date (&from, y1, m1, d1);
  test_set_date (&to, y2, m2, d2);
  g_assert_true (rexian_calendar_count_working_days (calendar, &from, &to, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, expected);
}

static void
test_years (void)
{
  GDate date;

  g_assert_cmpint (rexian_calendar_get_first_year (calendar), ==, 2025);
  g_assert_cmpint (rexian_calendar_get_last_year (calendar), ==, 2026);
  g_assert_nonnull (rexian_calendar_get_path (calendar));

  test_set_date (&date, 2025, 1, 1);
  g_assert_true (rexian_calendar_covers (calendar, &date));
  test_set_date (&date, 2026, 12, 31);
  g_assert_true (rexian_calendar_covers (calendar, &date));
  test_set_date (&date, 2027, 1, 1);
  g_assert_false (rexian_calendar_covers (calendar, &date));
  test_set_date (&date, 2024, 12, 31);
  g_assert_false (rexian_calendar_covers (calendar, &date));
}

static void
test_working_days (void)
{
  /* Plain weeks. */
  check_working (2026, 3, 2, TRUE);   /* Monday */
  check_working (2026, 3, 7, FALSE);  /* Saturday */
  check_working (2026, 3, 8, FALSE);  /* Sunday */

  /* 2026 official days off and make-up days. */
  check_working (2026, 1, 1, FALSE);
  check_working (2026, 1, 2, FALSE);
  check_working (2026, 1, 4, TRUE);   /* Sunday, make-up */
  check_working (2026, 2, 14, TRUE);  /* Saturday, make-up */
  check_working (2026, 2, 16, FALSE); /* Spring Festival, Monday */
  check_working (2026, 2, 23, FALSE);
  check_working (2026, 2, 24, TRUE);
  check_working (2026, 2, 28, TRUE);  /* Saturday, make-up */
  check_working (2026, 4, 6, FALSE);
  check_working (2026, 5, 5, FALSE);
  check_working (2026, 5, 9, TRUE);   /* Saturday, make-up */
  check_working (2026, 6, 19, FALSE);
  check_working (2026, 9, 20, TRUE);  /* Sunday, make-up */
  check_working (2026, 9, 25, FALSE);
  check_working (2026, 10, 7, FALSE);
  check_working (2026, 10, 8, TRUE);
  check_working (2026, 10, 10, TRUE); /* Saturday, make-up */

  /* 2025. */
  check_working (2025, 1, 1, FALSE);
  check_working (2025, 1, 26, TRUE);  /* Sunday, make-up */
  check_working (2025, 2, 4, FALSE);
  check_working (2025, 2, 8, TRUE);   /* Saturday, make-up */
  check_working (2025, 4, 27, TRUE);
  check_working (2025, 6, 2, FALSE);
  check_working (2025, 9, 28, TRUE);
  check_working (2025, 10, 8, FALSE);
  check_working (2025, 10, 11, TRUE);
}

static void
test_add_spring_festival (void)
{
  check_add (2026, 2, 13, 1, "2026-02-14"); /* Friday -> make-up Saturday */
  check_add (2026, 2, 14, 1, "2026-02-24"); /* over the whole Spring Festival */
  check_add (2026, 2, 13, 2, "2026-02-24");
  check_add (2026, 2, 13, 5, "2026-02-27");
  check_add (2026, 2, 15, 1, "2026-02-24"); /* from a day off */
}

static void
test_add_make_up_days (void)
{
  check_add (2026, 2, 27, 1, "2026-02-28");
  check_add (2026, 2, 28, 1, "2026-03-02");
  check_add (2026, 4, 30, 1, "2026-05-06");
  check_add (2026, 5, 8, 1, "2026-05-09");
  check_add (2026, 9, 18, 1, "2026-09-20"); /* Friday -> make-up Sunday */
  check_add (2026, 9, 24, 1, "2026-09-28");
  check_add (2026, 10, 9, 1, "2026-10-10");
  check_add (2026, 1, 2, 1, "2026-01-04");
  check_add (2025, 12, 31, 1, "2026-01-04"); /* across the years */
}

static void
test_add_national_day (void)
{
  check_add (2026, 9, 30, 1, "2026-10-08");
  check_add (2026, 9, 30, 3, "2026-10-10");
  check_add (2025, 9, 30, 1, "2025-10-09");
}

static void
test_backwards (void)
{
  check_add (2026, 2, 24, -1, "2026-02-14");
  check_add (2026, 10, 8, -1, "2026-09-30");
  check_add (2026, 3, 2, -1, "2026-02-28");
  check_add (2026, 3, 2, 0, "2026-03-02");

  check_count (2026, 2, 13, 2026, 2, 24, 2);
  check_count (2026, 2, 24, 2026, 2, 13, -2);
  check_count (2026, 3, 2, 2026, 3, 2, 0);
  check_count (2026, 3, 6, 2026, 3, 9, 1);
  check_count (2026, 9, 30, 2026, 10, 10, 3);
  check_count (2026, 10, 10, 2026, 9, 30, -3);

  /* The whole of 2026: 261 weekdays, 19 of them off, 6 make-up days. */
  check_count (2025, 12, 31, 2026, 12, 31, 248);
}

static void
test_end_of_data (void)
{
  g_autoptr(GError) error = NULL;
  gboolean working;
  GDate start;
  GDate end;
  gint64 deadline = 0;
  int count;

  test_set_date (&start, 2026, 12, 31);
  g_assert_false (rexian_calendar_add_working_days (calendar, &start, 1, &end, &error));
  g_assert_error (error, REXIAN_CALENDAR_ERROR, REXIAN_CALENDAR_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "2025 to 2026"));
  g_assert_nonnull (strstr (error->message, "2027-01-01"));
  g_assert_nonnull (strstr (error->message, "Update the holiday file"));
  g_clear_error (&error);

  /* The last days of the data still work. */
  check_add (2026, 12, 28, 3, "2026-12-31");

  g_assert_false (rexian_calendar_deadline_after (calendar,
                                                  test_local_time (2026, 12, 28, 10, 0, 0),
                                                  5, &deadline, &error));
  g_assert_error (error, REXIAN_CALENDAR_ERROR, REXIAN_CALENDAR_ERROR_OUT_OF_RANGE);
  g_assert_cmpint (deadline, ==, 0);
  g_clear_error (&error);

  test_set_date (&start, 2025, 1, 2);
  g_assert_false (rexian_calendar_add_working_days (calendar, &start, -1, &end, &error));
  g_assert_error (error, REXIAN_CALENDAR_ERROR, REXIAN_CALENDAR_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "2024-12-31"));
  g_assert_nonnull (strstr (error->message, "before"));
  g_clear_error (&error);

  test_set_date (&start, 2027, 3, 1);
  g_assert_false (rexian_calendar_is_working_day (calendar, &start, &working, &error));
  g_assert_error (error, REXIAN_CALENDAR_ERROR, REXIAN_CALENDAR_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  test_set_date (&end, 2026, 12, 1);
  g_assert_false (rexian_calendar_count_working_days (calendar, &end, &start, &count, &error));
  g_assert_error (error, REXIAN_CALENDAR_ERROR, REXIAN_CALENDAR_ERROR_OUT_OF_RANGE);
}

static void
test_deadline_after (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) dt = NULL;
  gint64 deadline = 0;
  GDate date;

  g_assert_true (rexian_calendar_deadline_after (calendar,
                                                 test_local_time (2026, 2, 13, 10, 30, 0),
                                                 1, &deadline, &error));
  g_assert_no_error (error);
  g_assert_cmpint (deadline, ==, test_end_of_day (2026, 2, 14));

  /* Local time, not UTC: 2026-02-13 01:00 in Shanghai is still 02-12 in UTC. */
  g_assert_true (rexian_calendar_deadline_after (calendar,
                                                 test_local_time (2026, 2, 13, 1, 0, 0),
                                                 1, &deadline, &error));
  g_assert_cmpint (deadline, ==, test_end_of_day (2026, 2, 14));

  dt = g_date_time_new_from_unix_local (deadline);
  g_assert_cmpint (g_date_time_get_hour (dt), ==, 23);
  g_assert_cmpint (g_date_time_get_minute (dt), ==, 59);
  g_assert_cmpint (g_date_time_get_second (dt), ==, 59);

  rexian_date_from_unix (test_local_time (2026, 3, 1, 0, 0, 0), &date);
  g_assert_cmpint (g_date_get_day (&date), ==, 1);
  rexian_date_from_unix (test_local_time (2026, 2, 28, 23, 59, 59), &date);
  g_assert_cmpint (g_date_get_day (&date), ==, 28);
  g_assert_cmpint (rexian_date_end_to_unix (&date), ==, test_end_of_day (2026, 2, 28));
}

static void
check_parse_error (const char *data,
                   const char *expected_1,
                   const char *expected_2)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianCalendar) bad = rexian_calendar_new_from_data (data, -1, &error);

  g_assert_null (bad);
  g_assert_error (error, REXIAN_CALENDAR_ERROR, REXIAN_CALENDAR_ERROR_PARSE);
  if (g_test_verbose ())
    g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, expected_1));
  if (expected_2 != NULL)
    g_assert_nonnull (strstr (error->message, expected_2));
}

static void
test_parse_errors (void)
{
  check_parse_error ("[2026]\noff=2026-02-30\n", "2026-02-30", "[2026]");
  check_parse_error ("[2026]\noff=2026-01-01..2026-1-3\n", "2026-1-3", "off");
  check_parse_error ("[2026]\nwork=2026/01/04\n", "2026/01/04", "work");
  check_parse_error ("[2026]\noff=2026-02-23..2026-02-15\n", "2026-02-23..2026-02-15", NULL);
  check_parse_error ("[2026]\nof=2026-01-01\n", "“of”", "[2026]");
  check_parse_error ("[next]\noff=2026-01-01\n", "[next]", NULL);
  check_parse_error ("[2025]\n[2027]\n", "[2026]", NULL);
  check_parse_error ("[2026]\noff=2026-01-04\nwork=2026-01-04\n", "2026-01-04", "work");
  check_parse_error ("[2026]\nthis line is not a key\n", "cannot be read", NULL);
  check_parse_error ("# nothing\n", "no year", NULL);
}

static void
test_small_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianCalendar) small = NULL;
  gboolean working = FALSE;
  GDate date;

  /* A year with no holidays is covered; a trailing ';' and spaces are fine. */
  small = rexian_calendar_new_from_data ("[2030]\n"
                                         "off= 2030-01-01 ; 2030-10-01..2030-10-03;\n"
                                         "[2031]\n",
                                         -1, &error);
  g_assert_no_error (error);
  g_assert_null (rexian_calendar_get_path (small));
  g_assert_cmpint (rexian_calendar_get_first_year (small), ==, 2030);
  g_assert_cmpint (rexian_calendar_get_last_year (small), ==, 2031);

  test_set_date (&date, 2030, 10, 2);
  g_assert_true (rexian_calendar_is_working_day (small, &date, &working, &error));
  g_assert_false (working);
  test_set_date (&date, 2031, 1, 1);
  g_assert_true (rexian_calendar_is_working_day (small, &date, &working, &error));
  g_assert_true (working);
}

static void
test_file_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianCalendar) missing = NULL;
  g_autoptr(RexianCalendar) bad = NULL;
  g_autofree char *path = NULL;
  int fd;

  missing = rexian_calendar_new_from_file ("/nonexistent/holidays.ini", &error);
  g_assert_null (missing);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  fd = g_file_open_tmp ("holidays-XXXXXX.ini", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, "[2026]\noff=2026-13-01\n", -1, &error));

  bad = rexian_calendar_new_from_file (path, &error);
  g_assert_null (bad);
  g_assert_error (error, REXIAN_CALENDAR_ERROR, REXIAN_CALENDAR_ERROR_PARSE);
  /* The message names the file, so the user can find it. */
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "2026-13-01"));

  g_unlink (path);
}

static void
write_user_file (const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_config_dir (), "rexian", NULL);
  g_autofree char *path = g_build_filename (dir, "holidays.ini", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

static void
remove_user_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "rexian", "holidays.ini",
                                            NULL);

  g_unlink (path);
}

static void
test_default (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianCalendar) shipped = NULL;
  g_autoptr(RexianCalendar) user = NULL;
  g_autoptr(RexianCalendar) old = NULL;
  g_autoptr(RexianCalendar) broken = NULL;

  /* G_TEST_OPTION_ISOLATE_DIRS gives an empty configuration directory. */
  remove_user_file ();
  shipped = rexian_calendar_new_default (&error);
  g_assert_no_error (error);
  g_assert_cmpint (rexian_calendar_get_last_year (shipped), ==, 2026);
  g_assert_true (g_str_has_prefix (rexian_calendar_get_path (shipped),
                                   g_getenv ("REXIAN_DATADIR")));

  /* A user's file with a newer year is preferred. */
  write_user_file ("[2025]\n[2026]\n[2027]\noff=2027-01-01\n");
  user = rexian_calendar_new_default (&error);
  g_assert_no_error (error);
  g_assert_cmpint (rexian_calendar_get_last_year (user), ==, 2027);

  /* One that covers less than the shipped data is not. */
  write_user_file ("[2026]\n");
  old = rexian_calendar_new_default (&error);
  g_assert_no_error (error);
  g_assert_cmpint (rexian_calendar_get_first_year (old), ==, 2025);

  /* A broken one is reported and skipped. */
  write_user_file ("[2026]\noff=yesterday\n");
  g_test_expect_message ("Rexian-Core", G_LOG_LEVEL_WARNING, "*yesterday*");
  broken = rexian_calendar_new_default (&error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_cmpint (rexian_calendar_get_last_year (broken), ==, 2026);

  remove_user_file ();
}

static void
test_default_fallback (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianCalendar) fallback = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("REXIAN_DATADIR"));

  /* Without a usable REXIAN_DATADIR the installed or the source tree's copy is used. */
  g_setenv ("REXIAN_DATADIR", "/nonexistent", TRUE);
  fallback = rexian_calendar_new_default (&error);
  g_setenv ("REXIAN_DATADIR", saved, TRUE);

  g_assert_no_error (error);
  g_assert_cmpint (rexian_calendar_get_last_year (fallback), >=, 2026);
  g_assert_true (g_str_has_suffix (rexian_calendar_get_path (fallback), "holidays.ini"));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  calendar = test_load_calendar ();

  g_test_add_func ("/core/calendar/years", test_years);
  g_test_add_func ("/core/calendar/working-days", test_working_days);
  g_test_add_func ("/core/calendar/spring-festival", test_add_spring_festival);
  g_test_add_func ("/core/calendar/make-up-days", test_add_make_up_days);
  g_test_add_func ("/core/calendar/national-day", test_add_national_day);
  g_test_add_func ("/core/calendar/backwards", test_backwards);
  g_test_add_func ("/core/calendar/end-of-data", test_end_of_data);
  g_test_add_func ("/core/calendar/deadline-after", test_deadline_after);
  g_test_add_func ("/core/calendar/parse-errors", test_parse_errors);
  g_test_add_func ("/core/calendar/small-file", test_small_file);
  g_test_add_func ("/core/calendar/file-errors", test_file_errors);
  g_test_add_func ("/core/calendar/default", test_default);
  g_test_add_func ("/core/calendar/default-fallback", test_default_fallback);

  ret = g_test_run ();

  g_clear_object (&calendar);

  return ret;
}
