/* rexian-phone.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rexian-call.h"

G_BEGIN_DECLS

#define REXIAN_TELEPHONY_ERROR (rexian_telephony_error_quark ())

typedef enum
{
  REXIAN_TELEPHONY_ERROR_FAILED,
  REXIAN_TELEPHONY_ERROR_INVALID_URI,
  REXIAN_TELEPHONY_ERROR_WRONG_STATE,  /* e.g. answering a call that no longer rings */
  REXIAN_TELEPHONY_ERROR_NOT_SUPPORTED,
} RexianTelephonyError;

GQuark rexian_telephony_error_quark (void);

typedef enum
{
  REXIAN_REGISTRATION_UNREGISTERED,
  REXIAN_REGISTRATION_REGISTERING,
  REXIAN_REGISTRATION_REGISTERED,
  REXIAN_REGISTRATION_FAILED,          /* retried on its own every retry interval */
} RexianRegistrationState;

GType rexian_registration_state_get_type (void) G_GNUC_CONST;
#define REXIAN_TYPE_REGISTRATION_STATE (rexian_registration_state_get_type ())

/* How SIP travels between the phone and the registrar or the far end. */
typedef enum
{
  REXIAN_SIP_TRANSPORT_UDP,
  REXIAN_SIP_TRANSPORT_TCP,
  REXIAN_SIP_TRANSPORT_TLS,            /* the far end's certificate is verified */
} RexianSipTransport;

GType rexian_sip_transport_get_type (void) G_GNUC_CONST;
#define REXIAN_TYPE_SIP_TRANSPORT (rexian_sip_transport_get_type ())

/* "udp", "tcp" or "tls" (the settings' spelling); FALSE for anything else. */
gboolean    rexian_sip_transport_from_string (const char         *text,
                                              RexianSipTransport *transport);
const char *rexian_sip_transport_to_string   (RexianSipTransport  transport);

#define REXIAN_TYPE_PHONE (rexian_phone_get_type ())

G_DECLARE_FINAL_TYPE (RexianPhone, rexian_phone, REXIAN, PHONE, GObject)

/* One SIP user agent (Sofia-SIP nua) on the GLib main loop, bound to UDP on
 * @bind_address:@port (0: any free port).  Signals: "incoming-call" (RexianCall *): a
 * call rings; keep a reference to act on it.  All calls made or offered stay alive
 * inside the phone until they end. */
RexianPhone             *rexian_phone_new                 (const char   *bind_address,
                                                           guint         port,
                                                           GError      **error);
/* The same with TCP or TLS: UDP and TCP always listen on @port; TLS takes a port of its
 * own and verifies the far end against the system's certificate authorities and
 * @tls_ca_file (PEM, may be NULL) for private ones. */
RexianPhone             *rexian_phone_new_full            (const char          *bind_address,
                                                           guint                port,
                                                           RexianSipTransport   transport,
                                                           const char          *tls_ca_file,
                                                           GError             **error);
const char              *rexian_phone_get_bind_address    (RexianPhone  *self);
guint                    rexian_phone_get_port            (RexianPhone  *self);
RexianSipTransport       rexian_phone_get_transport       (RexianPhone  *self);
/* The local TLS port, 0 unless the transport is TLS. */
guint                    rexian_phone_get_tls_port        (RexianPhone  *self);
/* Listens anew for another transport or CA file and registers again; calls in
 * progress end.  Does nothing when both are what they are. */
gboolean                 rexian_phone_set_transport       (RexianPhone         *self,
                                                           RexianSipTransport   transport,
                                                           const char          *tls_ca_file,
                                                           GError             **error);

/* Registers @aor ("sip:1001@127.0.0.1:5060") at @registrar ("sip:127.0.0.1:5060"),
 * answering digest challenges with @user and @password.  With @registrar NULL the
 * phone only takes @aor as its identity for direct calls. */
gboolean                 rexian_phone_register            (RexianPhone  *self,
                                                           const char   *aor,
                                                           const char   *registrar,
                                                           const char   *user,
                                                           const char   *password,
                                                           GError      **error);
void                     rexian_phone_unregister          (RexianPhone  *self);
RexianRegistrationState  rexian_phone_get_registration_state   (RexianPhone *self);
/* Why the registration is in its state, for people ("403 Forbidden"); may be NULL. */
const char              *rexian_phone_get_registration_message (RexianPhone *self);
/* Seconds asked of the registrar (default 600); nua refreshes before expiry. */
void                     rexian_phone_set_register_expires (RexianPhone *self,
                                                            guint        seconds);
/* How long to wait before registering again after a failure (default 30 s). */
void                     rexian_phone_set_retry_interval  (RexianPhone  *self,
                                                           guint         seconds);

/* An unavailable agent's phone answers every new INVITE 486 Busy Here at once, so the
 * proxy can try another seat. */
void                     rexian_phone_set_available       (RexianPhone  *self,
                                                           gboolean      available);
gboolean                 rexian_phone_get_available       (RexianPhone  *self);

/* Places a call; the returned call is already dialing (transfer none: the phone keeps
 * it until it ends). */
RexianCall              *rexian_phone_call                (RexianPhone  *self,
                                                           const char   *uri,
                                                           GError      **error);
/* The calls not yet ended, oldest first. */
GPtrArray               *rexian_phone_get_calls           (RexianPhone  *self);

/* Unregisters (REGISTER with Expires: 0), ends every call and stops the SIP stack,
 * waiting at most two seconds for the far ends; for quitting.  The phone then takes and
 * places no more calls. */
void                     rexian_phone_shutdown            (RexianPhone  *self);
gboolean                 rexian_phone_get_shut_down       (RexianPhone  *self);

G_END_DECLS
