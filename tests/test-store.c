/* test-store.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sodium.h>
#include <string.h>
#include <sys/stat.h>

#include "axw-db-sql.h"
#include "axw-audit.h"
#include "axw-backup.h"
#include "axw-error.h"
#include "axw-held-sales.h"
#include "axw-pricing.h"
#include "axw-products.h"
#include "axw-promotions.h"
#include "axw-schema.h"
#include "axw-settings.h"
#include "axw-staff.h"

#include "axw-test-lib.h"

static gint64
count (DbFixture  *f,
       const char *sql)
{
  return axw_db_query_int (f->db, sql, -1);
}

static void
test_fresh (DbFixture     *f,
            gconstpointer  data)
{
  g_assert_cmpint (axw_db_get_version (f->db), ==, axw_db_latest_version ());
  g_assert_cmpint (count (f, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (count (f, "PRAGMA synchronous"), ==, 2);   /* FULL */
  g_assert_cmpint (count (f, "SELECT count(*) FROM sqlite_master WHERE name IN "
                             "('products','staff','shifts','sales','sale_lines','payments',"
                             "'campaigns','vouchers','redemptions','promotions','print_jobs',"
                             "'outbox','settings','audit_log','categories','z_reports')"), ==, 16);
  g_assert_finalize_object (g_steal_pointer (&f->db));
}

/* The runner applies migrations in the array's order and sets
 * user_version to each: a number out of order would be skipped forever
 * by a database already past it. Branches merged in any order must keep
 * the array ascending. */
static void
test_migrations_ascend (void)
{
  guint n;
  const AxwMigration *m = axw_schema_migrations (&n);

  for (guint i = 1; i < n; i++)
    g_assert_cmpint (m[i - 1].version, <, m[i].version);
  g_assert_cmpint (m[n - 1].version, ==, axw_db_latest_version ());
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* PIN hashes and sales are nobody else's business: the database, its WAL
 * and its backups are 0600 whatever the umask, and an old world-readable
 * file is tightened when it is opened. */
static void
test_private_files (DbFixture     *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "new.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
  mode_t old_umask = umask (022);
  AxwDb *db;

  db = axw_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_true (axw_backup_to_file (db, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (copy), ==, 0600);
  g_object_unref (db);

  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  db = axw_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_object_unref (db);
  umask (old_umask);
}

static void
test_upgrade (DbFixture     *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *old = g_build_filename (f->dir, "old.db", NULL);
  AxwDb *db;

  db = axw_db_open_at_version (old, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (axw_db_get_version (db), ==, 1);
  g_assert_true (axw_db_exec (db, "INSERT INTO products (barcode, name, price_fen, updated_at) "
                                  "VALUES ('6971234560018', '赤松茸', 2800, 'x')", &error));
  g_object_unref (db);

  db = axw_db_open (old, &error);
  g_assert_no_error (error);
  g_assert_cmpint (axw_db_get_version (db), ==, axw_db_latest_version ());
  /* v2 and v3 exist and the old row kept its data */
  g_assert_cmpint (axw_db_query_int (db, "SELECT count(*) FROM held_sales", -1), ==, 0);
  g_assert_cmpint (axw_db_query_int (db, "SELECT price_fen FROM products WHERE pinyin = ''", 0), ==,
                   2800);
  g_assert_cmpint (axw_db_query_int (db, "SELECT count(*) FROM staff WHERE font_scale_pct = 100",
                                     -1), ==, 0);
  g_object_unref (db);
}

static void
test_refuse_newer (DbFixture     *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize n1, n2;
  AxwDb *db;

  g_assert_true (axw_db_exec (f->db, "PRAGMA user_version = 999", &error));
  g_clear_object (&f->db);
  g_assert_true (g_file_get_contents (f->path, &before, &n1, NULL));

  db = axw_db_open (f->path, &error);
  g_assert_null (db);
  g_assert_error (error, AXW_ERROR, AXW_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "newer"));
  g_assert_true (g_file_get_contents (f->path, &after, &n2, NULL));
  g_assert_cmpmem (before, n1, after, n2);
}

static void
test_corrupt (DbFixture     *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *junk = g_build_filename (f->dir, "junk.db", NULL);
  char garbage[8192];
  AxwDb *db;

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (char) (i * 7919 % 251);
  g_assert_true (g_file_set_contents (junk, garbage, sizeof garbage, NULL));
  db = axw_db_open (junk, &error);
  g_assert_null (db);
  g_assert_error (error, AXW_ERROR, AXW_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "damaged"));
}

static void
test_audit_append_only (DbFixture     *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (axw_audit_append (f->db, "小林", "login", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (axw_db_exec (f->db, "UPDATE audit_log SET action = 'x'", &error));
  g_assert_nonnull (strstr (error->message, "append-only"));
  g_clear_error (&error);
  g_assert_false (axw_db_exec (f->db, "DELETE FROM audit_log", &error));
  g_assert_nonnull (strstr (error->message, "append-only"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE action = 'login'"), ==, 1);
}

static void
test_settings (DbFixture     *f,
               gconstpointer  data)
{
  static const struct { const char *key, *value; gboolean ok; } cases[] = {
    { "shop.name", "爱心屋·鼓浪屿店", TRUE }, { "shop.name", "", FALSE },
    { "receipt.width", "80", TRUE }, { "receipt.width", "72", FALSE },
    { "cash_rounding", "down_jiao", TRUE }, { "cash_rounding", "up", FALSE },
    { "printer", "tcp://192.0.2.1:9100", TRUE }, { "printer", "lpt1", FALSE },
    { "printer", "file:/dev/usb/lp0", TRUE }, { "timezone", "Mars/Olympus", FALSE },
    /* printers as the printer layer reads them: accepted here means it can print there */
    { "printer", "usb", TRUE }, { "printer", "usb:0416:5011", TRUE },
    { "printer", "usb:zzzz", FALSE },
    { "printer", "usb:0416", FALSE }, { "printer", "usb:10000:1", FALSE },
    { "printer", "tcp://", FALSE },
    { "printer", "tcp://printer.shop:9100", TRUE }, { "printer", "tcp://[::1]:9100", TRUE },
    { "printer", "tcp://host:0", FALSE }, { "printer", "tcp://host:99999", FALSE },
    { "printer", "tcp://a b", FALSE }, { "printer", "tcp://host/x", FALSE },
    { "printer", "file:", FALSE },
    { "printer", "file:relative/path", FALSE }, { "printer", "file:/tmp/a\nb", FALSE },
    { "barcode.layout", "2:5:weight", TRUE }, { "barcode.layout", "2:x", FALSE },
    { "barcode.layout", "2:6:price;25:6:weight:5:price", TRUE },
    { "barcode.layout", "25:6:weight:5:weight", FALSE },
    { "shop.code", "XM01", TRUE }, { "shop.code", "厦门", FALSE },
    { "sync.endpoint", "ftp://x", FALSE }, { "no.such.key", "1", FALSE },
    /* the token travels with every push: https to a named host, http only on this machine */
    { "sync.endpoint", "https://", FALSE }, { "sync.endpoint", "https:///x", FALSE },
    { "sync.endpoint", "http://:80/x", FALSE },
    { "sync.endpoint", "http://shop.example.cn/api", FALSE },
    { "sync.endpoint", "http://192.168.1.5/api", FALSE },
    { "sync.endpoint", "https://u:p@shop.example.cn/api", FALSE },
    { "sync.endpoint", "https://shop.example.cn/api/sales", TRUE },
    { "sync.endpoint", "http://127.0.0.1:8080/sales", TRUE },
    { "sync.endpoint", "http://localhost/sales", TRUE },
    { "sync.endpoint", "http://[::1]:9/s", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *before = axw_settings_get (f->db, cases[i].key);
      g_autofree char *after = NULL;

      g_assert_cmpint (axw_settings_set (f->db, cases[i].key, cases[i].value, &error), ==,
                       cases[i].ok);
      after = axw_settings_get (f->db, cases[i].key);
      if (cases[i].ok)
        g_assert_cmpstr (after, ==, cases[i].value);
      else
        {
          g_assert_nonnull (error);
          g_assert_cmpstr (after, ==, before);
        }
    }
}

#define HEADER "barcode,plu,name,category,origin,price,unit,aid_eligible,stock\n"
#define GOOD HEADER \
  "6971234560018,,赤松茸,干货,甘肃和政,28,piece,1,50\n" \
  "6971234560025,,\"藜麦粥, 即食\",冲调,甘肃和政,12.8,,是,80\n" \
  ",1001,散装红枣,散装,,24.00,kg,true,12.5\n"

static gboolean
import (DbFixture       *f,
        const char      *csv,
        AxwImportStats  *stats,
        GError         **error)
{
  return axw_products_import_csv (f->db, csv, strlen (csv), FALSE, stats, error);
}

static void
test_import_good (DbFixture     *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwProduct) p = NULL;
  AxwImportStats s;

  g_assert_true (import (f, GOOD, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (s.inserted, ==, 3);
  p = axw_products_find_plu (f->db, "1001", &error);
  g_assert_nonnull (p);
  g_assert_true (p->per_kg);
  g_assert_true (p->aid_eligible);
  g_assert_cmpint (p->price_fen, ==, 2400);
  g_assert_cmpint (p->stock_milli, ==, 12500);
  g_clear_pointer (&p, axw_product_free);
  p = axw_products_find_barcode (f->db, "6971234560025", &error);
  g_assert_cmpstr (p->name, ==, "藜麦粥, 即食");
  g_assert_cmpstr (p->pinyin, ==, "lmzjs");
}

static void
test_import_twice (DbFixture     *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *stamp2 = NULL;
  AxwImportStats s;
  sqlite3_stmt *st;

  g_assert_true (import (f, GOOD, &s, &error));
  st = axw_db_prepare (f->db, "SELECT group_concat (updated_at) FROM products", NULL);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  stamp = axw_db_column_dup (st, 0);
  sqlite3_reset (st);

  g_usleep (2000);
  g_assert_true (import (f, GOOD, &s, &error));
  g_assert_cmpuint (s.inserted, ==, 0);
  g_assert_cmpuint (s.updated, ==, 0);
  g_assert_cmpuint (s.unchanged, ==, 3);
  st = axw_db_prepare (f->db, "SELECT group_concat (updated_at) FROM products", NULL);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  stamp2 = axw_db_column_dup (st, 0);
  sqlite3_reset (st);
  g_assert_cmpstr (stamp, ==, stamp2);

  /* re-import updates price and stock */
  g_assert_true (import (f, HEADER "6971234560018,,赤松茸,干货,甘肃和政,26.5,piece,1,40\n", &s,
                         &error));
  g_assert_cmpuint (s.updated, ==, 1);
  g_assert_cmpint (count (f, "SELECT price_fen FROM products WHERE barcode = '6971234560018'"), ==,
                   2650);
  g_assert_cmpint (count (f, "SELECT stock_milli FROM products WHERE barcode = '6971234560018'"),
                   ==, 40000);
  g_assert_cmpint (count (f, "SELECT count(*) FROM products"), ==, 3);
}

/* A price list (barcode, name, price only) changes what it gives and
 * keeps the rest: a kg item stays by weight, red-packet goods stay
 * eligible, the PLU, category, origin and stock stay. A column that is
 * there sets its value, empty text included. */
static void
test_import_partial (DbFixture     *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwProduct) p = NULL;
  g_autoptr(AxwProduct) kg = NULL;
  AxwImportStats s;

  g_assert_true (import (f, HEADER "6971234560018,2001,散装红枣,散装,新疆若羌,24.00,kg,1,12.5\n",
                         NULL, &error));
  g_assert_true (import (f, "barcode,name,price\n6971234560018,红枣,26\n", &s, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (s.updated, ==, 1);
  g_assert_cmpuint (s.price_changed, ==, 1);
  g_assert_cmpuint (s.stock_changed, ==, 0);
  p = axw_products_find_barcode (f->db, "6971234560018", &error);
  g_assert_cmpstr (p->name, ==, "红枣");
  g_assert_cmpint (p->price_fen, ==, 2600);
  g_assert_cmpstr (p->plu, ==, "2001");
  g_assert_cmpstr (p->category, ==, "散装");
  g_assert_cmpstr (p->origin, ==, "新疆若羌");
  g_assert_true (p->per_kg);
  g_assert_true (p->aid_eligible);
  g_assert_cmpint (p->stock_milli, ==, 12500);

  /* by PLU, without a barcode column: the barcode stays */
  g_assert_true (import (f, "plu,name,price,stock\n2001,红枣,26,10\n", &s, &error));
  g_assert_no_error (error);
  g_clear_pointer (&p, axw_product_free);
  p = axw_products_find_plu (f->db, "2001", &error);
  g_assert_cmpstr (p->barcode, ==, "6971234560018");
  g_assert_cmpint (p->stock_milli, ==, 10000);

  /* empty unit, aid_eligible and stock cells keep; empty text clears */
  g_assert_true (import (f, HEADER "6971234560018,2001,红枣,,新疆若羌,26,,,\n", &s, &error));
  g_assert_no_error (error);
  kg = axw_products_find_barcode (f->db, "6971234560018", &error);
  g_assert_cmpstr (kg->category, ==, "");
  g_assert_true (kg->per_kg);
  g_assert_true (kg->aid_eligible);
  g_assert_cmpint (kg->stock_milli, ==, 10000);

  /* a column that is there sets: not eligible, by the piece */
  g_assert_true (import (f, "barcode,name,price,unit,aid_eligible\n6971234560018,红枣,26,piece,0\n",
                         &s, &error));
  g_assert_cmpint (count (f,
                          "SELECT (unit = 'kg') + aid_eligible FROM products WHERE barcode = "
                          "'6971234560018'"), ==, 0);

  /* a new product from a short file gets the defaults */
  g_assert_true (import (f, "barcode,name,price\n6971234560025,藜麦粥,12.8\n", &s, &error));
  g_assert_cmpuint (s.inserted, ==, 1);
  g_assert_cmpint (count (f, "SELECT (unit = 'kg') + aid_eligible + stock_milli FROM products "
                             "WHERE barcode = '6971234560025'"), ==, 0);
}

static void
test_import_bad (DbFixture     *f,
                 gconstpointer  data)
{
  static const struct { const char *csv; const char *message; } cases[] = {
    { HEADER "6971234560018,,赤松茸,干货,,28,piece,1,50\n6971234560025,,藜麦粥,,,abc,,1,\n",
      "Row 2 (line 3), column “price”" },
    { HEADER "6971234560019,,赤松茸,干货,,28,piece,1,50\n", "column “barcode”" },
    { HEADER "6971234560018,,赤松茸,,,28,box,1,\n", "column “unit”" },
    { HEADER "6971234560018,,赤松茸,,,28,,maybe,\n", "column “aid_eligible”" },
    { HEADER ",,赤松茸,,,28,,1,\n", "column “barcode”" },
    { HEADER "6971234560018,,,,,28,,1,\n", "column “name”" },
    { HEADER "6971234560018,,赤松茸,,,28,,1,-3\n", "column “stock”" },
    { HEADER "6971234560018,,赤松茸,,,28,,1,\n6971234560018,,赤松茸2,,,28,,1,\n", "also in row 1" },
    { "barcode,name,price,colour\n6971234560018,赤松茸,28,red\n", "Unknown column “colour”" },
    { "barcode,name\n6971234560018,赤松茸\n", "“price” is missing" },
    { "name,price\n赤松茸,28\n", "“barcode” or a “plu”" },
    { HEADER "6971234560018,,赤松茸,,,28,,1\n", "has 8 fields but the header has 9" },
    { HEADER "6971234560018,,\"赤松茸,,,28,,1,\n", "never closed" },
    { "", "empty" },
    { HEADER "134567890123456789,,支付码,,,1,,1,\n", "payment code" },
  };

  g_assert_true (import (f, HEADER "6971234560032,,和政啤特果,,,19.9,,1,5\n", NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (import (f, cases[i].csv, NULL, &error));
      g_assert_error (error, AXW_ERROR, AXW_ERROR_INVALID);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].message);
      g_assert_cmpint (count (f, "SELECT count(*) FROM products"), ==, 1);
    }
}

static void
test_import_bom_crlf (DbFixture     *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwProduct) p = NULL;
  const char csv[] = "\xEF\xBB\xBF" "barcode,name,price\r\n6971234560018,赤松茸,28\r\n\r\n";

  g_assert_true (import (f, csv, NULL, &error));
  g_assert_no_error (error);
  p = axw_products_find_barcode (f->db, "6971234560018", &error);
  g_assert_nonnull (p);
  g_assert_cmpstr (p->name, ==, "赤松茸");
}

static void
test_export_roundtrip (DbFixture     *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  AxwImportStats s;

  g_assert_true (import (f, GOOD, NULL, &error));
  out = axw_products_export_csv (f->db, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "\"藜麦粥, 即食\""));
  g_assert_true (import (f, out, &s, &error));
  g_assert_cmpuint (s.unchanged, ==, 3);
}

static void
test_lookup_scan (DbFixture     *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AxwEmbeddedLayout layout;
  AxwScan scan;
  AxwProduct *p;

  g_assert_true (import (f, HEADER "0036000291452,,UPC货,,,1,,0,\n,123,散装核桃,,,48,kg,1,\n"
                                   "2000123012506,,精确匹配优先,,,9,,0,\n", NULL, &error));
  axw_embedded_layout_parse (AXW_EMBEDDED_LAYOUT_DEFAULT, &layout, NULL);

  g_assert_true (axw_barcode_parse ("036000291452", &layout, &scan, NULL));
  p = axw_products_lookup_scan (f->db, &scan, &error);
  g_assert_cmpstr (p->name, ==, "UPC货");
  axw_product_free (p);

  /* exact match wins over the price-embedded reading */
  g_assert_true (axw_barcode_parse ("2000123012506", &layout, &scan, NULL));
  p = axw_products_lookup_scan (f->db, &scan, &error);
  g_assert_cmpstr (p->name, ==, "精确匹配优先");
  axw_product_free (p);

  g_assert_true (axw_barcode_parse ("2000123024509", &layout, &scan, NULL));
  p = axw_products_lookup_scan (f->db, &scan, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (p->name, ==, "散装核桃");
  axw_product_free (p);

  g_assert_true (axw_barcode_parse ("2999999024501", &layout, &scan, NULL));
  g_assert_null (axw_products_lookup_scan (f->db, &scan, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (axw_barcode_parse ("6971234560018", &layout, &scan, NULL));
  g_assert_null (axw_products_lookup_scan (f->db, &scan, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND);
}

/* UPC-A is found in either form, whichever the catalog holds. */
static void
test_lookup_upca_both_ways (DbFixture     *f,
                            gconstpointer  data)
{
  static const struct { const char *catalog; const char *scanned; } cases[] = {
    { "036000291452", "0036000291452" },
    { "0036000291452", "036000291452" },
    { "036000291452", "036000291452" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *csv = g_strdup_printf (HEADER "%s,,UPC货,,,1,,0,\n", cases[i].catalog);
      g_autoptr(AxwProduct) p = NULL;
      AxwScan scan;

      g_assert_true (axw_db_exec (f->db, "DELETE FROM products", &error));
      g_assert_true (import (f, csv, NULL, &error));
      g_assert_true (axw_barcode_parse (cases[i].scanned, NULL, &scan, &error));
      p = axw_products_lookup_scan (f->db, &scan, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (p->barcode, ==, cases[i].catalog);
    }
}

static void
test_search (DbFixture     *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) r = NULL;

  g_assert_true (import (f, GOOD, NULL, &error));
  r = axw_products_search (f->db, "csr", 10, &error);
  g_assert_cmpuint (r->len, ==, 1);
  g_assert_cmpstr (((AxwProduct *) r->pdata[0])->name, ==, "赤松茸");
  g_clear_pointer (&r, g_ptr_array_unref);
  r = axw_products_search (f->db, "红枣", 10, &error);
  g_assert_cmpuint (r->len, ==, 1);
  g_clear_pointer (&r, g_ptr_array_unref);
  r = axw_products_search (f->db, "%", 10, &error);
  g_assert_cmpuint (r->len, ==, 0);
}

static void
test_promotions_import (DbFixture     *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const char good[] = "name,scope,percent,day_of_month,month,from,to\n"
                      "爱心日,aid,5,12,,,\n爱心月,aid,12.5,,12,,\n春节,all,8,,,2027-01-25,2027-02-10\n";
  static const struct { const char *csv; const char *message; } bad[] = {
    { "name,scope,percent\nx,some,5\n", "column “scope”" },
    { "name,scope,percent\nx,aid,0\n", "column “percent”" },
    { "name,scope,percent\nx,aid,101\n", "column “percent”" },
    { "name,scope,percent,day_of_month\nx,aid,5,32\n", "column “day_of_month”" },
    { "name,scope,percent,month\nx,aid,5,13\n", "column “month”" },
    { "name,scope,percent,from,to\nx,aid,5,2027-02-10,2027-01-01\n", "column “to”" },
    { "name,scope,percent,from\nx,aid,5,2027/01/01\n", "column “from”" },
    { "name,scope,percent,weekday\nx,aid,5,1\n", "Unknown column" },
  };
  AxwPromotion *p;
  guint n;

  g_assert_true (axw_promotions_import_csv (f->db, good, strlen (good), &n, &error));
  g_assert_no_error (error);
  g_assert_true (axw_promotions_import_csv (f->db, good, strlen (good), &n, &error));
  list = axw_promotions_list (f->db, &error);
  g_assert_cmpuint (list->len, ==, 3);
  p = list->pdata[1];
  g_assert_cmpstr (p->name, ==, "爱心月");
  g_assert_cmpint (p->percent_bp, ==, 1250);
  g_assert_cmpint (p->month, ==, 12);
  g_assert_true (axw_promotion_applies (p, "2026-12-01"));
  g_assert_false (axw_promotion_applies (p, "2026-11-30"));
  p = list->pdata[2];
  g_assert_true (axw_promotion_applies (p, "2027-01-25"));
  g_assert_true (axw_promotion_applies (p, "2027-02-10"));
  g_assert_false (axw_promotion_applies (p, "2027-02-11"));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) e = NULL;

      g_assert_false (axw_promotions_import_csv (f->db, bad[i].csv, strlen (bad[i].csv), &n, &e));
      if (e == NULL || strstr (e->message, bad[i].message) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, e ? e->message : "", bad[i].message);
    }
  g_assert_cmpint (count (f, "SELECT count(*) FROM promotions"), ==, 3);
}

/* The manager's form goes through the CSV rules; ending a promotion keeps
 * its row for the sales that name it. */
static void
test_promotions_form_and_remove (DbFixture     *f,
                                 gconstpointer  data)
{
  static const struct { AxwPromotionText text; const char *column; } bad[] = {
    { { "  ", "aid", "5" }, "name" },
    { { "x", "some", "5" }, "scope" },
    { { "x", "aid", "0" }, "percent" },
    { { "x", "aid", "5", "32" }, "day_of_month" },
    { { "x", "aid", "5", "", "13" }, "month" },
    { { "x", "aid", "5", "", "", "2027-02-30" }, "from" },
    { { "x", "aid", "5", "", "", "2027-02-10", "2027-01-01" }, "to" },
  };
  AxwPromotionText good = { " 爱心日 ", "aid", "12.5", "12", "", "", "" };
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwPromotion) p = g_new0 (AxwPromotion, 1);
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *when = NULL;
  const char *column = "?";

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) e = NULL;
      g_autoptr(AxwPromotion) b = g_new0 (AxwPromotion, 1);

      g_assert_false (axw_promotions_parse (&bad[i].text, b, &column, &e));
      g_assert_error (e, AXW_ERROR, AXW_ERROR_INVALID);
      g_assert_cmpstr (column, ==, bad[i].column);
    }
  g_assert_true (axw_promotions_parse (&good, p, &column, &error));
  g_assert_null (column);
  g_assert_cmpstr (p->name, ==, "爱心日");
  g_assert_cmpint (p->percent_bp, ==, 1250);
  when = axw_promotion_describe_when (p);
  g_assert_cmpstr (when, ==, "day 12 of every month");
  g_assert_true (axw_promotions_save (f->db, p, "王店长", &error));
  g_assert_cmpint (count (f,
                          "SELECT count(*) FROM audit_log WHERE staff = '王店长' AND action = "
                          "'promotion.save'"), ==, 1);

  g_assert_false (axw_promotions_remove (f->db, "没有", "王店长", &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (axw_promotions_remove (f->db, "爱心日", "王店长", &error));
  g_assert_no_error (error);
  list = axw_promotions_list (f->db, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_cmpint (count (f,
                          "SELECT count(*) FROM promotions WHERE name = '爱心日' AND NOT active"),
                          ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE action = 'promotion.remove'"),
                   ==, 1);
  g_assert_false (axw_promotions_remove (f->db, "爱心日", "王店长", &error));
  g_clear_error (&error);
  /* saved again: back, with the new rules */
  p->percent_bp = 500;
  g_assert_true (axw_promotions_save (f->db, p, "王店长", &error));
  g_assert_cmpint (count (f, "SELECT percent_bp FROM promotions WHERE name = '爱心日' AND active"),
                   ==, 500);
}

static void
test_promotions_when (void)
{
  static const struct { AxwPromotion p; const char *words; } cases[] = {
    { { .day_of_month = 12 }, "day 12 of every month" },
    { { .month = 12 }, "all of month 12, every year" },
    { { .month = 12, .day_of_month = 12 }, "every year on month 12, day 12" },
    { { .date_from = (char *) "2027-01-25", .date_to = (char *) "2027-02-10" },
      "from 2027-01-25 to 2027-02-10" },
    { { .month = 1, .date_from = (char *) "2027-01-01" },
      "all of month 1, every year, from 2027-01-01 on" },
    { { .date_to = (char *) "2027-01-01" }, "until 2027-01-01" },
    { { 0 }, "every day" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *w = axw_promotion_describe_when (&cases[i].p);

      g_assert_cmpstr (w, ==, cases[i].words);
    }
}

static void
test_staff (DbFixture     *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwStaff) s = NULL;

  g_assert_cmpint (axw_staff_add (f->db, "小林", FALSE, "1234", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (axw_staff_add (f->db, "小林", FALSE, "1234", &error), ==, 0);
  g_assert_error (error, AXW_ERROR, AXW_ERROR_CONFLICT);
  g_clear_error (&error);
  for (const char * const *pin = (const char *[]) { "123", "123456789", "12a4", "",
    NULL }; *pin; pin++)
    {
      g_assert_cmpint (axw_staff_add (f->db, "新人", FALSE, *pin, &error), ==, 0);
      g_assert_error (error, AXW_ERROR, AXW_ERROR_INVALID);
      g_clear_error (&error);
    }
  /* never stored plain */
  g_assert_cmpint (count (f, "SELECT count(*) FROM staff WHERE pin_hash LIKE '$argon2id$%'"), ==,
                   1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM staff WHERE pin_hash LIKE '%1234%'"), ==, 0);

  s = axw_staff_login (f->db, "小林", "1234", &error);
  g_assert_no_error (error);
  g_assert_false (s->manager);
  g_clear_pointer (&s, axw_staff_free);

  g_assert_null (axw_staff_authorize_manager (f->db, "小林", "1234", &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_PERMISSION);
  g_clear_error (&error);

  for (int i = 0; i < AXW_STAFF_MAX_FAILURES; i++)
    {
      g_assert_null (axw_staff_login (f->db, "小林", "0000", &error));
      g_assert_error (error, AXW_ERROR, AXW_ERROR_PERMISSION);
      g_clear_error (&error);
    }
  /* locked: even the right PIN is refused */
  g_assert_null (axw_staff_login (f->db, "小林", "1234", &error));
  g_assert_nonnull (strstr (error->message, "locked"));
  g_clear_error (&error);
  g_assert_true (axw_staff_unlock (f->db, "小林", "王店长", &error));
  s = axw_staff_login (f->db, "小林", "1234", &error);
  g_assert_nonnull (s);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE action = 'login.locked'"), ==,
                   1);
}

/* A hash made with libsodium's INTERACTIVE cost (64 MiB, before the PIN
 * cost was lowered) still logs in, and is redone at 19 MiB, 2 passes. */
static void
test_staff_rehash (DbFixture     *f,
                   gconstpointer  data)
{
  char old[crypto_pwhash_STRBYTES];
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwStaff) s = NULL;

  g_assert_cmpint (axw_staff_add (f->db, "小林", FALSE, "1234", &error), >, 0);
  g_assert_cmpint (count (f,
                          "SELECT count(*) FROM staff WHERE pin_hash LIKE "
                          "'$argon2id$v=19$m=19456,t=2,p=1$%'"),
                   ==, 1);
  g_assert_cmpint (crypto_pwhash_str_alg (old, "1234", 4, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                          crypto_pwhash_MEMLIMIT_INTERACTIVE,
                                          crypto_pwhash_ALG_ARGON2ID13), ==, 0);
  sql = g_strdup_printf ("UPDATE staff SET pin_hash = '%s'", old);
  g_assert_true (axw_db_exec (f->db, sql, NULL));
  g_assert_cmpint (count (f, "SELECT count(*) FROM staff WHERE pin_hash LIKE '%m=65536%'"), ==, 1);

  g_assert_null (axw_staff_login (f->db, "小林", "0000", &error));
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM staff WHERE pin_hash LIKE '%m=65536%'"), ==, 1);
  s = axw_staff_login (f->db, "小林", "1234", &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f,
                          "SELECT count(*) FROM staff WHERE pin_hash LIKE "
                          "'$argon2id$v=19$m=19456,t=2,p=1$%'"),
                   ==, 1);
  g_clear_pointer (&s, axw_staff_free);
  s = axw_staff_login (f->db, "小林", "1234", &error);
  g_assert_no_error (error);
}

static void
login_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* Returns: (transfer full): the answer of the PIN check's worker thread */
static GAsyncResult *
login_result (AxwDb        *db,
              const char   *name,
              const char   *pin,
              GCancellable *cancellable)
{
  GAsyncResult *result = NULL;

  axw_staff_login_async (db, name, pin, cancellable, login_ready_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return result;
}

static AxwStaff *
login_async (AxwDb        *db,
             const char   *name,
             const char   *pin,
             GCancellable *cancellable,
             GError      **error)
{
  g_autoptr(GAsyncResult) result = login_result (db, name, pin, cancellable);

  return axw_staff_login_finish (db, result, error);
}

/* The counter's login: the PIN checked in a worker thread, the attempt
 * recorded on the caller's thread as axw_staff_login() records it, and a
 * check given up (the cashier pressed Back) records nothing. */
static void
test_staff_login_async (DbFixture     *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwStaff) s = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_assert_cmpint (axw_staff_add (f->db, "小林", FALSE, "1234", &error), >, 0);
  s = login_async (f->db, "小林", "1234", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (s->name, ==, "小林");
  g_clear_pointer (&s, axw_staff_free);

  g_assert_null (login_async (f->db, "小林", "0000", NULL, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "4 tries left"));
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT failed_attempts FROM staff WHERE name = '小林'"), ==, 1);

  g_cancellable_cancel (cancellable);
  g_assert_null (login_async (f->db, "小林", "0000", cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT failed_attempts FROM staff WHERE name = '小林'"), ==, 1);

  g_assert_null (login_async (f->db, "nobody", "1234", NULL, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND);
  g_clear_error (&error);

  for (int i = 0; i < AXW_STAFF_MAX_FAILURES - 1; i++)
    {
      g_assert_null (login_async (f->db, "小林", "0000", NULL, &error));
      g_clear_error (&error);
    }
  /* locked: refused before any PIN check */
  g_assert_null (login_async (f->db, "小林", "1234", NULL, &error));
  g_assert_nonnull (strstr (error->message, "locked"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE action = 'login.locked'"), ==,
                   1);
}

/* A timed lock that has run out starts again at five tries: one wrong PIN
 * after it is "4 tries left", not a new lock. */
static void
test_staff_lock_expires (DbFixture     *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwStaff) s = NULL;

  g_assert_cmpint (axw_staff_add (f->db, "小林", FALSE, "1234", &error), >, 0);
  for (int i = 0; i < AXW_STAFF_MAX_FAILURES; i++)
    {
      g_assert_null (axw_staff_login (f->db, "小林", "0000", &error));
      g_clear_error (&error);
    }
  g_assert_cmpint (count (f, "SELECT locked_until IS NOT NULL FROM staff"), ==, 1);
  g_assert_true (axw_db_exec (f->db, "UPDATE staff SET locked_until = '2000-01-01T00:00:00Z'",
                              NULL));

  g_assert_null (axw_staff_login (f->db, "小林", "0000", &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "4 tries left"));
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT failed_attempts FROM staff"), ==, 1);
  g_assert_cmpint (count (f, "SELECT locked_until IS NULL FROM staff"), ==, 1);
  s = axw_staff_login (f->db, "小林", "1234", &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE action = 'login.locked'"), ==,
                   1);
}

#define PARALLEL_LOGINS 8

typedef struct {
  const char *path;
  GMutex      lock;
  GCond       cond;
  gboolean    go;
} LoginRace;

/* One terminal: its own connection, one wrong PIN once all are ready. */
static gpointer
wrong_pin_thread (gpointer data)
{
  LoginRace *race = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwDb) db = axw_db_open (race->path, &error);

  g_assert_no_error (error);
  g_mutex_lock (&race->lock);
  while (!race->go)
    g_cond_wait (&race->cond, &race->lock);
  g_mutex_unlock (&race->lock);
  g_assert_null (axw_staff_login (db, "小林", "0000", &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_PERMISSION);
  return NULL;
}

/* Eight wrong PINs at once on one file each count: the account ends
 * locked, with exactly the five tries it allows counted. */
static void
test_staff_parallel_wrong_pins (DbFixture     *f,
                                gconstpointer  data)
{
  LoginRace race = { f->path };
  GThread *threads[PARALLEL_LOGINS];
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (axw_staff_add (f->db, "小林", FALSE, "1234", &error), >, 0);
  g_mutex_init (&race.lock);
  g_cond_init (&race.cond);
  for (guint i = 0; i < PARALLEL_LOGINS; i++)
    threads[i] = g_thread_new ("login", wrong_pin_thread, &race);
  g_mutex_lock (&race.lock);
  race.go = TRUE;
  g_cond_broadcast (&race.cond);
  g_mutex_unlock (&race.lock);
  for (guint i = 0; i < PARALLEL_LOGINS; i++)
    g_thread_join (threads[i]);
  g_mutex_clear (&race.lock);
  g_cond_clear (&race.cond);

  g_assert_cmpint (count (f, "SELECT failed_attempts FROM staff"), ==, AXW_STAFF_MAX_FAILURES);
  g_assert_cmpint (count (f, "SELECT locked_until IS NOT NULL FROM staff"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE action = 'login.failed'"), ==,
                   AXW_STAFF_MAX_FAILURES - 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE action = 'login.locked'"), ==,
                   1);
  g_assert_null (axw_staff_login (f->db, "小林", "1234", &error));
  g_assert_nonnull (strstr (error->message, "locked"));
}

/* A refund's manager PIN, checked in a worker thread: a cashier's right
 * PIN is refused as not a manager's, a manager's is taken. */
static void
test_staff_authorize_async (DbFixture     *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AxwStaff) s = NULL;

  g_assert_cmpint (axw_staff_add (f->db, "小林", FALSE, "1234", &error), >, 0);
  g_assert_cmpint (axw_staff_add (f->db, "王店长", TRUE, "8888", &error), >, 0);
  result = login_result (f->db, "小林", "1234", NULL);
  g_assert_null (axw_staff_authorize_manager_finish (f->db, result, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "小林 is not a manager"));
  g_clear_error (&error);
  g_clear_object (&result);

  result = login_result (f->db, "王店长", "8888", NULL);
  s = axw_staff_authorize_manager_finish (f->db, result, &error);
  g_assert_no_error (error);
  g_assert_true (s->manager);
}

/* The statement cache goes by the SQL's text, not its address: a buffer
 * reused for another statement must get that statement. */
static void
test_prepare_same_buffer (DbFixture     *f,
                          gconstpointer  data)
{
  char sql[64];

  for (int round = 0; round < 2; round++)
    for (int i = 1; i <= 3; i++)
      {
        sqlite3_stmt *stmt;

        g_snprintf (sql, sizeof sql, "SELECT %d", i);
        stmt = axw_db_prepare (f->db, sql, NULL);
        g_assert_nonnull (stmt);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, i);
        sqlite3_reset (stmt);
      }
}

static gint64
wal_pages_after (DbFixture *f,
                 int        transactions)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  GStatBuf st;

  for (int i = 0; i < transactions; i++)
    g_assert_true (axw_db_exec (f->db, "INSERT INTO filler VALUES (zeroblob (200000))", NULL));
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  return st.st_size / 4120;
}

/* The WAL header's checkpoint sequence: SQLite adds one each time the WAL
 * starts over after a complete checkpoint. */
static guint32
wal_checkpoints (DbFixture *f)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (wal, &contents, &length, NULL));
  g_assert_cmpuint (length, >=, 32);
  return GUINT32_FROM_BE (*(guint32 *) (contents + 12));
}

/* Checkpoints run off the committing thread, but they run. A counter's
 * commits (~1500 pages, past the 1000-page threshold, far below the four
 * thresholds where the committer would copy the WAL itself) are copied
 * by the thread, and the WAL starts over: the test waits up to 20 s for
 * that, however slow the machine. Commits that never pause (an import)
 * keep the WAL under four thresholds and a commit or two (~49 pages each),
 * even when the thread's own run is slow: the committer waits for it
 * (before it did, 6834 pages were seen on a loaded machine). A WAL never
 * checkpointed grows by every page written (~12000). */
static void
test_wal_checkpointed (DbFixture     *f,
                       gconstpointer  data)
{
  guint32 before;
  gint64 deadline;

  g_assert_true (axw_db_exec (f->db, "CREATE TABLE filler (b BLOB)", NULL));
  g_assert_true (axw_db_exec (f->db, "CREATE TABLE ticks (t INTEGER)", NULL));
  before = wal_checkpoints (f);
  g_assert_cmpint (wal_pages_after (f, 30), <, 4 * 1000);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (wal_checkpoints (f) == before && g_get_monotonic_time () < deadline)
    {
      g_usleep (20 * 1000);
      g_assert_true (axw_db_exec (f->db, "INSERT INTO ticks VALUES (1)", NULL));
    }
  g_assert_cmpuint (wal_checkpoints (f), >, before);

  g_assert_cmpint (wal_pages_after (f, 240), <, 4200);
  g_assert_cmpint (count (f, "SELECT count(*) FROM filler"), ==, 270);
}

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (done, <=, total);
  (*calls)++;
}

/* The preview lists exactly what the import would change, and writes nothing. */
static void
test_import_preview (DbFixture     *f,
                     gconstpointer  data)
{
  static const char *expected[] = {
    "Row 1: 6971234560018 赤松茸: price ¥28.00 → ¥30.00, stock 50 → 40",
    "Row 3: PLU1001 散装红枣: stock 12.5 → 20",
    "Row 4: new 6971234560049 高原藜麦: price ¥35.00, stock 0",
    "Row 5: 6971234560032 和政啤特果: name 和政啤特果 → 啤特果, origin — → 甘肃",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *summary = NULL;
  const char *csv = HEADER
    "6971234560018,,赤松茸,干货,甘肃和政,30,piece,1,40\n"
    "6971234560025,,\"藜麦粥, 即食\",冲调,甘肃和政,12.8,,是,80\n"
    ",1001,散装红枣,散装,,24.00,kg,true,20\n"
    "6971234560049,,高原藜麦,冲调,,35,,0,\n"
    "6971234560032,,啤特果,,甘肃,19.9,,1,\n";
  AxwImportStats s;
  guint calls = 0;

  g_setenv ("LANGUAGE", "C", TRUE);
  g_assert_true (import (f, GOOD, NULL, &error));
  g_assert_true (import (f, HEADER "6971234560032,,和政啤特果,,,19.9,,1,5\n", NULL, &error));
  before = axw_products_export_csv (f->db, &error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log"), ==, 2);

  g_assert_true (axw_products_import_csv_full (f->db, csv, strlen (csv), TRUE, "王店长",
                                               on_progress, &calls, &s, &changes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (calls, >=, 2);
  g_assert_cmpuint (s.inserted, ==, 1);
  g_assert_cmpuint (s.updated, ==, 3);
  g_assert_cmpuint (s.unchanged, ==, 1);
  g_assert_cmpuint (s.price_changed, ==, 1);
  g_assert_cmpuint (s.stock_changed, ==, 2);
  summary = axw_import_stats_describe (&s);
  g_assert_cmpstr (summary, ==, "1 new, 3 updated (1 price changes, 2 stock changes), 1 unchanged");
  g_assert_cmpuint (changes->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < changes->len; i++)
    {
      g_autofree char *line = axw_import_change_describe (g_ptr_array_index (changes, i));

      g_assert_cmpstr (line, ==, expected[i]);
    }
  g_assert_null (((AxwImportChange *) g_ptr_array_index (changes, 2))->before);
  g_assert_cmpint (((AxwImportChange *) g_ptr_array_index (changes, 0))->before->price_fen, ==,
                   2800);
  g_assert_cmpint (((AxwImportChange *) g_ptr_array_index (changes, 0))->after->price_fen, ==,
                   3000);

  /* the dry run wrote nothing, not even an audit row */
  after = axw_products_export_csv (f->db, &error);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log"), ==, 2);

  /* applied for real: the same counts, audited in the manager's name */
  g_clear_pointer (&changes, g_ptr_array_unref);
  g_assert_true (axw_products_import_csv_full (f->db, csv, strlen (csv), FALSE, "王店长", NULL,
                                               NULL, &s, &changes, &error));
  g_assert_cmpuint (changes->len, ==, G_N_ELEMENTS (expected));
  g_assert_cmpint (count (f, "SELECT price_fen FROM products WHERE barcode = '6971234560018'"), ==,
                   3000);
  g_assert_cmpint (count (f, "SELECT count(*) FROM products"), ==, 5);
  g_assert_cmpint (count (f,
                          "SELECT count(*) FROM audit_log WHERE staff = '王店长' AND action = "
                          "'product.import' "
                             "AND detail = '1 new, 3 updated, 1 unchanged'"), ==, 1);
}

static void
test_import_preview_bad_row (DbFixture     *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  const char *csv = HEADER "6971234560018,,赤松茸,干货,甘肃和政,30,piece,1,40\n"
                           "6971234560049,,高原藜麦,冲调,,3x5,,0,\n";
  AxwImportStats s = { 7, 7, 7, 7, 7 };

  g_setenv ("LANGUAGE", "C", TRUE);
  g_assert_true (import (f, GOOD, NULL, &error));
  g_assert_false (axw_products_import_csv_full (f->db, csv, strlen (csv), TRUE, "王店长", NULL,
                                                NULL, &s, &changes, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Row 2 (line 3), column “price”"));
  g_assert_null (changes);
  g_assert_cmpuint (s.inserted, ==, 7);
  g_clear_error (&error);
  g_assert_false (axw_products_import_csv_full (f->db, csv, strlen (csv), FALSE, "王店长", NULL,
                                                NULL, NULL, NULL, &error));
  g_assert_cmpint (count (f, "SELECT price_fen FROM products WHERE barcode = '6971234560018'"), ==,
                   2800);
  g_assert_cmpint (count (f, "SELECT count(*) FROM products"), ==, 3);
}

static void
test_stocktake (DbFixture     *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 a, b, c;
  guint n = 99;

  g_assert_true (import (f, GOOD, NULL, &error));
  a = count (f, "SELECT id FROM products WHERE barcode = '6971234560018'");
  b = count (f, "SELECT id FROM products WHERE barcode = '6971234560025'");
  c = count (f, "SELECT id FROM products WHERE plu = '1001'");

  /* a negative count or an unknown product: nothing changes */
  {
    AxwStockCount bad[] = { { a, 48000 }, { b, -1000 } };
    AxwStockCount unknown[] = { { a, 48000 }, { 9999, 1000 } };

    g_assert_false (axw_products_stocktake (f->db, bad, G_N_ELEMENTS (bad), "王店长", &n, &error));
    g_assert_error (error, AXW_ERROR, AXW_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (axw_products_stocktake (f->db, unknown, G_N_ELEMENTS (unknown), "王店长", &n,
                                            &error));
    g_assert_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_cmpuint (n, ==, 99);
    g_assert_cmpint (count (f, "SELECT sum (stock_milli) FROM products"), ==,
                     50000 + 80000 + 12500);
    g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE action = 'stock.adjust'"), ==,
                     0);
  }

  {
    AxwStockCount counts[] = { { a, 48000 }, { b, 80000 }, { c, 11250 } };
    g_autoptr(GPtrArray) log = NULL;
    g_autofree char *first = g_strdup_printf ("product %" G_GINT64_FORMAT " 6971234560018 赤松茸 -2 (50 → 48): "
                                              "stocktake", a);
    g_autofree char *second = g_strdup_printf ("product %" G_GINT64_FORMAT " PLU1001 散装红枣 -1.25 "
                                               "(12.5 → 11.25): stocktake", c);

    g_assert_true (axw_products_stocktake (f->db, counts, G_N_ELEMENTS (counts), "王店长", &n,
                                           &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 2);
    g_assert_cmpint (count (f, "SELECT stock_milli FROM products WHERE barcode = '6971234560018'"),
                     ==, 48000);
    g_assert_cmpint (count (f, "SELECT stock_milli FROM products WHERE barcode = '6971234560025'"),
                     ==, 80000);
    g_assert_cmpint (count (f, "SELECT stock_milli FROM products WHERE plu = '1001'"), ==, 11250);
    log = axw_audit_list (f->db, "stocktake", 10, &error);
    g_assert_cmpuint (log->len, ==, 2);
    /* newest first */
    g_assert_cmpstr (((AxwAuditEntry *) log->pdata[1])->staff, ==, "王店长");
    g_assert_cmpstr (((AxwAuditEntry *) log->pdata[1])->action, ==, "stock.adjust");
    g_assert_cmpstr (((AxwAuditEntry *) log->pdata[1])->detail, ==, first);
    g_assert_cmpstr (((AxwAuditEntry *) log->pdata[0])->detail, ==, second);
  }
}

/* What a write would refuse, the dry run refuses too, with the same words. */
static void
test_import_dry_run_refuses_alike (DbFixture     *f,
                                   gconstpointer  data)
{
  static const struct { const char *csv; const char *message; } cases[] = {
    { HEADER "6971234560049,,豆腐干,,,9,,1,\n,2002,豆腐干,,,9.5,,1,\n",
      "Row 2 (line 3): it changes the same product as row 1" },
    { HEADER "6971234560018,1001,赤松茸,,,28,,1,\n", "PLU 1001 belongs to “散装红枣”" },
    { HEADER "6971234560056,3003,笋干,,,1,,1,\n6971234560063,3003,铁观音,,,1,,1,\n",
      "Row 2 (line 3): column “plu”: PLU 3003 is also in row 1" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  g_setenv ("LANGUAGE", "C", TRUE);
  g_assert_true (import (f, GOOD, NULL, &error));
  g_assert_true (import (f, HEADER "6971234560049,2002,豆腐干,,,8.5,,1,10\n", NULL, &error));
  before = axw_products_export_csv (f->db, &error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (int dry = 1; dry >= 0; dry--)
      {
        g_autoptr(GError) e = NULL;
        g_autofree char *after = NULL;

        if (axw_products_import_csv (f->db, cases[i].csv, strlen (cases[i].csv), dry, NULL, &e))
          g_error ("case %u (dry run %d) was imported", i, dry);
        g_assert_error (e, AXW_ERROR, AXW_ERROR_INVALID);
        if (strstr (e->message, cases[i].message) == NULL)
          g_error ("case %u (dry run %d): “%s” lacks “%s”", i, dry, e->message, cases[i].message);
        after = axw_products_export_csv (f->db, NULL);
        g_assert_cmpstr (before, ==, after);
      }
}

static void
write_meanwhile (guint    done,
                 guint    total,
                 gpointer user_data)
{
  AxwDb *other = user_data;
  g_autoptr(GError) error = NULL;

  if (done != 256)
    return;
  g_assert_true (axw_db_begin (other, &error));
  g_assert_no_error (error);
  g_assert_true (axw_audit_append (other, "小林", "sale", "meanwhile", &error));
  g_assert_true (axw_db_commit (other, &error));
}

/* A preview only reads: a sale on the same database goes on meanwhile. */
static void
test_import_dry_run_reads_only (DbFixture     *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwDb) other = axw_db_open (f->path, &error);
  g_autoptr(GString) csv = g_string_new (HEADER);

  g_assert_no_error (error);
  sqlite3_busy_timeout (axw_db_get_handle (other), 0);
  for (int i = 0; i < 600; i++)
    g_string_append_printf (csv, ",%d,商品%d,,,%d,,1,5\n", 5000 + i, i, 1 + i);
  /* the progress callback runs while the dry run is open */
  g_assert_true (axw_products_import_csv_full (f->db, csv->str, csv->len, TRUE, NULL,
                                               (AxwImportProgress) write_meanwhile, other, NULL,
                                               NULL, &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE detail = 'meanwhile'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM products"), ==, 0);
}

static AxwLine *
held_line (const char *barcode,
           const char *name,
           gint64      qty_milli,
           gint64      price_fen,
           gboolean    weighed)
{
  AxwLine *l = g_new0 (AxwLine, 1);

  l->product_id = 1;
  l->barcode = g_strdup (barcode);
  l->name = g_strdup (name);
  l->category = g_strdup ("菌菇");
  l->qty_milli = qty_milli;
  l->unit_price_fen = price_fen;
  l->per_kg = weighed;
  l->weighed = weighed;
  l->aid_eligible = TRUE;
  return l;
}

static AxwCart *
held_cart (const char *name,
           gint64      qty_milli)
{
  AxwCart *cart = axw_cart_new ();
  g_autoptr(AxwLine) a = held_line ("6971234560018", name, qty_milli, 2800, FALSE);
  g_autoptr(AxwLine) b = held_line ("2000101012345", "散装红枣", 345, 3600, TRUE);

  axw_cart_add (cart, a);
  axw_cart_add (cart, b);
  return cart;
}

/* Held sales are in the file: a new connection (a restart) still sees
 * them; recalling takes the newest out and parks what was on the counter
 * at the front; nothing touches stock, sales or the outbox. */
static void
test_held_sales (DbFixture     *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 12, 12, 2, 0, 0);
  g_autoptr(AxwCart) first = held_cart ("赤松茸", 2000);
  g_autoptr(AxwCart) second = held_cart ("藜麦粥", 1000);
  g_autoptr(AxwCart) counter = held_cart ("红茶", 3000);
  g_autoptr(AxwCart) empty = axw_cart_new ();
  g_autoptr(AxwCart) back = NULL;
  const AxwLine *l;

  g_assert_true (axw_db_exec (f->db,
                              "INSERT INTO products (barcode, name, price_fen, stock_milli, "
                              "updated_at) "
                                     "VALUES ('6971234560018', '赤松茸', 2800, 5000, 'x')",
                                     &error));
  g_assert_cmpuint (axw_held_sales_count (f->db), ==, 0);
  g_assert_null (axw_held_sales_recall (f->db, NULL, "小林", at, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (axw_held_sales_add (f->db, empty, "小林", at, &error), ==, 0);
  g_assert_error (error, AXW_ERROR, AXW_ERROR_INVALID);
  g_clear_error (&error);

  axw_cart_set_voucher_code (first, "HB20260001");
  /* donations wait with their carts: 一元捐, round-up to ¥1 and to ¥10 */
  axw_cart_set_donation (first, "集美区助残爱心基金", 100, 0);
  axw_cart_set_donation (second, "集美区助残爱心基金", 0, 100);
  axw_cart_set_donation (counter, "清流县助学基金", 0, 1000);
  g_assert_cmpint (axw_held_sales_add (f->db, first, "小林", at, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (axw_held_sales_add (f->db, second, "王店长", at, &error), >, 0);
  g_assert_cmpuint (axw_held_sales_count (f->db), ==, 2);

  /* a restart: a new connection to the same file */
  g_assert_finalize_object (g_steal_pointer (&f->db));
  f->db = axw_db_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (axw_held_sales_count (f->db), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM held_sales WHERE staff = '王店长' "
                             "AND held_at = '2026-12-12T02:00:00.000Z'"), ==, 1);

  /* the newest comes back; the counter's own cart waits at the front */
  back = axw_held_sales_recall (f->db, counter, "小林", at, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (axw_cart_get_n_lines (back), ==, 2);
  l = axw_cart_get_line (back, 0);
  g_assert_cmpstr (l->name, ==, "藜麦粥");
  g_assert_cmpint (l->qty_milli, ==, 1000);
  g_assert_cmpint (l->unit_price_fen, ==, 2800);
  g_assert_cmpint (l->product_id, ==, 1);
  g_assert_cmpstr (l->barcode, ==, "6971234560018");
  g_assert_cmpstr (l->category, ==, "菌菇");
  g_assert_true (l->aid_eligible);
  g_assert_false (l->weighed);
  l = axw_cart_get_line (back, 1);
  g_assert_true (l->weighed && l->per_kg);
  g_assert_cmpint (l->qty_milli, ==, 345);
  g_assert_null (axw_cart_get_voucher_code (back));
  g_assert_cmpstr (axw_cart_get_donation_fund (back), ==, "集美区助残爱心基金");
  g_assert_cmpint (axw_cart_get_donation_ask_fen (back), ==, 0);
  g_assert_cmpint (axw_cart_get_donation_round_to_fen (back), ==, 100);
  g_assert_cmpuint (axw_held_sales_count (f->db), ==, 2);
  g_clear_pointer (&back, axw_cart_free);

  back = axw_held_sales_recall (f->db, NULL, "小林", at, &error);
  g_assert_cmpstr (axw_cart_get_line (back, 0)->name, ==, "赤松茸");
  g_assert_cmpint (axw_cart_get_line (back, 0)->qty_milli, ==, 2000);
  g_assert_cmpstr (axw_cart_get_voucher_code (back), ==, "HB20260001");
  g_assert_cmpstr (axw_cart_get_donation_fund (back), ==, "集美区助残爱心基金");
  g_assert_cmpint (axw_cart_get_donation_ask_fen (back), ==, 100);
  g_assert_cmpint (axw_cart_get_donation_round_to_fen (back), ==, 0);
  g_clear_pointer (&back, axw_cart_free);
  back = axw_held_sales_recall (f->db, empty, "小林", at, &error);
  g_assert_cmpstr (axw_cart_get_line (back, 0)->name, ==, "红茶");
  g_assert_cmpstr (axw_cart_get_donation_fund (back), ==, "清流县助学基金");
  g_assert_cmpint (axw_cart_get_donation_round_to_fen (back), ==, 1000);
  g_assert_cmpuint (axw_held_sales_count (f->db), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM held_sale_lines"), ==, 0);

  /* never a sale, never stock */
  g_assert_cmpint (count (f, "SELECT stock_milli FROM products"), ==, 5000);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sales"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM outbox"), ==, 0);
}

/* A scale label's price is the line's price (docs/design.md §5.1): a held weighed
 * line comes back with it, not with unit price × weight (3600 × 0.343 =
 * 12.35) and not with nothing. */
static void
test_held_weighed (DbFixture     *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 12, 12, 2, 0, 0);
  g_autoptr(AxwCart) cart = axw_cart_new ();
  g_autoptr(AxwLine) label = held_line ("2001001012342", "散装红枣", 343, 3600, TRUE);
  g_autoptr(AxwLine) piece = held_line ("6971234560018", "赤松茸", 2000, 2800, FALSE);
  g_autoptr(AxwCart) back = NULL;
  g_autoptr(AxwSale) sale = NULL;

  label->gross_fen = 1234;
  axw_cart_add (cart, label);
  axw_cart_add (cart, piece);
  g_assert_cmpint (axw_held_sales_add (f->db, cart, "小林", at, &error), >, 0);
  g_assert_no_error (error);
  back = axw_held_sales_recall (f->db, NULL, "小林", at, &error);
  g_assert_no_error (error);
  g_assert_cmpint (axw_cart_get_line (back, 0)->gross_fen, ==, 1234);
  g_assert_cmpint (axw_cart_get_line (back, 0)->qty_milli, ==, 343);
  g_assert_true (axw_cart_get_line (back, 0)->weighed);

  sale = axw_cart_to_sale (back, "2026-06-01");
  axw_pricing_apply (sale, NULL, NULL, AXW_CASH_ROUNDING_NONE);
  g_assert_cmpint (axw_sale_get_line (sale, 0)->gross_fen, ==, 1234);
  g_assert_cmpint (axw_sale_get_line (sale, 1)->gross_fen, ==, 5600);
  g_assert_cmpint (sale->total_fen, ==, 6834);
}

/* A weighed line held before v4 had no price: the upgrade gives it unit
 * price × weight, the nearest the old row can tell (the label's own
 * price was not kept), rather than ¥0. */
static void
test_held_weighed_upgrade (DbFixture     *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *old = g_build_filename (f->dir, "v3.db", NULL);
  AxwDb *db = axw_db_open_at_version (old, 3, &error);

  g_assert_no_error (error);
  g_assert_true (axw_db_exec (db,
    "INSERT INTO held_sales (id, position, staff, held_at) VALUES (1, 1, '小林', 'x');"
    "INSERT INTO held_sale_lines (held_id, line_no, product_id, barcode, name, qty_milli, "
    "unit_price_fen, "
    "per_kg, weighed, aid_eligible) VALUES (1, 1, 1, '2001001012342', '散装红枣', 343, 3600, 1, 1, "
    "1),"
    "(1, 2, 2, '6971234560018', '赤松茸', 2000, 2800, 0, 0, 1)", &error));
  g_object_unref (db);
  db = axw_db_open (old, &error);
  g_assert_no_error (error);
  g_assert_cmpint (axw_db_query_int (db, "SELECT gross_fen FROM held_sale_lines WHERE line_no = 1",
                                     -1), ==, 1235);
  g_object_unref (db);
}

/* The list shows the held sales newest first; any one of them comes
 * back by its id, and the counter's cart takes the front of the queue. */
static void
test_held_sales_choose (DbFixture     *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 12, 12, 2, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_new_utc (2026, 12, 12, 2, 5, 0);
  g_autoptr(AxwCart) first = held_cart ("赤松茸", 2000);
  g_autoptr(AxwCart) second = held_cart ("藜麦粥", 1000);
  g_autoptr(AxwCart) counter = held_cart ("红茶", 3000);
  g_autoptr(AxwCart) back = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 first_id;
  const AxwHeldSale *h;

  axw_cart_set_voucher_code (first, "HB20260001");
  first_id = axw_held_sales_add (f->db, first, "小林", at, &error);
  g_assert_cmpint (axw_held_sales_add (f->db, second, "王店长", later, &error), >, first_id);
  g_assert_no_error (error);
  list = axw_held_sales_list (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  h = g_ptr_array_index (list, 0);
  g_assert_cmpstr (h->staff, ==, "王店长");
  g_assert_cmpstr (h->held_at, ==, "2026-12-12T02:05:00.000Z");
  g_assert_cmpstr (axw_cart_get_line (h->cart, 0)->name, ==, "藜麦粥");
  h = g_ptr_array_index (list, 1);
  g_assert_cmpint (h->id, ==, first_id);
  g_assert_cmpuint (axw_cart_get_n_lines (h->cart), ==, 2);
  g_assert_cmpstr (axw_cart_get_voucher_code (h->cart), ==, "HB20260001");

  /* the older one, chosen from the list */
  back = axw_held_sales_recall_id (f->db, first_id, counter, "小林", at, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (axw_cart_get_line (back, 0)->name, ==, "赤松茸");
  g_assert_cmpstr (axw_cart_get_voucher_code (back), ==, "HB20260001");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = axw_held_sales_list (f->db, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (axw_cart_get_line (((AxwHeldSale *) g_ptr_array_index (list, 0))->cart, 0)->name,
                   ==, "藜麦粥");
  g_assert_cmpstr (axw_cart_get_line (((AxwHeldSale *) g_ptr_array_index (list, 1))->cart, 0)->name,
                   ==, "红茶");

  /* a manager's price and an open price come back as they were held */
  {
    g_autoptr(AxwCart) priced = held_cart ("赤松茸", 1000);
    g_autoptr(AxwCart) again = NULL;
    g_autoptr(AxwLine) open = held_line ("6971234560124", "爱心帆布袋", 1000, 1550, FALSE);
    g_autoptr(AxwLine) changed = axw_line_copy (axw_cart_get_line (priced, 0));
    const AxwLine *l;

    g_assert_true (axw_pricing_override_unit_price (changed, 2000, &error));
    axw_cart_replace (priced, 0, changed);
    open->open_price = TRUE;
    axw_cart_add (priced, open);
    g_assert_cmpint (axw_held_sales_add (f->db, priced, "小林", at, &error), >, 0);
    again = axw_held_sales_recall (f->db, NULL, "小林", at, &error);
    g_assert_no_error (error);
    l = axw_cart_get_line (again, 0);
    g_assert_true (l->price_overridden);
    g_assert_cmpint (l->list_price_fen, ==, 2800);
    g_assert_cmpint (l->unit_price_fen, ==, 2000);
    l = axw_cart_get_line (again, 2);
    g_assert_true (l->open_price);
    g_assert_false (l->price_overridden);
    g_assert_cmpint (l->unit_price_fen, ==, 1550);
  }

  /* taken meanwhile (another terminal): said so, nothing changes */
  g_clear_pointer (&back, axw_cart_free);
  g_assert_null (axw_held_sales_recall_id (f->db, first_id, counter, "小林", at, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND);
  g_assert_cmpuint (axw_held_sales_count (f->db), ==, 2);
}

/* Audit rows are read in the manager's language: each fixed form the
 * store writes is recognised (here untranslated: the test binds no
 * catalogue), anything else is shown as stored. */
static void
test_audit_text (void)
{
  static const struct { const char *action, *detail, *expected; } cases[] = {
    { "product.import", "18 new, 0 updated, 3 unchanged", "18 new, 0 updated, 3 unchanged" },
    { "sale", "sale S01-T01-20261212-0001 ￥12.30", "S01-T01-20261212-0001, total ￥12.30" },
    { "stock.adjust", "product 12 6971234560018 赤松茸 礼盒 -2 (50 → 48): stocktake",
      "product 12 6971234560018 赤松茸 礼盒 -2 (50 → 48): stocktake" },
    { "shift_close", "shift 3 expected 10000 counted 9950 fen",
      "shift 3, expected 10000 fen, counted 9950 fen" },
    { "export", "4 sales to /srv/out (full)", "4 sales to /srv/out (all of them)" },
    { "export", "4 sales to /srv/out", "4 sales to /srv/out" },
    { "product.import", "something else", "something else" },
    { "made.up", "as stored", "as stored" },
    { "login.failed", NULL, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = axw_audit_detail_text (cases[i].action, cases[i].detail);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
  g_assert_cmpstr (axw_audit_action_name ("product.import"), ==, "Products imported");
  g_assert_cmpstr (axw_audit_action_name ("z_close"), ==, "Day closed (Z)");
  g_assert_cmpstr (axw_audit_action_name ("made.up"), ==, "made.up");
}

static gpointer
int_row (sqlite3_stmt *stmt)
{
  return GINT_TO_POINTER (sqlite3_column_int (stmt, 0));
}

static void
pair_row (sqlite3_stmt *stmt,
          gpointer      data)
{
  gint64 *pair = data;

  pair[0] = sqlite3_column_int64 (stmt, 0);
  pair[1] = sqlite3_column_int64 (stmt, 1);
}

/* The store's row helpers: every row in order, no row without an error
 * where none is needed, an error where one is, and a failed prepare. */
static void
test_row_helpers (DbFixture     *f,
                  gconstpointer  data)
{
  const char *three = "SELECT column1 FROM (VALUES (1), (2), (3)) WHERE column1 > ?";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt = axw_db_prepare (f->db, three, &error);
  gint64 value = -1, pair[2] = { 0, 0 };

  g_assert_no_error (error);
  sqlite3_bind_int (stmt, 1, 0);
  rows = axw_db_collect (f->db, stmt, int_row, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (GPOINTER_TO_INT (rows->pdata[i]), ==, i + 1);
  g_clear_pointer (&rows, g_ptr_array_unref);

  stmt = axw_db_prepare (f->db, three, &error);
  sqlite3_bind_int (stmt, 1, 3);
  rows = axw_db_collect (f->db, stmt, int_row, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);
  stmt = axw_db_prepare (f->db, three, &error);
  sqlite3_bind_int (stmt, 1, 1);
  g_assert_cmpint (GPOINTER_TO_INT (axw_db_read_one (f->db, stmt, int_row, &error)), ==, 2);
  stmt = axw_db_prepare (f->db, three, &error);
  sqlite3_bind_int (stmt, 1, 3);
  g_assert_null (axw_db_read_one (f->db, stmt, int_row, &error));
  g_assert_no_error (error);

  stmt = axw_db_prepare (f->db, three, &error);
  sqlite3_bind_int (stmt, 1, 3);
  g_assert_false (axw_db_step_int (f->db, stmt, &value, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_DATABASE);
  g_assert_cmpint (value, ==, -1);
  g_clear_error (&error);
  stmt = axw_db_prepare (f->db, three, &error);
  sqlite3_bind_int (stmt, 1, 2);
  g_assert_true (axw_db_step_int (f->db, stmt, &value, &error));
  g_assert_cmpint (value, ==, 3);
  g_assert_true (axw_db_read_row (f->db, axw_db_prepare (f->db, "SELECT 7, 8", &error), pair_row,
                                  pair, &error));
  g_assert_cmpint (pair[0], ==, 7);
  g_assert_cmpint (pair[1], ==, 8);

  stmt = axw_db_prepare (f->db, "SELECT nothing FROM nowhere", &error);
  g_assert_null (axw_db_collect (f->db, stmt, int_row, NULL, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_DATABASE);
  g_clear_error (&error);

  g_assert_true (axw_db_exec (f->db, "CREATE TEMP TABLE t (x); INSERT INTO t VALUES (1), (2)",
                              &error));
  g_assert_true (axw_db_exec (f->db, "UPDATE t SET x = x + 1", &error));
  g_assert_cmpint (axw_db_changes (f->db), ==, 2);
}

typedef struct {
  AxwDb   *counter;     /* the test's own connection */
  gint64   marker;
  gboolean other_thread;
} JobData;

static gboolean
count_job (AxwDb         *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  JobData *job = data;

  job->other_thread = db != job->counter && !g_main_context_is_owner (g_main_context_default ());
  job->marker = axw_db_query_int (db, "SELECT x FROM marker", -1);
  return job->marker >= 0;
}

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* axw_db_job_run: the work runs in a worker on a connection of its own,
 * and a database that does not open is the task's error. */
static void
test_job_own_connection (DbFixture     *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JobData job = { .counter = f->db, .marker = -1 };
  const char *paths[] = { f->path, "/nonexistent/folder/shop.db" };

  g_assert_true (axw_db_exec (f->db, "CREATE TABLE marker (x); INSERT INTO marker VALUES (42)",
                              &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GTask) task = g_task_new (NULL, NULL, job_done_cb, &result);

      g_task_set_task_data (task, &job, NULL);
      axw_db_job_run (task, paths[i], count_job);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      if (i == 0)
        {
          g_assert_true (g_task_propagate_boolean (G_TASK (result), &error));
          g_assert_no_error (error);
          g_assert_true (job.other_thread);
          g_assert_cmpint (job.marker, ==, 42);
        }
      else
        {
          g_assert_false (g_task_propagate_boolean (G_TASK (result), &error));
          g_assert_nonnull (error);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/audit/text", test_audit_text);
  DB_TEST ("/db/fresh", test_fresh);
  g_test_add_func ("/db/migrations-ascend", test_migrations_ascend);
  DB_TEST ("/db/upgrade-from-v1", test_upgrade);
  DB_TEST ("/db/private-files", test_private_files);
  DB_TEST ("/db/refuse-newer", test_refuse_newer);
  DB_TEST ("/db/corrupt", test_corrupt);
  DB_TEST ("/db/audit-append-only", test_audit_append_only);
  DB_TEST ("/settings/validate", test_settings);
  DB_TEST ("/products/import/good", test_import_good);
  DB_TEST ("/products/import/twice", test_import_twice);
  DB_TEST ("/products/import/partial-keeps-the-rest", test_import_partial);
  DB_TEST ("/products/import/bad-row-imports-nothing", test_import_bad);
  DB_TEST ("/products/import/bom-crlf", test_import_bom_crlf);
  DB_TEST ("/products/export-roundtrip", test_export_roundtrip);
  DB_TEST ("/products/lookup-scan", test_lookup_scan);
  DB_TEST ("/products/lookup-upca-both-ways", test_lookup_upca_both_ways);
  DB_TEST ("/products/search", test_search);
  DB_TEST ("/products/import/preview", test_import_preview);
  DB_TEST ("/products/import/preview-bad-row", test_import_preview_bad_row);
  DB_TEST ("/products/stocktake", test_stocktake);
  DB_TEST ("/products/import/dry-run-refuses-alike", test_import_dry_run_refuses_alike);
  DB_TEST ("/products/import/dry-run-reads-only", test_import_dry_run_reads_only);
  DB_TEST ("/promotions/import", test_promotions_import);
  DB_TEST ("/promotions/form-and-remove", test_promotions_form_and_remove);
  g_test_add_func ("/promotions/when-in-words", test_promotions_when);
  DB_TEST ("/staff/pin-and-lockout", test_staff);
  DB_TEST ("/staff/rehash-old-cost", test_staff_rehash);
  DB_TEST ("/staff/login-async", test_staff_login_async);
  DB_TEST ("/staff/lock-expired-starts-again", test_staff_lock_expires);
  DB_TEST ("/staff/parallel-wrong-pins-lock", test_staff_parallel_wrong_pins);
  DB_TEST ("/staff/authorize-manager-async", test_staff_authorize_async);
  DB_TEST ("/db/wal-checkpointed-in-background", test_wal_checkpointed);
  DB_TEST ("/db/prepare-same-buffer", test_prepare_same_buffer);
  DB_TEST ("/db/row-helpers", test_row_helpers);
  DB_TEST ("/db/job-own-connection", test_job_own_connection);
  DB_TEST ("/held-sales/park-restart-recall", test_held_sales);
  DB_TEST ("/held-sales/weighed-keeps-label-price", test_held_weighed);
  DB_TEST ("/held-sales/weighed-upgrade-from-v3", test_held_weighed_upgrade);
  DB_TEST ("/held-sales/choose", test_held_sales_choose);

  return g_test_run ();
}
