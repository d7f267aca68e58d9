/* rexian-media-codecs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rexian-media-private.h"

G_DEFINE_QUARK (rexian-media-error-quark, rexian_media_error)

/* Every codec we know, in order of preference: opus and G.722 are wideband and win when
 * the other side is a softphone; A-law before mu-law because Chinese trunks are A-law.
 * telephone-event has no elements of its own here: rtpdtmfsrc sends it. */
static const RexianCodecElements known_codecs[] = {
  { { 111, "opus", 48000, 2 }, "OPUS", 48000,
    "opusenc", "rtpopuspay", "rtpopusdepay", "opusdec" },
  /* RFC 3551 section 4.5.2: G.722 samples at 16 kHz but its RTP clock, and so its
   * rtpmap, says 8000, an error kept for compatibility. */
  { { 9, "G722", 8000, 1 }, "G722", 16000,
    "avenc_g722", "rtpg722pay", "rtpg722depay", "avdec_g722" },
  { { 8, "PCMA", 8000, 1 }, "PCMA", 8000,
    "alawenc", "rtppcmapay", "rtppcmadepay", "alawdec" },
  { { 0, "PCMU", 8000, 1 }, "PCMU", 8000,
    "mulawenc", "rtppcmupay", "rtppcmudepay", "mulawdec" },
};

static const RexianCodec telephone_event = { 101, "telephone-event", 8000, 1 };

void
rexian_media_ensure_gst_init (void)
{
  /* Callers (the SIP layer asking for codecs, tests) need not know that GStreamer must
   * be initialised first; gst_init_check() is cheap once done. */
  if (!gst_is_initialized ())
    gst_init_check (NULL, NULL, NULL);
}

static gboolean
factory_exists (const char *name)
{
  g_autoptr(GstElementFactory) factory = gst_element_factory_find (name);

  return factory != NULL;
}

static gboolean
codec_available (const RexianCodecElements *elements)
{
  return factory_exists (elements->encoder)
         && factory_exists (elements->payloader)
         && factory_exists (elements->depayloader)
         && factory_exists (elements->decoder);
}

const RexianCodec *
rexian_media_get_codecs (guint *n_codecs)
{
  static RexianCodec available[G_N_ELEMENTS (known_codecs) + 1];
  static gsize n_available;

  if (g_once_init_enter (&n_available))
    {
      gsize n = 0;

      rexian_media_ensure_gst_init ();
      for (guint i = 0; i < G_N_ELEMENTS (known_codecs); i++)
        if (codec_available (&known_codecs[i]))
          available[n++] = known_codecs[i].codec;

      if (factory_exists ("rtpdtmfsrc") && factory_exists ("rtpdtmfmux"))
        available[n++] = telephone_event;

      g_once_init_leave (&n_available, n);
    }

  if (n_codecs != NULL)
    *n_codecs = (guint) n_available;

  return available;
}

const RexianCodecElements *
rexian_media_codec_elements_lookup (const RexianCodec *codec)
{
  g_return_val_if_fail (codec != NULL && codec->encoding != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (known_codecs); i++)
    {
      const RexianCodecElements *elements = &known_codecs[i];

      /* SDP encoding names are case-insensitive (RFC 4566 section 6). */
      if (g_ascii_strcasecmp (elements->codec.encoding, codec->encoding) == 0
          && elements->codec.clock_rate == codec->clock_rate)
        return codec_available (elements) ? elements : NULL;
    }

  return NULL;
}

GstCaps *
rexian_media_codec_make_rtp_caps (const RexianCodec *codec,
                                  const char        *caps_encoding_name)
{
  return gst_caps_new_simple ("application/x-rtp",
                              "media", G_TYPE_STRING, "audio",
                              "clock-rate", G_TYPE_INT, codec->clock_rate,
                              "encoding-name", G_TYPE_STRING, caps_encoding_name,
                              "payload", G_TYPE_INT, codec->payload_type,
                              NULL);
}

GstElement *
rexian_media_make_element (const char  *factory,
                           const char  *name,
                           GError     **error)
{
  GstElement *element = gst_element_factory_make (factory, name);

  if (element == NULL)
    g_set_error (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_FAILED,
                 _("The GStreamer element “%s” is missing; check the GStreamer plugins."),
                 factory);

  return element;
}
