/* axw-sale-donations.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Donations at the counter, the sale screen's part (docs/design.md §15):
 * sale.donate('one') adds 一元捐 (¥1), sale.donate('round') rounds the
 * total up to the next yuan and sale.donate('round10') to the next ten
 * yuan, and sale.donate-amount('5') gives any amount typed, to the fund of
 * donation.fund or the only active one; the same again takes it off, the
 * other kind replaces it.
 * Pricing and storage are core's and the store's (axw_cart_set_donation).
 */
#include <glib/gi18n.h>

#include "axw-audit.h"
#include "axw-escpos.h"
#include "axw-funds.h"
#include "axw-money.h"
#include "axw-print-queue.h"
#include "axw-printer.h"
#include "axw-receipt.h"
#include "axw-sale-view-private.h"
#include "axw-settings.h"

static gboolean
same_donation (const AxwSale *quote,
               gint64         ask_fen,
               gint64         round_to_fen)
{
  return quote != NULL && quote->donation_fund != NULL && quote->donation_ask_fen == ask_fen &&
         quote->donation_round_to_fen == round_to_fen;
}

static void
take_off (AxwSaleView *self,
          const char  *why)
{
  axw_cart_set_donation (axw_sale_view_get_cart (self), NULL, 0, 0);
  if (axw_sale_view_requote (self, -1) && why != NULL)
    axw_sale_view_say (self, why);
}

/* Puts a donation of @ask fen, or rounding up to @round_to fen, on the
 * open sale; the same again takes it off. */
static void
donate (AxwSaleView *self,
        gint64       ask,
        gint64       round_to)
{
  AxwCart *cart = axw_sale_view_get_cart (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *fund = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *text = NULL;
  const AxwSale *quote;

  if (axw_cart_is_empty (cart) || !g_str_equal (axw_sale_view_get_page (self), "cart") ||
      axw_sale_view_has_payments (self))
    {
      axw_sale_view_show_message (self, TRUE,
                                  _("Add a donation on the cart, after the goods and before the "
                                                "payment."));
      return;
    }
  if (same_donation (axw_sale_view_get_quote (self), ask, round_to))
    {
      take_off (self, _("Donation taken off"));
      return;
    }
  if ((fund = axw_funds_resolve (axw_sale_view_get_db (self), NULL, &error)) == NULL)
    {
      axw_sale_view_show_message (self, TRUE, error->message);
      return;
    }
  axw_cart_set_donation (cart, fund, ask, round_to);
  if (!axw_sale_view_requote (self, -1))
    return;
  quote = axw_sale_view_get_quote (self);
  if (quote->donation_fen == 0)
    {
      take_off (self, NULL);
      axw_sale_view_show_message (self, FALSE, round_to == 1000
                                  ? _("The total is a whole ten yuan already: there is nothing to "
                                      "round up.")
                                  : _("The total is a whole yuan already: there is nothing to "
                                      "round up."));
      return;
    }
  amount = axw_money_format_screen (quote->donation_fen);
  text = g_strdup_printf (_("Thank you: %s for %s"), amount, fund);
  axw_sale_view_say (self, text);
}

static void
donate_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  const char *kind = g_variant_get_string (param, NULL);
  gint64 round_to = g_str_equal (kind, "round") ? 100 : g_str_equal (kind, "round10") ? 1000 : 0;

  donate (AXW_SALE_VIEW (widget), round_to ? 0 : 100, round_to);
}

/* A donation of any amount, typed in yuan. */
static void
donate_amount_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  AxwSaleView *self = AXW_SALE_VIEW (widget);
  g_autofree char *typed = g_strstrip (g_strdup (g_variant_get_string (param, NULL)));
  gint64 fen = 0;

  if (!axw_money_parse (typed, &fen, NULL) || fen <= 0)
    {
      axw_sale_view_show_message (self, TRUE, _("Type the donation in yuan, like 5 or 2.50."));
      return;
    }
  donate (self, fen, 0);
}

/* The donation receipt (捐赠收据) a donor asks for after paying: the last
 * sale's, with its own number, sent to the printer now (not queued: it
 * is no copy of the sale's receipt), audited like `receipt --donation`. */
typedef struct {
  AxwSaleView *view;
  char        *number;
  char        *detail;
  char        *staff;
} DonationPrint;

static void
donation_print_free (DonationPrint *p)
{
  g_clear_object (&p->view);
  g_free (p->number);
  g_free (p->detail);
  g_free (p->staff);
  g_free (p);
}

static void
donation_printed_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      data)
{
  DonationPrint *p = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!axw_printer_send_finish (result, &error) ||
      !axw_audit_append (axw_sale_view_get_db (p->view), p->staff, "receipt.donation", p->detail,
                         &error))
    {
      text = g_strdup_printf (_("The donation receipt was not printed: %s"), error->message);
      axw_sale_view_show_message (p->view, TRUE, text);
    }
  else
    {
      text = g_strdup_printf (_("Donation receipt %s printed"), p->number);
      axw_sale_view_say (p->view, text);
    }
  donation_print_free (p);
}

static void
donation_receipt_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  AxwSaleView *self = AXW_SALE_VIEW (widget);
  const AxwSale *sale = axw_sale_view_get_last_sale (self);
  AxwDb *db = axw_sale_view_get_db (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *target = NULL;
  guint width;
  DonationPrint *p;

  if (sale == NULL || sale->is_refund || sale->donation_fen <= 0)
    {
      axw_sale_view_show_message (self, TRUE, _("The last sale has no donation: there is no "
                                                "donation receipt to print."));
      return;
    }
  width = axw_print_queue_width (db, 0);
  items = axw_print_queue_donation_layout (db, sale, width);
  target = axw_settings_get (db, "printer");
  if ((bytes = axw_escpos_encode (items, width, NULL, &error)) == NULL)
    {
      axw_sale_view_show_message (self, TRUE, error->message);
      return;
    }
  p = g_new0 (DonationPrint, 1);
  p->view = g_object_ref (self);
  p->number = axw_receipt_donation_number (sale);
  p->detail = g_strdup_printf ("%s %s", p->number, sale->receipt_no);
  p->staff = g_strdup (axw_sale_view_get_staff (self)->name);
  axw_printer_send_async (target, bytes, NULL, donation_printed_cb, p);
}

void
axw_sale_donations_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "sale.donate", "s", donate_action);
  gtk_widget_class_install_action (widget_class, "sale.donate-amount", "s", donate_amount_action);
  gtk_widget_class_install_action (widget_class, "sale.donation-receipt", NULL,
                                   donation_receipt_action);
}
