/* test-supervision.c: supervision (督办) in the real window under Xvfb — a record added
 * from an order's editor, its badge on the card and in the editor, the Supervised list,
 * the outcome, another connection reading it, and the automatic pass at start.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "rexian-alerts-view.h"
#include "rexian-application.h"
#include "rexian-order-card.h"
#include "rexian-order-editor-private.h"
#include "rexian-store-supervision.h"
#include "rexian-supervision-dialog.h"
#include "rexian-window-private.h"
#include "rexian-test-ui.h"

static RexianApplication *app;
static RexianWindow *window;
static RexianStore *other; /* another seat's connection to the same file */
static char *tmpdir;
static char *db_path;
static gint64 order_id;
static char *order_number;

static gboolean
window_is_mapped (gpointer data)
{
  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static gint64
query_int (const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static GPtrArray *
records_of (gint64 id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = rexian_store_list_supervision_records (other, id, &error);

  g_assert_no_error (error);
  return records;
}

/* Any visible widget under @widget with @css_class (and @text, when given). */
static GtkWidget *
find_with_class (GtkWidget  *widget,
                 const char *css_class,
                 const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;

  if (gtk_widget_has_css_class (widget, css_class)
      && (text == NULL || (GTK_IS_LABEL (widget)
                           && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_class (child, css_class, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static RexianOrderCard *
find_card (GtkWidget *widget,
           gint64     id)
{
  if (REXIAN_IS_ORDER_CARD (widget))
    {
      RexianWorkOrder *order = rexian_order_card_get_order (REXIAN_ORDER_CARD (widget));

      if (order != NULL && rexian_work_order_get_id (order) == id)
        return REXIAN_ORDER_CARD (widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      RexianOrderCard *found = find_card (child, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static RexianSupervisionDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (REXIAN_IS_SUPERVISION_DIALOG (item) && gtk_widget_get_visible (GTK_WIDGET (item)))
        return REXIAN_SUPERVISION_DIALOG (item);
    }

  return NULL;
}

static gboolean
dialog_is_open (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
dialog_is_closed (gpointer data)
{
  return find_dialog () == NULL;
}

/* The automatic pass at start: the sample's emergency and overdue orders have records. */
static gboolean
has_automatic_records (gpointer data)
{
  return query_int ("SELECT count(DISTINCT cause) FROM supervision_records "
                     "WHERE agent_id IS NULL AND cause IN ('emergency', 'overdue')")
         == 2;
}

static void
test_automatic_pass (void)
{
  g_assert_true (rexian_test_wait_until (window_is_mapped, NULL, 10000));
  g_assert_true (rexian_test_wait_until (has_automatic_records, NULL, 30000));

  /* Each with an order under supervision, and the method and person of the settings. */
  g_assert_cmpint (query_int ("SELECT count(*) FROM supervision_records r "
                               "JOIN work_orders o ON o.id = r.order_id "
                               "WHERE r.cause = 'emergency' AND o.emergency = 1 "
                               "AND o.supervised = 1 AND r.method = 'phone' "
                               "AND r.responsible <> ''"),
                   >, 0);
  g_assert_cmpint (query_int ("SELECT count(*) FROM supervision_records r "
                               "JOIN work_orders o ON o.id = r.order_id "
                               "WHERE r.cause = 'overdue' AND o.supervised = 1"),
                   >, 0);
}

static RexianOrderEditor *editor;

static gboolean
editor_has_records (gpointer data)
{
  return _rexian_order_editor_get_supervision_count (editor) == GPOINTER_TO_UINT (data);
}

static gboolean
editor_has_badge (gpointer data)
{
  return find_with_class (GTK_WIDGET (editor->badge_box), "badge-supervised", NULL) != NULL;
}

static gboolean
card_has_badge (gpointer data)
{
  RexianOrderCard *card = find_card (GTK_WIDGET (_rexian_window_get_kanban (window)), order_id);

  return card != NULL && find_with_class (GTK_WIDGET (card), "badge-supervised", NULL) != NULL;
}

static gboolean
listed_as_supervised (gpointer data)
{
  GtkListBox *list = rexian_alerts_view_get_supervised_list (window->alerts_view);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

      if (g_str_has_prefix (title, order_number)
          && strstr (subtitle, "王科长") != NULL
          && strstr (subtitle, (const char *) data) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
test_manual_record (void)
{
  g_autoptr(RexianWorkOrder) order = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  RexianSupervisionDialog *dialog;
  RexianSupervisionRecord *record;

  order = rexian_store_get_order (other, order_id, &error);
  g_assert_no_error (error);
  g_assert_false (rexian_work_order_get_supervised (order));

  _rexian_window_open_order (window, order);
  editor = REXIAN_ORDER_EDITOR (_rexian_window_get_last_dialog (window));
  g_assert_nonnull (editor);
  rexian_test_spin (300);
  g_assert_false (editor_has_badge (NULL));

  /* The editor's Supervise step asks for a whole record. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.apply-action", "i",
                              REXIAN_ACTION_SUPERVISE);
  g_assert_true (rexian_test_wait_until (dialog_is_open, NULL, 5000));
  dialog = find_dialog ();
  adw_combo_row_set_selected (rexian_supervision_dialog_get_method_row (dialog),
                              REXIAN_SUPERVISE_METHOD_SMS);
  gtk_editable_set_text (GTK_EDITABLE (rexian_supervision_dialog_get_responsible_row (dialog)),
                         "王科长");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  g_assert_true (rexian_test_wait_until (dialog_is_closed, NULL, 10000));

  /* The section lists it, the editor and the card carry the badge, and the order is on
   * the Supervised page, its outcome pending. */
  g_assert_true (rexian_test_wait_until (editor_has_records, GUINT_TO_POINTER (1), 10000));
  g_assert_true (rexian_test_wait_until (editor_has_badge, NULL, 10000));
  g_assert_true (rexian_test_wait_until (card_has_badge, NULL, 10000));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "alerts");
  rexian_alerts_view_show_page (window->alerts_view, "supervised");
  g_assert_true (rexian_test_wait_until (listed_as_supervised, (gpointer) "Outcome pending",
                                         10000));

  /* Another connection reads the record as written. */
  records = records_of (order_id);
  g_assert_cmpuint (records->len, ==, 1);
  record = g_ptr_array_index (records, 0);
  g_assert_cmpint (record->cause, ==, REXIAN_SUPERVISE_REASON_MANUAL);
  g_assert_cmpint (record->method, ==, REXIAN_SUPERVISE_METHOD_SMS);
  g_assert_cmpstr (record->responsible, ==, "王科长");
  g_assert_cmpstr (record->outcome, ==, "");
}

/* Whether a label under @widget holds @text. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (shows_text (child, text))
        return TRUE;
    }

  return FALSE;
}

static gboolean
timeline_shows (gpointer data)
{
  return shows_text (GTK_WIDGET (editor->timeline_list), data);
}

static gboolean
has_outcome (gpointer data)
{
  g_autoptr(GPtrArray) records = records_of (order_id);

  return records->len == 1
         && g_strcmp0 (((RexianSupervisionRecord *) g_ptr_array_index (records, 0))->outcome,
                       data) == 0;
}

static void
test_record_outcome (void)
{
  const char *outcome = "承办单位已整改，群众认可";
  g_autofree char *listed = g_strdup_printf ("Outcome: %s", outcome);
  RexianSupervisionDialog *dialog;
  GtkWidget *row;
  GtkWidget *button = NULL;

  row = gtk_widget_get_first_child (GTK_WIDGET (editor->supervision_list));
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "supervision-pending"));
  button = find_with_class (row, "text-button", NULL);
  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (rexian_test_wait_until (dialog_is_open, NULL, 5000));
  dialog = find_dialog ();

  /* An empty outcome stays in the dialog with the reason. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  rexian_test_spin (200);
  g_assert_true (find_dialog () == dialog);

  gtk_editable_set_text (GTK_EDITABLE (rexian_supervision_dialog_get_outcome_row (dialog)),
                         outcome);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  g_assert_true (rexian_test_wait_until (dialog_is_closed, NULL, 10000));
  g_assert_true (rexian_test_wait_until (has_outcome, (gpointer) outcome, 10000));
  g_assert_true (rexian_test_wait_until (listed_as_supervised, listed, 10000));
  g_assert_true (rexian_test_wait_until (timeline_shows, "Supervision outcome: 承办单位已整改",
                                         10000));

  /* The section as the user sees it, left in the build folder to look at. */
  {
    g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"),
                                              "supervision-editor.png", NULL);
    g_autoptr(GError) error = NULL;

    GtkWidget *content = gtk_scrolled_window_get_child (editor->scrolled_window);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (editor->scrolled_window);
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (editor->supervision_group), content,
                                              &bounds));
    gtk_adjustment_set_value (adjustment, bounds.origin.y - 12);
    rexian_test_spin (300);
    g_assert_true (rexian_test_save_png (GTK_WIDGET (editor), path, &error));
    g_assert_no_error (error);
  }

  gtk_window_destroy (GTK_WINDOW (editor));
  editor = NULL;
}

/* Another seat adds a record: the open window's list shows it as the latest. */
static void
test_other_seat_record (void)
{
  g_autoptr(RexianSupervisionRecord) record = rexian_supervision_record_new ();
  g_autoptr(GError) error = NULL;

  record->order_id = order_id;
  record->method = REXIAN_SUPERVISE_METHOD_MEETING;
  record->responsible = g_strdup ("王科长");
  record->note = g_strdup ("召开督查会议");
  g_assert_cmpint (rexian_store_add_supervision_record (other, record, 0, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (rexian_test_wait_until (listed_as_supervised, (gpointer) "Supervision meeting",
                                         15000));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "orders");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianWorkOrder) draft = rexian_work_order_new ();
  g_autoptr(RexianWorkOrder) order = NULL;
  g_autoptr(RexianTransitionInput) input = rexian_transition_input_new ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  int ret;

  g_setenv ("LANGUAGE", "en", TRUE);
  rexian_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  tmpdir = g_dir_make_tmp ("rexian-supervision-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (tmpdir, "rexian.db", NULL);

  app = rexian_test_app_start (db_path, 1400, 900, &window);
  gtk_window_present (GTK_WINDOW (window));

  /* An order in progress at a department, due in days, that nothing supervises yet. */
  other = rexian_store_open (db_path, &error);
  g_assert_no_error (error);
  rexian_work_order_set_summary (draft, "小区二次供水水质浑浊");
  rexian_work_order_set_caller_phone (draft, "13903561234");
  order = rexian_store_create_order (other, draft, 0, now, &error);
  g_assert_no_error (error);
  order_id = rexian_work_order_get_id (order);
  order_number = g_strdup (rexian_work_order_get_number (order));
  g_clear_object (&order);
  order = rexian_store_apply (other, order_id, REXIAN_ACTION_SUBMIT, input, 0, now, &error);
  g_assert_no_error (error);
  g_clear_object (&order);
  input->lead_department_id = rexian_store_add_department (other, "市供水公司", "赵强",
                                                           "0356-2021234", &error);
  input->transfer_opinion = g_strdup ("请核查水质");
  input->handling_days = 10;
  order = rexian_store_apply (other, order_id, REXIAN_ACTION_DISPATCH, input, 0, now, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/supervision/automatic-pass", test_automatic_pass);
  g_test_add_func ("/ui/supervision/manual-record", test_manual_record);
  g_test_add_func ("/ui/supervision/record-outcome", test_record_outcome);
  g_test_add_func ("/ui/supervision/other-seat-record", test_other_seat_record);

  ret = g_test_run ();

  rexian_test_app_stop (&app, window);
  g_clear_object (&other);
  {
    g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *file = g_build_filename (tmpdir, name, NULL);
        g_unlink (file);
      }
  }
  g_rmdir (tmpdir);
  return ret;
}
