/* axw-receipt-render.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The receipt as the printer would print it: one pixel per dot, Font A
 * cells of 12 × 24 dots, every non-ASCII character two cells wide.
 */
#include <glib/gi18n.h>
#include "axw-receipt-render.h"

#include <pango/pangocairo.h>

#include "axw-escpos.h"
#include "axw-receipt.h"

#define CELL_W 12
#define CELL_H 24
#define LINE_GAP 6
#define FEED_ROWS 4
#define FONT "Noto Sans Mono CJK SC"

static guint
item_height (const AxwReceiptItem *item,
             guint                 width_mm)
{
  g_autoptr(AxwRaster) qr = NULL;

  switch (item->kind)
    {
    case AXW_RECEIPT_TEXT:
      return item->size * CELL_H + LINE_GAP;
    case AXW_RECEIPT_QR:
      qr = axw_raster_new_qr (item->text, axw_receipt_dots_for_width (width_mm) * 2 / 3, NULL);
      return qr != NULL ? qr->height : 0;
    case AXW_RECEIPT_FEED:
      return FEED_ROWS * (CELL_H + LINE_GAP);
    case AXW_RECEIPT_DRAWER:
    case AXW_RECEIPT_CUT:
    default:
      return 0;
    }
}

static void
draw_char (cairo_t     *cr,
           PangoLayout *layout,
           gunichar     c,
           double       x,
           double       y,
           double       cell_w)
{
  char utf8[8];
  int len = g_unichar_to_utf8 (c, utf8);
  PangoRectangle logical;

  pango_layout_set_text (layout, utf8, len);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  cairo_move_to (cr, x + (cell_w - logical.width) / 2.0, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_text (cairo_t              *cr,
           const AxwReceiptItem *item,
           guint                 paper_dots,
           double                y)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT);
  guint size = item->size;
  double width = axw_receipt_text_columns (item->text) * CELL_W * size;
  double x = 0;

  pango_font_description_set_absolute_size (font, CELL_H * size * 0.85 * PANGO_SCALE);
  pango_font_description_set_weight (font, item->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  if (item->align == AXW_RECEIPT_CENTER)
    x = (paper_dots - width) / 2;
  else if (item->align == AXW_RECEIPT_RIGHT)
    x = paper_dots - width;
  for (const char *p = item->text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      double cell = (c < 0x80 ? 1 : 2) * CELL_W * size;

      if (c != ' ')
        draw_char (cr, layout, c, x, y, cell);
      x += cell;
    }
  pango_font_description_free (font);
  g_object_unref (layout);
}

static void
draw_qr (cairo_t              *cr,
         const AxwReceiptItem *item,
         guint                 paper_dots,
         double                y)
{
  g_autoptr(AxwRaster) qr = axw_raster_new_qr (item->text, paper_dots * 2 / 3, NULL);
  double x0;

  if (qr == NULL)
    return;
  x0 = (paper_dots - qr->width_dots) / 2;
  for (guint j = 0; j < qr->height; j++)
    for (guint i = 0; i < qr->width_dots; i++)
      if (axw_raster_get (qr, i, j))
        cairo_rectangle (cr, x0 + i, y + j, 1, 1);
  cairo_fill (cr);
}

/* A dashed line where the printer cuts, as on the preview of any POS. */
static void
draw_cut (cairo_t *cr,
          guint    paper_dots,
          double   y)
{
  double dash = 6;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_dash (cr, &dash, 1, 0);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, 0, y + 0.5);
  cairo_line_to (cr, paper_dots, y + 0.5);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * axw_receipt_render:
 * @items: (element-type AxwReceiptItem): from axw_receipt_layout()
 *
 * Returns: (transfer full): a white image @width_mm's dots wide
 */
cairo_surface_t *
axw_receipt_render (GPtrArray  *items,
                    guint       width_mm,
                    GError    **error)
{
  guint dots = axw_receipt_dots_for_width (width_mm);
  guint margin = 16, height = 2 * margin;
  cairo_surface_t *surface;
  cairo_t *cr;
  double y = margin;

  for (guint i = 0; i < items->len; i++)
    height += item_height (items->pdata[i], width_mm);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) dots, (int) height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < items->len; i++)
    {
      const AxwReceiptItem *item = items->pdata[i];

      if (item->kind == AXW_RECEIPT_TEXT)
        draw_text (cr, item, dots, y);
      else if (item->kind == AXW_RECEIPT_QR)
        draw_qr (cr, item, dots, y);
      else if (item->kind == AXW_RECEIPT_CUT)
        draw_cut (cr, dots, y);
      y += item_height (item, width_mm);
    }
  cairo_destroy (cr);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, AXW_PRINTER_ERROR, AXW_PRINTER_ERROR_IO,
                   _("Could not draw the receipt: %s"),
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }
  return surface;
}

gboolean
axw_receipt_render_png (GPtrArray  *items,
                        guint       width_mm,
                        const char *path,
                        GError    **error)
{
  cairo_surface_t *surface = axw_receipt_render (items, width_mm, error);
  cairo_status_t status;

  if (surface == NULL)
    return FALSE;
  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, AXW_PRINTER_ERROR, AXW_PRINTER_ERROR_IO,
                   _("Could not write the receipt picture to %s: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
