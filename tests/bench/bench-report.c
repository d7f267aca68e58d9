/* bench-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "rexian-report-pages.h"
#include "rexian-report-writer.h"
#include "rexian-store-stats.h"
#include "bench-util.h"

/* How long "rexian report --period year" takes with a year of calls and a backlog of
 * orders: reading the report and its early warnings, then writing it as CSV, Excel and
 * PDF.  Prints figures; asserts nothing.
 *
 *   bench-report [CALLS [ORDERS]]   (1,000,000 and 100,000 by default) */

static double
file_kib (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size / 1024.0 : 0.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianStore) store = NULL;
  g_autoptr(RexianReportDocument) document = NULL;
  g_autoptr(RexianReportPages) pages = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  guint n_calls = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000000;
  guint n_orders = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 100000;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 start;
  struct rusage usage;
  RexianPeriod year;
  double best = G_MAXDOUBLE;

  setlocale (LC_ALL, "");

  dir = g_dir_make_tmp ("rexian-bench-report-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "rexian.db", NULL);
  store = rexian_store_open (path, &error);
  g_assert_no_error (error);
  rexian_store_set_poll_interval (store, 0);

  g_print ("Rexian report benchmark: %u generated calls over a year, %u orders\n",
           n_calls, n_orders);

  start = g_get_monotonic_time ();
  if (!rexian_store_fill_generated_calls (store, n_calls, now, &error) ||
      !rexian_store_fill_generated (store, n_orders, now, &error))
    g_error ("%s", error->message);
  g_print ("%-44s %9.1f s\n", "fill the calls and orders", ms_since (start) / 1000.0);

  /* The calendar year, as "rexian report --period year" reads it; best of three, the
   * first run (cold) printed too. */
  rexian_period_init (&year, REXIAN_PERIOD_YEAR, now);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(RexianStatsReport) report = NULL;
      g_autoptr(GPtrArray) clusters = NULL;
      double report_ms, clusters_ms;

      start = g_get_monotonic_time ();
      report = rexian_store_stats_report (store, &year, now, &error);
      report_ms = ms_since (start);
      start = g_get_monotonic_time ();
      if (report != NULL)
        clusters = rexian_store_stats_find_clusters (store, &year,
                                                     REXIAN_REPORT_WARNING_THRESHOLD, &error);
      clusters_ms = ms_since (start);
      if (clusters == NULL)
        g_error ("%s", error->message);

      g_clear_pointer (&document, rexian_report_document_unref);
      start = g_get_monotonic_time ();
      document = rexian_report_document_new (report, clusters, now);
      if (i == 0)
        g_print ("%-44s %9.1f ms\n", "lay out the tables", ms_since (start));

      g_print ("%-44s %9.1f ms  (run %u)\n", "read the yearly report", report_ms, i + 1);
      g_print ("%-44s %9.1f ms  (run %u, %u clusters)\n", "find the year's early warnings",
               clusters_ms, i + 1, clusters->len);
      best = MIN (best, report_ms + clusters_ms);
    }
  g_print ("%-44s %9.1f ms\n", "both, best of three", best);

  for (guint f = 0; f < REXIAN_N_REPORT_FORMATS; f++)
    {
      g_autofree char *name = g_strdup_printf ("year.%s", rexian_report_format_to_string (f));
      g_autofree char *file = g_build_filename (dir, name, NULL);
      g_autofree char *label = g_strdup_printf ("write it as %s",
                                                rexian_report_format_to_string (f));

      start = g_get_monotonic_time ();
      if (!rexian_report_write (document, f, file, &error))
        g_error ("%s", error->message);
      g_print ("%-44s %9.1f ms  (%.0f KiB)\n", label, ms_since (start), file_kib (file));
      g_unlink (file);
    }

  pages = rexian_report_pages_new (document, REXIAN_REPORT_PAGE_WIDTH, REXIAN_REPORT_PAGE_HEIGHT);
  g_print ("%-44s %9u\n", "PDF pages", rexian_report_pages_get_n_pages (pages));

  getrusage (RUSAGE_SELF, &usage);
  g_print ("%-44s %9.1f MiB\n", "peak memory (RSS)", usage.ru_maxrss / 1024.0);

  g_clear_object (&store);
  {
    g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
    const char *entry;

    while (handle != NULL && (entry = g_dir_read_name (handle)) != NULL)
      {
        g_autofree char *child = g_build_filename (dir, entry, NULL);

        g_unlink (child);
      }
  }
  g_rmdir (dir);

  return 0;
}
