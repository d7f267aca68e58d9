/* rexian-report-pages.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "rexian-report-pages.h"
#include "rexian-report-private.h"

/* One family for all text: a report is read in Chinese, and mixing a Latin face for the
 * digits with a CJK face for the words makes uneven rows. */
#define FONT_FAMILY "WenQuanYi Micro Hei, Noto Sans CJK SC, Sans"

#define MARGIN        36.0
#define FOOTER_HEIGHT 18.0
#define CELL_PADDING  3.0
#define TABLE_GAP     14.0
#define LINE_WIDTH    0.5
/* A column of text is not squeezed below this to make room for others. */
#define MIN_TEXT_WIDTH 110.0
/* A heading wraps rather than widening its column past this. */
#define MAX_HEADING_WIDTH 80.0
/* A table split over pages has at least this many rows on its first page. */
#define KEEP_ROWS 5

typedef enum
{
  FONT_TITLE,
  FONT_SUBTITLE,
  FONT_SECTION,
  FONT_HEADING,
  FONT_CELL,
  FONT_FOOTER,
  N_FONTS
} Font;

static const struct
{
  double   size;
  gboolean bold;
} fonts[N_FONTS] = {
  [FONT_TITLE]    = { 16, TRUE },
  [FONT_SUBTITLE] = { 9, FALSE },
  [FONT_SECTION]  = { 11, TRUE },
  [FONT_HEADING]  = { 7.5, TRUE },
  [FONT_CELL]     = { 7.5, FALSE },
  [FONT_FOOTER]   = { 7, FALSE },
};

typedef struct
{
  char     *title;
  guint     n_columns;
  guint     n_rows;
  char    **headings;
  char    **texts;        /* n_rows × n_columns, formatted for people */
  gboolean *numeric;      /* per column: right-aligned figures */
  double   *widths;       /* per column */
  gboolean  fill_width;   /* the last column takes what the page has left */
  double    width;        /* the sum of widths */
  double    heading_height;
  double   *row_heights;
} Table;

typedef enum
{
  PLACE_TITLE,
  PLACE_SECTION,
  PLACE_SECTION_CONTINUED,
  PLACE_HEADINGS,
  PLACE_ROW,
  PLACE_EMPTY,
} PlaceKind;

/* Something drawn at a height on a page. */
typedef struct
{
  guint     page;
  PlaceKind kind;
  guint     table;
  guint     row;
  double    y;
} Place;

struct _RexianReportPages
{
  PangoContext *context;
  double        width;
  double        height;
  char         *title;
  char         *period_text;
  char         *produced_text;
  char         *header_text;
  GPtrArray    *tables;   /* Table */
  GArray       *places;   /* Place, by page */
  guint         n_pages;
  double        title_height;
  double        section_height;
  double        empty_height;
  double        header_height;
};

static void
table_free (gpointer data)
{
  Table *table = data;

  g_free (table->title);
  g_strfreev (table->headings);
  g_strfreev (table->texts);
  g_free (table->numeric);
  g_free (table->widths);
  g_free (table->row_heights);
  g_free (table);
}

PangoLayout *
_rexian_report_layout_new (PangoContext *context,
                           double        size,
                           gboolean      bold,
                           const char   *text,
                           double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (description, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (description, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, description);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }

  return layout;
}

static PangoLayout *
make_layout (RexianReportPages *self,
             Font               font,
             const char        *text,
             double             width)
{
  return _rexian_report_layout_new (self->context, fonts[font].size, fonts[font].bold, text,
                                    width);
}

/* The size of @text in points, on one line when @width is 0. */
static void
measure (RexianReportPages *self,
         Font               font,
         const char        *text,
         double             width,
         double            *out_width,
         double            *out_height)
{
  g_autoptr(PangoLayout) layout = make_layout (self, font, text, width);
  int w = 0, h = 0;

  pango_layout_get_size (layout, &w, &h);
  if (out_width != NULL)
    *out_width = (double) w / PANGO_SCALE;
  if (out_height != NULL)
    *out_height = (double) h / PANGO_SCALE;
}

/* The widest word of @text: a heading wraps between words, never inside one. */
static double
widest_word (RexianReportPages *self,
             const char        *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  double widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      double w = 0;

      measure (self, FONT_HEADING, words[i], 0, &w, NULL);
      widest = MAX (widest, w);
    }

  return widest;
}

/* Each column gets what it wants (its longest cell on one line, its heading on a line or
 * two) when the page is wide enough, and else something between that and its least:
 * figures never wrap, headings wrap only between words, and text wraps only past
 * MIN_TEXT_WIDTH.  Narrow tables are widened a little, not stretched across the page. */
static void
size_columns (RexianReportPages *self,
              Table             *table)
{
  double available = self->width - 2 * MARGIN;
  g_autofree double *least = g_new0 (double, table->n_columns);
  double total = 0, total_least = 0, factor;

  for (guint c = 0; c < table->n_columns; c++)
    {
      double heading_width = 0, content = 0, word;

      measure (self, FONT_HEADING, table->headings[c], 0, &heading_width, NULL);
      word = widest_word (self, table->headings[c]);
      for (guint r = 0; r < table->n_rows; r++)
        {
          double w = 0;

          measure (self, FONT_CELL, table->texts[r * table->n_columns + c], 0, &w, NULL);
          content = MAX (content, w);
        }

      if (table->numeric[c])
        least[c] = MAX (content, word);
      else
        least[c] = MAX (MIN (content, MIN_TEXT_WIDTH), word);
      least[c] = MIN (least[c] + 2 * CELL_PADDING, available * 0.45);

      table->widths[c] = MAX (content, MIN (heading_width, MAX_HEADING_WIDTH));
      table->widths[c] = CLAMP (table->widths[c] + 2 * CELL_PADDING, least[c], available * 0.45);

      total += table->widths[c];
      total_least += least[c];
    }

  if (total > available && total_least < available)
    {
      /* Everyone gives up the same share of what they want beyond their least. */
      double keep = (available - total_least) / (total - total_least);

      total = 0;
      for (guint c = 0; c < table->n_columns; c++)
        {
          table->widths[c] = least[c] + (table->widths[c] - least[c]) * keep;
          total += table->widths[c];
        }
    }

  /* Wider still than the page (a great many columns): in proportion, wrapping. */
  factor = available / total;
  if (factor > 1.0 && table->n_columns < 5)
    factor = MIN (factor, 1.5);

  /* A form's label and value columns: the labels keep their width, the values take
   * the rest of the page. */
  if (table->fill_width && factor > 1.0)
    {
      table->widths[table->n_columns - 1] += available - total;
      factor = 1.0;
    }

  total = 0;
  for (guint c = 0; c < table->n_columns; c++)
    {
      table->widths[c] *= factor;
      total += table->widths[c];
    }

  table->width = total;
}

static void
size_rows (RexianReportPages *self,
           Table             *table)
{
  table->heading_height = 0;
  for (guint c = 0; c < table->n_columns; c++)
    {
      double h = 0;

      measure (self, FONT_HEADING, table->headings[c], table->widths[c] - 2 * CELL_PADDING,
               NULL, &h);
      table->heading_height = MAX (table->heading_height, h + 2 * CELL_PADDING);
    }

  for (guint r = 0; r < table->n_rows; r++)
    {
      table->row_heights[r] = 0;
      for (guint c = 0; c < table->n_columns; c++)
        {
          double h = 0;

          measure (self, FONT_CELL, table->texts[r * table->n_columns + c],
                   table->widths[c] - 2 * CELL_PADDING, NULL, &h);
          table->row_heights[r] = MAX (table->row_heights[r], h + 2 * CELL_PADDING);
        }
    }
}

static Table *
table_new (RexianReportPages       *self,
           const RexianReportTable *source)
{
  Table *table = g_new0 (Table, 1);

  table->title = g_strdup (source->title);
  table->n_columns = source->n_columns;
  table->n_rows = source->n_rows;
  table->headings = g_strdupv (source->headings);
  table->texts = g_new0 (char *, (gsize) source->n_rows * source->n_columns + 1);
  table->numeric = g_new0 (gboolean, source->n_columns);
  table->widths = g_new0 (double, source->n_columns);
  table->fill_width = source->fill_width;
  table->row_heights = g_new0 (double, MAX (source->n_rows, 1));

  /* A column is numeric when no cell in it holds words. */
  for (guint c = 0; c < source->n_columns; c++)
    table->numeric[c] = TRUE;
  for (guint r = 0; r < source->n_rows; r++)
    for (guint c = 0; c < source->n_columns; c++)
      {
        const RexianReportCell *cell = rexian_report_table_get_cell (source, r, c);

        table->texts[r * source->n_columns + c] = rexian_report_cell_format (cell);
        if (cell->kind == REXIAN_REPORT_CELL_TEXT)
          table->numeric[c] = FALSE;
      }

  size_columns (self, table);
  size_rows (self, table);

  return table;
}

static void
place (RexianReportPages *self,
       guint              page,
       PlaceKind          kind,
       guint              table,
       guint              row,
       double             y)
{
  Place p = { page, kind, table, row, y };

  g_array_append_val (self->places, p);
}

static void
paginate (RexianReportPages *self)
{
  double top = MARGIN + self->header_height;
  double bottom = self->height - MARGIN - FOOTER_HEIGHT;
  double y = top;
  guint page = 0;

  place (self, page, PLACE_TITLE, 0, 0, y);
  y += self->title_height;

  for (guint t = 0; t < self->tables->len; t++)
    {
      Table *table = g_ptr_array_index (self->tables, t);
      double whole = self->section_height + table->heading_height;
      double start = whole;

      /* A table that fits on a page is not split; a longer one starts where at least a
       * few of its rows fit under its headings. */
      if (table->n_rows == 0)
        whole += self->empty_height;
      for (guint r = 0; r < table->n_rows; r++)
        {
          whole += table->row_heights[r];
          if (r < KEEP_ROWS)
            start += table->row_heights[r];
        }
      if (whole > bottom - top)
        whole = start;

      if (y + whole > bottom && y > top)
        {
          page++;
          y = top;
        }

      place (self, page, PLACE_SECTION, t, 0, y);
      y += self->section_height;
      place (self, page, PLACE_HEADINGS, t, 0, y);
      y += table->heading_height;

      if (table->n_rows == 0)
        {
          place (self, page, PLACE_EMPTY, t, 0, y);
          y += self->empty_height;
        }

      for (guint r = 0; r < table->n_rows; r++)
        {
          double row_top = top + self->section_height + table->heading_height;

          if (y + table->row_heights[r] > bottom && y > row_top)
            {
              page++;
              y = top;
              place (self, page, PLACE_SECTION_CONTINUED, t, 0, y);
              y += self->section_height;
              place (self, page, PLACE_HEADINGS, t, 0, y);
              y += table->heading_height;
            }
          place (self, page, PLACE_ROW, t, r, y);
          y += table->row_heights[r];
        }

      y += TABLE_GAP;
    }

  self->n_pages = page + 1;
}

PangoContext *
_rexian_report_context_new (void)
{
  PangoContext *context;
  cairo_font_options_t *options;

  /* Text is measured in points without hinting, on a context of its own rather than one
   * taken from a surface: the print dialog's cairo context may be scaled or rotated for
   * the paper, and the pages must come out the same on paper as in the PDF. */
  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  return context;
}

RexianReportPages *
rexian_report_pages_new (RexianReportDocument *document,
                         double                width,
                         double                height)
{
  RexianReportPages *self;
  double h1 = 0, h2 = 0;

  g_return_val_if_fail (document != NULL, NULL);

  self = g_new0 (RexianReportPages, 1);
  self->width = width;
  self->height = height;
  self->title = g_strdup (document->title);
  self->period_text = g_strdup (document->period_text);
  self->produced_text = g_strdup (document->produced_text);
  self->header_text = g_strdup (document->header_text);
  self->tables = g_ptr_array_new_with_free_func (table_free);
  self->places = g_array_new (FALSE, FALSE, sizeof (Place));
  self->context = _rexian_report_context_new ();

  if (self->header_text != NULL)
    {
      measure (self, FONT_FOOTER, self->header_text, 0, NULL, &h1);
      self->header_height = h1 + 8;
    }

  measure (self, FONT_TITLE, self->title, width - 2 * MARGIN, NULL, &h1);
  measure (self, FONT_SUBTITLE, self->period_text, 0, NULL, &h2);
  self->title_height = h1 + 4 + 2 * h2 + TABLE_GAP;
  measure (self, FONT_SECTION, self->title, 0, NULL, &h1);
  self->section_height = h1 + 4;
  measure (self, FONT_CELL, _("No figures in this period."), 0, NULL, &h1);
  self->empty_height = h1 + 2 * CELL_PADDING;

  for (guint t = 0; t < document->tables->len; t++)
    g_ptr_array_add (self->tables, table_new (self, g_ptr_array_index (document->tables, t)));

  paginate (self);

  return self;
}

void
rexian_report_pages_free (RexianReportPages *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->context);
  g_free (self->title);
  g_free (self->period_text);
  g_free (self->produced_text);
  g_free (self->header_text);
  g_ptr_array_unref (self->tables);
  g_array_unref (self->places);
  g_free (self);
}

guint
rexian_report_pages_get_n_pages (RexianReportPages *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_pages;
}

static void
draw_text (RexianReportPages *self,
           cairo_t           *cr,
           Font               font,
           const char        *text,
           double             x,
           double             y,
           double             width,
           PangoAlignment     alignment)
{
  g_autoptr(PangoLayout) layout = make_layout (self, font, text, width);

  pango_layout_set_alignment (layout, alignment);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_row (RexianReportPages *self,
          cairo_t           *cr,
          Table             *table,
          char             **texts,
          gboolean           headings,
          double             y,
          double             height)
{
  double x = MARGIN;

  if (headings)
    {
      cairo_set_source_rgb (cr, 0.90, 0.90, 0.90);
      cairo_rectangle (cr, x, y, table->width, height);
      cairo_fill (cr);
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, LINE_WIDTH);
  for (guint c = 0; c < table->n_columns; c++)
    {
      PangoAlignment alignment = PANGO_ALIGN_LEFT;

      if (headings)
        alignment = PANGO_ALIGN_CENTER;
      else if (table->numeric[c])
        alignment = PANGO_ALIGN_RIGHT;

      draw_text (self, cr, headings ? FONT_HEADING : FONT_CELL, texts[c],
                 x + CELL_PADDING, y + CELL_PADDING, table->widths[c] - 2 * CELL_PADDING,
                 alignment);
      cairo_rectangle (cr, x, y, table->widths[c], height);
      cairo_stroke (cr);
      x += table->widths[c];
    }
}

static void
draw_place (RexianReportPages *self,
            cairo_t           *cr,
            const Place       *p)
{
  double content = self->width - 2 * MARGIN;
  Table *table = p->kind == PLACE_TITLE ? NULL : g_ptr_array_index (self->tables, p->table);

  switch (p->kind)
    {
    case PLACE_TITLE:
      {
        double h = 0, sub = 0;

        measure (self, FONT_TITLE, self->title, content, NULL, &h);
        measure (self, FONT_SUBTITLE, self->period_text, 0, NULL, &sub);
        draw_text (self, cr, FONT_TITLE, self->title, MARGIN, p->y, content,
                   PANGO_ALIGN_CENTER);
        draw_text (self, cr, FONT_SUBTITLE, self->period_text, MARGIN, p->y + h + 4, content,
                   PANGO_ALIGN_CENTER);
        draw_text (self, cr, FONT_SUBTITLE, self->produced_text, MARGIN, p->y + h + 4 + sub,
                   content, PANGO_ALIGN_CENTER);
        break;
      }
    case PLACE_SECTION:
      draw_text (self, cr, FONT_SECTION, table->title, MARGIN, p->y, content,
                 PANGO_ALIGN_LEFT);
      break;
    case PLACE_SECTION_CONTINUED:
      {
        /* Translators: the heading of a table continued from the page before. */
        g_autofree char *text = g_strdup_printf (_("%s (continued)"), table->title);

        draw_text (self, cr, FONT_SECTION, text, MARGIN, p->y, content, PANGO_ALIGN_LEFT);
        break;
      }
    case PLACE_HEADINGS:
      draw_row (self, cr, table, table->headings, TRUE, p->y, table->heading_height);
      break;
    case PLACE_ROW:
      draw_row (self, cr, table, &table->texts[p->row * table->n_columns], FALSE, p->y,
                table->row_heights[p->row]);
      break;
    case PLACE_EMPTY:
      draw_text (self, cr, FONT_CELL, _("No figures in this period."),
                 MARGIN + CELL_PADDING, p->y + CELL_PADDING, content, PANGO_ALIGN_LEFT);
      break;
    default:
      g_assert_not_reached ();
    }
}

void
rexian_report_pages_draw (RexianReportPages *self,
                          cairo_t           *cr,
                          guint              page)
{
  double content = self->width - 2 * MARGIN;
  double footer_y = self->height - MARGIN - FOOTER_HEIGHT + 6;
  g_autofree char *footer = NULL;
  g_autofree char *number = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (page < self->n_pages);

  /* The layouts keep the metrics they were measured with: the print dialog may rotate
   * or scale @cr for the paper, and cairo applies that to the glyphs as drawn. */
  cairo_save (cr);

  for (guint i = 0; i < self->places->len; i++)
    {
      const Place *p = &g_array_index (self->places, Place, i);

      if (p->page == page)
        draw_place (self, cr, p);
    }

  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  if (self->header_text != NULL)
    draw_text (self, cr, FONT_FOOTER, self->header_text, MARGIN, MARGIN, content,
               PANGO_ALIGN_RIGHT);
  footer = g_strdup_printf ("%s · %s", self->title, self->period_text);
  /* Translators: the page number at the foot of every page of a report. */
  number = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  draw_text (self, cr, FONT_FOOTER, footer, MARGIN, footer_y, content, PANGO_ALIGN_LEFT);
  draw_text (self, cr, FONT_FOOTER, number, MARGIN, footer_y, content, PANGO_ALIGN_RIGHT);

  cairo_restore (cr);
}

cairo_status_t
_rexian_report_draw_pdf (cairo_surface_t     *surface,
                         const char          *title,
                         const char          *subject,
                         guint                n_pages,
                         RexianReportDrawPage draw_page,
                         gpointer             data)
{
  cairo_status_t status;
  cairo_t *cr;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Rexian");
  cr = cairo_create (surface);

  for (guint i = 0; i < n_pages && cairo_status (cr) == CAIRO_STATUS_SUCCESS; i++)
    {
      draw_page (data, cr, i);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);

  return status;
}

static void
draw_report_page (gpointer  data,
                  cairo_t  *cr,
                  guint     page)
{
  rexian_report_pages_draw (data, cr, page);
}

gboolean
_rexian_report_write_pdf (RexianReportDocument  *document,
                          const char            *path,
                          GError               **error)
{
  g_autoptr(RexianReportPages) pages = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;

  surface = cairo_pdf_surface_create (path, REXIAN_REPORT_PAGE_WIDTH, REXIAN_REPORT_PAGE_HEIGHT);
  pages = rexian_report_pages_new (document, REXIAN_REPORT_PAGE_WIDTH,
                                   REXIAN_REPORT_PAGE_HEIGHT);
  status = _rexian_report_draw_pdf (surface, document->title, document->period_text,
                                    pages->n_pages, draw_report_page, pages);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      _rexian_report_set_write_error (error, path, EIO, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}
