/* rexian-archive-view-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rexian-archive-view.h"
#include "rexian-store-archive.h"

G_BEGIN_DECLS

struct _RexianArchiveView
{
  GtkWidget           parent_instance;

  RexianStore        *store;
  GCancellable       *cancellable;
  gboolean            needs_refresh;
  GtkTreeListModel   *tree;
  GtkSingleSelection *selection;
  /* What the entries show: a catalogue node and the search text. */
  RexianArchivePlace  place;
  char               *text;
  guint               n_shown;
  guint               total;
  /* A reload of the catalogue is under way; another change asks for one more. */
  gboolean            loading;
  gboolean            reload_again;
  gboolean            busy;
  AdwMessageDialog   *archive_dialog;
  GtkSpinButton      *days_spin;

  /* Template children. */
  GtkSearchEntry     *search_entry;
  GtkMenuButton      *export_button;
  GtkButton          *archive_button;
  AdwLeaflet         *leaflet;
  GtkWidget          *catalogue_pane;
  GtkListView        *catalogue_view;
  GtkWidget          *entries_pane;
  GtkLabel           *place_label;
  GtkLabel           *total_label;
  GtkStack           *entries_stack;
  AdwStatusPage      *empty_page;
  GtkListBox         *entry_list;
  GtkButton          *more_button;
};

/* rexian-archive-view.c, for the tests: a catalogue node's title as the list shows it
 * ("2026年", "三月", a category, a department), and selecting the node at @place (its
 * parents expanded) as a click would. */
char      *_rexian_archive_view_node_title   (RexianStoreArchiveNode   *node);
gboolean   _rexian_archive_view_select_place (RexianArchiveView        *self,
                                              const RexianArchivePlace *place);
/* The toast's words ("Archived 12 orders"), for the window and the tests. */
void       _rexian_archive_view_toast        (RexianArchiveView        *self,
                                              const char               *message);

/* rexian-archive-view-dialogs.c: the bulk archive's dialog and the export's file
 * chooser and writing. */
void       _rexian_archive_view_show_archive_dialog (RexianArchiveView *self);
void       _rexian_archive_view_choose_export_file  (RexianArchiveView *self,
                                                     RexianReportFormat format);
char      *_rexian_archive_view_describe_place      (RexianArchiveView *self);

G_END_DECLS
