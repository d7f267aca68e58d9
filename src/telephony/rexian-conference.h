/* rexian-conference.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rexian-call.h"
#include "rexian-phone.h"

G_BEGIN_DECLS

typedef enum
{
  REXIAN_CONFERENCE_STATE_CONSULTING, /* the department is called or talks with the agent
                                       * while the citizen waits on hold */
  REXIAN_CONFERENCE_STATE_JOINED,     /* all three hear each other */
  REXIAN_CONFERENCE_STATE_ENDED,      /* a call ended: whatever is left is a normal call */
} RexianConferenceState;

GType rexian_conference_state_get_type (void) G_GNUC_CONST;
#define REXIAN_TYPE_CONFERENCE_STATE (rexian_conference_state_get_type ())

#define REXIAN_TYPE_CONFERENCE (rexian_conference_get_type ())

G_DECLARE_FINAL_TYPE (RexianConference, rexian_conference, REXIAN, CONFERENCE, GObject)

/* The three-way call (三方通话) of GB/T 33358: with the citizen on the line the agent
 * calls the department that handles the matter, the citizen waiting on hold; once the
 * department answers, join() takes the citizen off hold and mixes the two calls
 * locally (RexianMediaConference), so that everyone hears the other two.  Either party
 * hanging up leaves the other connected to the agent as a normal call; hangup_all()
 * ends both.
 *
 * Properties: "citizen-call", "department-call" (RexianCall), "state"
 * (RexianConferenceState, notified on the main loop). */

/* Puts @citizen on hold and calls @department_uri through @phone. */
RexianConference      *rexian_conference_start      (RexianPhone       *phone,
                                                     RexianCall        *citizen,
                                                     const char        *department_uri,
                                                     GError           **error);
/* For a caller that placed the department's call itself (to log and record it): the
 * agent's two calls, @citizen already on hold or going on hold. */
RexianConference      *rexian_conference_new        (RexianCall        *citizen,
                                                     RexianCall        *department);
RexianCall            *rexian_conference_get_citizen_call    (RexianConference *self);
RexianCall            *rexian_conference_get_department_call (RexianConference *self);
RexianConferenceState  rexian_conference_get_state  (RexianConference  *self);
/* Joins the citizen's call to the department's, which must be answered. */
gboolean               rexian_conference_join       (RexianConference  *self,
                                                     GError           **error);
/* Hangs up both calls. */
gboolean               rexian_conference_hangup_all (RexianConference  *self,
                                                     GError           **error);

G_END_DECLS
