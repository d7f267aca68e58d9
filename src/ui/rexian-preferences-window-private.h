/* rexian-preferences-window-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rexian-preferences-window.h"
#include "rexian-supervision-group.h"
#include "rexian-thresholds-group.h"

G_BEGIN_DECLS

struct _RexianPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  RexianStore          *store;
  GSettings            *settings;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  GtkFileChooserNative *ca_chooser;
  /* The agent numbers in the order of the agent combo, after its "not chosen" entry. */
  GPtrArray            *agent_numbers;
  /* The rules as last read from or written to the store, so that closing the window
   * writes nothing when they did not change. */
  RexianDeadlineRules   saved_rules;
  guint                 save_rules_id;
  gulong                calendar_notify_id;
  guint                 loading : 1;

  /* Template children. */
  AdwPreferencesGroup  *seat_group;
  AdwComboRow          *agent_row;
  AdwActionRow         *notifications_row;
  GtkSwitch            *notifications_switch;
  GtkSpinButton        *dispatch_spin;
  GtkSpinButton        *default_spin;
  GtkSpinButton        *consultation_spin;
  GtkSpinButton        *yellow_spin;
  GtkSpinButton        *extension_spin;
  AdwPreferencesGroup  *categories_group;
  AdwActionRow         *years_row;
  AdwActionRow         *import_row;
  GtkSpinner           *import_spinner;
  GtkButton            *import_button;
  AdwPreferencesGroup  *phone_group;
  AdwEntryRow          *sip_address_row;
  AdwEntryRow          *sip_registrar_row;
  AdwEntryRow          *sip_user_row;
  AdwPasswordEntryRow  *sip_password_row;
  GtkSwitch            *record_calls_switch;
  AdwComboRow          *sip_transport_row;
  AdwActionRow         *sip_ca_row;
  GtkSpinButton        *wrap_up_spin;
  GtkSwitch            *auto_answer_switch;
  AdwComboRow          *audio_source_row;
  AdwComboRow          *audio_sink_row;
  AdwPreferencesPage   *supervisor_page;
  GtkSpinButton        *wallboard_spin;
  GtkSpinButton        *early_warning_threshold_spin;
  GtkSpinButton        *early_warning_days_spin;
  RexianThresholdsGroup *thresholds_group;
  RexianSupervisionGroup *supervision_group;
};

void _rexian_preferences_window_toast            (RexianPreferencesWindow *self,
                                                  const char              *text);
/* Binds a whole-number setting @key to @spin. */
void _rexian_preferences_window_bind_spin        (RexianPreferencesWindow *self,
                                                  const char              *key,
                                                  GtkSpinButton           *spin);

/* rexian-preferences-window-phone.c */
void _rexian_preferences_window_load_phone       (RexianPreferencesWindow *self);
void _rexian_preferences_window_class_init_phone (GtkWidgetClass          *widget_class);

G_END_DECLS
