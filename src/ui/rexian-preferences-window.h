/* rexian-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rexian-store.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_PREFERENCES_WINDOW (rexian_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (RexianPreferencesWindow, rexian_preferences_window,
                      REXIAN, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* The preferences.  "Seat" holds what belongs to this computer (GSettings): the agent
 * who works at it and whether desktop notifications are shown.  "Deadlines" holds what
 * every seat shares (the store's settings): the deadline rules, the categories' own
 * deadlines, and the holiday data, which can be replaced by importing a newer file. */
RexianPreferencesWindow *rexian_preferences_window_new (GtkWindow   *parent,
                                                        RexianStore *store);

G_END_DECLS
