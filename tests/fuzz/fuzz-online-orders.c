/* fuzz-online-orders.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Order files from the online shop (JSON Lines) against a real
 * (in-memory) catalog: never crash, and a refused file changes no stock
 * and records no order.
 */
#include <string.h>

#include "axw-fuzz.h"
#include "axw-online-orders.h"
#include "axw-products.h"

#define CATALOG "barcode,plu,name,category,origin,price,unit,aid_eligible,stock\n" \
  "6971234560018,,赤松茸,干货,甘肃和政,28,piece,1,50\n" \
  "6971234560025,,藜麦粥,冲调,甘肃和政,12.8,piece,1,80\n" \
  ",1001,散装红枣,散装,,24.00,kg,1,10\n"

static AxwDb *db;

static gint64
state (void)
{
  return axw_db_query_int (db, "SELECT (SELECT total(stock_milli) FROM products) * 7 + "
                               "(SELECT count(*) FROM online_orders)", -1);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  AxwOnlineImport stats = { 0 };
  gint64 before;

  if (db == NULL)
    {
      db = axw_db_open (":memory:", &error);
      g_assert (db != NULL);
      g_assert (axw_products_import_csv (db, CATALOG, strlen (CATALOG), FALSE, NULL, NULL));
    }
  if (axw_db_query_int (db, "SELECT count(*) FROM online_orders", 0) > 1000)
    g_assert (axw_db_exec (db, "DELETE FROM online_orders", NULL));

  before = state ();
  if (!axw_online_orders_import (db, (const char *) data, size, "fuzz", &stats, &error))
    {
      g_assert (error != NULL && error->message[0] != '\0');
      g_assert (state () == before);
    }
  return 0;
}
