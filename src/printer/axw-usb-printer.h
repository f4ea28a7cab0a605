/* axw-usb-printer.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One USB receipt printer through libusb (HARDWARE.md). Blocking calls: run
 * them in a worker thread, never on the GTK thread.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  AXW_PRINTER_STATUS_UNKNOWN,     /* one-way printer, or it did not answer */
  AXW_PRINTER_STATUS_READY,
  AXW_PRINTER_STATUS_OFFLINE,
  AXW_PRINTER_STATUS_COVER_OPEN,
  AXW_PRINTER_STATUS_PAPER_OUT,
  AXW_PRINTER_STATUS_PAPER_NEAR_END,
} AxwPrinterStatus;

const char *axw_printer_status_describe (AxwPrinterStatus status);

typedef struct {
  guint16  vendor_id;
  guint16  product_id;
  guint8   bus;
  guint8   address;
  guint8   protocol;     /* 1 one-way, 2 bidirectional */
  char    *description;
} AxwUsbPrinterInfo;

void       axw_usb_printer_info_free (AxwUsbPrinterInfo *info);
GPtrArray *axw_usb_printer_list      (GError          **error);

typedef struct _AxwUsbPrinter AxwUsbPrinter;

AxwUsbPrinter    *axw_usb_printer_open   (guint16          vendor_id,
                                          guint16          product_id,
                                          GError         **error);
gboolean          axw_usb_printer_write  (AxwUsbPrinter   *printer,
                                          const guint8    *data,
                                          gsize            length,
                                          GError         **error);
AxwPrinterStatus  axw_usb_printer_status (AxwUsbPrinter   *printer,
                                          GError         **error);
void              axw_usb_printer_close  (AxwUsbPrinter   *printer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxwUsbPrinter, axw_usb_printer_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxwUsbPrinterInfo, axw_usb_printer_info_free)

G_END_DECLS
