/* rexian-test-peers.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdarg.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "rexian-test-peers.h"

#define START_MS 15000

/* Waiting */

static gboolean
flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
poll_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
rexian_test_wait (RexianTestCondition condition,
                  gpointer            data,
                  guint               timeout_ms)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add (timeout_ms, flag_cb, &timed_out);
  guint poll_id = g_timeout_add (20, poll_cb, NULL);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (timeout_id);
  g_source_remove (poll_id);

  return condition (data);
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

void
rexian_test_run_for (guint ms)
{
  rexian_test_wait (never, NULL, ms);
}

/* Ports and files */

gboolean
rexian_test_port_free (guint       port,
                       GSocketType type)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, port);
  g_autoptr(GSocket) socket = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, type, G_SOCKET_PROTOCOL_DEFAULT, NULL);
  return socket != NULL && g_socket_bind (socket, address, FALSE, NULL);
}

guint
rexian_test_find_free_ports (guint count)
{
  for (guint attempt = 0; attempt < 200; attempt++)
    {
      guint base = g_random_int_range (20000, 60000);
      gboolean ok = TRUE;

      for (guint i = 0; i < count && ok; i++)
        ok = rexian_test_port_free (base + i, G_SOCKET_TYPE_DATAGRAM) &&
             rexian_test_port_free (base + i, G_SOCKET_TYPE_STREAM);
      if (ok)
        return base;
    }

  g_error ("No free ports on 127.0.0.1");
}

char *
rexian_test_make_dir (const char *prefix)
{
  g_autofree char *template = g_strconcat (prefix, "-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

void
rexian_test_delete_dir (const char *dir)
{
  g_autoptr(GDir) handle = NULL;
  const char *name;

  if (dir == NULL)
    return;

  handle = g_dir_open (dir, 0, NULL);
  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        rexian_test_delete_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

void
rexian_test_remove_dir (const char *dir)
{
  if (dir != NULL && g_test_failed ())
    {
      g_test_message ("Files kept in %s", dir);
      return;
    }

  rexian_test_delete_dir (dir);
}

void
rexian_test_write_file (const char *dir,
                        const char *name,
                        const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

char *
rexian_test_read_file (const char *dir,
                       const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return g_strdup ("");

  return contents;
}

char *
rexian_test_replace_all (const char *text,
                         const char *placeholder,
                         const char *value)
{
  g_auto(GStrv) parts = g_strsplit (text, placeholder, -1);

  return g_strjoinv (value, parts);
}

/* Processes */

/* Should the test abort before its teardown, the kernel still stops what it started;
 * its own process group lets what it forks be found and stopped too. */
static void
die_with_parent (gpointer user_data)
{
  setpgid (0, 0);
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

GSubprocess *
rexian_test_spawnv (const char         *dir,
                    const char         *log_name,
                    const char * const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *log_path = g_build_filename (dir, log_name, NULL);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  /* stdin stays /dev/null: baresip would otherwise read commands from the terminal. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_set_stdout_file_path (launcher, log_path);
  g_subprocess_launcher_set_cwd (launcher, dir);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);

  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  return process;
}

GSubprocess *
rexian_test_spawn (const char *dir,
                   const char *log_name,
                   ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list args;

  va_start (args, log_name);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  return rexian_test_spawnv (dir, log_name, (const char * const *) argv->pdata);
}

static void
wait_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *(gboolean *) user_data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

void
rexian_test_stop_process (GSubprocess **process)
{
  gboolean done = FALSE;

  if (*process == NULL)
    return;

  g_subprocess_send_signal (*process, SIGTERM);
  g_subprocess_wait_async (*process, NULL, wait_done_cb, &done);
  if (!rexian_test_wait (is_true, &done, 5000))
    {
      g_subprocess_force_exit (*process);
      rexian_test_wait (is_true, &done, 5000);
    }

  g_clear_object (process);
}

/* Audio */

static void
run_or_fail (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s", argv[0], error->message);
}

char *
rexian_test_make_speech (const char *dir,
                         const char *name,
                         const char *text,
                         double      pad_seconds)
{
  g_autofree char *raw = g_strconcat (dir, "/", name, ".espeak.wav", NULL);
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *pad = g_strdup_printf ("%.3f", pad_seconds);

  run_or_fail ((const char *[]) { "espeak-ng", "-v", "cmn", "-w", raw, text, NULL });
  run_or_fail ((const char *[]) { "sox", raw, "-r", "8000", "-c", "1", "-b", "16", path,
                                  "pad", "0.5", pad, NULL });
  g_unlink (raw);

  return path;
}

char *
rexian_test_make_tone (const char *dir,
                       const char *name,
                       double      seconds)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *length = g_strdup_printf ("%.3f", seconds);

  run_or_fail ((const char *[]) { "sox", "-n", "-r", "8000", "-c", "1", "-b", "16", path,
                                  "synth", length, "sine", "440", "vol", "0.3", NULL });
  return path;
}

/* kamailio */

struct _RexianTestKamailio
{
  char        *dir;
  char        *config_path;
  guint        port;
  GSubprocess *process;
  gboolean     workers;  /* -DD instead of -D: TCP and TLS need worker processes */
};

typedef struct
{
  guint       port;
  gboolean    bound;
} PortState;

static gboolean
udp_port_is (gpointer data)
{
  PortState *state = data;

  return state->bound != rexian_test_port_free (state->port, G_SOCKET_TYPE_DATAGRAM);
}

static void
kamailio_launch (RexianTestKamailio *self)
{
  PortState bound = { self->port, TRUE };

  self->process = rexian_test_spawn (self->dir, "kamailio.log", "kamailio",
                                     "-f", self->config_path,
                                     self->workers ? "-DD" : "-D", "-E",
                                     "-w", self->dir, "-Y", self->dir, NULL);
  if (!rexian_test_wait (udp_port_is, &bound, START_MS))
    g_error ("kamailio did not start: see %s/kamailio.log", self->dir);
}

/* Replaces @NAME@ in *@text. */
static void
substitute (char       **text,
            const char  *name,
            const char  *value)
{
  g_autofree char *placeholder = g_strdup_printf ("@%s@", name);
  char *replaced = rexian_test_replace_all (*text, placeholder, value);

  g_free (*text);
  *text = replaced;
}

static RexianTestKamailio *
kamailio_start (const char         *template_path,
                guint               port,
                const char         *password,
                const char * const *vars,
                gboolean            workers)
{
  RexianTestKamailio *self = g_new0 (RexianTestKamailio, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *config = NULL;
  g_autofree char *port_text = NULL;

  self->dir = rexian_test_make_dir ("rexian-kamailio");
  self->port = port != 0 ? port : rexian_test_find_free_ports (1);
  self->config_path = g_build_filename (self->dir, "kamailio.cfg", NULL);

  g_file_get_contents (template_path, &config, NULL, &error);
  g_assert_no_error (error);

  port_text = g_strdup_printf ("%u", self->port);
  substitute (&config, "PORT", port_text);
  substitute (&config, "DIR", self->dir);
  substitute (&config, "PASSWORD", password != NULL ? password : "");
  for (guint i = 0; vars != NULL && vars[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (vars[i], "=", 2);

      g_assert_nonnull (pair[1]);
      substitute (&config, pair[0], pair[1]);
    }

  rexian_test_write_file (self->dir, "kamailio.cfg", config);
  self->workers = workers;
  kamailio_launch (self);

  return self;
}

RexianTestKamailio *
rexian_test_kamailio_start (const char         *template_path,
                            guint               port,
                            const char         *password,
                            const char * const *vars)
{
  return kamailio_start (template_path, port, password, vars, FALSE);
}

RexianTestKamailio *
rexian_test_kamailio_start_with_workers (const char         *template_path,
                                         guint               port,
                                         const char         *password,
                                         const char * const *vars)
{
  return kamailio_start (template_path, port, password, vars, TRUE);
}

void
rexian_test_kamailio_stop (RexianTestKamailio *self)
{
  PortState free_port = { self->port, FALSE };
  pid_t group;

  if (self->process == NULL)
    return;

  /* kamailio's main process may exit before its workers, which still hold the
   * socket: wait for the port, and kill what is left of the group it started in. */
  group = atoi (g_subprocess_get_identifier (self->process));
  rexian_test_stop_process (&self->process);
  if (!rexian_test_wait (udp_port_is, &free_port, 2000))
    {
      kill (-group, SIGKILL);
      if (!rexian_test_wait (udp_port_is, &free_port, START_MS))
        g_error ("kamailio's workers still hold port %u", self->port);
    }
}

void
rexian_test_kamailio_restart (RexianTestKamailio *self)
{
  rexian_test_kamailio_stop (self);
  kamailio_launch (self);
}

void
rexian_test_kamailio_free (RexianTestKamailio *self)
{
  if (self == NULL)
    return;

  rexian_test_kamailio_stop (self);
  rexian_test_remove_dir (self->dir);
  g_free (self->dir);
  g_free (self->config_path);
  g_free (self);
}

guint
rexian_test_kamailio_get_port (RexianTestKamailio *self)
{
  return self->port;
}

const char *
rexian_test_kamailio_get_dir (RexianTestKamailio *self)
{
  return self->dir;
}

char *
rexian_test_kamailio_get_log (RexianTestKamailio *self)
{
  return rexian_test_read_file (self->dir, "kamailio.log");
}

typedef struct
{
  RexianTestKamailio *kamailio;
  const char         *needle;
} LogSearch;

static gboolean
logged (gpointer data)
{
  LogSearch *search = data;
  g_autofree char *log = rexian_test_kamailio_get_log (search->kamailio);

  return strstr (log, search->needle) != NULL;
}

gboolean
rexian_test_kamailio_wait_log (RexianTestKamailio *self,
                               const char         *needle,
                               guint               timeout_ms)
{
  LogSearch search = { self, needle };

  return rexian_test_wait (logged, &search, timeout_ms);
}

/* baresip */

struct _RexianTestBaresip
{
  char              *dir;
  char              *user;
  GSubprocess       *process;
  guint              port;
  guint              ctrl_port;
  GSocketConnection *ctrl;
  GString           *events;
  guint8             buffer[4096];
  GCancellable      *cancellable;
};

static void
ctrl_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  RexianTestBaresip *self = user_data;
  gssize n;

  /* A cancelled read comes back after stop(): the struct is gone by then only if
   * the read was not pending, which stop() waits for. */
  n = g_input_stream_read_finish (G_INPUT_STREAM (source), result, NULL);
  if (n <= 0)
    return;

  g_string_append_len (self->events, (const char *) self->buffer, n);
  g_input_stream_read_async (G_INPUT_STREAM (source), self->buffer, sizeof self->buffer,
                             G_PRIORITY_DEFAULT, self->cancellable, ctrl_read_cb, self);
}

static gboolean
ctrl_connected (gpointer data)
{
  RexianTestBaresip *self = data;
  g_autoptr(GSocketClient) client = NULL;

  if (self->ctrl != NULL)
    return TRUE;

  client = g_socket_client_new ();
  g_socket_client_set_enable_proxy (client, FALSE);
  self->ctrl = g_socket_client_connect_to_host (client, "127.0.0.1", self->ctrl_port,
                                                NULL, NULL);
  return self->ctrl != NULL;
}

RexianTestBaresip *
rexian_test_baresip_start_full (const RexianTestBaresipOptions *options)
{
  RexianTestBaresip *self = g_new0 (RexianTestBaresip, 1);
  g_autofree char *tone = NULL;
  g_autofree char *config = NULL;
  g_autofree char *accounts = NULL;
  g_autofree char *auth = NULL;
  const char *audio_file = options->audio_file;

  self->dir = rexian_test_make_dir ("rexian-baresip");
  self->user = g_strdup (options->user);
  self->events = g_string_new (NULL);
  self->cancellable = g_cancellable_new ();

  if (audio_file == NULL)
    audio_file = tone = rexian_test_make_tone (self->dir, "caller.wav", 30);

  /* baresip takes TCP on its SIP port and TLS on the next; the third is its control
   * socket. */
  self->port = rexian_test_find_free_ports (3);
  self->ctrl_port = self->port + 2;

  config = g_strdup_printf ("poll_method\t\tpoll\n"
                            "sip_listen\t\t127.0.0.1:%u\n"
                            "net_interface\t\t127.0.0.1\n"
                            "audio_source\t\taufile,%s\n"
                            "audio_player\t\taubridge,rexian-test-%u\n"
                            "audio_alert\t\taubridge,rexian-test-alert-%u\n"
                            "module_path\t\t/usr/lib/baresip/modules\n"
                            "module\t\t\tg711.so\n"
                            "module\t\t\taufile.so\n"
                            "module\t\t\taubridge.so\n"
                            "%s"
                            "module_app\t\taccount.so\n"
                            "module_app\t\tmenu.so\n"
                            "module_app\t\tctrl_tcp.so\n"
                            "ctrl_tcp_listen\t\t127.0.0.1:%u\n"
                            "snd_path\t\t%s\n",
                            self->port, audio_file, self->port, self->port,
                            options->record ? "module\t\t\tsndfile.so\n" : "",
                            self->ctrl_port, self->dir);
  rexian_test_write_file (self->dir, "config", config);

  if (options->password != NULL)
    auth = g_strdup_printf (";auth_pass=%s", options->password);
  accounts = g_strdup_printf ("<sip:%s@127.0.0.1:%u>%s;regint=%s;answermode=%s;"
                              "audio_codecs=%s\n",
                              options->user,
                              options->registrar_port != 0 ? options->registrar_port
                                                           : self->port,
                              auth != NULL ? auth : "",
                              options->password != NULL ? "600" : "0",
                              options->answermode != NULL ? options->answermode : "manual",
                              options->codecs != NULL ? options->codecs : "pcmu");
  rexian_test_write_file (self->dir, "accounts", accounts);

  self->process = rexian_test_spawn (self->dir, "baresip.log", "baresip", "-f", self->dir,
                                     "-t", "300", NULL);

  if (!rexian_test_wait (ctrl_connected, self, START_MS))
    g_error ("baresip did not start: see %s/baresip.log", self->dir);

  g_input_stream_read_async (g_io_stream_get_input_stream (G_IO_STREAM (self->ctrl)),
                             self->buffer, sizeof self->buffer, G_PRIORITY_DEFAULT,
                             self->cancellable, ctrl_read_cb, self);

  /* A connected socket is not yet a client baresip reports events to: wait for the
   * answer to a first command. */
  rexian_test_baresip_command (self, "reginfo", NULL);
  if (!rexian_test_baresip_wait_report (self, "\"response\":true", START_MS))
    g_error ("baresip does not answer on its control port: see %s/baresip.log", self->dir);

  return self;
}

RexianTestBaresip *
rexian_test_baresip_start (const char *user,
                           const char *answermode)
{
  RexianTestBaresipOptions options = { .user = user, .answermode = answermode };

  return rexian_test_baresip_start_full (&options);
}

void
rexian_test_baresip_stop (RexianTestBaresip *self)
{
  if (self == NULL)
    return;

  if (g_getenv ("REXIAN_TEST_SHOW_EVENTS") != NULL)
    g_test_message ("baresip said: %s", self->events->str);

  g_cancellable_cancel (self->cancellable);
  rexian_test_stop_process (&self->process);
  /* Let the cancelled read finish before the struct goes. */
  rexian_test_run_for (50);
  g_clear_object (&self->ctrl);

  rexian_test_remove_dir (self->dir);
  g_clear_object (&self->cancellable);
  g_string_free (self->events, TRUE);
  g_free (self->user);
  g_free (self->dir);
  g_free (self);
}

guint
rexian_test_baresip_get_port (RexianTestBaresip *self)
{
  return self->port;
}

const char *
rexian_test_baresip_get_dir (RexianTestBaresip *self)
{
  return self->dir;
}

char *
rexian_test_baresip_get_uri (RexianTestBaresip *self)
{
  return g_strdup_printf ("sip:%s@127.0.0.1:%u", self->user, self->port);
}

char *
rexian_test_baresip_dup_received_audio (RexianTestBaresip *self)
{
  g_autoptr(GDir) handle = g_dir_open (self->dir, 0, NULL);
  g_autofree char *found = NULL;
  const char *name;

  /* sndfile writes dump-...-enc.wav (what was sent) and dump-...-dec.wav (what was
   * received) for each call; the tests that look make one call. */
  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_prefix (name, "dump-") && g_str_has_suffix (name, "-dec.wav")
        && (found == NULL || strcmp (name, found) > 0))
      {
        g_free (found);
        found = g_strdup (name);
      }

  return found != NULL ? g_build_filename (self->dir, found, NULL) : NULL;
}

void
rexian_test_baresip_command (RexianTestBaresip *self,
                             const char        *command,
                             const char        *params)
{
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (self->ctrl));
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *netstring = NULL;

  json = g_strdup_printf ("{\"command\":\"%s\",\"params\":\"%s\",\"token\":\"t\"}",
                          command, params != NULL ? params : "");
  netstring = g_strdup_printf ("%zu:%s,", strlen (json), json);
  g_output_stream_write_all (out, netstring, strlen (netstring), NULL, NULL, &error);
  g_assert_no_error (error);
}

const char *
rexian_test_baresip_get_events (RexianTestBaresip *self)
{
  return self->events->str;
}

guint
rexian_test_baresip_count_reports (RexianTestBaresip *self,
                                   const char        *needle)
{
  guint count = 0;

  for (const char *p = strstr (self->events->str, needle); p != NULL;
       p = strstr (p + 1, needle))
    count++;

  return count;
}

typedef struct
{
  RexianTestBaresip *baresip;
  const char        *needle;
  guint              count;
} Reports;

static gboolean
reported (gpointer data)
{
  Reports *reports = data;

  return rexian_test_baresip_count_reports (reports->baresip, reports->needle) >=
         reports->count;
}

gboolean
rexian_test_baresip_wait_reports (RexianTestBaresip *self,
                                  const char        *needle,
                                  guint              count,
                                  guint              timeout_ms)
{
  Reports reports = { self, needle, count };

  return rexian_test_wait (reported, &reports, timeout_ms);
}

gboolean
rexian_test_baresip_wait_report (RexianTestBaresip *self,
                                 const char        *needle,
                                 guint              timeout_ms)
{
  return rexian_test_baresip_wait_reports (self, needle, 1, timeout_ms);
}
