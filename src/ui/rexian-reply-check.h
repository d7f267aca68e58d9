/* rexian-reply-check.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rexian-store.h"

G_BEGIN_DECLS

/* DB1405/T 086 5.1.4: a written reply must not use vague phrases such as 不清楚, 应该是
 * or 我觉得 (the list supervisors keep in the store).
 *
 * Checks the text of @view before it is saved.  TRUE when it may be saved.  Otherwise
 * each forbidden phrase found is highlighted in the view (until the text is edited),
 * *@out_message says which ones and asks for a rephrasing, and the text is left as it
 * is.  When the list cannot be read the standard's own list is used. */
gboolean rexian_reply_check_view  (RexianStore  *store,
                                   GtkTextView  *view,
                                   char        **out_message);
/* The number of highlighted phrases in @view, for the tests. */
guint    rexian_reply_check_count_highlights (GtkTextView *view);

G_END_DECLS
