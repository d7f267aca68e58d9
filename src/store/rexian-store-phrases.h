/* rexian-store-phrases.h: the service phrases and the forbidden-phrase list shared by
 * every seat.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rexian-core.h"
#include "rexian-store.h"

G_BEGIN_DECLS

/* The phrase for each moment, indexed by RexianPhraseMoment (REXIAN_N_PHRASE_MOMENTS
 * entries and a NULL); the standard's default where no seat has set one. */
char   **rexian_store_dup_phrases            (RexianStore         *self,
                                              GError             **error);
char    *rexian_store_dup_phrase             (RexianStore         *self,
                                              RexianPhraseMoment   moment,
                                              GError             **error);
/* Whether a seat has set its own wording for @moment. */
gboolean rexian_store_phrase_is_custom       (RexianStore         *self,
                                              RexianPhraseMoment   moment);
/* A NULL or empty @text, or the default's own text, goes back to the default. */
gboolean rexian_store_set_phrase             (RexianStore         *self,
                                              RexianPhraseMoment   moment,
                                              const char          *text,
                                              GError             **error);

/* The forbidden phrases, sorted; the defaults until the list has been saved. */
char   **rexian_store_dup_forbidden_phrases  (RexianStore         *self,
                                              GError             **error);
/* Replaces the whole list; entries are trimmed, empty and repeated ones dropped. */
gboolean rexian_store_set_forbidden_phrases  (RexianStore         *self,
                                              const char * const  *phrases,
                                              GError             **error);

G_END_DECLS
