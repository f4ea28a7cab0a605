/* test-usb-printer.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The libusb path against a USB receipt printer emulated with umockdev
 * (HARDWARE.md). Runs under umockdev-wrapper. The fake printer answers the
 * usbfs ioctls libusb makes: it keeps every byte sent to it, answers DLE
 * EOT (or never does), can be held by another driver, or vanish mid-job.
 */
#include <errno.h>
#include <sys/ioctl.h>
#include <linux/usbdevice_fs.h>
#include <string.h>
#include <umockdev.h>

#include "axw-checkout.h"
#include "axw-escpos.h"
#include "axw-print-queue.h"
#include "axw-printer.h"
#include "axw-products.h"
#include "axw-staff.h"
#include "axw-test-util.h"
#include "axw-usb-printer.h"

#define DEVNODE "/dev/bus/usb/001/005"

/* Xprinter-like: 0416:5011, one printer interface (class 7/1/2), bulk OUT
 * 0x01 and bulk IN 0x82, strings 1 and 2. */
#define PRINTER_SYSFS \
  "P: /devices/pci0000:00/0000:00:14.0/usb1/1-3\n" \
  "N: bus/usb/001/005\n" \
  "E: SUBSYSTEM=usb\n" \
  "E: DEVNAME=/dev/bus/usb/001/005\n" \
  "E: DEVTYPE=usb_device\n" \
  "E: DRIVER=usb\n" \
  "E: BUSNUM=001\n" \
  "E: DEVNUM=005\n" \
  "E: ID_USB_INTERFACES=:070102:\n" \
  "A: busnum=1\\n\n" \
  "A: devnum=5\\n\n" \
  "A: bConfigurationValue=1\\n\n" \
  "A: speed=12\\n\n" \
  "H: descriptors=12010002000000401604115000010102000109022000010100C032" \
  "0904000002070102000705010240000007058202400000\n"

typedef struct {
  GMutex      lock;
  GByteArray *out;            /* every byte sent to the printer */
  GQueue      done;           /* URBs ready to reap */
  GList      *flying;         /* IN URBs waiting for an answer */
  GQueue      discarded;
  gboolean    answers;        /* a two-way printer that answers DLE EOT */
  guint8      status[5];      /* reply to 10 04 n */
  gboolean    busy;           /* another program holds the interface */
  gsize       vanish_after;   /* 0: never unplugged */
  gsize       max_per_urb;    /* 0: takes whole transfers */
  gboolean    gone;
  gboolean    driver_bound;   /* usblp */
  guint       detached;
  guint       attached;
} FakePrinter;

typedef struct {
  UMockdevTestbed   *testbed;
  UMockdevIoctlBase *handler;
  FakePrinter        printer;
  DbFixture          db;
} Fixture;

static void
complete_urb (FakePrinter       *p,
              UMockdevIoctlData *urb_data)
{
  g_queue_push_tail (&p->done, g_object_ref (urb_data));
}

static const guint8 *
string_descriptor (guint index,
                   gsize *len)
{
  static const guint8 langs[] = { 4, 3, 0x09, 0x04 };
  static const guint8 maker[] = { 18, 3, 'X', 0, 'p', 0, 'r', 0, 'i', 0, 'n', 0, 't', 0, 'e', 0, 'r', 0 };
  static const guint8 model[] = { 12, 3, 'X', 0, 'P', 0, '-', 0, '5', 0, '8', 0 };

  *len = index == 0 ? sizeof langs : index == 1 ? sizeof maker : sizeof model;
  return index == 0 ? langs : index == 1 ? maker : model;
}

static void
submit_control (FakePrinter         *p,
                UMockdevIoctlData   *urb_data,
                struct usbdevfs_urb *urb,
                UMockdevIoctlData   *buf)
{
  gsize len = 0;
  const guint8 *reply;
  guint8 *setup = buf->data;

  urb->status = 0;
  urb->actual_length = 0;
  if (setup[0] == 0x80 && setup[1] == 0x06 && setup[3] == 3)
    {
      reply = string_descriptor (setup[2], &len);
      len = MIN (len, (gsize) urb->buffer_length - 8);
      memcpy (buf->data + 8, reply, len);
      urb->actual_length = (int) len;
    }
  else
    urb->status = -EPIPE;
  complete_urb (p, urb_data);
}

static void
submit_bulk (FakePrinter         *p,
             UMockdevIoctlData   *urb_data,
             struct usbdevfs_urb *urb,
             UMockdevIoctlData   *buf)
{
  if (urb->endpoint & 0x80)
    {
      const guint8 *last = p->out->len >= 3 ? p->out->data + p->out->len - 3 : NULL;

      if (!p->answers || last == NULL || last[0] != 0x10 || last[1] != 0x04 || last[2] > 4)
        {
          p->flying = g_list_append (p->flying, g_object_ref (urb_data));
          return;
        }
      buf->data[0] = p->status[last[2]];
      urb->actual_length = 1;
    }
  else
    {
      gsize n = (gsize) urb->buffer_length;

      if (p->max_per_urb > 0)
        n = MIN (n, p->max_per_urb);
      g_byte_array_append (p->out, buf->data, (guint) n);
      urb->actual_length = (int) n;
    }
  urb->status = 0;
  complete_urb (p, urb_data);
}

static gboolean
submit_urb (FakePrinter         *p,
            UMockdevIoctlClient *client,
            UMockdevIoctlData   *arg)
{
  g_autoptr(UMockdevIoctlData) urb_data = umockdev_ioctl_data_resolve (arg, 0, sizeof (struct usbdevfs_urb), NULL);
  struct usbdevfs_urb *urb = (struct usbdevfs_urb *) urb_data->data;
  g_autoptr(UMockdevIoctlData) buf = umockdev_ioctl_data_resolve (urb_data,
                                                                  G_STRUCT_OFFSET (struct usbdevfs_urb, buffer),
                                                                  (gsize) urb->buffer_length, NULL);

  if (p->vanish_after > 0 && p->out->len >= p->vanish_after)
    p->gone = TRUE;
  if (p->gone)
    {
      umockdev_ioctl_client_complete (client, -1, ENODEV);
      return TRUE;
    }
  if (urb->type == USBDEVFS_URB_TYPE_CONTROL)
    submit_control (p, urb_data, urb, buf);
  else if (urb->type == USBDEVFS_URB_TYPE_BULK)
    submit_bulk (p, urb_data, urb, buf);
  else
    return FALSE;
  umockdev_ioctl_client_complete (client, 0, 0);
  return TRUE;
}

static gboolean
reap_urb (FakePrinter         *p,
          UMockdevIoctlClient *client,
          UMockdevIoctlData   *arg)
{
  g_autoptr(UMockdevIoctlData) urb_data = g_queue_pop_head (&p->done);
  g_autoptr(UMockdevIoctlData) ptr = NULL;

  if (urb_data == NULL && (urb_data = g_queue_pop_head (&p->discarded)) != NULL)
    ((struct usbdevfs_urb *) urb_data->data)->status = -ENOENT;
  if (urb_data == NULL)
    {
      umockdev_ioctl_client_complete (client, -1, p->gone ? ENODEV : EAGAIN);
      return TRUE;
    }
  ptr = umockdev_ioctl_data_resolve (arg, 0, sizeof (gpointer), NULL);
  umockdev_ioctl_data_set_ptr (ptr, 0, urb_data);
  umockdev_ioctl_client_complete (client, 0, 0);
  return TRUE;
}

static gint
by_client_addr (gconstpointer data,
                gconstpointer addr)
{
  return ((const UMockdevIoctlData *) data)->client_addr != (gulong) addr;
}

static gboolean
discard_urb (FakePrinter         *p,
             UMockdevIoctlClient *client,
             UMockdevIoctlData   *arg)
{
  GList *l = g_list_find_custom (p->flying, *(void **) arg->data, by_client_addr);

  if (l == NULL)
    {
      umockdev_ioctl_client_complete (client, -1, EINVAL);
      return TRUE;
    }
  g_queue_push_tail (&p->discarded, l->data);
  p->flying = g_list_delete_link (p->flying, l);
  umockdev_ioctl_client_complete (client, 0, 0);
  return TRUE;
}

static gboolean
get_driver (FakePrinter         *p,
            UMockdevIoctlClient *client,
            UMockdevIoctlData   *arg)
{
  g_autoptr(UMockdevIoctlData) d = umockdev_ioctl_data_resolve (arg, 0, sizeof (struct usbdevfs_getdriver), NULL);
  struct usbdevfs_getdriver *gd = (struct usbdevfs_getdriver *) d->data;

  if (!p->driver_bound)
    {
      umockdev_ioctl_client_complete (client, -1, ENODATA);
      return TRUE;
    }
  g_strlcpy (gd->driver, "usblp", sizeof gd->driver);
  umockdev_ioctl_client_complete (client, 0, 0);
  return TRUE;
}

static gboolean
driver_ioctl (FakePrinter         *p,
              UMockdevIoctlClient *client,
              UMockdevIoctlData   *arg)
{
  g_autoptr(UMockdevIoctlData) d = umockdev_ioctl_data_resolve (arg, 0, sizeof (struct usbdevfs_ioctl), NULL);
  struct usbdevfs_ioctl *cmd = (struct usbdevfs_ioctl *) d->data;

  if (cmd->ioctl_code == (int) USBDEVFS_DISCONNECT)
    p->driver_bound = FALSE, p->detached++;
  else if (cmd->ioctl_code == (int) USBDEVFS_CONNECT)
    p->driver_bound = TRUE, p->attached++;
  else
    return FALSE;
  umockdev_ioctl_client_complete (client, 0, 0);
  return TRUE;
}

/* Runs in umockdev's worker thread. */
static gboolean
handle_ioctl (UMockdevIoctlBase   *handler,
              UMockdevIoctlClient *client,
              FakePrinter         *p)
{
  gulong request = umockdev_ioctl_client_get_request (client);
  UMockdevIoctlData *arg = umockdev_ioctl_client_get_arg (client);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&p->lock);
  g_autoptr(UMockdevIoctlData) caps = NULL;

  switch (request)
    {
    case USBDEVFS_GET_CAPABILITIES:
      caps = umockdev_ioctl_data_resolve (arg, 0, sizeof (guint32), NULL);
      *(guint32 *) caps->data = USBDEVFS_CAP_BULK_CONTINUATION | USBDEVFS_CAP_NO_PACKET_SIZE_LIM;
      umockdev_ioctl_client_complete (client, 0, 0);
      return TRUE;
    case USBDEVFS_CLAIMINTERFACE:
      if (p->busy || p->driver_bound)
        umockdev_ioctl_client_complete (client, -1, EBUSY);
      else
        umockdev_ioctl_client_complete (client, 0, 0);
      return TRUE;
    case USBDEVFS_RELEASEINTERFACE:
    case USBDEVFS_CLEAR_HALT:
    case USBDEVFS_RESET:
      umockdev_ioctl_client_complete (client, 0, 0);
      return TRUE;
    case USBDEVFS_GETDRIVER:
      return get_driver (p, client, arg);
    case USBDEVFS_IOCTL:
      return driver_ioctl (p, client, arg);
    case USBDEVFS_SUBMITURB:
      return submit_urb (p, client, arg);
    case USBDEVFS_REAPURB:
    case USBDEVFS_REAPURBNDELAY:
      return reap_urb (p, client, arg);
    case USBDEVFS_DISCARDURB:
      return discard_urb (p, client, arg);
    default:
      return FALSE;
    }
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  static const guint8 ready[5] = { 0, 0x16, 0x12, 0, 0x12 };

  g_mutex_init (&f->printer.lock);
  f->printer.out = g_byte_array_new ();
  f->printer.answers = TRUE;
  f->printer.driver_bound = TRUE;
  memcpy (f->printer.status, ready, sizeof ready);
  f->testbed = umockdev_testbed_new ();
  f->handler = umockdev_ioctl_base_new ();
  g_signal_connect (f->handler, "handle-ioctl", G_CALLBACK (handle_ioctl), &f->printer);
  g_assert_true (umockdev_testbed_attach_ioctl (f->testbed, DEVNODE, f->handler, &error));
  g_assert_no_error (error);
  g_assert_true (umockdev_testbed_add_from_string (f->testbed, PRINTER_SYSFS, &error));
  g_assert_no_error (error);
  db_fixture_setup (&f->db, data);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  db_fixture_teardown (&f->db, data);
  g_clear_object (&f->handler);
  g_clear_object (&f->testbed);
  g_queue_clear_full (&f->printer.done, g_object_unref);
  g_queue_clear_full (&f->printer.discarded, g_object_unref);
  g_list_free_full (f->printer.flying, g_object_unref);
  g_byte_array_unref (f->printer.out);
  g_mutex_clear (&f->printer.lock);
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
  g_assert_cmpuint (f->printer.out->len, ==, sizeof status_queries + len);
  g_assert_cmpmem (f->printer.out->data, sizeof status_queries, status_queries, sizeof status_queries);
  g_assert_cmpmem (f->printer.out->data + sizeof status_queries, len, sent, len);
  g_assert_cmpuint (f->printer.detached, ==, 1);
  g_assert_cmpuint (f->printer.attached, ==, 1);
  g_assert_true (f->printer.driver_bound);
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

  f->printer.max_per_urb = 1000;
  printer = axw_usb_printer_open (0, 0, &error);
  g_assert_no_error (error);
  g_assert_true (axw_usb_printer_write (printer, sent, len, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (f->printer.out->data, f->printer.out->len, sent, len);
}

static void
test_never_answers (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = receipt_bytes ();
  g_autoptr(AxwUsbPrinter) printer = NULL;
  gint64 start;

  f->printer.answers = FALSE;
  printer = axw_usb_printer_open (0, 0, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  g_assert_cmpint (axw_usb_printer_status (printer, &error), ==, AXW_PRINTER_STATUS_UNKNOWN);
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_clear_pointer (&printer, axw_usb_printer_close);

  g_byte_array_set_size (f->printer.out, 0);
  g_assert_true (axw_printer_send ("usb", bytes, NULL, &error));
  g_assert_no_error (error);
  /* Asked once, no answer: status unknown, the receipt printed anyway. */
  g_assert_cmpuint (f->printer.out->len, ==, 3 + g_bytes_get_size (bytes));
}

static void
test_paper_out (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = receipt_bytes ();
  g_autoptr(AxwUsbPrinter) printer = NULL;

  f->printer.status[2] = 0x12 | 0x20;
  printer = axw_usb_printer_open (0x0416, 0x5011, &error);
  g_assert_cmpint (axw_usb_printer_status (printer, &error), ==, AXW_PRINTER_STATUS_PAPER_OUT);
  g_assert_no_error (error);
  g_clear_pointer (&printer, axw_usb_printer_close);

  g_byte_array_set_size (f->printer.out, 0);
  g_assert_false (axw_printer_send ("usb", bytes, NULL, &error));
  g_assert_error (error, AXW_PRINTER_ERROR, AXW_PRINTER_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "paper out"));
  g_assert_cmpuint (f->printer.out->len, ==, 6);   /* asked, nothing printed */
}

static void
test_busy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = receipt_bytes ();

  f->printer.busy = TRUE;
  g_assert_false (axw_printer_send ("usb", bytes, NULL, &error));
  g_assert_error (error, AXW_PRINTER_ERROR, AXW_PRINTER_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "in use by another program"));
  g_assert_cmpuint (f->printer.out->len, ==, 0);
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

  f->printer.vanish_after = 100;
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
  f->printer.gone = FALSE;
  f->printer.vanish_after = 0;
  g_byte_array_set_size (f->printer.out, 0);
  g_assert_true (axw_print_queue_retry (f->db.db, job->id, &error));
  g_assert_true (axw_print_queue_run (f->db.db, "usb", NULL, &failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (failed, ==, 0);
  g_assert_cmpint (axw_db_query_int (f->db.db, "SELECT count(*) FROM print_jobs WHERE status = 'done'", 0), ==, 1);
  g_assert_cmpuint (f->printer.out->len, >, 1000);
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
