/* test-three-way-ui.c: the three-way call (三方通话) driven through the real window, as
 * an agent would: a citizen (baresip, speaking Mandarin made by espeak-ng) calls the
 * seat, the agent answers, adds the department (another baresip, answering by itself
 * and recording what it hears), joins the three and hangs up.  sox measures what the
 * department heard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rexian-application.h"
#include "rexian-call-panel-private.h"
#include "rexian-store-calls.h"
#include "rexian-window-private.h"
#include "rexian-test-peers.h"
#include "rexian-test-recording.h"
#include "rexian-test-ui.h"

#define CITIZEN    "13803560001"
#define DEPARTMENT "12345001"
#define SPEECH     "您好，我反映一下小区停水的问题，已经三天没有水了。"
#define RMS        "RMS     amplitude:"
/* Generous: the machine is shared, and baresip, GStreamer and Xvfb all run on it. */
#define WAIT_MS    20000

static RexianApplication *app;
static RexianWindow *window;
static char *dir;

static RexianCallPanel *
panel (void)
{
  return _rexian_window_get_call_panel (window);
}

static double
seconds_between (gint64 start,
                 gint64 end)
{
  return (end - start) / (double) G_USEC_PER_SEC;
}

/* sox's RMS of @wav over @length seconds from @start. */
static double
rms_between (const char *wav,
             double      start,
             double      length)
{
  g_autofree char *part = g_build_filename (dir, "part.wav", NULL);
  char start_text[G_ASCII_DTOSTR_BUF_SIZE];
  char length_text[G_ASCII_DTOSTR_BUF_SIZE];

  g_free (rexian_test_run_capture ((const char *[]) {
    "sox", wav, part, "trim", g_ascii_dtostr (start_text, sizeof start_text, start),
    g_ascii_dtostr (length_text, sizeof length_text, length), NULL }));

  return rexian_test_channel_stat (part, "1", RMS);
}

/* The citizen talks on and on, so that whatever the timing there is speech while the
 * three are joined; padded with silence, as baresip hangs up at the file's end.
 * Returns the path, and the RMS of the speech in *@speech_rms. */
static char *
make_citizen_speech (double *speech_rms)
{
  g_autofree char *once = rexian_test_make_speech (dir, "once.wav", SPEECH, 0.2);
  g_autofree char *repeated = g_build_filename (dir, "repeated.wav", NULL);
  char *speech = g_build_filename (dir, "citizen.wav", NULL);

  g_free (rexian_test_run_capture ((const char *[]) { "sox", once, repeated, "repeat", "5",
                                                      NULL }));
  *speech_rms = rexian_test_channel_stat (repeated, "1", RMS);
  g_free (rexian_test_run_capture ((const char *[]) { "sox", repeated, speech, "pad", "0",
                                                      "30", NULL }));
  return speech;
}

/* Ringing, with the Answer button on screen: an unrealized GtkButton ignores
 * activation. */
static gboolean
is_ringing (gpointer data)
{
  RexianCallEntry *entry;

  if (panel ()->entries->len != 1 || !gtk_revealer_get_reveal_child (panel ()->ringing_revealer))
    return FALSE;

  entry = g_ptr_array_index (panel ()->entries, 0);
  return entry->answer_button != NULL && gtk_widget_get_mapped (GTK_WIDGET (entry->answer_button));
}

static gboolean
current_is_active (gpointer data)
{
  return panel ()->current != NULL
         && rexian_call_get_state (panel ()->current->call) == REXIAN_CALL_STATE_ACTIVE
         && gtk_revealer_get_reveal_child (panel ()->call_revealer);
}

/* The agent can press Join: the department answered and the citizen waits on hold. */
static gboolean
can_join (gpointer data)
{
  RexianCall *citizen = data;

  return gtk_widget_get_visible (GTK_WIDGET (panel ()->join_button))
         && gtk_widget_get_sensitive (GTK_WIDGET (panel ()->join_button))
         && rexian_call_get_state (citizen) == REXIAN_CALL_STATE_HELD;
}

static gboolean
call_is_active (gpointer data)
{
  return rexian_call_get_state (data) == REXIAN_CALL_STATE_ACTIVE;
}

/* Both calls over: the bar is gone, and with it the three-way call. */
static gboolean
bar_gone (gpointer data)
{
  return panel ()->entries->len == 0 && panel ()->conference == NULL
         && !gtk_revealer_get_reveal_child (panel ()->call_revealer);
}

/* The calls offered from @since on: the sample data's are all from before the test. */
static GPtrArray *
list_calls_since (gint64 since)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *calls = rexian_store_list_calls (rexian_application_get_store (app), since,
                                              G_MAXINT64, 0, &error);

  g_assert_no_error (error);
  return calls;
}

static gboolean
both_logged_ended (gpointer data)
{
  g_autoptr(GPtrArray) calls = list_calls_since (*(gint64 *) data);

  for (guint i = 0; i < calls->len; i++)
    if (((RexianCallRecord *) g_ptr_array_index (calls, i))->ended_at == 0)
      return FALSE;

  return calls->len == 2;
}

static const RexianCallRecord *
find_record (GPtrArray  *calls,
             const char *number)
{
  for (guint i = 0; i < calls->len; i++)
    {
      RexianCallRecord *record = g_ptr_array_index (calls, i);

      if (g_strcmp0 (record->remote_number, number) == 0)
        return record;
    }

  g_error ("No call with %s in the call log", number);
  return NULL;
}

static void
test_three_way_call (void)
{
  double speech_rms = 0;
  g_autofree char *speech = make_citizen_speech (&speech_rms);
  RexianTestBaresipOptions citizen_options = {
    .user = CITIZEN,
    .answermode = "manual",
    .audio_file = speech,
  };
  RexianTestBaresipOptions department_options = {
    .user = DEPARTMENT,
    .answermode = "auto",
    .record = TRUE,
  };
  RexianTestBaresip *citizen = rexian_test_baresip_start_full (&citizen_options);
  RexianTestBaresip *department = rexian_test_baresip_start_full (&department_options);
  g_autofree char *seat_uri =
    g_strdup_printf ("sip:1001@127.0.0.1:%u",
                     rexian_phone_get_port (rexian_application_get_phone (app)));
  g_autofree char *server = g_strdup_printf ("sip:127.0.0.1:%u",
                                             rexian_test_baresip_get_port (department));
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(RexianCall) citizen_call = NULL;
  g_autoptr(RexianCall) department_call = NULL;
  g_autofree char *heard = NULL;
  const RexianCallRecord *incoming, *outgoing;
  RexianCallEntry *entry;
  const char *text;
  gint64 started = g_get_real_time () / G_USEC_PER_SEC;
  gint64 department_answered, joined, split;
  double before_join, after_join;

  /* The department's number goes through the SIP server, here the department's
   * baresip itself (no SIP address is set, so nothing registers). */
  g_settings_set_string (settings, "sip-registrar", server);

  /* The citizen calls; the agent answers with the ringing bar's button. */
  rexian_test_baresip_command (citizen, "dial", seat_uri);
  g_assert_true (rexian_test_wait_until (is_ringing, NULL, WAIT_MS));
  entry = g_ptr_array_index (panel ()->entries, 0);
  citizen_call = g_object_ref (entry->call);
  gtk_widget_activate (GTK_WIDGET (entry->answer_button));
  g_assert_true (rexian_test_wait_until (current_is_active, NULL, WAIT_MS));
  g_assert_true (rexian_test_baresip_wait_report (citizen, "CALL_ESTABLISHED", WAIT_MS));
  g_assert_cmpstr (gtk_label_get_text (panel ()->call_number_label), ==, CITIZEN);

  /* The intake form opened on the answer; the agent keeps it open, as they would. */
  g_assert_nonnull (_rexian_window_get_last_dialog (window));

  /* Add Department: the button opens the popover, the agent types the number and
   * presses Enter. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (panel ()->conference_button)));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (panel ()->conference_button)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (panel ()->join_button)));
  gtk_menu_button_popup (panel ()->conference_button);
  rexian_test_spin (100);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (panel ()->conference_entry)));
  gtk_editable_set_text (GTK_EDITABLE (panel ()->conference_entry), DEPARTMENT);
  /* Enter is bound to the "activate" signal of the entry's text. */
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (panel ()->conference_entry)),
                         "activate");
  g_assert_nonnull (panel ()->conference);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (panel ()->conference_entry)));
  department_call = g_object_ref (panel ()->current->call);
  g_assert_true (department_call != citizen_call);

  /* The department answers by itself; the citizen waits on hold, and the bar says so. */
  g_assert_true (rexian_test_wait_until (can_join, citizen_call, WAIT_MS));
  department_answered = g_get_monotonic_time ();
  g_assert_true (rexian_test_baresip_wait_report (department, "CALL_ESTABLISHED", WAIT_MS));
  g_assert_cmpstr (gtk_label_get_text (panel ()->call_number_label), ==, DEPARTMENT);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (panel ()->conference_label)));
  g_assert_cmpstr (gtk_label_get_text (panel ()->conference_label), ==,
                   CITIZEN " waits on hold");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (panel ()->conference_button)));

  /* Consulting: the agent (silent here) and the department talk; the citizen is not
   * heard. */
  rexian_test_spin (1500);

  gtk_widget_activate (GTK_WIDGET (panel ()->join_button));
  joined = g_get_monotonic_time ();
  g_assert_true (rexian_test_wait_until (call_is_active, citizen_call, WAIT_MS));
  g_assert_cmpint (rexian_conference_get_state (panel ()->conference), ==,
                   REXIAN_CONFERENCE_STATE_JOINED);

  /* What the agent sees: both parties, nobody on hold. */
  rexian_test_spin (600);
  text = gtk_label_get_text (panel ()->call_number_label);
  g_assert_nonnull (strstr (text, CITIZEN));
  g_assert_nonnull (strstr (text, DEPARTMENT));
  g_assert_cmpstr (gtk_label_get_text (panel ()->conference_label), ==,
                   "Everyone hears everyone");
  g_assert_null (strstr (gtk_label_get_text (panel ()->call_time_label), "On hold"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (panel ()->join_button)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (panel ()->hold_button)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (panel ()->hangup_button)), ==,
                   "Hang Up Both Calls");
  g_assert_cmpint (rexian_call_get_state (department_call), ==, REXIAN_CALL_STATE_ACTIVE);

  /* The three talk for a while: the citizen's speech reaches the department. */
  rexian_test_spin (5000);
  split = g_get_monotonic_time ();

  /* Hang Up ends both calls, and both callers hear it. */
  gtk_widget_activate (GTK_WIDGET (panel ()->hangup_button));
  g_assert_true (rexian_test_wait_until (bar_gone, NULL, WAIT_MS));
  g_assert_true (rexian_test_baresip_wait_report (citizen, "CALL_CLOSED", WAIT_MS));
  g_assert_true (rexian_test_baresip_wait_report (department, "CALL_CLOSED", WAIT_MS));
  g_assert_cmpint (rexian_call_get_state (citizen_call), ==, REXIAN_CALL_STATE_ENDED);
  g_assert_cmpint (rexian_call_get_state (department_call), ==, REXIAN_CALL_STATE_ENDED);

  /* Two rows in the shared call log: the citizen's call in, the department's out, both
   * answered by this agent and ended by them. */
  g_assert_true (rexian_test_wait_until (both_logged_ended, &started, WAIT_MS));
  calls = list_calls_since (started);
  g_assert_cmpuint (calls->len, ==, 2);
  incoming = find_record (calls, CITIZEN);
  outgoing = find_record (calls, DEPARTMENT);
  g_assert_cmpint (incoming->direction, ==, REXIAN_CALL_RECORD_INCOMING);
  g_assert_cmpint (outgoing->direction, ==, REXIAN_CALL_RECORD_OUTGOING);
  g_assert_cmpstr (incoming->call_id, ==, rexian_call_get_call_id (citizen_call));
  g_assert_cmpstr (outgoing->call_id, ==, rexian_call_get_call_id (department_call));
  for (guint i = 0; i < calls->len; i++)
    {
      RexianCallRecord *record = g_ptr_array_index (calls, i);

      g_assert_cmpint (record->agent_id, ==, rexian_application_get_agent_id (app));
      g_assert_cmpint (record->answered_at, >, 0);
      g_assert_cmpint (record->outcome, ==, REXIAN_CALL_OUTCOME_AGENT_HUNG_UP);
    }

  /* What the department heard: nothing of the citizen before the join, the citizen's
   * speech after it. */
  heard = rexian_test_baresip_dup_received_audio (department);
  g_assert_nonnull (heard);
  before_join = rms_between (heard, 0.3, seconds_between (department_answered, joined) - 0.3);
  after_join = rms_between (heard, seconds_between (department_answered, joined) + 0.5,
                            seconds_between (joined, split) - 1.0);
  g_test_message ("speech RMS %.4f; the department heard %.5f before the join and %.4f "
                  "joined (%.0f %%)", speech_rms, before_join, after_join,
                  100 * after_join / speech_rms);
  g_assert_cmpfloat (before_join, <, 0.01);
  g_assert_cmpfloat (after_join, >=, 0.3 * speech_rms);

  g_settings_reset (settings, "sip-registrar");
  rexian_test_baresip_stop (department);
  rexian_test_baresip_stop (citizen);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(GError) error = NULL;
  int ret;

  /* The bar's words are compared in English. */
  g_setenv ("LANGUAGE", "en", TRUE);
  rexian_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  /* Recordings go to the user data folder: a temporary one, set before GLib reads it. */
  dir = rexian_test_make_dir ("rexian-three-way-ui");
  data_home = g_build_filename (dir, "data", NULL);
  g_mkdir_with_parents (data_home, 0700);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_init ();
  adw_init ();
  /* Without a window manager, an entry in a popover that closes is left without focus
   * but never told (no focus-out), and GTK warns once its cursor next blinks. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  /* The agent is silent, so that what the department hears comes from the citizen; no
   * sound card here.  (SU_DEBUG=0 in the test environment keeps Sofia-SIP quiet.) */
  g_setenv ("REXIAN_AUDIO_SOURCE", "audiotestsrc is-live=true wave=silence", TRUE);
  g_setenv ("REXIAN_AUDIO_SINK", "fakesink sync=true", TRUE);

  db_path = g_build_filename (data_home, "rexian.db", NULL);
  app = rexian_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  _rexian_application_set_database_path (app, db_path);
  _rexian_application_set_sip_bind (app, "127.0.0.1", 0);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("The application cannot start: %s", error->message);
  g_application_activate (G_APPLICATION (app));

  window = REXIAN_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  rexian_test_spin (300);
  g_assert_nonnull (rexian_application_get_phone (app));

  g_test_add_func ("/ui/three-way/join-and-hang-up", test_three_way_call);

  ret = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  if (ret == 0)
    rexian_test_delete_dir (dir);
  else
    g_printerr ("# Files kept in %s\n", dir);
  g_free (dir);
  return ret;
}
