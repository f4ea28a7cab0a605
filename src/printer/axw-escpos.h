/* axw-escpos.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ESC/POS bytes for Chinese thermal printers (HARDWARE.md), and the raster
 * QR code shared by the encoder and the PNG preview.
 */
#pragma once

#include <glib.h>

#include "axw-receipt.h"

G_BEGIN_DECLS

#define AXW_PRINTER_ERROR (axw_printer_error_quark ())

typedef enum {
  AXW_PRINTER_ERROR_QR,
  AXW_PRINTER_ERROR_NOT_FOUND,
  AXW_PRINTER_ERROR_BUSY,
  AXW_PRINTER_ERROR_PERMISSION,
  AXW_PRINTER_ERROR_UNPLUGGED,
  AXW_PRINTER_ERROR_TIMEOUT,
  AXW_PRINTER_ERROR_IO,
  AXW_PRINTER_ERROR_BAD_TARGET,
} AxwPrinterError;

GQuark axw_printer_error_quark (void);

/* 1 = black dot, rows of @bytes_per_row, MSB = leftmost dot. */
typedef struct {
  guint   width_dots;
  guint   height;
  guint   bytes_per_row;
  guint8 *data;
} AxwRaster;

AxwRaster *axw_raster_new_qr       (const char  *text,
                                    guint        max_dots,
                                    GError     **error);
gboolean   axw_raster_get          (const AxwRaster *raster,
                                    guint        x,
                                    guint        y);
void       axw_raster_free         (AxwRaster   *raster);

void       axw_escpos_append_text  (GByteArray  *out,
                                    const char  *utf8,
                                    guint       *n_replaced);
void       axw_escpos_append_raster (GByteArray *out,
                                    const AxwRaster *raster);
GBytes    *axw_escpos_drawer_kick  (void);
GBytes    *axw_escpos_encode       (GPtrArray   *items,
                                    guint        width_mm,
                                    guint       *n_replaced,
                                    GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxwRaster, axw_raster_free)

G_END_DECLS
