/* axw-export-rows.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cursor: the last sale written (with the hash of the products.csv
 * written), and, while a range is being written, that range's last sale as
 * "pending" (see the crash safety in src/sync/axw-export.c).
 */
#include "axw-db-sql.h"
#include "axw-csv.h"
#include "axw-export-rows.h"
#include "axw-money.h"
#include "axw-products.h"

#define CURSOR "online-shop"
#define PENDING "online-shop.pending"
#define FULL_MARK "full"

/**
 * axw_export_cursor_read:
 * @out_products_hash: (out) (transfer full): or %NULL
 * @out_pending: (out): the pending range's last sale, or left as it was
 *
 * Fills in what is recorded; leaves the rest as it was.
 */
gboolean
axw_export_cursor_read (AxwDb     *db,
                        gint64    *out_cursor,
                        char     **out_products_hash,
                        gint64    *out_pending,
                        gboolean  *out_pending_full,
                        GError   **error)
{
  sqlite3_stmt *stmt = axw_db_prepare (db,
                                       "SELECT name, last_sale_id, products_hash FROM "
                                       "export_cursor "
                                           "WHERE name IN ('" CURSOR "', '" PENDING "')", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *hash = (const char *) sqlite3_column_text (stmt, 2);

      if (g_str_equal ((const char *) sqlite3_column_text (stmt, 0), CURSOR))
        {
          *out_cursor = sqlite3_column_int64 (stmt, 1);
          g_free (*out_products_hash);
          *out_products_hash = g_strdup (hash);
        }
      else
        {
          *out_pending = sqlite3_column_int64 (stmt, 1);
          *out_pending_full = g_strcmp0 (hash, FULL_MARK) == 0;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return axw_db_set_error (db, rc, error);
  return TRUE;
}

/* Records that the range up to @last is being written (@full: a full export). */
gboolean
axw_export_cursor_set_pending (AxwDb     *db,
                               gint64     last,
                               gboolean   full,
                               GError   **error)
{
  sqlite3_stmt *stmt = axw_db_prepare (db,
                                       "INSERT OR REPLACE INTO export_cursor (name, last_sale_id, "
                                           "products_hash) VALUES ('" PENDING "', ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, last);
  axw_db_bind_text (stmt, 2, full ? FULL_MARK : NULL);
  return axw_db_step_done (db, stmt, error);
}

/* Moves the cursor (and clears the pending range) in one transaction. */
gboolean
axw_export_cursor_advance (AxwDb       *db,
                           gint64       last,
                           const char  *products_hash,
                           GError     **error)
{
  sqlite3_stmt *stmt;

  if (!axw_db_begin (db, error))
    return FALSE;
  stmt = axw_db_prepare (db, "INSERT INTO export_cursor (name, last_sale_id, products_hash) "
                             "VALUES ('" CURSOR "', ?1, ?2) ON CONFLICT (name) DO UPDATE SET "
                             "last_sale_id = ?1, products_hash = ?2", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, last);
  axw_db_bind_text (stmt, 2, products_hash);
  if (!axw_db_step_done (db, stmt, error) ||
      !axw_db_exec (db, "DELETE FROM export_cursor WHERE name = '" PENDING "'", error) ||
      !axw_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  axw_db_rollback (db);
  return FALSE;
}

/* Returns: the newest sale's id, 0 when there is none, -1 with @error */
gint64
axw_sales_last_id (AxwDb   *db,
                   GError **error)
{
  gint64 last = -1;

  if (!axw_db_step_int (db, axw_db_prepare (db, "SELECT coalesce (max (id), 0) FROM sales", error),
                        &last, error))
    return -1;
  return last;
}

/**
 * axw_products_shop_csv:
 * @out_count: (out): the rows written, the header not counted
 *
 * Returns: (transfer full): products.csv of the active products
 *   (data/EXPORT.md), or %NULL with @error
 */
GString *
axw_products_shop_csv (AxwDb    *db,
                       guint64  *out_count,
                       GError  **error)
{
  static const char * const header[] = {
    "sku", "barcode", "name", "category", "origin", "price", "stock", "aid_eligible", "updated_at",
  };
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  *out_count = 0;
  stmt = axw_db_prepare (db, "SELECT p.barcode, p.plu, p.name, coalesce (c.name, ''), p.origin, "
                             "p.price_fen, p.stock_milli, p.aid_eligible, p.updated_at FROM "
                             "products p "
                             "LEFT JOIN categories c ON c.id = p.category_id WHERE p.active ORDER "
                             "BY p.id",
                         error);
  if (stmt == NULL)
    return NULL;
  axw_csv_append_row (out, header, G_N_ELEMENTS (header));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AxwProduct p = {
        .barcode = (char *) sqlite3_column_text (stmt, 0),
        .plu = (char *) sqlite3_column_text (stmt, 1),
      };
      g_autofree char *sku = axw_product_dup_sku (&p);
      g_autofree char *price = axw_money_format (sqlite3_column_int64 (stmt, 5));
      g_autofree char *stock = axw_qty_format (sqlite3_column_int64 (stmt, 6));
      const char *row[] = {
        sku, p.barcode ? p.barcode : "", (const char *) sqlite3_column_text (stmt, 2),
        (const char *) sqlite3_column_text (stmt, 3), (const char *) sqlite3_column_text (stmt, 4),
        price, stock, sqlite3_column_int (stmt, 7) ? "1" : "0",
        (const char *) sqlite3_column_text (stmt, 8),
      };

      axw_csv_append_row (out, row, G_N_ELEMENTS (row));
      (*out_count)++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      axw_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}
