/* test-phone-ui.c: the softphone in the window, against a real baresip on 127.0.0.1
 * calling the seat's phone directly (no registrar), as an agent would use it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "rexian-application.h"
#include "rexian-call-panel-private.h"
#include "rexian-calls-view-private.h"
#include "rexian-order-editor-private.h"
#include "rexian-store-calls.h"
#include "rexian-window-private.h"
#include "rexian-test-peers.h"
#include "rexian-test-ui.h"

#define CITIZEN "13803560001"
#define WAIT_MS 10000

static RexianApplication *app;
static RexianWindow *window;
static RexianTestBaresip *citizen;
static char *out_dir;

static RexianCallPanel *
panel (void)
{
  return _rexian_window_get_call_panel (window);
}

static RexianPhone *
phone (void)
{
  return rexian_application_get_phone (app);
}

static char *
phone_uri (void)
{
  return g_strdup_printf ("sip:1001@127.0.0.1:%u", rexian_phone_get_port (phone ()));
}

static void
save_screenshot (const char *name)
{
  g_autofree char *path = g_build_filename (out_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  rexian_test_spin (400);
  g_assert_true (rexian_test_save_png (GTK_WIDGET (window), path, &error));
  g_assert_no_error (error);
  g_test_message ("Saved %s", path);
}

static gboolean
is_ringing (gpointer data)
{
  return panel ()->entries->len == GPOINTER_TO_UINT (data)
         && gtk_revealer_get_reveal_child (panel ()->ringing_revealer);
}

static gboolean
current_is (gpointer data)
{
  RexianCallState wanted = GPOINTER_TO_INT (data);

  return panel ()->current != NULL
         && rexian_call_get_state (panel ()->current->call) == wanted
         && gtk_revealer_get_reveal_child (panel ()->call_revealer);
}

static gboolean
no_call (gpointer data)
{
  return panel ()->entries->len == 0
         && !gtk_revealer_get_reveal_child (panel ()->call_revealer)
         && !gtk_revealer_get_reveal_child (panel ()->ringing_revealer);
}

static gboolean
history_lists (gpointer data)
{
  RexianCallEntry *entry = g_ptr_array_index (panel ()->entries, 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (entry->history_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child)
        && strstr (gtk_button_get_label (GTK_BUTTON (child)), data) != NULL)
      return TRUE;

  return FALSE;
}

static RexianStore *
store (void)
{
  return rexian_application_get_store (app);
}

/* The call log row of @call_id, or NULL. */
static RexianCallRecord *
get_record (const char *call_id)
{
  return rexian_store_get_call (store (), call_id, NULL);
}

static gboolean
record_has_outcome (gpointer data)
{
  const char *call_id = data;
  g_autoptr(RexianCallRecord) record = get_record (call_id);
  int wanted = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (window), "wanted-outcome"));

  return record != NULL && record->outcome == wanted;
}

static gboolean
agent_status_is (gpointer data)
{
  g_autoptr(RexianAgentState) state =
    rexian_store_get_agent_state (store (), rexian_application_get_agent_id (app), NULL);

  return state != NULL && state->status == (RexianAgentStatus) GPOINTER_TO_INT (data);
}

static gboolean
callback_status_is (gpointer data)
{
  g_autoptr(GPtrArray) callbacks = rexian_store_list_callbacks (store (), FALSE, NULL);
  gint64 id = *(gint64 *) data;
  RexianCallbackStatus wanted =
    GPOINTER_TO_INT (g_object_get_data (G_OBJECT (window), "wanted-callback-status"));

  for (guint i = 0; callbacks != NULL && i < callbacks->len; i++)
    {
      RexianCallback *callback = g_ptr_array_index (callbacks, i);

      if (callback->id == id)
        return callback->status == wanted;
    }

  return FALSE;
}

static gboolean
editor_idle_with_order (gpointer data)
{
  RexianOrderEditor *editor = data;

  return _rexian_order_editor_get_order (editor) != NULL && !_rexian_order_editor_is_busy (editor);
}

static void
test_status (void)
{
  g_assert_nonnull (phone ());
  g_assert_cmpuint (rexian_phone_get_port (phone ()), >, 0);
  g_assert_false (gtk_revealer_get_reveal_child (panel ()->phone_error_revealer));
  /* No account in the settings: the agent is told what works and what to do. */
  g_assert_nonnull (strstr (window->registration_text, "not set up"));
  g_assert_true (gtk_switch_get_active (window->available_switch));
}

static void
test_incoming_call (void)
{
  g_autoptr(RexianWorkOrder) draft = rexian_work_order_new ();
  g_autoptr(RexianWorkOrder) earlier = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = phone_uri ();
  RexianStore *store = rexian_application_get_store (app);
  RexianCallEntry *entry;
  g_autoptr(RexianCallRecord) record = NULL;
  g_autofree char *call_id = NULL;
  g_autofree char *recording_path = NULL;
  RexianOrderEditor *editor;
  RexianCall *call;
  const char *recording;

  /* The citizen called before: the ringing call must show that order. */
  rexian_work_order_set_summary (draft, "小区路灯不亮");
  rexian_work_order_set_caller_phone (draft, CITIZEN);
  earlier = rexian_store_create_order (store, draft, rexian_application_get_agent_id (app),
                                       g_get_real_time () / G_USEC_PER_SEC, &error);
  g_assert_no_error (error);

  rexian_test_baresip_command (citizen, "dial", uri);
  g_assert_true (rexian_test_wait_until (is_ringing, GUINT_TO_POINTER (1), WAIT_MS));
  g_assert_true (rexian_test_baresip_wait_report (citizen, "CALL_RINGING", WAIT_MS));

  entry = g_ptr_array_index (panel ()->entries, 0);
  call = entry->call;
  g_assert_cmpstr (gtk_label_get_text (entry->number_label), ==, CITIZEN);
  rexian_test_spin (600);
  g_assert_nonnull (strstr (gtk_label_get_text (entry->countdown_label), "Answer within"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry->countdown_label), "error"));
  g_assert_true (history_lists ((gpointer) rexian_work_order_get_number (earlier)));
  save_screenshot ("phone-ringing.png");

  gtk_widget_activate (GTK_WIDGET (entry->answer_button));
  g_assert_true (rexian_test_wait_until (current_is,
                                         GINT_TO_POINTER (REXIAN_CALL_STATE_ACTIVE), WAIT_MS));
  g_assert_true (rexian_test_baresip_wait_report (citizen, "CALL_ESTABLISHED", WAIT_MS));
  g_assert_false (gtk_revealer_get_reveal_child (panel ()->ringing_revealer));
  g_assert_cmpstr (gtk_label_get_text (panel ()->call_number_label), ==, CITIZEN);

  /* The intake form opened with the caller's number. */
  editor = REXIAN_ORDER_EDITOR (_rexian_window_get_last_dialog (window));
  g_assert_nonnull (editor);
  g_assert_null (_rexian_order_editor_get_order (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor->phone_row)), ==, CITIZEN);

  /* Recorded under the user data folder, and the bar says so. */
  recording = g_object_get_data (G_OBJECT (call), "rexian-recording");
  g_assert_nonnull (recording);
  g_assert_true (g_str_has_prefix (recording, g_get_user_data_dir ()));
  g_assert_true (g_str_has_suffix (recording, ".ogg"));
  /* The call goes with its recording when it ends: the log keeps the path. */
  recording_path = g_strdup (recording);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (panel ()->recording_label)));

  /* The call log says who answered, and the agent is on the phone. */
  call_id = g_strdup (rexian_call_get_call_id (call));
  record = get_record (call_id);
  g_assert_nonnull (record);
  g_assert_cmpint (record->direction, ==, REXIAN_CALL_RECORD_INCOMING);
  g_assert_cmpint (record->agent_id, ==, rexian_application_get_agent_id (app));
  g_assert_cmpint (record->answered_at, >, 0);
  g_assert_cmpint (record->outcome, ==, -1);
  g_assert_true (rexian_test_wait_until (agent_status_is,
                                         GINT_TO_POINTER (REXIAN_AGENT_ON_CALL), WAIT_MS));

  /* The order taken on the call is linked to it once the intake form saves it. */
  gtk_editable_set_text (GTK_EDITABLE (editor->summary_row), "小区路灯又不亮了");
  gtk_editable_set_text (GTK_EDITABLE (editor->caller_name_row), "王建国");
  gtk_editable_set_text (GTK_EDITABLE (editor->address_row), "城区西街道书院街12号");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (editor->course_view),
                            "小区路灯连续两晚不亮。", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (editor->request_view),
                            "尽快修复路灯。", -1);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (rexian_test_wait_until (editor_idle_with_order, editor, WAIT_MS));
  g_clear_pointer (&record, rexian_call_record_free);
  record = get_record (call_id);
  g_assert_cmpint (record->order_id, ==,
                   rexian_work_order_get_id (_rexian_order_editor_get_order (editor)));
  g_assert_cmpstr (record->order_number, ==,
                   rexian_work_order_get_number (_rexian_order_editor_get_order (editor)));

  gtk_window_destroy (GTK_WINDOW (editor));
  rexian_test_spin (1200);
  g_assert_nonnull (strstr (gtk_label_get_text (panel ()->call_time_label), ":"));
  save_screenshot ("phone-in-call.png");

  /* The citizen hangs up: the bar goes. */
  rexian_test_baresip_command (citizen, "hangup", NULL);
  g_assert_true (rexian_test_wait_until (no_call, NULL, WAIT_MS));
  g_assert_true (rexian_test_baresip_wait_report (citizen, "CALL_CLOSED", WAIT_MS));

  g_object_set_data (G_OBJECT (window), "wanted-outcome",
                     GINT_TO_POINTER (REXIAN_CALL_OUTCOME_CALLER_HUNG_UP));
  g_assert_true (rexian_test_wait_until (record_has_outcome, call_id, WAIT_MS));
  g_clear_pointer (&record, rexian_call_record_free);
  record = get_record (call_id);
  g_assert_cmpstr (record->recording_path, ==, recording_path);

  /* Wrap-up time (one second in this test), then ready for the next call. */
  g_assert_true (rexian_test_wait_until (agent_status_is,
                                         GINT_TO_POINTER (REXIAN_AGENT_WRAP_UP), WAIT_MS));
  g_assert_true (rexian_test_wait_until (agent_status_is,
                                         GINT_TO_POINTER (REXIAN_AGENT_AVAILABLE), WAIT_MS));
}

static gboolean
calls_view_pending (gpointer data)
{
  return rexian_calls_view_get_n_pending (window->calls_view) == GPOINTER_TO_UINT (data);
}

static const char *
list_row_title (GtkListBox *list,
                int         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  return row != NULL && ADW_IS_PREFERENCES_ROW (row)
         ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row))
         : NULL;
}

static void
test_missed_call (void)
{
  g_autofree char *uri = phone_uri ();
  g_autofree char *registrar = NULL;
  g_autofree char *server = NULL;
  g_autofree char *call_id = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GPtrArray) callbacks = NULL;
  g_autoptr(RexianCallRecord) record = NULL;
  g_autoptr(RexianCallRecord) back = NULL;
  RexianCallback *callback;
  RexianCallEntry *entry;
  gint64 callback_id;

  g_assert_true (calls_view_pending (GUINT_TO_POINTER (0)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->calls_view->stack), ==, "empty");

  /* The citizen gives up while it rings. */
  rexian_test_baresip_command (citizen, "dial", uri);
  g_assert_true (rexian_test_wait_until (is_ringing, GUINT_TO_POINTER (1), WAIT_MS));
  g_assert_true (rexian_test_baresip_wait_report (citizen, "CALL_RINGING", WAIT_MS));
  entry = g_ptr_array_index (panel ()->entries, 0);
  call_id = g_strdup (rexian_call_get_call_id (entry->call));
  g_assert_nonnull (call_id);
  record = get_record (call_id);
  g_assert_nonnull (record);
  g_assert_cmpint (record->outcome, ==, -1);
  g_clear_pointer (&record, rexian_call_record_free);

  rexian_test_baresip_command (citizen, "hangup", NULL);
  g_assert_true (rexian_test_wait_until (no_call, NULL, WAIT_MS));
  g_object_set_data (G_OBJECT (window), "wanted-outcome",
                     GINT_TO_POINTER (REXIAN_CALL_OUTCOME_ABANDONED));
  g_assert_true (rexian_test_wait_until (record_has_outcome, call_id, WAIT_MS));

  /* One call today (the sample data's calls are all from earlier days), abandoned, and
   * one callback waiting for it. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now),
                                                           g_date_time_get_month (now),
                                                           g_date_time_get_day_of_month (now),
                                                           0, 0, 0);

    calls = rexian_store_list_calls (store (), g_date_time_to_unix (midnight), G_MAXINT64, 0,
                                     NULL);
  }
  g_assert_cmpuint (calls->len, ==, 1);
  record = get_record (call_id);
  g_assert_cmpint (record->answered_at, ==, 0);
  g_assert_cmpstr (record->remote_number, ==, CITIZEN);
  callbacks = rexian_store_list_callbacks (store (), TRUE, NULL);
  g_assert_cmpuint (callbacks->len, ==, 1);
  callback = g_ptr_array_index (callbacks, 0);
  g_assert_cmpint (callback->call_record_id, ==, record->id);
  g_assert_cmpstr (callback->remote_number, ==, CITIZEN);
  callback_id = callback->id;

  /* The Calls view lists it, and its page shows the count. */
  g_assert_true (rexian_test_wait_until (calls_view_pending, GUINT_TO_POINTER (1), WAIT_MS));
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (window->calls_page), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->calls_view->stack), ==, "list");
  g_assert_cmpstr (list_row_title (window->calls_view->callback_list, 0), ==, CITIZEN);
  g_assert_cmpstr (list_row_title (window->calls_view->call_list, 0), ==, CITIZEN);
  adw_view_stack_set_visible_child_name (window->stack, "calls");
  save_screenshot ("calls-view.png");

  /* Call Back: a bare number goes through the SIP server, here baresip itself (no
   * SIP address is set, so nothing registers). */
  registrar = g_settings_get_string (window->settings, "sip-registrar");
  server = g_strdup_printf ("sip:127.0.0.1:%u", rexian_test_baresip_get_port (citizen));
  g_settings_set_string (window->settings, "sip-registrar", server);
  gtk_widget_activate_action (GTK_WIDGET (window->calls_view), "calls.call-back", "x",
                              callback_id);
  g_assert_true (rexian_test_wait_until (current_is,
                                         GINT_TO_POINTER (REXIAN_CALL_STATE_ACTIVE), WAIT_MS));
  g_object_set_data (G_OBJECT (window), "wanted-callback-status",
                     GINT_TO_POINTER (REXIAN_CALLBACK_CALLED_BACK));
  g_assert_true (rexian_test_wait_until (callback_status_is, &callback_id, WAIT_MS));
  g_assert_true (rexian_test_wait_until (calls_view_pending, GUINT_TO_POINTER (0), WAIT_MS));
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (window->calls_page), ==, 0);
  g_assert_true (rexian_test_wait_until (agent_status_is,
                                         GINT_TO_POINTER (REXIAN_AGENT_ON_CALL), WAIT_MS));

  /* The call back is in the log too, as this agent's outgoing call. */
  back = get_record (rexian_call_get_call_id (panel ()->current->call));
  g_assert_nonnull (back);
  g_assert_cmpint (back->direction, ==, REXIAN_CALL_RECORD_OUTGOING);
  g_assert_cmpint (back->agent_id, ==, rexian_application_get_agent_id (app));

  /* Hung up on the call itself: with the Calls page shown the bar's button was found
   * unrealized under Xvfb, and an unrealized GtkButton ignores activation. */
  g_assert_true (rexian_call_hangup (panel ()->current->call, NULL));
  g_settings_set_string (window->settings, "sip-registrar", registrar);
  g_assert_true (rexian_test_wait_until (no_call, NULL, WAIT_MS));
  adw_view_stack_set_visible_child_name (window->stack, "orders");
  g_assert_true (rexian_test_wait_until (agent_status_is,
                                         GINT_TO_POINTER (REXIAN_AGENT_AVAILABLE), WAIT_MS));
}

static gboolean
countdown_is_late (gpointer data)
{
  RexianCallEntry *entry = data;

  return gtk_widget_has_css_class (GTK_WIDGET (entry->countdown_label), "error");
}

static void
test_two_calls_ring_past_target (void)
{
  g_autofree char *uri = phone_uri ();
  guint declined = rexian_test_baresip_count_reports (citizen, "\"param\":\"603 Decline\"");
  RexianCallEntry *first;
  RexianCallEntry *second;

  rexian_test_baresip_command (citizen, "dial", uri);
  g_assert_true (rexian_test_wait_until (is_ringing, GUINT_TO_POINTER (1), WAIT_MS));
  rexian_test_baresip_command (citizen, "dial", uri);
  g_assert_true (rexian_test_wait_until (is_ringing, GUINT_TO_POINTER (2), WAIT_MS));

  /* Each ringing call has its own row. */
  first = g_ptr_array_index (panel ()->entries, 0);
  second = g_ptr_array_index (panel ()->entries, 1);
  g_assert_nonnull (first->row);
  g_assert_nonnull (second->row);
  g_assert_true (gtk_widget_get_parent (first->row) != gtk_widget_get_parent (second->row));

  /* Past the 15 seconds of GB/T 33358 it keeps ringing, and the countdown turns red. */
  g_assert_true (rexian_test_wait_until (countdown_is_late, first,
                                         (REXIAN_ANSWER_TARGET_SECONDS + 3) * 1000));
  g_assert_nonnull (strstr (gtk_label_get_text (first->countdown_label), "past the 15 s"));
  g_assert_cmpint (rexian_call_get_state (first->call), ==, REXIAN_CALL_STATE_RINGING_IN);

  gtk_widget_activate (GTK_WIDGET (second->decline_button));
  g_assert_true (rexian_test_wait_until (is_ringing, GUINT_TO_POINTER (1), WAIT_MS));
  first = g_ptr_array_index (panel ()->entries, 0);
  gtk_widget_activate (GTK_WIDGET (first->decline_button));
  g_assert_true (rexian_test_wait_until (no_call, NULL, WAIT_MS));
  g_assert_true (rexian_test_baresip_wait_reports (citizen, "\"param\":\"603 Decline\"",
                                               declined + 2, WAIT_MS));
}

static void
test_outgoing_call (void)
{
  g_autofree char *uri = g_strdup_printf ("sip:" CITIZEN "@127.0.0.1:%u",
                                          rexian_test_baresip_get_port (citizen));
  guint closed = rexian_test_baresip_count_reports (citizen, "CALL_CLOSED");

  /* What the order editor's Call button does. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "call-number",
                                  g_variant_new_string (uri));
  g_assert_true (rexian_test_wait_until (current_is,
                                         GINT_TO_POINTER (REXIAN_CALL_STATE_ACTIVE), WAIT_MS));
  g_assert_cmpstr (gtk_label_get_text (panel ()->call_number_label), ==, CITIZEN);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (panel ()->hold_button)));

  gtk_widget_activate (GTK_WIDGET (panel ()->hangup_button));
  g_assert_true (rexian_test_wait_until (no_call, NULL, WAIT_MS));
  /* baresip saw the BYE: the citizen is not left on a dead line. */
  g_assert_true (rexian_test_baresip_wait_reports (citizen, "CALL_CLOSED", closed + 1, WAIT_MS));
}

static void
test_plain_number_needs_server (void)
{
  /* Without a registrar a bare number cannot be routed: a toast says so. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "call-number",
                                  g_variant_new_string ("12345"));
  g_assert_nonnull (strstr (_rexian_window_get_last_toast (window), "SIP server"));
  g_assert_true (no_call (NULL));
}

static gboolean
away_reason_is (gpointer data)
{
  g_autoptr(GPtrArray) states = rexian_store_list_agent_states (store (), NULL);

  for (guint i = 0; states != NULL && i < states->len; i++)
    {
      RexianAgentState *state = g_ptr_array_index (states, i);

      if (state->status == REXIAN_AGENT_AWAY && g_strcmp0 (state->reason, data) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_away_is_busy (void)
{
  g_autofree char *uri = phone_uri ();

  gtk_switch_set_active (window->available_switch, FALSE);
  g_assert_false (rexian_phone_get_available (phone ()));
  g_assert_cmpstr (gtk_menu_button_get_icon_name (window->phone_status_button), ==,
                   "user-away-symbolic");

  rexian_test_baresip_command (citizen, "dial", uri);
  g_assert_true (rexian_test_baresip_wait_report (citizen, "\"param\":\"486 Busy Here\"",
                                              WAIT_MS));
  rexian_test_spin (200);
  g_assert_true (no_call (NULL));

  /* The agent says why; the supervisors see it with the status. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->away_reason_dropdown)));
  gtk_drop_down_set_selected (window->away_reason_dropdown, 2);
  g_assert_true (rexian_test_wait_until (away_reason_is, "Meeting", WAIT_MS));

  gtk_switch_set_active (window->available_switch, TRUE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->away_reason_dropdown)));
  g_assert_true (rexian_phone_get_available (phone ()));
}

static void
test_port_in_use (void)
{
  g_autoptr(GError) error = NULL;
  /* Its own id: two applications cannot export the same object path on one bus. */
  g_autoptr(RexianApplication) second =
    g_object_new (REXIAN_TYPE_APPLICATION,
                  "application-id", "io.github.rexian.Rexian.SecondSeat",
                  "resource-base-path", "/io/github/rexian/Rexian",
                  NULL);
  g_autofree char *db_path = g_build_filename (g_get_user_data_dir (), "second.db", NULL);
  RexianWindow *second_window;
  RexianCallPanel *second_panel;

  /* A second seat on the same port: its phone cannot start, its board still works. */
  g_application_set_flags (G_APPLICATION (second), G_APPLICATION_NON_UNIQUE);
  _rexian_application_set_database_path (second, db_path);
  _rexian_application_set_sip_bind (second, "127.0.0.1", rexian_phone_get_port (phone ()));
  g_assert_true (g_application_register (G_APPLICATION (second), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (second));

  g_assert_null (rexian_application_get_phone (second));
  g_assert_nonnull (rexian_application_get_phone_error (second));
  second_window = REXIAN_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (second)));
  g_assert_nonnull (second_window);
  second_panel = _rexian_window_get_call_panel (second_window);
  g_assert_true (gtk_revealer_get_reveal_child (second_panel->phone_error_revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (second_panel->phone_error_label),
                            "cannot start"));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (second_window->call_button)));
  g_assert_nonnull (rexian_application_get_store (second));

  gtk_window_destroy (GTK_WINDOW (second_window));
  g_application_quit (G_APPLICATION (second));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *tmpdir = NULL;
  const char *dir = g_getenv ("REXIAN_SCREENSHOT_DIR");
  g_autoptr(GSettings) settings = NULL;
  int ret;

  g_setenv ("LANGUAGE", "en", TRUE);
  rexian_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  /* Recordings go to the user data folder: a temporary one, set before GLib reads it. */
  tmpdir = g_dir_make_tmp ("rexian-phone-ui-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);
  gtk_init ();
  adw_init ();

  /* Sofia-SIP is chatty on stderr; no sound card here. */
  g_setenv ("TPORT_DEBUG", "0", FALSE);
  g_setenv ("NTA_DEBUG", "0", FALSE);
  g_setenv ("NUA_DEBUG", "0", FALSE);
  g_setenv ("REXIAN_AUDIO_SOURCE", "audiotestsrc is-live=true wave=sine freq=440", FALSE);
  g_setenv ("REXIAN_AUDIO_SINK", "fakesink sync=true", FALSE);

  if (dir != NULL && *dir != '\0')
    out_dir = g_strdup (dir);
  else
    out_dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshots", NULL);
  g_mkdir_with_parents (out_dir, 0755);

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  db_path = g_build_filename (g_get_user_data_dir (), "rexian.db", NULL);

  app = rexian_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  _rexian_application_set_database_path (app, db_path);
  _rexian_application_set_sip_bind (app, "127.0.0.1", 0);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  /* A short wrap-up, so that the test sees the agent become available again. */
  settings = g_settings_new (APP_ID);
  g_settings_set_int (settings, "wrap-up-seconds", 1);

  window = REXIAN_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  rexian_test_spin (300);

  /* Auto-answer for the calls it receives; it dials when told to. */
  citizen = rexian_test_baresip_start (CITIZEN, "auto");

  g_test_add_func ("/ui/phone/status", test_status);
  g_test_add_func ("/ui/phone/missed-call", test_missed_call);
  g_test_add_func ("/ui/phone/incoming", test_incoming_call);
  g_test_add_func ("/ui/phone/two-calls", test_two_calls_ring_past_target);
  g_test_add_func ("/ui/phone/outgoing", test_outgoing_call);
  g_test_add_func ("/ui/phone/plain-number", test_plain_number_needs_server);
  g_test_add_func ("/ui/phone/away", test_away_is_busy);
  g_test_add_func ("/ui/phone/port-in-use", test_port_in_use);

  ret = g_test_run ();

  rexian_test_baresip_stop (citizen);
  gtk_window_destroy (GTK_WINDOW (window));
  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  g_free (out_dir);
  return ret;
}
