/* rexian-test-seat.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rexian-test-seat.h"

#define REGISTER_MS 30000
/* The window's size, and where its availability button sits in the header bar: the
 * third widget from the end, 222 px from the right edge at this width. */
#define WINDOW_WIDTH 900
#define WINDOW_HEIGHT 700
#define STATUS_BUTTON_X (WINDOW_WIDTH - 222)
#define STATUS_BUTTON_Y 27

struct _RexianTestSeat
{
  char        *dir;
  GSubprocess *process;
  guint        port;
  guint        x;
};

static char *
keyfile_for (const RexianTestSeatOptions *options,
             guint                        registrar_port)
{
  return g_strdup_printf ("[io/github/rexian/Rexian]\n"
                          "sip-address='sip:%s@127.0.0.1:%u'\n"
                          "sip-registrar='sip:127.0.0.1:%u'\n"
                          "sip-user='%s'\n"
                          "agent-number='%s'\n"
                          "auto-answer=%s\n"
                          "record-calls=%s\n"
                          "window-width=%d\n"
                          "window-height=%d\n",
                          options->user, registrar_port, registrar_port, options->user,
                          options->agent_number,
                          options->auto_answer ? "true" : "false",
                          options->record ? "true" : "false",
                          WINDOW_WIDTH, WINDOW_HEIGHT);
}

RexianTestSeat *
rexian_test_seat_start (RexianTestKamailio          *kamailio,
                        const RexianTestSeatOptions *options)
{
  RexianTestSeat *self = g_new0 (RexianTestSeat, 1);
  guint registrar_port = rexian_test_kamailio_get_port (kamailio);
  g_autofree char *settings_dir = NULL;
  g_autofree char *keyfile = keyfile_for (options, registrar_port);
  g_autofree char *config_home = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *port_env = NULL;
  g_autofree char *password_env = NULL;
  g_autofree char *registered = NULL;

  self->dir = rexian_test_make_dir ("rexian-seat");
  self->port = rexian_test_find_free_ports (1);
  self->x = options->x;

  settings_dir = g_build_filename (self->dir, "config", "glib-2.0", "settings", NULL);
  g_assert_cmpint (g_mkdir_with_parents (settings_dir, 0700), ==, 0);
  rexian_test_write_file (settings_dir, "keyfile", keyfile);

  config_home = g_strconcat ("XDG_CONFIG_HOME=", self->dir, "/config", NULL);
  data_home = g_strconcat ("XDG_DATA_HOME=", self->dir, "/data", NULL);
  port_env = g_strdup_printf ("REXIAN_SIP_PORT=%u", self->port);
  password_env = g_strconcat ("REXIAN_SIP_PASSWORD=", options->password, NULL);

  /* No session bus: a second seat would otherwise hand its start to the first one
   * (one GApplication per bus), and the password comes from the environment as on a
   * headless seat without a keyring. */
  self->process = rexian_test_spawnv (self->dir, "rexian.log", (const char *[]) {
    "env", "GSETTINGS_BACKEND=keyfile", config_home, data_home, port_env, password_env,
    "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent",
    "REXIAN_AUDIO_SOURCE=audiotestsrc is-live=true wave=sine freq=440 volume=0.2",
    "REXIAN_AUDIO_SINK=fakesink sync=true",
    options->rexian, "--database", options->database, NULL });

  registered = g_strdup_printf ("SEATS REGISTERED %s 127.0.0.1:%u\n", options->user,
                                self->port);
  if (!rexian_test_kamailio_wait_log (kamailio, registered, REGISTER_MS))
    {
      g_autofree char *log = rexian_test_read_file (self->dir, "rexian.log");

      g_error ("The seat on port %u did not register; it said:\n%s", self->port, log);
    }

  return self;
}

void
rexian_test_seat_stop (RexianTestSeat *self)
{
  if (self == NULL)
    return;

  rexian_test_stop_process (&self->process);
  if (g_test_failed ())
    {
      g_autofree char *log = rexian_test_read_file (self->dir, "rexian.log");

      g_test_message ("The seat on port %u said:\n%s", self->port, log);
    }

  rexian_test_remove_dir (self->dir);
  g_free (self->dir);
  g_free (self);
}

guint
rexian_test_seat_get_port (RexianTestSeat *self)
{
  return self->port;
}

const char *
rexian_test_seat_get_dir (RexianTestSeat *self)
{
  return self->dir;
}

gboolean
rexian_test_seat_is_running (RexianTestSeat *self)
{
  /* GLib reaps the child on its own: an exited process has no identifier any more. */
  return self->process != NULL && g_subprocess_get_identifier (self->process) != NULL;
}

static char *
xdotool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *output = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &output, NULL,
                &status, &error);
  g_assert_no_error (error);
  /* A search that finds nothing fails with no output: that is an answer too. */
  if (!g_spawn_check_wait_status (status, &error)
      && !(g_str_equal (argv[1], "search") && *output == '\0'))
    g_error ("xdotool failed: %s", error->message);

  return output;
}

void
rexian_test_seat_go_away (RexianTestSeat *self)
{
  const char *pid = g_subprocess_get_identifier (self->process);
  g_autofree char *windows = NULL;
  g_autofree char *window = NULL;
  g_autofree char *x = g_strdup_printf ("%u", self->x);
  g_autofree char *button_x = g_strdup_printf ("%u", self->x + STATUS_BUTTON_X);
  g_autofree char *button_y = g_strdup_printf ("%d", STATUS_BUTTON_Y);

  g_assert_nonnull (pid);

  /* Nothing manages windows under Xvfb: every seat's window opens at the origin, so
   * this one is put where the test said before the pointer goes to it. */
  /* --all: without it xdotool takes a window matching any one condition. */
  windows = xdotool ((const char *[]) { "xdotool", "search", "--all", "--sync",
                                        "--onlyvisible", "--pid", pid, "--name", "^Rexian$",
                                        NULL });
  window = g_strndup (windows, strcspn (windows, "\n"));
  g_free (xdotool ((const char *[]) { "xdotool", "windowmove", "--sync", window, x, "0",
                                      NULL }));

  /* The status button opens the popover; Alt+A is the switch's mnemonic. */
  g_free (xdotool ((const char *[]) { "xdotool", "mousemove", "--sync", button_x, button_y,
                                      "click", "1", "sleep", "1", "key", "alt+a", NULL }));
}

guint
rexian_test_seat_close_forms (RexianTestSeat *self)
{
  const char *pid = g_subprocess_get_identifier (self->process);
  g_autofree char *windows = NULL;
  g_auto(GStrv) ids = NULL;
  guint closed = 0;

  g_assert_nonnull (pid);

  /* Every shown window of the seat but the main one, whose title is the app's name. */
  windows = xdotool ((const char *[]) { "xdotool", "search", "--all", "--onlyvisible", "--pid",
                                        pid, "--name", "^.+$", NULL });
  ids = g_strsplit (windows, "\n", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *title = NULL;

      if (*ids[i] == '\0')
        continue;
      title = xdotool ((const char *[]) { "xdotool", "getwindowname", ids[i], NULL });
      if (g_str_equal (g_strchomp (title), "Rexian"))
        continue;

      g_free (xdotool ((const char *[]) { "xdotool", "windowfocus", "--sync", ids[i], "key",
                                          "ctrl+w", NULL }));
      closed++;
    }

  return closed;
}

static char *
proc_file (RexianTestSeat *self,
           const char     *name)
{
  const char *pid = g_subprocess_get_identifier (self->process);
  g_autofree char *path = g_strdup_printf ("/proc/%s/%s", pid != NULL ? pid : "0", name);
  char *contents = NULL;

  if (pid == NULL || !g_file_get_contents (path, &contents, NULL, NULL))
    return g_strdup ("");

  return contents;
}

double
rexian_test_seat_get_cpu_seconds (RexianTestSeat *self)
{
  g_autofree char *stat = proc_file (self, "stat");
  const char *after_name = strrchr (stat, ')');
  g_auto(GStrv) fields = NULL;

  if (after_name == NULL)
    return 0;

  /* After the name: state is field 3 of stat(5), utime 14 and stime 15. */
  fields = g_strsplit (after_name + 2, " ", 0);
  if (g_strv_length (fields) < 13)
    return 0;

  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL))
         / sysconf (_SC_CLK_TCK);
}

static guint64
status_kib (const char *status,
            const char *field)
{
  const char *line = strstr (status, field);

  return line != NULL ? g_ascii_strtoull (line + strlen (field), NULL, 10) : 0;
}

void
rexian_test_seat_get_memory (RexianTestSeat *self,
                             guint64        *rss_kib,
                             guint64        *peak_kib)
{
  g_autofree char *status = proc_file (self, "status");

  *rss_kib = status_kib (status, "VmRSS:");
  *peak_kib = status_kib (status, "VmHWM:");
}

guint
rexian_test_seat_get_threads (RexianTestSeat *self)
{
  g_autofree char *status = proc_file (self, "status");

  return (guint) status_kib (status, "Threads:");
}
