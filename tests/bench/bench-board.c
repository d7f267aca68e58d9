/* bench-board.c: how Rexian copes with a year's worth of work orders.
 *
 * Fills a fresh database with N generated orders (100,000 unless given), then measures
 * the time to open the board (the real window: seven columns counted and their first
 * cards drawn), the time to search, and the memory the process holds.  It prints
 * figures; it asserts nothing, since speed belongs in a benchmark, not in a test.
 *
 * Usage: bench-board [N]   (run it under Xvfb; tests/bench/run-bench does)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "rexian-application.h"
#include "rexian-window-private.h"
#include "bench-util.h"

static void
spin_until_idle (guint quiet_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) quiet_ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      if (g_main_context_iteration (NULL, FALSE))
        end = g_get_monotonic_time () + (gint64) quiet_ms * 1000;
      else
        g_usleep (1000);
    }
}

static double
time_search (RexianStore *store,
             const char  *text,
             guint       *out_count)
{
  g_autoptr(RexianOrderQuery) query = rexian_order_query_new ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const guint runs = 5;
  gint64 start;

  query->text = g_strdup (text);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GPtrArray) page = NULL;

      *out_count = rexian_store_count_orders (store, query, now, NULL);
      page = rexian_store_query_orders (store, query, now, 0, 50, NULL);
    }

  return ms_since (start) / runs;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianApplication) app = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *db_path = NULL;
  RexianStore *store;
  RexianWindow *window;
  guint n = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 100000;
  static const char *searches[][2] = {
    { "three or more characters (FTS5 trigram)", "小区楼道灯" },
    { "two characters (LIKE)", "路灯" },
    { "phone digits (a repeated caller)", "13400033030" },
  };
  double fill_ms, supervise_ms, store_open_ms, board_ms;
  guint n_supervised = 0;
  long rss_before_window;
  gint64 start;

  gtk_init ();
  adw_init ();

  tmpdir = g_dir_make_tmp ("rexian-bench-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (tmpdir, "rexian.db", NULL);

  /* Fill through the store itself, the way a hotline's database grows. */
  {
    g_autoptr(RexianStore) filler = rexian_store_open (db_path, &error);
    g_autoptr(RexianCalendar) calendar = rexian_calendar_new_default (NULL);

    g_assert_no_error (error);
    if (calendar != NULL)
      rexian_store_set_calendar (filler, calendar);
    rexian_store_seed_sample_data (filler, g_get_real_time () / G_USEC_PER_SEC, NULL);
    start = g_get_monotonic_time ();
    rexian_store_fill_generated (filler, n, g_get_real_time () / G_USEC_PER_SEC, &error);
    g_assert_no_error (error);
    fill_ms = ms_since (start);

    /* Generated orders include thousands already overdue, which a hotline's seats would
     * have put under supervision minute by minute.  Do that backlog once here, timed on
     * its own, so opening the board below measures the everyday case. */
    start = g_get_monotonic_time ();
    n_supervised = rexian_store_supervise_due (filler, g_get_real_time () / G_USEC_PER_SEC,
                                               &error);
    g_assert_no_error (error);
    supervise_ms = ms_since (start);
  }

  app = rexian_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  _rexian_application_set_database_path (app, db_path);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  rss_before_window = status_kib ("VmRSS:");

  /* Opening the board: from activation until the window is mapped, every column has
   * counted its orders and the visible cards are bound and drawn. */
  start = g_get_monotonic_time ();
  g_application_activate (G_APPLICATION (app));
  store_open_ms = ms_since (start);
  window = REXIAN_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 900);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  spin_until_idle (50);
  board_ms = ms_since (start) - 50;

  store = rexian_application_get_store (app);

  g_print ("Rexian board benchmark: %u generated orders (plus the sample data)\n", n);
  g_print ("%-48s %10.1f ms\n", "fill", fill_ms);
  g_print ("%-48s %10.1f ms  (%u orders)\n", "supervise the generated backlog", supervise_ms,
           n_supervised);
  g_print ("%-48s %10.1f ms\n", "open the window (store, models, first counts)", store_open_ms);
  g_print ("%-48s %10.1f ms\n", "open the board (window mapped, columns drawn)", board_ms);
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      guint count = 0;
      double ms = time_search (store, searches[i][1], &count);
      g_autofree char *label = g_strdup_printf ("search, %s", searches[i][0]);

      g_print ("%-48s %10.1f ms  (%u matches)\n", label, ms, count);
    }

  {
    g_autoptr(RexianOrderQuery) query = rexian_order_query_new ();
    gint64 now = g_get_real_time () / G_USEC_PER_SEC;
    RexianKanban *kanban = _rexian_window_get_kanban (window);
    guint total = 0;

    for (int state = 0; state < REXIAN_N_STATES; state++)
      total += rexian_kanban_column_get_count (rexian_kanban_get_column (kanban, state));

    /* A refresh is what every seat does when another seat writes. */
    start = g_get_monotonic_time ();
    rexian_kanban_refresh (kanban);
    spin_until_idle (50);
    g_print ("%-48s %10.1f ms  (%u orders on the board)\n", "refresh the board after a change",
             ms_since (start) - 50, total);

    query->alerts_only = TRUE;
    start = g_get_monotonic_time ();
    total = rexian_store_count_orders (store, query, now, NULL);
    g_print ("%-48s %10.1f ms  (%u alerts)\n", "count the deadline alerts", ms_since (start),
             total);
  }

  g_print ("%-48s %10.1f MiB\n", "memory before the window (RSS)", rss_before_window / 1024.0);
  g_print ("%-48s %10.1f MiB\n", "memory with the board open (RSS)", status_kib ("VmRSS:") / 1024.0);
  g_print ("%-48s %10.1f MiB\n", "peak memory (VmHWM)", status_kib ("VmHWM:") / 1024.0);
  {
    GStatBuf st;

    if (g_stat (db_path, &st) == 0)
      g_print ("%-48s %10.1f MiB\n", "database file", st.st_size / 1048576.0);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_application_quit (G_APPLICATION (app));

  {
    g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
    g_unlink (db_path);
    g_rmdir (tmpdir);
  }

  return EXIT_SUCCESS;
}
