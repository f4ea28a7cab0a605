/* test-online-orders.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Online orders applied to the counter's stock, each order id once.
 */
#include "axw-online-orders.h"
#include "axw-sync-test-util.h"

#define TEST(path, fn) g_test_add (path, DbFixture, NULL, shop_setup, fn, db_fixture_teardown)

static gint64
stock (DbFixture  *f,
       const char *sku)
{
  g_autofree char *sql = g_strdup_printf ("SELECT stock_milli FROM products WHERE coalesce (barcode, 'PLU' || plu) "
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
  { "kg by decimal and by milli", "{\"order_id\":\"W1\",\"lines\":[{\"sku\":\"PLU1001\",\"qty\":0.25},"
    "{\"sku\":\"PLU1001\",\"qty_milli\":1500},{\"barcode\":\"6971234560018\",\"qty\":\"3\"}]}",
    1, 0, 4997000, 498250 },
  { "same order twice in a file", "{\"order_id\":\"W1\",\"lines\":[{\"sku\":\"6971234560018\",\"qty\":1}]}\n"
    "{\"order_id\":\"W1\",\"lines\":[{\"sku\":\"6971234560018\",\"qty\":1}]}\n", 1, 1, 4999000, 500000 },
  { "return puts back, blank lines and CRLF", "\r\n{\"order_id\":\"W1\",\"lines\":[{\"sku\":\"6971234560018\",\"qty\":4}]}\r\n"
    "\n{\"order_id\":\"W2\",\"kind\":\"return\",\"customer\":\"x\",\"lines\":[{\"sku\":\"6971234560018\",\"qty\":1}]}",
    2, 0, 4997000, 500000 },
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
      g_assert_true (axw_db_exec (f->db, "DELETE FROM online_orders; UPDATE products SET stock_milli = "
                                         "CASE WHEN plu = '1001' THEN 500000 ELSE 5000000 END", NULL));
      g_assert_true (axw_online_orders_import (f->db, c->jsonl, strlen (c->jsonl), "王店长", &st, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (st.applied, ==, c->applied);
      g_assert_cmpuint (st.already, ==, c->already);
      g_assert_cmpint (stock (f, "6971234560018"), ==, c->mushroom);
      g_assert_cmpint (stock (f, "PLU1001"), ==, c->dates);

      /* The same file again changes nothing. */
      g_assert_true (axw_online_orders_import (f->db, c->jsonl, strlen (c->jsonl), NULL, &st, &error));
      g_assert_cmpuint (st.applied, ==, 0);
      g_assert_cmpint (stock (f, "6971234560018"), ==, c->mushroom);
      g_assert_cmpint (stock (f, "PLU1001"), ==, c->dates);
    }
}

static const struct {
  const char *jsonl;
  const char *message;
} bad[] = {
  { "{\"order_id\":\"W1\",\"lines\":[{\"sku\":\"6971234560018\",\"qty\":1}]}\nnot json\n", "Line 2: not a JSON object" },
  { "{\"lines\":[{\"sku\":\"6971234560018\",\"qty\":1}]}", "Line 1: “order_id” is missing" },
  { "{\"order_id\":\"W9\",\"lines\":[]}", "order W9 has no “lines”" },
  { "{\"order_id\":\"W9\",\"lines\":[{\"sku\":\"6970000000000\",\"qty\":1}]}", "6970000000000 is not in the catalog" },
  { "{\"order_id\":\"W9\",\"lines\":[{\"qty\":1}]}", "needs “sku” or “barcode”" },
  { "{\"order_id\":\"W9\",\"lines\":[{\"sku\":\"6971234560018\",\"qty\":-1}]}", "“qty” must be a positive" },
  { "{\"order_id\":\"W9\",\"lines\":[{\"sku\":\"6971234560018\",\"qty\":0.0001}]}", "at most 3 decimals" },
  { "{\"order_id\":\"W9\",\"lines\":[{\"sku\":\"6971234560018\",\"qty_milli\":1.5}]}", "“qty_milli” a positive" },
  { "{\"order_id\":\"W9\",\"kind\":\"gift\",\"lines\":[{\"sku\":\"6971234560018\",\"qty\":1}]}", "use order or return" },
  { "[1,2]", "Line 1: not a JSON object" },
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
      g_assert_false (axw_online_orders_import (f->db, bad[i].jsonl, strlen (bad[i].jsonl), NULL, &st, &error));
      g_assert_error (error, AXW_ERROR, AXW_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i].message));
      g_assert_nonnull (strstr (error->message, "Nothing was imported"));
      g_assert_cmpint (stock (f, "6971234560018"), ==, 5000000);
      g_assert_cmpint (sql_int (f, "SELECT count(*) FROM online_orders"), ==, 0);
    }
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
  sold = sql_int (f, "SELECT coalesce (sum (CASE s.kind WHEN 'sale' THEN l.qty_milli ELSE -l.qty_milli END), 0) "
                     "FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE l.barcode = '6971234560025'");
  g_assert_true (axw_online_orders_import (f->db, orders, strlen (orders), NULL, &st, &error));
  g_assert_cmpint (stock (f, "6971234560025"), ==, before - sold - 5000);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM audit_log WHERE action = 'online.import'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  TEST ("/online-orders/apply", test_good);
  TEST ("/online-orders/refused", test_bad);
  TEST ("/online-orders/shared-stock", test_shared_stock);
  return g_test_run ();
}
