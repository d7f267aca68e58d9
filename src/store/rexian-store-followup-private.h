/* rexian-store-followup-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rexian-store-followup.h"
#include "rexian-store-private.h"

G_BEGIN_DECLS

/* The follow-up calls on a given connection (rexian-store-followup.c), shared by the
 * sync calls on the main connection and the async ones on the worker's. */
/* The setting, or its default. */
guint      _rexian_store_db_followup_max_attempts (sqlite3 *db);
GPtrArray *_rexian_store_db_list_followup_queue (RexianStore         *self,
                                                 sqlite3             *db,
                                                 GError             **error);
GArray    *_rexian_store_db_draw_followup       (RexianStore         *self,
                                                 sqlite3             *db,
                                                 gint64               period_start,
                                                 gint64               period_end,
                                                 double               share_percent,
                                                 guint64              seed,
                                                 GError             **error);
gint64     _rexian_store_db_create_followup_plan (RexianStore        *self,
                                                  sqlite3            *db,
                                                  gint64              period_start,
                                                  gint64              period_end,
                                                  double              share_percent,
                                                  guint64             seed,
                                                  gint64              agent_id,
                                                  gint64              now,
                                                  GArray            **out_drawn,
                                                  GError            **error);
gboolean   _rexian_store_db_record_visit        (RexianStore         *self,
                                                 sqlite3             *db,
                                                 gint64               order_id,
                                                 const RexianVisit   *visit,
                                                 gint64               agent_id,
                                                 gint64               now,
                                                 RexianVisitResult   *out_result,
                                                 guint               *out_attempts,
                                                 GError             **error);
GPtrArray *_rexian_store_db_get_department_evaluation (RexianStore        *self,
                                                       sqlite3            *db,
                                                       const RexianPeriod *period,
                                                       GError            **error);

G_END_DECLS
