/* rexian-test-ui.h: helpers shared by the UI tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

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

G_END_DECLS
