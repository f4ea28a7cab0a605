/* axw-report.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A manager's report (docs/design.md §8) as plain data, and its renderings. The
 * store fills it (axw-reports.c); nothing here touches a database.
 *
 * The sections add up to the fen:
 *   total_fen = gross_fen - promo_fen - red_packet_fen - refunds_fen - charity_fen
 *             = Σ categories.net_fen = Σ cashiers.total_fen = Σ hours.total_fen
 *             = Σ origins.net_fen = Σ suppliers.net_fen
 *   Σ payments = total_fen + charity_fen + donation_fen + cash_rounding_fen
 *   Σ charity_sales.total_fen = charity_fen
 *   Σ red_packets.amount_fen = red_packet_fen
 *   Σ donations.total_fen = donation_fen
 * Donations and the proceeds of charity goods (docs/design.md §15) are the
 * funds', not the shop's revenue: not in total_fen nor in the sections.
 * Sales count in gross/promo/red_packet; a refund counts in refunds_fen
 * (what it gave back before cash rounding) and subtracts in the sections.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define AXW_REPORT_N_METHODS 4   /* in the order of AxwPayMethod */

typedef struct {
  char   *campaign;
  char   *funder;
  gint64  count;          /* red packets redeemed */
  gint64  amount_fen;     /* their discounts: the subsidy before refunds */
  gint64  refunded_fen;   /* shares reversed by refunds in the period */
} AxwReportRedPacket;

typedef struct {
  char   *name;           /* category, cashier or product */
  gint64  count;          /* cashiers: sales; products/categories: unused */
  gint64  qty_milli;      /* sold minus refunded */
  gint64  total_fen;      /* paid after promotions and red packets, minus refunds */
} AxwReportRow;

typedef enum {
  AXW_REPORT_RANGE,
  AXW_REPORT_X,
  AXW_REPORT_Z,
} AxwReportKind;

typedef struct {
  AxwReportKind  kind;
  char          *from;              /* business dates, inclusive; X: shift start (local time) */
  char          *to;
  gint64         z_number;          /* Z only */
  char          *shop_name;

  gint64         sales_count;
  gint64         refunds_count;
  gint64         gross_fen;
  gint64         promo_fen;
  gint64         red_packet_fen;
  gint64         total_fen;
  gint64         refunds_fen;
  gint64         cash_rounding_fen;
  gint64         payments[AXW_REPORT_N_METHODS];  /* net of change and of refunds */
  gint64         price_overrides_count;  /* sale lines at a manager's price */
  gint64         price_overrides_fen;    /* below the catalog price, net of refunds */

  GPtrArray     *red_packets;       /* AxwReportRedPacket */
  gint64         donation_fen;      /* given less given back, not revenue */
  GPtrArray     *donations;         /* AxwReportRow per fund: count, total_fen */
  gint64         charity_fen;       /* charity goods sold less refunded */
  GPtrArray     *charity_sales;     /* AxwReportRow per fund: count (lines), qty, total_fen */
  GPtrArray     *categories;        /* AxwReportRow */
  GPtrArray     *cashiers;          /* AxwReportRow */
  gint64         hour_count[24];    /* local hour of the sale */
  gint64         hour_total_fen[24];
  GPtrArray     *top_products;      /* AxwReportRow, best first */
  /* where the goods sold came from, as each line had it when sold; %NULL
   * in a Z closed before they were kept (schema 10), so it rebuilds as
   * it was stored */
  GPtrArray     *origins;           /* AxwReportRow by origin county ("" unknown) */
  GPtrArray     *suppliers;         /* AxwReportRow by supplier ("" none) */

  /* shift (X/Z of a shift): cash drawer */
  gboolean       has_cash_drawer;
  gint64         float_fen;
  gint64         cash_in_out_fen;
  gint64         expected_cash_fen;
  gboolean       has_counted;
  gint64         counted_cash_fen;
} AxwReport;

AxwReport *axw_report_new          (AxwReportKind   kind);
void       axw_report_free         (AxwReport      *report);
AxwReportRow *axw_report_row_new   (const char     *name);
void       axw_report_row_free     (gpointer        row);
AxwReportRedPacket *axw_report_red_packet_new (const char *campaign,
                                               const char *funder);

/* Checks the identities above; FALSE with a message naming the section
 * that does not add up (a bug, never the user's fault). */
gboolean   axw_report_check_totals (const AxwReport *report,
                                    GError         **error);

char      *axw_report_to_json      (const AxwReport *report);
char      *axw_report_to_csv       (const AxwReport *report);
/* Lines of at most @columns display columns (CJK count two): the screen
 * and the receipt printer (32 for 58 mm, 48 for 80 mm). */
GPtrArray *axw_report_to_lines     (const AxwReport *report,
                                    int              columns,
                                    gboolean         paper);
char      *axw_report_to_text      (const AxwReport *report,
                                    int              columns);

typedef struct {
  char   *code;
  char   *receipt_no;
  char   *date;          /* business date of the document */
  char   *campaign;
  gint64  amount_fen;    /* redeemed: positive; a refund's reversal: negative */
  char   *refund_of;     /* refunds: the sale's receipt number */
  char   *shop;          /* the district claim's: the shop of the document; NULL in a shop's own */
} AxwClaimRow;

void       axw_claim_row_free      (gpointer        row);
/* RFC 4180 with a closing TOTAL row. */
char      *axw_claim_to_csv        (GPtrArray      *rows);

/* The donation book of one fund (docs/design.md §15): one row per
 * document with a donation, no customer data. */
typedef struct {
  char   *date;          /* business date of the document */
  char   *receipt_no;
  gint64  amount_fen;    /* given: positive; given back by a refund: negative */
  char   *methods;       /* how the document was paid: "cash", "wechat+cash"… */
  char   *refund_of;     /* refunds: the sale's receipt number */
} AxwDonationRow;

void       axw_donation_row_free   (gpointer        row);
gint64     axw_donation_book_total (GPtrArray      *rows);
/* RFC 4180 with a closing TOTAL row. */
char      *axw_donation_book_to_csv  (GPtrArray    *rows);
char      *axw_donation_book_to_json (const char   *fund,
                                      const char   *from,
                                      const char   *to,
                                      GPtrArray    *rows);

/* Display columns of UTF-8 @text: East Asian wide characters count two. */
int        axw_text_columns        (const char     *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxwReport, axw_report_free)

G_END_DECLS
