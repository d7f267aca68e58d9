/* test-seats.c: two seats, one forked call.  Two real Rexian processes share one
 * database file and register as the same hotline address at a real kamailio, which
 * forks each incoming INVITE to both; a real baresip is the citizen calling.  What the
 * shared call log holds afterwards is what the supervisors would see.
 *
 * Usage: test-seats REXIAN KAMAILIO_CFG [--tap]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "rexian-test-peers.h"
#include "rexian-test-seat.h"

#define HOTLINE "hotline"
#define PASSWORD "seats-secret"
#define CITIZEN "13803560002"
#define AGENT_A "1001"
#define AGENT_B "1002"
#define WAIT_MS 20000

static const char *rexian_path;
static const char *kamailio_cfg;

typedef struct
{
  char               *dir;
  char               *database;
  RexianTestKamailio *kamailio;
  RexianTestSeat     *a;
  RexianTestSeat     *b;
  RexianTestBaresip  *citizen;
} Fixture;

/* The shared database, read as a supervisor's report would: one value of one row.
 * Sample calls come with the sample data, so every query is about the test citizen's
 * calls, whose number is bound to ?1. */
static char *
query (Fixture    *fixture,
       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->database, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_text (stmt, 1, CITIZEN, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value != NULL ? value : g_strdup ("");
}

typedef struct
{
  Fixture    *fixture;
  const char *sql;
  const char *expected;
} Query;

static gboolean
query_is (gpointer data)
{
  Query *q = data;
  g_autofree char *value = query (q->fixture, q->sql);

  return g_strcmp0 (value, q->expected) == 0;
}

/* Waits until @sql gives @expected, then checks it once more so the failure says what
 * it found. */
static void
assert_query (Fixture    *fixture,
              const char *sql,
              const char *expected)
{
  Query q = { fixture, sql, expected };
  g_autofree char *value = NULL;

  rexian_test_wait (query_is, &q, WAIT_MS);
  value = query (fixture, sql);
  g_assert_cmpstr (value, ==, expected);
}

static RexianTestSeat *
start_seat (Fixture    *fixture,
            const char *agent,
            gboolean    auto_answer,
            guint       x)
{
  RexianTestSeatOptions options = {
    .rexian = rexian_path,
    .database = fixture->database,
    .user = HOTLINE,
    .password = PASSWORD,
    .agent_number = agent,
    .auto_answer = auto_answer,
    .record = TRUE,
    .x = x,
  };

  return rexian_test_seat_start (fixture->kamailio, &options);
}

/* Each case has its own proxy (so no contact of an earlier case's seats is still
 * registered) and its own database. */
static void
start (Fixture  *fixture,
       gboolean  a_answers,
       gboolean  b_answers)
{
  RexianTestBaresipOptions citizen = { .user = CITIZEN, .answermode = "manual" };

  fixture->dir = rexian_test_make_dir ("rexian-seats");
  fixture->database = g_build_filename (fixture->dir, "shared.db", NULL);
  fixture->kamailio = rexian_test_kamailio_start (kamailio_cfg, 0, PASSWORD, NULL);

  /* The first seat creates the database; the second opens what it made. */
  fixture->a = start_seat (fixture, AGENT_A, a_answers, 0);
  fixture->b = start_seat (fixture, AGENT_B, b_answers, 960);
  fixture->citizen = rexian_test_baresip_start_full (&citizen);
}

static void
stop (Fixture *fixture)
{
  if (g_test_failed ())
    {
      g_autofree char *log = rexian_test_kamailio_get_log (fixture->kamailio);

      g_test_message ("kamailio said:\n%s", log);
      g_test_message ("baresip said: %s", rexian_test_baresip_get_events (fixture->citizen));
    }

  rexian_test_baresip_stop (fixture->citizen);
  rexian_test_seat_stop (fixture->a);
  rexian_test_seat_stop (fixture->b);
  rexian_test_kamailio_free (fixture->kamailio);
  rexian_test_remove_dir (fixture->dir);
  g_free (fixture->database);
  g_free (fixture->dir);
}

static void
call_hotline (Fixture *fixture)
{
  g_autofree char *uri = g_strdup_printf ("sip:" HOTLINE "@127.0.0.1:%u",
                                          rexian_test_kamailio_get_port (fixture->kamailio));

  rexian_test_baresip_command (fixture->citizen, "dial", uri);
  g_assert_true (rexian_test_baresip_wait_report (fixture->citizen, "CALL_ESTABLISHED",
                                                  WAIT_MS));
}

/* "SEATS REPLY 200 127.0.0.1:PORT ": kamailio relayed a reply @status to the INVITE
 * from @seat. */
static char *
reply_line (RexianTestSeat *seat,
            const char     *status)
{
  return g_strdup_printf ("SEATS REPLY %s 127.0.0.1:%u ", status,
                          rexian_test_seat_get_port (seat));
}

static gboolean
seat_replied (Fixture        *fixture,
              RexianTestSeat *seat,
              const char     *status)
{
  g_autofree char *log = rexian_test_kamailio_get_log (fixture->kamailio);
  g_autofree char *line = reply_line (seat, status);

  return strstr (log, line) != NULL;
}

static void
assert_seat_replied (Fixture        *fixture,
                     RexianTestSeat *seat,
                     const char     *status)
{
  g_autofree char *line = reply_line (seat, status);

  g_assert_true (rexian_test_kamailio_wait_log (fixture->kamailio, line, WAIT_MS));
}

/* The citizen hangs up; the call log closes the one call, and nobody is asked to call
 * a citizen back who was answered. */
static void
hang_up_and_check_log (Fixture *fixture)
{
  rexian_test_baresip_command (fixture->citizen, "hangup", NULL);
  g_assert_true (rexian_test_baresip_wait_report (fixture->citizen, "CALL_CLOSED", WAIT_MS));

  assert_query (fixture, "SELECT outcome FROM calls WHERE remote_number = ?1", "caller-hung-up");
  assert_query (fixture, "SELECT count(*) FROM calls WHERE remote_number = ?1", "1");
  assert_query (fixture, "SELECT count(*) FROM callbacks WHERE remote_number = ?1", "0");
  g_assert_true (rexian_test_seat_is_running (fixture->a));
  g_assert_true (rexian_test_seat_is_running (fixture->b));
}

static void
test_one_answers (void)
{
  Fixture fixture = { 0, };

  start (&fixture, TRUE, FALSE);
  call_hotline (&fixture);

  /* Both seats rang; A answered at once; the proxy cancelled B's ringing. */
  assert_query (&fixture, "SELECT group_concat (a.agent_no, ',') FROM "
                "(SELECT agent_no FROM call_offers o JOIN agents a ON a.id = o.agent_id "
                " JOIN calls c ON c.id = o.call_id WHERE c.remote_number = ?1 "
                " ORDER BY agent_no) a", AGENT_A "," AGENT_B);
  assert_query (&fixture, "SELECT a.agent_no FROM calls c JOIN agents a ON a.id = c.agent_id "
                "WHERE c.answered_at > 0 AND c.remote_number = ?1", AGENT_A);
  assert_query (&fixture, "SELECT direction FROM calls WHERE remote_number = ?1", "incoming");
  assert_seat_replied (&fixture, fixture.a, "200");
  assert_seat_replied (&fixture, fixture.b, "487");
  assert_query (&fixture, "SELECT a.status FROM agent_status a JOIN agents g "
                "ON g.id = a.agent_id WHERE g.agent_no = '" AGENT_A "'", "on-call");

  hang_up_and_check_log (&fixture);
  g_assert_cmpuint (rexian_test_baresip_count_reports (fixture.citizen, "CALL_ESTABLISHED"),
                    ==, 1);
  stop (&fixture);
}

static gboolean
seat_has_final_reply (Fixture        *fixture,
                      RexianTestSeat *seat)
{
  return seat_replied (fixture, seat, "200") || seat_replied (fixture, seat, "487");
}

/* Both forked INVITEs have ended: answered, or cancelled by the proxy. */
static gboolean
both_replied (gpointer data)
{
  Fixture *fixture = data;

  return seat_has_final_reply (fixture, fixture->a) && seat_has_final_reply (fixture, fixture->b);
}

/* What each seat said, for the test log. */
static void
show_replies (Fixture *fixture)
{
  g_autofree char *log = rexian_test_kamailio_get_log (fixture->kamailio);

  for (const char *p = strstr (log, "SEATS REPLY"); p != NULL;
       p = strstr (p + 1, "SEATS REPLY"))
    {
      g_autofree char *line = g_strndup (p, strcspn (p, "\n"));

      g_test_message ("%s", line);
    }
}

static void
test_both_answer (void)
{
  Fixture fixture = { 0, };
  g_autofree char *winner = NULL;
  RexianTestSeat *loser;

  start (&fixture, TRUE, TRUE);
  call_hotline (&fixture);

  /* Both seats said 200 at once (or the proxy cancelled the slower one in time): the
   * log has one answer, by whichever seat reached the database first. */
  assert_query (&fixture, "SELECT count(*) FROM call_offers o JOIN calls c ON c.id = o.call_id "
                "WHERE c.remote_number = ?1", "2");
  assert_query (&fixture, "SELECT count(*) FROM calls WHERE answered_at > 0 AND remote_number = ?1",
                "1");
  winner = query (&fixture, "SELECT a.agent_no FROM calls c JOIN agents a "
                  "ON a.id = c.agent_id WHERE c.remote_number = ?1");
  g_test_message ("Answered by %s; seat A on port %u, seat B on port %u", winner,
                  rexian_test_seat_get_port (fixture.a),
                  rexian_test_seat_get_port (fixture.b));
  g_assert_true (g_str_equal (winner, AGENT_A) || g_str_equal (winner, AGENT_B));

  /* The other seat's ringing was cancelled; or, when its 200 crossed the winner's, it
   * lets go of its leg with a BYE.  Either way the citizen's call goes on. */
  loser = g_str_equal (winner, AGENT_A) ? fixture.b : fixture.a;
  g_assert_true (rexian_test_wait (both_replied, &fixture, WAIT_MS));
  show_replies (&fixture);

  /* The race this case exists for: the seat that won the call log had its 200 cancelled
   * by the proxy, which connected the other seat, and that one lets go of the citizen
   * because the log says the call is taken.  The log must follow what SIP decided. */
  if (seat_replied (&fixture, loser, "200")
      && seat_replied (&fixture, loser == fixture.a ? fixture.b : fixture.a, "487"))
    {
      g_test_fail_printf ("Agent %s is logged as answering, but the proxy cancelled that "
                          "seat's answer and connected the other seat, which then hung up "
                          "on the citizen", winner);
      stop (&fixture);
      return;
    }

  if (seat_replied (&fixture, loser, "200"))
    {
      g_test_message ("Both seats answered: the later one hangs up its leg");
      g_assert_true (rexian_test_kamailio_wait_log (fixture.kamailio, "SEATS IN-DIALOG BYE",
                                                    WAIT_MS));
    }
  else
    {
      assert_seat_replied (&fixture, loser, "487");
    }
  /* Nothing to wait for: the call must simply not end. */
  rexian_test_run_for (2000);
  g_assert_cmpuint (rexian_test_baresip_count_reports (fixture.citizen, "CALL_CLOSED"), ==, 0);
  assert_query (&fixture, "SELECT count(*) FROM calls WHERE answered_at > 0 AND ended_at = 0 "
                "AND remote_number = ?1",
                "1");

  hang_up_and_check_log (&fixture);
  stop (&fixture);
}

static void
test_away_seat (void)
{
  Fixture fixture = { 0, };

  start (&fixture, TRUE, TRUE);

  /* The agent at seat B takes a break: the phone refuses calls, the wallboard says so. */
  rexian_test_seat_go_away (fixture.b);
  assert_query (&fixture, "SELECT a.status FROM agent_status a JOIN agents g "
                "ON g.id = a.agent_id WHERE g.agent_no = '" AGENT_B "'", "away");

  call_hotline (&fixture);
  assert_seat_replied (&fixture, fixture.b, "486");
  assert_seat_replied (&fixture, fixture.a, "200");
  assert_query (&fixture, "SELECT a.agent_no FROM calls c JOIN agents a ON a.id = c.agent_id "
                "WHERE c.answered_at > 0 AND c.remote_number = ?1", AGENT_A);
  /* An away seat never rang, so it was never offered the call. */
  assert_query (&fixture, "SELECT group_concat (a.agent_no) FROM call_offers o "
                "JOIN agents a ON a.id = o.agent_id JOIN calls c ON c.id = o.call_id "
                "WHERE c.remote_number = ?1", AGENT_A);

  hang_up_and_check_log (&fixture);
  stop (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 3)
    g_error ("Usage: %s REXIAN KAMAILIO_CFG", argv[0]);
  rexian_path = argv[1];
  kamailio_cfg = argv[2];

  g_test_add_func ("/seats/forked-call/one-answers", test_one_answers);
  g_test_add_func ("/seats/forked-call/both-answer", test_both_answer);
  g_test_add_func ("/seats/forked-call/away-seat-busy", test_away_seat);

  return g_test_run ();
}
