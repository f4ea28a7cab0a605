/* axw-pricing.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * docs/design.md §5 to the fen. Every amount is an integer number of fen and
 * every division rounds half up, so the tests can state exact results.
 */
#include <glib/gi18n.h>

#include "axw-error.h"
#include "axw-pricing.h"

/* Line gross = round_half_up (unit price × qty / 1000). A weighed line
 * from a price-embedded label keeps the price printed on the label. */
void
axw_pricing_line_gross (AxwLine *line)
{
  if (line->weighed)
    return;
  line->gross_fen = axw_mul_div_round (line->unit_price_fen, line->qty_milli, 1000);
}

/* Charity goods are never discounted unless the manager allows it for
 * the product (docs/design.md §15). */
static gboolean
price_not_negative (gint64   unit_price_fen,
                    GError **error)
{
  if (unit_price_fen >= 0)
    return TRUE;
  g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
               _("A price cannot be below zero. Type the new price again."));
  return FALSE;
}

/**
 * axw_pricing_override_unit_price:
 * @unit_price_fen: the manager's price per piece (or per kg), ≥ 0
 *
 * A manager's price for a cart line: the line keeps its catalog price in
 * list_price_fen, and its gross, promotion and red-packet share follow
 * from the new unit price when the sale is priced again. A scale label's
 * line keeps the printed price: weigh again instead.
 *
 * Returns: %FALSE with @error (the line untouched) when refused
 */
gboolean
axw_pricing_override_unit_price (AxwLine  *line,
                                 gint64    unit_price_fen,
                                 GError  **error)
{
  if (!price_not_negative (unit_price_fen, error))
    return FALSE;
  if (line->weighed)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("%s comes from a scale label, which carries its own price: weigh it again."),
                   line->name);
      return FALSE;
    }
  if (!line->price_overridden)
    line->list_price_fen = line->unit_price_fen;
  line->price_overridden = unit_price_fen != line->list_price_fen;
  line->unit_price_fen = unit_price_fen;
  axw_pricing_line_gross (line);
  return TRUE;
}

/**
 * axw_pricing_set_open_price:
 * @unit_price_fen: the price the cashier typed, ≥ 0
 *
 * Prices an open-price item (scanned with unit_price_fen < 0, "to be
 * typed") before it joins the cart.
 *
 * Returns: %FALSE with @error (the line untouched) for a price below zero
 */
gboolean
axw_pricing_set_open_price (AxwLine  *line,
                            gint64    unit_price_fen,
                            GError  **error)
{
  if (!price_not_negative (unit_price_fen, error))
    return FALSE;
  line->unit_price_fen = unit_price_fen;
  axw_pricing_line_gross (line);
  return TRUE;
}

static gboolean
scope_covers (AxwScope       scope,
              const AxwLine *line)
{
  if (line->fund != NULL && !line->fund_discounts)
    return FALSE;
  return scope == AXW_SCOPE_ALL || line->aid_eligible;
}

/* The largest applicable promotion; on a tie the one defined first. */
static void
apply_promotions (AxwLine    *line,
                  GPtrArray  *promotions,
                  const char *business_date)
{
  const AxwPromotion *best = NULL;
  gint64 best_fen = 0;

  for (guint i = 0; promotions && i < promotions->len; i++)
    {
      const AxwPromotion *p = g_ptr_array_index (promotions, i);
      gint64 fen;

      if (!scope_covers (p->scope, line) || !axw_promotion_applies (p, business_date))
        continue;
      fen = axw_mul_div_round (line->gross_fen, p->percent_bp, 10000);
      if (best == NULL || fen > best_fen)
        {
          best = p;
          best_fen = fen;
        }
    }

  g_clear_pointer (&line->promotion, g_free);
  line->promo_fen = best ? best_fen : 0;
  if (best != NULL && best_fen > 0)
    line->promotion = g_strdup (best->name);
  line->net_fen = line->gross_fen - line->promo_fen;
}

/**
 * axw_red_packet_check:
 * @eligible_base_fen: Σ net of the lines in the red packet's scope
 *
 * The first reason that holds, in the order of docs/design.md §5. A red packet
 * with nothing eligible to pay for is below its minimum: accepting it
 * would spend it for nothing.
 */
AxwRedPacketReason
axw_red_packet_check (const AxwVoucher *v,
                      const char       *business_date,
                      gint64            eligible_base_fen)
{
  if (v->bad_signature)
    return AXW_RED_PACKET_BAD_SIGNATURE;
  if (!v->known)
    return AXW_RED_PACKET_UNKNOWN;
  if (v->redeemed)
    return AXW_RED_PACKET_ALREADY_REDEEMED;
  if (g_strcmp0 (business_date, v->valid_from) < 0)
    return AXW_RED_PACKET_NOT_YET_VALID;
  if (g_strcmp0 (business_date, v->valid_to) > 0)
    return AXW_RED_PACKET_EXPIRED;
  if (eligible_base_fen < v->min_spend_fen || eligible_base_fen <= 0)
    return AXW_RED_PACKET_BELOW_MIN_SPEND;
  return AXW_RED_PACKET_OK;
}

typedef struct {
  guint    index;
  __int128 remainder;
} Remainder;

static int
by_remainder (gconstpointer a,
              gconstpointer b)
{
  const Remainder *x = a, *y = b;

  if (x->remainder != y->remainder)
    return x->remainder > y->remainder ? -1 : 1;
  return x->index < y->index ? -1 : (x->index > y->index);
}

/**
 * axw_allocate_largest_remainder:
 * @weights: non-negative weights (the lines' net)
 * @amount: what to share out, ≤ Σ weights
 * @out_shares: (out caller-allocates): n shares summing to @amount
 *
 * Floor shares first, then one fen each to the largest remainders; ties
 * go to the lower index.
 */
void
axw_allocate_largest_remainder (const gint64 *weights,
                                guint         n,
                                gint64        amount,
                                gint64       *out_shares)
{
  g_autofree Remainder *rem = g_new (Remainder, MAX (n, 1));
  __int128 total = 0;
  gint64 given = 0;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  for (guint i = 0; i < n; i++)
    {
      __int128 x = (__int128) amount * weights[i];

      out_shares[i] = total > 0 ? (gint64) (x / total) : 0;
      rem[i].index = i;
      rem[i].remainder = total > 0 ? x % total : 0;
      given += out_shares[i];
    }
  if (total == 0)
    return;
  qsort (rem, n, sizeof *rem, by_remainder);
  for (guint k = 0; given < amount && k < n; k++, given++)
    out_shares[rem[k].index]++;
}

static void
apply_red_packet (AxwSale          *sale,
                  const AxwVoucher *v)
{
  g_autofree gint64 *weights = g_new0 (gint64, sale->lines->len + 1);
  g_autofree gint64 *shares = g_new0 (gint64, sale->lines->len + 1);
  AxwRedPacketReason reason;
  gint64 base = 0;
  gint64 discount;

  for (guint i = 0; i < sale->lines->len; i++)
    {
      const AxwLine *l = g_ptr_array_index (sale->lines, i);

      if (scope_covers (v->scope, l))
        {
          weights[i] = l->net_fen;
          base += l->net_fen;
        }
    }

  reason = axw_red_packet_check (v, sale->business_date, base);
  if (reason != AXW_RED_PACKET_OK)
    {
      axw_sale_set_red_packet (sale, v->code, FALSE, reason, 0, v->known ? v->campaign : NULL,
                               v->known ? v->funder : NULL);
      return;
    }

  discount = MIN (v->face_fen, base);
  axw_allocate_largest_remainder (weights, sale->lines->len, discount, shares);
  for (guint i = 0; i < sale->lines->len; i++)
    ((AxwLine *) g_ptr_array_index (sale->lines, i))->red_packet_fen = shares[i];
  axw_sale_set_red_packet (sale, v->code, TRUE, AXW_RED_PACKET_OK, discount, v->campaign,
                           v->funder);
}

/**
 * axw_pricing_donation:
 * @goods_total_fen: what the goods come to (net − red packet), ≥ 0
 *
 * docs/design.md §15: a fixed amount, or what rounds @goods_total_fen up
 * to the next @round_to_fen (a total already round gives 0).
 *
 * Returns: the donation in fen
 */
gint64
axw_pricing_donation (gint64 goods_total_fen,
                      gint64 ask_fen,
                      gint64 round_to_fen)
{
  if (round_to_fen <= 0)
    return MAX (ask_fen, 0);
  return (round_to_fen - goods_total_fen % round_to_fen) % round_to_fen;
}

/**
 * axw_pricing_apply:
 * @sale: lines with qty and unit price (weighed lines with their gross),
 *   and the business date
 * @promotions: (element-type AxwPromotion) (nullable): in definition order
 * @voucher: (nullable): the red packet the customer gave
 *
 * Computes gross, promotions, net, the red packet and its allocation, each
 * line's pay amount, the donation, the total and the cash total.
 */
void
axw_pricing_apply (AxwSale          *sale,
                   GPtrArray        *promotions,
                   const AxwVoucher *voucher,
                   AxwCashRounding   rounding)
{
  gint64 goods;

  sale->gross_fen = sale->promo_fen = sale->net_fen = 0;
  axw_sale_clear_red_packet (sale);

  for (guint i = 0; i < sale->lines->len; i++)
    {
      AxwLine *l = g_ptr_array_index (sale->lines, i);

      l->line_no = (int) i + 1;
      axw_pricing_line_gross (l);
      apply_promotions (l, promotions, sale->business_date);
      l->red_packet_fen = 0;
      sale->gross_fen += l->gross_fen;
      sale->promo_fen += l->promo_fen;
      sale->net_fen += l->net_fen;
    }

  if (voucher != NULL)
    apply_red_packet (sale, voucher);

  for (guint i = 0; i < sale->lines->len; i++)
    {
      AxwLine *l = g_ptr_array_index (sale->lines, i);
      l->pay_fen = l->net_fen - l->red_packet_fen;
    }

  goods = sale->net_fen - (sale->red_packet && sale->red_packet->accepted
                           ? sale->red_packet->discount_fen : 0);
  /* The donation comes last: it changes no line's promotion or red-packet
   * share and is never rounded (docs/design.md §15). */
  sale->donation_fen = sale->donation_fund
                       ? axw_pricing_donation (goods, sale->donation_ask_fen,
                                               sale->donation_round_to_fen) : 0;
  sale->total_fen = goods + sale->donation_fen;
  sale->cash_rounding = rounding;
  sale->cash_total_fen = axw_cash_round (goods, rounding) + sale->donation_fen;
}
