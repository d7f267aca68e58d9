/* test-followup.c: the follow-up view in the real window — a visit with both answers
 * 不满意 sends the order back to its department, three unreachable attempts close it,
 * and a sampling plan with a fixed seed draws the same orders twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "rexian-application.h"
#include "rexian-followup-view.h"
#include "rexian-sampling-dialog.h"
#include "rexian-sampling.h"
#include "rexian-store-followup.h"
#include "rexian-test-peers.h"
#include "rexian-visit-dialog.h"
#include "rexian-window-private.h"
#include "rexian-test-ui.h"

static RexianApplication *app;
static RexianWindow *window;
static RexianFollowupView *view;
static char *tmpdir;
static char *db_path;

static RexianStore *
store (void)
{
  return rexian_application_get_store (app);
}

static gint64
first_department (char **out_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) departments = rexian_store_list_departments (store (), &error);
  RexianDepartment *department;

  g_assert_no_error (error);
  g_assert_cmpuint (departments->len, >, 0);
  department = g_ptr_array_index (departments, 0);
  *out_name = g_strdup (department->name);

  return department->id;
}

static void
act (gint64       order_id,
     RexianAction action,
     gint64       department_id)
{
  g_autoptr(RexianTransitionInput) input = rexian_transition_input_new ();
  g_autoptr(RexianWorkOrder) moved = NULL;
  g_autoptr(GError) error = NULL;

  input->lead_department_id = department_id;
  input->transfer_opinion = g_strdup ("请按时办理");
  input->handling_result = g_strdup ("已修复路灯并答复来电人");
  moved = rexian_store_apply (store (), order_id, action, input, 0, 0, &error);
  g_assert_no_error (error);
}

/* A new order taken in, dispatched to @department_id, replied and in follow-up. */
static gint64
order_in_follow_up (const char *summary,
                    gint64      department_id)
{
  g_autoptr(RexianWorkOrder) draft = rexian_work_order_new ();
  g_autoptr(RexianWorkOrder) order = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  rexian_work_order_set_caller_name (draft, "刘洋");
  rexian_work_order_set_caller_phone (draft, "13935607777");
  rexian_work_order_set_summary (draft, summary);
  rexian_work_order_set_request (draft, "请尽快处理");
  order = rexian_store_create_order (store (), draft, 0, 0, &error);
  g_assert_no_error (error);
  id = rexian_work_order_get_id (order);
  act (id, REXIAN_ACTION_SUBMIT, 0);
  act (id, REXIAN_ACTION_DISPATCH, department_id);
  act (id, REXIAN_ACTION_REPLY, 0);
  act (id, REXIAN_ACTION_START_FOLLOW_UP, 0);

  return id;
}

static gint64
query_int (const char *sql,
           gint64      order_id)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (order_id != 0)
    sqlite3_bind_int64 (stmt, 1, order_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

typedef struct
{
  gint64 order_id;
  guint  attempts;
} QueueWait;

static gboolean
queue_shows (gpointer data)
{
  QueueWait *wait = data;
  GPtrArray *items = _rexian_followup_view_get_items (view);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      RexianFollowupItem *item = g_ptr_array_index (items, i);

      if (item->order_id == wait->order_id)
        return item->attempts == wait->attempts;
    }
  return FALSE;
}

static gboolean
queue_lacks (gpointer data)
{
  QueueWait *wait = data;
  GPtrArray *items = _rexian_followup_view_get_items (view);

  for (guint i = 0; items != NULL && i < items->len; i++)
    if (((RexianFollowupItem *) g_ptr_array_index (items, i))->order_id == wait->order_id)
      return FALSE;
  return items != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return _rexian_followup_view_get_last_dialog (view) == NULL;
}

static RexianVisitDialog *
open_visit (gint64 order_id)
{
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (view), "followup.record", "x", order_id);
  dialog = _rexian_followup_view_get_last_dialog (view);
  g_assert_true (REXIAN_IS_VISIT_DIALOG (dialog));
  rexian_test_spin (100);

  return REXIAN_VISIT_DIALOG (dialog);
}

static void
test_rehandle (void)
{
  g_autofree char *department = NULL;
  gint64 department_id = first_department (&department);
  gint64 id = order_in_follow_up ("书院街路灯不亮（回访测试）", department_id);
  g_autofree char *expected_toast = NULL;
  QueueWait wait = { id, 0 };
  RexianVisitDialog *dialog;

  g_assert_true (rexian_test_wait_until (queue_shows, &wait, 10000));

  /* Both 不满意 and no reason: the dialog asks for it and writes nothing. */
  dialog = open_visit (id);
  _rexian_visit_dialog_set_answers (dialog, TRUE, REXIAN_SATISFACTION_DISSATISFIED,
                                    REXIAN_SATISFACTION_DISSATISFIED, NULL);
  _rexian_visit_dialog_save (dialog);
  g_assert_nonnull (_rexian_visit_dialog_get_error (dialog));
  g_assert_cmpint (query_int ("SELECT count (*) FROM followup_attempts WHERE order_id = ?1",
                              id), ==, 0);

  _rexian_visit_dialog_set_answers (dialog, TRUE, REXIAN_SATISFACTION_DISSATISFIED,
                                    REXIAN_SATISFACTION_DISSATISFIED, "路灯仍然不亮");
  _rexian_visit_dialog_save (dialog);
  g_assert_true (rexian_test_wait_until (dialog_gone, NULL, 15000));
  g_assert_true (rexian_test_wait_until (queue_lacks, &wait, 10000));

  g_assert_cmpint (query_int ("SELECT state = 'in-progress' AND rehandle_count = 1"
                              " FROM work_orders WHERE id = ?1", id), ==, 1);
  g_assert_cmpint (query_int ("SELECT count (*) FROM order_events WHERE order_id = ?1"
                              " AND action = 'rehandle' AND reason = '路灯仍然不亮'", id), ==, 1);
  g_assert_cmpint (query_int ("SELECT count (*) FROM followup_attempts WHERE order_id = ?1"
                              " AND reached = 1 AND result = 'dissatisfied'", id), ==, 1);

  /* The toast names the department the order went back to. */
  g_assert_nonnull (strstr (_rexian_window_get_last_toast (window), department));
}

static void
test_unreachable (void)
{
  g_autofree char *department = NULL;
  gint64 id = order_in_follow_up ("凤台街道噪音扰民（回访测试）", first_department (&department));
  guint max_attempts = rexian_store_get_followup_max_attempts (store ());

  g_assert_cmpuint (max_attempts, ==, 3);
  for (guint i = 0; i < max_attempts; i++)
    {
      QueueWait wait = { id, i };
      RexianVisitDialog *dialog;

      g_assert_true (rexian_test_wait_until (queue_shows, &wait, 10000));
      dialog = open_visit (id);
      _rexian_visit_dialog_set_answers (dialog, FALSE, REXIAN_SATISFACTION_NONE,
                                        REXIAN_SATISFACTION_NONE, NULL);
      _rexian_visit_dialog_save (dialog);
      g_assert_true (rexian_test_wait_until (dialog_gone, NULL, 15000));
    }

  {
    QueueWait wait = { id, 0 };

    g_assert_true (rexian_test_wait_until (queue_lacks, &wait, 10000));
  }
  g_assert_cmpint (query_int ("SELECT state = 'closed' AND followup_process = 'unreachable'"
                              " AND followup_result = 'unreachable'"
                              " FROM work_orders WHERE id = ?1", id), ==, 1);
  g_assert_cmpint (query_int ("SELECT count (*) FROM followup_attempts WHERE order_id = ?1",
                              id), ==, 3);
  g_assert_nonnull (strstr (_rexian_window_get_last_toast (window), "3"));
}

static GtkWidget *
find_spin_button (GtkWidget *widget)
{
  if (GTK_IS_SPIN_BUTTON (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_spin_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The number of tries before "unreachable", set in the view's settings popover, is what
 * every seat reads from the database. */
static void
test_attempts_setting (void)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (find_spin_button (GTK_WIDGET (view)));

  g_assert_nonnull (spin);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 3);
  gtk_spin_button_set_value (spin, 5);
  g_assert_cmpint (query_int ("SELECT value = '5' FROM settings"
                              " WHERE key = 'followup-max-attempts'", 0), ==, 1);
  gtk_spin_button_set_value (spin, 3);
  g_assert_cmpuint (rexian_store_get_followup_max_attempts (store ()), ==, 3);
}

static gboolean
preview_ready (gpointer data)
{
  RexianSamplingDialog *dialog = data;
  GArray *drawn = _rexian_sampling_dialog_get_drawn (dialog);

  return drawn != NULL && drawn->len > 0;
}

/* Draws with a fixed seed in the dialog and saves; returns the drawn ids. */
static GArray *
plan_once (void)
{
  RexianSamplingDialog *dialog;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GArray *drawn;

  gtk_widget_activate_action (GTK_WIDGET (view), "followup.plan", NULL);
  dialog = REXIAN_SAMPLING_DIALOG (_rexian_followup_view_get_last_dialog (view));
  g_assert_nonnull (dialog);
  _rexian_sampling_dialog_set_values (dialog, "2000-01-01", "2099-12-31", 30, 20261123);
  g_assert_true (rexian_test_wait_until (preview_ready, dialog, 15000));

  drawn = _rexian_sampling_dialog_get_drawn (dialog);
  for (guint i = 0; i < drawn->len; i++)
    g_array_append_val (ids, g_array_index (drawn, RexianSampleCandidate, i).order_id);

  _rexian_sampling_dialog_save (dialog);
  g_assert_true (rexian_test_wait_until (dialog_gone, NULL, 15000));

  return ids;
}

static void
test_sampling (void)
{
  g_autoptr(GArray) first = plan_once ();
  g_autoptr(GArray) second = plan_once ();
  gint64 closed = query_int ("SELECT count (*) FROM work_orders WHERE closed_at > 0"
                             " AND state IN ('closed', 'archived')"
                             " AND merged_into_id IS NULL", 0);

  g_test_message ("%" G_GINT64_FORMAT " closed orders, %u drawn", closed, first->len);
  g_assert_cmpuint (first->len, >, 0);
  g_assert_cmpuint (first->len, <, closed);
  g_assert_cmpuint (first->len, ==, second->len);
  for (guint i = 0; i < first->len; i++)
    g_assert_cmpint (g_array_index (first, gint64, i), ==, g_array_index (second, gint64, i));

  g_assert_cmpint (query_int ("SELECT count (*) FROM followup_plans WHERE seed = 20261123", 0),
                   ==, 2);
  g_assert_cmpint (query_int ("SELECT count (DISTINCT order_id) FROM followup_samples", 0),
                   ==, first->len);
}

static gboolean
evaluation_shows_visits (gpointer data)
{
  GPtrArray *rows = _rexian_followup_view_get_evaluation (view);
  gint64 visits = 0;

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    visits += ((RexianDepartmentEvaluation *) g_ptr_array_index (rows, i))->visits;

  /* The re-handled order's visit and the three unreachable attempts. */
  return visits >= 4;
}

static void
test_evaluation (void)
{
  g_assert_true (rexian_test_wait_until (evaluation_shows_visits, NULL, 10000));
}

static void
collect_call_buttons (GtkWidget *widget,
                      GPtrArray *found)
{
  if (gtk_widget_has_css_class (widget, "followup-call"))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_call_buttons (child, found);
}

/* The seat has no SIP account in the tests: every Call button is insensitive and says
 * why. */
static void
test_call_needs_account (void)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_call_buttons (GTK_WIDGET (view), buttons);
  g_assert_cmpuint (buttons->len, >, 0);
  g_assert_cmpuint (buttons->len, ==, rexian_followup_view_get_n_waiting (view));
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      g_assert_false (gtk_widget_get_sensitive (button));
      g_assert_nonnull (gtk_widget_get_tooltip_text (button));
      g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (button), "SIP"));
    }
}

static gboolean
call_buttons_sensitive (gpointer data)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_call_buttons (GTK_WIDGET (view), buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (!gtk_widget_get_sensitive (g_ptr_array_index (buttons, i)))
      return FALSE;
  return buttons->len > 0;
}

typedef struct
{
  RexianTestBaresip *citizen;
  const char        *report;
  guint              count;
} ReportWait;

static gboolean
baresip_reported (gpointer data)
{
  ReportWait *wait = data;

  return rexian_test_baresip_count_reports (wait->citizen, wait->report) >= wait->count;
}

/* With a SIP server set, Call dials the caller's number from the queue: baresip, as the
 * caller's phone and as the server, answers. */
static void
test_click_to_call (void)
{
  RexianTestBaresip *citizen = rexian_test_baresip_start ("13935607777", "auto");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *server = g_strdup_printf ("sip:127.0.0.1:%u",
                                             rexian_test_baresip_get_port (citizen));
  g_autofree char *department = NULL;
  gint64 id = order_in_follow_up ("书院街积水（回访测试）", first_department (&department));
  QueueWait wait = { id, 0 };
  ReportWait established = { citizen, "CALL_ESTABLISHED", 1 };
  ReportWait closed = { citizen, "CALL_CLOSED", 1 };

  g_settings_set_string (settings, "sip-registrar", server);
  g_assert_true (rexian_test_wait_until (queue_shows, &wait, 10000));
  g_assert_true (rexian_test_wait_until (call_buttons_sensitive, NULL, 10000));

  gtk_widget_activate_action (GTK_WIDGET (view), "followup.call", "x", id);
  g_assert_true (rexian_test_wait_until (baresip_reported, &established, 30000));

  rexian_test_baresip_command (citizen, "hangup", NULL);
  g_assert_true (rexian_test_wait_until (baresip_reported, &closed, 30000));
  rexian_test_spin (500);

  g_settings_reset (settings, "sip-registrar");
  rexian_test_baresip_stop (citizen);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  rexian_test_init_i18n ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  tmpdir = rexian_test_make_dir ("rexian-followup");
  db_path = g_build_filename (tmpdir, "rexian.db", NULL);
  app = rexian_test_app_start (db_path, 1280, 800, &window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "followup");
  view = REXIAN_FOLLOWUP_VIEW (adw_view_stack_get_child_by_name (window->stack, "followup"));
  g_assert_nonnull (view);
  rexian_test_spin (200);

  g_test_add_func ("/followup/rehandle", test_rehandle);
  g_test_add_func ("/followup/unreachable", test_unreachable);
  g_test_add_func ("/followup/attempts-setting", test_attempts_setting);
  g_test_add_func ("/followup/sampling-same-seed", test_sampling);
  g_test_add_func ("/followup/evaluation", test_evaluation);
  g_test_add_func ("/followup/call-needs-account", test_call_needs_account);
  g_test_add_func ("/followup/click-to-call", test_click_to_call);

  status = g_test_run ();

  rexian_test_app_stop (&app, window);
  if (status == 0)
    rexian_test_delete_dir (tmpdir);
  else
    g_printerr ("# The database is kept in %s\n", tmpdir);
  g_free (tmpdir);
  g_free (db_path);

  return status;
}
