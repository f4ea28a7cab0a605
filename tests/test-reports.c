/* test-reports.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reports, Z close and shifts on a real SQLite file built with the real
 * checkout at fixed times. Every section is checked against sums taken
 * independently from the committed documents, and against literals.
 */
#include <string.h>

#include "axw-db-sql.h"
#include "axw-bizdate.h"
#include "axw-checkout.h"
#include "axw-sales.h"
#include "axw-error.h"
#include "axw-funds.h"
#include "axw-products.h"
#include "axw-promotions.h"
#include "axw-report-render.h"
#include "axw-reports.h"
#include "axw-settings.h"
#include "axw-shifts.h"
#include "axw-staff.h"
#include "axw-test-lib.h"
#include "axw-vouchers.h"

#define PRODUCTS "barcode,plu,name,category,origin,price,unit,aid_eligible,stock\n" \
  "6971234560018,,赤松茸,干货,甘肃和政,28,piece,1,50\n" \
  "6971234560025,,藜麦粥,冲调,甘肃和政,12.8,piece,1,80\n" \
  "6971234560124,,爱心帆布袋,手工艺,厦门,12,piece,0,200\n" \
  ",1001,散装红枣,散装,,24.00,kg,1,50\n"
#define VOUCHERS "code,campaign,funder,face,min_spend,valid_from,valid_to,scope\n" \
  "HB001,惠民助残,市残联,10,0,2026-01-01,2026-12-31,aid\n" \
  "HB002,春节助残,区残联,5,0,2026-01-01,2026-12-31,all\n"

typedef struct {
  DbFixture  db;
  GPtrArray *docs;   /* AxwSale: every committed document, in order */
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  db_fixture_setup (&f->db, data);
  f->docs = g_ptr_array_new_with_free_func ((GDestroyNotify) axw_sale_free);
  g_assert_true (axw_products_import_csv (f->db.db, PRODUCTS, strlen (PRODUCTS), FALSE, NULL,
                                          &error));
  g_assert_true (axw_vouchers_import_csv (f->db.db, VOUCHERS, strlen (VOUCHERS), NULL, &error));
  g_assert_cmpint (axw_staff_add (f->db.db, "小林", FALSE, "1234", &error), >, 0);
  g_assert_cmpint (axw_staff_add (f->db.db, "王店长", TRUE, "8888", &error), >, 0);
  g_assert_true (axw_settings_set (f->db.db, "cash_rounding", "down_jiao", &error));
  g_assert_no_error (error);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_ptr_array_unref (f->docs);
  db_fixture_teardown (&f->db, data);
}

#define TEST(path, fn) g_test_add (path, Fixture, NULL, setup, fn, teardown)

static GDateTime *
at (const char *text)
{
  GDateTime *t = axw_time_parse_rfc3339 (text, NULL);

  g_assert_nonnull (t);
  return t;
}

/* sell (f, when, staff, voucher, payments "cash:5000,wechat:3000", item, qty, …, NULL) */
static AxwSale *
sell (Fixture    *f,
      const char *when,
      const char *staff,
      const char *voucher,
      const char *pay,
      ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwCart) cart = axw_cart_new ();
  g_autoptr(GDateTime) t = at (when);
  g_autoptr(GArray) payments = g_array_new (FALSE, TRUE, sizeof (AxwPayment));
  g_auto(GStrv) parts = g_strsplit (pay, ",", -1);
  const char *item;
  AxwSale *s;
  va_list ap;

  va_start (ap, pay);
  while ((item = va_arg (ap, const char *)) != NULL)
    {
      gint64 qty = va_arg (ap, gint64);
      g_autoptr(AxwLine) l = axw_checkout_item_from_scan (f->db.db, item, qty, &error);

      g_assert_no_error (error);
      axw_cart_add (cart, l);
    }
  va_end (ap);
  axw_cart_set_voucher_code (cart, voucher);
  for (guint i = 0; parts[i]; i++)
    {
      g_auto(GStrv) kv = g_strsplit (parts[i], ":", 2);
      AxwPayment p = { 0 };

      g_assert_true (axw_pay_method_from_string (kv[0], &p.method));
      p.amount_fen = p.tendered_fen = g_ascii_strtoll (kv[1], NULL, 10);
      g_array_append_val (payments, p);
    }
  s = axw_checkout_commit (f->db.db, cart, t, staff, (AxwPayment *) payments->data, payments->len,
                           &error);
  g_assert_no_error (error);
  g_ptr_array_add (f->docs, s);
  return s;
}

static AxwSale *
refund (Fixture    *f,
        AxwSale    *sale,
        const char *when,
        int         line_no,
        gint64      qty)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) t = at (when);
  AxwRefundItem item = { line_no, qty };
  AxwSale *r = axw_sales_refund (f->db.db, sale->receipt_no, &item, line_no ? 1 : 0, "王店长", t,
                                 &error);

  g_assert_no_error (error);
  g_ptr_array_add (f->docs, r);
  return r;
}

/* The expectation, summed from the documents the checkout returned. */
static AxwReport *
expect_from_docs (Fixture    *f,
                  const char *from,
                  const char *to)
{
  AxwReport *e = axw_report_new (AXW_REPORT_RANGE);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");

  for (guint i = 0; i < f->docs->len; i++)
    {
      AxwSale *s = g_ptr_array_index (f->docs, i);
      int sign = s->is_refund ? -1 : 1;
      g_autoptr(GDateTime) t = NULL, local = NULL;

      if (strcmp (s->business_date, from) < 0 || strcmp (s->business_date, to) > 0)
        continue;
      if (s->is_refund)
        {
          e->refunds_count++;
          e->refunds_fen += s->total_fen;
        }
      else
        {
          e->sales_count++;
          e->gross_fen += s->gross_fen;
          e->promo_fen += s->promo_fen;
          e->red_packet_fen += s->red_packet &&
            s->red_packet->accepted ? s->red_packet->discount_fen : 0;
        }
      e->total_fen += sign * s->total_fen;
      e->cash_rounding_fen += sign * s->cash_rounding_fen;
      for (guint k = 0; k < s->payments->len; k++)
        {
          AxwPayment *p = &g_array_index (s->payments, AxwPayment, k);
          e->payments[p->method] += sign * p->amount_fen;
        }
      t = axw_time_parse_rfc3339 (s->created_at, NULL);
      local = g_date_time_to_timezone (t, tz);
      e->hour_total_fen[g_date_time_get_hour (local)] += sign * s->total_fen;
      e->hour_count[g_date_time_get_hour (local)] += s->is_refund ? 0 : 1;
    }
  return e;
}

static gint64
row_total (GPtrArray  *rows,
           const char *name,
           gint64     *out_qty)
{
  for (guint i = 0; i < rows->len; i++)
    {
      AxwReportRow *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row->name, name))
        {
          if (out_qty)
            *out_qty = row->qty_milli;
          return row->total_fen;
        }
    }
  return G_MININT64;
}

/* Lines summed per category from the documents. */
static gint64
docs_category (Fixture    *f,
               const char *from,
               const char *to,
               const char *category,
               gint64     *out_qty)
{
  gint64 sum = 0, qty = 0;

  for (guint i = 0; i < f->docs->len; i++)
    {
      AxwSale *s = g_ptr_array_index (f->docs, i);

      if (strcmp (s->business_date, from) < 0 || strcmp (s->business_date, to) > 0)
        continue;
      for (guint k = 0; k < s->lines->len; k++)
        {
          AxwLine *l = g_ptr_array_index (s->lines, k);

          if (g_str_equal (l->category, category))
            {
              sum += (s->is_refund ? -1 : 1) * l->pay_fen;
              qty += (s->is_refund ? -1 : 1) * l->qty_milli;
            }
        }
    }
  *out_qty = qty;
  return sum;
}

static void
assert_matches_docs (Fixture         *f,
                     const AxwReport *r,
                     const char      *from,
                     const char      *to)
{
  g_autoptr(AxwReport) e = expect_from_docs (f, from, to);
  g_autoptr(GError) error = NULL;
  const char *categories[] = { "干货", "冲调", "手工艺", "散装" };

  g_assert_cmpint (r->sales_count, ==, e->sales_count);
  g_assert_cmpint (r->refunds_count, ==, e->refunds_count);
  g_assert_cmpint (r->gross_fen, ==, e->gross_fen);
  g_assert_cmpint (r->promo_fen, ==, e->promo_fen);
  g_assert_cmpint (r->red_packet_fen, ==, e->red_packet_fen);
  g_assert_cmpint (r->total_fen, ==, e->total_fen);
  g_assert_cmpint (r->refunds_fen, ==, e->refunds_fen);
  g_assert_cmpint (r->cash_rounding_fen, ==, e->cash_rounding_fen);
  for (int m = 0; m < AXW_REPORT_N_METHODS; m++)
    g_assert_cmpint (r->payments[m], ==, e->payments[m]);
  for (int h = 0; h < 24; h++)
    {
      g_assert_cmpint (r->hour_total_fen[h], ==, e->hour_total_fen[h]);
      g_assert_cmpint (r->hour_count[h], ==, e->hour_count[h]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      gint64 want_qty = 0, got_qty = 0;
      gint64 want = docs_category (f, from, to, categories[i], &want_qty);
      gint64 got = row_total (r->categories, categories[i], &got_qty);

      if (want == 0 && want_qty == 0 && got == G_MININT64)
        continue;
      g_assert_cmpint (got, ==, want);
      g_assert_cmpint (got_qty, ==, want_qty);
    }
  g_assert_true (axw_report_check_totals (r, &error));
  g_assert_no_error (error);
}

/* 10 Nov: a split sale with a red packet, a cash sale rounded down to the
 * jiao; 10 Nov is closed; 11 Nov: a refund of the 10th, an Alipay sale. */
static void
build_two_days (Fixture  *f,
                AxwSale **out_s1)
{
  AxwSale *s1, *s2;

  /* 赤松茸 ×2 5600 + bag 1200 = 6800; HB001 −1000 on aid lines → 5800 */
  s1 = sell (f, "2026-11-10T09:15:00+08:00", "小林", "HB001", "wechat:3000,cash:5000",
             "6971234560018", (gint64) 2000, "6971234560124", (gint64) 0, NULL);
  g_assert_cmpint (s1->total_fen, ==, 5800);
  g_assert_cmpint (s1->change_fen, ==, 2200);
  /* 红枣 333 g × 24.00/kg = 799.2 → 799, cash down to the jiao → 790 */
  s2 = sell (f, "2026-11-10T14:40:00+08:00", "王店长", NULL, "cash:1000", "1001", (gint64) 333,
             NULL);
  g_assert_cmpint (s2->total_fen, ==, 799);
  g_assert_cmpint (s2->cash_rounding_fen, ==, -9);
  *out_s1 = s1;
}

static void
test_range_two_days (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwReport) day1 = NULL;
  g_autoptr(AxwReport) day2 = NULL;
  g_autoptr(AxwReport) both = NULL;
  g_autoptr(GDateTime) close_at = at ("2026-11-10T22:00:00+08:00");
  g_autoptr(AxwReport) z = NULL;
  AxwSale *s1, *r1;

  build_two_days (f, &s1);
  z = axw_reports_close_day (f->db.db, "2026-11-10", "王店长", close_at, &error);
  g_assert_no_error (error);
  g_assert_cmpint (z->z_number, ==, 1);
  assert_matches_docs (f, z, "2026-11-10", "2026-11-10");

  /* refund one 赤松茸 of the closed day: it lands on the 11th */
  r1 = refund (f, s1, "2026-11-11T10:05:00+08:00", 1, 1000);
  g_assert_cmpstr (r1->business_date, ==, "2026-11-11");
  sell (f, "2026-11-11T11:30:00+08:00", "小林", "HB002", "alipay:780", "6971234560025", (gint64) 0,
        NULL);

  day1 = axw_reports_range (f->db.db, "2026-11-10", "2026-11-10", &error);
  g_assert_no_error (error);
  assert_matches_docs (f, day1, "2026-11-10", "2026-11-10");
  /* literals: the closed day did not move */
  g_assert_cmpint (day1->gross_fen, ==, 6800 + 799);
  g_assert_cmpint (day1->red_packet_fen, ==, 1000);
  g_assert_cmpint (day1->total_fen, ==, 5800 + 799);
  g_assert_cmpint (day1->cash_rounding_fen, ==, -9);
  g_assert_cmpint (day1->payments[AXW_PAY_CASH], ==, 2800 + 790);
  g_assert_cmpint (day1->payments[AXW_PAY_WECHAT], ==, 3000);
  g_assert_cmpint (day1->refunds_count, ==, 0);
  g_assert_cmpint (row_total (day1->cashiers, "王店长", NULL), ==, 799);
  g_assert_cmpint (day1->hour_total_fen[9], ==, 5800);
  g_assert_cmpint (day1->hour_total_fen[14], ==, 799);

  day2 = axw_reports_range (f->db.db, "2026-11-11", "2026-11-11", &error);
  g_assert_no_error (error);
  assert_matches_docs (f, day2, "2026-11-11", "2026-11-11");
  /* 2800 refunded with its 500 share of the red packet: 2300 back */
  g_assert_cmpint (day2->refunds_fen, ==, 2300);
  g_assert_cmpint (day2->total_fen, ==, 780 - 2300);
  g_assert_cmpint (day2->payments[AXW_PAY_ALIPAY], ==, 780);
  g_assert_cmpint (day2->payments[AXW_PAY_CASH] + day2->payments[AXW_PAY_WECHAT], ==, -2300);
  g_assert_cmpint (day2->red_packets->len, ==, 2);

  both = axw_reports_range (f->db.db, "2026-11-01", "2026-11-30", &error);
  g_assert_no_error (error);
  assert_matches_docs (f, both, "2026-11-01", "2026-11-30");
  g_assert_cmpint (both->total_fen, ==, 5800 + 799 + 780 - 2300);
  g_assert_cmpint (row_total (both->top_products, "赤松茸", NULL), ==, 4600 - 2300);
}

static void
test_empty_day (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwReport) r = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  AxwSale *s1;

  build_two_days (f, &s1);
  r = axw_reports_range (f->db.db, "2026-11-13", "2026-11-13", &error);
  g_assert_no_error (error);
  assert_matches_docs (f, r, "2026-11-13", "2026-11-13");
  json = axw_report_to_json (r);
  g_assert_cmpstr (json, ==,
    "{\"kind\":\"range\",\"from\":\"2026-11-13\",\"to\":\"2026-11-13\",\"sales_count\":0,\"refunds_count\":0,"
    "\"gross_fen\":0,\"promo_fen\":0,\"red_packet_fen\":0,\"total_fen\":0,\"refunds_fen\":0,"
    "\"cash_rounding_fen\":0,\"payments\":{\"cash\":0,\"wechat\":0,\"alipay\":0,\"unionpay\":0},"
    "\"red_packets\":[],\"categories\":[],\"cashiers\":[],\"hours\":[],\"top_products\":[],"
    "\"origins\":[],\"suppliers\":[]}\n");
  lines = axw_report_to_lines (r, 32, TRUE);
  g_assert_cmpuint (lines->len, >, 8);
}

static void
test_bad_range (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AxwReport *r;

  r = axw_reports_range (f->db.db, "2026-11-31", "2026-12-01", &error);
  g_assert_null (r);
  g_assert_error (error, AXW_ERROR, AXW_ERROR_INVALID);
  g_clear_error (&error);
  r = axw_reports_range (f->db.db, "2026-12-02", "2026-12-01", &error);
  g_assert_null (r);
  g_assert_error (error, AXW_ERROR, AXW_ERROR_INVALID);
}

/* A closed day cannot be altered: not its Z row, not its sales, lines or
 * payments; it cannot be closed twice; its reprint equals what was stored. */
static void
test_z_immutable (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) close_at = at ("2026-11-10T22:00:00+08:00");
  g_autoptr(AxwReport) z = NULL;
  g_autoptr(AxwReport) again = NULL;
  g_autoptr(AxwReport) reprint = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *rebuilt = NULL;
  const char *attacks[] = {
    "UPDATE z_reports SET report_json = '{}'",
    "DELETE FROM z_reports",
    "UPDATE sales SET total_fen = 1 WHERE business_date = '2026-11-10'",
    "UPDATE sales SET z_id = NULL",
    "DELETE FROM sales WHERE business_date = '2026-11-10'",
    "UPDATE sale_lines SET pay_fen = 0",
    "DELETE FROM payments",
    "UPDATE payments SET amount_fen = 0",
  };
  AxwSale *s1;

  build_two_days (f, &s1);
  z = axw_reports_close_day (f->db.db, NULL, "王店长", close_at, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (z->from, ==, "2026-11-10");
  g_assert_cmpint (axw_db_query_int (f->db.db, "SELECT count (*) FROM sales WHERE z_id = 1", 0), ==,
                   2);
  for (guint i = 0; i < G_N_ELEMENTS (attacks); i++)
    {
      g_assert_false (axw_db_exec (f->db.db, attacks[i], &error));
      g_assert_nonnull (strstr (error->message, "closed"));
      g_clear_error (&error);
    }
  again = axw_reports_close_day (f->db.db, "2026-11-10", "王店长", close_at, &error);
  g_assert_null (again);
  g_assert_error (error, AXW_ERROR, AXW_ERROR_CONFLICT);
  g_clear_error (&error);

  /* a cashier cannot close; the future cannot be closed */
  g_assert_null (axw_reports_close_day (f->db.db, "2026-11-09", "小林", close_at, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_null (axw_reports_close_day (f->db.db, "2026-11-11", "王店长", close_at, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_INVALID);
  g_clear_error (&error);

  refund (f, s1, "2026-11-11T10:05:00+08:00", 0, 0);
  stored = axw_reports_z_json (f->db.db, 1, &error);
  g_assert_no_error (error);
  reprint = axw_reports_load_z (f->db.db, 0, &error);
  g_assert_no_error (error);
  rebuilt = axw_report_to_json (reprint);
  g_assert_cmpstr (rebuilt, ==, stored);
  g_assert_cmpint (axw_db_query_int (f->db.db,
                                     "SELECT count (*) FROM audit_log WHERE action = 'z_close'", 0),
                                     ==, 1);
}

/* Inserts into a closed day are refused by SQLite itself, not only by the
 * checkout's check: a sale dated that day, a line or a payment added to
 * one of its sales, a row moved into it. The same payment into an open
 * day's sale goes in. */
static void
test_z_refuses_inserts (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) close_at = at ("2026-11-10T22:00:00+08:00");
  g_autoptr(AxwReport) z = NULL;
  const char *attacks[] = {
    "INSERT INTO sales (uuid, receipt_no, kind, created_at, business_date, seq, shop, terminal, "
    "  staff_id, staff_name, gross_fen, promo_fen, net_fen, total_fen) "
    "SELECT 'late', 'late-1', 'sale', created_at, business_date, 99, shop, terminal, staff_id, "
    "  staff_name, 100, 0, 100, 100 FROM sales WHERE business_date = '2026-11-10' LIMIT 1",
    "INSERT INTO sale_lines (sale_id, line_no, barcode, name, qty_milli, unit_price_fen, "
    "gross_fen, "
    "  promo_fen, net_fen, aid_eligible, red_packet_fen, pay_fen) "
    "SELECT sale_id, 99, barcode, name, 1000, 100, 100, 0, 100, 0, 0, 100 FROM sale_lines LIMIT 1",
    "INSERT INTO payments (sale_id, seq, method, amount_fen) "
    "SELECT id, 99, 'cash', 100 FROM sales LIMIT 1",
    "UPDATE sales SET business_date = '2026-11-10', seq = seq + 100 "
    "  WHERE business_date = '2026-11-11'",
    "UPDATE payments SET sale_id = 1 "
    "  WHERE sale_id IN (SELECT id FROM sales WHERE business_date = '2026-11-11')",
    "UPDATE sale_lines SET sale_id = 1, line_no = line_no + 100 "
    "  WHERE sale_id IN (SELECT id FROM sales WHERE business_date = '2026-11-11')",
  };
  AxwSale *s1;

  build_two_days (f, &s1);
  z = axw_reports_close_day (f->db.db, NULL, "王店长", close_at, &error);
  g_assert_no_error (error);
  sell (f, "2026-11-11T11:30:00+08:00", "小林", NULL, "cash:2800", "6971234560025", (gint64) 0,
        NULL);
  for (guint i = 0; i < G_N_ELEMENTS (attacks); i++)
    {
      g_assert_false (axw_db_exec (f->db.db, attacks[i], &error));
      g_assert_nonnull (strstr (error->message, "closed day"));
      g_clear_error (&error);
    }
  g_assert_cmpint (axw_db_query_int (f->db.db, "SELECT count (*) FROM sales "
                                               "WHERE business_date = '2026-11-10'", 0), ==, 2);
  g_assert_true (axw_db_exec (f->db.db, "INSERT INTO payments (sale_id, seq, method, amount_fen) "
                                        "SELECT id, 99, 'cash', 100 FROM sales "
                                        "WHERE business_date = '2026-11-11'", &error));
  g_assert_no_error (error);
}

/* The manager window's list of closed days, and its question before closing. */
static void
test_z_list (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) close_at = at ("2026-11-10T22:00:00+08:00");
  g_autoptr(AxwReport) z = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const AxwZSummary *first;
  AxwSale *s1;

  list = axw_reports_z_list (f->db.db, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  build_two_days (f, &s1);
  g_assert_true (axw_reports_can_close_day (f->db.db, "2026-11-10", close_at, &error));
  g_assert_no_error (error);
  g_assert_false (axw_reports_can_close_day (f->db.db, "2026-11-11", close_at, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (axw_reports_can_close_day (f->db.db, "11/10", close_at, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_INVALID);
  g_clear_error (&error);

  z = axw_reports_close_day (f->db.db, "2026-11-10", "王店长", close_at, &error);
  g_assert_no_error (error);
  g_assert_false (axw_reports_can_close_day (f->db.db, "2026-11-10", close_at, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_CONFLICT);
  g_clear_error (&error);
  list = axw_reports_z_list (f->db.db, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  first = g_ptr_array_index (list, 0);
  g_assert_cmpint (first->number, ==, 1);
  g_assert_cmpstr (first->business_date, ==, "2026-11-10");
  g_assert_cmpstr (first->manager, ==, "王店长");
  g_assert_cmpint (first->sales_count, ==, z->sales_count);
  g_assert_cmpint (first->total_fen, ==, z->total_fen);
}

static void
test_shift_cash_drawer (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) t0 = at ("2026-11-10T08:00:00+08:00");
  g_autoptr(GDateTime) t1 = at ("2026-11-10T12:00:00+08:00");
  g_autoptr(GDateTime) t2 = at ("2026-11-10T18:00:00+08:00");
  g_autoptr(AxwShift) closed = NULL;
  g_autoptr(AxwReport) x = NULL;
  g_autoptr(AxwReport) after = NULL;
  AxwSale *s1;
  gint64 id;

  g_assert_null (axw_reports_x (f->db.db, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND);
  g_clear_error (&error);

  id = axw_shift_open (f->db.db, "小林", 20000, t0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (axw_shift_open (f->db.db, "小林", 100, t0, &error), ==, 0);
  g_assert_error (error, AXW_ERROR, AXW_ERROR_CONFLICT);
  g_clear_error (&error);

  build_two_days (f, &s1);   /* cash kept: 2800 + 790 */
  g_assert_true (axw_shift_cash (f->db.db, "王店长", 5000, "零钱", t1, &error));
  g_assert_true (axw_shift_cash (f->db.db, "王店长", -3000, "买水", t1, &error));
  g_assert_false (axw_shift_cash (f->db.db, "王店长", -100, "", t1, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_INVALID);
  g_clear_error (&error);
  refund (f, s1, "2026-11-10T16:00:00+08:00", 2, 0);   /* the bag: 1200 back */

  x = axw_reports_x (f->db.db, &error);
  g_assert_no_error (error);
  g_assert_true (x->has_cash_drawer);
  g_assert_cmpint (x->expected_cash_fen, ==, 20000 + 2000 + x->payments[AXW_PAY_CASH]);
  assert_matches_docs (f, x, "2026-11-10", "2026-11-10");

  /* 250 + 20×2 + 0.5 … counted; the drawer is short */
  g_assert_null (axw_shift_close (f->db.db, "小林", "100:2,3:1", t2, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_INVALID);
  g_clear_error (&error);
  closed = axw_shift_close (f->db.db, "小林", "100:2,20:2,5:1,0.5:3,0.1:1", t2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (closed->counted_fen, ==, 20000 + 4000 + 500 + 150 + 10);
  g_assert_cmpint (closed->expected_fen, ==, x->expected_cash_fen);
  g_assert_cmpstr (closed->count_json, ==, "{\"10000\":2,\"2000\":2,\"500\":1,\"50\":3,\"10\":1}");
  g_assert_cmpint (axw_shift_open_id (f->db.db, NULL), ==, 0);

  after = axw_reports_shift (f->db.db, id, &error);
  g_assert_no_error (error);
  g_assert_true (after->has_counted);
  g_assert_cmpint (after->counted_cash_fen - after->expected_cash_fen, ==,
                   24660 - x->expected_cash_fen);
}

/* Opened at the manager window for a cashier: audited in the manager's name. */
static void
test_shift_open_by (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) t0 = at ("2026-11-10T08:00:00+08:00");
  g_autoptr(AxwShift) s = NULL;
  gint64 id = axw_shift_open_by (f->db.db, "小林", 15000, "王店长", t0, &error);

  g_assert_no_error (error);
  s = axw_shift_load (f->db.db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (s->staff, ==, "小林");
  g_assert_cmpint (s->float_fen, ==, 15000);
  g_assert_cmpint (axw_db_query_int (f->db.db,
                                     "SELECT count (*) FROM audit_log WHERE action = 'shift_open' "
                                               "AND staff = '王店长' AND detail LIKE '%for 小林'",
                                               0), ==, 1);
}

static void
test_shift_refuses_unpaid (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) t0 = at ("2026-11-10T08:00:00+08:00");
  AxwSale *s1;

  g_assert_cmpint (axw_shift_open (f->db.db, "小林", 0, t0, &error), >, 0);
  build_two_days (f, &s1);
  /* a damaged document: its payment no longer covers its total */
  g_assert_true (axw_db_exec (f->db.db,
                              "UPDATE payments SET amount_fen = amount_fen - 1 WHERE seq = 1 "
                                        "AND sale_id = (SELECT min (id) FROM sales)", &error));
  g_assert_null (axw_shift_close (f->db.db, "小林", "100:1", t0, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_CONFLICT);
  g_assert_cmpint (axw_shift_open_id (f->db.db, NULL), >, 0);
}

static void
test_claim (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *expected = NULL;
  AxwSale *s1, *r1;

  build_two_days (f, &s1);
  r1 = refund (f, s1, "2026-11-11T10:05:00+08:00", 1, 1000);
  sell (f, "2026-11-11T11:30:00+08:00", "小林", "HB002", "alipay:780", "6971234560025", (gint64) 0,
        NULL);
  rows = axw_reports_claim (f->db.db, "市残联", "2026-11-01", "2026-11-30", &error);
  g_assert_no_error (error);
  csv = axw_claim_to_csv (rows);
  expected = g_strdup_printf ("code,receipt_no,date,campaign,amount,refund_of\r\n"
                              "HB001,%s,2026-11-10,惠民助残,10.00,\r\n"
                              "HB001,%s,2026-11-11,惠民助残,-5.00,%s\r\n"
                              "TOTAL,,,,5.00,\r\n", s1->receipt_no, r1->receipt_no, s1->receipt_no);
  g_assert_cmpstr (csv, ==, expected);
  pdf = axw_claim_render_pdf ("市残联", "2026-11-01", "2026-11-30", rows, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);
}

/* The printed report fits the paper: 32 columns on 58 mm, 48 on 80 mm. */
static void
test_paper_width (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwReport) r = NULL;
  g_autoptr(GBytes) pdf = NULL;
  AxwSale *s1;
  const int widths[] = { 32, 48 };

  build_two_days (f, &s1);
  r = axw_reports_range (f->db.db, "2026-11-01", "2026-11-30", &error);
  g_assert_no_error (error);
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      g_autoptr(GPtrArray) lines = axw_report_to_lines (r, widths[w], TRUE);

      for (guint i = 0; i < lines->len; i++)
        {
          const char *line = g_ptr_array_index (lines, i);

          g_assert_cmpint (axw_text_columns (line), <=, widths[w]);
          g_assert_null (strstr (line, "¥"));   /* paper uses ￥ U+FFE5 */
        }
    }
  pdf = axw_report_render_pdf (r, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (pdf), >, 1000);
}

/* A sale with a donation: @ask_fen (一元捐) or @round_to_fen (round-up). */
static AxwSale *
sell_donating (Fixture      *f,
               const char   *when,
               gint64        ask_fen,
               gint64        round_to_fen,
               AxwPayMethod  method,
               gint64        paid_fen,
               const char   *voucher,
               ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwCart) cart = axw_cart_new ();
  g_autoptr(GDateTime) t = at (when);
  AxwPayment pay = { method, paid_fen, paid_fen };
  const char *item;
  AxwSale *s;
  va_list ap;

  va_start (ap, voucher);
  while ((item = va_arg (ap, const char *)) != NULL)
    {
      g_autoptr(AxwLine) l = axw_checkout_item_from_scan (f->db.db, item, 0, &error);

      g_assert_no_error (error);
      axw_cart_add (cart, l);
    }
  va_end (ap);
  axw_cart_set_voucher_code (cart, voucher);
  axw_cart_set_donation (cart, "集美区助残爱心基金", ask_fen, round_to_fen);
  s = axw_checkout_commit (f->db.db, cart, t, "小林", &pay, 1, &error);
  g_assert_no_error (error);
  g_ptr_array_add (f->docs, s);
  return s;
}

static AxwReport *
checked_range (Fixture    *f,
               const char *from,
               const char *to)
{
  g_autoptr(GError) error = NULL;
  AxwReport *r = axw_reports_range (f->db.db, from, to, &error);

  g_assert_no_error (error);
  g_assert_true (axw_report_check_totals (r, &error));
  g_assert_no_error (error);
  return r;
}

/* docs/design.md §15: donations and charity goods are the fund's, apart
 * from revenue; every section still adds up on each day and over both,
 * a refund takes them back on its own day, and the donation book adds up
 * to the reports' donations. */
static void
test_donations (Fixture       *f,
                gconstpointer  data)
{
  static const char charity[] = "barcode,name,price,fund\n6971234560124,爱心帆布袋,12,集美区助残爱"
                                "心基金\n";
  static const struct { const char *from, *to; gint64 total, charity, donations,
    payments; } days[] = {
    /* 赤松茸 28 + bag 12 + ¥1; 藜麦粥 12.80 − red packet 10 = 2.80, rounded up to 3.00 */
    { "2026-11-10", "2026-11-10", 2800 + 280, 1200, 100 + 20, 4100 + 300 },
    /* the first sale refunded whole: goods, the bag and the ¥1 back */
    { "2026-11-11", "2026-11-11", -2800, -1200, -100, -4100 },
    { "2026-11-10", "2026-11-11", 280, 0, 20, 300 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwSale) back = NULL;
  g_autoptr(GDateTime) t = at ("2026-11-11T09:00:00+08:00");
  AxwSale *s1;

  g_assert_true (axw_funds_add (f->db.db, "集美区助残爱心基金", "集美区", NULL, &error));
  g_assert_true (axw_products_import_csv (f->db.db, charity, strlen (charity), FALSE, NULL,
                                          &error));
  g_assert_no_error (error);
  s1 = sell_donating (f, "2026-11-10T10:00:00+08:00", 100, 0, AXW_PAY_CASH, 5000, NULL,
                      "6971234560018", "6971234560124", NULL);
  g_assert_cmpint (s1->donation_fen, ==, 100);
  g_assert_cmpint (s1->change_fen, ==, 900);
  g_assert_cmpint (sell_donating (f, "2026-11-10T11:00:00+08:00", 0, 100, AXW_PAY_WECHAT, 300,
                                  "HB001", "6971234560025", NULL)->donation_fen, ==, 20);
  back = axw_sales_refund (f->db.db, s1->receipt_no, NULL, 0, "王店长", t, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->donation_fen, ==, 100);

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(AxwReport) r = checked_range (f, days[i].from, days[i].to);
      g_autoptr(GPtrArray) book = axw_reports_donation_book (f->db.db, "集美区助残爱心基金",
                                                             days[i].from, days[i].to, &error);
      gint64 paid = 0;

      g_test_message ("%s – %s", days[i].from, days[i].to);
      g_assert_no_error (error);
      for (int m = 0; m < AXW_REPORT_N_METHODS; m++)
        paid += r->payments[m];
      g_assert_cmpint (r->total_fen, ==, days[i].total);
      g_assert_cmpint (r->charity_fen, ==, days[i].charity);
      g_assert_cmpint (r->donation_fen, ==, days[i].donations);
      g_assert_cmpint (paid, ==, days[i].payments);
      g_assert_cmpint (axw_donation_book_total (book), ==, r->donation_fen);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  TEST ("/reports/range/two-days-refund-across-z", test_range_two_days);
  TEST ("/reports/range/empty-day", test_empty_day);
  TEST ("/reports/range/bad-dates", test_bad_range);
  TEST ("/reports/z/immutable", test_z_immutable);
  TEST ("/reports/z/refuses-inserts-into-closed-day", test_z_refuses_inserts);
  TEST ("/reports/z/list", test_z_list);
  TEST ("/reports/shift/cash-drawer", test_shift_cash_drawer);
  TEST ("/reports/shift/refuses-unpaid", test_shift_refuses_unpaid);
  TEST ("/reports/shift/open-by", test_shift_open_by);
  TEST ("/reports/claim/csv", test_claim);
  TEST ("/reports/paper-width", test_paper_width);
  TEST ("/reports/donations/apart-from-revenue", test_donations);
  return g_test_run ();
}
