/* rexian-call-panel-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rexian-tone.h"
#include "rexian-call-panel.h"
#include "rexian-conference.h"

G_BEGIN_DECLS

/* GB/T 33358: calls are to be answered within 15 seconds of ringing. */
#define REXIAN_ANSWER_TARGET_SECONDS 15

typedef struct
{
  RexianCallPanel *panel;
  RexianCall      *call;
  /* The row in the ringing list, NULL once the call no longer rings. */
  GtkWidget       *row;
  GtkLabel        *number_label;
  GtkLabel        *countdown_label;
  GtkBox          *history_box;
  GtkButton       *answer_button;
  GtkButton       *decline_button;
  gulong           state_id;
  /* The answer is in the call log (or was refused there). */
  gboolean         answer_logged;
  /* Another seat answered first: hang up as soon as our answer has taken effect. */
  gboolean         taken_elsewhere;
} RexianCallEntry;

/* Shared with the tests, which drive the panel as an agent would. */
struct _RexianCallPanel
{
  GtkWidget        parent_instance;

  RexianPhone     *phone;
  RexianStore     *store;
  /* rexian-call-panel-tones.c: what the agent hears while calls ring. */
  RexianTone      *ring_tone;
  RexianTone      *ringback_tone;
  gboolean         tone_error_said;
  GSettings       *settings;
  gulong           incoming_id;
  /* RexianCallEntry, every call not yet ended, oldest first. */
  GPtrArray       *entries;
  /* The call in the bar, one of the entries; NULL when there is none. */
  RexianCallEntry *current;
  guint            tick_id;
  /* Whose seat this is, for the call log; 0 when not known. */
  gint64           agent_id;
  gboolean         in_call;

  /* Template children. */
  GtkRevealer     *phone_error_revealer;
  GtkLabel        *phone_error_label;
  GtkRevealer     *ringing_revealer;
  GtkListBox      *ringing_list;
  GtkRevealer     *call_revealer;
  GtkLabel        *call_number_label;
  GtkLabel        *call_time_label;
  GtkLabel        *recording_label;
  GtkToggleButton *mute_button;
  GtkButton       *hold_button;
  GtkMenuButton   *dialpad_button;
  GtkMenuButton   *transfer_button;
  GtkEntry        *transfer_entry;
  GtkButton       *hangup_button;

  /* The three-way call (rexian-call-panel-conference.c); NULL when there is none. */
  RexianConference *conference;
  gulong            conference_state_id;
  GtkLabel         *conference_label;
  GtkMenuButton    *conference_button;
  GtkEntry         *conference_entry;
  GtkButton        *join_button;
};

/* A 4×3 grid of the telephone keys; @callback gets each pressed key ('0'-'9', '*',
 * '#') as a gunichar. */
GtkWidget *_rexian_dial_pad_new (void     (*callback) (gpointer user_data, gunichar key),
                                 gpointer   user_data);

/* rexian-call-panel-conference.c: the three-way call in the call bar. */
void       _rexian_call_panel_conference_class_init (GtkWidgetClass  *widget_class);
/* Shows the conference's parties and buttons; called whenever the bar is updated. */
void       _rexian_call_panel_conference_update     (RexianCallPanel *self);
/* Mutes the agent in the conference's other call too. */
void       _rexian_call_panel_conference_set_mute   (RexianCallPanel *self,
                                                     gboolean         mute);
/* While the three are joined Hang Up ends both calls: TRUE when it did. */
gboolean   _rexian_call_panel_conference_hangup     (RexianCallPanel *self);
void       _rexian_call_panel_conference_clear      (RexianCallPanel *self);

/* rexian-call-panel.c: shows @message to the agent (the window's toast). */
void       _rexian_call_panel_say                   (RexianCallPanel *self,
                                                     const char      *message);

/* rexian-call-panel-tones.c */
void       _rexian_call_panel_update_tones          (RexianCallPanel *self,
                                                     gboolean         ringing);
void       _rexian_call_panel_tones_clear           (RexianCallPanel *self);

G_END_DECLS
