/* rexian-reply-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-store-phrases.h"
#include "rexian-reply-check.h"

#define TAG_NAME "rexian-forbidden-phrase"
#define WATCHED_KEY "rexian-reply-check-watched"

static GtkTextTag *
ensure_tag (GtkTextBuffer *buffer)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, TAG_NAME);

  if (tag == NULL)
    tag = gtk_text_buffer_create_tag (buffer, TAG_NAME,
                                      "underline", PANGO_UNDERLINE_ERROR,
                                      "background", "rgba(224, 27, 36, 0.25)",
                                      NULL);
  return tag;
}

static void
clear_highlights (GtkTextBuffer *buffer)
{
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, ensure_tag (buffer), &start, &end);
}

static char **
dup_forbidden (RexianStore *store)
{
  g_autoptr(GError) error = NULL;
  char **list = NULL;

  if (store != NULL)
    list = rexian_store_dup_forbidden_phrases (store, &error);

  /* The check is a rule of the standard: an unreadable list is no reason to skip it. */
  if (list == NULL)
    {
      if (error != NULL)
        g_warning ("The forbidden phrases could not be read: %s", error->message);
      list = g_strdupv ((char **) rexian_phrases_get_default_forbidden ());
    }

  return list;
}

gboolean
rexian_reply_check_view (RexianStore  *store,
                         GtkTextView  *view,
                         char        **out_message)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkTextIter end;
  g_autofree char *text = NULL;
  g_auto(GStrv) list = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autofree char *found = NULL;
  GtkTextTag *tag;

  g_return_val_if_fail (store == NULL || REXIAN_IS_STORE (store), FALSE);
  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), FALSE);
  g_return_val_if_fail (out_message != NULL && *out_message == NULL, FALSE);

  buffer = gtk_text_view_get_buffer (view);
  tag = ensure_tag (buffer);
  clear_highlights (buffer);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  list = dup_forbidden (store);
  matches = rexian_phrases_find_forbidden (text, (const char * const *) list);
  if (matches->len == 0)
    return TRUE;

  for (guint i = 0; i < matches->len; i++)
    {
      RexianPhraseMatch *match = g_ptr_array_index (matches, i);
      GtkTextIter from;
      GtkTextIter to;

      gtk_text_buffer_get_iter_at_offset (buffer, &from, match->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &to, match->end);
      gtk_text_buffer_apply_tag (buffer, tag, &from, &to);
    }

  /* The marks go as soon as the agent edits, so they never point at the wrong words. */
  if (g_object_get_data (G_OBJECT (buffer), WATCHED_KEY) == NULL)
    {
      g_object_set_data (G_OBJECT (buffer), WATCHED_KEY, GINT_TO_POINTER (TRUE));
      g_signal_connect (buffer, "changed", G_CALLBACK (clear_highlights), NULL);
    }

  found = rexian_phrases_join_found (matches);
  /* Translators: %s lists the phrases found, such as "不清楚、我觉得" (DB1405 5.1.4). */
  *out_message = g_strdup_printf (_("The reply contains phrases the service rules forbid: "
                                    "%s. Rephrase it before saving."),
                                  found);
  return FALSE;
}

guint
rexian_reply_check_count_highlights (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTag *tag = ensure_tag (buffer);
  GtkTextIter iter;
  guint count = 0;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  do
    {
      if (gtk_text_iter_starts_tag (&iter, tag))
        count++;
    }
  while (gtk_text_iter_forward_to_tag_toggle (&iter, tag));

  return count;
}
