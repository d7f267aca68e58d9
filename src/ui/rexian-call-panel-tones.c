/* rexian-call-panel-tones.c: the ring tone while a call rings at the seat, the ringback
 * while a call the seat placed rings at the far end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rexian-call-panel-private.h"

static void
play_tone (RexianCallPanel  *self,
           RexianTone      **tone,
           RexianToneKind    kind,
           gboolean          wanted)
{
  g_autoptr(GError) error = NULL;

  if (!wanted)
    {
      if (*tone != NULL)
        rexian_tone_stop (*tone);
      return;
    }

  if (*tone == NULL)
    *tone = rexian_tone_new (kind);
  if (rexian_tone_start (*tone, &error))
    return;

  /* A speaker that cannot be opened is said once, not at every ringing call. */
  if (!self->tone_error_said)
    _rexian_call_panel_say (self, error->message);
  self->tone_error_said = TRUE;
}

/* A call rings at this seat with no other call to talk in: the ring tone.  A call this
 * seat placed rings at the far end: the ringback.  Answering (or auto-answer) makes the
 * call current, so the ring stops at the click, before the caller's ACK. */
void
_rexian_call_panel_update_tones (RexianCallPanel *self,
                                 gboolean         ringing)
{
  gboolean ringing_out = FALSE;

  for (guint i = 0; i < self->entries->len; i++)
    {
      RexianCallEntry *entry = g_ptr_array_index (self->entries, i);

      ringing_out |= rexian_call_get_state (entry->call) == REXIAN_CALL_STATE_RINGING_OUT;
    }

  play_tone (self, &self->ring_tone, REXIAN_TONE_RING,
             ringing && !self->in_call && self->current == NULL);
  play_tone (self, &self->ringback_tone, REXIAN_TONE_RINGBACK, ringing_out);
}

void
_rexian_call_panel_tones_clear (RexianCallPanel *self)
{
  if (self->ring_tone != NULL)
    rexian_tone_stop (self->ring_tone);
  if (self->ringback_tone != NULL)
    rexian_tone_stop (self->ringback_tone);
  g_clear_object (&self->ring_tone);
  g_clear_object (&self->ringback_tone);
}
