/* test-media-player.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gst/gst.h>

#include "rexian-media-player.h"
#include "rexian-test-peers.h"
#include "rexian-test-recording.h"

#define SPEECH "您好，我家楼下的路灯坏了一个星期，晚上出门很不安全，请尽快派人来修"
/* Generous: the machine may be busy with other builds and tests. */
#define WAIT_MS 20000

typedef struct
{
  char              *dir;
  char              *recording;
  double             seconds;
  RexianMediaPlayer *player;
  GError            *error;
  guint              n_eos;
  guint              n_position_notifies;
} Fixture;

static void
on_error (RexianMediaPlayer *player,
          GError            *error,
          Fixture           *fixture)
{
  g_clear_error (&fixture->error);
  fixture->error = g_error_copy (error);
}

static void
on_eos (RexianMediaPlayer *player,
        Fixture           *fixture)
{
  fixture->n_eos++;
}

static void
on_position (RexianMediaPlayer *player,
             GParamSpec        *pspec,
             Fixture           *fixture)
{
  fixture->n_position_notifies++;
}

static void
use_player (Fixture    *fixture,
            const char *path)
{
  fixture->player = rexian_media_player_new (path);
  g_signal_connect (fixture->player, "error", G_CALLBACK (on_error), fixture);
  g_signal_connect (fixture->player, "eos", G_CALLBACK (on_eos), fixture);
  g_signal_connect (fixture->player, "notify::position", G_CALLBACK (on_position), fixture);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = rexian_test_make_dir ("rexian-player");
  /* As a call's speaker in the tests: in time with the clock, but silent. */
  g_setenv ("REXIAN_AUDIO_SINK", "fakesink sync=true", TRUE);

  if (data != NULL)
    return;

  fixture->recording = rexian_test_make_recording (fixture->dir, "call.ogg", SPEECH,
                                                   &fixture->seconds);
  use_player (fixture, fixture->recording);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->player);
  g_clear_error (&fixture->error);
  rexian_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->recording);
}

static gboolean
has_duration (gpointer data)
{
  Fixture *fixture = data;

  return rexian_media_player_get_duration (fixture->player) >= 0 || fixture->error != NULL;
}

typedef struct
{
  Fixture *fixture;
  gint64   at_least;
} PositionWait;

static gboolean
position_reached (gpointer data)
{
  PositionWait *wait = data;

  return rexian_media_player_get_position (wait->fixture->player) >= wait->at_least
         || wait->fixture->error != NULL;
}

static void
wait_for_position (Fixture *fixture,
                   gint64   at_least)
{
  PositionWait wait = { fixture, at_least };

  g_assert_true (rexian_test_wait (position_reached, &wait, WAIT_MS));
  g_assert_no_error (fixture->error);
}

static gboolean
has_error (gpointer data)
{
  return ((Fixture *) data)->error != NULL;
}

static gboolean
has_ended (gpointer data)
{
  Fixture *fixture = data;

  return fixture->n_eos > 0 || fixture->error != NULL;
}

/* Play, pause, resume: the position moves only while playing. */
static void
test_play_pause (Fixture       *fixture,
                 gconstpointer  data)
{
  RexianMediaPlayer *player = fixture->player;
  gint64 paused_at, duration;
  guint notifies;

  g_assert_cmpint (rexian_media_player_get_state (player), ==, REXIAN_MEDIA_PLAYER_STOPPED);
  g_assert_cmpint (rexian_media_player_get_position (player), ==, 0);
  g_assert_cmpint (rexian_media_player_get_duration (player), ==, -1);

  rexian_media_player_play (player);
  g_assert_cmpint (rexian_media_player_get_state (player), ==, REXIAN_MEDIA_PLAYER_PLAYING);
  g_assert_true (rexian_test_wait (has_duration, fixture, WAIT_MS));
  g_assert_no_error (fixture->error);

  /* What the file holds, as sox measured the audio it was encoded from. */
  duration = rexian_media_player_get_duration (player);
  g_test_message ("duration %" G_GINT64_FORMAT " ms, sox %.3f s", duration, fixture->seconds);
  g_assert_cmpint (ABS (duration - (gint64) (fixture->seconds * 1000)), <, 100);

  notifies = fixture->n_position_notifies;
  wait_for_position (fixture, 1000);
  /* About four updates a second, not one per buffer and not one per second. */
  g_assert_cmpuint (fixture->n_position_notifies - notifies, >=, 2);
  g_assert_cmpuint (fixture->n_position_notifies - notifies, <=, 12);

  rexian_media_player_pause (player);
  g_assert_cmpint (rexian_media_player_get_state (player), ==, REXIAN_MEDIA_PLAYER_PAUSED);
  /* The pause reaches the pipeline on its worker thread: let it settle, then nothing
   * may move for a second. */
  rexian_test_run_for (300);
  paused_at = rexian_media_player_get_position (player);
  rexian_test_run_for (1000);
  g_assert_cmpint (rexian_media_player_get_position (player), ==, paused_at);
  g_assert_cmpint (paused_at, <, duration);

  /* Playing on continues from there, not from where the clock would be. */
  rexian_media_player_play (player);
  wait_for_position (fixture, paused_at + 500);
  g_assert_cmpint (rexian_media_player_get_position (player), <, paused_at + 1500);
  g_assert_cmpint (rexian_media_player_get_state (player), ==, REXIAN_MEDIA_PLAYER_PLAYING);

  rexian_media_player_stop (player);
  g_assert_cmpint (rexian_media_player_get_state (player), ==, REXIAN_MEDIA_PLAYER_STOPPED);
  g_assert_cmpint (rexian_media_player_get_position (player), ==, 0);
  g_assert_cmpuint (fixture->n_eos, ==, 0);
}

/* A seek before playing starts there; a seek while playing jumps there. */
static void
test_seek (Fixture       *fixture,
           gconstpointer  data)
{
  RexianMediaPlayer *player = fixture->player;
  gint64 middle = (gint64) (fixture->seconds * 500);

  rexian_media_player_seek (player, middle);
  g_assert_cmpint (rexian_media_player_get_state (player), ==, REXIAN_MEDIA_PLAYER_PAUSED);
  g_assert_cmpint (rexian_media_player_get_position (player), ==, middle);
  g_assert_true (rexian_test_wait (has_duration, fixture, WAIT_MS));
  g_assert_no_error (fixture->error);
  rexian_test_run_for (500);
  g_assert_cmpint (ABS (rexian_media_player_get_position (player) - middle), <, 50);

  rexian_media_player_play (player);
  wait_for_position (fixture, middle + 300);
  g_assert_cmpint (rexian_media_player_get_position (player), <, middle + 1500);

  /* Back to the first second while playing. */
  rexian_media_player_seek (player, 200);
  g_assert_cmpint (rexian_media_player_get_position (player), ==, 200);
  rexian_test_run_for (600);
  g_assert_cmpint (rexian_media_player_get_position (player), >=, 200);
  g_assert_cmpint (rexian_media_player_get_position (player), <, 1500);
  wait_for_position (fixture, 1200);
  g_assert_cmpint (rexian_media_player_get_state (player), ==, REXIAN_MEDIA_PLAYER_PLAYING);
}

/* The end stops the player at the start, ready to play again. */
static void
test_eos (Fixture       *fixture,
          gconstpointer  data)
{
  RexianMediaPlayer *player = fixture->player;
  gint64 near_end = (gint64) (fixture->seconds * 1000) - 600;

  rexian_media_player_seek (player, near_end);
  rexian_media_player_play (player);
  g_assert_true (rexian_test_wait (has_ended, fixture, WAIT_MS));
  g_assert_no_error (fixture->error);
  g_assert_cmpuint (fixture->n_eos, ==, 1);
  g_assert_cmpint (rexian_media_player_get_state (player), ==, REXIAN_MEDIA_PLAYER_STOPPED);
  g_assert_cmpint (rexian_media_player_get_position (player), ==, 0);

  rexian_media_player_play (player);
  wait_for_position (fixture, 500);
  g_assert_cmpint (rexian_media_player_get_state (player), ==, REXIAN_MEDIA_PLAYER_PLAYING);
}

/* What reaches the speaker is the recording: the caller's speech, in full, on the left. */
static void
test_audio (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *wav = g_build_filename (fixture->dir, "heard.wav", NULL);
  g_autofree char *sink = g_strdup_printf ("audioconvert ! audio/x-raw,format=S16LE ! wavenc "
                                           "! filesink location=\"%s\"", wav);
  double length, left_rms, right_rms;

  /* Written out as fast as it decodes: the file, not the clock, is under test. */
  g_setenv ("REXIAN_AUDIO_SINK", sink, TRUE);
  rexian_media_player_play (fixture->player);
  g_assert_true (rexian_test_wait (has_ended, fixture, WAIT_MS));
  g_assert_no_error (fixture->error);
  g_clear_object (&fixture->player);
  /* The file is closed by the worker that takes the pipeline down. */
  rexian_test_run_for (500);

  length = rexian_test_channel_stat (wav, "1", "Length (seconds):");
  left_rms = rexian_test_channel_stat (wav, "1", "RMS     amplitude:");
  right_rms = rexian_test_channel_stat (wav, "2", "RMS     amplitude:");
  g_test_message ("heard %.3f s of %.3f s, left RMS %.4f, right RMS %.5f",
                  length, fixture->seconds, left_rms, right_rms);
  g_assert_cmpfloat_with_epsilon (length, fixture->seconds, 0.1);
  g_assert_cmpfloat (left_rms, >, 0.02);
  g_assert_cmpfloat (right_rms, <, 0.001);
}

/* A recording that is gone says so, in words a user understands. */
static void
test_missing (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "deleted.ogg", NULL);

  use_player (fixture, path);
  rexian_media_player_play (fixture->player);
  g_assert_true (rexian_test_wait (has_error, fixture, WAIT_MS));
  g_assert_error (fixture->error, REXIAN_MEDIA_PLAYER_ERROR,
                  REXIAN_MEDIA_PLAYER_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (fixture->error->message, "cannot be found"));
  g_assert_nonnull (strstr (fixture->error->message, "deleted.ogg"));
  g_assert_cmpint (rexian_media_player_get_state (fixture->player), ==,
                   REXIAN_MEDIA_PLAYER_STOPPED);
  g_assert_cmpint (rexian_media_player_get_position (fixture->player), ==, 0);
}

/* A file that is not audio (a recording cut off while written, say). */
static void
test_damaged (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "damaged.ogg", NULL);

  rexian_test_write_file (fixture->dir, "damaged.ogg", "This is not a recording.\n");
  use_player (fixture, path);
  rexian_media_player_play (fixture->player);
  g_assert_true (rexian_test_wait (has_error, fixture, WAIT_MS));
  g_assert_error (fixture->error, REXIAN_MEDIA_PLAYER_ERROR, REXIAN_MEDIA_PLAYER_ERROR_DAMAGED);
  g_assert_cmpint (rexian_media_player_get_state (fixture->player), ==,
                   REXIAN_MEDIA_PLAYER_STOPPED);
}

int
main (int   argc,
      char *argv[])
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/media/player/play-pause", Fixture, NULL, fixture_set_up, test_play_pause,
              fixture_tear_down);
  g_test_add ("/media/player/seek", Fixture, NULL, fixture_set_up, test_seek,
              fixture_tear_down);
  g_test_add ("/media/player/eos", Fixture, NULL, fixture_set_up, test_eos,
              fixture_tear_down);
  g_test_add ("/media/player/audio", Fixture, NULL, fixture_set_up, test_audio,
              fixture_tear_down);
  g_test_add ("/media/player/missing", Fixture, "no recording", fixture_set_up, test_missing,
              fixture_tear_down);
  g_test_add ("/media/player/damaged", Fixture, "no recording", fixture_set_up, test_damaged,
              fixture_tear_down);

  return g_test_run ();
}
