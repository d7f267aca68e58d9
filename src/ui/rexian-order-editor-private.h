/* rexian-order-editor-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rexian-order-editor.h"

G_BEGIN_DECLS

/* What happens once a new order has been created from the intake form. */
typedef enum
{
  REXIAN_AFTER_CREATE_NOTHING,
  REXIAN_AFTER_CREATE_SUBMIT,
  REXIAN_AFTER_CREATE_CLOSE,
  REXIAN_AFTER_CREATE_MERGE,
} RexianAfterCreate;

/* The editor's instance, shared by its source files (the form in rexian-order-editor.c,
 * the status, details and timeline in rexian-order-editor-details.c, the repeated caller
 * panel in rexian-order-editor-history.c) and visible to the tests. */
struct _RexianOrderEditor
{
  AdwWindow            parent_instance;

  RexianStore         *store;
  gint64               agent_id;
  /* NULL while the intake form has not been saved yet. */
  RexianWorkOrder     *order;

  /* Ids in the order of the category combo, after its "not chosen" entry. */
  GArray              *category_ids;

  GCancellable        *cancellable;
  gulong               store_changed_id;
  guint                history_timeout_id;

  RexianAfterCreate    after_create;
  char                *pending_answer;
  gint64               merge_target_id;
  char                *merge_target_number;
  /* The action being applied, for the message once it is done. */
  RexianAction         applying;
  /* The Calls section: its players by Call-ID, kept across reloads, and the reload
   * whose result is to be shown. */
  GHashTable          *call_players;
  guint                calls_generation;
  /* Whether that action follows the creation of the order in the same click. */
  guint                applying_after_create : 1;

  guint                loading : 1;
  guint                dirty : 1;
  guint                busy : 1;
  guint                editable : 1;
  guint                revealed : 1;
  guint                discard_confirmed : 1;
  /* Whether the save under way is the one silent retry after a version conflict. */
  guint                save_retried : 1;

  /* Template children. */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  GtkSpinner          *spinner;
  GtkRevealer         *message_revealer;
  GtkLabel            *message_label;
  GtkScrolledWindow   *scrolled_window;
  GtkBox              *status_box;
  GtkLabel            *number_label;
  GtkBox              *badge_box;
  GtkLabel            *status_note_label;
  AdwComboRow         *channel_row;
  AdwComboRow         *kind_row;
  AdwComboRow         *category_row;
  GtkButton           *reveal_button;
  AdwEntryRow         *caller_name_row;
  AdwComboRow         *caller_title_row;
  AdwEntryRow         *phone_row;
  AdwEntryRow         *address_row;
  AdwActionRow        *confidential_row;
  GtkSwitch           *confidential_switch;
  AdwActionRow        *emergency_row;
  GtkSwitch           *emergency_switch;
  AdwPreferencesGroup *history_group;
  GtkListBox          *history_list;
  AdwEntryRow         *event_time_row;
  AdwEntryRow         *place_row;
  GtkTextView         *course_view;
  GtkTextView         *present_view;
  GtkTextView         *request_view;
  AdwPreferencesGroup *summary_group;
  AdwEntryRow         *summary_row;
  AdwPreferencesGroup *answer_group;
  GtkTextView         *answer_view;
  GtkBox              *details_box;
  AdwPreferencesGroup *calls_group;
  GtkListBox          *calls_list;
  AdwPreferencesGroup *timeline_group;
  GtkListBox          *timeline_list;
  GtkSeparator        *action_separator;
  GtkBox              *action_box;
};

/* rexian-order-editor.c: the form. */
void  _rexian_order_editor_show_message    (RexianOrderEditor *self,
                                            const char        *message);
void  _rexian_order_editor_show_toast      (RexianOrderEditor *self,
                                            const char        *text);
void  _rexian_order_editor_set_busy        (RexianOrderEditor *self,
                                            gboolean           busy);
/* Shows @order (the stored one) and forgets unsaved edits. */
void  _rexian_order_editor_load_order      (RexianOrderEditor *self,
                                            RexianWorkOrder   *order);
/* Makes @order (a newer version of the shown one) the base of the next save, keeping
 * everything typed in the form as it is. */
void  _rexian_order_editor_rebase          (RexianOrderEditor *self,
                                            RexianWorkOrder   *order);
/* rexian-order-editor-save.c (continued). */
/* Checks the intake form and starts creating the order, then does @after. */
void  _rexian_order_editor_create          (RexianOrderEditor *self,
                                            RexianAfterCreate  after);
/* Applies @action to the shown order; @input may be NULL when it needs none. */
void  _rexian_order_editor_apply           (RexianOrderEditor     *self,
                                            RexianAction           action,
                                            RexianTransitionInput *input);
/* Opens a RexianTransitionDialog for @action on the shown order. */
void  _rexian_order_editor_open_dialog     (RexianOrderEditor *self,
                                            RexianAction       action);
/* A Unix time as "YYYY-MM-DD HH:MM" in local time; "" for 0. */
char *_rexian_order_editor_format_time     (gint64             unix_time);
/* Copies the form into @order; on a problem it is shown, the field marked and focused,
 * and FALSE comes back. */
gboolean _rexian_order_editor_read_form    (RexianOrderEditor *self,
                                            RexianWorkOrder   *order);
void  _rexian_order_editor_update_action_states (RexianOrderEditor *self);
/* Emits "order-saved". */
void  _rexian_order_editor_emit_saved      (RexianOrderEditor *self,
                                            RexianWorkOrder   *order);

/* rexian-order-editor-save.c: creating, saving and applying actions. */
void  _rexian_order_editor_install_write_actions (GtkWidgetClass *widget_class);

/* rexian-order-editor-details.c: the parts shown for a stored order. */
void  _rexian_order_editor_update_status   (RexianOrderEditor *self);
void  _rexian_order_editor_update_details  (RexianOrderEditor *self);
void  _rexian_order_editor_update_timeline (RexianOrderEditor *self);
void  _rexian_order_editor_update_actions  (RexianOrderEditor *self);

/* rexian-order-editor-calls.c: the calls linked to the order, with their recordings,
 * loaded on the store's worker thread. */
void  _rexian_order_editor_update_calls    (RexianOrderEditor *self);

/* rexian-order-editor-history.c: the repeated caller panel of the intake form. */
void  _rexian_order_editor_history_schedule (RexianOrderEditor *self);
void  _rexian_order_editor_history_refresh  (RexianOrderEditor *self);
void  _rexian_order_editor_history_clear    (RexianOrderEditor *self);
void  _rexian_order_editor_merge_into       (RexianOrderEditor *self,
                                             gint64             target_id);

/* Test hooks. */
RexianWorkOrder *_rexian_order_editor_get_order   (RexianOrderEditor *self);
gboolean         _rexian_order_editor_is_busy     (RexianOrderEditor *self);
/* The message shown at the top of the editor, or NULL when none is shown. */
const char      *_rexian_order_editor_get_message (RexianOrderEditor *self);
/* How many earlier orders the repeated caller panel lists. */
guint            _rexian_order_editor_get_history_count (RexianOrderEditor *self);
/* How many of them offer to merge the request into them. */
guint            _rexian_order_editor_get_history_merge_count (RexianOrderEditor *self);

G_END_DECLS
