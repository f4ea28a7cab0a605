/* axw-donation-bar.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "axw-donation-bar.h"
#include "axw-money.h"

struct _AxwDonationBar
{
  GtkWidget  parent_instance;

  GtkLabel  *state_label;
  GtkEntry  *amount;
};

G_DEFINE_FINAL_TYPE (AxwDonationBar, axw_donation_bar, GTK_TYPE_WIDGET)

/**
 * axw_donation_bar_show_sale:
 * @quote: (nullable): the open sale as priced
 *
 * Says what the sale gives and to which fund, with a heart and words,
 * never colour alone; says nothing when it gives nothing.
 */
void
axw_donation_bar_show_sale (AxwDonationBar *self,
                            const AxwSale  *quote)
{
  g_autofree char *amount = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (AXW_IS_DONATION_BAR (self));

  if (quote == NULL || quote->donation_fund == NULL || quote->donation_fen <= 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->state_label), FALSE);
      return;
    }
  amount = axw_money_format_screen (quote->donation_fen);
  text = g_strdup_printf (_("♥ Donation %s to %s — thank you"), amount, quote->donation_fund);
  gtk_label_set_text (self->state_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->state_label), TRUE);
}

/* The amount typed goes to sale.donate-amount of the sale screen around. */
static void
amount_activate_cb (AxwDonationBar *self)
{
  g_autofree char *typed = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->amount)));

  gtk_editable_set_text (GTK_EDITABLE (self->amount), "");
  gtk_widget_activate_action (GTK_WIDGET (self), "sale.donate-amount", "s", typed);
}

static void
axw_donation_bar_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), AXW_TYPE_DONATION_BAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (axw_donation_bar_parent_class)->dispose (object);
}

static void
axw_donation_bar_class_init (AxwDonationBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = axw_donation_bar_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "axw-donation-bar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/aixinwu/Pos/ui/axw-donation-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, AxwDonationBar, state_label);
  gtk_widget_class_bind_template_child (widget_class, AxwDonationBar, amount);
  gtk_widget_class_bind_template_callback (widget_class, amount_activate_cb);
}

static void
axw_donation_bar_init (AxwDonationBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                              8);
}
