/* rexian-order-editor-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rexian-form-document.h"
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
  /* The Supervision section: the reload whose result is to be shown. */
  guint                supervision_generation;
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

  /* The suggested articles (rexian-order-editor-knowledge.c): the search under way,
   * its number so that a late answer is dropped, how many have been shown (for the
   * tests), the article to record once the intake form is saved, and its dialog. */
  GCancellable        *suggestion_cancellable;
  guint                suggestion_timeout_id;
  guint                suggestion_generation;
  guint                suggestions_shown;
  gint64               answer_article_id;
  GtkWindow           *article_dialog;

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
  AdwPreferencesGroup *supervision_group;
  GtkListBox          *supervision_list;
  AdwPreferencesGroup *timeline_group;
  GtkListBox          *timeline_list;
  GtkSeparator        *action_separator;
  GtkBox              *action_box;
  AdwPreferencesGroup *suggestion_group;
  GtkListBox          *suggestion_list;
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

/* rexian-order-editor-supervision.c: the order's supervision records (督办), read on the
 * store's worker thread, with the dialogs that add one or record its outcome. */
void  _rexian_order_editor_install_supervision (GtkWidgetClass    *widget_class);
void  _rexian_order_editor_update_supervision  (RexianOrderEditor *self);
/* Opens the dialog for a new supervision record (the Supervise step). */
void  _rexian_order_editor_add_supervision     (RexianOrderEditor *self);
/* How many records the section shows; for the tests. */
guint _rexian_order_editor_get_supervision_count (RexianOrderEditor *self);

/* rexian-order-editor-history.c: the repeated caller panel of the intake form. */
void  _rexian_order_editor_history_schedule (RexianOrderEditor *self);
void  _rexian_order_editor_history_refresh  (RexianOrderEditor *self);
void  _rexian_order_editor_history_clear    (RexianOrderEditor *self);
void  _rexian_order_editor_merge_into       (RexianOrderEditor *self,
                                             gint64             target_id);

/* rexian-order-editor-print.c: the order's 转办单 and the whole work order, printed or
 * exported as a PDF ("editor.print-form" and "editor.export-form" with the form's kind). */
void  _rexian_order_editor_install_print_actions (GtkWidgetClass *widget_class);
void  _rexian_order_editor_update_print_actions  (RexianOrderEditor *self);

/* rexian-order-editor-knowledge.c: the articles suggested while the request is typed,
 * and answering from one (直接办理). */
void  _rexian_order_editor_knowledge_init    (RexianOrderEditor *self);
void  _rexian_order_editor_knowledge_dispose (RexianOrderEditor *self);
/* After an order is loaded: suggestions in intake, else the article it was answered
 * from. */
void  _rexian_order_editor_knowledge_update  (RexianOrderEditor *self);
/* Test hooks of the suggestions: how many searches have finished and been shown, the
 * titles shown in order, and the article dialog opened last (or NULL). */
guint      _rexian_order_editor_get_suggestions_shown (RexianOrderEditor *self);
GPtrArray *_rexian_order_editor_dup_suggested_titles  (RexianOrderEditor *self);
GtkWindow *_rexian_order_editor_get_article_dialog    (RexianOrderEditor *self);

/* Test hooks. */
/* Prints the form of @kind (transfer or order) of the shown order into the PDF @path
 * through the print operation, without a dialog. */
gboolean _rexian_order_editor_print_form_to_file (RexianOrderEditor  *self,
                                                  RexianFormKind      kind,
                                                  const char         *path,
                                                  GError            **error);

RexianWorkOrder *_rexian_order_editor_get_order   (RexianOrderEditor *self);
gboolean         _rexian_order_editor_is_busy     (RexianOrderEditor *self);
/* The message shown at the top of the editor, or NULL when none is shown. */
const char      *_rexian_order_editor_get_message (RexianOrderEditor *self);
/* How many earlier orders the repeated caller panel lists. */
guint            _rexian_order_editor_get_history_count (RexianOrderEditor *self);
/* How many of them offer to merge the request into them. */
guint            _rexian_order_editor_get_history_merge_count (RexianOrderEditor *self);

G_END_DECLS
