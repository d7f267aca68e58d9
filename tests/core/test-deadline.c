/* test-deadline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "rexian-core.h"
#include "test-util.h"

static RexianCalendar *calendar;

static void
test_rules (void)
{
  RexianDeadlineRules rules;

  rexian_deadline_rules_init_default (&rules);
  g_assert_cmpint (rules.dispatch_days, ==, 2);
  g_assert_cmpint (rules.default_handling_days, ==, 5);
  g_assert_cmpint (rules.consultation_days, ==, 3);
  g_assert_cmpint (rules.yellow_days, ==, 1);
  g_assert_cmpint (rules.max_extension_days, ==, 10);

  g_assert_cmpint (rexian_deadline_rules_handling_days (&rules, REXIAN_REQUEST_COMPLAINT, 0),
                   ==, 5);
  g_assert_cmpint (rexian_deadline_rules_handling_days (&rules, REXIAN_REQUEST_CONSULTATION, 0),
                   ==, 3);
  g_assert_cmpint (rexian_deadline_rules_handling_days (&rules, REXIAN_REQUEST_CONSULTATION, 15),
                   ==, 15);
  g_assert_cmpint (rexian_deadline_rules_handling_days (&rules, REXIAN_REQUEST_REPORT, 7), ==, 7);
}

static void
test_running_deadline (void)
{
  g_autoptr(RexianWorkOrder) order = rexian_work_order_new ();

  rexian_work_order_set_dispatch_deadline (order, 100);
  rexian_work_order_set_deadline (order, 200);

  rexian_work_order_set_state (order, REXIAN_STATE_INTAKE);
  g_assert_cmpint (rexian_work_order_get_running_deadline (order), ==, 100);
  rexian_work_order_set_state (order, REXIAN_STATE_PENDING_DISPATCH);
  g_assert_cmpint (rexian_work_order_get_running_deadline (order), ==, 100);
  rexian_work_order_set_state (order, REXIAN_STATE_IN_PROGRESS);
  g_assert_cmpint (rexian_work_order_get_running_deadline (order), ==, 200);

  for (RexianState state = REXIAN_STATE_REPLIED; state <= REXIAN_STATE_ARCHIVED; state++)
    {
      rexian_work_order_set_state (order, state);
      g_assert_cmpint (rexian_work_order_get_running_deadline (order), ==, 0);
    }
}

static void
check_color (gint64              deadline,
             gint64              now,
             RexianDeadlineColor expected_color,
             int                 expected_remaining)
{
  g_autoptr(GError) error = NULL;
  RexianDeadlineRules rules;
  RexianDeadlineColor color = -1;
  int remaining = G_MININT;

  rexian_deadline_rules_init_default (&rules);
  g_assert_true (rexian_deadline_get_color (calendar, &rules, deadline, now,
                                            &color, &remaining, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rexian_deadline_color_to_string (color), ==,
                   rexian_deadline_color_to_string (expected_color));
  g_assert_cmpint (remaining, ==, expected_remaining);
}

static void
test_colors (void)
{
  /* A deadline at the end of Friday 2026-03-06. */
  gint64 deadline = test_end_of_day (2026, 3, 6);

  check_color (deadline, test_local_time (2026, 3, 2, 9, 0, 0), REXIAN_DEADLINE_GREEN, 4);
  check_color (deadline, test_local_time (2026, 3, 4, 17, 0, 0), REXIAN_DEADLINE_GREEN, 2);
  check_color (deadline, test_local_time (2026, 3, 5, 0, 0, 0), REXIAN_DEADLINE_YELLOW, 1);
  check_color (deadline, test_local_time (2026, 3, 6, 10, 0, 0), REXIAN_DEADLINE_YELLOW, 0);
  check_color (deadline, deadline, REXIAN_DEADLINE_YELLOW, 0);

  /* One second later it is overdue; over the weekend no working day is lost yet. */
  check_color (deadline, deadline + 1, REXIAN_DEADLINE_RED, -1);
  check_color (deadline, test_local_time (2026, 3, 8, 12, 0, 0), REXIAN_DEADLINE_RED, -1);
  check_color (deadline, test_local_time (2026, 3, 9, 9, 0, 0), REXIAN_DEADLINE_RED, -1);
  check_color (deadline, test_local_time (2026, 3, 10, 9, 0, 0), REXIAN_DEADLINE_RED, -2);

  /* Across the Spring Festival: Feb 14 (make-up) and Feb 24 remain after Feb 13. */
  deadline = test_end_of_day (2026, 2, 24);
  check_color (deadline, test_local_time (2026, 2, 13, 9, 0, 0), REXIAN_DEADLINE_GREEN, 2);
  check_color (deadline, test_local_time (2026, 2, 14, 9, 0, 0), REXIAN_DEADLINE_YELLOW, 1);
  check_color (deadline, test_local_time (2026, 2, 18, 9, 0, 0), REXIAN_DEADLINE_YELLOW, 1);

  /* No deadline running. */
  check_color (0, test_local_time (2026, 3, 2, 9, 0, 0), REXIAN_DEADLINE_NONE, 0);
}

static void
test_yellow_window (void)
{
  g_autoptr(GError) error = NULL;
  RexianDeadlineRules rules;
  RexianDeadlineColor color;
  int remaining;

  rexian_deadline_rules_init_default (&rules);
  rules.yellow_days = 3;

  g_assert_true (rexian_deadline_get_color (calendar, &rules, test_end_of_day (2026, 3, 6),
                                            test_local_time (2026, 3, 3, 9, 0, 0),
                                            &color, &remaining, &error));
  g_assert_cmpint (color, ==, REXIAN_DEADLINE_YELLOW);
  g_assert_cmpint (remaining, ==, 3);

  rules.yellow_days = 0;
  g_assert_true (rexian_deadline_get_color (calendar, &rules, test_end_of_day (2026, 3, 6),
                                            test_local_time (2026, 3, 5, 9, 0, 0),
                                            &color, &remaining, &error));
  g_assert_cmpint (color, ==, REXIAN_DEADLINE_GREEN);
  g_assert_true (rexian_deadline_get_color (calendar, &rules, test_end_of_day (2026, 3, 6),
                                            test_local_time (2026, 3, 6, 9, 0, 0),
                                            &color, &remaining, &error));
  g_assert_cmpint (color, ==, REXIAN_DEADLINE_YELLOW);
}

static void
test_out_of_range (void)
{
  g_autoptr(GError) error = NULL;
  RexianDeadlineRules rules;
  RexianDeadlineColor color;
  int remaining;
  gint64 red_before;
  gint64 yellow_before;

  rexian_deadline_rules_init_default (&rules);

  g_assert_false (rexian_deadline_get_color (calendar, &rules, test_end_of_day (2027, 1, 5),
                                             test_local_time (2026, 12, 30, 9, 0, 0),
                                             &color, &remaining, &error));
  g_assert_error (error, REXIAN_CALENDAR_ERROR, REXIAN_CALENDAR_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  g_assert_false (rexian_deadline_get_cutoffs (calendar, &rules,
                                               test_local_time (2026, 12, 31, 9, 0, 0),
                                               &red_before, &yellow_before, &error));
  g_assert_error (error, REXIAN_CALENDAR_ERROR, REXIAN_CALENDAR_ERROR_OUT_OF_RANGE);
}

static void
test_cutoffs (void)
{
  g_autoptr(GError) error = NULL;
  RexianDeadlineRules rules;
  gint64 red_before = 0;
  gint64 yellow_before = 0;

  rexian_deadline_rules_init_default (&rules);

  g_assert_true (rexian_deadline_get_cutoffs (calendar, &rules,
                                              test_local_time (2026, 3, 2, 9, 0, 0),
                                              &red_before, &yellow_before, &error));
  g_assert_no_error (error);
  g_assert_cmpint (red_before, ==, test_local_time (2026, 3, 2, 9, 0, 0));
  g_assert_cmpint (yellow_before, ==, test_local_time (2026, 3, 4, 0, 0, 0));

  /* On the Friday before the Spring Festival the second working day is Feb 24. */
  g_assert_true (rexian_deadline_get_cutoffs (calendar, &rules,
                                              test_local_time (2026, 2, 13, 9, 0, 0),
                                              &red_before, &yellow_before, &error));
  g_assert_cmpint (yellow_before, ==, test_local_time (2026, 2, 24, 0, 0, 0));
}

/* The cut-offs the store filters with must agree with the chip on every deadline. */
static void
test_cutoffs_consistent (void)
{
  static const int nows[][4] = {
    { 2026, 2, 13, 9 }, { 2026, 2, 14, 18 }, { 2026, 2, 20, 12 }, { 2026, 3, 6, 23 },
    { 2026, 3, 7, 10 }, { 2026, 9, 30, 8 }, { 2026, 10, 4, 8 }, { 2025, 12, 31, 16 },
  };
  RexianDeadlineRules rules;

  rexian_deadline_rules_init_default (&rules);

  for (int yellow_days = 0; yellow_days <= 3; yellow_days++)
    {
      rules.yellow_days = yellow_days;

      for (guint i = 0; i < G_N_ELEMENTS (nows); i++)
        {
          g_autoptr(GError) error = NULL;
          gint64 now = test_local_time (nows[i][0], nows[i][1], nows[i][2], nows[i][3], 0, 0);
          gint64 red_before;
          gint64 yellow_before;
          GDate day;

          g_assert_true (rexian_deadline_get_cutoffs (calendar, &rules, now,
                                                      &red_before, &yellow_before, &error));
          g_assert_no_error (error);

          rexian_date_from_unix (now, &day);
          g_date_subtract_days (&day, 20);

          for (int d = 0; d < 45; d++, g_date_add_days (&day, 1))
            {
              gint64 deadline = rexian_date_end_to_unix (&day);
              RexianDeadlineColor color;
              RexianDeadlineColor expected;
              int remaining;

              g_assert_true (rexian_deadline_get_color (calendar, &rules, deadline, now,
                                                        &color, &remaining, &error));
              g_assert_no_error (error);

              if (deadline < red_before)
                expected = REXIAN_DEADLINE_RED;
              else if (deadline < yellow_before)
                expected = REXIAN_DEADLINE_YELLOW;
              else
                expected = REXIAN_DEADLINE_GREEN;

              g_assert_cmpint (color, ==, expected);
            }
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  calendar = test_load_calendar ();

  g_test_add_func ("/core/deadline/rules", test_rules);
  g_test_add_func ("/core/deadline/running", test_running_deadline);
  g_test_add_func ("/core/deadline/colors", test_colors);
  g_test_add_func ("/core/deadline/yellow-window", test_yellow_window);
  g_test_add_func ("/core/deadline/out-of-range", test_out_of_range);
  g_test_add_func ("/core/deadline/cutoffs", test_cutoffs);
  g_test_add_func ("/core/deadline/cutoffs-consistent", test_cutoffs_consistent);

  ret = g_test_run ();

  g_clear_object (&calendar);

  return ret;
}
