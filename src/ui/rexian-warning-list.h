/* rexian-warning-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rexian-store-stats.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_WARNING_LIST (rexian_warning_list_get_type ())

G_DECLARE_FINAL_TYPE (RexianWarningList, rexian_warning_list, REXIAN, WARNING_LIST, GtkWidget)

/* Early warning (预警, GB/T 33358 6.6), live: the clusters of similar requests of the last
 * days — the same category from the same place, or the same request in the text — with
 * at least "early-warning-threshold" orders.  Read on the store's worker thread once a
 * minute while shown.  Activating a cluster emits "open-cluster" with its title and the
 * GArray of its order ids. */
GtkWidget *rexian_warning_list_new         (void);
void       rexian_warning_list_set_store   (RexianWarningList *self,
                                            RexianStore       *store);
void       rexian_warning_list_refresh     (RexianWarningList *self);
/* How many clusters it lists now, for tests. */
guint      rexian_warning_list_get_n_clusters (RexianWarningList *self);

G_END_DECLS
