/* rexian-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <libsecret/secret.h>

#include "rexian-phone.h"
#include "rexian-store.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_APPLICATION (rexian_application_get_type ())

G_DECLARE_FINAL_TYPE (RexianApplication, rexian_application, REXIAN, APPLICATION, AdwApplication)

RexianApplication *rexian_application_new            (void);
/* The open shared database; NULL until startup opened it (or when it could not). */
RexianStore       *rexian_application_get_store      (RexianApplication *self);
/* Opens the wall display full screen on this application's database. */
GtkWindow         *rexian_application_open_wallboard (RexianApplication *self);
/* The agent (工号) working at this seat, from the "agent-number" setting, or the first
 * agent in the database. */
gint64             rexian_application_get_agent_id   (RexianApplication *self);
/* The seat's phone, or NULL when it could not start (then the error says why). */
RexianPhone       *rexian_application_get_phone      (RexianApplication *self);
const GError      *rexian_application_get_phone_error (RexianApplication *self);
/* Why the SIP account could not be set up, for people; NULL when it could. */
const char        *rexian_application_get_account_message (RexianApplication *self);
/* Whether looking up the SIP password found no keyring (no Secret Service running). */
gboolean           rexian_application_get_keyring_missing (RexianApplication *self);
/* Registers again, reading the password from the keyring anew (after it changed). */
void               rexian_application_reload_account (RexianApplication *self);
/* The SIP URI to call for @number: a SIP URI as it is, a phone number at the
 * registrar's host.  NULL with @error when there is no way to reach it. */
char              *rexian_application_dup_call_uri   (RexianApplication  *self,
                                                      const char         *number,
                                                      GError            **error);
/* The Secret Service schema of the SIP password, keyed by the SIP address. */
const SecretSchema *rexian_application_get_secret_schema (void);
/* Where translations are: the build tree's when run uninstalled, else LOCALEDIR. */
const char        *rexian_application_get_locale_dir (void);

/* Sets the database before the application starts, as --database does; for tests. */
void               _rexian_application_set_database_path (RexianApplication *self,
                                                          const char        *path);

/* Binds the phone to @address:@port (0: any free port) instead of the settings; call
 * before the application starts.  For tests, which must not take the real port. */
void               _rexian_application_set_sip_bind  (RexianApplication *self,
                                                      const char        *address,
                                                      int                port);

G_END_DECLS
