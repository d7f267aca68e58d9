/* rexian-store-stats-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rexian-store-private.h"
#include "rexian-store-stats.h"

G_BEGIN_DECLS

/* The statistics on a given connection, so the sync calls use the main one and the
 * async ones the worker's (rexian-store-stats.c, rexian-store-stats-now.c). */
gboolean        _rexian_store_stats_db_calls          (RexianStore         *self,
                                                       sqlite3             *db,
                                                       const RexianPeriod  *period,
                                                       RexianCallStats     *out_stats,
                                                       GError             **error);
GArray         *_rexian_store_stats_db_calls_per_hour (RexianStore         *self,
                                                       sqlite3             *db,
                                                       const RexianPeriod  *period,
                                                       GError             **error);
gboolean        _rexian_store_stats_db_orders         (RexianStore         *self,
                                                       sqlite3             *db,
                                                       const RexianPeriod  *period,
                                                       gint64               now,
                                                       RexianOrderStats    *out_stats,
                                                       GError             **error);
GPtrArray      *_rexian_store_stats_db_orders_grouped (RexianStore         *self,
                                                       sqlite3             *db,
                                                       const RexianPeriod  *period,
                                                       gint64               now,
                                                       RexianStatsGroup     group,
                                                       GError             **error);
/* Every breakdown at once: @out_breakdowns gets REXIAN_N_STATS_GROUPS arrays of
 * RexianOrderGroup, in the order of RexianStatsGroup. */
gboolean        _rexian_store_stats_db_orders_breakdowns (RexianStore      *self,
                                                          sqlite3          *db,
                                                          const RexianPeriod *period,
                                                          gint64            now,
                                                          GPtrArray       **out_breakdowns,
                                                          GError          **error);
gboolean        _rexian_store_stats_db_orders_by_state (RexianStore        *self,
                                                        sqlite3            *db,
                                                        const RexianPeriod *period,
                                                        gint64             *out_counts,
                                                        GError            **error);
GArray         *_rexian_store_stats_db_list_calls     (RexianStore         *self,
                                                       sqlite3             *db,
                                                       const RexianPeriod  *period,
                                                       RexianCallFilter     filter,
                                                       guint                limit,
                                                       GError             **error);
GArray         *_rexian_store_stats_db_list_orders    (RexianStore         *self,
                                                       sqlite3             *db,
                                                       const RexianPeriod  *period,
                                                       gint64               now,
                                                       RexianOrderFilter    filter,
                                                       gint64               department_id,
                                                       guint                limit,
                                                       GError             **error);
RexianStatsNow *_rexian_store_stats_db_now            (RexianStore         *self,
                                                       sqlite3             *db,
                                                       gint64               now,
                                                       GError             **error);
GPtrArray      *_rexian_store_stats_db_find_clusters  (RexianStore         *self,
                                                       sqlite3             *db,
                                                       const RexianPeriod  *period,
                                                       guint                threshold,
                                                       GError             **error);

/* A read transaction, so that figures read one after another describe the same moment
 * of the database even while other seats write. */
gboolean        _rexian_store_stats_db_begin_read     (RexianStore         *self,
                                                       sqlite3             *db,
                                                       GError             **error);
void            _rexian_store_stats_db_end_read       (sqlite3             *db);

/* Binds :start, :end, :now and :service where the statement has them. */
void            _rexian_store_stats_bind_period       (sqlite3_stmt        *stmt,
                                                       const RexianPeriod  *period,
                                                       gint64               now);

G_END_DECLS
