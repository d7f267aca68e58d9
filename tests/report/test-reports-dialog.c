/* test-reports-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "report-test-util.h"
#include "rexian-reports-dialog.h"
#include "rexian-test-ui.h"

/* The Reports window under Xvfb on the known week: the summary a supervisor reads, the
 * early warning listed, the period stepped back, and the report printed (through
 * GtkPrintOperation, into a PDF) and exported, then read back. */

static char *dir;
static RexianStore *store;

static gboolean
loaded (gpointer data)
{
  gboolean loading = TRUE;

  g_object_get (data, "loading", &loading, NULL);
  return !loading;
}

static RexianReportsDialog *
open_week (void)
{
  RexianReportsDialog *dialog = REXIAN_REPORTS_DIALOG (rexian_reports_dialog_new (store, NULL));

  gtk_window_present (GTK_WINDOW (dialog));
  _rexian_reports_dialog_set_period (dialog, REXIAN_PERIOD_WEEK, report_test_at (6, 10, 12, 0, 0));
  g_assert_true (rexian_test_wait_until (loaded, dialog, 30000));

  return dialog;
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static void
test_summary (void)
{
  RexianReportsDialog *dialog = open_week ();
  g_autofree char *png = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (_rexian_reports_dialog_get_summary_text (dialog, REXIAN_MEASURE_OFFERED),
                   ==, "5");
  g_assert_cmpstr (_rexian_reports_dialog_get_summary_text (dialog,
                                                            REXIAN_MEASURE_COMPLETION_RATE),
                   ==, "60.0%");
  g_assert_cmpstr (_rexian_reports_dialog_get_summary_text (dialog, REXIAN_MEASURE_ASA),
                   ==, "12 s");
  g_assert_cmpstr (_rexian_reports_dialog_get_summary_text (dialog,
                                                            REXIAN_MEASURE_RETURN_RATE),
                   ==, "50.0%");
  /* Nothing fell due in the week. */
  g_assert_cmpstr (_rexian_reports_dialog_get_summary_text (dialog,
                                                            REXIAN_MEASURE_ON_TIME_COMPLETION),
                   ==, "—");
  g_assert_cmpuint (_rexian_reports_dialog_get_n_warnings (dialog), >=, 1);

  rexian_test_spin (300);
  png = g_build_filename (g_getenv ("REXIAN_TEST_KEEP") != NULL ? g_getenv ("REXIAN_TEST_KEEP")
                                                                 : dir,
                          "reports-dialog.png", NULL);
  g_assert_true (rexian_test_save_png (GTK_WIDGET (dialog), png, &error));
  g_assert_no_error (error);

  /* The week before had no calls and no orders. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "reports.previous", NULL);
  g_assert_true (rexian_test_wait_until (loaded, dialog, 30000));
  g_assert_cmpstr (_rexian_reports_dialog_get_summary_text (dialog, REXIAN_MEASURE_OFFERED),
                   ==, "0");
  g_assert_cmpstr (_rexian_reports_dialog_get_summary_text (dialog,
                                                            REXIAN_MEASURE_COMPLETION_RATE),
                   ==, "—");
  g_assert_cmpuint (_rexian_reports_dialog_get_n_warnings (dialog), ==, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_print_and_export (void)
{
  RexianReportsDialog *dialog = open_week ();
  g_autofree char *printed = g_build_filename (g_getenv ("REXIAN_TEST_KEEP") != NULL
                                                ? g_getenv ("REXIAN_TEST_KEEP") : dir,
                                              "reports-printed.pdf", NULL);
  g_autofree char *exported = g_build_filename (dir, "exported.xlsx", NULL);
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_true (_rexian_reports_dialog_print_to_file (dialog, printed, &error));
  g_assert_no_error (error);
  text = pdf_text (printed);
  g_assert_nonnull (strstr (text, "12345 Government Service Hotline Statistics Report"));
  g_assert_nonnull (strstr (text, REPORT_TEST_HOUSING));
  g_assert_nonnull (strstr (text, "60.0%"));
  g_assert_nonnull (strstr (text, "Page 1 of"));

  g_assert_true (_rexian_reports_dialog_export_to_file (dialog, REXIAN_REPORT_FORMAT_XLSX,
                                                        exported, &error));
  g_assert_no_error (error);
  g_file_get_contents (exported, &contents, &length, &error);
  g_assert_no_error (error);
  /* A workbook is a zip file. */
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (contents, "PK", 2) == 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Closing the window while it reads leaves nothing running behind it. */
static void
test_close_while_loading (void)
{
  GtkWindow *dialog = rexian_reports_dialog_new (store, NULL);
  GWeakRef ref;

  g_weak_ref_init (&ref, dialog);
  gtk_window_present (dialog);
  _rexian_reports_dialog_set_period (REXIAN_REPORTS_DIALOG (dialog), REXIAN_PERIOD_YEAR,
                                     report_test_at (6, 10, 12, 0, 0));
  gtk_window_destroy (dialog);
  rexian_test_spin (500);
  g_assert_null (g_weak_ref_get (&ref));
  g_weak_ref_clear (&ref);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int status;

  /* English figures ("60.0%", "12 s") whatever the machine's language. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  dir = g_dir_make_tmp ("rexian-reports-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "rexian.db", NULL);
  report_test_build (path);
  store = rexian_store_open (path, &error);
  g_assert_no_error (error);

  g_test_add_func ("/reports-dialog/summary", test_summary);
  g_test_add_func ("/reports-dialog/print-and-export", test_print_and_export);
  g_test_add_func ("/reports-dialog/close-while-loading", test_close_while_loading);

  status = g_test_run ();

  g_clear_object (&store);
  report_test_remove_dir (dir);
  g_free (dir);

  return status;
}
