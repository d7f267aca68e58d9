/* rexian-window-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rexian-alert-monitor.h"
#include "rexian-alerts-view.h"
#include "rexian-call-panel.h"
#include "rexian-calls-view.h"
#include "rexian-kanban.h"
#include "rexian-supervisor-view.h"
#include "rexian-window.h"

G_BEGIN_DECLS

struct _RexianWindow
{
  AdwApplicationWindow  parent_instance;

  RexianStore          *store;
  GSettings            *settings;
  RexianAlertMonitor   *alert_monitor;
  /* Cancelled when the window goes, so no reply reaches a disposed window. */
  GCancellable         *cancellable;
  GtkWindow            *last_dialog;
  char                 *last_toast;
  guint                 deadline_tick_source;
  RexianPhone          *phone;
  /* What the phone status button's popover and tooltip say. */
  char                 *registration_text;
  /* Runs while the agent finishes the last call's work (话后处理). */
  guint                 wrap_up_source;

  /* Template children. */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *stack;
  AdwViewStackPage     *alerts_page;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *category_filter;
  GtkDropDown          *department_filter;
  GtkDropDown          *color_filter;
  GtkToggleButton      *search_button;
  GtkRevealer          *calendar_revealer;
  GtkLabel             *calendar_label;
  RexianKanban         *kanban;
  RexianAlertsView     *alerts_view;
  AdwViewStackPage     *calls_page;
  RexianCallsView      *calls_view;
  RexianSupervisorView *supervisor_view;
  RexianCallPanel      *call_panel;
  GtkMenuButton        *call_button;
  GtkBox               *call_popover_box;
  GtkEntry             *dial_entry;
  GtkMenuButton        *phone_status_button;
  GtkLabel             *registration_label;
  GtkSwitch            *available_switch;
  GtkDropDown          *away_reason_dropdown;

  /* Filter choices, parallel to the drop-downs' rows (row 0 is "any"). */
  GArray               *category_ids;
  GArray               *department_ids;
};

/* rexian-window-phone.c */
void          _rexian_window_setup_phone           (RexianWindow    *self,
                                                    RexianApplication *application);
void          _rexian_window_class_bind_phone      (GtkWidgetClass  *widget_class);
RexianCallPanel *_rexian_window_get_call_panel     (RexianWindow    *self);
/* Reports what the agent is doing now (available, on a call, wrapping up, away). */
void          _rexian_window_update_agent_status   (RexianWindow    *self);

/* rexian-window-actions.c */
void          _rexian_window_class_install_actions (GtkWidgetClass  *widget_class);
/* Asks to move @order to @to_state as a kanban drop does: a dialog for what the move
 * needs, a choice when several moves lead there, or a toast with the reason and FALSE
 * when none is allowed. */
gboolean      _rexian_window_request_move          (RexianWindow    *self,
                                                    RexianWorkOrder *order,
                                                    RexianState      to_state);
/* Asks for and applies one lifecycle action on @order. */
void          _rexian_window_request_action        (RexianWindow    *self,
                                                    RexianWorkOrder *order,
                                                    RexianAction     action);
void          _rexian_window_open_order            (RexianWindow    *self,
                                                    RexianWorkOrder *order);
void          _rexian_window_toast                 (RexianWindow    *self,
                                                    const char      *message);
gint64        _rexian_window_get_agent_id          (RexianWindow    *self);
/* For tests: the dialog the window opened last (editor, transition or choice). */
GtkWindow    *_rexian_window_get_last_dialog       (RexianWindow    *self);
RexianKanban *_rexian_window_get_kanban            (RexianWindow    *self);
/* For tests: the text of the last toast, as a user read it. */
const char   *_rexian_window_get_last_toast        (RexianWindow    *self);

G_END_DECLS
