/* test-phrases.c: the service phrases and the forbidden-phrase check.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "rexian-core.h"

static void
test_moment_names (void)
{
  for (int i = 0; i < REXIAN_N_PHRASE_MOMENTS; i++)
    {
      RexianPhraseMoment back = -1;

      g_assert_true (rexian_phrase_moment_from_string (rexian_phrase_moment_to_string (i),
                                                       &back));
      g_assert_cmpint (back, ==, i);
      g_assert_nonnull (rexian_phrase_get_default (i));
      g_assert_nonnull (rexian_phrase_moment_get_label (i));
    }

  g_assert_cmpstr (rexian_phrase_moment_to_string (REXIAN_PHRASE_GREETING), ==, "greeting");
  g_assert_cmpstr (rexian_phrase_moment_to_string (REXIAN_PHRASE_CONFIDENTIALITY), ==,
                   "confidentiality");
  g_assert_false (rexian_phrase_moment_from_string ("nonsense", NULL));
  g_assert_false (rexian_phrase_moment_from_string (NULL, NULL));
}

static void
test_format_caller (void)
{
  static const struct
  {
    const char *name;
    const char *title;
    const char *expected;
  } cases[] = {
    { "张晓红", "女士", "张女士" },
    { " 李四 ", "先生", "李先生" },
    { "欧阳娜", "女士", "欧阳女士" },
    { "王", "先生", "王先生" },
    { "张晓红", NULL, "张晓红" },
    { "", "女士", "女士" },
    { NULL, "先生", "先生" },
    { "Anna Schmidt", "女士", "Anna Schmidt女士" },
    { NULL, NULL, NULL },
    { "  ", "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = rexian_phrase_format_caller (cases[i].name, cases[i].title);

      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
check_fill (const char *phrase,
            const char *agent_no,
            const char *caller,
            const char *expected)
{
  g_autofree char *got = rexian_phrase_fill (phrase, agent_no, caller);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_fill (void)
{
  /* The defaults, filled as an agent reads them. */
  check_fill (rexian_phrase_get_default (REXIAN_PHRASE_GREETING), "1024", NULL,
              "您好，12345政务服务便民热线，我是1024号受理员，请问有什么可以帮您？");
  check_fill (rexian_phrase_get_default (REXIAN_PHRASE_ASK_NAME), "1024", "女士",
              "女士，请问您贵姓？");
  check_fill (rexian_phrase_get_default (REXIAN_PHRASE_CONFIDENTIALITY), "1024", "张女士",
              "张女士，请问这个问题您需要保密吗？");
  check_fill (rexian_phrase_get_default (REXIAN_PHRASE_VERIFY), "1024", "张女士",
              "您好，张女士，您反映的问题记录完毕，现向您核实一下好吗？");
  check_fill (rexian_phrase_get_default (REXIAN_PHRASE_CLOSING), "1024", "张女士",
              "感谢您的来电，请稍后对我的服务进行评价，再见。");

  /* Without a value the placeholder's clause goes, and the phrase still reads. */
  check_fill (rexian_phrase_get_default (REXIAN_PHRASE_GREETING), NULL, NULL,
              "您好，12345政务服务便民热线，请问有什么可以帮您？");
  check_fill (rexian_phrase_get_default (REXIAN_PHRASE_ASK_NAME), "1024", NULL,
              "请问您贵姓？");
  check_fill (rexian_phrase_get_default (REXIAN_PHRASE_VERIFY), "1024", "",
              "您好，您反映的问题记录完毕，现向您核实一下好吗？");
  check_fill (rexian_phrase_get_default (REXIAN_PHRASE_WAIT), "1024", NULL,
              "请稍等，正在为您查询。");
  check_fill ("对不起，{caller}？", NULL, NULL, "对不起？");
  check_fill ("{caller}", NULL, NULL, "");

  /* A supervisor's own wording: unknown braces stay, several placeholders work. */
  check_fill ("{caller}您好，我是{agent_no}号，{other}。", "7", "李先生",
              "李先生您好，我是7号，{other}。");
  check_fill ("没有占位符。", "7", "李先生", "没有占位符。");
  check_fill ("", "7", "李先生", "");
  check_fill ("未闭合{caller", "7", "李先生", "未闭合{caller");
}

static void
test_moments_apply (void)
{
  g_assert_true (rexian_phrase_moment_applies (REXIAN_PHRASE_CONFIDENTIALITY,
                                               REXIAN_REQUEST_COMPLAINT));
  g_assert_true (rexian_phrase_moment_applies (REXIAN_PHRASE_CONFIDENTIALITY,
                                               REXIAN_REQUEST_REPORT));
  g_assert_false (rexian_phrase_moment_applies (REXIAN_PHRASE_CONFIDENTIALITY,
                                                REXIAN_REQUEST_CONSULTATION));
  g_assert_false (rexian_phrase_moment_applies (REXIAN_PHRASE_CONFIDENTIALITY, -1));
  g_assert_true (rexian_phrase_moment_applies (REXIAN_PHRASE_GREETING, -1));

  /* A consultation skips the confidentiality question; a complaint asks it. */
  g_assert_cmpint (rexian_phrase_moment_next (REXIAN_PHRASE_ASK_NAME,
                                              REXIAN_REQUEST_CONSULTATION),
                   ==, REXIAN_PHRASE_VERIFY);
  g_assert_cmpint (rexian_phrase_moment_next (REXIAN_PHRASE_ASK_NAME,
                                              REXIAN_REQUEST_COMPLAINT),
                   ==, REXIAN_PHRASE_CONFIDENTIALITY);
  g_assert_cmpint (rexian_phrase_moment_next (REXIAN_PHRASE_GREETING, -1),
                   ==, REXIAN_PHRASE_ASK_NAME);
  g_assert_cmpint (rexian_phrase_moment_next (REXIAN_PHRASE_CLOSING, -1),
                   ==, REXIAN_PHRASE_CLOSING);

  /* The call's state picks the moment. */
  g_assert_cmpint (rexian_phrase_moment_for_call (REXIAN_PHRASE_CALL_RINGING,
                                                  REXIAN_PHRASE_VERIFY, -1, FALSE),
                   ==, REXIAN_PHRASE_GREETING);
  g_assert_cmpint (rexian_phrase_moment_for_call (REXIAN_PHRASE_CALL_HELD,
                                                  REXIAN_PHRASE_VERIFY, -1, TRUE),
                   ==, REXIAN_PHRASE_WAIT);
  g_assert_cmpint (rexian_phrase_moment_for_call (REXIAN_PHRASE_CALL_ENDED,
                                                  REXIAN_PHRASE_ASK_NAME, -1, FALSE),
                   ==, REXIAN_PHRASE_CLOSING);
  g_assert_cmpint (rexian_phrase_moment_for_call (REXIAN_PHRASE_CALL_ACTIVE,
                                                  REXIAN_PHRASE_ASK_NAME, -1, FALSE),
                   ==, REXIAN_PHRASE_ASK_NAME);
  /* Once the name is known there is nothing to ask. */
  g_assert_cmpint (rexian_phrase_moment_for_call (REXIAN_PHRASE_CALL_ACTIVE,
                                                  REXIAN_PHRASE_ASK_NAME,
                                                  REXIAN_REQUEST_REPORT, TRUE),
                   ==, REXIAN_PHRASE_CONFIDENTIALITY);
  /* The kind changed from complaint to consultation: the question no longer applies. */
  g_assert_cmpint (rexian_phrase_moment_for_call (REXIAN_PHRASE_CALL_ACTIVE,
                                                  REXIAN_PHRASE_CONFIDENTIALITY,
                                                  REXIAN_REQUEST_CONSULTATION, TRUE),
                   ==, REXIAN_PHRASE_VERIFY);
}

static void
check_found (const char *text,
             const char *joined,
             const int  *offsets,
             guint       n_matches)
{
  g_autoptr(GPtrArray) matches =
    rexian_phrases_find_forbidden (text, rexian_phrases_get_default_forbidden ());
  g_autofree char *got = rexian_phrases_join_found (matches);

  g_assert_cmpstr (got, ==, joined);
  g_assert_cmpuint (matches->len, ==, n_matches);
  for (guint i = 0; i < n_matches; i++)
    {
      RexianPhraseMatch *match = g_ptr_array_index (matches, i);

      g_assert_cmpint (match->start, ==, offsets[2 * i]);
      g_assert_cmpint (match->end, ==, offsets[2 * i + 1]);
    }
}

static void
test_forbidden (void)
{
  const char * const *defaults = rexian_phrases_get_default_forbidden ();
  const char * const custom[] = { "研究研究", "", NULL };
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) custom_found = NULL;

  /* The three DB1405 5.1.4 names are in the defaults. */
  g_assert_true (g_strv_contains (defaults, "不清楚"));
  g_assert_true (g_strv_contains (defaults, "应该是"));
  g_assert_true (g_strv_contains (defaults, "我觉得"));

  check_found ("这个问题我不清楚", "不清楚", (const int[]) { 5, 8 }, 1);
  check_found ("我觉得应该是下周，我觉得吧", "我觉得、应该是",
               (const int[]) { 0, 3, 3, 6, 9, 12 }, 3);
  check_found ("已转交住建局办理，答复如下。", "", NULL, 0);
  check_found ("", "", NULL, 0);

  none = rexian_phrases_find_forbidden (NULL, defaults);
  g_assert_cmpuint (none->len, ==, 0);

  /* An edited list: an empty entry matches nothing. */
  custom_found = rexian_phrases_find_forbidden ("我们研究研究再说", custom);
  g_assert_cmpuint (custom_found->len, ==, 1);
  g_assert_cmpint (((RexianPhraseMatch *) custom_found->pdata[0])->start, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/phrases/moment-names", test_moment_names);
  g_test_add_func ("/phrases/format-caller", test_format_caller);
  g_test_add_func ("/phrases/fill", test_fill);
  g_test_add_func ("/phrases/moments-apply", test_moments_apply);
  g_test_add_func ("/phrases/forbidden", test_forbidden);

  return g_test_run ();
}
