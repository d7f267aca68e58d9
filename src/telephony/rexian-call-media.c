/* rexian-call-media.c: a call's SDP and its media session, kept off the signalling
 * path: the session is prepared while the call rings and started once it is active.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include <sofia-sip/sdp.h>
#include <sofia-sip/sip_status.h>
#include <sofia-sip/soa_tag.h>
#include <sofia-sip/su_tag_io.h>
#include <sofia-sip/url.h>

#include "rexian-call.h"
#include "rexian-telephony-private.h"

/* Without a media build the call still signals; the SDP then names the discard port so
 * the far end has somewhere harmless to send. */
#define NO_MEDIA_PORT 9

char *
rexian_call_build_sdp (RexianCall *self)
{
  const char *address = rexian_phone_get_media_address (self->phone);
  g_autoptr(GString) sdp = g_string_new (NULL);
  g_autoptr(GString) formats = g_string_new (NULL);
  g_autoptr(GString) attributes = g_string_new (NULL);
  guint port = NO_MEDIA_PORT;

#ifdef REXIAN_HAVE_MEDIA
  const RexianCodec *codecs;
  guint n_codecs = 0;

  codecs = rexian_media_get_codecs (&n_codecs);
  if (self->media != NULL)
    port = rexian_media_session_get_local_port (self->media);

  for (guint i = 0; i < n_codecs; i++)
    {
      g_string_append_printf (formats, " %d", codecs[i].payload_type);
      g_string_append_printf (attributes, "a=rtpmap:%d %s/%d", codecs[i].payload_type,
                              codecs[i].encoding, codecs[i].clock_rate);
      if (codecs[i].channels > 1)
        g_string_append_printf (attributes, "/%d", codecs[i].channels);
      g_string_append (attributes, "\r\n");
      if (g_ascii_strcasecmp (codecs[i].encoding, "telephone-event") == 0)
        g_string_append_printf (attributes, "a=fmtp:%d 0-15\r\n", codecs[i].payload_type);
    }
#else
  g_string_append (formats, " 0 8 101");
  g_string_append (attributes,
                   "a=rtpmap:0 PCMU/8000\r\n"
                   "a=rtpmap:8 PCMA/8000\r\n"
                   "a=rtpmap:101 telephone-event/8000\r\n"
                   "a=fmtp:101 0-15\r\n");
#endif

  g_string_append_printf (sdp,
                          "v=0\r\n"
                          "o=- 0 0 IN IP4 %s\r\n"
                          "s=-\r\n"
                          "c=IN IP4 %s\r\n"
                          "t=0 0\r\n"
                          "m=audio %u RTP/AVP%s\r\n"
                          "%s",
                          address, address, port, formats->str, attributes->str);

  return g_string_free (g_steal_pointer (&sdp), FALSE);
}

#ifdef REXIAN_HAVE_MEDIA
static gboolean
prepare_media_cb (gpointer user_data)
{
  RexianCall *self = user_data;
  g_autoptr(GError) error = NULL;

  self->prepare_id = 0;

  /* Not fatal yet: start() prepares again once the remote end is known, and says so
   * if that fails too. */
  if (self->media != NULL && self->state != REXIAN_CALL_STATE_ENDED &&
      !rexian_media_session_prepare (self->media, &error))
    g_debug ("Early audio set-up for %s failed: %s", self->remote_uri, error->message);

  return G_SOURCE_REMOVE;
}

/* Tells the media session where the far end listens and which codec to use: the first
 * of ours (in our order of preference) that @sdp_text offers. */
static gboolean
apply_remote_sdp (RexianCall *self,
                  const char *sdp_text)
{
  sdp_parser_t *parser;
  sdp_session_t *session;
  const RexianCodec *codecs;
  guint n_codecs = 0;
  RexianCodec chosen = { 0 };
  int dtmf_pt = 0;
  const char *address = NULL;
  guint port = 0;

  if (self->media == NULL || sdp_text == NULL)
    return FALSE;

  parser = sdp_parse (NULL, sdp_text, strlen (sdp_text), 0);
  session = sdp_session (parser);
  codecs = rexian_media_get_codecs (&n_codecs);

  for (sdp_media_t *m = session != NULL ? session->sdp_media : NULL; m != NULL; m = m->m_next)
    {
      if (m->m_type != sdp_media_audio || m->m_port == 0)
        continue;

      port = m->m_port;
      if (m->m_connections != NULL && m->m_connections->c_address != NULL)
        address = m->m_connections->c_address;
      else if (session->sdp_connection != NULL)
        address = session->sdp_connection->c_address;

      for (guint i = 0; i < n_codecs && chosen.encoding == NULL; i++)
        {
          if (g_ascii_strcasecmp (codecs[i].encoding, "telephone-event") == 0)
            continue;
          for (sdp_rtpmap_t *rm = m->m_rtpmaps; rm != NULL; rm = rm->rm_next)
            if (rm->rm_encoding != NULL &&
                g_ascii_strcasecmp (rm->rm_encoding, codecs[i].encoding) == 0 &&
                (int) rm->rm_rate == codecs[i].clock_rate)
              {
                chosen = codecs[i];
                /* Dynamic payload types are the offerer's to number. */
                chosen.payload_type = rm->rm_pt;
                break;
              }
        }
      for (sdp_rtpmap_t *rm = m->m_rtpmaps; rm != NULL; rm = rm->rm_next)
        if (rm->rm_encoding != NULL &&
            g_ascii_strcasecmp (rm->rm_encoding, "telephone-event") == 0)
          dtmf_pt = rm->rm_pt;
      break;
    }

  if (chosen.encoding != NULL && address != NULL && port > 0 && port < 65535)
    {
      rexian_media_session_set_remote (self->media, address, port, &chosen, dtmf_pt);
      sdp_parser_free (parser);
      return TRUE;
    }

  sdp_parser_free (parser);
  return FALSE;
}
#endif

void
rexian_call_create_media (RexianCall  *self,
              const sip_t *sip)
{
#ifdef REXIAN_HAVE_MEDIA
  g_autoptr(GError) error = NULL;

  self->media = rexian_media_session_new (rexian_phone_get_media_address (self->phone),
                                          &error);
  if (self->media == NULL)
    {
      g_warning ("The call with %s goes on without audio: %s", self->remote_uri,
                 error->message);
      return;
    }

  /* An incoming INVITE carries the offer: the pipeline can be built for it already. */
  if (sip != NULL && sip->sip_payload != NULL && sip->sip_payload->pl_data != NULL)
    {
      g_autofree char *offer = g_strndup (sip->sip_payload->pl_data,
                                          sip->sip_payload->pl_len);
      apply_remote_sdp (self, offer);
    }

  /* The pipeline takes tens of milliseconds to build: do it after the 180 has gone. */
  self->prepare_id = g_idle_add (prepare_media_cb, self);
#endif
}

#ifdef REXIAN_HAVE_MEDIA
void
rexian_call_start_media (RexianCall *self)
{
  g_autoptr(GError) error = NULL;

  if (self->media == NULL || self->media_started)
    return;

  if (!apply_remote_sdp (self, self->remote_sdp))
    {
      g_warning ("No usable audio in the session with %s: the call goes on without audio",
                 self->remote_uri);
      return;
    }

  /* start() builds the pipeline itself when the early attempt has not run or failed. */
  g_clear_handle_id (&self->prepare_id, g_source_remove);
  if (!rexian_media_session_start (self->media, &error))
    {
      g_warning ("Cannot start the audio of the call with %s: %s", self->remote_uri,
                 error->message);
      return;
    }

  self->media_started = TRUE;
}
#endif

void
rexian_call_stop_media (RexianCall *self)
{
#ifdef REXIAN_HAVE_MEDIA
  g_autoptr(GError) error = NULL;
  g_autofree char *recording = NULL;

  g_clear_handle_id (&self->prepare_id, g_source_remove);

  if (self->media == NULL)
    return;

  recording = rexian_media_session_stop (self->media, &error);
  if (error != NULL && !g_error_matches (error, REXIAN_MEDIA_ERROR, REXIAN_MEDIA_ERROR_NO_AUDIO))
    g_warning ("Stopping the audio of %s: %s", self->remote_uri, error->message);
#endif
}
