/* rexian-form-pages.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "rexian-form-document.h"

G_BEGIN_DECLS

/* A printed form laid out on pages: the 转办单 as Table B.1's grid of bordered cells with
 * shaded labels, the 记录单 and the whole work order as the reports' ruled tables (long
 * ones continued on the next page with their headings).  The PDF writer and the print
 * dialog draw the same pages.  Sizes are in points. */

typedef struct _RexianFormPages RexianFormPages;

/* The paper a form is meant for: A4 landscape for the 记录单's six columns, A4 portrait
 * for the others. */
void             rexian_form_document_get_page_size (RexianFormDocument *document,
                                                     double             *out_width,
                                                     double             *out_height);

RexianFormPages *rexian_form_pages_new         (RexianFormDocument *document,
                                                double              width,
                                                double              height);
void             rexian_form_pages_free        (RexianFormPages    *self);
guint            rexian_form_pages_get_n_pages (RexianFormPages    *self);
/* Draws page @page (from 0) on @cr, whose origin is the page's top left corner. */
void             rexian_form_pages_draw        (RexianFormPages    *self,
                                                cairo_t            *cr,
                                                guint               page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RexianFormPages, rexian_form_pages_free)

/* Writes @document to @path as a PDF of its own paper size.  The file is replaced whole
 * or not at all; the error names the file. */
gboolean rexian_form_write_pdf (RexianFormDocument  *document,
                                const char          *path,
                                GError             **error);

G_END_DECLS
