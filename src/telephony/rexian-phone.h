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

#define REXIAN_TYPE_PHONE (rexian_phone_get_type ())

G_DECLARE_FINAL_TYPE (RexianPhone, rexian_phone, REXIAN, PHONE, GObject)

/* One SIP user agent (Sofia-SIP nua) on the GLib main loop, bound to UDP on
 * @bind_address:@port (0: any free port).  Signals: "incoming-call" (RexianCall *): a
 * call rings; keep a reference to act on it.  All calls made or offered stay alive
 * inside the phone until they end. */
RexianPhone             *rexian_phone_new                 (const char   *bind_address,
                                                           guint         port,
                                                           GError      **error);
const char              *rexian_phone_get_bind_address    (RexianPhone  *self);
guint                    rexian_phone_get_port            (RexianPhone  *self);

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

G_END_DECLS
