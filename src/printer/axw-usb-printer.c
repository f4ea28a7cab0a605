/* axw-usb-printer.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include "axw-usb-printer.h"

#include <libusb.h>

#include "axw-escpos.h"

#define PRINTER_CLASS 7
#define CHUNK 4096
#define WRITE_TIMEOUT_MS 2000
#define STATUS_TIMEOUT_MS 300
/* A printer busy feeding paper may take a few timeouts before it accepts more. */
#define MAX_STALLS 5

struct _AxwUsbPrinter {
  libusb_context       *ctx;
  libusb_device_handle *handle;
  int                   interface;
  guint8                ep_out;
  guint8                ep_in;       /* 0: one-way printer */
  gboolean              reattach;
};

const char *
axw_printer_status_describe (AxwPrinterStatus status)
{
  switch (status)
    {
    case AXW_PRINTER_STATUS_READY: return _("ready");
    case AXW_PRINTER_STATUS_OFFLINE: return _("offline");
    case AXW_PRINTER_STATUS_COVER_OPEN: return _("cover open");
    case AXW_PRINTER_STATUS_PAPER_OUT: return _("paper out");
    case AXW_PRINTER_STATUS_PAPER_NEAR_END: return _("paper near its end");
    case AXW_PRINTER_STATUS_UNKNOWN:
    default: return _("status unknown");
    }
}

void
axw_usb_printer_info_free (AxwUsbPrinterInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->description);
  g_free (info);
}

/* Plain words for what a cashier can do about it. */
static gboolean
set_usb_error (GError    **error,
               int         rc,
               const char *doing)
{
  switch (rc)
    {
    case LIBUSB_ERROR_ACCESS:
      g_set_error (error, AXW_PRINTER_ERROR, AXW_PRINTER_ERROR_PERMISSION,
                   _("No permission to use the USB printer (%s). Install "
                     "data/70-aixinwu-printer.rules "
                   "into /etc/udev/rules.d and plug the printer in again."), doing);
      break;
    case LIBUSB_ERROR_BUSY:
      g_set_error (error, AXW_PRINTER_ERROR, AXW_PRINTER_ERROR_BUSY,
                   _("The USB printer is in use by another program (%s), for example the system "
                   "print service. Close it, or remove the printer from the system printers."),
                   doing);
      break;
    case LIBUSB_ERROR_NO_DEVICE:
      g_set_error (error, AXW_PRINTER_ERROR, AXW_PRINTER_ERROR_UNPLUGGED,
                   _("The USB printer was unplugged (%s). Plug it in and print again."), doing);
      break;
    case LIBUSB_ERROR_TIMEOUT:
      g_set_error (error, AXW_PRINTER_ERROR, AXW_PRINTER_ERROR_TIMEOUT,
                   _("The USB printer stopped accepting data (%s). Check paper and cover, "
                   "then print again."), doing);
      break;
    default:
      g_set_error (error, AXW_PRINTER_ERROR, AXW_PRINTER_ERROR_IO,
                   _("The USB printer failed (%s): %s."), doing, libusb_strerror (rc));
      break;
    }
  return FALSE;
}

/* The first printer-class interface with a bulk OUT endpoint. */
static gboolean
find_interface (libusb_device *dev,
                int           *out_interface,
                guint8        *out_ep_out,
                guint8        *out_ep_in,
                guint8        *out_protocol)
{
  struct libusb_config_descriptor *config = NULL;
  gboolean found = FALSE;

  if (libusb_get_active_config_descriptor (dev, &config) != 0 &&
      libusb_get_config_descriptor (dev, 0, &config) != 0)
    return FALSE;
  for (int i = 0; i < config->bNumInterfaces && !found; i++)
    for (int a = 0; a < config->interface[i].num_altsetting && !found; a++)
      {
        const struct libusb_interface_descriptor *alt = &config->interface[i].altsetting[a];
        guint8 ep_out = 0, ep_in = 0;

        if (alt->bInterfaceClass != PRINTER_CLASS)
          continue;
        for (int e = 0; e < alt->bNumEndpoints; e++)
          {
            const struct libusb_endpoint_descriptor *ep = &alt->endpoint[e];

            if ((ep->bmAttributes & LIBUSB_TRANSFER_TYPE_MASK) != LIBUSB_TRANSFER_TYPE_BULK)
              continue;
            if (ep->bEndpointAddress & LIBUSB_ENDPOINT_IN)
              ep_in = ep_in ? ep_in : ep->bEndpointAddress;
            else
              ep_out = ep_out ? ep_out : ep->bEndpointAddress;
          }
        if (ep_out == 0)
          continue;
        *out_interface = alt->bInterfaceNumber;
        *out_ep_out = ep_out;
        *out_ep_in = alt->bInterfaceProtocol >= 2 ? ep_in : 0;
        *out_protocol = alt->bInterfaceProtocol;
        found = TRUE;
      }
  libusb_free_config_descriptor (config);
  return found;
}

static char *
describe (libusb_device                   *dev,
          const struct libusb_device_descriptor *desc)
{
  libusb_device_handle *h = NULL;
  unsigned char maker[128] = "", product[128] = "";

  if (libusb_open (dev, &h) == 0)
    {
      if (desc->iManufacturer)
        libusb_get_string_descriptor_ascii (h, desc->iManufacturer, maker, sizeof maker);
      if (desc->iProduct)
        libusb_get_string_descriptor_ascii (h, desc->iProduct, product, sizeof product);
      libusb_close (h);
    }
  return g_strstrip (g_strdup_printf ("%s %s", maker, product));
}

static gboolean
init_context (libusb_context **ctx,
              GError         **error)
{
  int rc = libusb_init (ctx);

  if (rc != 0)
    return set_usb_error (error, rc, _("starting USB"));
  return TRUE;
}

/**
 * axw_usb_printer_list:
 *
 * Returns: (transfer full) (element-type AxwUsbPrinterInfo): printers found
 *   by their printer-class interface
 */
GPtrArray *
axw_usb_printer_list (GError **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) axw_usb_printer_info_free);
  libusb_context *ctx = NULL;
  libusb_device **devs = NULL;
  ssize_t n;

  if (!init_context (&ctx, error))
    return NULL;
  n = libusb_get_device_list (ctx, &devs);
  for (ssize_t i = 0; i < n; i++)
    {
      struct libusb_device_descriptor desc;
      AxwUsbPrinterInfo *info;
      int iface;
      guint8 ep_out, ep_in, protocol;

      if (libusb_get_device_descriptor (devs[i], &desc) != 0 ||
          !find_interface (devs[i], &iface, &ep_out, &ep_in, &protocol))
        continue;
      info = g_new0 (AxwUsbPrinterInfo, 1);
      info->vendor_id = desc.idVendor;
      info->product_id = desc.idProduct;
      info->bus = libusb_get_bus_number (devs[i]);
      info->address = libusb_get_device_address (devs[i]);
      info->protocol = protocol;
      info->description = describe (devs[i], &desc);
      g_ptr_array_add (out, info);
    }
  if (n > 0)
    libusb_free_device_list (devs, 1);
  libusb_exit (ctx);
  return g_steal_pointer (&out);
}

static libusb_device *
find_device (libusb_context *ctx,
             guint16         vendor_id,
             guint16         product_id,
             int            *iface,
             guint8         *ep_out,
             guint8         *ep_in)
{
  libusb_device **devs = NULL;
  libusb_device *found = NULL;
  ssize_t n = libusb_get_device_list (ctx, &devs);
  guint8 protocol;

  for (ssize_t i = 0; i < n && found == NULL; i++)
    {
      struct libusb_device_descriptor desc;

      if (libusb_get_device_descriptor (devs[i], &desc) != 0)
        continue;
      if (vendor_id != 0 && (desc.idVendor != vendor_id || desc.idProduct != product_id))
        continue;
      if (find_interface (devs[i], iface, ep_out, ep_in, &protocol))
        found = libusb_ref_device (devs[i]);
    }
  if (n > 0)
    libusb_free_device_list (devs, 1);
  return found;
}

static gboolean
claim (AxwUsbPrinter *self,
       GError       **error)
{
  int rc = libusb_kernel_driver_active (self->handle, self->interface);

  if (rc == 1)
    {
      rc = libusb_detach_kernel_driver (self->handle, self->interface);
      if (rc != 0)
        return set_usb_error (error, rc, _("taking the printer from the usblp driver"));
      self->reattach = TRUE;
    }
  rc = libusb_claim_interface (self->handle, self->interface);
  if (rc != 0)
    return set_usb_error (error, rc, _("claiming the printer"));
  return TRUE;
}

/**
 * axw_usb_printer_open:
 * @vendor_id: 0 for the first printer-class device
 *
 * Returns: (transfer full) (nullable): the claimed printer
 */
AxwUsbPrinter *
axw_usb_printer_open (guint16   vendor_id,
                      guint16   product_id,
                      GError  **error)
{
  g_autoptr(AxwUsbPrinter) self = g_new0 (AxwUsbPrinter, 1);
  libusb_device *dev;
  int rc;

  self->interface = -1;
  if (!init_context (&self->ctx, error))
    return NULL;
  dev = find_device (self->ctx, vendor_id, product_id, &self->interface, &self->ep_out,
                     &self->ep_in);
  if (dev == NULL)
    {
      self->interface = -1;
      if (vendor_id != 0)
        g_set_error (error, AXW_PRINTER_ERROR, AXW_PRINTER_ERROR_NOT_FOUND,
                     _("No USB printer %04x:%04x is plugged in. Check the cable and the power."),
                     vendor_id, product_id);
      else
        g_set_error (error, AXW_PRINTER_ERROR, AXW_PRINTER_ERROR_NOT_FOUND,
                     _("No USB receipt printer is plugged in. Check the cable and the power."));
      return NULL;
    }
  rc = libusb_open (dev, &self->handle);
  libusb_unref_device (dev);
  if (rc != 0)
    {
      self->interface = -1;
      set_usb_error (error, rc, _("opening the printer"));
      return NULL;
    }
  if (!claim (self, error))
    {
      self->interface = -1;
      return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * axw_usb_printer_write:
 *
 * Sends @data in chunks; a timeout that moved some bytes continues from
 * there, and only a printer that takes nothing several times fails.
 */
gboolean
axw_usb_printer_write (AxwUsbPrinter *self,
                       const guint8  *data,
                       gsize          length,
                       GError       **error)
{
  gsize sent = 0;
  guint stalls = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  while (sent < length)
    {
      int chunk = (int) MIN (CHUNK, length - sent);
      int done = 0;
      int rc = libusb_bulk_transfer (self->handle, self->ep_out, (unsigned char *) data + sent,
                                     chunk, &done, WRITE_TIMEOUT_MS);

      sent += (gsize) MAX (done, 0);
      if ((rc == LIBUSB_ERROR_TIMEOUT || rc == 0) && done > 0)
        {
          stalls = 0;
          continue;
        }
      if (rc == 0 || rc == LIBUSB_ERROR_TIMEOUT)
        rc = ++stalls < MAX_STALLS ? 0 : LIBUSB_ERROR_TIMEOUT;
      if (rc != 0)
        return set_usb_error (error, rc, _("sending the receipt"));
    }
  return TRUE;
}

static AxwPrinterStatus
ask (AxwUsbPrinter *self,
     guint8         n,
     guint8        *reply,
     GError       **error)
{
  guint8 cmd[] = { 0x10, 0x04, n };
  int done = 0, rc;

  rc = libusb_bulk_transfer (self->handle, self->ep_out, cmd, sizeof cmd, &done, STATUS_TIMEOUT_MS);
  if (rc != 0)
    return set_usb_error (error, rc, _("asking the printer's status")), AXW_PRINTER_STATUS_UNKNOWN;
  rc = libusb_bulk_transfer (self->handle, self->ep_in, reply, 1, &done, STATUS_TIMEOUT_MS);
  if (rc == LIBUSB_ERROR_TIMEOUT || (rc == 0 && done != 1))
    return AXW_PRINTER_STATUS_UNKNOWN;
  if (rc != 0)
    return set_usb_error (error, rc, _("reading the printer's status")), AXW_PRINTER_STATUS_UNKNOWN;
  /* Bits 1 and 4 set, 0 and 7 clear, or it is not a status byte. */
  if ((*reply & 0x93) != 0x12)
    return AXW_PRINTER_STATUS_UNKNOWN;
  return AXW_PRINTER_STATUS_READY;
}

/**
 * axw_usb_printer_status:
 *
 * DLE EOT 1, 2 and 4. A printer that never answers is
 * %AXW_PRINTER_STATUS_UNKNOWN, not an error; an unplugged one is.
 */
AxwPrinterStatus
axw_usb_printer_status (AxwUsbPrinter  *self,
                        GError        **error)
{
  guint8 b = 0;
  AxwPrinterStatus s;

  g_return_val_if_fail (self != NULL, AXW_PRINTER_STATUS_UNKNOWN);

  if (self->ep_in == 0)
    return AXW_PRINTER_STATUS_UNKNOWN;
  if ((s = ask (self, 1, &b, error)) != AXW_PRINTER_STATUS_READY)
    return s;
  if (b & 0x08)
    return AXW_PRINTER_STATUS_OFFLINE;
  if ((s = ask (self, 2, &b, error)) != AXW_PRINTER_STATUS_READY)
    return s;
  if (b & 0x20)
    return AXW_PRINTER_STATUS_PAPER_OUT;
  if (b & 0x04)
    return AXW_PRINTER_STATUS_COVER_OPEN;
  if ((s = ask (self, 4, &b, error)) != AXW_PRINTER_STATUS_READY)
    return s;
  if (b & 0x60)
    return AXW_PRINTER_STATUS_PAPER_OUT;
  if (b & 0x0C)
    return AXW_PRINTER_STATUS_PAPER_NEAR_END;
  return AXW_PRINTER_STATUS_READY;
}

void
axw_usb_printer_close (AxwUsbPrinter *self)
{
  if (self == NULL)
    return;
  if (self->handle != NULL)
    {
      if (self->interface >= 0)
        libusb_release_interface (self->handle, self->interface);
      if (self->reattach)
        libusb_attach_kernel_driver (self->handle, self->interface);
      libusb_close (self->handle);
    }
  if (self->ctx != NULL)
    libusb_exit (self->ctx);
  g_free (self);
}
