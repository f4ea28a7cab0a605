/* axw-sale-exceptions.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exceptions at the counter, the sale screen's part: a manager's price
 * for a line, a void of a completed sale, goods back without a receipt,
 * the drawer opened without a sale (each behind AxwManagerPinDialog), a cart thrown away, and the
 * choice of a held sale when several wait. The
 * rules and the audit rows are in src/store/axw-exceptions.c.
 */
#include <glib/gi18n.h>

#include "axw-escpos.h"
#include "axw-exceptions.h"
#include "axw-held-sales-dialog.h"
#include "axw-manager-pin-dialog.h"
#include "axw-sales.h"
#include "axw-pricing.h"
#include "axw-printer.h"
#include "axw-sale-view-private.h"
#include "axw-settings.h"

static const char *
staff_name (AxwSaleView *self)
{
  const AxwStaff *staff = axw_sale_view_get_staff (self);

  return staff ? staff->name : "";
}

static GtkWidget *
find_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) &&
      g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), "exceptions_button") == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_menu_button (c);

      if (found)
        return found;
    }
  return NULL;
}

/* A touch on the Exceptions menu's button: the menu has done its work. */
static void
close_menu (AxwSaleView *self)
{
  GtkWidget *button = find_menu_button (GTK_WIDGET (self));

  if (button != NULL)
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
}

static AxwManagerPinDialog *
ask_manager (AxwSaleView *self,
             const char  *title,
             GCallback    authorized)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AxwManagerPinDialog *dialog;

  close_menu (self);
  dialog = axw_manager_pin_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       axw_sale_view_get_db (self), title);

  g_signal_connect_object (dialog, "authorized", authorized, self, 0);
  return dialog;
}

/* Audits line @index of the cart as priced (who, what, amount). A failed
 * audit row does not keep the goods on the cart or off it. */
static void
audit_cart_line (AxwSaleView *self,
                 guint        index,
                 gboolean     restored)
{
  const AxwSale *quote = axw_sale_view_get_quote (self);
  const AxwLine *line;
  g_autoptr(GError) error = NULL;

  if (quote == NULL || index >= quote->lines->len)
    return;
  line = g_ptr_array_index (quote->lines, index);
  if (!(restored
        ? axw_exceptions_line_restored : axw_exceptions_line_removed) (axw_sale_view_get_db (self),
                                                                               staff_name (self),
                                                                               line, &error))
    g_warning ("Cart line not audited: %s", error->message);
}

/* A line about to leave the cart (F8, or − down to nothing). */
void
axw_sale_exceptions_line_removed (AxwSaleView *self,
                                  guint        index)
{
  audit_cart_line (self, index, FALSE);
}

/* A removed line put back by Undo, once priced again. */
void
axw_sale_exceptions_line_restored (AxwSaleView *self,
                                   guint        index)
{
  audit_cart_line (self, index, TRUE);
}

/* Price override ---------------------------------------------------------- */

static void
price_authorized_cb (AxwManagerPinDialog *dialog,
                     const char          *manager,
                     const char          *reason,
                     const char          *value,
                     AxwSaleView         *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *price = NULL;
  gint64 index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "line")) - 1;
  gint64 fen;

  if (index >= axw_cart_get_n_lines (axw_sale_view_get_cart (self)))
    {
      axw_manager_pin_dialog_show_error (dialog, _("The line is no longer in the cart."));
      return;
    }
  if (!axw_money_parse (value, &fen, &error) ||
      !axw_exceptions_override_price (axw_sale_view_get_db (self), axw_sale_view_get_cart (self),
                                      index, fen, manager, reason, &error))
    {
      axw_manager_pin_dialog_show_error (dialog, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
  axw_sale_view_requote (self, index);
  price = axw_money_format_screen (fen);
  text = g_strdup_printf (_("%s now costs %s (allowed by %s)"),
                          axw_cart_get_line (axw_sale_view_get_cart (self), index)->name, price,
                          manager);
  axw_sale_view_say (self, text);
}

static void
override_price_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  AxwSaleView *self = AXW_SALE_VIEW (widget);
  g_autofree char *title = NULL;
  AxwManagerPinDialog *dialog;
  const AxwLine *l;
  gint64 index;

  close_menu (self);
  if ((index = axw_sale_view_get_selected (self)) < 0 || axw_sale_view_has_payments (self))
    return;
  l = axw_cart_get_line (axw_sale_view_get_cart (self), index);
  title = g_strdup_printf (_("Change the price of %s"), l->name);
  dialog = ask_manager (self, title, G_CALLBACK (price_authorized_cb));
  g_object_set_data (G_OBJECT (dialog), "line", GINT_TO_POINTER (index + 1));
  axw_manager_pin_dialog_ask_value (dialog,
                                    l->per_kg
                                      ? _("New _price per kg in yuan") : _("New _price in yuan"),
                                    TRUE);
  axw_manager_pin_dialog_present (dialog);
}

/* Void a completed sale --------------------------------------------------- */

/* A refund document written (or @error): the dialog closes and its slip
 * goes to the printer, or the dialog stays with the reason. */
static gboolean
refund_written (AxwSaleView         *self,
                AxwManagerPinDialog *dialog,
                const AxwSale       *refund,
                const GError        *error)
{
  if (refund == NULL)
    {
      axw_manager_pin_dialog_show_error (dialog, error->message);
      return FALSE;
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
  axw_sale_view_print_queued (self);
  return TRUE;
}

static void
void_authorized_cb (AxwManagerPinDialog *dialog,
                    const char          *manager,
                    const char          *reason,
                    const char          *value,
                    AxwSaleView         *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = axw_sale_view_now (self);
  g_autoptr(AxwSale) refund = NULL;
  g_autofree char *back = NULL;
  g_autofree char *text = NULL;

  refund = axw_sales_void (axw_sale_view_get_db (self), value, manager, reason, at, &error);
  if (!refund_written (self, dialog, refund, error))
    return;
  back = axw_sale_payments_text (refund);
  text = g_strdup_printf (_("Sale %s voided. Give back: %s."), refund->refund_of_receipt_no, back);
  axw_sale_view_say (self, text);
}

static void
void_sale_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  AxwSaleView *self = AXW_SALE_VIEW (widget);
  const AxwSale *last = axw_sale_view_get_last_sale (self);
  AxwManagerPinDialog *dialog = ask_manager (self,
                                             _("Void a completed sale: everything is refunded"),
                                             G_CALLBACK (void_authorized_cb));

  axw_manager_pin_dialog_ask_value (dialog, _("_Receipt number (scan the receipt)"), FALSE);
  if (last != NULL && !last->is_refund)
    axw_manager_pin_dialog_set_value (dialog, last->receipt_no);
  axw_manager_pin_dialog_present (dialog);
}

/* Return without a receipt ------------------------------------------------ */

static void
return_authorized_cb (AxwManagerPinDialog *dialog,
                      const char          *manager,
                      const char          *reason,
                      const char          *value,
                      AxwSaleView         *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = axw_sale_view_now (self);
  g_autoptr(AxwSale) back = NULL;
  g_autofree char *cash = NULL;
  g_autofree char *text = NULL;

  back = axw_sales_return_without_receipt (axw_sale_view_get_db (self), value, manager, reason, at,
                                           &error);
  if (!refund_written (self, dialog, back, error))
    return;
  cash = axw_money_format_screen (back->total_fen);
  text = g_strdup_printf (_("%s taken back (%s). Give back %s in cash."),
                          axw_sale_get_line (back, 0)->name, back->receipt_no, cash);
  axw_sale_view_say (self, text);
}

static void
return_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  AxwManagerPinDialog *dialog = ask_manager (AXW_SALE_VIEW (widget),
                                             _("Goods back without a receipt: cash at the "
                                                                       "catalog price"),
                                             G_CALLBACK (return_authorized_cb));

  axw_manager_pin_dialog_ask_value (dialog, _("_Item: scan it, or type BARCODE*QTY"), FALSE);
  axw_manager_pin_dialog_present (dialog);
}

/* No sale: open the drawer ------------------------------------------------ */

static void
drawer_opened_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(AxwSaleView) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (axw_printer_send_finish (result, &error))
    return;
  text = g_strdup_printf (_("The drawer did not open: %s Open it with its key."), error->message);
  axw_sale_view_show_message (self, TRUE, text);
}

static void
no_sale_authorized_cb (AxwManagerPinDialog *dialog,
                       const char          *manager,
                       const char          *reason,
                       const char          *value,
                       AxwSaleView         *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) kick = axw_escpos_drawer_kick ();
  g_autofree char *printer = axw_settings_get (axw_sale_view_get_db (self), "printer");

  if (!axw_exceptions_no_sale (axw_sale_view_get_db (self), manager, reason, &error))
    {
      axw_manager_pin_dialog_show_error (dialog, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (printer == NULL || *printer == '\0')
    {
      axw_sale_view_show_message (self, TRUE,
                                  _("No printer is set, so the drawer cannot open. Open it with "
                                    "its key."));
      return;
    }
  /* the drawer hangs on the receipt printer: never wait for it here */
  axw_printer_send_async (printer, kick, NULL, drawer_opened_cb, g_object_ref (self));
  axw_sale_view_say (self, _("Drawer opened (no sale)"));
}

static void
no_sale_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  AxwManagerPinDialog *dialog = ask_manager (AXW_SALE_VIEW (widget),
                                             _("Open the cash drawer without a sale"),
                                             G_CALLBACK (no_sale_authorized_cb));

  axw_manager_pin_dialog_present (dialog);
}

/* Discard the cart -------------------------------------------------------- */

static void
disarm_discard (AxwSaleView *self)
{
  g_object_set_data (G_OBJECT (self), "axw-discard-armed", NULL);
}

/* The first press says what would be lost; the second, with the cart
 * unchanged (any change to its lines disarms), throws it away and
 * audits it. */
static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  AxwSaleView *self = AXW_SALE_VIEW (widget);
  const AxwSale *quote = axw_sale_view_get_quote (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *total = NULL;
  g_autofree char *text = NULL;

  close_menu (self);
  if (axw_cart_is_empty (axw_sale_view_get_cart (self)) || quote == NULL)
    {
      axw_sale_view_show_message (self, TRUE,
                                  _("The cart is empty: there is nothing to throw away"));
      return;
    }
  if (axw_sale_view_has_payments (self))
    return;
  if (g_object_get_data (G_OBJECT (self), "axw-discard-armed") == NULL)
    {
      if (g_object_get_data (G_OBJECT (self), "axw-discard-watch") == NULL)
        {
          g_signal_connect_object (axw_sale_view_get_cart_model (self), "items-changed",
                                   G_CALLBACK (disarm_discard), self, G_CONNECT_SWAPPED);
          g_object_set_data (G_OBJECT (self), "axw-discard-watch", GINT_TO_POINTER (1));
        }
      g_object_set_data (G_OBJECT (self), "axw-discard-armed", GINT_TO_POINTER (1));
      total = axw_money_format_screen (quote->total_fen);
      text = g_strdup_printf (_("Throw away this whole sale (%u lines, %s)? Press Discard "
                                "(Shift+F8) again."),
                              quote->lines->len, total);
      axw_sale_view_show_message (self, FALSE, text);
      return;
    }
  disarm_discard (self);
  if (!axw_exceptions_cart_discarded (axw_sale_view_get_db (self), staff_name (self), quote,
                                      &error))
    {
      axw_sale_view_show_message (self, TRUE, error->message);
      return;
    }
  axw_sale_view_start_new_sale (self);
  axw_sale_view_say (self, _("Sale thrown away. Ready: scan the first item"));
}

/* Open-price items --------------------------------------------------------- */

static void
open_price_typed_cb (AxwManagerPinDialog *dialog,
                     const char          *manager,
                     const char          *reason,
                     const char          *value,
                     AxwSaleView         *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwLine) line = axw_line_copy (g_object_get_data (G_OBJECT (dialog), "line"));
  gint64 fen;

  if (!axw_money_parse (value, &fen, &error) || !axw_pricing_set_open_price (line, fen, &error))
    {
      axw_manager_pin_dialog_show_error (dialog, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
  axw_sale_view_add_line (self, line);
}

/**
 * axw_sale_exceptions_ask_open_price:
 * @line: an open-price item as scanned (copied)
 *
 * Asks the cashier for its price (keypad or keys); the item joins the
 * cart once the price is typed, and not at all when Escape is pressed.
 */
void
axw_sale_exceptions_ask_open_price (AxwSaleView   *self,
                                    const AxwLine *line)
{
  g_autofree char *title = g_strdup_printf (_("%s has an open price: type it"), line->name);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AxwManagerPinDialog *dialog = axw_manager_pin_dialog_new (GTK_IS_WINDOW (root)
                                                            ? GTK_WINDOW (root) : NULL,
                                                            axw_sale_view_get_db (self), title);

  g_object_set_data_full (G_OBJECT (dialog), "line", axw_line_copy (line),
                          (GDestroyNotify) axw_line_free);
  g_signal_connect_object (dialog, "authorized", G_CALLBACK (open_price_typed_cb), self, 0);
  axw_manager_pin_dialog_set_cashier_only (dialog);
  axw_manager_pin_dialog_ask_value (dialog,
                                    line->per_kg ? _("_Price per kg in yuan") : _("_Price in yuan"),
                                    TRUE);
  axw_manager_pin_dialog_present (dialog);
  axw_sale_view_show_message (self, FALSE, title);
}

/* Recall from a list ------------------------------------------------------ */

static void
held_chosen_cb (AxwHeldSalesDialog *dialog,
                gint64              id,
                AxwSaleView        *self)
{
  axw_sale_view_recall (self, id);
}

/**
 * axw_sale_exceptions_choose_held:
 *
 * Shows the held sales (time, cashier, items, total) to choose the one
 * that comes back.
 */
void
axw_sale_exceptions_choose_held (AxwSaleView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GDateTime) at = axw_sale_view_now (self);
  AxwHeldSalesDialog *dialog = axw_held_sales_dialog_new (GTK_IS_WINDOW (root)
                                                          ? GTK_WINDOW (root) : NULL,
                                                          axw_sale_view_get_db (self), at);

  g_signal_connect_object (dialog, "chosen", G_CALLBACK (held_chosen_cb), self, 0);
}

void
axw_sale_exceptions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "sale.override-price", NULL,
                                   override_price_action);
  gtk_widget_class_install_action (widget_class, "sale.void", NULL, void_sale_action);
  gtk_widget_class_install_action (widget_class, "sale.no-sale", NULL, no_sale_action);
  gtk_widget_class_install_action (widget_class, "sale.return", NULL, return_action);
  gtk_widget_class_install_action (widget_class, "sale.discard", NULL, discard_action);
}
