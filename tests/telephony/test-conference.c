/* test-conference.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The three-way call (三方通话) against two real baresip peers on 127.0.0.1: the
 * citizen speaks Mandarin (espeak-ng), the department plays a tone; both record what
 * they hear with the sndfile module, and sox measures it.  The phone calls the citizen,
 * puts them on hold to call the department, then joins the three.
 */

#include "config.h"

#include <string.h>

#include "media-test-util.h"
#include "rexian-conference.h"
#include "rexian-phone.h"
#include "rexian-test-peers.h"

#define SPEECH   "您好，我反映一下小区停水的问题，已经三天没有水了。"
#define WAIT_MS  10000
/* baresip's default source in the test peers: a 440 Hz sine at 0.3 of full scale. */
#define TONE_RMS (0.3 / G_SQRT2)

typedef struct
{
  char              *dir;
  char              *speech;
  double             speech_rms;
  RexianTestBaresip *citizen;
  RexianTestBaresip *department;
  RexianPhone       *phone;
} Fixture;

typedef struct
{
  RexianCall      *call;
  RexianCallState  state;
} CallState;

static gboolean
call_is (gpointer data)
{
  CallState *wanted = data;

  return rexian_call_get_state (wanted->call) == wanted->state;
}

static void
wait_call_state (RexianCall      *call,
                 RexianCallState  state)
{
  CallState wanted = { call, state };

  if (!rexian_test_wait (call_is, &wanted, WAIT_MS))
    g_error ("The call with %s is %d, expected %d", rexian_call_get_remote_uri (call),
             rexian_call_get_state (call), state);
}

static gboolean
media_flows (gpointer data)
{
  RexianMediaSession *media = rexian_call_get_media (data);

  return media != NULL && rexian_media_session_get_packets_received (media) > 10;
}

static double
seconds_between (gint64 start,
                 gint64 end)
{
  return (end - start) / (double) G_USEC_PER_SEC;
}

/* What baresip heard: the sndfile module's decoded side of its one call. */
static char *
received_audio (RexianTestBaresip *baresip)
{
  const char *dir = rexian_test_baresip_get_dir (baresip);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_prefix (name, "dump-") && g_str_has_suffix (name, "-dec.wav"))
      return g_build_filename (dir, name, NULL);

  g_error ("baresip in %s recorded nothing", dir);
  return NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *once = NULL;
  g_autofree char *repeated = NULL;
  RexianTestBaresipOptions citizen = {
    .user = "13803560001",
    .answermode = "auto",
  };
  RexianTestBaresipOptions department = {
    .user = "12345001",
    .answermode = "auto",
    .record = TRUE,
  };

  fixture->dir = rexian_test_make_dir ("rexian-conference");

  /* The citizen talks on and on, so that whatever the timing there is speech while the
   * three are joined; padded with silence, as baresip hangs up at the file's end. */
  once = rexian_test_make_speech (fixture->dir, "once.wav", SPEECH, 0.2);
  repeated = g_build_filename (fixture->dir, "repeated.wav", NULL);
  fixture->speech = g_build_filename (fixture->dir, "citizen.wav", NULL);
  g_free (media_test_run ((const char *[]) { "sox", once, repeated, "repeat", "5", NULL }));
  fixture->speech_rms = media_test_stat (repeated, "1", 0, 0, MEDIA_TEST_RMS);
  g_free (media_test_run ((const char *[]) { "sox", repeated, fixture->speech, "pad", "0",
                                             "30", NULL }));
  citizen.audio_file = fixture->speech;

  fixture->citizen = rexian_test_baresip_start_full (&citizen);
  fixture->department = rexian_test_baresip_start_full (&department);

  /* The agent is silent: what each party hears comes from the other. */
  g_setenv ("REXIAN_AUDIO_SOURCE", MEDIA_TEST_SILENCE_SOURCE, TRUE);
  g_setenv ("REXIAN_AUDIO_SINK", MEDIA_TEST_QUIET_SINK, TRUE);
  fixture->phone = rexian_phone_new ("127.0.0.1", 0, &error);
  g_assert_no_error (error);
  rexian_phone_register (fixture->phone, "sip:1001@127.0.0.1", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->phone);
  g_clear_pointer (&fixture->citizen, rexian_test_baresip_stop);
  g_clear_pointer (&fixture->department, rexian_test_baresip_stop);
  rexian_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->speech);
}

/* Calls the citizen (recording the call in @recording), then starts the three-way
 * call: the citizen on hold, the department answered. */
static RexianConference *
start_conference (Fixture     *fixture,
                  const char  *recording,
                  RexianCall **citizen_call,
                  RexianCall **department_call)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *citizen_uri = rexian_test_baresip_get_uri (fixture->citizen);
  g_autofree char *department_uri = rexian_test_baresip_get_uri (fixture->department);
  RexianConference *conference;

  *citizen_call = rexian_phone_call (fixture->phone, citizen_uri, &error);
  g_assert_no_error (error);
  rexian_media_session_set_recording (rexian_call_get_media (*citizen_call),
                                      recording);
  wait_call_state (*citizen_call, REXIAN_CALL_STATE_ACTIVE);
  g_assert_true (rexian_test_wait (media_flows, *citizen_call, WAIT_MS));

  /* Joining needs an answered department. */
  conference = rexian_conference_start (fixture->phone, *citizen_call, department_uri, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rexian_conference_get_state (conference), ==,
                   REXIAN_CONFERENCE_STATE_CONSULTING);
  *department_call = rexian_conference_get_department_call (conference);
  g_assert_true (rexian_conference_get_citizen_call (conference) == *citizen_call);
  if (rexian_call_get_state (*department_call) != REXIAN_CALL_STATE_ACTIVE)
    {
      g_assert_false (rexian_conference_join (conference, &error));
      g_assert_error (error, REXIAN_TELEPHONY_ERROR, REXIAN_TELEPHONY_ERROR_WRONG_STATE);
      g_clear_error (&error);
    }

  wait_call_state (*citizen_call, REXIAN_CALL_STATE_HELD);
  wait_call_state (*department_call, REXIAN_CALL_STATE_ACTIVE);
  g_assert_true (rexian_test_wait (media_flows, *department_call, WAIT_MS));

  return conference;
}

static void
test_department_hears_citizen (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianConference) conference = NULL;
  g_autofree char *recording = g_build_filename (fixture->dir, "citizen-call.ogg", NULL);
  g_autofree char *citizen_sent = g_build_filename (fixture->dir, "citizen-call.wav", NULL);
  g_autofree char *department_heard = NULL;
  RexianCall *citizen_call, *department_call;
  RexianMediaSession *citizen_media;
  gint64 citizen_answered, department_answered, joined, split;
  double before_join, heard_by_department, heard_by_citizen;
  guint64 packets;

  citizen_answered = g_get_monotonic_time ();
  conference = start_conference (fixture, recording, &citizen_call, &department_call);
  department_answered = g_get_monotonic_time ();

  /* Consulting: the agent and the department talk, the citizen waits unheard. */
  rexian_test_run_for (1500);

  g_assert_true (rexian_conference_join (conference, &error));
  g_assert_no_error (error);
  joined = g_get_monotonic_time ();
  g_assert_cmpint (rexian_conference_get_state (conference), ==,
                   REXIAN_CONFERENCE_STATE_JOINED);
  wait_call_state (citizen_call, REXIAN_CALL_STATE_ACTIVE);

  rexian_test_run_for (5000);

  /* The department hangs up: the citizen stays with the agent. */
  rexian_test_baresip_command (fixture->department, "hangup", NULL);
  wait_call_state (department_call, REXIAN_CALL_STATE_ENDED);
  split = g_get_monotonic_time ();
  g_assert_cmpint (rexian_conference_get_state (conference), ==,
                   REXIAN_CONFERENCE_STATE_ENDED);
  g_assert_cmpint (rexian_call_get_state (citizen_call), ==, REXIAN_CALL_STATE_ACTIVE);
  g_assert_true (rexian_test_baresip_wait_report (fixture->department, "CALL_CLOSED",
                                                  WAIT_MS));

  citizen_media = rexian_call_get_media (citizen_call);
  packets = rexian_media_session_get_packets_received (citizen_media);
  rexian_test_run_for (1000);
  g_assert_cmpuint (rexian_media_session_get_packets_received (citizen_media), >,
                    packets + 25);

  g_assert_true (rexian_conference_hangup_all (conference, &error));
  g_assert_no_error (error);
  wait_call_state (citizen_call, REXIAN_CALL_STATE_ENDED);
  g_assert_true (rexian_test_baresip_wait_report (fixture->citizen, "CALL_CLOSED", WAIT_MS));

  department_heard = received_audio (fixture->department);
  /* baresip's sndfile loses what it receives across the hold and resume re-INVITEs;
   * what the citizen hears is measured where it leaves, in the phone's recording of
   * the citizen's call, whose right channel is everything sent to the citizen. */
  media_test_decode_recording (recording, citizen_sent);
  before_join = media_test_stat (department_heard, "1", 0.3,
                                 seconds_between (department_answered, joined) - 0.3,
                                 MEDIA_TEST_RMS);
  heard_by_department = media_test_stat (department_heard, "1",
                                         seconds_between (department_answered, joined) + 0.5,
                                         seconds_between (joined, split) - 1.0,
                                         MEDIA_TEST_RMS);
  heard_by_citizen = media_test_stat (citizen_sent, "2",
                                      seconds_between (citizen_answered, joined) + 0.5,
                                      seconds_between (joined, split) - 1.0,
                                      MEDIA_TEST_RMS);
  g_test_message ("speech RMS %.4f; the department heard %.5f before the join and %.4f "
                  "joined; tone RMS %.4f, sent to the citizen %.4f joined",
                  fixture->speech_rms, before_join, heard_by_department, TONE_RMS,
                  heard_by_citizen);

  g_assert_cmpfloat (before_join, <, 0.01);
  g_assert_cmpfloat (heard_by_department, >=, 0.3 * fixture->speech_rms);
  g_assert_cmpfloat (heard_by_citizen, >=, 0.3 * TONE_RMS);
}

static void
test_hangup_all (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *recording = g_build_filename (fixture->dir, "citizen-call.ogg", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianConference) conference = NULL;
  RexianCall *citizen_call, *department_call;

  conference = start_conference (fixture, recording, &citizen_call, &department_call);
  g_assert_true (rexian_conference_join (conference, &error));
  g_assert_no_error (error);
  wait_call_state (citizen_call, REXIAN_CALL_STATE_ACTIVE);

  /* Joining twice is refused, not repeated. */
  g_assert_false (rexian_conference_join (conference, &error));
  g_assert_error (error, REXIAN_TELEPHONY_ERROR, REXIAN_TELEPHONY_ERROR_WRONG_STATE);
  g_clear_error (&error);

  g_assert_true (rexian_conference_hangup_all (conference, &error));
  g_assert_no_error (error);
  wait_call_state (citizen_call, REXIAN_CALL_STATE_ENDED);
  wait_call_state (department_call, REXIAN_CALL_STATE_ENDED);
  g_assert_cmpint (rexian_conference_get_state (conference), ==,
                   REXIAN_CONFERENCE_STATE_ENDED);
  g_assert_cmpint (rexian_call_get_end_reason (citizen_call), ==,
                   REXIAN_CALL_END_LOCAL_HANGUP);
  g_assert_true (rexian_test_baresip_wait_report (fixture->citizen, "CALL_CLOSED", WAIT_MS));
  g_assert_true (rexian_test_baresip_wait_report (fixture->department, "CALL_CLOSED",
                                                  WAIT_MS));
  g_assert_cmpuint (rexian_phone_get_calls (fixture->phone)->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/conference/department-hears-citizen", Fixture, NULL, fixture_set_up,
              test_department_hears_citizen, fixture_tear_down);
  g_test_add ("/conference/hangup-all", Fixture, NULL, fixture_set_up, test_hangup_all,
              fixture_tear_down);

  return g_test_run ();
}
