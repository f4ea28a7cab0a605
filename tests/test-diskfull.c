/* test-diskfull.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A database that cannot grow (PRAGMA max_page_count): the commit fails
 * with a clear disk-full error, nothing of the sale is written, the cart
 * is kept, and the same cart commits once there is room.
 */
#include <string.h>

#include "axw-db-sql.h"
#include "axw-bizdate.h"
#include "axw-checkout.h"
#include "axw-error.h"
#include "axw-products.h"
#include "axw-staff.h"
#include "axw-test-lib.h"

#define PRODUCTS "barcode,plu,name,category,origin,price,unit,aid_eligible,stock\n" \
  "6971234560018,,赤松茸,干货,甘肃和政,28,piece,1,50\n" \
  "6971234560025,,藜麦粥,冲调,甘肃和政,12.8,piece,1,80\n"

static gint64
q (DbFixture  *f,
   const char *sql)
{
  return axw_db_query_int (f->db, sql, -1);
}

static void
test_disk_full (DbFixture     *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwCart) cart = axw_cart_new ();
  g_autoptr(GDateTime) at = axw_time_parse_rfc3339 ("2026-11-20T10:00:00+08:00", NULL);
  g_autofree char *limit = NULL;
  AxwPayment cash = { AXW_PAY_CASH, 100000, 100000 };
  gint64 sold = 0, stock_before;
  gboolean full = FALSE;

  g_assert_true (axw_products_import_csv (f->db, PRODUCTS, strlen (PRODUCTS), FALSE, NULL, &error));
  g_assert_cmpint (axw_staff_add (f->db, "小林", FALSE, "1234", &error), >, 0);
  for (int i = 0; i < 8; i++)
    {
      g_autoptr(AxwLine) l = axw_checkout_item_from_scan (f->db,
                                                          i % 2 ? "6971234560025" : "6971234560018",
                                                          1000 * (i + 1), &error);
      g_assert_no_error (error);
      axw_cart_add (cart, l);
    }

  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, q (f, "PRAGMA page_count"));
  g_assert_true (axw_db_exec (f->db, limit, &error));
  for (int i = 0; i < 500 && !full; i++)
    {
      g_autoptr(AxwSale) sale = NULL;
      gint64 sales = q (f, "SELECT count(*) FROM sales");
      gint64 lines = q (f, "SELECT count(*) FROM sale_lines");

      stock_before = q (f, "SELECT sum(stock_milli) FROM products");
      sale = axw_checkout_commit (f->db, cart, at, "小林", &cash, 1, &error);
      if (sale != NULL)
        {
          sold++;
          continue;
        }
      full = TRUE;
      g_assert_error (error, AXW_ERROR, AXW_ERROR_DISK_FULL);
      g_assert_nonnull (strstr (error->message, "disk is full"));
      /* nothing of this sale was written */
      g_assert_cmpint (q (f, "SELECT count(*) FROM sales"), ==, sales);
      g_assert_cmpint (q (f, "SELECT count(*) FROM sale_lines"), ==, lines);
      g_assert_cmpint (q (f, "SELECT sum(stock_milli) FROM products"), ==, stock_before);
      g_assert_cmpint (q (f, "SELECT count(*) FROM outbox"), ==, sales);
      g_clear_error (&error);
    }
  g_assert_true (full);
  g_assert_cmpint (q (f, "SELECT count(*) FROM sales"), ==, sold);
  g_assert_cmpuint (axw_cart_get_n_lines (cart), ==, 2);     /* the cart is kept */
  g_assert_cmpint (q (f, "SELECT count(*) FROM sales s WHERE total_fen <> "
                         "(SELECT sum(pay_fen) FROM sale_lines WHERE sale_id = s.id)"), ==, 0);

  /* room again: the same cart commits */
  g_assert_true (axw_db_exec (f->db, "PRAGMA max_page_count = 1073741823", &error));
  {
    g_autoptr(AxwSale) sale = axw_checkout_commit (f->db, cart, at, "小林", &cash, 1, &error);

    g_assert_no_error (error);
    g_assert_nonnull (sale);
  }
  g_assert_cmpint (q (f, "SELECT count(*) FROM sales"), ==, sold + 1);
  g_assert_cmpint (q (f,
                      "SELECT count(*) FROM sales WHERE id NOT IN (SELECT sale_id FROM sale_lines)"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  DB_TEST ("/robust/disk-full", test_disk_full);
  return g_test_run ();
}
