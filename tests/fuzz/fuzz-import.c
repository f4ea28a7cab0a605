/* fuzz-import.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The products, promotions and red-packet CSV importers on a real
 * (in-memory) database: never crash, and a refused file changes nothing.
 */
#include "axw-db-sql.h"
#include "axw-fuzz.h"
#include "axw-products.h"
#include "axw-promotions.h"
#include "axw-vouchers.h"

static AxwDb *db;

static gint64
rows (void)
{
  return axw_db_query_int (db,
                           "SELECT (SELECT count(*) FROM products) + (SELECT count(*) FROM "
                           "promotions)"
                               " + (SELECT count(*) FROM vouchers) + (SELECT total(price_fen) FROM "
                               "products)", -1);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  g_autoptr(GError) error = NULL;
  AxwImportStats stats;
  guint count;
  gint64 before;

  if (db == NULL)
    {
      db = axw_db_open (":memory:", &error);
      g_assert (db != NULL);
    }
  /* keep the database small so every input runs at the same speed */
  if (axw_db_query_int (db, "SELECT count(*) FROM products", 0) > 500)
    g_assert (axw_db_exec (db,
                           "DELETE FROM products; DELETE FROM promotions; DELETE FROM vouchers;",
                           NULL));

  before = rows ();
  if (!axw_products_import_csv (db, text, size, TRUE, &stats, &error))
    g_assert (error != NULL);
  g_assert (rows () == before);
  g_clear_error (&error);

  if (!axw_products_import_csv (db, text, size, FALSE, &stats, &error))
    g_assert (rows () == before);
  g_clear_error (&error);

  before = rows ();
  if (!axw_promotions_import_csv (db, text, size, &count, &error))
    g_assert (rows () == before);
  g_clear_error (&error);

  before = rows ();
  if (!axw_vouchers_import_csv (db, text, size, &count, &error))
    g_assert (rows () == before);
  return 0;
}
