/* test-goods.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Goods in: suppliers, products' supplier and cost, deliveries and
 * returns to the supplier, where sold goods came from.
 */
#include <string.h>

#include "axw-db-sql.h"
#include "axw-consignment.h"
#include "axw-deliveries.h"
#include "axw-error.h"
#include "axw-partner-sales.h"
#include "axw-products.h"
#include "axw-report.h"
#include "axw-reports.h"
#include "axw-staff.h"
#include "axw-suppliers.h"

#include "axw-test-lib.h"

#define CATALOG "barcode,plu,name,category,origin,price,unit,aid_eligible,stock\n" \
                "6971234560018,,赤松茸,干货,甘肃和政,28,piece,1,50\n" \
                ",1001,散装红枣,散装,甘肃和政,24,kg,1,10\n" \
                "6971234560049,,清流豆腐干,零食,,8.5,piece,1,20\n"

static gint64
count (DbFixture  *f,
       const char *sql)
{
  return axw_db_query_int (f->db, sql, -1);
}

static gint64
stock (DbFixture  *f,
       const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT stock_milli FROM products WHERE name = '%s'",
                                          name);

  return count (f, sql);
}

static void
add_supplier (DbFixture  *f,
              const char *name,
              const char *origin,
              gboolean    consignment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwSupplier) s = axw_supplier_new ();

  g_free (s->name);
  s->name = g_strdup (name);
  g_free (s->origin);
  s->origin = g_strdup (origin);
  s->consignment = consignment;
  s->partner = TRUE;
  g_assert_true (axw_suppliers_add (f->db, s, "王店长", &error));
  g_assert_no_error (error);
  g_assert_cmpint (s->id, >, 0);
}

static void
setup (DbFixture     *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  db_fixture_setup (f, data);
  g_assert_true (axw_products_import_csv (f->db, CATALOG, strlen (CATALOG), FALSE, NULL, &error));
  g_assert_no_error (error);
  axw_staff_add (f->db, "小林", FALSE, "1234", &error);
  g_assert_no_error (error);
  axw_staff_add (f->db, "王店长", TRUE, "8888", &error);
  g_assert_no_error (error);
  add_supplier (f, "和政县合作社", "甘肃和政县", TRUE);
  add_supplier (f, "清流县食品公司", "福建清流县", FALSE);
}

#define GOODS_TEST(path, fn) g_test_add (path, DbFixture, NULL, setup, fn, db_fixture_teardown)

static void
test_suppliers (DbFixture     *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = axw_suppliers_list (f->db, &error);
  g_autoptr(AxwSupplier) dup = axw_supplier_new ();
  g_autoptr(AxwSupplier) blank = axw_supplier_new ();
  g_autoptr(AxwSupplier) found = NULL;
  AxwSupplier *s;

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  s = g_ptr_array_index (list, 0);
  g_assert_cmpstr (s->name, ==, "和政县合作社");
  g_assert_cmpstr (s->origin, ==, "甘肃和政县");
  g_assert_true (s->consignment);
  g_assert_true (s->partner);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE action = 'supplier.add' "
                             "AND staff = '王店长'"), ==, 2);

  g_free (dup->name);
  dup->name = g_strdup (" 和政县合作社 ");
  g_assert_false (axw_suppliers_add (f->db, dup, "王店长", &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (axw_suppliers_add (f->db, blank, "王店长", &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_INVALID);
  g_clear_error (&error);
  found = axw_suppliers_find (f->db, "没有", &error);
  g_assert_null (found);
  g_assert_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND);
  g_assert_cmpint (count (f, "SELECT count(*) FROM suppliers"), ==, 2);
}

static void
test_products_csv (DbFixture     *f,
                   gconstpointer  data)
{
  static const char with[] = "barcode,name,price,supplier,cost\n6971234560018,赤松茸,28,和政县合作"
                             "社,18.5\n";
  static const char without[] = "barcode,name,price\n6971234560018,赤松茸,30\n";
  static const char unknown[] = "barcode,name,price,supplier\n6971234560049,清流豆腐干,8.5,\n"
                                "6971234560018,赤松茸,28,没有这家\n";
  static const char bad_cost[] = "barcode,name,price,cost\n6971234560018,赤松茸,28,abc\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwProduct) p = NULL;
  g_autofree char *csv = NULL;

  g_assert_true (axw_products_import_csv (f->db, with, strlen (with), FALSE, NULL, &error));
  g_assert_no_error (error);
  p = axw_products_find_barcode (f->db, "6971234560018", &error);
  g_assert_cmpstr (p->supplier, ==, "和政县合作社");
  g_assert_cmpint (p->cost_fen, ==, 1850);
  g_clear_pointer (&p, axw_product_free);

  /* a price list without the columns keeps them */
  g_assert_true (axw_products_import_csv (f->db, without, strlen (without), FALSE, NULL, &error));
  p = axw_products_find_barcode (f->db, "6971234560018", &error);
  g_assert_cmpint (p->price_fen, ==, 3000);
  g_assert_cmpstr (p->supplier, ==, "和政县合作社");
  g_assert_cmpint (p->cost_fen, ==, 1850);

  g_assert_false (axw_products_import_csv (f->db, unknown, strlen (unknown), FALSE, NULL, &error));
  g_assert_cmpstr (error->message, ==,
                   "Row 2 (line 3): column “supplier”: there is no supplier “没有这家”; "
                                       "add it first. Nothing was imported.");
  g_clear_error (&error);
  g_assert_false (axw_products_import_csv (f->db, bad_cost, strlen (bad_cost), FALSE, NULL,
                                           &error));
  g_assert_nonnull (strstr (error->message, "Row 1 (line 2), column “cost”"));
  g_clear_error (&error);

  csv = axw_products_export_csv (f->db, &error);
  g_assert_true (g_str_has_prefix (csv,
                                   "barcode,plu,name,category,origin,price,unit,aid_eligible,stock,"
                                        "supplier,cost,low_stock,fund,fund_discounts\r\n"
                                        "6971234560018,,赤松茸,干货,甘肃和政,30.00,piece,"
                                        "1,50,和政县合作社,18.50,0,,0\r\n"));
}

static const char delivery_csv[] =
  "barcode,plu,qty,cost\n"
  "6971234560018,,12,18.5\n"
  ",1001,2.345,16.3\n";

static gint64
receive (DbFixture  *f,
         const char *csv,
         const char *supplier)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) lines = axw_deliveries_parse_csv (f->db, csv, strlen (csv), &error);
  gint64 id = 0;

  g_assert_no_error (error);
  g_assert_true (axw_deliveries_receive (f->db, supplier, "2026-12-05",
                                         (AxwDeliveryLine *) lines->data,
                                         lines->len, "王店长", &id, &error));
  g_assert_no_error (error);
  return id;
}

static void
test_receive (DbFixture     *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *words = NULL;
  gint64 id = receive (f, delivery_csv, "和政县合作社");
  AxwDelivery *d;

  g_assert_cmpint (stock (f, "赤松茸"), ==, 62000);
  g_assert_cmpint (stock (f, "散装红枣"), ==, 12345);
  /* ¥16.30 × 2.345 kg = ¥38.2235 → ¥38.22 */
  g_assert_cmpint (count (f, "SELECT amount_fen FROM delivery_lines WHERE line_no = 2"), ==, 3822);
  g_assert_cmpint (count (f, "SELECT cost_fen FROM products WHERE plu = '1001'"), ==, 1630);
  g_assert_cmpint (count (f, "SELECT count(*) FROM products WHERE supplier_id IS NOT NULL"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE action = 'stock.adjust' "
                             "AND detail LIKE '%delivery 1 from 和政县合作社' AND staff = '王店长'"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE action = 'delivery.receive'"),
                   ==, 1);

  list = axw_deliveries_list (f->db, 10, &error);
  g_assert_cmpuint (list->len, ==, 1);
  d = g_ptr_array_index (list, 0);
  g_assert_cmpint (d->id, ==, id);
  g_assert_cmpint (d->amount_fen, ==, 22200 + 3822);
  g_assert_cmpint (d->qty_milli, ==, 14345);
  words = axw_delivery_describe (d);
  g_assert_cmpstr (words, ==, "Delivery 1, 2026-12-05, 和政县合作社: 2 lines, ¥260.22");
}

typedef struct {
  const char *csv;
  const char *message;
} BadDelivery;

static void
test_receive_bad (DbFixture     *f,
                  gconstpointer  data)
{
  static const BadDelivery cases[] = {
    { "barcode,qty\n6971234560018,2\n6971234560025,1\n",
      "Row 2 (line 3), column “barcode”: “6971234560025” is not in the catalog. Nothing was "
      "received." },
    { "barcode,qty\n6971234560018,1.5\n",
      "Row 1 (line 2), column “qty”: 赤松茸 is counted in whole pieces. Nothing was received." },
    { "plu,qty,cost\n1001,0,1\n",
      "Row 1 (line 2), column “qty”: the quantity must be more than 0 and at most 1000000. "
      "Nothing was received." },
    { "plu,qty,cost\n1001,1,-2\n", NULL },
    { "barcode,qty,price\n6971234560018,1,2\n", "Unknown column “price”" },
    { "barcode,qty\n", "The delivery has no lines." },
  };
  AxwDeliveryLine good = { 1, 1000, 100 }, bad[] = { { 1, 1000, 100 }, { 999, 1000, 100 } };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) lines = axw_deliveries_parse_csv (f->db, cases[i].csv,
                                                          strlen (cases[i].csv), &error);

      g_assert_null (lines);
      g_assert_error (error, AXW_ERROR, AXW_ERROR_INVALID);
      if (cases[i].message)
        g_assert_nonnull (strstr (error->message, cases[i].message));
      else
        g_assert_nonnull (strstr (error->message, "column “cost”"));
      g_clear_error (&error);
    }
  /* a line that fails in the transaction takes the whole delivery back */
  g_assert_false (axw_deliveries_receive (f->db, "和政县合作社", NULL, bad, 2, "王店长", NULL,
                                          &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (axw_deliveries_receive (f->db, "没有", NULL, &good, 1, "王店长", NULL, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (axw_deliveries_receive (f->db, "和政县合作社", "2026-13-01", &good, 1, "王店长",
                                          NULL, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (stock (f, "赤松茸"), ==, 50000);
  g_assert_cmpint (count (f, "SELECT count(*) FROM deliveries"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE action <> 'supplier.add' "
                             "AND action <> 'product.import' AND action NOT LIKE 'staff.%'"), ==,
                             0);
}

static void
test_return (DbFixture     *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = receive (f, delivery_csv, "和政县合作社");
  AxwDeliveryReturn part[] = { { 2, 1000 } }, too_much[] = { { 2, 1346 } },
  no_line[] = { { 3, 0 } };
  gint64 back = 0;

  /* 1 kg of 2.345 kg goes back: ¥16.30 */
  g_assert_true (axw_deliveries_return (f->db, id, part, 1, "王店长", &back, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stock (f, "散装红枣"), ==, 11345);
  g_assert_cmpint (count (f,
                          "SELECT amount_fen FROM delivery_lines WHERE return_of_line IS NOT NULL"),
                          ==, 1630);

  g_assert_false (axw_deliveries_return (f->db, id, too_much, 1, "王店长", NULL, &error));
  g_assert_cmpstr (error->message, ==, "Line 2: at most 1.345 can go back. Nothing was returned.");
  g_clear_error (&error);
  g_assert_false (axw_deliveries_return (f->db, id, no_line, 1, "王店长", NULL, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (axw_deliveries_return (f->db, back, NULL, 0, "王店长", NULL, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND);   /* a return is not a delivery */
  g_clear_error (&error);

  /* the rest: everything is as before the delivery, to the milli and the fen */
  g_assert_true (axw_deliveries_return (f->db, id, NULL, 0, "王店长", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stock (f, "赤松茸"), ==, 50000);
  g_assert_cmpint (stock (f, "散装红枣"), ==, 10000);
  g_assert_cmpint (count (f,
                          "SELECT sum (CASE d.kind WHEN 'return' THEN -l.amount_fen ELSE "
                          "l.amount_fen END) "
                             "FROM delivery_lines l JOIN deliveries d ON d.id = l.delivery_id"), ==,
                             0);
  g_assert_cmpint (count (f,
                          "SELECT sum (CASE d.kind WHEN 'return' THEN -l.qty_milli ELSE "
                          "l.qty_milli END) "
                             "FROM delivery_lines l JOIN deliveries d ON d.id = l.delivery_id"), ==,
                             0);
  g_assert_false (axw_deliveries_return (f->db, id, NULL, 0, "王店长", NULL, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE action = 'delivery.return'"), ==,
                   2);

  /* recorded for good */
  g_assert_false (axw_db_exec (f->db, "UPDATE delivery_lines SET qty_milli = 1", &error));
  g_clear_error (&error);
  g_assert_false (axw_db_exec (f->db, "DELETE FROM deliveries", &error));
  g_clear_error (&error);
}

/* A sale line keeps where its goods came from as they were when sold, and
 * a refund line takes its sold line's. */
static void
test_sale_sources (DbFixture     *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwSale) sale = NULL;
  g_autoptr(AxwSale) refund = NULL;
  g_autoptr(GDateTime) at = axw_time_parse_rfc3339 ("2026-12-05T11:00:00+08:00", NULL);

  receive (f, delivery_csv, "和政县合作社");
  sale = axw_test_sell (f->db, "2026-12-05T10:00:00+08:00", "6971234560018", 2000, 10000);
  g_assert_true (axw_db_exec (f->db, "UPDATE products SET origin = '别处', cost_fen = 1 "
                                     "WHERE barcode = '6971234560018'", &error));
  refund = axw_sales_refund (f->db, sale->receipt_no, NULL, 0, "王店长", at, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sale_line_sources WHERE origin = '甘肃和政' "
                             "AND cost_fen = 1850 AND consignment AND partner "
                             "AND supplier_id = (SELECT id FROM suppliers WHERE name = '和政县合作"
                             "社')"), ==, 2);
}

/* Consignment: 2 赤松茸 and 0.5 kg 散装红枣 sold on the 3rd, one 赤松茸
 * refunded on the 6th (after the period was settled): the first period
 * owes both lines at cost, settling it again is refused, the refund is
 * taken off in the second period; goods bought outright are never owed. */
static void
test_consignment (DbFixture     *f,
                  gconstpointer  data)
{
  static const char catalog[] = "barcode,plu,name,price,supplier,cost\n"
                                "6971234560018,,赤松茸,28,和政县合作社,18.5\n"
                                ",1001,散装红枣,24,和政县合作社,16.3\n"
                                "6971234560049,,清流豆腐干,8.5,清流县食品公司,5\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwSale) a = NULL;
  g_autoptr(AxwSale) b = NULL;
  g_autoptr(AxwSale) c = NULL;
  g_autoptr(AxwSale) refund = NULL;
  g_autoptr(AxwSettlement) preview = NULL;
  g_autoptr(AxwSettlement) first = NULL;
  g_autoptr(AxwSettlement) again = NULL;
  g_autoptr(AxwSettlement) second = NULL;
  g_autoptr(AxwSettlement) shown = NULL;
  g_autoptr(GDateTime) on_6th = axw_time_parse_rfc3339 ("2026-12-06T11:00:00+08:00", NULL);
  g_autofree char *csv = NULL;
  AxwRefundItem one = { 1, 1000 };

  g_assert_true (axw_products_import_csv (f->db, catalog, strlen (catalog), FALSE, NULL, &error));
  g_assert_no_error (error);
  a = axw_test_sell (f->db, "2026-12-03T10:00:00+08:00", "6971234560018", 2000, 10000);
  b = axw_test_sell (f->db, "2026-12-03T10:05:00+08:00", "1001", 500, 5000);
  c = axw_test_sell (f->db, "2026-12-03T10:10:00+08:00", "6971234560049", 1000, 1000);
  /* the cost the line had when sold counts, not a later one */
  g_assert_true (axw_db_exec (f->db,
                              "UPDATE products SET cost_fen = 1 WHERE barcode = '6971234560018'",
                              &error));

  preview = axw_consignment_preview (f->db, "和政县合作社", "2026-12-01", "2026-12-05", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->lines->len, ==, 2);
  g_assert_cmpint (preview->owed_fen, ==, 3700 + 815);   /* 2 × ¥18.50 + 0.5 kg × ¥16.30 = ¥8.15 */
  g_assert_cmpint (count (f, "SELECT count(*) FROM settled_lines"), ==, 0);   /* a preview writes nothing */

  first = axw_consignment_settle (f->db, "和政县合作社", "2026-12-01", "2026-12-05", "王店长",
                                  &error);
  g_assert_no_error (error);
  g_assert_cmpint (first->number, ==, 1);
  g_assert_cmpint (first->owed_fen, ==, 4515);
  again = axw_consignment_settle (f->db, "和政县合作社", "2026-12-01", "2026-12-05", "王店长",
                                  &error);
  g_assert_null (again);
  g_assert_error (error, AXW_ERROR, AXW_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_null (axw_consignment_settle (f->db, "清流县食品公司", "2026-12-01", "2026-12-05",
                                         "王店长", &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_INVALID);     /* bought outright */
  g_clear_error (&error);
  g_assert_null (axw_consignment_preview (f->db, "和政县合作社", "2026-12-05", "2026-12-01",
                                          &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_INVALID);
  g_clear_error (&error);

  refund = axw_sales_refund (f->db, a->receipt_no, &one, 1, "王店长", on_6th, &error);
  g_assert_no_error (error);
  second = axw_consignment_settle (f->db, "和政县合作社", "2026-12-01", "2026-12-31", "王店长",
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpint (second->number, ==, 2);
  g_assert_cmpuint (second->lines->len, ==, 1);
  g_assert_cmpint (second->qty_milli, ==, -1000);
  g_assert_cmpint (second->owed_fen, ==, -1850);
  /* a line is settled once, by the key of settled_lines */
  g_assert_false (axw_db_exec (f->db,
                               "INSERT INTO settled_lines SELECT sale_line_id, settlement_id, 0 "
                                      "FROM settled_lines LIMIT 1", &error));
  g_clear_error (&error);

  shown = axw_consignment_get (f->db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (shown->owed_fen, ==, 4515);
  g_assert_cmpuint (shown->lines->len, ==, 2);
  csv = axw_settlement_to_csv (shown);
  g_assert_nonnull (strstr (csv, ",赤松茸,2,18.50,37.00\r\n"));
  g_assert_true (g_str_has_suffix (csv, "1,和政县合作社,,,total,2.5,,45.15\r\n"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE action = 'consignment.settle' "
                             "AND staff = '王店长'"), ==, 2);
}

static gint64
row_fen (GPtrArray  *rows,
         const char *name)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (((AxwReportRow *) g_ptr_array_index (rows, i))->name, name))
      return ((AxwReportRow *) g_ptr_array_index (rows, i))->total_fen;
  return -1;
}

static gint64
rows_fen (GPtrArray *rows)
{
  gint64 sum = 0;

  for (guint i = 0; i < rows->len; i++)
    sum += ((AxwReportRow *) g_ptr_array_index (rows, i))->total_fen;
  return sum;
}

/* Origins and suppliers add up to the fen with the categories, a refund
 * included; a Z keeps them, and a Z stored before schema 10 (without
 * them) still rebuilds as it was stored. */
static void
test_report_origins (DbFixture     *f,
                     gconstpointer  data)
{
  static const char catalog[] = "barcode,plu,name,price,supplier,cost\n"
                                "6971234560018,,赤松茸,28,和政县合作社,18.5\n"
                                "6971234560049,,清流豆腐干,8.5,清流县食品公司,5\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwSale) a = NULL;
  g_autoptr(AxwSale) b = NULL;
  g_autoptr(AxwSale) c = NULL;
  g_autoptr(AxwSale) refund = NULL;
  g_autoptr(AxwReport) r = NULL;
  g_autoptr(AxwReport) z = NULL;
  g_autoptr(AxwSale) old = NULL;
  g_autoptr(AxwReport) rebuilt = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *again = NULL;
  g_autofree char *legacy = NULL;
  char *insert;
  g_autoptr(GDateTime) later = axw_time_parse_rfc3339 ("2026-12-05T12:00:00+08:00", NULL);
  g_autoptr(GDateTime) close_at = axw_time_parse_rfc3339 ("2026-12-05T22:00:00+08:00", NULL);
  AxwRefundItem one = { 1, 1000 };

  g_assert_true (axw_products_import_csv (f->db, catalog, strlen (catalog), FALSE, NULL, &error));
  a = axw_test_sell (f->db, "2026-12-05T10:00:00+08:00", "6971234560018", 3000, 10000);
  b = axw_test_sell (f->db, "2026-12-05T10:05:00+08:00", "6971234560049", 2000, 2000);
  c = axw_test_sell (f->db, "2026-12-05T10:10:00+08:00", "1001", 250, 1000);   /* no supplier */
  refund = axw_sales_refund (f->db, a->receipt_no, &one, 1, "王店长", later, &error);
  g_assert_no_error (error);

  r = axw_reports_range (f->db, "2026-12-05", "2026-12-05", &error);
  g_assert_no_error (error);
  g_assert_true (axw_report_check_totals (r, &error));
  g_assert_cmpint (row_fen (r->origins, "甘肃和政"), ==, 5600 + 600);     /* 赤松茸 2 × 28 + 红枣 0.25 × 24 */
  g_assert_cmpint (row_fen (r->origins, "福建清流县"), ==, 1700);   /* the supplier's: the product has none */
  g_assert_cmpint (row_fen (r->suppliers, "和政县合作社"), ==, 5600);
  g_assert_cmpint (row_fen (r->suppliers, "清流县食品公司"), ==, 1700);
  g_assert_cmpint (row_fen (r->suppliers, ""), ==, 600);
  g_assert_cmpint (rows_fen (r->origins), ==, rows_fen (r->categories));
  g_assert_cmpint (rows_fen (r->suppliers), ==, r->total_fen);

  /* 消费扶贫: partner counties' goods only, adding up with the origins */
  {
    g_autoptr(GPtrArray) partner = axw_partner_sales (f->db, "2026-12-05", "2026-12-05", &error);
    g_autofree char *csv = NULL;
    AxwPartnerSalesRow *hz, *ql;

    g_assert_no_error (error);
    g_assert_cmpuint (partner->len, ==, 2);
    hz = g_ptr_array_index (partner, 0);
    ql = g_ptr_array_index (partner, 1);
    g_assert_cmpstr (hz->county, ==, "甘肃和政");
    g_assert_true (hz->consignment);
    g_assert_cmpint (hz->qty_milli, ==, 2000);
    g_assert_cmpint (hz->net_fen, ==, 5600);
    g_assert_cmpint (hz->cost_fen, ==, 3700);
    g_assert_cmpint (ql->net_fen, ==, 1700);
    g_assert_cmpint (hz->net_fen + ql->net_fen, ==,
                     row_fen (r->origins, "甘肃和政") - 600 + row_fen (r->origins, "福建清流县"));
    csv = axw_partner_sales_to_csv (partner);
    g_assert_cmpstr (csv, ==, "county,product,supply,qty,net,cost,margin\r\n"
                              "甘肃和政,赤松茸,consignment,2,56.00,37.00,\r\n"
                              "甘肃和政,subtotal,,0,56.00,37.00,\r\n"
                              "福建清流县,清流豆腐干,outright,2,17.00,10.00,7.00\r\n"
                              "福建清流县,subtotal,,0,17.00,10.00,\r\n"
                              "total,,,0,73.00,47.00,\r\n");
  }

  z = axw_reports_close_day (f->db, "2026-12-05", "王店长", close_at, &error);
  g_assert_no_error (error);
  stored = axw_reports_z_json (f->db, z->z_number, &error);
  rebuilt = axw_reports_load_z (f->db, z->z_number, &error);
  again = axw_report_to_json (rebuilt);
  g_assert_nonnull (strstr (stored,
                            "\"origins\":[{\"origin\":\"甘肃和政\",\"qty_milli\":2250,\"net_fen\":6200}"));
  g_assert_cmpstr (again, ==, stored);

  /* a day closed by an older program: its Z has no origins */
  g_clear_pointer (&rebuilt, axw_report_free);
  g_clear_pointer (&again, g_free);
  old = axw_test_sell (f->db, "2026-12-07T10:00:00+08:00", "6971234560049", 1000, 1000);
  {
    g_autoptr(AxwReport) day = axw_reports_range (f->db, "2026-12-07", "2026-12-07", &error);

    day->kind = AXW_REPORT_Z;
    day->z_number = 2;
    g_clear_pointer (&day->origins, g_ptr_array_unref);
    g_clear_pointer (&day->suppliers, g_ptr_array_unref);
    legacy = axw_report_to_json (day);
  }
  insert = sqlite3_mprintf ("INSERT INTO z_reports (number, business_date, closed_at, report_json) "
                            "VALUES (2, '2026-12-07', '2026-12-07T14:00:00Z', %Q);"
                            "UPDATE sales SET z_id = last_insert_rowid () WHERE business_date = "
                            "'2026-12-07';", legacy);
  g_assert_true (axw_db_exec (f->db, insert, &error));
  sqlite3_free (insert);
  g_assert_no_error (error);
  rebuilt = axw_reports_load_z (f->db, 2, &error);
  g_assert_no_error (error);
  g_assert_null (rebuilt->origins);
  again = axw_report_to_json (rebuilt);
  g_assert_cmpstr (again, ==, legacy);
}

/* A threshold per product: at or under it the product is listed, the
 * emptiest first; a delivery takes it off the list; a price list keeps
 * the threshold. */
static void
test_low_stock (DbFixture     *f,
                gconstpointer  data)
{
  static const char thresholds[] = "barcode,plu,name,price,low_stock\n"
                                   "6971234560018,,赤松茸,28,60\n"
                                   ",1001,散装红枣,24,10\n"
                                   "6971234560049,,清流豆腐干,8.5,5\n";
  static const char prices[] = "barcode,name,price\n6971234560018,赤松茸,29\n";
  static const char bad[] = "barcode,name,price,low_stock\n6971234560018,赤松茸,29,lots\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) low = NULL;
  g_autofree char *line = NULL;
  AxwDeliveryLine in = { 0, 12000, 1850 };

  g_assert_true (axw_products_import_csv (f->db, thresholds, strlen (thresholds), FALSE, NULL,
                                          &error));
  g_assert_no_error (error);
  g_assert_true (axw_products_import_csv (f->db, prices, strlen (prices), FALSE, NULL, &error));
  g_assert_false (axw_products_import_csv (f->db, bad, strlen (bad), FALSE, NULL, &error));
  g_assert_nonnull (strstr (error->message, "column “low_stock”"));
  g_clear_error (&error);

  low = axw_products_low_stock (f->db, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (low->len, ==, 2);      /* 20 豆腐干 over 5 is not low */
  g_assert_cmpstr (((AxwProduct *) g_ptr_array_index (low, 0))->name, ==, "赤松茸");    /* 50/60 */
  g_assert_cmpstr (((AxwProduct *) g_ptr_array_index (low, 1))->name, ==, "散装红枣");  /* 10/10 */
  line = axw_product_describe_stock (g_ptr_array_index (low, 1));
  g_assert_cmpstr (line, ==, "PLU1001 散装红枣: 10 kg in stock, low at 10 kg");
  g_clear_pointer (&low, g_ptr_array_unref);

  in.product_id = count (f, "SELECT id FROM products WHERE barcode = '6971234560018'");
  g_assert_true (axw_deliveries_receive (f->db, "和政县合作社", NULL, &in, 1, "王店长", NULL,
                                         &error));
  g_assert_no_error (error);
  low = axw_products_low_stock (f->db, 10, &error);
  g_assert_cmpuint (low->len, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  GOODS_TEST ("/goods/suppliers", test_suppliers);
  GOODS_TEST ("/goods/products-csv/supplier-cost", test_products_csv);
  GOODS_TEST ("/goods/receive/exact", test_receive);
  GOODS_TEST ("/goods/receive/bad-rows", test_receive_bad);
  GOODS_TEST ("/goods/return/exact", test_return);
  GOODS_TEST ("/goods/sale-sources", test_sale_sources);
  GOODS_TEST ("/goods/consignment/settle", test_consignment);
  GOODS_TEST ("/goods/reports/origins", test_report_origins);
  GOODS_TEST ("/goods/low-stock", test_low_stock);
  return g_test_run ();
}
