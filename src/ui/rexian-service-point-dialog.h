/* rexian-service-point-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rexian-store.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_SERVICE_POINT_DIALOG (rexian_service_point_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RexianServicePointDialog, rexian_service_point_dialog,
                      REXIAN, SERVICE_POINT_DIALOG, AdwWindow)

/* A modal dialog that writes a service hall or point of the directory: name, kind,
 * department, address, hours, phone and note.  A problem is shown in the dialog, which
 * stays open; once saved it closes, and the store's "changed" signal tells the lists.
 * @point NULL makes a new one. */
RexianServicePointDialog *rexian_service_point_dialog_new (GtkWindow                *parent,
                                                           RexianStore              *store,
                                                           const RexianServicePoint *point);

/* For tests: fills the entry @field ("name", "address", "hours", "phone", "note"), or
 * chooses the "kind" ("hall" or "point"). */
void _rexian_service_point_dialog_set_field (RexianServicePointDialog *self,
                                             const char               *field,
                                             const char               *text);

G_END_DECLS
