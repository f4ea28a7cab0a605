/* escpos-decoder.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads ESC/POS back for the tests: the subset the encoder writes, and
 * nothing else (an unknown command fails the decode).
 */
#pragma once

#include <gio/gio.h>

typedef enum {
  DECODED_TEXT,
  DECODED_RASTER,
  DECODED_FEED,
  DECODED_DRAWER,
  DECODED_CUT,
} DecodedKind;

typedef struct {
  DecodedKind kind;
  char       *text;          /* TEXT: the line as UTF-8 */
  guint       size;          /* TEXT: width multiplier */
  gboolean    bold;
  guint       align;
  guint       columns;       /* TEXT: printed columns × size */
  guint       width_dots;    /* RASTER */
  guint       height;
  GBytes     *raster;
} Decoded;

GPtrArray *escpos_decode            (GBytes      *bytes,
                                     GError     **error);
GPtrArray *escpos_take_file         (const char  *path);
guint      escpos_count             (GPtrArray   *decoded,
                                     DecodedKind  kind,
                                     const char  *text);
gboolean   escpos_raster_write_pgm  (const Decoded *raster,
                                     const char  *path,
                                     GError     **error);
