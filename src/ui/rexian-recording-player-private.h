/* rexian-recording-player-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rexian-media-player.h"
#include "rexian-recording-player.h"

G_BEGIN_DECLS

/* Shared with the tests, which press the button and read the labels as a user would. */
struct _RexianRecordingPlayer
{
  GtkWidget          parent_instance;

  char              *path;
  gint64             duration_hint;
  /* Made on the first Play or seek. */
  RexianMediaPlayer *player;
  GCancellable      *cancellable;
  guint              unmapped_idle_id;

  /* Template children. */
  GtkStack          *stack;
  GtkButton         *play_button;
  GtkScale          *scale;
  GtkAdjustment     *adjustment;
  GtkLabel          *time_label;
  GtkLabel          *message_label;
};

G_END_DECLS
