/* test-media-conference.c: a three-way call's audio, four real sessions on 127.0.0.1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The citizen speaks (espeak-ng) to the agent's first call; the department plays a
 * tone to the agent's second call; the agent is silent.  Joined, the department must
 * hear the citizen and the citizen the department; split again, the citizen's call
 * goes on as before and no longer carries the tone.  Every side records what it hears,
 * and sox measures it.
 */

#include "config.h"

#include <math.h>
#include <gst/gst.h>

#include "media-test-util.h"
#include "rexian-media-conference.h"
#include "rexian-test-peers.h"

#define SPEECH "您好，我反映一下小区停水的问题"
#define TONE_SOURCE "audiotestsrc is-live=true wave=sine freq=440 volume=0.3"
/* A sine of amplitude 0.3. */
#define TONE_RMS (0.3 / G_SQRT2)

typedef struct
{
  char               *dir;
  RexianMediaSession *citizen;
  RexianMediaSession *agent_citizen;
  RexianMediaSession *agent_department;
  RexianMediaSession *department;
} Calls;

static char *
path_in (const char *dir,
         const char *name)
{
  return g_build_filename (dir, name, NULL);
}

/* Two sessions talking to each other with @encoding, @first answering first. */
static void
connect_pair (RexianMediaSession *first,
              RexianMediaSession *second,
              const char         *encoding)
{
  g_autoptr(GError) error = NULL;
  const RexianCodec *codec = media_test_find_codec (encoding);

  if (codec == NULL)
    codec = media_test_find_codec ("PCMU");
  rexian_media_session_set_remote (first, "127.0.0.1",
                                   rexian_media_session_get_local_port (second), codec, 0);
  rexian_media_session_set_remote (second, "127.0.0.1",
                                   rexian_media_session_get_local_port (first), codec, 0);
  g_assert_true (rexian_media_session_prepare (first, &error));
  g_assert_no_error (error);
  g_assert_true (rexian_media_session_prepare (second, &error));
  g_assert_no_error (error);
  g_assert_true (rexian_media_session_start (first, &error));
  g_assert_no_error (error);
  g_assert_true (rexian_media_session_start (second, &error));
  g_assert_no_error (error);
}

static void
set_up_calls (Calls      *calls,
              const char *speech)
{
  g_autofree char *source = g_strdup_printf ("filesrc location=\"%s\" ! wavparse", speech);
  g_autofree char *citizen_ogg = path_in (calls->dir, "citizen.ogg");
  g_autofree char *agent_ogg = path_in (calls->dir, "agent.ogg");
  g_autofree char *department_ogg = path_in (calls->dir, "department.ogg");

  calls->citizen = media_test_make_session (source, MEDIA_TEST_QUIET_SINK);
  calls->agent_citizen = media_test_make_session (MEDIA_TEST_SILENCE_SOURCE,
                                                  MEDIA_TEST_QUIET_SINK);
  calls->agent_department = media_test_make_session (MEDIA_TEST_SILENCE_SOURCE,
                                                     MEDIA_TEST_QUIET_SINK);
  calls->department = media_test_make_session (TONE_SOURCE, MEDIA_TEST_QUIET_SINK);

  /* Each party records what it hears (the left channel). */
  rexian_media_session_set_recording (calls->citizen, citizen_ogg);
  rexian_media_session_set_recording (calls->agent_citizen, agent_ogg);
  rexian_media_session_set_recording (calls->department, department_ogg);

  /* Different codecs on the two legs: the bridge carries decoded audio, not RTP. */
  connect_pair (calls->agent_citizen, calls->citizen, "PCMA");
  connect_pair (calls->agent_department, calls->department, "G722");
}

/* Stops @session and decodes its recording to @name.wav. */
static char *
stop_and_decode (Calls              *calls,
                 RexianMediaSession *session,
                 const char         *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ogg = rexian_media_session_stop (session, &error);
  g_autofree char *wav_name = g_strconcat (name, ".wav", NULL);
  char *wav = path_in (calls->dir, wav_name);

  g_assert_no_error (error);
  g_assert_nonnull (ogg);
  media_test_decode_recording (ogg, wav);

  return wav;
}

static void
stop_quietly (RexianMediaSession *session)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = rexian_media_session_stop (session, &error);

  g_assert_no_error (error);
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static void
test_join_and_split (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianMediaConference) conference = NULL;
  g_autofree char *speech = NULL;
  g_autofree char *info = NULL;
  g_autofree char *citizen_wav = NULL;
  g_autofree char *agent_wav = NULL;
  g_autofree char *department_wav = NULL;
  Calls calls = { 0 };
  gint64 started;
  double speech_seconds, joined_until, source_rms;
  double heard_by_department, heard_by_citizen, after_split, agent_local;
  guint64 packets_at_split;

  if (!media_test_have_tools ())
    return;

  calls.dir = rexian_test_make_dir ("rexian-conference");
  speech = rexian_test_make_speech (calls.dir, "speech.wav", SPEECH, 0.5);
  info = media_test_run ((const char *[]) { "sox", "--i", "-D", speech, NULL });
  speech_seconds = g_ascii_strtod (info, NULL);
  g_assert_cmpfloat (speech_seconds, >, 2.0);

  set_up_calls (&calls, speech);
  started = g_get_monotonic_time ();

  conference = rexian_media_conference_new (calls.agent_citizen, calls.agent_department,
                                            &error);
  g_assert_no_error (error);
  g_assert_true (rexian_media_conference_get_joined (conference));

  media_test_iterate_for ((guint) (speech_seconds * 1000));
  joined_until = seconds_since (started);

  rexian_media_conference_split (conference);
  g_assert_false (rexian_media_conference_get_joined (conference));
  packets_at_split = rexian_media_session_get_packets_received (calls.citizen);

  /* The citizen's call goes on alone, the department still playing its tone. */
  media_test_iterate_for (1500);
  g_assert_cmpuint (rexian_media_session_get_packets_received (calls.citizen), >,
                    packets_at_split + 50);

  citizen_wav = stop_and_decode (&calls, calls.citizen, "citizen");
  department_wav = stop_and_decode (&calls, calls.department, "department");
  agent_wav = stop_and_decode (&calls, calls.agent_citizen, "agent");
  stop_quietly (calls.agent_department);

  source_rms = media_test_stat (speech, "1", 0.01, joined_until - 0.3, MEDIA_TEST_RMS);
  heard_by_department = media_test_stat (department_wav, "1", 0.01, joined_until - 0.3,
                                         MEDIA_TEST_RMS);
  heard_by_citizen = media_test_stat (citizen_wav, "1", 0.5, joined_until - 0.8,
                                      MEDIA_TEST_RMS);
  after_split = media_test_stat (citizen_wav, "1", joined_until + 0.5, 0.8,
                                 MEDIA_TEST_RMS);
  agent_local = media_test_stat (agent_wav, "2", 0.5, joined_until - 0.8, MEDIA_TEST_RMS);
  g_test_message ("joined %.2f s: speech RMS %.4f, heard by the department %.4f; "
                  "tone RMS %.4f, heard by the citizen %.4f, after the split %.5f; "
                  "the agent's recording, local channel %.4f",
                  joined_until, source_rms, heard_by_department, TONE_RMS,
                  heard_by_citizen, after_split, agent_local);

  /* The department hears the citizen: nearly all of the speech's energy arrives. */
  g_assert_cmpfloat (heard_by_department, >=, 0.3 * source_rms);
  /* The citizen hears the department's tone, which ends with the split. */
  g_assert_cmpfloat (heard_by_citizen, >=, 0.3 * TONE_RMS);
  g_assert_cmpfloat (after_split, <, 0.01);
  /* The citizen's call's recording keeps the department in the agent's channel. */
  g_assert_cmpfloat (agent_local, >=, 0.3 * TONE_RMS);

  g_clear_object (&calls.citizen);
  g_clear_object (&calls.agent_citizen);
  g_clear_object (&calls.agent_department);
  g_clear_object (&calls.department);
  rexian_test_remove_dir (calls.dir);
  g_free (calls.dir);
}

static void
on_joined_changed (RexianMediaConference *conference,
                   GParamSpec            *pspec,
                   guint                 *changes)
{
  (*changes)++;
}

/* One party hangs up: the conference ends by itself and the other call goes on. */
static void
test_party_hangs_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianMediaConference) conference = NULL;
  g_autoptr(RexianMediaConference) refused = NULL;
  g_autofree char *speech = NULL;
  g_autofree char *citizen_wav = NULL;
  Calls calls = { 0 };
  guint changes = 0;
  guint64 packets_at_hangup;
  double after_hangup;
  gint64 started;
  double hung_up_at;

  if (!media_test_have_tools ())
    return;

  calls.dir = rexian_test_make_dir ("rexian-conference");
  speech = rexian_test_make_speech (calls.dir, "speech.wav", SPEECH, 0.5);
  set_up_calls (&calls, speech);
  started = g_get_monotonic_time ();

  conference = rexian_media_conference_new (calls.agent_citizen, calls.agent_department,
                                            &error);
  g_assert_no_error (error);
  g_signal_connect (conference, "notify::joined", G_CALLBACK (on_joined_changed), &changes);
  media_test_iterate_for (1000);

  /* The agent ends the department's leg (its BYE stops that session). */
  stop_quietly (calls.agent_department);
  hung_up_at = seconds_since (started);
  g_assert_false (rexian_media_conference_get_joined (conference));
  g_assert_cmpuint (changes, ==, 1);
  packets_at_hangup = rexian_media_session_get_packets_received (calls.citizen);

  /* A stopped call cannot be joined again. */
  refused = rexian_media_conference_new (calls.agent_citizen, calls.agent_department,
                                         &error);
  g_assert_error (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_FAILED);
  g_assert_null (refused);

  media_test_iterate_for (1500);
  g_assert_cmpuint (rexian_media_session_get_packets_received (calls.citizen), >,
                    packets_at_hangup + 50);

  stop_quietly (calls.department);
  citizen_wav = stop_and_decode (&calls, calls.citizen, "citizen");
  stop_quietly (calls.agent_citizen);

  after_hangup = media_test_stat (citizen_wav, "1", hung_up_at + 0.5, 0.8, MEDIA_TEST_RMS);
  g_test_message ("after the department's leg ended the citizen hears RMS %.5f",
                  after_hangup);
  g_assert_cmpfloat (after_hangup, <, 0.01);

  g_clear_object (&calls.citizen);
  g_clear_object (&calls.agent_citizen);
  g_clear_object (&calls.agent_department);
  g_clear_object (&calls.department);
  rexian_test_remove_dir (calls.dir);
  g_free (calls.dir);
}

int
main (int   argc,
      char *argv[])
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/media/conference/join-and-split", test_join_and_split);
  g_test_add_func ("/media/conference/party-hangs-up", test_party_hangs_up);

  return g_test_run ();
}
