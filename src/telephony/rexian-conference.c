/* rexian-conference.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rexian-conference.h"

#ifdef REXIAN_HAVE_MEDIA
#include "rexian-media-conference.h"
#endif

struct _RexianConference
{
  GObject                parent_instance;

  RexianCall            *citizen;
  RexianCall            *department;
  RexianConferenceState  state;
#ifdef REXIAN_HAVE_MEDIA
  RexianMediaConference *media;
#endif
};

G_DEFINE_FINAL_TYPE (RexianConference, rexian_conference, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (RexianConferenceState, rexian_conference_state,
  G_DEFINE_ENUM_VALUE (REXIAN_CONFERENCE_STATE_CONSULTING, "consulting"),
  G_DEFINE_ENUM_VALUE (REXIAN_CONFERENCE_STATE_JOINED, "joined"),
  G_DEFINE_ENUM_VALUE (REXIAN_CONFERENCE_STATE_ENDED, "ended"))

enum {
  PROP_0,
  PROP_CITIZEN_CALL,
  PROP_DEPARTMENT_CALL,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_state (RexianConference      *self,
           RexianConferenceState  state)
{
  if (self->state == state || self->state == REXIAN_CONFERENCE_STATE_ENDED)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
on_call_state (RexianConference *self)
{
  if (rexian_call_get_state (self->citizen) != REXIAN_CALL_STATE_ENDED
      && rexian_call_get_state (self->department) != REXIAN_CALL_STATE_ENDED)
    return;

  /* One party hung up (or the department never answered): the media conference has
   * already let go of the stopped call; the other call is a normal call again. */
#ifdef REXIAN_HAVE_MEDIA
  g_clear_object (&self->media);
#endif
  set_state (self, REXIAN_CONFERENCE_STATE_ENDED);
}

RexianConference *
rexian_conference_new (RexianCall *citizen,
                       RexianCall *department)
{
  RexianConference *self;

  g_return_val_if_fail (REXIAN_IS_CALL (citizen), NULL);
  g_return_val_if_fail (REXIAN_IS_CALL (department), NULL);
  g_return_val_if_fail (citizen != department, NULL);

  self = g_object_new (REXIAN_TYPE_CONFERENCE, NULL);
  self->citizen = g_object_ref (citizen);
  self->department = g_object_ref (department);
  g_signal_connect_object (citizen, "notify::state", G_CALLBACK (on_call_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (department, "notify::state", G_CALLBACK (on_call_state), self,
                           G_CONNECT_SWAPPED);
  on_call_state (self);

  return self;
}

RexianConference *
rexian_conference_start (RexianPhone  *phone,
                         RexianCall   *citizen,
                         const char   *department_uri,
                         GError      **error)
{
  RexianCallState state;
  RexianCall *department;

  g_return_val_if_fail (REXIAN_IS_PHONE (phone), NULL);
  g_return_val_if_fail (REXIAN_IS_CALL (citizen), NULL);
  g_return_val_if_fail (department_uri != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  state = rexian_call_get_state (citizen);
  if (state != REXIAN_CALL_STATE_ACTIVE && state != REXIAN_CALL_STATE_HELD)
    {
      g_set_error_literal (error, REXIAN_TELEPHONY_ERROR,
                           REXIAN_TELEPHONY_ERROR_WRONG_STATE,
                           _("Only a call in progress can become a three-way call."));
      return NULL;
    }

  /* The citizen waits on hold, hearing nothing of the agent's talk with the
   * department, until the agent joins the three. */
  if (state == REXIAN_CALL_STATE_ACTIVE && !rexian_call_hold (citizen, error))
    return NULL;

  department = rexian_phone_call (phone, department_uri, error);
  if (department == NULL)
    return NULL;

  return rexian_conference_new (citizen, department);
}

gboolean
rexian_conference_join (RexianConference  *self,
                        GError           **error)
{
  RexianCallState citizen_state;

  g_return_val_if_fail (REXIAN_IS_CONFERENCE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  citizen_state = rexian_call_get_state (self->citizen);
  if (self->state != REXIAN_CONFERENCE_STATE_CONSULTING
      || rexian_call_get_state (self->department) != REXIAN_CALL_STATE_ACTIVE
      || (citizen_state != REXIAN_CALL_STATE_HELD && citizen_state != REXIAN_CALL_STATE_ACTIVE))
    {
      g_set_error_literal (error, REXIAN_TELEPHONY_ERROR,
                           REXIAN_TELEPHONY_ERROR_WRONG_STATE,
                           _("The calls can be joined once the department has answered."));
      return FALSE;
    }

#ifdef REXIAN_HAVE_MEDIA
  if (rexian_call_get_media (self->citizen) == NULL
      || rexian_call_get_media (self->department) == NULL)
    {
      g_set_error_literal (error, REXIAN_TELEPHONY_ERROR,
                           REXIAN_TELEPHONY_ERROR_NOT_SUPPORTED,
                           _("One of the calls has no audio to join."));
      return FALSE;
    }

  /* Bridged first, then off hold: the citizen's first words after the re-INVITE
   * already reach the department. */
  self->media = rexian_media_conference_new (rexian_call_get_media (self->citizen),
                                             rexian_call_get_media (self->department),
                                             error);
  if (self->media == NULL)
    return FALSE;

  if (citizen_state == REXIAN_CALL_STATE_HELD && !rexian_call_resume (self->citizen, error))
    {
      g_clear_object (&self->media);
      return FALSE;
    }

  set_state (self, REXIAN_CONFERENCE_STATE_JOINED);
  return TRUE;
#else
  g_set_error_literal (error, REXIAN_TELEPHONY_ERROR, REXIAN_TELEPHONY_ERROR_NOT_SUPPORTED,
                       _("This build has no audio to join calls with."));
  return FALSE;
#endif
}

gboolean
rexian_conference_hangup_all (RexianConference  *self,
                              GError           **error)
{
  RexianCall *calls[2];

  g_return_val_if_fail (REXIAN_IS_CONFERENCE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  calls[0] = self->department;
  calls[1] = self->citizen;
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    if (rexian_call_get_state (calls[i]) != REXIAN_CALL_STATE_ENDED
        && !rexian_call_hangup (calls[i], error))
      return FALSE;

  return TRUE;
}

RexianCall *
rexian_conference_get_citizen_call (RexianConference *self)
{
  g_return_val_if_fail (REXIAN_IS_CONFERENCE (self), NULL);
  return self->citizen;
}

RexianCall *
rexian_conference_get_department_call (RexianConference *self)
{
  g_return_val_if_fail (REXIAN_IS_CONFERENCE (self), NULL);
  return self->department;
}

RexianConferenceState
rexian_conference_get_state (RexianConference *self)
{
  g_return_val_if_fail (REXIAN_IS_CONFERENCE (self), REXIAN_CONFERENCE_STATE_ENDED);
  return self->state;
}

static void
rexian_conference_dispose (GObject *object)
{
  RexianConference *self = REXIAN_CONFERENCE (object);

#ifdef REXIAN_HAVE_MEDIA
  g_clear_object (&self->media);
#endif
  g_clear_object (&self->citizen);
  g_clear_object (&self->department);

  G_OBJECT_CLASS (rexian_conference_parent_class)->dispose (object);
}

static void
rexian_conference_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RexianConference *self = REXIAN_CONFERENCE (object);

  switch (prop_id)
    {
    case PROP_CITIZEN_CALL:
      g_value_set_object (value, self->citizen);
      break;
    case PROP_DEPARTMENT_CALL:
      g_value_set_object (value, self->department);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_conference_class_init (RexianConferenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rexian_conference_dispose;
  object_class->get_property = rexian_conference_get_property;

  properties[PROP_CITIZEN_CALL] =
    g_param_spec_object ("citizen-call", NULL, NULL, REXIAN_TYPE_CALL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEPARTMENT_CALL] =
    g_param_spec_object ("department-call", NULL, NULL, REXIAN_TYPE_CALL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       REXIAN_TYPE_CONFERENCE_STATE, REXIAN_CONFERENCE_STATE_CONSULTING,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rexian_conference_init (RexianConference *self)
{
  self->state = REXIAN_CONFERENCE_STATE_CONSULTING;
}
