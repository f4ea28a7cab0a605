/* bench-receipt.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From a committed sale to the first byte at the printer, through the real
 * print queue (claim the job, load the sale, lay out, encode, open, send):
 * on a loopback TCP printer in this process, and on a USB printer emulated
 * with umockdev (run under umockdev-wrapper). Also bytes per receipt.
 * Prints numbers; not a timed test.
 */
#include <string.h>

#include "axw-checkout.h"
#include "axw-print-queue.h"
#include "axw-products.h"
#include "axw-staff.h"
#include "fake-usb-printer.h"
#include "axw-test-lib.h"

#define N_SALES 200

#define PRODUCTS "barcode,plu,name,category,origin,price,unit,aid_eligible,stock\n" \
  "6971234560018,,赤松茸,干货,甘肃和政,28,piece,1,100000\n" \
  "6971234560025,,藜麦粥,冲调,甘肃和政,12.8,piece,1,100000\n" \
  "6971234560124,,爱心帆布袋（残疾人手工制作，大号）,手工艺,厦门,12,piece,0,100000\n" \
  ",1001,散装红枣,散装,,24.00,kg,1,100000\n"

typedef struct {
  GSocketListener *listener;
  GMutex           lock;
  GCond            cond;
  gint64           first_byte_us;
  gsize            bytes;
  gboolean         closed;
} Printer;

static gpointer
printer_thread (gpointer data)
{
  Printer *p = data;

  for (;;)
    {
      g_autoptr(GSocketConnection) conn = g_socket_listener_accept (p->listener, NULL, NULL, NULL);
      GInputStream *in;
      guint8 buf[16384];
      gssize n;
      gboolean first = TRUE;

      if (conn == NULL)
        return NULL;
      in = g_io_stream_get_input_stream (G_IO_STREAM (conn));
      while ((n = g_input_stream_read (in, buf, sizeof buf, NULL, NULL)) > 0)
        {
          g_mutex_lock (&p->lock);
          if (first)
            p->first_byte_us = g_get_monotonic_time ();
          first = FALSE;
          p->bytes += (gsize) n;
          g_mutex_unlock (&p->lock);
        }
      g_mutex_lock (&p->lock);
      p->closed = TRUE;
      g_cond_signal (&p->cond);
      g_mutex_unlock (&p->lock);
    }
}

static void
report (const char *what,
        GArray     *ms)
{
  g_print ("%-44s n=%-4u p50 %7.3f ms   p99 %7.3f ms\n", what, ms->len,
           axw_test_percentile (ms, 50), axw_test_percentile (ms, 99));
}

static AxwSale *
commit (AxwDb *db)
{
  static const struct { const char *code; gint64 qty; } items[] = {
    { "6971234560018", 2000 }, { "6971234560025", 1000 }, { "6971234560124", 1000 },
    { "1001", 1234 }, { "6971234560025", 3000 },
  };
  g_autoptr(AxwCart) cart = axw_cart_new ();
  g_autoptr(GDateTime) at = g_date_time_new_now_utc ();
  AxwPayment pay = { AXW_PAY_CASH, 0, 50000 };
  AxwSale *sale;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(AxwLine) l = axw_checkout_item_from_scan (db, items[i].code, items[i].qty, NULL);

      g_assert_nonnull (l);
      axw_cart_add (cart, l);
    }
  sale = axw_checkout_commit (db, cart, at, "小林", &pay, 1, NULL);
  g_assert_nonnull (sale);
  return sale;
}

/* The fake printer notes when the first receipt byte (after the status
 * queries) arrives. */
static void
bench_usb (AxwDb *db)
{
  FakeUsbPrinter *fake = fake_usb_printer_new ();
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) whole = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < N_SALES; i++)
    {
      g_autoptr(AxwSale) sale = commit (db);
      gint64 t0 = g_get_monotonic_time ();
      double ms;
      guint done = 0;

      g_assert_true (axw_print_queue_run (db, "usb", &done, NULL, NULL));
      g_assert_cmpuint (done, ==, 1);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (whole, ms);
      g_mutex_lock (&fake->state.lock);
      ms = (fake->state.first_data_us - t0) / 1000.0;
      fake->state.first_data_us = 0;
      g_byte_array_set_size (fake->state.out, 0);
      g_mutex_unlock (&fake->state.lock);
      g_array_append_val (first, ms);
    }
  report ("commit to first receipt byte (USB, umockdev)", first);
  report ("commit to last byte (USB, umockdev)", whole);
  fake_usb_printer_free (fake);
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("axw-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "shop.db", NULL);
  g_autoptr(AxwDb) db = axw_db_open (path, NULL);
  g_autoptr(GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) addr = g_inet_socket_address_new (lo, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) render = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *target = NULL;
  Printer p = { 0 };
  gsize bytes_58 = 0, bytes_80 = 0;

  g_assert_true (axw_products_import_csv (db, PRODUCTS, strlen (PRODUCTS), FALSE, NULL, NULL));
  g_assert_cmpint (axw_staff_add (db, "小林", FALSE, "1234", NULL), >, 0);
  p.listener = g_socket_listener_new ();
  g_mutex_init (&p.lock);
  g_cond_init (&p.cond);
  g_assert_true (g_socket_listener_add_address (p.listener, addr, G_SOCKET_TYPE_STREAM,
                                                G_SOCKET_PROTOCOL_TCP, NULL, &bound, NULL));
  target = g_strdup_printf ("tcp://127.0.0.1:%u",
                            g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_thread_unref (g_thread_new ("printer", printer_thread, &p));

  for (guint i = 0; i < N_SALES; i++)
    {
      g_autoptr(AxwSale) sale = commit (db);
      g_autoptr(GBytes) b58 = NULL, b80 = NULL;
      gint64 t0 = g_get_monotonic_time (), t1;
      double ms;
      guint done = 0;

      g_assert_true (axw_print_queue_run (db, target, &done, NULL, NULL));
      g_assert_cmpuint (done, ==, 1);
      g_mutex_lock (&p.lock);
      while (!p.closed)
        g_cond_wait (&p.cond, &p.lock);
      ms = (p.first_byte_us - t0) / 1000.0;
      p.closed = FALSE;
      g_mutex_unlock (&p.lock);
      g_array_append_val (first, ms);

      t1 = g_get_monotonic_time ();
      b58 = axw_print_queue_render (db, sale->id, 58, NULL);
      ms = (g_get_monotonic_time () - t1) / 1000.0;
      g_array_append_val (render, ms);
      b80 = axw_print_queue_render (db, sale->id, 80, NULL);
      bytes_58 = g_bytes_get_size (b58);
      bytes_80 = g_bytes_get_size (b80);
    }
  report ("commit to first byte (TCP loopback)", first);
  report ("load + layout + encode (58 mm)", render);
  g_print ("bytes per 5-line cash receipt: 58 mm %zu, 80 mm %zu (all to the printer: %zu)\n",
           bytes_58, bytes_80, p.bytes);
  g_socket_listener_close (p.listener);
  bench_usb (db);
  return 0;
}
