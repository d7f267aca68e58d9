/* rexian-knowledge-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rexian-store.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_KNOWLEDGE_VIEW (rexian_knowledge_view_get_type ())

G_DECLARE_FINAL_TYPE (RexianKnowledgeView, rexian_knowledge_view,
                      REXIAN, KNOWLEDGE_VIEW, GtkWidget)

/* The knowledge base (知识库): articles searched as the agent types, with the matches
 * highlighted, filtered by category, department and the stale flags, read in a detail
 * pane and edited there; and the directory of service halls and points, whose phone
 * numbers are called through app.call-number.  Import and export as CSV and JSON.
 *
 * Signal "message" (const char *): something for the agent to read, such as the outcome
 * of an import. */
RexianKnowledgeView *rexian_knowledge_view_new       (void);
void                 rexian_knowledge_view_set_store (RexianKnowledgeView *self,
                                                      RexianStore         *store);
/* Searches again and re-reads the directory, as after another seat's change. */
void                 rexian_knowledge_view_refresh   (RexianKnowledgeView *self);

G_END_DECLS
