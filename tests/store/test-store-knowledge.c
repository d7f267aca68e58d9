/* test-store-knowledge.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rexian-store-knowledge-private.h"
#include "store-test-util.h"

/* The knowledge base on a real SQLite file: what an agent finds for what they type (one,
 * two, three and more Chinese characters, Latin, digits, and characters that are FTS5
 * syntax), the stale flags, answering an order from an article, the directory of service
 * points, import and export, and a second process's article found by the first. */

#define DAY G_GINT64_CONSTANT (86400)

typedef struct
{
  char        *dir;
  char        *path;
  RexianStore *store;
  gint64       category;     /* 劳动社保 */
  gint64       other_category; /* 城乡建设 */
  gint64       department;   /* 市人力资源和社会保障局 */
} Fixture;

static const struct
{
  const char *title;
  const char *body;
  gboolean    other;        /* in the other category, without a department */
} corpus[] = {
  { "个人所得税汇算清缴", "每年3月1日至6月30日办理个人所得税综合所得汇算。", FALSE },
  { "契税缴纳标准", "购买首套住房契税减按1%征收。", TRUE },
  { "社保卡补办", "社保卡丢失后可到银行网点补办，当场领卡。", FALSE },
  { "住房公积金提取条件", "办理公积金提取需要身份证和银行卡。", TRUE },
  { "医保缴费", "城乡居民医保每年缴费一次，社会保险费由税务部门征收。", FALSE },
  { "ETC办理", "高速公路ETC设备可在银行办理，etc卡可以充值。", FALSE },
  { "12345热线服务", "拨打12345反映问题，100% 答复，不收取费用。", FALSE },
  { "关于\"一件事\"办理", "出生一件事 AND 身后一件事 - 联办；NEAR(出生) 以及 a*b。", FALSE },
  { "租房提取", "租房可以提取公积金，按月到账。", TRUE },
};

static gint64
add_article (Fixture    *fixture,
             const char *title,
             const char *body,
             gboolean    other,
             gint64      now)
{
  g_autoptr(RexianArticle) draft = rexian_article_new ();
  g_autoptr(RexianArticle) stored = NULL;
  g_autoptr(GError) error = NULL;

  draft->title = g_strdup (title);
  draft->body = g_strdup (body);
  draft->category_id = other ? fixture->other_category : fixture->category;
  draft->department_id = other ? 0 : fixture->department;
  draft->source_document = g_strdup ("《政务服务便民热线知识库管理办法》");
  draft->document_number = g_strdup ("晋政办发〔2025〕8号");
  draft->reviewed_at = now;

  stored = rexian_store_create_article (fixture->store, draft, now, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->title, ==, title);
  g_assert_cmpstr (stored->category_name, ==, other ? "城乡建设" : "劳动社保");

  return stored->id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "rexian.db", NULL);
  fixture->store = test_open (fixture->path);

  fixture->category = rexian_store_add_category (fixture->store, "劳动社保", 5, &error);
  g_assert_no_error (error);
  fixture->other_category = rexian_store_add_category (fixture->store, "城乡建设", 5, &error);
  g_assert_no_error (error);
  fixture->department = rexian_store_add_department (fixture->store, "市人力资源和社会保障局",
                                                     "孙丽娟", "0356-2054567", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (corpus); i++)
    add_article (fixture, corpus[i].title, corpus[i].body, corpus[i].other,
                 test_now () - (G_N_ELEMENTS (corpus) - i) * 60);

  /* Searches that go to the short-term index (migration 7) without scanning first. */
  if (data != NULL)
    _rexian_store_knowledge_set_short_scan_budget (0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  _rexian_store_knowledge_set_short_scan_budget (-1);
  g_clear_object (&fixture->store);
  test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static GPtrArray *
search (Fixture                    *fixture,
        const char                 *text,
        gint64                      category_id,
        RexianKnowledgeSearchFlags  flags)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *articles;

  articles = rexian_store_search_articles (fixture->store, text, category_id, 0, flags, 0,
                                           test_now (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (articles);

  return articles;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The titles found, sorted and joined with "|", to compare with what must be found. */
static char *
found_titles (Fixture    *fixture,
              const char *text)
{
  g_autoptr(GPtrArray) articles = search (fixture, text, 0, 0);
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();

  for (guint i = 0; i < articles->len; i++)
    g_ptr_array_add (titles, ((RexianArticle *) g_ptr_array_index (articles, i))->title);
  g_ptr_array_sort (titles, compare_strings);
  g_ptr_array_add (titles, NULL);

  return g_strjoinv ("|", (char **) titles->pdata);
}

/* Every article whose title or body holds every term, the way a person reading them
 * would decide, sorted and joined like found_titles(). */
static char *
expected_titles (const char *text)
{
  g_auto(GStrv) terms = rexian_text_split_terms (text);
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (corpus); i++)
    {
      gboolean all = TRUE;

      for (guint t = 0; all && terms[t] != NULL; t++)
        {
          g_autofree char *title = g_ascii_strdown (corpus[i].title, -1);
          g_autofree char *body = g_ascii_strdown (corpus[i].body, -1);
          g_autofree char *term = g_ascii_strdown (terms[t], -1);

          all = strstr (title, term) != NULL || strstr (body, term) != NULL;
        }

      if (all)
        g_ptr_array_add (titles, (gpointer) corpus[i].title);
    }
  g_ptr_array_sort (titles, compare_strings);
  g_ptr_array_add (titles, NULL);

  return g_strjoinv ("|", (char **) titles->pdata);
}

static void
assert_finds (Fixture    *fixture,
              const char *text,
              guint       expected_count)
{
  g_autofree char *found = found_titles (fixture, text);
  g_autofree char *expected = expected_titles (text);
  g_auto(GStrv) parts = g_strsplit (expected, "|", -1);

  g_test_message ("“%s” found: %s", text, found);
  g_assert_cmpstr (found, ==, expected);
  g_assert_cmpuint (expected[0] == '\0' ? 0 : g_strv_length (parts), ==, expected_count);
}

static void
test_search_chinese (Fixture       *fixture,
                     gconstpointer  data)
{
  /* One character: every article with 税 in its title or body, and nothing else. */
  assert_finds (fixture, "税", 3);
  /* Two: 社保 is not 社会保险. */
  assert_finds (fixture, "社保", 1);
  assert_finds (fixture, "提取", 2);
  /* Three and more go through the trigram index. */
  assert_finds (fixture, "公积金", 2);
  assert_finds (fixture, "公积金提取", 1);
  assert_finds (fixture, "丢失后可到银行", 1);
  assert_finds (fixture, "个人所得税汇算", 1);
  /* Several terms: all must match, short and long mixed. */
  assert_finds (fixture, "公积金 身份证", 1);
  assert_finds (fixture, "租房\u3000公积金", 1);
  assert_finds (fixture, "税 医保", 1);
  assert_finds (fixture, "办理 银行", 2);
  assert_finds (fixture, "不存在的词语", 0);
  assert_finds (fixture, "鬼", 0);
}

static void
test_search_latin_and_digits (Fixture       *fixture,
                              gconstpointer  data)
{
  assert_finds (fixture, "etc", 1);
  assert_finds (fixture, "Et", 1);
  assert_finds (fixture, "ETC卡", 1);
  assert_finds (fixture, "12345", 1);
  assert_finds (fixture, "30", 1);
  assert_finds (fixture, "1%", 1);
  /* The LIKE wildcards are plain characters: "0%" is only in "100%". */
  assert_finds (fixture, "0%", 1);
  assert_finds (fixture, "_", 0);
  assert_finds (fixture, "%", 2);
}

static void
test_search_syntax (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *queries[] = {
    "\"", "\"\"", "\"一件事\"", "*", "a*b", "AND", "OR", "NOT", "-", "- 联办", "NEAR(出生)",
    "NEAR(", "税 OR 社保", "title:社保", "^社保", "(", ")", "'", "\\", "公积金\"", "{}", ":",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *found = found_titles (fixture, queries[i]);
      g_autofree char *expected = expected_titles (queries[i]);

      g_test_message ("“%s” found: %s", queries[i], found);
      g_assert_cmpstr (found, ==, expected);
    }

  /* Spot checks of what the rule above must mean. */
  assert_finds (fixture, "\"一件事\"", 1);
  assert_finds (fixture, "AND", 1);
  assert_finds (fixture, "a*b", 1);
  assert_finds (fixture, "税 OR 社保", 0);
}

static void
test_search_order_and_snippet (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) long_query = search (fixture, "公积金", 0, 0);
  g_autoptr(GPtrArray) short_query = search (fixture, "提取", 0, 0);
  g_autoptr(GPtrArray) recent = search (fixture, "", 0, 0);
  g_autoptr(GPtrArray) filtered = search (fixture, "提取", fixture->other_category, 0);
  g_autoptr(GPtrArray) none = search (fixture, "社保", fixture->other_category, 0);
  RexianArticle *first;
  g_autofree char *markup = NULL;

  /* The title weighs most. */
  first = g_ptr_array_index (long_query, 0);
  g_assert_cmpstr (first->title, ==, "住房公积金提取条件");
  g_assert_nonnull (strstr (first->snippet, "公积金"));

  /* Without the index, title matches come first too. */
  first = g_ptr_array_index (short_query, 0);
  g_assert_cmpstr (first->title, ==, "租房提取");
  g_assert_cmpstr (first->snippet, ==, "租房可以提取公积金，按月到账。");
  markup = rexian_text_highlight_markup (first->snippet, "提取", NULL, NULL);
  g_assert_cmpstr (markup, ==, "租房可以<b>提取</b>公积金，按月到账。");

  /* No query: the most recently updated first. */
  g_assert_cmpuint (recent->len, ==, G_N_ELEMENTS (corpus));
  first = g_ptr_array_index (recent, 0);
  g_assert_cmpstr (first->title, ==, corpus[G_N_ELEMENTS (corpus) - 1].title);

  g_assert_cmpuint (filtered->len, ==, 2);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_snippet_cut (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GPtrArray) found = NULL;
  RexianArticle *article;

  for (guint i = 0; i < 60; i++)
    g_string_append (body, "办理流程说明");
  g_string_append (body, "残疾人两项补贴");
  for (guint i = 0; i < 60; i++)
    g_string_append (body, "办理流程说明");
  add_article (fixture, "补贴政策", body->str, FALSE, test_now ());

  found = search (fixture, "残疾人", 0, 0);
  g_assert_cmpuint (found->len, ==, 1);
  article = g_ptr_array_index (found, 0);
  g_assert_true (g_str_has_prefix (article->snippet, "…"));
  g_assert_true (g_str_has_suffix (article->snippet, "…"));
  g_assert_nonnull (strstr (article->snippet, "残疾人两项补贴"));
  g_assert_cmpint (g_utf8_strlen (article->snippet, -1), <=, 82);
}

static void
test_update_and_delete (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) found = search (fixture, "社保卡补办", 0, 0);
  g_autoptr(RexianArticle) article = NULL;
  g_autoptr(RexianArticle) updated = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (found->len, ==, 1);
  article = rexian_article_copy (g_ptr_array_index (found, 0));
  g_free (article->title);
  article->title = g_strdup ("社会保障卡挂失");
  updated = rexian_store_update_article (fixture->store, article, test_now () + 10, &error);
  g_assert_no_error (error);
  g_assert_cmpint (updated->updated_at, ==, test_now () + 10);

  after = search (fixture, "挂失", 0, 0);
  g_assert_cmpuint (after->len, ==, 1);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = search (fixture, "社保卡补办", 0, 0);
  g_assert_cmpuint (after->len, ==, 0);

  rexian_store_delete_article (fixture->store, article->id, &error);
  g_assert_no_error (error);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = search (fixture, "挂失", 0, 0);
  g_assert_cmpuint (after->len, ==, 0);

  g_assert_null (rexian_store_get_article (fixture->store, article->id, &error));
  g_assert_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (rexian_store_update_article (fixture->store, article, 0, &error));
  g_assert_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_NOT_FOUND);
}

static void
test_short_index_changes (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) found = search (fixture, "领卡", 0, 0);
  g_autoptr(RexianArticle) article = NULL;
  g_autoptr(RexianArticle) updated = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (found->len, ==, 1);
  article = rexian_article_copy (g_ptr_array_index (found, 0));
  g_free (article->body);
  article->body = g_strdup ("挂失后到银行网点补卡");
  updated = rexian_store_update_article (fixture->store, article, 0, &error);
  g_assert_no_error (error);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = search (fixture, "领卡", 0, 0);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  /* The last character of the body: found thanks to the padding (银行卡, etc卡 too). */
  found = search (fixture, "补卡", 0, 0);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = search (fixture, "卡", 0, 0);
  g_assert_cmpuint (found->len, ==, 3);

  add_article (fixture, "龙", "", FALSE, test_now ());
  g_clear_pointer (&found, g_ptr_array_unref);
  found = search (fixture, "龙", 0, 0);
  g_assert_cmpuint (found->len, ==, 1);

  rexian_store_delete_article (fixture->store, article->id, &error);
  g_assert_no_error (error);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = search (fixture, "补卡", 0, 0);
  g_assert_cmpuint (found->len, ==, 0);
}

/* A scan that runs out of its budget is interrupted and kb_short answers instead. */
static void
test_short_index_budget (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("title,body\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (csv, "填充条目%u,与本测试无关的内容\n", i);
  bytes = g_string_free_to_bytes (g_steal_pointer (&csv));
  rexian_store_import_articles (fixture->store, REXIAN_KNOWLEDGE_FORMAT_CSV, bytes, 0, NULL,
                                &error);
  g_assert_no_error (error);

  _rexian_store_knowledge_set_short_scan_budget (1);
  assert_finds (fixture, "社保", 1);
  assert_finds (fixture, "税", 3);
  assert_finds (fixture, "鬼", 0);
  assert_finds (fixture, "Et", 1);
}

static void
test_stale (Fixture       *fixture,
            gconstpointer  data)
{
  gint64 now = test_now ();
  g_autoptr(RexianArticle) draft = rexian_article_new ();
  g_autoptr(RexianArticle) expired = NULL;
  g_autoptr(RexianArticle) old = NULL;
  g_autoptr(RexianArticle) future = NULL;
  g_autoptr(GPtrArray) stale = NULL;
  g_autoptr(GPtrArray) stale_search = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (rexian_store_get_knowledge_review_days (fixture->store), ==, 180);

  draft->title = g_strdup ("2025年义务教育招生政策");
  draft->expires_at = now - DAY;
  draft->reviewed_at = now - DAY;
  expired = rexian_store_create_article (fixture->store, draft, now - 30 * DAY, &error);
  g_assert_no_error (error);

  g_free (draft->title);
  draft->title = g_strdup ("灵活就业人员参加养老保险");
  draft->expires_at = 0;
  draft->reviewed_at = now - 200 * DAY;
  old = rexian_store_create_article (fixture->store, draft, now - 400 * DAY, &error);
  g_assert_no_error (error);

  g_free (draft->title);
  draft->title = g_strdup ("2027年医保缴费标准");
  draft->reviewed_at = now;
  draft->effective_from = now + 30 * DAY;
  future = rexian_store_create_article (fixture->store, draft, now, &error);
  g_assert_no_error (error);

  stale = rexian_store_list_stale_articles (fixture->store, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stale->len, ==, 3);
  g_assert_cmpint (((RexianArticle *) g_ptr_array_index (stale, 0))->id, ==, expired->id);
  g_assert_cmpint (rexian_article_get_staleness (g_ptr_array_index (stale, 1), now, 180), !=,
                   REXIAN_ARTICLE_FRESH);

  stale_search = search (fixture, "养老", 0, REXIAN_KNOWLEDGE_SEARCH_STALE_ONLY);
  g_assert_cmpuint (stale_search->len, ==, 1);

  /* Reviewed today: no longer due. */
  rexian_store_mark_article_reviewed (fixture->store, old->id, now, &error);
  g_assert_no_error (error);
  g_clear_pointer (&stale, g_ptr_array_unref);
  stale = rexian_store_list_stale_articles (fixture->store, now, &error);
  g_assert_cmpuint (stale->len, ==, 2);

  /* A period of one day flags, two days on, everything reviewed before then. */
  rexian_store_set_knowledge_review_days (fixture->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rexian_store_get_knowledge_review_days (fixture->store), ==, 1);
  g_clear_pointer (&stale, g_ptr_array_unref);
  stale = rexian_store_list_stale_articles (fixture->store, now + 2 * DAY, &error);
  g_assert_no_error (error);
  /* Every article: the corpus and the old one were reviewed two days before, the
   * expired one is expired and the future one is not in force yet. */
  g_assert_cmpuint (stale->len, ==, G_N_ELEMENTS (corpus) + 3);
}

static void
test_answer_article (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RexianWorkOrder) order = test_create (fixture->store, "咨询公积金提取", "13800001111",
                                                  test_now ());
  g_autoptr(GPtrArray) found = search (fixture, "公积金提取", 0, 0);
  g_autoptr(RexianWorkOrder) after = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  RexianArticle *article = g_ptr_array_index (found, 0);
  RexianOrderEvent *last;
  gint64 order_id = rexian_work_order_get_id (order);
  gint64 answered = -1;

  g_assert_true (rexian_store_set_order_answer_article (fixture->store, order_id, article->id,
                                                        0, test_now () + 60, &error));
  g_assert_no_error (error);
  rexian_store_get_order_answer_article (fixture->store, order_id, &answered, &error);
  g_assert_no_error (error);
  g_assert_cmpint (answered, ==, article->id);

  /* The timeline says so, and the open editor can still save. */
  events = rexian_store_list_events (fixture->store, order_id, &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpint (last->action, ==, REXIAN_ACTION_EDIT);
  g_assert_cmpstr (last->detail, ==, "Answered from article: 住房公积金提取条件");
  after = rexian_store_update_order (fixture->store, order, 0, NULL, test_now () + 120,
                                     &error);
  g_assert_no_error (error);

  /* A missing article or order is refused; deleting the article clears the link. */
  g_assert_false (rexian_store_set_order_answer_article (fixture->store, order_id, 999999, 0,
                                                         0, &error));
  g_assert_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (rexian_store_set_order_answer_article (fixture->store, 999999, article->id,
                                                         0, 0, &error));
  g_assert_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  rexian_store_delete_article (fixture->store, article->id, &error);
  g_assert_no_error (error);
  rexian_store_get_order_answer_article (fixture->store, order_id, &answered, &error);
  g_assert_no_error (error);
  g_assert_cmpint (answered, ==, 0);
}

static void
test_service_points (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RexianServicePoint) hall = rexian_service_point_new ();
  g_autoptr(RexianServicePoint) point = rexian_service_point_new ();
  g_autoptr(RexianServicePoint) stored = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  point->name = g_strdup ("凤台街道便民服务中心");
  point->kind = REXIAN_SERVICE_POINT_POINT;
  point->hours = g_strdup ("周一至周五 8:30-12:00");
  point->phone = g_strdup ("0356-2121234");
  point->id = rexian_store_create_service_point (fixture->store, point, &error);
  g_assert_no_error (error);

  hall->name = g_strdup ("晋城市政务服务中心");
  hall->kind = REXIAN_SERVICE_POINT_HALL;
  hall->address = g_strdup ("泽州路1988号");
  hall->department_id = fixture->department;
  hall->id = rexian_store_create_service_point (fixture->store, hall, &error);
  g_assert_no_error (error);

  all = rexian_store_list_service_points (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  /* Halls first. */
  stored = rexian_service_point_copy (g_ptr_array_index (all, 0));
  g_assert_cmpstr (stored->name, ==, "晋城市政务服务中心");
  g_assert_cmpstr (stored->department_name, ==, "市人力资源和社会保障局");

  found = rexian_store_list_service_points (fixture->store, "2121234", &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = rexian_store_list_service_points (fixture->store, "%", &error);
  g_assert_cmpuint (found->len, ==, 0);

  g_free (point->hours);
  point->hours = g_strdup ("全天24小时");
  g_assert_true (rexian_store_update_service_point (fixture->store, point, &error));
  g_clear_pointer (&stored, rexian_service_point_free);
  stored = rexian_store_get_service_point (fixture->store, point->id, &error);
  g_assert_cmpstr (stored->hours, ==, "全天24小时");

  g_assert_true (rexian_store_delete_service_point (fixture->store, point->id, &error));
  g_assert_null (rexian_store_get_service_point (fixture->store, point->id, &error));
  g_assert_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_NOT_FOUND);
}

/* Import and export */

static Fixture *
empty_copy (Fixture *fixture)
{
  Fixture *other = g_new0 (Fixture, 1);
  g_autoptr(GError) error = NULL;

  other->dir = test_make_dir ();
  other->path = g_build_filename (other->dir, "other.db", NULL);
  other->store = test_open (other->path);
  rexian_store_add_category (other->store, "城乡建设", 5, &error);
  rexian_store_add_category (other->store, "劳动社保", 5, &error);
  rexian_store_add_department (other->store, "市人力资源和社会保障局", "", "", &error);
  g_assert_no_error (error);

  return other;
}

static void
round_trip (Fixture               *fixture,
            RexianKnowledgeFormat  format)
{
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) points = NULL;
  g_autoptr(GBytes) points_again = NULL;
  g_autoptr(RexianServicePoint) point = rexian_service_point_new ();
  g_autoptr(GError) error = NULL;
  Fixture *other = empty_copy (fixture);
  guint count = 0;

  point->name = g_strdup ("社会保险服务大厅, 一楼");
  point->kind = REXIAN_SERVICE_POINT_HALL;
  point->note = g_strdup ("第一行\n第二行 \"引号\"");
  point->department_id = fixture->department;
  rexian_store_create_service_point (fixture->store, point, &error);
  g_assert_no_error (error);

  exported = rexian_store_export_articles (fixture->store, format, &error);
  g_assert_no_error (error);
  if (format == REXIAN_KNOWLEDGE_FORMAT_CSV)
    g_assert_true (memcmp (g_bytes_get_data (exported, NULL), "\xEF\xBB\xBFtitle,body,", 14)
                   == 0);

  g_assert_true (rexian_store_import_articles (other->store, format, exported, 0, &count,
                                               &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, G_N_ELEMENTS (corpus));

  again = rexian_store_export_articles (other->store, format, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (exported, again));

  /* Importing again updates by title instead of adding. */
  g_assert_true (rexian_store_import_articles (other->store, format, exported, 0, &count,
                                               &error));
  g_assert_cmpint (test_query_int (other->path, "SELECT count(*) FROM kb_articles"), ==,
                   G_N_ELEMENTS (corpus));

  points = rexian_store_export_service_points (fixture->store, format, &error);
  g_assert_no_error (error);
  g_assert_true (rexian_store_import_service_points (other->store, format, points, &count,
                                                     &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 1);
  points_again = rexian_store_export_service_points (other->store, format, &error);
  g_assert_true (g_bytes_equal (points, points_again));

  fixture_tear_down (other, NULL);
  g_free (other);
}

static void
test_round_trip_csv (Fixture       *fixture,
                     gconstpointer  data)
{
  round_trip (fixture, REXIAN_KNOWLEDGE_FORMAT_CSV);
}

static void
test_round_trip_json (Fixture       *fixture,
                      gconstpointer  data)
{
  round_trip (fixture, REXIAN_KNOWLEDGE_FORMAT_JSON);
}

static gboolean
import_text (Fixture                *fixture,
             RexianKnowledgeFormat   format,
             const char             *text,
             guint                  *out_count,
             GError                **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return rexian_store_import_articles (fixture->store, format, bytes, test_now (),
                                       out_count, error);
}

static void
test_import_csv (Fixture       *fixture,
                 gconstpointer  data)
{
  /* No byte order mark, LF line ends, a quoted comma, line break and quotes. */
  const char *csv =
    "title,category,body,expires_at\n"
    "\"高龄津贴申领\",劳动社保,\"年满80周岁,可申请；\n每月50元 \"\"按月发放\"\"\",2030-01-01\n"
    "居住证申领,,半年以上可申领,\n";
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  RexianArticle *article;
  guint count = 0;

  g_assert_true (import_text (fixture, REXIAN_KNOWLEDGE_FORMAT_CSV, csv, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 2);

  found = search (fixture, "高龄津贴", 0, 0);
  g_assert_cmpuint (found->len, ==, 1);
  article = g_ptr_array_index (found, 0);
  g_assert_cmpstr (article->body, ==, "年满80周岁,可申请；\n每月50元 \"按月发放\"");
  g_assert_cmpstr (article->category_name, ==, "劳动社保");
  {
    g_autoptr(GDateTime) expiry = g_date_time_new_from_unix_local (article->expires_at);

    g_assert_cmpint (g_date_time_get_year (expiry), ==, 2030);
    g_assert_cmpint (g_date_time_get_hour (expiry), ==, 0);
  }
}

static void
assert_import_fails (Fixture               *fixture,
                     RexianKnowledgeFormat  format,
                     const char            *text,
                     const char            *message_part)
{
  g_autoptr(GError) error = NULL;
  gint64 before = test_query_int (fixture->path, "SELECT count(*) FROM kb_articles");
  gint64 changed = test_query_int (fixture->path, "SELECT max(updated_at) FROM kb_articles");

  g_assert_false (import_text (fixture, format, text, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, message_part));
  g_assert_nonnull (strstr (error->message, "Nothing was imported."));
  g_assert_cmpint (test_query_int (fixture->path, "SELECT count(*) FROM kb_articles"), ==,
                   before);
  g_assert_cmpint (test_query_int (fixture->path, "SELECT max(updated_at) FROM kb_articles"),
                   ==, changed);
}

static void
test_import_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  /* The good rows before the bad one are not kept; the line counts the quoted break. */
  assert_import_fails (fixture, REXIAN_KNOWLEDGE_FORMAT_CSV,
                       "title,category\n新文章一,劳动社保\n\"新文章\n二\",劳动社保\n"
                       "个人所得税汇算清缴,不存在的类别\n",
                       "Line 5: there is no category named “不存在的类别”");
  assert_import_fails (fixture, REXIAN_KNOWLEDGE_FORMAT_CSV,
                       "title,expires_at\n新文章,2026-13-01\n",
                       "Line 2: expires_at “2026-13-01” is not a date");
  assert_import_fails (fixture, REXIAN_KNOWLEDGE_FORMAT_CSV,
                       "title,body\n新文章,正文,多余\n", "Line 2: 3 fields");
  assert_import_fails (fixture, REXIAN_KNOWLEDGE_FORMAT_CSV,
                       "title,bodi\n新文章,正文\n", "Line 1: unknown column “bodi”");
  assert_import_fails (fixture, REXIAN_KNOWLEDGE_FORMAT_CSV,
                       "title\n新文章\n\"没有结束的引号\n", "is not closed");
  assert_import_fails (fixture, REXIAN_KNOWLEDGE_FORMAT_CSV, "body\n正文\n",
                       "there is no “title” column");
  assert_import_fails (fixture, REXIAN_KNOWLEDGE_FORMAT_CSV, "title,body\n,正文\n",
                       "Line 2: the title is empty");
  assert_import_fails (fixture, REXIAN_KNOWLEDGE_FORMAT_JSON,
                       "[{\"title\": \"新文章\"}, {\"title\": \"新文章二\", "
                       "\"reviewed_at\": 20260101}]",
                       "Item 2: “reviewed_at” must be a string or null");
  assert_import_fails (fixture, REXIAN_KNOWLEDGE_FORMAT_JSON,
                       "[{\"title\": \"新文章\", \"department\": \"市公安局\"}]",
                       "Item 1: there is no department named “市公安局”");
  assert_import_fails (fixture, REXIAN_KNOWLEDGE_FORMAT_JSON, "{\"title\": \"x\"}",
                       "array of objects");
  assert_import_fails (fixture, REXIAN_KNOWLEDGE_FORMAT_JSON, "[{\"title\": ",
                       "not a JSON file");
}

static void
search_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = rexian_store_search_articles_finish (REXIAN_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
test_search_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  rexian_store_search_articles_async (fixture->store, "公积金", 0, 0, 0, 10, cancellable,
                                      search_done_cb, &found);
  while (found == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (found->len, ==, 2);
}

/* Two processes */

static void
changed_cb (RexianStore *store,
            gboolean    *changed)
{
  *changed = TRUE;
}

static void
test_two_processes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GPtrArray) before = search (fixture, "残疾人补贴", 0, 0);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  gboolean changed = FALSE;

  g_assert_cmpuint (before->len, ==, 0);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), &changed);

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, g_test_get_filename (
                              G_TEST_BUILT, "store", "test-store-knowledge", NULL),
                            "--write-article", fixture->path, "残疾人补贴申领", NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (child, NULL, &error);
  g_assert_no_error (error);

  /* The other seat's commit is noticed by polling, as in the application. */
  g_assert_true (test_wait_for (&changed, 30000));
  after = search (fixture, "残疾人补贴", 0, 0);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpstr (((RexianArticle *) g_ptr_array_index (after, 0))->title, ==,
                   "残疾人补贴申领");
}

static int
write_article_and_exit (const char *path,
                        const char *title)
{
  g_autoptr(RexianStore) store = test_open (path);
  g_autoptr(RexianArticle) draft = rexian_article_new ();
  g_autoptr(RexianArticle) stored = NULL;
  g_autoptr(GError) error = NULL;

  draft->title = g_strdup (title);
  draft->body = g_strdup ("持残疾人证到街道便民服务中心申请。");
  stored = rexian_store_create_article (store, draft, 0, &error);
  g_assert_no_error (error);

  return 0;
}

static void
test_sample (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sample.db", NULL);
  g_autoptr(RexianStore) store = test_open (path);
  g_autoptr(GPtrArray) stale = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rexian_store_seed_sample_data (store, test_now (), &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (path, "SELECT count(*) FROM kb_articles"), >=, 35);
  g_assert_cmpint (test_query_int (path, "SELECT count(*) FROM kb_articles "
                                         "WHERE category_id IS NULL"), ==, 0);

  stale = rexian_store_list_stale_articles (store, test_now (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stale->len, >=, 4);
  g_assert_cmpint (rexian_article_get_staleness (g_ptr_array_index (stale, 0), test_now (),
                                                 180), ==, REXIAN_ARTICLE_EXPIRED);

  points = rexian_store_list_service_points (store, NULL, &error);
  g_assert_cmpuint (points->len, >=, 10);
  found = rexian_store_search_articles (store, "公积金", 0, 0, 0, 0, test_now (), &error);
  g_assert_cmpuint (found->len, >=, 2);

  g_clear_object (&store);
  test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--write-article"))
    return write_article_and_exit (argv[2], argv[3]);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store/knowledge/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("search/chinese", test_search_chinese);
  ADD ("search/latin-and-digits", test_search_latin_and_digits);
  ADD ("search/syntax", test_search_syntax);
  ADD ("search/order-and-snippet", test_search_order_and_snippet);
  ADD ("search/snippet-cut", test_snippet_cut);
  ADD ("search/async", test_search_async);
  g_test_add ("/store/knowledge/short-index/chinese", Fixture, "indexed", fixture_set_up,
              test_search_chinese, fixture_tear_down);
  g_test_add ("/store/knowledge/short-index/latin-and-digits", Fixture, "indexed",
              fixture_set_up, test_search_latin_and_digits, fixture_tear_down);
  g_test_add ("/store/knowledge/short-index/syntax", Fixture, "indexed", fixture_set_up,
              test_search_syntax, fixture_tear_down);
  g_test_add ("/store/knowledge/short-index/changes", Fixture, "indexed", fixture_set_up,
              test_short_index_changes, fixture_tear_down);
  g_test_add ("/store/knowledge/short-index/budget", Fixture, "indexed", fixture_set_up,
              test_short_index_budget, fixture_tear_down);
  ADD ("update-and-delete", test_update_and_delete);
  ADD ("stale", test_stale);
  ADD ("answer-article", test_answer_article);
  ADD ("service-points", test_service_points);
  ADD ("io/round-trip-csv", test_round_trip_csv);
  ADD ("io/round-trip-json", test_round_trip_json);
  ADD ("io/import-csv", test_import_csv);
  ADD ("io/import-errors", test_import_errors);
  ADD ("two-processes", test_two_processes);
  g_test_add_func ("/store/knowledge/sample", test_sample);

#undef ADD

  return g_test_run ();
}
