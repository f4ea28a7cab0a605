/* fake-usb-printer.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fake-usb-printer.h"

#include <errno.h>
#include <sys/ioctl.h>
#include <linux/usbdevice_fs.h>
#include <string.h>

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
  static const guint8 maker[] = { 18, 3, 'X', 0, 'p', 0, 'r', 0, 'i', 0, 'n', 0, 't', 0, 'e', 0,
    'r', 0 };
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
      if (p->first_data_us == 0 && !(n == 3 && buf->data[0] == 0x10 && buf->data[1] == 0x04))
        p->first_data_us = g_get_monotonic_time ();
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
  g_autoptr(UMockdevIoctlData) urb_data = umockdev_ioctl_data_resolve (arg, 0,
                                                                       sizeof (struct usbdevfs_urb),
                                                                       NULL);
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
  g_autoptr(UMockdevIoctlData) d = umockdev_ioctl_data_resolve (arg, 0,
                                                                sizeof (struct usbdevfs_getdriver),
                                                                NULL);
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
  g_autoptr(UMockdevIoctlData) d = umockdev_ioctl_data_resolve (arg, 0,
                                                                sizeof (struct usbdevfs_ioctl),
                                                                NULL);
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

FakeUsbPrinter *
fake_usb_printer_new (void)
{
  static const guint8 ready[5] = { 0, 0x16, 0x12, 0, 0x12 };
  FakeUsbPrinter *f = g_new0 (FakeUsbPrinter, 1);
  g_autoptr(GError) error = NULL;

  g_mutex_init (&f->state.lock);
  f->state.out = g_byte_array_new ();
  f->state.answers = TRUE;
  f->state.driver_bound = TRUE;
  memcpy (f->state.status, ready, sizeof ready);
  f->testbed = umockdev_testbed_new ();
  f->handler = umockdev_ioctl_base_new ();
  g_signal_connect (f->handler, "handle-ioctl", G_CALLBACK (handle_ioctl), &f->state);
  g_assert_true (umockdev_testbed_attach_ioctl (f->testbed, DEVNODE, f->handler, &error));
  g_assert_no_error (error);
  g_assert_true (umockdev_testbed_add_from_string (f->testbed, PRINTER_SYSFS, &error));
  g_assert_no_error (error);
  return f;
}

void
fake_usb_printer_free (FakeUsbPrinter *f)
{
  g_clear_object (&f->handler);
  g_clear_object (&f->testbed);
  g_queue_clear_full (&f->state.done, g_object_unref);
  g_queue_clear_full (&f->state.discarded, g_object_unref);
  g_list_free_full (f->state.flying, g_object_unref);
  g_byte_array_unref (f->state.out);
  g_mutex_clear (&f->state.lock);
  g_free (f);
}
