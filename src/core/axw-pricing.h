/* axw-pricing.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md §5, to the fen: line gross, date-rule promotions, one red
 * packet with largest-remainder allocation, cash rounding. Pure: no I/O.
 */
#pragma once

#include <glib.h>

#include "axw-money.h"

G_BEGIN_DECLS

typedef enum {
  AXW_SCOPE_AID,            /* aid-eligible goods only */
  AXW_SCOPE_ALL,
} AxwScope;

gboolean     axw_scope_from_string (const char *text,
                                    AxwScope   *out_scope);
const char  *axw_scope_to_string   (AxwScope    scope);

/* A date rule. Every condition given must hold: month 12 with day 12 is
 * 12 December only. 0 / empty means "any". Dates are "YYYY-MM-DD". */
typedef struct {
  gint64    id;
  char     *name;
  AxwScope  scope;
  int       percent_bp;     /* basis points: 500 = 5 %, 1250 = 12.5 % */
  int       day_of_month;   /* 1–31, 0 = any */
  int       month;          /* 1–12, 0 = any */
  char     *date_from;      /* nullable, inclusive */
  char     *date_to;        /* nullable, inclusive */
} AxwPromotion;

AxwPromotion *axw_promotion_copy      (const AxwPromotion *promo);
void          axw_promotion_free      (AxwPromotion       *promo);
gboolean      axw_promotion_applies   (const AxwPromotion *promo,
                                       const char         *business_date);
char         *axw_promotion_describe  (const AxwPromotion *promo);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxwPromotion, axw_promotion_free)

G_END_DECLS

/* Pricing: fills every computed field of @sale from its lines (DESIGN §5).
 * @voucher is %NULL when the customer gave no red packet. */
#include "axw-sale.h"

G_BEGIN_DECLS

void     axw_pricing_line_gross     (AxwLine            *line);
void     axw_pricing_apply          (AxwSale            *sale,
                                     GPtrArray          *promotions,
                                     const AxwVoucher   *voucher,
                                     AxwCashRounding     rounding);
AxwRedPacketReason axw_red_packet_check (const AxwVoucher *voucher,
                                         const char       *business_date,
                                         gint64            eligible_base_fen);
void     axw_allocate_largest_remainder (const gint64   *weights,
                                         guint           n,
                                         gint64          amount,
                                         gint64         *out_shares);

G_END_DECLS
