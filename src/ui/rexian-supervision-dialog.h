/* rexian-supervision-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rexian-store-supervision.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_SUPERVISION_DIALOG (rexian_supervision_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RexianSupervisionDialog, rexian_supervision_dialog, REXIAN,
                      SUPERVISION_DIALOG, AdwWindow)

/* A dialog that adds a supervision record to an order (cause, manual by default;
 * method; the person responsible, from the "supervision-responsible" setting when one
 * is given; a note), or records the outcome of an existing record.  It writes on the
 * store's worker thread, emits "saved" and closes; a refusal stays in the dialog. */
RexianSupervisionDialog *
rexian_supervision_dialog_new_record  (GtkWindow                     *parent,
                                       RexianStore                   *store,
                                       gint64                         order_id,
                                       const char                    *order_number,
                                       gint64                         agent_id);
RexianSupervisionDialog *
rexian_supervision_dialog_new_outcome (GtkWindow                     *parent,
                                       RexianStore                   *store,
                                       const RexianSupervisionRecord *record,
                                       gint64                         agent_id);

/* For the tests: the rows. */
AdwComboRow *rexian_supervision_dialog_get_method_row      (RexianSupervisionDialog *self);
AdwEntryRow *rexian_supervision_dialog_get_responsible_row (RexianSupervisionDialog *self);
AdwEntryRow *rexian_supervision_dialog_get_outcome_row     (RexianSupervisionDialog *self);

G_END_DECLS
