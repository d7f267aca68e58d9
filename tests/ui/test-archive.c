/* test-archive.c: the archive view (归档) in the real window, as an agent uses it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "rexian-archive-view-private.h"
#include "rexian-order-editor-private.h"
#include "rexian-window-private.h"
#include "rexian-test-ui.h"

/* One window on the sample database for the whole run, as an agent's day: archive the
 * closed orders through the dialog and in bulk, read the catalogue's counts, search,
 * open an archived order (read-only), export a node and read the file back, then a
 * 360-pixel window. */

static RexianApplication *app;
static RexianWindow *window;
static RexianArchiveView *view;
static char *tmpdir;
static char *db_path;

static RexianStore *
store (void)
{
  return rexian_application_get_store (app);
}

static gint64
now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static gboolean
toast_is (gpointer data)
{
  return g_strcmp0 (_rexian_window_get_last_toast (window), data) == 0;
}

static void
wait_for_toast (const char *expected)
{
  if (!rexian_test_wait_until (toast_is, (gpointer) expected, 60000))
    g_error ("Waited for the toast “%s”; the last was “%s”", expected,
             _rexian_window_get_last_toast (window));
}

/* The root row of the catalogue (all archived orders), once loaded. */
static RexianStoreArchiveNode *
root_node (void)
{
  g_autoptr(GtkTreeListRow) row = NULL;

  if (view->tree == NULL || g_list_model_get_n_items (G_LIST_MODEL (view->tree)) == 0)
    return NULL;

  row = g_list_model_get_item (G_LIST_MODEL (view->tree), 0);
  return gtk_tree_list_row_get_item (row);
}

static gboolean
catalogue_counts (gpointer data)
{
  g_autoptr(RexianStoreArchiveNode) root = root_node ();

  return root != NULL && !view->loading &&
         rexian_store_archive_node_get_count (root) == GPOINTER_TO_UINT (data);
}

/* An independent count, on the test's own connection: archived orders by the local year
 * and month they were closed. */
static GHashTable *
count_by_month (void)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT strftime('%Y-%m', closed_at, 'unixepoch', "
                                       "'localtime'), count(*) FROM work_orders "
                                       "WHERE state = 'archived' GROUP BY 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (counts, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         GINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return counts;
}

static guint
count_archived (void)
{
  g_autoptr(GHashTable) counts = count_by_month ();
  GHashTableIter iter;
  gpointer value;
  guint total = 0;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    total += GPOINTER_TO_UINT (value);

  return total;
}

static void
collect_labels (GtkWidget *widget,
                GString   *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_string_append_printf (text, "%s|", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static guint
n_entry_rows (void)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view->entry_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

static const char *
entry_title (guint index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (view->entry_list, index);

  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static void
test_archive_closed (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *count_text = NULL;
  AdwMessageDialog *dialog;
  gint64 yesterday_cutoff = rexian_archive_cutoff (now (), 1);
  guint before, rest, archived;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "archive");
  rexian_test_spin (300);

  /* The dialog asks for the cut-off and says how many orders it would take. */
  before = rexian_store_archive_count_due (store (), yesterday_cutoff, &error);
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (view), "archive.archive-closed", NULL);
  rexian_test_spin (300);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  gtk_spin_button_set_value (view->days_spin, 1);
  count_text = g_strdup_printf ("%u ", before);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), count_text));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "archive") == (before > 0));

  adw_message_dialog_response (dialog, "archive");
  expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Archived %u order",
                                           "Archived %u orders", before),
                              before);
  wait_for_toast (expected);

  /* The rest (closed since yesterday) in bulk, straight through the view. */
  rest = rexian_store_archive_count_due (store (), now () + 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rest, >, 0);
  rexian_archive_view_archive_closed (view, now () + 1);
  g_free (expected);
  expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Archived %u order",
                                           "Archived %u orders", rest),
                              rest);
  wait_for_toast (expected);
  g_assert_cmpuint (rexian_store_archive_count_due (store (), now () + 1, NULL), ==, 0);

  /* The sample's own archived orders were filed by the same path when it was seeded. */
  archived = count_archived ();
  g_assert_true (rexian_test_wait_until (catalogue_counts, GUINT_TO_POINTER (archived), 10000));
}

/* Every year and month row shows what the test's own count says, on screen. */
static void
test_catalogue (void)
{
  g_autoptr(GHashTable) counts = count_by_month ();
  g_autoptr(GString) labels = g_string_new ("|");
  GListModel *rows = G_LIST_MODEL (view->tree);
  guint n_months = 0;

  /* Open every year, so that every month is a row. */
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(RexianStoreArchiveNode) node = gtk_tree_list_row_get_item (row);

      if (rexian_store_archive_node_get_depth (node) <= 1)
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
  rexian_test_spin (300);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(RexianStoreArchiveNode) node = gtk_tree_list_row_get_item (row);
      g_autofree char *key = NULL;

      if (rexian_store_archive_node_get_depth (node) != 2)
        continue;

      key = g_strdup_printf ("%04d-%02d", rexian_store_archive_node_get_year (node),
                             rexian_store_archive_node_get_month (node));
      g_assert_cmpuint (rexian_store_archive_node_get_count (node), ==,
                        GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)));
      n_months++;
    }
  g_assert_cmpuint (n_months, ==, g_hash_table_size (counts));

  /* What the list draws: the root's title and count, and the newest year. */
  collect_labels (GTK_WIDGET (view->catalogue_view), labels);
  {
    g_autoptr(RexianStoreArchiveNode) root = root_node ();
    g_autofree char *total = g_strdup_printf ("|%u|", rexian_store_archive_node_get_count (root));
    g_autoptr(GtkTreeListRow) year_row = g_list_model_get_item (rows, 1);
    g_autoptr(RexianStoreArchiveNode) year = gtk_tree_list_row_get_item (year_row);
    g_autofree char *year_title = _rexian_archive_view_node_title (year);

    g_test_message ("catalogue: %s", labels->str);
    g_assert_nonnull (strstr (labels->str, "All Archived Orders"));
    g_assert_nonnull (strstr (labels->str, total));
    g_assert_nonnull (strstr (labels->str, year_title));
  }
}

/* The first department node of the newest month, selected as a click would. */
static RexianStoreArchiveNode *
select_first_department (void)
{
  GListModel *rows = G_LIST_MODEL (view->tree);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(RexianStoreArchiveNode) node = gtk_tree_list_row_get_item (row);

      if (rexian_store_archive_node_get_depth (node) < 4)
        {
          gtk_tree_list_row_set_expanded (row, TRUE);
          continue;
        }

      g_signal_emit_by_name (view->catalogue_view, "activate", i);
      return g_steal_pointer (&node);
    }

  g_assert_not_reached ();
}

static void
test_entries (void)
{
  g_autoptr(RexianStoreArchiveNode) department = select_first_department ();
  g_autofree char *total = NULL;
  guint count = rexian_store_archive_node_get_count (department);

  rexian_test_spin (200);
  total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u order", "%u orders", count),
                           count);
  g_assert_cmpstr (gtk_label_get_text (view->total_label), ==, total);
  g_assert_cmpuint (n_entry_rows (), ==, MIN (count, 100));
  g_assert_cmpint (view->place.depth, ==, 4);
}

static gboolean
search_done (gpointer data)
{
  return g_strcmp0 (view->text != NULL ? view->text : "", data) == 0;
}

static void
search_for (const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (view->search_entry), text);
  g_assert_true (rexian_test_wait_until (search_done, (gpointer) text, 5000));
  rexian_test_spin (100);
}

static void
test_search (void)
{
  RexianArchivePlace whole = { 0 };
  g_autofree char *summary = NULL;
  g_autofree char *two = NULL;
  const char *title;

  g_assert_true (_rexian_archive_view_select_place (view, &whole));
  search_for ("");
  g_assert_cmpuint (n_entry_rows (), >, 0);

  /* A word from an archived order's summary: its first two characters, then three or
   * more (the trigram index); every row shown has it. */
  title = entry_title (0);
  summary = g_strdup (strchr (title, ' ') + 2);
  two = g_utf8_substring (summary, 0, 2);

  for (guint pass = 0; pass < 2; pass++)
    {
      const char *word = pass == 0 ? two : summary;

      search_for (word);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (view->entries_stack), ==, "list");
      g_assert_cmpuint (n_entry_rows (), >, 0);
      for (guint i = 0; i < n_entry_rows (); i++)
        g_assert_nonnull (strstr (entry_title (i), word));
    }

  /* Words no archived order has, though an open order may. */
  search_for ("没有这样的工单内容");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view->entries_stack), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (view->empty_page), ==, _("No Matching Orders"));
  search_for ("");
}

static void
test_editor_read_only (void)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (view->entry_list, 0);
  RexianOrderEditor *editor;

  g_signal_emit_by_name (view->entry_list, "row-activated", row);
  editor = REXIAN_ORDER_EDITOR (_rexian_window_get_last_dialog (window));
  g_assert_nonnull (editor);
  rexian_test_spin (300);

  g_assert_cmpint (rexian_work_order_get_state (editor->order), ==, REXIAN_STATE_ARCHIVED);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor->save_button)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor->status_note_label)));
  g_assert_cmpstr (gtk_label_get_text (editor->status_note_label), ==,
                   _("Archived orders are read-only."));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (editor->summary_row)));
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* RFC 4180 fields of one CSV line. */
static GPtrArray *
parse_csv_line (const char *line)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (quoted && *p == '"' && p[1] == '"')
        g_string_append_c (field, *p++);
      else if (*p == '"')
        quoted = !quoted;
      else if (*p == ',' && !quoted)
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
        }
      else
        g_string_append_c (field, *p);
    }
  g_ptr_array_add (fields, g_string_free (field, FALSE));

  return fields;
}

/* Exports what the view shows as @name in the test's folder, waits for the toast, and
 * returns the file's contents. */
static char *
export_as (RexianReportFormat  format,
           const char         *name,
           guint               count)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *expected = NULL;
  char *contents = NULL;

  rexian_archive_view_export (view, format, file);
  expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u order to %s",
                                           "Exported %u orders to %s", count),
                              count, name);
  wait_for_toast (expected);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));

  return contents;
}

static void
test_export (void)
{
  g_autoptr(RexianStoreArchiveNode) department = select_first_department ();
  g_autofree char *contents = NULL;
  g_autofree char *workbook = NULL;
  g_auto(GStrv) lines = NULL;
  guint count = rexian_store_archive_node_get_count (department);
  guint n_rows = 0;
  gboolean in_table = FALSE;

  rexian_test_spin (200);
  contents = export_as (REXIAN_REPORT_FORMAT_CSV, "archive.csv", count);
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  lines = g_strsplit (contents + 3, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) fields = parse_csv_line (lines[i]);

      if (!in_table)
        {
          in_table = fields->len == 7 && g_str_equal (g_ptr_array_index (fields, 0), _("Number"));
          continue;
        }
      if (lines[i][0] == '\0')
        break;

      g_assert_cmpuint (fields->len, ==, 7);
      /* The row's number and summary are the list's row, in the same order. */
      if (n_rows < n_entry_rows ())
        {
          g_autofree char *row_title = g_strdup_printf ("%s  %s",
                                                        (char *) g_ptr_array_index (fields, 0),
                                                        (char *) g_ptr_array_index (fields, 6));
          g_assert_cmpstr (row_title, ==, entry_title (n_rows));
        }
      n_rows++;
    }
  g_assert_true (in_table);
  g_assert_cmpuint (n_rows, ==, count);

  /* The same as an Excel workbook: a ZIP file. */
  workbook = export_as (REXIAN_REPORT_FORMAT_XLSX, "archive.xlsx", count);
  g_assert_true (g_str_has_prefix (workbook, "PK"));
}

static gboolean
leaflet_folded (gpointer data)
{
  return adw_leaflet_get_folded (view->leaflet);
}

static void
test_narrow (void)
{
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  g_assert_true (rexian_test_wait_until (leaflet_folded, NULL, 5000));
  adw_leaflet_set_visible_child (view->leaflet, view->catalogue_pane);
  rexian_test_spin (300);

  /* Choosing a node shows its entries over the whole width, with a way back. */
  select_first_department ();
  rexian_test_spin (300);
  g_assert_true (adw_leaflet_get_visible_child (view->leaflet) == view->entries_pane);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_first_child (
    gtk_widget_get_first_child (view->entries_pane))));
  /* The view asks for no more than a phone's width; the window's own minimum is the
   * other views' business. */
  {
    int min = 0;

    gtk_widget_measure (GTK_WIDGET (view), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL,
                        NULL);
    g_assert_cmpint (min, <=, 360);
  }
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view->entry_list)), <=,
                   gtk_widget_get_width (GTK_WIDGET (window)));

  /* For a person to look at: REXIAN_ARCHIVE_SHOT=FILE.png saves the narrow window. */
  if (g_getenv ("REXIAN_ARCHIVE_SHOT") != NULL)
    g_assert_true (rexian_test_save_png (GTK_WIDGET (window), g_getenv ("REXIAN_ARCHIVE_SHOT"),
                                         NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_setenv ("LANGUAGE", "en", TRUE);
  rexian_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  tmpdir = g_dir_make_tmp ("rexian-archive-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (tmpdir, "rexian.db", NULL);
  app = rexian_test_app_start (db_path, 1400, 900, &window);
  gtk_window_present (GTK_WINDOW (window));
  view = REXIAN_ARCHIVE_VIEW (adw_view_stack_get_child_by_name (window->stack, "archive"));
  g_assert_nonnull (view);

  g_test_add_func ("/ui/archive/archive-closed", test_archive_closed);
  g_test_add_func ("/ui/archive/catalogue", test_catalogue);
  g_test_add_func ("/ui/archive/entries", test_entries);
  g_test_add_func ("/ui/archive/search", test_search);
  g_test_add_func ("/ui/archive/editor-read-only", test_editor_read_only);
  g_test_add_func ("/ui/archive/export", test_export);
  g_test_add_func ("/ui/archive/narrow", test_narrow);

  ret = g_test_run ();

  rexian_test_app_stop (&app, window);
  {
    g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmpdir, name, NULL);

        g_remove (path);
      }
  }
  g_rmdir (tmpdir);
  g_free (db_path);
  g_free (tmpdir);
  return ret;
}
