/* bench-export.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export of 1 000 000 generated sales (BENCH_SALES to change it), against
 * `sqlite3 -json` dumping the same rows (the exporter's three queries) in
 * the same run. Prints numbers; not a timed test.
 */
#include <glib/gstdio.h>

#include "axw-db-sql.h"
#include "axw-export.h"
#include "axw-test-lib.h"

static const char *names[] = { "赤松茸", "藜麦粥", "爱心帆布袋, \"大号\"", "散装红枣", "高原红茶" };

static void
generate (AxwDb  *db,
          guint   n_sales)
{
  sqlite3_stmt *sale, *line, *pay;
  GRand *rand = g_rand_new_with_seed (42);

  g_assert_true (axw_db_exec (db, "PRAGMA synchronous = OFF;"
                                  "INSERT INTO staff (name, role, pin_hash, created_at) "
                                  "VALUES ('小林', 'cashier', 'x', '2026-01-01')", NULL));
  g_assert_true (axw_db_begin (db, NULL));
  g_assert_true (axw_db_exec (db, "PRAGMA defer_foreign_keys = ON", NULL));   /* lines before their sale */
  sale = axw_db_prepare (db,
                         "INSERT INTO sales (id, uuid, receipt_no, kind, refund_of, created_at, "
                         "business_date, "
                             "seq, shop, terminal, staff_id, staff_name, gross_fen, promo_fen, "
                             "net_fen, red_packet_fen, "
                             "total_fen, voucher_code, campaign, funder) VALUES (?1, ?2, ?3, ?4, "
                             "?5, ?6, ?7, ?1, 'S01', "
                             "'T01', 1, '小林', ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)", NULL);
  line = axw_db_prepare (db,
                         "INSERT INTO sale_lines (sale_id, line_no, barcode, name, category, "
                         "qty_milli, "
                             "unit_price_fen, gross_fen, promo_fen, promotion, net_fen, "
                             "aid_eligible, red_packet_fen, "
                             "pay_fen) VALUES (?, ?, ?, ?, '干货', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                             NULL);
  pay = axw_db_prepare (db, "INSERT INTO payments (sale_id, seq, method, amount_fen, tendered_fen) "
                            "VALUES (?, ?, ?, ?, ?)", NULL);
  for (guint id = 1; id <= n_sales; id++)
    {
      char uuid[40], receipt[40], at[32], date[12], code[16];
      guint n_lines = 1 + id % 3;
      gboolean refund = id % 50 == 0, voucher = id % 10 == 1;
      gint64 gross = 0, promo = 0, rp = voucher ? 500 : 0, total;
      guint day = 1 + id % 28;

      g_snprintf (uuid, sizeof uuid, "%08x-%04x-4%03x-8%03x-%012x", id, g_rand_int (rand) & 0xffff,
                  id % 4096, (id / 7) % 4096, g_rand_int (rand));
      g_snprintf (receipt, sizeof receipt, "S01-T01-202612%02u-%07u", day, id);
      g_snprintf (at, sizeof at, "2026-12-%02uT%02u:%02u:%02u.000Z", day, id % 24, id % 60,
                  (id / 60) % 60);
      g_snprintf (date, sizeof date, "2026-12-%02u", day);
      g_snprintf (code, sizeof code, "HB%08u", id);
      for (guint l = 1; l <= n_lines; l++)
        {
          gint64 qty = 1000 * (1 + (id + l) % 3), price = 100 + (id * 37 + l * 11) % 9000;
          gint64 g = price * qty / 1000, p = (id % 12 == 0) ? g / 20 : 0;
          gint64 share = l == 1 ? MIN (rp, g - p) : 0;

          gross += g;
          promo += p;
          sqlite3_bind_int64 (line, 1, id);
          sqlite3_bind_int (line, 2, (int) l);
          axw_db_bind_text (line, 3, "6971234560018");
          axw_db_bind_text (line, 4, names[(id + l) % G_N_ELEMENTS (names)]);
          sqlite3_bind_int64 (line, 5, qty);
          sqlite3_bind_int64 (line, 6, price);
          sqlite3_bind_int64 (line, 7, g);
          sqlite3_bind_int64 (line, 8, p);
          axw_db_bind_text (line, 9, p ? "爱心日" : NULL);
          sqlite3_bind_int64 (line, 10, g - p);
          sqlite3_bind_int (line, 11, l != 2);
          sqlite3_bind_int64 (line, 12, share);
          sqlite3_bind_int64 (line, 13, g - p - share);
          g_assert_true (axw_db_step_done (db, line, NULL));
          if (l == 1)
            rp = share;
        }
      total = gross - promo - rp;
      sqlite3_bind_int64 (sale, 1, id);
      axw_db_bind_text (sale, 2, uuid);
      axw_db_bind_text (sale, 3, receipt);
      axw_db_bind_text (sale, 4, refund ? "refund" : "sale");
      if (refund)
        sqlite3_bind_int64 (sale, 5, id - 1);
      else
        sqlite3_bind_null (sale, 5);
      axw_db_bind_text (sale, 6, at);
      axw_db_bind_text (sale, 7, date);
      sqlite3_bind_int64 (sale, 8, gross);
      sqlite3_bind_int64 (sale, 9, promo);
      sqlite3_bind_int64 (sale, 10, gross - promo);
      sqlite3_bind_int64 (sale, 11, rp);
      sqlite3_bind_int64 (sale, 12, total);
      axw_db_bind_text (sale, 13, voucher ? code : NULL);
      axw_db_bind_text (sale, 14, voucher ? "2026惠民助残红包" : NULL);
      axw_db_bind_text (sale, 15, voucher ? "厦门市残疾人联合会" : NULL);
      g_assert_true (axw_db_step_done (db, sale, NULL));
      for (guint p = 1; p <= 1 + id % 2; p++)
        {
          gint64 amount = id % 2 ? (p == 1 ? total / 2 : total - total / 2) : total;

          sqlite3_bind_int64 (pay, 1, id);
          sqlite3_bind_int (pay, 2, (int) p);
          axw_db_bind_text (pay, 3, p == 1 ? "cash" : "wechat");
          sqlite3_bind_int64 (pay, 4, amount);
          sqlite3_bind_int64 (pay, 5, amount);
          g_assert_true (axw_db_step_done (db, pay, NULL));
        }
    }
  g_assert_true (axw_db_commit (db, NULL));
  g_assert_true (axw_db_exec (db, "PRAGMA synchronous = FULL; PRAGMA wal_checkpoint(TRUNCATE)",
                              NULL));
  g_rand_free (rand);
}

/* The exporter's three queries, as sqlite3 -json sees them. */
static const char dump_sql[] =
  "SELECT s.id, s.uuid, s.receipt_no, s.kind, o.uuid, s.created_at, s.business_date, s.shop, "
  "s.terminal, s.staff_name, s.gross_fen, s.promo_fen, s.voucher_code, s.campaign, s.funder, "
  "s.red_packet_fen, s.total_fen, s.cash_rounding_fen "
  "FROM sales s LEFT JOIN sales o ON o.id = s.refund_of WHERE s.id > 0 ORDER BY s.id;"
  "SELECT sale_id, line_no, barcode, name, qty_milli, unit_price_fen, gross_fen, promo_fen, "
  "promotion, net_fen, aid_eligible, red_packet_fen, pay_fen "
  "FROM sale_lines WHERE sale_id > 0 ORDER BY sale_id, line_no;"
  "SELECT sale_id, method, amount_fen FROM payments WHERE sale_id > 0 ORDER BY sale_id, seq;";

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : -1;
}

int
main (int   argc,
      char *argv[])
{
  const char *env = g_getenv ("BENCH_SALES");
  guint n = env ? (guint) g_ascii_strtoull (env, NULL, 10) : 1000000;
  g_autofree char *dir = g_dir_make_tmp ("axw-bench-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "shop.db", NULL);
  g_autofree char *out = g_build_filename (dir, "export", NULL);
  g_autofree char *dump = g_build_filename (dir, "dump.json", NULL);
  g_autofree char *sales_file = NULL;
  g_autofree char *cmd = NULL;
  const char *sh[] = { "sh", "-c", NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwDb) db = axw_db_open (path, &error);
  AxwExportResult r;
  gint64 t0;
  double gen_s, export_s, dump_s;
  int status;

  g_assert_no_error (error);
  t0 = g_get_monotonic_time ();
  generate (db, n);
  gen_s = (g_get_monotonic_time () - t0) / 1e6;
  g_print ("generated %u sales (%.0f MB database) in %.1f s\n", n, file_size (path) / 1e6, gen_s);

  /* Warm the page cache the same way for both. */
  g_assert_true (axw_db_exec (db, "SELECT count(*) FROM sale_lines", NULL));

  t0 = g_get_monotonic_time ();
  g_assert_true (axw_export_run (db, out, TRUE, &r, &error));
  export_s = (g_get_monotonic_time () - t0) / 1e6;
  g_assert_cmpuint (r.n_sales, ==, n);
  sales_file = g_strdup_printf ("%s/sales-1-%u.jsonl", out, n);

  cmd = g_strdup_printf ("sqlite3 -json '%s' \"%s\" > '%s'", path, dump_sql, dump);
  sh[2] = cmd;
  t0 = g_get_monotonic_time ();
  g_assert_true (g_spawn_sync (NULL, (char **) sh, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                               NULL, &status, &error));
  g_assert_true (g_spawn_check_wait_status (status, &error));
  dump_s = (g_get_monotonic_time () - t0) / 1e6;
  g_assert_no_error (error);

  g_print ("aixinwu export --full : %8.2f s  %9.0f sales/s  %6.0f MB (%s, with sha256 and fsync)\n",
           export_s, n / export_s, file_size (sales_file) / 1e6, "JSON Lines");
  g_print ("sqlite3 -json         : %8.2f s  %9.0f sales/s  %6.0f MB (same rows, three queries)\n",
           dump_s, n / dump_s, file_size (dump) / 1e6);
  g_print ("export / sqlite3      : %8.2f x  (target <= 1.5)\n", export_s / dump_s);

  g_clear_object (&db);
  axw_test_rm_rf (dir);
  return 0;
}
