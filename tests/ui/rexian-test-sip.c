/* rexian-test-sip.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "rexian-test-sip.h"
#include "rexian-test-ui.h"

#define START_MS 10000

struct _RexianTestSip
{
  char              *dir;
  GSubprocess       *baresip;
  guint              port;
  guint              ctrl_port;
  GSocketConnection *ctrl;
  GString           *events;   /* everything baresip reported, concatenated */
  guint8             buffer[4096];
  GCancellable      *cancellable;
};

static gboolean
port_free (guint       port,
           GSocketType type)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, port);
  g_autoptr(GSocket) socket = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, type, G_SOCKET_PROTOCOL_DEFAULT, NULL);
  return socket != NULL && g_socket_bind (socket, address, FALSE, NULL);
}

/* Three consecutive ports free for UDP and TCP: baresip takes TCP on its SIP port and
 * TLS on the next; the third is its control socket. */
static guint
find_free_ports (guint count)
{
  for (guint attempt = 0; attempt < 200; attempt++)
    {
      guint base = g_random_int_range (20000, 60000);
      gboolean ok = TRUE;

      for (guint i = 0; i < count && ok; i++)
        ok = port_free (base + i, G_SOCKET_TYPE_DATAGRAM) &&
             port_free (base + i, G_SOCKET_TYPE_STREAM);
      if (ok)
        return base;
    }

  g_error ("No free ports on 127.0.0.1");
}

/* Should the test abort before it stops baresip, the kernel still does. */
static void
die_with_parent (gpointer user_data)
{
  setpgid (0, 0);
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static void
write_file (RexianTestSip *sip,
            const char    *name,
            const char    *contents)
{
  g_autofree char *path = g_build_filename (sip->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
ctrl_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  RexianTestSip *sip = user_data;
  gssize n;

  n = g_input_stream_read_finish (G_INPUT_STREAM (source), result, NULL);
  if (n <= 0)
    return;

  g_string_append_len (sip->events, (const char *) sip->buffer, n);
  g_input_stream_read_async (G_INPUT_STREAM (source), sip->buffer, sizeof sip->buffer,
                             G_PRIORITY_DEFAULT, sip->cancellable, ctrl_read_cb, sip);
}

static gboolean
ctrl_connected (gpointer data)
{
  RexianTestSip *sip = data;
  g_autoptr(GSocketClient) client = NULL;

  if (sip->ctrl != NULL)
    return TRUE;

  client = g_socket_client_new ();
  g_socket_client_set_enable_proxy (client, FALSE);
  sip->ctrl = g_socket_client_connect_to_host (client, "127.0.0.1", sip->ctrl_port, NULL,
                                               NULL);
  return sip->ctrl != NULL;
}

RexianTestSip *
rexian_test_sip_start (const char *user,
                       const char *answermode)
{
  RexianTestSip *sip = g_new0 (RexianTestSip, 1);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *config = NULL;
  g_autofree char *accounts = NULL;
  g_autofree char *wav = NULL;
  g_autofree char *log_path = NULL;
  int status = 0;

  sip->dir = g_dir_make_tmp ("rexian-ui-sip-XXXXXX", &error);
  g_assert_no_error (error);
  sip->events = g_string_new (NULL);
  sip->cancellable = g_cancellable_new ();

  /* 8 kHz mono S16, long enough that baresip never hangs up at its end. */
  wav = g_build_filename (sip->dir, "caller.wav", NULL);
  g_spawn_sync (sip->dir,
                (char *[]) { "sox", "-n", "-r", "8000", "-c", "1", "-b", "16", wav,
                             "synth", "30", "sine", "440", "vol", "0.3", NULL },
                NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  sip->port = find_free_ports (3);
  sip->ctrl_port = sip->port + 2;

  config = g_strdup_printf ("poll_method\t\tpoll\n"
                            "sip_listen\t\t127.0.0.1:%u\n"
                            "net_interface\t\t127.0.0.1\n"
                            "audio_source\t\taufile,%s\n"
                            "audio_player\t\taubridge,rexian-ui-%u\n"
                            "audio_alert\t\taubridge,rexian-ui-alert-%u\n"
                            "module_path\t\t/usr/lib/baresip/modules\n"
                            "module\t\t\tg711.so\n"
                            "module\t\t\taufile.so\n"
                            "module\t\t\taubridge.so\n"
                            "module_app\t\taccount.so\n"
                            "module_app\t\tmenu.so\n"
                            "module_app\t\tctrl_tcp.so\n"
                            "ctrl_tcp_listen\t\t127.0.0.1:%u\n",
                            sip->port, wav, sip->port, sip->port, sip->ctrl_port);
  write_file (sip, "config", config);
  accounts = g_strdup_printf ("<sip:%s@127.0.0.1:%u>;regint=0;answermode=%s;"
                              "audio_codecs=pcmu\n", user, sip->port, answermode);
  write_file (sip, "accounts", accounts);

  /* stdin stays /dev/null: baresip would otherwise read commands from the terminal. */
  log_path = g_build_filename (sip->dir, "baresip.log", NULL);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_set_stdout_file_path (launcher, log_path);
  g_subprocess_launcher_set_cwd (launcher, sip->dir);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  sip->baresip = g_subprocess_launcher_spawn (launcher, &error, "baresip", "-f", sip->dir,
                                              "-t", "100", NULL);
  g_assert_no_error (error);

  if (!rexian_test_wait_until (ctrl_connected, sip, START_MS))
    g_error ("baresip did not start: see %s/baresip.log", sip->dir);

  g_input_stream_read_async (g_io_stream_get_input_stream (G_IO_STREAM (sip->ctrl)),
                             sip->buffer, sizeof sip->buffer, G_PRIORITY_DEFAULT,
                             sip->cancellable, ctrl_read_cb, sip);

  /* A connected socket is not yet a client baresip reports events to: wait for the
   * answer to a first command. */
  rexian_test_sip_command (sip, "reginfo", NULL);
  if (!rexian_test_sip_wait_report (sip, "\"response\":true", START_MS))
    g_error ("baresip does not answer on its control port: see %s/baresip.log", sip->dir);

  return sip;
}

static gboolean
process_done (gpointer data)
{
  return *(gboolean *) data;
}

static void
wait_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *(gboolean *) user_data = TRUE;
}

void
rexian_test_sip_stop (RexianTestSip *sip)
{
  gboolean done = FALSE;

  if (g_getenv ("REXIAN_TEST_SHOW_EVENTS") != NULL)
    g_test_message ("baresip said: %s", sip->events->str);

  g_cancellable_cancel (sip->cancellable);
  g_clear_object (&sip->ctrl);

  /* SIGTERM, then SIGKILL if it lingers; only ever the process this test started. */
  g_subprocess_send_signal (sip->baresip, SIGTERM);
  g_subprocess_wait_async (sip->baresip, NULL, wait_done_cb, &done);
  if (!rexian_test_wait_until (process_done, &done, 5000))
    {
      g_subprocess_force_exit (sip->baresip);
      rexian_test_wait_until (process_done, &done, 5000);
    }
  g_clear_object (&sip->baresip);

  /* Let the cancelled read finish before the struct goes. */
  rexian_test_spin (50);

  if (g_test_failed ())
    g_test_message ("baresip's files kept in %s", sip->dir);
  else
    {
      g_autoptr(GDir) dir = g_dir_open (sip->dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (sip->dir, name, NULL);
          g_unlink (path);
        }
      g_rmdir (sip->dir);
    }

  g_clear_object (&sip->cancellable);
  g_string_free (sip->events, TRUE);
  g_free (sip->dir);
  g_free (sip);
}

guint
rexian_test_sip_get_port (RexianTestSip *sip)
{
  return sip->port;
}

void
rexian_test_sip_command (RexianTestSip *sip,
                         const char    *command,
                         const char    *params)
{
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (sip->ctrl));
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *netstring = NULL;

  json = g_strdup_printf ("{\"command\":\"%s\",\"params\":\"%s\",\"token\":\"t\"}",
                          command, params != NULL ? params : "");
  netstring = g_strdup_printf ("%zu:%s,", strlen (json), json);
  g_output_stream_write_all (out, netstring, strlen (netstring), NULL, NULL, &error);
  g_assert_no_error (error);
}

typedef struct
{
  RexianTestSip *sip;
  const char    *needle;
  guint          count;
} Report;

static gboolean
reported (gpointer data)
{
  Report *report = data;

  return strstr (report->sip->events->str, report->needle) != NULL;
}

gboolean
rexian_test_sip_wait_report (RexianTestSip *sip,
                             const char    *needle,
                             guint          timeout_ms)
{
  Report report = { sip, needle, 1 };

  return rexian_test_wait_until (reported, &report, timeout_ms);
}

static gboolean
reported_n (gpointer data)
{
  Report *report = data;

  return rexian_test_sip_count_reports (report->sip, report->needle) >= report->count;
}

gboolean
rexian_test_sip_wait_reports (RexianTestSip *sip,
                              const char    *needle,
                              guint          count,
                              guint          timeout_ms)
{
  Report report = { sip, needle, count };

  return rexian_test_wait_until (reported_n, &report, timeout_ms);
}

guint
rexian_test_sip_count_reports (RexianTestSip *sip,
                               const char    *needle)
{
  guint count = 0;

  for (const char *p = strstr (sip->events->str, needle); p != NULL; p = strstr (p + 1, needle))
    count++;

  return count;
}
