/* axw-cart.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cart at the counter: scan merge rules of docs/design.md §12, quantities,
 * removal with undo, and parked (held) carts. Pure: prices come from
 * axw_pricing_apply through axw_cart_price.
 */
#pragma once

#include "axw-sale.h"

G_BEGIN_DECLS

typedef struct _AxwCart AxwCart;

AxwCart       *axw_cart_new          (void);
void           axw_cart_free         (AxwCart        *cart);
AxwCart       *axw_cart_copy         (const AxwCart  *cart);
guint          axw_cart_get_n_lines  (const AxwCart  *cart);
const AxwLine *axw_cart_get_line     (const AxwCart  *cart,
                                      guint           index);
/* Adds a scanned item: the same non-weighed barcode adds to its line
 * (returns its index); weighed items are always new lines. */
guint          axw_cart_add          (AxwCart        *cart,
                                      const AxwLine  *item);
gboolean       axw_cart_set_qty      (AxwCart        *cart,
                                      guint           index,
                                      gint64          qty_milli);
AxwLine       *axw_cart_remove       (AxwCart        *cart,
                                      guint           index);
void           axw_cart_insert       (AxwCart        *cart,
                                      guint           index,
                                      const AxwLine  *line);
void           axw_cart_replace      (AxwCart        *cart,
                                      guint           index,
                                      const AxwLine  *line);
void           axw_cart_clear        (AxwCart        *cart);
gboolean       axw_cart_is_empty     (const AxwCart  *cart);
const char    *axw_cart_get_voucher_code (const AxwCart *cart);
void           axw_cart_set_voucher_code (AxwCart     *cart,
                                          const char  *code);
void           axw_cart_set_donation (AxwCart     *cart,
                                      const char  *fund,
                                      gint64       ask_fen,
                                      gint64       round_to_fen);
const char    *axw_cart_get_donation_fund (const AxwCart *cart);
gint64         axw_cart_get_donation_ask_fen (const AxwCart *cart);
gint64         axw_cart_get_donation_round_to_fen (const AxwCart *cart);
AxwSale       *axw_cart_to_sale      (const AxwCart  *cart,
                                      const char     *business_date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxwCart, axw_cart_free)

G_END_DECLS
