/* axw-checkout.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From cart to committed sale (docs/design.md §6). A sale is one SQLite
 * transaction: the sale, its lines, payments, the red packet redemption,
 * stock, an outbox row for the online shop, a print job and an audit row.
 * Any failure rolls all of it back and leaves the cart as it was.
 */
#include <glib/gi18n.h>
#include <string.h>

#include "axw-db-sql.h"
#include "axw-audit.h"
#include "axw-bizdate.h"
#include "axw-checkout.h"
#include "axw-vouchers.h"
#include "axw-sales.h"
#include "axw-error.h"
#include "axw-funds.h"
#include "axw-payments.h"
#include "axw-pricing.h"
#include "axw-products.h"
#include "axw-promotions.h"
#include "axw-sales-private.h"
#include "axw-settings.h"
#include "axw-staff.h"

static AxwLine *
line_from_product (const AxwProduct *p,
                   const char       *code)
{
  AxwLine *l = g_new0 (AxwLine, 1);
  g_autofree char *sku = axw_product_dup_sku (p);

  l->product_id = p->id;
  l->barcode = g_strdup (p->barcode ? p->barcode : sku);
  l->name = g_strdup (p->name);
  l->category = g_strdup (p->category);
  l->unit_price_fen = p->price_fen;
  l->per_kg = p->per_kg;
  l->aid_eligible = p->aid_eligible;
  l->fund = p->fund && *p->fund ? g_strdup (p->fund) : NULL;
  l->fund_discounts = p->fund_discounts;
  return l;
}

/* A scale label: the embedded price, weight, or both make the line. */
static AxwLine *
line_from_label (const AxwProduct  *p,
                 const AxwScan     *scan,
                 GError           **error)
{
  AxwLine *l = line_from_product (p, scan->code);

  g_free (l->barcode);
  l->barcode = g_strdup (scan->code);
  l->weighed = TRUE;
  if (scan->value_kind == AXW_EMBEDDED_WEIGHT)
    {
      l->qty_milli = scan->value;
      l->gross_fen = axw_mul_div_round (p->price_fen, scan->value, 1000);
    }
  else if (scan->weight_g > 0)
    {
      l->gross_fen = scan->value;
      l->qty_milli = scan->weight_g;
    }
  else
    {
      if (p->price_fen <= 0)
        {
          g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                       _("%s has no price per unit, so the label's weight cannot be known. Ask the "
                         "manager."),
                       p->name);
          axw_line_free (l);
          return NULL;
        }
      l->gross_fen = scan->value;
      l->qty_milli = axw_mul_div_round (scan->value, 1000, p->price_fen);
    }
  if (l->qty_milli <= 0)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("Scale label %s shows nothing weighed. Weigh again."), scan->code);
      axw_line_free (l);
      return NULL;
    }
  return l;
}

static gboolean
load_layout (AxwDb              *db,
             AxwEmbeddedLayout  *layout)
{
  g_autofree char *text = axw_settings_get (db, "barcode.layout");

  return axw_embedded_layout_parse (text, layout, NULL) ||
         axw_embedded_layout_parse (AXW_EMBEDDED_LAYOUT_DEFAULT, layout, NULL);
}

/**
 * axw_checkout_scan_is_red_packet:
 * @code: what the scanner sent or the cashier typed
 *
 * Whether @code is a red packet rather than goods, for the counter and
 * the CLI alike: one the voucher table knows, or a signed HB1. code whose
 * signature verifies with a trusted key. The HB prefix alone decides
 * nothing: any other code is looked up as goods. A database failure
 * answers %FALSE, and the goods lookup then reports it.
 */
gboolean
axw_checkout_scan_is_red_packet (AxwDb       *db,
                                 const char  *code)
{
  g_autoptr(AxwVoucher) v = axw_vouchers_lookup (db, code, NULL);

  return v != NULL && v->known;
}

/**
 * axw_checkout_item_from_scan:
 * @qty_milli: 0 for one piece (or the label's quantity)
 *
 * Returns: (transfer full): a cart line, or %NULL with a message for the
 *   cashier (misread code, unknown product, payment code, an HB… code
 *   that is no red packet either…)
 */
AxwLine *
axw_checkout_item_from_scan (AxwDb       *db,
                             const char  *code,
                             gint64       qty_milli,
                             GError     **error)
{
  g_autoptr(AxwProduct) p = NULL;
  AxwEmbeddedLayout layout;
  GError *local = NULL;
  AxwScan scan;
  AxwLine *l;

  load_layout (db, &layout);
  if (!axw_barcode_parse (code, &layout, &scan, error))
    return NULL;
  p = axw_products_lookup_scan (db, &scan, &local);
  /* A PLU typed at the counter for loose goods. */
  if (p == NULL && local->code == AXW_ERROR_NOT_FOUND && !scan.embedded && strlen (scan.code) <= 6)
    {
      GError *plu_error = NULL;

      p = axw_products_find_plu (db, scan.code, &plu_error);
      if (plu_error)
        {
          g_clear_error (&local);
          local = plu_error;
        }
    }
  if (p == NULL && local->code == AXW_ERROR_NOT_FOUND &&
      g_ascii_strncasecmp (scan.code, "HB", 2) == 0)
    {
      g_clear_error (&local);
      g_set_error (&local, AXW_ERROR, AXW_ERROR_NOT_FOUND,
                   _("%s is neither a product in the catalog nor a red packet this shop knows "
                     "(imported, or signed with a trusted key). Put it aside and ask the manager."),
                   scan.code);
    }
  if (p == NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  g_clear_error (&local);

  if (scan.embedded && (p->barcode == NULL || strcmp (p->barcode, scan.code) != 0))
    {
      if (qty_milli > 0)
        {
          g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                       _("Scale label %s already carries its weight and price; scan it without a "
                         "quantity."),
                       scan.code);
          return NULL;
        }
      return line_from_label (p, &scan, error);
    }

  if (qty_milli <= 0 && p->per_kg)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("%s is sold by weight: weigh it and scan the scale label, or type the weight "
                     "in kg."),
                   p->name);
      return NULL;
    }
  if (qty_milli > 0 && !p->per_kg && qty_milli % 1000 != 0)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("%s is sold by the piece: the quantity must be a whole number."), p->name);
      return NULL;
    }
  l = line_from_product (p, scan.code);
  l->qty_milli = qty_milli > 0 ? qty_milli : 1000;
  /* the cashier types its price (axw_pricing_set_open_price) before it joins the cart */
  l->open_price = p->open_price;
  if (p->open_price)
    l->unit_price_fen = -1;
  return l;
}

static AxwCashRounding
load_rounding (AxwDb *db)
{
  g_autofree char *text = axw_settings_get (db, "cash_rounding");
  AxwCashRounding mode = AXW_CASH_ROUNDING_NONE;

  axw_cash_rounding_from_string (text, &mode);
  return mode;
}

/* Prices @cart on the business date of @at, with the day's promotions and
 * the cart's red packet as the database knows them now. */
static AxwSale *
price_cart (AxwDb          *db,
            const AxwCart  *cart,
            GDateTime      *at,
            GError        **error)
{
  g_autofree char *tz = axw_settings_get (db, "timezone");
  g_autofree char *date = axw_business_date (at, tz);
  g_autoptr(GPtrArray) promotions = axw_promotions_list (db, error);
  g_autoptr(AxwVoucher) voucher = NULL;
  AxwSale *sale;

  if (promotions == NULL)
    return NULL;
  for (guint i = 0; i < axw_cart_get_n_lines (cart); i++)
    if (axw_cart_get_line (cart, i)->unit_price_fen < 0)
      {
        g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                     _("%s has an open price: type its price first."),
                     axw_cart_get_line (cart, i)->name);
        return NULL;
      }
  if (axw_cart_get_voucher_code (cart) != NULL &&
      (voucher = axw_vouchers_lookup (db, axw_cart_get_voucher_code (cart), error)) == NULL)
    return NULL;
  sale = axw_cart_to_sale (cart, date);
  axw_pricing_apply (sale, promotions, voucher, load_rounding (db));
  return sale;
}

/**
 * axw_checkout_quote:
 *
 * Returns: (transfer full): the priced cart; writes nothing
 */
AxwSale *
axw_checkout_quote (AxwDb          *db,
                    const AxwCart  *cart,
                    GDateTime      *at,
                    GError        **error)
{
  return price_cart (db, cart, at, error);
}

static gint64
next_seq (AxwDb       *db,
          const char  *shop,
          const char  *terminal,
          const char  *date,
          GError     **error)
{
  sqlite3_stmt *stmt = axw_db_prepare (db, "SELECT coalesce (max (seq), 0) + 1 FROM sales "
                                           "WHERE shop = ? AND terminal = ? AND business_date = ?",
                                           error);
  gint64 seq;

  if (stmt == NULL)
    return 0;
  axw_db_bind_text (stmt, 1, shop);
  axw_db_bind_text (stmt, 2, terminal);
  axw_db_bind_text (stmt, 3, date);
  if (!axw_db_step_int (db, stmt, &seq, error))
    return 0;
  return seq;
}

typedef struct {
  gint64      staff_id;
  const char *staff;
  const char *created_at;
  gint64      refund_of;
} DocHeader;

static gint64
insert_sale_row (AxwDb            *db,
                 AxwSale          *sale,
                 const DocHeader  *h,
                 GError          **error)
{
  g_autofree char *shop = axw_settings_get (db, "shop.code");
  g_autofree char *terminal = axw_settings_get (db, "terminal.code");
  g_autofree char *compact = NULL;
  const AxwRedPacket *rp = sale->red_packet && sale->red_packet->accepted ? sale->red_packet : NULL;
  sqlite3_stmt *stmt;
  gint64 seq, id;

  seq = next_seq (db, shop, terminal, sale->business_date, error);
  if (seq == 0)
    return 0;
  compact = g_strdup_printf ("%.4s%.2s%.2s", sale->business_date, sale->business_date + 5,
                             sale->business_date + 8);
  sale->uuid = g_uuid_string_random ();
  sale->receipt_no = g_strdup_printf ("%s-%s-%s-%04" G_GINT64_FORMAT, shop, terminal, compact, seq);
  sale->shop = g_steal_pointer (&shop);
  sale->terminal = g_steal_pointer (&terminal);

  stmt = axw_db_prepare (db,
    "INSERT INTO sales (uuid, receipt_no, kind, refund_of, created_at, business_date, seq, shop, "
    "terminal, "
    "staff_id, staff_name, shift_id, gross_fen, promo_fen, net_fen, red_packet_fen, total_fen, "
    "cash_rounding_fen, change_fen, voucher_code, campaign, funder) VALUES (?1, ?2, ?3, "
    "CASE ?4 WHEN -1 THEN (SELECT coalesce (max (id), 0) + 1 FROM sales) ELSE ?4 END, ?5, ?6, ?7, "
    "?8, ?9, ?10, ?11, (SELECT id FROM shifts WHERE closed_at IS NULL), ?12, ?13, ?14, ?15, ?16, "
    "?17, "
    "?18, ?19, ?20, ?21) RETURNING id", error);
  if (stmt == NULL)
    return 0;
  axw_db_bind_text (stmt, 1, sale->uuid);
  axw_db_bind_text (stmt, 2, sale->receipt_no);
  axw_db_bind_text (stmt, 3, h->refund_of ? "refund" : "sale");
  if (h->refund_of)
    sqlite3_bind_int64 (stmt, 4, h->refund_of);   /* -1: the document itself (a return without receipt) */
  axw_db_bind_text (stmt, 5, h->created_at);
  axw_db_bind_text (stmt, 6, sale->business_date);
  sqlite3_bind_int64 (stmt, 7, seq);
  axw_db_bind_text (stmt, 8, sale->shop);
  axw_db_bind_text (stmt, 9, sale->terminal);
  sqlite3_bind_int64 (stmt, 10, h->staff_id);
  axw_db_bind_text (stmt, 11, h->staff);
  sqlite3_bind_int64 (stmt, 12, sale->gross_fen);
  sqlite3_bind_int64 (stmt, 13, sale->promo_fen);
  sqlite3_bind_int64 (stmt, 14, sale->net_fen);
  sqlite3_bind_int64 (stmt, 15, rp ? rp->discount_fen : 0);
  sqlite3_bind_int64 (stmt, 16, sale->total_fen);
  sqlite3_bind_int64 (stmt, 17, sale->cash_rounding_fen);
  sqlite3_bind_int64 (stmt, 18, sale->change_fen);
  axw_db_bind_text (stmt, 19, rp ? rp->code : NULL);
  axw_db_bind_text (stmt, 20, rp ? rp->campaign : NULL);
  axw_db_bind_text (stmt, 21, rp ? rp->funder : NULL);
  if (!axw_db_step_int (db, stmt, &id, error))
    return 0;
  return id;
}

static gboolean
insert_lines (AxwDb          *db,
              gint64          sale_id,
              const AxwSale  *sale,
              int             stock_sign,
              GError        **error)
{
  g_autofree char *now = axw_now_utc_iso ();

  for (guint i = 0; i < sale->lines->len; i++)
    {
      const AxwLine *l = g_ptr_array_index (sale->lines, i);
      sqlite3_stmt *stmt;

      stmt = axw_db_prepare (db,
        "INSERT INTO sale_lines (sale_id, line_no, product_id, barcode, name, category, qty_milli, "
        "unit_price_fen, gross_fen, promo_fen, promotion, net_fen, aid_eligible, red_packet_fen, "
        "pay_fen, "
        "refund_of_line, list_price_fen, fund) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
        "?11, ?12, ?13, "
        "?14, ?15, ?16, ?17, ?18)",
        error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, sale_id);
      sqlite3_bind_int (stmt, 2, l->line_no);
      if (l->product_id)
        sqlite3_bind_int64 (stmt, 3, l->product_id);
      axw_db_bind_text (stmt, 4, l->barcode);
      axw_db_bind_text (stmt, 5, l->name);
      axw_db_bind_text (stmt, 6, l->category ? l->category : "");
      sqlite3_bind_int64 (stmt, 7, l->qty_milli);
      sqlite3_bind_int64 (stmt, 8, l->unit_price_fen);
      sqlite3_bind_int64 (stmt, 9, l->gross_fen);
      sqlite3_bind_int64 (stmt, 10, l->promo_fen);
      axw_db_bind_text (stmt, 11, l->promotion);
      sqlite3_bind_int64 (stmt, 12, l->net_fen);
      sqlite3_bind_int (stmt, 13, l->aid_eligible);
      sqlite3_bind_int64 (stmt, 14, l->red_packet_fen);
      sqlite3_bind_int64 (stmt, 15, l->pay_fen);
      if (l->refund_of_line)
        sqlite3_bind_int64 (stmt, 16, l->refund_of_line);
      if (l->price_overridden)
        sqlite3_bind_int64 (stmt, 17, l->list_price_fen);
      axw_db_bind_text (stmt, 18, l->fund);
      if (!axw_db_step_done (db, stmt, error))
        return FALSE;

      if (l->product_id == 0)
        continue;
      stmt = axw_db_prepare (db,
                             "UPDATE products SET stock_milli = stock_milli + ?, updated_at = ? "
                                 "WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, stock_sign * l->qty_milli);
      axw_db_bind_text (stmt, 2, now);
      sqlite3_bind_int64 (stmt, 3, l->product_id);
      if (!axw_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_payments (AxwDb          *db,
                 gint64          sale_id,
                 const AxwSale  *sale,
                 GError        **error)
{
  for (guint i = 0; i < sale->payments->len; i++)
    {
      const AxwPayment *p = &g_array_index (sale->payments, AxwPayment, i);
      sqlite3_stmt *stmt = axw_db_prepare (db,
                                           "INSERT INTO payments (sale_id, seq, method, "
                                           "amount_fen, "
                                               "tendered_fen) VALUES (?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, sale_id);
      sqlite3_bind_int (stmt, 2, (int) i + 1);
      axw_db_bind_text (stmt, 3, axw_pay_method_to_string (p->method));
      sqlite3_bind_int64 (stmt, 4, p->amount_fen);
      sqlite3_bind_int64 (stmt, 5, p->tendered_fen);
      if (!axw_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The online-shop outbox row, the receipt's print job and the audit row. */
static gboolean
insert_followups (AxwDb          *db,
                  gint64          sale_id,
                  const AxwSale  *sale,
                  const char     *staff,
                  const char     *now,
                  GError        **error)
{
  g_autofree char *total = axw_money_format (sale->total_fen);
  g_autofree char *detail = g_strdup_printf ("%s %s ￥%s", sale->is_refund ? "refund" : "sale",
                                             sale->receipt_no, total);
  sqlite3_stmt *stmt;

  stmt = axw_db_prepare (db, "INSERT INTO outbox (sale_id, created_at) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, sale_id);
  axw_db_bind_text (stmt, 2, now);
  if (!axw_db_step_done (db, stmt, error))
    return FALSE;

  stmt = axw_db_prepare (db, "INSERT INTO print_jobs (sale_id, kind, created_at, updated_at) "
                             "VALUES (?, 'receipt', ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, sale_id);
  axw_db_bind_text (stmt, 2, now);
  axw_db_bind_text (stmt, 3, now);
  if (!axw_db_step_done (db, stmt, error))
    return FALSE;

  return axw_audit_append (db, staff, sale->is_refund ? "refund" : "sale", detail, error);
}

static gboolean
insert_redemption (AxwDb          *db,
                   gint64          sale_id,
                   const AxwSale  *sale,
                   const char     *now,
                   GError        **error)
{
  const AxwRedPacket *rp = sale->red_packet;
  sqlite3_stmt *stmt;
  int rc;

  if (rp == NULL || !rp->accepted || rp->discount_fen == 0)
    return TRUE;
  stmt = axw_db_prepare (db,
                         "INSERT INTO redemptions (code, sale_id, campaign, funder, discount_fen, "
                             "redeemed_at) VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  axw_db_bind_text (stmt, 1, rp->code);
  sqlite3_bind_int64 (stmt, 2, sale_id);
  axw_db_bind_text (stmt, 3, rp->campaign);
  axw_db_bind_text (stmt, 4, rp->funder);
  sqlite3_bind_int64 (stmt, 5, rp->discount_fen);
  axw_db_bind_text (stmt, 6, now);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_CONFLICT, "already_redeemed: %s",
                   axw_red_packet_reason_advice (AXW_RED_PACKET_ALREADY_REDEEMED));
      return FALSE;
    }
  return axw_db_set_error (db, rc, error);
}

gboolean
axw_sales_lookup_staff (AxwDb       *db,
            const char  *name,
            gboolean     manager,
            gint64      *out_id,
            GError     **error)
{
  g_autoptr(AxwStaff) s = axw_staff_find (db, name ? name : "", error);

  if (s == NULL)
    return FALSE;
  if (!s->active)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_PERMISSION,
                   _("%s can no longer sell. Ask a manager."), s->name);
      return FALSE;
    }
  if (manager && !s->manager)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_PERMISSION,
                   _("%s is not a manager. A manager must do this."), s->name);
      return FALSE;
    }
  *out_id = s->id;
  return TRUE;
}

/**
 * axw_sales_insert_document:
 * @refund_of: the original sale's id for a refund, AXW_REFUND_OF_ITSELF for
 *   a return without a receipt, else 0
 *
 * Writes a priced and settled document with everything that goes with it:
 * lines and stock, payments, the redemption (sales only), outbox, print job
 * and audit. The caller holds the transaction.
 *
 * Returns: the new sale's id, or 0 with @error
 */
gint64
axw_sales_insert_document (AxwDb       *db,
                           AxwSale     *sale,
                           gint64       staff_id,
                           const char  *staff,
                           gint64       refund_of,
                           const char  *now,
                           GError     **error)
{
  DocHeader h = { staff_id, staff, now, refund_of };
  sqlite3_stmt *closed = axw_db_prepare (db, "SELECT number FROM z_reports WHERE business_date = ?",
                                         error);
  gint64 id;
  int rc;

  /* Closed days (Z) are immutable: nothing new may land in one. */
  if (closed == NULL)
    return 0;
  axw_db_bind_text (closed, 1, sale->business_date);
  rc = sqlite3_step (closed);
  sqlite3_reset (closed);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_CONFLICT,
                   _("The business day %s is already closed (Z report). Nothing can be added to "
                     "it; "
                     "check the date and time of this terminal."), sale->business_date);
      return 0;
    }
  id = insert_sale_row (db, sale, &h, error);
  if (id == 0 || !insert_lines (db, id, sale, refund_of ? 1 : -1, error) ||
      !insert_payments (db, id, sale, error) ||
      !axw_donations_insert (db, id, sale, error) ||
      (!refund_of && !insert_redemption (db, id, sale, now, error)) ||
      !insert_followups (db, id, sale, staff, now, error))
    return 0;
  /* Now the document as axw_sales_load_by_id would read it back. */
  sale->id = id;
  sale->created_at = g_strdup (now);
  sale->staff = g_strdup (staff);
  sale->cash_total_fen = sale->total_fen + sale->cash_rounding_fen;
  return id;
}

static gboolean
red_packet_ok (const AxwSale  *sale,
               GError        **error)
{
  const AxwRedPacket *rp = sale->red_packet;

  if (rp == NULL || rp->accepted)
    return TRUE;
  g_set_error (error, AXW_ERROR, AXW_ERROR_CONFLICT, "%s: %s",
               axw_red_packet_reason_code (rp->reason), axw_red_packet_reason_advice (rp->reason));
  return FALSE;
}

/**
 * axw_checkout_commit:
 *
 * Prices the cart again inside the transaction, so two terminals racing
 * for one red packet cannot both win, checks the payments and writes the
 * whole sale at once. The cart is not changed: on any error the cashier
 * still has it.
 *
 * Returns: (transfer full): the committed sale, or %NULL with @error
 */
AxwSale *
axw_checkout_commit (AxwDb             *db,
                     const AxwCart     *cart,
                     GDateTime         *at,
                     const char        *staff,
                     const AxwPayment  *payments,
                     guint              n_payments,
                     GError           **error)
{
  g_autoptr(AxwSale) sale = NULL;
  g_autofree char *now = axw_time_to_utc_iso (at);
  AxwSettlement s;
  gint64 staff_id, id;

  if (axw_cart_is_empty (cart))
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("The cart is empty: scan something first"));
      return NULL;
    }
  if (!axw_db_begin (db, error))
    return NULL;
  if (!axw_sales_lookup_staff (db, staff, FALSE, &staff_id, error) ||
      (sale = price_cart (db, cart, at, error)) == NULL ||
      !red_packet_ok (sale, error) ||
      !axw_payments_settle_sale (sale, payments, n_payments, &s, error) ||
      !axw_payments_check_settled (&s, n_payments, error))
    goto fail;

  axw_payments_record (&s, payments, n_payments, sale->payments);
  sale->change_fen = s.change_fen;
  sale->cash_rounding_fen = s.cash_rounding_fen;

  id = axw_sales_insert_document (db, sale, staff_id, staff, 0, now, error);
  if (id == 0 || !axw_db_commit (db, error))
    goto fail;
  return g_steal_pointer (&sale);

fail:
  axw_db_rollback (db);
  return NULL;
}
