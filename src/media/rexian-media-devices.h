/* rexian-media-devices.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The agent's microphone and speaker, for every call, recording player and tone of the
 * process.  Each is a gst-launch bin description ("pulsesrc device=…"); empty or NULL
 * means the automatic choice (autoaudiosrc, autoaudiosink).  The environment variables
 * REXIAN_AUDIO_SOURCE and REXIAN_AUDIO_SINK override both, for tests. */
void       rexian_media_set_default_source    (const char *description);
void       rexian_media_set_default_sink      (const char *description);
/* What a new pipeline uses now: the environment, else the default, else automatic. */
char      *rexian_media_dup_source_description (void);
char      *rexian_media_dup_sink_description   (void);

/* One audio device the system offers. */
typedef struct
{
  char *name;         /* for people: "Built-in Audio Analog Stereo" */
  char *description;  /* for rexian_media_set_default_source()/_sink() */
} RexianAudioDevice;

void       rexian_audio_device_free           (gpointer device);

/* The microphones (@sources TRUE) or speakers the system has now, as RexianAudioDevice;
 * empty when it has none or no sound server runs. */
GPtrArray *rexian_media_list_audio_devices    (gboolean    sources);

G_END_DECLS
