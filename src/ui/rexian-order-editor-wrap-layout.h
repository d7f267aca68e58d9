/* rexian-order-editor-wrap-layout.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define REXIAN_TYPE_WRAP_LAYOUT (rexian_wrap_layout_get_type ())

G_DECLARE_FINAL_TYPE (RexianWrapLayout, rexian_wrap_layout, REXIAN, WRAP_LAYOUT, GtkLayoutManager)

/* Lays children out in lines at their natural width, starting a new line when the next
 * one does not fit, like words in a paragraph.  The editor uses it for its badges and its
 * action buttons, which must wrap in a window 360 pixels wide.  (GtkFlowBox squeezes
 * children whose natural widths differ when it is not given the full width.)
 *
 * Properties: "spacing" and "row-spacing" (int, pixels), "pack-end" (boolean: lines are
 * aligned to the end, as buttons are). */
GtkLayoutManager *rexian_wrap_layout_new (void);

G_END_DECLS
