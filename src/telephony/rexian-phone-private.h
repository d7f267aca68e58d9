/* rexian-phone-private.h: the phone's instance, shared by rexian-phone.c (registration
 * and calls) and rexian-phone-transport.c (listening, TLS, network changes).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rexian-telephony-private.h"

G_BEGIN_DECLS

struct _RexianPhone
{
  GObject                  parent_instance;

  su_root_t               *root;
  nua_t                   *nua;
  gboolean                 shutting_down;
  gboolean                 shutdown_done;

  char                    *bind_address;
  guint                    port;
  RexianSipTransport       transport;
  char                    *tls_ca_file;
  guint                    tls_port;
  /* A private folder with the certificate authorities nua's TLS trusts (cafile.pem). */
  char                    *tls_dir;
  GCancellable            *tls_probe;
  /* Why the registrar's certificate was refused, for people; NULL once it verified.
   * nua itself only notices when the REGISTER times out. */
  char                    *tls_error;

  char                    *aor;
  char                    *registrar;
  char                    *user;
  char                    *password;
  nua_handle_t            *reg_nh;
  guint                    reg_auth_tries;
  RexianRegistrationState  registration_state;
  char                    *registration_message;
  guint                    expires;
  guint                    retry_interval;
  guint                    retry_id;

  /* Network changes come in bursts (a link going down, then up, then DHCP): the phone
   * acts once they settle. */
  GNetworkMonitor         *network_monitor;
  gulong                   network_changed_id;
  guint                    network_settle_id;
  guint                    network_settle_ms;
  gboolean                 address_lost;
  /* The SIP stack is being shut down to listen anew (another transport, an address
   * that came back). */
  gboolean                 restarting;
  guint                    relisten_id;
  /* The ports were the kernel's choice (port 0), so others may be taken next time. */
  gboolean                 any_port;

  gboolean                 available;
  GPtrArray               *calls;
};

/* rexian-phone.c */
void      _rexian_phone_set_registration    (RexianPhone             *self,
                                             RexianRegistrationState  state,
                                             const char              *message);
void      _rexian_phone_send_register       (RexianPhone             *self);
void      _rexian_phone_drop_registration   (RexianPhone             *self);
void      _rexian_phone_detach_calls        (RexianPhone             *self);
void      _rexian_phone_callback            (nua_event_t              event,
                                             int                      status,
                                             char const              *phrase,
                                             nua_t                   *nua,
                                             nua_magic_t             *magic,
                                             nua_handle_t            *nh,
                                             nua_hmagic_t            *hmagic,
                                             sip_t const             *sip,
                                             tagi_t                   tags[]);

/* rexian-phone-transport.c */
/* Makes the nua stack listen on the phone's address, port and transport; with port 0
 * it picks free ports first. */
gboolean  _rexian_phone_start_stack         (RexianPhone             *self,
                                             gboolean                 any_port,
                                             GError                 **error);
/* Shuts the stack down and starts it again once nua confirmed; calls in progress end. */
void      _rexian_phone_restart_stack       (RexianPhone             *self);
/* nua confirmed the shutdown that _rexian_phone_restart_stack() asked for. */
void      _rexian_phone_stack_stopped       (RexianPhone             *self);
/* @uri with the transport parameter that makes nua send over the phone's transport;
 * a copy of @uri when nothing needs adding. */
char     *_rexian_phone_route_uri           (RexianPhone             *self,
                                             const char              *uri);
/* Checks the registrar's certificate beside nua's REGISTER over TLS, so that a refused
 * one is said at once and in words: the registration fails with tls_error. */
void      _rexian_phone_check_tls           (RexianPhone             *self);
void      _rexian_phone_watch_network       (RexianPhone             *self);
void      _rexian_phone_transport_dispose   (RexianPhone             *self);

/* What the network monitor's "network-changed" does: re-registers (or listens anew when
 * the bound address came back) once no further change came for the settle time.  For
 * tests, which cannot change the machine's network. */
void      _rexian_phone_network_changed     (RexianPhone             *self);
void      _rexian_phone_set_network_settle_ms (RexianPhone           *self,
                                               guint                  ms);

G_END_DECLS
