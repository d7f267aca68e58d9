/* test-linphone.c: the phone against a second, independent SIP stack.  linphonec
 * (liblinphone and belle-sip, nothing shared with Sofia-SIP or baresip's libre) calls
 * the seat's phone directly on 127.0.0.1 and is called by it; each call carries audio
 * both ways: linphonec plays Mandarin speech that must be in the phone's recording, and
 * records the phone's tone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "rexian-phone.h"
#include "rexian-test-peers.h"

#define WAIT_MS 20000
#define AGENT "1001"
#define SPEECH "您好，我想反映一下小区路灯不亮的问题，已经一个星期了。"

typedef struct
{
  char          *dir;
  RexianPhone   *phone;
  RexianCall    *call;
  GSubprocess   *linphonec;
  GOutputStream *stdin_pipe;
  guint          sip_port;
  char          *speech;
  double         speech_seconds;
  char          *recording;
  gboolean       recording_closed;
} Fixture;

/* Tools: sox measures audio, gst-launch-1.0 decodes the Ogg Opus recording (this sox
 * has no Opus). */
static char *
run (const char * const *argv,
     gboolean            want_stderr)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);

  return want_stderr ? g_steal_pointer (&err) : g_steal_pointer (&out);
}

/* The RMS amplitude of @channel of @wav (1 = left), as sox's stat prints it. */
static double
rms (const char *wav,
     const char *channel)
{
  g_autofree char *stat = run ((const char *[]) { "sox", wav, "-n", "remix", channel, "stat",
                                                  NULL }, TRUE);
  const char *line = strstr (stat, "RMS     amplitude:");

  g_assert_nonnull (line);
  return g_ascii_strtod (line + strlen ("RMS     amplitude:"), NULL);
}

/* linphonec */

static void
linphonec_say (Fixture    *fixture,
               const char *command)
{
  g_autofree char *line = g_strconcat (command, "\n", NULL);
  g_autoptr(GError) error = NULL;

  g_output_stream_write_all (fixture->stdin_pipe, line, strlen (line), NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_flush (fixture->stdin_pipe, NULL, &error);
  g_assert_no_error (error);
}

/* A failed wait says what linphonec printed, which is where the reason usually is. */
static void
expect (Fixture    *fixture,
        gboolean    ok,
        const char *what)
{
  g_autofree char *log = NULL;

  if (ok)
    return;

  log = rexian_test_read_file (fixture->dir, "linphonec.log");
  g_test_message ("linphonec said:\n%s", log);
  g_error ("Expected %s", what);
}

static gboolean
linphonec_said (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *log = rexian_test_read_file (fixture->dir, "linphonec.log");
  const char *needle = g_object_get_data (G_OBJECT (fixture->phone), "needle");

  return strstr (log, needle) != NULL;
}

static gboolean
wait_linphonec (Fixture    *fixture,
                const char *needle)
{
  g_object_set_data (G_OBJECT (fixture->phone), "needle", (gpointer) needle);
  return rexian_test_wait (linphonec_said, fixture, WAIT_MS);
}

/* Should the test abort, the kernel still stops linphonec. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/* linphonec in its own HOME with its own configuration: file audio instead of a sound
 * card, no video, and SIP and RTP ports nobody else uses.  Commands come on stdin. */
static void
start_linphonec (Fixture *fixture)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rc = NULL;
  g_autofree char *rc_path = g_build_filename (fixture->dir, "linphonerc", NULL);
  g_autofree char *log_path = g_build_filename (fixture->dir, "linphonec.log", NULL);
  g_autofree char *ports = NULL;
  g_autofree char *data_dir = NULL;
  guint base = rexian_test_find_free_ports (4);

  fixture->sip_port = base;
  rc = g_strdup_printf ("[sip]\nsip_port=%u\nuse_ipv6=0\n"
                        "[rtp]\naudio_rtp_port=%u\n"
                        "[video]\nenabled=0\ncapture=0\ndisplay=0\n"
                        "[sound]\nechocancellation=0\n",
                        base, base + 2);
  rexian_test_write_file (fixture->dir, "linphonerc", rc);
  /* Its call history and chats go there; without it the core never becomes ready to
   * take calls (503). */
  data_dir = g_build_filename (fixture->dir, ".local", "share", "linphone", NULL);
  g_assert_cmpint (g_mkdir_with_parents (data_dir, 0700), ==, 0);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_setenv (launcher, "HOME", fixture->dir, TRUE);
  /* Without one, its PulseAudio client links HOME/.config/pulse to a folder elsewhere
   * in /tmp, which the clean-up would follow. */
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", fixture->dir, TRUE);
  g_subprocess_launcher_set_cwd (launcher, fixture->dir);
  g_subprocess_launcher_set_stdout_file_path (launcher, log_path);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  fixture->linphonec = g_subprocess_launcher_spawn (launcher, &error, "linphonec", "-c",
                                                    rc_path, NULL);
  g_assert_no_error (error);
  fixture->stdin_pipe = g_object_ref (g_subprocess_get_stdin_pipe (fixture->linphonec));

  /* The rc file's port is not the one it listens on: the command is. */
  ports = g_strdup_printf ("ports sip %u", fixture->sip_port);
  /* Left to itself it offers its IPv6 address even for a call to 127.0.0.1, which an
   * IPv4 seat cannot send audio to. */
  linphonec_say (fixture, "ipv6 disable");
  linphonec_say (fixture, "soundcard use files");
  linphonec_say (fixture, ports);
  linphonec_say (fixture, "ports");
  expect (fixture, wait_linphonec (fixture, "sip port = "), "linphonec to take its port");
}

/* The phone */

static void
on_recording_closed (RexianMediaSession *media,
                     Fixture            *fixture)
{
  fixture->recording_closed = TRUE;
}

/* Records the call as the seat would. */
static void
record_call (Fixture    *fixture,
             RexianCall *call)
{
  RexianMediaSession *media = rexian_call_get_media (call);

  g_assert_nonnull (media);
  fixture->recording = g_build_filename (fixture->dir, "call.ogg", NULL);
  rexian_media_session_set_recording (media, fixture->recording);
  g_signal_connect (media, "stopped", G_CALLBACK (on_recording_closed), fixture);
}

static void
on_incoming_call (RexianPhone *phone,
                  RexianCall  *call,
                  Fixture     *fixture)
{
  g_autoptr(GError) error = NULL;

  g_set_object (&fixture->call, call);
  record_call (fixture, call);
  rexian_call_answer (call, &error);
  g_assert_no_error (error);
}

static gboolean
call_in_state (gpointer data)
{
  Fixture *fixture = data;
  RexianCallState wanted = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (fixture->phone),
                                                               "wanted-state"));

  return fixture->call != NULL && rexian_call_get_state (fixture->call) == wanted;
}

static void
wait_call_state (Fixture         *fixture,
                 RexianCallState  state)
{
  g_object_set_data (G_OBJECT (fixture->phone), "wanted-state", GINT_TO_POINTER (state));
  expect (fixture, rexian_test_wait (call_in_state, fixture, WAIT_MS),
          "the call to reach its state");
}

/* RTP for the whole speech: 50 packets a second, less a few lost at the start
 * (linphonec sends nothing while it has no file to play). */
static gboolean
speech_received (gpointer data)
{
  Fixture *fixture = data;
  RexianMediaSession *media = rexian_call_get_media (fixture->call);

  return rexian_media_session_get_packets_received (media) >=
         (guint64) (fixture->speech_seconds * 45);
}

static gboolean
recording_closed (gpointer data)
{
  return ((Fixture *) data)->recording_closed;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *length = NULL;

  fixture->dir = rexian_test_make_dir ("rexian-linphone");
  fixture->speech = rexian_test_make_speech (fixture->dir, "speech.wav", SPEECH, 0.5);
  length = run ((const char *[]) { "sox", "--i", "-D", fixture->speech, NULL }, FALSE);
  fixture->speech_seconds = g_ascii_strtod (length, NULL);

  fixture->phone = rexian_phone_new ("127.0.0.1", 0, &error);
  g_assert_no_error (error);
  rexian_phone_register (fixture->phone, "sip:" AGENT "@127.0.0.1", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (fixture->phone, "incoming-call", G_CALLBACK (on_incoming_call), fixture);

  start_linphonec (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (g_test_failed ())
    {
      g_autofree char *log = rexian_test_read_file (fixture->dir, "linphonec.log");

      g_test_message ("linphonec said:\n%s", log);
    }

  if (fixture->linphonec != NULL && g_subprocess_get_identifier (fixture->linphonec) != NULL)
    linphonec_say (fixture, "quit");
  g_clear_object (&fixture->stdin_pipe);
  rexian_test_stop_process (&fixture->linphonec);
  g_clear_object (&fixture->call);
  g_clear_object (&fixture->phone);
  rexian_test_run_for (100);

  rexian_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->speech);
  g_free (fixture->recording);
}

/* Speech while the call lasts, and what linphonec hears written to a file. */
static void
talk (Fixture *fixture)
{
  g_autofree char *play = g_strconcat ("play ", fixture->speech, NULL);
  g_autofree char *record = g_strconcat ("record ", fixture->dir, "/heard.wav", NULL);

  linphonec_say (fixture, record);
  linphonec_say (fixture, play);
  rexian_test_wait (speech_received, fixture, WAIT_MS);
  g_test_message ("The phone received %" G_GUINT64_FORMAT " RTP packets",
                  rexian_media_session_get_packets_received (
                    rexian_call_get_media (fixture->call)));
  expect (fixture, speech_received (fixture), "the speech's RTP at the phone");
}

/* Both directions carried audio: linphonec's speech is on the recording's caller
 * channel, and the phone's tone is in what linphonec heard. */
static void
check_audio (Fixture *fixture)
{
  g_autofree char *decoded = g_build_filename (fixture->dir, "call.wav", NULL);
  g_autofree char *location = g_strconcat ("location=", fixture->recording, NULL);
  g_autofree char *out = g_strconcat ("location=", decoded, NULL);
  g_autofree char *heard = g_build_filename (fixture->dir, "heard.wav", NULL);
  double caller, agent, heard_rms;

  expect (fixture, rexian_test_wait (recording_closed, fixture, WAIT_MS),
          "the recording to be closed");
  g_free (run ((const char *[]) { "gst-launch-1.0", "-q", "filesrc", location, "!",
                                  "oggdemux", "!", "opusdec", "!", "audioconvert", "!",
                                  "audio/x-raw,format=S16LE", "!", "wavenc", "!",
                                  "filesink", out, NULL }, FALSE));
  caller = rms (decoded, "1");
  agent = rms (decoded, "2");
  heard_rms = rms (heard, "1");
  g_test_message ("Recording: caller RMS %.4f, agent RMS %.4f; linphonec heard RMS %.4f",
                  caller, agent, heard_rms);

  /* espeak-ng speaks at 0.1-0.2 RMS; silence is below 0.001; the tone is 0.2 × 0.7. */
  g_assert_cmpfloat (caller, >, 0.02);
  g_assert_cmpfloat (agent, >, 0.05);
  g_assert_cmpfloat (heard_rms, >, 0.05);
}

static void
test_linphonec_calls (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *call = g_strdup_printf ("call sip:" AGENT "@127.0.0.1:%u",
                                           rexian_phone_get_port (fixture->phone));

  linphonec_say (fixture, call);
  wait_call_state (fixture, REXIAN_CALL_STATE_ACTIVE);
  g_assert_cmpint (rexian_call_get_direction (fixture->call), ==, REXIAN_CALL_INCOMING);
  expect (fixture, wait_linphonec (fixture, "connected"), "linphonec to connect");

  talk (fixture);

  /* The agent hangs up; linphonec sees the call end. */
  g_assert_true (rexian_call_hangup (fixture->call, NULL));
  wait_call_state (fixture, REXIAN_CALL_STATE_ENDED);
  g_assert_cmpint (rexian_call_get_end_reason (fixture->call), ==,
                   REXIAN_CALL_END_LOCAL_HANGUP);
  expect (fixture, wait_linphonec (fixture, "ended"), "linphonec to see the end");

  check_audio (fixture);
}

static void
test_phone_calls_linphonec (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_strdup_printf ("sip:13803560003@127.0.0.1:%u", fixture->sip_port);

  linphonec_say (fixture, "autoanswer enable");
  expect (fixture, wait_linphonec (fixture, "Auto answer enabled"),
          "linphonec to answer on its own");

  g_set_object (&fixture->call, rexian_phone_call (fixture->phone, uri, &error));
  g_assert_no_error (error);
  record_call (fixture, fixture->call);
  wait_call_state (fixture, REXIAN_CALL_STATE_ACTIVE);
  expect (fixture, wait_linphonec (fixture, "connected"), "linphonec to connect");

  talk (fixture);

  /* The citizen hangs up this time. */
  linphonec_say (fixture, "terminate");
  wait_call_state (fixture, REXIAN_CALL_STATE_ENDED);
  g_assert_cmpint (rexian_call_get_end_reason (fixture->call), ==,
                   REXIAN_CALL_END_REMOTE_HANGUP);

  check_audio (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* The seat's microphone is a tone; its speaker is nothing. */
  g_setenv ("REXIAN_AUDIO_SOURCE", "audiotestsrc is-live=true wave=sine freq=440 volume=0.2",
            FALSE);
  g_setenv ("REXIAN_AUDIO_SINK", "fakesink sync=true", FALSE);

#ifdef REXIAN_HAVE_MEDIA
  g_test_add ("/linphone/linphonec-calls-phone", Fixture, NULL, fixture_set_up,
              test_linphonec_calls, fixture_tear_down);
  g_test_add ("/linphone/phone-calls-linphonec", Fixture, NULL, fixture_set_up,
              test_phone_calls_linphonec, fixture_tear_down);
#endif

  return g_test_run ();
}
