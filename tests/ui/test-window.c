/* test-window.c: the real main window under Xvfb, driven as an agent would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rexian-application.h"
#include "rexian-order-editor-private.h"
#include "rexian-transition-dialog-private.h"
#include "rexian-window-private.h"
#include "rexian-test-ui.h"

static RexianApplication *app;
static RexianWindow *window;
static char *tmpdir;
static char *db_path;
static gint64 created_id;

static RexianStore *
store (void)
{
  return rexian_application_get_store (app);
}

static guint
column_count (RexianState state)
{
  RexianKanban *kanban = _rexian_window_get_kanban (window);

  return rexian_kanban_column_get_count (rexian_kanban_get_column (kanban, state));
}

static guint
store_count (RexianState state)
{
  g_autoptr(RexianOrderQuery) query = rexian_order_query_new ();
  g_autoptr(GError) error = NULL;
  guint count;

  query->state = state;
  count = rexian_store_count_orders (store (), query, g_get_real_time () / G_USEC_PER_SEC,
                                     &error);
  g_assert_no_error (error);

  return count;
}

static gboolean
window_is_mapped (gpointer data)
{
  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static void
test_board_shows_every_state (void)
{
  guint total = 0;

  g_assert_true (rexian_test_wait_until (window_is_mapped, NULL, 5000));
  rexian_test_spin (300);

  for (int state = 0; state < REXIAN_N_STATES; state++)
    {
      g_assert_cmpuint (column_count (state), ==, store_count (state));
      total += column_count (state);
    }

  /* The sample data fills every column, so a new user sees what each state means. */
  g_assert_cmpuint (total, >=, 40);
  g_assert_cmpuint (column_count (REXIAN_STATE_INTAKE), >, 0);
  g_assert_cmpuint (column_count (REXIAN_STATE_IN_PROGRESS), >, 0);
  g_assert_cmpuint (column_count (REXIAN_STATE_CLOSED), >, 0);
}

static gboolean
editor_saved (gpointer data)
{
  RexianOrderEditor *editor = data;

  return _rexian_order_editor_get_order (editor) != NULL && !_rexian_order_editor_is_busy (editor);
}

typedef struct
{
  RexianState state;
  guint       count;
} CountWait;

static gboolean
column_reaches (gpointer data)
{
  CountWait *wait = data;

  return column_count (wait->state) == wait->count;
}

static void
test_create_order_from_intake_form (void)
{
  RexianOrderEditor *editor;
  guint before = column_count (REXIAN_STATE_INTAKE);
  CountWait wait = { REXIAN_STATE_INTAKE, before + 1 };
  g_autoptr(RexianWorkOrder) stored = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-order", NULL);
  editor = REXIAN_ORDER_EDITOR (_rexian_window_get_last_dialog (window));
  g_assert_nonnull (editor);
  rexian_test_spin (200);

  gtk_editable_set_text (GTK_EDITABLE (editor->caller_name_row), "王建国");
  gtk_editable_set_text (GTK_EDITABLE (editor->phone_row), "13903561234");
  gtk_editable_set_text (GTK_EDITABLE (editor->address_row), "城区西街道书院街12号");
  gtk_editable_set_text (GTK_EDITABLE (editor->summary_row), "书院街路灯连续三晚不亮");
  _rexian_order_editor_create (editor, REXIAN_AFTER_CREATE_NOTHING);

  g_assert_true (rexian_test_wait_until (editor_saved, editor, 5000));
  created_id = rexian_work_order_get_id (_rexian_order_editor_get_order (editor));
  g_assert_cmpint (created_id, >, 0);

  /* The board shows it without a refresh: the store's own write says "changed". */
  g_assert_true (rexian_test_wait_until (column_reaches, &wait, 3000));

  stored = rexian_store_get_order (store (), created_id, NULL);
  g_assert_nonnull (stored);
  g_assert_cmpint (rexian_work_order_get_state (stored), ==, REXIAN_STATE_INTAKE);
  g_assert_cmpstr (rexian_work_order_get_summary (stored), ==, "书院街路灯连续三晚不亮");
  g_assert_cmpstr (rexian_work_order_get_caller_phone (stored), ==, "13903561234");

  gtk_window_destroy (GTK_WINDOW (editor));
}

static RexianState
stored_state (void)
{
  g_autoptr(RexianWorkOrder) order = rexian_store_get_order (store (), created_id, NULL);

  g_assert_nonnull (order);
  return rexian_work_order_get_state (order);
}

static gboolean
state_is (gpointer data)
{
  return stored_state () == (RexianState) GPOINTER_TO_INT (data);
}

static gboolean
dialog_idle (gpointer data)
{
  return !_rexian_transition_dialog_is_busy (data);
}

static void
test_move_across_columns (void)
{
  g_autoptr(RexianWorkOrder) order = rexian_store_get_order (store (), created_id, NULL);
  g_autoptr(RexianWorkOrder) moved = NULL;
  g_autoptr(GPtrArray) departments = rexian_store_list_departments (store (), NULL);
  RexianTransitionDialog *dialog;
  guint in_progress = column_count (REXIAN_STATE_IN_PROGRESS);
  CountWait wait = { REXIAN_STATE_IN_PROGRESS, in_progress + 1 };

  /* Intake -> pending dispatch needs nothing more than the summary it has. */
  g_assert_true (_rexian_window_request_move (window, order, REXIAN_STATE_PENDING_DISPATCH));
  g_assert_true (rexian_test_wait_until (state_is,
                                         GINT_TO_POINTER (REXIAN_STATE_PENDING_DISPATCH), 5000));

  /* Pending dispatch -> in progress asks for the lead department and the opinion. */
  moved = rexian_store_get_order (store (), created_id, NULL);
  g_assert_true (_rexian_window_request_move (window, moved, REXIAN_STATE_IN_PROGRESS));
  dialog = REXIAN_TRANSITION_DIALOG (_rexian_window_get_last_dialog (window));
  g_assert_true (REXIAN_IS_TRANSITION_DIALOG (dialog));
  g_assert_true (_rexian_transition_dialog_is_field_shown (dialog, REXIAN_FIELD_LEAD_DEPARTMENT));
  g_assert_true (_rexian_transition_dialog_is_field_shown (dialog, REXIAN_FIELD_TRANSFER_OPINION));

  /* Applying without a department is refused inside the dialog, which stays open. */
  _rexian_transition_dialog_set_field_text (dialog, REXIAN_FIELD_TRANSFER_OPINION,
                                            "请城管局核实路灯故障并于期限内答复");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.apply", NULL);
  g_assert_true (rexian_test_wait_until (dialog_idle, dialog, 5000));
  g_assert_nonnull (_rexian_transition_dialog_get_error (dialog));
  g_assert_cmpint (stored_state (), ==, REXIAN_STATE_PENDING_DISPATCH);

  g_assert_cmpuint (departments->len, >, 0);
  _rexian_transition_dialog_select_lead_department (
    dialog, ((RexianDepartment *) g_ptr_array_index (departments, 0))->id);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.apply", NULL);
  g_assert_true (rexian_test_wait_until (state_is,
                                         GINT_TO_POINTER (REXIAN_STATE_IN_PROGRESS), 5000));
  g_assert_true (rexian_test_wait_until (column_reaches, &wait, 3000));

  g_clear_object (&moved);
  moved = rexian_store_get_order (store (), created_id, NULL);
  g_assert_cmpint (rexian_work_order_get_deadline (moved), >, 0);
  g_assert_cmpint (rexian_work_order_get_lead_department_id (moved), ==,
                   ((RexianDepartment *) g_ptr_array_index (departments, 0))->id);
}

static void
test_refused_move_is_explained (void)
{
  g_autoptr(RexianWorkOrder) order = rexian_store_get_order (store (), created_id, NULL);
  g_autofree char *expected = NULL;
  const char *toast;

  /* In progress straight to archived skips the reply and the closure. */
  g_assert_false (_rexian_window_request_move (window, order, REXIAN_STATE_ARCHIVED));
  expected = rexian_lifecycle_explain_refusal (REXIAN_STATE_IN_PROGRESS, REXIAN_STATE_ARCHIVED);
  toast = _rexian_window_get_last_toast (window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (toast, ==, expected);
  g_assert_cmpint (stored_state (), ==, REXIAN_STATE_IN_PROGRESS);
}

static void
test_second_process_change_appears (void)
{
  const char *tool = g_getenv ("REXIAN_DB_TOOL");
  guint before = column_count (REXIAN_STATE_INTAKE);
  CountWait wait = { REXIAN_STATE_INTAKE, before + 1 };
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  int status = 0;
  const char *argv[] = { tool, db_path, "create", "1", NULL };

  g_assert_nonnull (tool);
  /* The tool's own output is captured: this test's standard output is TAP. */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_str_has_prefix (output, "created "));

  /* Another seat's commit reaches this window within about a second, by polling. */
  g_assert_true (rexian_test_wait_until (column_reaches, &wait, 3000));
}

typedef struct
{
  guint intake;
  guint in_progress;
} Counts;

static gboolean
columns_show (gpointer data)
{
  Counts *counts = data;

  return column_count (REXIAN_STATE_INTAKE) == counts->intake
         && column_count (REXIAN_STATE_IN_PROGRESS) == counts->in_progress;
}

static void
test_search_filters_the_board (void)
{
  GtkEditable *entry = GTK_EDITABLE (window->search_entry);
  Counts only_created = { 0, 1 };
  Counts everything = { store_count (REXIAN_STATE_INTAKE),
                        store_count (REXIAN_STATE_IN_PROGRESS) };

  /* Three or more characters go through the full-text index. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  gtk_editable_set_text (entry, "书院街路灯");
  g_assert_true (rexian_test_wait_until (columns_show, &only_created, 3000));

  /* The phone number finds the same order. */
  gtk_editable_set_text (entry, "13903561234");
  g_assert_true (rexian_test_wait_until (columns_show, &only_created, 3000));

  /* Clearing the search brings every order back. */
  gtk_editable_set_text (entry, "");
  g_assert_true (rexian_test_wait_until (columns_show, &everything, 3000));

  /* The deadline filter: only overdue orders, each of whose chips says so. */
  gtk_drop_down_set_selected (window->color_filter, 3);
  rexian_test_spin (200);
  {
    g_autoptr(RexianOrderQuery) query = rexian_order_query_new ();
    guint shown = 0;

    query->color = REXIAN_DEADLINE_RED;
    for (int state = 0; state < REXIAN_N_STATES; state++)
      shown += column_count (state);
    g_assert_cmpuint (shown, ==,
                      rexian_store_count_orders (store (), query,
                                                 g_get_real_time () / G_USEC_PER_SEC, NULL));
    g_assert_cmpuint (shown, >, 0);
  }
  gtk_drop_down_set_selected (window->color_filter, 0);
  g_assert_true (rexian_test_wait_until (columns_show, &everything, 3000));
}

static void
test_narrow_window (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "narrow.png", NULL);
  g_autoptr(GError) error = NULL;

  /* GNOME's title buttons (close only), not GTK's fallback for a bare X server, which
   * adds minimise and maximise: a phone-sized GNOME window has just the close button. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  rexian_test_spin (500);

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  /* Nothing of the board may push the window wider than a phone's screen. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (_rexian_window_get_kanban (window))), <=, 360);
  g_assert_true (rexian_test_save_png (GTK_WIDGET (window), path, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  rexian_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  tmpdir = g_dir_make_tmp ("rexian-ui-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (tmpdir, "rexian.db", NULL);

  app = rexian_test_app_start (db_path, 1600, 900, &window);

  g_test_add_func ("/ui/window/board", test_board_shows_every_state);
  g_test_add_func ("/ui/window/create", test_create_order_from_intake_form);
  g_test_add_func ("/ui/window/move", test_move_across_columns);
  g_test_add_func ("/ui/window/refused", test_refused_move_is_explained);
  g_test_add_func ("/ui/window/second-process", test_second_process_change_appears);
  g_test_add_func ("/ui/window/search", test_search_filters_the_board);
  g_test_add_func ("/ui/window/narrow", test_narrow_window);

  ret = g_test_run ();

  rexian_test_app_stop (&app, window);
  return ret;
}
