/* rexian-transition-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rexian-store.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_TRANSITION_DIALOG (rexian_transition_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RexianTransitionDialog, rexian_transition_dialog,
                      REXIAN, TRANSITION_DIALOG, AdwWindow)

/* A modal dialog that asks for what one lifecycle action needs (the rows shown follow
 * the core transition table's required fields: reason, lead and assisting departments,
 * transfer opinion, handling days, handler, handling result, satisfaction, extension
 * days, the order to merge into) and applies it with rexian_store_apply_async().
 *
 * A refusal (lifecycle or store error) is shown inside the dialog, which stays open so
 * nothing typed is lost.  On success it emits "applied" (RexianWorkOrder *updated) and
 * closes; closing without applying emits "cancelled". */
RexianTransitionDialog *rexian_transition_dialog_new (GtkWindow       *parent,
                                                      RexianStore     *store,
                                                      RexianWorkOrder *order,
                                                      RexianAction     action,
                                                      gint64           agent_id);

/* Whether @action needs any input at all; when not, callers may apply it directly. */
gboolean rexian_transition_dialog_action_needs_input (RexianAction action);

G_END_DECLS
