/* rexian-store-archive-node.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define REXIAN_TYPE_STORE_ARCHIVE_NODE (rexian_store_archive_node_get_type ())

G_DECLARE_FINAL_TYPE (RexianStoreArchiveNode, rexian_store_archive_node,
                      REXIAN, STORE_ARCHIVE_NODE, GObject)

/* One node of the archive's catalogue: a year (depth 1), a month (2), a category (3) or
 * a department (4), with the number of archived orders under it and its children. */
RexianStoreArchiveNode *rexian_store_archive_node_new (guint       depth,
                                                       int         year,
                                                       int         month,
                                                       gint64      category_id,
                                                       gint64      department_id,
                                                       const char *name);

guint       rexian_store_archive_node_get_depth         (RexianStoreArchiveNode *self);
int         rexian_store_archive_node_get_year          (RexianStoreArchiveNode *self);
int         rexian_store_archive_node_get_month         (RexianStoreArchiveNode *self);
gint64      rexian_store_archive_node_get_category_id   (RexianStoreArchiveNode *self);
gint64      rexian_store_archive_node_get_department_id (RexianStoreArchiveNode *self);
/* The category's or department's name ("" for none); NULL for years and months. */
const char *rexian_store_archive_node_get_name          (RexianStoreArchiveNode *self);
guint       rexian_store_archive_node_get_count         (RexianStoreArchiveNode *self);
void        rexian_store_archive_node_add_count         (RexianStoreArchiveNode *self,
                                                         guint                   count);
/* The children (RexianStoreArchiveNode), empty for a department. */
GListModel *rexian_store_archive_node_get_children      (RexianStoreArchiveNode *self);

G_END_DECLS
