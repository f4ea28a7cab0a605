/* axw-sale.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "axw-sale.h"

AxwLine *
axw_line_copy (const AxwLine *line)
{
  AxwLine *copy = g_new (AxwLine, 1);

  *copy = *line;
  copy->barcode = g_strdup (line->barcode);
  copy->name = g_strdup (line->name);
  copy->category = g_strdup (line->category);
  copy->promotion = g_strdup (line->promotion);
  copy->fund = g_strdup (line->fund);
  return copy;
}

void
axw_line_free (AxwLine *line)
{
  if (line == NULL)
    return;
  g_free (line->barcode);
  g_free (line->name);
  g_free (line->category);
  g_free (line->promotion);
  g_free (line->fund);
  g_free (line);
}

static const struct {
  const char *code;
  const char *label;
} methods[] = {
  [AXW_PAY_CASH] = { "cash", N_("Cash") },
  [AXW_PAY_WECHAT] = { "wechat", N_("WeChat Pay") },
  [AXW_PAY_ALIPAY] = { "alipay", N_("Alipay") },
  [AXW_PAY_UNIONPAY] = { "unionpay", N_("UnionPay") },
};

gboolean
axw_pay_method_from_string (const char   *text,
                            AxwPayMethod *out_method)
{
  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    if (g_strcmp0 (text, methods[i].code) == 0)
      {
        *out_method = (AxwPayMethod) i;
        return TRUE;
      }
  return FALSE;
}

const char *
axw_pay_method_to_string (AxwPayMethod method)
{
  g_return_val_if_fail ((guint) method < G_N_ELEMENTS (methods), "cash");
  return methods[method].code;
}

const char *
axw_pay_method_label (AxwPayMethod method)
{
  g_return_val_if_fail ((guint) method < G_N_ELEMENTS (methods), "");
  return _(methods[method].label);
}

static const struct {
  const char *code;
  const char *advice;
} reasons[] = {
  [AXW_RED_PACKET_OK] = { NULL, N_("Red packet accepted.") },
  [AXW_RED_PACKET_UNKNOWN] = { "unknown",
    N_("This red packet is not known. Check the code with the customer, or pay without it.") },
  [AXW_RED_PACKET_BAD_SIGNATURE] = { "bad_signature",
    N_("This red packet code is not genuine. Do not accept it; ask the customer for another.") },
  [AXW_RED_PACKET_ALREADY_REDEEMED] = { "already_redeemed",
    N_("This red packet was already used. Ask the customer for another one.") },
  [AXW_RED_PACKET_NOT_YET_VALID] = { "not_yet_valid",
    N_("This red packet cannot be used yet. Ask the customer to use it later.") },
  [AXW_RED_PACKET_EXPIRED] = { "expired",
    N_("This red packet has expired. Ask the customer for another one.") },
  [AXW_RED_PACKET_BELOW_MIN_SPEND] = { "below_min_spend",
    N_("The purchase is below this red packet's minimum. Add goods or pay without it.") },
  [AXW_RED_PACKET_ONE_PER_SALE] = { "one_per_sale",
    N_("Only one red packet per sale. Remove the first one to use this one.") },
};

/* Returns: (nullable): the stable code ("expired"…), %NULL when accepted */
const char *
axw_red_packet_reason_code (AxwRedPacketReason reason)
{
  g_return_val_if_fail ((guint) reason < G_N_ELEMENTS (reasons), "unknown");
  return reasons[reason].code;
}

/* Returns: plain words for the cashier: what happened and what to do */
const char *
axw_red_packet_reason_advice (AxwRedPacketReason reason)
{
  g_return_val_if_fail ((guint) reason < G_N_ELEMENTS (reasons), "");
  return _(reasons[reason].advice);
}

AxwVoucher *
axw_voucher_copy (const AxwVoucher *voucher)
{
  AxwVoucher *copy = g_new (AxwVoucher, 1);

  *copy = *voucher;
  copy->code = g_strdup (voucher->code);
  copy->campaign = g_strdup (voucher->campaign);
  copy->funder = g_strdup (voucher->funder);
  copy->valid_from = g_strdup (voucher->valid_from);
  copy->valid_to = g_strdup (voucher->valid_to);
  return copy;
}

void
axw_voucher_free (AxwVoucher *voucher)
{
  if (voucher == NULL)
    return;
  g_free (voucher->code);
  g_free (voucher->campaign);
  g_free (voucher->funder);
  g_free (voucher->valid_from);
  g_free (voucher->valid_to);
  g_free (voucher);
}

static void
red_packet_free (AxwRedPacket *rp)
{
  if (rp == NULL)
    return;
  g_free (rp->code);
  g_free (rp->campaign);
  g_free (rp->funder);
  g_free (rp);
}

AxwSale *
axw_sale_new (void)
{
  AxwSale *sale = g_new0 (AxwSale, 1);

  sale->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) axw_line_free);
  sale->payments = g_array_new (FALSE, TRUE, sizeof (AxwPayment));
  return sale;
}

void
axw_sale_free (AxwSale *sale)
{
  if (sale == NULL)
    return;
  g_free (sale->business_date);
  g_ptr_array_unref (sale->lines);
  red_packet_free (sale->red_packet);
  g_free (sale->uuid);
  g_free (sale->receipt_no);
  g_free (sale->refund_of_uuid);
  g_free (sale->refund_of_receipt_no);
  g_free (sale->created_at);
  g_free (sale->shop);
  g_free (sale->terminal);
  g_free (sale->staff);
  g_free (sale->donation_fund);
  g_array_unref (sale->payments);
  g_free (sale);
}

/* Sets the red packet result, replacing any earlier one. */
void
axw_sale_set_red_packet (AxwSale            *sale,
                         const char         *code,
                         gboolean            accepted,
                         AxwRedPacketReason  reason,
                         gint64              discount_fen,
                         const char         *campaign,
                         const char         *funder)
{
  AxwRedPacket *rp = g_new0 (AxwRedPacket, 1);

  rp->code = g_strdup (code);
  rp->accepted = accepted;
  rp->reason = reason;
  rp->discount_fen = discount_fen;
  rp->campaign = g_strdup (campaign);
  rp->funder = g_strdup (funder);
  red_packet_free (sale->red_packet);
  sale->red_packet = rp;
}

void
axw_sale_clear_red_packet (AxwSale *sale)
{
  g_clear_pointer (&sale->red_packet, red_packet_free);
}

AxwLine *
axw_sale_get_line (AxwSale *sale,
                   guint    index)
{
  g_return_val_if_fail (index < sale->lines->len, NULL);
  return g_ptr_array_index (sale->lines, index);
}

gint64
axw_sale_paid_fen (const AxwSale *sale)
{
  gint64 sum = 0;

  for (guint i = 0; i < sale->payments->len; i++)
    sum += g_array_index (sale->payments, AxwPayment, i).amount_fen;
  return sum;
}

/**
 * axw_json_append_string:
 * @text: (nullable): UTF-8
 *
 * @text as a JSON string (or null), escaped as RFC 8259 asks: the one
 * escaper of the sale, report and export documents, written in runs so a
 * million documents stream fast. fuzz-json checks that json-glib reads
 * back exactly @text (invalid UTF-8 replaced by U+FFFD) for any input.
 */
void
axw_json_append_string (GString    *out,
                        const char *text)
{
  g_autofree char *valid = NULL;
  const guchar *run, *p;

  if (text == NULL)
    {
      g_string_append_len (out, "null", 4);
      return;
    }
  /* JSON is UTF-8: bytes that are not (a damaged file, a hostile reply)
   * become U+FFFD rather than a document no parser accepts. */
  if (G_UNLIKELY (!g_utf8_validate (text, -1, NULL)))
    text = valid = g_utf8_make_valid (text, -1);
  g_string_append_c (out, '"');
  for (run = p = (const guchar *) text; *p; p++)
    {
      if (*p >= 0x20 && *p != '"' && *p != '\\')
        continue;
      g_string_append_len (out, (const char *) run, (const char *) p - (const char *) run);
      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default: g_string_append_printf (out, "\\u%04x", *p);
        }
      run = p + 1;
    }
  g_string_append_len (out, (const char *) run, (const char *) p - (const char *) run);
  g_string_append_c (out, '"');
}

#define KV_STR(out, key, val) (g_string_append (out, "\"" key "\":"), axw_json_append_string (out, val))
#define KV_INT(out, key, val) g_string_append_printf (out, "\"" key "\":%" G_GINT64_FORMAT, (gint64) (val))
#define KV_BOOL(out, key, val) g_string_append_printf (out, "\"" key "\":%s", (val) ? "true" : "false")

/* One line of the quote JSON (docs/design.md §12). */
void
axw_sale_append_line_json (GString       *out,
                           const AxwLine *l)
{
  g_string_append_printf (out, "{\"line\":%d,", l->line_no);
  KV_STR (out, "barcode", l->barcode);
  g_string_append_c (out, ',');
  KV_STR (out, "name", l->name);
  g_string_append_c (out, ',');
  KV_INT (out, "qty_milli", l->qty_milli);
  g_string_append_c (out, ',');
  KV_INT (out, "unit_price_fen", l->unit_price_fen);
  g_string_append_c (out, ',');
  if (l->price_overridden)
    {
      KV_INT (out, "list_price_fen", l->list_price_fen);
      g_string_append_c (out, ',');
    }
  KV_INT (out, "gross_fen", l->gross_fen);
  g_string_append_c (out, ',');
  KV_INT (out, "promo_fen", l->promo_fen);
  g_string_append_c (out, ',');
  KV_STR (out, "promotion", l->promotion);
  g_string_append_c (out, ',');
  KV_INT (out, "net_fen", l->net_fen);
  g_string_append_c (out, ',');
  KV_BOOL (out, "aid_eligible", l->aid_eligible);
  g_string_append_c (out, ',');
  KV_INT (out, "red_packet_fen", l->red_packet_fen);
  g_string_append_c (out, ',');
  KV_INT (out, "pay_fen", l->pay_fen);
  if (l->fund != NULL)
    {
      g_string_append_c (out, ',');
      KV_STR (out, "fund", l->fund);
    }
  g_string_append_c (out, '}');
}

static void
append_red_packet (GString            *out,
                   const AxwRedPacket *rp)
{
  if (rp == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '{');
  KV_STR (out, "code", rp->code);
  g_string_append_c (out, ',');
  KV_BOOL (out, "accepted", rp->accepted);
  g_string_append_c (out, ',');
  KV_STR (out, "reason", axw_red_packet_reason_code (rp->reason));
  g_string_append_c (out, ',');
  KV_INT (out, "discount_fen", rp->discount_fen);
  g_string_append_c (out, ',');
  KV_STR (out, "campaign", rp->campaign);
  g_string_append_c (out, ',');
  KV_STR (out, "funder", rp->funder);
  g_string_append_c (out, '}');
}

/**
 * axw_sale_to_json:
 * @committed: add the committed fields (sale, payments, change…)
 *
 * Returns: (transfer full): the quote or sell JSON of docs/design.md §12
 */
char *
axw_sale_to_json (const AxwSale *sale,
                  gboolean       committed)
{
  GString *out = g_string_new ("{");

  KV_STR (out, "business_date", sale->business_date);
  g_string_append (out, ",\"lines\":[");
  for (guint i = 0; i < sale->lines->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      axw_sale_append_line_json (out, g_ptr_array_index (sale->lines, i));
    }
  g_string_append (out, "],");
  KV_INT (out, "gross_fen", sale->gross_fen);
  g_string_append_c (out, ',');
  KV_INT (out, "promo_fen", sale->promo_fen);
  g_string_append_c (out, ',');
  KV_INT (out, "net_fen", sale->net_fen);
  g_string_append (out, ",\"red_packet\":");
  append_red_packet (out, sale->red_packet);
  if (sale->donation_fund != NULL)
    {
      g_string_append_c (out, ',');
      KV_INT (out, "donation_fen", sale->donation_fen);
      g_string_append_c (out, ',');
      KV_STR (out, "donation_fund", sale->donation_fund);
    }
  g_string_append_c (out, ',');
  KV_INT (out, "total_fen", sale->total_fen);
  g_string_append_c (out, ',');
  KV_INT (out, "cash_total_fen", sale->cash_total_fen);

  if (committed)
    {
      g_string_append (out, ",\"sale\":{");
      KV_STR (out, "uuid", sale->uuid);
      g_string_append_c (out, ',');
      KV_STR (out, "receipt_no", sale->receipt_no);
      g_string_append_c (out, ',');
      KV_STR (out, "kind", sale->is_refund ? "refund" : "sale");
      g_string_append_c (out, ',');
      KV_STR (out, "refund_of", sale->refund_of_uuid);
      g_string_append_c (out, ',');
      KV_STR (out, "created_at", sale->created_at);
      g_string_append_c (out, ',');
      KV_STR (out, "staff", sale->staff);
      g_string_append (out, "},\"payments\":[");
      for (guint i = 0; i < sale->payments->len; i++)
        {
          const AxwPayment *p = &g_array_index (sale->payments, AxwPayment, i);

          g_string_append (out, i ? ",{" : "{");
          KV_STR (out, "method", axw_pay_method_to_string (p->method));
          g_string_append_c (out, ',');
          KV_INT (out, "amount_fen", p->amount_fen);
          g_string_append_c (out, ',');
          KV_INT (out, "tendered_fen", p->tendered_fen);
          g_string_append_c (out, '}');
        }
      g_string_append (out, "],");
      KV_INT (out, "change_fen", sale->change_fen);
      g_string_append_c (out, ',');
      KV_INT (out, "cash_rounding_fen", sale->cash_rounding_fen);
    }
  g_string_append (out, "}");
  return g_string_free (out, FALSE);
}

/**
 * axw_sale_payments_text:
 *
 * Returns: (transfer full): the payments in words, "Cash ¥26.60 · WeChat Pay ¥10.00"
 */
char *
axw_sale_payments_text (const AxwSale *sale)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < sale->payments->len; i++)
    {
      const AxwPayment *p = &g_array_index (sale->payments, AxwPayment, i);
      g_autofree char *amount = axw_money_format_screen (p->amount_fen);

      g_string_append_printf (s, "%s%s %s", i ? " · " : "", axw_pay_method_label (p->method),
                              amount);
    }
  if (s->len == 0)
    g_string_append (s, C_("money back", "nothing"));
  return g_string_free (s, FALSE);
}
