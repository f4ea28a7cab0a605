/* axw-printer-target.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where receipts go, as the `printer` setting writes it: the one parser
 * for the setting's check and the printer layer.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define AXW_PRINTER_RAW_PORT 9100

typedef enum {
  AXW_PRINTER_TARGET_USB,    /* the first USB printer, or vendor_id:product_id */
  AXW_PRINTER_TARGET_TCP,    /* raw TCP, host and port */
  AXW_PRINTER_TARGET_FILE,   /* a file or a device node */
} AxwPrinterTargetKind;

typedef struct {
  AxwPrinterTargetKind  kind;
  guint16               vendor_id;    /* USB: 0 for any */
  guint16               product_id;
  char                 *host;         /* TCP: a name, an IPv4 or an IPv6 address (no brackets) */
  guint16               port;
  char                 *path;         /* FILE: absolute */
} AxwPrinterTarget;

gboolean axw_printer_target_parse (const char        *text,
                                   AxwPrinterTarget  *out,
                                   GError           **error);
void     axw_printer_target_clear (AxwPrinterTarget  *target);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AxwPrinterTarget, axw_printer_target_clear)

G_END_DECLS
