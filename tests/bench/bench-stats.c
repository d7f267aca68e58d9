/* bench-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "rexian-order-query.h"
#include "rexian-store-calls.h"
#include "rexian-store-stats.h"
#include "bench-util.h"

/* How fast the statistics are with a year of calls and a backlog of orders: the
 * supervisor view's refresh (now, today, the last 24 hours), a yearly report, the
 * drill-down lists and early warning.  Prints figures; asserts nothing.
 *
 *   bench-stats [CALLS [ORDERS]]   (1,000,000 and 100,000 by default) */

/* The best of @runs, in ms: the supervisor view refreshes every few seconds, so what
 * matters is a warm cache; the first, cold run is printed too. */
typedef gboolean (*BenchFunc) (RexianStore *store,
                               gint64       now,
                               guint       *out_rows);

static void
measure (RexianStore *store,
         const char  *label,
         BenchFunc    func,
         gint64       now,
         guint        runs)
{
  double best = G_MAXDOUBLE;
  double first = 0;
  guint rows = 0;

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!func (store, now, &rows))
        g_error ("%s failed", label);

      ms = ms_since (start);
      if (i == 0)
        first = ms;
      best = MIN (best, ms);
    }

  g_print ("%-44s %9.1f ms  (first %.1f ms; %u rows)\n", label, best, first, rows);
}

static gboolean
bench_snapshot (RexianStore *store,
                gint64       now,
                guint       *out_rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianStatsSnapshot) snapshot = rexian_store_stats_snapshot (store, now, &error);

  if (snapshot == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  *out_rows = snapshot->last_24h_calls.offered;
  return TRUE;
}

static gboolean
bench_report (RexianStore *store,
              gint64       now,
              guint       *out_rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianStatsReport) report = NULL;
  RexianPeriod year;

  /* This calendar year, by month: most of the generated year falls in it. */
  rexian_period_init (&year, REXIAN_PERIOD_YEAR, now);
  report = rexian_store_stats_report (store, &year, now, &error);
  if (report == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  *out_rows = report->calls.offered + report->orders.orders;
  return TRUE;
}

static gboolean
bench_year_calls (RexianStore *store,
                  gint64       now,
                  guint       *out_rows)
{
  RexianCallStats stats;
  RexianPeriod year;

  rexian_period_init (&year, REXIAN_PERIOD_YEAR, now);
  if (!rexian_store_stats_calls (store, &year, &stats, NULL))
    return FALSE;

  *out_rows = stats.offered;
  return TRUE;
}

static gboolean
bench_year_orders (RexianStore *store,
                   gint64       now,
                   guint       *out_rows)
{
  RexianOrderStats stats;
  RexianPeriod year;

  rexian_period_init (&year, REXIAN_PERIOD_YEAR, now);
  if (!rexian_store_stats_orders (store, &year, now, &stats, NULL))
    return FALSE;

  *out_rows = stats.orders;
  return TRUE;
}

static gboolean
bench_year_departments (RexianStore *store,
                        gint64       now,
                        guint       *out_rows)
{
  g_autoptr(GPtrArray) groups = NULL;
  RexianPeriod year;

  rexian_period_init (&year, REXIAN_PERIOD_YEAR, now);
  groups = rexian_store_stats_orders_grouped (store, &year, now, REXIAN_STATS_GROUP_DEPARTMENT,
                                              NULL);
  if (groups == NULL)
    return FALSE;

  *out_rows = groups->len;
  return TRUE;
}

static gboolean
bench_drill_calls (RexianStore *store,
                   gint64       now,
                   guint       *out_rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  RexianPeriod month;

  rexian_period_init (&month, REXIAN_PERIOD_MONTH, now);
  ids = rexian_store_stats_list_calls (store, &month, REXIAN_CALL_FILTER_ANSWERED_LATE, 0,
                                       &error);
  if (ids == NULL)
    return FALSE;

  calls = rexian_store_get_calls_by_ids (store, (const gint64 *) (gpointer) ids->data,
                                         MIN (ids->len, 50), &error);
  if (calls == NULL)
    return FALSE;

  *out_rows = ids->len;
  return TRUE;
}

static gboolean
bench_drill_orders (RexianStore *store,
                    gint64       now,
                    guint       *out_rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) orders = NULL;
  RexianPeriod month;

  /* The list and the first screenful of its orders, as the drill-down shows them. */
  rexian_period_init (&month, REXIAN_PERIOD_MONTH, now);
  ids = rexian_store_stats_list_orders (store, &month, now, REXIAN_ORDER_FILTER_DUE, 0, 0,
                                        &error);
  if (ids == NULL)
    return FALSE;

  orders = rexian_store_get_orders_by_ids (store, (const gint64 *) (gpointer) ids->data,
                                           MIN (ids->len, 50), &error);
  if (orders == NULL)
    return FALSE;

  *out_rows = ids->len;
  return TRUE;
}

static gboolean
bench_clusters (RexianStore *store,
                gint64       now,
                guint       *out_rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clusters = NULL;
  RexianPeriod week;

  rexian_period_init_range (&week, now - 7 * 86400, now);
  clusters = rexian_store_stats_find_clusters (store, &week, 20, &error);
  if (clusters == NULL)
    return FALSE;

  *out_rows = clusters->len;
  return TRUE;
}

static double
file_mib (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size / 1048576.0 : 0.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  guint n_calls = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000000;
  guint n_orders = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 100000;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 start;
  struct rusage usage;
  RexianCallStats year_calls;
  RexianPeriod year;

  setlocale (LC_ALL, "");

  dir = g_dir_make_tmp ("rexian-bench-stats-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "rexian.db", NULL);
  store = rexian_store_open (path, &error);
  g_assert_no_error (error);
  rexian_store_set_poll_interval (store, 0);

  g_print ("Rexian statistics benchmark: %u generated calls over a year, %u orders\n",
           n_calls, n_orders);

  start = g_get_monotonic_time ();
  if (!rexian_store_fill_generated_calls (store, n_calls, now, &error))
    g_error ("%s", error->message);
  g_print ("%-44s %9.1f s\n", "fill the calls", ms_since (start) / 1000.0);

  start = g_get_monotonic_time ();
  if (!rexian_store_fill_generated (store, n_orders, now, &error))
    g_error ("%s", error->message);
  g_print ("%-44s %9.1f s\n", "fill the orders", ms_since (start) / 1000.0);

  /* A live moment: agents at work, a few callers waiting. */
  {
    g_autoptr(GPtrArray) agents = rexian_store_list_agent_states (store, &error);

    for (guint i = 0; agents != NULL && i < agents->len; i++)
      rexian_store_set_agent_status (store,
                                     ((RexianAgentState *) g_ptr_array_index (agents, i))->agent_id,
                                     i % 3 == 0 ? REXIAN_AGENT_ON_CALL : REXIAN_AGENT_AVAILABLE,
                                     NULL, now - 60 * i, NULL);
    for (guint i = 0; i < 5; i++)
      {
        g_autofree char *call_id = g_strdup_printf ("waiting-%u@bench", i);

        rexian_store_call_offered (store, call_id, REXIAN_CALL_RECORD_INCOMING, "13800000000",
                                   0, now - 7 * i, NULL);
      }
  }

  rexian_period_init_range (&year, now - 365 * 86400, now + 1);
  if (rexian_store_stats_calls (store, &year, &year_calls, NULL))
    g_print ("%-44s %9" G_GINT64_FORMAT "  (%.1f%% abandoned)\n", "calls offered in the year",
             year_calls.offered, 100.0 * year_calls.abandoned / MAX (year_calls.offered, 1));

  measure (store, "supervisor view: now + today + last 24 h", bench_snapshot, now, 10);
  measure (store, "yearly report (by month, department, ...)", bench_report, now, 3);
  measure (store, "  of which: the year's calls", bench_year_calls, now, 3);
  measure (store, "  of which: the year's order figures", bench_year_orders, now, 3);
  measure (store, "  of which: the breakdowns of orders", bench_year_departments, now, 3);
  measure (store, "drill-down: calls answered late this month", bench_drill_calls, now, 5);
  measure (store, "drill-down: orders due this month", bench_drill_orders, now, 5);
  measure (store, "early warning: clusters of the last week", bench_clusters, now, 3);

  getrusage (RUSAGE_SELF, &usage);
  wal = g_strconcat (path, "-wal", NULL);
  shm = g_strconcat (path, "-shm", NULL);
  g_print ("%-44s %9.1f MiB\n", "peak memory (RSS)", usage.ru_maxrss / 1024.0);
  g_print ("%-44s %9.1f MiB\n", "database file", file_mib (path));

  g_clear_object (&store);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
  g_rmdir (dir);

  return 0;
}
