/* axw-sale.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A priced sale: a quote before it is committed, the document after
 * (docs/design.md §5, §6, §12). The GUI, the CLI, receipts, reports and the
 * online-shop export all read this one structure.
 */
#pragma once

#include <glib.h>

#include "axw-money.h"
#include "axw-promotion.h"

G_BEGIN_DECLS

typedef struct {
  int        line_no;         /* 1-based, order of first scan */
  gint64     product_id;      /* 0 when unknown (a refund of a deleted product) */
  char      *barcode;         /* as scanned; the SKU for PLU-only goods */
  char      *name;
  char      *category;
  gint64     qty_milli;
  gint64     unit_price_fen;
  gboolean   per_kg;
  gboolean   weighed;         /* from a price-embedded code: never merged */
  gboolean   aid_eligible;
  char      *fund;            /* nullable: charity goods (爱心义卖), proceeds to this fund */
  gboolean   fund_discounts;  /* the manager lets promotions and red packets apply to them */
  gboolean   open_price;      /* priced by the cashier at the counter: never merged */
  gboolean   price_overridden; /* a manager changed unit_price_fen */
  gint64     list_price_fen;  /* the catalog price before the override */
  /* computed by pricing */
  gint64     gross_fen;
  gint64     promo_fen;
  char      *promotion;       /* nullable: the promotion that gave promo_fen */
  gint64     net_fen;
  gint64     red_packet_fen;  /* this line's share of the red packet */
  gint64     pay_fen;         /* net - red packet share */
  gint64     refund_of_line;  /* refund documents: the sale_lines id refunded */
} AxwLine;

AxwLine *axw_line_copy (const AxwLine *line);
void     axw_line_free (AxwLine       *line);

typedef enum {
  AXW_PAY_CASH,
  AXW_PAY_WECHAT,
  AXW_PAY_ALIPAY,
  AXW_PAY_UNIONPAY,
} AxwPayMethod;

gboolean     axw_pay_method_from_string (const char   *text,
                                         AxwPayMethod *out_method);
const char  *axw_pay_method_to_string   (AxwPayMethod  method);
const char  *axw_pay_method_label       (AxwPayMethod  method);

typedef struct {
  AxwPayMethod method;
  gint64       amount_fen;    /* what stays with the shop (cash: net of change) */
  gint64       tendered_fen;  /* cash handed over; = amount for other methods */
} AxwPayment;

/* Stable rejection codes, in the order docs/design.md §5 checks them. */
typedef enum {
  AXW_RED_PACKET_OK,
  AXW_RED_PACKET_UNKNOWN,
  AXW_RED_PACKET_BAD_SIGNATURE,
  AXW_RED_PACKET_ALREADY_REDEEMED,
  AXW_RED_PACKET_NOT_YET_VALID,
  AXW_RED_PACKET_EXPIRED,
  AXW_RED_PACKET_BELOW_MIN_SPEND,
  AXW_RED_PACKET_ONE_PER_SALE,
} AxwRedPacketReason;

const char *axw_red_packet_reason_code   (AxwRedPacketReason reason);
const char *axw_red_packet_reason_advice (AxwRedPacketReason reason);

/* A red packet as known to the shop: from a funder's imported batch, or
 * decoded from a signed HB1. code. */
typedef struct {
  char     *code;
  char     *campaign;
  char     *funder;
  gint64    face_fen;
  gint64    min_spend_fen;
  char     *valid_from;     /* "YYYY-MM-DD", inclusive */
  char     *valid_to;
  AxwScope  scope;
  /* what the lookup found */
  gboolean  known;          /* imported, or signed with a trusted key */
  gboolean  bad_signature;  /* an HB1. code whose signature fails */
  gboolean  redeemed;
} AxwVoucher;

AxwVoucher *axw_voucher_copy (const AxwVoucher *voucher);
void        axw_voucher_free (AxwVoucher       *voucher);

typedef struct {
  char               *code;
  gboolean            accepted;
  AxwRedPacketReason  reason;
  gint64              discount_fen;   /* the subsidy owed by the funder */
  char               *campaign;
  char               *funder;
} AxwRedPacket;

typedef struct {
  /* pricing (quote) */
  char          *business_date;
  GPtrArray     *lines;             /* AxwLine */
  gint64         gross_fen;
  gint64         promo_fen;
  gint64         net_fen;
  AxwRedPacket  *red_packet;        /* nullable: no red packet given */
  gint64         total_fen;         /* net - red packet discount */
  gint64         cash_total_fen;    /* total after cash rounding, if paid in cash */
  AxwCashRounding cash_rounding;
  /* a donation (docs/design.md §15): asked for with the cart, never
   * discounted nor rounded, in total_fen but not revenue */
  char          *donation_fund;     /* nullable: no donation asked */
  gint64         donation_ask_fen;  /* a fixed amount (一元捐: 100) */
  gint64         donation_round_to_fen; /* round the total up to 100 or 1000 fen; 0: fixed */
  gint64         donation_fen;      /* what the donation came to */

  /* the committed document */
  gint64         id;
  char          *uuid;
  char          *receipt_no;
  gboolean       is_refund;
  char          *refund_of_uuid;    /* refunds only */
  char          *refund_of_receipt_no;
  char          *created_at;        /* UTC ISO-8601 */
  char          *shop;
  char          *terminal;
  char          *staff;
  GArray        *payments;          /* AxwPayment */
  gint64         change_fen;
  gint64         cash_rounding_fen; /* rounded - exact, ≤ 0 for down_jiao */
  gint64         z_number;          /* 0 while the day is open */
} AxwSale;

AxwSale  *axw_sale_new          (void);
void      axw_sale_free         (AxwSale     *sale);
AxwLine  *axw_sale_get_line     (AxwSale     *sale,
                                 guint        index);
gint64    axw_sale_paid_fen     (const AxwSale *sale);
char     *axw_sale_payments_text (const AxwSale *sale);

/* JSON of docs/design.md §12 (quote; with @committed also sale, payments, change)
 * and of docs/design.md §9 (export documents). Amounts are integer fen. */
char     *axw_sale_to_json      (const AxwSale *sale,
                                 gboolean       committed);
void      axw_sale_append_line_json (GString       *out,
                                     const AxwLine *line);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxwLine, axw_line_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxwVoucher, axw_voucher_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxwSale, axw_sale_free)

G_END_DECLS

G_BEGIN_DECLS

void axw_sale_set_red_packet   (AxwSale            *sale,
                                const char         *code,
                                gboolean            accepted,
                                AxwRedPacketReason  reason,
                                gint64              discount_fen,
                                const char         *campaign,
                                const char         *funder);
void axw_sale_clear_red_packet (AxwSale            *sale);

void            axw_json_append_string (GString    *out,
                                        const char *text);
void            axw_json_append_int    (GString    *out,
                                        gint64      value);

G_END_DECLS
