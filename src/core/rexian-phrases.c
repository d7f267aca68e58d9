/* rexian-phrases.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "rexian-phrases.h"

/* The defaults are the wording of GB/T 33358-2016 Appendix B, with its "**" blanks
 * turned into placeholders.  They are data, stored as they are in every language: an
 * agent reads them aloud to a Chinese-speaking caller. */
static const struct
{
  const char *id;
  const char *label;
  const char *phrase;
} moments[] = {
  /* "Hello, 12345 hotline, I am agent number {agent_no}, how can I help you?" */
  [REXIAN_PHRASE_GREETING] = { "greeting", N_("Greeting"),
    "您好，12345政务服务便民热线，我是{agent_no}号受理员，请问有什么可以帮您？" },
  /* "Sir / Madam, may I ask your surname?" */
  [REXIAN_PHRASE_ASK_NAME] = { "ask-name", N_("Asking the caller's name"),
    "{caller}，请问您贵姓？" },
  /* "Mr / Ms X, do you need this matter kept confidential?" */
  [REXIAN_PHRASE_CONFIDENTIALITY] = { "confidentiality", N_("Confidentiality"),
    "{caller}，请问这个问题您需要保密吗？" },
  /* "Hello Mr / Ms X, your matter is recorded; may I check it with you?" */
  [REXIAN_PHRASE_VERIFY] = { "verify", N_("Checking the record"),
    "您好，{caller}，您反映的问题记录完毕，现向您核实一下好吗？" },
  /* "Thank you for calling, please rate my service afterwards, goodbye." */
  [REXIAN_PHRASE_CLOSING] = { "closing", N_("Closing"),
    "感谢您的来电，请稍后对我的服务进行评价，再见。" },
  /* "One moment please, Mr / Ms X, I am looking it up for you." */
  [REXIAN_PHRASE_WAIT] = { "wait", N_("On hold"),
    "请稍等，{caller}，正在为您查询。" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (moments) == REXIAN_N_PHRASE_MOMENTS);

/* DB1405/T 086 5.1.4 names the first three; the rest are the same kind of vague answer
 * and can be removed by a supervisor. */
static const char * const default_forbidden[] = {
  "不清楚", "应该是", "我觉得", "可能是", "大概", "不知道", NULL
};

/* Two-character surnames, so that 欧阳娜 is addressed as 欧阳女士, not 欧女士. */
static const char * const compound_surnames[] = {
  "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐",
  "长孙", "宇文", "司徒", "夏侯", "端木", "申屠", "轩辕", "西门", "独孤", "南宫",
};

const char *
rexian_phrase_moment_to_string (RexianPhraseMoment moment)
{
  g_return_val_if_fail ((guint) moment < REXIAN_N_PHRASE_MOMENTS, NULL);

  return moments[moment].id;
}

gboolean
rexian_phrase_moment_from_string (const char         *str,
                                  RexianPhraseMoment *out_moment)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (moments); i++)
    {
      if (strcmp (str, moments[i].id) == 0)
        {
          if (out_moment != NULL)
            *out_moment = (RexianPhraseMoment) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
rexian_phrase_moment_get_label (RexianPhraseMoment moment)
{
  g_return_val_if_fail ((guint) moment < REXIAN_N_PHRASE_MOMENTS, NULL);

  return _(moments[moment].label);
}

const char *
rexian_phrase_get_default (RexianPhraseMoment moment)
{
  g_return_val_if_fail ((guint) moment < REXIAN_N_PHRASE_MOMENTS, NULL);

  return moments[moment].phrase;
}

static gboolean
starts_with_han (const char *text)
{
  return g_unichar_get_script (g_utf8_get_char (text)) == G_UNICODE_SCRIPT_HAN;
}

static char *
dup_surname (const char *name)
{
  glong length = g_utf8_strlen (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (compound_surnames); i++)
    {
      if (length >= 2 && g_str_has_prefix (name, compound_surnames[i]))
        return g_strdup (compound_surnames[i]);
    }

  return g_utf8_substring (name, 0, 1);
}

char *
rexian_phrase_format_caller (const char *name,
                             const char *title)
{
  g_autofree char *clean_name = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autofree char *clean_title = g_strstrip (g_strdup (title != NULL ? title : ""));

  if (*clean_name == '\0')
    return *clean_title != '\0' ? g_steal_pointer (&clean_title) : NULL;

  if (*clean_title == '\0')
    return g_steal_pointer (&clean_name);

  /* A Chinese name is addressed by the surname; a name in another script (a foreign
   * caller) is kept whole, since its surname cannot be told from its shape. */
  if (starts_with_han (clean_name))
    {
      g_autofree char *surname = dup_surname (clean_name);

      return g_strconcat (surname, clean_title, NULL);
    }

  return g_strconcat (clean_name, clean_title, NULL);
}

static gboolean
is_clause_mark (gunichar c)
{
  return c == ',' || c == '?' || c == '!' || c == ';' || c == ':'
         || c == 0xFF0C /* ， */ || c == 0x3002 /* 。 */ || c == 0xFF1F /* ？ */
         || c == 0xFF01 /* ！ */ || c == 0xFF1B /* ； */ || c == 0xFF1A /* ： */;
}

static gboolean
is_sentence_end (gunichar c)
{
  return c == '?' || c == '!'
         || c == 0x3002 /* 。 */ || c == 0xFF1F /* ？ */ || c == 0xFF01 /* ！ */;
}

static const char *
placeholder_value (const char *start,
                   gsize       length,
                   const char *agent_no,
                   const char *caller,
                   gboolean   *known)
{
  *known = TRUE;
  if (length == strlen ("{agent_no}") && strncmp (start, "{agent_no}", length) == 0)
    return agent_no;
  if (length == strlen ("{caller}") && strncmp (start, "{caller}", length) == 0)
    return caller;

  *known = FALSE;
  return NULL;
}

/* Appends one clause (which ends with its mark, or with the phrase) with its
 * placeholders replaced; FALSE when one of them has no value. */
static gboolean
append_clause (GString    *out,
               const char *clause,
               gsize       length,
               const char *agent_no,
               const char *caller)
{
  gsize mark = out->len;
  const char *p = clause;
  const char *end = clause + length;

  while (p < end)
    {
      const char *open = memchr (p, '{', end - p);
      const char *close = open != NULL ? memchr (open, '}', end - open) : NULL;
      const char *value;
      gboolean known;

      if (close == NULL)
        {
          g_string_append_len (out, p, end - p);
          break;
        }

      g_string_append_len (out, p, open - p);
      value = placeholder_value (open, close - open + 1, agent_no, caller, &known);
      if (!known)
        g_string_append_len (out, open, close - open + 1);
      else if (value != NULL && *value != '\0')
        g_string_append (out, value);
      else
        {
          g_string_truncate (out, mark);
          return FALSE;
        }
      p = close + 1;
    }

  return TRUE;
}

char *
rexian_phrase_fill (const char *phrase,
                    const char *agent_no,
                    const char *caller)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *clause = phrase;
  const char *p = phrase;

  g_return_val_if_fail (phrase != NULL, NULL);

  while (TRUE)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = *p != '\0' ? g_utf8_next_char (p) : p;

      if (*p == '\0' || is_clause_mark (c))
        {
          if (next > clause
              && !append_clause (out, clause, next - clause, agent_no, caller)
              && *p != '\0' && is_sentence_end (c) && g_str_has_suffix (out->str, "，"))
            {
              /* The dropped clause ended the sentence: its end mark replaces the comma
               * before it. */
              g_string_truncate (out, out->len - strlen ("，"));
              g_string_append_unichar (out, c);
            }
          clause = next;
        }

      if (*p == '\0')
        break;
      p = next;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
rexian_phrase_moment_applies (RexianPhraseMoment moment,
                              int                kind)
{
  /* GB/T 33358 asks about confidentiality when the caller complains about or reports
   * someone, who might otherwise learn who called. */
  if (moment == REXIAN_PHRASE_CONFIDENTIALITY)
    return kind == REXIAN_REQUEST_COMPLAINT || kind == REXIAN_REQUEST_REPORT;

  return (guint) moment < REXIAN_N_PHRASE_MOMENTS;
}

RexianPhraseMoment
rexian_phrase_moment_next (RexianPhraseMoment moment,
                           int                kind)
{
  /* Waiting is not a step of the sequence: after it the call goes on from the
   * greeting's successor. */
  if (moment >= REXIAN_PHRASE_CLOSING)
    return moment == REXIAN_PHRASE_WAIT ? REXIAN_PHRASE_ASK_NAME : REXIAN_PHRASE_CLOSING;

  for (int next = moment + 1; next <= REXIAN_PHRASE_CLOSING; next++)
    {
      if (rexian_phrase_moment_applies (next, kind))
        return next;
    }

  return REXIAN_PHRASE_CLOSING;
}

RexianPhraseMoment
rexian_phrase_moment_for_call (RexianPhraseCallState state,
                               RexianPhraseMoment    step,
                               int                   kind,
                               gboolean              caller_named)
{
  switch (state)
    {
    case REXIAN_PHRASE_CALL_RINGING:
      return REXIAN_PHRASE_GREETING;
    case REXIAN_PHRASE_CALL_HELD:
      return REXIAN_PHRASE_WAIT;
    case REXIAN_PHRASE_CALL_ENDED:
      return REXIAN_PHRASE_CLOSING;
    case REXIAN_PHRASE_CALL_ACTIVE:
    default:
      break;
    }

  if (step == REXIAN_PHRASE_WAIT)
    step = REXIAN_PHRASE_ASK_NAME;
  if (step == REXIAN_PHRASE_ASK_NAME && caller_named)
    step = rexian_phrase_moment_next (step, kind);
  if (!rexian_phrase_moment_applies (step, kind))
    step = rexian_phrase_moment_next (step, kind);

  return step;
}

const char * const *
rexian_phrases_get_default_forbidden (void)
{
  return default_forbidden;
}

void
rexian_phrase_match_free (RexianPhraseMatch *match)
{
  if (match == NULL)
    return;

  g_free (match->phrase);
  g_free (match);
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const RexianPhraseMatch *ma = *(RexianPhraseMatch * const *) a;
  const RexianPhraseMatch *mb = *(RexianPhraseMatch * const *) b;

  if (ma->start != mb->start)
    return ma->start < mb->start ? -1 : 1;

  /* The longer phrase first where two start together. */
  return mb->end - ma->end;
}

GPtrArray *
rexian_phrases_find_forbidden (const char         *text,
                               const char * const *list)
{
  GPtrArray *matches = g_ptr_array_new_with_free_func (
    (GDestroyNotify) rexian_phrase_match_free);

  if (text == NULL || list == NULL)
    return matches;

  for (guint i = 0; list[i] != NULL; i++)
    {
      const char *phrase = list[i];
      glong length = g_utf8_strlen (phrase, -1);
      const char *p = text;

      if (*phrase == '\0')
        continue;

      while ((p = strstr (p, phrase)) != NULL)
        {
          RexianPhraseMatch *match = g_new0 (RexianPhraseMatch, 1);

          match->phrase = g_strdup (phrase);
          match->start = (int) g_utf8_pointer_to_offset (text, p);
          match->end = match->start + (int) length;
          g_ptr_array_add (matches, match);
          p = g_utf8_next_char (p);
        }
    }

  g_ptr_array_sort (matches, compare_matches);
  return matches;
}

char *
rexian_phrases_join_found (GPtrArray *matches)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; matches != NULL && i < matches->len; i++)
    {
      RexianPhraseMatch *match = g_ptr_array_index (matches, i);

      if (!g_hash_table_add (seen, match->phrase))
        continue;
      if (out->len > 0)
        g_string_append (out, "、");
      g_string_append (out, match->phrase);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
