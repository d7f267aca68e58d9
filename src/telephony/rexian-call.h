/* rexian-call.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rexian-media-session.h"

G_BEGIN_DECLS

typedef enum
{
  REXIAN_CALL_INCOMING,
  REXIAN_CALL_OUTGOING,
} RexianCallDirection;

typedef enum
{
  REXIAN_CALL_STATE_RINGING_IN,  /* offered to the agent, 180 sent */
  REXIAN_CALL_STATE_DIALING,     /* INVITE sent, nothing back yet */
  REXIAN_CALL_STATE_RINGING_OUT, /* the far end rings */
  REXIAN_CALL_STATE_ACTIVE,
  REXIAN_CALL_STATE_HELD,        /* put on hold by the agent */
  REXIAN_CALL_STATE_ENDED,
} RexianCallState;

typedef enum
{
  REXIAN_CALL_END_NONE,             /* not ended yet */
  REXIAN_CALL_END_LOCAL_HANGUP,
  REXIAN_CALL_END_REMOTE_HANGUP,
  REXIAN_CALL_END_DECLINED,         /* 603 sent, or received */
  REXIAN_CALL_END_BUSY,             /* 486 or 600 received, or sent while unavailable */
  REXIAN_CALL_END_CANCELLED,        /* the caller gave up while it rang */
  REXIAN_CALL_END_NO_ANSWER,        /* 408 or 480 */
  REXIAN_CALL_END_TRANSFERRED,      /* handed on with REFER */
  REXIAN_CALL_END_FAILED,           /* any other final status: see the end status */
} RexianCallEndReason;

GType rexian_call_direction_get_type  (void) G_GNUC_CONST;
GType rexian_call_state_get_type      (void) G_GNUC_CONST;
GType rexian_call_end_reason_get_type (void) G_GNUC_CONST;

#define REXIAN_TYPE_CALL_DIRECTION  (rexian_call_direction_get_type ())
#define REXIAN_TYPE_CALL_STATE      (rexian_call_state_get_type ())
#define REXIAN_TYPE_CALL_END_REASON (rexian_call_end_reason_get_type ())

#define REXIAN_TYPE_CALL (rexian_call_get_type ())

G_DECLARE_FINAL_TYPE (RexianCall, rexian_call, REXIAN, CALL, GObject)

/* One call, in either direction, made by a RexianPhone.  Its "state-changed" signal
 * (and notify::state) runs on the main loop whenever the SIP dialog moves on; once the
 * state is ENDED it never changes again. */
RexianCallDirection  rexian_call_get_direction     (RexianCall  *self);
const char          *rexian_call_get_remote_uri    (RexianCall  *self);
/* The user part of the remote URI: the citizen's number ("13803560001"). */
const char          *rexian_call_get_number        (RexianCall  *self);
/* The SIP Call-ID, the same at both ends and at every seat a call rings at; NULL only
 * for an incoming INVITE without one. */
const char          *rexian_call_get_call_id       (RexianCall  *self);
RexianCallState      rexian_call_get_state         (RexianCall  *self);
RexianCallEndReason  rexian_call_get_end_reason    (RexianCall  *self);
/* The SIP status that ended the call (0 when it ended by BYE). */
guint                rexian_call_get_end_status    (RexianCall  *self);
/* Unix seconds; 0 when it has not happened. */
gint64               rexian_call_get_offered_time  (RexianCall  *self);
gint64               rexian_call_get_answered_time (RexianCall  *self);
gint64               rexian_call_get_ended_time    (RexianCall  *self);
/* The audio of the call, or NULL (before the call is offered, or without media). */
RexianMediaSession  *rexian_call_get_media         (RexianCall  *self);

gboolean             rexian_call_answer            (RexianCall  *self,
                                                    GError     **error);
gboolean             rexian_call_decline           (RexianCall  *self,
                                                    GError     **error);
/* Cancels a call still ringing out, sends BYE to an active one. */
gboolean             rexian_call_hangup            (RexianCall  *self,
                                                    GError     **error);
gboolean             rexian_call_hold              (RexianCall  *self,
                                                    GError     **error);
gboolean             rexian_call_resume            (RexianCall  *self,
                                                    GError     **error);
gboolean             rexian_call_send_dtmf         (RexianCall  *self,
                                                    char         digit,
                                                    GError     **error);
/* Blind transfer: the remote party is asked to call @target_uri, then this call ends. */
gboolean             rexian_call_transfer          (RexianCall  *self,
                                                    const char  *target_uri,
                                                    GError     **error);

const char          *rexian_call_end_reason_to_string (RexianCallEndReason reason);

G_END_DECLS
