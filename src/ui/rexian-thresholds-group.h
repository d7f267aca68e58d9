/* rexian-thresholds-group.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REXIAN_TYPE_THRESHOLDS_GROUP (rexian_thresholds_group_get_type ())

G_DECLARE_FINAL_TYPE (RexianThresholdsGroup, rexian_thresholds_group, REXIAN, THRESHOLDS_GROUP,
                      AdwPreferencesGroup)

/* The thresholds of the supervisor's call figures in Preferences: for the completion
 * rate, the two service levels, the abandon rate and the ASA, where the figure turns red
 * and where yellow, edited in the "measure-thresholds" key of "settings" (rates shown as
 * percentages, stored as fractions).  A measure the key does not list shows Rexian's
 * default; "Restore Defaults" resets the key.  Without settings the group is
 * insensitive.
 *
 * Each spin button is named after its measure and line ("completion-rate-bad",
 * "asa-warning"), and the button "restore-defaults", for the tests. */
GtkWidget *rexian_thresholds_group_new          (void);
GSettings *rexian_thresholds_group_get_settings (RexianThresholdsGroup *self);
void       rexian_thresholds_group_set_settings (RexianThresholdsGroup *self,
                                                 GSettings             *settings);

G_END_DECLS
