/* rexian-bar-chart.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rexian-measures.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_BAR_CHART (rexian_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (RexianBarChart, rexian_bar_chart, REXIAN, BAR_CHART, GtkWidget)

/* A small bar chart for the supervisor view and the wall display: calls per hour, the
 * wait-time histogram.  Bars from the "alert-from" index on are drawn in the warning
 * colour (waits past 15 s, say).  The chart is an image to assistive technologies,
 * labelled with every bar's label and value so nothing is only visible. */
GtkWidget  *rexian_bar_chart_new            (void);
void        rexian_bar_chart_set_data       (RexianBarChart      *self,
                                             const char * const  *labels,
                                             const double        *values,
                                             guint                n_values);
/* The calls offered in each hour of @period, from RexianHourCount @counts, labelled by
 * the hour ("08"). */
void        rexian_bar_chart_set_calls_per_hour (RexianBarChart     *self,
                                                 const RexianPeriod *period,
                                                 GArray             *counts);
/* Bars at @index and after are alerts; G_MAXUINT (the default): none. */
void        rexian_bar_chart_set_alert_from (RexianBarChart      *self,
                                             guint                index);
const char *rexian_bar_chart_get_title      (RexianBarChart      *self);
void        rexian_bar_chart_set_title      (RexianBarChart      *self,
                                             const char          *title);
/* "label value, label value, …": what the accessible label says, for tests too. */
char       *rexian_bar_chart_describe       (RexianBarChart      *self);

G_END_DECLS
