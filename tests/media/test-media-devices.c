/* test-media-devices.c: which microphone and speaker a call, a recording and a tone use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gst/gst.h>

#include "rexian-media-devices.h"

static void
test_defaults (void)
{
  g_autofree char *source = NULL;
  g_autofree char *sink = NULL;

  g_unsetenv ("REXIAN_AUDIO_SOURCE");
  g_unsetenv ("REXIAN_AUDIO_SINK");

  /* Nothing chosen: the system's own choice. */
  rexian_media_set_default_source (NULL);
  rexian_media_set_default_sink ("");
  source = rexian_media_dup_source_description ();
  sink = rexian_media_dup_sink_description ();
  g_assert_cmpstr (source, ==, "autoaudiosrc");
  g_assert_cmpstr (sink, ==, "autoaudiosink");
  g_clear_pointer (&source, g_free);
  g_clear_pointer (&sink, g_free);

  /* The preferences' choice. */
  rexian_media_set_default_source ("audiotestsrc is-live=true");
  rexian_media_set_default_sink ("fakesink sync=true");
  source = rexian_media_dup_source_description ();
  sink = rexian_media_dup_sink_description ();
  g_assert_cmpstr (source, ==, "audiotestsrc is-live=true");
  g_assert_cmpstr (sink, ==, "fakesink sync=true");
  g_clear_pointer (&sink, g_free);

  /* A test's environment wins over the preferences. */
  g_setenv ("REXIAN_AUDIO_SINK", "fakesink name=from-env", TRUE);
  sink = rexian_media_dup_sink_description ();
  g_assert_cmpstr (sink, ==, "fakesink name=from-env");
  g_unsetenv ("REXIAN_AUDIO_SINK");
  rexian_media_set_default_source (NULL);
  rexian_media_set_default_sink (NULL);
}

static void
test_list (void)
{
  g_autoptr(GPtrArray) sources = rexian_media_list_audio_devices (TRUE);
  g_autoptr(GPtrArray) sinks = rexian_media_list_audio_devices (FALSE);

  /* No sound server runs here, so the lists may be empty; what they hold must be
   * usable as it is. */
  g_test_message ("%u microphones, %u speakers", sources->len, sinks->len);
  for (guint i = 0; i < sinks->len; i++)
    {
      RexianAudioDevice *device = g_ptr_array_index (sinks, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GstElement) bin = NULL;

      g_assert_nonnull (device->name);
      bin = gst_parse_bin_from_description (device->description, TRUE, &error);
      g_assert_no_error (error);
      g_assert_nonnull (bin);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  g_test_add_func ("/media/devices/defaults", test_defaults);
  g_test_add_func ("/media/devices/list", test_list);

  return g_test_run ();
}
