/* axw-payments.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "axw-error.h"
#include "axw-payments.h"

/* Cash rounding of an exact cash part that carries (up to) @donation_fen
 * of a donation: the donation is paid to the fen, the rest is rounded
 * (docs/design.md §15). */
static gint64
round_cash_part (gint64          exact,
                 gint64          donation_fen,
                 AxwCashRounding rounding)
{
  gint64 d = CLAMP (donation_fen, 0, MAX (exact, 0));

  return axw_cash_round (exact - d, rounding) + d;
}

static gboolean settle (gint64 total_fen, gint64 donation_fen, AxwCashRounding rounding,
                        const AxwPayment *payments, guint n_payments, AxwSettlement *out,
                        GError **error);

/**
 * axw_payments_settle:
 * @total_fen: the amount due (the sale's total)
 * @rounding: the shop's cash rounding, applied to the cash part only
 * @payments: (array length=n_payments): taken so far, in order; cash is
 *   what was handed over (the larger of tendered and amount)
 * @out: (out caller-allocates): set only when %TRUE is returned
 *
 * Card and phone payments pay to the fen and together may not exceed the
 * total; cash pays the rest, rounded, and only cash gives change. Not
 * being settled yet is no error: @out says what is still due.
 *
 * Returns: %FALSE with @error for a negative payment, or card and phone
 *   payments over the total
 */
gboolean
axw_payments_settle (gint64              total_fen,
                     AxwCashRounding     rounding,
                     const AxwPayment   *payments,
                     guint               n_payments,
                     AxwSettlement      *out,
                     GError            **error)
{
  return settle (total_fen, 0, rounding, payments, n_payments, out, error);
}

static gboolean
settle (gint64              total_fen,
        gint64              donation_fen,
        AxwCashRounding     rounding,
        const AxwPayment   *payments,
        guint               n_payments,
        AxwSettlement      *out,
        GError            **error)
{
  AxwSettlement s = { .total_fen = total_fen, .donation_fen = donation_fen, .rounding = rounding };
  gint64 exact, rounded;

  g_return_val_if_fail (payments != NULL || n_payments == 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; i < n_payments; i++)
    {
      const AxwPayment *p = &payments[i];

      if (p->amount_fen < 0 || p->tendered_fen < 0)
        {
          g_set_error (error, AXW_ERROR, AXW_ERROR_PAYMENT, _("A payment cannot be negative"));
          return FALSE;
        }
      if (p->method == AXW_PAY_CASH)
        {
          s.has_cash = TRUE;
          s.cash_tendered_fen += MAX (p->tendered_fen, p->amount_fen);
        }
      else
        s.noncash_fen += p->amount_fen;
    }
  if (s.noncash_fen > total_fen)
    {
      g_autofree char *over = axw_money_format_screen (s.noncash_fen - total_fen);

      g_set_error (error, AXW_ERROR, AXW_ERROR_PAYMENT,
                   _("The card and phone payments are %s more than the total. Change is only given "
                     "from cash: "
                     "enter the exact amount."), over);
      return FALSE;
    }
  exact = total_fen - s.noncash_fen;
  rounded = s.has_cash ? round_cash_part (exact, donation_fen, rounding) : exact;
  if (s.has_cash)
    {
      s.cash_fen = rounded;
      s.cash_rounding_fen = rounded - exact;
    }
  s.settled = n_payments > 0 && s.cash_tendered_fen >= rounded;
  if (s.settled)
    s.change_fen = s.cash_tendered_fen - rounded;
  *out = s;
  return TRUE;
}

/**
 * axw_payments_settle_sale:
 * @sale: a priced sale, maybe with a donation
 *
 * axw_payments_settle() for @sale's total, where the donation part of the
 * cash is never rounded.
 */
gboolean
axw_payments_settle_sale (const AxwSale      *sale,
                          const AxwPayment   *payments,
                          guint               n_payments,
                          AxwSettlement      *out,
                          GError            **error)
{
  g_return_val_if_fail (sale != NULL, FALSE);
  return settle (sale->total_fen, sale->donation_fen, sale->cash_rounding, payments, n_payments,
                 out, error);
}

/**
 * axw_payments_due:
 * @method: how the customer pays the rest
 *
 * Returns: the least amount in @method that settles the sale: in cash
 *   the rest rounded, less the cash already handed over; in card or phone
 *   the rest to the fen, less what the cash handed over covers once
 *   rounded. 0 when settled.
 */
gint64
axw_payments_due (const AxwSettlement *settlement,
                  AxwPayMethod         method)
{
  gint64 rest, covered;

  g_return_val_if_fail (settlement != NULL, 0);

  if (settlement->settled)
    return 0;
  rest = settlement->total_fen - settlement->noncash_fen;
  covered = settlement->cash_tendered_fen;
  if (method == AXW_PAY_CASH)
    return MAX (0,
                round_cash_part (rest, settlement->donation_fen, settlement->rounding) - covered);
  /* nearest-jiao rounds ¥x.x5 up: that cash covers only up to ¥x.x4 */
  while (settlement->has_cash && covered > 0 &&
         axw_cash_round (covered, settlement->rounding) > covered)
    covered--;
  return MAX (0, rest - covered);
}

/**
 * axw_payments_check_settled:
 *
 * Returns: %TRUE when @settlement finishes the sale, else %FALSE with an
 *   error for the cashier saying what is missing
 */
gboolean
axw_payments_check_settled (const AxwSettlement  *settlement,
                            guint                 n_payments,
                            GError              **error)
{
  g_autofree char *short_by = NULL;
  gint64 rounded;

  g_return_val_if_fail (settlement != NULL, FALSE);

  if (n_payments == 0)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_PAYMENT, _("Take a payment first"));
      return FALSE;
    }
  if (settlement->settled)
    return TRUE;
  rounded = settlement->has_cash
    ? settlement->cash_fen : settlement->total_fen - settlement->noncash_fen;
  short_by = axw_money_format_screen (rounded - settlement->cash_tendered_fen);
  g_set_error (error, AXW_ERROR, AXW_ERROR_PAYMENT,
               _("Payment is %s short. Take the rest before finishing the sale."), short_by);
  return FALSE;
}

/**
 * axw_payments_record:
 * @out: (element-type AxwPayment): gets the payments as a sale keeps
 *   them
 *
 * One cash payment first (what the cash pays, and all the cash handed
 * over) when cash changed hands, then each card and phone payment that
 * paid something. A sale of ¥0 (a red packet paid all) keeps none.
 */
void
axw_payments_record (const AxwSettlement *settlement,
                     const AxwPayment    *payments,
                     guint                n_payments,
                     GArray              *out)
{
  g_return_if_fail (settlement != NULL && out != NULL);

  if (settlement->has_cash && (settlement->cash_tendered_fen > 0 || settlement->cash_fen != 0))
    {
      AxwPayment p = { AXW_PAY_CASH, settlement->cash_fen, settlement->cash_tendered_fen };

      g_array_append_val (out, p);
    }
  for (guint i = 0; i < n_payments; i++)
    if (payments[i].method != AXW_PAY_CASH && payments[i].amount_fen > 0)
      {
        AxwPayment p = { payments[i].method, payments[i].amount_fen, payments[i].amount_fen };

        g_array_append_val (out, p);
      }
}
