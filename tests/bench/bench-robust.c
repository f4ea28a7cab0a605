/* bench-robust.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Figures on the generated district database (axw-gen), each next to a
 * baseline measured in the same run: the real lookup/quote/commit against
 * plain indexed SELECTs and one fdatasync, the SQL a Z report and a year
 * report must at least run, and a backup against a plain copy. Prints
 * "FIGURE  n=N  p50 X ms  p99 Y ms" lines for tests/bench/run-bench.py.
 */
#include <fcntl.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <unistd.h>

#include "axw-db-sql.h"
#include "axw-backup.h"
#include "axw-bizdate.h"
#include "axw-checkout.h"
#include "axw-test-lib.h"

typedef struct {
  AxwDb     *db;
  GPtrArray *codes;
  GRand     *rand;
} Bench;

static void
report (const char *what,
        GArray     *ms)
{
  g_print ("%-44s n=%-6u p50 %10.3f ms   p99 %10.3f ms\n", what, ms->len,
           axw_test_percentile (ms, 50), axw_test_percentile (ms, 99));
}

#define TIMED(arr, stmt) G_STMT_START { \
    gint64 t0_ = g_get_monotonic_time (); \
    stmt; \
    g_array_append_val (arr, (double) { (g_get_monotonic_time () - t0_) / 1000.0 }); \
  } G_STMT_END

static const char *
random_code (Bench *b)
{
  return b->codes->pdata[g_rand_int_range (b->rand, 0, (gint32) b->codes->len)];
}

static void
raw_lookup (Bench      *b,
            const char *code)
{
  sqlite3_stmt *stmt = axw_db_prepare (b->db,
                                       "SELECT id, name, price_fen, unit, aid_eligible, "
                                       "category_id "
                                              "FROM products WHERE barcode = ?", NULL);

  axw_db_bind_text (stmt, 1, code);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  sqlite3_reset (stmt);
}

static AxwCart *
basket (Bench *b)
{
  AxwCart *cart = axw_cart_new ();

  while (axw_cart_get_n_lines (cart) < 10)
    {
      g_autoptr(AxwLine) l = axw_checkout_item_from_scan (b->db, random_code (b), 1000, NULL);
      axw_cart_add (cart, l);
    }
  return cart;
}

static double
fdatasync_ms (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "sync.bin", NULL);
  int fd = open (path, O_WRONLY | O_CREAT | O_APPEND, 0600);
  char block[4096] = { 1 };
  gint64 t0;

  g_assert_cmpint (write (fd, block, sizeof block), ==, sizeof block);
  t0 = g_get_monotonic_time ();
  fdatasync (fd);
  close (fd);
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static void
bench_lookup_quote (Bench *b)
{
  g_autoptr(GArray) raw = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scan = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) raw10 = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) quote = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GDateTime) at = axw_time_parse_rfc3339 ("2026-12-12T10:00:00+08:00", NULL);

  for (int i = 0; i < 3000; i++)
    {
      g_autoptr(AxwLine) l = NULL;

      TIMED (raw, raw_lookup (b, random_code (b)));
      TIMED (scan, l = axw_checkout_item_from_scan (b->db, random_code (b), 0, NULL));
      g_assert_nonnull (l);
    }
  for (int i = 0; i < 1000; i++)
    {
      g_autoptr(AxwCart) cart = basket (b);
      g_autoptr(AxwSale) sale = NULL;

      TIMED (raw10, for (int k = 0; k < 10; k++) raw_lookup (b, random_code (b)));
      TIMED (quote, sale = axw_checkout_quote (b->db, cart, at, NULL));
      g_assert_cmpuint (sale->lines->len, ==, 10);
    }
  report ("baseline: one indexed SELECT by barcode", raw);
  report ("scan -> cart line (lookup)", scan);
  report ("baseline: ten indexed SELECTs", raw10);
  report ("quote, 10-line basket", quote);
}

static void
bench_commit (Bench      *b,
              const char *dir)
{
  g_autoptr(GArray) commit = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sync = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GDateTime) at = axw_time_parse_rfc3339 ("2026-12-31T18:00:00+08:00", NULL);
  g_autofree char *sync_path = g_build_filename (dir, "sync.bin", NULL);

  for (int i = 0; i < 300; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AxwCart) cart = basket (b);
      g_autoptr(AxwSale) sale = NULL;
      AxwPayment cash = { AXW_PAY_CASH, 100000000, 100000000 };

      TIMED (commit, sale = axw_checkout_commit (b->db, cart, at, "收银员1", &cash, 1, &error));
      g_assert_no_error (error);
      g_array_append_val (sync, (double) { fdatasync_ms (dir) });
    }
  g_unlink (sync_path);
  report ("baseline: one fdatasync (4 KiB)", sync);
  report ("sale commit, 10 lines", commit);
}

static void
run_sql (Bench      *b,
         const char *sql,
         const char *date_from,
         const char *date_to)
{
  sqlite3_stmt *stmt = axw_db_prepare (b->db, sql, NULL);

  g_assert_nonnull (stmt);
  axw_db_bind_text (stmt, 1, date_from);
  axw_db_bind_text (stmt, 2, date_to);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    ;
  sqlite3_reset (stmt);
}

/* The least a report must read: totals and payments by method. */
static const char day_sql[] =
  "SELECT s.kind, p.method, count(DISTINCT s.id), sum(s.gross_fen), sum(s.promo_fen), "
  "sum(s.red_packet_fen), "
  "sum(p.amount_fen) FROM sales s JOIN payments p ON p.sale_id = s.id "
  "WHERE s.business_date BETWEEN ?1 AND ?2 GROUP BY s.kind, p.method";

static void
bench_report_sql (Bench *b)
{
  g_autoptr(GArray) day = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) year = g_array_new (FALSE, FALSE, sizeof (double));

  for (int i = 0; i < 60; i++)
    {
      char date[16];
      g_autoptr(GDate) d = g_date_new_dmy (1, G_DATE_JANUARY, 2026);

      g_date_add_days (d, (guint) g_rand_int_range (b->rand, 0, 365));
      g_date_strftime (date, sizeof date, "%Y-%m-%d", d);
      TIMED (day, run_sql (b, day_sql, date, date));
    }
  for (int i = 0; i < 5; i++)
    TIMED (year, run_sql (b, day_sql, "2026-01-01", "2026-12-31"));
  report ("baseline SQL: one day's sums by method", day);
  report ("baseline SQL: full-year sums by method", year);
}

static void
bench_backup (Bench      *b,
              const char *dir)
{
  g_autoptr(GArray) backup = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) copy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dest = g_build_filename (dir, "backup.db", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain.db", NULL);

  g_assert_true (axw_db_exec (b->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL));
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(GFile) src = g_file_new_for_path (axw_db_get_path (b->db));
      g_autoptr(GFile) dst = g_file_new_for_path (plain);
      g_autoptr(GError) error = NULL;

      TIMED (copy, {
        int fd;
        g_assert_true (g_file_copy (src, dst, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
        fd = open (plain, O_RDONLY);
        fsync (fd);
        close (fd);
      });
      TIMED (backup, g_assert_true (axw_backup_to_file (b->db, dest, &error)));
      g_assert_no_error (error);
    }
  g_unlink (dest);
  g_unlink (plain);
  report ("baseline: cp + fsync of the database file", copy);
  report ("backup (SQLite online backup API)", backup);
}

/* What every CLI command and every start of the counter pays first. */
static void
bench_open (const char *path)
{
  g_autoptr(GArray) open_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) raw = g_array_new (FALSE, FALSE, sizeof (double));

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AxwDb) db = NULL;
      sqlite3 *h = NULL;

      TIMED (raw, {
        g_assert_cmpint (sqlite3_open_v2 (path, &h, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_exec (h, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL),
                         ==, SQLITE_OK);
      });
      sqlite3_close (h);
      TIMED (open_ms, db = axw_db_open (path, &error));
      g_assert_no_error (error);
    }
  report ("baseline: sqlite3_open + read the schema", raw);
  report ("axw_db_open (quick_check, migrations)", open_ms);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  Bench b = { 0 };
  sqlite3_stmt *stmt;

  if (argc < 2 || argc > 3)
    {
      g_printerr ("usage: bench-robust GENERATED.db [open|lookup|commit|sql|backup]\n"
                  "(the database is made by axw-gen; it gets new sales)\n");
      return 2;
    }
  b.db = axw_db_open (argv[1], &error);
  g_assert_no_error (error);
  dir = g_path_get_dirname (argv[1]);
  b.rand = g_rand_new_with_seed (11);
  b.codes = g_ptr_array_new_with_free_func (g_free);
  stmt = axw_db_prepare (b.db, "SELECT barcode FROM products WHERE barcode IS NOT NULL "
                               "ORDER BY (id * 7919) % 100003 LIMIT 20000", NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (b.codes, axw_db_column_dup (stmt, 0));
  sqlite3_reset (stmt);
  g_print ("database %s: %" G_GINT64_FORMAT " products, %" G_GINT64_FORMAT " sale lines\n", argv[1],
           axw_db_query_int (b.db, "SELECT count(*) FROM products", 0),
           axw_db_query_int (b.db, "SELECT max(id) FROM sale_lines", 0));

  /* one phase alone, for a profiler */
  if (argc < 3 || g_str_equal (argv[2], "open"))
    bench_open (argv[1]);
  if (argc < 3 || g_str_equal (argv[2], "lookup"))
    bench_lookup_quote (&b);
  if (argc < 3 || g_str_equal (argv[2], "commit"))
    bench_commit (&b, dir);
  if (argc < 3 || g_str_equal (argv[2], "sql"))
    bench_report_sql (&b);
  if (argc < 3 || g_str_equal (argv[2], "backup"))
    bench_backup (&b, dir);

  g_ptr_array_unref (b.codes);
  g_rand_free (b.rand);
  g_object_unref (b.db);
  return 0;
}
