/* axw-held-sales-dialog.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "axw-checkout.h"
#include "axw-held-sales.h"
#include "axw-held-sales-dialog.h"
#include "axw-settings.h"

struct _AxwHeldSalesDialog
{
  GtkWindow   parent_instance;

  GtkListBox *list;
  GtkLabel   *message;
  guint       n;
};

G_DEFINE_FINAL_TYPE (AxwHeldSalesDialog, axw_held_sales_dialog, GTK_TYPE_WINDOW)

enum {
  SIGNAL_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "10:02" in the shop's time zone. */
static char *
held_time (const char *held_at,
           GTimeZone  *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (held_at, NULL);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_timezone (utc, tz) : NULL;

  return local ? g_date_time_format (local, "%H:%M") : g_strdup (held_at);
}

/* "赤松茸 ×2, 藜麦粥 ×1, …" */
static char *
items_text (const AxwCart *cart)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < axw_cart_get_n_lines (cart); i++)
    {
      const AxwLine *l = axw_cart_get_line (cart, i);
      g_autofree char *qty = axw_qty_format (l->qty_milli);

      if (i == 3)
        {
          g_string_append (s, "，…");
          break;
        }
      g_string_append_printf (s, "%s%s ×%s%s", i ? "，" : "", l->name, qty, l->per_kg ? "kg" : "");
    }
  return g_string_free (s, FALSE);
}

static GtkWidget *
held_row (AxwDb             *db,
          const AxwHeldSale *held,
          GTimeZone         *tz,
          GDateTime         *now)
{
  g_autoptr(AxwSale) quote = axw_checkout_quote (db, held->cart, now, NULL);
  g_autofree char *when = held_time (held->held_at, tz);
  g_autofree char *items = items_text (held->cart);
  g_autofree char *total = quote ? axw_money_format_screen (quote->total_fen) : g_strdup ("—");
  g_autofree char *title = g_strdup_printf (_("%s, held by %s: %s"), when, held->staff, total);
  g_autofree char *a11y = g_strdup_printf ("%s. %s", title, items);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *head = gtk_label_new (title);
  GtkWidget *detail = gtk_label_new (items);

  gtk_widget_add_css_class (head, "axw-heading");
  gtk_label_set_xalign (GTK_LABEL (head), 0);
  gtk_label_set_wrap (GTK_LABEL (head), TRUE);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_box_append (GTK_BOX (box), head);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_size_request (row, -1, 64);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  g_object_set_data (G_OBJECT (row), "held-id", GSIZE_TO_POINTER ((gsize) held->id));
  return row;
}

static void
row_activated_cb (AxwHeldSalesDialog *self,
                  GtkListBoxRow      *row)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "held-id"));

  g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_CHOSEN], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
load (AxwHeldSalesDialog *self,
      AxwDb              *db,
      GDateTime          *now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) held = axw_held_sales_list (db, &error);
  g_autofree char *tz_name = axw_settings_get (db, "timezone");
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (tz_name ? tz_name : "Asia/Shanghai");

  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  if (held == NULL)
    {
      gtk_label_set_text (self->message, error->message);
      return;
    }
  for (guint i = 0; i < held->len; i++)
    gtk_list_box_append (self->list, held_row (db, g_ptr_array_index (held, i), tz, now));
  self->n = held->len;
}

/**
 * axw_held_sales_dialog_new:
 * @now: when the held sales are priced for their totals
 *
 * Returns: (transfer none): the dialog, shown, the newest held sale
 *   chosen; it destroys itself
 */
AxwHeldSalesDialog *
axw_held_sales_dialog_new (GtkWindow *parent,
                           AxwDb     *db,
                           GDateTime *now)
{
  AxwHeldSalesDialog *self = g_object_new (AXW_TYPE_HELD_SALES_DIALOG, "transient-for", parent,
                                           NULL);
  GtkListBoxRow *first;

  load (self, db, now);
  gtk_window_present (GTK_WINDOW (self));
  if ((first = gtk_list_box_get_row_at_index (self->list, 0)) != NULL)
    {
      gtk_list_box_select_row (self->list, first);
      gtk_widget_grab_focus (GTK_WIDGET (first));
    }
  return self;
}

guint
axw_held_sales_dialog_get_n (AxwHeldSalesDialog *self)
{
  g_return_val_if_fail (AXW_IS_HELD_SALES_DIALOG (self), 0);
  return self->n;
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
axw_held_sales_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AXW_TYPE_HELD_SALES_DIALOG);
  G_OBJECT_CLASS (axw_held_sales_dialog_parent_class)->dispose (object);
}

static void
axw_held_sales_dialog_class_init (AxwHeldSalesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = axw_held_sales_dialog_dispose;

  /**
   * AxwHeldSalesDialog::chosen:
   * @id: the held sale's id, for axw_held_sales_recall_id()
   */
  signals[SIGNAL_CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/aixinwu/Pos/ui/axw-held-sales-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AxwHeldSalesDialog, list);
  gtk_widget_class_bind_template_child (widget_class, AxwHeldSalesDialog, message);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_install_action (widget_class, "held.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "held.close", NULL);
}

static void
axw_held_sales_dialog_init (AxwHeldSalesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
