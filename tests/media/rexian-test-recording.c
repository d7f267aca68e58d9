/* rexian-test-recording.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "rexian-test-peers.h"
#include "rexian-test-recording.h"

char *
rexian_test_run_capture (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                     | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("%s failed:\n%s%s", argv[0], out, err);

  return g_strconcat (out, err, NULL);
}

char *
rexian_test_make_recording (const char *dir,
                            const char *name,
                            const char *text,
                            double     *out_seconds)
{
  g_autofree char *speech = rexian_test_make_speech (dir, "recording-speech.wav", text, 0.5);
  g_autofree char *stereo = g_build_filename (dir, "recording-stereo.wav", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *location = g_strdup_printf ("location=%s", stereo);
  g_autofree char *target = g_strdup_printf ("location=%s", path);
  g_autofree char *info = NULL;
  /* The caller on the left, the agent silent on the right, at the recorder's rate. */
  const char *sox[] = { "sox", speech, "-r", "48000", "-c", "2", stereo, "remix", "1", "0",
                        NULL };
  const char *soxi[] = { "sox", "--i", "-D", stereo, NULL };
  const char *encode[] = { "gst-launch-1.0", "-q", "filesrc", location, "!", "wavparse", "!",
                           "audioconvert", "!", "opusenc", "!", "oggmux", "!", "filesink",
                           target, NULL };

  g_free (rexian_test_run_capture (sox));
  info = rexian_test_run_capture (soxi);
  *out_seconds = g_ascii_strtod (info, NULL);
  g_assert_cmpfloat (*out_seconds, >, 1.0);
  g_free (rexian_test_run_capture (encode));
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);

  return g_steal_pointer (&path);
}

double
rexian_test_channel_stat (const char *wav,
                          const char *channel,
                          const char *label)
{
  const char *argv[] = { "sox", wav, "-n", "remix", channel, "stat", NULL };
  g_autofree char *output = rexian_test_run_capture (argv);
  const char *line = strstr (output, label);

  g_assert_nonnull (line);
  return g_ascii_strtod (line + strlen (label), NULL);
}
