/* test-dialogs.c: the order editor, the transition dialog and the preferences under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "rexian-order-editor-private.h"
#include "rexian-preferences-window.h"
#include "rexian-transition-dialog-private.h"
#include "rexian-ui-util.h"
#include "rexian-test-ui.h"

/* One store for the whole program: the tests run in order and build on each other's
 * orders, the way a shift would. */
static RexianStore *store;
static char *tmpdir;
static gint64 agent_id;
static gint64 department_id;
static gint64 first_order_id;

static gint64
now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
ensure_reference_data (void)
{
  g_autoptr(GPtrArray) agents = NULL;
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GError) error = NULL;

  agents = rexian_store_list_agents (store, &error);
  g_assert_no_error (error);
  if (agents->len == 0)
    {
      agent_id = rexian_store_add_agent (store, "1001", "李敏", "agent", &error);
      g_assert_no_error (error);
    }
  else
    {
      agent_id = ((RexianAgent *) g_ptr_array_index (agents, 0))->id;
    }

  departments = rexian_store_list_departments (store, &error);
  g_assert_no_error (error);
  if (departments->len == 0)
    {
      department_id = rexian_store_add_department (store, "市住建局", "张工", "0356-2020001",
                                                   &error);
      g_assert_no_error (error);
      rexian_store_add_department (store, "城区城管局", "刘工", "0356-2020002", &error);
      g_assert_no_error (error);
      rexian_store_add_category (store, "市政设施", 5, &error);
      g_assert_no_error (error);
    }
  else
    {
      department_id = ((RexianDepartment *) g_ptr_array_index (departments, 0))->id;
    }
}

static RexianWorkOrder *
stored_order (gint64 id)
{
  g_autoptr(GError) error = NULL;
  RexianWorkOrder *order = rexian_store_get_order (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (order);

  return order;
}

static gboolean
editor_idle_with_order (gpointer data)
{
  RexianOrderEditor *editor = data;

  return _rexian_order_editor_get_order (editor) != NULL && !_rexian_order_editor_is_busy (editor);
}

static gboolean
editor_idle (gpointer data)
{
  return !_rexian_order_editor_is_busy (data);
}

static gboolean
editor_in_state (gpointer data)
{
  RexianOrderEditor *editor = data;
  RexianState wanted = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (editor), "wanted-state"));
  RexianWorkOrder *order = _rexian_order_editor_get_order (editor);

  return order != NULL && !_rexian_order_editor_is_busy (editor)
         && rexian_work_order_get_state (order) == wanted;
}

static gboolean
history_listed (gpointer data)
{
  return _rexian_order_editor_get_history_count (data) > 0;
}

static void
on_order_saved (RexianOrderEditor *editor,
                RexianWorkOrder   *order,
                guint             *count)
{
  g_assert_true (REXIAN_IS_WORK_ORDER (order));
  (*count)++;
}

static RexianOrderEditor *
open_intake_form (void)
{
  RexianOrderEditor *editor = rexian_order_editor_new (NULL, store, agent_id, NULL);

  gtk_window_present (GTK_WINDOW (editor));
  rexian_test_spin (50);

  return editor;
}

static void
test_editor_validates_and_creates (void)
{
  RexianOrderEditor *editor = open_intake_form ();
  g_autoptr(RexianWorkOrder) stored = NULL;
  guint saved = 0;

  g_signal_connect (editor, "order-saved", G_CALLBACK (on_order_saved), &saved);

  /* The summary is required: the problem is said inline and what was typed stays. */
  gtk_editable_set_text (GTK_EDITABLE (editor->caller_name_row), "王建国");
  gtk_editable_set_text (GTK_EDITABLE (editor->phone_row), "13903561234");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  rexian_test_spin (20);
  g_assert_nonnull (_rexian_order_editor_get_message (editor));
  g_assert_null (_rexian_order_editor_get_order (editor));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (editor->summary_row), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor->caller_name_row)), ==, "王建国");

  /* A malformed event time is refused with an example of the right form. */
  gtk_editable_set_text (GTK_EDITABLE (editor->summary_row), "书院街路灯连续三晚不亮");
  gtk_editable_set_text (GTK_EDITABLE (editor->event_time_row), "2025-13-40 25:00");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  rexian_test_spin (20);
  g_assert_nonnull (_rexian_order_editor_get_message (editor));
  g_assert_null (_rexian_order_editor_get_order (editor));

  /* A complaint brings up the reminder to ask about confidentiality. */
  adw_combo_row_set_selected (editor->kind_row, REXIAN_REQUEST_COMPLAINT);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (editor->confidential_row), "warning"));

  gtk_editable_set_text (GTK_EDITABLE (editor->event_time_row), "2025-03-05 19:30");
  gtk_editable_set_text (GTK_EDITABLE (editor->address_row), "城区西街道书院街12号");
  gtk_editable_set_text (GTK_EDITABLE (editor->place_row), "书院街12号门前");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (editor->course_view),
                            "连续三个晚上路灯不亮，行人夜间出行不便。", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (editor->request_view),
                            "尽快修复路灯。", -1);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (rexian_test_wait_until (editor_idle_with_order, editor, 10000));
  g_assert_null (_rexian_order_editor_get_message (editor));
  g_assert_cmpuint (saved, ==, 1);

  first_order_id = rexian_work_order_get_id (_rexian_order_editor_get_order (editor));
  stored = stored_order (first_order_id);
  g_assert_cmpint (rexian_work_order_get_state (stored), ==, REXIAN_STATE_INTAKE);
  g_assert_cmpstr (rexian_work_order_get_summary (stored), ==, "书院街路灯连续三晚不亮");
  g_assert_cmpstr (rexian_work_order_get_caller_phone (stored), ==, "13903561234");
  g_assert_cmpstr (rexian_work_order_get_event_place (stored), ==, "书院街12号门前");
  g_assert_cmpint (rexian_work_order_get_kind (stored), ==, REXIAN_REQUEST_COMPLAINT);
  g_assert_cmpint (rexian_work_order_get_event_time (stored), !=, 0);

  /* The editor now shows the stored order: its number and a timeline. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor->status_box)));
  g_assert_cmpstr (gtk_label_get_text (editor->number_label), ==,
                   rexian_work_order_get_number (stored));
  g_assert_nonnull (gtk_widget_get_first_child (GTK_WIDGET (editor->timeline_list)));

  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_editor_edits_existing (void)
{
  g_autoptr(RexianWorkOrder) order = stored_order (first_order_id);
  g_autoptr(RexianWorkOrder) stored = NULL;
  RexianOrderEditor *editor = rexian_order_editor_new (NULL, store, agent_id, order);
  gint64 version = rexian_work_order_get_version (order);

  gtk_window_present (GTK_WINDOW (editor));
  rexian_test_spin (50);

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor->answer_group)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor->action_box)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor->summary_row)), ==,
                   "书院街路灯连续三晚不亮");

  gtk_editable_set_text (GTK_EDITABLE (editor->summary_row), "书院街12号路灯连续三晚不亮");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  rexian_test_spin (20);
  g_assert_true (rexian_test_wait_until (editor_idle, editor, 10000));
  g_assert_null (_rexian_order_editor_get_message (editor));

  stored = stored_order (first_order_id);
  g_assert_cmpstr (rexian_work_order_get_summary (stored), ==, "书院街12号路灯连续三晚不亮");
  g_assert_cmpint (rexian_work_order_get_version (stored), >, version);

  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_editor_merges_repeated_caller (void)
{
  RexianOrderEditor *editor = open_intake_form ();
  RexianWorkOrder *merged;

  /* The phone of an incoming call: the earlier order appears after the short pause. */
  rexian_order_editor_set_phone (editor, "13903561234");
  g_assert_true (rexian_test_wait_until (history_listed, editor, 5000));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor->history_group)));

  gtk_editable_set_text (GTK_EDITABLE (editor->summary_row), "再次反映书院街路灯不亮");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.merge-into", "x", first_order_id);

  g_object_set_data (G_OBJECT (editor), "wanted-state", GINT_TO_POINTER (REXIAN_STATE_CLOSED));
  g_assert_true (rexian_test_wait_until (editor_in_state, editor, 10000));
  g_assert_null (_rexian_order_editor_get_message (editor));

  merged = _rexian_order_editor_get_order (editor);
  g_assert_cmpint (rexian_work_order_get_merged_into_id (merged), ==, first_order_id);

  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_editor_submit_and_answer (void)
{
  RexianOrderEditor *editor = open_intake_form ();

  gtk_editable_set_text (GTK_EDITABLE (editor->phone_row), "13500001111");
  gtk_editable_set_text (GTK_EDITABLE (editor->summary_row), "小区噪音扰民");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save-and-submit", NULL);
  g_object_set_data (G_OBJECT (editor), "wanted-state",
                     GINT_TO_POINTER (REXIAN_STATE_PENDING_DISPATCH));
  g_assert_true (rexian_test_wait_until (editor_in_state, editor, 10000));
  gtk_window_destroy (GTK_WINDOW (editor));

  editor = open_intake_form ();
  gtk_editable_set_text (GTK_EDITABLE (editor->summary_row), "咨询社保卡办理地点");

  /* Answering on the spot needs the answer first. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.answer-and-close", NULL);
  rexian_test_spin (20);
  g_assert_nonnull (_rexian_order_editor_get_message (editor));
  g_assert_null (_rexian_order_editor_get_order (editor));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (editor->answer_view),
                            "告知可到市民之家社保窗口办理。", -1);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.answer-and-close", NULL);
  g_object_set_data (G_OBJECT (editor), "wanted-state", GINT_TO_POINTER (REXIAN_STATE_CLOSED));
  g_assert_true (rexian_test_wait_until (editor_in_state, editor, 10000));
  g_assert_cmpstr (rexian_work_order_get_handling_result (_rexian_order_editor_get_order (editor)),
                   ==, "告知可到市民之家社保窗口办理。");

  gtk_window_destroy (GTK_WINDOW (editor));
}

static RexianWorkOrder *
create_stored_order (const char *summary,
                     const char *phone)
{
  g_autoptr(RexianWorkOrder) draft = rexian_work_order_new ();
  g_autoptr(GError) error = NULL;
  RexianWorkOrder *created;

  rexian_work_order_set_summary (draft, summary);
  rexian_work_order_set_caller_phone (draft, phone);
  created = rexian_store_create_order (store, draft, agent_id, now (), &error);
  g_assert_no_error (error);

  return created;
}

static RexianOrderEditor *
open_editor_for (RexianWorkOrder *order)
{
  RexianOrderEditor *editor = rexian_order_editor_new (NULL, store, agent_id, order);

  gtk_window_present (GTK_WINDOW (editor));
  rexian_test_spin (50);

  return editor;
}

static void
test_editor_conflict_saved_again (void)
{
  g_autoptr(RexianWorkOrder) created = create_stored_order ("楼道灯不亮", "13600003333");
  g_autoptr(RexianWorkOrder) submitted = NULL;
  g_autoptr(RexianWorkOrder) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = rexian_work_order_get_id (created);
  RexianOrderEditor *editor = open_editor_for (created);
  guint saved = 0;

  g_signal_connect (editor, "order-saved", G_CALLBACK (on_order_saved), &saved);

  gtk_editable_set_text (GTK_EDITABLE (editor->summary_row), "3号楼楼道灯不亮");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (editor->request_view),
                            "尽快更换灯泡。", -1);

  /* Another seat takes a lifecycle step meanwhile: the version moves on, the fields the
   * form edits stay as they were. */
  submitted = rexian_store_apply (store, id, REXIAN_ACTION_SUBMIT, NULL, agent_id, now (),
                                  &error);
  g_assert_no_error (error);
  rexian_test_spin (20);

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  rexian_test_spin (20);
  g_assert_true (rexian_test_wait_until (editor_idle, editor, 10000));
  g_assert_null (_rexian_order_editor_get_message (editor));
  g_assert_cmpuint (saved, ==, 1);

  stored = stored_order (id);
  g_assert_cmpstr (rexian_work_order_get_summary (stored), ==, "3号楼楼道灯不亮");
  g_assert_cmpstr (rexian_work_order_get_request (stored), ==, "尽快更换灯泡。");
  g_assert_cmpint (rexian_work_order_get_state (stored), ==, REXIAN_STATE_PENDING_DISPATCH);
  g_assert_cmpint (rexian_work_order_get_version (stored), >,
                   rexian_work_order_get_version (submitted));

  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_editor_conflict_keeps_typing (void)
{
  g_autoptr(RexianWorkOrder) created = create_stored_order ("小区门口积水", "13600004444");
  g_autoptr(RexianWorkOrder) other = NULL;
  g_autoptr(RexianWorkOrder) other_saved = NULL;
  g_autoptr(RexianWorkOrder) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = rexian_work_order_get_id (created);
  RexianOrderEditor *editor = open_editor_for (created);
  g_autofree char *request = NULL;

  gtk_editable_set_text (GTK_EDITABLE (editor->summary_row), "幸福小区南门口积水");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (editor->request_view),
                            "疏通排水口。", -1);

  /* Another seat changes the same field. */
  other = rexian_work_order_copy (created);
  rexian_work_order_set_summary (other, "小区门口下雨后积水");
  other_saved = rexian_store_update_order (store, other, agent_id, NULL, now (), &error);
  g_assert_no_error (error);
  rexian_test_spin (20);

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  rexian_test_spin (20);
  g_assert_true (rexian_test_wait_until (editor_idle, editor, 10000));

  /* Nothing typed is lost, nothing is written over the other seat's change yet. */
  g_assert_nonnull (_rexian_order_editor_get_message (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor->summary_row)), ==,
                   "幸福小区南门口积水");
  request = rexian_text_view_dup_text (editor->request_view);
  g_assert_cmpstr (request, ==, "疏通排水口。");
  g_assert_true (editor->dirty);
  stored = stored_order (id);
  g_assert_cmpstr (rexian_work_order_get_summary (stored), ==, "小区门口下雨后积水");
  g_clear_object (&stored);

  /* Having checked, the user saves again, and it goes through. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  rexian_test_spin (20);
  g_assert_true (rexian_test_wait_until (editor_idle, editor, 10000));
  g_assert_null (_rexian_order_editor_get_message (editor));
  g_assert_false (editor->dirty);

  stored = stored_order (id);
  g_assert_cmpstr (rexian_work_order_get_summary (stored), ==, "幸福小区南门口积水");
  g_assert_cmpstr (rexian_work_order_get_request (stored), ==, "疏通排水口。");

  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_editor_history_offers_open_orders (void)
{
  g_autoptr(RexianWorkOrder) closed_order = create_stored_order ("咨询公积金提取", "13600005555");
  g_autoptr(RexianWorkOrder) open_order = create_stored_order ("公积金提取进度", "13600005555");
  g_autoptr(RexianWorkOrder) closed = NULL;
  g_autoptr(RexianTransitionInput) input = rexian_transition_input_new ();
  g_autoptr(GError) error = NULL;
  RexianOrderEditor *editor;

  input->handling_result = g_strdup ("已告知提取所需材料。");
  closed = rexian_store_apply (store, rexian_work_order_get_id (closed_order),
                               REXIAN_ACTION_CLOSE_DIRECT, input, agent_id, now (), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rexian_work_order_get_state (closed), ==, REXIAN_STATE_CLOSED);

  editor = open_intake_form ();
  rexian_order_editor_set_phone (editor, "13600005555");
  g_assert_true (rexian_test_wait_until (history_listed, editor, 5000));

  /* Both are listed; only the open one can take the new request. */
  g_assert_cmpuint (_rexian_order_editor_get_history_count (editor), ==, 2);
  g_assert_cmpuint (_rexian_order_editor_get_history_merge_count (editor), ==, 1);

  /* Asked anyway, the closed one is refused before anything is saved. */
  gtk_editable_set_text (GTK_EDITABLE (editor->summary_row), "再次咨询公积金提取");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.merge-into", "x",
                              rexian_work_order_get_id (closed));
  rexian_test_spin (20);
  g_assert_true (rexian_test_wait_until (editor_idle, editor, 10000));
  g_assert_nonnull (_rexian_order_editor_get_message (editor));
  g_assert_null (_rexian_order_editor_get_order (editor));

  editor->discard_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (editor));
}

typedef struct
{
  guint applied;
  guint cancelled;
  RexianWorkOrder *updated;
} DialogOutcome;

static void
on_applied (RexianTransitionDialog *dialog,
            RexianWorkOrder        *updated,
            DialogOutcome          *outcome)
{
  outcome->applied++;
  g_set_object (&outcome->updated, updated);
}

static void
on_cancelled (RexianTransitionDialog *dialog,
              DialogOutcome          *outcome)
{
  outcome->cancelled++;
}

static gboolean
dialog_idle (gpointer data)
{
  return !_rexian_transition_dialog_is_busy (data);
}

static gboolean
dialog_applied (gpointer data)
{
  DialogOutcome *outcome = data;

  return outcome->applied > 0;
}

static void
test_needs_input (void)
{
  g_assert_false (rexian_transition_dialog_action_needs_input (REXIAN_ACTION_START_FOLLOW_UP));
  g_assert_false (rexian_transition_dialog_action_needs_input (REXIAN_ACTION_ARCHIVE));
  g_assert_false (rexian_transition_dialog_action_needs_input (REXIAN_ACTION_APPROVE_EXTENSION));
  g_assert_false (rexian_transition_dialog_action_needs_input (REXIAN_ACTION_SUBMIT));
  g_assert_true (rexian_transition_dialog_action_needs_input (REXIAN_ACTION_DISPATCH));
  g_assert_true (rexian_transition_dialog_action_needs_input (REXIAN_ACTION_REPLY));
  g_assert_true (rexian_transition_dialog_action_needs_input (REXIAN_ACTION_CLOSE));
  g_assert_true (rexian_transition_dialog_action_needs_input (REXIAN_ACTION_RETURN));
  g_assert_true (rexian_transition_dialog_action_needs_input (REXIAN_ACTION_MERGE));
}

static void
test_dispatch_dialog (void)
{
  g_autoptr(RexianWorkOrder) draft = rexian_work_order_new ();
  g_autoptr(RexianWorkOrder) created = NULL;
  g_autoptr(RexianWorkOrder) pending = NULL;
  g_autoptr(RexianWorkOrder) stored = NULL;
  g_autoptr(GError) error = NULL;
  RexianTransitionDialog *dialog;
  DialogOutcome outcome = { 0 };

  rexian_work_order_set_summary (draft, "道路井盖缺失");
  rexian_work_order_set_caller_phone (draft, "13700002222");
  created = rexian_store_create_order (store, draft, agent_id, now (), &error);
  g_assert_no_error (error);
  pending = rexian_store_apply (store, rexian_work_order_get_id (created), REXIAN_ACTION_SUBMIT,
                                NULL, agent_id, now (), &error);
  g_assert_no_error (error);

  dialog = rexian_transition_dialog_new (NULL, store, pending, REXIAN_ACTION_DISPATCH, agent_id);
  g_signal_connect (dialog, "applied", G_CALLBACK (on_applied), &outcome);
  g_signal_connect (dialog, "cancelled", G_CALLBACK (on_cancelled), &outcome);
  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  rexian_test_spin (50);

  g_assert_true (_rexian_transition_dialog_is_field_shown (dialog, REXIAN_FIELD_LEAD_DEPARTMENT));
  g_assert_true (_rexian_transition_dialog_is_field_shown (dialog, REXIAN_FIELD_TRANSFER_OPINION));
  g_assert_false (_rexian_transition_dialog_is_field_shown (dialog, REXIAN_FIELD_SATISFACTION));

  /* No lead department chosen: the refusal shows inside, the dialog stays open. */
  _rexian_transition_dialog_set_field_text (dialog, REXIAN_FIELD_TRANSFER_OPINION,
                                            "请核实后尽快补装井盖，并回复来电人。");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.apply", NULL);
  rexian_test_spin (10);
  g_assert_true (rexian_test_wait_until (dialog_idle, dialog, 10000));
  g_assert_nonnull (_rexian_transition_dialog_get_error (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpuint (outcome.applied, ==, 0);
  g_assert_cmpuint (outcome.cancelled, ==, 0);

  stored = stored_order (rexian_work_order_get_id (pending));
  g_assert_cmpint (rexian_work_order_get_state (stored), ==, REXIAN_STATE_PENDING_DISPATCH);
  g_clear_object (&stored);

  /* Choosing one and applying again succeeds; the opinion typed before was kept. */
  _rexian_transition_dialog_select_lead_department (dialog, department_id);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.apply", NULL);
  g_assert_true (rexian_test_wait_until (dialog_applied, &outcome, 10000));
  rexian_test_spin (20);
  g_assert_cmpuint (outcome.applied, ==, 1);
  g_assert_cmpuint (outcome.cancelled, ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  stored = stored_order (rexian_work_order_get_id (pending));
  g_assert_cmpint (rexian_work_order_get_state (stored), ==, REXIAN_STATE_IN_PROGRESS);
  g_assert_cmpint (rexian_work_order_get_lead_department_id (stored), ==, department_id);
  g_assert_cmpstr (rexian_work_order_get_transfer_opinion (stored), ==,
                   "请核实后尽快补装井盖，并回复来电人。");
  g_assert_cmpint (rexian_work_order_get_state (outcome.updated), ==, REXIAN_STATE_IN_PROGRESS);

  g_clear_object (&outcome.updated);
  g_object_unref (dialog);
}

static void
test_dialog_cancel_once (void)
{
  g_autoptr(RexianWorkOrder) order = stored_order (first_order_id);
  RexianTransitionDialog *dialog;
  DialogOutcome outcome = { 0 };

  dialog = rexian_transition_dialog_new (NULL, store, order, REXIAN_ACTION_SUPERVISE, agent_id);
  g_signal_connect (dialog, "applied", G_CALLBACK (on_applied), &outcome);
  g_signal_connect (dialog, "cancelled", G_CALLBACK (on_cancelled), &outcome);
  gtk_window_present (GTK_WINDOW (dialog));
  rexian_test_spin (50);

  g_assert_true (_rexian_transition_dialog_is_field_shown (dialog, REXIAN_FIELD_REASON));
  gtk_window_close (GTK_WINDOW (dialog));
  rexian_test_spin (20);

  g_assert_cmpuint (outcome.cancelled, ==, 1);
  g_assert_cmpuint (outcome.applied, ==, 0);
}

static void
test_merge_dialog_refuses_closed_target (void)
{
  g_autoptr(RexianWorkOrder) closed_order = create_stored_order ("咨询户口迁移", "13600006666");
  g_autoptr(RexianWorkOrder) open_order = create_stored_order ("户口迁移进度", "13600006666");
  g_autoptr(RexianWorkOrder) request = create_stored_order ("再次咨询户口迁移", "13600006666");
  g_autoptr(RexianWorkOrder) closed = NULL;
  g_autoptr(RexianWorkOrder) stored = NULL;
  g_autoptr(RexianTransitionInput) input = rexian_transition_input_new ();
  g_autoptr(GError) error = NULL;
  RexianTransitionDialog *dialog;
  DialogOutcome outcome = { 0 };

  input->handling_result = g_strdup ("已告知办理流程。");
  closed = rexian_store_apply (store, rexian_work_order_get_id (closed_order),
                               REXIAN_ACTION_CLOSE_DIRECT, input, agent_id, now (), &error);
  g_assert_no_error (error);

  dialog = rexian_transition_dialog_new (NULL, store, request, REXIAN_ACTION_MERGE, agent_id);
  g_signal_connect (dialog, "applied", G_CALLBACK (on_applied), &outcome);
  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  rexian_test_spin (50);

  g_assert_true (_rexian_transition_dialog_is_field_shown (dialog, REXIAN_FIELD_MERGE_TARGET));
  g_assert_false (_rexian_transition_dialog_can_apply (dialog));

  /* A closed order is named with the reason, and there is nothing to apply. */
  _rexian_transition_dialog_set_field_text (dialog, REXIAN_FIELD_MERGE_TARGET,
                                            rexian_work_order_get_number (closed));
  g_assert_nonnull (_rexian_transition_dialog_get_merge_info (dialog));
  g_assert_false (_rexian_transition_dialog_can_apply (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.apply", NULL);
  rexian_test_spin (20);
  g_assert_true (rexian_test_wait_until (dialog_idle, dialog, 10000));
  g_assert_cmpuint (outcome.applied, ==, 0);
  stored = stored_order (rexian_work_order_get_id (request));
  g_assert_cmpint (rexian_work_order_get_state (stored), ==, REXIAN_STATE_INTAKE);
  g_clear_object (&stored);

  /* An open order of the same caller can take it. */
  _rexian_transition_dialog_set_field_text (dialog, REXIAN_FIELD_MERGE_TARGET,
                                            rexian_work_order_get_number (open_order));
  g_assert_true (_rexian_transition_dialog_can_apply (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.apply", NULL);
  g_assert_true (rexian_test_wait_until (dialog_applied, &outcome, 10000));

  stored = stored_order (rexian_work_order_get_id (request));
  g_assert_cmpint (rexian_work_order_get_state (stored), ==, REXIAN_STATE_CLOSED);
  g_assert_cmpint (rexian_work_order_get_merged_into_id (stored), ==,
                   rexian_work_order_get_id (open_order));

  g_clear_object (&outcome.updated);
  g_object_unref (dialog);
}

static void
test_preferences_open (void)
{
  RexianPreferencesWindow *prefs = rexian_preferences_window_new (NULL, store);

  gtk_window_present (GTK_WINDOW (prefs));
  rexian_test_spin (100);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (prefs)));
  gtk_window_destroy (GTK_WINDOW (prefs));
  rexian_test_spin (20);
}

/* The widget named @name (the preferences name their setting widgets) under @widget. */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkSpinButton *
find_spin (RexianPreferencesWindow *prefs,
           const char              *name)
{
  GtkWidget *spin = find_named (GTK_WIDGET (prefs), name);

  g_assert_true (GTK_IS_SPIN_BUTTON (spin));
  return GTK_SPIN_BUTTON (spin);
}

static const char *
threshold_summary (GtkSpinButton *spin)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (spin), ADW_TYPE_EXPANDER_ROW);

  g_assert_nonnull (row);
  return adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row));
}

static gboolean
auto_answer_on (gpointer data)
{
  return g_settings_get_boolean (data, "auto-answer");
}

static void
test_preferences_auto_answer (void)
{
  RexianPreferencesWindow *prefs = rexian_preferences_window_new (NULL, store);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *widget = find_named (GTK_WIDGET (prefs), "auto-answer-switch");

  g_settings_reset (settings, "auto-answer");
  gtk_window_present (GTK_WINDOW (prefs));
  rexian_test_spin (100);

  g_assert_true (GTK_IS_SWITCH (widget));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (widget)));
  /* The switch turns on at the end of its animation. */
  g_assert_true (gtk_widget_activate (widget));
  g_assert_true (rexian_test_wait_until (auto_answer_on, settings, 5000));

  /* Changed elsewhere (another Preferences window), the switch follows. */
  g_settings_set_boolean (settings, "auto-answer", FALSE);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (widget)));

  gtk_window_destroy (GTK_WINDOW (prefs));
  rexian_test_spin (20);
}

static void
test_preferences_audio_devices (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  RexianPreferencesWindow *prefs;
  AdwComboRow *speaker;
  GListModel *names;
  g_autofree char *chosen = NULL;

  /* A headset chosen earlier and unplugged since stays the choice, said to be away. */
  g_settings_set_string (settings, "audio-sink", "pulsesink device=\"headset\"");
  prefs = rexian_preferences_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (prefs));
  rexian_test_spin (100);

  speaker = ADW_COMBO_ROW (find_named (GTK_WIDGET (prefs), "audio-sink-row"));
  g_assert_true (ADW_IS_COMBO_ROW (find_named (GTK_WIDGET (prefs), "audio-source-row")));
  names = adw_combo_row_get_model (speaker);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "Automatic");
  g_assert_nonnull (strstr (gtk_string_list_get_string (GTK_STRING_LIST (names),
                                                         adw_combo_row_get_selected (speaker)),
                            "headset"));

  /* Back to the system's default. */
  adw_combo_row_set_selected (speaker, 0);
  chosen = g_settings_get_string (settings, "audio-sink");
  g_assert_cmpstr (chosen, ==, "");

  gtk_window_destroy (GTK_WINDOW (prefs));
  rexian_test_spin (20);
}

static gboolean
thresholds_reset (gpointer data)
{
  g_autoptr(GVariant) user_value = g_settings_get_user_value (data, "measure-thresholds");

  return user_value == NULL;
}

static void
test_preferences_supervisor (void)
{
  RexianPreferencesWindow *prefs = rexian_preferences_window_new (NULL, store);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GVariant) value = NULL;
  GtkSpinButton *completion_bad, *completion_warning, *asa_bad, *asa_warning;
  GtkWidget *restore;
  RexianThresholds thresholds;
  double bad = 0, warning = 0;

  g_settings_reset (settings, "measure-thresholds");
  g_settings_reset (settings, "wallboard-page-seconds");
  gtk_window_present (GTK_WINDOW (prefs));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "supervisor");
  rexian_test_spin (100);

  /* The wall display's page time and the early warning are plain settings. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (find_spin (prefs, "wallboard-page-seconds")),
                   ==, 15);
  gtk_spin_button_set_value (find_spin (prefs, "wallboard-page-seconds"), 40);
  g_assert_cmpint (g_settings_get_int (settings, "wallboard-page-seconds"), ==, 40);
  g_settings_set_int (settings, "early-warning-days", 14);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (find_spin (prefs, "early-warning-days")),
                   ==, 14);
  gtk_spin_button_set_value (find_spin (prefs, "early-warning-threshold"), 5);
  g_assert_cmpint (g_settings_get_int (settings, "early-warning-threshold"), ==, 5);
  g_settings_reset (settings, "early-warning-days");
  g_settings_reset (settings, "early-warning-threshold");

  /* With nothing set, the thresholds shown are Rexian's defaults, rates in percent. */
  completion_bad = find_spin (prefs, "completion-rate-bad");
  completion_warning = find_spin (prefs, "completion-rate-warning");
  asa_bad = find_spin (prefs, "asa-bad");
  asa_warning = find_spin (prefs, "asa-warning");
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (completion_bad), 95, 1e-9);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (completion_warning), 97, 1e-9);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (find_spin (prefs,
                                                                        "abandon-rate-bad")),
                                  5, 1e-9);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (asa_bad), 15, 1e-9);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (asa_warning), 10, 1e-9);
  g_assert_nonnull (strstr (threshold_summary (completion_bad), "95.0"));
  restore = find_named (GTK_WIDGET (prefs), "restore-defaults");
  g_assert_true (GTK_IS_BUTTON (restore));
  g_assert_false (gtk_widget_is_sensitive (restore));

  /* The supervisor lowers the red line of the completion rate to 90 %: only that
   * measure is written, as a fraction, and the supervisor view reads it so. */
  gtk_spin_button_set_value (completion_bad, 90);
  value = g_settings_get_value (settings, "measure-thresholds");
  g_assert_cmpuint (g_variant_n_children (value), ==, 1);
  g_assert_true (g_variant_lookup (value, "completion-rate", "(dd)", &bad, &warning));
  g_assert_cmpfloat_with_epsilon (bad, 0.90, 1e-9);
  g_assert_cmpfloat_with_epsilon (warning, 0.97, 1e-9);
  rexian_thresholds_load (&thresholds, settings);
  g_assert_cmpfloat_with_epsilon (thresholds.bad[REXIAN_MEASURE_COMPLETION_RATE], 0.90, 1e-9);
  g_assert_nonnull (strstr (threshold_summary (completion_bad), "90.0"));

  /* The ASA in seconds. */
  gtk_spin_button_set_value (asa_warning, 12);
  g_clear_pointer (&value, g_variant_unref);
  value = g_settings_get_value (settings, "measure-thresholds");
  g_assert_cmpuint (g_variant_n_children (value), ==, 2);
  g_assert_true (g_variant_lookup (value, "asa", "(dd)", &bad, &warning));
  g_assert_cmpfloat_with_epsilon (bad, 15, 1e-9);
  g_assert_cmpfloat_with_epsilon (warning, 12, 1e-9);

  /* Restore Defaults clears the key, and the defaults show again. */
  rexian_test_spin (50);
  g_assert_true (gtk_widget_is_sensitive (restore));
  /* A button clicks once its pressed look has shown. */
  g_assert_true (gtk_widget_activate (restore));
  g_assert_true (rexian_test_wait_until (thresholds_reset, settings, 5000));
  g_clear_pointer (&value, g_variant_unref);
  value = g_settings_get_value (settings, "measure-thresholds");
  g_assert_cmpuint (g_variant_n_children (value), ==, 0);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (completion_bad), 95, 1e-9);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (asa_warning), 10, 1e-9);
  g_assert_false (gtk_widget_is_sensitive (restore));

  /* Automatic supervision records the method and the person this seat sets. */
  {
    GtkWidget *method = find_named (GTK_WIDGET (prefs), "supervision-method");
    GtkWidget *responsible = find_named (GTK_WIDGET (prefs), "supervision-responsible");
    g_autofree char *method_key = NULL;
    g_autofree char *person = NULL;

    g_settings_reset (settings, "supervision-default-method");
    g_settings_reset (settings, "supervision-responsible");
    g_assert_true (ADW_IS_COMBO_ROW (method));
    g_assert_true (ADW_IS_ENTRY_ROW (responsible));
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (method)), ==,
                      REXIAN_SUPERVISE_METHOD_PHONE);
    adw_combo_row_set_selected (ADW_COMBO_ROW (method), REXIAN_SUPERVISE_METHOD_ON_SITE);
    gtk_editable_set_text (GTK_EDITABLE (responsible), "王科长");
    method_key = g_settings_get_string (settings, "supervision-default-method");
    person = g_settings_get_string (settings, "supervision-responsible");
    g_assert_cmpstr (method_key, ==, "on-site");
    g_assert_cmpstr (person, ==, "王科长");
    g_settings_reset (settings, "supervision-default-method");
    g_settings_reset (settings, "supervision-responsible");
  }

  g_settings_reset (settings, "wallboard-page-seconds");
  gtk_window_destroy (GTK_WINDOW (prefs));
  rexian_test_spin (20);
}

static void
remove_tmpdir (void)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat ("rexian.db", suffixes[i], NULL);
      g_autofree char *path = g_build_filename (tmpdir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (tmpdir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  int status;

  rexian_test_init_i18n ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  tmpdir = g_dir_make_tmp ("rexian-dialogs-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (tmpdir, "rexian.db", NULL);
  store = rexian_store_open (db_path, &error);
  g_assert_no_error (error);
  /* The sample data only makes the store look like a working day; these tests create
   * what they rely on, so a problem there is reported and not fatal here. */
  if (!rexian_store_seed_sample_data (store, now (), &error))
    {
      g_printerr ("# The sample data could not be filled in: %s\n", error->message);
      g_clear_error (&error);
    }
  ensure_reference_data ();

  g_test_add_func ("/dialogs/needs-input", test_needs_input);
  g_test_add_func ("/dialogs/editor/validates-and-creates", test_editor_validates_and_creates);
  g_test_add_func ("/dialogs/editor/edits-existing", test_editor_edits_existing);
  g_test_add_func ("/dialogs/editor/merges-repeated-caller", test_editor_merges_repeated_caller);
  g_test_add_func ("/dialogs/editor/submit-and-answer", test_editor_submit_and_answer);
  g_test_add_func ("/dialogs/editor/conflict-saved-again", test_editor_conflict_saved_again);
  g_test_add_func ("/dialogs/editor/conflict-keeps-typing", test_editor_conflict_keeps_typing);
  g_test_add_func ("/dialogs/editor/history-offers-open-orders",
                   test_editor_history_offers_open_orders);
  g_test_add_func ("/dialogs/transition/dispatch", test_dispatch_dialog);
  g_test_add_func ("/dialogs/transition/cancel-once", test_dialog_cancel_once);
  g_test_add_func ("/dialogs/transition/merge-refuses-closed",
                   test_merge_dialog_refuses_closed_target);
  g_test_add_func ("/dialogs/preferences/open", test_preferences_open);
  g_test_add_func ("/dialogs/preferences/auto-answer", test_preferences_auto_answer);
  g_test_add_func ("/dialogs/preferences/audio-devices", test_preferences_audio_devices);
  g_test_add_func ("/dialogs/preferences/supervisor", test_preferences_supervisor);

  status = g_test_run ();

  g_clear_object (&store);
  remove_tmpdir ();
  g_free (tmpdir);

  return status;
}
