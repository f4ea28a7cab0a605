/* axw-escpos.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include "axw-escpos.h"

#include <qrencode.h>
#include <string.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QRcode, QRcode_free)
G_DEFINE_QUARK (axw-printer-error-quark, axw_printer_error)

/* Rows per GS v 0 command: some printers buffer no more. */
#define MAX_RASTER_ROWS 960
#define QR_QUIET_MODULES 2

/* '□' U+25A1 is A1 F5: a visible two-column mark for what the printer
 * cannot print, the same width as the character it replaces. */
static const guint8 replacement[] = { 0xA1, 0xF5 };

void
axw_raster_free (AxwRaster *raster)
{
  if (raster == NULL)
    return;
  g_free (raster->data);
  g_free (raster);
}

gboolean
axw_raster_get (const AxwRaster *raster,
                guint            x,
                guint            y)
{
  return (raster->data[y * raster->bytes_per_row + x / 8] & (0x80 >> (x % 8))) != 0;
}

static void
raster_set (AxwRaster *raster,
            guint      x,
            guint      y)
{
  raster->data[y * raster->bytes_per_row + x / 8] |= (guint8) (0x80 >> (x % 8));
}

/**
 * axw_raster_new_qr:
 * @text: what the code says
 * @max_dots: the widest the image may be
 *
 * Returns: (transfer full): the QR code, modules scaled up to at most 6 dots,
 *   with a quiet zone
 */
AxwRaster *
axw_raster_new_qr (const char  *text,
                   guint        max_dots,
                   GError     **error)
{
  g_autoptr(QRcode) qr = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  AxwRaster *raster;
  guint modules, scale;

  if (qr == NULL)
    {
      g_set_error (error, AXW_PRINTER_ERROR, AXW_PRINTER_ERROR_QR,
                   _("The receipt link is too long for a QR code. Shorten the receipt.qr_url "
                     "setting."));
      return NULL;
    }
  modules = (guint) qr->width + 2 * QR_QUIET_MODULES;
  scale = MIN (6, max_dots / modules);
  if (scale == 0)
    {
      g_set_error (error, AXW_PRINTER_ERROR, AXW_PRINTER_ERROR_QR,
                   _("The receipt link is too long for a QR code on this paper. "
                   "Shorten the receipt.qr_url setting."));
      return NULL;
    }
  raster = g_new0 (AxwRaster, 1);
  raster->width_dots = modules * scale;
  raster->height = modules * scale;
  raster->bytes_per_row = (raster->width_dots + 7) / 8;
  raster->data = g_malloc0 ((gsize) raster->bytes_per_row * raster->height);
  for (guint y = 0; y < raster->height; y++)
    for (guint x = 0; x < raster->width_dots; x++)
      {
        int mx = (int) (x / scale) - QR_QUIET_MODULES;
        int my = (int) (y / scale) - QR_QUIET_MODULES;

        if (mx >= 0 && my >= 0 && mx < qr->width && my < qr->width &&
            (qr->data[my * qr->width + mx] & 1))
          raster_set (raster, x, y);
      }
  return raster;
}

/* Each character alone, so that one the printer cannot print is replaced
 * where it stands and the rest of the line survives. */
static void
append_char (GByteArray *out,
             gunichar    c,
             GIConv      conv,
             guint      *n_replaced)
{
  char utf8[8];
  gsize len = (gsize) g_unichar_to_utf8 (c, utf8);
  g_autofree char *gb = NULL;
  gsize written = 0;

  /* a control byte in text would be a printer command: the layout never
   * gives one, and anything else that does gets □ */
  if ((c >= 0x20 && c < 0x7F) || c == '\n')
    {
      guint8 b = (guint8) c;

      g_byte_array_append (out, &b, 1);
      return;
    }
  if (c >= 0xE000 && c <= 0xF8FF)
    len = 0;  /* private use: GB18030 has user-defined codes, no printer a glyph */
  if (len > 0)
    gb = g_convert_with_iconv (utf8, (gssize) len, conv, NULL, &written, NULL);
  if (gb != NULL && written == 2)
    {
      g_byte_array_append (out, (const guint8 *) gb, 2);
      return;
    }
  g_byte_array_append (out, replacement, sizeof replacement);
  if (n_replaced != NULL)
    (*n_replaced)++;
}

/**
 * axw_escpos_append_text:
 * @n_replaced: (inout) (optional): counts characters replaced by □
 *
 * Appends @utf8 as GB18030 two-byte codes and ASCII.
 */
void
axw_escpos_append_text (GByteArray *out,
                        const char *utf8,
                        guint      *n_replaced)
{
  GIConv conv = g_iconv_open ("GB18030", "UTF-8");

  g_assert (conv != (GIConv) -1);
  for (const char *p = utf8; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      append_char (out, c, conv, n_replaced);
    }
  g_iconv_close (conv);
}

static void
append_bytes (GByteArray *out,
              guint       n,
              ...)
{
  va_list ap;

  va_start (ap, n);
  for (guint i = 0; i < n; i++)
    {
      guint8 b = (guint8) va_arg (ap, int);

      g_byte_array_append (out, &b, 1);
    }
  va_end (ap);
}

/* ESC p 0: a pulse on pin 2 (50 ms on, 500 ms off) opens the drawer. */
static void
append_drawer_kick (GByteArray *out)
{
  append_bytes (out, 5, 0x1B, 0x70, 0, 25, 250);
}

/**
 * axw_escpos_drawer_kick:
 *
 * Returns: (transfer full): the bytes that open the cash drawer and print nothing
 */
GBytes *
axw_escpos_drawer_kick (void)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();

  append_drawer_kick (out);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* GS v 0 in slices of at most MAX_RASTER_ROWS rows. */
void
axw_escpos_append_raster (GByteArray      *out,
                          const AxwRaster *raster)
{
  for (guint y = 0; y < raster->height; y += MAX_RASTER_ROWS)
    {
      guint rows = MIN (MAX_RASTER_ROWS, raster->height - y);
      guint x = raster->bytes_per_row;

      append_bytes (out, 8, 0x1D, 0x76, 0x30, 0, x & 0xFF, x >> 8, rows & 0xFF, rows >> 8);
      g_byte_array_append (out, raster->data + (gsize) y * x, x * rows);
    }
}

static void
append_text_item (GByteArray           *out,
                  const AxwReceiptItem *item,
                  guint                *n_replaced)
{
  guint size = item->size == 2 ? 0x11 : 0x00;

  append_bytes (out, 3, 0x1B, 0x61, (int) item->align);
  append_bytes (out, 3, 0x1B, 0x45, item->bold ? 1 : 0);
  append_bytes (out, 3, 0x1D, 0x21, (int) size);
  axw_escpos_append_text (out, item->text, n_replaced);
  append_bytes (out, 1, '\n');
}

static gboolean
append_item (GByteArray           *out,
             const AxwReceiptItem *item,
             guint                 width_mm,
             guint                *n_replaced,
             GError              **error)
{
  g_autoptr(AxwRaster) qr = NULL;

  switch (item->kind)
    {
    case AXW_RECEIPT_TEXT:
      append_text_item (out, item, n_replaced);
      return TRUE;
    case AXW_RECEIPT_QR:
      qr = axw_raster_new_qr (item->text, axw_receipt_dots_for_width (width_mm) * 2 / 3, error);
      if (qr == NULL)
        return FALSE;
      append_bytes (out, 3, 0x1B, 0x61, 1);
      axw_escpos_append_raster (out, qr);
      return TRUE;
    case AXW_RECEIPT_FEED:
      append_bytes (out, 3, 0x1B, 0x64, 4);
      return TRUE;
    case AXW_RECEIPT_DRAWER:
      append_drawer_kick (out);
      return TRUE;
    case AXW_RECEIPT_CUT:
      append_bytes (out, 3, 0x1D, 0x56, 1);
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

/**
 * axw_escpos_encode:
 * @items: (element-type AxwReceiptItem): from axw_receipt_layout()
 * @n_replaced: (out) (optional): characters printed as □
 *
 * Returns: (transfer full): init, Chinese mode, the items
 */
GBytes *
axw_escpos_encode (GPtrArray  *items,
                   guint       width_mm,
                   guint      *n_replaced,
                   GError    **error)
{
  g_autoptr(GByteArray) out = g_byte_array_sized_new (4096);
  guint replaced = 0;

  append_bytes (out, 4, 0x1B, 0x40, 0x1C, 0x26);
  for (guint i = 0; i < items->len; i++)
    if (!append_item (out, items->pdata[i], width_mm, &replaced, error))
      return NULL;
  if (n_replaced != NULL)
    *n_replaced = replaced;
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
