/* test-supervisor.c: the supervisor view and the wall display show the figures of a
 * known call history, follow another seat's writes, drill down, and say when their
 * figures are stale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "rexian-application.h"
#include "rexian-figure-tile.h"
#include "rexian-store-calls.h"
#include "rexian-store-private.h"
#include "rexian-supervisor-drilldown.h"
#include "rexian-wallboard.h"
#include "rexian-window-private.h"
#include "rexian-test-ui.h"

static RexianApplication *app;
static RexianWindow *window;
static char *tmpdir;
static char *db_path;
static gint64 now;

static RexianStore *
store (void)
{
  return rexian_application_get_store (app);
}

/* One incoming call: offered @ago seconds before now, answered after @answer_after
 * seconds (-1: never), ended @talk seconds later or, unanswered, when the caller gave up
 * after @abandon_after seconds (-1: still waiting). */
static void
add_call (const char *call_id,
          const char *number,
          gint64      ago,
          gint64      answer_after,
          gint64      talk,
          gint64      abandon_after)
{
  g_autoptr(GError) error = NULL;
  gint64 offered = now - ago;
  gint64 agent = 0;

  {
    g_autoptr(GPtrArray) agents = rexian_store_list_agents (store (), &error);

    g_assert_no_error (error);
    agent = ((RexianAgent *) g_ptr_array_index (agents, 0))->id;
  }

  rexian_store_call_offered (store (), call_id, REXIAN_CALL_RECORD_INCOMING, number, agent,
                             offered, &error);
  g_assert_no_error (error);
  if (answer_after >= 0)
    {
      rexian_store_call_answered (store (), call_id, agent, offered + answer_after, &error);
      g_assert_no_error (error);
      rexian_store_call_ended (store (), call_id, REXIAN_CALL_OUTCOME_CALLER_HUNG_UP,
                               offered + answer_after + talk, NULL, &error);
      g_assert_no_error (error);
    }
  else if (abandon_after >= 0)
    {
      rexian_store_call_ended (store (), call_id, REXIAN_CALL_OUTCOME_ABANDONED,
                               offered + abandon_after, NULL, &error);
      g_assert_no_error (error);
    }
}

typedef struct
{
  RexianSupervisorView *view;
  const char           *name;
  const char           *value;
} TileWait;

static gboolean
tile_shows (gpointer data)
{
  TileWait *wait = data;
  GtkWidget *tile = rexian_supervisor_view_get_tile (wait->view, wait->name);

  return tile != NULL &&
         g_strcmp0 (rexian_figure_tile_get_value (REXIAN_FIGURE_TILE (tile)), wait->value) == 0;
}

static void
assert_tile (const char *name,
             const char *value)
{
  TileWait wait = { window->supervisor_view, name, value };
  GtkWidget *tile = rexian_supervisor_view_get_tile (window->supervisor_view, name);

  g_assert_nonnull (tile);
  if (!rexian_test_wait_until (tile_shows, &wait, 8000))
    g_error ("%s shows %s, expected %s", name,
             rexian_figure_tile_get_value (REXIAN_FIGURE_TILE (tile)), value);
}

static void
test_figures (void)
{
  GtkWidget *tile;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "supervisor");

  /* Four calls today: two answered (10 s and 20 s), two abandoned (at exactly 15 s, which
   * is within the answer time, and at 40 s), and one caller waiting for 30 s now. */
  add_call ("sv-1", "13800000001", 900, 10, 60, -1);
  add_call ("sv-2", "13800000002", 800, 20, 60, -1);
  add_call ("sv-3", "13800000003", 700, -1, 0, 15);
  add_call ("sv-4", "13800000004", 600, -1, 0, 40);
  add_call ("sv-5", "13800000005", 30, -1, 0, -1);

  assert_tile ("now-waiting", "1");
  assert_tile ("today-offered", "4");
  assert_tile ("today-answered", "2");
  assert_tile ("today-abandoned", "2");
  assert_tile ("today-completion-rate", "50.0%");
  /* SL: one of two answered within 15 s; SL2: (1 + 1) ÷ (2 + 2). */
  assert_tile ("today-service-level", "50.0%");
  assert_tile ("today-service-level-2", "50.0%");
  assert_tile ("today-abandon-rate", "50.0%");
  /* The last 24 hours also hold the sample data's calls of yesterday. */
  g_assert_nonnull (rexian_supervisor_view_get_tile (window->supervisor_view,
                                                    "last-24h-completion-rate"));

  /* 接通率 under the 95 % line is bad, and the tile says how it is computed. */
  tile = rexian_supervisor_view_get_tile (window->supervisor_view, "today-completion-rate");
  g_assert_cmpint (rexian_figure_tile_get_level (REXIAN_FIGURE_TILE (tile)), ==,
                   REXIAN_FIGURE_LEVEL_BAD);
  g_assert_nonnull (strstr (rexian_figure_tile_get_formula (REXIAN_FIGURE_TILE (tile)), "÷"));

  /* The thresholds are settings: with the line at 40 % the same figure is good. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_value (settings, "measure-thresholds",
                          g_variant_new_parsed ("{'completion-rate': (0.4, 0.45)}"));
    rexian_test_spin (100);
    g_assert_cmpint (rexian_figure_tile_get_level (REXIAN_FIGURE_TILE (tile)), ==,
                     REXIAN_FIGURE_LEVEL_OK);
    g_settings_reset (settings, "measure-thresholds");
    rexian_test_spin (100);
    g_assert_cmpint (rexian_figure_tile_get_level (REXIAN_FIGURE_TILE (tile)), ==,
                     REXIAN_FIGURE_LEVEL_BAD);
  }
}

static void
test_other_seat (void)
{
  const char *tool = g_getenv ("REXIAN_DB_TOOL");
  g_autofree char *at = g_strdup_printf ("%" G_GINT64_FORMAT, now - 120);
  const char *argv[] = { tool, db_path, "--now", at, "calls", "2", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  int status = 0;

  g_assert_nonnull (tool);
  /* Another process writes two whole calls, one answered, one abandoned. */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("rexian-db-tool failed: %s\n%s", error->message, output);

  assert_tile ("today-offered", "6");
  assert_tile ("today-answered", "3");
}

static GtkWindow *
find_drilldown (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (REXIAN_IS_SUPERVISOR_DRILLDOWN (l->data))
      return l->data;

  return NULL;
}

static gboolean
drilldown_open (gpointer data)
{
  return find_drilldown () != NULL;
}

static void
test_drilldown (void)
{
  GtkWidget *tile = rexian_supervisor_view_get_tile (window->supervisor_view, "today-abandoned");
  GtkWindow *drilldown;

  g_assert_true (rexian_figure_tile_get_activatable (REXIAN_FIGURE_TILE (tile)));
  g_signal_emit_by_name (tile, "activate");
  g_assert_true (rexian_test_wait_until (drilldown_open, NULL, 5000));
  drilldown = find_drilldown ();
  /* The list behind a figure has as many rows as the figure says. */
  g_assert_cmpuint (rexian_supervisor_drilldown_get_n_rows (REXIAN_SUPERVISOR_DRILLDOWN (drilldown)),
                    ==, 3);
  gtk_window_destroy (drilldown);
}

typedef struct
{
  RexianWallboard *wallboard;
  const char      *name;
  const char      *value;
} BoardWait;

static gboolean
board_shows (gpointer data)
{
  BoardWait *wait = data;

  return g_strcmp0 (rexian_wallboard_get_figure (wait->wallboard, wait->name), wait->value) == 0;
}

static gboolean
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_label (child, text))
      return TRUE;

  return FALSE;
}

static gboolean
board_stale (gpointer data)
{
  return rexian_wallboard_get_status_text (data) != NULL;
}

static gboolean
board_fresh (gpointer data)
{
  return rexian_wallboard_get_status_text (data) == NULL;
}

static void
test_wallboard (void)
{
  RexianWallboard *wallboard = REXIAN_WALLBOARD (rexian_application_open_wallboard (app));
  BoardWait waiting = { wallboard, "waiting", "1" };
  BoardWait offered = { wallboard, "offered", "6" };
  const char *dir = g_getenv ("REXIAN_SCREENSHOT_DIR");
  g_autofree char *shot_dir = dir != NULL ? g_strdup (dir)
                                          : g_build_filename (g_getenv ("G_TEST_BUILDDIR"),
                                                              "screenshots", NULL);
  g_autofree char *shot = g_build_filename (shot_dir, "wallboard-test.png", NULL);
  g_autoptr(GError) error = NULL;

  gtk_window_unfullscreen (GTK_WINDOW (wallboard));
  gtk_window_set_default_size (GTK_WINDOW (wallboard), 1920, 1080);
  g_assert_true (rexian_test_wait_until (board_shows, &waiting, 8000));
  g_assert_true (rexian_test_wait_until (board_shows, &offered, 8000));
  g_assert_cmpstr (rexian_wallboard_get_page (wallboard), ==, "queue");

  /* The waiting caller's number is masked on a screen the whole room sees. */
  rexian_test_spin (300);
  g_assert_true (find_label (GTK_WIDGET (wallboard), "138****0005"));
  g_assert_false (find_label (GTK_WIDGET (wallboard), "13800000005"));

  g_mkdir_with_parents (shot_dir, 0755);
  g_assert_true (rexian_test_save_png (GTK_WIDGET (wallboard), shot, &error));
  g_assert_no_error (error);

  /* The reads get stuck (here: the store's reading connection is held for 15 s, as a
   * hung network share would hold it): the last figures stay, marked stale, and come
   * back fresh once reading works again. */
  g_assert_nonnull (rexian_store_lock_worker_db (store (), &error));
  g_assert_no_error (error);
  g_assert_true (rexian_test_wait_until (board_stale, wallboard, 20000));
  g_test_message ("stale: %s", rexian_wallboard_get_status_text (wallboard));
  g_assert_cmpstr (rexian_wallboard_get_figure (wallboard, "offered"), ==, "6");
  rexian_store_unlock_worker_db (store ());
  g_assert_true (rexian_test_wait_until (board_fresh, wallboard, 20000));

  rexian_wallboard_set_page (wallboard, "orders");
  g_assert_cmpstr (rexian_wallboard_get_page (wallboard), ==, "orders");
  gtk_window_destroy (GTK_WINDOW (wallboard));
}

/* Another seat, as a separate process: `test-supervisor --write-calls DB N` writes N
 * incoming calls, one every 400 ms (every third abandoned after 20 s, the last three left
 * waiting, the rest answered within 10 s), then prints "done" and exits. */
static int
write_calls (const char *path,
             guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianStore) seat = rexian_store_open (path, &error);
  g_autoptr(GPtrArray) agents = NULL;
  gint64 agent;

  g_assert_no_error (error);
  agents = rexian_store_list_agents (seat, &error);
  g_assert_no_error (error);
  agent = ((RexianAgent *) g_ptr_array_index (agents, 0))->id;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *call_id = g_strdup_printf ("live-%u@other-seat", i);
      g_autofree char *number = g_strdup_printf ("1390000%04u", i);
      gint64 at = g_get_real_time () / G_USEC_PER_SEC;

      rexian_store_call_offered (seat, call_id, REXIAN_CALL_RECORD_INCOMING, number, agent,
                                 at - 30, &error);
      g_assert_no_error (error);
      if (i + 3 < n && i % 3 == 2)
        rexian_store_call_ended (seat, call_id, REXIAN_CALL_OUTCOME_ABANDONED, at - 10, NULL,
                                 &error);
      else if (i + 3 < n)
        {
          rexian_store_call_answered (seat, call_id, agent, at - 30 + i % 10, &error);
          g_assert_no_error (error);
          rexian_store_call_ended (seat, call_id, REXIAN_CALL_OUTCOME_CALLER_HUNG_UP, at, NULL,
                                   &error);
        }
      g_assert_no_error (error);
      g_usleep (400 * 1000);
    }

  g_print ("done\n");
  return 0;
}

/* Runs the main loop for @ms, however busy: while another process writes, the store's
 * change notices keep it from ever running dry, which rexian_test_spin() waits for. */
static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (5000);
}

/* Saves the wall display as it is on screen.  New figures queue a new layout, and a
 * widget waiting for one draws nothing, so the shot is taken after the next frame. */
static void
save_wallboard (RexianWallboard *wallboard,
                const char      *path)
{
  for (guint tries = 0;; tries++)
    {
      g_autoptr(GError) error = NULL;

      run_for (200);
      if (rexian_test_save_png (GTK_WIDGET (wallboard), path, &error))
        return;
      if (tries == 20)
        g_error ("%s: %s", path, error->message);
    }
}

typedef struct
{
  RexianWallboard *wallboard;
  const char      *name;
  guint            at_least;
} BoardAtLeast;

static gboolean
board_at_least (gpointer data)
{
  BoardAtLeast *wait = data;
  const char *text = rexian_wallboard_get_figure (wait->wallboard, wait->name);

  return text != NULL && strtoul (text, NULL, 10) >= wait->at_least;
}

static gboolean
process_done (gpointer data)
{
  return *(gboolean *) data;
}

static void
on_writer_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  *(gboolean *) user_data = TRUE;
}

/* The wall display at 1920 × 1080 while another process writes calls: its figures follow
 * the writes live, and screenshots taken during and after show them. */
static void
test_wallboard_live (void)
{
  RexianWallboard *wallboard = REXIAN_WALLBOARD (rexian_application_open_wallboard (app));
  const char *dir = g_getenv ("REXIAN_SCREENSHOT_DIR");
  g_autofree char *shot_dir = dir != NULL ? g_strdup (dir)
                                          : g_build_filename (g_getenv ("G_TEST_BUILDDIR"),
                                                              "screenshots", NULL);
  g_autoptr(GSubprocess) writer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  const guint n = 24;
  BoardAtLeast offered = { wallboard, "offered", 0 };
  BoardAtLeast waiting = { wallboard, "waiting", 0 };
  g_autofree char *offered_before = NULL;
  g_autofree char *offered_during = NULL;
  gboolean done = FALSE;

  gtk_window_unfullscreen (GTK_WINDOW (wallboard));
  gtk_window_set_default_size (GTK_WINDOW (wallboard), 1920, 1080);
  rexian_wallboard_set_page_seconds (wallboard, 0);
  g_assert_true (rexian_test_wait_until (board_fresh, wallboard, 20000));
  rexian_test_spin (500);
  offered_before = g_strdup (rexian_wallboard_get_figure (wallboard, "offered"));
  /* A period's "offered" counts the calls that have ended (the three still waiting are
   * counted once they end), so the rest of the writer's calls. */
  offered.at_least = strtoul (offered_before, NULL, 10) + n - 3;
  waiting.at_least = strtoul (rexian_wallboard_get_figure (wallboard, "waiting"), NULL, 10) + 3;

  writer = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, self_exe,
                             "--write-calls", db_path, "24", NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (writer, NULL, on_writer_done, &done);

  /* While the other process writes: a shot after each third of its calls has ended. */
  for (guint third = 1; third <= 2; third++)
    {
      BoardAtLeast progress = { wallboard, "offered",
                                strtoul (offered_before, NULL, 10) + third * (n - 3) / 3 };
      g_autofree char *file = g_strdup_printf ("wallboard-live-%u.png", third);
      g_autofree char *path = g_build_filename (shot_dir, file, NULL);

      g_assert_true (rexian_test_wait_until (board_at_least, &progress, 20000));
      g_mkdir_with_parents (shot_dir, 0755);
      save_wallboard (wallboard, path);
      g_test_message ("during the writes: offered %s, waiting %s (%s)",
                      rexian_wallboard_get_figure (wallboard, "offered"),
                      rexian_wallboard_get_figure (wallboard, "waiting"), path);
      if (third == 1)
        offered_during = g_strdup (rexian_wallboard_get_figure (wallboard, "offered"));
    }

  g_assert_true (rexian_test_wait_until (process_done, &done, 30000));
  g_test_message ("writer done: offered %s (was %s), waiting %s",
                  rexian_wallboard_get_figure (wallboard, "offered"), offered_before,
                  rexian_wallboard_get_figure (wallboard, "waiting"));
  g_assert_true (g_subprocess_get_successful (writer));

  /* Every ended call of the other process is counted, and its three callers still wait. */
  g_assert_true (rexian_test_wait_until (board_at_least, &offered, 15000));
  g_assert_true (rexian_test_wait_until (board_at_least, &waiting, 15000));
  /* The first shot was taken while the writes went on: the figures moved on after it. */
  g_assert_cmpuint (strtoul (rexian_wallboard_get_figure (wallboard, "offered"), NULL, 10), >,
                    strtoul (offered_during, NULL, 10));
  g_assert_true (find_label (GTK_WIDGET (wallboard), "139****0023"));
  g_assert_false (find_label (GTK_WIDGET (wallboard), "13900000023"));
  {
    g_autofree char *path = g_build_filename (shot_dir, "wallboard-live.png", NULL);

    save_wallboard (wallboard, path);
    g_test_message ("after the writes: offered %s, waiting %s (%s)",
                    rexian_wallboard_get_figure (wallboard, "offered"),
                    rexian_wallboard_get_figure (wallboard, "waiting"), path);
  }

  gtk_window_destroy (GTK_WINDOW (wallboard));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = NULL;
  int ret;

  if (argc == 4 && g_str_equal (argv[1], "--write-calls"))
    return write_calls (argv[2], (guint) strtoul (argv[3], NULL, 10));

  rexian_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  now = g_get_real_time () / G_USEC_PER_SEC;
  today = g_date_time_new_now_local ();
  /* The calls go back a quarter of an hour and must all be today's. */
  if (g_date_time_get_hour (today) == 0 && g_date_time_get_minute (today) < 20)
    {
      g_test_skip ("Too close to midnight for a day's figures");
      return g_test_run ();
    }

  tmpdir = g_dir_make_tmp ("rexian-supervisor-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (tmpdir, "rexian.db", NULL);

  app = rexian_test_app_start (db_path, 1600, 900, &window);

  g_test_add_func ("/ui/supervisor/figures", test_figures);
  g_test_add_func ("/ui/supervisor/other-seat", test_other_seat);
  g_test_add_func ("/ui/supervisor/drilldown", test_drilldown);
  g_test_add_func ("/ui/supervisor/wallboard", test_wallboard);
  g_test_add_func ("/ui/supervisor/wallboard-live", test_wallboard_live);

  ret = g_test_run ();

  rexian_test_app_stop (&app, window);
  return ret;
}
