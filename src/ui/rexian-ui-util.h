/* rexian-ui-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rexian-measures.h"
#include "rexian-store.h"

G_BEGIN_DECLS

/* Small helpers shared by the widgets, so that each rule is written once. */

/* The text of @view without surrounding blanks, or NULL when that is empty. */
char *rexian_text_view_dup_text  (GtkTextView               *view);
/* Replaces the text of @view; NULL empties it. */
void  rexian_text_view_set_text  (GtkTextView               *view,
                                  const char                *text);
/* The text of @editable without surrounding blanks, or NULL when that is empty. */
char *rexian_editable_dup_text   (GtkEditable               *editable);

/* The chip's words and style class ("deadline-green", ...) for a deadline, shared by the
 * kanban cards, the editor and the alerts list.  Returns NULL text when no deadline runs. */
char *rexian_deadline_describe   (RexianCalendar            *calendar,
                                  const RexianDeadlineRules *rules,
                                  RexianWorkOrder           *order,
                                  gint64                     now,
                                  const char               **out_css_class);

/* The thresholds of the supervisor's figures: the defaults, with the "measure-thresholds"
 * setting of @settings over them. */
void  rexian_thresholds_load     (RexianThresholds          *thresholds,
                                  GSettings                 *settings);

/* gtk_widget_dispose_template(), and then the template's unnamed children too: GTK 4.8
 * disposes only the named ones, and a widget finalized with children left warns. */
void  rexian_widget_dispose_template (GtkWidget             *widget,
                                      GType                  widget_type);

/* @unix_time as the local clock time, "HH:MM:SS", for figures that say when they were read. */
char *rexian_format_clock_time   (gint64                     unix_time);

G_END_DECLS
