/* rexian-knowledge-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The articles page of the knowledge base: search as the agent types, the results with
 * their matches highlighted, and the article read in a detail pane.  The service points
 * page, import and export are in rexian-knowledge-view-points.c. */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-article-dialog.h"
#include "rexian-knowledge-view-private.h"
#include "rexian-ui-util.h"

/* Long enough for a few more keys of a word, short enough to feel immediate. */
#define SEARCH_DELAY_MS 150
#define SEARCH_LIMIT 100
/* Matches are marked in a way that reads in light and dark styles alike. */
#define HIGHLIGHT_OPEN "<span weight=\"bold\" background=\"#f8e45c\" foreground=\"#000000\">"
#define HIGHLIGHT_CLOSE "</span>"

enum {
  SIGNAL_MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RexianKnowledgeView, rexian_knowledge_view, GTK_TYPE_WIDGET)

void
_rexian_knowledge_view_message (RexianKnowledgeView *self,
                                const char          *message)
{
  g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, message);
}

GtkWidget *
_rexian_knowledge_staleness_chip (RexianArticleStaleness staleness)
{
  const char *label = rexian_article_staleness_label (staleness);
  const char *css_class;
  GtkWidget *chip;

  switch (staleness)
    {
    case REXIAN_ARTICLE_REVIEW_DUE:
      css_class = "knowledge-review-due";
      break;
    case REXIAN_ARTICLE_EXPIRED:
      css_class = "knowledge-expired";
      break;
    case REXIAN_ARTICLE_NOT_YET_EFFECTIVE:
      css_class = "knowledge-not-yet";
      break;
    case REXIAN_ARTICLE_FRESH:
    default:
      return NULL;
    }

  chip = gtk_label_new (label);
  gtk_widget_add_css_class (chip, "knowledge-chip");
  gtk_widget_add_css_class (chip, css_class);
  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (chip), "chip-text", (gpointer) label);

  return chip;
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static char *
highlight (RexianKnowledgeView *self,
           const char          *text)
{
  return rexian_text_highlight_markup (text != NULL ? text : "", self->shown_query,
                                       HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE);
}

static gint64
selected_id (GtkDropDown *dropdown,
             GArray      *ids)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  if (ids == NULL || position == GTK_INVALID_LIST_POSITION || position >= ids->len)
    return 0;

  return g_array_index (ids, gint64, position);
}

/* The result list. */

static GtkWidget *
new_result_row (RexianKnowledgeView *self,
                const RexianArticle *article,
                gint64               now)
{
  g_autofree char *title = highlight (self, article->title);
  g_autofree char *snippet = highlight (self, article->snippet != NULL ? article->snippet
                                                                       : article->body);
  g_autoptr(GString) where = g_string_new (NULL);
  RexianArticleStaleness staleness;
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *line;
  GtkWidget *label;
  GtkWidget *chip;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), snippet);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  if (article->category_name != NULL)
    g_string_append (where, article->category_name);
  if (article->department_name != NULL)
    g_string_append_printf (where, "%s%s", where->len > 0 ? " · " : "", article->department_name);

  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), line);
  staleness = rexian_article_get_staleness (article, now, self->review_days);
  chip = _rexian_knowledge_staleness_chip (staleness);
  if (chip != NULL)
    gtk_box_append (GTK_BOX (line), chip);
  if (where->len > 0)
    {
      label = gtk_label_new (where->str);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (line), label);
    }
  gtk_widget_set_visible (line, gtk_widget_get_first_child (line) != NULL);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "article-id-boxed",
                          g_memdup2 (&article->id, sizeof article->id), g_free);
  g_object_set_data_full (G_OBJECT (row), "title-markup", g_steal_pointer (&title), g_free);

  return row;
}

static gint64
row_article_id (GtkListBoxRow *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "article-id-boxed");

  return id != NULL ? *id : 0;
}

/* What the result list shows, so that an unchanged answer leaves the list (and where
 * the agent scrolled it) alone. */
static char *
results_signature (RexianKnowledgeView *self,
                   GPtrArray           *articles)
{
  GString *signature = g_string_new (self->shown_query);

  g_string_append_printf (signature, "|%u|%" G_GINT64_FORMAT, self->review_days,
                          now_seconds () / 86400);
  for (guint i = 0; i < articles->len; i++)
    {
      RexianArticle *article = g_ptr_array_index (articles, i);

      g_string_append_printf (signature, "|%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                              article->id, article->updated_at);
    }

  return g_string_free (signature, FALSE);
}

static void
show_results (RexianKnowledgeView *self,
              GPtrArray           *articles)
{
  g_autofree char *signature = results_signature (self, articles);
  GtkWidget *child;
  gint64 now = now_seconds ();

  if (g_strcmp0 (signature, self->results_signature) == 0)
    return;
  g_free (self->results_signature);
  self->results_signature = g_steal_pointer (&signature);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->result_list))) != NULL)
    gtk_list_box_remove (self->result_list, child);

  for (guint i = 0; articles != NULL && i < articles->len; i++)
    {
      RexianArticle *article = g_ptr_array_index (articles, i);
      GtkWidget *row = new_result_row (self, article, now);

      gtk_list_box_append (self->result_list, row);
      if (self->shown != NULL && self->shown->id == article->id)
        gtk_list_box_select_row (self->result_list, GTK_LIST_BOX_ROW (row));
    }

  gtk_stack_set_visible_child_name (self->results_stack,
                                    articles != NULL && articles->len > 0 ? "list" : "empty");
}

typedef struct
{
  RexianKnowledgeView *self;
  guint                generation;
  char                *query;
} SearchData;

static void
search_data_free (SearchData *data)
{
  g_object_unref (data->self);
  g_free (data->query);
  g_free (data);
}

static void
on_search_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  SearchData *data = user_data;
  RexianKnowledgeView *self = data->self;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;

  articles = rexian_store_search_articles_finish (REXIAN_STORE (object), result, &error);

  /* An answer to a search the agent has already typed past is of no use. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || data->generation != self->search_generation)
    {
      search_data_free (data);
      return;
    }

  if (articles == NULL)
    _rexian_knowledge_view_message (self, error->message);
  else
    {
      g_free (self->shown_query);
      self->shown_query = g_steal_pointer (&data->query);
      show_results (self, articles);
    }

  self->searches_shown++;
  search_data_free (data);
}

void
_rexian_knowledge_view_search_now (RexianKnowledgeView *self)
{
  SearchData *data;
  RexianKnowledgeSearchFlags flags = REXIAN_KNOWLEDGE_SEARCH_NONE;
  const char *text;

  g_clear_handle_id (&self->search_timeout_id, g_source_remove);
  if (self->store == NULL)
    return;

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  self->search_cancellable = g_cancellable_new ();

  text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  if (gtk_toggle_button_get_active (self->flagged_toggle))
    flags |= REXIAN_KNOWLEDGE_SEARCH_STALE_ONLY;

  data = g_new0 (SearchData, 1);
  data->self = g_object_ref (self);
  data->generation = ++self->search_generation;
  data->query = g_strstrip (g_strdup (text));

  rexian_store_search_articles_async (self->store, data->query,
                                      selected_id (self->category_filter, self->category_ids),
                                      selected_id (self->department_filter,
                                                   self->department_ids),
                                      flags, SEARCH_LIMIT, self->search_cancellable,
                                      on_search_done, data);
}

static gboolean
search_timeout (gpointer user_data)
{
  RexianKnowledgeView *self = user_data;

  self->search_timeout_id = 0;
  _rexian_knowledge_view_search_now (self);

  return G_SOURCE_REMOVE;
}

static void
on_search_changed (RexianKnowledgeView *self)
{
  g_clear_handle_id (&self->search_timeout_id, g_source_remove);
  self->search_timeout_id = g_timeout_add (SEARCH_DELAY_MS, search_timeout, self);
}

static void
on_filters_changed (RexianKnowledgeView *self)
{
  if (!self->filling)
    _rexian_knowledge_view_search_now (self);
}

/* The detail pane. */

static void
add_field (RexianKnowledgeView *self,
           const char          *title,
           const char          *value)
{
  GtkWidget *row;

  if (value == NULL || value[0] == '\0')
    return;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  gtk_list_box_append (self->field_list, row);
}

static void
remove_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
      else
        gtk_box_remove (GTK_BOX (parent), child);
    }
}

static void
fill_detail (RexianKnowledgeView *self)
{
  const RexianArticle *article = self->shown;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *effective = NULL;
  g_autofree char *expires = NULL;
  g_autofree char *reviewed = NULL;
  g_autofree char *updated = NULL;
  GtkWidget *chip;

  remove_children (GTK_WIDGET (self->chip_box));
  remove_children (GTK_WIDGET (self->field_list));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "knowledge.edit", article != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "knowledge.mark-reviewed", article != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "knowledge.delete", article != NULL);

  if (article == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  title = highlight (self, article->title);
  body = highlight (self, article->body);
  gtk_label_set_markup (self->detail_title, title);
  gtk_label_set_markup (self->detail_body, body);

  chip = _rexian_knowledge_staleness_chip (rexian_article_get_staleness (article,
                                                                         now_seconds (),
                                                                         self->review_days));
  if (chip != NULL)
    gtk_box_append (self->chip_box, chip);
  gtk_widget_set_visible (GTK_WIDGET (self->chip_box), chip != NULL);

  effective = rexian_article_dialog_format_date (article->effective_from);
  expires = rexian_article_dialog_format_date (article->expires_at);
  reviewed = rexian_article_dialog_format_date (article->reviewed_at);
  updated = rexian_article_dialog_format_date (article->updated_at);

  add_field (self, _("Category"), article->category_name);
  add_field (self, _("Responsible department"), article->department_name);
  add_field (self, _("Source document"), article->source_document);
  add_field (self, _("Document number"), article->document_number);
  add_field (self, _("In force from"), effective);
  add_field (self, _("Expires on"), expires);
  add_field (self, _("Last reviewed on"), reviewed[0] != '\0' ? reviewed : _("Never"));
  add_field (self, _("Last changed on"), updated);

  gtk_stack_set_visible_child_name (self->detail_stack, "article");
}

void
_rexian_knowledge_view_show_article (RexianKnowledgeView *self,
                                     gint64               article_id)
{
  g_autoptr(GError) error = NULL;
  RexianArticle *article = NULL;

  /* One row by its key on the main connection: as quick as the list itself. */
  if (article_id != 0 && self->store != NULL)
    {
      article = rexian_store_get_article (self->store, article_id, &error);
      if (article == NULL && !g_error_matches (error, REXIAN_STORE_ERROR,
                                               REXIAN_STORE_ERROR_NOT_FOUND))
        _rexian_knowledge_view_message (self, error->message);
    }

  g_clear_pointer (&self->shown, rexian_article_free);
  self->shown = article;
  fill_detail (self);
}

static void
on_result_activated (RexianKnowledgeView *self,
                     GtkListBoxRow       *row)
{
  _rexian_knowledge_view_show_article (self, row_article_id (row));
  adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
}

static void
on_back_clicked (RexianKnowledgeView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static void
on_page_changed (RexianKnowledgeView *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->pages);
  gboolean points = g_strcmp0 (page, "points") == 0;

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->new_button),
                               points ? _("New Service Point") : _("New Article"));
  if (points)
    _rexian_knowledge_view_refresh_points (self);
}

static void
on_review_days_changed (RexianKnowledgeView *self)
{
  g_autoptr(GError) error = NULL;
  guint days = (guint) gtk_spin_button_get_value_as_int (self->review_days_spin);

  if (self->filling || self->store == NULL || days == self->review_days)
    return;

  if (!rexian_store_set_knowledge_review_days (self->store, days, &error))
    {
      _rexian_knowledge_view_message (self, error->message);
      return;
    }

  self->review_days = days;
  rexian_knowledge_view_refresh (self);
}

/* Actions. */

static void
on_delete_confirmed (AdwMessageDialog    *dialog,
                     const char          *response,
                     RexianKnowledgeView *self)
{
  DeleteFunc delete_func = g_object_get_data (G_OBJECT (dialog), "rexian-delete-func");
  gint64 *id = g_object_get_data (G_OBJECT (dialog), "rexian-delete-id");

  delete_func (self, *id);
}

static void
on_article_saved (RexianKnowledgeView *self,
                  gint64               article_id)
{
  _rexian_knowledge_view_show_article (self, article_id);
  _rexian_knowledge_view_search_now (self);
}

static void
open_article_dialog (RexianKnowledgeView *self,
                     const RexianArticle *article)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  RexianArticleDialog *dialog;

  dialog = rexian_article_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      self->store, article);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_article_saved), self,
                           G_CONNECT_SWAPPED);
  _rexian_knowledge_view_set_last_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RexianKnowledgeView *self = REXIAN_KNOWLEDGE_VIEW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "points") == 0)
    gtk_widget_activate_action (widget, "knowledge.edit-point", "x", (gint64) 0);
  else
    open_article_dialog (self, NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RexianKnowledgeView *self = REXIAN_KNOWLEDGE_VIEW (widget);

  if (self->shown != NULL)
    open_article_dialog (self, self->shown);
}

static void
mark_reviewed_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RexianKnowledgeView *self = REXIAN_KNOWLEDGE_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->shown == NULL)
    return;

  id = self->shown->id;
  if (!rexian_store_mark_article_reviewed (self->store, id, 0, &error))
    {
      _rexian_knowledge_view_message (self, error->message);
      return;
    }

  _rexian_knowledge_view_message (self, _("Marked as reviewed today"));
  _rexian_knowledge_view_show_article (self, id);
  _rexian_knowledge_view_search_now (self);
}

/* Deleting asks first: a slip of the pointer must not lose an article. */
void
_rexian_knowledge_view_confirm_delete (RexianKnowledgeView *self,
                                       const char          *heading,
                                       const char          *body,
                                       DeleteFunc           delete_func,
                                       gint64               id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "rexian-delete-func", delete_func);
  g_object_set_data_full (G_OBJECT (dialog), "rexian-delete-id", g_memdup2 (&id, sizeof id),
                          g_free);
  g_signal_connect_object (dialog, "response::delete", G_CALLBACK (on_delete_confirmed), self,
                           0);
  _rexian_knowledge_view_set_last_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_article (RexianKnowledgeView *self,
                gint64               id)
{
  g_autoptr(GError) error = NULL;

  if (!rexian_store_delete_article (self->store, id, &error))
    {
      _rexian_knowledge_view_message (self, error->message);
      return;
    }

  _rexian_knowledge_view_message (self, _("Article deleted"));
  _rexian_knowledge_view_show_article (self, 0);
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  _rexian_knowledge_view_search_now (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RexianKnowledgeView *self = REXIAN_KNOWLEDGE_VIEW (widget);
  g_autofree char *body = NULL;

  if (self->shown == NULL)
    return;

  body = g_strdup_printf (_("“%s” will be removed from the knowledge base. Orders answered "
                            "from it keep their answer."), self->shown->title);
  _rexian_knowledge_view_confirm_delete (self, _("Delete Article?"), body, delete_article,
                                         self->shown->id);
}

/* Filters. */

static void
fill_filter (GtkDropDown *dropdown,
             GArray      *ids,
             const char  *any,
             GPtrArray   *records,
             gboolean     departments)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;

  g_array_set_size (ids, 0);
  gtk_string_list_append (names, any);
  g_array_append_val (ids, none);
  rexian_article_dialog_append_names (names, ids, records, departments, 0);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
}

static void
fill_filters (RexianKnowledgeView *self)
{
  g_autoptr(GPtrArray) categories = rexian_store_list_categories (self->store, NULL);
  g_autoptr(GPtrArray) departments = rexian_store_list_departments (self->store, NULL);

  self->filling = TRUE;
  fill_filter (self->category_filter, self->category_ids, _("Any category"), categories, FALSE);
  fill_filter (self->department_filter, self->department_ids, _("Any department"), departments,
               TRUE);
  self->filling = FALSE;
}

static void
on_store_changed (RexianKnowledgeView *self)
{
  /* Other seats write all day; a view nobody looks at catches up when it is shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->needs_refresh = TRUE;
      return;
    }

  /* Another seat may have changed or deleted the article being read. */
  if (self->shown != NULL)
    _rexian_knowledge_view_show_article (self, self->shown->id);
  rexian_knowledge_view_refresh (self);
}

static void
rexian_knowledge_view_map (GtkWidget *widget)
{
  RexianKnowledgeView *self = REXIAN_KNOWLEDGE_VIEW (widget);

  GTK_WIDGET_CLASS (rexian_knowledge_view_parent_class)->map (widget);

  if (self->needs_refresh)
    {
      self->needs_refresh = FALSE;
      on_store_changed (self);
    }
}

static void
rexian_knowledge_view_dispose (GObject *object)
{
  RexianKnowledgeView *self = REXIAN_KNOWLEDGE_VIEW (object);

  g_cancellable_cancel (self->search_cancellable);
  g_clear_handle_id (&self->search_timeout_id, g_source_remove);
  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_weak_pointer (&self->last_dialog);
  rexian_widget_dispose_template (GTK_WIDGET (self), REXIAN_TYPE_KNOWLEDGE_VIEW);

  G_OBJECT_CLASS (rexian_knowledge_view_parent_class)->dispose (object);
}

static void
rexian_knowledge_view_finalize (GObject *object)
{
  RexianKnowledgeView *self = REXIAN_KNOWLEDGE_VIEW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->search_cancellable);
  g_clear_pointer (&self->shown_query, g_free);
  g_clear_pointer (&self->results_signature, g_free);
  g_clear_pointer (&self->shown, rexian_article_free);
  g_clear_pointer (&self->category_ids, g_array_unref);
  g_clear_pointer (&self->department_ids, g_array_unref);

  G_OBJECT_CLASS (rexian_knowledge_view_parent_class)->finalize (object);
}

static void
rexian_knowledge_view_class_init (RexianKnowledgeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rexian_knowledge_view_dispose;
  object_class->finalize = rexian_knowledge_view_finalize;
  widget_class->map = rexian_knowledge_view_map;

  /**
   * RexianKnowledgeView::message:
   * @message: the text for the agent
   *
   * Emitted with the outcome of an import or export, or why a change failed.
   */
  signals[SIGNAL_MESSAGE] =
    g_signal_new ("message",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "knowledgeview");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rexian/Rexian/rexian-knowledge-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RexianKnowledgeView, switcher);
  gtk_widget_class_bind_template_child (widget_class, RexianKnowledgeView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, RexianKnowledgeView, new_button);
  gtk_widget_class_bind_template_child (widget_class, RexianKnowledgeView, review_days_spin);
  gtk_widget_class_bind_template_child (widget_class, RexianKnowledgeView, pages);
  gtk_widget_class_bind_template_child (widget_class, RexianKnowledgeView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RexianKnowledgeView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, RexianKnowledgeView, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, RexianKnowledgeView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RexianKnowledgeView, flagged_toggle);
  gtk_widget_class_bind_template_child (widget_class, RexianKnowledgeView, category_filter);
  gtk_widget_class_bind_template_child (widget_class, RexianKnowledgeView, department_filter);
  gtk_widget_class_bind_template_child (widget_class, RexianKnowledgeView, results_stack);
  gtk_widget_class_bind_template_child (widget_class, RexianKnowledgeView, result_list);
  gtk_widget_class_bind_template_child (widget_class, RexianKnowledgeView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, RexianKnowledgeView, detail_title);
  gtk_widget_class_bind_template_child (widget_class, RexianKnowledgeView, chip_box);
  gtk_widget_class_bind_template_child (widget_class, RexianKnowledgeView, detail_body);
  gtk_widget_class_bind_template_child (widget_class, RexianKnowledgeView, field_list);
  gtk_widget_class_bind_template_child (widget_class, RexianKnowledgeView, hall_list);
  gtk_widget_class_bind_template_child (widget_class, RexianKnowledgeView, point_list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filters_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_review_days_changed);

  gtk_widget_class_install_action (widget_class, "knowledge.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "knowledge.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "knowledge.mark-reviewed", NULL,
                                   mark_reviewed_action);
  gtk_widget_class_install_action (widget_class, "knowledge.delete", NULL, delete_action);
  _rexian_knowledge_view_install_point_actions (widget_class);
}

static void
rexian_knowledge_view_init (RexianKnowledgeView *self)
{
  self->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->review_days = REXIAN_STORE_KNOWLEDGE_DEFAULT_REVIEW_DAYS;

  gtk_widget_init_template (GTK_WIDGET (self));
  fill_detail (self);

  /* Each tab as wide as its own words, so both fit beside the buttons in 360 pixels. */
  gtk_box_layout_set_homogeneous (
    GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self->switcher))), FALSE);
}

RexianKnowledgeView *
rexian_knowledge_view_new (void)
{
  return g_object_new (REXIAN_TYPE_KNOWLEDGE_VIEW, NULL);
}

void
rexian_knowledge_view_set_store (RexianKnowledgeView *self,
                                 RexianStore         *store)
{
  g_return_if_fail (REXIAN_IS_KNOWLEDGE_VIEW (self));
  g_return_if_fail (store == NULL || REXIAN_IS_STORE (store));

  g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store == NULL)
    return;

  self->changed_id = g_signal_connect_swapped (store, "changed",
                                               G_CALLBACK (on_store_changed), self);
  fill_filters (self);
  rexian_knowledge_view_refresh (self);
}

void
rexian_knowledge_view_refresh (RexianKnowledgeView *self)
{
  g_return_if_fail (REXIAN_IS_KNOWLEDGE_VIEW (self));

  if (self->store == NULL)
    return;

  /* The review period is shared by every seat, so another may have changed it. */
  self->review_days = rexian_store_get_knowledge_review_days (self->store);
  self->filling = TRUE;
  gtk_spin_button_set_value (self->review_days_spin, self->review_days);
  self->filling = FALSE;

  _rexian_knowledge_view_search_now (self);
  _rexian_knowledge_view_refresh_points (self);
}

/* Test hooks. */

guint
_rexian_knowledge_view_get_searches_shown (RexianKnowledgeView *self)
{
  return self->searches_shown;
}

GPtrArray *
_rexian_knowledge_view_dup_result_markup (RexianKnowledgeView *self)
{
  GPtrArray *markup = g_ptr_array_new_with_free_func (g_free);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->result_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    g_ptr_array_add (markup, g_strdup (g_object_get_data (G_OBJECT (row), "title-markup")));

  return markup;
}

char *
_rexian_knowledge_view_dup_chip_text (RexianKnowledgeView *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "article") != 0)
    return g_strdup ("");

  for (GtkWidget *chip = gtk_widget_get_first_child (GTK_WIDGET (self->chip_box));
       chip != NULL; chip = gtk_widget_get_next_sibling (chip))
    g_string_append_printf (text, "%s%s", text->len > 0 ? "|" : "",
                            gtk_label_get_text (GTK_LABEL (chip)));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

GtkWindow *
_rexian_knowledge_view_get_last_dialog (RexianKnowledgeView *self)
{
  return self->last_dialog;
}

void
_rexian_knowledge_view_set_last_dialog (RexianKnowledgeView *self,
                                        GtkWindow           *dialog)
{
  g_set_weak_pointer (&self->last_dialog, dialog);
}
