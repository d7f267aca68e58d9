/* test-phone.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RexianPhone against real peers on 127.0.0.1: kamailio as the registrar and proxy,
 * baresip as the citizen calling in or the department called, sipsak for floods.  Each
 * test starts its own peers in a temporary directory and stops exactly those.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "rexian-phone.h"
#include "rexian-test-peers.h"

#define PASSWORD     "s3cret-1001"
#define CITIZEN      "13803560001"
#define WAIT_MS      10000

typedef struct
{
  char               *dir;
  RexianTestKamailio *kamailio;
  guint               kamailio_port;
  RexianTestBaresip  *baresip;
  guint               baresip_port;
  RexianPhone        *phone;
  GPtrArray          *incoming; /* RexianCall, in the order they rang */
} Fixture;

/* Waiting */

typedef gboolean (*Condition) (Fixture *fixture, gconstpointer data);

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *flag = user_data;

  *flag = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds or @timeout_ms passed; never a fixed sleep. */
static gboolean
wait_until (Fixture       *fixture,
            Condition      condition,
            gconstpointer  data,
            guint          timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (!condition (fixture, data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return condition (fixture, data);
}

static gboolean
poll_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Conditions that depend on the outside world (a port being bound) need the loop to
 * wake up now and then. */
static gboolean
wait_polling (Fixture       *fixture,
              Condition      condition,
              gconstpointer  data,
              guint          timeout_ms)
{
  guint poll_id = g_timeout_add (20, poll_cb, NULL);
  gboolean ok = wait_until (fixture, condition, data, timeout_ms);

  g_source_remove (poll_id);
  return ok;
}

/* The peers (tests/common) */

static gboolean
process_done (Fixture       *fixture,
              gconstpointer  data)
{
  const gboolean *done = data;

  return *done;
}

static void
wait_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *done = TRUE;
}

/* The first call starts kamailio on a free port; a later one starts it again on the
 * same port after stop_kamailio(). */
static void
start_kamailio (Fixture *fixture)
{
  g_autofree char *template_path = NULL;

  if (fixture->kamailio != NULL)
    {
      rexian_test_kamailio_restart (fixture->kamailio);
      return;
    }

  template_path = g_test_build_filename (G_TEST_DIST, "telephony", "kamailio.cfg", NULL);
  fixture->kamailio = rexian_test_kamailio_start (template_path, 0, PASSWORD, NULL);
  fixture->kamailio_port = rexian_test_kamailio_get_port (fixture->kamailio);
}

static void
stop_kamailio (Fixture *fixture)
{
  if (fixture->kamailio != NULL)
    rexian_test_kamailio_stop (fixture->kamailio);
}

static gboolean
kamailio_logged (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *log = rexian_test_kamailio_get_log (fixture->kamailio);

  return strstr (log, data) != NULL;
}

/* baresip as the citizen; with kamailio running its address names the proxy, through
 * which it then dials. */
static void
start_baresip (Fixture    *fixture,
               const char *answermode)
{
  RexianTestBaresipOptions options = {
    .user = CITIZEN,
    .answermode = answermode,
    .registrar_port = fixture->kamailio_port,
  };

  fixture->baresip = rexian_test_baresip_start_full (&options);
  fixture->baresip_port = rexian_test_baresip_get_port (fixture->baresip);
}

static void
baresip_command (Fixture    *fixture,
                 const char *command,
                 const char *params)
{
  rexian_test_baresip_command (fixture->baresip, command, params);
}

static gboolean
baresip_reported (Fixture       *fixture,
                  gconstpointer  data)
{
  return strstr (rexian_test_baresip_get_events (fixture->baresip), data) != NULL;
}

typedef struct
{
  const char *needle;
  guint       count;
} Reports;

static gboolean
baresip_reported_n (Fixture       *fixture,
                    gconstpointer  data)
{
  const Reports *reports = data;

  return rexian_test_baresip_count_reports (fixture->baresip, reports->needle) >=
         reports->count;
}

/* The phone */

static void
incoming_call_cb (RexianPhone *phone,
                  RexianCall  *call,
                  Fixture     *fixture)
{
  g_ptr_array_add (fixture->incoming, g_object_ref (call));
}

static void
create_phone (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->phone = rexian_phone_new ("127.0.0.1", 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->phone);
  g_assert_cmpuint (rexian_phone_get_port (fixture->phone), >, 0);

  g_signal_connect (fixture->phone, "incoming-call", G_CALLBACK (incoming_call_cb), fixture);
}

static gboolean
registration_is (Fixture       *fixture,
                 gconstpointer  data)
{
  return rexian_phone_get_registration_state (fixture->phone) ==
         (RexianRegistrationState) GPOINTER_TO_INT (data);
}

static void
register_phone (Fixture    *fixture,
                const char *password)
{
  g_autofree char *aor = g_strdup_printf ("sip:1001@127.0.0.1:%u", fixture->kamailio_port);
  g_autofree char *registrar = g_strdup_printf ("sip:127.0.0.1:%u", fixture->kamailio_port);
  g_autoptr(GError) error = NULL;

  rexian_phone_register (fixture->phone, aor, registrar, "1001", password, &error);
  g_assert_no_error (error);
}

static gboolean
rang (Fixture       *fixture,
      gconstpointer  data)
{
  return fixture->incoming->len >= GPOINTER_TO_UINT (data);
}

static gboolean
call_is (Fixture       *fixture,
         gconstpointer  data)
{
  RexianCall *call = g_ptr_array_index (fixture->incoming, 0);

  return rexian_call_get_state (call) == (RexianCallState) GPOINTER_TO_INT (data);
}

typedef struct
{
  RexianCall      *call;
  RexianCallState  state;
} CallState;

static gboolean
this_call_is (Fixture       *fixture,
              gconstpointer  data)
{
  const CallState *wanted = data;

  return rexian_call_get_state (wanted->call) == wanted->state;
}

static void
wait_call_state (Fixture         *fixture,
                 RexianCall      *call,
                 RexianCallState  state)
{
  CallState wanted = { call, state };

  if (!wait_until (fixture, this_call_is, &wanted, WAIT_MS))
    g_error ("Call with %s is %d, expected %d", rexian_call_get_remote_uri (call),
             rexian_call_get_state (call), state);
}

#ifdef REXIAN_HAVE_MEDIA
static gboolean
media_flows (Fixture       *fixture,
             gconstpointer  data)
{
  RexianMediaSession *media = rexian_call_get_media ((RexianCall *) data);

  return media != NULL && rexian_media_session_get_packets_received (media) > 10;
}
#endif

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = rexian_test_make_dir ("rexian-telephony");
  fixture->incoming = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->incoming, g_ptr_array_unref);
  g_clear_object (&fixture->phone);

  g_clear_pointer (&fixture->baresip, rexian_test_baresip_stop);
  g_clear_pointer (&fixture->kamailio, rexian_test_kamailio_free);
  rexian_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/* Tests */

static void
test_register (Fixture       *fixture,
               gconstpointer  data)
{
  start_kamailio (fixture);
  create_phone (fixture);

  /* A wrong password is refused, and said so. */
  register_phone (fixture, "wrong");
  g_assert_true (wait_until (fixture, registration_is,
                             GINT_TO_POINTER (REXIAN_REGISTRATION_FAILED), WAIT_MS));
  g_test_message ("wrong password: %s", rexian_phone_get_registration_message (fixture->phone));
  g_assert_nonnull (strstr (rexian_phone_get_registration_message (fixture->phone), "40"));

  register_phone (fixture, PASSWORD);
  g_assert_true (wait_until (fixture, registration_is,
                             GINT_TO_POINTER (REXIAN_REGISTRATION_REGISTERED), WAIT_MS));
  g_assert_nonnull (strstr (rexian_phone_get_registration_message (fixture->phone), "200"));

  rexian_phone_unregister (fixture->phone);
  g_assert_true (wait_until (fixture, registration_is,
                             GINT_TO_POINTER (REXIAN_REGISTRATION_UNREGISTERED), WAIT_MS));

  /* No user name given: the address's user part answers the challenge. */
  {
    g_autofree char *aor = g_strdup_printf ("sip:1001@127.0.0.1:%u", fixture->kamailio_port);
    g_autofree char *registrar = g_strdup_printf ("sip:127.0.0.1:%u", fixture->kamailio_port);
    g_autoptr(GError) error = NULL;

    rexian_phone_register (fixture->phone, aor, registrar, NULL, PASSWORD, &error);
    g_assert_no_error (error);
    g_assert_true (wait_until (fixture, registration_is,
                               GINT_TO_POINTER (REXIAN_REGISTRATION_REGISTERED), WAIT_MS));
  }
}

static void
test_reregister_after_restart (Fixture       *fixture,
                               gconstpointer  data)
{
  start_kamailio (fixture);
  create_phone (fixture);
  rexian_phone_set_register_expires (fixture->phone, 4);
  rexian_phone_set_retry_interval (fixture->phone, 1);

  register_phone (fixture, PASSWORD);
  g_assert_true (wait_until (fixture, registration_is,
                             GINT_TO_POINTER (REXIAN_REGISTRATION_REGISTERED), WAIT_MS));

  /* The refresh meets a dead registrar: refused at once, as a rule; should it have gone
   * out while kamailio was shutting down it times out after 32 s (timer F). */
  stop_kamailio (fixture);
  g_assert_true (wait_until (fixture, registration_is,
                             GINT_TO_POINTER (REXIAN_REGISTRATION_FAILED), 40000));

  /* ...and the retries find the new one, which knows nothing of the old binding. */
  start_kamailio (fixture);
  g_assert_true (wait_until (fixture, registration_is,
                             GINT_TO_POINTER (REXIAN_REGISTRATION_REGISTERED), WAIT_MS));
}

static void
dial_phone_via_proxy (Fixture *fixture)
{
  g_autofree char *uri = g_strdup_printf ("sip:1001@127.0.0.1:%u", fixture->kamailio_port);

  baresip_command (fixture, "dial", uri);
}

static void
start_registered (Fixture *fixture)
{
  start_kamailio (fixture);
  create_phone (fixture);
  register_phone (fixture, PASSWORD);
  g_assert_true (wait_until (fixture, registration_is,
                             GINT_TO_POINTER (REXIAN_REGISTRATION_REGISTERED), WAIT_MS));
  start_baresip (fixture, "manual");
}

static void
test_incoming_answer_hold (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RexianCall *call;
  RexianCall *second;
  Reports closed_twice = { "CALL_CLOSED", 2 };
  g_autofree char *call_id_report = NULL;

  start_registered (fixture);

  dial_phone_via_proxy (fixture);
  g_assert_true (wait_until (fixture, rang, GUINT_TO_POINTER (1), WAIT_MS));
  call = g_ptr_array_index (fixture->incoming, 0);
  g_assert_cmpint (rexian_call_get_direction (call), ==, REXIAN_CALL_INCOMING);
  g_assert_cmpint (rexian_call_get_state (call), ==, REXIAN_CALL_STATE_RINGING_IN);
  g_assert_cmpstr (rexian_call_get_number (call), ==, CITIZEN);
  g_assert_cmpint (rexian_call_get_offered_time (call), >, 0);
  g_assert_true (wait_until (fixture, baresip_reported, "CALL_RINGING", WAIT_MS));
  /* The Call-ID came through the proxy unchanged: baresip reports the same one. */
  g_assert_nonnull (rexian_call_get_call_id (call));
  call_id_report = g_strdup_printf ("\"id\":\"%s\"", rexian_call_get_call_id (call));
  g_assert_true (wait_until (fixture, baresip_reported, call_id_report, WAIT_MS));

  rexian_call_answer (call, &error);
  g_assert_no_error (error);
  wait_call_state (fixture, call, REXIAN_CALL_STATE_ACTIVE);
  g_assert_cmpint (rexian_call_get_answered_time (call), >=,
                   rexian_call_get_offered_time (call));
  g_assert_true (wait_until (fixture, baresip_reported, "CALL_ESTABLISHED", WAIT_MS));
#ifdef REXIAN_HAVE_MEDIA
  g_assert_true (wait_polling (fixture, media_flows, call, WAIT_MS));
#endif

  /* A second caller while the first is active rings too, and can be declined. */
  dial_phone_via_proxy (fixture);
  g_assert_true (wait_until (fixture, rang, GUINT_TO_POINTER (2), WAIT_MS));
  second = g_ptr_array_index (fixture->incoming, 1);
  g_assert_cmpint (rexian_call_get_state (second), ==, REXIAN_CALL_STATE_RINGING_IN);
  g_assert_cmpuint (rexian_phone_get_calls (fixture->phone)->len, ==, 2);
  rexian_call_decline (second, &error);
  g_assert_no_error (error);
  wait_call_state (fixture, second, REXIAN_CALL_STATE_ENDED);
  g_assert_cmpint (rexian_call_get_end_reason (second), ==, REXIAN_CALL_END_DECLINED);
  g_assert_true (wait_until (fixture, baresip_reported, "\"param\":\"603 Decline\"",
                             WAIT_MS));
  g_assert_cmpint (rexian_call_get_state (call), ==, REXIAN_CALL_STATE_ACTIVE);

  /* Hold and resume are re-INVITEs through the proxy, sendonly then sendrecv. */
  rexian_call_hold (call, &error);
  g_assert_no_error (error);
  wait_call_state (fixture, call, REXIAN_CALL_STATE_HELD);
  g_assert_true (wait_polling (fixture, kamailio_logged, "REINVITE-HOLD", WAIT_MS));

  rexian_call_resume (call, &error);
  g_assert_no_error (error);
  wait_call_state (fixture, call, REXIAN_CALL_STATE_ACTIVE);
  g_assert_true (wait_polling (fixture, kamailio_logged, "REINVITE-RESUME", WAIT_MS));

  /* The citizen hangs up. */
  baresip_command (fixture, "hangup", NULL);
  wait_call_state (fixture, call, REXIAN_CALL_STATE_ENDED);
  g_assert_cmpint (rexian_call_get_end_reason (call), ==, REXIAN_CALL_END_REMOTE_HANGUP);
  g_assert_cmpint (rexian_call_get_ended_time (call), >=,
                   rexian_call_get_answered_time (call));
  g_assert_true (wait_until (fixture, baresip_reported_n, &closed_twice, WAIT_MS));
  g_assert_cmpuint (rexian_phone_get_calls (fixture->phone)->len, ==, 0);
}

static void
test_cancel_while_ringing (Fixture       *fixture,
                           gconstpointer  data)
{
  RexianCall *call;

  start_registered (fixture);

  dial_phone_via_proxy (fixture);
  g_assert_true (wait_until (fixture, rang, GUINT_TO_POINTER (1), WAIT_MS));
  call = g_ptr_array_index (fixture->incoming, 0);
  g_assert_true (wait_until (fixture, baresip_reported, "CALL_RINGING", WAIT_MS));

  baresip_command (fixture, "hangup", NULL);
  g_assert_true (wait_until (fixture, call_is, GINT_TO_POINTER (REXIAN_CALL_STATE_ENDED),
                             WAIT_MS));
  g_assert_cmpint (rexian_call_get_end_reason (call), ==, REXIAN_CALL_END_CANCELLED);
  g_assert_cmpstr (rexian_call_end_reason_to_string (rexian_call_get_end_reason (call)), ==,
                   "cancelled by caller");
  g_assert_cmpint (rexian_call_get_answered_time (call), ==, 0);
}

static RexianCall *
call_baresip (Fixture *fixture)
{
  g_autofree char *uri = g_strdup_printf ("sip:" CITIZEN "@127.0.0.1:%u",
                                          fixture->baresip_port);
  g_autoptr(GError) error = NULL;
  RexianCall *call;

  call = rexian_phone_call (fixture->phone, uri, &error);
  g_assert_no_error (error);
  g_assert_nonnull (call);

  return call;
}

static void
test_outgoing (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianCall) call = NULL;
  g_autofree char *call_id_report = NULL;

  create_phone (fixture);
  rexian_phone_register (fixture->phone, "sip:1001@127.0.0.1", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  start_baresip (fixture, "auto");

  g_assert_null (rexian_phone_call (fixture->phone, "not a uri", &error));
  g_assert_error (error, REXIAN_TELEPHONY_ERROR, REXIAN_TELEPHONY_ERROR_INVALID_URI);
  g_clear_error (&error);

  call = g_object_ref (call_baresip (fixture));
  g_assert_cmpint (rexian_call_get_direction (call), ==, REXIAN_CALL_OUTGOING);
  g_assert_cmpstr (rexian_call_get_number (call), ==, CITIZEN);
  /* Our own Call-ID, known before the INVITE left, is the one baresip got. */
  g_assert_nonnull (rexian_call_get_call_id (call));
  call_id_report = g_strdup_printf ("\"id\":\"%s\"", rexian_call_get_call_id (call));
  wait_call_state (fixture, call, REXIAN_CALL_STATE_ACTIVE);
  g_assert_true (wait_until (fixture, baresip_reported, "CALL_ESTABLISHED", WAIT_MS));
  g_assert_true (wait_until (fixture, baresip_reported, call_id_report, WAIT_MS));

#ifdef REXIAN_HAVE_MEDIA
  /* baresip's tone arrives, and our DTMF reaches baresip as RFC 4733 events. */
  g_assert_true (wait_polling (fixture, media_flows, call, WAIT_MS));
  rexian_call_send_dtmf (call, '5', &error);
  g_assert_no_error (error);
  g_assert_true (wait_until (fixture, baresip_reported, "CALL_DTMF_START", WAIT_MS));
  g_assert_true (wait_until (fixture, baresip_reported, "\"param\":\"5\"", WAIT_MS));
#else
  g_assert_false (rexian_call_send_dtmf (call, '5', &error));
  g_assert_error (error, REXIAN_TELEPHONY_ERROR, REXIAN_TELEPHONY_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
#endif

  rexian_call_hangup (call, &error);
  g_assert_no_error (error);
  wait_call_state (fixture, call, REXIAN_CALL_STATE_ENDED);
  g_assert_cmpint (rexian_call_get_end_reason (call), ==, REXIAN_CALL_END_LOCAL_HANGUP);
  g_assert_true (wait_until (fixture, baresip_reported, "CALL_CLOSED", WAIT_MS));

  /* Acting on an ended call is an error, never a crash. */
  g_assert_false (rexian_call_hangup (call, &error));
  g_assert_error (error, REXIAN_TELEPHONY_ERROR, REXIAN_TELEPHONY_ERROR_WRONG_STATE);
}

static void
test_busy_when_unavailable (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *uri = NULL;

  create_phone (fixture);
  start_baresip (fixture, "manual");
  rexian_phone_set_available (fixture->phone, FALSE);

  uri = g_strdup_printf ("sip:1001@127.0.0.1:%u", rexian_phone_get_port (fixture->phone));
  baresip_command (fixture, "dial", uri);
  g_assert_true (wait_until (fixture, baresip_reported, "CALL_CLOSED", WAIT_MS));
  g_assert_true (wait_until (fixture, baresip_reported, "\"param\":\"486 Busy Here\"",
                             WAIT_MS));
  g_assert_cmpuint (fixture->incoming->len, ==, 0);

  /* Available again: the next call rings. */
  rexian_phone_set_available (fixture->phone, TRUE);
  baresip_command (fixture, "dial", uri);
  g_assert_true (wait_until (fixture, rang, GUINT_TO_POINTER (1), WAIT_MS));
}

static void
test_transfer (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianCall) call = NULL;
  g_autofree char *target = NULL;
  RexianCall *transferred;

  create_phone (fixture);
  start_baresip (fixture, "auto");

  call = g_object_ref (call_baresip (fixture));
  wait_call_state (fixture, call, REXIAN_CALL_STATE_ACTIVE);

  /* Blind transfer to the department, here the phone itself under another user: the
   * citizen's UA follows the REFER and the new call rings here. */
  target = g_strdup_printf ("sip:dept@127.0.0.1:%u", rexian_phone_get_port (fixture->phone));
  g_assert_false (rexian_call_transfer (call, "mailto:x@y", &error));
  g_assert_error (error, REXIAN_TELEPHONY_ERROR, REXIAN_TELEPHONY_ERROR_INVALID_URI);
  g_clear_error (&error);
  rexian_call_transfer (call, target, &error);
  g_assert_no_error (error);

  wait_call_state (fixture, call, REXIAN_CALL_STATE_ENDED);
  g_assert_cmpint (rexian_call_get_end_reason (call), ==, REXIAN_CALL_END_TRANSFERRED);
  g_assert_true (wait_until (fixture, rang, GUINT_TO_POINTER (1), WAIT_MS));
  transferred = g_ptr_array_index (fixture->incoming, 0);
  g_assert_cmpstr (rexian_call_get_number (transferred), ==, CITIZEN);
}

static void
send_datagram (GSocket       *socket,
               GSocketAddress *to,
               const char    *data,
               gsize          length)
{
  g_socket_send_to (socket, to, data, length, NULL, NULL);
}

static void
test_hostile_input (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const garbage[] = {
    "",
    "\r\n\r\n",
    "INVITE\r\n\r\n",
    "INVITE sip:1001@127.0.0.1 SIP/2.0\r\n\r\n",
    "INVITE sip:1001@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKx\r\n"
    "Content-Length: 99999\r\n\r\nv=0",
    "INVITE sip:1001@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKy\r\n"
    "From: <sip:a@b>;tag=1\r\nTo: <sip:1001@127.0.0.1>\r\nCall-ID: x\r\n"
    "CSeq: 1 INVITE\r\nContent-Type: application/sdp\r\nContent-Length: 12\r\n\r\n"
    "m=audio x RT",
    "BYE sip:1001@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKz\r\n"
    "From: <sip:a@b>;tag=1\r\nTo: <sip:1001@127.0.0.1>;tag=2\r\nCall-ID: nope\r\n"
    "CSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n",
    "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:9\r\nCSeq: 1 INVITE\r\n\r\n",
    "OPTIONS sip:1001@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKo\r\n"
    "From: <sip:a@b>;tag=1\r\nTo: <sip:1001@127.0.0.1>\r\nCall-ID: o\r\n"
    "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n",
  };
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) to = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) sipsak = NULL;
  g_autoptr(RexianCall) call = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (12345);
  g_autofree char *odd_invite = NULL;
  RexianCall *incoming;
  gboolean sipsak_done = FALSE;
  char noise[1400];

  create_phone (fixture);
  start_baresip (fixture, "auto");

  to = g_inet_socket_address_new (loopback, rexian_phone_get_port (fixture->phone));
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM,
                         G_SOCKET_PROTOCOL_UDP, &error);
  g_assert_no_error (error);

  for (guint round = 0; round < 20; round++)
    {
      for (gsize i = 0; i < G_N_ELEMENTS (garbage); i++)
        send_datagram (socket, to, garbage[i], strlen (garbage[i]));
      for (gsize i = 0; i < sizeof noise; i++)
        noise[i] = (char) g_rand_int_range (rand, 0, 256);
      send_datagram (socket, to, noise, g_rand_int_range (rand, 1, sizeof noise));
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }

  /* A well-formed INVITE from an odd party: no user part, no SDP, a display name that is
   * not UTF-8.  It rings, with an empty number, and can be turned away. */
  odd_invite = g_strdup_printf (
    "INVITE sip:1001@127.0.0.1:%u SIP/2.0\r\n"
    "Via: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKodd1;rport\r\n"
    "Max-Forwards: 70\r\n"
    "From: \"\xff\xfe\x01\" <sip:127.0.0.1:9>;tag=odd\r\n"
    "To: <sip:1001@127.0.0.1:%u>\r\n"
    "Call-ID: odd-call@127.0.0.1\r\n"
    "CSeq: 1 INVITE\r\n"
    "Contact: <sip:127.0.0.1:9>\r\n"
    "Content-Length: 0\r\n\r\n",
    rexian_phone_get_port (fixture->phone), rexian_phone_get_port (fixture->phone));
  send_datagram (socket, to, odd_invite, strlen (odd_invite));
  g_assert_true (wait_until (fixture, rang, GUINT_TO_POINTER (1), WAIT_MS));
  g_assert_cmpstr (rexian_call_get_number (g_ptr_array_index (fixture->incoming, 0)), ==, "");
  rexian_call_decline (g_ptr_array_index (fixture->incoming, 0), &error);
  g_assert_no_error (error);
  g_assert_true (wait_until (fixture, call_is, GINT_TO_POINTER (REXIAN_CALL_STATE_ENDED),
                             WAIT_MS));

  /* A bounded flood of OPTIONS that sipsak does not wait for answers to. */
  target = g_strdup_printf ("sip:1001@127.0.0.1:%u", rexian_phone_get_port (fixture->phone));
  sipsak = rexian_test_spawn (fixture->dir, "sipsak.log", "sipsak", "-F", "-e", "500", "-s", target, NULL);
  g_subprocess_wait_async (sipsak, NULL, wait_done_cb, &sipsak_done);
  if (!wait_until (fixture, process_done, &sipsak_done, 20000))
    {
      g_subprocess_force_exit (sipsak);
      wait_until (fixture, process_done, &sipsak_done, 5000);
    }
  g_assert_true (g_subprocess_get_successful (sipsak));

  /* Still alive: a call comes in (once the backlog is read; the caller retransmits
   * what the full socket buffer dropped) and one goes out. */
  baresip_command (fixture, "dial", target);
  g_assert_true (wait_until (fixture, rang, GUINT_TO_POINTER (2), 20000));
  incoming = g_ptr_array_index (fixture->incoming, 1);
  g_assert_cmpstr (rexian_call_get_number (incoming), ==, CITIZEN);
  rexian_call_answer (incoming, &error);
  g_assert_no_error (error);
  wait_call_state (fixture, incoming, REXIAN_CALL_STATE_ACTIVE);
  rexian_call_hangup (incoming, &error);
  g_assert_no_error (error);
  wait_call_state (fixture, incoming, REXIAN_CALL_STATE_ENDED);

  call = g_object_ref (call_baresip (fixture));
  wait_call_state (fixture, call, REXIAN_CALL_STATE_ACTIVE);
  rexian_call_hangup (call, &error);
  g_assert_no_error (error);
  wait_call_state (fixture, call, REXIAN_CALL_STATE_ENDED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Sofia-SIP reports every refused datagram and every bit of garbage, which the hostile
   * input test sends on purpose: keep the test log readable. */
  g_setenv ("TPORT_DEBUG", "0", FALSE);
  g_setenv ("NTA_DEBUG", "0", FALSE);
  g_setenv ("NUA_DEBUG", "0", FALSE);
  /* No sound card here: a tone for the microphone, a clocked sink for the speaker. */
  g_setenv ("REXIAN_AUDIO_SOURCE", "audiotestsrc is-live=true wave=sine freq=440", FALSE);
  g_setenv ("REXIAN_AUDIO_SINK", "fakesink sync=true", FALSE);

  g_test_add ("/telephony/register", Fixture, NULL,
              fixture_set_up, test_register, fixture_tear_down);
  g_test_add ("/telephony/reregister-after-restart", Fixture, NULL,
              fixture_set_up, test_reregister_after_restart, fixture_tear_down);
  g_test_add ("/telephony/incoming-answer-hold", Fixture, NULL,
              fixture_set_up, test_incoming_answer_hold, fixture_tear_down);
  g_test_add ("/telephony/cancel-while-ringing", Fixture, NULL,
              fixture_set_up, test_cancel_while_ringing, fixture_tear_down);
  g_test_add ("/telephony/outgoing", Fixture, NULL,
              fixture_set_up, test_outgoing, fixture_tear_down);
  g_test_add ("/telephony/transfer", Fixture, NULL,
              fixture_set_up, test_transfer, fixture_tear_down);
  g_test_add ("/telephony/busy-when-unavailable", Fixture, NULL,
              fixture_set_up, test_busy_when_unavailable, fixture_tear_down);
  g_test_add ("/telephony/hostile-input", Fixture, NULL,
              fixture_set_up, test_hostile_input, fixture_tear_down);

  return g_test_run ();
}
