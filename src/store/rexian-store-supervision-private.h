/* rexian-store-supervision-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "rexian-store-supervision.h"

G_BEGIN_DECLS

/* The supervision calls on a given connection (rexian-store-supervision.c), shared by
 * the sync calls on the main connection and the async ones on the worker's
 * (rexian-store-supervision-async.c).  @now 0 is the clock. */

/* With @once, a record of the same cause already there means nothing is added and 0
 * comes back with no error: the automatic pass records each cause once. */
gint64     _rexian_store_supervision_db_add             (RexianStore                   *self,
                                                         sqlite3                       *db,
                                                         const RexianSupervisionRecord *record,
                                                         gboolean                       once,
                                                         gint64                         now,
                                                         GError                       **error);
GPtrArray *_rexian_store_supervision_db_list            (RexianStore                   *self,
                                                         sqlite3                       *db,
                                                         gint64                         order_id,
                                                         GError                       **error);
gboolean   _rexian_store_supervision_db_set_outcome     (RexianStore                   *self,
                                                         sqlite3                       *db,
                                                         gint64                         record_id,
                                                         const char                    *outcome,
                                                         gint64                         agent_id,
                                                         gint64                         now,
                                                         GError                       **error);
GPtrArray *_rexian_store_supervision_db_list_supervised (RexianStore                   *self,
                                                         sqlite3                       *db,
                                                         GError                       **error);
/* Makes @max_records records at most (0: no limit) and sets @out_more when more are due. */
gboolean   _rexian_store_supervision_db_supervise       (RexianStore                   *self,
                                                         sqlite3                       *db,
                                                         const RexianSupervisionPolicy *policy,
                                                         gint64                         now,
                                                         guint                          max_records,
                                                         gboolean                      *out_more,
                                                         guint                         *out_count,
                                                         GError                       **error);

G_END_DECLS
