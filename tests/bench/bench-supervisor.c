/* bench-supervisor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "rexian-application.h"
#include "rexian-store-calls.h"
#include "rexian-store-stats.h"
#include "rexian-store-supervision.h"
#include "rexian-supervisor-feed.h"
#include "rexian-wallboard.h"
#include "rexian-window-private.h"
#include "bench-util.h"

/* The supervisor view and the wall display as a supervisor sees them, with a year of
 * calls (1,000,000) and a backlog of orders (100,000) in the database: the time from
 * opening the view to its figures drawn, a refresh after another seat writes a call
 * (from the write to the new figures on screen), the longest the main loop stood still
 * meanwhile, and memory.  Prints figures; asserts nothing.
 *
 *   bench-supervisor [CALLS [ORDERS]] */

/* The longest gap between two ticks of a 5 ms timeout: how long the main loop (input,
 * drawing) stood still. */
typedef struct
{
  gint64 last;
  gint64 longest;
} Stall;

static gboolean
on_stall_tick (gpointer user_data)
{
  Stall *stall = user_data;
  gint64 now = g_get_monotonic_time ();

  if (stall->last > 0)
    stall->longest = MAX (stall->longest, now - stall->last);
  stall->last = now;
  return G_SOURCE_CONTINUE;
}

/* How long the window's own reaction to one "changed" of the store keeps the main loop:
 * from the emission (an emission hook runs before every handler) to the last handler. */
typedef struct
{
  gint64 started;
  gint64 total;
  gint64 longest;
  guint  count;
} ChangeCost;

static gboolean
on_changed_emitted (GSignalInvocationHint *hint,
                    guint                  n_params,
                    const GValue          *params,
                    gpointer               user_data)
{
  ChangeCost *cost = user_data;

  cost->started = g_get_monotonic_time ();
  return TRUE;
}

static void
on_changed_done (RexianStore *store,
                 ChangeCost  *cost)
{
  gint64 spent = g_get_monotonic_time () - cost->started;

  cost->total += spent;
  cost->longest = MAX (cost->longest, spent);
  cost->count++;
}

typedef struct
{
  gboolean updated;
  gboolean painted;
  gint64   updated_at;
  gint64   painted_at;
} Wait;

static void
on_updated (Wait *wait)
{
  if (!wait->updated)
    {
      wait->updated = TRUE;
      wait->updated_at = g_get_monotonic_time ();
    }
}

static void
on_after_paint (GdkFrameClock *clock,
                Wait          *wait)
{
  if (wait->updated && !wait->painted)
    {
      wait->painted = TRUE;
      wait->painted_at = g_get_monotonic_time ();
    }
}

/* Waits for the feed's next good read and the first frame painted after it. */
static void
wait_for_figures (RexianSupervisorFeed *feed,
                  GtkWidget            *widget,
                  Wait                 *wait)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gulong updated_id, paint_id;

  updated_id = g_signal_connect_swapped (feed, "updated", G_CALLBACK (on_updated), wait);
  paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), wait);
  while (!wait->painted)
    {
      g_main_context_iteration (NULL, TRUE);
      if (wait->updated)
        gtk_widget_queue_draw (widget);
    }
  g_signal_handler_disconnect (feed, updated_id);
  g_signal_handler_disconnect (clock, paint_id);
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianApplication) app = NULL;
  g_autoptr(RexianStore) other_seat = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *db_path = NULL;
  guint n_calls = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 1000000;
  guint n_orders = argc > 2 ? (guint) strtoul (argv[2], NULL, 10) : 100000;
  const guint refreshes = 10;
  GArray *refresh_ms = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *seat_ms = g_array_new (FALSE, FALSE, sizeof (double));
  RexianWindow *window;
  RexianSupervisorFeed *feed;
  GtkWidget *view;
  Stall stall = { 0 };
  ChangeCost change_cost = { 0 };
  Wait first = { 0 };
  double open_ms, wall_ms;
  long rss_before;
  gint64 now, start;
  guint stall_id;

  gtk_init ();
  adw_init ();

  tmpdir = g_dir_make_tmp ("rexian-bench-supervisor-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (tmpdir, "rexian.db", NULL);
  now = g_get_real_time () / G_USEC_PER_SEC;

  g_print ("Rexian supervisor view benchmark: %u calls over a year, %u orders\n",
           n_calls, n_orders);
  {
    g_autoptr(RexianStore) filler = rexian_store_open (db_path, &error);

    g_assert_no_error (error);
    rexian_store_seed_sample_data (filler, now, NULL);
    start = g_get_monotonic_time ();
    rexian_store_fill_generated_calls (filler, n_calls, now, &error);
    g_assert_no_error (error);
    rexian_store_fill_generated (filler, n_orders, now, &error);
    g_assert_no_error (error);
    /* The backlog's automatic supervision, which the seats would have done minute by
     * minute, done once here so the window starts on the everyday case. */
    {
      RexianSupervisionPolicy policy;
      guint records = 0;

      rexian_supervision_policy_init_default (&policy);
      rexian_store_supervise_causes (filler, &policy, now, &records, &error);
      g_assert_no_error (error);
    }
    g_print ("%-52s %9.1f s\n", "fill", ms_since (start) / 1000.0);
  }

  app = rexian_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  _rexian_application_set_database_path (app, db_path);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = REXIAN_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  spin (500);
  rss_before = status_kib ("VmRSS:");

  stall_id = g_timeout_add (5, on_stall_tick, &stall);
  g_signal_add_emission_hook (g_signal_lookup ("changed", REXIAN_TYPE_STORE), 0,
                              on_changed_emitted, &change_cost, NULL);
  g_signal_connect_after (rexian_application_get_store (app), "changed",
                          G_CALLBACK (on_changed_done), &change_cost);

  /* Opening the view starts its feed: the first read and the first frame with figures. */
  view = GTK_WIDGET (window->supervisor_view);
  feed = rexian_supervisor_view_get_feed (window->supervisor_view);
  start = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "supervisor");
  wait_for_figures (feed, view, &first);
  open_ms = (first.painted_at - start) / 1000.0;

  /* Another seat writes a call; the view notices the change, reads and redraws. */
  other_seat = rexian_store_open (db_path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < refreshes; i++)
    {
      g_autofree char *call_id = g_strdup_printf ("bench-supervisor-%u", i);
      Wait wait = { 0 };
      double ms;

      spin (300);
      start = g_get_monotonic_time ();
      rexian_store_call_offered (other_seat, call_id, REXIAN_CALL_RECORD_INCOMING,
                                 "13800000000", 0, g_get_real_time () / G_USEC_PER_SEC,
                                 &error);
      g_assert_no_error (error);
      wait_for_figures (feed, view, &wait);
      ms = (wait.painted_at - start) / 1000.0;
      g_array_append_val (seat_ms, ms);

      /* The read and the redraw alone, without the wait for the change to be seen. */
      spin (300);
      memset (&wait, 0, sizeof wait);
      start = g_get_monotonic_time ();
      rexian_supervisor_feed_refresh (feed);
      wait_for_figures (feed, view, &wait);
      ms = (wait.painted_at - start) / 1000.0;
      g_array_append_val (refresh_ms, ms);
    }

  /* The wall display has its own feed. */
  {
    GtkWindow *wallboard;
    RexianSupervisorFeed *wall_feed;
    Wait wait = { 0 };

    start = g_get_monotonic_time ();
    wallboard = rexian_application_open_wallboard (app);
    wall_feed = rexian_wallboard_get_feed (REXIAN_WALLBOARD (wallboard));
    while (!gtk_widget_get_mapped (GTK_WIDGET (wallboard)))
      g_main_context_iteration (NULL, TRUE);
    if (rexian_supervisor_feed_get_snapshot (wall_feed) == NULL)
      wait_for_figures (wall_feed, GTK_WIDGET (wallboard), &wait);
    wall_ms = ms_since (start);
    gtk_window_destroy (wallboard);
  }

  g_source_remove (stall_id);

  {
    double *r = (double *) (gpointer) refresh_ms->data;
    double *s = (double *) (gpointer) seat_ms->data;
    double r_sum = 0, r_max = 0, s_sum = 0, s_max = 0;

    for (guint i = 0; i < refreshes; i++)
      {
        r_sum += r[i];
        r_max = MAX (r_max, r[i]);
        s_sum += s[i];
        s_max = MAX (s_max, s[i]);
      }

    g_print ("%-52s %9.1f ms\n", "open the view: first figures drawn", open_ms);
    g_print ("%-52s %9.1f ms  (max %.1f)\n", "refresh: read and redraw, mean", r_sum / refreshes,
             r_max);
    g_print ("%-52s %9.1f ms  (max %.1f)\n", "another seat's call on screen, mean",
             s_sum / refreshes, s_max);
    g_print ("%-52s %9.1f ms\n", "wall display: opened to figures", wall_ms);
    g_print ("%-52s %9.1f ms\n", "longest main-loop stall meanwhile", stall.longest / 1000.0);
    g_print ("%-52s %9.1f ms  (max %.1f; %u changes)\n",
             "the window's reaction to a change, mean",
             change_cost.count > 0 ? change_cost.total / 1000.0 / change_cost.count : 0.0,
             change_cost.longest / 1000.0, change_cost.count);
    g_print ("%-52s %9.1f MiB\n", "memory before the view (RSS)", rss_before / 1024.0);
    g_print ("%-52s %9.1f MiB\n", "memory after (RSS)", status_kib ("VmRSS:") / 1024.0);
    g_print ("%-52s %9.1f MiB\n", "peak memory (VmHWM)", status_kib ("VmHWM:") / 1024.0);
  }

  g_array_unref (refresh_ms);
  g_array_unref (seat_ms);
  gtk_window_destroy (GTK_WINDOW (window));
  g_application_quit (G_APPLICATION (app));
  g_clear_object (&other_seat);

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
