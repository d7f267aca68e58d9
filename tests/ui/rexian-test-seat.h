/* rexian-test-seat.h: a whole Rexian seat as a separate process, for the tests and the
 * benchmark that need several seats or a seat measured from outside
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real `rexian` binary runs with its window on the test's X display, its own
 * settings (GSettings keyfile in its own folder), its own recordings folder and its own
 * SIP port, and registers at a kamailio started with tests/ui/kamailio-seats.cfg.  It
 * runs without a session bus, so that two seats of one test do not find each other as
 * the same application: like two computers sharing one database file.
 */

#pragma once

#include "rexian-test-peers.h"

G_BEGIN_DECLS

typedef struct
{
  const char *rexian;        /* the rexian binary */
  const char *database;      /* the shared database file */
  const char *user;          /* the SIP user it registers as (the shared address) */
  const char *password;
  const char *agent_number;  /* 工号: whose seat it is in the call log */
  gboolean    auto_answer;
  gboolean    record;
  guint       x;             /* its window's left edge on the screen */
} RexianTestSeatOptions;

typedef struct _RexianTestSeat RexianTestSeat;

/* Starts the seat and waits until @kamailio logged its registration. */
RexianTestSeat *rexian_test_seat_start     (RexianTestKamailio          *kamailio,
                                            const RexianTestSeatOptions *options);
/* Stops the process (only the one it started) and removes its folder unless the test
 * failed, when its log is printed. */
void            rexian_test_seat_stop      (RexianTestSeat *seat);
guint           rexian_test_seat_get_port  (RexianTestSeat *seat);
const char     *rexian_test_seat_get_dir   (RexianTestSeat *seat);
/* Whether the process still runs (it has not crashed). */
gboolean        rexian_test_seat_is_running (RexianTestSeat *seat);
/* The agent switches "Available for calls" off in the window, with the real pointer
 * and keyboard (xdotool), as they would before a break. */
void            rexian_test_seat_go_away   (RexianTestSeat *seat);
/* The agent closes every intake form the seat opened for a call (Ctrl+W in each, which
 * closes a form with nothing typed without asking); returns how many there were. */
guint           rexian_test_seat_close_forms (RexianTestSeat *seat);
/* CPU time used so far (user + system), in seconds, and memory (RSS now and its
 * peak), in KiB, from /proc. */
double          rexian_test_seat_get_cpu_seconds (RexianTestSeat *seat);
void            rexian_test_seat_get_memory (RexianTestSeat *seat,
                                             guint64        *rss_kib,
                                             guint64        *peak_kib);
/* How many threads the process runs now (GStreamer gives each pipeline some). */
guint           rexian_test_seat_get_threads (RexianTestSeat *seat);

G_END_DECLS
