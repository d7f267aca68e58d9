/* rexian-form-pages.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "rexian-form-pages.h"
#include "rexian-report-pages.h"

/* A4 portrait, in points. */
#define A4_SHORT 595.28
#define A4_LONG  841.89

#define MARGIN        50.0
#define FOOTER_HEIGHT 18.0
#define CELL_PADDING  5.0
#define LABEL_WIDTH   92.0
#define MIN_ROW       26.0
#define LINE_WIDTH    0.75

#define TITLE_SIZE    20.0
#define SUBTITLE_SIZE 10.0
#define LABEL_SIZE    10.5
#define VALUE_SIZE    10.5
#define FOOTER_SIZE   7.5

/* A row of the grid placed on a page; a value too long for one page is cut between its
 * lines into rows of its own, each with a part of the text. */
typedef struct
{
  guint  page;
  guint  field;
  double y;
  double height;
  char  *part;   /* this row's part of the value, or NULL for the whole of it */
} Row;

struct _RexianFormPages
{
  RexianFormDocument *document;
  /* The 记录单 and the work order are drawn by the reports' pages. */
  RexianReportPages  *tables;
  PangoContext       *context;
  double              width;
  double              height;
  double              title_height;
  GArray             *rows;     /* Row */
  guint               n_pages;
};

void
rexian_form_document_get_page_size (RexianFormDocument *document,
                                    double             *out_width,
                                    double             *out_height)
{
  gboolean landscape = document->kind == REXIAN_FORM_RECORD;

  *out_width = landscape ? A4_LONG : A4_SHORT;
  *out_height = landscape ? A4_SHORT : A4_LONG;
}

static double
text_height (RexianFormPages *self,
             double           size,
             gboolean         bold,
             const char      *text,
             double           width)
{
  g_autoptr(PangoLayout) layout = _rexian_report_layout_new (self->context, size, bold, text,
                                                             width);
  int h = 0;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

/* The widths of a row's cells: label and value across the page, or two pairs. */
static guint
cell_widths (RexianFormPages       *self,
             const RexianFormField *field,
             double                 widths[4])
{
  double content = self->width - 2 * MARGIN;

  if (field->label2 == NULL)
    {
      widths[0] = LABEL_WIDTH;
      widths[1] = content - LABEL_WIDTH;
      return 2;
    }

  widths[0] = widths[2] = LABEL_WIDTH;
  widths[1] = widths[3] = (content - 2 * LABEL_WIDTH) / 2;
  return 4;
}

static double
row_height (RexianFormPages       *self,
            const RexianFormField *field)
{
  const char *texts[4] = { field->label, field->value, field->label2, field->value2 };
  double widths[4];
  guint n = cell_widths (self, field, widths);
  double height = MAX (MIN_ROW, field->min_height);

  for (guint c = 0; c < n; c++)
    {
      gboolean label = c % 2 == 0;
      double h = text_height (self, label ? LABEL_SIZE : VALUE_SIZE, label, texts[c],
                              widths[c] - 2 * CELL_PADDING);

      height = MAX (height, h + 2 * CELL_PADDING);
    }

  return height;
}

static void
clear_row (gpointer data)
{
  Row *row = data;

  g_clear_pointer (&row->part, g_free);
}

/* Places the value of a full-width @field that is longer than a page, a part on each
 * page, cut between lines; returns where the last part ends. */
static double
place_long_value (RexianFormPages       *self,
                  guint                  index,
                  const RexianFormField *field,
                  guint                 *inout_page,
                  double                 y,
                  double                 top,
                  double                 bottom)
{
  double widths[4];
  g_autoptr(PangoLayout) layout = NULL;
  PangoLayoutIter *iter;
  int part_start = 0;
  double part_top = 0;

  /* A long value starts on a new page rather than with a sliver at the foot of one. */
  if (y + 4 * MIN_ROW > bottom)
    {
      (*inout_page)++;
      y = top;
    }

  cell_widths (self, field, widths);
  layout = _rexian_report_layout_new (self->context, VALUE_SIZE, FALSE, field->value,
                                      widths[1] - 2 * CELL_PADDING);
  iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle rect;
      double line_bottom;
      int index_here = pango_layout_iter_get_index (iter);

      pango_layout_iter_get_line_extents (iter, NULL, &rect);
      line_bottom = (double) (rect.y + rect.height) / PANGO_SCALE;

      /* This line does not fit under the part so far: the part ends above it. */
      if (y + line_bottom - part_top + 2 * CELL_PADDING > bottom && index_here > part_start)
        {
          Row row = { *inout_page, index, y, bottom - y, NULL };

          row.part = g_strndup (field->value + part_start, index_here - part_start);
          g_array_append_val (self->rows, row);
          (*inout_page)++;
          y = top;
          part_start = index_here;
          part_top = (double) rect.y / PANGO_SCALE;
        }
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  {
    double h = text_height (self, VALUE_SIZE, FALSE, field->value + part_start,
                            widths[1] - 2 * CELL_PADDING) + 2 * CELL_PADDING;
    Row row = { *inout_page, index, y, MAX (h, MIN_ROW), NULL };

    row.part = g_strdup (field->value + part_start);
    g_array_append_val (self->rows, row);
    return y + row.height;
  }
}

/* A row goes to the next page whole, under the running header, unless it is longer than
 * a page itself. */
static void
paginate (RexianFormPages *self)
{
  double top = MARGIN + self->title_height;
  double next_top = MARGIN + SUBTITLE_SIZE * 2;
  double bottom = self->height - MARGIN - FOOTER_HEIGHT;
  double y = top;
  guint page = 0;

  for (guint i = 0; i < self->document->fields->len; i++)
    {
      const RexianFormField *field = g_ptr_array_index (self->document->fields, i);
      Row row = { 0, i, 0, row_height (self, field), NULL };

      if (row.height > bottom - next_top && field->label2 == NULL)
        {
          y = place_long_value (self, i, field, &page, y, next_top, bottom);
          continue;
        }

      if (y + row.height > bottom && y > top)
        {
          page++;
          y = next_top;
        }
      row.page = page;
      row.y = y;
      g_array_append_val (self->rows, row);
      y += row.height;
    }

  self->n_pages = page + 1;
}

RexianFormPages *
rexian_form_pages_new (RexianFormDocument *document,
                       double              width,
                       double              height)
{
  RexianFormPages *self;
  double content = width - 2 * MARGIN;

  g_return_val_if_fail (document != NULL, NULL);

  self = g_new0 (RexianFormPages, 1);
  self->document = rexian_form_document_ref (document);
  self->width = width;
  self->height = height;

  if (document->tables != NULL)
    {
      self->tables = rexian_report_pages_new (document->tables, width, height);
      self->n_pages = rexian_report_pages_get_n_pages (self->tables);
      return self;
    }

  self->context = _rexian_report_context_new ();
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_array_set_clear_func (self->rows, clear_row);
  self->title_height = text_height (self, TITLE_SIZE, TRUE, document->title, content) + 6 +
                       text_height (self, SUBTITLE_SIZE, FALSE, document->subtitle, 0) + 14;
  paginate (self);

  return self;
}

void
rexian_form_pages_free (RexianFormPages *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->tables, rexian_report_pages_free);
  g_clear_object (&self->context);
  g_clear_pointer (&self->rows, g_array_unref);
  rexian_form_document_unref (self->document);
  g_free (self);
}

guint
rexian_form_pages_get_n_pages (RexianFormPages *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_pages;
}

static void
draw_text (RexianFormPages *self,
           cairo_t         *cr,
           double           size,
           gboolean         bold,
           const char      *text,
           double           x,
           double           y,
           double           width,
           PangoAlignment   alignment)
{
  g_autoptr(PangoLayout) layout = _rexian_report_layout_new (self->context, size, bold, text,
                                                             width);

  pango_layout_set_alignment (layout, alignment);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Labels are shaded and centred, as on the printed Table B.1; values start at the top
 * left, with the rest of the cell left to write in. */
static void
draw_row (RexianFormPages *self,
          cairo_t         *cr,
          const Row       *row)
{
  const RexianFormField *field = g_ptr_array_index (self->document->fields, row->field);
  const char *texts[4] = { field->label, row->part != NULL ? row->part : field->value,
                           field->label2, field->value2 };
  double widths[4];
  guint n = cell_widths (self, field, widths);
  double x = MARGIN;

  for (guint c = 0; c < n; c++)
    {
      gboolean label = c % 2 == 0;
      double inner = widths[c] - 2 * CELL_PADDING;

      if (label)
        {
          double h = text_height (self, LABEL_SIZE, TRUE, texts[c], inner);

          cairo_set_source_rgb (cr, 0.90, 0.90, 0.90);
          cairo_rectangle (cr, x, row->y, widths[c], row->height);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
          draw_text (self, cr, LABEL_SIZE, TRUE, texts[c], x + CELL_PADDING,
                     row->y + (row->height - h) / 2, inner, PANGO_ALIGN_CENTER);
        }
      else
        {
          cairo_set_source_rgb (cr, 0, 0, 0);
          draw_text (self, cr, VALUE_SIZE, FALSE, texts[c], x + CELL_PADDING,
                     row->y + CELL_PADDING, inner, PANGO_ALIGN_LEFT);
        }

      cairo_set_line_width (cr, LINE_WIDTH);
      cairo_rectangle (cr, x, row->y, widths[c], row->height);
      cairo_stroke (cr);
      x += widths[c];
    }
}

static void
draw_grid_page (RexianFormPages *self,
                cairo_t         *cr,
                guint            page)
{
  RexianFormDocument *document = self->document;
  double content = self->width - 2 * MARGIN;
  double footer_y = self->height - MARGIN - FOOTER_HEIGHT + 6;
  g_autofree char *footer = g_strdup_printf ("%s · %s", document->title, document->subtitle);
  /* The reports' own words, so that every printed page is numbered alike. */
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);

  cairo_set_source_rgb (cr, 0, 0, 0);
  if (page == 0)
    {
      double h = text_height (self, TITLE_SIZE, TRUE, document->title, content);

      draw_text (self, cr, TITLE_SIZE, TRUE, document->title, MARGIN, MARGIN, content,
                 PANGO_ALIGN_CENTER);
      draw_text (self, cr, SUBTITLE_SIZE, FALSE, document->subtitle, MARGIN, MARGIN + h + 6,
                 content, PANGO_ALIGN_RIGHT);
    }
  else
    draw_text (self, cr, SUBTITLE_SIZE, FALSE, document->subtitle, MARGIN, MARGIN, content,
               PANGO_ALIGN_RIGHT);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);

      if (row->page == page)
        draw_row (self, cr, row);
    }

  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  draw_text (self, cr, FOOTER_SIZE, FALSE, footer, MARGIN, footer_y, content,
             PANGO_ALIGN_LEFT);
  draw_text (self, cr, FOOTER_SIZE, FALSE, document->produced_text, MARGIN, footer_y, content,
             PANGO_ALIGN_CENTER);
  draw_text (self, cr, FOOTER_SIZE, FALSE, number, MARGIN, footer_y, content,
             PANGO_ALIGN_RIGHT);
}

void
rexian_form_pages_draw (RexianFormPages *self,
                        cairo_t         *cr,
                        guint            page)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (page < self->n_pages);

  if (self->tables != NULL)
    {
      rexian_report_pages_draw (self->tables, cr, page);
      return;
    }

  cairo_save (cr);
  draw_grid_page (self, cr, page);
  cairo_restore (cr);
}

/* Writing the PDF */

typedef struct
{
  GOutputStream *stream;
  GError        *error;
} Sink;

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  if (!g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static void
draw_form_page (gpointer  data,
                cairo_t  *cr,
                guint     page)
{
  rexian_form_pages_draw (data, cr, page);
}

static void
set_write_error (GError     **error,
                 const char  *path,
                 const char  *detail)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               /* Translators: the first %s is a file, the second what went wrong. */
               _("Cannot write the form to “%s”: %s"), display, detail);
}

gboolean
rexian_form_write_pdf (RexianFormDocument  *document,
                       const char          *path,
                       GError             **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abandon = NULL;
  g_autoptr(RexianFormPages) pages = NULL;
  g_autoptr(GError) local_error = NULL;
  Sink sink = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height;

  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* GIO writes beside the file and renames it over the old one when the stream closes;
   * a close that is cancelled leaves the old file as it was. */
  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                           &local_error);
  if (stream == NULL)
    {
      set_write_error (error, path, local_error->message);
      return FALSE;
    }

  rexian_form_document_get_page_size (document, &width, &height);
  pages = rexian_form_pages_new (document, width, height);
  sink.stream = G_OUTPUT_STREAM (stream);
  surface = cairo_pdf_surface_create_for_stream (write_to_stream, &sink, width, height);
  status = _rexian_report_draw_pdf (surface, document->title, document->subtitle,
                                    pages->n_pages, draw_form_page, pages);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS || sink.error != NULL)
    {
      abandon = g_cancellable_new ();
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      set_write_error (error, path,
                       sink.error != NULL ? sink.error->message : cairo_status_to_string (status));
      g_clear_error (&sink.error);
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error))
    {
      set_write_error (error, path, local_error->message);
      return FALSE;
    }

  return TRUE;
}
