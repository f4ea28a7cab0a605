/* axw-receipt.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The content of a printed receipt (docs/design.md §7) as a list of items, already
 * wrapped to the paper's columns. The ESC/POS encoder and the PNG renderer
 * both draw this list, so paper and preview cannot disagree.
 */
#pragma once

#include <glib.h>

#include "axw-sale.h"

G_BEGIN_DECLS

typedef enum {
  AXW_RECEIPT_TEXT,
  AXW_RECEIPT_QR,
  AXW_RECEIPT_FEED,
  AXW_RECEIPT_DRAWER,
  AXW_RECEIPT_CUT,
} AxwReceiptItemKind;

typedef enum {
  AXW_RECEIPT_LEFT,
  AXW_RECEIPT_CENTER,
  AXW_RECEIPT_RIGHT,
} AxwReceiptAlign;

typedef struct {
  AxwReceiptItemKind kind;
  char              *text;   /* TEXT: one line, fits the columns; QR: the URL */
  AxwReceiptAlign    align;
  gboolean           bold;
  guint              size;   /* 1 normal, 2 double width and height */
} AxwReceiptItem;

typedef struct {
  const char *shop_name;
  const char *shop_address;   /* nullable */
  const char *footer;         /* nullable */
  const char *qr_url;         /* nullable: template with {uuid}, {receipt_no} */
  guint       width_mm;       /* 58 or 80 */
  guint       reprint;        /* 0: the first copy; N: the Nth copy after it */
  const char *timezone;       /* nullable: the shop's, Asia/Shanghai when unset */
} AxwReceiptSettings;

guint      axw_receipt_columns_for_width (guint               width_mm);
guint      axw_receipt_dots_for_width    (guint               width_mm);
guint      axw_receipt_text_columns      (const char         *text);
GPtrArray *axw_receipt_wrap              (const char         *text,
                                          guint               columns);
char      *axw_receipt_mask_code         (const char         *code);
char      *axw_receipt_qr_url            (const char         *url_template,
                                          const AxwSale      *sale);
GPtrArray *axw_receipt_layout            (const AxwSale      *sale,
                                          const AxwReceiptSettings *settings);
char      *axw_receipt_reprint_mark      (const AxwSale      *sale,
                                          guint               reprint,
                                          const char         *timezone);
char      *axw_receipt_donation_number   (const AxwSale      *sale);
GPtrArray *axw_receipt_donation_layout   (const AxwSale      *sale,
                                          const AxwReceiptSettings *settings);
GPtrArray *axw_receipt_test_page         (const AxwReceiptSettings *settings);
void       axw_receipt_item_free         (AxwReceiptItem     *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxwReceiptItem, axw_receipt_item_free)

G_END_DECLS
