/* test-tone.c: the ring tone and the ringback tone, written to a WAV file by the
 * speaker that REXIAN_AUDIO_SINK names and measured with sox as the agent would hear
 * them: the pitch, the tone and the pauses of the cadence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gst/gst.h>

#include "media-test-util.h"
#include "rexian-tone.h"

#define FREQUENCY "Rough   frequency:"
/* A pause is digital silence; a tone at the player's volume is far above this. */
#define SILENT_RMS 0.001
#define TONE_RMS 0.05

typedef struct
{
  char *dir;
  char *wav;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sink = NULL;

  fixture->dir = g_dir_make_tmp ("rexian-tone-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->wav = g_build_filename (fixture->dir, "tone.wav", NULL);
  sink = g_strdup_printf ("audioconvert ! audio/x-raw,format=S16LE,channels=1,rate=8000 ! "
                          "wavenc ! filesink location=\"%s\"", fixture->wav);
  g_setenv ("REXIAN_AUDIO_SINK", sink, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  media_test_remove_tree (fixture->dir);
  g_free (fixture->wav);
  g_free (fixture->dir);
}

/* Plays @kind for @milliseconds into the fixture's WAV file and stops it. */
static void
play (Fixture        *fixture,
      RexianToneKind  kind,
      guint           milliseconds)
{
  g_autoptr(RexianTone) tone = rexian_tone_new (kind);
  g_autoptr(GError) error = NULL;

  g_assert_true (rexian_tone_start (tone, &error));
  g_assert_no_error (error);
  g_assert_true (rexian_tone_get_playing (tone));
  media_test_iterate_for (milliseconds);
  g_assert_true (rexian_tone_get_playing (tone));
  rexian_tone_stop (tone);
  g_assert_false (rexian_tone_get_playing (tone));
  g_assert_true (g_file_test (fixture->wav, G_FILE_TEST_IS_REGULAR));
}

static double
measure (Fixture    *fixture,
         double      start,
         double      length,
         const char *label)
{
  return media_test_stat (fixture->wav, "1", start, length, label);
}

/* 450 Hz, 1 s on, 4 s off, and on again: the Chinese ringback the agent hears while
 * the citizen's phone rings. */
static void
test_ringback (Fixture       *fixture,
               gconstpointer  data)
{
  double frequency;

  if (!media_test_have_tools ())
    return;

  play (fixture, REXIAN_TONE_RINGBACK, 6000);

  /* The file was finished on stop: sox reads its header and finds the whole length. */
  g_assert_cmpfloat (measure (fixture, 0, 0, MEDIA_TEST_LENGTH), >, 5.5);
  g_assert_cmpfloat (measure (fixture, 0, 0, MEDIA_TEST_RMS), >, TONE_RMS / 2);

  frequency = measure (fixture, 0.1, 0.8, FREQUENCY);
  g_test_message ("ringback: %.0f Hz", frequency);
  g_assert_cmpfloat_with_epsilon (frequency, 450, 20);
  g_assert_cmpfloat (measure (fixture, 0.1, 0.8, MEDIA_TEST_RMS), >, TONE_RMS);
  g_assert_cmpfloat (measure (fixture, 1.5, 2.0, MEDIA_TEST_RMS), <, SILENT_RMS);
  g_assert_cmpfloat (measure (fixture, 4.2, 0.6, MEDIA_TEST_RMS), <, SILENT_RMS);
  /* The second second-long tone, five seconds after the first. */
  g_assert_cmpfloat (measure (fixture, 5.1, 0.3, MEDIA_TEST_RMS), >, TONE_RMS);
}

/* 800 Hz, 0.4 s on, 0.2 s off, 0.4 s on, 2 s off: a call rings at this seat. */
static void
test_ring (Fixture       *fixture,
           gconstpointer  data)
{
  double frequency;

  if (!media_test_have_tools ())
    return;

  play (fixture, REXIAN_TONE_RING, 3600);

  frequency = measure (fixture, 0.05, 0.3, FREQUENCY);
  g_test_message ("ring: %.0f Hz", frequency);
  g_assert_cmpfloat_with_epsilon (frequency, 800, 30);
  g_assert_cmpfloat (measure (fixture, 0.05, 0.3, MEDIA_TEST_RMS), >, TONE_RMS);
  g_assert_cmpfloat (measure (fixture, 0.43, 0.14, MEDIA_TEST_RMS), <, SILENT_RMS);
  g_assert_cmpfloat (measure (fixture, 0.65, 0.3, MEDIA_TEST_RMS), >, TONE_RMS);
  g_assert_cmpfloat (measure (fixture, 1.1, 1.8, MEDIA_TEST_RMS), <, SILENT_RMS);
  /* The next ring of the cadence. */
  g_assert_cmpfloat (measure (fixture, 3.05, 0.3, MEDIA_TEST_RMS), >, TONE_RMS);
}

/* A speaker that does not exist is an error the UI can show, not a crash. */
static void
test_missing_sink (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RexianTone) tone = rexian_tone_new (REXIAN_TONE_RING);
  g_autoptr(GError) error = NULL;

  g_setenv ("REXIAN_AUDIO_SINK", "nosuchsink", TRUE);
  g_assert_false (rexian_tone_start (tone, &error));
  g_assert_error (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_NO_DEVICE);
  g_assert_false (rexian_tone_get_playing (tone));
  rexian_tone_stop (tone);
}

int
main (int   argc,
      char *argv[])
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/media/tone/ringback", Fixture, NULL, fixture_set_up, test_ringback,
              fixture_tear_down);
  g_test_add ("/media/tone/ring", Fixture, NULL, fixture_set_up, test_ring,
              fixture_tear_down);
  g_test_add ("/media/tone/missing-sink", Fixture, NULL, fixture_set_up, test_missing_sink,
              fixture_tear_down);

  return g_test_run ();
}
