/* bench-reports.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reports on a generated database of 6 shops × 1 year (about 700 000
 * sales, 2.1 million sale lines, written by SQL in one transaction): a
 * day's report, closing a day (Z) and a full-year range. Prints p50/max;
 * not a timed test. Targets: a day's Z 50 ms, the year 1 s.
 */
#include <glib/gstdio.h>

#include "axw-db-sql.h"
#include "axw-bizdate.h"
#include "axw-reports.h"
#include "axw-test-lib.h"

#define SHOPS 6
#define DAYS 365
#define SALES_PER_SHOP_DAY 320
#define TOTAL_SALES 700800   /* SHOPS × DAYS × SALES_PER_SHOP_DAY */

/* Line k of sale i: deterministic money, so the totals can be checked. */
#define LINE_FEN(i, k) "(100 * (1 + ((" i ") * 3 + (" k ")) % 50))"

static const char generate_sql[] =
  "INSERT INTO staff (id, name, role, pin_hash, created_at) VALUES "
  "  (1, '小林', 'cashier', 'x', '2025-01-01'), (2, '小王', 'cashier', 'x', '2025-01-01'),"
  "  (3, '王店长', 'manager', 'x', '2025-01-01');"
  "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < " G_STRINGIFY (TOTAL_SALES) " - 1),"
  " d AS (SELECT i, i % " G_STRINGIFY (SHOPS) " AS shop, i / (" G_STRINGIFY (SHOPS) " * "
  G_STRINGIFY (SALES_PER_SHOP_DAY) ") AS day, (i / " G_STRINGIFY (SHOPS) ") % "
  G_STRINGIFY (SALES_PER_SHOP_DAY) " AS seq FROM n)"
  "INSERT INTO sales (id, uuid, receipt_no, kind, created_at, business_date, seq, shop, terminal, "
  "staff_id,"
  "  staff_name, gross_fen, promo_fen, net_fen, red_packet_fen, total_fen, voucher_code, campaign, "
  "funder)"
  " SELECT i + 1, 'u' || i, 'S' || shop || '-' || i, 'sale',"
  "  date ('2025-01-01', '+' || day || ' days') || 'T' || printf ('%02d', seq * 13 / "
  G_STRINGIFY (SALES_PER_SHOP_DAY) " + 1) || ':' || printf ('%02d', seq % 60) || ':00.000Z',"
  "  date ('2025-01-01', '+' || day || ' days'), seq + 1, 'S' || shop, 'T01', 1 + i % 3,"
  "  CASE i % 3 WHEN 0 THEN '小林' WHEN 1 THEN '小王' ELSE '王店长' END,"
  "  " LINE_FEN ("i", "0") " + " LINE_FEN ("i", "1") " + " LINE_FEN ("i", "2") ", 0,"
  "  " LINE_FEN ("i", "0") " + " LINE_FEN ("i", "1") " + " LINE_FEN ("i", "2") ","
  "  CASE WHEN i % 10 = 0 THEN 100 ELSE 0 END,"
  "  " LINE_FEN ("i", "0") " + " LINE_FEN ("i", "1") " + " LINE_FEN ("i", "2")
  "    - CASE WHEN i % 10 = 0 THEN 100 ELSE 0 END,"
  "  CASE WHEN i % 10 = 0 THEN 'HB' || i END, CASE WHEN i % 10 = 0 THEN '惠民助残' END,"
  "  CASE WHEN i % 10 = 0 THEN '市残联' END FROM d;"
  "WITH RECURSIVE k (k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM k WHERE k < 2)"
  "INSERT INTO sale_lines (sale_id, line_no, barcode, name, category, qty_milli, unit_price_fen, "
  "gross_fen,"
  "  promo_fen, net_fen, aid_eligible, red_packet_fen, pay_fen)"
  " SELECT s.id, k + 1, 'P' || ((s.id * 7 + k) % 200), '商品' || ((s.id * 7 + k) % 200),"
  "  '类' || ((s.id + k) % 8), 1000, " LINE_FEN ("s.id - 1", "k") ", " LINE_FEN ("s.id - 1",
                                                                                 "k") ", 0,"
  "  " LINE_FEN ("s.id - 1", "k") ", 1, CASE WHEN k = 0 THEN s.red_packet_fen ELSE 0 END,"
  "  " LINE_FEN ("s.id - 1", "k") " - CASE WHEN k = 0 THEN s.red_packet_fen ELSE 0 END"
  " FROM sales s, k;"
  "INSERT INTO payments (sale_id, seq, method, amount_fen, tendered_fen)"
  " SELECT id, 1, CASE id % 4 WHEN 0 THEN 'cash' WHEN 1 THEN 'wechat' WHEN 2 THEN 'alipay' ELSE "
  "'unionpay' END,"
  "  total_fen, total_fen FROM sales;";

static void
print_times (const char *what,
             GArray     *ms)
{
  g_print ("%-44s n=%-3u p50 %9.2f ms   max %9.2f ms\n", what, ms->len,
           axw_test_percentile (ms, 50), axw_test_percentile (ms, 100));
}

static void
generate (AxwDb *db)
{
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();

  G_STATIC_ASSERT (TOTAL_SALES == SHOPS * DAYS * SALES_PER_SHOP_DAY);
  if (!axw_db_begin (db, &error) || !axw_db_exec (db, generate_sql, &error) ||
      !axw_db_commit (db, &error))
    g_error ("generate: %s", error->message);
  g_print ("generated %" G_GINT64_FORMAT " sales, %" G_GINT64_FORMAT " lines in %.1f s\n",
           axw_db_query_int (db, "SELECT count (*) FROM sales", 0),
           axw_db_query_int (db, "SELECT count (*) FROM sale_lines", 0),
           (g_get_monotonic_time () - t0) / 1e6);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("axw-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "year.db", NULL);
  g_autoptr(GArray) day = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) zclose = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) year = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  AxwDb *db = axw_db_open (path, &error);
  gint64 expected_year;

  if (db == NULL)
    g_error ("%s", error->message);
  generate (db);
  /* A shop's year accumulates over many small commits, each checkpointed;
   * one huge generating transaction would otherwise be copied from the WAL
   * by the checkpoint thread while the reports are timed. */
  if (!axw_db_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", &error))
    g_error ("checkpoint: %s", error->message);
  expected_year = axw_db_query_int (db, "SELECT sum (total_fen) FROM sales", 0);

  for (int d = 0; d < 15; d++)
    {
      g_autoptr(GDateTime) date = g_date_time_new (tz, 2025, 3, 1 + d, 12, 0, 0);
      g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");
      g_autoptr(AxwReport) r = NULL;
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      r = axw_reports_range (db, text, text, &error);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      if (r == NULL || !axw_report_check_totals (r, &error))
        g_error ("%s", error->message);
      g_array_append_val (day, ms);
    }
  for (int d = 0; d < 15; d++)
    {
      g_autoptr(GDateTime) when = g_date_time_new (tz, 2025, 4, 1 + d, 23, 0, 0);
      g_autoptr(AxwReport) r = NULL;
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      r = axw_reports_close_day (db, NULL, "王店长", when, &error);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      if (r == NULL)
        g_error ("%s", error->message);
      g_array_append_val (zclose, ms);
    }
  for (int n = 0; n < 5; n++)
    {
      g_autoptr(AxwReport) r = NULL;
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      r = axw_reports_range (db, "2025-01-01", "2025-12-31", &error);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      if (r == NULL || !axw_report_check_totals (r, &error))
        g_error ("%s", error->message);
      if (r->total_fen != expected_year)
        g_error ("year total %" G_GINT64_FORMAT " != %" G_GINT64_FORMAT, r->total_fen,
                 expected_year);
      g_array_append_val (year, ms);
    }
  print_times ("a day's report (6 shops, 1 920 sales)", day);
  print_times ("close a day: Z report + mark its sales", zclose);
  print_times ("full-year range report", year);

  g_object_unref (db);
  if (g_getenv ("AXW_BENCH_KEEP"))
    {
      g_print ("kept %s\n", path);
      return 0;
    }
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
