/* test-article.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "test-util.h"

/* The knowledge base's domain rules: when an article is flagged, and how a query's
 * matches are found and highlighted for the agent. */

#define DAY G_GINT64_CONSTANT (86400)

static RexianArticle *
make_article (gint64 created,
              gint64 reviewed,
              gint64 effective,
              gint64 expires)
{
  RexianArticle *article = rexian_article_new ();

  article->title = g_strdup ("住房公积金提取条件");
  article->created_at = created;
  article->reviewed_at = reviewed;
  article->effective_from = effective;
  article->expires_at = expires;

  return article;
}

static void
test_staleness_review (void)
{
  gint64 now = test_local_time (2026, 6, 10, 10, 0, 0);
  g_autoptr(RexianArticle) fresh = make_article (now - 400 * DAY, now - 179 * DAY, 0, 0);
  g_autoptr(RexianArticle) due = make_article (now - 400 * DAY, now - 180 * DAY, 0, 0);
  g_autoptr(RexianArticle) never = make_article (now - 200 * DAY, 0, 0, 0);
  g_autoptr(RexianArticle) new_one = make_article (now - 10 * DAY, 0, 0, 0);

  g_assert_cmpint (rexian_article_get_staleness (fresh, now, 180), ==, REXIAN_ARTICLE_FRESH);
  /* Exactly the period: due, so a 180-day rule flags on day 180, not 181. */
  g_assert_cmpint (rexian_article_get_staleness (due, now, 180), ==,
                   REXIAN_ARTICLE_REVIEW_DUE);
  /* Never reviewed: counted from its creation. */
  g_assert_cmpint (rexian_article_get_staleness (never, now, 180), ==,
                   REXIAN_ARTICLE_REVIEW_DUE);
  g_assert_cmpint (rexian_article_get_staleness (new_one, now, 180), ==,
                   REXIAN_ARTICLE_FRESH);
  /* A period of 0 turns the review flag off. */
  g_assert_cmpint (rexian_article_get_staleness (due, now, 0), ==, REXIAN_ARTICLE_FRESH);
  g_assert_cmpstr (rexian_article_staleness_label (REXIAN_ARTICLE_REVIEW_DUE), ==,
                   "Review due");
  g_assert_null (rexian_article_staleness_label (REXIAN_ARTICLE_FRESH));
}

static void
test_staleness_dates (void)
{
  gint64 now = test_local_time (2026, 6, 10, 10, 0, 0);
  gint64 midnight = test_local_time (2026, 6, 10, 0, 0, 0);
  g_autoptr(RexianArticle) expired = make_article (now - DAY, now, 0, midnight);
  g_autoptr(RexianArticle) expiring = make_article (now - DAY, now, 0, midnight + DAY);
  g_autoptr(RexianArticle) future = make_article (now - DAY, now, midnight + DAY, 0);
  g_autoptr(RexianArticle) expired_and_due = make_article (now - 900 * DAY, 0, 0, now - DAY);

  g_assert_cmpint (rexian_article_get_staleness (expired, now, 180), ==,
                   REXIAN_ARTICLE_EXPIRED);
  /* The moment of expiry is already expired. */
  g_assert_cmpint (rexian_article_get_staleness (expired, midnight, 180), ==,
                   REXIAN_ARTICLE_EXPIRED);
  g_assert_cmpint (rexian_article_get_staleness (expired, midnight - 1, 180), ==,
                   REXIAN_ARTICLE_FRESH);
  g_assert_cmpint (rexian_article_get_staleness (expiring, now, 180), ==,
                   REXIAN_ARTICLE_FRESH);
  g_assert_cmpint (rexian_article_get_staleness (future, now, 180), ==,
                   REXIAN_ARTICLE_NOT_YET_EFFECTIVE);
  g_assert_cmpint (rexian_article_get_staleness (future, midnight + DAY, 180), ==,
                   REXIAN_ARTICLE_FRESH);
  /* Expired wins over review due: the agent must not answer from it at all. */
  g_assert_cmpint (rexian_article_get_staleness (expired_and_due, now, 180), ==,
                   REXIAN_ARTICLE_EXPIRED);
}

static void
test_copy (void)
{
  g_autoptr(RexianArticle) article = make_article (1, 2, 3, 4);
  g_autoptr(RexianArticle) copy = NULL;
  g_autoptr(RexianServicePoint) point = rexian_service_point_new ();
  g_autoptr(RexianServicePoint) point_copy = NULL;
  RexianServicePointKind kind;

  article->snippet = g_strdup ("…提取…");
  copy = rexian_article_copy (article);
  g_assert_cmpstr (copy->title, ==, article->title);
  g_assert_true (copy->title != article->title);
  g_assert_cmpstr (copy->snippet, ==, "…提取…");
  g_assert_cmpint (copy->expires_at, ==, 4);

  point->name = g_strdup ("晋城市政务服务中心");
  point->kind = REXIAN_SERVICE_POINT_HALL;
  point_copy = rexian_service_point_copy (point);
  g_assert_cmpstr (point_copy->name, ==, "晋城市政务服务中心");
  g_assert_cmpstr (rexian_service_point_kind_to_string (point_copy->kind), ==, "hall");
  g_assert_true (rexian_service_point_kind_from_string ("point", &kind));
  g_assert_cmpint (kind, ==, REXIAN_SERVICE_POINT_POINT);
  g_assert_false (rexian_service_point_kind_from_string ("大厅", &kind));
  g_assert_true (g_type_is_a (REXIAN_TYPE_ARTICLE, G_TYPE_BOXED));
}

static void
test_split_terms (void)
{
  g_auto(GStrv) terms = rexian_text_split_terms ("  公积金\u3000提取 \tETC  ");
  g_auto(GStrv) none = rexian_text_split_terms ("   ");
  g_auto(GStrv) null_terms = rexian_text_split_terms (NULL);

  g_assert_cmpuint (g_strv_length (terms), ==, 3);
  g_assert_cmpstr (terms[0], ==, "公积金");
  g_assert_cmpstr (terms[1], ==, "提取");
  g_assert_cmpstr (terms[2], ==, "ETC");
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_cmpuint (g_strv_length (null_terms), ==, 0);
}

static void
test_matches (void)
{
  const char *text = "ETC卡办理：etc 社保卡与社保";
  g_autoptr(GArray) latin = rexian_text_find_matches (text, "Etc");
  g_autoptr(GArray) cjk = rexian_text_find_matches (text, "社保");
  g_autoptr(GArray) merged = rexian_text_find_matches ("公积金提取", "公积 积金");
  g_autoptr(GArray) none = rexian_text_find_matches (text, "医保");
  g_autoptr(GArray) empty = rexian_text_find_matches (text, "");

  g_assert_cmpuint (latin->len, ==, 2);
  g_assert_cmpuint (g_array_index (latin, RexianTextRange, 0).start, ==, 0);
  g_assert_cmpuint (g_array_index (latin, RexianTextRange, 0).end, ==, 3);
  g_assert_cmpuint (cjk->len, ==, 2);
  g_assert_cmpuint (g_array_index (cjk, RexianTextRange, 1).end, ==, strlen (text));
  /* Overlapping terms become one range. */
  g_assert_cmpuint (merged->len, ==, 1);
  g_assert_cmpuint (g_array_index (merged, RexianTextRange, 0).start, ==, 0);
  g_assert_cmpuint (g_array_index (merged, RexianTextRange, 0).end, ==, strlen ("公积金"));
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (empty->len, ==, 0);
}

/* Pango markup is XML: the result must parse. */
static void
assert_well_formed (const char *markup)
{
  g_autofree char *document = g_strdup_printf ("<markup>%s</markup>", markup);
  GMarkupParser parser = { 0 };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL,
                                                                       NULL);
  g_autoptr(GError) error = NULL;

  if (g_markup_parse_context_parse (context, document, -1, &error))
    g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

static void
test_highlight (void)
{
  g_autofree char *plain = rexian_text_highlight_markup ("社保<卡>&补办", "社保", NULL, NULL);
  g_autofree char *escaped = rexian_text_highlight_markup ("A&B <b> a&b", "a&b", NULL, NULL);
  g_autofree char *span = rexian_text_highlight_markup ("12345热线", "热线", "<span>",
                                                        "</span>");
  g_autofree char *nothing = rexian_text_highlight_markup ("不动产登记", "", NULL, NULL);

  g_assert_cmpstr (plain, ==, "<b>社保</b>&lt;卡&gt;&amp;补办");
  g_assert_cmpstr (escaped, ==, "<b>A&amp;B</b> &lt;b&gt; <b>a&amp;b</b>");
  g_assert_cmpstr (span, ==, "12345<span>热线</span>");
  g_assert_cmpstr (nothing, ==, "不动产登记");
  assert_well_formed (plain);
  assert_well_formed (escaped);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/article/staleness/review", test_staleness_review);
  g_test_add_func ("/article/staleness/dates", test_staleness_dates);
  g_test_add_func ("/article/copy", test_copy);
  g_test_add_func ("/article/split-terms", test_split_terms);
  g_test_add_func ("/article/matches", test_matches);
  g_test_add_func ("/article/highlight", test_highlight);

  return g_test_run ();
}
