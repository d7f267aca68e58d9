/* bench-sip.c: how fast a seat answers, and what a call costs it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One run, everything real on 127.0.0.1: kamailio (tests/ui/kamailio-seats.cfg) logs
 * every INVITE and every reply to one with its own microsecond clock; a baresip caller
 * plays about three seconds of Mandarin speech on each of N calls (hanging up at the end
 * of it), alternately to
 *   (i)  a Rexian seat in auto-answer mode, recording every call, and
 *   (ii) a baresip callee with answermode=auto, the reference SIP stack,
 * both registered at kamailio.  INVITE -> 180 and INVITE -> 200 are read off the proxy's
 * log for both, side by side; the seat's CPU time per call (user + system, from
 * /proc/PID/stat, from the dial until its call log row has the recording) and its memory
 * (RSS and peak) are read from /proc.
 *
 * The seat is the real `rexian` binary with its window open under Xvfb (software
 * rendering), not a headless program: an answered call costs what an agent's seat pays
 * for it — the shared call log written before the 200 goes out, the screen pop with the
 * caller's earlier orders, the intake form opening, the recording encoded to Ogg Opus.
 * A headless RexianPhone would measure only the SIP stack and flatter the figures.
 *
 * Usage: bench-sip REXIAN KAMAILIO_CFG [CALLS]    (prints figures, asserts nothing)
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "rexian-test-peers.h"
#include "rexian-test-seat.h"

#define PASSWORD "bench-secret"
#define SEAT_USER "hotline"
#define CALLEE_USER "dept"
#define CITIZEN "13803560009"
#define SPEECH "您好，我家门口的路灯坏了。"
#define CALL_MS 60000

typedef struct
{
  RexianTestKamailio *kamailio;
  RexianTestSeat     *seat;
  RexianTestBaresip  *callee;
  RexianTestBaresip  *caller;
  char               *dir;
  char               *database;
  char               *speech;
  /* Calls the caller has ended since it started. */
  guint               closed;
} Bench;

static gint64
count_recorded_calls (Bench *bench)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 count = -1;

  if (sqlite3_open_v2 (bench->database, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      /* The sample data has calls of its own: only the citizen's count. */
      if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM calls WHERE remote_number = ?1 "
                              "AND ended_at > 0 AND recording_path IS NOT NULL", -1, &stmt,
                              NULL) == SQLITE_OK
          && sqlite3_bind_text (stmt, 1, CITIZEN, -1, SQLITE_STATIC) == SQLITE_OK
          && sqlite3_step (stmt) == SQLITE_ROW)
        count = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);

  return count;
}

typedef struct
{
  Bench  *bench;
  gint64  wanted;
} Recorded;

static gboolean
recorded (gpointer data)
{
  Recorded *r = data;

  return count_recorded_calls (r->bench) >= r->wanted;
}

/* The two baresips, new: each quits after 300 s (its -t), so a long run renews them
 * between calls.  The callee registers again. */
static void
start_peers (Bench *bench)
{
  RexianTestBaresipOptions callee = {
    .user = CALLEE_USER,
    .answermode = "auto",
    .registrar_port = rexian_test_kamailio_get_port (bench->kamailio),
    .password = PASSWORD,
  };
  RexianTestBaresipOptions caller = {
    .user = CITIZEN,
    .answermode = "manual",
    .audio_file = bench->speech,
  };
  g_autofree char *registered = NULL;

  rexian_test_baresip_stop (bench->caller);
  rexian_test_baresip_stop (bench->callee);

  bench->callee = rexian_test_baresip_start_full (&callee);
  registered = g_strdup_printf ("SEATS REGISTERED " CALLEE_USER " 127.0.0.1:%u\n",
                                rexian_test_baresip_get_port (bench->callee));
  if (!rexian_test_kamailio_wait_log (bench->kamailio, registered, CALL_MS))
    g_error ("baresip did not register as " CALLEE_USER);

  bench->caller = rexian_test_baresip_start_full (&caller);
  bench->closed = 0;
}

/* One call from the citizen to @user; returns when the citizen has hung up. */
static void
place_call (Bench      *bench,
            const char *user)
{
  guint closed_before = bench->closed++;

  g_autofree char *uri = g_strdup_printf ("sip:%s@127.0.0.1:%u", user,
                                          rexian_test_kamailio_get_port (bench->kamailio));

  const char *events;

  rexian_test_baresip_command (bench->caller, "dial", uri);
  rexian_test_baresip_wait_reports (bench->caller, "CALL_CLOSED", closed_before + 1, CALL_MS);
  if (rexian_test_baresip_count_reports (bench->caller, "CALL_CLOSED") < closed_before + 1
      || rexian_test_baresip_count_reports (bench->caller, "CALL_ESTABLISHED") <
         closed_before + 1)
    {
      /* What the caller last reported says why. */
      events = rexian_test_baresip_get_events (bench->caller);
      g_error ("The call to %s was not answered or did not end: …%s", user,
               events + MAX (0, (int) strlen (events) - 1500));
    }
}

/* Timings */

typedef struct
{
  char   *user;
  double  invite;
  double  ringing;
  double  ok;
} CallTiming;

static void
call_timing_free (gpointer data)
{
  CallTiming *timing = data;

  g_free (timing->user);
  g_free (timing);
}

/* "SEATS INVITE user call-id seconds" and "SEATS REPLY status source call-id seconds":
 * the first 180 and the first 200 of each call. */
static GHashTable *
read_timings (Bench *bench)
{
  g_autofree char *log = rexian_test_kamailio_get_log (bench->kamailio);
  g_auto(GStrv) lines = g_strsplit (log, "\n", -1);
  GHashTable *calls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             call_timing_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *at = strstr (lines[i], "SEATS ");
      g_auto(GStrv) f = NULL;
      CallTiming *timing;

      if (at == NULL)
        continue;
      f = g_strsplit (at, " ", -1);
      if (g_strv_length (f) < 5)
        continue;

      if (g_str_equal (f[1], "INVITE") && !g_hash_table_contains (calls, f[3]))
        {
          timing = g_new0 (CallTiming, 1);
          timing->user = g_strdup (f[2]);
          timing->invite = g_ascii_strtod (f[4], NULL);
          g_hash_table_insert (calls, g_strdup (f[3]), timing);
        }
      else if (g_str_equal (f[1], "REPLY") && f[5] != NULL
               && (timing = g_hash_table_lookup (calls, f[4])) != NULL)
        {
          double t = g_ascii_strtod (f[5], NULL);

          if (g_str_equal (f[2], "180") && timing->ringing == 0)
            timing->ringing = t;
          else if (g_str_equal (f[2], "200") && timing->ok == 0)
            timing->ok = t;
        }
    }

  return calls;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The @q quantile (nearest rank) of @values, in milliseconds. */
static double
quantile_ms (GArray *values,
             double  q)
{
  guint rank;

  if (values->len == 0)
    return 0;

  g_array_sort (values, compare_doubles);
  rank = (guint) (q * values->len + 0.999999);
  rank = CLAMP (rank, 1, values->len);

  return 1000 * g_array_index (values, double, rank - 1);
}

static void
print_timings (GHashTable *calls,
               const char *user,
               const char *label)
{
  g_autoptr(GArray) ringing = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ok = g_array_new (FALSE, FALSE, sizeof (double));
  GHashTableIter iter;
  CallTiming *timing;

  g_hash_table_iter_init (&iter, calls);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &timing))
    {
      double d;

      if (!g_str_equal (timing->user, user))
        continue;
      if (timing->ringing > 0)
        {
          d = timing->ringing - timing->invite;
          g_array_append_val (ringing, d);
        }
      if (timing->ok > 0)
        {
          d = timing->ok - timing->invite;
          g_array_append_val (ok, d);
        }
    }

  g_print ("| %-38s | %5u | %8.1f | %8.1f | %8.1f | %8.1f |\n", label, ok->len,
           quantile_ms (ringing, 0.5), quantile_ms (ringing, 0.95),
           quantile_ms (ok, 0.5), quantile_ms (ok, 0.95));
}

static int
compare_invites (gconstpointer a,
                 gconstpointer b)
{
  const CallTiming *x = *(CallTiming * const *) a, *y = *(CallTiming * const *) b;

  return x->invite < y->invite ? -1 : x->invite > y->invite;
}

/* Whether answering slows down as the call log grows: the first and the last ten. */
static void
print_trend (GHashTable *calls,
             const char *user)
{
  g_autoptr(GPtrArray) timings = g_ptr_array_new ();
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) last = g_array_new (FALSE, FALSE, sizeof (double));
  GHashTableIter iter;
  CallTiming *timing;
  guint n;

  g_hash_table_iter_init (&iter, calls);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &timing))
    if (g_str_equal (timing->user, user) && timing->ok > 0)
      g_ptr_array_add (timings, timing);
  g_ptr_array_sort (timings, compare_invites);

  n = MIN (10, timings->len);
  for (guint i = 0; i < n; i++)
    {
      CallTiming *early = g_ptr_array_index (timings, i);
      CallTiming *late = g_ptr_array_index (timings, timings->len - n + i);
      double d = early->ok - early->invite;

      g_array_append_val (first, d);
      d = late->ok - late->invite;
      g_array_append_val (last, d);
    }

  g_print ("Rexian seat: INVITE -> 200 median %.1f ms over the first %u calls, %.1f ms over "
           "the last %u\n", quantile_ms (first, 0.5), n, quantile_ms (last, 0.5), n);
}

static const char *rexian_path;
static const char *kamailio_cfg;
static guint n_calls = 50;

static void
run_bench (void)
{
  Bench bench = { 0, };
  RexianTestSeatOptions seat = { 0, };
  g_autoptr(GHashTable) calls = NULL;
  double cpu_calls = 0, cpu_before, cpu_idle_start, cpu_idle = 0, idle_seconds = 0;
  guint64 rss_idle, rss_first = 0, rss, peak;
  guint forms = 0, threads_idle;

  bench.dir = rexian_test_make_dir ("rexian-bench-sip");
  bench.database = g_build_filename (bench.dir, "bench.db", NULL);
  bench.kamailio = rexian_test_kamailio_start (kamailio_cfg, 0, PASSWORD, NULL);

  seat.rexian = rexian_path;
  seat.database = bench.database;
  seat.user = SEAT_USER;
  seat.password = PASSWORD;
  seat.agent_number = "1001";
  seat.auto_answer = TRUE;
  seat.record = TRUE;
  bench.seat = rexian_test_seat_start (bench.kamailio, &seat);

  /* The citizen hangs up when the speech ends: about three seconds a call. */
  bench.speech = rexian_test_make_speech (bench.dir, "speech.wav", SPEECH, 0.3);
  start_peers (&bench);

  rexian_test_seat_get_memory (bench.seat, &rss_idle, &peak);
  threads_idle = rexian_test_seat_get_threads (bench.seat);
  g_printerr ("%u calls to each of the seat and baresip...\n", n_calls);

  for (guint i = 0; i < n_calls; i++)
    {
      Recorded wanted = { &bench, i + 1 };
      gint64 start;

      /* Twenty pairs of calls take about four minutes. */
      if (i > 0 && i % 20 == 0)
        start_peers (&bench);

      cpu_before = rexian_test_seat_get_cpu_seconds (bench.seat);
      place_call (&bench, SEAT_USER);
      if (!rexian_test_wait (recorded, &wanted, CALL_MS))
        g_error ("Call %u to the seat has no recording in the call log", i + 1);
      cpu_calls += rexian_test_seat_get_cpu_seconds (bench.seat) - cpu_before;
      if (i == 0)
        rexian_test_seat_get_memory (bench.seat, &rss_first, &peak);
      /* As the agent would once the call is dealt with: forms left open would pile up
       * and weigh on every later figure. */
      forms += rexian_test_seat_close_forms (bench.seat);

      /* Meanwhile the seat only waits: what it costs then is its idle cost. */
      cpu_idle_start = rexian_test_seat_get_cpu_seconds (bench.seat);
      start = g_get_monotonic_time ();
      place_call (&bench, CALLEE_USER);
      cpu_idle += rexian_test_seat_get_cpu_seconds (bench.seat) - cpu_idle_start;
      idle_seconds += (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
    }

  rexian_test_seat_get_memory (bench.seat, &rss, &peak);
  calls = read_timings (&bench);

  g_print ("\nSIP through kamailio on 127.0.0.1, %u calls each, alternating, "
           "INVITE -> reply on the proxy's clock (ms)\n\n", n_calls);
  g_print ("| %-38s | %5s | %8s | %8s | %8s | %8s |\n", "callee", "calls", "180 med",
           "180 p95", "200 med", "200 p95");
  g_print ("|%s|%s|%s|%s|%s|%s|\n", "----------------------------------------", "-------",
           "----------", "----------", "----------", "----------");
  print_timings (calls, SEAT_USER, "Rexian seat (auto-answer, recording)");
  print_timings (calls, CALLEE_USER, "baresip (answermode=auto)");
  g_print ("\n");
  print_trend (calls, SEAT_USER);
  g_print ("Rexian seat: CPU %.0f ms per call (dial to recording in the call log), "
           "%.1f ms per second idle\n", 1000 * cpu_calls / n_calls,
           idle_seconds > 0 ? 1000 * cpu_idle / idle_seconds : 0);
  g_print ("Rexian seat: RSS %.0f MiB registered and idle, %.0f MiB after 1 call, "
           "%.0f MiB after %u, peak %.0f MiB\n", rss_idle / 1024.0, rss_first / 1024.0,
           rss / 1024.0, n_calls, peak / 1024.0);
  g_print ("Rexian seat: %u intake forms opened by answered calls, closed after each call\n",
           forms);
  g_print ("Rexian seat: %u threads registered and idle, %u after %u calls\n", threads_idle,
           rexian_test_seat_get_threads (bench.seat), n_calls);

  rexian_test_baresip_stop (bench.caller);
  rexian_test_baresip_stop (bench.callee);
  rexian_test_seat_stop (bench.seat);
  rexian_test_kamailio_free (bench.kamailio);
  rexian_test_remove_dir (bench.dir);
  g_free (bench.speech);
  g_free (bench.database);
  g_free (bench.dir);
}

int
main (int   argc,
      char *argv[])
{
  /* A single test case, so that the test peers' helpers know whether it went well
   * (and remove their folders). */
  g_test_init (&argc, &argv, NULL);
  if (argc < 3 || (argc > 3 && atoi (argv[3]) <= 0))
    {
      g_printerr ("Usage: %s REXIAN KAMAILIO_CFG [CALLS]\n", argv[0]);
      return 2;
    }
  rexian_path = argv[1];
  kamailio_cfg = argv[2];
  if (argc > 3)
    n_calls = (guint) atoi (argv[3]);

  g_test_add_func ("/bench/sip", run_bench);

  return g_test_run ();
}
