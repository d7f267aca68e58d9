/* rexian-article-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-article-dialog.h"
#include "rexian-store-knowledge.h"
#include "rexian-ui-util.h"

struct _RexianArticleDialog
{
  AdwWindow         parent_instance;

  RexianStore      *store;
  /* 0 for a new article. */
  gint64            article_id;
  /* Ids parallel to the combo rows' entries (0 for their "none" entry). */
  GArray           *category_ids;
  GArray           *department_ids;

  /* Template children. */
  AdwWindowTitle   *window_title;
  GtkRevealer      *error_revealer;
  GtkLabel         *error_label;
  AdwEntryRow      *title_row;
  AdwComboRow      *category_row;
  AdwComboRow      *department_row;
  GtkTextView      *body_view;
  AdwEntryRow      *source_row;
  AdwEntryRow      *number_row;
  AdwEntryRow      *effective_row;
  AdwEntryRow      *expires_row;
  AdwEntryRow      *reviewed_row;
};

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RexianArticleDialog, rexian_article_dialog, ADW_TYPE_WINDOW)

gboolean
rexian_article_dialog_parse_date (const char  *text,
                                  gint64      *out_time,
                                  GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr(GDateTime) dt = NULL;
  int year, month, day;

  *out_time = 0;
  if (trimmed[0] == '\0')
    return TRUE;

  for (int i = 0; i < 10; i++)
    {
      gboolean dash = i == 4 || i == 7;

      if (trimmed[i] == '\0' || (dash ? trimmed[i] != '-' : !g_ascii_isdigit (trimmed[i])))
        goto not_a_date;
    }
  if (trimmed[10] != '\0')
    goto not_a_date;

  year = atoi (trimmed);
  month = atoi (trimmed + 5);
  day = atoi (trimmed + 8);
  if (year < 1900 || !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("There is no such day as %s."), trimmed);
      return FALSE;
    }

  dt = g_date_time_new_local (year, month, day, 0, 0, 0);
  *out_time = g_date_time_to_unix (dt);
  return TRUE;

not_a_date:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("“%s” is not a date: write it as YYYY-MM-DD, for example 2026-03-01."),
               trimmed);
  return FALSE;
}

char *
rexian_article_dialog_format_date (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = NULL;

  if (unix_time == 0)
    return g_strdup ("");

  dt = g_date_time_new_from_unix_local (unix_time);
  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%d") : g_strdup ("");
}

static void
show_error (RexianArticleDialog *self,
            const char          *message,
            GtkWidget           *field)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
  if (field != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_widget_grab_focus (field);
    }
}

static void
clear_errors (RexianArticleDialog *self)
{
  GtkWidget *rows[] = { GTK_WIDGET (self->title_row), GTK_WIDGET (self->effective_row),
                        GTK_WIDGET (self->expires_row), GTK_WIDGET (self->reviewed_row) };

  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_remove_css_class (rows[i], "error");
}

static gboolean
read_date (RexianArticleDialog *self,
           AdwEntryRow         *row,
           gint64              *out_time)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (rexian_article_dialog_parse_date (gtk_editable_get_text (GTK_EDITABLE (row)), out_time,
                                        &error))
    return TRUE;

  /* Which of the three dates is wrong matters as much as why. */
  message = g_strdup_printf ("%s: %s",
                             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                             error->message);
  show_error (self, message, GTK_WIDGET (row));
  return FALSE;
}

static gint64
combo_id (AdwComboRow *row,
          GArray      *ids)
{
  guint position = adw_combo_row_get_selected (row);

  if (position == GTK_INVALID_LIST_POSITION || position >= ids->len)
    return 0;

  return g_array_index (ids, gint64, position);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RexianArticleDialog *self = REXIAN_ARTICLE_DIALOG (widget);
  g_autoptr(RexianArticle) article = rexian_article_new ();
  g_autoptr(RexianArticle) saved = NULL;
  g_autoptr(GError) error = NULL;

  clear_errors (self);

  article->title = rexian_editable_dup_text (GTK_EDITABLE (self->title_row));
  if (article->title == NULL)
    {
      show_error (self, _("Give the article a title."), GTK_WIDGET (self->title_row));
      return;
    }

  if (!read_date (self, self->effective_row, &article->effective_from)
      || !read_date (self, self->expires_row, &article->expires_at)
      || !read_date (self, self->reviewed_row, &article->reviewed_at))
    return;

  if (article->effective_from != 0 && article->expires_at != 0
      && article->expires_at <= article->effective_from)
    {
      show_error (self, _("The article cannot expire before it comes into force."),
                  GTK_WIDGET (self->expires_row));
      return;
    }

  article->id = self->article_id;
  article->body = rexian_text_view_dup_text (self->body_view);
  if (article->body == NULL)
    article->body = g_strdup ("");
  article->source_document = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->source_row)));
  article->document_number = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->number_row)));
  g_strstrip (article->source_document);
  g_strstrip (article->document_number);
  article->category_id = combo_id (self->category_row, self->category_ids);
  article->department_id = combo_id (self->department_row, self->department_ids);

  /* One short write by key on the main connection, like the other small edits. */
  if (self->article_id == 0)
    saved = rexian_store_create_article (self->store, article, 0, &error);
  else
    saved = rexian_store_update_article (self->store, article, 0, &error);

  if (saved == NULL)
    {
      show_error (self, error->message, NULL);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, saved->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

guint
rexian_article_dialog_append_names (GtkStringList *names,
                                    GArray        *ids,
                                    GPtrArray     *records,
                                    gboolean       departments,
                                    gint64         selected_id)
{
  guint selected = 0;

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      gpointer record = g_ptr_array_index (records, i);
      gint64 id = departments ? ((RexianDepartment *) record)->id
                              : ((RexianCategory *) record)->id;

      if (id == selected_id)
        selected = g_list_model_get_n_items (G_LIST_MODEL (names));
      gtk_string_list_append (names, departments ? ((RexianDepartment *) record)->name
                                                 : ((RexianCategory *) record)->name);
      g_array_append_val (ids, id);
    }

  return selected;
}

static void
fill_combo (AdwComboRow *row,
            GArray      *ids,
            GPtrArray   *records,
            gboolean     departments,
            gint64       selected_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;
  guint selected;

  gtk_string_list_append (names, _("None"));
  g_array_append_val (ids, none);
  selected = rexian_article_dialog_append_names (names, ids, records, departments, selected_id);
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (row, selected);
}

static void
rexian_article_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), REXIAN_TYPE_ARTICLE_DIALOG);

  G_OBJECT_CLASS (rexian_article_dialog_parent_class)->dispose (object);
}

static void
rexian_article_dialog_finalize (GObject *object)
{
  RexianArticleDialog *self = REXIAN_ARTICLE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->category_ids, g_array_unref);
  g_clear_pointer (&self->department_ids, g_array_unref);

  G_OBJECT_CLASS (rexian_article_dialog_parent_class)->finalize (object);
}

static void
rexian_article_dialog_class_init (RexianArticleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rexian_article_dialog_dispose;
  object_class->finalize = rexian_article_dialog_finalize;

  /**
   * RexianArticleDialog::saved:
   * @article_id: the id of the stored article
   *
   * Emitted once the store has written the article, just before the dialog closes.
   */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rexian/Rexian/rexian-article-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RexianArticleDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RexianArticleDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, RexianArticleDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, RexianArticleDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, RexianArticleDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, RexianArticleDialog, department_row);
  gtk_widget_class_bind_template_child (widget_class, RexianArticleDialog, body_view);
  gtk_widget_class_bind_template_child (widget_class, RexianArticleDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, RexianArticleDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, RexianArticleDialog, effective_row);
  gtk_widget_class_bind_template_child (widget_class, RexianArticleDialog, expires_row);
  gtk_widget_class_bind_template_child (widget_class, RexianArticleDialog, reviewed_row);

  gtk_widget_class_install_action (widget_class, "article.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "article.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rexian_article_dialog_init (RexianArticleDialog *self)
{
  self->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
}

RexianArticleDialog *
rexian_article_dialog_new (GtkWindow           *parent,
                           RexianStore         *store,
                           const RexianArticle *article)
{
  RexianArticleDialog *self;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GPtrArray) departments = NULL;
  g_autofree char *effective = NULL;
  g_autofree char *expires = NULL;
  g_autofree char *reviewed = NULL;

  g_return_val_if_fail (REXIAN_IS_STORE (store), NULL);

  self = g_object_new (REXIAN_TYPE_ARTICLE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->article_id = article != NULL ? article->id : 0;

  categories = rexian_store_list_categories (store, NULL);
  departments = rexian_store_list_departments (store, NULL);
  fill_combo (self->category_row, self->category_ids, categories, FALSE,
              article != NULL ? article->category_id : 0);
  fill_combo (self->department_row, self->department_ids, departments, TRUE,
              article != NULL ? article->department_id : 0);

  adw_window_title_set_title (self->window_title,
                              article != NULL ? _("Edit Article") : _("New Article"));
  if (article == NULL)
    return self;

  effective = rexian_article_dialog_format_date (article->effective_from);
  expires = rexian_article_dialog_format_date (article->expires_at);
  reviewed = rexian_article_dialog_format_date (article->reviewed_at);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), article->title ? article->title : "");
  rexian_text_view_set_text (self->body_view, article->body);
  gtk_editable_set_text (GTK_EDITABLE (self->source_row),
                         article->source_document ? article->source_document : "");
  gtk_editable_set_text (GTK_EDITABLE (self->number_row),
                         article->document_number ? article->document_number : "");
  gtk_editable_set_text (GTK_EDITABLE (self->effective_row), effective);
  gtk_editable_set_text (GTK_EDITABLE (self->expires_row), expires);
  gtk_editable_set_text (GTK_EDITABLE (self->reviewed_row), reviewed);

  return self;
}

void
_rexian_article_dialog_set_field (RexianArticleDialog *self,
                                  const char          *field,
                                  const char          *text)
{
  struct { const char *name; AdwEntryRow *row; } rows[] = {
    { "title", self->title_row },
    { "source", self->source_row },
    { "number", self->number_row },
    { "effective", self->effective_row },
    { "expires", self->expires_row },
    { "reviewed", self->reviewed_row },
  };

  if (g_str_equal (field, "body"))
    {
      rexian_text_view_set_text (self->body_view, text);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (g_str_equal (field, rows[i].name))
        {
          gtk_editable_set_text (GTK_EDITABLE (rows[i].row), text);
          return;
        }
    }

  g_return_if_reached ();
}

const char *
_rexian_article_dialog_get_error (RexianArticleDialog *self)
{
  if (!gtk_revealer_get_reveal_child (self->error_revealer))
    return NULL;

  return gtk_label_get_text (self->error_label);
}
