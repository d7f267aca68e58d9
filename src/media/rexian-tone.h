/* rexian-tone.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  REXIAN_TONE_RING,      /* a call rings at this seat */
  REXIAN_TONE_RINGBACK,  /* a call this seat placed rings at the far end */
} RexianToneKind;

GType rexian_tone_kind_get_type (void);
#define REXIAN_TYPE_TONE_KIND (rexian_tone_kind_get_type ())

#define REXIAN_TYPE_TONE (rexian_tone_get_type ())

G_DECLARE_FINAL_TYPE (RexianTone, rexian_tone, REXIAN, TONE, GObject)

/* A cadenced tone played into the agent's speaker until stopped.
 *
 * RING is 800 Hz, 0.4 s on, 0.2 s off, 0.4 s on, 2 s off; RINGBACK is the Chinese
 * standard ringback (YD/T 1094): 450 Hz, 1 s on, 4 s off.  The speaker is the same as a
 * call's (rexian_media_dup_sink_description ()).
 *
 * Properties: "kind" (RexianToneKind, construct-only); "playing" (boolean, read-only). */
RexianTone     *rexian_tone_new         (RexianToneKind   kind);
RexianToneKind  rexian_tone_get_kind    (RexianTone      *self);
gboolean        rexian_tone_get_playing (RexianTone      *self);
/* Starts the tone from the beginning of its cadence; nothing happens when it already
 * plays.  A speaker that cannot be opened gives REXIAN_MEDIA_ERROR_NO_DEVICE. */
gboolean        rexian_tone_start       (RexianTone      *self,
                                         GError         **error);
/* Ends the tone and releases the speaker; harmless when it is not playing. */
void            rexian_tone_stop        (RexianTone      *self);

G_END_DECLS
