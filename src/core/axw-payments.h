/* axw-payments.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one settlement rule (docs/design.md §5.5, §6), for the store's commit and
 * the sale screen alike: what the payments taken so far pay, cash
 * rounding (抹零, on the cash part only), change (only from cash) and
 * what is still due. Pure: no I/O.
 */
#pragma once

#include <glib.h>

#include "axw-money.h"
#include "axw-sale.h"

G_BEGIN_DECLS

typedef struct {
  gint64   total_fen;           /* the amount due, before cash rounding */
  gint64   donation_fen;        /* of which a donation, never rounded */
  gint64   noncash_fen;         /* Σ card and phone payments */
  gint64   cash_tendered_fen;   /* Σ cash handed over */
  gint64   cash_fen;            /* what the cash pays: the cash part, rounded */
  gint64   cash_rounding_fen;   /* rounded − exact cash part */
  gint64   change_fen;          /* 0 until settled */
  gboolean has_cash;
  gboolean settled;
  AxwCashRounding rounding;
} AxwSettlement;

gboolean axw_payments_settle        (gint64               total_fen,
                                     AxwCashRounding      rounding,
                                     const AxwPayment    *payments,
                                     guint                n_payments,
                                     AxwSettlement       *out,
                                     GError             **error);
gboolean axw_payments_settle_sale   (const AxwSale       *sale,
                                     const AxwPayment    *payments,
                                     guint                n_payments,
                                     AxwSettlement       *out,
                                     GError             **error);
gint64   axw_payments_due           (const AxwSettlement *settlement,
                                     AxwPayMethod         method);
gboolean axw_payments_check_settled (const AxwSettlement *settlement,
                                     guint                n_payments,
                                     GError             **error);
void     axw_payments_record        (const AxwSettlement *settlement,
                                     const AxwPayment    *payments,
                                     guint                n_payments,
                                     GArray              *out);

G_END_DECLS
