/* rexian-media-conference.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rexian-media-session.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_MEDIA_CONFERENCE (rexian_media_conference_get_type ())

G_DECLARE_FINAL_TYPE (RexianMediaConference, rexian_media_conference, REXIAN,
                      MEDIA_CONFERENCE, GObject)

/* The audio of a three-way call (三方通话): two calls of the agent, the citizen's and
 * the department's, joined so that everyone hears the other two.
 *
 * The mixing is local: each call keeps its own pipeline, codec and RTP, and what each
 * one decodes from its far end is carried into the other's send mixer, beside the
 * agent's microphone.  So the department hears the agent and the citizen, the citizen
 * hears the agent and the department, and the agent hears both on the speaker (each
 * call still plays its own far end).  The agent's mute silences only the agent.
 *
 * Recording: each call's recording keeps going.  Its left channel stays its own far
 * end; its right channel is what that call sends, so during the conference the
 * citizen's recording has the agent and the department together on the right, and a
 * recorded department call has the agent and the citizen there.
 *
 * Both sessions must be started.  The conference ends on split(), on the last
 * reference, or by itself as soon as either session stops (one party hung up): the
 * other call then goes on as a normal two-party call, its microphone path untouched.
 *
 * Property "joined" (boolean): the two calls are bridged. */
RexianMediaConference *rexian_media_conference_new        (RexianMediaSession     *first,
                                                           RexianMediaSession     *second,
                                                           GError                **error);
gboolean               rexian_media_conference_get_joined (RexianMediaConference  *self);
/* Un-joins the two calls; nothing happens if they are no longer joined. */
void                   rexian_media_conference_split      (RexianMediaConference  *self);

G_END_DECLS
