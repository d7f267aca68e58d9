/* rexian-store-archive.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rexian-store-archive-node.h"
#include "rexian-store.h"

G_BEGIN_DECLS

/* The archive (归档, GB/T 33358: 整理、归档 … 目录清晰、方便查阅).  An order is filed when
 * it takes the ARCHIVE step, in the same transaction: under the year and month it was
 * closed (办结) — archives are filed by the year the matter was settled, not by the day
 * the clerk got round to filing it — and under its category and lead department at that
 * moment.  Archived orders are read-only: the store refuses their edits. */

/* A place in the catalogue: the whole archive (depth 0), a year (1), a month (2), a
 * category in it (3) or a department in that (4).  At depths 3 and 4 an id of 0 is the
 * orders without a category or without a department (answered directly). */
typedef struct
{
  guint  depth;
  int    year;
  int    month;
  gint64 category_id;
  gint64 department_id;
} RexianArchivePlace;

/* One archived order as the catalogue lists it; the caller is masked (张**, 138****1234)
 * when the order is confidential. */
typedef struct
{
  gint64  order_id;
  char   *number;
  gint64  closed_at;
  gint64  archived_at;
  char   *caller_name;
  char   *caller_phone;
  char   *category;     /* "" when none */
  char   *department;   /* "" when none */
  char   *summary;
} RexianArchiveEntry;

/* The place a catalogue node stands for; NULL: the whole archive. */
void rexian_archive_place_from_node (RexianStoreArchiveNode *node,
                                     RexianArchivePlace     *out_place);

void rexian_archive_entry_free (RexianArchiveEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RexianArchiveEntry, rexian_archive_entry_free)

/* The setting (in the shared database) for how long closed orders wait before the bulk
 * archive takes them, in days; 30 when unset. */
#define REXIAN_ARCHIVE_AFTER_DAYS_KEY "archive-after-days"
#define REXIAN_ARCHIVE_AFTER_DAYS_DEFAULT 30
int        rexian_store_archive_get_after_days (RexianStore        *self);
/* The cut-off for orders closed more than @days days before @now: the start of that
 * local day. */
gint64     rexian_archive_cutoff               (gint64              now,
                                                int                 days);
/* The default cut-off at @now: the start of the local day archive-after-days ago. */
gint64     rexian_store_archive_default_cutoff (RexianStore        *self,
                                                gint64              now);

/* How many closed orders were closed before @cutoff (what a bulk archive would take). */
guint      rexian_store_archive_count_due  (RexianStore            *self,
                                            gint64                  cutoff,
                                            GError                **error);
/* Archives every order closed before @cutoff, each through the lifecycle's ARCHIVE step
 * with its timeline event and catalogue entry, in batches each its own transaction.
 * Safe when several seats run it at once: each order is archived once.  Returns how
 * many this call archived in @out_count. */
gboolean   rexian_store_archive_closed_before (RexianStore        *self,
                                               gint64              cutoff,
                                               gint64              agent_id,
                                               gint64              now,
                                               guint              *out_count,
                                               GError            **error);
void       rexian_store_archive_closed_before_async  (RexianStore         *self,
                                                      gint64               cutoff,
                                                      gint64               agent_id,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean   rexian_store_archive_closed_before_finish (RexianStore         *self,
                                                      GAsyncResult        *result,
                                                      guint               *out_count,
                                                      GError             **error);

/* The catalogue: years (newest first) → months → categories → departments, each a
 * RexianStoreArchiveNode with the number of orders under it, read in one grouped
 * query. */
GListModel *rexian_store_archive_get_catalogue    (RexianStore         *self,
                                                   GError             **error);
void        rexian_store_archive_get_catalogue_async  (RexianStore         *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
GListModel *rexian_store_archive_get_catalogue_finish (RexianStore         *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* The archived orders at @place (NULL: all) matching @text (NULL or "": all), newest
 * closed first, @limit from @offset (0: no limit); @out_total gets how many match in
 * all.  The text is searched as the board searches: three characters or more through
 * the trigram index, one or two by substring, only among archived orders. */
GPtrArray  *rexian_store_archive_list (RexianStore              *self,
                                       const RexianArchivePlace *place,
                                       const char               *text,
                                       guint                     offset,
                                       guint                     limit,
                                       guint                    *out_total,
                                       GError                  **error); /* RexianArchiveEntry */
/* Every matching entry, read on the worker thread (for an export).  The text search
 * itself runs first, on the calling thread's connection. */
void        rexian_store_archive_list_async  (RexianStore              *self,
                                              const RexianArchivePlace *place,
                                              const char               *text,
                                              GCancellable             *cancellable,
                                              GAsyncReadyCallback       callback,
                                              gpointer                  user_data);
GPtrArray  *rexian_store_archive_list_finish (RexianStore              *self,
                                              GAsyncResult             *result,
                                              GError                  **error);

G_END_DECLS
