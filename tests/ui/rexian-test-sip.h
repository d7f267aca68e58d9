/* rexian-test-sip.h: a real SIP peer for the UI tests, copied from what
 * tests/telephony/test-phone.c does: baresip on 127.0.0.1 as the citizen, driven over
 * its TCP control socket, started and stopped by the test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _RexianTestSip RexianTestSip;

/* Starts baresip in a new temporary folder, as the user @user; @answermode is
 * "manual" or "auto" (for calls it receives; it dials whatever it is told). */
RexianTestSip *rexian_test_sip_start        (const char    *user,
                                             const char    *answermode);
/* Stops baresip (only the process it started) and removes the folder unless the test
 * failed. */
void           rexian_test_sip_stop         (RexianTestSip *sip);
guint          rexian_test_sip_get_port     (RexianTestSip *sip);
/* Sends a baresip control command: "dial" with a URI, "hangup", "accept". */
void           rexian_test_sip_command      (RexianTestSip *sip,
                                             const char    *command,
                                             const char    *params);
/* Waits until baresip reported @needle (an event name or "\"param\":\"486 Busy
 * Here\""), at most @timeout_ms; returns whether it did. */
gboolean       rexian_test_sip_wait_report  (RexianTestSip *sip,
                                             const char    *needle,
                                             guint          timeout_ms);
/* Waits until baresip reported @needle @count times in all. */
gboolean       rexian_test_sip_wait_reports (RexianTestSip *sip,
                                             const char    *needle,
                                             guint          count,
                                             guint          timeout_ms);
/* How often baresip reported @needle so far. */
guint          rexian_test_sip_count_reports (RexianTestSip *sip,
                                              const char    *needle);

G_END_DECLS
