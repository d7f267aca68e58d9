/* test-quit-logout.c: the real rexian program takes calls at a seat, the agent quits it
 * (the app.quit action, as Ctrl+Q does), and the shared database, read by another
 * process as a supervisor's wallboard would, shows the agent logged out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rexian-test-peers.h"

#define WAIT_MS 30000

static const char *rexian_bin;

typedef struct
{
  const char *db_path;
  const char *expected;
} StatusWait;

/* The seat's status as another process reads it from the shared file. */
static char *
read_status (const char *db_path)
{
  const char *argv[] = {
    "sqlite3", "-readonly", db_path,
    "SELECT status || ' ' || since FROM agent_status ORDER BY since DESC LIMIT 1;", NULL
  };
  g_autofree char *out = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                     NULL, &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    return NULL;

  return g_strstrip (g_steal_pointer (&out));
}

static gboolean
status_is (gpointer data)
{
  StatusWait *wait = data;
  g_autofree char *status = read_status (wait->db_path);

  return status != NULL && g_str_has_prefix (status, wait->expected);
}

static gboolean
exited (gpointer data)
{
  return *(gboolean *) data;
}

static void
on_wait_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *(gboolean *) user_data = TRUE;
}

static void
test_quit_logs_out (void)
{
  g_autofree char *dir = rexian_test_make_dir ("rexian-quit");
  g_autofree char *db_path = g_build_filename (dir, "rexian.db", NULL);
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  g_auto(GStrv) fields = NULL;
  GSubprocess *rexian;
  StatusWait wait = { db_path, "available" };
  gint64 quit_time;
  gboolean done = FALSE;

  /* REXIAN_SIP_PORT=0 (from the test environment): the phone takes a free port. */
  rexian = rexian_test_spawn (dir, "rexian.log", rexian_bin, "--database",
                              db_path, NULL);
  g_subprocess_wait_async (rexian, NULL, on_wait_done, &done);

  /* With its phone up, the window reports the agent available. */
  g_assert_true (rexian_test_wait (status_is, &wait, WAIT_MS));

  quit_time = g_get_real_time () / G_USEC_PER_SEC;
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (bus, APP_ID, "/io/github/rexian/Rexian",
                                       "org.gtk.Actions", "Activate",
                                       g_variant_new ("(sava{sv})", "quit", NULL, NULL),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, WAIT_MS, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (rexian_test_wait (exited, &done, WAIT_MS));
  g_assert_cmpint (g_subprocess_get_exit_status (rexian), ==, 0);

  /* What a supervisor sees afterwards: logged out, since the moment the agent quit. */
  status = read_status (db_path);
  g_test_message ("status after quitting: %s", status);
  g_assert_nonnull (status);
  fields = g_strsplit (status, " ", 2);
  g_assert_cmpstr (fields[0], ==, "logged-out");
  g_assert_cmpint (g_ascii_strtoll (fields[1], NULL, 10), >=, quit_time);

  rexian_test_stop_process (&rexian);
  rexian_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* meson passes the program built with this test. */
  g_assert_cmpint (argc, ==, 2);
  rexian_bin = argv[1];

  g_test_add_func ("/ui/quit-logs-out", test_quit_logs_out);

  return g_test_run ();
}
