/* fuzz-receipt.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sale with hostile names (control characters, very long words, emoji,
 * right-to-left marks, combining marks, invalid UTF-8) laid out on 58 and
 * 80 mm paper and encoded to ESC/POS. Beyond "no crash":
 *  - every text line fits the paper's columns, counted as the layout counts;
 *  - the bytes decode with the test decoder, one decoded item per layout
 *    item, each non-ASCII character a two-byte GB18030 code;
 *  - each character prints as itself or as □, and the □ count is the
 *    encoder's n_replaced;
 *  - every line amount, the total and every payment still appear, flush right.
 *
 * Input: one flag byte, then NUL-separated fields: shop, address, footer,
 * staff, receipt number, red-packet code, campaign, funder, QR template, and
 * then product name / promotion name pairs.
 */
#include "axw-fuzz.h"
#include "axw-escpos.h"
#include "axw-receipt.h"
#include "escpos-decoder.h"

#include <string.h>

enum { F_SHOP, F_ADDRESS, F_FOOTER, F_STAFF, F_NO, F_CODE, F_CAMPAIGN, F_FUNDER, F_QR, F_LINES };

static const char *
field (GPtrArray *fields,
       guint      i)
{
  return i < fields->len ? fields->pdata[i] : NULL;
}

static gint64
amount (const char *s,
        guint       salt,
        gboolean    huge)
{
  guint h = g_str_hash (s != NULL ? s : "") * 2654435761u + salt;

  return huge ? (gint64) h * 2500 : (gint64) (h % 1000000);
}

static AxwSale *
build_sale (guint8     flags,
            GPtrArray *fields)
{
  AxwSale *sale = axw_sale_new ();
  gboolean huge = (flags & 0x10) != 0;

  sale->is_refund = (flags & 0x01) != 0;
  sale->receipt_no = g_strdup (field (fields, F_NO));
  sale->staff = g_strdup (field (fields, F_STAFF));
  sale->uuid = g_strdup ("0b9a3c1e-8d4f-4c2a-9e7b-5f6d1a2b3c4d");
  sale->created_at = g_strdup ((flags & 0x20) ? field (fields, F_NO) : "2026-03-08T02:30:00Z");
  if (sale->is_refund)
    sale->refund_of_receipt_no = g_strdup (field (fields, F_NO));
  for (guint i = F_LINES; i < fields->len; i += 2)
    {
      AxwLine *line = g_new0 (AxwLine, 1);
      const char *promo = field (fields, i + 1);

      line->line_no = (int) sale->lines->len + 1;
      line->name = g_strdup (fields->pdata[i]);
      line->per_kg = (i / 2 + flags) % 3 == 0;
      line->qty_milli = 1 + amount (line->name, 1, FALSE) % 99999;
      line->unit_price_fen = amount (line->name, 2, huge);
      line->gross_fen = amount (line->name, 3, huge);
      if (promo != NULL && *promo != '\0')
        {
          line->promotion = g_strdup (promo);
          line->promo_fen = amount (promo, 4, huge) % (line->gross_fen + 1);
        }
      sale->gross_fen += line->gross_fen;
      sale->promo_fen += line->promo_fen;
      g_ptr_array_add (sale->lines, line);
    }
  sale->net_fen = sale->gross_fen - sale->promo_fen;
  sale->total_fen = sale->net_fen;
  if (flags & 0x02)
    {
      gint64 discount = MIN (sale->net_fen, amount (field (fields, F_CODE), 5, FALSE));

      axw_sale_set_red_packet (sale, field (fields, F_CODE), TRUE, AXW_RED_PACKET_OK, discount,
                               field (fields, F_CAMPAIGN), field (fields, F_FUNDER));
      sale->total_fen -= discount;
    }
  if (flags & 0x04)
    {
      AxwPayment cash = { AXW_PAY_CASH, sale->total_fen, sale->total_fen + 10000 };

      sale->cash_rounding_fen = -(sale->total_fen % 10);
      sale->change_fen = 10000;
      g_array_append_val (sale->payments, cash);
    }
  if (flags & 0x08 || sale->payments->len == 0)
    {
      AxwPayment other = { (AxwPayMethod) (1 + flags % 3), sale->total_fen / 2,
        sale->total_fen / 2 };

      g_array_append_val (sale->payments, other);
    }
  return sale;
}

/* The amount on a line of its own end, right-aligned after a label. */
static gboolean
amount_printed (GPtrArray *decoded,
                gint64     fen)
{
  g_autofree char *want = axw_money_format_paper (fen);

  for (guint i = 0; i < decoded->len; i++)
    {
      const Decoded *d = decoded->pdata[i];

      if (d->kind == DECODED_TEXT && g_str_has_suffix (d->text, want))
        return TRUE;
    }
  return FALSE;
}

static void
check_text (const AxwReceiptItem *item,
            const Decoded        *d,
            guint                 columns,
            guint                *replaced)
{
  const char *a = item->text, *b = d->text;
  guint width = axw_receipt_text_columns (item->text) * item->size;

  g_assert (g_utf8_validate (item->text, -1, NULL));
  g_assert (width <= columns);
  g_assert (d->columns == width);
  g_assert (d->size == item->size && d->bold == item->bold && d->align == (guint) item->align);
  for (const char *p = item->text; *p != '\0'; p++)
    g_assert ((guchar) *p >= 0x20 && *p != 0x7F);
  while (*a != '\0' && *b != '\0')
    {
      gunichar ca = g_utf8_get_char (a), cb = g_utf8_get_char (b);

      if (ca != cb)
        {
          g_assert (ca >= 0x80 && cb == 0x25A1);
          (*replaced)++;
        }
      a = g_utf8_next_char (a);
      b = g_utf8_next_char (b);
    }
  g_assert (*a == '\0' && *b == '\0');
}

static void
check_width (const AxwSale *sale,
             const AxwReceiptSettings *settings)
{
  g_autoptr(GPtrArray) items = axw_receipt_layout (sale, settings);
  guint columns = axw_receipt_columns_for_width (settings->width_mm);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) decoded = NULL;
  guint n_replaced = 0, replaced = 0;

  bytes = axw_escpos_encode (items, settings->width_mm, &n_replaced, &error);
  if (bytes == NULL)
    {
      /* only a QR link too long for the paper may refuse to print */
      g_assert (g_error_matches (error, AXW_PRINTER_ERROR, AXW_PRINTER_ERROR_QR));
      return;
    }
  decoded = escpos_decode (bytes, &error);
  if (decoded == NULL)
    g_error ("undecodable receipt: %s", error->message);
  g_assert (decoded->len == items->len);
  for (guint i = 0; i < items->len; i++)
    {
      const AxwReceiptItem *item = items->pdata[i];
      const Decoded *d = decoded->pdata[i];
      static const DecodedKind kinds[] = {
        [AXW_RECEIPT_TEXT] = DECODED_TEXT, [AXW_RECEIPT_QR] = DECODED_RASTER,
        [AXW_RECEIPT_FEED] = DECODED_FEED, [AXW_RECEIPT_DRAWER] = DECODED_DRAWER,
        [AXW_RECEIPT_CUT] = DECODED_CUT,
      };

      g_assert (d->kind == kinds[item->kind]);
      if (item->kind == AXW_RECEIPT_TEXT)
        check_text (item, d, columns, &replaced);
      if (item->kind == AXW_RECEIPT_QR)
        g_assert (d->width_dots <= axw_receipt_dots_for_width (settings->width_mm));
    }
  g_assert (replaced == n_replaced);

  for (guint i = 0; i < sale->lines->len; i++)
    {
      const AxwLine *line = sale->lines->pdata[i];

      g_assert (amount_printed (decoded, line->gross_fen));
      if (line->promo_fen != 0)
        g_assert (amount_printed (decoded, -line->promo_fen));
    }
  g_assert (amount_printed (decoded, sale->total_fen));
  for (guint i = 0; i < sale->payments->len; i++)
    {
      const AxwPayment *p = &g_array_index (sale->payments, AxwPayment, i);

      g_assert (amount_printed (decoded,
                                p->method == AXW_PAY_CASH ? p->tendered_fen : p->amount_fen));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(AxwSale) sale = NULL;
  AxwReceiptSettings settings = { 0 };
  gsize start = 1;

  if (size < 1)
    return 0;
  for (gsize i = 1; i <= size; i++)
    if (i == size || data[i] == '\0')
      {
        g_ptr_array_add (fields, g_strndup ((const char *) data + start, i - start));
        start = i + 1;
      }
  /* at most 40 lines: a long receipt, and every input as fast as the next */
  if (fields->len > F_LINES + 80)
    g_ptr_array_set_size (fields, F_LINES + 80);

  sale = build_sale (data[0], fields);
  settings.shop_name = field (fields, F_SHOP);
  settings.shop_address = field (fields, F_ADDRESS);
  settings.footer = field (fields, F_FOOTER);
  settings.qr_url = (data[0] & 0x40) ? field (fields, F_QR) : NULL;
  settings.width_mm = 58;
  check_width (sale, &settings);
  settings.width_mm = 80;
  check_width (sale, &settings);

  {
    g_autoptr(GPtrArray) page = axw_receipt_test_page (&settings);
    g_autoptr(GBytes) bytes = axw_escpos_encode (page, 80, NULL, NULL);
    g_autoptr(GPtrArray) decoded = bytes != NULL ? escpos_decode (bytes, NULL) : NULL;

    g_assert (bytes == NULL || decoded != NULL);
  }
  return 0;
}
