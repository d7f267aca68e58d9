/* rexian-transition-dialog-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rexian-transition-dialog.h"

G_BEGIN_DECLS

/* Hooks for tests, which fill the dialog the way a user would without synthesising
 * pointer and key events.  Not for application code. */

/* Selects @department_id in the lead department list; 0 selects "Choose a department". */
void        _rexian_transition_dialog_select_lead_department (RexianTransitionDialog *self,
                                                              gint64                  id);
/* Types @text into the field for @field: REASON, TRANSFER_OPINION, HANDLING_RESULT or
 * MERGE_TARGET (which is looked up at once). */
void        _rexian_transition_dialog_set_field_text         (RexianTransitionDialog *self,
                                                              RexianFieldFlags        field,
                                                              const char             *text);
/* Whether the rows for @field are shown. */
gboolean    _rexian_transition_dialog_is_field_shown         (RexianTransitionDialog *self,
                                                              RexianFieldFlags        field);
/* The refusal shown inside the dialog, or NULL when none is shown. */
const char *_rexian_transition_dialog_get_error              (RexianTransitionDialog *self);
/* Whether the apply button can be pressed. */
gboolean    _rexian_transition_dialog_can_apply              (RexianTransitionDialog *self);
/* The explanation under the merge target's number, or NULL when none is shown. */
const char *_rexian_transition_dialog_get_merge_info         (RexianTransitionDialog *self);
/* Whether an apply is running. */
gboolean    _rexian_transition_dialog_is_busy                (RexianTransitionDialog *self);

G_END_DECLS
