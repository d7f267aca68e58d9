/* rexian-supervision-group.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REXIAN_TYPE_SUPERVISION_GROUP (rexian_supervision_group_get_type ())

G_DECLARE_FINAL_TYPE (RexianSupervisionGroup, rexian_supervision_group, REXIAN,
                      SUPERVISION_GROUP, AdwPreferencesGroup)

/* How this seat records automatic supervision (督办) in Preferences: the method a record
 * starts with and the person responsible, the "supervision-default-method" and
 * "supervision-responsible" keys of @settings.  Without settings it is insensitive.  The
 * rows are named "supervision-method" and "supervision-responsible", for the tests. */
void rexian_supervision_group_set_settings (RexianSupervisionGroup *self,
                                            GSettings              *settings);

G_END_DECLS
