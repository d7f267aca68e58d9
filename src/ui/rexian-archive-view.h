/* rexian-archive-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rexian-report-writer.h"
#include "rexian-store.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_ARCHIVE_VIEW (rexian_archive_view_get_type ())

G_DECLARE_FINAL_TYPE (RexianArchiveView, rexian_archive_view, REXIAN, ARCHIVE_VIEW, GtkWidget)

/* The archive (归档): the catalogue (years → months → categories → departments, with
 * counts) beside the archived orders filed there, searchable in full text, exported as
 * CSV or Excel, and the bulk archive of closed orders.  Signals: "order-activated"
 * (RexianWorkOrder *), opening an archived order (read-only), and "toast" (const char *),
 * what the window should say when an archive or an export ends. */
RexianArchiveView *rexian_archive_view_new       (void);
void               rexian_archive_view_set_store (RexianArchiveView  *self,
                                                  RexianStore        *store);
/* Reads the catalogue and the shown entries again. */
void               rexian_archive_view_refresh   (RexianArchiveView  *self);
/* Archives every order closed before @cutoff on the store's worker thread, then says
 * how many in a toast. */
void               rexian_archive_view_archive_closed (RexianArchiveView *self,
                                                       gint64             cutoff);
/* Writes the orders shown (the catalogue node, the search) to @file, then says so in a
 * toast. */
void               rexian_archive_view_export    (RexianArchiveView  *self,
                                                  RexianReportFormat  format,
                                                  GFile              *file);

G_END_DECLS
