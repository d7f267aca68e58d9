/* test-phrases.c: the service phrases in the call bar during a real call from baresip,
 * the forbidden-phrase check before a reply is saved, and who may edit the phrases in
 * Preferences, in Chinese under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "rexian-call-panel-private.h"
#include "rexian-order-editor-private.h"
#include "rexian-phrase-strip.h"
#include "rexian-phrases-page-private.h"
#include "rexian-preferences-window.h"
#include "rexian-reply-check.h"
#include "rexian-store-phrases.h"
#include "rexian-test-peers.h"
#include "rexian-transition-dialog-private.h"
#include "rexian-window-private.h"
#include "rexian-test-ui.h"

#define CITIZEN "13803561234"
#define WAIT_MS 15000

static RexianApplication *app;
static RexianWindow *window;
static RexianTestBaresip *citizen;
static GSettings *settings;
static char *out_dir;
static char *db_path;

static RexianCallPanel *
panel (void)
{
  return _rexian_window_get_call_panel (window);
}

static RexianStore *
store (void)
{
  return rexian_application_get_store (app);
}

static gint64
now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static RexianPhraseStrip *
strip (void)
{
  return REXIAN_PHRASE_STRIP (gtk_widget_get_template_child (GTK_WIDGET (panel ()),
                                                             REXIAN_TYPE_CALL_PANEL,
                                                             "phrase_strip"));
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autofree char *path = g_build_filename (out_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  rexian_test_spin (400);
  g_assert_true (rexian_test_save_png (widget, path, &error));
  g_assert_no_error (error);
  g_test_message ("Saved %s", path);
}

static RexianAgent *
find_agent_with_role (const char *role)
{
  g_autoptr(GPtrArray) agents = rexian_store_list_agents (store (), NULL);

  for (guint i = 0; agents != NULL && i < agents->len; i++)
    {
      RexianAgent *agent = g_ptr_array_index (agents, i);

      if (g_strcmp0 (agent->role, role) == 0)
        return rexian_store_find_agent (store (), agent->agent_no, NULL);
    }

  g_assert_not_reached ();
}

static gboolean
signed_in_as (gpointer data)
{
  return rexian_application_get_agent_id (app) == *(gint64 *) data;
}

/* Signs this seat in as the first agent with @role, as Preferences → Seat does. */
static RexianAgent *
sign_in (const char *role)
{
  RexianAgent *agent = find_agent_with_role (role);

  g_settings_set_string (settings, "agent-number", agent->agent_no);
  g_assert_true (rexian_test_wait_until (signed_in_as, &agent->id, WAIT_MS));
  return agent;
}

/* The call bar */

static gboolean
is_ringing (gpointer data)
{
  return panel ()->entries->len == 1 && gtk_revealer_get_reveal_child (panel ()->ringing_revealer);
}

static gboolean
current_is (gpointer data)
{
  return panel ()->current != NULL
         && (int) rexian_call_get_state (panel ()->current->call) == GPOINTER_TO_INT (data);
}

static gboolean
no_call (gpointer data)
{
  return panel ()->entries->len == 0;
}

static gboolean
strip_shows (gpointer data)
{
  return g_strcmp0 (rexian_phrase_strip_get_text (strip ()), data) == 0
         && gtk_widget_get_visible (GTK_WIDGET (strip ()));
}

static void
assert_strip (const char *expected)
{
  if (!rexian_test_wait_until (strip_shows, (gpointer) expected, WAIT_MS))
    g_error ("The strip shows “%s”, expected “%s”", rexian_phrase_strip_get_text (strip ()),
             expected);
}

static void
test_strip_follows_call (void)
{
  g_autoptr(RexianAgent) agent = sign_in ("agent");
  RexianPhone *phone = rexian_application_get_phone (app);
  g_autofree char *uri = g_strdup_printf ("sip:%s@127.0.0.1:%u", agent->agent_no,
                                          rexian_phone_get_port (phone));
  g_autofree char *greeting = g_strdup_printf ("您好，12345政务服务便民热线，我是%s号受理员，"
                                               "请问有什么可以帮您？", agent->agent_no);
  RexianCallEntry *entry;
  RexianOrderEditor *editor;

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (strip ())));

  /* Ringing: the greeting is ready with this seat's number. */
  rexian_test_baresip_command (citizen, "dial", uri);
  g_assert_true (rexian_test_wait_until (is_ringing, NULL, WAIT_MS));
  g_assert_true (rexian_test_baresip_wait_report (citizen, "CALL_RINGING", WAIT_MS));
  assert_strip (greeting);

  /* Answered: still the greeting; the intake form opens for the call. */
  save_screenshot (GTK_WIDGET (window), "phrases-ringing-zh_CN.png");
  entry = g_ptr_array_index (panel ()->entries, 0);
  gtk_widget_activate (GTK_WIDGET (entry->answer_button));
  g_assert_true (rexian_test_wait_until (current_is, GINT_TO_POINTER (REXIAN_CALL_STATE_ACTIVE),
                                         WAIT_MS));
  g_assert_true (rexian_test_baresip_wait_report (citizen, "CALL_ESTABLISHED", WAIT_MS));
  assert_strip (greeting);
  editor = REXIAN_ORDER_EDITOR (_rexian_window_get_last_dialog (window));
  g_assert_nonnull (editor);

  /* Next: asking the name, with the title once the agent has chosen it. */
  gtk_widget_activate_action (GTK_WIDGET (strip ()), "phrase-strip.next", NULL);
  assert_strip ("请问您贵姓？");
  adw_combo_row_set_selected (editor->caller_title_row, 2);
  assert_strip ("女士，请问您贵姓？");

  /* The name typed into the form: nothing left to ask, the next phrase names her. */
  gtk_editable_set_text (GTK_EDITABLE (editor->caller_name_row), "张晓红");
  assert_strip ("您好，张女士，您反映的问题记录完毕，现向您核实一下好吗？");

  /* A complaint asks about confidentiality first. */
  adw_combo_row_set_selected (editor->kind_row, REXIAN_REQUEST_COMPLAINT);
  assert_strip ("张女士，请问这个问题您需要保密吗？");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  save_screenshot (GTK_WIDGET (window), "phrases-in-call-zh_CN.png");

  /* On hold: the waiting phrase; back: where the agent was. */
  gtk_widget_activate (GTK_WIDGET (panel ()->hold_button));
  g_assert_true (rexian_test_wait_until (current_is, GINT_TO_POINTER (REXIAN_CALL_STATE_HELD),
                                         WAIT_MS));
  assert_strip ("请稍等，张女士，正在为您查询。");
  gtk_widget_activate (GTK_WIDGET (panel ()->hold_button));
  g_assert_true (rexian_test_wait_until (current_is, GINT_TO_POINTER (REXIAN_CALL_STATE_ACTIVE),
                                         WAIT_MS));
  assert_strip ("张女士，请问这个问题您需要保密吗？");

  gtk_widget_activate_action (GTK_WIDGET (strip ()), "phrase-strip.next", NULL);
  assert_strip ("您好，张女士，您反映的问题记录完毕，现向您核实一下好吗？");
  gtk_widget_activate_action (GTK_WIDGET (strip ()), "phrase-strip.next", NULL);
  assert_strip ("感谢您的来电，请稍后对我的服务进行评价，再见。");
  g_assert_cmpint (rexian_phrase_strip_get_moment (strip ()), ==, REXIAN_PHRASE_CLOSING);

  /* The agent hangs up: the strip goes with the call. */
  gtk_widget_activate (GTK_WIDGET (panel ()->hangup_button));
  g_assert_true (rexian_test_wait_until (no_call, NULL, WAIT_MS));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (strip ())));
  gtk_window_destroy (GTK_WINDOW (editor));
  rexian_test_spin (100);
}

/* The reply check */

/* The text view under @widget holding @text. */
static GtkTextView *
find_text_view (GtkWidget  *widget,
                const char *text)
{
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start;
      GtkTextIter end;
      g_autofree char *contents = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      contents = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (g_strcmp0 (contents, text) == 0)
        return GTK_TEXT_VIEW (widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkTextView *found = find_text_view (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
dialog_settled (gpointer data)
{
  return !_rexian_transition_dialog_is_busy (data);
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
on_applied (gboolean *applied)
{
  *applied = TRUE;
}

static RexianWorkOrder *
order_in_progress (void)
{
  g_autoptr(RexianWorkOrder) draft = rexian_work_order_new ();
  g_autoptr(RexianWorkOrder) created = NULL;
  g_autoptr(RexianWorkOrder) submitted = NULL;
  g_autoptr(RexianTransitionInput) input = rexian_transition_input_new ();
  g_autoptr(GPtrArray) departments = rexian_store_list_departments (store (), NULL);
  g_autoptr(GError) error = NULL;
  gint64 agent_id = rexian_application_get_agent_id (app);
  RexianWorkOrder *dispatched;

  rexian_work_order_set_summary (draft, "书院街路灯不亮");
  rexian_work_order_set_caller_phone (draft, CITIZEN);
  created = rexian_store_create_order (store (), draft, agent_id, now (), &error);
  g_assert_no_error (error);
  submitted = rexian_store_apply (store (), rexian_work_order_get_id (created),
                                  REXIAN_ACTION_SUBMIT, NULL, agent_id, now (), &error);
  g_assert_no_error (error);

  g_assert_true (departments != NULL && departments->len > 0);
  input->lead_department_id = ((RexianDepartment *) departments->pdata[0])->id;
  input->transfer_opinion = g_strdup ("请尽快修复路灯并答复来电人。");
  dispatched = rexian_store_apply (store (), rexian_work_order_get_id (submitted),
                                   REXIAN_ACTION_DISPATCH, input, agent_id, now (), &error);
  g_assert_no_error (error);

  return dispatched;
}

static void
test_reply_dialog_refuses (void)
{
  g_autoptr(RexianWorkOrder) order = order_in_progress ();
  g_autoptr(RexianWorkOrder) stored = NULL;
  RexianTransitionDialog *dialog;
  GtkTextView *view;
  gboolean applied = FALSE;
  const char *error;

  dialog = rexian_transition_dialog_new (GTK_WINDOW (window), store (), order,
                                         REXIAN_ACTION_REPLY,
                                         rexian_application_get_agent_id (app));
  g_signal_connect_swapped (dialog, "applied", G_CALLBACK (on_applied), &applied);
  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  rexian_test_spin (100);

  _rexian_transition_dialog_set_field_text (dialog, REXIAN_FIELD_HANDLING_RESULT,
                                            "这个问题我不清楚");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.apply", NULL);
  g_assert_true (rexian_test_wait_until (dialog_settled, dialog, WAIT_MS));

  /* Refused with the phrase named, the phrase marked, the text kept, nothing saved. */
  error = _rexian_transition_dialog_get_error (dialog);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, "不清楚"));
  g_assert_false (applied);
  view = find_text_view (GTK_WIDGET (dialog), "这个问题我不清楚");
  g_assert_nonnull (view);
  g_assert_cmpuint (rexian_reply_check_count_highlights (view), ==, 1);
  save_screenshot (GTK_WIDGET (dialog), "phrases-reply-refused-zh_CN.png");
  stored = rexian_store_get_order (store (), rexian_work_order_get_id (order), NULL);
  g_assert_cmpint (rexian_work_order_get_state (stored), ==, REXIAN_STATE_IN_PROGRESS);

  /* Editing removes the marks; the rephrased reply is saved. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view),
                            "经核实，书院街路灯已于今日修复。", -1);
  g_assert_cmpuint (rexian_reply_check_count_highlights (view), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.apply", NULL);
  g_assert_true (rexian_test_wait_until (flag_set, &applied, WAIT_MS));

  g_clear_object (&stored);
  stored = rexian_store_get_order (store (), rexian_work_order_get_id (order), NULL);
  g_assert_cmpint (rexian_work_order_get_state (stored), ==, REXIAN_STATE_REPLIED);
  g_assert_cmpstr (rexian_work_order_get_handling_result (stored), ==,
                   "经核实，书院街路灯已于今日修复。");
  g_object_unref (dialog);
}

static gboolean
editor_has_order (gpointer data)
{
  RexianOrderEditor *editor = data;

  return !_rexian_order_editor_is_busy (editor) && _rexian_order_editor_get_order (editor) != NULL;
}

static void
test_editor_answer_refuses (void)
{
  RexianOrderEditor *editor = rexian_order_editor_new (GTK_WINDOW (window), store (),
                                                       rexian_application_get_agent_id (app),
                                                       NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (editor->answer_view);
  const char *message;

  gtk_window_present (GTK_WINDOW (editor));
  rexian_test_spin (100);
  gtk_editable_set_text (GTK_EDITABLE (editor->summary_row), "咨询路灯报修电话");
  gtk_text_buffer_set_text (buffer, "我觉得这事应该是找城管局。", -1);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.answer-and-close", NULL);
  rexian_test_spin (100);

  message = _rexian_order_editor_get_message (editor);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "我觉得、应该是"));
  g_assert_null (_rexian_order_editor_get_order (editor));
  g_assert_cmpuint (rexian_reply_check_count_highlights (editor->answer_view), ==, 2);

  gtk_text_buffer_set_text (buffer, "路灯报修请拨打城管局热线，已告知号码。", -1);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.answer-and-close", NULL);
  g_assert_true (rexian_test_wait_until (editor_has_order, editor, WAIT_MS));
  g_assert_cmpstr (rexian_work_order_get_handling_result (_rexian_order_editor_get_order (editor)),
                   ==, "路灯报修请拨打城管局热线，已告知号码。");

  gtk_window_destroy (GTK_WINDOW (editor));
  rexian_test_spin (50);
}

/* Preferences */

static RexianPhrasesPage *
find_page (GtkWidget *widget)
{
  if (REXIAN_IS_PHRASES_PAGE (widget))
    return REXIAN_PHRASES_PAGE (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      RexianPhrasesPage *found = find_page (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static RexianPreferencesWindow *
open_phrases_preferences (RexianPhrasesPage **out_page)
{
  RexianPreferencesWindow *prefs = rexian_preferences_window_new (GTK_WINDOW (window), store ());

  gtk_window_set_default_size (GTK_WINDOW (prefs), 900, 900);
  gtk_window_present (GTK_WINDOW (prefs));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "phrases");
  rexian_test_spin (200);
  *out_page = find_page (GTK_WIDGET (prefs));
  g_assert_nonnull (*out_page);

  return prefs;
}

static void
test_preferences_supervisor_edits (void)
{
  const char *greeting = "您好，晋城12345热线，{agent_no}号为您服务。";
  const char * const forbidden[] = { "不清楚", "研究研究", NULL };
  g_autoptr(RexianAgent) supervisor = sign_in ("supervisor");
  g_autoptr(RexianStore) other_seat = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *seen = NULL;
  g_auto(GStrv) seen_forbidden = NULL;
  RexianPhrasesPage *page;
  RexianPreferencesWindow *prefs = open_phrases_preferences (&page);
  AdwEntryRow *row = _rexian_phrases_page_get_phrase_row (page, REXIAN_PHRASE_GREETING);

  g_assert_true (_rexian_phrases_page_is_editable (page));
  g_assert_null (_rexian_phrases_page_get_note (page));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==,
                   rexian_phrase_get_default (REXIAN_PHRASE_GREETING));

  gtk_editable_set_text (GTK_EDITABLE (row), greeting);
  g_signal_emit_by_name (row, "apply");
  gtk_editable_set_text (GTK_EDITABLE (_rexian_phrases_page_get_forbidden_row (page)),
                         "不清楚、研究研究，");
  g_signal_emit_by_name (_rexian_phrases_page_get_forbidden_row (page), "apply");
  save_screenshot (GTK_WIDGET (prefs), "phrases-preferences-zh_CN.png");

  /* Another seat reads the new wording from the shared database. */
  other_seat = rexian_store_open (db_path, &error);
  g_assert_no_error (error);
  seen = rexian_store_dup_phrase (other_seat, REXIAN_PHRASE_GREETING, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (seen, ==, greeting);
  seen_forbidden = rexian_store_dup_forbidden_phrases (other_seat, &error);
  g_assert_cmpstrv (seen_forbidden, forbidden);

  /* Back to the standard for the tests after this one. */
  g_assert_true (rexian_store_set_phrase (other_seat, REXIAN_PHRASE_GREETING, NULL, &error));
  g_assert_true (rexian_store_set_forbidden_phrases (other_seat,
                                                     rexian_phrases_get_default_forbidden (),
                                                     &error));
  gtk_window_destroy (GTK_WINDOW (prefs));
  rexian_test_spin (50);
}

static void
test_preferences_agent_read_only (void)
{
  g_autoptr(RexianAgent) agent = sign_in ("agent");
  g_autofree char *seen = NULL;
  RexianPhrasesPage *page;
  RexianPreferencesWindow *prefs = open_phrases_preferences (&page);
  AdwEntryRow *row = _rexian_phrases_page_get_phrase_row (page, REXIAN_PHRASE_CLOSING);
  const char *note;

  /* Read-only, with the reason naming who is signed in. */
  g_assert_false (_rexian_phrases_page_is_editable (page));
  note = _rexian_phrases_page_get_note (page);
  g_assert_nonnull (note);
  g_assert_nonnull (strstr (note, agent->agent_no));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (row)));
  save_screenshot (GTK_WIDGET (prefs), "phrases-preferences-agent-zh_CN.png");

  /* Even an apply that got through changes nothing. */
  gtk_editable_set_text (GTK_EDITABLE (row), "再见。");
  g_signal_emit_by_name (row, "apply");
  seen = rexian_store_dup_phrase (store (), REXIAN_PHRASE_CLOSING, NULL);
  g_assert_cmpstr (seen, ==, rexian_phrase_get_default (REXIAN_PHRASE_CLOSING));

  gtk_window_destroy (GTK_WINDOW (prefs));
  rexian_test_spin (50);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmpdir = NULL;
  int ret;

  /* The phrases are spoken in Chinese, and the window is looked at in Chinese. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_setenv ("LANG", "zh_CN.UTF-8", TRUE);
  rexian_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  tmpdir = rexian_test_make_dir ("rexian-phrases-ui");
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);
  gtk_init ();
  adw_init ();

  /* No sound card here: a tone for the microphone, nothing to hear. */
  g_setenv ("REXIAN_AUDIO_SOURCE", "audiotestsrc is-live=true wave=sine freq=440", FALSE);
  g_setenv ("REXIAN_AUDIO_SINK", "fakesink sync=true", FALSE);
  out_dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshots", NULL);
  g_mkdir_with_parents (out_dir, 0755);

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  db_path = g_build_filename (g_get_user_data_dir (), "rexian.db", NULL);

  settings = g_settings_new (APP_ID);
  g_settings_set_int (settings, "wrap-up-seconds", 1);
  g_settings_set_boolean (settings, "record-calls", FALSE);

  /* The phone listens on 127.0.0.1 at any free port ($REXIAN_SIP_PORT is 0). */
  app = rexian_test_app_start (db_path, 1280, 800, &window);
  rexian_test_spin (300);

  citizen = rexian_test_baresip_start (CITIZEN, "auto");

  g_test_add_func ("/ui/phrases/strip-follows-call", test_strip_follows_call);
  g_test_add_func ("/ui/phrases/reply-dialog-refuses", test_reply_dialog_refuses);
  g_test_add_func ("/ui/phrases/editor-answer-refuses", test_editor_answer_refuses);
  g_test_add_func ("/ui/phrases/preferences-supervisor-edits",
                   test_preferences_supervisor_edits);
  g_test_add_func ("/ui/phrases/preferences-agent-read-only", test_preferences_agent_read_only);

  ret = g_test_run ();

  rexian_test_baresip_stop (citizen);
  rexian_test_app_stop (&app, window);
  g_clear_object (&settings);
  if (ret == 0)
    rexian_test_delete_dir (tmpdir);
  g_free (out_dir);
  g_free (db_path);
  return ret;
}
