/* receipt-fixtures.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hand-built committed sales for the receipt tests.
 */
#pragma once

#include "axw-sale.h"

static inline void
fixture_add_line (AxwSale    *sale,
                  const char *name,
                  gint64      qty_milli,
                  gint64      unit_fen,
                  gboolean    per_kg,
                  gint64      promo_fen,
                  const char *promotion)
{
  AxwLine *l = g_new0 (AxwLine, 1);

  l->line_no = (int) sale->lines->len + 1;
  l->name = g_strdup (name);
  l->barcode = g_strdup ("6971234560018");
  l->qty_milli = qty_milli;
  l->unit_price_fen = unit_fen;
  l->per_kg = per_kg;
  l->gross_fen = per_kg ? (qty_milli * unit_fen + 500) / 1000 : qty_milli / 1000 * unit_fen;
  l->promo_fen = promo_fen;
  l->promotion = g_strdup (promotion);
  l->net_fen = l->gross_fen - promo_fen;
  l->pay_fen = l->net_fen;
  sale->gross_fen += l->gross_fen;
  sale->promo_fen += promo_fen;
  sale->net_fen += l->net_fen;
  g_ptr_array_add (sale->lines, l);
}

/* A long Chinese sale: long names, a weighed line, a promotion, a red packet,
 * cash with change and rounding. */
static inline AxwSale *
fixture_long_sale (gboolean cash)
{
  AxwSale *sale = axw_sale_new ();
  AxwPayment pay = { 0 };

  sale->id = 7;
  sale->uuid = g_strdup ("3f2c9a7e-1b4d-4c8e-9f00-5a6b7c8d9e01");
  sale->receipt_no = g_strdup ("S01-T1-20261122-0042");
  sale->created_at = g_strdup ("2026-11-22T05:07:09Z");
  sale->staff = g_strdup ("王小明");
  sale->shop = g_strdup ("S01");
  fixture_add_line (sale, "赤松茸", 2000, 2800, FALSE, 0, NULL);
  fixture_add_line (sale, "甘肃和政县残疾人合作社手工制作高原有机黑枸杞礼盒装（特级）", 1000, 12850,
                    FALSE, 643, "爱心日九五折");
  fixture_add_line (sale, "散装红枣", 1234, 2400, TRUE, 0, NULL);
  fixture_add_line (sale, "Braille notebook A5 with tactile ruler", 3000, 1500, FALSE, 0, NULL);
  fixture_add_line (sale, "盲文点字板", 1000, 4500, FALSE, 225, "助残用品九五折");
  sale->red_packet = g_new0 (AxwRedPacket, 1);
  sale->red_packet->code = g_strdup ("HB1.ABCDEFGH12345678");
  sale->red_packet->accepted = TRUE;
  sale->red_packet->discount_fen = 2000;
  sale->red_packet->campaign = g_strdup ("2026 国际残疾人日爱心红包");
  sale->red_packet->funder = g_strdup ("上海市残疾人福利基金会");
  sale->total_fen = sale->net_fen - 2000;
  if (cash)
    {
      sale->cash_total_fen = sale->total_fen / 10 * 10;
      sale->cash_rounding_fen = sale->cash_total_fen - sale->total_fen;
      pay.method = AXW_PAY_CASH;
      pay.amount_fen = sale->cash_total_fen;
      pay.tendered_fen = (sale->cash_total_fen / 10000 + 1) * 10000;
      sale->change_fen = pay.tendered_fen - pay.amount_fen;
    }
  else
    {
      pay.method = AXW_PAY_WECHAT;
      pay.amount_fen = pay.tendered_fen = sale->total_fen;
    }
  g_array_append_val (sale->payments, pay);
  return sale;
}
