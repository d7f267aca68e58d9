/* test-alerts.c: deadline alerts turn, toast and notify as time passes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rexian-alert-monitor.h"
#include "rexian-application.h"
#include "rexian-window-private.h"
#include "rexian-test-ui.h"

typedef struct
{
  char        *tmpdir;
  RexianStore *store;
  gint64       order_id;
  gint64       deadline;
} Fixture;

static gint64
local_time (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianCalendar) calendar = rexian_calendar_new_default (&error);
  g_autoptr(RexianWorkOrder) draft = rexian_work_order_new ();
  g_autoptr(RexianWorkOrder) order = NULL;
  g_autoptr(RexianTransitionInput) input = rexian_transition_input_new ();
  g_autofree char *path = NULL;
  gint64 department;
  gint64 agent;
  /* Monday 2026-11-16, 09:00: dispatched with 3 working days, due Thursday 11-19. */
  gint64 intake = local_time (2026, 11, 16, 9, 0);

  g_assert_no_error (error);
  fixture->tmpdir = g_dir_make_tmp ("rexian-alerts-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->tmpdir, "rexian.db", NULL);
  fixture->store = rexian_store_open (path, &error);
  g_assert_no_error (error);
  rexian_store_set_calendar (fixture->store, calendar);
  rexian_store_set_poll_interval (fixture->store, 0);

  department = rexian_store_add_department (fixture->store, "市城市管理局", "李明", "0356-2020000",
                                            &error);
  g_assert_no_error (error);
  agent = rexian_store_add_agent (fixture->store, "1001", "张敏", "agent", &error);
  g_assert_no_error (error);

  rexian_work_order_set_summary (draft, "人行道井盖缺失");
  rexian_work_order_set_caller_phone (draft, "13803560001");
  rexian_work_order_set_created_at (draft, intake);
  order = rexian_store_create_order (fixture->store, draft, agent, intake, &error);
  g_assert_no_error (error);
  fixture->order_id = rexian_work_order_get_id (order);
  g_clear_object (&order);

  order = rexian_store_apply (fixture->store, fixture->order_id, REXIAN_ACTION_SUBMIT, input,
                              agent, intake + 60, &error);
  g_assert_no_error (error);
  g_clear_object (&order);

  input->lead_department_id = department;
  input->transfer_opinion = g_strdup ("请尽快补装井盖");
  input->handling_days = 3;
  order = rexian_store_apply (fixture->store, fixture->order_id, REXIAN_ACTION_DISPATCH, input,
                              agent, intake + 120, &error);
  g_assert_no_error (error);
  fixture->deadline = rexian_work_order_get_deadline (order);
  g_assert_cmpint (fixture->deadline, ==, local_time (2026, 11, 19, 23, 59) + 59);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  /* The database, its WAL and shared memory are all that is in the folder. */
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->tmpdir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *file = g_build_filename (fixture->tmpdir, name, NULL);
        g_unlink (file);
      }
  }
  g_rmdir (fixture->tmpdir);
  g_free (fixture->tmpdir);
}

typedef struct
{
  guint               count;
  RexianDeadlineColor last;
  char               *number;
} Turns;

static void
on_turned (RexianAlertMonitor *monitor,
           RexianWorkOrder    *order,
           int                 color,
           Turns              *turns)
{
  turns->count++;
  turns->last = color;
  g_free (turns->number);
  turns->number = g_strdup (rexian_work_order_get_number (order));
}

static void
test_monitor_turns (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RexianAlertMonitor) monitor = rexian_alert_monitor_new (fixture->store);
  Turns turns = { 0 };

  g_signal_connect (monitor, "turned", G_CALLBACK (on_turned), &turns);

  /* Monday: green; the first check only primes the monitor. */
  rexian_alert_monitor_check_at (monitor, local_time (2026, 11, 16, 10, 0));
  g_assert_cmpuint (turns.count, ==, 0);
  g_assert_cmpuint (rexian_alert_monitor_get_n_yellow (monitor), ==, 0);
  g_assert_cmpuint (rexian_alert_monitor_get_n_red (monitor), ==, 0);

  /* Wednesday, one working day before: it turns yellow, once. */
  rexian_alert_monitor_check_at (monitor, local_time (2026, 11, 18, 9, 0));
  g_assert_cmpuint (turns.count, ==, 1);
  g_assert_cmpint (turns.last, ==, REXIAN_DEADLINE_YELLOW);
  g_assert_cmpuint (rexian_alert_monitor_get_n_yellow (monitor), ==, 1);
  rexian_alert_monitor_check_at (monitor, local_time (2026, 11, 18, 15, 0));
  g_assert_cmpuint (turns.count, ==, 1);

  /* Friday: overdue, red. */
  rexian_alert_monitor_check_at (monitor, local_time (2026, 11, 20, 9, 0));
  g_assert_cmpuint (turns.count, ==, 2);
  g_assert_cmpint (turns.last, ==, REXIAN_DEADLINE_RED);
  g_assert_cmpuint (rexian_alert_monitor_get_n_red (monitor), ==, 1);
  g_assert_cmpuint (rexian_alert_monitor_get_n_yellow (monitor), ==, 0);
  g_free (turns.number);
}

static void
test_overdue_comes_under_supervision (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianWorkOrder) order = NULL;
  g_autoptr(GPtrArray) events = NULL;
  RexianOrderEvent *last;

  g_assert_cmpuint (rexian_store_supervise_due (fixture->store, local_time (2026, 11, 19, 12, 0),
                                                &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (rexian_store_supervise_due (fixture->store, local_time (2026, 11, 20, 9, 0),
                                                &error), ==, 1);
  g_assert_no_error (error);

  order = rexian_store_get_order (fixture->store, fixture->order_id, &error);
  g_assert_true (rexian_work_order_get_supervised (order));
  events = rexian_store_list_events (fixture->store, fixture->order_id, &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpint (last->action, ==, REXIAN_ACTION_SUPERVISE);
  g_assert_cmpint (last->agent_id, ==, 0);

  /* Once is enough: a second check finds nothing more to do. */
  g_assert_cmpuint (rexian_store_supervise_due (fixture->store, local_time (2026, 11, 20, 10, 0),
                                                &error), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ui/alerts/monitor-turns", Fixture, NULL,
              fixture_set_up, test_monitor_turns, fixture_tear_down);
  g_test_add ("/ui/alerts/supervision", Fixture, NULL,
              fixture_set_up, test_overdue_comes_under_supervision, fixture_tear_down);

  return g_test_run ();
}
