/* test-store-calls.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rexian-store-calls.h"
#include "store-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "rexian.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static gint64
add_agent (RexianStore *store,
           const char  *agent_no,
           const char  *name,
           const char  *role)
{
  g_autoptr(GError) error = NULL;
  gint64 id = rexian_store_add_agent (store, agent_no, name, role, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
offer (RexianStore *store,
       const char  *call_id,
       gint64       agent_id,
       gint64       at)
{
  g_autoptr(GError) error = NULL;

  rexian_store_call_offered (store, call_id, REXIAN_CALL_RECORD_INCOMING, "13803560001",
                             agent_id, at, &error);
  g_assert_no_error (error);
}

static void
end_call (RexianStore       *store,
          const char        *call_id,
          RexianCallOutcome  outcome,
          gint64             at)
{
  g_autoptr(GError) error = NULL;

  rexian_store_call_ended (store, call_id, outcome, at, NULL, &error);
  g_assert_no_error (error);
}

static RexianCallRecord *
get_call (RexianStore *store,
          const char  *call_id)
{
  g_autoptr(GError) error = NULL;
  RexianCallRecord *record = rexian_store_get_call (store, call_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

static GPtrArray *
list_callbacks (RexianStore *store,
                gboolean     pending_only)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *callbacks = rexian_store_list_callbacks (store, pending_only, &error);

  g_assert_no_error (error);
  g_assert_nonnull (callbacks);
  return callbacks;
}

/* Migration 3 -> 4: the orders stay, the call tables arrive. */
static void
test_migration (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(RexianStore) store = rexian_store_open_at_version (fixture->path, 3, &error);

    g_assert_no_error (error);
    g_assert_cmpint (rexian_store_get_schema_version (store), ==, 3);
    g_object_unref (test_create (store, "小区楼道灯损坏两周无人维修", "13835601234",
                                 test_now ()));
    g_assert_cmpint (test_query_int (fixture->path,
                                     "SELECT count(*) FROM sqlite_master "
                                     "WHERE name = 'calls'"), ==, 0);
  }

  {
    g_autoptr(RexianStore) store = rexian_store_open_at_version (fixture->path, 4, &error);
    g_autoptr(RexianWorkOrder) order = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (rexian_store_get_schema_version (store), ==, 4);
    g_assert_cmpint (test_query_int (fixture->path, "PRAGMA user_version"), ==, 4);
    g_assert_cmpint (test_query_int (fixture->path,
                                     "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                     "AND name IN ('calls', 'call_offers', 'callbacks', "
                                     "'agent_status', 'agent_status_events')"), ==, 5);
    g_assert_cmpint (test_query_int (fixture->path,
                                     "SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                                     "AND name IN ('calls_offered', 'callbacks_status')"), ==, 2);
    g_assert_cmpint (test_query_int (fixture->path, "SELECT count(*) FROM work_orders"), ==, 1);

    order = rexian_store_get_order_by_number (store, "202606100001", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (rexian_work_order_get_summary (order), ==, "小区楼道灯损坏两周无人维修");
    g_assert_true (rexian_store_check_integrity (store, NULL));
  }
}

/* One call forked to three seats, each with its own connection to the file. */
static void
test_forked_call (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RexianStore) seat1 = test_open (fixture->path);
  g_autoptr(RexianStore) seat2 = test_open (fixture->path);
  g_autoptr(RexianStore) seat3 = test_open (fixture->path);
  g_autoptr(RexianCallRecord) record = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GPtrArray) callbacks = NULL;
  g_autoptr(GError) error = NULL;
  const char *call_id = "a84b4c76e66710@pc33.12345.gov.cn";
  gint64 now = test_now ();
  gint64 agent1 = add_agent (seat1, "1001", "李娜", "agent");
  gint64 agent2 = add_agent (seat1, "1002", "王强", "agent");
  gint64 agent3 = add_agent (seat1, "1003", "赵敏", "agent");

  /* The seats write in any order; the second seat's clock is a second late. */
  offer (seat2, call_id, agent2, now + 1);
  offer (seat1, call_id, agent1, now);
  offer (seat3, call_id, agent3, now);
  offer (seat3, call_id, agent3, now);
  g_assert_cmpint (test_query_int (fixture->path, "SELECT count(*) FROM calls"), ==, 1);
  g_assert_cmpint (test_query_int (fixture->path, "SELECT count(*) FROM call_offers"), ==, 3);

  rexian_store_call_answered (seat2, call_id, agent2, now + 8, &error);
  g_assert_no_error (error);

  /* The third seat answered too late. */
  g_assert_false (rexian_store_call_answered (seat3, call_id, agent3, now + 9, &error));
  g_assert_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "王强"));
  g_clear_error (&error);

  /* The winner's retry is harmless. */
  g_assert_true (rexian_store_call_answered (seat2, call_id, agent2, now + 8, &error));
  g_assert_no_error (error);

  /* The other seats' ringing was cancelled by the answer: nothing changes. */
  end_call (seat1, call_id, REXIAN_CALL_OUTCOME_ABANDONED, now + 8);
  end_call (seat3, call_id, REXIAN_CALL_OUTCOME_NO_ANSWER, now + 9);
  record = get_call (seat1, call_id);
  g_assert_cmpint (record->ended_at, ==, 0);
  g_assert_cmpint (record->outcome, ==, -1);
  g_clear_pointer (&record, rexian_call_record_free);

  rexian_store_call_ended (seat2, call_id, REXIAN_CALL_OUTCOME_CALLER_HUNG_UP, now + 68,
                           "/var/lib/rexian/recordings/call.ogg", &error);
  g_assert_no_error (error);
  /* A late cancelled leg after the end does not change it either. */
  end_call (seat3, call_id, REXIAN_CALL_OUTCOME_ABANDONED, now + 70);

  record = get_call (seat3, call_id);
  g_assert_cmpstr (record->call_id, ==, call_id);
  g_assert_cmpint (record->direction, ==, REXIAN_CALL_RECORD_INCOMING);
  g_assert_cmpstr (record->remote_number, ==, "13803560001");
  g_assert_cmpint (record->agent_id, ==, agent2);
  g_assert_cmpstr (record->agent_name, ==, "王强");
  g_assert_cmpint (record->offered_at, ==, now);
  g_assert_cmpint (record->answered_at, ==, now + 8);
  g_assert_cmpint (record->ended_at, ==, now + 68);
  g_assert_cmpint (record->outcome, ==, REXIAN_CALL_OUTCOME_CALLER_HUNG_UP);
  g_assert_cmpstr (record->recording_path, ==, "/var/lib/rexian/recordings/call.ogg");
  g_assert_cmpint (rexian_call_record_get_wait_seconds (record), ==, 8);
  g_assert_cmpint (rexian_call_record_get_talk_seconds (record), ==, 60);

  calls = rexian_store_list_calls (seat1, now - 3600, now + 3600, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls->len, ==, 1);

  /* Answered calls need no callback. */
  callbacks = list_callbacks (seat1, FALSE);
  g_assert_cmpuint (callbacks->len, ==, 0);

  g_assert_false (rexian_store_call_answered (seat1, "no-such-call", agent1, now, &error));
  g_assert_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_NOT_FOUND);
}

/* The same as processes: three rexian-db-tool seats offer one call at once. */
static void
test_forked_processes (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(RexianStore) store = test_open (fixture->path);
  g_autoptr(GPtrArray) procs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *agent_ids[3] = { NULL, };
  guint answered = 0;
  guint refused = 0;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *agent_no = g_strdup_printf ("100%u", i + 1);

      agent_ids[i] = g_strdup_printf ("%" G_GINT64_FORMAT,
                                      add_agent (store, agent_no, agent_no, "agent"));
    }

  for (guint i = 0; i < 3; i++)
    {
      /* The two seats that lose print why on stderr, which is not this test's concern. */
      GSubprocess *proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                            G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                                            REXIAN_DB_TOOL, fixture->path, "call",
                                            "forked-call@sip", agent_ids[i], NULL);

      g_assert_no_error (error);
      g_ptr_array_add (procs, proc);
    }

  for (guint i = 0; i < procs->len; i++)
    {
      GSubprocess *proc = g_ptr_array_index (procs, i);

      g_subprocess_wait_check (proc, NULL, &error);
      if (error == NULL)
        answered++;
      else
        refused++;
      g_clear_error (&error);
    }

  g_assert_cmpuint (answered, ==, 1);
  g_assert_cmpuint (refused, ==, 2);
  g_assert_cmpint (test_query_int (fixture->path, "SELECT count(*) FROM calls"), ==, 1);
  g_assert_cmpint (test_query_int (fixture->path, "SELECT count(*) FROM call_offers"), ==, 3);
  g_assert_cmpint (test_query_int (fixture->path,
                                   "SELECT count(*) FROM calls WHERE answered_at > 0 "
                                   "AND agent_id IS NOT NULL"), ==, 1);
}

static void
test_abandoned (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RexianStore) seat1 = test_open (fixture->path);
  g_autoptr(RexianStore) seat2 = test_open (fixture->path);
  g_autoptr(RexianCallRecord) record = NULL;
  g_autoptr(GPtrArray) callbacks = NULL;
  g_autoptr(GError) error = NULL;
  RexianCallback *callback;
  gint64 now = test_now ();
  gint64 agent1 = add_agent (seat1, "1001", "李娜", "agent");
  gint64 agent2 = add_agent (seat1, "1002", "王强", "agent");

  /* The caller gives up at exactly 15 s, while both seats ring. */
  offer (seat1, "abandoned@sip", agent1, now);
  offer (seat2, "abandoned@sip", agent2, now);
  end_call (seat1, "abandoned@sip", REXIAN_CALL_OUTCOME_ABANDONED, now + 15);
  end_call (seat2, "abandoned@sip", REXIAN_CALL_OUTCOME_ABANDONED, now + 15);

  record = get_call (seat2, "abandoned@sip");
  g_assert_cmpint (record->answered_at, ==, 0);
  g_assert_cmpint (record->agent_id, ==, 0);
  g_assert_null (record->agent_name);
  g_assert_cmpint (record->outcome, ==, REXIAN_CALL_OUTCOME_ABANDONED);
  g_assert_cmpint (rexian_call_record_get_wait_seconds (record), ==, 15);
  g_assert_cmpint (rexian_call_record_get_talk_seconds (record), ==, 0);
  g_clear_pointer (&record, rexian_call_record_free);

  callbacks = list_callbacks (seat1, TRUE);
  g_assert_cmpuint (callbacks->len, ==, 1);
  callback = g_ptr_array_index (callbacks, 0);
  g_assert_cmpint (callback->status, ==, REXIAN_CALLBACK_PENDING);
  g_assert_cmpint (callback->attempts, ==, 0);
  g_assert_cmpstr (callback->remote_number, ==, "13803560001");
  g_assert_cmpint (callback->offered_at, ==, now);
  g_assert_cmpint (callback->handled_by, ==, 0);
  g_assert_cmpint (test_query_int (fixture->path, "SELECT count(*) FROM callbacks"), ==, 1);
  g_clear_pointer (&callbacks, g_ptr_array_unref);

  /* One seat declined early; the caller hung up later at the other.  The call ended
   * when the caller gave up. */
  offer (seat1, "declined@sip", agent1, now + 100);
  offer (seat2, "declined@sip", agent2, now + 100);
  end_call (seat2, "declined@sip", REXIAN_CALL_OUTCOME_DECLINED, now + 103);
  end_call (seat1, "declined@sip", REXIAN_CALL_OUTCOME_CALLER_HUNG_UP, now + 120);
  record = get_call (seat1, "declined@sip");
  g_assert_cmpint (record->outcome, ==, REXIAN_CALL_OUTCOME_ABANDONED);
  g_assert_cmpint (rexian_call_record_get_wait_seconds (record), ==, 20);
  g_clear_pointer (&record, rexian_call_record_free);
  g_assert_cmpint (test_query_int (fixture->path, "SELECT count(*) FROM callbacks"), ==, 2);

  /* The cancelled seat's end reached the database before the answer did: the answer
   * still wins and the callback goes away. */
  offer (seat1, "race@sip", agent1, now + 200);
  offer (seat2, "race@sip", agent2, now + 200);
  end_call (seat2, "race@sip", REXIAN_CALL_OUTCOME_ABANDONED, now + 205);
  g_assert_cmpint (test_query_int (fixture->path, "SELECT count(*) FROM callbacks"), ==, 3);
  rexian_store_call_answered (seat1, "race@sip", agent1, now + 205, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (fixture->path, "SELECT count(*) FROM callbacks"), ==, 2);
  record = get_call (seat1, "race@sip");
  g_assert_cmpint (record->ended_at, ==, 0);
  g_assert_cmpint (record->agent_id, ==, agent1);
  g_clear_pointer (&record, rexian_call_record_free);

  /* An outgoing call nobody answered is not a missed call. */
  rexian_store_call_offered (seat1, "outgoing@sip", REXIAN_CALL_RECORD_OUTGOING,
                             "13803560002", agent1, now + 300, &error);
  g_assert_no_error (error);
  end_call (seat1, "outgoing@sip", REXIAN_CALL_OUTCOME_NO_ANSWER, now + 330);
  record = get_call (seat1, "outgoing@sip");
  g_assert_cmpint (record->agent_id, ==, agent1);
  g_assert_cmpint (record->direction, ==, REXIAN_CALL_RECORD_OUTGOING);
  g_clear_pointer (&record, rexian_call_record_free);

  /* Nor is a call passed on unanswered. */
  offer (seat1, "transferred@sip", agent1, now + 400);
  end_call (seat1, "transferred@sip", REXIAN_CALL_OUTCOME_TRANSFERRED, now + 404);
  g_assert_cmpint (test_query_int (fixture->path, "SELECT count(*) FROM callbacks"), ==, 2);

  g_assert_false (rexian_store_call_ended (seat1, "unknown@sip", REXIAN_CALL_OUTCOME_BUSY,
                                           now, NULL, &error));
  g_assert_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_NOT_FOUND);
}

static void
test_callback_status (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RexianStore) store = test_open (fixture->path);
  g_autoptr(GPtrArray) callbacks = NULL;
  g_autoptr(GError) error = NULL;
  RexianCallback *callback;
  gint64 now = test_now ();
  gint64 agent1 = add_agent (store, "1001", "李娜", "agent");
  gint64 agent2 = add_agent (store, "1002", "王强", "agent");
  gint64 first;
  gint64 second;

  offer (store, "first@sip", agent1, now);
  end_call (store, "first@sip", REXIAN_CALL_OUTCOME_NO_ANSWER, now + 30);
  offer (store, "second@sip", agent1, now + 60);
  end_call (store, "second@sip", REXIAN_CALL_OUTCOME_BUSY, now + 61);

  /* The caller who has waited longest comes first. */
  callbacks = list_callbacks (store, TRUE);
  g_assert_cmpuint (callbacks->len, ==, 2);
  first = ((RexianCallback *) g_ptr_array_index (callbacks, 0))->id;
  second = ((RexianCallback *) g_ptr_array_index (callbacks, 1))->id;
  g_assert_cmpint (((RexianCallback *) g_ptr_array_index (callbacks, 0))->offered_at, ==, now);
  g_clear_pointer (&callbacks, g_ptr_array_unref);

  /* Two tries without an answer keep it pending; the third gives up. */
  for (int attempt = 1; attempt <= REXIAN_STORE_CALLBACK_MAX_ATTEMPTS; attempt++)
    {
      rexian_store_set_callback_status (store, first, REXIAN_CALLBACK_PENDING, agent1,
                                        now + 600 * attempt, &error);
      g_assert_no_error (error);

      callbacks = list_callbacks (store, FALSE);
      callback = g_ptr_array_index (callbacks, 0);
      g_assert_cmpint (callback->id, ==, first);
      g_assert_cmpint (callback->attempts, ==, attempt);
      g_assert_cmpint (callback->handled_by, ==, agent1);
      g_assert_cmpstr (callback->handled_by_name, ==, "李娜");
      g_assert_cmpint (callback->handled_at, ==, now + 600 * attempt);
      g_assert_cmpint (callback->status, ==,
                       attempt < REXIAN_STORE_CALLBACK_MAX_ATTEMPTS
                         ? REXIAN_CALLBACK_PENDING : REXIAN_CALLBACK_UNREACHABLE);
      g_clear_pointer (&callbacks, g_ptr_array_unref);
    }

  /* Reached on the first try. */
  rexian_store_set_callback_status (store, second, REXIAN_CALLBACK_CALLED_BACK, agent2,
                                    now + 700, &error);
  g_assert_no_error (error);

  callbacks = list_callbacks (store, TRUE);
  g_assert_cmpuint (callbacks->len, ==, 0);
  g_clear_pointer (&callbacks, g_ptr_array_unref);

  callbacks = list_callbacks (store, FALSE);
  g_assert_cmpuint (callbacks->len, ==, 2);
  callback = g_ptr_array_index (callbacks, 1);
  g_assert_cmpint (callback->status, ==, REXIAN_CALLBACK_CALLED_BACK);
  g_assert_cmpint (callback->attempts, ==, 1);
  g_assert_cmpstr (callback->handled_by_name, ==, "王强");

  /* A second agent working down the same list is told. */
  g_assert_false (rexian_store_set_callback_status (store, second, REXIAN_CALLBACK_PENDING,
                                                    agent1, now + 800, &error));
  g_assert_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "王强"));
  g_clear_error (&error);

  g_assert_false (rexian_store_set_callback_status (store, 9999, REXIAN_CALLBACK_CALLED_BACK,
                                                    agent1, now, &error));
  g_assert_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_NOT_FOUND);
}

static void
test_agent_status (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RexianStore) store = test_open (fixture->path);
  g_autoptr(RexianAgentState) state = NULL;
  g_autoptr(GPtrArray) states = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = test_now ();
  gint64 agent1 = add_agent (store, "1001", "李娜", "agent");
  gint64 agent2 = add_agent (store, "1002", "王强", "supervisor");
  guint changed = 0;

  add_agent (store, "9001", "住建局", "department");
  g_signal_connect (store, "changed", G_CALLBACK (test_count_signal_cb), &changed);

  /* Nobody has signed in yet; department staff take no calls. */
  states = rexian_store_list_agent_states (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (states->len, ==, 2);
  for (guint i = 0; i < states->len; i++)
    {
      RexianAgentState *each = g_ptr_array_index (states, i);

      g_assert_cmpint (each->status, ==, REXIAN_AGENT_LOGGED_OUT);
      g_assert_cmpint (each->since, ==, 0);
    }
  g_assert_cmpstr (((RexianAgentState *) g_ptr_array_index (states, 0))->agent_no, ==, "1001");
  g_clear_pointer (&states, g_ptr_array_unref);

  rexian_store_set_agent_status (store, agent1, REXIAN_AGENT_AVAILABLE, NULL, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);

  /* The same status again is no change, and no history line. */
  rexian_store_set_agent_status (store, agent1, REXIAN_AGENT_AVAILABLE, "", now + 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);

  rexian_store_set_agent_status (store, agent1, REXIAN_AGENT_ON_CALL, NULL, now + 60, &error);
  g_assert_no_error (error);
  rexian_store_set_agent_status (store, agent1, REXIAN_AGENT_WRAP_UP, NULL, now + 180, &error);
  g_assert_no_error (error);
  rexian_store_set_agent_status (store, agent1, REXIAN_AGENT_AWAY, "会议", now + 240, &error);
  g_assert_no_error (error);
  /* Still away, for another reason: a change. */
  rexian_store_set_agent_status (store, agent1, REXIAN_AGENT_AWAY, "午休", now + 300, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 5);

  state = rexian_store_get_agent_state (store, agent1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (state->agent_id, ==, agent1);
  g_assert_cmpstr (state->agent_no, ==, "1001");
  g_assert_cmpstr (state->name, ==, "李娜");
  g_assert_cmpint (state->status, ==, REXIAN_AGENT_AWAY);
  g_assert_cmpstr (state->reason, ==, "午休");
  g_assert_cmpint (state->since, ==, now + 300);
  g_clear_pointer (&state, rexian_agent_state_free);

  state = rexian_store_get_agent_state (store, agent2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (state->status, ==, REXIAN_AGENT_LOGGED_OUT);
  g_clear_pointer (&state, rexian_agent_state_free);

  /* The history, in order, for time-in-status reports. */
  g_assert_cmpint (test_query_int (fixture->path,
                                   "SELECT count(*) FROM agent_status_events"), ==, 5);
  g_assert_cmpint (test_query_int (fixture->path,
                                   "SELECT at FROM agent_status_events "
                                   "WHERE status = 'wrap-up'"), ==, now + 180);
  g_assert_cmpint (test_query_int (fixture->path,
                                   "SELECT count(*) FROM agent_status_events "
                                   "WHERE status = 'away' AND reason = '会议'"), ==, 1);
  g_assert_cmpint (test_query_int (fixture->path, "SELECT count(*) FROM agent_status"), ==, 1);

  g_assert_false (rexian_store_set_agent_status (store, 9999, REXIAN_AGENT_AVAILABLE, NULL,
                                                 now, &error));
  g_assert_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (rexian_store_get_agent_state (store, 9999, &error));
  g_assert_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_NOT_FOUND);
}

static void
test_list_and_link (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RexianStore) store = test_open (fixture->path);
  g_autoptr(RexianWorkOrder) order = NULL;
  g_autoptr(RexianCallRecord) record = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = test_now ();
  gint64 agent = add_agent (store, "1001", "李娜", "agent");

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *call_id = g_strdup_printf ("call-%u@sip", i);

      offer (store, call_id, agent, now + 60 * i);
    }

  calls = rexian_store_list_calls (store, now + 60, now + 240, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls->len, ==, 3);
  g_assert_cmpstr (((RexianCallRecord *) g_ptr_array_index (calls, 0))->call_id, ==,
                   "call-3@sip");
  g_assert_cmpstr (((RexianCallRecord *) g_ptr_array_index (calls, 2))->call_id, ==,
                   "call-1@sip");
  g_clear_pointer (&calls, g_ptr_array_unref);

  calls = rexian_store_list_calls (store, 0, G_MAXINT64, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls->len, ==, 2);
  g_assert_cmpstr (((RexianCallRecord *) g_ptr_array_index (calls, 0))->call_id, ==,
                   "call-4@sip");

  order = test_create (store, "公交12路末班车提前收车", "13803560001", now);
  rexian_store_call_link_order (store, "call-2@sip", rexian_work_order_get_id (order), &error);
  g_assert_no_error (error);
  record = get_call (store, "call-2@sip");
  g_assert_cmpint (record->order_id, ==, rexian_work_order_get_id (order));
  g_assert_cmpstr (record->order_number, ==, rexian_work_order_get_number (order));
  g_clear_pointer (&record, rexian_call_record_free);

  g_assert_false (rexian_store_call_link_order (store, "call-2@sip", 9999, &error));
  g_assert_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (rexian_store_call_link_order (store, "nothing@sip", 0, &error));
  g_assert_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (rexian_store_get_call (store, "nothing@sip", &error));
  g_assert_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_NOT_FOUND);
}

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
} AsyncResult;

static void
call_ended_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncResult *async = user_data;

  async->ok = rexian_store_call_ended_finish (REXIAN_STORE (source), result, &async->error);
  g_main_loop_quit (async->loop);
}

static void
agent_status_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  AsyncResult *async = user_data;

  async->ok = rexian_store_set_agent_status_finish (REXIAN_STORE (source), result,
                                                    &async->error);
  g_main_loop_quit (async->loop);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(RexianStore) store = test_open (fixture->path);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(RexianAgentState) state = NULL;
  g_autoptr(GPtrArray) callbacks = NULL;
  AsyncResult async = { loop, FALSE, NULL };
  gint64 now = test_now ();
  gint64 agent = add_agent (store, "1001", "李娜", "agent");

  offer (store, "async@sip", agent, now);
  rexian_store_call_ended_async (store, "async@sip", REXIAN_CALL_OUTCOME_ABANDONED, now + 4,
                                 NULL, NULL, call_ended_cb, &async);
  g_main_loop_run (loop);
  g_assert_no_error (async.error);
  g_assert_true (async.ok);
  callbacks = list_callbacks (store, TRUE);
  g_assert_cmpuint (callbacks->len, ==, 1);

  async.ok = FALSE;
  rexian_store_set_agent_status_async (store, agent, REXIAN_AGENT_AWAY, "培训", now + 10,
                                       NULL, agent_status_cb, &async);
  g_main_loop_run (loop);
  g_assert_no_error (async.error);
  g_assert_true (async.ok);

  state = rexian_store_get_agent_state (store, agent, NULL);
  g_assert_cmpint (state->status, ==, REXIAN_AGENT_AWAY);
  g_assert_cmpstr (state->reason, ==, "培训");

  rexian_store_call_ended_async (store, "unknown@sip", REXIAN_CALL_OUTCOME_BUSY, now, NULL,
                                 NULL, call_ended_cb, &async);
  g_main_loop_run (loop);
  g_assert_false (async.ok);
  g_assert_error (async.error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&async.error);

  /* Let the "changed" idles run before the store goes. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
list_for_order_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GPtrArray **out_calls = user_data;

  *out_calls = rexian_store_list_calls_for_order_finish (REXIAN_STORE (source), result, NULL);
}

static const char *
call_id_at (GPtrArray *calls,
            guint      index)
{
  return ((RexianCallRecord *) g_ptr_array_index (calls, index))->call_id;
}

/* An order's Calls: the calls taken or made for it, newest first, with their
 * recordings; the same from the worker thread. */
static void
test_calls_for_order (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RexianStore) store = test_open (fixture->path);
  g_autoptr(RexianWorkOrder) order = NULL;
  g_autoptr(RexianWorkOrder) other = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GPtrArray) async_calls = NULL;
  g_autoptr(GError) error = NULL;
  RexianCallRecord *record;
  gint64 now = test_now ();
  gint64 agent = add_agent (store, "1001", "李娜", "agent");
  const char *call_ids[] = { "first@sip", "again@sip", "other@sip", "unlinked@sip" };

  order = test_create (store, "小区供暖温度不达标", "13803560001", now);
  other = test_create (store, "公交站牌信息错误", "13803560002", now);

  for (guint i = 0; i < G_N_ELEMENTS (call_ids); i++)
    {
      offer (store, call_ids[i], agent, now + 600 * i);
      rexian_store_call_answered (store, call_ids[i], agent, now + 600 * i + 5, &error);
      g_assert_no_error (error);
      rexian_store_call_ended (store, call_ids[i], REXIAN_CALL_OUTCOME_CALLER_HUNG_UP,
                               now + 600 * i + 95, i == 1 ? "/recordings/again.ogg" : NULL,
                               &error);
      g_assert_no_error (error);
    }
  rexian_store_call_link_order (store, "first@sip", rexian_work_order_get_id (order), &error);
  g_assert_no_error (error);
  rexian_store_call_link_order (store, "again@sip", rexian_work_order_get_id (order), &error);
  g_assert_no_error (error);
  rexian_store_call_link_order (store, "other@sip", rexian_work_order_get_id (other), &error);
  g_assert_no_error (error);

  calls = rexian_store_list_calls_for_order (store, rexian_work_order_get_id (order), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls->len, ==, 2);
  g_assert_cmpstr (call_id_at (calls, 0), ==, "again@sip");
  g_assert_cmpstr (call_id_at (calls, 1), ==, "first@sip");
  record = g_ptr_array_index (calls, 0);
  g_assert_cmpstr (record->recording_path, ==, "/recordings/again.ogg");
  g_assert_cmpstr (record->order_number, ==, rexian_work_order_get_number (order));
  g_assert_cmpstr (record->agent_name, ==, "李娜");
  g_assert_cmpint (rexian_call_record_get_talk_seconds (record), ==, 90);
  g_assert_null (((RexianCallRecord *) g_ptr_array_index (calls, 1))->recording_path);
  g_clear_pointer (&calls, g_ptr_array_unref);

  calls = rexian_store_list_calls_for_order (store, rexian_work_order_get_id (other), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls->len, ==, 1);
  g_assert_cmpstr (call_id_at (calls, 0), ==, "other@sip");
  g_clear_pointer (&calls, g_ptr_array_unref);

  /* No call: an empty list, not an error. */
  calls = rexian_store_list_calls_for_order (store, 9999, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls->len, ==, 0);
  g_clear_pointer (&calls, g_ptr_array_unref);

  /* Unlinked from the order, it leaves its list. */
  rexian_store_call_link_order (store, "first@sip", 0, &error);
  g_assert_no_error (error);
  rexian_store_list_calls_for_order_async (store, rexian_work_order_get_id (order), NULL,
                                           list_for_order_cb, &async_calls);
  while (async_calls == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (async_calls->len, ==, 1);
  g_assert_cmpstr (call_id_at (async_calls, 0), ==, "again@sip");

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_wait_and_talk (void)
{
  g_autoptr(RexianCallRecord) record = rexian_call_record_new ();

  g_assert_cmpint (record->outcome, ==, -1);
  g_assert_cmpint (rexian_call_record_get_wait_seconds (record), ==, 0);

  /* Still ringing. */
  record->offered_at = 1000;
  g_assert_cmpint (rexian_call_record_get_wait_seconds (record), ==, 0);
  g_assert_cmpint (rexian_call_record_get_talk_seconds (record), ==, 0);

  /* Answered, still talking. */
  record->answered_at = 1012;
  g_assert_cmpint (rexian_call_record_get_wait_seconds (record), ==, 12);
  g_assert_cmpint (rexian_call_record_get_talk_seconds (record), ==, 0);

  record->ended_at = 1200;
  g_assert_cmpint (rexian_call_record_get_wait_seconds (record), ==, 12);
  g_assert_cmpint (rexian_call_record_get_talk_seconds (record), ==, 188);

  /* Never answered: the wait runs to the end. */
  record->answered_at = 0;
  record->ended_at = 1015;
  g_assert_cmpint (rexian_call_record_get_wait_seconds (record), ==, 15);
  g_assert_cmpint (rexian_call_record_get_talk_seconds (record), ==, 0);

  /* A seat whose clock is behind never gives a negative wait. */
  record->answered_at = 995;
  g_assert_cmpint (rexian_call_record_get_wait_seconds (record), ==, 0);
}

/* The stable identifiers are stored in the database: spelled out here so that renaming
 * one fails a test. */
static void
test_enum_names (void)
{
  static const char *directions[] = { "incoming", "outgoing" };
  static const char *outcomes[] = {
    "caller-hung-up", "agent-hung-up", "abandoned", "declined", "busy", "no-answer",
    "transferred", "failed",
  };
  static const char *callback_statuses[] = { "pending", "called-back", "unreachable" };
  static const char *agent_statuses[] = {
    "available", "on-call", "wrap-up", "away", "logged-out",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (directions) == REXIAN_N_CALL_RECORD_DIRECTIONS);
  G_STATIC_ASSERT (G_N_ELEMENTS (outcomes) == REXIAN_N_CALL_OUTCOMES);
  G_STATIC_ASSERT (G_N_ELEMENTS (callback_statuses) == REXIAN_N_CALLBACK_STATUSES);
  G_STATIC_ASSERT (G_N_ELEMENTS (agent_statuses) == REXIAN_N_AGENT_STATUSES);

  for (int i = 0; i < REXIAN_N_CALL_RECORD_DIRECTIONS; i++)
    {
      RexianCallRecordDirection value = REXIAN_CALL_RECORD_OUTGOING;

      g_assert_cmpstr (rexian_call_record_direction_to_string (i), ==, directions[i]);
      g_assert_true (rexian_call_record_direction_from_string (directions[i], &value));
      g_assert_cmpint (value, ==, i);
      g_assert_nonnull (rexian_call_record_direction_get_label (i));
    }

  for (int i = 0; i < REXIAN_N_CALL_OUTCOMES; i++)
    {
      RexianCallOutcome value = REXIAN_CALL_OUTCOME_FAILED;

      g_assert_cmpstr (rexian_call_outcome_to_string (i), ==, outcomes[i]);
      g_assert_true (rexian_call_outcome_from_string (outcomes[i], &value));
      g_assert_cmpint (value, ==, i);
      g_assert_nonnull (rexian_call_outcome_get_label (i));
    }

  for (int i = 0; i < REXIAN_N_CALLBACK_STATUSES; i++)
    {
      RexianCallbackStatus value = REXIAN_CALLBACK_UNREACHABLE;

      g_assert_cmpstr (rexian_callback_status_to_string (i), ==, callback_statuses[i]);
      g_assert_true (rexian_callback_status_from_string (callback_statuses[i], &value));
      g_assert_cmpint (value, ==, i);
      g_assert_nonnull (rexian_callback_status_get_label (i));
    }

  for (int i = 0; i < REXIAN_N_AGENT_STATUSES; i++)
    {
      RexianAgentStatus value = REXIAN_AGENT_LOGGED_OUT;

      g_assert_cmpstr (rexian_agent_status_to_string (i), ==, agent_statuses[i]);
      g_assert_true (rexian_agent_status_from_string (agent_statuses[i], &value));
      g_assert_cmpint (value, ==, i);
      g_assert_nonnull (rexian_agent_status_get_label (i));
    }

  g_assert_cmpstr (rexian_call_outcome_get_label (REXIAN_CALL_OUTCOME_ABANDONED), ==,
                   "Abandoned");
  g_assert_cmpstr (rexian_agent_status_get_label (REXIAN_AGENT_WRAP_UP), ==, "Wrap-up");
  g_assert_null (rexian_call_outcome_to_string (REXIAN_N_CALL_OUTCOMES));
  g_assert_null (rexian_agent_status_get_label (REXIAN_N_AGENT_STATUSES));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/calls/migration", test_migration);
  ADD ("/store/calls/forked", test_forked_call);
  ADD ("/store/calls/forked-processes", test_forked_processes);
  ADD ("/store/calls/abandoned", test_abandoned);
  ADD ("/store/calls/callback-status", test_callback_status);
  ADD ("/store/calls/agent-status", test_agent_status);
  ADD ("/store/calls/list-and-link", test_list_and_link);
  ADD ("/store/calls/async", test_async);
  ADD ("/store/calls/for-order", test_calls_for_order);
  g_test_add_func ("/store/calls/wait-and-talk", test_wait_and_talk);
  g_test_add_func ("/store/calls/enum-names", test_enum_names);

#undef ADD

  return g_test_run ();
}
