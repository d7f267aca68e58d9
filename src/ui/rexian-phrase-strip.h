/* rexian-phrase-strip.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rexian-call.h"
#include "rexian-core.h"
#include "rexian-store.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_PHRASE_STRIP (rexian_phrase_strip_get_type ())

G_DECLARE_FINAL_TYPE (RexianPhraseStrip, rexian_phrase_strip, REXIAN, PHRASE_STRIP, GtkWidget)

/* One line in the call panel with the service phrase (GB/T 33358 Appendix B) for the
 * moment of the call, the agent's number and the caller's name filled in: the greeting
 * while the call rings and on answer, then asking the name, the confidentiality question
 * for a complaint or report, checking the record and the closing, one step per "Next"
 * (action "phrase-strip.next"), and the waiting phrase while the caller is on hold.
 *
 * The caller's name, title and request kind come from the intake form opened for the
 * call, followed as the agent types.
 *
 * Properties: "moment" (int, a RexianPhraseMoment) and "text" (string, the phrase as
 * shown), both read-only. */
GtkWidget          *rexian_phrase_strip_new            (void);
void                rexian_phrase_strip_set_store      (RexianPhraseStrip     *self,
                                                        RexianStore           *store);
void                rexian_phrase_strip_set_agent_no   (RexianPhraseStrip     *self,
                                                        const char            *agent_no);
/* @kind is a RexianRequestKind, or -1 when not chosen. */
void                rexian_phrase_strip_set_caller     (RexianPhraseStrip     *self,
                                                        const char            *name,
                                                        const char            *title,
                                                        int                    kind);
void                rexian_phrase_strip_set_call_state (RexianPhraseStrip     *self,
                                                        RexianPhraseCallState  state);
/* Starts again from the greeting, for a new call. */
void                rexian_phrase_strip_restart        (RexianPhraseStrip     *self);
void                rexian_phrase_strip_next           (RexianPhraseStrip     *self);
RexianPhraseMoment  rexian_phrase_strip_get_moment     (RexianPhraseStrip     *self);
const char         *rexian_phrase_strip_get_text       (RexianPhraseStrip     *self);

/* The call panel's hook: follows the panel's current (or ringing) @call, its state and
 * the intake form the window opened for it; hides the strip when there is no incoming
 * call. */
void                rexian_phrase_strip_follow         (RexianPhraseStrip     *self,
                                                        RexianStore           *store,
                                                        gint64                 agent_id,
                                                        RexianCall            *call);

G_END_DECLS
