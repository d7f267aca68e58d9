/* rexian-knowledge-view-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rexian-knowledge-view.h"
#include "rexian-store-knowledge.h"

G_BEGIN_DECLS

/* The view's instance, shared by its source files (articles in rexian-knowledge-view.c,
 * the service points, import and export in rexian-knowledge-view-points.c) and visible
 * to the tests. */
struct _RexianKnowledgeView
{
  GtkWidget            parent_instance;

  RexianStore         *store;
  gulong               changed_id;
  /* The search under way; cancelled when the text or a filter changes. */
  GCancellable        *search_cancellable;
  guint                search_timeout_id;
  /* Bumped for every search, so a late answer to an older one is dropped. */
  guint                search_generation;
  /* How many searches have come back and been shown; for the tests. */
  guint                searches_shown;
  /* The query the shown results were found with, for highlighting. */
  char                *shown_query;
  /* What the result list shows (see results_signature ()). */
  char                *results_signature;
  /* The article in the detail pane, or NULL. */
  RexianArticle       *shown;
  guint                review_days;
  GtkWindow           *last_dialog;
  guint                filling : 1;
  /* The store changed while the view was not shown. */
  guint                needs_refresh : 1;

  /* Filter choices, parallel to the drop-downs' rows (row 0 is "any"). */
  GArray              *category_ids;
  GArray              *department_ids;

  /* Template children. */
  GtkStackSwitcher    *switcher;
  GtkMenuButton       *menu_button;
  GtkButton           *new_button;
  GtkSpinButton       *review_days_spin;
  GtkStack            *pages;
  AdwLeaflet          *leaflet;
  GtkWidget           *list_pane;
  GtkWidget           *detail_pane;
  GtkSearchEntry      *search_entry;
  GtkToggleButton     *flagged_toggle;
  GtkDropDown         *category_filter;
  GtkDropDown         *department_filter;
  GtkStack            *results_stack;
  GtkListBox          *result_list;
  GtkStack            *detail_stack;
  GtkLabel            *detail_title;
  GtkBox              *chip_box;
  GtkLabel            *detail_body;
  GtkListBox          *field_list;
  GtkListBox          *hall_list;
  GtkListBox          *point_list;
};

/* rexian-knowledge-view.c */
void      _rexian_knowledge_view_message         (RexianKnowledgeView *self,
                                                  const char          *message);
/* Starts a search with what the entry and the filters say now. */
void      _rexian_knowledge_view_search_now      (RexianKnowledgeView *self);
/* Shows @article_id in the detail pane (read from the store), or clears the pane. */
void      _rexian_knowledge_view_show_article    (RexianKnowledgeView *self,
                                                  gint64               article_id);
typedef void (*DeleteFunc) (RexianKnowledgeView *self,
                            gint64               id);
/* Asks whether to delete, then calls @delete_func with @id. */
void      _rexian_knowledge_view_confirm_delete  (RexianKnowledgeView *self,
                                                  const char          *heading,
                                                  const char          *body,
                                                  DeleteFunc           delete_func,
                                                  gint64               id);
/* A chip (a small rounded label) for a stale flag, or NULL for a fresh article. */
GtkWidget *_rexian_knowledge_staleness_chip      (RexianArticleStaleness staleness);

/* rexian-knowledge-view-points.c: the service points page, import and export. */
void      _rexian_knowledge_view_refresh_points  (RexianKnowledgeView *self);
void      _rexian_knowledge_view_install_point_actions (GtkWidgetClass *widget_class);
/* Imports @file into the page shown (articles or service points), by its extension;
 * the outcome comes as a "message". */
void      _rexian_knowledge_view_import_file     (RexianKnowledgeView *self,
                                                  GFile               *file);
void      _rexian_knowledge_view_export_file     (RexianKnowledgeView *self,
                                                  GFile               *file);

/* Test hooks. */
guint       _rexian_knowledge_view_get_searches_shown (RexianKnowledgeView *self);
/* The rows of the result list: their title markup, in order. */
GPtrArray  *_rexian_knowledge_view_dup_result_markup  (RexianKnowledgeView *self);
/* The words of the shown article's chips, joined by "|", or "" when none. */
char       *_rexian_knowledge_view_dup_chip_text      (RexianKnowledgeView *self);
/* The window the view opened last (an editor or a confirmation), or NULL. */
GtkWindow  *_rexian_knowledge_view_get_last_dialog    (RexianKnowledgeView *self);
void        _rexian_knowledge_view_set_last_dialog    (RexianKnowledgeView *self,
                                                       GtkWindow           *dialog);

G_END_DECLS
