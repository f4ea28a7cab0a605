/* axw-exceptions.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Voids, price overrides, removed lines, discarded carts and drawer
 * openings without a sale, each with its audit row.
 */
#include <glib/gi18n.h>

#include <string.h>

#include "axw-audit.h"
#include "axw-bizdate.h"
#include "axw-error.h"
#include "axw-exceptions.h"
#include "axw-sales.h"
#include "axw-pricing.h"
#include "axw-sales-private.h"
#include "axw-settings.h"

/* A manager's decision needs a reason the audit log can show. */
static gboolean
check_manager_id (AxwDb       *db,
                  const char  *manager,
                  const char  *reason,
                  gint64      *out_id,
                  GError     **error)
{
  g_autofree char *why = g_strstrip (g_strdup (reason ? reason : ""));

  if (*why == '\0')
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID, _("Say why: type a reason."));
      return FALSE;
    }
  return axw_sales_lookup_staff (db, manager, TRUE, out_id, error);
}

static gboolean
check_manager (AxwDb       *db,
               const char  *manager,
               const char  *reason,
               GError     **error)
{
  gint64 id;

  return check_manager_id (db, manager, reason, &id, error);
}

/**
 * axw_sales_void:
 * @sale: a receipt number or UUID
 *
 * Refunds all that is left of @sale through the refund path (stock back,
 * red-packet shares reversed, money back per method, the 退货单 queued)
 * and audits the void with the manager's reason, in one transaction.
 *
 * Returns: (transfer full): the refund document, or %NULL with @error
 */
AxwSale *
axw_sales_void (AxwDb       *db,
                const char  *sale,
                const char  *manager,
                const char  *reason,
                GDateTime   *at,
                GError     **error)
{
  g_autoptr(AxwSale) refund = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *total = NULL;

  if (!check_manager (db, manager, reason, error) || !axw_db_begin (db, error))
    return NULL;
  refund = axw_sales_refund_in_transaction (db, sale, NULL, 0, manager, at, error);
  if (refund == NULL)
    goto fail;
  total = axw_money_format (refund->total_fen + refund->cash_rounding_fen);
  detail = g_strdup_printf ("%s ￥%s: %s", refund->refund_of_receipt_no, total, reason);
  if (!axw_audit_append (db, manager, "void", detail, error) || !axw_db_commit (db, error))
    goto fail;
  return g_steal_pointer (&refund);

fail:
  axw_db_rollback (db);
  return NULL;
}

/**
 * axw_exceptions_override_price:
 * @index: the cart line
 *
 * Sets a manager's unit price on a cart line (axw_pricing_override_unit_price():
 * never below zero) and audits it; promotions and the red packet follow
 * when the cart is priced again. The cart is untouched on error.
 */
gboolean
axw_exceptions_override_price (AxwDb       *db,
                               AxwCart     *cart,
                               guint        index,
                               gint64       unit_price_fen,
                               const char  *manager,
                               const char  *reason,
                               GError     **error)
{
  g_autoptr(AxwLine) line = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (index < axw_cart_get_n_lines (cart), FALSE);

  line = axw_line_copy (axw_cart_get_line (cart, index));
  from = axw_money_format (line->unit_price_fen);
  if (!check_manager (db, manager, reason, error) ||
      !axw_pricing_override_unit_price (line, unit_price_fen, error))
    return FALSE;
  to = axw_money_format (unit_price_fen);
  detail = g_strdup_printf ("%s %s ￥%s → ￥%s: %s", line->barcode ? line->barcode : "", line->name,
                            from, to, reason);
  if (!axw_audit_append (db, manager, "price-override", detail, error))
    return FALSE;
  axw_cart_replace (cart, index, line);
  return TRUE;
}

static gboolean
audit_amount (AxwDb       *db,
              const char  *staff,
              const char  *action,
              const char  *what,
              gint64       amount_fen,
              GError     **error)
{
  g_autofree char *amount = axw_money_format (amount_fen);
  g_autofree char *detail = g_strdup_printf ("%s ￥%s", what, amount);

  return axw_audit_append (db, staff, action, detail, error);
}

static gboolean
audit_line (AxwDb          *db,
            const char     *staff,
            const char     *action,
            const AxwLine  *line,
            GError        **error)
{
  g_autofree char *qty = axw_qty_format (line->qty_milli);
  g_autofree char *what = g_strdup_printf ("%s %s ×%s%s", line->barcode ? line->barcode : "",
                                           line->name, qty, line->per_kg ? "kg" : "");

  return audit_amount (db, staff, action, what, line->net_fen, error);
}

/* Who took which line off the cart, and what it was worth. */
gboolean
axw_exceptions_line_removed (AxwDb          *db,
                             const char     *staff,
                             const AxwLine  *line,
                             GError        **error)
{
  return audit_line (db, staff, "remove-line", line, error);
}

/* A removed line put back (undo): the log shows it was not lost. */
gboolean
axw_exceptions_line_restored (AxwDb          *db,
                              const char     *staff,
                              const AxwLine  *line,
                              GError        **error)
{
  return audit_line (db, staff, "restore-line", line, error);
}

/* Who threw a whole cart away, with its lines and total. */
gboolean
axw_exceptions_cart_discarded (AxwDb          *db,
                               const char     *staff,
                               const AxwSale  *quote,
                               GError        **error)
{
  g_autoptr(GString) what = g_string_new (NULL);

  for (guint i = 0; i < quote->lines->len; i++)
    {
      const AxwLine *l = g_ptr_array_index (quote->lines, i);
      g_autofree char *qty = axw_qty_format (l->qty_milli);

      g_string_append_printf (what, "%s%s ×%s", i ? ", " : "", l->name, qty);
    }
  return audit_amount (db, staff, "discard-cart", what->str, quote->total_fen, error);
}

/* The drawer opened without a sale (the kick itself is the printer's). */
gboolean
axw_exceptions_no_sale (AxwDb       *db,
                        const char  *manager,
                        const char  *reason,
                        GError     **error)
{
  return check_manager (db, manager, reason, error) &&
         axw_audit_append (db, manager, "no-sale", reason, error);
}

/**
 * axw_checkout_item_from_spec:
 * @spec: "BARCODE" or "BARCODE*QTY" (pieces, or kg for goods sold by weight)
 *
 * Returns: (transfer full): the line, or %NULL with @error
 */
AxwLine *
axw_checkout_item_from_spec (AxwDb       *db,
                             const char  *spec,
                             GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (spec, "*", 2);
  g_autofree char *code = g_strstrip (g_strdup (parts[0] ? parts[0] : ""));
  gint64 qty = 0;

  if (parts[0] && parts[1] && !axw_qty_parse (g_strstrip (parts[1]), &qty, error))
    return NULL;
  return axw_checkout_item_from_scan (db, code, qty, error);
}

/* The return as a refund document: the catalog price, no promotion, no
 * red-packet share, all of it back in cash. */
static AxwSale *
return_document (AxwDb       *db,
                 AxwLine     *line,
                 GDateTime   *at)
{
  g_autofree char *tz = axw_settings_get (db, "timezone");
  AxwSale *r = axw_sale_new ();
  AxwPayment cash = { AXW_PAY_CASH, 0, 0 };

  r->business_date = axw_business_date (at, tz);
  r->is_refund = TRUE;
  line->line_no = 1;
  axw_pricing_line_gross (line);
  line->net_fen = line->pay_fen = line->gross_fen;
  r->gross_fen = r->net_fen = r->total_fen = line->gross_fen;
  cash.amount_fen = cash.tendered_fen = r->total_fen;
  g_array_append_val (r->payments, cash);
  g_ptr_array_add (r->lines, line);
  return r;
}

/**
 * axw_sales_return_without_receipt:
 * @item: "BARCODE" or "BARCODE*QTY"
 *
 * Goods brought back without a receipt: a refund document on the business
 * day of @at at the catalog price, paid back in cash, the stock back, no
 * red-packet share; its 退货单 is queued; audited with the reason.
 *
 * Returns: (transfer full): the refund document, or %NULL with @error
 */
AxwSale *
axw_sales_return_without_receipt (AxwDb       *db,
                                  const char  *item,
                                  const char  *manager,
                                  const char  *reason,
                                  GDateTime   *at,
                                  GError     **error)
{
  g_autoptr(AxwSale) doc = NULL;
  g_autofree char *now = axw_time_to_utc_iso (at);
  g_autofree char *total = NULL;
  g_autofree char *qty = NULL;
  g_autofree char *detail = NULL;
  AxwLine *line;
  gint64 staff_id;

  if (!check_manager_id (db, manager, reason, &staff_id, error) ||
      (line = axw_checkout_item_from_spec (db, item, error)) == NULL)
    return NULL;
  doc = return_document (db, line, at);
  if (!axw_db_begin (db, error))
    return NULL;
  if (axw_sales_insert_document (db, doc, staff_id, manager, AXW_REFUND_OF_ITSELF, now, error) == 0)
    goto fail;
  total = axw_money_format (doc->total_fen);
  qty = axw_qty_format (line->qty_milli);
  detail = g_strdup_printf ("%s %s %s ×%s%s ￥%s: %s", doc->receipt_no, line->barcode, line->name,
                            qty, line->per_kg ? "kg" : "", total, reason);
  if (!axw_audit_append (db, manager, "return-no-receipt", detail, error) ||
      !axw_db_commit (db, error))
    goto fail;
  return g_steal_pointer (&doc);

fail:
  axw_db_rollback (db);
  return NULL;
}
