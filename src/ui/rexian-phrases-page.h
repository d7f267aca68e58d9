/* rexian-phrases-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rexian-store.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_PHRASES_PAGE (rexian_phrases_page_get_type ())

G_DECLARE_FINAL_TYPE (RexianPhrasesPage, rexian_phrases_page, REXIAN, PHRASES_PAGE,
                      AdwPreferencesPage)

/* Preferences → Phrases: the service phrase for each moment of a call (GB/T 33358
 * Appendix B) and the phrases a written reply may not contain (DB1405 5.1.4), both
 * shared by every seat through the store.  Only a supervisor changes them; any other
 * agent sees them read-only with the reason. */
GtkWidget *rexian_phrases_page_new (RexianStore *store);

G_END_DECLS
