/* rexian-article.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The knowledge base (知识库): articles agents answer from, and the directory of service
 * halls and points (DB1405 4.1.1).  Both are plain records owned by whoever holds them;
 * free with their _free() (usable as a GDestroyNotify for GPtrArray).  They are also
 * boxed types, so they fit in a GValue or a GtkListItem's item through a wrapper. */

/* One knowledge-base article.  Times are Unix seconds; 0 says "not set".
 *
 * effective_from: the article applies from this moment (0: always has).
 * expires_at:     the article no longer applies from this moment (0: never expires).
 * reviewed_at:    the last time someone confirmed it is still right (0: never; the
 *                 stale rule then counts from created_at). */
typedef struct
{
  gint64  id;
  char   *title;
  char   *body;
  gint64  category_id;      /* 0: none */
  char   *category_name;    /* joined for display; NULL when category_id is 0 */
  gint64  department_id;    /* the responsible department (承办单位); 0: none */
  char   *department_name;  /* joined for display; NULL when department_id is 0 */
  char   *source_document;  /* e.g. 《关于调整城乡居民基本医疗保险缴费标准的通知》 */
  char   *document_number;  /* e.g. 晋医保发〔2025〕12号 */
  gint64  effective_from;
  gint64  expires_at;
  gint64  reviewed_at;
  gint64  created_at;
  gint64  updated_at;
  /* Search results only: a plain-text excerpt of the body (or of the title when the body
   * has no match) around the first match, with "…" where it was cut; not markup.  Pass
   * it to rexian_text_highlight_markup() with the same query.  NULL elsewhere. */
  char   *snippet;
} RexianArticle;

/* Where an article stands at a given moment, in the order the rule checks them. */
typedef enum
{
  REXIAN_ARTICLE_FRESH,              /* in force and reviewed recently enough */
  REXIAN_ARTICLE_REVIEW_DUE,         /* not reviewed for the review period */
  REXIAN_ARTICLE_EXPIRED,            /* now >= expires_at */
  REXIAN_ARTICLE_NOT_YET_EFFECTIVE,  /* now < effective_from */
} RexianArticleStaleness;

/* A service hall (政务服务大厅) or a service point (便民服务点). */
typedef enum
{
  REXIAN_SERVICE_POINT_HALL,
  REXIAN_SERVICE_POINT_POINT,
} RexianServicePointKind;

typedef struct
{
  gint64                  id;
  char                   *name;
  RexianServicePointKind  kind;
  char                   *address;
  char                   *hours;            /* free text: 周一至周五 9:00-12:00 13:30-17:30 */
  char                   *phone;
  gint64                  department_id;    /* 0: none */
  char                   *department_name;  /* joined for display */
  char                   *note;
} RexianServicePoint;

/* A match of a query in a text: byte offsets, start inclusive, end exclusive. */
typedef struct
{
  gsize start;
  gsize end;
} RexianTextRange;

#define REXIAN_TYPE_ARTICLE (rexian_article_get_type ())
#define REXIAN_TYPE_SERVICE_POINT (rexian_service_point_get_type ())

GType                  rexian_article_get_type         (void) G_GNUC_CONST;
RexianArticle         *rexian_article_new              (void);
RexianArticle         *rexian_article_copy             (const RexianArticle *article);
void                   rexian_article_free             (gpointer             article);

/* The stale rule: NOT_YET_EFFECTIVE when @now is before effective_from; EXPIRED when
 * expires_at is set and @now is at or after it; REVIEW_DUE when @review_days is above 0
 * and at least @review_days days have passed since reviewed_at (or created_at when it
 * was never reviewed); FRESH otherwise. */
RexianArticleStaleness rexian_article_get_staleness    (const RexianArticle *article,
                                                        gint64               now,
                                                        guint                review_days);
/* A short translated label for a badge ("Review due", "Expired", "Not yet in force"),
 * or NULL for FRESH. */
const char            *rexian_article_staleness_label  (RexianArticleStaleness staleness);

GType                  rexian_service_point_get_type   (void) G_GNUC_CONST;
RexianServicePoint    *rexian_service_point_new        (void);
RexianServicePoint    *rexian_service_point_copy       (const RexianServicePoint *point);
void                   rexian_service_point_free       (gpointer             point);
/* "hall" / "point", as stored and in import files. */
const char            *rexian_service_point_kind_to_string (RexianServicePointKind kind);
gboolean               rexian_service_point_kind_from_string (const char             *text,
                                                              RexianServicePointKind *out_kind);
/* A translated label: "Service hall" / "Service point". */
const char            *rexian_service_point_kind_label (RexianServicePointKind kind);

/* Highlighting.  The query is split on white space into terms (as the store's search
 * does: every term must match); each occurrence of any term in @text is a match.
 * rexian_text_split_terms() gives the terms: split on spaces, tabs, line breaks and the
 * ideographic space (U+3000), empty ones dropped; none for NULL or invalid UTF-8.
 * Latin letters match without regard to case (ASCII case folding, so byte offsets stay
 * those of @text); CJK and every other character match exactly.  Overlapping or touching
 * matches are merged.  Returns an array of RexianTextRange in ascending order, empty
 * when nothing matches or the query is empty. */
GStrv                  rexian_text_split_terms         (const char *query);
GArray                *rexian_text_find_matches        (const char *text,
                                                        const char *query);
/* @text escaped for Pango markup with every match wrapped in @open_tag and @close_tag
 * (NULL for "<b>" and "</b>"); e.g. rexian_text_highlight_markup ("社保<卡>", "社保",
 * NULL, NULL) gives "<b>社保</b>&lt;卡&gt;". */
char                  *rexian_text_highlight_markup    (const char *text,
                                                        const char *query,
                                                        const char *open_tag,
                                                        const char *close_tag);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RexianArticle, rexian_article_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RexianServicePoint, rexian_service_point_free)

G_END_DECLS
