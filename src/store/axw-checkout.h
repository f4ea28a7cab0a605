/* axw-checkout.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one path from a cart to a committed sale, shared by the GUI and the
 * CLI: look up scans and red packets, price with the day's promotions,
 * commit in one transaction (docs/design.md §6), refund.
 */
#pragma once

#include "axw-cart.h"
#include "axw-db.h"

G_BEGIN_DECLS

gboolean    axw_checkout_scan_is_red_packet (AxwDb      *db,
                                             const char *code);
/* A scanned or typed code → a cart item (qty 1 piece, or the embedded
 * price/weight). @qty_milli > 0 overrides the quantity ("BARCODE*QTY"). */
AxwLine    *axw_checkout_item_from_scan (AxwDb          *db,
                                         const char     *code,
                                         gint64          qty_milli,
                                         GError        **error);
AxwSale    *axw_checkout_quote          (AxwDb          *db,
                                         const AxwCart  *cart,
                                         GDateTime      *at,
                                         GError        **error);
/* Payments as the cashier took them: cash with the tendered amount, the
 * others with the amount confirmed. Returns the committed document (with
 * uuid, receipt_no, change) and queues its receipt as a print job. */
AxwSale    *axw_checkout_commit         (AxwDb             *db,
                                         const AxwCart     *cart,
                                         GDateTime         *at,
                                         const char        *staff,
                                         const AxwPayment  *payments,
                                         guint              n_payments,
                                         GError           **error);
G_END_DECLS
