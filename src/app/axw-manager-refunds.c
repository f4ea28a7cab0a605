/* axw-manager-refunds.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Refunds: find a sale by its receipt number (typed or scanned) or UUID,
 * choose what comes back, see the money per payment method, then confirm
 * with the manager's PIN. The refund is axw_sales_refund(), the same as
 * `aixinwu refund`; its preview is the same computation, not written.
 */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "axw-manager-refunds.h"
#include "axw-print-runner.h"
#include "axw-sales.h"
#include "axw-settings.h"
#include "axw-staff.h"

struct _AxwManagerRefunds
{
  GtkBox            parent_instance;

  AxwDb            *db;
  char             *manager;
  GDateTime        *clock;
  AxwSale          *sale;        /* the sale found, nullable */
  GArray           *left;        /* gint64 per line: still refundable */
  GArray           *want;        /* gint64 per line: chosen to refund */
  GPtrArray        *spins;       /* GtkSpinButton per line (owned by the list) */
  AxwSale          *preview;     /* what would be refunded, nullable */
  AxwSale          *last_refund;
  AxwPrintRunner   *printer;     /* made at the first refund */
  GCancellable     *checking;    /* the manager's PIN being checked, nullable */

  GtkEntry         *sale_entry;
  GtkLabel         *sale_label;
  GtkListBox       *lines;
  GtkLabel         *money;
  GtkPasswordEntry *pin;
  GtkLabel         *message;
};

G_DEFINE_FINAL_TYPE (AxwManagerRefunds, axw_manager_refunds, GTK_TYPE_BOX)

static GDateTime *
now (AxwManagerRefunds *self)
{
  return self->clock ? g_date_time_ref (self->clock) : g_date_time_new_now_local ();
}

static GArray *
chosen_items (AxwManagerRefunds *self)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (AxwRefundItem));

  for (guint i = 0; self->want && i < self->want->len; i++)
    {
      AxwRefundItem item = { axw_sale_get_line (self->sale, i)->line_no,
        g_array_index (self->want, gint64, i) };

      if (item.qty_milli > 0)
        g_array_append_val (items, item);
    }
  return items;
}

/* Find waits for a PIN check; Confirm needs a preview too. */
static void
update_actions (AxwManagerRefunds *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "refunds.find", self->checking == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "refunds.confirm",
                                 self->checking == NULL && self->preview != NULL);
}

static void
update_preview (AxwManagerRefunds *self)
{
  g_autoptr(GArray) items = chosen_items (self);
  g_autoptr(GDateTime) at = now (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *back = NULL;
  g_autofree char *total = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_clear_pointer (&self->preview, axw_sale_free);
  if (self->sale == NULL || items->len == 0)
    {
      gtk_label_set_text (self->money,
                          self->sale ? _("Choose what comes back: set the quantities, or press "
                                                      "Whole sale.") : "");
      update_actions (self);
      return;
    }
  self->preview = axw_sales_refund_preview (self->db, self->sale->uuid,
                                            (AxwRefundItem *) items->data, items->len, at, &error);
  update_actions (self);
  if (self->preview == NULL)
    {
      gtk_label_set_text (self->money, error->message);
      return;
    }
  back = axw_sale_payments_text (self->preview);
  total = axw_money_format_screen (self->preview->total_fen + self->preview->cash_rounding_fen);
  g_string_append_printf (text, _("Give back %s: %s"), total, back);
  if (self->preview->red_packet && self->preview->red_packet->discount_fen > 0)
    {
      g_autofree char *rp = axw_money_format_screen (self->preview->red_packet->discount_fen);

      g_string_append_printf (text,
                              _("\nRed-packet share %s is no longer claimed from %s (it is not "
                                "paid to the customer)."), rp,
                              self->preview->red_packet->funder);
    }
  gtk_label_set_text (self->money, text->str);
}

static void
spin_changed_cb (GtkSpinButton     *spin,
                 AxwManagerRefunds *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), "line-index"));
  gint64 q = (gint64) llround (gtk_spin_button_get_value (spin) * 1000);

  if (self->want == NULL || i >= self->want->len)
    return;
  g_array_index (self->want, gint64, i) = CLAMP (q, 0, g_array_index (self->left, gint64, i));
  update_preview (self);
}

static GtkWidget *
line_row (AxwManagerRefunds *self,
          const AxwLine     *l,
          guint              index,
          gint64             left)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (NULL);
  g_autofree char *qty = axw_qty_format (l->qty_milli);
  g_autofree char *rest = axw_qty_format (left);
  g_autofree char *paid = axw_money_format_screen (l->pay_fen);
  g_autofree char *text = g_strdup_printf (_("%d. %s — sold %s, paid %s — %s left to refund"),
                                           l->line_no, l->name, qty, paid, rest);
  g_autofree char *a11y = g_strdup_printf (_("Quantity of %s to refund"), l->name);
  double step = l->weighed ? left / 1000.0 : (l->per_kg ? 0.1 : 1);
  GtkAdjustment *adj = gtk_adjustment_new (0, 0, left / 1000.0, step, step, 0);
  GtkWidget *spin = gtk_spin_button_new (adj, step, l->per_kg ? 3 : 0);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_size_request (spin, 200, 48);
  /* its − and + are touch targets too */
  for (GtkWidget *c = gtk_widget_get_first_child (spin); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_BUTTON (c))
      gtk_widget_set_size_request (c, 48, 48);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (spin, left > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  g_object_set_data (G_OBJECT (spin), "line-index", GUINT_TO_POINTER (index));
  g_signal_connect (spin, "value-changed", G_CALLBACK (spin_changed_cb), self);
  g_ptr_array_add (self->spins, spin);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), spin);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  return box;
}

static void
show_sale (AxwManagerRefunds *self)
{
  GtkWidget *child;

  g_ptr_array_set_size (self->spins, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lines))))
    gtk_list_box_remove (self->lines, child);
  if (self->sale == NULL)
    {
      gtk_label_set_text (self->sale_label,
                          _("Scan or type the receipt number of the sale to refund."));
      update_preview (self);
      return;
    }
  {
    g_autofree char *total = axw_money_format_screen (self->sale->total_fen + self->sale->cash_rounding_fen);
    g_autofree char *paid = axw_sale_payments_text (self->sale);
    g_autofree char *text = g_strdup_printf (_("%s — %s — cashier %s — total %s (%s)"),
                                             self->sale->receipt_no, self->sale->business_date,
                                             self->sale->staff ? self->sale->staff : "",
                                             total, paid);

    gtk_label_set_text (self->sale_label, text);
  }
  for (guint i = 0; i < self->sale->lines->len; i++)
    gtk_list_box_append (self->lines, line_row (self, axw_sale_get_line (self->sale, i), i,
                                                g_array_index (self->left, gint64, i)));
  update_preview (self);
}

static void
forget_sale (AxwManagerRefunds *self)
{
  g_clear_pointer (&self->sale, axw_sale_free);
  g_clear_pointer (&self->left, g_array_unref);
  g_clear_pointer (&self->want, g_array_unref);
}

/* Loads @sale again with what is left to refund, nothing chosen. */
static gboolean
load_sale (AxwManagerRefunds  *self,
           const char         *sale,
           GError            **error)
{
  g_autoptr(GArray) left = NULL;
  AxwSale *found = axw_sales_refundable (self->db, sale, &left, error);

  forget_sale (self);
  if (found == NULL)
    {
      show_sale (self);
      return FALSE;
    }
  self->sale = found;
  self->left = g_steal_pointer (&left);
  self->want = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_array_set_size (self->want, self->left->len);
  show_sale (self);
  return TRUE;
}

/* The receipt's QR code is a link with the sale's UUID or receipt number
 * in it (receipt.qr_url): a scanned link finds its sale. */
static char *
sale_ref_from_scan (const char *text)
{
  static const char *patterns[] = {
    "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
    "[A-Za-z0-9]+-[A-Za-z0-9]+-[0-9]{8}-[0-9]{4,}",
  };

  if (strchr (text, '/') == NULL)
    return g_strdup (text);
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      g_autoptr(GRegex) re = g_regex_new (patterns[i], 0, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (re, text, 0, &match))
        return g_match_info_fetch (match, 0);
    }
  return g_strdup (text);
}

/**
 * axw_manager_refunds_find:
 * @sale: a receipt number (typed or scanned) or a UUID
 *
 * Returns: whether a sale that can be refunded was found
 */
gboolean
axw_manager_refunds_find (AxwManagerRefunds *self,
                          const char        *sale)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = g_strstrip (g_strdup (sale ? sale : ""));
  g_autofree char *clean = sale_ref_from_scan (typed);
  g_autofree char *msg = NULL;

  g_return_val_if_fail (AXW_IS_MANAGER_REFUNDS (self), FALSE);
  if (*clean == '\0')
    {
      gtk_label_set_text (self->message, _("Scan or type the receipt number first."));
      return FALSE;
    }
  if (!load_sale (self, clean, &error))
    {
      gtk_label_set_text (self->message, error->message);
      return FALSE;
    }
  if (self->sale->is_refund)
    {
      msg = g_strdup_printf (_("%s is itself a refund. Find the original sale."),
                             self->sale->receipt_no);
      gtk_label_set_text (self->message, msg);
      return FALSE;
    }
  gtk_label_set_text (self->message, "");
  return TRUE;
}

/* Chooses @qty_milli of line @line_no (1-based), as its spin button does. */
gboolean
axw_manager_refunds_set_qty (AxwManagerRefunds *self,
                             int                line_no,
                             gint64             qty_milli)
{
  g_return_val_if_fail (AXW_IS_MANAGER_REFUNDS (self), FALSE);
  if (self->sale == NULL || line_no < 1 || (guint) line_no > self->spins->len)
    return FALSE;
  gtk_spin_button_set_value (g_ptr_array_index (self->spins, line_no - 1), qty_milli / 1000.0);
  return g_array_index (self->want, gint64, line_no - 1) == qty_milli;
}

static void
find_cb (GtkWidget  *widget,
         const char *action,
         GVariant   *param)
{
  AxwManagerRefunds *self = AXW_MANAGER_REFUNDS (widget);

  axw_manager_refunds_find (self, gtk_editable_get_text (GTK_EDITABLE (self->sale_entry)));
}

static void
set_all (AxwManagerRefunds *self,
         gboolean           all)
{
  for (guint i = 0; i < self->spins->len; i++)
    gtk_spin_button_set_value (g_ptr_array_index (self->spins, i),
                               all ? g_array_index (self->left, gint64, i) / 1000.0 : 0);
}

static void
all_cb (GtkWidget  *widget,
        const char *action,
        GVariant   *param)
{
  set_all (AXW_MANAGER_REFUNDS (widget), TRUE);
}

static void
none_cb (GtkWidget  *widget,
         const char *action,
         GVariant   *param)
{
  set_all (AXW_MANAGER_REFUNDS (widget), FALSE);
}

static void
printed_cb (AxwManagerRefunds *self,
            gboolean           all_printed)
{
  g_autofree char *text = NULL;

  if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;
  text = g_strconcat (gtk_label_get_text (self->message), "\n",
                      all_printed ? _("The refund receipt is printed.")
                                  : _("The printer did not print it: the refund receipt waits in "
                                      "the print "
                                      "queue. Check the printer, then reprint."), NULL);
  gtk_label_set_text (self->message, text);
}

/* The refund is committed with its print job; printing runs off the GTK
 * thread and a printer problem only leaves the job for a retry. */
static void
print_refund (AxwManagerRefunds *self)
{
  if (self->printer == NULL)
    {
      self->printer = axw_print_runner_new (self->db);
      g_signal_connect_object (self->printer, "finished", G_CALLBACK (printed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  axw_print_runner_run (self->printer);
}

/* What was confirmed, kept while the PIN is checked: the lines chosen
 * then are the ones refunded, whatever the spin buttons say meanwhile. */
typedef struct
{
  AxwManagerRefunds *self;
  char              *sale;
  GArray            *items;
} Confirmed;

static void
confirmed_free (Confirmed *c)
{
  g_object_unref (c->self);
  g_free (c->sale);
  g_array_unref (c->items);
  g_free (c);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Confirmed, confirmed_free)

static void
set_checking (AxwManagerRefunds *self,
              GCancellable      *checking)
{
  g_clear_object (&self->checking);
  self->checking = checking ? g_object_ref (checking) : NULL;
  update_actions (self);
}

/* The refund itself, once the manager's PIN is right. */
static void
pin_checked_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(Confirmed) c = data;
  AxwManagerRefunds *self = c->self;
  g_autoptr(GDateTime) at = now (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwStaff) manager = NULL;
  g_autofree char *back = NULL;
  g_autofree char *msg = NULL;
  AxwSale *refund;

  if (self->db == NULL)
    return;
  manager = axw_staff_authorize_manager_finish (self->db, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_checking (self, NULL);
  if (manager == NULL)
    {
      msg = g_strdup_printf (_("%s Nothing was refunded."), error->message);
      gtk_label_set_text (self->message, msg);
      gtk_widget_grab_focus (GTK_WIDGET (self->pin));
      return;
    }
  refund = axw_sales_refund (self->db, c->sale, (AxwRefundItem *) c->items->data, c->items->len,
                             manager->name, at, &error);
  if (refund == NULL)
    {
      gtk_label_set_text (self->message, error->message);
      return;
    }
  g_clear_pointer (&self->last_refund, axw_sale_free);
  self->last_refund = refund;
  back = axw_sale_payments_text (refund);
  msg = g_strdup_printf (_("Refund %s done. Give back: %s."), refund->receipt_no, back);
  load_sale (self, c->sale, NULL);
  gtk_label_set_text (self->message, msg);
  print_refund (self);
}

/* The manager's PIN is checked (Argon2) off the GTK thread; the page
 * keeps drawing, and Find and Confirm wait until the answer. */
static void
confirm_cb (GtkWidget  *widget,
            const char *action,
            GVariant   *param)
{
  AxwManagerRefunds *self = AXW_MANAGER_REFUNDS (widget);
  g_autofree char *pin = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->pin)));
  g_autoptr(GCancellable) checking = NULL;
  Confirmed *c;

  gtk_editable_set_text (GTK_EDITABLE (self->pin), "");
  if (self->checking != NULL)
    return;
  if (self->sale == NULL || self->preview == NULL)
    {
      gtk_label_set_text (self->message, _("Find the sale and choose what comes back first."));
      return;
    }
  c = g_new0 (Confirmed, 1);
  c->self = g_object_ref (self);
  c->sale = g_strdup (self->sale->uuid);
  c->items = chosen_items (self);
  checking = g_cancellable_new ();
  set_checking (self, checking);
  gtk_label_set_text (self->message, _("Checking the PIN…"));
  axw_staff_login_async (self->db, self->manager, pin, checking, pin_checked_cb, c);
}

static void
entry_activate_cb (GtkEntry          *entry,
                   AxwManagerRefunds *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "refunds.find", NULL);
}

static void
pin_activate_cb (GtkPasswordEntry  *entry,
                 AxwManagerRefunds *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "refunds.confirm", NULL);
}

static void
axw_manager_refunds_dispose (GObject *object)
{
  AxwManagerRefunds *self = AXW_MANAGER_REFUNDS (object);

  if (self->checking != NULL)
    g_cancellable_cancel (self->checking);
  g_clear_object (&self->checking);
  g_clear_object (&self->printer);
  gtk_widget_dispose_template (GTK_WIDGET (object), AXW_TYPE_MANAGER_REFUNDS);
  forget_sale (self);
  g_clear_pointer (&self->spins, g_ptr_array_unref);
  g_clear_pointer (&self->preview, axw_sale_free);
  g_clear_pointer (&self->last_refund, axw_sale_free);
  g_clear_pointer (&self->clock, g_date_time_unref);
  g_clear_object (&self->db);
  g_clear_pointer (&self->manager, g_free);
  G_OBJECT_CLASS (axw_manager_refunds_parent_class)->dispose (object);
}

static void
axw_manager_refunds_class_init (AxwManagerRefundsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = axw_manager_refunds_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/aixinwu/Pos/ui/axw-manager-refunds.ui");
  gtk_widget_class_bind_template_child (widget_class, AxwManagerRefunds, sale_entry);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerRefunds, sale_label);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerRefunds, lines);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerRefunds, money);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerRefunds, pin);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerRefunds, message);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, pin_activate_cb);
  gtk_widget_class_install_action (widget_class, "refunds.find", NULL, find_cb);
  gtk_widget_class_install_action (widget_class, "refunds.all", NULL, all_cb);
  gtk_widget_class_install_action (widget_class, "refunds.none", NULL, none_cb);
  gtk_widget_class_install_action (widget_class, "refunds.confirm", NULL, confirm_cb);
}

static void
axw_manager_refunds_init (AxwManagerRefunds *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->spins = g_ptr_array_new ();
  update_actions (self);
}

void
axw_manager_refunds_set_db (AxwManagerRefunds *self,
                            AxwDb             *db,
                            const char        *manager)
{
  g_return_if_fail (AXW_IS_MANAGER_REFUNDS (self));
  g_set_object (&self->db, db);
  g_clear_object (&self->printer);
  g_free (self->manager);
  self->manager = g_strdup (manager);
  forget_sale (self);
  show_sale (self);
}

void
axw_manager_refunds_set_clock (AxwManagerRefunds *self,
                               GDateTime         *at)
{
  g_return_if_fail (AXW_IS_MANAGER_REFUNDS (self));
  g_clear_pointer (&self->clock, g_date_time_unref);
  self->clock = at ? g_date_time_ref (at) : NULL;
}

/* Returns: (transfer none) (nullable): what the chosen lines would refund */
const AxwSale *
axw_manager_refunds_get_preview (AxwManagerRefunds *self)
{
  return self->preview;
}

/* Returns: (transfer none) (nullable): the last refund made here */
const AxwSale *
axw_manager_refunds_get_last_refund (AxwManagerRefunds *self)
{
  return self->last_refund;
}

const char *
axw_manager_refunds_get_message (AxwManagerRefunds *self)
{
  return gtk_label_get_text (self->message);
}

/* The money that goes back, as shown before confirming. */
const char *
axw_manager_refunds_get_money_text (AxwManagerRefunds *self)
{
  return gtk_label_get_text (self->money);
}

gboolean
axw_manager_refunds_is_printing (AxwManagerRefunds *self)
{
  return self->printer != NULL && axw_print_runner_is_running (self->printer);
}

/* Whether a confirmed refund waits for its PIN check. */
gboolean
axw_manager_refunds_is_checking (AxwManagerRefunds *self)
{
  return self->checking != NULL;
}
