/* rexian-calls-view-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rexian-calls-view.h"

G_BEGIN_DECLS

/* Shared with the tests, which look at the lists as an agent would. */
struct _RexianCallsView
{
  GtkWidget    parent_instance;

  RexianStore *store;
  RexianPhone *phone;
  gint64       agent_id;
  gulong       changed_id;
  /* RexianCallback, pending, as last shown. */
  GPtrArray   *callbacks;
  guint        n_calls;
  /* The recordings' players by Call-ID (each in its row, see
   * rexian_recording_player_table_take()), for the calls whose row is open. */
  GHashTable  *players;

  /* Template children. */
  GtkStack    *stack;
  GtkListBox  *callback_list;
  GtkListBox  *call_list;
};

G_END_DECLS
