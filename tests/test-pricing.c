/* test-pricing.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * docs/design.md §5, table-driven, to the fen.
 */
#include <sodium.h>
#include <string.h>

#include "axw-cart.h"
#include "axw-error.h"
#include "axw-payments.h"
#include "axw-pricing.h"
#include "axw-signed-code.h"

static AxwLine *
line (const char *name,
      gint64      unit_price_fen,
      gint64      qty_milli,
      gboolean    aid)
{
  AxwLine *l = g_new0 (AxwLine, 1);

  l->barcode = g_strdup (name);
  l->name = g_strdup (name);
  l->category = g_strdup ("");
  l->unit_price_fen = unit_price_fen;
  l->qty_milli = qty_milli;
  l->aid_eligible = aid;
  l->product_id = (gint64) g_str_hash (name);
  return l;
}

static AxwPromotion *
promo (const char *name,
       AxwScope    scope,
       int         bp,
       int         day,
       int         month,
       const char *from,
       const char *to)
{
  AxwPromotion p = { 0, (char *) name, scope, bp, day, month, (char *) from, (char *) to };
  return axw_promotion_copy (&p);
}

static GPtrArray *
love_promotions (void)
{
  GPtrArray *a = g_ptr_array_new_with_free_func ((GDestroyNotify) axw_promotion_free);

  g_ptr_array_add (a, promo ("爱心日", AXW_SCOPE_AID, 500, 12, 0, NULL, NULL));
  g_ptr_array_add (a, promo ("爱心月", AXW_SCOPE_AID, 1000, 0, 12, NULL, NULL));
  g_ptr_array_add (a, promo ("新春", AXW_SCOPE_ALL, 800, 0, 0, "2027-01-25", "2027-02-12"));
  return a;
}

static AxwVoucher *
voucher (gint64      face,
         gint64      min_spend,
         AxwScope    scope)
{
  AxwVoucher v = { (char *) "HB20260001", (char *) "2026惠民助残红包", (char *) "厦门市残联", face,
                   min_spend, (char *) "2026-01-01", (char *) "2026-12-31", scope, TRUE, FALSE,
                   FALSE };
  return axw_voucher_copy (&v);
}

static AxwSale *
sale_of (const char *date,
         ...)
{
  AxwSale *s = axw_sale_new ();
  va_list ap;
  AxwLine *l;

  s->business_date = g_strdup (date);
  va_start (ap, date);
  while ((l = va_arg (ap, AxwLine *)) != NULL)
    g_ptr_array_add (s->lines, l);
  va_end (ap);
  return s;
}

static void
test_gross (void)
{
  static const struct { gint64 price, qty, gross; } cases[] = {
    { 2800, 2000, 5600 }, { 1, 1000, 1 }, { 7, 500, 4 },      /* 3.5 → 4 */
    { 2400, 1234, 2962 },                                       /* 2961.6 → 2962 */
    { 2400, 1, 2 },                                             /* 2.4 → 2 */
    { 999, 1500, 1499 },                                        /* 1498.5 → 1499 */
    { 0, 3000, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AxwLine) l = line ("x", cases[i].price, cases[i].qty, TRUE);
      axw_pricing_line_gross (l);
      g_assert_cmpint (l->gross_fen, ==, cases[i].gross);
    }
}

/* One line, one date: which promotion wins and for how much. */
static void
test_promotions_dates (void)
{
  static const struct { const char *date; gint64 price; gboolean aid; const char *name; gint64 promo; } cases[] = {
    { "2026-11-12", 2800, TRUE, "爱心日", 140 },
    { "2026-11-11", 2800, TRUE, NULL, 0 },
    { "2026-12-12", 2800, TRUE, "爱心月", 280 },     /* 10 % beats 5 %, no stacking */
    { "2026-12-31", 2800, TRUE, "爱心月", 280 },
    { "2027-01-01", 2800, TRUE, NULL, 0 },
    { "2027-01-12", 2800, TRUE, "爱心日", 140 },     /* before the date range */
    { "2027-01-24", 2800, FALSE, NULL, 0 },
    { "2027-01-25", 2800, FALSE, "新春", 224 },
    { "2027-02-10", 2800, FALSE, "新春", 224 },
    { "2027-02-13", 2800, FALSE, NULL, 0 },          /* the day after the range */
    { "2027-02-12", 2800, TRUE, "新春", 224 },       /* last day: 8 % beats 爱心日 5 % */
    { "2026-12-12", 2800, FALSE, NULL, 0 },          /* aid-only promotions skip other goods */
    { "2026-11-12", 7, TRUE, NULL, 0 },              /* 0.35 fen → 0: no promotion named */
    { "2026-11-12", 10, TRUE, "爱心日", 1 },         /* 0.5 → 1 */
  };
  g_autoptr(GPtrArray) promos = love_promotions ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AxwSale) s = sale_of (cases[i].date, line ("a", cases[i].price, 1000, cases[i].aid),
                                      NULL);
      AxwLine *l;

      axw_pricing_apply (s, promos, NULL, AXW_CASH_ROUNDING_NONE);
      l = axw_sale_get_line (s, 0);
      if (l->promo_fen != cases[i].promo || g_strcmp0 (l->promotion, cases[i].name) != 0)
        g_error ("case %u (%s): got %s %" G_GINT64_FORMAT, i, cases[i].date, l->promotion,
                 l->promo_fen);
      g_assert_cmpint (l->net_fen, ==, cases[i].price - cases[i].promo);
    }
}

static void
test_promotion_odd_percent (void)
{
  g_autoptr(GPtrArray) promos = g_ptr_array_new_with_free_func ((GDestroyNotify) axw_promotion_free);
  static const struct { gint64 gross; gint64 promo; } cases[] = {
    { 7, 1 },        /* 0.875 → 1 */
    { 4, 1 },        /* 0.5 → 1 */
    { 3, 0 },        /* 0.375 → 0 */
    { 12, 2 },       /* 1.5 → 2 */
    { 2800, 350 },
    { 1, 0 },
  };

  g_ptr_array_add (promos, promo ("12.5", AXW_SCOPE_ALL, 1250, 0, 0, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AxwSale) s = sale_of ("2026-06-01", line ("a", cases[i].gross, 1000, FALSE), NULL);

      axw_pricing_apply (s, promos, NULL, AXW_CASH_ROUNDING_NONE);
      g_assert_cmpint (axw_sale_get_line (s, 0)->promo_fen, ==, cases[i].promo);
    }
}

static void
test_promotion_tie_first_defined (void)
{
  g_autoptr(GPtrArray) promos = g_ptr_array_new_with_free_func ((GDestroyNotify) axw_promotion_free);
  g_autoptr(AxwSale) s = sale_of ("2026-12-12", line ("a", 1000, 1000, TRUE), NULL);

  g_ptr_array_add (promos, promo ("第一", AXW_SCOPE_AID, 500, 12, 0, NULL, NULL));
  g_ptr_array_add (promos, promo ("第二", AXW_SCOPE_ALL, 500, 0, 12, NULL, NULL));
  axw_pricing_apply (s, promos, NULL, AXW_CASH_ROUNDING_NONE);
  g_assert_cmpstr (axw_sale_get_line (s, 0)->promotion, ==, "第一");
  /* December 12 only: month and day both hold */
  g_ptr_array_remove_index (promos, 1);
  g_ptr_array_insert (promos, 0, promo ("12月12日", AXW_SCOPE_ALL, 2000, 12, 12, NULL, NULL));
  axw_pricing_apply (s, promos, NULL, AXW_CASH_ROUNDING_NONE);
  g_assert_cmpstr (axw_sale_get_line (s, 0)->promotion, ==, "12月12日");
  g_free (s->business_date);
  s->business_date = g_strdup ("2026-11-12");
  axw_pricing_apply (s, promos, NULL, AXW_CASH_ROUNDING_NONE);
  g_assert_cmpstr (axw_sale_get_line (s, 0)->promotion, ==, "第一");
}

/* The docs/design.md §12 example, to the fen. */
static void
test_design_example (void)
{
  g_autoptr(GPtrArray) promos = love_promotions ();
  g_autoptr(AxwVoucher) v = voucher (1000, 0, AXW_SCOPE_AID);
  g_autoptr(AxwSale) s = sale_of ("2026-11-12", line ("赤松茸", 2800, 2000, TRUE), NULL);
  AxwLine *l;

  axw_pricing_apply (s, promos, v, AXW_CASH_ROUNDING_NONE);
  l = axw_sale_get_line (s, 0);
  g_assert_cmpint (l->gross_fen, ==, 5600);
  g_assert_cmpint (l->promo_fen, ==, 280);
  g_assert_cmpstr (l->promotion, ==, "爱心日");
  g_assert_cmpint (l->net_fen, ==, 5320);
  g_assert_cmpint (l->red_packet_fen, ==, 1000);
  g_assert_cmpint (l->pay_fen, ==, 4320);
  g_assert_true (s->red_packet->accepted);
  g_assert_cmpint (s->red_packet->discount_fen, ==, 1000);
  g_assert_cmpint (s->total_fen, ==, 4320);
  g_assert_cmpint (s->cash_total_fen, ==, 4320);
}

static void
test_red_packet_reasons (void)
{
  static const struct {
    const char *date; gboolean known, bad_sig, redeemed; gint64 min_spend; AxwScope scope;
    AxwRedPacketReason want; gint64 discount;
  } cases[] = {
    { "2026-06-01", TRUE, FALSE, FALSE, 0, AXW_SCOPE_AID, AXW_RED_PACKET_OK, 1000 },
    { "2026-06-01", FALSE, FALSE, FALSE, 0, AXW_SCOPE_AID, AXW_RED_PACKET_UNKNOWN, 0 },
    { "2026-06-01", FALSE, TRUE, FALSE, 0, AXW_SCOPE_AID, AXW_RED_PACKET_BAD_SIGNATURE, 0 },
    { "2026-06-01", TRUE, FALSE, TRUE, 0, AXW_SCOPE_AID, AXW_RED_PACKET_ALREADY_REDEEMED, 0 },
    { "2025-12-31", TRUE, FALSE, FALSE, 0, AXW_SCOPE_AID, AXW_RED_PACKET_NOT_YET_VALID, 0 },
    { "2026-01-01", TRUE, FALSE, FALSE, 0, AXW_SCOPE_AID, AXW_RED_PACKET_OK, 1000 },
    { "2026-12-31", TRUE, FALSE, FALSE, 0, AXW_SCOPE_AID, AXW_RED_PACKET_OK, 1000 },
    { "2027-01-01", TRUE, FALSE, FALSE, 0, AXW_SCOPE_AID, AXW_RED_PACKET_EXPIRED, 0 },
    { "2026-06-01", TRUE, FALSE, FALSE, 3001, AXW_SCOPE_AID, AXW_RED_PACKET_BELOW_MIN_SPEND, 0 },
    { "2026-06-01", TRUE, FALSE, FALSE, 3000, AXW_SCOPE_AID, AXW_RED_PACKET_OK, 1000 },
    /* several hold: the first in the stated order */
    { "2027-01-01", TRUE, FALSE, TRUE, 9999, AXW_SCOPE_AID, AXW_RED_PACKET_ALREADY_REDEEMED, 0 },
    { "2027-01-01", TRUE, FALSE, FALSE, 9999, AXW_SCOPE_AID, AXW_RED_PACKET_EXPIRED, 0 },
    { "2025-01-01", FALSE, FALSE, TRUE, 9999, AXW_SCOPE_AID, AXW_RED_PACKET_UNKNOWN, 0 },
    /* scope all counts the non-aid line too */
    { "2026-06-01", TRUE, FALSE, FALSE, 4000, AXW_SCOPE_ALL, AXW_RED_PACKET_OK, 1000 },
    { "2026-06-01", TRUE, FALSE, FALSE, 4000, AXW_SCOPE_AID, AXW_RED_PACKET_BELOW_MIN_SPEND, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AxwVoucher) v = voucher (1000, cases[i].min_spend, cases[i].scope);
      g_autoptr(AxwSale) s = sale_of (cases[i].date, line ("aid", 3000, 1000, TRUE),
                                      line ("other", 2000, 1000, FALSE), NULL);

      v->known = cases[i].known;
      v->bad_signature = cases[i].bad_sig;
      v->redeemed = cases[i].redeemed;
      axw_pricing_apply (s, NULL, v, AXW_CASH_ROUNDING_NONE);
      if (s->red_packet->reason != cases[i].want)
        g_error ("case %u: got %s", i, axw_red_packet_reason_code (s->red_packet->reason));
      g_assert_cmpint (s->red_packet->accepted, ==, cases[i].want == AXW_RED_PACKET_OK);
      g_assert_cmpint (s->red_packet->discount_fen, ==, cases[i].discount);
      g_assert_cmpint (s->total_fen, ==, 5000 - cases[i].discount);
    }
  g_assert_cmpstr (axw_red_packet_reason_code (AXW_RED_PACKET_ONE_PER_SALE), ==, "one_per_sale");
  g_assert_null (axw_red_packet_reason_code (AXW_RED_PACKET_OK));
}

static void
test_red_packet_caps_at_base (void)
{
  g_autoptr(AxwVoucher) v = voucher (5000, 0, AXW_SCOPE_AID);
  g_autoptr(AxwSale) s = sale_of ("2026-06-01", line ("aid", 1234, 1000, TRUE),
                                  line ("other", 2000, 1000, FALSE), NULL);

  axw_pricing_apply (s, NULL, v, AXW_CASH_ROUNDING_NONE);
  g_assert_cmpint (s->red_packet->discount_fen, ==, 1234);
  g_assert_cmpint (axw_sale_get_line (s, 0)->pay_fen, ==, 0);
  g_assert_cmpint (axw_sale_get_line (s, 1)->red_packet_fen, ==, 0);
  g_assert_cmpint (s->total_fen, ==, 2000);

  /* nothing eligible: refused, never spent for nothing */
  g_ptr_array_remove_index (s->lines, 0);
  axw_pricing_apply (s, NULL, v, AXW_CASH_ROUNDING_NONE);
  g_assert_cmpint (s->red_packet->reason, ==, AXW_RED_PACKET_BELOW_MIN_SPEND);
}

static void
test_allocation (void)
{
  static const struct { gint64 w[4]; guint n; gint64 amount; gint64 want[4]; } cases[] = {
    { { 100, 100, 100 }, 3, 100, { 34, 33, 33 } },          /* tie → lower line */
    { { 1, 1, 1 }, 3, 2, { 1, 1, 0 } },
    { { 5320, 0, 1000 }, 3, 1000, { 842, 0, 158 } },
    { { 333, 333, 334 }, 3, 1, { 0, 0, 1 } },
    { { 7, 7 }, 2, 7, { 4, 3 } },
    { { 1, 2, 3, 4 }, 4, 10, { 1, 2, 3, 4 } },
    { { 3, 3, 4 }, 3, 7, { 2, 2, 3 } },                      /* 2.1 2.1 2.8 */
    { { 0, 0 }, 2, 0, { 0, 0 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 out[4] = { 0 };

      axw_allocate_largest_remainder (cases[i].w, cases[i].n, cases[i].amount, out);
      for (guint k = 0; k < cases[i].n; k++)
        if (out[k] != cases[i].want[k])
          g_error ("case %u line %u: %" G_GINT64_FORMAT " != %" G_GINT64_FORMAT, i, k, out[k],
                   cases[i].want[k]);
    }
}

static void
test_cash_rounding (void)
{
  static const struct { AxwCashRounding mode; gint64 price; gint64 cash; } cases[] = {
    { AXW_CASH_ROUNDING_NONE, 1237, 1237 },
    { AXW_CASH_ROUNDING_DOWN_JIAO, 1237, 1230 },
    { AXW_CASH_ROUNDING_NEAREST_JIAO, 1237, 1240 },
    { AXW_CASH_ROUNDING_NEAREST_JIAO, 1234, 1230 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AxwSale) s = sale_of ("2026-06-01", line ("a", cases[i].price, 1000, FALSE), NULL);

      axw_pricing_apply (s, NULL, NULL, cases[i].mode);
      g_assert_cmpint (s->total_fen, ==, cases[i].price);
      g_assert_cmpint (s->cash_total_fen, ==, cases[i].cash);
    }
}

#define NONE AXW_CASH_ROUNDING_NONE
#define DOWN AXW_CASH_ROUNDING_DOWN_JIAO
#define NEAREST AXW_CASH_ROUNDING_NEAREST_JIAO
#define CASH(fen) { AXW_PAY_CASH, fen, fen }
#define WECHAT(fen) { AXW_PAY_WECHAT, fen, fen }
#define ALIPAY(fen) { AXW_PAY_ALIPAY, fen, fen }
#define UNIONPAY(fen) { AXW_PAY_UNIONPAY, fen, fen }

/* The settlement rule of the store's commit and the sale screen, to the
 * fen: what the cash pays after rounding, change only from cash, and the
 * least amount that settles the rest in cash or by card/phone. */
static void
test_settle (void)
{
  static const struct {
    gint64 total; AxwCashRounding mode; AxwPayment pay[3]; guint n;
    gboolean settled; gint64 cash, rounding, change, due_cash, due_other; guint n_recorded;
  } cases[] = {
    /* nothing taken yet: cash is rounded, card and phone pay to the fen */
    { 1280, NONE, { { 0 } }, 0, FALSE, 0, 0, 0, 1280, 1280, 0 },
    { 1284, DOWN, { { 0 } }, 0, FALSE, 0, 0, 0, 1280, 1284, 0 },
    { 1285, NEAREST, { { 0 } }, 0, FALSE, 0, 0, 0, 1290, 1285, 0 },
    /* one payment: exact, short, over in cash */
    { 1280, NONE, { CASH (1280) }, 1, TRUE, 1280, 0, 0, 0, 0, 1 },
    { 1280, NONE, { CASH (1279) }, 1, FALSE, 1280, 0, 0, 1, 1, 1 },
    { 1280, NONE, { CASH (2000) }, 1, TRUE, 1280, 0, 720, 0, 0, 1 },
    { 1280, NONE, { WECHAT (1280) }, 1, TRUE, 0, 0, 0, 0, 0, 1 },
    { 1280, NONE, { WECHAT (1000) }, 1, FALSE, 0, 0, 0, 280, 280, 1 },
    /* cash: the larger of tendered and amount was handed over */
    { 1280, NONE, { { AXW_PAY_CASH, 1280, 0 } }, 1, TRUE, 1280, 0, 0, 0, 0, 1 },
    /* split payments; two cash payments are kept as one */
    { 1280, NONE, { ALIPAY (1000), CASH (500) }, 2, TRUE, 280, 0, 220, 0, 0, 2 },
    { 1280, NONE, { UNIONPAY (1000), WECHAT (280) }, 2, TRUE, 0, 0, 0, 0, 0, 2 },
    { 1280, NONE, { UNIONPAY (1000), WECHAT (279) }, 2, FALSE, 0, 0, 0, 1, 1, 2 },
    { 1000, NONE, { CASH (500), CASH (500) }, 2, TRUE, 1000, 0, 0, 0, 0, 1 },
    { 1280, NONE, { CASH (500), WECHAT (0), CASH (500) }, 3, FALSE, 1280, 0, 0, 280, 280, 1 },
    /* card and phone may pay all of it: the cash goes back as change */
    { 1000, NONE, { CASH (500), WECHAT (1000) }, 2, TRUE, 0, 0, 500, 0, 0, 2 },
    /* 抹零 on the cash part only */
    { 1284, DOWN, { CASH (1280) }, 1, TRUE, 1280, -4, 0, 0, 0, 1 },
    { 1284, DOWN, { CASH (1000) }, 1, FALSE, 1280, -4, 0, 280, 284, 1 },
    { 1284, DOWN, { CASH (1000), WECHAT (284) }, 2, TRUE, 1000, 0, 0, 0, 0, 2 },
    { 1280, DOWN, { WECHAT (1005), CASH (270) }, 2, TRUE, 270, -5, 0, 0, 0, 2 },
    { 1280, DOWN, { WECHAT (1000), CASH (300) }, 2, TRUE, 280, 0, 20, 0, 0, 2 },
    { 1285, NEAREST, { CASH (1290) }, 1, TRUE, 1290, 5, 0, 0, 0, 1 },
    { 1284, NEAREST, { CASH (1280) }, 1, TRUE, 1280, -4, 0, 0, 0, 1 },
    { 1280, NEAREST, { WECHAT (1005), CASH (270) }, 2, FALSE, 280, 5, 0, 10, 5, 2 },
    { 1280, NEAREST, { WECHAT (1005), CASH (270), WECHAT (5) }, 3, TRUE, 270, 0, 0, 0, 0, 3 },
    /* ¥10.07 in coins rounds up to ¥10.10: it covers only ¥10.04 */
    { 1300, NEAREST, { CASH (1007) }, 1, FALSE, 1300, 0, 0, 293, 296, 1 },
    { 1300, NEAREST, { CASH (1007), UNIONPAY (296) }, 2, TRUE, 1000, -4, 7, 0, 0, 2 },
    /* a sale of ¥0 (all paid by the red packet) */
    { 0, NEAREST, { CASH (0) }, 1, TRUE, 0, 0, 0, 0, 0, 0 },
    { 0, NONE, { WECHAT (0) }, 1, TRUE, 0, 0, 0, 0, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) recorded = g_array_new (FALSE, TRUE, sizeof (AxwPayment));
      AxwSettlement s;
      gint64 kept = 0;

      if (!axw_payments_settle (cases[i].total, cases[i].mode, cases[i].pay, cases[i].n, &s,
                                &error))
        g_error ("case %u: %s", i, error->message);
      g_test_message ("case %u", i);
      g_assert_cmpint (s.settled, ==, cases[i].settled);
      g_assert_cmpint (s.cash_fen, ==, cases[i].cash);
      g_assert_cmpint (s.cash_rounding_fen, ==, cases[i].rounding);
      g_assert_cmpint (s.change_fen, ==, cases[i].change);
      g_assert_cmpint (axw_payments_due (&s, AXW_PAY_CASH), ==, cases[i].due_cash);
      g_assert_cmpint (axw_payments_due (&s, AXW_PAY_WECHAT), ==, cases[i].due_other);
      g_assert_cmpint (axw_payments_check_settled (&s, cases[i].n, NULL), ==, cases[i].settled);
      axw_payments_record (&s, cases[i].pay, cases[i].n, recorded);
      g_assert_cmpuint (recorded->len, ==, cases[i].n_recorded);
      for (guint k = 0; k < recorded->len; k++)
        kept += g_array_index (recorded, AxwPayment, k).amount_fen;
      if (s.settled)
        g_assert_cmpint (kept, ==, cases[i].total + s.cash_rounding_fen);
    }
}

/* Paying the amount due in either way settles the sale, whatever was taken
 * before, and never leaves change from a card or phone payment. */
static void
test_settle_due_settles (void)
{
  static const AxwCashRounding modes[] = { NONE, DOWN, NEAREST };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (int iter = 0; iter < 3000; iter++)
    {
      AxwCashRounding mode = modes[iter % 3];
      gint64 total = g_rand_int_range (rand, 0, 5000);
      AxwPayment pay[2] = { CASH (g_rand_int_range (rand, 0, 3000)), WECHAT (0) };
      AxwSettlement s, after;

      g_assert_true (axw_payments_settle (total, mode, pay, 1, &s, NULL));
      if (s.settled)
        continue;
      pay[1].amount_fen = pay[1].tendered_fen = axw_payments_due (&s, AXW_PAY_WECHAT);
      g_assert_true (axw_payments_settle (total, mode, pay, 2, &after, NULL));
      g_assert_true (after.settled);
      pay[1] = (AxwPayment) CASH (axw_payments_due (&s, AXW_PAY_CASH));
      g_assert_true (axw_payments_settle (total, mode, pay, 2, &after, NULL));
      g_assert_true (after.settled);
      g_assert_cmpint (after.change_fen, ==, 0);
    }
}

/* Refused payments leave the settlement untouched and say why. */
static void
test_settle_refused (void)
{
  static const struct {
    gint64 total; AxwPayment pay[2]; guint n; const char *message;
  } cases[] = {
    { 1280, { WECHAT (1300) }, 1, "The card and phone payments are ¥0.20 more than the total." },
    { 1280, { ALIPAY (1000), UNIONPAY (281) }, 2,
      "The card and phone payments are ¥0.01 more than the total." },
    { 1280, { CASH (-1) }, 1, "A payment cannot be negative" },
    { 1280, { { AXW_PAY_CASH, 100, -100 } }, 1, "A payment cannot be negative" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      AxwSettlement s = { .total_fen = -7 };

      g_assert_false (axw_payments_settle (cases[i].total, NONE, cases[i].pay, cases[i].n, &s,
                                           &error));
      g_assert_error (error, AXW_ERROR, AXW_ERROR_PAYMENT);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message));
      g_assert_cmpint (s.total_fen, ==, -7);
    }
}

/* What the cashier reads when the payments do not finish the sale. */
static void
test_settle_not_settled (void)
{
  static const struct {
    gint64 total; AxwCashRounding mode; AxwPayment pay[2]; guint n; const char *message;
  } cases[] = {
    { 1280, NONE, { { 0 } }, 0, "Take a payment first" },
    { 1280, NONE, { CASH (1279) }, 1,
      "Payment is ¥0.01 short. Take the rest before finishing the sale." },
    { 1280, NONE, { CASH (0) }, 1,
      "Payment is ¥12.80 short. Take the rest before finishing the sale." },
    { 1280, NEAREST, { WECHAT (1005), CASH (270) }, 2,
      "Payment is ¥0.10 short. Take the rest before finishing the sale." },
    { 1280, NONE, { WECHAT (1000) }, 1,
      "Payment is ¥2.80 short. Take the rest before finishing the sale." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      AxwSettlement s;

      g_assert_true (axw_payments_settle (cases[i].total, cases[i].mode, cases[i].pay, cases[i].n,
                                          &s, NULL));
      g_assert_false (axw_payments_check_settled (&s, cases[i].n, &error));
      g_assert_error (error, AXW_ERROR, AXW_ERROR_PAYMENT);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_cart_merge (void)
{
  g_autoptr(AxwCart) cart = axw_cart_new ();
  g_autoptr(AxwLine) a = line ("赤松茸", 2800, 1000, TRUE);
  g_autoptr(AxwLine) b = line ("藜麦粥", 1280, 1000, TRUE);
  g_autoptr(AxwLine) w = line ("红枣", 2400, 500, TRUE);
  g_autoptr(AxwLine) removed = NULL;
  g_autoptr(AxwCart) held = NULL;

  w->weighed = TRUE;
  w->gross_fen = 1200;
  g_assert_cmpuint (axw_cart_add (cart, a), ==, 0);
  g_assert_cmpuint (axw_cart_add (cart, b), ==, 1);
  g_assert_cmpuint (axw_cart_add (cart, a), ==, 0);           /* merges, keeps order */
  g_assert_cmpuint (axw_cart_add (cart, w), ==, 2);
  g_assert_cmpuint (axw_cart_add (cart, w), ==, 3);           /* weighed: own line */
  g_assert_cmpint (axw_cart_get_line (cart, 0)->qty_milli, ==, 2000);
  g_assert_false (axw_cart_set_qty (cart, 2, 3000));          /* label quantity is fixed */
  g_assert_false (axw_cart_set_qty (cart, 1, 0));
  g_assert_true (axw_cart_set_qty (cart, 1, 3000));

  held = axw_cart_copy (cart);
  removed = axw_cart_remove (cart, 1);
  g_assert_cmpstr (removed->name, ==, "藜麦粥");
  g_assert_cmpuint (axw_cart_get_n_lines (cart), ==, 3);
  axw_cart_insert (cart, 1, removed);                          /* undo */
  g_assert_cmpstr (axw_cart_get_line (cart, 1)->name, ==, "藜麦粥");
  axw_cart_clear (cart);
  g_assert_true (axw_cart_is_empty (cart));
  g_assert_cmpuint (axw_cart_get_n_lines (held), ==, 4);      /* held cart untouched */
}

/* Thousands of random baskets: the invariants hold to the fen. */
static void
test_property (void)
{
  g_autoptr(GPtrArray) promos = love_promotions ();
  GRand *rand = g_rand_new_with_seed (20261212);
  static const char *dates[] = { "2026-11-12", "2026-12-12", "2027-02-01", "2026-06-03" };

  for (int iter = 0; iter < 20000; iter++)
    {
      g_autoptr(AxwSale) s = sale_of (dates[g_rand_int_range (rand, 0, 4)], NULL);
      g_autoptr(AxwVoucher) v = voucher (g_rand_int_range (rand, 1, 20000),
                                         g_rand_int_range (rand, 0, 5000),
                                         g_rand_boolean (rand) ? AXW_SCOPE_AID : AXW_SCOPE_ALL);
      int n = g_rand_int_range (rand, 1, 12);
      gint64 sum_pay = 0, sum_rp = 0, sum_net = 0;

      for (int i = 0; i < n; i++)
        {
          AxwLine *l = line ("x", g_rand_int_range (rand, 0, 50000),
                             g_rand_int_range (rand, 1, 5000), g_rand_boolean (rand));
          if (g_rand_int_range (rand, 0, 5) == 0)
            {
              l->weighed = TRUE;
              l->gross_fen = g_rand_int_range (rand, 1, 99999);
            }
          g_ptr_array_add (s->lines, l);
        }
      axw_pricing_apply (s, promos, g_rand_boolean (rand) ? v : NULL,
                         (AxwCashRounding) g_rand_int_range (rand, 0, 3));
      for (guint i = 0; i < s->lines->len; i++)
        {
          AxwLine *l = axw_sale_get_line (s, i);

          g_assert_cmpint (l->promo_fen, >=, 0);
          g_assert_cmpint (l->net_fen, >=, 0);
          g_assert_cmpint (l->red_packet_fen, >=, 0);
          g_assert_cmpint (l->pay_fen, >=, 0);
          g_assert_cmpint (l->net_fen, ==, l->gross_fen - l->promo_fen);
          sum_pay += l->pay_fen;
          sum_rp += l->red_packet_fen;
          sum_net += l->net_fen;
        }
      g_assert_cmpint (sum_pay, ==, s->total_fen);
      g_assert_cmpint (sum_net, ==, s->net_fen);
      g_assert_cmpint (sum_rp, ==,
                       s->red_packet && s->red_packet->accepted ? s->red_packet->discount_fen : 0);
      g_assert_cmpint (s->total_fen, >=, 0);
      g_assert_cmpint (s->cash_total_fen, >=, 0);
      g_assert_cmpint (ABS (s->cash_total_fen - s->total_fen), <, 10);
    }
  g_rand_free (rand);
}

static void
test_signed_code (void)
{
  guint8 pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
  guint8 pk2[crypto_sign_PUBLICKEYBYTES], sk2[crypto_sign_SECRETKEYBYTES];
  g_autoptr(AxwVoucher) v = voucher (1500, 3000, AXW_SCOPE_AID);
  g_autoptr(AxwVoucher) back = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GBytes) sig = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *altered = NULL;
  g_autofree char *pk64 = NULL;
  guint8 parsed[32];
  char *dot;

  g_assert_cmpint (sodium_init (), >=, 0);
  crypto_sign_keypair (pk, sk);
  crypto_sign_keypair (pk2, sk2);
  code = axw_signed_code_make (v, sk);
  g_assert_true (g_str_has_prefix (code, "HB1."));
  g_assert_null (strchr (code, '='));

  back = axw_signed_code_parse (code, &payload, &sig, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->code, ==, "HB20260001");
  g_assert_cmpstr (back->funder, ==, "厦门市残联");
  g_assert_cmpint (back->face_fen, ==, 1500);
  g_assert_cmpint (back->min_spend_fen, ==, 3000);
  g_assert_true (axw_signed_code_verify (payload, sig, pk));
  g_assert_false (axw_signed_code_verify (payload, sig, pk2));

  /* altered payload: a different face value, same signature */
  g_clear_pointer (&back, axw_voucher_free);
  g_clear_pointer (&payload, g_bytes_unref);
  g_clear_pointer (&sig, g_bytes_unref);
  {
    g_autoptr(AxwVoucher) more = axw_voucher_copy (v);
    g_autofree char *other = NULL;
    g_autofree char *head = NULL;

    more->face_fen = 99900;
    other = axw_signed_code_make (more, sk2);
    dot = strrchr (code, '.');
    head = g_strndup (other, strrchr (other, '.') - other);
    altered = g_strconcat (head, dot, NULL);
  }
  back = axw_signed_code_parse (altered, &payload, &sig, &error);
  g_assert_no_error (error);
  g_assert_false (axw_signed_code_verify (payload, sig, pk));

  for (const char * const *bad = (const char *[]) { "HB1.", "HB1.abc", "HB1.!!!.???", "HB2.a.b",
                                                    "HB1.YQ.YQ", "HB1.YWJj.YWJj.YWJj",
                                                    NULL }; *bad; bad++)
    {
      g_autoptr(GError) e = NULL;
      g_assert_null (axw_signed_code_parse (*bad, NULL, NULL, &e));
      g_assert_error (e, AXW_ERROR, AXW_ERROR_INVALID);
    }

  pk64 = g_base64_encode (pk, sizeof pk);
  g_assert_true (axw_public_key_parse (pk64, parsed, NULL));
  g_assert_cmpmem (parsed, 32, pk, 32);
  g_assert_false (axw_public_key_parse ("c2hvcnQ=", parsed, &error));
}

static void
test_json (void)
{
  g_autoptr(GPtrArray) promos = love_promotions ();
  g_autoptr(AxwVoucher) v = voucher (1000, 0, AXW_SCOPE_AID);
  g_autoptr(AxwSale) s = sale_of ("2026-12-12", line ("6971234560018", 2800, 2000, TRUE), NULL);
  g_autofree char *json = NULL;

  g_free (axw_sale_get_line (s, 0)->name);
  axw_sale_get_line (s, 0)->name = g_strdup ("赤松\"茸\"");
  axw_pricing_apply (s, promos, v, AXW_CASH_ROUNDING_NONE);
  json = axw_sale_to_json (s, FALSE);
  g_assert_cmpstr (json, ==,
    "{\"business_date\":\"2026-12-12\",\"lines\":[{\"line\":1,\"barcode\":\"6971234560018\","
    "\"name\":\"赤松\\\"茸\\\"\",\"qty_milli\":2000,\"unit_price_fen\":2800,\"gross_fen\":5600,"
    "\"promo_fen\":560,\"promotion\":\"爱心月\",\"net_fen\":5040,\"aid_eligible\":true,"
    "\"red_packet_fen\":1000,\"pay_fen\":4040}],\"gross_fen\":5600,\"promo_fen\":560,\"net_fen\":5040,"
    "\"red_packet\":{\"code\":\"HB20260001\",\"accepted\":true,\"reason\":null,\"discount_fen\":1000,"
    "\"campaign\":\"2026惠民助残红包\",\"funder\":\"厦门市残"
    "联\"},\"total_fen\":4040,\"cash_total_fen\":4040}");
}

/* docs/design.md §15: a donation comes after the goods are priced. It
 * changes no line's promotion or red-packet share, is not in the red
 * packet's base (nor its minimum spend), and is never cash-rounded. */
static void
test_donation (void)
{
  static const struct {
    gint64 price, qty; gboolean aid;     /* line a, then b: ¥10 aid goods, sold 2026-12-12 (爱心月 10 %) */
    gint64 face, min_spend;              /* a red packet on aid goods, 0: none */
    gint64 ask, round_to; int mode;
    gint64 donation, total, cash_total;
    gboolean rp_accepted;
  } cases[] = {
    { 2800, 1000, TRUE, 0, 0, 100, 0, NONE, 100, 3520, 3520, FALSE },      /* 一元捐 */
    { 1000, 1000, FALSE, 0, 0, 0, 100, NONE, 0, 1900, 1900, FALSE },       /* ends .00: nothing */
    { 1001, 1000, FALSE, 0, 0, 0, 100, NONE, 99, 2000, 2000, FALSE },      /* ends .01 */
    { 1099, 1000, FALSE, 0, 0, 0, 100, NONE, 1, 2000, 2000, FALSE },       /* ends .99 */
    { 1501, 1000, FALSE, 0, 0, 0, 1000, NONE, 599, 3000, 3000, FALSE },    /* to ten yuan */
    { 2100, 1000, FALSE, 0, 0, 0, 1000, NONE, 0, 3000, 3000, FALSE },
    { 2800, 2000, TRUE, 1000, 0, 500, 0, NONE, 500, 5440, 5440, TRUE },    /* after the red packet */
    { 2800, 2000, TRUE, 1000, 0, 0, 100, NONE, 60, 5000, 5000, TRUE },
    /* min spend ¥35: goods ¥34.20 + ¥1 donation are still below it */
    { 2800, 1000, TRUE, 1000, 3500, 100, 0, NONE, 100, 3520, 3520, FALSE },
    { 1234, 1000, FALSE, 0, 0, 100, 0, DOWN, 100, 2234, 2230, FALSE },     /* the goods round, not the ¥1 */
    { 1235, 1000, FALSE, 0, 0, 100, 0, NEAREST, 100, 2235, 2240, FALSE },
    { 1234, 1000, FALSE, 0, 0, 0, 100, NEAREST, 66, 2200, 2196, FALSE },   /* round-up of the exact total */
  };
  g_autoptr(GPtrArray) promos = love_promotions ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AxwVoucher) v = cases[i].face
        ? voucher (cases[i].face, cases[i].min_spend, AXW_SCOPE_AID) : NULL;
      g_autoptr(AxwSale) plain = sale_of ("2026-12-12",
                                          line ("a", cases[i].price, cases[i].qty, cases[i].aid),
                                          line ("b", 1000, 1000, TRUE), NULL);
      g_autoptr(AxwSale) s = sale_of ("2026-12-12",
                                      line ("a", cases[i].price, cases[i].qty, cases[i].aid),
                                      line ("b", 1000, 1000, TRUE), NULL);

      g_test_message ("case %u", i);
      s->donation_fund = g_strdup ("集美区助残爱心基金");
      s->donation_ask_fen = cases[i].ask;
      s->donation_round_to_fen = cases[i].round_to;
      axw_pricing_apply (plain, promos, v, cases[i].mode);
      axw_pricing_apply (s, promos, v, cases[i].mode);
      g_assert_cmpint (s->donation_fen, ==, cases[i].donation);
      g_assert_cmpint (s->total_fen, ==, cases[i].total);
      g_assert_cmpint (s->cash_total_fen, ==, cases[i].cash_total);
      g_assert_cmpint (s->total_fen, ==, plain->total_fen + s->donation_fen);
      g_assert_cmpint (s->cash_total_fen, ==, plain->cash_total_fen + s->donation_fen);
      g_assert_cmpint (s->red_packet != NULL && s->red_packet->accepted, ==, cases[i].rp_accepted);
      g_assert_cmpint (s->net_fen, ==, plain->net_fen);
      for (guint k = 0; k < s->lines->len; k++)
        {
          const AxwLine *a = g_ptr_array_index (s->lines, k),
          *b = g_ptr_array_index (plain->lines, k);

          g_assert_cmpint (a->promo_fen, ==, b->promo_fen);
          g_assert_cmpint (a->red_packet_fen, ==, b->red_packet_fen);
          g_assert_cmpint (a->pay_fen, ==, b->pay_fen);
        }
    }
}

/* Charity goods (爱心义卖): no promotion, no red-packet share and not in
 * the red packet's base, unless the manager allows it for the product. */
static void
test_charity_goods (void)
{
  static const struct {
    gboolean discounts; gint64 min_spend;
    gint64 a_promo, a_rp, a_pay, b_promo, b_rp, b_pay, total;
    AxwRedPacketReason reason;
  } cases[] = {
    { FALSE, 0, 0, 0, 2800, 100, 900, 0, 2800, AXW_RED_PACKET_OK },
    { TRUE, 0, 280, 737, 1783, 100, 263, 637, 2420, AXW_RED_PACKET_OK },
    /* the charity goods do not count toward the minimum spend */
    { FALSE, 1000, 0, 0, 2800, 100, 0, 900, 3700, AXW_RED_PACKET_BELOW_MIN_SPEND },
  };
  g_autoptr(GPtrArray) promos = love_promotions ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AxwVoucher) v = voucher (1000, cases[i].min_spend, AXW_SCOPE_AID);
      g_autoptr(AxwSale) s = sale_of ("2026-12-12", line ("a", 2800, 1000, TRUE),
                                      line ("b", 1000, 1000, TRUE), NULL);
      const AxwLine *a = axw_sale_get_line (s, 0), *b = axw_sale_get_line (s, 1);

      g_test_message ("case %u", i);
      axw_sale_get_line (s, 0)->fund = g_strdup ("集美区助残爱心基金");
      axw_sale_get_line (s, 0)->fund_discounts = cases[i].discounts;
      axw_pricing_apply (s, promos, v, AXW_CASH_ROUNDING_NONE);
      g_assert_cmpint (a->promo_fen, ==, cases[i].a_promo);
      g_assert_cmpint (a->red_packet_fen, ==, cases[i].a_rp);
      g_assert_cmpint (a->pay_fen, ==, cases[i].a_pay);
      g_assert_cmpint (b->promo_fen, ==, cases[i].b_promo);
      g_assert_cmpint (b->red_packet_fen, ==, cases[i].b_rp);
      g_assert_cmpint (b->pay_fen, ==, cases[i].b_pay);
      g_assert_cmpint (s->total_fen, ==, cases[i].total);
      g_assert_cmpint (s->red_packet->reason, ==, cases[i].reason);
    }
}

/* Settling a sale with a donation: the donation part of the cash is paid
 * to the fen, the rest is rounded as without it. */
static void
test_donation_settle (void)
{
  static const struct {
    gint64 total, donation; AxwCashRounding mode;
    AxwPayment pay[2]; guint n;
    gboolean settled; gint64 cash, rounding, change, due_cash;
  } cases[] = {
    { 1334, 100, AXW_CASH_ROUNDING_DOWN_JIAO, { CASH (2000) }, 1, TRUE, 1330, -4, 670, 0 },
    { 1334, 100, AXW_CASH_ROUNDING_DOWN_JIAO, { CASH (1000) }, 1, FALSE, 1330, -4, 0, 330 },
    { 1335, 100, AXW_CASH_ROUNDING_NEAREST_JIAO, { CASH (1340) }, 1, TRUE, 1340, 5, 0, 0 },
    { 1334, 100, AXW_CASH_ROUNDING_DOWN_JIAO, { WECHAT (1300), CASH (34) }, 2, TRUE, 34, 0, 0, 0 },
    { 1334, 100, AXW_CASH_ROUNDING_DOWN_JIAO, { WECHAT (1334) }, 1, TRUE, 0, 0, 0, 0 },
    { 1300, 66, AXW_CASH_ROUNDING_NEAREST_JIAO, { CASH (1300) }, 1, TRUE, 1296, -4, 4, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AxwSale) sale = axw_sale_new ();
      AxwSettlement s;

      g_test_message ("case %u", i);
      sale->total_fen = cases[i].total;
      sale->donation_fen = cases[i].donation;
      sale->cash_rounding = cases[i].mode;
      g_assert_true (axw_payments_settle_sale (sale, cases[i].pay, cases[i].n, &s, NULL));
      g_assert_cmpint (s.settled, ==, cases[i].settled);
      g_assert_cmpint (s.cash_fen, ==, cases[i].cash);
      g_assert_cmpint (s.cash_rounding_fen, ==, cases[i].rounding);
      g_assert_cmpint (s.change_fen, ==, cases[i].change);
      g_assert_cmpint (axw_payments_due (&s, AXW_PAY_CASH), ==, cases[i].due_cash);
    }
}

/* A manager's unit price: never below zero, never on a scale label's
 * line; the gross follows it; typing the catalog price again is no override. */
static void
test_override (void)
{
  g_autoptr(GError) error = NULL;
  AxwLine line = { .name = (char *) "赤松茸", .unit_price_fen = 2800, .qty_milli = 3000 };
  AxwLine weighed = { .name = (char *) "红枣", .unit_price_fen = 2400, .qty_milli = 500,
    .gross_fen = 1234,
                      .weighed = TRUE };

  axw_pricing_line_gross (&line);
  g_assert_false (axw_pricing_override_unit_price (&line, -1, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (line.unit_price_fen, ==, 2800);
  g_assert_cmpint (line.gross_fen, ==, 8400);
  g_assert_false (line.price_overridden);

  g_assert_true (axw_pricing_override_unit_price (&line, 1999, &error));
  g_assert_true (line.price_overridden);
  g_assert_cmpint (line.list_price_fen, ==, 2800);
  g_assert_cmpint (line.gross_fen, ==, 5997);
  g_assert_true (axw_pricing_override_unit_price (&line, 0, &error));
  g_assert_cmpint (line.list_price_fen, ==, 2800);
  g_assert_cmpint (line.gross_fen, ==, 0);
  g_assert_true (axw_pricing_override_unit_price (&line, 2800, &error));
  g_assert_false (line.price_overridden);
  g_assert_cmpint (line.gross_fen, ==, 8400);

  g_assert_false (axw_pricing_override_unit_price (&weighed, 1000, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_INVALID);
  g_assert_cmpint (weighed.gross_fen, ==, 1234);
  g_assert_cmpint (weighed.unit_price_fen, ==, 2400);
}

/* The one JSON string escaper of every document (RFC 8259). */
static void
test_json_string (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "赤松茸", "\"赤松茸\"" }, { "", "\"\"" },
    { "a\"b\\c", "\"a\\\"b\\\\c\"" },
    { "line\nnext\r\t", "\"line\\nnext\\r\\t\"" },
    { "\x1b[31m\x01", "\"\\u001b[31m\\u0001\"" },
    { NULL, "null" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      axw_json_append_string (out, cases[i].in);
      g_assert_cmpstr (out->str, ==, cases[i].out);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/string", test_json_string);
  g_test_add_func ("/pricing/gross", test_gross);
  g_test_add_func ("/pricing/promotions/dates", test_promotions_dates);
  g_test_add_func ("/pricing/promotions/odd-percent", test_promotion_odd_percent);
  g_test_add_func ("/pricing/promotions/tie-and-conditions", test_promotion_tie_first_defined);
  g_test_add_func ("/pricing/design-example", test_design_example);
  g_test_add_func ("/pricing/red-packet/reasons", test_red_packet_reasons);
  g_test_add_func ("/pricing/red-packet/caps-at-base", test_red_packet_caps_at_base);
  g_test_add_func ("/pricing/allocation", test_allocation);
  g_test_add_func ("/pricing/cash-rounding", test_cash_rounding);
  g_test_add_func ("/pricing/override", test_override);
  g_test_add_func ("/pricing/property", test_property);
  g_test_add_func ("/pricing/settle", test_settle);
  g_test_add_func ("/pricing/settle/due-settles", test_settle_due_settles);
  g_test_add_func ("/pricing/settle/refused", test_settle_refused);
  g_test_add_func ("/pricing/settle/not-settled", test_settle_not_settled);
  g_test_add_func ("/cart/merge-remove-undo-hold", test_cart_merge);
  g_test_add_func ("/red-packet/signed", test_signed_code);
  g_test_add_func ("/sale/json", test_json);
  g_test_add_func ("/pricing/donation", test_donation);
  g_test_add_func ("/pricing/donation/settle", test_donation_settle);
  g_test_add_func ("/pricing/charity-goods", test_charity_goods);

  return g_test_run ();
}
