/* rexian-supervisor-feed.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rexian-store-stats.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_SUPERVISOR_FEED (rexian_supervisor_feed_get_type ())

G_DECLARE_FINAL_TYPE (RexianSupervisorFeed, rexian_supervisor_feed, REXIAN, SUPERVISOR_FEED, GObject)

/* Keeps the supervisor's figures fresh for the supervisor view and the wall display: it
 * reads a snapshot on the store's worker thread when another seat writes (the store's
 * "changed") and every few seconds anyway (waits and times in status run on), never two
 * reads at once, never on the main loop.
 *
 * When a read fails (the database locked by a long write, the file unreachable) the
 * last snapshot stays and "stale" turns TRUE with the error in "message"; the next good
 * read clears it.  "updated" is emitted after every good read. */
RexianSupervisorFeed *rexian_supervisor_feed_new              (RexianStore          *store);
RexianStore          *rexian_supervisor_feed_get_store        (RexianSupervisorFeed *self);
/* The last good snapshot, or NULL before the first read. */
RexianStatsSnapshot  *rexian_supervisor_feed_get_snapshot     (RexianSupervisorFeed *self);
/* When the last good snapshot was read (Unix seconds), 0 before the first. */
gint64                rexian_supervisor_feed_get_updated_at   (RexianSupervisorFeed *self);
gboolean              rexian_supervisor_feed_get_stale        (RexianSupervisorFeed *self);
const char           *rexian_supervisor_feed_get_message      (RexianSupervisorFeed *self);
/* Seconds between reads when nothing changes (default 5). */
void                  rexian_supervisor_feed_set_interval     (RexianSupervisorFeed *self,
                                                               guint                 seconds);
/* Reading only happens while somebody shows the figures. */
void                  rexian_supervisor_feed_set_active       (RexianSupervisorFeed *self,
                                                               gboolean              active);
void                  rexian_supervisor_feed_refresh          (RexianSupervisorFeed *self);

G_END_DECLS
