/* test-usb-printer.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The libusb path against a USB receipt printer emulated with umockdev
 * (fake-usb-printer.c). Runs under umockdev-wrapper.
 */
#include <string.h>

#include "axw-db-sql.h"
#include "axw-checkout.h"
#include "axw-sales.h"
#include "axw-escpos.h"
#include "axw-print-queue.h"
#include "axw-printer.h"
#include "axw-products.h"
#include "axw-staff.h"
#include "axw-test-lib.h"
#include "axw-usb-printer.h"
#include "fake-usb-printer.h"

typedef struct {
  FakeUsbPrinter *fake;
  DbFixture       db;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  f->fake = fake_usb_printer_new ();
  db_fixture_setup (&f->db, data);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  db_fixture_teardown (&f->db, data);
  g_clear_pointer (&f->fake, fake_usb_printer_free);
}

static GBytes *
receipt_bytes (void)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  static const guint8 head[] = { 0x1B, 0x40, 0x1C, 0x26 };

  g_byte_array_append (out, head, sizeof head);
  for (guint i = 0; i < 600; i++)
    axw_escpos_append_text (out, "爱心屋 ￥12.50 赤松茸 ×2\n", NULL);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static const guint8 status_queries[] = { 0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 4 };

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = axw_usb_printer_list (&error);
  AxwUsbPrinterInfo *info;

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  info = list->pdata[0];
  g_assert_cmphex (info->vendor_id, ==, 0x0416);
  g_assert_cmphex (info->product_id, ==, 0x5011);
  g_assert_cmpuint (info->bus, ==, 1);
  g_assert_cmpuint (info->address, ==, 5);
  g_assert_cmpuint (info->protocol, ==, 2);
  g_assert_cmpstr (info->description, ==, "Xprinter XP-58");
}

static void
test_exact_bytes (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = receipt_bytes ();
  gsize len;
  const guint8 *sent = g_bytes_get_data (bytes, &len);

  g_assert_cmpuint (len, >, 3 * 4096);   /* several chunks */
  g_assert_true (axw_printer_send ("usb:0416:5011", bytes, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->fake->state.out->len, ==, sizeof status_queries + len);
  g_assert_cmpmem (f->fake->state.out->data, sizeof status_queries, status_queries,
                   sizeof status_queries);
  g_assert_cmpmem (f->fake->state.out->data + sizeof status_queries, len, sent, len);
  g_assert_cmpuint (f->fake->state.detached, ==, 1);
  g_assert_cmpuint (f->fake->state.attached, ==, 1);
  g_assert_true (f->fake->state.driver_bound);
}

/* A printer that takes part of each transfer: the rest follows, in order. */
static void
test_partial_writes (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = receipt_bytes ();
  g_autoptr(AxwUsbPrinter) printer = NULL;
  gsize len;
  const guint8 *sent = g_bytes_get_data (bytes, &len);

  f->fake->state.max_per_urb = 1000;
  printer = axw_usb_printer_open (0, 0, &error);
  g_assert_no_error (error);
  g_assert_true (axw_usb_printer_write (printer, sent, len, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (f->fake->state.out->data, f->fake->state.out->len, sent, len);
}

static void
test_never_answers (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = receipt_bytes ();
  g_autoptr(AxwUsbPrinter) printer = NULL;
  gint64 start;

  f->fake->state.answers = FALSE;
  printer = axw_usb_printer_open (0, 0, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  g_assert_cmpint (axw_usb_printer_status (printer, &error), ==, AXW_PRINTER_STATUS_UNKNOWN);
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_clear_pointer (&printer, axw_usb_printer_close);

  g_byte_array_set_size (f->fake->state.out, 0);
  g_assert_true (axw_printer_send ("usb", bytes, NULL, &error));
  g_assert_no_error (error);
  /* Asked once, no answer: status unknown, the receipt printed anyway. */
  g_assert_cmpuint (f->fake->state.out->len, ==, 3 + g_bytes_get_size (bytes));
}

static void
test_paper_out (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = receipt_bytes ();
  g_autoptr(AxwUsbPrinter) printer = NULL;

  f->fake->state.status[2] = 0x12 | 0x20;
  printer = axw_usb_printer_open (0x0416, 0x5011, &error);
  g_assert_cmpint (axw_usb_printer_status (printer, &error), ==, AXW_PRINTER_STATUS_PAPER_OUT);
  g_assert_no_error (error);
  g_clear_pointer (&printer, axw_usb_printer_close);

  g_byte_array_set_size (f->fake->state.out, 0);
  g_assert_false (axw_printer_send ("usb", bytes, NULL, &error));
  g_assert_error (error, AXW_PRINTER_ERROR, AXW_PRINTER_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "paper out"));
  g_assert_cmpuint (f->fake->state.out->len, ==, 6);   /* asked, nothing printed */
}

static void
test_busy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = receipt_bytes ();

  f->fake->state.busy = TRUE;
  g_assert_false (axw_printer_send ("usb", bytes, NULL, &error));
  g_assert_error (error, AXW_PRINTER_ERROR, AXW_PRINTER_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "in use by another program"));
  g_assert_cmpuint (f->fake->state.out->len, ==, 0);
}

static void
test_not_found (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = receipt_bytes ();

  g_assert_false (axw_printer_send ("usb:04b8:0202", bytes, NULL, &error));
  g_assert_error (error, AXW_PRINTER_ERROR, AXW_PRINTER_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "No USB printer 04b8:0202"));
}

#define PRODUCTS "barcode,plu,name,category,origin,price,unit,aid_eligible,stock\n" \
  "6971234560018,,赤松茸,干货,甘肃和政,28,piece,1,50\n"

static AxwSale *
commit_sale (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwCart) cart = axw_cart_new ();
  g_autoptr(AxwLine) l = NULL;
  g_autoptr(GDateTime) at = g_date_time_new_now_utc ();
  AxwPayment pay = { AXW_PAY_CASH, 0, 10000 };
  AxwSale *sale;

  g_assert_true (axw_products_import_csv (f->db.db, PRODUCTS, strlen (PRODUCTS), FALSE, NULL,
                                          &error));
  g_assert_cmpint (axw_staff_add (f->db.db, "小林", FALSE, "1234", &error), >, 0);
  l = axw_checkout_item_from_scan (f->db.db, "6971234560018", 2000, &error);
  axw_cart_add (cart, l);
  sale = axw_checkout_commit (f->db.db, cart, at, "小林", &pay, 1, &error);
  g_assert_no_error (error);
  return sale;
}

static void
test_removed_mid_job (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwSale) sale = commit_sale (f);
  g_autoptr(AxwSale) again = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  AxwPrintJob *job;
  guint failed = 0;

  f->fake->state.vanish_after = 100;
  g_assert_true (axw_print_queue_run (f->db.db, "usb", NULL, &failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (failed, ==, 1);
  jobs = axw_print_queue_list (f->db.db, TRUE, &error);
  g_assert_cmpuint (jobs->len, ==, 1);
  job = jobs->pdata[0];
  g_assert_cmpstr (job->status, ==, "failed");
  g_assert_nonnull (strstr (job->last_error, "unplugged"));
  again = axw_sales_load_by_id (f->db.db, sale->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->receipt_no, ==, sale->receipt_no);
  g_assert_cmpint (again->total_fen, ==, sale->total_fen);

  /* Plugged in again: the kept job prints on retry. */
  f->fake->state.gone = FALSE;
  f->fake->state.vanish_after = 0;
  g_byte_array_set_size (f->fake->state.out, 0);
  g_assert_true (axw_print_queue_retry (f->db.db, job->id, &error));
  g_assert_true (axw_print_queue_run (f->db.db, "usb", NULL, &failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (failed, ==, 0);
  g_assert_cmpint (axw_db_query_int (f->db.db,
                                     "SELECT count(*) FROM print_jobs WHERE status = 'done'", 0),
                                     ==, 1);
  g_assert_cmpuint (f->fake->state.out->len, >, 1000);
}

#define TEST(path, fn) g_test_add (path, Fixture, NULL, setup, fn, teardown)

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  TEST ("/usb-printer/list", test_list);
  TEST ("/usb-printer/exact-bytes", test_exact_bytes);
  TEST ("/usb-printer/partial-writes", test_partial_writes);
  TEST ("/usb-printer/never-answers", test_never_answers);
  TEST ("/usb-printer/paper-out", test_paper_out);
  TEST ("/usb-printer/busy", test_busy);
  TEST ("/usb-printer/not-found", test_not_found);
  TEST ("/usb-printer/removed-mid-job", test_removed_mid_job);
  return g_test_run ();
}
