/* test-media-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <glib/gstdio.h>
#include <gst/gst.h>

#include "media-test-util.h"
#include "rexian-media-session.h"

#define SPEECH "您好，我反映一下小区停水的问题"
#define SILENCE_SOURCE MEDIA_TEST_SILENCE_SOURCE
#define QUIET_SINK MEDIA_TEST_QUIET_SINK
#define DTMF_PT 101

typedef struct
{
  char *dir;
  char *caller_wav;
  double caller_seconds;
  double caller_rms;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("rexian-media-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->caller_wav = g_build_filename (fixture->dir, "caller.wav", NULL);
}

static void
make_speech (Fixture *fixture)
{
  g_autofree char *raw = g_build_filename (fixture->dir, "speech.wav", NULL);
  g_autofree char *info = NULL;
  const char *espeak[] = { "espeak-ng", "-v", "cmn", "-w", raw, SPEECH, NULL };
  /* 8 kHz mono 16-bit, like a caller on the telephone network. */
  const char *sox[] = { "sox", raw, "-r", "8000", "-c", "1", "-b", "16",
                        fixture->caller_wav, "pad", "0.3", "1", NULL };
  const char *soxi[] = { "sox", "--i", "-D", fixture->caller_wav, NULL };

  g_free (media_test_run (espeak));
  g_free (media_test_run (sox));
  info = media_test_run (soxi);
  fixture->caller_seconds = g_ascii_strtod (info, NULL);
  g_assert_cmpfloat (fixture->caller_seconds, >, 1.5);
  fixture->caller_rms = media_test_stat (fixture->caller_wav, "1", 0, 0, MEDIA_TEST_RMS);
  g_assert_cmpfloat (fixture->caller_rms, >, 0.02);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  media_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->caller_wav);
}

static void
test_codecs (void)
{
  guint n_codecs = 0;
  const RexianCodec *codecs = rexian_media_get_codecs (&n_codecs);

  g_assert_cmpuint (n_codecs, >=, 3);
  g_assert_nonnull (media_test_find_codec ("PCMU"));
  g_assert_cmpint (media_test_find_codec ("PCMU")->payload_type, ==, 0);
  g_assert_nonnull (media_test_find_codec ("PCMA"));
  g_assert_cmpint (media_test_find_codec ("PCMA")->payload_type, ==, 8);
  g_assert_cmpstr (codecs[n_codecs - 1].encoding, ==, "telephone-event");

  /* G.722 only with its elements (gstreamer1.0-libav). */
  if (media_test_find_codec ("G722") != NULL)
    {
      g_autoptr(GstElementFactory) factory = gst_element_factory_find ("avenc_g722");

      g_assert_nonnull (factory);
    }
}

static void
test_call (Fixture       *fixture,
           gconstpointer  data)
{
  const char *encoding = data;
  const RexianCodec *codec;
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianMediaSession) caller = NULL;
  g_autoptr(RexianMediaSession) agent = NULL;
  g_autofree char *caller_source = NULL;
  g_autofree char *recording = NULL;
  g_autofree char *wav = NULL;
  g_autofree char *path = NULL;
  g_autofree char *caller_path = NULL;
  GStatBuf st;
  gint64 started, stopped;
  double expected, length, remote_rms, local_rms;

  if (!media_test_have_tools ())
    return;
  codec = media_test_find_codec (encoding);
  if (codec == NULL)
    {
      g_test_skip ("codec not available in this build");
      return;
    }
  make_speech (fixture);

  caller_source = g_strdup_printf ("filesrc location=\"%s\" ! wavparse", fixture->caller_wav);
  caller = media_test_make_session (caller_source, QUIET_SINK);
  agent = media_test_make_session (SILENCE_SOURCE, QUIET_SINK);
  recording = g_build_filename (fixture->dir, "call.ogg", NULL);
  wav = g_build_filename (fixture->dir, "call.wav", NULL);

  rexian_media_session_set_remote (caller, "127.0.0.1",
                                   rexian_media_session_get_local_port (agent), codec, DTMF_PT);
  rexian_media_session_set_remote (agent, "127.0.0.1",
                                   rexian_media_session_get_local_port (caller), codec, DTMF_PT);
  rexian_media_session_set_recording (agent, recording);

  /* As in a real call: both prepared ahead, the agent's side answers first. */
  g_assert_true (rexian_media_session_prepare (caller, &error));
  g_assert_no_error (error);
  g_assert_true (rexian_media_session_prepare (agent, &error));
  g_assert_no_error (error);
  media_test_iterate_for (100);
  g_assert_true (rexian_media_session_start (agent, &error));
  g_assert_no_error (error);
  started = g_get_monotonic_time ();
  g_assert_true (rexian_media_session_start (caller, &error));
  g_assert_no_error (error);

  media_test_iterate_for ((guint) (fixture->caller_seconds * 1000) + 300);

  stopped = g_get_monotonic_time ();
  path = rexian_media_session_stop (agent, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, recording);
  caller_path = rexian_media_session_stop (caller, &error);
  g_assert_no_error (error);
  g_assert_null (caller_path);

  /* 20 ms packets: 50 a second. */
  g_assert_cmpuint (rexian_media_session_get_packets_received (agent), >,
                    (guint64) (fixture->caller_seconds * 40));
  g_assert_cmpuint (rexian_media_session_get_packets_received (caller), >, 50);

  g_assert_cmpint (g_stat (recording, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  media_test_decode_recording (recording, wav);
  expected = (stopped - started) / (double) G_USEC_PER_SEC;
  length = media_test_stat (wav, "1", 0, 0, MEDIA_TEST_LENGTH);
  remote_rms = media_test_stat (wav, "1", 0, 0, MEDIA_TEST_RMS);
  local_rms = media_test_stat (wav, "2", 0, 0, MEDIA_TEST_RMS);
  g_test_message ("%s: recorded %.2f s of %.2f s, remote RMS %.4f, local RMS %.5f",
                  encoding, length, expected, remote_rms, local_rms);

  g_assert_cmpfloat_with_epsilon (length, expected, 0.5);
  /* espeak-ng speaks at about 0.1-0.2 RMS over the padded file; silence is below 1e-3. */
  g_assert_cmpfloat (remote_rms, >, 0.02);
  /* Nearly all of the speech arrived, not just its first packets: compare with the
   * file's own energy spread over the length of the recording. */
  g_assert_cmpfloat (remote_rms, >,
                     0.8 * fixture->caller_rms * sqrt (fixture->caller_seconds / length));
  g_assert_cmpfloat (local_rms, <, 0.001);
}

static void
test_no_audio (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianMediaSession) agent = media_test_make_session (SILENCE_SOURCE, QUIET_SINK);
  g_autoptr(RexianMediaSession) nobody = media_test_make_session (SILENCE_SOURCE, QUIET_SINK);
  g_autofree char *recording = g_build_filename (fixture->dir, "empty.ogg", NULL);
  g_autofree char *path = NULL;
  /* A pointer, as g_nullify_pointer() writes one: a gboolean is too small for it. */
  gpointer stopped = NULL;

  /* Another session's port that never sends: the packets go nowhere, none come back. */
  rexian_media_session_set_remote (agent, "127.0.0.1",
                                   rexian_media_session_get_local_port (nobody),
                                   media_test_find_codec ("PCMU"), DTMF_PT);
  rexian_media_session_set_recording (agent, recording);
  g_signal_connect_swapped (agent, "stopped", G_CALLBACK (g_nullify_pointer), &stopped);
  stopped = &stopped;

  g_assert_true (rexian_media_session_start (agent, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (recording, G_FILE_TEST_EXISTS));
  media_test_iterate_for (500);

  path = rexian_media_session_stop (agent, &error);
  g_assert_error (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_NO_AUDIO);
  g_assert_null (path);
  g_assert_false (g_file_test (recording, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (rexian_media_session_get_packets_received (agent), ==, 0);
  /* g_nullify_pointer cleared the flag: "stopped" was emitted. */
  g_assert_null (stopped);
}

typedef struct
{
  guint audio;
  guint events;
  guint event_ends;
  int   event_number;
} PacketCount;

static void
count_packets (GSocket     *socket,
               PacketCount *count)
{
  guint8 packet[1500];
  gssize size;

  while ((size = g_socket_receive (socket, (char *) packet, sizeof packet, NULL, NULL)) > 0)
    {
      guint payload_type;

      if (size < 12 || (packet[0] >> 6) != 2)
        continue;
      payload_type = packet[1] & 0x7f;
      if (payload_type != DTMF_PT)
        count->audio++;
      else if (size >= 16)
        {
          /* RFC 4733 payload: event, E|R|volume, duration. */
          count->events++;
          count->event_number = packet[12];
          if (packet[13] & 0x80)
            count->event_ends++;
        }
    }
}

static GSocket *
bind_receiver (guint *port)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  GSocket *socket;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM,
                         G_SOCKET_PROTOCOL_UDP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  g_socket_set_blocking (socket, FALSE);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));

  return socket;
}

static void
count_for (GSocket     *socket,
           PacketCount *count,
           guint        milliseconds)
{
  gint64 deadline = g_get_monotonic_time () + milliseconds * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < deadline)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      count_packets (socket, count);
      g_usleep (5 * G_TIME_SPAN_MILLISECOND);
    }
}

static void
test_dtmf (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianMediaSession) agent = media_test_make_session (SILENCE_SOURCE, QUIET_SINK);
  g_autoptr(GSocket) receiver = NULL;
  g_autofree char *path = NULL;
  PacketCount count = { 0 };
  guint port;

  receiver = bind_receiver (&port);
  rexian_media_session_set_remote (agent, "127.0.0.1", port, media_test_find_codec ("PCMU"),
                                   DTMF_PT);
  g_assert_true (rexian_media_session_start (agent, &error));
  g_assert_no_error (error);

  g_assert_false (rexian_media_session_send_dtmf (agent, 'x', &error));
  g_assert_error (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_FAILED);
  g_clear_error (&error);

  count_for (receiver, &count, 300);
  g_assert_cmpuint (count.audio, >, 5);
  g_assert_cmpuint (count.events, ==, 0);

  g_assert_true (rexian_media_session_send_dtmf (agent, '#', &error));
  g_assert_no_error (error);
  count_for (receiver, &count, 700);
  g_test_message ("%u audio packets, %u telephone-events, %u with the end bit",
                  count.audio, count.events, count.event_ends);

  g_assert_cmpuint (count.events, >=, 3);
  g_assert_cmpuint (count.event_ends, >=, 1);
  g_assert_cmpint (count.event_number, ==, 11);

  /* Nothing came back from the test socket: no recording was asked for, no error. */
  path = rexian_media_session_stop (agent, &error);
  g_assert_no_error (error);
  g_assert_null (path);
}

static void
test_hold (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianMediaSession) agent = media_test_make_session (SILENCE_SOURCE, QUIET_SINK);
  g_autoptr(GSocket) receiver = NULL;
  g_autofree char *path = NULL;
  PacketCount before = { 0 }, held = { 0 }, resumed = { 0 };
  guint port;

  receiver = bind_receiver (&port);
  rexian_media_session_set_remote (agent, "127.0.0.1", port, media_test_find_codec ("PCMA"), 0);
  g_assert_true (rexian_media_session_start (agent, &error));
  g_assert_no_error (error);
  g_assert_false (rexian_media_session_send_dtmf (agent, '1', &error));
  g_assert_error (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_NO_CODEC);
  g_clear_error (&error);

  count_for (receiver, &before, 300);
  rexian_media_session_set_hold (agent, TRUE);
  /* What the queue already held may still leave; after that, nothing. */
  count_for (receiver, &held, 300);
  held = (PacketCount) { 0 };
  count_for (receiver, &held, 400);
  rexian_media_session_set_hold (agent, FALSE);
  rexian_media_session_set_mute (agent, TRUE);
  count_for (receiver, &resumed, 400);

  g_test_message ("%u packets before hold, %u on hold, %u after (muted)",
                  before.audio, held.audio, resumed.audio);
  g_assert_cmpuint (before.audio, >, 5);
  g_assert_cmpuint (held.audio, ==, 0);
  g_assert_cmpuint (resumed.audio, >, 5);

  path = rexian_media_session_stop (agent, &error);
  g_assert_no_error (error);
}

/* Signalling prepares the pipeline while the call still rings, before the answer says
 * where to send: that must work, and the audio must still flow once it is known. */
static void
test_prepare_before_remote (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianMediaSession) agent = media_test_make_session (SILENCE_SOURCE, QUIET_SINK);
  g_autoptr(GSocket) receiver = NULL;
  g_autofree char *path = NULL;
  PacketCount sent = { 0 };
  guint port;

  g_assert_true (rexian_media_session_prepare (agent, &error));
  g_assert_no_error (error);

  receiver = bind_receiver (&port);
  rexian_media_session_set_remote (agent, "127.0.0.1", port, media_test_find_codec ("PCMU"), 0);
  g_assert_true (rexian_media_session_start (agent, &error));
  g_assert_no_error (error);

  count_for (receiver, &sent, 400);
  g_assert_cmpuint (sent.audio, >, 5);

  path = rexian_media_session_stop (agent, &error);
  g_assert_no_error (error);
}

static void
test_bad_source (void)
{
  const char *bad[] = {
    "rexian_no_such_element",
    "filesrc location=/nonexistent/rexian/caller.wav ! wavparse",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RexianMediaSession) session = media_test_make_session (bad[i], QUIET_SINK);
      g_autofree char *path = NULL;

      rexian_media_session_set_remote (session, "127.0.0.1", 9, media_test_find_codec ("PCMU"), 0);
      g_assert_false (rexian_media_session_prepare (session, &error));
      g_assert_error (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_NO_DEVICE);
      g_test_message ("%s → %s", bad[i], error->message);
      g_clear_error (&error);

      /* A session that failed to prepare still stops cleanly. */
      path = rexian_media_session_stop (session, &error);
      g_assert_no_error (error);
      g_assert_null (path);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RexianMediaSession) session = media_test_make_session (SILENCE_SOURCE, "fakesrc");

    g_assert_false (rexian_media_session_prepare (session, &error));
    g_assert_error (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_NO_DEVICE);
  }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RexianMediaSession) session = rexian_media_session_new ("nowhere", &error);

    g_assert_error (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_NETWORK);
    g_assert_null (session);
  }
}

int
main (int   argc,
      char *argv[])
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/media/codecs", test_codecs);
  g_test_add ("/media/call/PCMU", Fixture, "PCMU", fixture_set_up, test_call,
              fixture_tear_down);
  g_test_add ("/media/call/PCMA", Fixture, "PCMA", fixture_set_up, test_call,
              fixture_tear_down);
  g_test_add ("/media/call/opus", Fixture, "opus", fixture_set_up, test_call,
              fixture_tear_down);
  g_test_add ("/media/call/G722", Fixture, "G722", fixture_set_up, test_call,
              fixture_tear_down);
  g_test_add ("/media/no-audio", Fixture, NULL, fixture_set_up, test_no_audio,
              fixture_tear_down);
  g_test_add_func ("/media/dtmf", test_dtmf);
  g_test_add_func ("/media/hold", test_hold);
  g_test_add_func ("/media/bad-source", test_bad_source);
  g_test_add_func ("/media/prepare-before-remote", test_prepare_before_remote);

  return g_test_run ();
}
