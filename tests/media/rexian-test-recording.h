/* rexian-test-recording.h: call recordings for the tests that play them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Runs @argv (a program on PATH) and returns what it printed on stdout and stderr
 * together (sox prints its statistics on stderr); fails the test if it fails. */
char   *rexian_test_run_capture     (const char * const *argv);

/* Makes a recording as a call's recorder writes it: Mandarin speech by espeak-ng on
 * the left channel (the caller), silence on the right (the agent), two-channel
 * 48 kHz Ogg Opus, mode 0600, named @name in @dir.  *@out_seconds is the length sox
 * measures (sox --i -D) of the WAV it was encoded from.  Returns the path. */
char   *rexian_test_make_recording  (const char         *dir,
                                     const char         *name,
                                     const char         *text,
                                     double             *out_seconds);

/* sox's "stat" figure @label ("RMS     amplitude:", "Length (seconds):") of one
 * channel ("1" left, "2" right) of @wav. */
double  rexian_test_channel_stat    (const char         *wav,
                                     const char         *channel,
                                     const char         *label);

G_END_DECLS
