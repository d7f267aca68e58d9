/* rexian-test-ui.h: helpers shared by the UI tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rexian-application.h"
#include "rexian-window.h"

G_BEGIN_DECLS

/* Iterates the main context until @condition returns TRUE or @timeout_ms passes;
 * returns the last result. */
gboolean rexian_test_wait_until (gboolean (*condition) (gpointer data),
                                 gpointer   data,
                                 guint      timeout_ms);
/* Lets the main context run for @ms, so the window lays out and paints. */
void     rexian_test_spin       (guint      ms);
/* Renders @widget as it is on screen into a PNG at @path (the cairo renderer). */
gboolean rexian_test_save_png   (GtkWidget  *widget,
                                 const char *path,
                                 GError    **error);
/* Sets up gettext for the build tree's translations ($REXIAN_LOCALEDIR). */
void     rexian_test_init_i18n  (void);

/* Starts a Rexian of its own (never one already on the session bus) on the database
 * @db_path, which gets the sample data when new, and returns it with its main window,
 * sized @width × @height, in *@out_window. */
RexianApplication *rexian_test_app_start (const char    *db_path,
                                          int            width,
                                          int            height,
                                          RexianWindow **out_window);
/* Closes the window and quits; clears *@app. */
void               rexian_test_app_stop  (RexianApplication **app,
                                          RexianWindow       *window);

G_END_DECLS
