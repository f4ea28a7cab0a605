/* axw-deliveries.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "axw-db-sql.h"
#include "axw-audit.h"
#include "axw-bizdate.h"
#include "axw-csv.h"
#include "axw-deliveries.h"
#include "axw-error.h"
#include "axw-money.h"
#include "axw-products.h"
#include "axw-settings.h"
#include "axw-suppliers.h"

void
axw_delivery_free (AxwDelivery *delivery)
{
  if (delivery == NULL)
    return;
  g_free (delivery->kind);
  g_free (delivery->supplier);
  g_free (delivery->delivered_on);
  g_free (delivery->staff);
  g_free (delivery);
}

static const char * const csv_columns[] = { "barcode", "plu", "qty", "cost", NULL };
static const char * const csv_required[] = { "qty", NULL };

/* A quantity of a product: whole pieces, or kg to the gram. */
static gboolean
check_qty (const AxwProduct  *p,
           gint64             qty_milli,
           GError           **error)
{
  if (qty_milli <= 0 || qty_milli > AXW_QTY_MAX_MILLI)
    g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                 _("the quantity must be more than 0 and at most 1000000"));
  else if (!p->per_kg && qty_milli % 1000 != 0)
    g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                 _("%s is counted in whole pieces"), p->name);
  else
    return TRUE;
  return FALSE;
}

/* Fills @line from one CSV row; on error @column is the column at fault. */
static gboolean
line_from_csv (AxwDb            *db,
               AxwCsv           *csv,
               guint             row,
               AxwDeliveryLine  *line,
               const char      **column,
               GError          **error)
{
  const char *barcode = axw_csv_get (csv, row, "barcode");
  const char *plu = axw_csv_get (csv, row, "plu");
  const char *cost = axw_csv_get (csv, row, "cost");
  const char *qty;
  g_autoptr(AxwProduct) p = NULL;
  GError *local = NULL;

  *column = barcode && *barcode ? "barcode" : "plu";
  if (barcode && *barcode)
    p = axw_products_find_barcode (db, barcode, &local);
  else if (plu && *plu)
    p = axw_products_find_plu (db, plu, &local);
  else
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID, _("give a barcode or a PLU"));
      return FALSE;
    }
  if (local)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (p == NULL)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND, _("“%s” is not in the catalog"),
                   barcode && *barcode ? barcode : plu);
      return FALSE;
    }
  line->product_id = p->id;
  *column = "qty";
  qty = axw_csv_get (csv, row, "qty");
  /* "0" is no delivery, whatever the sale screen's parser says of it */
  if (qty && *qty && strspn (qty, "0.") == strlen (qty))
    line->qty_milli = 0;
  else if (!axw_qty_parse (qty, &line->qty_milli, error))
    return FALSE;
  if (!check_qty (p, line->qty_milli, error))
    return FALSE;
  *column = "cost";
  line->unit_cost_fen = p->cost_fen;
  return cost == NULL || *cost == '\0' || axw_money_parse (cost, &line->unit_cost_fen, error);
}

/**
 * axw_deliveries_parse_csv:
 *
 * Reads a delivery note: columns `barcode` or `plu`, `qty` (pieces, or kg
 * for goods sold by weight) and `cost` (yuan per piece or per kg; the
 * product's cost when missing or empty). Reads only.
 *
 * Returns: (transfer full) (element-type AxwDeliveryLine): the lines, or
 *   %NULL with an error naming the row and the column
 */
GArray *
axw_deliveries_parse_csv (AxwDb       *db,
                          const char  *text,
                          gsize        length,
                          GError     **error)
{
  g_autoptr(AxwCsv) csv = axw_csv_parse (text, length, error);
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (AxwDeliveryLine));

  if (csv == NULL || !axw_csv_bind_columns (csv, csv_columns, csv_required, error))
    return NULL;
  for (guint r = 0; r < axw_csv_n_rows (csv); r++)
    {
      AxwDeliveryLine line = { 0 };
      const char *column = NULL;
      GError *local = NULL;

      if (!line_from_csv (db, csv, r, &line, &column, &local))
        {
          g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                       _("Row %u (line %u), column “%s”: %s. Nothing was received."),
                       r + 1, axw_csv_line_of_row (csv, r), column, local->message);
          g_error_free (local);
          return NULL;
        }
      g_array_append_val (lines, line);
    }
  if (lines->len == 0)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID, _("The delivery has no lines."));
      return NULL;
    }
  return g_steal_pointer (&lines);
}

static gboolean
insert_delivery (AxwDb       *db,
                 gint64       supplier_id,
                 gint64       return_of,
                 const char  *date,
                 const char  *staff,
                 gint64      *out_id,
                 GError     **error)
{
  g_autofree char *now = axw_now_utc_iso ();
  sqlite3_stmt *stmt;

  stmt = axw_db_prepare (db, "INSERT INTO deliveries (supplier_id, kind, return_of, delivered_on, "
                             "received_at, staff) VALUES (?, ?, ?, ?, ?, ?) RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, supplier_id);
  axw_db_bind_text (stmt, 2, return_of ? "return" : "delivery");
  if (return_of)
    sqlite3_bind_int64 (stmt, 3, return_of);
  axw_db_bind_text (stmt, 4, date);
  axw_db_bind_text (stmt, 5, now);
  axw_db_bind_text (stmt, 6, staff ? staff : "");
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return axw_db_set_error (db, sqlite3_reset (stmt), error);
  *out_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
insert_line (AxwDb       *db,
             gint64       delivery_id,
             guint        line_no,
             gint64       product_id,
             gint64       qty_milli,
             gint64       unit_cost_fen,
             gint64       amount_fen,
             gint64       return_of_line,
             GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = axw_db_prepare (db,
                         "INSERT INTO delivery_lines (delivery_id, line_no, product_id, qty_milli, "
                             "unit_cost_fen, amount_fen, return_of_line) VALUES (?, ?, ?, ?, ?, ?, "
                             "?)",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, delivery_id);
  sqlite3_bind_int (stmt, 2, (int) line_no);
  sqlite3_bind_int64 (stmt, 3, product_id);
  sqlite3_bind_int64 (stmt, 4, qty_milli);
  sqlite3_bind_int64 (stmt, 5, unit_cost_fen);
  sqlite3_bind_int64 (stmt, 6, amount_fen);
  if (return_of_line)
    sqlite3_bind_int64 (stmt, 7, return_of_line);
  return axw_db_step_done (db, stmt, error);
}

/* The product costs what it was last bought for, and a product without a
 * supplier gets this one. */
static gboolean
note_cost (AxwDb       *db,
           gint64       product_id,
           gint64       supplier_id,
           gint64       unit_cost_fen,
           GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = axw_db_prepare (db,
                         "UPDATE products SET cost_fen = ?, supplier_id = coalesce (supplier_id, "
                         "?) "
                             "WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_cost_fen);
  sqlite3_bind_int64 (stmt, 2, supplier_id);
  sqlite3_bind_int64 (stmt, 3, product_id);
  return axw_db_step_done (db, stmt, error);
}

static gboolean
receive_line (AxwDb                  *db,
              gint64                  delivery_id,
              const AxwSupplier      *supplier,
              guint                   line_no,
              const AxwDeliveryLine  *line,
              const char             *staff,
              gint64                 *amount_fen,
              GError                **error)
{
  g_autoptr(AxwProduct) p = axw_products_get (db, line->product_id, error);
  g_autofree char *reason = NULL;
  GError *local = NULL;

  if (p == NULL)
    return FALSE;
  if (line->unit_cost_fen < 0 || line->unit_cost_fen > G_GINT64_CONSTANT (100000000000))
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID, _("Line %u: the cost is not valid."),
                   line_no);
      return FALSE;
    }
  if (!check_qty (p, line->qty_milli, &local))
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID, _("Line %u: %s."), line_no, local->message);
      g_error_free (local);
      return FALSE;
    }
  *amount_fen = axw_mul_div_round (line->unit_cost_fen, line->qty_milli, 1000);
  reason = g_strdup_printf ("delivery %" G_GINT64_FORMAT " from %s", delivery_id, supplier->name);
  return insert_line (db, delivery_id, line_no, p->id, line->qty_milli, line->unit_cost_fen,
                      *amount_fen, 0, error) &&
         axw_products_adjust_in_transaction (db, p->id, line->qty_milli, reason, staff, error) &&
         note_cost (db, p->id, supplier->id, line->unit_cost_fen, error);
}

/* Ends the transaction of delivery or return @id: audited and committed,
 * or rolled back. */
static gboolean
audit_and_commit (AxwDb       *db,
                  const char  *staff,
                  const char  *action,
                  const char  *detail,
                  gint64       id,
                  gint64      *out_id,
                  GError     **error)
{
  if (!axw_audit_append (db, staff, action, detail, error) || !axw_db_commit (db, error))
    {
      axw_db_rollback (db);
      return FALSE;
    }
  if (out_id)
    *out_id = id;
  return TRUE;
}

static char *
today (AxwDb *db)
{
  g_autofree char *tz = axw_settings_get (db, "timezone");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return axw_business_date (now, tz);
}

/**
 * axw_deliveries_receive:
 * @supplier: the supplier's name
 * @date: (nullable): the delivery's date, YYYY-MM-DD; today when %NULL
 * @staff: who received it, for the audit log
 * @out_id: (out) (optional): the delivery's number
 *
 * Records a delivery and raises the stock of each line, in one
 * transaction: one bad line and nothing is received. Each product's cost
 * becomes the line's unit cost.
 */
gboolean
axw_deliveries_receive (AxwDb                  *db,
                        const char             *supplier,
                        const char             *date,
                        const AxwDeliveryLine  *lines,
                        guint                   n_lines,
                        const char             *staff,
                        gint64                 *out_id,
                        GError                **error)
{
  g_autoptr(AxwSupplier) s = NULL;
  g_autofree char *day = date ? g_strdup (date) : today (db);
  g_autofree char *detail = NULL;
  g_autofree char *total = NULL;
  gint64 id = 0, sum = 0;

  g_return_val_if_fail (lines != NULL || n_lines == 0, FALSE);
  if (!axw_date_is_valid (day))
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID, _("“%s” is not a date (YYYY-MM-DD)."), day);
      return FALSE;
    }
  if (n_lines == 0)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID, _("The delivery has no lines."));
      return FALSE;
    }
  if (!axw_db_begin (db, error))
    return FALSE;
  if ((s = axw_suppliers_find (db, supplier, error)) == NULL ||
      !insert_delivery (db, s->id, 0, day, staff, &id, error))
    goto fail;
  for (guint i = 0; i < n_lines; i++)
    {
      gint64 amount = 0;

      if (!receive_line (db, id, s, i + 1, &lines[i], staff, &amount, error))
        goto fail;
      sum += amount;
    }
  total = axw_money_format (sum);
  detail = g_strdup_printf ("delivery %" G_GINT64_FORMAT " from %s on %s: %u lines, cost %s", id,
                            s->name, day, n_lines, total);
  return audit_and_commit (db, staff, "delivery.receive", detail, id, out_id, error);

fail:
  axw_db_rollback (db);
  return FALSE;
}

typedef struct {
  gint64 line_id;
  gint64 product_id;
  gint64 qty_milli;         /* still not returned */
  gint64 unit_cost_fen;
  gint64 amount_fen;        /* still not returned */
} LineLeft;

/* What of line @line_no of delivery @id has not gone back yet. */
static gboolean
line_left (AxwDb     *db,
           gint64     id,
           guint      line_no,
           LineLeft  *left,
           GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = axw_db_prepare (db, "SELECT l.id, l.product_id, l.unit_cost_fen, "
                             "  l.qty_milli - coalesce (sum (r.qty_milli), 0), "
                             "  l.amount_fen - coalesce (sum (r.amount_fen), 0) "
                             "FROM delivery_lines l LEFT JOIN delivery_lines r ON r.return_of_line "
                             "= l.id "
                             "WHERE l.delivery_id = ? AND l.line_no = ? GROUP BY l.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, (int) line_no);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      left->line_id = sqlite3_column_int64 (stmt, 0);
      left->product_id = sqlite3_column_int64 (stmt, 1);
      left->unit_cost_fen = sqlite3_column_int64 (stmt, 2);
      left->qty_milli = sqlite3_column_int64 (stmt, 3);
      left->amount_fen = sqlite3_column_int64 (stmt, 4);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return axw_db_set_error (db, rc, error);
  g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND,
               _("Delivery %lld has no line %u."), (long long) id, line_no);
  return FALSE;
}

static gboolean
return_line (AxwDb       *db,
             gint64       delivery_id,
             gint64       return_id,
             guint        line_no,
             guint        return_line_no,
             gint64       qty_milli,
             const char  *staff,
             GError     **error)
{
  g_autofree char *reason = NULL;
  LineLeft left = { 0 };
  gint64 amount;

  if (!line_left (db, delivery_id, line_no, &left, error))
    return FALSE;
  if (qty_milli == 0)
    qty_milli = left.qty_milli;
  if (qty_milli <= 0 || qty_milli > left.qty_milli)
    {
      g_autofree char *q = axw_qty_format (left.qty_milli);

      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("Line %u: at most %s can go back. Nothing was returned."), line_no, q);
      return FALSE;
    }
  /* The last of a line takes what is left of its amount, so a line
   * returned in parts adds up to what it cost, to the fen. */
  amount = qty_milli == left.qty_milli ? left.amount_fen
                                       : axw_mul_div_round (left.unit_cost_fen, qty_milli, 1000);
  reason = g_strdup_printf ("returned to the supplier, delivery %" G_GINT64_FORMAT, delivery_id);
  return insert_line (db, return_id, return_line_no, left.product_id, qty_milli, left.unit_cost_fen,
                      amount, left.line_id, error) &&
         axw_products_adjust_in_transaction (db, left.product_id, -qty_milli, reason, staff, error);
}

/**
 * axw_deliveries_return:
 * @lines: (array length=n_lines) (nullable): the lines to send back, a
 *   quantity of 0 meaning all that is left of it; none: every line
 * @out_id: (out) (optional): the return's number
 *
 * Sends goods of a delivery back to its supplier (退货), or corrects a
 * delivery typed wrong: the stock goes down by each line, in one
 * transaction, and never more goes back than came in.
 */
gboolean
axw_deliveries_return (AxwDb                    *db,
                       gint64                    delivery_id,
                       const AxwDeliveryReturn  *lines,
                       guint                     n_lines,
                       const char               *staff,
                       gint64                   *out_id,
                       GError                  **error)
{
  g_autofree char *detail = NULL;
  g_autofree char *day = today (db);
  gint64 supplier_id, id = 0, n_all;
  guint n = 0;

  if (!axw_db_begin (db, error))
    return FALSE;
  {
    sqlite3_stmt *stmt = axw_db_prepare (db,
                                         "SELECT supplier_id, (SELECT count (*) FROM "
                                         "delivery_lines "
                                             "WHERE delivery_id = d.id) FROM deliveries d "
                                             "WHERE d.id = ? AND d.kind = 'delivery'", error);
    if (stmt == NULL)
      goto fail;
    sqlite3_bind_int64 (stmt, 1, delivery_id);
    supplier_id = 0;
    n_all = 0;
    if (sqlite3_step (stmt) == SQLITE_ROW)
      {
        supplier_id = sqlite3_column_int64 (stmt, 0);
        n_all = sqlite3_column_int64 (stmt, 1);
      }
    sqlite3_reset (stmt);
  }
  if (supplier_id == 0)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND,
                   _("There is no delivery %lld."), (long long) delivery_id);
      goto fail;
    }
  if (!insert_delivery (db, supplier_id, delivery_id, day, staff, &id, error))
    goto fail;
  if (n_lines == 0)
    {
      for (gint64 l = 1; l <= n_all; l++)
        {
          LineLeft left = { 0 };

          if (!line_left (db, delivery_id, (guint) l, &left, error))
            goto fail;
          if (left.qty_milli > 0 &&
              !return_line (db, delivery_id, id, (guint) l, ++n, 0, staff, error))
            goto fail;
        }
      if (n == 0)
        {
          g_set_error (error, AXW_ERROR, AXW_ERROR_CONFLICT,
                       _("Everything of delivery %lld has gone back already."),
                       (long long) delivery_id);
          goto fail;
        }
    }
  for (guint i = 0; i < n_lines; i++)
    if (!return_line (db, delivery_id, id, lines[i].line_no, ++n, lines[i].qty_milli, staff, error))
      goto fail;
  detail = g_strdup_printf ("return %" G_GINT64_FORMAT " of delivery %" G_GINT64_FORMAT ": %u lines",
                            id, delivery_id, n);
  return audit_and_commit (db, staff, "delivery.return", detail, id, out_id, error);

fail:
  axw_db_rollback (db);
  return FALSE;
}

void
axw_delivery_line_left_free (AxwDeliveryLineLeft *line)
{
  g_free (line->name);
  g_free (line);
}

/**
 * axw_deliveries_lines_left:
 * @delivery_id: a delivery (not a return)
 *
 * Every line of the delivery, by line number, with what of it has not
 * gone back to the supplier yet: what a partial return can still take.
 *
 * Returns: (transfer full) (element-type AxwDeliveryLineLeft): the lines,
 *   or %NULL with @error (NOT_FOUND when there is no such delivery)
 */
GPtrArray *
axw_deliveries_lines_left (AxwDb   *db,
                           gint64   delivery_id,
                           GError **error)
{
  g_autoptr(GPtrArray) out = NULL;
  gboolean exists = FALSE;
  sqlite3_stmt *stmt;
  int rc;

  stmt = axw_db_prepare (db, "SELECT 1 FROM deliveries WHERE id = ? AND kind = 'delivery'", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, delivery_id);
  rc = sqlite3_step (stmt);
  exists = rc == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      axw_db_set_error (db, rc, error);
      return NULL;
    }
  if (!exists)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND,
                   _("There is no delivery %lld."), (long long) delivery_id);
      return NULL;
    }
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) axw_delivery_line_left_free);
  stmt = axw_db_prepare (db, "SELECT l.line_no, p.name, p.unit = 'kg', l.qty_milli, "
                             "  l.qty_milli - coalesce (sum (r.qty_milli), 0), l.unit_cost_fen "
                             "FROM delivery_lines l JOIN products p ON p.id = l.product_id "
                             "LEFT JOIN delivery_lines r ON r.return_of_line = l.id "
                             "WHERE l.delivery_id = ? GROUP BY l.id ORDER BY l.line_no", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, delivery_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AxwDeliveryLineLeft *l = g_new0 (AxwDeliveryLineLeft, 1);

      l->line_no = (guint) sqlite3_column_int (stmt, 0);
      l->name = axw_db_column_dup (stmt, 1);
      l->per_kg = sqlite3_column_int (stmt, 2) != 0;
      l->qty_milli = sqlite3_column_int64 (stmt, 3);
      l->left_milli = sqlite3_column_int64 (stmt, 4);
      l->unit_cost_fen = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (out, l);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      axw_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* Returns: (transfer full) (element-type AxwDelivery): newest first */
GPtrArray *
axw_deliveries_list (AxwDb   *db,
                     guint    limit,
                     GError **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) axw_delivery_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = axw_db_prepare (db,
                         "SELECT d.id, d.kind, coalesce (d.return_of, 0), s.name, d.delivered_on, "
                             "  d.staff, count (l.id), coalesce (sum (l.qty_milli), 0), "
                             "  coalesce (sum (l.amount_fen), 0) "
                             "FROM deliveries d JOIN suppliers s ON s.id = d.supplier_id "
                             "LEFT JOIN delivery_lines l ON l.delivery_id = d.id "
                             "GROUP BY d.id ORDER BY d.id DESC LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, (int) limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AxwDelivery *d = g_new0 (AxwDelivery, 1);

      d->id = sqlite3_column_int64 (stmt, 0);
      d->kind = axw_db_column_dup (stmt, 1);
      d->return_of = sqlite3_column_int64 (stmt, 2);
      d->supplier = axw_db_column_dup (stmt, 3);
      d->delivered_on = axw_db_column_dup (stmt, 4);
      d->staff = axw_db_column_dup (stmt, 5);
      d->n_lines = (guint) sqlite3_column_int (stmt, 6);
      d->qty_milli = sqlite3_column_int64 (stmt, 7);
      d->amount_fen = sqlite3_column_int64 (stmt, 8);
      g_ptr_array_add (out, d);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      axw_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* Returns: (transfer full): “Delivery 3, 2026-12-05, 和政县合作社: 2 lines, ¥280.00”
 * or “Return 4 of delivery 3, …” */
char *
axw_delivery_describe (const AxwDelivery *d)
{
  g_autofree char *amount = axw_money_format (d->amount_fen);

  if (d->return_of)
    return g_strdup_printf (_("Return %lld of delivery %lld, %s, %s: %u lines, ¥%s"),
                            (long long) d->id,
                            (long long) d->return_of, d->delivered_on, d->supplier, d->n_lines,
                            amount);
  return g_strdup_printf (_("Delivery %lld, %s, %s: %u lines, ¥%s"), (long long) d->id,
                          d->delivered_on, d->supplier, d->n_lines, amount);
}
