/* test-online-orders.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Online orders applied to the counter's stock, each order id once.
 */
#include "axw-db-sql.h"
#include "axw-online-orders.h"
#include "axw-sync-test-util.h"

#define TEST(path, fn) g_test_add (path, DbFixture, NULL, shop_setup, fn, db_fixture_teardown)

static gint64
stock (DbFixture  *f,
       const char *sku)
{
  g_autofree char *sql = g_strdup_printf ("SELECT stock_milli FROM products WHERE coalesce "
                                          "(barcode, 'PLU' || plu) "
                                          "= '%s'", sku);
  return sql_int (f, sql);
}

typedef struct {
  const char *name;
  const char *jsonl;
  guint       applied;
  guint       already;
  gint64      mushroom;   /* 6971234560018, 5000 pieces before */
  gint64      dates;      /* PLU1001, 500 kg before */
} Case;

static const Case good[] = {
  { "one order", "{\"order_id\":\"W1\",\"lines\":[{\"sku\":\"6971234560018\",\"qty\":2}]}\n",
    1, 0, 4998000, 500000 },
  { "kg by decimal and by milli",
    "{\"order_id\":\"W1\",\"lines\":[{\"sku\":\"PLU1001\",\"qty\":0.25},"
    "{\"sku\":\"PLU1001\",\"qty_milli\":1500},{\"barcode\":\"6971234560018\",\"qty\":\"3\"}]}",
    1, 0, 4997000, 498250 },
  { "same order twice in a file",
    "{\"order_id\":\"W1\",\"lines\":[{\"sku\":\"6971234560018\",\"qty\":1}]}\n"
    "{\"order_id\":\"W1\",\"lines\":[{\"sku\":\"6971234560018\",\"qty\":1}]}\n", 1, 1, 4999000,
    500000 },
  { "return puts back, blank lines and CRLF",
    "\r\n{\"order_id\":\"W1\",\"lines\":[{\"sku\":\"6971234560018\",\"qty\":4}]}\r\n"
    "\n{\"order_id\":\"W2\",\"kind\":\"return\",\"return_of\":\"W1\",\"customer\":\"x\","
    "\"lines\":[{\"sku\":\"6971234560018\",\"qty\":1}]}",
    2, 0, 4997000, 500000 },
  { "returns up to what was sold, in parts",
    "{\"order_id\":\"W1\",\"lines\":[{\"sku\":\"PLU1001\",\"qty\":2}]}\n"
    "{\"order_id\":\"R1\",\"kind\":\"return\",\"return_of\":\"W1\",\"lines\":[{\"sku\":\"PLU1001\",\"qty\":0.5}]}\n"
    "{\"order_id\":\"R2\",\"kind\":\"return\",\"return_of\":\"W1\",\"lines\":[{\"sku\":\"PLU1001\",\"qty\":1.5}]}\n",
    3, 0, 5000000, 500000 },
  { "empty file", "", 0, 0, 5000000, 500000 },
};

static void
test_good (DbFixture     *f,
           gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      const Case *c = &good[i];
      g_autoptr(GError) error = NULL;
      AxwOnlineImport st;

      g_test_message ("%s", c->name);
      g_assert_true (axw_db_exec (f->db,
                                  "DELETE FROM online_order_lines; DELETE FROM online_orders; "
                                         "UPDATE products SET stock_milli = "
                                         "CASE WHEN plu = '1001' THEN 500000 ELSE 5000000 END",
                                         NULL));
      g_assert_true (axw_online_orders_import (f->db, c->jsonl, strlen (c->jsonl), "王店长", &st,
                                               &error));
      g_assert_no_error (error);
      g_assert_cmpuint (st.applied, ==, c->applied);
      g_assert_cmpuint (st.already, ==, c->already);
      g_assert_cmpint (stock (f, "6971234560018"), ==, c->mushroom);
      g_assert_cmpint (stock (f, "PLU1001"), ==, c->dates);

      /* The same file again changes nothing. */
      g_assert_true (axw_online_orders_import (f->db, c->jsonl, strlen (c->jsonl), NULL, &st,
                                               &error));
      g_assert_cmpuint (st.applied, ==, 0);
      g_assert_cmpint (stock (f, "6971234560018"), ==, c->mushroom);
      g_assert_cmpint (stock (f, "PLU1001"), ==, c->dates);
    }
}

static const struct {
  const char *jsonl;
  const char *message;
} bad[] = {
  { "{\"order_id\":\"W1\",\"lines\":[{\"sku\":\"6971234560018\",\"qty\":1}]}\nnot json\n",
    "Line 2: not a JSON object" },
  { "{\"lines\":[{\"sku\":\"6971234560018\",\"qty\":1}]}", "Line 1: “order_id” is missing" },
  { "{\"order_id\":\"W9\",\"lines\":[]}", "order W9 has no “lines”" },
  { "{\"order_id\":\"W9\",\"lines\":[{\"sku\":\"6970000000000\",\"qty\":1}]}",
    "6970000000000 is not in the catalog" },
  { "{\"order_id\":\"W9\",\"lines\":[{\"qty\":1}]}", "needs “sku” or “barcode”" },
  { "{\"order_id\":\"W9\",\"lines\":[{\"sku\":\"6971234560018\",\"qty\":-1}]}",
    "“qty” must be a positive" },
  { "{\"order_id\":\"W9\",\"lines\":[{\"sku\":\"6971234560018\",\"qty\":0.0001}]}",
    "at most 3 decimals" },
  { "{\"order_id\":\"W9\",\"lines\":[{\"sku\":\"6971234560018\",\"qty_milli\":1.5}]}",
    "“qty_milli” a positive" },
  { "{\"order_id\":\"W9\",\"kind\":\"gift\",\"lines\":[{\"sku\":\"6971234560018\",\"qty\":1}]}",
    "use order or return" },
  { "[1,2]", "Line 1: not a JSON object" },
  /* a quantity as large as a typed one may be, no larger: INT64_MAX once made the stock a REAL */
  { "{\"order_id\":\"W9\",\"lines\":[{\"sku\":\"6971234560018\",\"qty_milli\":9223372036854775807}]}",
    "“qty_milli” a positive" },
  { "{\"order_id\":\"W9\",\"lines\":[{\"sku\":\"6971234560018\",\"qty\":1000001}]}",
    "“qty” must be" },
  { "{\"order_id\":\"W9\",\"lines\":[{\"sku\":\"6971234560018\",\"qty\":1e300}]}",
    "“qty” must be" },
  /* a return names its order, which must be known and have sold that much */
  { "{\"order_id\":\"R9\",\"kind\":\"return\",\"lines\":[{\"sku\":\"6971234560018\",\"qty\":1}]}",
    "must name the order it returns" },
  { "{\"order_id\":\"R9\",\"kind\":\"return\",\"return_of\":\"W404\",\"lines\":[{\"sku\":\"6971234560018\","
    "\"qty\":1}]}", "which was never imported" },
  { "{\"order_id\":\"W1\",\"lines\":[{\"sku\":\"6971234560018\",\"qty\":1}]}\n"
    "{\"order_id\":\"R1\",\"kind\":\"return\",\"return_of\":\"W1\",\"lines\":[{\"sku\":\"6971234560018\",\"qty\":2}]}",
    "Line 2: return R1 takes back 2 of a product order W1 sold 1 of" },
  { "{\"order_id\":\"W1\",\"lines\":[{\"sku\":\"6971234560018\",\"qty\":1}]}\n"
    "{\"order_id\":\"R1\",\"kind\":\"return\",\"return_of\":\"W1\",\"lines\":[{\"sku\":\"6971234560025\",\"qty\":1}]}",
    "takes back 1 of a product order W1 sold 0 of" },
};

static void
test_bad (DbFixture     *f,
          gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      AxwOnlineImport st;

      g_test_message ("%s", bad[i].jsonl);
      g_assert_false (axw_online_orders_import (f->db, bad[i].jsonl, strlen (bad[i].jsonl), NULL,
                                                &st, &error));
      g_assert_error (error, AXW_ERROR, AXW_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i].message));
      g_assert_nonnull (strstr (error->message, "Nothing was imported"));
      g_assert_cmpint (stock (f, "6971234560018"), ==, 5000000);
      g_assert_cmpint (sql_int (f, "SELECT count(*) FROM online_orders"), ==, 0);
    }
}

/* 400 KB of "[" crashed json-glib 1.6 (a recursion per level): the
 * depth is checked before json-glib sees the line. */
static void
test_deep (DbFixture     *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *deep = g_strnfill (400 * 1024, '[');
  AxwOnlineImport st;

  g_assert_false (axw_online_orders_import (f->db, deep, strlen (deep), NULL, &st, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "the JSON nests more than 32 levels"));
}

/* The stock stays a whole number within bounds, whatever the orders;
 * one taken below zero is counted for a stocktake. */
static void
test_stock_bounds (DbFixture     *f,
                   gconstpointer  data)
{
  static const char one[] = "{\"order_id\":\"W1\",\"lines\":[{\"sku\":\"6971234560018\",\"qty\":1}]}";
  static const char all[] = "{\"order_id\":\"W2\",\"lines\":[{\"sku\":\"6971234560018\",\"qty\":6000}]}";
  g_autoptr(GError) error = NULL;
  AxwOnlineImport st;

  g_assert_true (axw_db_exec (f->db, "UPDATE products SET stock_milli = -999999999999999 "
                                     "WHERE barcode = '6971234560018'", NULL));
  g_assert_false (axw_online_orders_import (f->db, one, strlen (one), NULL, &st, &error));
  g_assert_nonnull (strstr (error->message, "out of range"));
  g_assert_cmpint (stock (f, "6971234560018"), ==, -999999999999999);
  g_clear_error (&error);

  g_assert_true (axw_db_exec (f->db,
                              "UPDATE products SET stock_milli = 5000000 WHERE barcode = "
                              "'6971234560018'", NULL));
  g_assert_true (axw_online_orders_import (f->db, all, strlen (all), NULL, &st, &error));
  g_assert_cmpuint (st.below_zero, ==, 1);
  g_assert_cmpint (stock (f, "6971234560018"), ==, -1000000);
  g_assert_cmpint (sql_int (f, "SELECT typeof (stock_milli) = 'integer' FROM products "
                              "WHERE barcode = '6971234560018'"), ==, 1);

  /* and SQLite itself refuses a stock that is not a whole number */
  g_assert_false (axw_db_exec (f->db,
                               "UPDATE products SET stock_milli = stock_milli + "
                               "9223372036854775807 "
                                      "WHERE barcode = '6971234560025'", &error));
  g_assert_nonnull (strstr (error->message, "whole number"));
}

/* A stock an older version overflowed into a REAL is made whole again by
 * the upgrade, with an audit row asking for a count. */
static void
test_stock_repair (DbFixture     *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *old = g_build_filename (f->dir, "old.db", NULL);
  AxwDb *db = axw_db_open_at_version (old, 3, &error);

  g_assert_no_error (error);
  g_assert_true (axw_db_exec (db,
                              "INSERT INTO products (barcode, name, price_fen, stock_milli, "
                              "updated_at) "
                                  "VALUES ('6971234560018', '赤松茸', 2800, 9.2233720368547758e18, "
                                  "'x')", &error));
  g_object_unref (db);
  db = axw_db_open (old, &error);
  g_assert_no_error (error);
  g_assert_cmpint (axw_db_query_int (db, "SELECT typeof (stock_milli) = 'integer' FROM products",
                                     0), ==, 1);
  g_assert_cmpint (axw_db_query_int (db,
                                     "SELECT count(*) FROM audit_log WHERE action = 'stock.repair' "
                                         "AND detail LIKE 'product 1 赤松茸: stock %count it'", 0),
                                         ==, 1);
  g_object_unref (db);
}

/* Online orders and counter sales take from one stock figure, and the
 * next export carries it to the online shop. */
static void
test_shared_stock (DbFixture     *f,
                   gconstpointer  data)
{
  static const char orders[] = "{\"order_id\":\"W1\",\"lines\":[{\"sku\":\"6971234560025\",\"qty\":5}]}";
  g_autoptr(GError) error = NULL;
  gint64 before = stock (f, "6971234560025");
  gint64 sold = 0;
  AxwOnlineImport st;

  shop_sell (f, 9, 21);
  sold = sql_int (f,
                  "SELECT coalesce (sum (CASE s.kind WHEN 'sale' THEN l.qty_milli ELSE "
                  "-l.qty_milli END), 0) "
                     "FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE l.barcode = "
                     "'6971234560025'");
  g_assert_true (axw_online_orders_import (f->db, orders, strlen (orders), NULL, &st, &error));
  g_assert_cmpint (stock (f, "6971234560025"), ==, before - sold - 5000);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM audit_log WHERE action = 'online.import'"), ==,
                   1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  TEST ("/online-orders/apply", test_good);
  TEST ("/online-orders/refused", test_bad);
  TEST ("/online-orders/shared-stock", test_shared_stock);
  TEST ("/online-orders/deep", test_deep);
  TEST ("/online-orders/stock-bounds", test_stock_bounds);
  TEST ("/online-orders/stock-repair", test_stock_repair);
  return g_test_run ();
}
