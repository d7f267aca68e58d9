/* rexian-report-pages.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "rexian-report-document.h"

G_BEGIN_DECLS

/* A report laid out on pages with cairo and Pango: the title and period on the first
 * page, each table with ruled lines under its own heading, a long table continued on the
 * next page with its headings repeated, and page numbers.  The PDF writer and the print
 * dialog draw the same pages.  Sizes are in points (1/72 inch). */

/* A4 landscape, so that the widest table (by department) fits across. */
#define REXIAN_REPORT_PAGE_WIDTH  841.89
#define REXIAN_REPORT_PAGE_HEIGHT 595.28

typedef struct _RexianReportPages RexianReportPages;

/* Lays out @document for pages of @width × @height points.  The pages keep their own copy
 * of the text. */
RexianReportPages *rexian_report_pages_new         (RexianReportDocument *document,
                                                    double                width,
                                                    double                height);
void               rexian_report_pages_free        (RexianReportPages    *self);
guint              rexian_report_pages_get_n_pages (RexianReportPages    *self);
/* Draws page @page (from 0) on @cr, whose origin is the page's top left corner. */
void               rexian_report_pages_draw        (RexianReportPages    *self,
                                                    cairo_t              *cr,
                                                    guint                 page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RexianReportPages, rexian_report_pages_free)

/* Shared with the printed forms (rexian-form-pages), so that they use the same font,
 * metrics and PDF settings as the reports. */

/* A Pango context measuring in unhinted points, the same on paper as in a PDF. */
PangoContext  *_rexian_report_context_new (void);
/* @text in the reports' font at @size points, wrapped at @width points (0: one line). */
PangoLayout   *_rexian_report_layout_new  (PangoContext *context,
                                           double        size,
                                           gboolean      bold,
                                           const char   *text,
                                           double        width);

typedef void (*RexianReportDrawPage) (gpointer  data,
                                      cairo_t  *cr,
                                      guint     page);

/* Draws @n_pages pages on the PDF @surface with @draw_page, sets its title and subject,
 * and finishes it; returns the first error cairo met. */
cairo_status_t _rexian_report_draw_pdf    (cairo_surface_t     *surface,
                                           const char          *title,
                                           const char          *subject,
                                           guint                n_pages,
                                           RexianReportDrawPage draw_page,
                                           gpointer             data);

G_END_DECLS
