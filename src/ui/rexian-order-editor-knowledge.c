/* rexian-order-editor-knowledge.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Suggested articles in the intake form.  While the agent writes what the caller asks,
 * the knowledge base is searched for the key phrases of the text, and up to five
 * articles are offered under it.  Answering from one records which article answered the
 * order and, for an order in intake, closes it directly (直接办理) with the article as
 * the handling result.  For a stored order the group shows the article it was answered
 * from instead. */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-order-editor-private.h"
#include "rexian-store-knowledge.h"
#include "rexian-ui-util.h"

/* Searching on every key would be wasted on words still being typed. */
#define SUGGEST_DELAY_MS 400
#define SUGGEST_LIMIT 5
/* How many phrases of the text are looked up, the summary's first. */
#define SUGGEST_MAX_PHRASES 24
/* How much of the article goes into the handling result. */
#define ANSWER_MAX_CHARS 300

/* Characters that carry little meaning in a caller's request; a phrase made mostly of
 * them (我想问, 请问一) would match articles at random. */
static const char common_chars[] = "的了吗呢啊吧我你他她它们是在有和就都也要想问请一下"
                                   "个这那么怎什为能可以会没不还到说去给让被把对从很";

typedef struct
{
  RexianOrderEditor *self;
  guint              generation;
  GPtrArray         *phrases;
  guint              next;
  /* Article id → how many phrases found it, and the article itself. */
  GHashTable        *scores;
  GHashTable        *articles;
} Suggestion;

static void
suggestion_free (Suggestion *suggestion)
{
  g_object_unref (suggestion->self);
  g_ptr_array_unref (suggestion->phrases);
  g_hash_table_unref (suggestion->scores);
  g_hash_table_unref (suggestion->articles);
  g_free (suggestion);
}

static gboolean
is_common (gunichar c)
{
  for (const char *p = common_chars; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_utf8_get_char (p) == c)
        return TRUE;
    }

  return FALSE;
}

static void
add_phrase (GPtrArray  *phrases,
            const char *phrase)
{
  for (guint i = 0; i < phrases->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (phrases, i), phrase))
        return;
    }

  if (phrases->len < SUGGEST_MAX_PHRASES)
    g_ptr_array_add (phrases, g_strdup (phrase));
}

/* The key phrases of @text: every run of three Chinese characters (what the trigram
 * index finds fast) that is not mostly common words, and every Latin word or number of
 * three characters or more. */
static void
collect_phrases (GPtrArray  *phrases,
                 const char *text)
{
  g_autofree gunichar *chars = NULL;
  glong n = 0;
  glong i = 0;

  if (text == NULL)
    return;

  chars = g_utf8_to_ucs4_fast (text, -1, &n);
  while (i < n)
    {
      glong start = i;
      gboolean han = g_unichar_get_script (chars[i]) == G_UNICODE_SCRIPT_HAN;

      if (!han && !g_unichar_isalnum (chars[i]))
        {
          i++;
          continue;
        }

      /* A run of Han characters, or of letters and digits. */
      while (i < n && (han ? g_unichar_get_script (chars[i]) == G_UNICODE_SCRIPT_HAN
                           : (g_unichar_isalnum (chars[i])
                              && g_unichar_get_script (chars[i]) != G_UNICODE_SCRIPT_HAN)))
        i++;

      if (!han)
        {
          if (i - start >= 3)
            {
              g_autofree char *word = g_ucs4_to_utf8 (chars + start, i - start, NULL, NULL, NULL);

              add_phrase (phrases, word);
            }
          continue;
        }

      for (glong j = start; j + 3 <= i; j++)
        {
          g_autofree char *phrase = NULL;
          guint common = is_common (chars[j]) + is_common (chars[j + 1])
                         + is_common (chars[j + 2]);

          if (common >= 2)
            continue;

          phrase = g_ucs4_to_utf8 (chars + j, 3, NULL, NULL, NULL);
          add_phrase (phrases, phrase);
        }
    }
}

static void
clear_rows (RexianOrderEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestion_list))) != NULL)
    gtk_list_box_remove (self->suggestion_list, child);
}

static GtkWidget *
new_article_row (const RexianArticle *article)
{
  GtkWidget *row = adw_action_row_new ();
  const char *text = article->snippet != NULL ? article->snippet : article->body;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), article->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text != NULL ? text : "");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "article", rexian_article_copy (article),
                          rexian_article_free);

  return row;
}

static int
compare_scores (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  GHashTable *scores = user_data;
  const RexianArticle *article_a = *(RexianArticle **) a;
  const RexianArticle *article_b = *(RexianArticle **) b;
  int score_a = GPOINTER_TO_INT (g_hash_table_lookup (scores, &article_a->id));
  int score_b = GPOINTER_TO_INT (g_hash_table_lookup (scores, &article_b->id));

  if (score_a != score_b)
    return score_b - score_a;

  return article_b->updated_at < article_a->updated_at ? -1
         : article_b->updated_at > article_a->updated_at;
}

static void
show_suggestions (Suggestion *suggestion)
{
  RexianOrderEditor *self = suggestion->self;
  g_autoptr(GPtrArray) ranked = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, suggestion->articles);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (ranked, value);
  g_ptr_array_sort_with_data (ranked, compare_scores, suggestion->scores);

  clear_rows (self);
  for (guint i = 0; i < ranked->len && i < SUGGEST_LIMIT; i++)
    gtk_list_box_append (self->suggestion_list, new_article_row (g_ptr_array_index (ranked, i)));

  adw_preferences_group_set_title (self->suggestion_group, _("Suggested Articles"));
  adw_preferences_group_set_description (self->suggestion_group,
                                         _("From the knowledge base, for what the caller asks."));
  gtk_widget_set_visible (GTK_WIDGET (self->suggestion_group), ranked->len > 0);
}

static void search_next (Suggestion *suggestion);

static void
on_phrase_searched (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Suggestion *suggestion = user_data;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;

  articles = rexian_store_search_articles_finish (REXIAN_STORE (object), result, &error);

  /* The agent typed on meanwhile: a newer search is on its way. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || suggestion->generation != suggestion->self->suggestion_generation)
    {
      suggestion_free (suggestion);
      return;
    }

  for (guint i = 0; articles != NULL && i < articles->len; i++)
    {
      RexianArticle *article = g_ptr_array_index (articles, i);
      RexianArticle *known = g_hash_table_lookup (suggestion->articles, &article->id);
      int score;

      if (known == NULL)
        {
          known = rexian_article_copy (article);
          g_hash_table_insert (suggestion->articles, &known->id, known);
        }

      score = GPOINTER_TO_INT (g_hash_table_lookup (suggestion->scores, &known->id));
      g_hash_table_insert (suggestion->scores, &known->id, GINT_TO_POINTER (score + 1));
    }

  search_next (suggestion);
}

/* One phrase at a time, so a long request does not fill the store's worker queue. */
static void
search_next (Suggestion *suggestion)
{
  RexianOrderEditor *self = suggestion->self;

  if (suggestion->next >= suggestion->phrases->len)
    {
      show_suggestions (suggestion);
      self->suggestions_shown++;
      suggestion_free (suggestion);
      return;
    }

  rexian_store_search_articles_async (self->store,
                                      g_ptr_array_index (suggestion->phrases, suggestion->next++),
                                      0, 0, REXIAN_KNOWLEDGE_SEARCH_NONE, SUGGEST_LIMIT,
                                      self->suggestion_cancellable, on_phrase_searched,
                                      suggestion);
}

static gboolean
in_intake (RexianOrderEditor *self)
{
  return self->order == NULL
         || rexian_work_order_get_state (self->order) == REXIAN_STATE_INTAKE;
}

static void
suggest_now (RexianOrderEditor *self)
{
  g_autofree char *summary = rexian_editable_dup_text (GTK_EDITABLE (self->summary_row));
  g_autofree char *request = rexian_text_view_dup_text (self->request_view);
  Suggestion *suggestion;

  g_clear_handle_id (&self->suggestion_timeout_id, g_source_remove);
  g_cancellable_cancel (self->suggestion_cancellable);
  g_clear_object (&self->suggestion_cancellable);
  self->suggestion_generation++;

  if (self->store == NULL || !in_intake (self))
    return;

  suggestion = g_new0 (Suggestion, 1);
  suggestion->self = g_object_ref (self);
  suggestion->generation = self->suggestion_generation;
  suggestion->phrases = g_ptr_array_new_with_free_func (g_free);
  suggestion->scores = g_hash_table_new (g_int64_hash, g_int64_equal);
  suggestion->articles = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                rexian_article_free);
  collect_phrases (suggestion->phrases, summary);
  collect_phrases (suggestion->phrases, request);

  if (suggestion->phrases->len == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->suggestion_group), FALSE);
      suggestion_free (suggestion);
      return;
    }

  self->suggestion_cancellable = g_cancellable_new ();
  search_next (suggestion);
}

static gboolean
suggest_timeout (gpointer user_data)
{
  RexianOrderEditor *self = user_data;

  self->suggestion_timeout_id = 0;
  suggest_now (self);

  return G_SOURCE_REMOVE;
}

static void
on_text_changed (RexianOrderEditor *self)
{
  if (self->loading || !in_intake (self))
    return;

  g_clear_handle_id (&self->suggestion_timeout_id, g_source_remove);
  self->suggestion_timeout_id = g_timeout_add (SUGGEST_DELAY_MS, suggest_timeout, self);
}

/* Answering. */

static char *
answer_text (const RexianArticle *article)
{
  g_autoptr(GString) text = g_string_new (article->title);
  const char *body = article->body != NULL ? article->body : "";

  if (body[0] == '\0')
    return g_string_free (g_steal_pointer (&text), FALSE);

  g_string_append (text, "：");
  if (g_utf8_strlen (body, -1) > ANSWER_MAX_CHARS)
    {
      g_string_append_len (text, body, g_utf8_offset_to_pointer (body, ANSWER_MAX_CHARS) - body);
      g_string_append (text, "…");
    }
  else
    g_string_append (text, body);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
record_article (RexianOrderEditor *self,
                gint64             order_id,
                gint64             article_id)
{
  g_autoptr(GError) error = NULL;

  /* One row by key on the main connection; it leaves the order's version alone, so it
   * cannot get in the way of the close that follows. */
  if (!rexian_store_set_order_answer_article (self->store, order_id, article_id,
                                              self->agent_id, 0, &error))
    {
      _rexian_order_editor_show_message (self, error->message);
      return FALSE;
    }

  return TRUE;
}

static void
on_order_saved (RexianOrderEditor *self,
                RexianWorkOrder   *order)
{
  gint64 article_id = self->answer_article_id;

  if (article_id == 0)
    return;

  self->answer_article_id = 0;
  record_article (self, rexian_work_order_get_id (order), article_id);
}

static void
answer_from (RexianOrderEditor   *self,
             const RexianArticle *article)
{
  g_autofree char *answer = answer_text (article);
  g_autoptr(RexianTransitionInput) input = NULL;
  g_autofree char *text = NULL;
  const RexianTransition *transition;

  if (self->busy)
    return;

  if (self->order == NULL)
    {
      /* The form is not saved yet: the article is recorded once it is, then the order
       * closes directly, exactly as "Answer and Close" does with a typed answer. */
      rexian_text_view_set_text (self->answer_view, answer);
      self->answer_article_id = article->id;
      _rexian_order_editor_create (self, REXIAN_AFTER_CREATE_CLOSE);
      return;
    }

  if (!record_article (self, rexian_work_order_get_id (self->order), article->id))
    return;

  transition = rexian_lifecycle_lookup (REXIAN_ACTION_CLOSE_DIRECT);
  if (rexian_work_order_get_state (self->order) != REXIAN_STATE_INTAKE || transition == NULL)
    {
      text = g_strdup_printf (_("Recorded as answered from “%s”"), article->title);
      _rexian_order_editor_show_toast (self, text);
      return;
    }

  /* Any field the close needs besides the result is asked for in its dialog. */
  if ((transition->required & ~REXIAN_FIELD_HANDLING_RESULT) != 0)
    {
      _rexian_order_editor_open_dialog (self, REXIAN_ACTION_CLOSE_DIRECT);
      return;
    }

  input = rexian_transition_input_new ();
  input->handling_result = g_steal_pointer (&answer);
  _rexian_order_editor_apply (self, REXIAN_ACTION_CLOSE_DIRECT, input);
}

static void
on_article_response (AdwMessageDialog  *dialog,
                     const char        *response,
                     RexianOrderEditor *self)
{
  const RexianArticle *article = g_object_get_data (G_OBJECT (dialog), "article");

  if (g_strcmp0 (response, "answer") == 0 && article != NULL)
    answer_from (self, article);
}

static void
on_row_activated (RexianOrderEditor *self,
                  GtkListBoxRow     *row)
{
  const RexianArticle *article = g_object_get_data (G_OBJECT (row), "article");
  g_autoptr(GString) body = NULL;
  GtkWidget *dialog;

  if (article == NULL)
    return;

  body = g_string_new (article->body);
  if (article->source_document != NULL && article->source_document[0] != '\0')
    g_string_append_printf (body, "\n\n%s %s", article->source_document,
                            article->document_number != NULL ? article->document_number : "");

  dialog = adw_message_dialog_new (GTK_WINDOW (self), article->title, body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");

  /* A stored order past intake was answered already: the article is only read. */
  if (in_intake (self) && self->editable)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "answer",
                                       _("_Answer from This Article"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "answer",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "answer");
    }

  g_object_set_data_full (G_OBJECT (dialog), "article", rexian_article_copy (article),
                          rexian_article_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_article_response), self, 0);
  g_set_weak_pointer (&self->article_dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* For a stored order: the article it was answered from, if any. */
void
_rexian_order_editor_knowledge_update (RexianOrderEditor *self)
{
  g_autoptr(RexianArticle) article = NULL;
  gint64 article_id = 0;

  if (self->order == NULL || self->store == NULL)
    {
      clear_rows (self);
      gtk_widget_set_visible (GTK_WIDGET (self->suggestion_group), FALSE);
      return;
    }

  if (in_intake (self))
    {
      on_text_changed (self);
      return;
    }

  g_cancellable_cancel (self->suggestion_cancellable);
  clear_rows (self);
  if (rexian_store_get_order_answer_article (self->store, rexian_work_order_get_id (self->order),
                                             &article_id, NULL)
      && article_id != 0)
    article = rexian_store_get_article (self->store, article_id, NULL);

  if (article != NULL)
    {
      gtk_list_box_append (self->suggestion_list, new_article_row (article));
      adw_preferences_group_set_title (self->suggestion_group, _("Answered from Article"));
      adw_preferences_group_set_description (self->suggestion_group, NULL);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->suggestion_group), article != NULL);
}

void
_rexian_order_editor_knowledge_init (RexianOrderEditor *self)
{
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->request_view), "changed",
                            G_CALLBACK (on_text_changed), self);
  g_signal_connect_swapped (self->summary_row, "changed", G_CALLBACK (on_text_changed), self);
  g_signal_connect_swapped (self->suggestion_list, "row-activated",
                            G_CALLBACK (on_row_activated), self);
  g_signal_connect (self, "order-saved", G_CALLBACK (on_order_saved), NULL);
}

void
_rexian_order_editor_knowledge_dispose (RexianOrderEditor *self)
{
  g_cancellable_cancel (self->suggestion_cancellable);
  g_clear_object (&self->suggestion_cancellable);
  g_clear_handle_id (&self->suggestion_timeout_id, g_source_remove);
  g_clear_weak_pointer (&self->article_dialog);
}

/* Test hooks. */

guint
_rexian_order_editor_get_suggestions_shown (RexianOrderEditor *self)
{
  return self->suggestions_shown;
}

GPtrArray *
_rexian_order_editor_dup_suggested_titles (RexianOrderEditor *self)
{
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->suggestion_group)))
    return titles;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->suggestion_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      const RexianArticle *article = g_object_get_data (G_OBJECT (row), "article");

      if (article != NULL)
        g_ptr_array_add (titles, g_strdup (article->title));
    }

  return titles;
}

GtkWindow *
_rexian_order_editor_get_article_dialog (RexianOrderEditor *self)
{
  return self->article_dialog;
}
