/* rexian-store-archive-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rexian-store-private.h"

G_BEGIN_DECLS

/* Inside the ARCHIVE transition's transaction (rexian-store-orders.c): files @order, just
 * archived, in the catalogue under the year and month it was closed, its category and its
 * lead department at this moment. */
gboolean _rexian_store_archive_write_entry (RexianStore      *self,
                                            sqlite3          *db,
                                            RexianWorkOrder  *order,
                                            gint64            agent_id,
                                            gint64            now,
                                            GError          **error);

G_END_DECLS
