/* test-recordings.c: a call's recording played in the Calls view and in its order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "rexian-application.h"
#include "rexian-calls-view-private.h"
#include "rexian-order-editor-private.h"
#include "rexian-recording-player-private.h"
#include "rexian-store-calls.h"
#include "rexian-test-peers.h"
#include "rexian-test-recording.h"
#include "rexian-test-ui.h"
#include "rexian-window-private.h"

#define SPEECH "您好，我们小区的暖气一直不热，屋里只有十五度，老人孩子都受不了"
#define CALLER "13903561234"
#define CALLER_MASKED "139****1234"
/* Generous: the machine may be busy with other builds and tests. */
#define WAIT_MS 20000

static RexianApplication *app;
static RexianWindow *window;
static char *tmpdir;
static char *kept_path;
static char *deleted_path;
static double kept_seconds;
static char *order_number;

static RexianStore *
store (void)
{
  return rexian_application_get_store (app);
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("REXIAN_TEST_SCREENSHOTS");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  /* Only when asked for: they are for a person to look at. */
  if (dir == NULL)
    return;

  path = g_build_filename (dir, name, NULL);
  rexian_test_spin (400);
  rexian_test_save_png (widget, path, &error);
  g_assert_no_error (error);
  g_test_message ("Screenshot: %s", path);
}

/* A click, as a pointer or Space on the focused button makes one. */
static void
press (GtkWidget *button)
{
  g_signal_emit_by_name (button, "clicked");
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child)
          && g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
        return child;
      if ((found = find_button (child, tooltip)) != NULL)
        return found;
    }

  return NULL;
}

/* The seconds of "0:12 / 1:05", as the agent reads them. */
static int
shown_seconds (RexianRecordingPlayer *player)
{
  const char *text = gtk_label_get_text (player->time_label);
  int minutes = 0, seconds = 0;

  if (sscanf (text, "%d:%d", &minutes, &seconds) != 2)
    return -1;

  return minutes * 60 + seconds;
}

typedef struct
{
  RexianRecordingPlayer *player;
  int                    seconds;
} ShownWait;

static gboolean
shows_at_least (gpointer data)
{
  ShownWait *wait = data;

  return shown_seconds (wait->player) >= wait->seconds;
}

static gboolean
shows_message (gpointer data)
{
  RexianRecordingPlayer *player = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (player->stack), "message") == 0;
}

static void
add_call (const char *call_id,
          gint64      offered,
          gint64      talk,
          const char *recording,
          gint64      order_id)
{
  g_autoptr(GError) error = NULL;

  rexian_store_call_offered (store (), call_id, REXIAN_CALL_RECORD_INCOMING, CALLER, 0, offered,
                             &error);
  g_assert_no_error (error);
  rexian_store_call_answered (store (), call_id, rexian_application_get_agent_id (app),
                              offered + 3, &error);
  g_assert_no_error (error);
  rexian_store_call_ended (store (), call_id, REXIAN_CALL_OUTCOME_CALLER_HUNG_UP,
                           offered + 3 + talk, recording, &error);
  g_assert_no_error (error);
  rexian_store_call_link_order (store (), call_id, order_id, &error);
  g_assert_no_error (error);
}

/* A confidential complaint taken on three calls from the same citizen: one recorded,
 * one whose recording is gone, one not recorded. */
static void
add_order_and_calls (void)
{
  g_autoptr(RexianWorkOrder) draft = rexian_work_order_new ();
  g_autoptr(RexianWorkOrder) order = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 order_id;

  rexian_work_order_set_summary (draft, "小区供暖温度不达标");
  rexian_work_order_set_caller_name (draft, "张建华");
  rexian_work_order_set_caller_phone (draft, CALLER);
  rexian_work_order_set_kind (draft, REXIAN_REQUEST_COMPLAINT);
  rexian_work_order_set_confidential (draft, TRUE);
  order = rexian_store_create_order (store (), draft, rexian_application_get_agent_id (app),
                                     now, &error);
  g_assert_no_error (error);
  order_id = rexian_work_order_get_id (order);
  order_number = g_strdup (rexian_work_order_get_number (order));

  add_call ("unrecorded@test", now - 30, 40, NULL, order_id);
  add_call ("deleted@test", now - 20, 20, deleted_path, order_id);
  add_call ("kept@test", now - 10, (gint64) kept_seconds, kept_path, order_id);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static GtkWidget *
calls_view_row (const char *call_id)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (window->calls_view->call_list, i)); i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "call-id"), call_id) == 0)
      return GTK_WIDGET (row);

  return NULL;
}

static gboolean
calls_view_lists_them (gpointer data)
{
  return calls_view_row ("kept@test") != NULL && calls_view_row ("deleted@test") != NULL;
}

static void
test_calls_view (void)
{
  GtkWidget *row;
  GtkWidget *play;
  GtkListBoxRow *unrecorded;
  RexianRecordingPlayer *player;
  ShownWait wait;
  int min_width;

  g_assert_true (rexian_test_wait_until (is_mapped, window, WAIT_MS));
  adw_view_stack_set_visible_child_name (window->stack, "calls");
  add_order_and_calls ();
  g_assert_true (rexian_test_wait_until (calls_view_lists_them, NULL, WAIT_MS));

  /* Newest first; the call without a recording says why. */
  row = calls_view_row ("kept@test");
  g_assert_true (GTK_WIDGET (gtk_list_box_get_row_at_index (window->calls_view->call_list, 0))
                 == row);
  unrecorded = gtk_list_box_get_row_at_index (window->calls_view->call_list, 2);
  g_assert_true (ADW_IS_ACTION_ROW (unrecorded));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (unrecorded)),
                            "Not recorded"));
  g_assert_null (find_descendant (row, REXIAN_TYPE_RECORDING_PLAYER));

  /* Every call of the history can be returned with one click. */
  {
    GtkWidget *call = find_button (GTK_WIDGET (unrecorded), "Call this number");

    g_assert_nonnull (call);
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (call)), ==,
                     "app.call-number");
    g_assert_nonnull (find_button (row, "Call this number"));
  }

  /* Play opens the player in the row and starts it. */
  play = find_button (row, "Play the recording");
  g_assert_nonnull (play);
  press (play);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  player = REXIAN_RECORDING_PLAYER (find_descendant (row, REXIAN_TYPE_RECORDING_PLAYER));
  g_assert_nonnull (player);
  g_assert_true (rexian_recording_player_get_playing (player));

  wait = (ShownWait) { player, 2 };
  g_assert_true (rexian_test_wait_until (shows_at_least, &wait, WAIT_MS));
  g_assert_nonnull (strstr (gtk_label_get_text (player->time_label), " / 0:"));
  save_screenshot (GTK_WIDGET (window), "recordings-calls-view.png");

  /* Another seat's change rebuilds the list: what is being heard plays on. */
  rexian_calls_view_refresh (window->calls_view);
  row = calls_view_row ("kept@test");
  g_assert_true (find_descendant (row, REXIAN_TYPE_RECORDING_PLAYER) == GTK_WIDGET (player));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  rexian_test_spin (300);
  g_assert_true (rexian_recording_player_get_playing (player));
  wait.seconds = shown_seconds (player) + 1;
  g_assert_true (rexian_test_wait_until (shows_at_least, &wait, WAIT_MS));

  /* Closing the row closes the player. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), FALSE);
  g_assert_null (find_descendant (row, REXIAN_TYPE_RECORDING_PLAYER));

  /* The deleted recording says so as soon as its row is opened. */
  row = calls_view_row ("deleted@test");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  player = REXIAN_RECORDING_PLAYER (find_descendant (row, REXIAN_TYPE_RECORDING_PLAYER));
  g_assert_true (rexian_test_wait_until (shows_message, player, WAIT_MS));
  g_assert_cmpstr (gtk_label_get_text (player->message_label), ==, "Recording not found");
  save_screenshot (GTK_WIDGET (window), "recordings-calls-view-missing.png");

  /* On a phone-sized screen the Calls view, open player and all, asks for no more
   * than the width there is (the window as a whole follows its widest page). */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (calls_view_row ("kept@test")), TRUE);
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  gtk_widget_measure (GTK_WIDGET (window->calls_view), GTK_ORIENTATION_HORIZONTAL, -1,
                      &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 360);
  save_screenshot (GTK_WIDGET (window), "recordings-calls-view-narrow.png");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
}

static gboolean
editor_lists_calls (gpointer data)
{
  RexianOrderEditor *editor = data;

  return gtk_widget_get_visible (GTK_WIDGET (editor->calls_group))
         && gtk_list_box_get_row_at_index (editor->calls_list, 2) != NULL;
}

static void
test_order_calls (void)
{
  RexianOrderEditor *editor;
  GtkListBoxRow *row;
  RexianRecordingPlayer *player;
  RexianRecordingPlayer *missing;
  ShownWait wait;
  int paused_at;

  rexian_window_open_order_number (window, order_number);
  editor = REXIAN_ORDER_EDITOR (_rexian_window_get_last_dialog (window));
  g_assert_nonnull (editor);
  g_assert_true (rexian_test_wait_until (editor_lists_calls, editor, WAIT_MS));
  g_assert_true (rexian_test_wait_until (is_mapped, editor, WAIT_MS));

  /* Newest first, the confidential caller's number masked as everywhere in the order. */
  row = gtk_list_box_get_row_at_index (editor->calls_list, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, CALLER_MASKED);
  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)),
                            "Caller hung up"));
  player = REXIAN_RECORDING_PLAYER (find_descendant (GTK_WIDGET (row),
                                                     REXIAN_TYPE_RECORDING_PLAYER));
  g_assert_nonnull (player);
  g_assert_false (rexian_recording_player_get_playing (player));
  g_assert_true (ADW_IS_ACTION_ROW (gtk_list_box_get_row_at_index (editor->calls_list, 2)));

  /* Press Play with the focus on it, as the keyboard does. */
  gtk_widget_grab_focus (GTK_WIDGET (player->play_button));
  press (GTK_WIDGET (player->play_button));
  wait = (ShownWait) { player, 1 };
  g_assert_true (rexian_test_wait_until (shows_at_least, &wait, WAIT_MS));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (player->play_button)), ==, "Pause");

  /* The arrow keys on the scale jump five seconds. */
  gtk_widget_grab_focus (GTK_WIDGET (player->scale));
  g_signal_emit_by_name (player->scale, "move-slider", GTK_SCROLL_STEP_FORWARD);
  wait.seconds = 6;
  g_assert_true (rexian_test_wait_until (shows_at_least, &wait, WAIT_MS));
  g_assert_cmpint (shown_seconds (player), <, 9);

  /* Pause: the position stays. */
  press (GTK_WIDGET (player->play_button));
  g_assert_false (rexian_recording_player_get_playing (player));
  rexian_test_spin (300);
  paused_at = shown_seconds (player);
  rexian_test_spin (1500);
  g_assert_cmpint (shown_seconds (player), ==, paused_at);

  /* The recording that was deleted. */
  row = gtk_list_box_get_row_at_index (editor->calls_list, 1);
  missing = REXIAN_RECORDING_PLAYER (find_descendant (GTK_WIDGET (row),
                                                      REXIAN_TYPE_RECORDING_PLAYER));
  g_assert_true (rexian_test_wait_until (shows_message, missing, WAIT_MS));
  g_assert_cmpstr (gtk_label_get_text (missing->message_label), ==, "Recording not found");
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (missing->play_button)));

  /* A phone-sized window: the section fits, nothing pushes it wider. */
  gtk_window_set_default_size (GTK_WINDOW (editor), 360, 720);
  rexian_test_spin (500);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (editor)), <=, 360);
  gtk_widget_grab_focus (GTK_WIDGET (player->play_button));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (editor->scrolled_window),
                            gtk_adjustment_get_upper (gtk_scrolled_window_get_vadjustment (
                                                        editor->scrolled_window)));
  rexian_test_spin (300);
  save_screenshot (GTK_WIDGET (editor), "recordings-order-360.png");

  gtk_window_destroy (GTK_WINDOW (editor));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  int ret;

  /* As a call's speaker in the tests: in time with the clock, but silent.  Set before
   * any thread starts. */
  g_setenv ("REXIAN_AUDIO_SINK", "fakesink sync=true", TRUE);

  rexian_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  tmpdir = rexian_test_make_dir ("rexian-recordings");
  db_path = g_build_filename (tmpdir, "rexian.db", NULL);
  kept_path = rexian_test_make_recording (tmpdir, "kept.ogg", SPEECH, &kept_seconds);
  deleted_path = g_build_filename (tmpdir, "deleted.ogg", NULL);

  app = rexian_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  _rexian_application_set_database_path (app, db_path);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  window = REXIAN_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);

  g_test_add_func ("/ui/recordings/calls-view", test_calls_view);
  g_test_add_func ("/ui/recordings/order", test_order_calls);

  ret = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);

  /* rexian_test_remove_dir() keeps everything once no test runs any more, so the files
   * this test made go one by one; after a failure they stay to be looked at. */
  if (ret == 0)
    {
      const char *names[] = { "rexian.db", "rexian.db-wal", "rexian.db-shm", "kept.ogg",
                              "recording-speech.wav", "recording-stereo.wav" };

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *path = g_build_filename (tmpdir, names[i], NULL);

          g_unlink (path);
        }
      g_rmdir (tmpdir);
    }

  return ret;
}
