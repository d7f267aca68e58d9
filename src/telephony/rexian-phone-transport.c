/* rexian-phone-transport.c: where the phone listens and how SIP travels: UDP, TCP or
 * TLS with the registrar's certificate verified, listening anew for another transport,
 * and registering again after the network changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <string.h>

#include <sofia-sip/soa_tag.h>
#include <sofia-sip/tport_tag.h>
#include <sofia-sip/url.h>

#include "rexian-phone-private.h"

/* A link going down and up again, then DHCP, come within a second or two. */
#define DEFAULT_SETTLE_MS 2000
#define DEFAULT_TLS_PORT  5061
#define PICK_PORT_ATTEMPTS 5

/* Where distributions keep the bundle of the certificate authorities they trust. */
static const char * const system_ca_bundles[] = {
  "/etc/ssl/certs/ca-certificates.crt",  /* Debian, Ubuntu, the Flatpak runtimes */
  "/etc/pki/tls/certs/ca-bundle.crt",    /* Fedora */
  "/etc/ssl/ca-bundle.pem",              /* openSUSE */
  "/etc/ssl/cert.pem",                   /* Arch, Alpine */
};

/* Listening */

static gboolean
port_free (GInetAddress *inet,
           guint         port,
           GSocketType   type)
{
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (inet, port);
  g_autoptr(GSocket) socket = NULL;

  socket = g_socket_new (g_inet_address_get_family (inet), type, G_SOCKET_PROTOCOL_DEFAULT,
                         NULL);
  return socket != NULL && g_socket_bind (socket, address, FALSE, NULL);
}

/* A port the kernel has free for UDP, and for TCP too when @stream. */
static gboolean
pick_port (const char  *address,
           gboolean     stream,
           guint       *port,
           GError     **error)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address);

  if (inet == NULL)
    {
      g_set_error (error, REXIAN_TELEPHONY_ERROR, REXIAN_TELEPHONY_ERROR_INVALID_URI,
                   _("“%s” is not an IP address."), address);
      return FALSE;
    }

  for (guint attempt = 0; attempt < 20; attempt++)
    {
      g_autoptr(GSocketAddress) any = g_inet_socket_address_new (inet, 0);
      g_autoptr(GSocketAddress) bound = NULL;
      g_autoptr(GSocket) socket = NULL;

      socket = g_socket_new (g_inet_address_get_family (inet), G_SOCKET_TYPE_DATAGRAM,
                             G_SOCKET_PROTOCOL_UDP, error);
      if (socket == NULL || !g_socket_bind (socket, any, FALSE, error))
        return FALSE;

      bound = g_socket_get_local_address (socket, error);
      if (bound == NULL)
        return FALSE;

      *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
      if (!stream || port_free (inet, *port, G_SOCKET_TYPE_STREAM))
        return TRUE;
    }

  g_set_error (error, REXIAN_TELEPHONY_ERROR, REXIAN_TELEPHONY_ERROR_FAILED,
               _("No free port for SIP on %s."), address);
  return FALSE;
}

/* nua's TLS reads the authorities it trusts from one file in a folder of its own: the
 * system's bundle, and the hotline's private authority when there is one.  A few
 * hundred kilobytes from the local disk, read once when the phone starts listening. */
static gboolean
prepare_tls_dir (RexianPhone  *self,
                 GError      **error)
{
  g_autoptr(GString) bundle = g_string_new (NULL);
  g_autofree char *path = NULL;

  if (self->tls_dir == NULL)
    {
      self->tls_dir = g_dir_make_tmp ("rexian-sip-XXXXXX", error);
      if (self->tls_dir == NULL)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (system_ca_bundles); i++)
    {
      g_autofree char *contents = NULL;

      if (g_file_get_contents (system_ca_bundles[i], &contents, NULL, NULL))
        {
          g_string_append (bundle, contents);
          g_string_append_c (bundle, '\n');
          break;
        }
    }

  if (self->tls_ca_file != NULL)
    {
      g_autofree char *contents = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!g_file_get_contents (self->tls_ca_file, &contents, NULL, &local_error))
        {
          g_set_error (error, REXIAN_TELEPHONY_ERROR, REXIAN_TELEPHONY_ERROR_FAILED,
                       _("The certificate authority file cannot be read: %s"),
                       local_error->message);
          return FALSE;
        }
      g_string_append (bundle, contents);
    }

  if (bundle->len == 0)
    {
      g_set_error (error, REXIAN_TELEPHONY_ERROR, REXIAN_TELEPHONY_ERROR_FAILED,
                   _("No certificate authorities are installed, so no registrar’s certificate can be verified. Install the ca-certificates package, or choose the hotline’s CA file in Preferences."));
      return FALSE;
    }

  path = g_build_filename (self->tls_dir, "cafile.pem", NULL);
  return g_file_set_contents_full (path, bundle->str, bundle->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

static void
remove_tls_dir (RexianPhone *self)
{
  g_autofree char *path = NULL;

  if (self->tls_dir == NULL)
    return;

  path = g_build_filename (self->tls_dir, "cafile.pem", NULL);
  g_unlink (path);
  g_rmdir (self->tls_dir);
  g_clear_pointer (&self->tls_dir, g_free);
}

static gboolean
create_nua (RexianPhone  *self,
            GError      **error)
{
  g_autofree char *url = NULL;
  g_autofree char *sips_url = NULL;

  /* Without a transport parameter nua listens on UDP and TCP alike: a TCP or TLS seat
   * still takes direct calls over UDP. */
  if (self->transport == REXIAN_SIP_TRANSPORT_UDP)
    url = g_strdup_printf ("sip:%s:%u;transport=udp", self->bind_address, self->port);
  else
    url = g_strdup_printf ("sip:%s:%u", self->bind_address, self->port);
  if (self->transport == REXIAN_SIP_TRANSPORT_TLS)
    sips_url = g_strdup_printf ("sips:%s:%u", self->bind_address, self->tls_port);

  self->shutdown_done = FALSE;
  self->nua = nua_create (self->root, _rexian_phone_callback, (nua_magic_t *) self,
                          NUTAG_URL (url),
                          TAG_IF (sips_url != NULL, NUTAG_SIPS_URL (sips_url)),
                          TAG_IF (sips_url != NULL, NUTAG_CERTIFICATE_DIR (self->tls_dir)),
                          /* The registrar's chain must lead to a trusted authority and
                           * be made out to the host that was dialled. */
                          TAG_IF (sips_url != NULL,
                                  TPTAG_TLS_VERIFY_POLICY (TPTLS_VERIFY_SUBJECTS_OUT)),
                          TAG_IF (sips_url != NULL, TPTAG_TLS_VERIFY_DATE (1)),
                          TAG_IF (self->aor != NULL, SIPTAG_FROM_STR (self->aor)),
                          SOATAG_ADDRESS (self->bind_address),
                          NUTAG_AUTOANSWER (0),
                          NUTAG_AUTOALERT (0),
                          NUTAG_ENABLEINVITE (1),
                          NUTAG_ALLOW ("INVITE, ACK, BYE, CANCEL, OPTIONS, REFER, NOTIFY, INFO"),
                          NUTAG_USER_AGENT ("Rexian/" PACKAGE_VERSION),
                          TAG_END ());
  if (self->nua == NULL)
    {
      if (sips_url != NULL)
        g_set_error (error, REXIAN_TELEPHONY_ERROR, REXIAN_TELEPHONY_ERROR_FAILED,
                     _("Cannot listen for SIP calls on %s ports %u and %u (TLS)."),
                     self->bind_address, self->port, self->tls_port);
      else
        g_set_error (error, REXIAN_TELEPHONY_ERROR, REXIAN_TELEPHONY_ERROR_FAILED,
                     _("Cannot listen for SIP calls on %s port %u."),
                     self->bind_address, self->port);
      return FALSE;
    }

  return TRUE;
}

gboolean
_rexian_phone_start_stack (RexianPhone  *self,
                           gboolean      any_port,
                           GError      **error)
{
  gboolean stream = self->transport != REXIAN_SIP_TRANSPORT_UDP;
  gboolean tls = self->transport == REXIAN_SIP_TRANSPORT_TLS;

  self->any_port = any_port;

  if (tls && !prepare_tls_dir (self, error))
    return FALSE;

  if (!any_port)
    {
      /* TLS beside a fixed port takes the next one, as 5061 beside 5060. */
      if (tls && self->tls_port == 0)
        self->tls_port = self->port == 5060 ? DEFAULT_TLS_PORT : self->port + 1;
      return create_nua (self, error);
    }

  /* Ephemeral ports: ask the kernel for them, and try again should another process take
   * one in between. */
  for (guint attempt = 0; attempt < PICK_PORT_ATTEMPTS; attempt++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!pick_port (self->bind_address, stream, &self->port, error))
        return FALSE;
      self->tls_port = 0;
      while (tls && (self->tls_port == 0 || self->tls_port == self->port))
        if (!pick_port (self->bind_address, TRUE, &self->tls_port, error))
          return FALSE;

      if (create_nua (self, &local_error))
        return TRUE;
      if (attempt == PICK_PORT_ATTEMPTS - 1)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  return FALSE;
}

char *
_rexian_phone_route_uri (RexianPhone *self,
                         const char  *uri)
{
  g_autofree char *lower = NULL;

  if (uri == NULL)
    return NULL;

  lower = g_ascii_strdown (uri, -1);
  /* sips: is TLS already; an address that names its transport, or carries headers,
   * is taken as it is. */
  if (self->transport == REXIAN_SIP_TRANSPORT_UDP || !g_str_has_prefix (lower, "sip:")
      || strstr (lower, ";transport=") != NULL || strchr (lower, '?') != NULL)
    return g_strdup (uri);

  return g_strdup_printf ("%s;transport=%s", uri,
                          rexian_sip_transport_to_string (self->transport));
}

/* Listening anew */

static gboolean
relisten_cb (gpointer user_data)
{
  RexianPhone *self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean any_port = self->any_port;
  gboolean ok;

  self->relisten_id = 0;
  _rexian_phone_drop_registration (self);
  g_clear_pointer (&self->nua, nua_destroy);
  self->restarting = FALSE;

  /* The same ports if they are still free, so that the registrar's record of the seat
   * stays right; others when they were the kernel's choice anyway. */
  ok = _rexian_phone_start_stack (self, FALSE, any_port ? NULL : &error);
  if (!ok && any_port)
    ok = _rexian_phone_start_stack (self, TRUE, &error);
  self->any_port = any_port;

  if (!ok)
    {
      _rexian_phone_set_registration (self, REXIAN_REGISTRATION_FAILED, error->message);
      return G_SOURCE_REMOVE;
    }

  if (self->registrar != NULL)
    _rexian_phone_send_register (self);
  else
    _rexian_phone_set_registration (self, REXIAN_REGISTRATION_UNREGISTERED, NULL);

  return G_SOURCE_REMOVE;
}

void
_rexian_phone_stack_stopped (RexianPhone *self)
{
  /* nua may not be destroyed from inside its own callback. */
  if (self->relisten_id == 0)
    self->relisten_id = g_idle_add (relisten_cb, self);
}

void
_rexian_phone_restart_stack (RexianPhone *self)
{
  if (self->shutting_down || self->restarting)
    return;

  self->restarting = TRUE;
  g_cancellable_cancel (self->tls_probe);
  g_clear_object (&self->tls_probe);
  _rexian_phone_detach_calls (self);

  if (self->registrar != NULL)
    _rexian_phone_set_registration (self, REXIAN_REGISTRATION_REGISTERING,
                                    _("Reconnecting…"));

  /* From an address that is gone no unREGISTER gets out; nua would wait for it for
   * half a minute. */
  if (self->address_lost)
    _rexian_phone_drop_registration (self);

  if (self->nua == NULL)
    {
      _rexian_phone_stack_stopped (self);
      return;
    }

  self->shutdown_done = FALSE;
  nua_shutdown (self->nua);
}

gboolean
rexian_phone_set_transport (RexianPhone         *self,
                            RexianSipTransport   transport,
                            const char          *tls_ca_file,
                            GError             **error)
{
  g_return_val_if_fail (REXIAN_IS_PHONE (self), FALSE);
  g_return_val_if_fail (transport <= REXIAN_SIP_TRANSPORT_TLS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (tls_ca_file != NULL && *tls_ca_file == '\0')
    tls_ca_file = NULL;

  if (tls_ca_file != NULL && transport == REXIAN_SIP_TRANSPORT_TLS
      && !g_file_test (tls_ca_file, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, REXIAN_TELEPHONY_ERROR, REXIAN_TELEPHONY_ERROR_FAILED,
                   _("The certificate authority file “%s” does not exist."), tls_ca_file);
      return FALSE;
    }

  if (transport == self->transport && g_strcmp0 (tls_ca_file, self->tls_ca_file) == 0)
    return TRUE;

  if (transport != self->transport)
    self->tls_port = 0;
  self->transport = transport;
  g_free (self->tls_ca_file);
  self->tls_ca_file = g_strdup (tls_ca_file);

  _rexian_phone_restart_stack (self);

  return TRUE;
}

/* The registrar's certificate */

typedef struct
{
  RexianPhone          *phone;
  char                 *host;
  GTlsDatabase         *database;
  GTlsCertificateFlags  errors;
} TlsProbe;

static void
tls_probe_free (TlsProbe *probe)
{
  g_clear_object (&probe->phone);
  g_free (probe->host);
  g_clear_object (&probe->database);
  g_free (probe);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlsProbe, tls_probe_free)

static char *
describe_certificate_errors (GTlsCertificateFlags  errors,
                             const char           *host)
{
  if (errors & G_TLS_CERTIFICATE_UNKNOWN_CA)
    return g_strdup (_("it is not signed by a trusted certificate authority. If the hotline has its own authority, choose its CA file in Preferences."));
  if (errors & G_TLS_CERTIFICATE_BAD_IDENTITY)
    /* Translators: %s is the registrar's host name or address. */
    return g_strdup_printf (_("it is not made out to %s."), host);
  if (errors & G_TLS_CERTIFICATE_EXPIRED)
    return g_strdup (_("it has expired."));
  if (errors & G_TLS_CERTIFICATE_NOT_ACTIVATED)
    return g_strdup (_("it is not valid yet; check this computer’s clock."));
  if (errors & G_TLS_CERTIFICATE_REVOKED)
    return g_strdup (_("it has been revoked."));
  if (errors & G_TLS_CERTIFICATE_INSECURE)
    return g_strdup (_("it uses an insecure algorithm."));
  return g_strdup (_("it is not valid."));
}

static gboolean
on_accept_certificate (GTlsConnection       *connection,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       TlsProbe             *probe)
{
  probe->errors = errors;
  return FALSE;
}

static void
on_probe_event (GSocketClient      *client,
                GSocketClientEvent  event,
                GSocketConnectable *connectable,
                GIOStream          *connection,
                TlsProbe           *probe)
{
  if (event != G_SOCKET_CLIENT_TLS_HANDSHAKING || !G_IS_TLS_CONNECTION (connection))
    return;

  /* The same authorities nua trusts, the hotline's own among them. */
  if (probe->database != NULL)
    g_tls_connection_set_database (G_TLS_CONNECTION (connection), probe->database);
  g_signal_connect (connection, "accept-certificate", G_CALLBACK (on_accept_certificate),
                    probe);
}

static void
set_tls_error (RexianPhone *self,
               const char  *reason)
{
  g_free (self->tls_error);
  /* Translators: the reason follows, e.g. "it has expired." */
  self->tls_error = g_strdup_printf (_("The registrar’s certificate could not be verified: %s"),
                                     reason);
  if (self->registration_state != REXIAN_REGISTRATION_REGISTERED)
    _rexian_phone_set_registration (self, REXIAN_REGISTRATION_FAILED, self->tls_error);
}

static void
on_probe_connected (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(TlsProbe) probe = user_data;
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  RexianPhone *self = probe->phone;

  connection = g_socket_client_connect_to_host_finish (G_SOCKET_CLIENT (source), result,
                                                       &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->tls_probe);

  /* A registrar that cannot be reached at all: nua says so itself. */
  if (connection != NULL || probe->errors == 0)
    {
      if (connection != NULL || (error != NULL && error->domain != G_TLS_ERROR))
        g_clear_pointer (&self->tls_error, g_free);
      else if (error != NULL)
        set_tls_error (self, error->message);
      return;
    }

  reason = describe_certificate_errors (probe->errors, probe->host);
  set_tls_error (self, reason);
}

void
_rexian_phone_check_tls (RexianPhone *self)
{
  su_home_t home[1] = { SU_HOME_INIT (home) };
  g_autoptr(GSocketClient) client = NULL;
  g_autofree char *cafile = NULL;
  TlsProbe *probe;
  url_t *url;
  guint port;

  if (self->registrar == NULL || self->tls_dir == NULL || self->tls_probe != NULL)
    return;

  url = url_make (home, self->registrar);
  if (url == NULL || url->url_host == NULL)
    {
      su_home_deinit (home);
      return;
    }

  probe = g_new0 (TlsProbe, 1);
  probe->phone = g_object_ref (self);
  probe->host = g_strdup (url->url_host);
  port = url->url_port != NULL ? (guint) g_ascii_strtoull (url->url_port, NULL, 10)
                               : DEFAULT_TLS_PORT;
  su_home_deinit (home);

  cafile = g_build_filename (self->tls_dir, "cafile.pem", NULL);
  probe->database = g_tls_file_database_new (cafile, NULL);

  self->tls_probe = g_cancellable_new ();
  client = g_socket_client_new ();
  g_socket_client_set_tls (client, TRUE);
  g_socket_client_set_timeout (client, 10);
  g_signal_connect (client, "event", G_CALLBACK (on_probe_event), probe);
  g_socket_client_connect_to_host_async (client, probe->host, port, self->tls_probe,
                                         on_probe_connected, probe);
}

/* Network changes */

/* Whether this computer still has @address: binding to it fails once it is gone. */
static gboolean
address_is_local (const char *address)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address);
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GSocket) socket = NULL;

  if (inet == NULL || g_inet_address_get_is_any (inet) || g_inet_address_get_is_loopback (inet))
    return TRUE;

  socket = g_socket_new (g_inet_address_get_family (inet), G_SOCKET_TYPE_DATAGRAM,
                         G_SOCKET_PROTOCOL_UDP, NULL);
  socket_address = g_inet_socket_address_new (inet, 0);
  return socket != NULL && g_socket_bind (socket, socket_address, FALSE, NULL);
}

static gboolean
network_settled_cb (gpointer user_data)
{
  RexianPhone *self = user_data;

  self->network_settle_id = 0;

  if (!address_is_local (self->bind_address))
    {
      g_autofree char *message = NULL;

      self->address_lost = TRUE;
      message = g_strdup_printf (_("This computer no longer has the address %s; the phone waits for the network to come back."),
                                 self->bind_address);
      _rexian_phone_set_registration (self, REXIAN_REGISTRATION_FAILED, message);
      return G_SOURCE_REMOVE;
    }

  /* Sockets bound to an address that went away and came back may be dead: listen
   * anew, which registers again too. */
  if (self->address_lost || self->nua == NULL)
    {
      self->address_lost = FALSE;
      _rexian_phone_restart_stack (self);
      return G_SOURCE_REMOVE;
    }

  /* Another route to the registrar, or a registrar that restarted meanwhile: a fresh
   * REGISTER tells it where the seat is now. */
  if (self->registrar != NULL && !self->restarting)
    _rexian_phone_send_register (self);

  return G_SOURCE_REMOVE;
}

void
_rexian_phone_network_changed (RexianPhone *self)
{
  g_return_if_fail (REXIAN_IS_PHONE (self));

  if (self->shutting_down)
    return;

  if (self->registrar != NULL && !self->restarting)
    _rexian_phone_set_registration (self, REXIAN_REGISTRATION_REGISTERING,
                                    _("Reconnecting…"));

  g_clear_handle_id (&self->network_settle_id, g_source_remove);
  self->network_settle_id = g_timeout_add (self->network_settle_ms, network_settled_cb, self);
}

static void
on_network_changed (GNetworkMonitor *monitor,
                    gboolean         network_available,
                    gpointer         user_data)
{
  _rexian_phone_network_changed (REXIAN_PHONE (user_data));
}

void
_rexian_phone_set_network_settle_ms (RexianPhone *self,
                                     guint        ms)
{
  g_return_if_fail (REXIAN_IS_PHONE (self));
  self->network_settle_ms = ms;
}

void
_rexian_phone_watch_network (RexianPhone *self)
{
  if (self->network_settle_ms == 0)
    self->network_settle_ms = DEFAULT_SETTLE_MS;

  self->network_monitor = g_object_ref (g_network_monitor_get_default ());
  self->network_changed_id = g_signal_connect (self->network_monitor, "network-changed",
                                               G_CALLBACK (on_network_changed), self);
}

void
_rexian_phone_transport_dispose (RexianPhone *self)
{
  g_cancellable_cancel (self->tls_probe);
  g_clear_object (&self->tls_probe);
  g_clear_handle_id (&self->network_settle_id, g_source_remove);
  g_clear_handle_id (&self->relisten_id, g_source_remove);
  if (self->network_monitor != NULL)
    g_clear_signal_handler (&self->network_changed_id, self->network_monitor);
  g_clear_object (&self->network_monitor);
  self->restarting = FALSE;
  remove_tls_dir (self);
}
