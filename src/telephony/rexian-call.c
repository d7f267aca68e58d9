/* rexian-call.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include <sofia-sip/sdp.h>
#include <sofia-sip/sip_status.h>
#include <sofia-sip/soa_tag.h>
#include <sofia-sip/su_tag_io.h>
#include <sofia-sip/url.h>

#include "rexian-call.h"
#include "rexian-telephony-private.h"


G_DEFINE_FINAL_TYPE (RexianCall, rexian_call, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (RexianCallDirection, rexian_call_direction,
  G_DEFINE_ENUM_VALUE (REXIAN_CALL_INCOMING, "incoming"),
  G_DEFINE_ENUM_VALUE (REXIAN_CALL_OUTGOING, "outgoing"))

G_DEFINE_ENUM_TYPE (RexianCallState, rexian_call_state,
  G_DEFINE_ENUM_VALUE (REXIAN_CALL_STATE_RINGING_IN, "ringing-in"),
  G_DEFINE_ENUM_VALUE (REXIAN_CALL_STATE_DIALING, "dialing"),
  G_DEFINE_ENUM_VALUE (REXIAN_CALL_STATE_RINGING_OUT, "ringing-out"),
  G_DEFINE_ENUM_VALUE (REXIAN_CALL_STATE_ACTIVE, "active"),
  G_DEFINE_ENUM_VALUE (REXIAN_CALL_STATE_HELD, "held"),
  G_DEFINE_ENUM_VALUE (REXIAN_CALL_STATE_ENDED, "ended"))

G_DEFINE_ENUM_TYPE (RexianCallEndReason, rexian_call_end_reason,
  G_DEFINE_ENUM_VALUE (REXIAN_CALL_END_NONE, "none"),
  G_DEFINE_ENUM_VALUE (REXIAN_CALL_END_LOCAL_HANGUP, "local-hangup"),
  G_DEFINE_ENUM_VALUE (REXIAN_CALL_END_REMOTE_HANGUP, "remote-hangup"),
  G_DEFINE_ENUM_VALUE (REXIAN_CALL_END_DECLINED, "declined"),
  G_DEFINE_ENUM_VALUE (REXIAN_CALL_END_BUSY, "busy"),
  G_DEFINE_ENUM_VALUE (REXIAN_CALL_END_CANCELLED, "cancelled"),
  G_DEFINE_ENUM_VALUE (REXIAN_CALL_END_NO_ANSWER, "no-answer"),
  G_DEFINE_ENUM_VALUE (REXIAN_CALL_END_TRANSFERRED, "transferred"),
  G_DEFINE_ENUM_VALUE (REXIAN_CALL_END_FAILED, "failed"))

enum {
  PROP_0,
  PROP_DIRECTION,
  PROP_REMOTE_URI,
  PROP_NUMBER,
  PROP_STATE,
  PROP_END_REASON,
  PROP_OFFERED_TIME,
  PROP_ANSWERED_TIME,
  PROP_ENDED_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  STATE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


const char *
rexian_call_end_reason_to_string (RexianCallEndReason reason)
{
  switch (reason)
    {
    case REXIAN_CALL_END_NONE:
      return "none";
    case REXIAN_CALL_END_LOCAL_HANGUP:
      return "hung up locally";
    case REXIAN_CALL_END_REMOTE_HANGUP:
      return "hung up remotely";
    case REXIAN_CALL_END_DECLINED:
      return "declined";
    case REXIAN_CALL_END_BUSY:
      return "busy";
    case REXIAN_CALL_END_CANCELLED:
      return "cancelled by caller";
    case REXIAN_CALL_END_NO_ANSWER:
      return "no answer";
    case REXIAN_CALL_END_TRANSFERRED:
      return "transferred";
    case REXIAN_CALL_END_FAILED:
    default:
      return "failed";
    }
}

static char *
user_part (const char *uri)
{
  const char *start;
  const char *at;

  if (uri == NULL)
    return g_strdup ("");

  start = uri;
  if (g_str_has_prefix (start, "sips:"))
    start += 5;
  else if (g_str_has_prefix (start, "sip:"))
    start += 4;
  else if (g_str_has_prefix (start, "tel:"))
    return g_strndup (start + 4, strcspn (start + 4, ";?>"));

  at = strchr (start, '@');
  if (at == NULL)
    return g_strdup ("");

  return g_strndup (start, at - start);
}

static void
set_remote (RexianCall      *self,
            const url_t     *url)
{
  su_home_t home[1] = { SU_HOME_INIT (home) };
  char *text;

  if (url == NULL)
    return;

  text = url_as_string (home, url);
  if (text != NULL)
    {
      g_free (self->remote_uri);
      self->remote_uri = g_strdup (text);
      g_free (self->number);
      self->number = url->url_user != NULL ? g_strdup (url->url_user) : g_strdup ("");
    }
  su_home_deinit (home);
}

static void
set_state (RexianCall      *self,
           RexianCallState  state)
{
  if (self->state == state || self->state == REXIAN_CALL_STATE_ENDED)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  g_signal_emit (self, signals[STATE_CHANGED], 0, state);
}

static void
set_end_reason (RexianCall          *self,
                RexianCallEndReason  reason,
                guint                status)
{
  /* The first cause wins: a CANCEL is followed by a 487, a BYE by its 200. */
  if (self->end_reason != REXIAN_CALL_END_NONE)
    return;

  self->end_reason = reason;
  self->end_status = status;
}

static RexianCallEndReason
reason_for_status (int status)
{
  switch (status)
    {
    case 486:
    case 600:
      return REXIAN_CALL_END_BUSY;
    case 603:
      return REXIAN_CALL_END_DECLINED;
    case 408:
    case 480:
      return REXIAN_CALL_END_NO_ANSWER;
    default:
      return REXIAN_CALL_END_FAILED;
    }
}

static void
end_call (RexianCall *self,
          int         status)
{
  g_autoptr(RexianCall) keep = g_object_ref (self);

  if (self->state == REXIAN_CALL_STATE_ENDED)
    return;

  if (self->end_reason == REXIAN_CALL_END_NONE)
    {
      if (status >= 300)
        set_end_reason (self, reason_for_status (status), status);
      else
        set_end_reason (self, REXIAN_CALL_END_FAILED, status);
    }

  if (self->nh != NULL)
    {
      nua_handle_bind (self->nh, NULL);
      g_clear_pointer (&self->nh, nua_handle_destroy);
    }

  rexian_call_stop_media (self);

  self->ended_time = g_get_real_time () / G_USEC_PER_SEC;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_REASON]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDED_TIME]);
  set_state (self, REXIAN_CALL_STATE_ENDED);

  if (self->phone != NULL)
    rexian_phone_forget_call (self->phone, self);
}

static void
handle_state (RexianCall *self,
              int         status,
              tagi_t      tags[])
{
  int callstate = nua_callstate_init;
  int audio = SOA_ACTIVE_DISABLED;
  const char *remote_sdp = NULL;

  tl_gets (tags,
           NUTAG_CALLSTATE_REF (callstate),
           SOATAG_ACTIVE_AUDIO_REF (audio),
           SOATAG_REMOTE_SDP_STR_REF (remote_sdp),
           TAG_END ());

  if (remote_sdp != NULL)
    {
      g_free (self->remote_sdp);
      self->remote_sdp = g_strdup (remote_sdp);
    }

  switch (callstate)
    {
    /* Only the first INVITE dials and rings; re-INVITEs (hold) pass through here too. */
    case nua_callstate_calling:
      if (self->answered_time == 0)
        set_state (self, REXIAN_CALL_STATE_DIALING);
      break;

    case nua_callstate_proceeding:
      if (self->answered_time == 0)
        set_state (self, REXIAN_CALL_STATE_RINGING_OUT);
      break;

    case nua_callstate_ready:
      if (self->answered_time == 0)
        {
          self->answered_time = g_get_real_time () / G_USEC_PER_SEC;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWERED_TIME]);
        }
#ifdef REXIAN_HAVE_MEDIA
      rexian_call_start_media (self);
#endif
      /* Our side only sending (or nothing at all) means we asked for hold. */
      if (audio == SOA_ACTIVE_SENDONLY || audio == SOA_ACTIVE_INACTIVE)
        {
#ifdef REXIAN_HAVE_MEDIA
          if (self->media != NULL)
            rexian_media_session_set_hold (self->media, TRUE);
#endif
          set_state (self, REXIAN_CALL_STATE_HELD);
        }
      else
        {
#ifdef REXIAN_HAVE_MEDIA
          if (self->media != NULL)
            rexian_media_session_set_hold (self->media, FALSE);
#endif
          set_state (self, REXIAN_CALL_STATE_ACTIVE);
        }
      break;

    case nua_callstate_terminated:
      end_call (self, status);
      break;

    default:
      break;
    }
}

void
rexian_call_handle_event (RexianCall  *self,
                          nua_event_t  event,
                          int          status,
                          const char  *phrase,
                          const sip_t *sip,
                          tagi_t       tags[])
{
  g_return_if_fail (REXIAN_IS_CALL (self));

  switch (event)
    {
    case nua_i_state:
      handle_state (self, status, tags);
      break;

    case nua_r_invite:
      if ((status == 401 || status == 407) && self->nh != NULL && self->phone != NULL &&
          self->auth_tries++ < 1 && rexian_phone_authenticate (self->phone, self->nh, sip))
        break;
      /* A refused re-INVITE leaves the call as it was. */
      if (status >= 300 && self->answered_time == 0)
        set_end_reason (self, status == 487 ? REXIAN_CALL_END_LOCAL_HANGUP
                                            : reason_for_status (status), status);
      break;

    case nua_i_cancel:
      set_end_reason (self, REXIAN_CALL_END_CANCELLED, 0);
      break;

    case nua_i_bye:
      set_end_reason (self, REXIAN_CALL_END_REMOTE_HANGUP, 0);
      break;

    case nua_r_bye:
      set_end_reason (self, REXIAN_CALL_END_LOCAL_HANGUP, 0);
      break;

    case nua_r_refer:
      if (status >= 200 && status < 300 && self->nh != NULL)
        {
          /* Blind transfer: once the far end took the REFER our leg has no more use. */
          set_end_reason (self, REXIAN_CALL_END_TRANSFERRED, 0);
          nua_bye (self->nh, TAG_END ());
        }
      else if (status >= 300)
        g_message ("Transfer of %s refused: %d %s", self->remote_uri, status,
                   phrase != NULL ? phrase : "");
      break;

    default:
      break;
    }
}

RexianCall *
rexian_call_new_incoming (RexianPhone  *phone,
                          nua_handle_t *nh,
                          const sip_t  *sip)
{
  RexianCall *self = g_object_new (REXIAN_TYPE_CALL, NULL);

  self->phone = phone;
  self->nh = nh;
  self->direction = REXIAN_CALL_INCOMING;
  self->state = REXIAN_CALL_STATE_RINGING_IN;
  self->offered_time = g_get_real_time () / G_USEC_PER_SEC;
  nua_handle_bind (nh, (nua_hmagic_t *) self);

  if (sip != NULL && sip->sip_from != NULL)
    set_remote (self, sip->sip_from->a_url);
  if (sip != NULL && sip->sip_call_id != NULL && sip->sip_call_id->i_id != NULL)
    self->call_id = g_strdup (sip->sip_call_id->i_id);
  if (self->remote_uri == NULL)
    {
      self->remote_uri = g_strdup ("");
      self->number = g_strdup ("");
    }

  rexian_call_create_media (self, sip);

  return self;
}

RexianCall *
rexian_call_new_outgoing (RexianPhone  *phone,
                          nua_handle_t *nh,
                          const char   *uri)
{
  RexianCall *self = g_object_new (REXIAN_TYPE_CALL, NULL);

  self->phone = phone;
  self->nh = nh;
  self->direction = REXIAN_CALL_OUTGOING;
  self->state = REXIAN_CALL_STATE_DIALING;
  self->offered_time = g_get_real_time () / G_USEC_PER_SEC;
  self->remote_uri = g_strdup (uri);
  self->number = user_part (uri);
  /* Chosen here rather than by the stack so that it is known before the INVITE goes
   * out: the call log has its row from the moment the agent dials. */
  self->call_id = g_uuid_string_random ();
  nua_handle_bind (nh, (nua_hmagic_t *) self);

  rexian_call_create_media (self, NULL);

  return self;
}

void
rexian_call_dial (RexianCall *self)
{
  g_autofree char *sdp = NULL;

  g_return_if_fail (REXIAN_IS_CALL (self));
  g_return_if_fail (self->nh != NULL);

  sdp = rexian_call_build_sdp (self);
  nua_invite (self->nh, SIPTAG_CALL_ID_STR (self->call_id), SOATAG_USER_SDP_STR (sdp),
              TAG_END ());
}

void
rexian_call_detach (RexianCall *self)
{
  g_return_if_fail (REXIAN_IS_CALL (self));

  self->phone = NULL;
  if (self->state != REXIAN_CALL_STATE_ENDED)
    {
      set_end_reason (self, REXIAN_CALL_END_LOCAL_HANGUP, 0);
      end_call (self, 0);
    }
}

/* @refusal is the sentence the agent reads when the call is not in a state for it. */
static gboolean
check_state (RexianCall  *self,
             gboolean     ok,
             const char  *refusal,
             GError     **error)
{
  if (ok && self->nh != NULL)
    return TRUE;

  g_set_error_literal (error, REXIAN_TELEPHONY_ERROR, REXIAN_TELEPHONY_ERROR_WRONG_STATE,
                       refusal);
  return FALSE;
}

gboolean
rexian_call_answer (RexianCall  *self,
                    GError     **error)
{
  g_autofree char *sdp = NULL;

  g_return_val_if_fail (REXIAN_IS_CALL (self), FALSE);

  if (!check_state (self, self->state == REXIAN_CALL_STATE_RINGING_IN,
                    _("Only a ringing call can be answered."), error))
    return FALSE;

  sdp = rexian_call_build_sdp (self);
  nua_respond (self->nh, SIP_200_OK, SOATAG_USER_SDP_STR (sdp), TAG_END ());

  return TRUE;
}

gboolean
rexian_call_decline (RexianCall  *self,
                     GError     **error)
{
  g_return_val_if_fail (REXIAN_IS_CALL (self), FALSE);

  if (!check_state (self, self->state == REXIAN_CALL_STATE_RINGING_IN,
                    _("Only a ringing call can be declined."), error))
    return FALSE;

  set_end_reason (self, REXIAN_CALL_END_DECLINED, 603);
  nua_respond (self->nh, SIP_603_DECLINE, TAG_END ());

  return TRUE;
}

gboolean
rexian_call_hangup (RexianCall  *self,
                    GError     **error)
{
  g_return_val_if_fail (REXIAN_IS_CALL (self), FALSE);

  switch (self->state)
    {
    case REXIAN_CALL_STATE_RINGING_IN:
      return rexian_call_decline (self, error);

    case REXIAN_CALL_STATE_DIALING:
    case REXIAN_CALL_STATE_RINGING_OUT:
      if (!check_state (self, TRUE, _("This call has already ended."), error))
        return FALSE;
      set_end_reason (self, REXIAN_CALL_END_LOCAL_HANGUP, 0);
      nua_cancel (self->nh, TAG_END ());
      return TRUE;

    case REXIAN_CALL_STATE_ACTIVE:
    case REXIAN_CALL_STATE_HELD:
      if (!check_state (self, TRUE, _("This call has already ended."), error))
        return FALSE;
      set_end_reason (self, REXIAN_CALL_END_LOCAL_HANGUP, 0);
      nua_bye (self->nh, TAG_END ());
      return TRUE;

    case REXIAN_CALL_STATE_ENDED:
    default:
      return check_state (self, FALSE, _("This call has already ended."), error);
    }
}

gboolean
rexian_call_hold (RexianCall  *self,
                  GError     **error)
{
  g_return_val_if_fail (REXIAN_IS_CALL (self), FALSE);

  if (!check_state (self, self->state == REXIAN_CALL_STATE_ACTIVE,
                    _("Only a call in progress can be put on hold."), error))
    return FALSE;

  /* soa turns this into a re-INVITE with a=sendonly. */
  nua_invite (self->nh, SOATAG_HOLD ("audio"), TAG_END ());

  return TRUE;
}

gboolean
rexian_call_resume (RexianCall  *self,
                    GError     **error)
{
  g_return_val_if_fail (REXIAN_IS_CALL (self), FALSE);

  if (!check_state (self, self->state == REXIAN_CALL_STATE_HELD,
                    _("Only a call on hold can be resumed."), error))
    return FALSE;

  nua_invite (self->nh, SOATAG_HOLD (NULL), TAG_END ());

  return TRUE;
}

gboolean
rexian_call_send_dtmf (RexianCall  *self,
                       char         digit,
                       GError     **error)
{
  g_return_val_if_fail (REXIAN_IS_CALL (self), FALSE);

  if (!check_state (self, self->state == REXIAN_CALL_STATE_ACTIVE,
                    _("Keys can be sent only during a call in progress."), error))
    return FALSE;

#ifdef REXIAN_HAVE_MEDIA
  if (self->media != NULL && self->media_started)
    return rexian_media_session_send_dtmf (self->media, digit, error);
#endif

  g_set_error (error, REXIAN_TELEPHONY_ERROR, REXIAN_TELEPHONY_ERROR_NOT_SUPPORTED,
               _("This call has no audio to carry telephone keys."));
  return FALSE;
}

gboolean
rexian_call_transfer (RexianCall  *self,
                      const char  *target_uri,
                      GError     **error)
{
  g_return_val_if_fail (REXIAN_IS_CALL (self), FALSE);
  g_return_val_if_fail (target_uri != NULL, FALSE);

  if (!check_state (self, self->state == REXIAN_CALL_STATE_ACTIVE ||
                          self->state == REXIAN_CALL_STATE_HELD, "transfer", error))
    return FALSE;

  if (!g_str_has_prefix (target_uri, "sip:") && !g_str_has_prefix (target_uri, "sips:"))
    {
      g_set_error (error, REXIAN_TELEPHONY_ERROR, REXIAN_TELEPHONY_ERROR_INVALID_URI,
                   _("“%s” is not a SIP address."), target_uri);
      return FALSE;
    }

  nua_refer (self->nh, SIPTAG_REFER_TO_STR (target_uri), TAG_END ());

  return TRUE;
}

RexianCallDirection
rexian_call_get_direction (RexianCall *self)
{
  g_return_val_if_fail (REXIAN_IS_CALL (self), REXIAN_CALL_INCOMING);
  return self->direction;
}

const char *
rexian_call_get_remote_uri (RexianCall *self)
{
  g_return_val_if_fail (REXIAN_IS_CALL (self), NULL);
  return self->remote_uri;
}

const char *
rexian_call_get_number (RexianCall *self)
{
  g_return_val_if_fail (REXIAN_IS_CALL (self), NULL);
  return self->number;
}

const char *
rexian_call_get_call_id (RexianCall *self)
{
  g_return_val_if_fail (REXIAN_IS_CALL (self), NULL);
  return self->call_id;
}

RexianCallState
rexian_call_get_state (RexianCall *self)
{
  g_return_val_if_fail (REXIAN_IS_CALL (self), REXIAN_CALL_STATE_ENDED);
  return self->state;
}

RexianCallEndReason
rexian_call_get_end_reason (RexianCall *self)
{
  g_return_val_if_fail (REXIAN_IS_CALL (self), REXIAN_CALL_END_NONE);
  return self->end_reason;
}

guint
rexian_call_get_end_status (RexianCall *self)
{
  g_return_val_if_fail (REXIAN_IS_CALL (self), 0);
  return self->end_status;
}

gint64
rexian_call_get_offered_time (RexianCall *self)
{
  g_return_val_if_fail (REXIAN_IS_CALL (self), 0);
  return self->offered_time;
}

gint64
rexian_call_get_answered_time (RexianCall *self)
{
  g_return_val_if_fail (REXIAN_IS_CALL (self), 0);
  return self->answered_time;
}

gint64
rexian_call_get_ended_time (RexianCall *self)
{
  g_return_val_if_fail (REXIAN_IS_CALL (self), 0);
  return self->ended_time;
}

RexianMediaSession *
rexian_call_get_media (RexianCall *self)
{
  g_return_val_if_fail (REXIAN_IS_CALL (self), NULL);
  return self->media;
}

static void
rexian_call_dispose (GObject *object)
{
  RexianCall *self = (RexianCall *) object;

  g_clear_handle_id (&self->prepare_id, g_source_remove);
  if (self->nh != NULL)
    {
      nua_handle_bind (self->nh, NULL);
      g_clear_pointer (&self->nh, nua_handle_destroy);
    }
  g_clear_object (&self->media);

  G_OBJECT_CLASS (rexian_call_parent_class)->dispose (object);
}

static void
rexian_call_finalize (GObject *object)
{
  RexianCall *self = (RexianCall *) object;

  g_free (self->remote_uri);
  g_free (self->number);
  g_free (self->call_id);
  g_free (self->remote_sdp);

  G_OBJECT_CLASS (rexian_call_parent_class)->finalize (object);
}

static void
rexian_call_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RexianCall *self = REXIAN_CALL (object);

  switch (prop_id)
    {
    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;
    case PROP_REMOTE_URI:
      g_value_set_string (value, self->remote_uri);
      break;
    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_END_REASON:
      g_value_set_enum (value, self->end_reason);
      break;
    case PROP_OFFERED_TIME:
      g_value_set_int64 (value, self->offered_time);
      break;
    case PROP_ANSWERED_TIME:
      g_value_set_int64 (value, self->answered_time);
      break;
    case PROP_ENDED_TIME:
      g_value_set_int64 (value, self->ended_time);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_call_class_init (RexianCallClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rexian_call_dispose;
  object_class->finalize = rexian_call_finalize;
  object_class->get_property = rexian_call_get_property;

  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL,
                       REXIAN_TYPE_CALL_DIRECTION, REXIAN_CALL_INCOMING,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMOTE_URI] =
    g_param_spec_string ("remote-uri", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       REXIAN_TYPE_CALL_STATE, REXIAN_CALL_STATE_DIALING,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END_REASON] =
    g_param_spec_enum ("end-reason", NULL, NULL,
                       REXIAN_TYPE_CALL_END_REASON, REXIAN_CALL_END_NONE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OFFERED_TIME] =
    g_param_spec_int64 ("offered-time", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANSWERED_TIME] =
    g_param_spec_int64 ("answered-time", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENDED_TIME] =
    g_param_spec_int64 ("ended-time", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[STATE_CHANGED] =
    g_signal_new ("state-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, REXIAN_TYPE_CALL_STATE);
}

static void
rexian_call_init (RexianCall *self)
{
}
