/* media-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gst/gst.h>

#include "media-test-util.h"

char *
media_test_run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);

  return g_strconcat (out, err, NULL);
}

gboolean
media_test_have_tools (void)
{
  g_autofree char *espeak = g_find_program_in_path ("espeak-ng");
  g_autofree char *sox = g_find_program_in_path ("sox");

  if (espeak == NULL || sox == NULL)
    {
      g_test_skip ("espeak-ng and sox are needed to make and measure speech");
      return FALSE;
    }
  return TRUE;
}

void
media_test_iterate_for (guint milliseconds)
{
  gint64 deadline = g_get_monotonic_time () + milliseconds * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < deadline)
    {
      /* Non-blocking with a short sleep: the bus watches must run, but nothing else
       * wakes this context on a timer. */
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5 * G_TIME_SPAN_MILLISECOND);
    }
}

const RexianCodec *
media_test_find_codec (const char *encoding)
{
  guint n_codecs = 0;
  const RexianCodec *codecs = rexian_media_get_codecs (&n_codecs);

  for (guint i = 0; i < n_codecs; i++)
    if (g_ascii_strcasecmp (codecs[i].encoding, encoding) == 0)
      return &codecs[i];

  return NULL;
}

static void
on_session_error (RexianMediaSession *session,
                  GError             *error,
                  gpointer            user_data)
{
  g_error ("Unexpected media error: %s", error->message);
}

RexianMediaSession *
media_test_make_session (const char *source,
                         const char *sink)
{
  g_autoptr(GError) error = NULL;
  RexianMediaSession *session = rexian_media_session_new ("127.0.0.1", &error);

  g_assert_no_error (error);
  g_assert_nonnull (session);
  g_assert_cmpuint (rexian_media_session_get_local_port (session) % 2, ==, 0);
  g_assert_cmpstr (rexian_media_session_get_local_address (session), ==, "127.0.0.1");
  rexian_media_session_set_source_description (session, source);
  rexian_media_session_set_sink_description (session, sink);
  g_signal_connect (session, "error", G_CALLBACK (on_session_error), NULL);

  return session;
}

void
media_test_decode_recording (const char *ogg,
                             const char *wav)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  g_autofree char *description = NULL;

  description = g_strdup_printf ("filesrc location=\"%s\" ! oggdemux ! opusdec ! "
                                 "audioconvert ! audio/x-raw,format=S16LE ! wavenc ! "
                                 "filesink location=\"%s\"", ogg, wav);
  pipeline = gst_parse_launch (description, &error);
  g_assert_no_error (error);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  bus = gst_element_get_bus (pipeline);
  message = gst_bus_timed_pop_filtered (bus, 10 * GST_SECOND,
                                        GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (message);
  if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
    {
      gst_message_parse_error (message, &error, NULL);
      g_error ("Cannot decode the recording %s: %s", ogg, error->message);
    }
  gst_element_set_state (pipeline, GST_STATE_NULL);
}

double
media_test_stat (const char *wav,
                 const char *channel,
                 double      start,
                 double      length,
                 const char *label)
{
  char start_text[G_ASCII_DTOSTR_BUF_SIZE];
  char length_text[G_ASCII_DTOSTR_BUF_SIZE];
  const char *whole[] = { "sox", wav, "-n", "remix", channel, "stat", NULL };
  const char *part[] = { "sox", wav, "-n", "remix", channel, "trim",
                         g_ascii_dtostr (start_text, sizeof start_text, start),
                         g_ascii_dtostr (length_text, sizeof length_text, length),
                         "stat", NULL };
  g_autofree char *output = media_test_run (length > 0 ? part : whole);
  const char *line = strstr (output, label);

  g_assert_nonnull (line);
  return g_ascii_strtod (line + strlen (label), NULL);
}

void
media_test_remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}
