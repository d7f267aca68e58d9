/* rexian-phrases-page-private.h: what the tests look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rexian-core.h"
#include "rexian-phrases-page.h"

G_BEGIN_DECLS

AdwEntryRow *_rexian_phrases_page_get_phrase_row    (RexianPhrasesPage  *self,
                                                     RexianPhraseMoment  moment);
AdwEntryRow *_rexian_phrases_page_get_forbidden_row (RexianPhrasesPage  *self);
gboolean     _rexian_phrases_page_is_editable       (RexianPhrasesPage  *self);
const char  *_rexian_phrases_page_get_note          (RexianPhrasesPage  *self);

G_END_DECLS
