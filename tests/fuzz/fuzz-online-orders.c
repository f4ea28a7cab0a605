/* fuzz-online-orders.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Order files from the online shop (JSON Lines) against a real
 * (in-memory) catalog: never crash; a refused file changes no stock and
 * records no order; an accepted one keeps every stock a bounded integer
 * and the stock plus what the orders took back equal to before.
 */
#include <string.h>

#include "axw-db-sql.h"
#include "axw-fuzz.h"
#include "axw-online-orders.h"
#include "axw-products.h"

#define CATALOG "barcode,plu,name,category,origin,price,unit,aid_eligible,stock\n" \
  "6971234560018,,赤松茸,干货,甘肃和政,28,piece,1,50\n" \
  "6971234560025,,藜麦粥,冲调,甘肃和政,12.8,piece,1,80\n" \
  ",1001,散装红枣,散装,,24.00,kg,1,10\n"

static AxwDb *db;

/* What a refused file must leave as it was. */
static gint64
state (void)
{
  return axw_db_query_int (db, "SELECT (SELECT total(stock_milli) FROM products) * 7 + "
                               "(SELECT count(*) FROM online_orders)", -1);
}

/* What an accepted file must keep: every milli-unit that left the stock is
 * an order line, every one that came back a return line. */
static gint64
balance (void)
{
  return axw_db_query_int (db, "SELECT (SELECT sum(stock_milli) FROM products) + "
                               "(SELECT coalesce (sum (CASE WHEN return_of IS NULL THEN qty_milli "
                               "                           ELSE -qty_milli END), 0) FROM "
                               "online_order_lines)", -1);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  AxwOnlineImport stats = { 0 };
  gint64 before, before_balance;

  if (db == NULL)
    {
      db = axw_db_open (":memory:", &error);
      g_assert (db != NULL);
      g_assert (axw_products_import_csv (db, CATALOG, strlen (CATALOG), FALSE, NULL, NULL));
    }
  if (axw_db_query_int (db, "SELECT count(*) FROM online_orders", 0) > 1000)
    g_assert (axw_db_exec (db, "DELETE FROM online_order_lines; DELETE FROM online_orders", NULL));

  before = state ();
  before_balance = balance ();
  if (!axw_online_orders_import (db, (const char *) data, size, "fuzz", &stats, &error))
    {
      g_assert (error != NULL && error->message[0] != '\0');
      g_assert (state () == before);
      return 0;
    }
  /* accepted: the stock is whole and bounded, and the sums are exact */
  g_assert (axw_db_query_int (db,
                              "SELECT count(*) FROM products WHERE typeof (stock_milli) <> "
                              "'integer' "
                                  "OR abs (stock_milli) > 1000000000000000", -1) == 0);
  g_assert (balance () == before_balance);
  g_assert (stats.applied + stats.already <= size);
  return 0;
}
