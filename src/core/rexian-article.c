/* rexian-article.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "rexian-article.h"

#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)

G_DEFINE_BOXED_TYPE (RexianArticle, rexian_article, rexian_article_copy, rexian_article_free)
G_DEFINE_BOXED_TYPE (RexianServicePoint, rexian_service_point, rexian_service_point_copy,
                     rexian_service_point_free)

RexianArticle *
rexian_article_new (void)
{
  return g_new0 (RexianArticle, 1);
}

RexianArticle *
rexian_article_copy (const RexianArticle *article)
{
  RexianArticle *copy;

  g_return_val_if_fail (article != NULL, NULL);

  copy = g_memdup2 (article, sizeof *article);
  copy->title = g_strdup (article->title);
  copy->body = g_strdup (article->body);
  copy->category_name = g_strdup (article->category_name);
  copy->department_name = g_strdup (article->department_name);
  copy->source_document = g_strdup (article->source_document);
  copy->document_number = g_strdup (article->document_number);
  copy->snippet = g_strdup (article->snippet);

  return copy;
}

void
rexian_article_free (gpointer article)
{
  RexianArticle *self = article;

  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self->body);
  g_free (self->category_name);
  g_free (self->department_name);
  g_free (self->source_document);
  g_free (self->document_number);
  g_free (self->snippet);
  g_free (self);
}

RexianArticleStaleness
rexian_article_get_staleness (const RexianArticle *article,
                              gint64               now,
                              guint                review_days)
{
  gint64 reviewed;

  g_return_val_if_fail (article != NULL, REXIAN_ARTICLE_FRESH);

  if (article->effective_from > 0 && now < article->effective_from)
    return REXIAN_ARTICLE_NOT_YET_EFFECTIVE;

  if (article->expires_at > 0 && now >= article->expires_at)
    return REXIAN_ARTICLE_EXPIRED;

  /* An article never reviewed was checked when it was written, so its period runs from
   * then rather than making every new article due at once. */
  reviewed = article->reviewed_at > 0 ? article->reviewed_at : article->created_at;
  if (review_days > 0 && now - reviewed >= (gint64) review_days * SECONDS_PER_DAY)
    return REXIAN_ARTICLE_REVIEW_DUE;

  return REXIAN_ARTICLE_FRESH;
}

const char *
rexian_article_staleness_label (RexianArticleStaleness staleness)
{
  switch (staleness)
    {
    case REXIAN_ARTICLE_FRESH:
      return NULL;
    case REXIAN_ARTICLE_REVIEW_DUE:
      return _("Review due");
    case REXIAN_ARTICLE_EXPIRED:
      return _("Expired");
    case REXIAN_ARTICLE_NOT_YET_EFFECTIVE:
      return _("Not yet in force");
    default:
      g_return_val_if_reached (NULL);
    }
}

RexianServicePoint *
rexian_service_point_new (void)
{
  return g_new0 (RexianServicePoint, 1);
}

RexianServicePoint *
rexian_service_point_copy (const RexianServicePoint *point)
{
  RexianServicePoint *copy;

  g_return_val_if_fail (point != NULL, NULL);

  copy = g_memdup2 (point, sizeof *point);
  copy->name = g_strdup (point->name);
  copy->address = g_strdup (point->address);
  copy->hours = g_strdup (point->hours);
  copy->phone = g_strdup (point->phone);
  copy->department_name = g_strdup (point->department_name);
  copy->note = g_strdup (point->note);

  return copy;
}

void
rexian_service_point_free (gpointer point)
{
  RexianServicePoint *self = point;

  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self->address);
  g_free (self->hours);
  g_free (self->phone);
  g_free (self->department_name);
  g_free (self->note);
  g_free (self);
}

const char *
rexian_service_point_kind_to_string (RexianServicePointKind kind)
{
  return kind == REXIAN_SERVICE_POINT_HALL ? "hall" : "point";
}

gboolean
rexian_service_point_kind_from_string (const char             *text,
                                       RexianServicePointKind *out_kind)
{
  if (g_strcmp0 (text, "hall") == 0)
    *out_kind = REXIAN_SERVICE_POINT_HALL;
  else if (g_strcmp0 (text, "point") == 0)
    *out_kind = REXIAN_SERVICE_POINT_POINT;
  else
    return FALSE;

  return TRUE;
}

const char *
rexian_service_point_kind_label (RexianServicePointKind kind)
{
  return kind == REXIAN_SERVICE_POINT_HALL ? _("Service hall") : _("Service point");
}

/* Highlighting */

GStrv
rexian_text_split_terms (const char *query)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *spaced = NULL;
  g_auto(GStrv) parts = NULL;

  if (query == NULL || !g_utf8_validate (query, -1, NULL))
    return g_strv_builder_end (builder);

  /* The ideographic space (U+3000) a Chinese input method types separates terms too;
   * it is turned into a plain space first because splitting works on bytes. */
  spaced = g_strjoinv (" ", (parts = g_strsplit (query, "\u3000", -1)));
  g_clear_pointer (&parts, g_strfreev);
  parts = g_strsplit_set (spaced, " \t\r\n", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const RexianTextRange *ra = a;
  const RexianTextRange *rb = b;

  if (ra->start != rb->start)
    return ra->start < rb->start ? -1 : 1;
  return ra->end < rb->end ? -1 : ra->end > rb->end;
}

GArray *
rexian_text_find_matches (const char *text,
                          const char *query)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (RexianTextRange));
  GArray *merged = g_array_new (FALSE, FALSE, sizeof (RexianTextRange));
  g_auto(GStrv) terms = NULL;
  gsize text_len;

  if (text == NULL || query == NULL)
    return merged;

  text_len = strlen (text);
  terms = rexian_text_split_terms (query);

  for (guint t = 0; terms[t] != NULL; t++)
    {
      gsize term_len = strlen (terms[t]);

      if (term_len > text_len)
        continue;

      /* A valid UTF-8 term starts with a lead byte, so a byte-wise match can only begin
       * on a character boundary; ASCII case folding leaves other bytes alone, which keeps
       * CJK exact and the offsets those of @text. */
      for (gsize i = 0; i + term_len <= text_len; i++)
        {
          if (g_ascii_strncasecmp (text + i, terms[t], term_len) == 0)
            {
              RexianTextRange range = { i, i + term_len };

              g_array_append_val (found, range);
              i += term_len - 1;
            }
        }
    }

  g_array_sort (found, compare_ranges);

  for (guint i = 0; i < found->len; i++)
    {
      RexianTextRange *range = &g_array_index (found, RexianTextRange, i);
      RexianTextRange *last = merged->len > 0
        ? &g_array_index (merged, RexianTextRange, merged->len - 1) : NULL;

      if (last != NULL && range->start <= last->end)
        last->end = MAX (last->end, range->end);
      else
        g_array_append_val (merged, *range);
    }

  return merged;
}

static void
append_escaped (GString    *out,
                const char *text,
                gsize       len)
{
  g_autofree char *escaped = g_markup_escape_text (text, (gssize) len);

  g_string_append (out, escaped);
}

char *
rexian_text_highlight_markup (const char *text,
                              const char *query,
                              const char *open_tag,
                              const char *close_tag)
{
  g_autoptr(GArray) ranges = NULL;
  GString *out;
  gsize pos = 0;

  if (text == NULL)
    return g_strdup ("");

  if (open_tag == NULL)
    open_tag = "<b>";
  if (close_tag == NULL)
    close_tag = "</b>";

  ranges = rexian_text_find_matches (text, query);
  out = g_string_sized_new (strlen (text) + 16);

  for (guint i = 0; i < ranges->len; i++)
    {
      const RexianTextRange *range = &g_array_index (ranges, RexianTextRange, i);

      append_escaped (out, text + pos, range->start - pos);
      g_string_append (out, open_tag);
      append_escaped (out, text + range->start, range->end - range->start);
      g_string_append (out, close_tag);
      pos = range->end;
    }

  append_escaped (out, text + pos, strlen (text + pos));

  return g_string_free (out, FALSE);
}
