/* axw-report-render.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "axw-error.h"
#include "axw-money.h"
#include "axw-report-render.h"
#include "axw-sale.h"

/* A4 in points; the text is laid out in a monospaced CJK face so the
 * columns of axw_report_to_lines() stay aligned. */
#define PAGE_W 595.0
#define PAGE_H 842.0
#define MARGIN 48.0
#define MONO_FONT "Noto Sans Mono CJK SC 9"
#define SANS_FONT "Noto Sans CJK SC"
#define LINE_H 13.0
#define COLUMNS 76

static void
draw_text (cairo_t    *cr,
           const char *font,
           const char *text,
           double      x,
           double      y,
           double      max_width,
           gboolean    center)
{
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  int w, h;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  if (center)
    x += (max_width - w) / 2;
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static int
hour_span (const AxwReport *r,
           int             *out_first)
{
  int first = 24, last = -1;

  for (int h = 0; h < 24; h++)
    if (r->hour_count[h] || r->hour_total_fen[h])
      {
        first = MIN (first, h);
        last = h;
      }
  if (last < 0)
    {
      first = 8;
      last = 20;
    }
  *out_first = first;
  return last - first + 1;
}

void
axw_report_draw_hours (cairo_t          *cr,
                       const AxwReport  *r,
                       double            x,
                       double            y,
                       double            width,
                       double            height)
{
  gint64 max = 1;
  int first, n = hour_span (r, &first);
  double label_h = 16, top_h = 16, plot_h = height - label_h - top_h, slot = width / n;
  g_autofree char *max_text = NULL;

  for (int h = first; h < first + n; h++)
    max = MAX (max, r->hour_total_fen[h]);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, x, y + top_h + plot_h + 0.5);
  cairo_line_to (cr, x + width, y + top_h + plot_h + 0.5);
  cairo_stroke (cr);
  for (int i = 0; i < n; i++)
    {
      gint64 v = MAX (r->hour_total_fen[first + i], 0);
      double bh = plot_h * (double) v / (double) max;
      g_autofree char *label = g_strdup_printf ("%d", first + i);

      /* dark blue bars: 7:1 against white, and the value is also text */
      cairo_set_source_rgb (cr, 0.05, 0.20, 0.45);
      cairo_rectangle (cr, x + i * slot + slot * 0.15, y + top_h + plot_h - bh, slot * 0.7, bh);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      draw_text (cr, SANS_FONT " 7", label, x + i * slot, y + top_h + plot_h + 2, slot, TRUE);
    }
  max_text = axw_money_format_screen (max);
  draw_text (cr, SANS_FONT " 7", max_text, x, y, width, FALSE);
  cairo_restore (cr);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

typedef struct {
  cairo_surface_t *surface;
  cairo_t         *cr;
  GByteArray      *bytes;
  double           y;
} Pdf;

static void
pdf_begin (Pdf *pdf)
{
  pdf->bytes = g_byte_array_new ();
  pdf->surface = cairo_pdf_surface_create_for_stream (append_bytes, pdf->bytes, PAGE_W, PAGE_H);
  pdf->cr = cairo_create (pdf->surface);
  pdf->y = MARGIN;
}

static void
pdf_need (Pdf    *pdf,
          double  height)
{
  if (pdf->y + height <= PAGE_H - MARGIN)
    return;
  cairo_show_page (pdf->cr);
  pdf->y = MARGIN;
}

static void
pdf_line (Pdf        *pdf,
          const char *text)
{
  pdf_need (pdf, LINE_H);
  cairo_set_source_rgb (pdf->cr, 0, 0, 0);
  draw_text (pdf->cr, MONO_FONT, text, MARGIN, pdf->y, 0, FALSE);
  pdf->y += LINE_H;
}

static GBytes *
pdf_end (Pdf     *pdf,
         GError **error)
{
  cairo_status_t status;

  cairo_destroy (pdf->cr);
  cairo_surface_finish (pdf->surface);
  status = cairo_surface_status (pdf->surface);
  cairo_surface_destroy (pdf->surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (pdf->bytes);
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID, _("Cannot write the PDF: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (pdf->bytes);
}

/**
 * axw_report_render_pdf:
 *
 * Returns: (transfer full): the report on A4 pages, with the hourly chart
 */
GBytes *
axw_report_render_pdf (const AxwReport  *r,
                       GError          **error)
{
  g_autoptr(GPtrArray) lines = axw_report_to_lines (r, COLUMNS, FALSE);
  Pdf pdf = { 0 };

  pdf_begin (&pdf);
  for (guint i = 0; i < lines->len; i++)
    pdf_line (&pdf, g_ptr_array_index (lines, i));
  pdf_need (&pdf, 180);
  pdf.y += 12;
  draw_text (pdf.cr, SANS_FONT " Bold 10", _("Sales by hour"), MARGIN, pdf.y, 0, FALSE);
  pdf.y += 18;
  axw_report_draw_hours (pdf.cr, r, MARGIN, pdf.y, PAGE_W - 2 * MARGIN, 150);
  return pdf_end (&pdf, error);
}

gboolean
axw_report_save_pdf (const AxwReport  *report,
                     const char       *path,
                     GError          **error)
{
  g_autoptr(GBytes) pdf = axw_report_render_pdf (report, error);
  gsize len;
  const char *data;

  if (pdf == NULL)
    return FALSE;
  data = g_bytes_get_data (pdf, &len);
  return g_file_set_contents_full (path, data, (gssize) len, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                   error);
}

/**
 * axw_claim_render_pdf:
 *
 * Returns: (transfer full): the subsidy claim, one red packet a line
 */
GBytes *
axw_claim_render_pdf (const char  *funder,
                      const char  *from,
                      const char  *to,
                      GPtrArray   *rows,
                      GError     **error)
{
  g_autofree char *title = g_strdup_printf (_("Red packet subsidy claim: %s"), funder);
  g_autofree char *period = g_strdup_printf ("%s – %s", from, to);
  g_autofree char *sum = NULL;
  g_autofree char *money = NULL;
  Pdf pdf = { 0 };
  gint64 total = 0;

  pdf_begin (&pdf);
  draw_text (pdf.cr, SANS_FONT " Bold 14", title, MARGIN, pdf.y, 0, FALSE);
  pdf.y += 24;
  pdf_line (&pdf, period);
  pdf_line (&pdf, "");
  pdf_line (&pdf, _("Code             Receipt                Date        Amount"));
  for (guint i = 0; i < rows->len; i++)
    {
      AxwClaimRow *row = g_ptr_array_index (rows, i);
      g_autofree char *amount = axw_money_format_screen (row->amount_fen);
      g_autofree char *line = g_strdup_printf ("%-16s %-22s %s %10s", row->code, row->receipt_no,
                                               row->date, amount);

      pdf_line (&pdf, line);
      if (row->refund_of)
        {
          g_autofree char *note = g_strdup_printf (_("                 (refund of %s)"),
                                                   row->refund_of);

          pdf_line (&pdf, note);
        }
      total += row->amount_fen;
    }
  money = axw_money_format_screen (total);
  sum = g_strdup_printf (_("Total to claim: %s (%u lines)"), money, rows->len);
  pdf_line (&pdf, "");
  pdf_line (&pdf, sum);
  return pdf_end (&pdf, error);
}

/* "cash+wechat" → "现金+微信支付" (the labels in the reader's language). */
static char *
method_labels (const char *methods)
{
  g_auto(GStrv) codes = g_strsplit (methods ? methods : "", "+", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      AxwPayMethod m;

      if (i > 0)
        g_string_append_c (out, '+');
      g_string_append (out,
                       axw_pay_method_from_string (codes[i], &m)
                         ? axw_pay_method_label (m) : codes[i]);
    }
  return g_string_free (out, FALSE);
}

/**
 * axw_donation_book_render_pdf:
 * @rows: (element-type AxwDonationRow): from axw_reports_donation_book()
 *
 * The donation book as a public notice to put up in the shop: A4, one
 * donation a line, the total and a word of thanks (docs/design.md §15).
 *
 * Returns: (transfer full): the PDF, or %NULL with @error
 */
GBytes *
axw_donation_book_render_pdf (const char  *shop,
                              const char  *fund,
                              const char  *from,
                              const char  *to,
                              GPtrArray   *rows,
                              GError     **error)
{
  g_autofree char *period = g_strdup_printf ("%s – %s", from, to);
  g_autofree char *money = axw_money_format_screen (axw_donation_book_total (rows));
  g_autofree char *sum = g_strdup_printf (_("Total: %s (%u entries)"), money, rows->len);
  Pdf pdf = { 0 };

  pdf_begin (&pdf);
  draw_text (pdf.cr, SANS_FONT " Bold 16", _("Donations: public notice"), MARGIN, pdf.y, 0, FALSE);
  pdf.y += 28;
  draw_text (pdf.cr, SANS_FONT " Bold 12", fund, MARGIN, pdf.y, 0, FALSE);
  pdf.y += 20;
  if (shop != NULL && *shop != '\0')
    pdf_line (&pdf, shop);
  pdf_line (&pdf, period);
  pdf_line (&pdf, "");
  pdf_line (&pdf, _("Date        Receipt                    Amount   Paid by"));
  for (guint i = 0; i < rows->len; i++)
    {
      AxwDonationRow *row = g_ptr_array_index (rows, i);
      g_autofree char *amount = axw_money_format_screen (row->amount_fen);
      g_autofree char *how = method_labels (row->methods);
      g_autofree char *line = g_strdup_printf ("%s  %-22s %10s   %s", row->date, row->receipt_no,
                                               amount, how);

      pdf_line (&pdf, line);
      if (row->refund_of)
        {
          g_autofree char *note = g_strdup_printf (_("            (given back: refund of %s)"),
                                                   row->refund_of);

          pdf_line (&pdf, note);
        }
    }
  pdf_line (&pdf, "");
  pdf_line (&pdf, sum);
  pdf_line (&pdf, _("Thank you to everyone who gave."));
  return pdf_end (&pdf, error);
}

/**
 * axw_lines_render_pdf:
 * @lines: (element-type utf8): the document, the first line its title
 *
 * Returns: (transfer full): an A4 PDF of the lines (a consignment
 *   settlement, axw_settlement_to_lines())
 */
GBytes *
axw_lines_render_pdf (GPtrArray  *lines,
                      GError    **error)
{
  Pdf pdf = { 0 };

  pdf_begin (&pdf);
  for (guint i = 0; i < lines->len; i++)
    {
      if (i == 0)
        {
          draw_text (pdf.cr, SANS_FONT " Bold 12", g_ptr_array_index (lines, 0), MARGIN, pdf.y, 0,
                     FALSE);
          pdf.y += 24;
          continue;
        }
      pdf_line (&pdf, g_ptr_array_index (lines, i));
    }
  return pdf_end (&pdf, error);
}

/**
 * axw_report_render_lines_png:
 *
 * Returns: (transfer full): a PNG, black on white
 */
GBytes *
axw_report_render_lines_png (GPtrArray  *lines,
                             int         columns,
                             int         dots,
                             GError    **error)
{
  double cell = (double) dots / columns;
  double line_h = cell * 2.2;
  int height = (int) (line_h * (lines->len + 2));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, dots, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string ("Noto Sans Mono CJK SC");
  GByteArray *bytes = g_byte_array_new ();
  cairo_status_t status;

  /* a half-width glyph of the mono face is half an em wide */
  pango_font_description_set_absolute_size (desc, cell * 2 * PANGO_SCALE);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < lines->len; i++)
    {
      PangoLayout *layout = pango_cairo_create_layout (cr);

      pango_layout_set_font_description (layout, desc);
      pango_layout_set_text (layout, g_ptr_array_index (lines, i), -1);
      cairo_move_to (cr, 0, line_h * (i + 1));
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);
    }
  cairo_destroy (cr);
  status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (bytes);
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID, _("Cannot write the PNG: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (bytes);
}
