/* media-test-util.h: what the media tests share: sessions on 127.0.0.1, recordings
 * decoded and measured with sox.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rexian-media-session.h"

G_BEGIN_DECLS

#define MEDIA_TEST_SILENCE_SOURCE "audiotestsrc is-live=true wave=silence"
#define MEDIA_TEST_QUIET_SINK "fakesink sync=true"
#define MEDIA_TEST_RMS "RMS     amplitude:"
#define MEDIA_TEST_LENGTH "Length (seconds):"

/* Runs @argv and returns its stdout and stderr together (sox prints its statistics on
 * stderr); fails the test if it fails. */
char               *media_test_run              (const char * const *argv);
/* FALSE, and the test skipped, without espeak-ng and sox. */
gboolean            media_test_have_tools       (void);
/* Runs the default main context for @milliseconds. */
void                media_test_iterate_for      (guint               milliseconds);
const RexianCodec  *media_test_find_codec       (const char         *encoding);
/* A session on 127.0.0.1 with these source and sink; an "error" fails the test. */
RexianMediaSession *media_test_make_session     (const char         *source,
                                                 const char         *sink);
/* Decodes an Ogg Opus recording to WAV so that sox (built without opus) reads it. */
void                media_test_decode_recording (const char         *ogg,
                                                 const char         *wav);
/* A sox "stat" figure (@label, such as MEDIA_TEST_RMS) of one channel ("1", "2") of
 * @wav, over @length seconds from @start, or the whole file when @length is 0. */
double              media_test_stat             (const char         *wav,
                                                 const char         *channel,
                                                 double              start,
                                                 double              length,
                                                 const char         *label);
/* Deletes @dir and the files in it. */
void                media_test_remove_tree      (const char         *dir);

G_END_DECLS
