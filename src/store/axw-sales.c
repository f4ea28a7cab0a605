/* axw-sales.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Committed sales and refunds: load a document, and refund lines of it.
 */
#include <glib/gi18n.h>
#include <string.h>

#include "axw-db-sql.h"
#include "axw-audit.h"
#include "axw-bizdate.h"
#include "axw-error.h"
#include "axw-funds.h"
#include "axw-pricing.h"
#include "axw-sales.h"
#include "axw-sales-private.h"
#include "axw-settings.h"

static void
add_line_row (sqlite3_stmt *stmt,
              gpointer      data)
{
  AxwSale *sale = data;
  AxwLine *l = g_new0 (AxwLine, 1);

  l->line_no = sqlite3_column_int (stmt, 0);
  l->product_id = sqlite3_column_int64 (stmt, 1);
  l->barcode = axw_db_column_dup (stmt, 2);
  l->name = axw_db_column_dup (stmt, 3);
  l->category = axw_db_column_dup (stmt, 4);
  l->qty_milli = sqlite3_column_int64 (stmt, 5);
  l->unit_price_fen = sqlite3_column_int64 (stmt, 6);
  l->per_kg = sqlite3_column_int (stmt, 7);
  l->gross_fen = sqlite3_column_int64 (stmt, 8);
  l->promo_fen = sqlite3_column_int64 (stmt, 9);
  l->promotion = axw_db_column_dup (stmt, 10);
  l->net_fen = sqlite3_column_int64 (stmt, 11);
  l->aid_eligible = sqlite3_column_int (stmt, 12);
  l->red_packet_fen = sqlite3_column_int64 (stmt, 13);
  l->pay_fen = sqlite3_column_int64 (stmt, 14);
  l->refund_of_line = sqlite3_column_int64 (stmt, 15);
  l->price_overridden = sqlite3_column_type (stmt, 17) != SQLITE_NULL;
  l->list_price_fen = sqlite3_column_int64 (stmt, 17);
  l->fund = axw_db_column_dup (stmt, 18);
  l->weighed = l->gross_fen != axw_mul_div_round (l->unit_price_fen, l->qty_milli, 1000);
  g_ptr_array_add (sale->lines, l);
}

static gboolean
load_lines (AxwDb    *db,
            AxwSale  *sale,
            GError  **error)
{
  sqlite3_stmt *stmt = axw_db_prepare (db,
    "SELECT l.line_no, coalesce (l.product_id, 0), l.barcode, l.name, l.category, l.qty_milli, "
    "l.unit_price_fen, coalesce (p.unit = 'kg', 0), l.gross_fen, l.promo_fen, l.promotion, "
    "l.net_fen, "
    "l.aid_eligible, l.red_packet_fen, l.pay_fen, coalesce (l.refund_of_line, 0), l.id, "
    "l.list_price_fen, "
    "l.fund "
    "FROM sale_lines l LEFT JOIN products p ON p.id = l.product_id WHERE l.sale_id = ? ORDER BY "
    "l.line_no", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, sale->id);
  return axw_db_each_row (db, stmt, add_line_row, sale, error);
}

static void
add_payment_row (sqlite3_stmt *stmt,
                 gpointer      data)
{
  AxwSale *sale = data;
  AxwPayment p = { 0 };

  axw_pay_method_from_string ((const char *) sqlite3_column_text (stmt, 0), &p.method);
  p.amount_fen = sqlite3_column_int64 (stmt, 1);
  p.tendered_fen = sqlite3_column_int64 (stmt, 2);
  g_array_append_val (sale->payments, p);
}

static gboolean
load_payments (AxwDb    *db,
               AxwSale  *sale,
               GError  **error)
{
  sqlite3_stmt *stmt = axw_db_prepare (db,
                                       "SELECT method, amount_fen, coalesce (tendered_fen, "
                                       "amount_fen) "
                                           "FROM payments WHERE sale_id = ? ORDER BY seq", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, sale->id);
  return axw_db_each_row (db, stmt, add_payment_row, sale, error);
}

/**
 * axw_sales_load_by_id:
 *
 * Returns: (transfer full): the committed document, or %NULL with @error
 */
AxwSale *
axw_sales_load_by_id (AxwDb   *db,
                      gint64   id,
                      GError **error)
{
  g_autoptr(AxwSale) sale = axw_sale_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = axw_db_prepare (db,
    "SELECT s.uuid, s.receipt_no, s.kind, o.uuid, o.receipt_no, s.created_at, s.business_date, "
    "s.shop, "
    "s.terminal, s.staff_name, s.gross_fen, s.promo_fen, s.net_fen, s.red_packet_fen, s.total_fen, "
    "s.cash_rounding_fen, s.change_fen, s.voucher_code, s.campaign, s.funder, coalesce (z.number, "
    "0) "
    "FROM sales s LEFT JOIN sales o ON o.id = s.refund_of AND o.id <> s.id LEFT JOIN z_reports z "
    "ON z.id = s.z_id "
    "WHERE s.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND, _("There is no sale %lld"),
                     (long long) id);
      else
        axw_db_set_error (db, rc, error);
      return NULL;
    }
  sale->id = id;
  sale->uuid = axw_db_column_dup (stmt, 0);
  sale->receipt_no = axw_db_column_dup (stmt, 1);
  sale->is_refund = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "refund") == 0;
  sale->refund_of_uuid = axw_db_column_dup (stmt, 3);
  sale->refund_of_receipt_no = axw_db_column_dup (stmt, 4);
  sale->created_at = axw_db_column_dup (stmt, 5);
  sale->business_date = axw_db_column_dup (stmt, 6);
  sale->shop = axw_db_column_dup (stmt, 7);
  sale->terminal = axw_db_column_dup (stmt, 8);
  sale->staff = axw_db_column_dup (stmt, 9);
  sale->gross_fen = sqlite3_column_int64 (stmt, 10);
  sale->promo_fen = sqlite3_column_int64 (stmt, 11);
  sale->net_fen = sqlite3_column_int64 (stmt, 12);
  sale->total_fen = sqlite3_column_int64 (stmt, 14);
  sale->cash_rounding_fen = sqlite3_column_int64 (stmt, 15);
  sale->change_fen = sqlite3_column_int64 (stmt, 16);
  if (sqlite3_column_type (stmt, 17) != SQLITE_NULL)
    axw_sale_set_red_packet (sale, (const char *) sqlite3_column_text (stmt, 17), TRUE,
                             AXW_RED_PACKET_OK, sqlite3_column_int64 (stmt, 13),
                             (const char *) sqlite3_column_text (stmt, 18),
                             (const char *) sqlite3_column_text (stmt, 19));
  sale->z_number = sqlite3_column_int64 (stmt, 20);
  sqlite3_reset (stmt);

  if (!load_lines (db, sale, error) || !load_payments (db, sale, error) ||
      !axw_donations_load (db, sale, error))
    return NULL;
  sale->cash_total_fen = sale->total_fen + sale->cash_rounding_fen;
  return g_steal_pointer (&sale);
}

/**
 * axw_sales_last_time:
 *
 * Returns: (transfer full) (nullable): when the newest sale or refund was
 *   made (stored UTC), %NULL when there is none
 */
char *
axw_sales_last_time (AxwDb *db)
{
  sqlite3_stmt *stmt = axw_db_prepare (db, "SELECT created_at FROM sales ORDER BY id DESC LIMIT 1",
                                       NULL);
  char *at = NULL;

  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    at = axw_db_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return at;
}

/**
 * axw_sales_load:
 * @sale: a receipt number or a UUID
 *
 * Returns: (transfer full): the document, or %NULL with @error
 */
AxwSale *
axw_sales_load (AxwDb       *db,
                const char  *sale,
                GError     **error)
{
  sqlite3_stmt *stmt = axw_db_prepare (db,
                                       "SELECT id FROM sales WHERE receipt_no = ?1 OR uuid = ?1",
                                       error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return NULL;
  axw_db_bind_text (stmt, 1, sale);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      axw_db_set_error (db, rc, error);
      return NULL;
    }
  if (id == 0)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND,
                   _("No sale has the receipt number or id “%s”. Check the receipt."), sale);
      return NULL;
    }
  return axw_sales_load_by_id (db, id, error);
}

typedef struct {
  gint64 qty, gross, promo, red_packet;
} Refunded;

/* What earlier refunds already took back from @line_id. */
static gboolean
already_refunded (AxwDb     *db,
                  gint64     line_id,
                  Refunded  *r,
                  GError   **error)
{
  sqlite3_stmt *stmt = axw_db_prepare (db,
                                       "SELECT coalesce (sum (qty_milli), 0), coalesce (sum "
                                       "(gross_fen), 0), "
                                           "coalesce (sum (promo_fen), 0), coalesce (sum "
                                           "(red_packet_fen), 0) "
                                           "FROM sale_lines WHERE refund_of_line = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, line_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return axw_db_set_error (db, sqlite3_reset (stmt), error);
  r->qty = sqlite3_column_int64 (stmt, 0);
  r->gross = sqlite3_column_int64 (stmt, 1);
  r->promo = sqlite3_column_int64 (stmt, 2);
  r->red_packet = sqlite3_column_int64 (stmt, 3);
  sqlite3_reset (stmt);
  return TRUE;
}

static gint64
line_id_of (AxwDb  *db,
            gint64  sale_id,
            int     line_no)
{
  sqlite3_stmt *stmt = axw_db_prepare (db,
                                       "SELECT id FROM sale_lines WHERE sale_id = ? AND line_no = ?", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, sale_id);
  sqlite3_bind_int (stmt, 2, line_no);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* The share of @amount for @qty of @total_qty; the last refund of a line
 * takes exactly what is left, so a line refunded in parts sums to it. */
static gint64
share (gint64 amount,
       gint64 taken,
       gint64 qty,
       gint64 left_qty,
       gint64 total_qty)
{
  if (qty == left_qty)
    return amount - taken;
  return MIN (axw_mul_div_round (amount, qty, total_qty), amount - taken);
}

static AxwLine *
refund_line (const AxwLine   *orig,
             gint64           line_id,
             gint64           qty,
             const Refunded  *r)
{
  AxwLine *l = axw_line_copy (orig);
  gint64 left = orig->qty_milli - r->qty;

  l->refund_of_line = line_id;
  l->qty_milli = qty;
  l->gross_fen = share (orig->gross_fen, r->gross, qty, left, orig->qty_milli);
  l->promo_fen = MIN (share (orig->promo_fen, r->promo, qty, left, orig->qty_milli), l->gross_fen);
  l->net_fen = l->gross_fen - l->promo_fen;
  l->red_packet_fen = MIN (share (orig->red_packet_fen, r->red_packet, qty, left, orig->qty_milli),
                           l->net_fen);
  l->pay_fen = l->net_fen - l->red_packet_fen;
  return l;
}

/* Money back per method, in proportion to what each method still holds;
 * the refund that empties the sale returns the cash rounding too. */
static gboolean
refund_payments (AxwDb     *db,
                 AxwSale   *orig,
                 AxwSale   *refund,
                 gboolean   final,
                 GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 held[4] = { 0 };
  gint64 back[4] = { 0 };
  gint64 amount;
  int rc;

  for (guint i = 0; i < orig->payments->len; i++)
    {
      const AxwPayment *p = &g_array_index (orig->payments, AxwPayment, i);
      held[p->method] += p->amount_fen;
    }
  stmt = axw_db_prepare (db,
                         "SELECT p.method, sum (p.amount_fen) FROM payments p JOIN sales s ON s.id "
                         "= p.sale_id "
                             "WHERE s.refund_of = ? GROUP BY p.method", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, orig->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AxwPayMethod m;

      if (axw_pay_method_from_string ((const char *) sqlite3_column_text (stmt, 0), &m))
        held[m] -= sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return axw_db_set_error (db, rc, error);

  refund->cash_rounding_fen = final ? orig->cash_rounding_fen : 0;
  amount = refund->total_fen + refund->cash_rounding_fen;
  for (int m = 0; m < 4; m++)
    held[m] = MAX (held[m], 0);
  axw_allocate_largest_remainder (held, 4, amount, back);
  for (int m = 0; m < 4; m++)
    if (back[m] > 0)
      {
        AxwPayment p = { (AxwPayMethod) m, back[m], back[m] };
        g_array_append_val (refund->payments, p);
      }
  return TRUE;
}

static gboolean
build_refund_lines (AxwDb                *db,
                    AxwSale              *orig,
                    AxwSale              *refund,
                    const AxwRefundItem  *items,
                    guint                 n_items,
                    gboolean             *out_final,
                    GError              **error)
{
  gboolean final = TRUE;

  for (guint i = 0; i < orig->lines->len; i++)
    {
      const AxwLine *ol = g_ptr_array_index (orig->lines, i);
      gint64 line_id = line_id_of (db, orig->id, ol->line_no);
      gint64 want = n_items == 0 ? -1 : 0;
      Refunded r = { 0 };
      gint64 left;

      if (!already_refunded (db, line_id, &r, error))
        return FALSE;
      left = ol->qty_milli - r.qty;
      for (guint k = 0; k < n_items; k++)
        if (items[k].line_no == ol->line_no)
          want = items[k].qty_milli == 0 ? left : items[k].qty_milli;
      if (want < 0)
        want = left;
      if (want > left)
        {
          g_autofree char *q = axw_qty_format (left);
          g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                       _("Line %d (%s): only %s is left to refund."), ol->line_no, ol->name, q);
          return FALSE;
        }
      if (want > 0 && ol->weighed && want != left)
        {
          g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                       _("Line %d (%s) was weighed: refund all of it or none."), ol->line_no,
                       ol->name);
          return FALSE;
        }
      if (want > 0)
        {
          AxwLine *l = refund_line (ol, line_id, want, &r);

          l->line_no = (int) refund->lines->len + 1;
          g_ptr_array_add (refund->lines, l);
        }
      if (want != left)
        final = FALSE;
    }
  for (guint k = 0; k < n_items; k++)
    if (items[k].line_no < 1 || (guint) items[k].line_no > orig->lines->len ||
        items[k].qty_milli < 0)
      {
        g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID, _("Sale %s has no line %d."),
                     orig->receipt_no, items[k].line_no);
        return FALSE;
      }
  if (refund->lines->len == 0)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID, _("Nothing is left to refund on %s."),
                   orig->receipt_no);
      return FALSE;
    }
  *out_final = final;
  return TRUE;
}

static void
sum_refund (AxwSale *refund)
{
  gint64 rp = 0;

  for (guint i = 0; i < refund->lines->len; i++)
    {
      const AxwLine *l = g_ptr_array_index (refund->lines, i);

      refund->gross_fen += l->gross_fen;
      refund->promo_fen += l->promo_fen;
      refund->net_fen += l->net_fen;
      refund->total_fen += l->pay_fen;
      rp += l->red_packet_fen;
    }
  if (rp > 0)
    refund->red_packet->discount_fen = rp;
  else
    axw_sale_clear_red_packet (refund);
}

/* The refund document for @items, priced but not written; the caller
 * holds the transaction. @manager (nullable for a preview) must be one. */
static AxwSale *
build_refund (AxwDb                *db,
              const char           *sale,
              const AxwRefundItem  *items,
              guint                 n_items,
              const char           *manager,
              GDateTime            *at,
              gint64               *out_orig_id,
              gint64               *out_staff_id,
              GError              **error)
{
  g_autoptr(AxwSale) orig = axw_sales_load (db, sale, error);
  g_autoptr(AxwSale) refund = NULL;
  g_autofree char *tz = NULL;
  gboolean final = FALSE;

  if (orig == NULL)
    return NULL;
  if (orig->is_refund)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("%s is itself a refund and cannot be refunded."), orig->receipt_no);
      return NULL;
    }
  if (manager && !axw_sales_lookup_staff (db, manager, TRUE, out_staff_id, error))
    return NULL;
  refund = axw_sale_new ();
  tz = axw_settings_get (db, "timezone");
  refund->business_date = axw_business_date (at, tz);
  refund->is_refund = TRUE;
  if (orig->red_packet)
    axw_sale_set_red_packet (refund, orig->red_packet->code, TRUE, AXW_RED_PACKET_OK, 0,
                             orig->red_packet->campaign, orig->red_packet->funder);
  if (!build_refund_lines (db, orig, refund, items, n_items, &final, error))
    return NULL;
  sum_refund (refund);
  /* A donation goes back only with the last of the goods (docs/design.md §15). */
  if (final && orig->donation_fen > 0)
    {
      refund->donation_fund = g_strdup (orig->donation_fund);
      refund->donation_fen = orig->donation_fen;
      refund->total_fen += orig->donation_fen;
    }
  if (!refund_payments (db, orig, refund, final, error))
    return NULL;
  refund->refund_of_uuid = g_strdup (orig->uuid);
  refund->refund_of_receipt_no = g_strdup (orig->receipt_no);
  *out_orig_id = orig->id;
  return g_steal_pointer (&refund);
}

/**
 * axw_sales_refund_preview:
 *
 * What axw_sales_refund() would write for the same arguments (lines,
 * money back per method), without writing anything: shown to the manager
 * before the refund is confirmed.
 *
 * Returns: (transfer full): the refund document, or %NULL with @error
 */
AxwSale *
axw_sales_refund_preview (AxwDb                *db,
                          const char           *sale,
                          const AxwRefundItem  *items,
                          guint                 n_items,
                          GDateTime            *at,
                          GError              **error)
{
  AxwSale *refund;
  gint64 orig_id;

  if (!axw_db_begin (db, error))
    return NULL;
  refund = build_refund (db, sale, items, n_items, NULL, at, &orig_id, NULL, error);
  axw_db_rollback (db);
  return refund;
}

/**
 * axw_sales_refundable:
 * @out_left: (out) (element-type gint64): per line of the sale, the
 *   quantity (milli) not refunded yet
 *
 * Returns: (transfer full): the sale, or %NULL with @error
 */
AxwSale *
axw_sales_refundable (AxwDb        *db,
                      const char   *sale,
                      GArray      **out_left,
                      GError      **error)
{
  g_autoptr(AxwSale) orig = axw_sales_load (db, sale, error);
  g_autoptr(GArray) left = g_array_new (FALSE, TRUE, sizeof (gint64));

  if (orig == NULL)
    return NULL;
  for (guint i = 0; i < orig->lines->len; i++)
    {
      const AxwLine *ol = g_ptr_array_index (orig->lines, i);
      Refunded r = { 0 };
      gint64 q;

      if (!already_refunded (db, line_id_of (db, orig->id, ol->line_no), &r, error))
        return NULL;
      q = orig->is_refund ? 0 : ol->qty_milli - r.qty;
      g_array_append_val (left, q);
    }
  *out_left = g_steal_pointer (&left);
  return g_steal_pointer (&orig);
}

/**
 * axw_sales_refund_in_transaction:
 *
 * axw_sales_refund() inside a transaction the caller holds (a void adds
 * its own audit row to the same transaction).
 *
 * Returns: (transfer full): the refund document, or %NULL with @error
 */
AxwSale *
axw_sales_refund_in_transaction (AxwDb                *db,
                                 const char           *sale,
                                 const AxwRefundItem  *items,
                                 guint                 n_items,
                                 const char           *manager,
                                 GDateTime            *at,
                                 GError              **error)
{
  g_autoptr(AxwSale) refund = NULL;
  g_autofree char *now = axw_time_to_utc_iso (at);
  gint64 staff_id, orig_id;

  refund = build_refund (db, sale, items, n_items, manager ? manager : "", at, &orig_id, &staff_id,
                         error);
  if (refund == NULL ||
      axw_sales_insert_document (db, refund, staff_id, manager, orig_id, now, error) == 0)
    return NULL;
  return g_steal_pointer (&refund);
}

/**
 * axw_sales_refund:
 *
 * A refund document referencing the original: stock comes back, each
 * line's red-packet share is reversed, and money goes back per payment
 * method. A refund never exceeds what was sold, and it lands on the
 * business day of @at, so refunds of a closed day count today.
 *
 * Returns: (transfer full): the refund document, or %NULL with @error
 */
AxwSale *
axw_sales_refund (AxwDb                *db,
                  const char           *sale,
                  const AxwRefundItem  *items,
                  guint                 n_items,
                  const char           *manager,
                  GDateTime            *at,
                  GError              **error)
{
  g_autoptr(AxwSale) refund = NULL;

  if (!axw_db_begin (db, error))
    return NULL;
  refund = axw_sales_refund_in_transaction (db, sale, items, n_items, manager, at, error);
  if (refund == NULL || !axw_db_commit (db, error))
    {
      axw_db_rollback (db);
      return NULL;
    }
  return g_steal_pointer (&refund);
}
