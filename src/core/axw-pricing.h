/* axw-pricing.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * docs/design.md §5, to the fen: line gross, date-rule promotions, one red
 * packet with largest-remainder allocation, cash rounding. Pure: no I/O.
 */
#pragma once

#include <glib.h>

#include "axw-money.h"
#include "axw-promotion.h"
#include "axw-sale.h"

G_BEGIN_DECLS

void     axw_pricing_line_gross     (AxwLine            *line);
gboolean axw_pricing_override_unit_price (AxwLine  *line,
                                          gint64    unit_price_fen,
                                          GError  **error);
gboolean axw_pricing_set_open_price      (AxwLine  *line,
                                          gint64    unit_price_fen,
                                          GError  **error);
void     axw_pricing_apply          (AxwSale            *sale,
                                     GPtrArray          *promotions,
                                     const AxwVoucher   *voucher,
                                     AxwCashRounding     rounding);
AxwRedPacketReason axw_red_packet_check (const AxwVoucher *voucher,
                                         const char       *business_date,
                                         gint64            eligible_base_fen);
gint64   axw_pricing_donation       (gint64              goods_total_fen,
                                     gint64              ask_fen,
                                     gint64              round_to_fen);
void     axw_allocate_largest_remainder (const gint64   *weights,
                                         guint           n,
                                         gint64          amount,
                                         gint64         *out_shares);

G_END_DECLS
