/* rexian-store-phrases-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rexian-store-private.h"

G_BEGIN_DECLS

/* Called when a database is opened for writing: puts the default forbidden phrases
 * into a database that has never had a list, once, so a list a supervisor emptied on
 * purpose stays empty. */
gboolean _rexian_store_seed_forbidden_phrases (RexianStore  *self,
                                               GError      **error);

G_END_DECLS
