/* rexian-sampling-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rexian-store-followup.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_SAMPLING_DIALOG (rexian_sampling_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RexianSamplingDialog, rexian_sampling_dialog, REXIAN, SAMPLING_DIALOG,
                      AdwWindow)

/* Plans a follow-up sample of closed orders (DB1405 5.6): the period, the share and the
 * seed, with the count per department shown before saving.
 *
 * Signals:
 *   "planned" (guint n_orders, const char *message): the plan is saved; the dialog
 *   closes itself afterwards. */
RexianSamplingDialog *rexian_sampling_dialog_new (GtkWindow   *parent,
                                                  RexianStore *store,
                                                  gint64       agent_id);

/* For tests: the form's values, and the drawn orders' ids as last previewed. */
void    _rexian_sampling_dialog_set_values (RexianSamplingDialog *self,
                                            const char           *from,
                                            const char           *to,
                                            double                share_percent,
                                            guint64               seed);
GArray *_rexian_sampling_dialog_get_drawn  (RexianSamplingDialog *self);
void    _rexian_sampling_dialog_save       (RexianSamplingDialog *self);

G_END_DECLS
