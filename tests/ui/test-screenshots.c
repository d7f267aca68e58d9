/* test-screenshots.c: the window as a user sees it, saved as PNG in one language.
 *
 * Usage: test-screenshots LANG (zh_CN or en).  The pictures go to
 * $REXIAN_SCREENSHOT_DIR (build-aux/screenshots points it at data/screenshots), or to
 * the build folder's screenshots/ when unset, so every test run leaves them to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "rexian-alerts-view.h"
#include "rexian-application.h"
#include "rexian-archive-view-private.h"
#include "rexian-knowledge-view-private.h"
#include "rexian-order-editor-private.h"
#include "rexian-window-private.h"
#include "rexian-test-ui.h"

static RexianApplication *app;
static RexianWindow *window;
static char *out_dir;
static const char *lang;

static gboolean
window_is_mapped (gpointer data)
{
  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static void
save (GtkWidget  *widget,
      const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, lang);
  g_autofree char *path = g_build_filename (out_dir, file, NULL);
  g_autoptr(GError) error = NULL;

  rexian_test_save_png (widget, path, &error);
  g_assert_no_error (error);
  g_test_message ("saved %s", path);
}

static void
test_kanban (void)
{
  g_assert_true (rexian_test_wait_until (window_is_mapped, NULL, 5000));
  rexian_test_spin (800);
  save (GTK_WIDGET (window), "kanban");
}

static void
test_editor (void)
{
  RexianStore *store = rexian_application_get_store (app);
  g_autoptr(RexianOrderQuery) query = rexian_order_query_new ();
  g_autoptr(GPtrArray) orders = NULL;
  GtkWindow *editor;

  /* A supervised order in progress shows the most: transfer, deadline, timeline. */
  query->state = REXIAN_STATE_IN_PROGRESS;
  orders = rexian_store_query_orders (store, query, g_get_real_time () / G_USEC_PER_SEC,
                                      0, 1, NULL);
  g_assert_nonnull (orders);
  g_assert_cmpuint (orders->len, ==, 1);

  _rexian_window_open_order (window, g_ptr_array_index (orders, 0));
  editor = _rexian_window_get_last_dialog (window);
  g_assert_nonnull (editor);
  gtk_window_set_default_size (editor, 720, 900);
  rexian_test_spin (800);
  save (GTK_WIDGET (editor), "editor");
  gtk_window_destroy (editor);
}

static void
test_intake (void)
{
  GtkWindow *editor;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-order", NULL);
  editor = _rexian_window_get_last_dialog (window);
  g_assert_nonnull (editor);
  gtk_window_set_default_size (editor, 720, 900);
  rexian_test_spin (800);
  save (GTK_WIDGET (editor), "intake");
  gtk_window_destroy (editor);
}

static void
test_alerts (void)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "alerts");
  rexian_test_spin (500);
  save (GTK_WIDGET (window), "alerts");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "orders");
}

/* The Supervised page of the Alerts view: the sample's supervised orders with their
 * latest records, once the automatic pass has made them. */
static gboolean
has_supervised (gpointer data)
{
  return rexian_alerts_view_get_supervised_count (window->alerts_view) > 0;
}

static void
test_supervision (void)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "alerts");
  rexian_alerts_view_show_page (window->alerts_view, "supervised");
  g_assert_true (rexian_test_wait_until (has_supervised, NULL, 20000));
  rexian_test_spin (500);
  save (GTK_WIDGET (window), "supervision");
  rexian_alerts_view_show_page (window->alerts_view, "deadlines");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "orders");
}

/* The list shows the answer to the query typed, not to an earlier one. */
static gboolean
knowledge_searched (gpointer data)
{
  g_autoptr(GPtrArray) markup = _rexian_knowledge_view_dup_result_markup (data);

  return markup->len > 0 && strstr (g_ptr_array_index (markup, 0), "医保</span>") != NULL;
}

/* The knowledge view with a query typed, its matches highlighted, and the first article
 * open beside the list. */
static void
test_knowledge (void)
{
  RexianKnowledgeView *view =
    REXIAN_KNOWLEDGE_VIEW (adw_view_stack_get_child_by_name (window->stack, "knowledge"));
  RexianStore *store = rexian_application_get_store (app);
  g_autoptr(GPtrArray) found = NULL;
  GtkListBoxRow *row;

  found = rexian_store_search_articles (store, "医保", 0, 0, REXIAN_KNOWLEDGE_SEARCH_NONE, 1,
                                        0, NULL);
  /* Until the sample data has articles of its own, generated ones stand in. */
  if (found == NULL || found->len == 0)
    g_assert_true (rexian_store_fill_generated_articles (store, 40, 0, NULL));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "knowledge");
  gtk_editable_set_text (GTK_EDITABLE (view->search_entry), "医保");
  g_assert_true (rexian_test_wait_until (knowledge_searched, view, 20000));
  row = gtk_list_box_get_row_at_index (view->result_list, 0);
  if (row != NULL)
    g_signal_emit_by_name (view->result_list, "row-activated", row);
  rexian_test_spin (800);
  save (GTK_WIDGET (window), "knowledge");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "orders");
}

static void
test_supervisor (void)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "supervisor");
  /* The figures are read on the store's worker thread. */
  rexian_test_spin (1500);
  save (GTK_WIDGET (window), "supervisor");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "orders");
}

static void
test_followup (void)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "followup");
  /* The queue is read on the store's worker thread. */
  rexian_test_spin (1500);
  save (GTK_WIDGET (window), "followup");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "orders");
}

static void
test_wallboard (void)
{
  GtkWindow *wallboard = rexian_application_open_wallboard (app);

  /* A 1920 × 1080 screen on the wall; a window here, as Xvfb has no window manager to
   * make it full screen. */
  gtk_window_unfullscreen (wallboard);
  gtk_window_set_default_size (wallboard, 1920, 1080);
  rexian_test_spin (2000);
  save (GTK_WIDGET (wallboard), "wallboard");
  gtk_window_destroy (wallboard);

  /* The main window comes back to the front for whatever is shot next. */
  gtk_window_present (GTK_WINDOW (window));
  rexian_test_spin (500);
}

static gboolean
archive_loaded (gpointer data)
{
  RexianArchiveView *view = data;

  return view->tree != NULL && !view->loading &&
         g_list_model_get_n_items (G_LIST_MODEL (view->tree)) > 2;
}

/* The archive: the catalogue open at the newest month, its orders beside it. */
static void
test_archive (void)
{
  RexianArchiveView *view =
    REXIAN_ARCHIVE_VIEW (adw_view_stack_get_child_by_name (window->stack, "archive"));
  g_autoptr(GtkTreeListRow) row = NULL;
  g_autoptr(RexianStoreArchiveNode) month = NULL;
  RexianArchivePlace place;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "archive");
  g_assert_true (rexian_test_wait_until (archive_loaded, view, 10000));
  row = g_list_model_get_item (G_LIST_MODEL (view->tree), 2);
  month = gtk_tree_list_row_get_item (row);
  rexian_archive_place_from_node (month, &place);
  g_assert_true (_rexian_archive_view_select_place (view, &place));
  rexian_test_spin (800);
  save (GTK_WIDGET (window), "archive");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "orders");
}

static void
test_dark (void)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  rexian_test_spin (500);
  save (GTK_WIDGET (window), "kanban-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_narrow (void)
{
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  rexian_test_spin (800);
  save (GTK_WIDGET (window), "narrow");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *db_path = NULL;
  const char *dir = g_getenv ("REXIAN_SCREENSHOT_DIR");
  int ret;

  lang = argc > 1 && argv[1][0] != '-' ? argv[1] : "zh_CN";
  if (g_str_equal (lang, "zh_CN"))
    {
      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
    }
  else
    {
      g_setenv ("LANGUAGE", "en", TRUE);
      g_setenv ("LC_ALL", "en_US.UTF-8", TRUE);
    }

  rexian_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);
  if (setlocale (LC_MESSAGES, NULL) == NULL || g_str_equal (setlocale (LC_MESSAGES, NULL), "C"))
    g_test_message ("The %s locale is not installed; the text may stay English", lang);
  gtk_init ();
  adw_init ();
  /* Title buttons as GNOME shows them (close only), not a bare X server's fallback. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  if (dir != NULL && *dir != '\0')
    out_dir = g_strdup (dir);
  else
    out_dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshots", NULL);
  g_mkdir_with_parents (out_dir, 0755);

  tmpdir = g_dir_make_tmp ("rexian-shots-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (tmpdir, "rexian.db", NULL);

  app = rexian_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  _rexian_application_set_database_path (app, db_path);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_application_activate (G_APPLICATION (app));
  window = REXIAN_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 900);

  g_test_add_func ("/ui/screenshots/kanban", test_kanban);
  g_test_add_func ("/ui/screenshots/editor", test_editor);
  g_test_add_func ("/ui/screenshots/intake", test_intake);
  g_test_add_func ("/ui/screenshots/alerts", test_alerts);
  g_test_add_func ("/ui/screenshots/supervision", test_supervision);
  g_test_add_func ("/ui/screenshots/supervisor", test_supervisor);
  g_test_add_func ("/ui/screenshots/followup", test_followup);
  g_test_add_func ("/ui/screenshots/knowledge", test_knowledge);
  g_test_add_func ("/ui/screenshots/archive", test_archive);
  g_test_add_func ("/ui/screenshots/dark", test_dark);
  g_test_add_func ("/ui/screenshots/narrow", test_narrow);
  /* Last: a second toplevel, full screen and destroyed, should not disturb the others. */
  g_test_add_func ("/ui/screenshots/wallboard", test_wallboard);

  ret = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  return ret;
}
