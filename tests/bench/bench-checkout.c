/* bench-checkout.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Quote of a 10-line basket against 100 000 products, and sale commit
 * compared with one fdatasync on the same disk. Prints numbers; not a
 * timed test.
 */
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "axw-db-sql.h"
#include "axw-bizdate.h"
#include "axw-checkout.h"
#include "axw-promotions.h"
#include "axw-staff.h"
#include "axw-vouchers.h"
#include "axw-test-lib.h"

#define N_PRODUCTS 100000

static void
report (const char *what,
        GArray     *ms)
{
  g_print ("%-40s n=%-5u p50 %8.3f ms   p99 %8.3f ms\n", what, ms->len,
           axw_test_percentile (ms, 50), axw_test_percentile (ms, 99));
}

static void
fill (AxwDb *db)
{
  sqlite3_stmt *stmt;

  g_assert_true (axw_db_begin (db, NULL));
  stmt = axw_db_prepare (db,
                         "INSERT INTO products (barcode, name, price_fen, aid_eligible, "
                         "stock_milli, "
                             "pinyin, updated_at) VALUES (?, ?, ?, ?, 1000000, 'x', '2026-01-01')",
                             NULL);
  for (guint i = 0; i < N_PRODUCTS; i++)
    {
      g_autofree char *code = axw_test_ean13 (69, i);
      g_autofree char *name = g_strdup_printf ("商品%u", i);

      axw_db_bind_text (stmt, 1, code);
      axw_db_bind_text (stmt, 2, name);
      sqlite3_bind_int (stmt, 3, 100 + (int) (i * 37 % 9900));
      sqlite3_bind_int (stmt, 4, i % 3 != 0);
      g_assert_true (axw_db_step_done (db, stmt, NULL));
    }
  g_assert_true (axw_db_commit (db, NULL));
  g_assert_true (axw_db_exec (db, "INSERT INTO promotions (name, scope, percent_bp, month) VALUES "
                                  "('爱心月', 'aid', 1000, 12), ('爱心日', 'aid', 500, NULL)",
                                  NULL));
  g_assert_cmpint (axw_staff_add (db, "小林", FALSE, "1234", NULL), >, 0);
}

static AxwCart *
basket (AxwDb *db,
        GRand *rand)
{
  AxwCart *cart = axw_cart_new ();

  for (int i = 0; i < 10; i++)
    {
      g_autofree char *code = axw_test_ean13 (69, (guint) g_rand_int_range (rand, 0, N_PRODUCTS));
      g_autoptr(AxwLine) l = axw_checkout_item_from_scan (db, code,
                                                          1000 * g_rand_int_range (rand, 1, 4),
                                                          NULL);

      axw_cart_add (cart, l);
    }
  return cart;
}

static double
fdatasync_ms (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "sync.bin", NULL);
  int fd = open (path, O_WRONLY | O_CREAT, 0600);
  char block[4096] = { 1 };
  gint64 t0;

  g_assert_cmpint (write (fd, block, sizeof block), ==, sizeof block);
  t0 = g_get_monotonic_time ();
  fdatasync (fd);
  close (fd);
  return (g_get_monotonic_time () - t0) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("axw-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(AxwDb) db = axw_db_open (path, NULL);
  g_autoptr(GDateTime) at = axw_time_parse_rfc3339 ("2026-12-12T10:00:00+08:00", NULL);
  g_autoptr(GArray) quote = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scan = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) commit = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sync = g_array_new (FALSE, FALSE, sizeof (double));
  GRand *rand = g_rand_new_with_seed (7);
  gint64 t0;

  t0 = g_get_monotonic_time ();
  fill (db);
  /* An experiment for PROFILE.md: what the unused products_updated index
   * costs each sale (10 stock updates rewrite 10 of its entries). */
  if (g_getenv ("AXW_BENCH_DROP_PRODUCTS_UPDATED") != NULL)
    g_assert_true (axw_db_exec (db, "DROP INDEX products_updated", NULL));
  g_print ("catalog of %d products built in %.1f s (%s)\n", N_PRODUCTS,
           (g_get_monotonic_time () - t0) / 1e6, path);

  for (int i = 0; i < 2000; i++)
    {
      g_autofree char *code = axw_test_ean13 (69, (guint) g_rand_int_range (rand, 0, N_PRODUCTS));
      g_autoptr(AxwLine) l = NULL;

      t0 = g_get_monotonic_time ();
      l = axw_checkout_item_from_scan (db, code, 0, NULL);
      g_array_append_val (scan, (double) { (g_get_monotonic_time () - t0) / 1000.0 });
    }
  for (int i = 0; i < 1000; i++)
    {
      g_autoptr(AxwCart) cart = basket (db, rand);
      g_autoptr(AxwSale) sale = NULL;

      t0 = g_get_monotonic_time ();
      sale = axw_checkout_quote (db, cart, at, NULL);
      g_array_append_val (quote, (double) { (g_get_monotonic_time () - t0) / 1000.0 });
      g_assert_cmpuint (sale->lines->len, >, 0);
    }
  for (int i = 0; i < 300; i++)
    {
      g_autoptr(AxwCart) cart = basket (db, rand);
      g_autoptr(AxwSale) sale = NULL;
      AxwPayment cash = { AXW_PAY_CASH, 10000000, 10000000 };

      t0 = g_get_monotonic_time ();
      sale = axw_checkout_commit (db, cart, at, "小林", &cash, 1, NULL);
      g_array_append_val (commit, (double) { (g_get_monotonic_time () - t0) / 1000.0 });
      g_assert_nonnull (sale);
      g_array_append_val (sync, (double) { fdatasync_ms (dir) });
    }

  report ("scan -> cart line (lookup)", scan);
  report ("quote, 10-line basket", quote);
  report ("sale commit, 10 lines", commit);
  report ("one fdatasync (baseline)", sync);
  g_print ("commit / fdatasync ratio: p50 %.2f  p99 %.2f\n",
           g_array_index (commit, double,
                          commit->len / 2) / MAX (g_array_index (sync, double, sync->len / 2),
                                                  0.001),
           g_array_index (commit, double, commit->len * 99 / 100) /
           MAX (g_array_index (sync, double, sync->len * 99 / 100), 0.001));

  g_rand_free (rand);
  g_clear_object (&db);
  g_unlink (path);
  for (const char * const *ext = (const char *[]) { "-wal", "-shm", NULL }; *ext; ext++)
    {
      g_autofree char *p = g_strconcat (path, *ext, NULL);
      g_unlink (p);
    }
  {
    g_autofree char *s = g_build_filename (dir, "sync.bin", NULL);
    g_unlink (s);
  }
  g_rmdir (dir);
  return 0;
}
