/* rexian-visit-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rexian-store-followup.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_VISIT_DIALOG (rexian_visit_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RexianVisitDialog, rexian_visit_dialog, REXIAN, VISIT_DIALOG, AdwWindow)

/* A dialog that records one follow-up attempt for @item and saves it with the store.
 *
 * Signals:
 *   "recorded" (int result, guint attempts, const char *message): the attempt is saved;
 *   @result is a RexianVisitResult and @message says what happened, for a toast.  The
 *   dialog closes itself afterwards. */
RexianVisitDialog *rexian_visit_dialog_new (GtkWindow                *parent,
                                            RexianStore              *store,
                                            const RexianFollowupItem *item,
                                            guint                     max_attempts,
                                            gint64                    agent_id);

/* For tests: fill the form and save as an agent would. */
void _rexian_visit_dialog_set_answers (RexianVisitDialog  *self,
                                       gboolean            reached,
                                       RexianSatisfaction  process,
                                       RexianSatisfaction  result,
                                       const char         *reason);
void _rexian_visit_dialog_save        (RexianVisitDialog  *self);
/* The error shown in the dialog, or NULL. */
const char *_rexian_visit_dialog_get_error (RexianVisitDialog *self);

G_END_DECLS
