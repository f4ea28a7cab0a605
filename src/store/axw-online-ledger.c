/* axw-online-ledger.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "axw-db-sql.h"
#include "axw-online-ledger.h"

/* Whether @order_id was imported before (or earlier in this file). */
gboolean
axw_online_ledger_known (AxwDb       *db,
                         const char  *order_id,
                         gboolean    *out_known,
                         GError     **error)
{
  return axw_db_row_exists (db, "SELECT 1 FROM online_orders WHERE order_id = ?", order_id,
                            out_known, error);
}

/* Two quantities of a row: sold and returned, or a stock and a name. */
typedef struct {
  gint64   *first;
  gpointer  second;
} Pair;

static void
sold_from_row (sqlite3_stmt *stmt,
               gpointer      data)
{
  Pair *p = data;

  *p->first = sqlite3_column_int64 (stmt, 0);
  *(gint64 *) p->second = sqlite3_column_int64 (stmt, 1);
}

/**
 * axw_online_ledger_sold:
 * @out_sold_milli: (out): how much of the product order @order_id sold
 * @out_returned_milli: (out): how much of it returns of that order took back
 */
gboolean
axw_online_ledger_sold (AxwDb       *db,
                        const char  *order_id,
                        gint64       product_id,
                        gint64      *out_sold_milli,
                        gint64      *out_returned_milli,
                        GError     **error)
{
  Pair pair = { out_sold_milli, out_returned_milli };
  sqlite3_stmt *stmt;

  stmt = axw_db_prepare (db,
    "SELECT coalesce ((SELECT sum (qty_milli) FROM online_order_lines WHERE order_id = ?1 "
    "                  AND product_id = ?2 AND return_of IS NULL), 0),"
    "       coalesce ((SELECT sum (qty_milli) FROM online_order_lines WHERE return_of = ?1 "
    "                  AND product_id = ?2), 0)",
    error);
  if (stmt == NULL)
    return FALSE;
  axw_db_bind_text (stmt, 1, order_id);
  sqlite3_bind_int64 (stmt, 2, product_id);
  return axw_db_read_row (db, stmt, sold_from_row, &pair, error);
}

gboolean
axw_online_ledger_add (AxwDb       *db,
                       const char  *order_id,
                       const char  *now,
                       GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = axw_db_prepare (db, "INSERT INTO online_orders (order_id, applied_at) VALUES (?, ?)",
                         error);
  if (stmt == NULL)
    return FALSE;
  axw_db_bind_text (stmt, 1, order_id);
  axw_db_bind_text (stmt, 2, now);
  return axw_db_step_done (db, stmt, error);
}

static void
stock_from_row (sqlite3_stmt *stmt,
                gpointer      data)
{
  Pair *p = data;

  *p->first = sqlite3_column_int64 (stmt, 0);
  *(char **) p->second = axw_db_column_dup (stmt, 1);
}

/* @out_name: (out) (transfer full): the product's name */
gboolean
axw_online_ledger_stock_of (AxwDb       *db,
                            gint64       product_id,
                            gint64      *out_stock_milli,
                            char       **out_name,
                            GError     **error)
{
  sqlite3_stmt *stmt = axw_db_prepare (db, "SELECT stock_milli, name FROM products WHERE id = ?",
                                       error);
  Pair pair = { out_stock_milli, out_name };

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, product_id);
  return axw_db_read_row (db, stmt, stock_from_row, &pair, error);
}

/**
 * axw_online_ledger_move:
 * @return_of: (nullable): the order a return gives back
 * @qty_milli: the quantity of the line, positive
 * @stock_after_milli: the product's stock after it
 *
 * Sets the product's stock and records the order's line.
 */
gboolean
axw_online_ledger_move (AxwDb       *db,
                        const char  *order_id,
                        const char  *return_of,
                        gint64       product_id,
                        gint64       qty_milli,
                        gint64       stock_after_milli,
                        const char  *now,
                        GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = axw_db_prepare (db, "UPDATE products SET stock_milli = ?, updated_at = ? WHERE id = ?",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, stock_after_milli);
  axw_db_bind_text (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, product_id);
  if (!axw_db_step_done (db, stmt, error))
    return FALSE;
  stmt = axw_db_prepare (db,
                         "INSERT INTO online_order_lines (order_id, product_id, qty_milli, "
                         "return_of) "
                             "VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  axw_db_bind_text (stmt, 1, order_id);
  sqlite3_bind_int64 (stmt, 2, product_id);
  sqlite3_bind_int64 (stmt, 3, qty_milli);
  axw_db_bind_text (stmt, 4, return_of);
  return axw_db_step_done (db, stmt, error);
}
