/* rexian-telephony-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sofia-sip/nua.h>
#include <sofia-sip/sip.h>
#include <sofia-sip/su_tag.h>

#include "rexian-call.h"
#include "rexian-phone.h"

G_BEGIN_DECLS

/* The call's instance, shared by rexian-call.c (signalling, state, actions) and
 * rexian-call-media.c (SDP and audio). */
struct _RexianCall
{
  GObject              parent_instance;

  RexianPhone         *phone;        /* not owned: the phone holds its calls, not back */
  nua_handle_t        *nh;           /* owned: destroyed once the dialog terminated */

  RexianCallDirection  direction;
  char                *remote_uri;
  char                *number;
  /* The SIP Call-ID: the key every seat's report of this call is merged on. */
  char                *call_id;
  RexianCallState      state;
  RexianCallEndReason  end_reason;
  guint                end_status;
  gint64               offered_time;
  gint64               answered_time;
  gint64               ended_time;

  RexianMediaSession  *media;
  guint                prepare_id;
  gboolean             media_started;
  char                *remote_sdp;
  guint                auth_tries;
};

/* rexian-call-media.c */
char       *rexian_call_build_sdp      (RexianCall        *self);
void        rexian_call_create_media   (RexianCall        *self,
                                        const sip_t       *sip);
void        rexian_call_start_media    (RexianCall        *self);
void        rexian_call_stop_media     (RexianCall        *self);

/* The call takes over @nh (binds itself as its magic and destroys it once terminated). */
RexianCall *rexian_call_new_incoming   (RexianPhone       *phone,
                                        nua_handle_t      *nh,
                                        const sip_t       *sip);
RexianCall *rexian_call_new_outgoing   (RexianPhone       *phone,
                                        nua_handle_t      *nh,
                                        const char        *uri);
/* Sends the INVITE of an outgoing call. */
void        rexian_call_dial           (RexianCall        *self);
void        rexian_call_handle_event   (RexianCall        *self,
                                        nua_event_t        event,
                                        int                status,
                                        const char        *phrase,
                                        const sip_t       *sip,
                                        tagi_t             tags[]);
/* The phone goes away: end the dialog without waiting for the far end. */
void        rexian_call_detach         (RexianCall        *self);

/* Answers a 401/407 on @nh with the account's credentials; FALSE when there are none
 * or the challenge is unusable. */
gboolean    rexian_phone_authenticate  (RexianPhone       *self,
                                        nua_handle_t      *nh,
                                        const sip_t       *sip);
const char *rexian_phone_get_media_address (RexianPhone   *self);
/* The call reached ENDED: the phone lets go of it. */
void        rexian_phone_forget_call   (RexianPhone       *self,
                                        RexianCall        *call);

G_END_DECLS
