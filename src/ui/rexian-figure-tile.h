/* rexian-figure-tile.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* How a figure stands against its threshold; the tile is coloured accordingly. */
typedef enum
{
  REXIAN_FIGURE_LEVEL_NONE,    /* no threshold, or nothing to judge yet */
  REXIAN_FIGURE_LEVEL_OK,
  REXIAN_FIGURE_LEVEL_WARNING,
  REXIAN_FIGURE_LEVEL_BAD,
} RexianFigureLevel;

GType rexian_figure_level_get_type (void) G_GNUC_CONST;
#define REXIAN_TYPE_FIGURE_LEVEL (rexian_figure_level_get_type ())

#define REXIAN_TYPE_FIGURE_TILE (rexian_figure_tile_get_type ())

G_DECLARE_FINAL_TYPE (RexianFigureTile, rexian_figure_tile, REXIAN, FIGURE_TILE, GtkWidget)

/* One figure of the supervisor view or the wall display: its name, its value in large
 * type, the formula it comes from (the standard asks that every figure shows how it
 * was computed) and its level against a threshold.  Clicking it emits "activate" so the
 * view can drill down to the calls or orders behind it; a tile with nothing behind it
 * is not clickable. */
GtkWidget         *rexian_figure_tile_new         (const char        *title);
const char        *rexian_figure_tile_get_title   (RexianFigureTile  *self);
void               rexian_figure_tile_set_title   (RexianFigureTile  *self,
                                                   const char        *title);
const char        *rexian_figure_tile_get_value   (RexianFigureTile  *self);
void               rexian_figure_tile_set_value   (RexianFigureTile  *self,
                                                   const char        *value);
const char        *rexian_figure_tile_get_formula (RexianFigureTile  *self);
void               rexian_figure_tile_set_formula (RexianFigureTile  *self,
                                                   const char        *formula);
RexianFigureLevel  rexian_figure_tile_get_level   (RexianFigureTile  *self);
void               rexian_figure_tile_set_level   (RexianFigureTile  *self,
                                                   RexianFigureLevel  level);
gboolean           rexian_figure_tile_get_activatable (RexianFigureTile *self);
void               rexian_figure_tile_set_activatable (RexianFigureTile *self,
                                                       gboolean          activatable);

G_END_DECLS
