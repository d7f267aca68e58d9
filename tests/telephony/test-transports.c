/* test-transports.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RexianPhone over TCP and TLS against a real kamailio on 127.0.0.1 (its TLS
 * certificate signed by a test authority made with openssl), a call over TCP to a
 * real baresip, registering again after a network change, and unregistering on the way
 * out.  kamailio logs every REGISTER and INVITE with the transport it came over.
 */

#include "config.h"

#include <string.h>

#include "rexian-phone.h"
#include "rexian-phone-private.h"
#include "rexian-test-peers.h"

#define PASSWORD "s3cret-1001"
#define CITIZEN  "13803560001"
#define WAIT_MS  15000

typedef struct
{
  char               *dir;
  char               *ca_file;
  RexianTestKamailio *kamailio;
  guint               port;      /* UDP and TCP */
  guint               tls_port;
  RexianTestBaresip  *baresip;
  RexianPhone        *phone;
} Fixture;

/* Peers */

static void
run_openssl (const char *dir,
             const char *command_line)
{
  g_autofree char *full = g_strdup_printf ("openssl %s", command_line);
  g_auto(GStrv) argv = NULL;
  g_autofree char *errors = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_shell_parse_argv (full, NULL, &argv, &error);
  g_assert_no_error (error);
  g_spawn_sync (dir, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, &errors, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", full, errors);
}

/* A certificate authority of the hotline's own and the registrar's certificate for
 * 127.0.0.1 signed by it, as a hotline with a private PKI would have. */
static void
make_certificates (Fixture *fixture)
{
  run_openssl (fixture->dir, "req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 "
                             "-nodes -keyout ca.key -out ca.crt -days 2 "
                             "-subj /CN=Rexian-Test-CA");
  run_openssl (fixture->dir, "req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes "
                             "-keyout server.key -out server.csr -subj /CN=127.0.0.1");
  rexian_test_write_file (fixture->dir, "server.ext",
                          "basicConstraints=CA:FALSE\n"
                          "extendedKeyUsage=serverAuth\n"
                          "subjectAltName=DNS:127.0.0.1,IP:127.0.0.1,DNS:localhost\n");
  run_openssl (fixture->dir, "x509 -req -in server.csr -CA ca.crt -CAkey ca.key "
                             "-CAcreateserial -out server.crt -days 2 -extfile server.ext");
  fixture->ca_file = g_build_filename (fixture->dir, "ca.crt", NULL);
}

static void
start_kamailio (Fixture *fixture)
{
  g_autofree char *template_path = g_test_build_filename (G_TEST_DIST, "telephony",
                                                          "kamailio-transports.cfg", NULL);
  g_autofree char *tls_cfg = NULL;
  g_autofree char *tls_cfg_path = g_build_filename (fixture->dir, "tls.cfg", NULL);
  g_autofree char *tls_port_var = NULL;
  g_autofree char *tls_cfg_var = g_strdup_printf ("TLS_CFG=%s", tls_cfg_path);
  const char *vars[3];

  make_certificates (fixture);
  tls_cfg = g_strdup_printf ("[server:default]\n"
                             "method = TLSv1.2+\n"
                             "verify_certificate = no\n"
                             "require_certificate = no\n"
                             "private_key = %s/server.key\n"
                             "certificate = %s/server.crt\n"
                             "\n"
                             "[client:default]\n"
                             "verify_certificate = no\n"
                             "require_certificate = no\n",
                             fixture->dir, fixture->dir);
  rexian_test_write_file (fixture->dir, "tls.cfg", tls_cfg);

  fixture->port = rexian_test_find_free_ports (2);
  fixture->tls_port = fixture->port + 1;
  tls_port_var = g_strdup_printf ("TLS_PORT=%u", fixture->tls_port);
  vars[0] = tls_port_var;
  vars[1] = tls_cfg_var;
  vars[2] = NULL;

  fixture->kamailio = rexian_test_kamailio_start_with_workers (template_path, fixture->port,
                                                               PASSWORD, vars);
}

static guint
count_in_log (Fixture    *fixture,
              const char *needle)
{
  g_autofree char *log = rexian_test_kamailio_get_log (fixture->kamailio);
  guint count = 0;

  for (const char *p = strstr (log, needle); p != NULL; p = strstr (p + 1, needle))
    count++;

  return count;
}

/* The phone */

static void
create_phone (Fixture            *fixture,
              RexianSipTransport  transport,
              const char         *ca_file)
{
  g_autoptr(GError) error = NULL;

  fixture->phone = rexian_phone_new_full ("127.0.0.1", 0, transport, ca_file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->phone);
  g_assert_cmpint (rexian_phone_get_transport (fixture->phone), ==, transport);
  if (transport == REXIAN_SIP_TRANSPORT_TLS)
    g_assert_cmpuint (rexian_phone_get_tls_port (fixture->phone), >, 0);
}

static void
register_phone (Fixture    *fixture,
                const char *registrar_format,
                guint       registrar_port)
{
  g_autofree char *aor = g_strdup_printf ("sip:1001@127.0.0.1:%u", fixture->port);
  g_autofree char *registrar = g_strdup_printf (registrar_format, registrar_port);
  g_autoptr(GError) error = NULL;

  rexian_phone_register (fixture->phone, aor, registrar, "1001", PASSWORD, &error);
  g_assert_no_error (error);
}

static gboolean
registration_is (gpointer data)
{
  Fixture *fixture = data;

  return rexian_phone_get_registration_state (fixture->phone) ==
         (RexianRegistrationState) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (fixture->phone),
                                                                       "expected"));
}

static gboolean
wait_registration (Fixture                 *fixture,
                   RexianRegistrationState  state)
{
  g_object_set_data (G_OBJECT (fixture->phone), "expected", GINT_TO_POINTER (state));
  return rexian_test_wait (registration_is, fixture, WAIT_MS);
}

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = rexian_test_make_dir ("rexian-transports");
  start_kamailio (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->phone);
  g_clear_pointer (&fixture->baresip, rexian_test_baresip_stop);
  g_clear_pointer (&fixture->kamailio, rexian_test_kamailio_free);
  rexian_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->ca_file);
}

/* Tests */

static void
test_register_tcp (Fixture       *fixture,
                   gconstpointer  data)
{
  create_phone (fixture, REXIAN_SIP_TRANSPORT_TCP, NULL);
  register_phone (fixture, "sip:127.0.0.1:%u", fixture->port);

  g_assert_true (wait_registration (fixture, REXIAN_REGISTRATION_REGISTERED));
  g_assert_cmpuint (count_in_log (fixture, "REGISTER-tcp"), >, 0);
  g_assert_cmpuint (count_in_log (fixture, "REGISTER-udp"), ==, 0);
}

static void
test_register_tls (Fixture       *fixture,
                   gconstpointer  data)
{
  create_phone (fixture, REXIAN_SIP_TRANSPORT_TLS, fixture->ca_file);
  register_phone (fixture, "sip:127.0.0.1:%u", fixture->tls_port);

  g_assert_true (wait_registration (fixture, REXIAN_REGISTRATION_REGISTERED));
  g_assert_cmpuint (count_in_log (fixture, "REGISTER-tls"), >, 0);
}

static gboolean
message_contains (gpointer data)
{
  Fixture *fixture = data;
  const char *message = rexian_phone_get_registration_message (fixture->phone);

  return message != NULL &&
         strstr (message, g_object_get_data (G_OBJECT (fixture->phone), "needle")) != NULL;
}

/* Without the hotline's authority the registrar's certificate is refused: nothing is
 * sent to it, and the agent reads why. */
static void
test_tls_unverified (Fixture       *fixture,
                     gconstpointer  data)
{
  create_phone (fixture, REXIAN_SIP_TRANSPORT_TLS, NULL);
  register_phone (fixture, "sip:127.0.0.1:%u", fixture->tls_port);

  g_assert_true (wait_registration (fixture, REXIAN_REGISTRATION_FAILED));
  g_object_set_data (G_OBJECT (fixture->phone), "needle",
                     (gpointer) "certificate could not be verified");
  g_assert_true (rexian_test_wait (message_contains, fixture, WAIT_MS));
  g_test_message ("%s", rexian_phone_get_registration_message (fixture->phone));
  g_assert_nonnull (strstr (rexian_phone_get_registration_message (fixture->phone),
                            "certificate authority"));
  g_assert_cmpuint (count_in_log (fixture, "REGISTER-tls"), ==, 0);
}

static gboolean
call_is_active (gpointer data)
{
  return rexian_call_get_state (REXIAN_CALL (data)) == REXIAN_CALL_STATE_ACTIVE;
}

static gboolean
call_has_ended (gpointer data)
{
  return rexian_call_get_state (REXIAN_CALL (data)) == REXIAN_CALL_STATE_ENDED;
}

static gboolean
citizen_registered (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *log = rexian_test_read_file (rexian_test_baresip_get_dir (fixture->baresip),
                                                "baresip.log");

  return log != NULL && strstr (log, "200 OK") != NULL;
}

/* The agent registered over TCP calls a citizen's phone (baresip, registered over UDP):
 * the INVITE reaches the proxy over TCP, the citizen answers and hangs up. */
static void
test_call_tcp (Fixture       *fixture,
               gconstpointer  data)
{
  RexianTestBaresipOptions options = {
    .user = CITIZEN,
    .answermode = "auto",
    .registrar_port = fixture->port,
    .password = PASSWORD,
  };
  g_autofree char *uri = g_strdup_printf ("sip:%s@127.0.0.1:%u", CITIZEN, fixture->port);
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianCall) call = NULL;

  fixture->baresip = rexian_test_baresip_start_full (&options);
  /* It may register before its control socket is up, so its log tells. */
  g_assert_true (rexian_test_wait (citizen_registered, fixture, WAIT_MS));

  create_phone (fixture, REXIAN_SIP_TRANSPORT_TCP, NULL);
  register_phone (fixture, "sip:127.0.0.1:%u", fixture->port);
  g_assert_true (wait_registration (fixture, REXIAN_REGISTRATION_REGISTERED));

  call = g_object_ref (rexian_phone_call (fixture->phone, uri, &error));
  g_assert_no_error (error);
  g_assert_true (rexian_test_wait (call_is_active, call, WAIT_MS));
  g_assert_true (rexian_test_baresip_wait_report (fixture->baresip, "CALL_ESTABLISHED",
                                                  WAIT_MS));
  g_assert_cmpuint (count_in_log (fixture, "INVITE-tcp"), ==, 1);
  g_assert_cmpuint (count_in_log (fixture, "INVITE-udp"), ==, 0);

  rexian_test_baresip_command (fixture->baresip, "hangup", NULL);
  g_assert_true (rexian_test_wait (call_has_ended, call, WAIT_MS));
}

static gboolean
log_has_more (gpointer data)
{
  Fixture *fixture = data;
  guint before = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (fixture->phone), "before"));

  return count_in_log (fixture, "REGISTER-udp") > before;
}

/* A network change (the monitor's signal, which only root could cause for real) makes
 * the phone say it reconnects and REGISTER afresh, with a new Call-ID. */
static void
test_network_change (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *log = NULL;
  guint before;

  create_phone (fixture, REXIAN_SIP_TRANSPORT_UDP, NULL);
  _rexian_phone_set_network_settle_ms (fixture->phone, 200);
  register_phone (fixture, "sip:127.0.0.1:%u", fixture->port);
  g_assert_true (wait_registration (fixture, REXIAN_REGISTRATION_REGISTERED));

  before = count_in_log (fixture, "REGISTER-udp");
  g_object_set_data (G_OBJECT (fixture->phone), "before", GUINT_TO_POINTER (before));

  _rexian_phone_network_changed (fixture->phone);
  g_assert_cmpint (rexian_phone_get_registration_state (fixture->phone), ==,
                   REXIAN_REGISTRATION_REGISTERING);
  g_assert_cmpstr (rexian_phone_get_registration_message (fixture->phone), ==,
                   "Reconnecting…");

  g_assert_true (rexian_test_wait (log_has_more, fixture, WAIT_MS));
  g_assert_true (wait_registration (fixture, REXIAN_REGISTRATION_REGISTERED));

  /* Two REGISTERs (challenged, then answered) under each Call-ID: the new one differs. */
  log = rexian_test_kamailio_get_log (fixture->kamailio);
  {
    g_auto(GStrv) lines = g_strsplit (log, "\n", -1);
    g_autoptr(GHashTable) call_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            NULL);

    for (guint i = 0; lines[i] != NULL; i++)
      {
        const char *p = strstr (lines[i], "REGISTER-udp callid=");

        if (p != NULL)
          g_hash_table_add (call_ids, g_strndup (p + strlen ("REGISTER-udp callid="),
                                                 strcspn (p + strlen ("REGISTER-udp callid="),
                                                          " ")));
      }
    g_assert_cmpuint (g_hash_table_size (call_ids), ==, 2);
  }
}

/* Another transport chosen in Preferences: the phone listens anew and registers over
 * it. */
static void
test_switch_transport (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  create_phone (fixture, REXIAN_SIP_TRANSPORT_UDP, NULL);
  register_phone (fixture, "sip:127.0.0.1:%u", fixture->port);
  g_assert_true (wait_registration (fixture, REXIAN_REGISTRATION_REGISTERED));
  g_assert_cmpuint (count_in_log (fixture, "REGISTER-tcp"), ==, 0);

  g_assert_true (rexian_phone_set_transport (fixture->phone, REXIAN_SIP_TRANSPORT_TCP, NULL,
                                             &error));
  g_assert_no_error (error);
  g_assert_cmpint (rexian_phone_get_registration_state (fixture->phone), ==,
                   REXIAN_REGISTRATION_REGISTERING);
  g_assert_true (wait_registration (fixture, REXIAN_REGISTRATION_REGISTERED));
  g_assert_cmpuint (count_in_log (fixture, "REGISTER-tcp"), >, 0);
}

static gboolean
unregistered_in_log (gpointer data)
{
  return count_in_log (data, "expires=0") > 0;
}

/* Quitting takes the seat off the registrar (REGISTER with Expires: 0), so the proxy
 * sends no more calls to it. */
static void
test_shutdown_unregisters (Fixture       *fixture,
                           gconstpointer  data)
{
  create_phone (fixture, REXIAN_SIP_TRANSPORT_TCP, NULL);
  register_phone (fixture, "sip:127.0.0.1:%u", fixture->port);
  g_assert_true (wait_registration (fixture, REXIAN_REGISTRATION_REGISTERED));

  rexian_phone_shutdown (fixture->phone);
  g_assert_true (rexian_phone_get_shut_down (fixture->phone));
  g_assert_cmpint (rexian_phone_get_registration_state (fixture->phone), ==,
                   REXIAN_REGISTRATION_UNREGISTERED);
  g_assert_true (rexian_test_wait (unregistered_in_log, fixture, WAIT_MS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/transports/register-tcp", Fixture, NULL,
              fixture_set_up, test_register_tcp, fixture_tear_down);
  g_test_add ("/transports/register-tls", Fixture, NULL,
              fixture_set_up, test_register_tls, fixture_tear_down);
  g_test_add ("/transports/tls-unverified", Fixture, NULL,
              fixture_set_up, test_tls_unverified, fixture_tear_down);
  g_test_add ("/transports/call-tcp", Fixture, NULL,
              fixture_set_up, test_call_tcp, fixture_tear_down);
  g_test_add ("/transports/network-change", Fixture, NULL,
              fixture_set_up, test_network_change, fixture_tear_down);
  g_test_add ("/transports/switch-transport", Fixture, NULL,
              fixture_set_up, test_switch_transport, fixture_tear_down);
  g_test_add ("/transports/shutdown-unregisters", Fixture, NULL,
              fixture_set_up, test_shutdown_unregisters, fixture_tear_down);

  return g_test_run ();
}
