/* rexian-phone.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include <sofia-sip/msg_header.h>
#include <sofia-sip/nta_tag.h>
#include <sofia-sip/sip_status.h>
#include <sofia-sip/soa_tag.h>
#include <sofia-sip/su_glib.h>
#include <sofia-sip/su_tag_io.h>
#include <sofia-sip/su_uniqueid.h>
#include <sofia-sip/url.h>

#include "rexian-phone.h"
#include "rexian-phone-private.h"

/* Sofia-SIP's exit handler deletes the thread key of its random generator even when no
 * SIP code ever ran and the key was never made; it then deletes key 0, which GLib
 * owns, and GLib aborts in its own exit handlers.  Every program with this library
 * (the UI tests without a phone, too) makes the key at load time, so the one deleted
 * at exit is Sofia's own. */
__attribute__((constructor)) static void
make_sofia_random_key (void)
{
  (void) su_random ();
}

G_DEFINE_FINAL_TYPE (RexianPhone, rexian_phone, G_TYPE_OBJECT)

G_DEFINE_QUARK (rexian-telephony-error-quark, rexian_telephony_error)

G_DEFINE_ENUM_TYPE (RexianRegistrationState, rexian_registration_state,
  G_DEFINE_ENUM_VALUE (REXIAN_REGISTRATION_UNREGISTERED, "unregistered"),
  G_DEFINE_ENUM_VALUE (REXIAN_REGISTRATION_REGISTERING, "registering"),
  G_DEFINE_ENUM_VALUE (REXIAN_REGISTRATION_REGISTERED, "registered"),
  G_DEFINE_ENUM_VALUE (REXIAN_REGISTRATION_FAILED, "failed"))

G_DEFINE_ENUM_TYPE (RexianSipTransport, rexian_sip_transport,
  G_DEFINE_ENUM_VALUE (REXIAN_SIP_TRANSPORT_UDP, "udp"),
  G_DEFINE_ENUM_VALUE (REXIAN_SIP_TRANSPORT_TCP, "tcp"),
  G_DEFINE_ENUM_VALUE (REXIAN_SIP_TRANSPORT_TLS, "tls"))

enum {
  PROP_0,
  PROP_REGISTRATION_STATE,
  PROP_REGISTRATION_MESSAGE,
  PROP_AVAILABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  INCOMING_CALL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define DEFAULT_EXPIRES        600
#define DEFAULT_RETRY_INTERVAL 30
/* How long quitting waits for nua to say goodbye (unREGISTER, BYEs) before giving up. */
#define SHUTDOWN_TIMEOUT_MS    2000

static void send_register (RexianPhone *self);

static void
set_registration (RexianPhone             *self,
                  RexianRegistrationState  state,
                  const char              *message)
{
  if (g_strcmp0 (self->registration_message, message) != 0)
    {
      g_free (self->registration_message);
      self->registration_message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGISTRATION_MESSAGE]);
    }

  if (self->registration_state != state)
    {
      self->registration_state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGISTRATION_STATE]);
    }
}

static void
drop_registration_handle (RexianPhone *self)
{
  if (self->reg_nh != NULL)
    {
      nua_handle_bind (self->reg_nh, NULL);
      g_clear_pointer (&self->reg_nh, nua_handle_destroy);
    }
}

void
_rexian_phone_set_registration (RexianPhone             *self,
                                RexianRegistrationState  state,
                                const char              *message)
{
  set_registration (self, state, message);
}

void
_rexian_phone_drop_registration (RexianPhone *self)
{
  drop_registration_handle (self);
}

void
_rexian_phone_send_register (RexianPhone *self)
{
  g_clear_handle_id (&self->retry_id, g_source_remove);
  send_register (self);
}

static gboolean
retry_register_cb (gpointer user_data)
{
  RexianPhone *self = user_data;

  self->retry_id = 0;
  if (self->registrar != NULL)
    send_register (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_retry (RexianPhone *self)
{
  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->shutting_down)
    return;
  self->retry_id = g_timeout_add_seconds (self->retry_interval, retry_register_cb, self);
}

static void
send_register (RexianPhone *self)
{
  g_autofree char *expires = g_strdup_printf ("%u", self->expires);
  g_autofree char *user = NULL;
  g_autofree char *registrar = NULL;

  /* The stack is listening anew; it registers once it is back. */
  if (self->nua == NULL || self->restarting || self->shutting_down)
    return;

  /* A fresh handle each time: after a failed refresh nua has dropped the old
   * registration usage, and a new Call-ID is what a restarted registrar expects. */
  drop_registration_handle (self);
  self->reg_auth_tries = 0;

  self->reg_nh = nua_handle (self->nua, (nua_hmagic_t *) self,
                             SIPTAG_TO_STR (self->aor),
                             SIPTAG_FROM_STR (self->aor),
                             TAG_END ());
  if (self->reg_nh == NULL)
    {
      set_registration (self, REXIAN_REGISTRATION_FAILED, "Cannot create a SIP handle");
      schedule_retry (self);
      return;
    }

  if (self->registration_state != REXIAN_REGISTRATION_REGISTERED)
    set_registration (self, REXIAN_REGISTRATION_REGISTERING, NULL);

  user = g_strdup (self->user);
  registrar = _rexian_phone_route_uri (self, self->registrar);
  nua_register (self->reg_nh,
                NUTAG_REGISTRAR (registrar),
                NUTAG_M_USERNAME (user),
                SIPTAG_EXPIRES_STR (expires),
                TAG_END ());

  if (self->transport == REXIAN_SIP_TRANSPORT_TLS)
    _rexian_phone_check_tls (self);
}

gboolean
rexian_phone_authenticate (RexianPhone  *self,
                           nua_handle_t *nh,
                           const sip_t  *sip)
{
  const msg_auth_t *challenge = NULL;
  const char *realm;
  g_autofree char *credentials = NULL;

  g_return_val_if_fail (REXIAN_IS_PHONE (self), FALSE);

  if (sip == NULL || self->user == NULL || self->password == NULL)
    return FALSE;

  if (sip->sip_www_authenticate != NULL)
    challenge = sip->sip_www_authenticate;
  else if (sip->sip_proxy_authenticate != NULL)
    challenge = sip->sip_proxy_authenticate;

  if (challenge == NULL || challenge->au_scheme == NULL)
    return FALSE;

  realm = msg_params_find (challenge->au_params, "realm=");
  if (realm == NULL)
    return FALSE;

  /* nua wants "scheme:realm:user:password" with the realm still quoted. */
  credentials = g_strdup_printf ("%s:%s:%s:%s", challenge->au_scheme, realm,
                                 self->user, self->password);
  nua_authenticate (nh, NUTAG_AUTH (credentials), TAG_END ());

  return TRUE;
}

static void
handle_register (RexianPhone *self,
                 nua_event_t  event,
                 int          status,
                 const char  *phrase,
                 const sip_t *sip)
{
  g_autofree char *message = NULL;

  if (status < 200)
    return;

  if ((status == 401 || status == 407) && self->reg_auth_tries++ < 1 &&
      rexian_phone_authenticate (self, self->reg_nh, sip))
    return;

  message = g_strdup_printf ("%d %s", status, phrase != NULL ? phrase : "");

  if (event == nua_r_unregister)
    {
      drop_registration_handle (self);
      set_registration (self, REXIAN_REGISTRATION_UNREGISTERED, message);
      return;
    }

  if (status < 300)
    {
      self->reg_auth_tries = 0;
      g_clear_pointer (&self->tls_error, g_free);
      set_registration (self, REXIAN_REGISTRATION_REGISTERED, message);
      return;
    }

  /* Wrong password, registrar gone or restarted: keep trying, the agent cannot take
   * calls otherwise.  nua reports a refused certificate as a timeout, which says
   * nothing the agent could act on. */
  drop_registration_handle (self);
  set_registration (self, REXIAN_REGISTRATION_FAILED,
                    self->tls_error != NULL && self->transport == REXIAN_SIP_TRANSPORT_TLS
                    ? self->tls_error : message);
  schedule_retry (self);
}

static void
handle_incoming_invite (RexianPhone  *self,
                        nua_handle_t *nh,
                        const sip_t  *sip)
{
  g_autoptr(RexianCall) call = NULL;

  if (self->shutting_down || self->calls == NULL)
    {
      nua_respond (nh, SIP_503_SERVICE_UNAVAILABLE, TAG_END ());
      return;
    }

  if (!self->available)
    {
      /* Left unbound: the handle is destroyed when nua reports it terminated. */
      nua_respond (nh, SIP_486_BUSY_HERE, TAG_END ());
      return;
    }

  call = rexian_call_new_incoming (self, nh, sip);
  g_ptr_array_add (self->calls, g_object_ref (call));

  nua_respond (nh, SIP_180_RINGING, TAG_END ());
  g_signal_emit (self, signals[INCOMING_CALL], 0, call);
}

void
_rexian_phone_callback (nua_event_t   event,
                        int           status,
                        char const   *phrase,
                        nua_t        *nua,
                        nua_magic_t  *magic,
                        nua_handle_t *nh,
                        nua_hmagic_t *hmagic,
                        sip_t const  *sip,
                        tagi_t        tags[])
{
  RexianPhone *self = (RexianPhone *) magic;
  int callstate = nua_callstate_init;

  if (event == nua_r_shutdown)
    {
      if (status >= 200)
        self->shutdown_done = TRUE;
      if (status >= 200 && self->restarting)
        _rexian_phone_stack_stopped (self);
      return;
    }

  if (nh == NULL)
    return;

  if (nh == self->reg_nh)
    {
      if (event == nua_r_register || event == nua_r_unregister)
        handle_register (self, event, status, phrase, sip);
      return;
    }

  if (hmagic == (nua_hmagic_t *) self)
    return;

  if (hmagic != NULL)
    {
      rexian_call_handle_event ((RexianCall *) hmagic, event, status, phrase, sip, tags);
      return;
    }

  switch (event)
    {
    case nua_i_invite:
      /* nua already turned it away (a malformed offer, say): nothing rings. */
      if (status >= 200)
        nua_handle_destroy (nh);
      else
        handle_incoming_invite (self, nh, sip);
      break;

    case nua_i_state:
      /* A call turned away busy: its handle is ours to free once nua is done. */
      tl_gets (tags, NUTAG_CALLSTATE_REF (callstate), TAG_END ());
      if (callstate == nua_callstate_terminated)
        nua_handle_destroy (nh);
      break;

    case nua_i_options:
    case nua_i_message:
    case nua_i_info:
    case nua_i_subscribe:
    case nua_i_notify:
    case nua_i_refer:
    case nua_i_publish:
    case nua_i_method:
    case nua_i_register:
      /* nua has answered these itself; the handle it made for them is of no use and
       * would pile up under a flood. */
      nua_handle_destroy (nh);
      break;

    default:
      break;
    }
}

RexianPhone *
rexian_phone_new (const char  *bind_address,
                  guint        port,
                  GError     **error)
{
  return rexian_phone_new_full (bind_address, port, REXIAN_SIP_TRANSPORT_UDP, NULL, error);
}

RexianPhone *
rexian_phone_new_full (const char          *bind_address,
                       guint                port,
                       RexianSipTransport   transport,
                       const char          *tls_ca_file,
                       GError             **error)
{
  static gsize su_initialized = 0;
  g_autoptr(RexianPhone) self = NULL;

  g_return_val_if_fail (bind_address != NULL, NULL);
  g_return_val_if_fail (port <= G_MAXUINT16, NULL);
  g_return_val_if_fail (transport <= REXIAN_SIP_TRANSPORT_TLS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_once_init_enter (&su_initialized))
    {
      su_init ();
      g_once_init_leave (&su_initialized, 1);
    }

  self = g_object_new (REXIAN_TYPE_PHONE, NULL);
  self->bind_address = g_strdup (bind_address);
  self->port = port;
  self->transport = transport;
  self->tls_ca_file = tls_ca_file != NULL && *tls_ca_file != '\0' ? g_strdup (tls_ca_file) : NULL;

  self->root = su_glib_root_create (self);
  if (self->root == NULL)
    {
      g_set_error (error, REXIAN_TELEPHONY_ERROR, REXIAN_TELEPHONY_ERROR_FAILED,
                   _("Cannot start the SIP stack."));
      return NULL;
    }
  g_source_attach (su_glib_root_gsource (self->root), NULL);

  if (!_rexian_phone_start_stack (self, port == 0, error))
    return NULL;

  _rexian_phone_watch_network (self);

  return g_steal_pointer (&self);
}

gboolean
rexian_sip_transport_from_string (const char         *text,
                                  RexianSipTransport *transport)
{
  GEnumClass *klass = g_type_class_ref (REXIAN_TYPE_SIP_TRANSPORT);
  GEnumValue *value = text != NULL ? g_enum_get_value_by_nick (klass, text) : NULL;

  if (value != NULL && transport != NULL)
    *transport = value->value;
  g_type_class_unref (klass);

  return value != NULL;
}

const char *
rexian_sip_transport_to_string (RexianSipTransport transport)
{
  switch (transport)
    {
    case REXIAN_SIP_TRANSPORT_TCP:
      return "tcp";
    case REXIAN_SIP_TRANSPORT_TLS:
      return "tls";
    case REXIAN_SIP_TRANSPORT_UDP:
    default:
      return "udp";
    }
}

const char *
rexian_phone_get_bind_address (RexianPhone *self)
{
  g_return_val_if_fail (REXIAN_IS_PHONE (self), NULL);
  return self->bind_address;
}

const char *
rexian_phone_get_media_address (RexianPhone *self)
{
  g_return_val_if_fail (REXIAN_IS_PHONE (self), NULL);

  /* Listening on every address says nothing about where RTP should go. */
  if (g_strcmp0 (self->bind_address, "0.0.0.0") == 0)
    return "127.0.0.1";
  return self->bind_address;
}

guint
rexian_phone_get_port (RexianPhone *self)
{
  g_return_val_if_fail (REXIAN_IS_PHONE (self), 0);
  return self->port;
}

RexianSipTransport
rexian_phone_get_transport (RexianPhone *self)
{
  g_return_val_if_fail (REXIAN_IS_PHONE (self), REXIAN_SIP_TRANSPORT_UDP);
  return self->transport;
}

guint
rexian_phone_get_tls_port (RexianPhone *self)
{
  g_return_val_if_fail (REXIAN_IS_PHONE (self), 0);
  return self->tls_port;
}

static gboolean
check_uri (const char  *uri,
           GError     **error)
{
  su_home_t home[1] = { SU_HOME_INIT (home) };
  url_t *url = NULL;
  gboolean ok;

  if (uri != NULL)
    url = url_make (home, uri);
  ok = url != NULL && (url->url_type == url_sip || url->url_type == url_sips) &&
       url->url_host != NULL;
  su_home_deinit (home);

  if (!ok)
    g_set_error (error, REXIAN_TELEPHONY_ERROR, REXIAN_TELEPHONY_ERROR_INVALID_URI,
                 _("“%s” is not a SIP address."), uri != NULL ? uri : "");

  return ok;
}

/* "1001" of "sip:1001@hotline.example": the user to authenticate as when none is
 * given, as most registrars expect; NULL when the address has no user part. */
static char *
user_of_address (const char *aor)
{
  const char *start = aor;
  const char *at;

  if (g_str_has_prefix (start, "sips:"))
    start += strlen ("sips:");
  else if (g_str_has_prefix (start, "sip:"))
    start += strlen ("sip:");

  at = strchr (start, '@');
  if (at == NULL || at == start)
    return NULL;

  return g_strndup (start, at - start);
}

gboolean
rexian_phone_register (RexianPhone  *self,
                       const char   *aor,
                       const char   *registrar,
                       const char   *user,
                       const char   *password,
                       GError      **error)
{
  g_return_val_if_fail (REXIAN_IS_PHONE (self), FALSE);
  g_return_val_if_fail (aor != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_uri (aor, error))
    return FALSE;
  if (registrar != NULL && !check_uri (registrar, error))
    return FALSE;

  g_clear_handle_id (&self->retry_id, g_source_remove);
  drop_registration_handle (self);

  g_free (self->aor);
  self->aor = g_strdup (aor);
  g_free (self->registrar);
  self->registrar = g_strdup (registrar);
  g_free (self->user);
  self->user = user != NULL && *user != '\0' ? g_strdup (user) : user_of_address (aor);
  g_free (self->password);
  self->password = g_strdup (password);

  /* Every request, calls included, goes out under the account's address. */
  if (self->nua != NULL)
    nua_set_params (self->nua, SIPTAG_FROM_STR (aor), TAG_END ());

  if (registrar == NULL)
    {
      set_registration (self, REXIAN_REGISTRATION_UNREGISTERED, NULL);
      return TRUE;
    }

  send_register (self);

  return TRUE;
}

void
rexian_phone_unregister (RexianPhone *self)
{
  g_return_if_fail (REXIAN_IS_PHONE (self));

  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_pointer (&self->registrar, g_free);

  if (self->reg_nh == NULL || self->registration_state != REXIAN_REGISTRATION_REGISTERED)
    {
      drop_registration_handle (self);
      set_registration (self, REXIAN_REGISTRATION_UNREGISTERED, NULL);
      return;
    }

  self->reg_auth_tries = 0;
  nua_unregister (self->reg_nh, TAG_END ());
}

RexianRegistrationState
rexian_phone_get_registration_state (RexianPhone *self)
{
  g_return_val_if_fail (REXIAN_IS_PHONE (self), REXIAN_REGISTRATION_UNREGISTERED);
  return self->registration_state;
}

const char *
rexian_phone_get_registration_message (RexianPhone *self)
{
  g_return_val_if_fail (REXIAN_IS_PHONE (self), NULL);
  return self->registration_message;
}

void
rexian_phone_set_register_expires (RexianPhone *self,
                                   guint        seconds)
{
  g_return_if_fail (REXIAN_IS_PHONE (self));
  g_return_if_fail (seconds > 0);

  self->expires = seconds;
}

void
rexian_phone_set_retry_interval (RexianPhone *self,
                                 guint        seconds)
{
  g_return_if_fail (REXIAN_IS_PHONE (self));
  g_return_if_fail (seconds > 0);

  self->retry_interval = seconds;
}

void
rexian_phone_set_available (RexianPhone *self,
                            gboolean     available)
{
  g_return_if_fail (REXIAN_IS_PHONE (self));

  available = !!available;
  if (self->available == available)
    return;

  self->available = available;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
}

gboolean
rexian_phone_get_available (RexianPhone *self)
{
  g_return_val_if_fail (REXIAN_IS_PHONE (self), FALSE);
  return self->available;
}

RexianCall *
rexian_phone_call (RexianPhone  *self,
                   const char   *uri,
                   GError      **error)
{
  g_autofree char *route = NULL;
  nua_handle_t *nh;
  RexianCall *call;

  g_return_val_if_fail (REXIAN_IS_PHONE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_uri (uri, error))
    return NULL;

  if (self->nua == NULL || self->restarting || self->shutting_down || self->calls == NULL)
    {
      g_set_error (error, REXIAN_TELEPHONY_ERROR, REXIAN_TELEPHONY_ERROR_WRONG_STATE,
                   _("The phone is reconnecting; call again in a moment."));
      return NULL;
    }

  /* The request goes out over the account's transport; the far end sees the address
   * as it was dialled. */
  route = _rexian_phone_route_uri (self, uri);
  nh = nua_handle (self->nua, NULL, NUTAG_URL (route), SIPTAG_TO_STR (uri), TAG_END ());
  if (nh == NULL)
    {
      g_set_error (error, REXIAN_TELEPHONY_ERROR, REXIAN_TELEPHONY_ERROR_FAILED,
                   _("Cannot place a call to %s."), uri);
      return NULL;
    }

  call = rexian_call_new_outgoing (self, nh, uri);
  g_ptr_array_add (self->calls, call);
  rexian_call_dial (call);

  return call;
}

GPtrArray *
rexian_phone_get_calls (RexianPhone *self)
{
  g_return_val_if_fail (REXIAN_IS_PHONE (self), NULL);
  return self->calls;
}

void
rexian_phone_forget_call (RexianPhone *self,
                          RexianCall  *call)
{
  g_return_if_fail (REXIAN_IS_PHONE (self));

  g_ptr_array_remove (self->calls, call);
}

static gboolean
shutdown_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Waits for nua to confirm its shutdown, at most @timeout_ms. */
static void
wait_for_shutdown (RexianPhone *self,
                   guint        timeout_ms)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add (timeout_ms, shutdown_timeout_cb, &timed_out);

  while (!self->shutdown_done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout_id);
}

void
_rexian_phone_detach_calls (RexianPhone *self)
{
  g_autoptr(GPtrArray) calls = NULL;

  if (self->calls == NULL)
    return;

  calls = g_steal_pointer (&self->calls);
  if (!self->shutting_down)
    self->calls = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < calls->len; i++)
    rexian_call_detach (g_ptr_array_index (calls, i));
}

void
rexian_phone_shutdown (RexianPhone *self)
{
  g_return_if_fail (REXIAN_IS_PHONE (self));

  if (self->shutting_down)
    return;

  self->shutting_down = TRUE;
  g_clear_handle_id (&self->retry_id, g_source_remove);
  _rexian_phone_transport_dispose (self);
  _rexian_phone_detach_calls (self);

  if (self->nua != NULL)
    {
      /* The registration handle stays for nua_shutdown() to unREGISTER, so the proxy
       * stops sending calls to a seat that has gone. */
      /* A stack being restarted may have confirmed its shutdown already. */
      if (!self->shutdown_done)
        {
          nua_shutdown (self->nua);
          wait_for_shutdown (self, SHUTDOWN_TIMEOUT_MS);
        }

      /* A registrar that does not answer keeps nua busy for half a minute: give up the
       * unREGISTER, which it would refuse anyway, and shut down what is left. */
      if (!self->shutdown_done)
        {
          drop_registration_handle (self);
          nua_shutdown (self->nua);
          wait_for_shutdown (self, SHUTDOWN_TIMEOUT_MS / 4);
        }

      drop_registration_handle (self);
      /* nua may only be destroyed once it confirmed the shutdown; the process is
       * quitting otherwise, and the stack goes with it. */
      if (self->shutdown_done)
        g_clear_pointer (&self->nua, nua_destroy);
      else
        g_message ("The SIP stack did not shut down in time");
    }

  if (self->registration_state != REXIAN_REGISTRATION_UNREGISTERED)
    set_registration (self, REXIAN_REGISTRATION_UNREGISTERED, NULL);
}

gboolean
rexian_phone_get_shut_down (RexianPhone *self)
{
  g_return_val_if_fail (REXIAN_IS_PHONE (self), TRUE);
  return self->shutting_down;
}

static void
rexian_phone_dispose (GObject *object)
{
  RexianPhone *self = (RexianPhone *) object;

  rexian_phone_shutdown (self);

  /* A stack that never confirmed its shutdown still uses the root. */
  if (self->root != NULL && self->nua == NULL)
    {
      g_source_destroy (su_glib_root_gsource (self->root));
      g_clear_pointer (&self->root, su_root_destroy);
    }

  G_OBJECT_CLASS (rexian_phone_parent_class)->dispose (object);
}

static void
rexian_phone_finalize (GObject *object)
{
  RexianPhone *self = (RexianPhone *) object;

  g_free (self->bind_address);
  g_free (self->tls_ca_file);
  g_free (self->tls_dir);
  g_free (self->tls_error);
  g_free (self->aor);
  g_free (self->registrar);
  g_free (self->user);
  g_free (self->password);
  g_free (self->registration_message);

  G_OBJECT_CLASS (rexian_phone_parent_class)->finalize (object);
}

static void
rexian_phone_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RexianPhone *self = REXIAN_PHONE (object);

  switch (prop_id)
    {
    case PROP_REGISTRATION_STATE:
      g_value_set_enum (value, self->registration_state);
      break;
    case PROP_REGISTRATION_MESSAGE:
      g_value_set_string (value, self->registration_message);
      break;
    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_phone_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RexianPhone *self = REXIAN_PHONE (object);

  switch (prop_id)
    {
    case PROP_AVAILABLE:
      rexian_phone_set_available (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_phone_class_init (RexianPhoneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rexian_phone_dispose;
  object_class->finalize = rexian_phone_finalize;
  object_class->get_property = rexian_phone_get_property;
  object_class->set_property = rexian_phone_set_property;

  properties[PROP_REGISTRATION_STATE] =
    g_param_spec_enum ("registration-state", NULL, NULL,
                       REXIAN_TYPE_REGISTRATION_STATE, REXIAN_REGISTRATION_UNREGISTERED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGISTRATION_MESSAGE] =
    g_param_spec_string ("registration-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[INCOMING_CALL] =
    g_signal_new ("incoming-call",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, REXIAN_TYPE_CALL);
}

static void
rexian_phone_init (RexianPhone *self)
{
  self->available = TRUE;
  self->expires = DEFAULT_EXPIRES;
  self->retry_interval = DEFAULT_RETRY_INTERVAL;
  self->calls = g_ptr_array_new_with_free_func (g_object_unref);
}
