/* rexian-wallboard.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rexian-supervisor-feed.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_WALLBOARD (rexian_wallboard_get_type ())

G_DECLARE_FINAL_TYPE (RexianWallboard, rexian_wallboard, REXIAN, WALLBOARD, AdwWindow)

/* The wall display: full screen, dark, large type readable across a room, no
 * interaction needed.  It turns between the queue page (callers waiting and their
 * waits, service level, completion rate, agents by status, missed calls to call back)
 * and the work-order page (due soon, overdue, supervised, emergency, calls per hour)
 * every "wallboard-page-seconds".  Phone numbers are always masked.  When the figures
 * cannot be read (the database locked or unreachable) the last ones stay, with a line
 * saying since when they are stale. */
GtkWidget  *rexian_wallboard_new          (GtkApplication       *application,
                                           RexianSupervisorFeed *feed);
RexianSupervisorFeed *rexian_wallboard_get_feed (RexianWallboard    *self);
/* The page shown now: "queue" or "orders". */
const char *rexian_wallboard_get_page     (RexianWallboard      *self);
void        rexian_wallboard_set_page     (RexianWallboard      *self,
                                           const char           *page);
/* Seconds a page stays before the next (0 stops turning). */
void        rexian_wallboard_set_page_seconds (RexianWallboard  *self,
                                               guint             seconds);
/* For tests: the text a figure shows ("waiting", "longest-wait", "service-level",
 * "completion-rate", "abandon-rate", "asa", "available", "on-call", "wrap-up", "away",
 * "callbacks", "yellow", "red", "supervised", "emergency"), and the stale line. */
const char *rexian_wallboard_get_figure   (RexianWallboard      *self,
                                           const char           *name);
const char *rexian_wallboard_get_status_text (RexianWallboard   *self);

G_END_DECLS
