/* axw-money.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Money is integer fen (分), never floating point. Quantities are integer
 * milli-units: one piece is 1000, one gram of a per-kg product is 1. */

gint64    axw_round_half_up_div  (gint64       numerator,
                                  gint64       denominator);
gint64    axw_mul_div_round      (gint64       a,
                                  gint64       b,
                                  gint64       denominator);
gboolean  axw_money_parse        (const char  *text,
                                  gint64      *out_fen,
                                  GError     **error);
char     *axw_money_format       (gint64       fen);
char     *axw_money_format_screen (gint64      fen);
char     *axw_money_format_paper (gint64       fen);
/* The most one line may hold: a million pieces (or kg), as typed. */
#define AXW_QTY_MAX_MILLI G_GINT64_CONSTANT (1000000000)
/* The most a product's stock may be, either way: far past any shop, far
 * from int64's end, so sums of stock never overflow. */
#define AXW_STOCK_MAX_MILLI G_GINT64_CONSTANT (1000000000000000)

gboolean  axw_qty_parse          (const char  *text,
                                  gint64      *out_milli,
                                  GError     **error);
char     *axw_qty_format         (gint64       qty_milli);

typedef enum {
  AXW_CASH_ROUNDING_NONE,
  AXW_CASH_ROUNDING_DOWN_JIAO,
  AXW_CASH_ROUNDING_NEAREST_JIAO,
} AxwCashRounding;

gint64       axw_cash_round               (gint64           fen,
                                           AxwCashRounding  mode);
gboolean     axw_cash_rounding_from_string (const char      *text,
                                            AxwCashRounding *out_mode);
const char  *axw_cash_rounding_to_string   (AxwCashRounding  mode);

G_END_DECLS
