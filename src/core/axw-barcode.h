/* axw-barcode.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  AXW_CODE_EAN13,
  AXW_CODE_EAN8,
  AXW_CODE_UPCA,
  AXW_CODE_INSTORE,         /* anything else: looked up exactly as typed */
} AxwCodeKind;

typedef enum {
  AXW_EMBEDDED_PRICE,       /* value is the line total in fen */
  AXW_EMBEDDED_WEIGHT,      /* value is grams (qty_milli of a per-kg product) */
} AxwEmbeddedKind;

/* One value field of a scale label: what it holds, how many digits. */
typedef struct {
  AxwEmbeddedKind kind;
  guint           len;
} AxwEmbeddedField;

/* One label format printed by a scale: flag digits, PLU, one value field
 * (13 digits, EAN-13) or a weight and a price (13 or 18 digits), then a
 * check digit (docs/design.md §4). */
typedef struct {
  char             flags[8][4]; /* accepted flag prefixes, all flag_len long */
  guint            n_flags;
  guint            flag_len;
  guint            plu_len;
  AxwEmbeddedField fields[2];
  guint            n_fields;
  guint            code_len;    /* with the check digit: 13 or 18 */
} AxwScaleFormat;

/* The barcode.layout setting: the formats of the shop's scales, tried in
 * order. */
typedef struct {
  AxwScaleFormat formats[4];
  guint          n_formats;
} AxwEmbeddedLayout;

typedef struct {
  AxwCodeKind kind;
  char        code[64];         /* as scanned, trimmed */
  char        ean13[14];        /* UPC-A as EAN-13 with a leading 0; else empty */
  char        upca[13];         /* EAN-13 with a leading 0 as UPC-A; else empty */
  gboolean    embedded;         /* matches the embedded layout's flags */
  char        plu[13];
  gint64      value;            /* fen or grams, per layout kind; the price if both */
  AxwEmbeddedKind value_kind;
  gint64      weight_g;         /* grams printed beside the price; else 0 */
  const char *payment_wallet;   /* "wechat"/"alipay": a label that also reads as a
                                 * payment code, refused as one if its PLU is unknown */
} AxwScan;

#define AXW_EMBEDDED_LAYOUT_DEFAULT "2:6:price"

int       axw_ean_check_digit        (const char              *digits,
                                      gsize                    n_digits);
gboolean  axw_embedded_layout_parse  (const char              *text,
                                      AxwEmbeddedLayout       *out_layout,
                                      GError                 **error);
gboolean  axw_barcode_is_payment_code (const char             *code,
                                       const char            **out_wallet);
void      axw_barcode_set_payment_code_error (const char       *wallet,
                                              GError          **error);
gboolean  axw_barcode_parse          (const char              *text,
                                      const AxwEmbeddedLayout *layout,
                                      AxwScan                 *out_scan,
                                      GError                 **error);

G_END_DECLS
