/* axw-manager-goods-in.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Goods in (进货): choose the supplier, scan or search each product, type
 * the quantity (and the cost, which starts as the last one paid), Enter.
 * Nothing is written until the manager confirms; then
 * axw_deliveries_receive() raises the stock of every line in one
 * transaction, audited, the code of `aixinwu receive`. A delivery listed
 * below can go back to its supplier, all of it or part of each line
 * (axw_deliveries_return()). The consignment settlement shown is saved as
 * CSV or PDF by a worker thread. Escape discards the lines typed.
 */
#include <glib/gi18n.h>

#include <string.h>

#include "axw-audit.h"
#include "axw-consignment.h"
#include "axw-deliveries.h"
#include "axw-list-label.h"
#include "axw-manager-goods-in.h"
#include "axw-money.h"
#include "axw-product-item.h"
#include "axw-partner-sales.h"
#include "axw-products.h"
#include "axw-report-render.h"
#include "axw-report-file.h"
#include "axw-suppliers.h"

#define FOUND_SHOWN 20
#define DELIVERIES_SHOWN 50
#define LOW_SHOWN 200

typedef struct _SaveJob SaveJob;

struct _AxwManagerGoodsIn
{
  GtkBox              parent_instance;

  AxwDb              *db;
  char               *manager;
  GListStore         *items;        /* AxwProductItem: a line, qty in "counted" */
  GListStore         *matches;      /* AxwProductItem: the search's results */
  GtkStringList      *suppliers;    /* names, for the drop-down */
  GtkStringList      *deliveries;   /* described, newest first */
  GArray             *delivery_ids; /* gint64, as deliveries */
  GListStore         *low;          /* AxwProductItem: at or under their alert level */
  AxwProduct         *current;      /* (nullable) the product being received */
  AdwMessageDialog   *dialog;       /* (nullable) (unowned) the open dialog */
  GtkWidget          *form[5];      /* the new supplier dialog's fields */
  GPtrArray          *return_entries; /* GtkEntry (unowned): the return dialog's quantities */
  GArray             *return_lines; /* guint: their line numbers */
  gint64              return_of;    /* the delivery the return dialog is of */
  GtkFileChooserNative *chooser;    /* (nullable) where to save the settlement */
  SaveJob            *chosen;       /* (nullable) what the open chooser is for */
  gboolean            saving;
  gint64              shown_number; /* the settlement shown: its number, 0 a preview */
  char               *shown_supplier; /* (nullable) nothing shown yet */
  char               *shown_from;
  char               *shown_to;

  GtkListBox         *supplier;
  GtkEntry           *date;
  GtkSearchEntry     *scan;
  GtkEntry           *qty;
  GtkEntry           *cost;
  GtkLabel           *current_label;
  GtkWidget          *found_scroller;
  GtkListView        *found;
  GtkColumnView      *list;
  GtkLabel           *total;
  GtkLabel           *message;
  GtkListView        *delivery_list;
  GtkListView        *low_list;
  GtkEntry           *period_from;
  GtkEntry           *period_to;
  GtkLabel           *period_text;
};

G_DEFINE_FINAL_TYPE (AxwManagerGoodsIn, axw_manager_goods_in, GTK_TYPE_BOX)

static void
say (AxwManagerGoodsIn *self,
     const char        *text)
{
  gtk_label_set_text (self->message, text);
}

static void
show_current (AxwManagerGoodsIn *self)
{
  g_autofree char *stock = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *text = NULL;
  const AxwProduct *p = self->current;

  if (p == NULL)
    {
      gtk_label_set_text (self->current_label, _("No product chosen yet."));
      gtk_editable_set_text (GTK_EDITABLE (self->cost), "");
      return;
    }
  stock = axw_qty_format (p->stock_milli);
  cost = axw_money_format (p->cost_fen);
  text = g_strdup_printf (p->per_kg ? _("Receiving “%s” (%s) by the kg: %s kg in stock")
                                    : _("Receiving “%s” (%s): %s in stock"),
                          p->name, p->barcode ? p->barcode : p->plu, stock);
  gtk_label_set_text (self->current_label, text);
  gtk_editable_set_text (GTK_EDITABLE (self->cost), cost);
}

static void
show_total (AxwManagerGoodsIn *self)
{
  GListModel *model = G_LIST_MODEL (self->items);
  g_autofree char *amount = NULL;
  g_autofree char *text = NULL;
  gint64 sum = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AxwProductItem) item = g_list_model_get_item (model, i);

      sum += axw_mul_div_round (axw_product_item_get_product (item)->cost_fen,
                                axw_product_item_get_counted (item), 1000);
    }
  amount = axw_money_format_screen (sum);
  text = g_strdup_printf (ngettext ("%u line, cost %s", "%u lines, cost %s",
                                    g_list_model_get_n_items (model)),
                          g_list_model_get_n_items (model), amount);
  gtk_label_set_text (self->total, text);
}

static void
choose (AxwManagerGoodsIn *self,
        AxwProduct        *product)
{
  g_clear_pointer (&self->current, axw_product_free);
  self->current = product;
  show_current (self);
  say (self, "");
  g_list_store_remove_all (self->matches);
  gtk_widget_set_visible (self->found_scroller, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->scan), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->qty));
}

/**
 * axw_manager_goods_in_scan:
 * @text: a barcode or PLU, or a search (name, pinyin initials)
 *
 * What Enter in the scan entry does (axw_products_find_typed()).
 *
 * Returns: whether a product was chosen
 */
gboolean
axw_manager_goods_in_scan (AxwManagerGoodsIn *self,
                           const char        *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = g_strstrip (g_strdup (text ? text : ""));
  AxwProduct *p;

  g_return_val_if_fail (AXW_IS_MANAGER_GOODS_IN (self), FALSE);
  if (*code == '\0')
    return FALSE;
  p = axw_products_find_typed (self->db, code, &error);
  if (p == NULL)
    {
      say (self, error->message);
      return FALSE;
    }
  choose (self, p);
  return TRUE;
}

/**
 * axw_manager_goods_in_add_line:
 * @qty: pieces, or kg for goods sold by weight
 * @cost: yuan per piece or kg
 *
 * What Enter in the quantity or the cost entry does: the product chosen
 * becomes a line of the delivery.
 *
 * Returns: whether the line was added
 */
gboolean
axw_manager_goods_in_add_line (AxwManagerGoodsIn *self,
                               const char        *qty,
                               const char        *cost)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwProductItem) item = NULL;
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  gint64 milli, fen;

  g_return_val_if_fail (AXW_IS_MANAGER_GOODS_IN (self), FALSE);
  if (self->current == NULL)
    {
      say (self, _("Scan or search a product first."));
      return FALSE;
    }
  if (!axw_qty_parse (qty, &milli, &error) || (!self->current->per_kg && milli % 1000 != 0))
    {
      text = g_strdup_printf (_("Quantity: %s Type whole pieces, or kg for goods sold by weight, "
                                "e.g. 12 or 2.5."),
                              error ? error->message : "");
      say (self, text);
      gtk_widget_grab_focus (GTK_WIDGET (self->qty));
      return FALSE;
    }
  if (!axw_money_parse (cost, &fen, &error))
    {
      text = g_strdup_printf (_("Cost: %s Type yuan per piece or per kg, e.g. 18.5."),
                              error->message);
      say (self, text);
      gtk_widget_grab_focus (GTK_WIDGET (self->cost));
      return FALSE;
    }
  self->current->cost_fen = fen;
  item = axw_product_item_new (g_steal_pointer (&self->current));
  axw_product_item_set_counted (item, milli);
  g_list_store_append (self->items, item);
  shown = axw_product_item_dup_text (item, "counted");
  text = g_strdup_printf (_("“%s”: %s added."), axw_product_item_get_product (item)->name, shown);
  say (self, text);
  gtk_editable_set_text (GTK_EDITABLE (self->qty), "");
  show_current (self);
  show_total (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->scan));
  return TRUE;
}

static void
scan_activate_cb (AxwManagerGoodsIn *self)
{
  axw_manager_goods_in_scan (self, gtk_editable_get_text (GTK_EDITABLE (self->scan)));
}

static void
line_activate_cb (AxwManagerGoodsIn *self)
{
  axw_manager_goods_in_add_line (self, gtk_editable_get_text (GTK_EDITABLE (self->qty)),
                                 gtk_editable_get_text (GTK_EDITABLE (self->cost)));
}

static void
scan_changed_cb (AxwManagerGoodsIn *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->scan));

  gtk_widget_set_visible (self->found_scroller,
                          axw_product_item_search_into (self->matches, self->db, text,
                                                        FOUND_SHOWN) > 0);
}

static void
found_activate_cb (AxwManagerGoodsIn *self,
                   guint              position)
{
  g_autoptr(AxwProductItem) item = g_list_model_get_item (G_LIST_MODEL (self->matches), position);

  if (item)
    choose (self, axw_product_copy (axw_product_item_get_product (item)));
}

static void
found_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  AxwProductItem *p = gtk_list_item_get_item (item);
  g_autofree char *code = axw_product_item_dup_text (p, "code");
  g_autofree char *stock = axw_product_item_dup_text (p, "stock");
  g_autofree char *text = g_strdup_printf (_("%s · %s · in stock %s"),
                                           axw_product_item_get_product (p)->name, code, stock);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

/* Suppliers and deliveries ----------------------------------------------- */

static void
delivery_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkStringObject *line = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (line));
}

/* A supplier in the list: a large row, its name. */
static GtkWidget *
supplier_row_new (gpointer item,
                  gpointer user_data)
{
  const char *name = gtk_string_object_get_string (item);
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_size_request (label, -1, 48);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return row;
}

static void
select_supplier_row (AxwManagerGoodsIn *self,
                     int                index)
{
  GtkListBoxRow *row = index >= 0 ? gtk_list_box_get_row_at_index (self->supplier, index) : NULL;

  if (row)
    gtk_list_box_select_row (self->supplier, row);
  else
    gtk_list_box_unselect_all (self->supplier);
}

static void
reload_suppliers (AxwManagerGoodsIn *self,
                  const char        *select)
{
  g_autoptr(GPtrArray) list = axw_suppliers_list (self->db, NULL);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  guint selected = 0;

  for (guint i = 0; list && i < list->len; i++)
    {
      AxwSupplier *s = g_ptr_array_index (list, i);

      g_strv_builder_add (names, s->name);
      if (g_strcmp0 (s->name, select) == 0)
        selected = i;
    }
  strv = g_strv_builder_end (names);
  gtk_string_list_splice (self->suppliers, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->suppliers)),
                          (const char * const *) strv);
  select_supplier_row (self, strv[0] ? (int) selected : -1);
}

static void
reload_deliveries (AxwManagerGoodsIn *self)
{
  g_autoptr(GPtrArray) list = axw_deliveries_list (self->db, DELIVERIES_SHOWN, NULL);
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  g_array_set_size (self->delivery_ids, 0);
  for (guint i = 0; list && i < list->len; i++)
    {
      AxwDelivery *d = g_ptr_array_index (list, i);

      g_autofree char *line = axw_delivery_describe (d);

      g_strv_builder_add (lines, line);
      g_array_append_val (self->delivery_ids, d->id);
    }
  strv = g_strv_builder_end (lines);
  gtk_string_list_splice (self->deliveries, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->deliveries)),
                          (const char * const *) strv);
}

static void
reload_low_stock (AxwManagerGoodsIn *self)
{
  g_autoptr(GPtrArray) low = axw_products_low_stock (self->db, LOW_SHOWN, NULL);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; low && i < low->len; i++)
    g_ptr_array_add (items, axw_product_item_new (g_steal_pointer (&low->pdata[i])));
  g_list_store_splice (self->low, 0, g_list_model_get_n_items (G_LIST_MODEL (self->low)),
                       items->pdata, items->len);
}

static void
low_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  g_autofree char *text = axw_product_describe_stock (axw_product_item_get_product (gtk_list_item_get_item (item)));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

/* A low product picked: it is the one being received. */
static void
low_activate_cb (AxwManagerGoodsIn *self,
                 guint              position)
{
  g_autoptr(AxwProductItem) item = g_list_model_get_item (G_LIST_MODEL (self->low), position);

  if (item)
    choose (self, axw_product_copy (axw_product_item_get_product (item)));
}

/**
 * axw_manager_goods_in_select_supplier:
 *
 * Returns: whether a supplier of that name is listed (and now chosen)
 */
gboolean
axw_manager_goods_in_select_supplier (AxwManagerGoodsIn *self,
                                      const char        *name)
{
  GListModel *model = G_LIST_MODEL (self->suppliers);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (self->suppliers, i), name))
      {
        select_supplier_row (self, (int) i);
        return TRUE;
      }
  return FALSE;
}

/* Returns: (nullable): the chosen supplier's name */
const char *
axw_manager_goods_in_get_supplier (AxwManagerGoodsIn *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->supplier);

  if (row == NULL)
    return NULL;
  return gtk_string_list_get_string (self->suppliers, (guint) gtk_list_box_row_get_index (row));
}

/* Dialogs ---------------------------------------------------------------- */

typedef void (*Confirmed) (AxwManagerGoodsIn *self);

static void
dialog_response_cb (AdwMessageDialog  *dialog,
                    const char        *response,
                    AxwManagerGoodsIn *self)
{
  Confirmed confirmed = g_object_get_data (G_OBJECT (dialog), "axw-confirmed");

  if (!g_str_equal (response, "cancel"))
    confirmed (self);
  else
    say (self, _("Nothing was changed."));
  /* the return dialog's entries go with it */
  g_ptr_array_set_size (self->return_entries, 0);
  g_array_set_size (self->return_lines, 0);
}

/* Asks before @confirmed runs; @extra (nullable) goes inside the dialog. */
static void
ask (AxwManagerGoodsIn *self,
     const char        *heading,
     const char        *body,
     const char        *yes,
     GtkWidget         *extra,
     Confirmed          confirmed)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "yes", yes,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "yes",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "yes");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  if (extra)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), extra);
  g_object_set_data (G_OBJECT (dialog), "axw-confirmed", confirmed);
  g_signal_connect_object (dialog, "response", G_CALLBACK (dialog_response_cb), self, 0);
  self->dialog = ADW_MESSAGE_DIALOG (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
receive_confirmed (AxwManagerGoodsIn *self)
{
  GListModel *model = G_LIST_MODEL (self->items);
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (AxwDeliveryLine));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date))));
  gint64 id = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AxwProductItem) item = g_list_model_get_item (model, i);
      const AxwProduct *p = axw_product_item_get_product (item);
      AxwDeliveryLine line = { p->id, axw_product_item_get_counted (item), p->cost_fen };

      g_array_append_val (lines, line);
    }
  if (!axw_deliveries_receive (self->db, axw_manager_goods_in_get_supplier (self),
                               *date ? date : NULL,
                               (AxwDeliveryLine *) lines->data, lines->len, self->manager, &id,
                               &error))
    {
      text = g_strdup_printf (_("%s Nothing was received."), error->message);
      say (self, text);
      return;
    }
  g_list_store_remove_all (self->items);
  show_total (self);
  reload_deliveries (self);
  reload_low_stock (self);
  text = g_strdup_printf (_("Delivery %lld received: %u lines, the stock is up."), (long long) id,
                          lines->len);
  say (self, text);
  gtk_widget_grab_focus (GTK_WIDGET (self->scan));
}

static void
receive_cb (GtkWidget  *widget,
            const char *action,
            GVariant   *param)
{
  AxwManagerGoodsIn *self = AXW_MANAGER_GOODS_IN (widget);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  const char *supplier = axw_manager_goods_in_get_supplier (self);
  g_autofree char *body = NULL;

  if (supplier == NULL)
    {
      say (self, _("Add the supplier first (New supplier…)."));
      return;
    }
  if (n == 0)
    {
      say (self, _("No lines yet: scan a product and type how many came."));
      return;
    }
  body = g_strdup_printf (_("%s from %s. The stock of every line goes up, in your name in the "
                            "audit log. "
                            "A mistake is put right by returning the delivery to the supplier."),
                          gtk_label_get_text (self->total), supplier);
  ask (self, _("Receive this delivery?"), body, _("_Receive"), NULL, receive_confirmed);
}

static void
return_confirmed (AxwManagerGoodsIn *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (AxwDeliveryReturn));
  g_autofree char *text = NULL;
  gint64 delivery = self->return_of, id = 0;

  for (guint i = 0; i < self->return_entries->len; i++)
    {
      AxwDeliveryReturn item = { g_array_index (self->return_lines, guint, i), 0 };
      g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (
                                 GTK_EDITABLE (g_ptr_array_index (self->return_entries, i)))));

      if (*typed == '\0' || g_str_equal (typed, "0"))
        continue;
      if (!axw_qty_parse (typed, &item.qty_milli, NULL) || item.qty_milli <= 0)
        {
          text = g_strdup_printf (_("Line %u: “%s” is not a quantity (pieces, or kg for goods "
                                    "by weight). Nothing was returned."), item.line_no, typed);
          say (self, text);
          return;
        }
      g_array_append_val (items, item);
    }
  if (items->len == 0)
    {
      say (self, _("Every quantity was 0: nothing was returned."));
      return;
    }
  if (!axw_deliveries_return (self->db, delivery, (AxwDeliveryReturn *) items->data, items->len,
                              self->manager, &id, &error))
    {
      text = g_strdup_printf (_("%s Nothing was returned."), error->message);
      say (self, text);
      return;
    }
  reload_deliveries (self);
  reload_low_stock (self);
  text = g_strdup_printf (_("Delivery %lld went back to the supplier (return %lld): the stock is "
                            "down."),
                          (long long) delivery, (long long) id);
  say (self, text);
}

/* The return dialog's lines: what is left of each, to type less. */
static GtkWidget *
return_grid (AxwManagerGoodsIn *self,
             GPtrArray         *lines)
{
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());

  gtk_grid_set_row_spacing (grid, 6);
  gtk_grid_set_column_spacing (grid, 12);
  g_ptr_array_set_size (self->return_entries, 0);
  g_array_set_size (self->return_lines, 0);
  for (guint i = 0; i < lines->len; i++)
    {
      const AxwDeliveryLineLeft *l = g_ptr_array_index (lines, i);
      g_autofree char *left = axw_qty_format (l->left_milli);
      g_autofree char *text = NULL;
      g_autofree char *name = NULL;
      GtkWidget *label, *entry;

      if (l->left_milli <= 0)
        continue;
      text = g_strdup_printf (l->per_kg ? _("%u. %s: %s kg left") : _("%u. %s: %s left"),
                              l->line_no, l->name, left);
      name = g_strdup_printf (_("How much of line %u, %s, goes back"), l->line_no, l->name);
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      entry = gtk_entry_new ();
      gtk_editable_set_text (GTK_EDITABLE (entry), left);
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 8);
      gtk_widget_set_size_request (entry, -1, 48);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      label, NULL, -1);
      gtk_grid_attach (grid, label, 0, (int) self->return_entries->len, 1, 1);
      gtk_grid_attach (grid, entry, 1, (int) self->return_entries->len, 1, 1);
      g_ptr_array_add (self->return_entries, entry);
      g_array_append_val (self->return_lines, l->line_no);
    }
  return GTK_WIDGET (grid);
}

static void
return_cb (GtkWidget  *widget,
           const char *action,
           GVariant   *param)
{
  AxwManagerGoodsIn *self = AXW_MANAGER_GOODS_IN (widget);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (self->delivery_list));
  guint i = gtk_single_selection_get_selected (selection);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *body = NULL;
  GtkWidget *grid;

  if (i == GTK_INVALID_LIST_POSITION || i >= self->delivery_ids->len)
    {
      say (self, _("Pick a delivery in the list first."));
      return;
    }
  self->return_of = g_array_index (self->delivery_ids, gint64, i);
  if ((lines = axw_deliveries_lines_left (self->db, self->return_of, &error)) == NULL)
    {
      say (self, error->message);
      return;
    }
  grid = return_grid (self, lines);
  if (self->return_entries->len == 0)
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (_("Everything of delivery %lld has gone back already."),
                              (long long) self->return_of);

      g_object_ref_sink (grid);
      g_object_unref (grid);
      say (self, text);
      return;
    }
  body = g_strdup_printf (_("%s\nType how much of each line goes back: all that is left is "
                            "filled in, 0 keeps a line. The stock goes down by it."),
                          gtk_string_list_get_string (self->deliveries, i));
  ask (self, _("Return to the supplier?"), body, _("_Return"), grid, return_confirmed);
}

static void
new_supplier_confirmed (AxwManagerGoodsIn *self)
{
  g_autoptr(AxwSupplier) s = axw_supplier_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_free (s->name);
  s->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->form[0])));
  g_free (s->origin);
  s->origin = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->form[1])));
  g_free (s->contact);
  s->contact = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->form[2])));
  s->consignment = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->form[3]));
  s->partner = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->form[4]));
  if (!axw_suppliers_add (self->db, s, self->manager, &error))
    {
      text = g_strdup_printf (_("%s Nothing was added."), error->message);
      say (self, text);
      return;
    }
  reload_suppliers (self, s->name);
  text = g_strdup_printf (_("Supplier “%s” added."), s->name);
  say (self, text);
}

/* Enter in a field of the form adds the supplier, as its button does. */
static void
form_activate_cb (AxwManagerGoodsIn *self)
{
  AdwMessageDialog *dialog = self->dialog;

  if (dialog == NULL)
    return;
  adw_message_dialog_response (dialog, "yes");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static GtkWidget *
form_entry (AxwManagerGoodsIn *self,
            GtkGrid    *grid,
            int         row,
            const char *label)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), entry);
  gtk_widget_set_size_request (entry, 240, 48);
  gtk_widget_set_hexpand (entry, TRUE);
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (form_activate_cb), self);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  title, NULL, -1);
  gtk_grid_attach (grid, title, 0, row, 1, 1);
  gtk_grid_attach (grid, entry, 1, row, 1, 1);
  return entry;
}

static GtkWidget *
form_check (GtkGrid    *grid,
            int         row,
            const char *label)
{
  GtkWidget *check = gtk_check_button_new_with_mnemonic (label);

  gtk_widget_set_size_request (check, -1, 48);
  gtk_grid_attach (grid, check, 0, row, 2, 1);
  return check;
}

static void
new_supplier_cb (GtkWidget  *widget,
                 const char *action,
                 GVariant   *param)
{
  AxwManagerGoodsIn *self = AXW_MANAGER_GOODS_IN (widget);
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());

  gtk_grid_set_row_spacing (grid, 6);
  gtk_grid_set_column_spacing (grid, 12);
  self->form[0] = form_entry (self, grid, 0, _("_Name"));
  self->form[1] = form_entry (self, grid, 1, _("County / _origin"));
  self->form[2] = form_entry (self, grid, 2, _("_Contact"));
  self->form[3] = form_check (grid, 3, _("Con_signment (代销): paid for what sold"));
  self->form[4] = form_check (grid, 4, _("_Partner county (消费扶贫)"));
  ask (self, _("New supplier"), _("A cooperative or a company the shop gets goods from."),
       _("_Add"), GTK_WIDGET (grid), new_supplier_confirmed);
  gtk_widget_grab_focus (self->form[0]);
}

/* Returns: whether there was something to discard; when not, Escape goes
 * on to close the window. */
static gboolean
discard (AxwManagerGoodsIn *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0 && self->current == NULL)
    return FALSE;
  g_list_store_remove_all (self->items);
  g_clear_pointer (&self->current, axw_product_free);
  show_current (self);
  show_total (self);
  gtk_editable_set_text (GTK_EDITABLE (self->scan), "");
  gtk_editable_set_text (GTK_EDITABLE (self->qty), "");
  say (self, _("Lines discarded. Nothing was received."));
  gtk_widget_grab_focus (GTK_WIDGET (self->scan));
  return TRUE;
}

static void
discard_cb (GtkWidget  *widget,
            const char *action,
            GVariant   *param)
{
  discard (AXW_MANAGER_GOODS_IN (widget));
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  return discard (AXW_MANAGER_GOODS_IN (widget));
}

static void
scan_stop_cb (AxwManagerGoodsIn *self)
{
  if (!discard (self))
    gtk_widget_activate_action (GTK_WIDGET (self), "window.close", NULL);
}

/* Settlement and the 消费扶贫 report ---------------------------------------- */

static void
show_lines (AxwManagerGoodsIn *self,
            GPtrArray         *lines)
{
  g_autoptr(GPtrArray) owned = lines;
  g_autofree char *text = NULL;

  g_ptr_array_add (lines, NULL);
  text = g_strjoinv ("\n", (char **) lines->pdata);
  gtk_label_set_text (self->period_text, text);
}

/* Shows what settling the period would settle (@settle FALSE), or settles
 * it. Returns: how many lines were shown, -1 on an error (said) */
static int
settlement (AxwManagerGoodsIn *self,
            gboolean           settle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwSettlement) s = NULL;
  const char *supplier = axw_manager_goods_in_get_supplier (self);
  const char *from = gtk_editable_get_text (GTK_EDITABLE (self->period_from));
  const char *to = gtk_editable_get_text (GTK_EDITABLE (self->period_to));

  if (supplier == NULL)
    {
      say (self, _("Pick the consignment supplier in the list of suppliers first."));
      return -1;
    }
  s = settle ? axw_consignment_settle (self->db, supplier, from, to, self->manager, &error)
             : axw_consignment_preview (self->db, supplier, from, to, &error);
  if (s == NULL)
    {
      say (self, error->message);
      return -1;
    }
  show_lines (self, axw_settlement_to_lines (s));
  say (self, "");
  self->shown_number = s->number;
  g_free (self->shown_supplier);
  self->shown_supplier = g_strdup (supplier);
  g_free (self->shown_from);
  self->shown_from = g_strdup (from);
  g_free (self->shown_to);
  self->shown_to = g_strdup (to);
  return (int) s->lines->len;
}

static void
settle_preview_cb (GtkWidget  *widget,
                   const char *action,
                   GVariant   *param)
{
  settlement (AXW_MANAGER_GOODS_IN (widget), FALSE);
}

static void
settle_confirmed (AxwManagerGoodsIn *self)
{
  settlement (self, TRUE);
}

static void
settle_cb (GtkWidget  *widget,
           const char *action,
           GVariant   *param)
{
  AxwManagerGoodsIn *self = AXW_MANAGER_GOODS_IN (widget);

  int n = settlement (self, FALSE);

  if (n < 0)
    return;
  /* nothing left: the settlement itself refuses, and says why */
  if (n == 0)
    {
      settlement (self, TRUE);
      return;
    }
  ask (self, _("Settle this period?"),
       _("Every line shown is marked settled under the next number, in your name in the audit log; "
         "it is never settled again."), _("_Settle"), NULL, settle_confirmed);
}

/* Saving the settlement shown: a CSV for the supplier's books, a PDF to
 * sign; chosen with a file chooser, written by a worker on its own
 * connection (the code of `aixinwu consignment … --format csv|pdf`). */
struct _SaveJob
{
  char              *db_path;
  char              *path;
  char              *format;    /* csv or pdf */
  gint64             number;    /* 0: the preview of supplier, from, to */
  char              *supplier;
  char              *from;
  char              *to;
  char              *summary;   /* what was written, in words */
  AxwManagerGoodsIn *page;
  AxwDb             *db;        /* the GTK thread's, for the audit row */
  char              *manager;
};

static void
save_job_free (SaveJob *job)
{
  g_free (job->db_path);
  g_free (job->path);
  g_free (job->format);
  g_free (job->supplier);
  g_free (job->from);
  g_free (job->to);
  g_free (job->summary);
  g_clear_object (&job->page);
  g_clear_object (&job->db);
  g_free (job->manager);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveJob, save_job_free)

/* In the worker. */
static gboolean
write_settlement (SaveJob  *job,
                  GError  **error)
{
  g_autoptr(AxwDb) db = axw_db_open (job->db_path, error);
  g_autoptr(AxwSettlement) s = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *owed = NULL;

  if (db == NULL)
    return FALSE;
  s = job->number ? axw_consignment_get (db, job->number, error)
                  : axw_consignment_preview (db, job->supplier, job->from, job->to, error);
  if (s == NULL)
    return FALSE;
  if (g_str_equal (job->format, "csv"))
    {
      char *csv = axw_settlement_to_csv (s);

      bytes = g_bytes_new_take (csv, strlen (csv));
    }
  else
    {
      g_autoptr(GPtrArray) lines = axw_settlement_to_lines (s);

      if ((bytes = axw_lines_render_pdf (lines, error)) == NULL)
        return FALSE;
    }
  owed = axw_money_format_screen (s->owed_fen);
  job->summary = s->number
    ? g_strdup_printf (_("settlement %lld with %s, %s to %s: %s owed"), (long long) s->number,
                       s->supplier, s->date_from, s->date_to, owed)
    : g_strdup_printf (_("preview with %s, %s to %s, not settled: %s owed"), s->supplier,
                       s->date_from, s->date_to, owed);
  return axw_report_file_save (job->path, bytes, error);
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_settlement (data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
set_saving (AxwManagerGoodsIn *self,
            gboolean           saving)
{
  self->saving = saving;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goods.settle-save", !saving);
}

static void
save_done (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  AxwManagerGoodsIn *self = job->page;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) audit_error = NULL;
  g_autofree char *text = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  /* written even when the window was closed meanwhile: the file exists */
  if (ok && !axw_audit_append (job->db, job->manager, "export.settlement", job->path, &audit_error))
    g_message ("audit of the settlement file: %s", audit_error->message);
  if (self->db == NULL)   /* the page is gone */
    return;
  set_saving (self, FALSE);
  if (ok)
    text = g_strdup_printf (_("✓ Saved %s (%s)."), job->path, job->summary);
  else
    text = g_strdup_printf (_("✗ Not saved: %s"), error->message);
  say (self, text);
}

static void
save_chooser_response_cb (GtkNativeDialog   *chooser,
                          int                response,
                          AxwManagerGoodsIn *self)
{
  g_autoptr(SaveJob) job = g_steal_pointer (&self->chosen);
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autoptr(GTask) task = NULL;

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
  if (response != GTK_RESPONSE_ACCEPT || file == NULL || self->saving)
    {
      say (self, _("Nothing was saved."));
      return;
    }
  if ((job->path = g_file_get_path (file)) == NULL)
    {
      say (self, _("✗ Not saved: choose a folder on this computer or on a USB stick."));
      return;
    }
  job->page = g_object_ref (self);
  job->db = g_object_ref (self->db);
  job->manager = g_strdup (self->manager);
  set_saving (self, TRUE);
  say (self, _("Saving…"));
  task = g_task_new (NULL, NULL, save_done, NULL);
  g_task_set_task_data (task, g_steal_pointer (&job), (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_thread);
}

static void
settle_save_cb (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  AxwManagerGoodsIn *self = AXW_MANAGER_GOODS_IN (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  const char *format = g_variant_get_string (param, NULL);
  g_autofree char *name = NULL;
  SaveJob *job;

  if (self->shown_supplier == NULL)
    {
      say (self, _("Preview or settle a period first: that is what is saved."));
      return;
    }
  job = g_new0 (SaveJob, 1);
  job->db_path = g_strdup (axw_db_get_path (self->db));
  job->format = g_strdup (format);
  job->number = self->shown_number;
  job->supplier = g_strdup (self->shown_supplier);
  job->from = g_strdup (self->shown_from);
  job->to = g_strdup (self->shown_to);
  /* a file name without the characters file systems refuse */
  if (job->number)
    name = g_strdup_printf (_("consignment-settlement-%lld-%s.%s"), (long long) job->number,
                            job->supplier, format);
  else
    name = g_strdup_printf (_("consignment-preview-%s-%s-%s.%s"), job->supplier, job->from,
                            job->to, format);
  g_strdelimit (name, "/\\:*?\"<>|", '_');
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->chosen, save_job_free);
  self->chosen = job;
  self->chooser = gtk_file_chooser_native_new (g_str_equal (format, "pdf")
                                                 ? _("Save the settlement as PDF")
                                                 : _("Save the settlement as CSV"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (save_chooser_response_cb), self,
                           0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
partner_report_cb (GtkWidget  *widget,
                   const char *action,
                   GVariant   *param)
{
  AxwManagerGoodsIn *self = AXW_MANAGER_GOODS_IN (widget);
  g_autoptr(GError) error = NULL;
  const char *from = gtk_editable_get_text (GTK_EDITABLE (self->period_from));
  const char *to = gtk_editable_get_text (GTK_EDITABLE (self->period_to));
  GPtrArray *rows = axw_partner_sales (self->db, from, to, &error);

  if (rows == NULL)
    {
      say (self, error->message);
      return;
    }
  show_lines (self, axw_partner_sales_to_lines (rows, from, to));
  g_ptr_array_unref (rows);
  say (self, "");
}

/* The type ---------------------------------------------------------------- */

static void
axw_manager_goods_in_dispose (GObject *object)
{
  AxwManagerGoodsIn *self = AXW_MANAGER_GOODS_IN (object);

  if (self->dialog)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
      self->dialog = NULL;
    }
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->chosen, save_job_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), AXW_TYPE_MANAGER_GOODS_IN);
  g_clear_pointer (&self->return_entries, g_ptr_array_unref);
  g_clear_pointer (&self->return_lines, g_array_unref);
  g_clear_pointer (&self->shown_supplier, g_free);
  g_clear_pointer (&self->shown_from, g_free);
  g_clear_pointer (&self->shown_to, g_free);
  g_clear_pointer (&self->current, axw_product_free);
  g_clear_object (&self->items);
  g_clear_object (&self->matches);
  g_clear_object (&self->suppliers);
  g_clear_object (&self->deliveries);
  g_clear_object (&self->low);
  g_clear_pointer (&self->delivery_ids, g_array_unref);
  g_clear_object (&self->db);
  g_clear_pointer (&self->manager, g_free);
  G_OBJECT_CLASS (axw_manager_goods_in_parent_class)->dispose (object);
}

static void
axw_manager_goods_in_class_init (AxwManagerGoodsInClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = axw_manager_goods_in_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/aixinwu/Pos/ui/axw-manager-goods-in.ui");
  gtk_widget_class_bind_template_child (widget_class, AxwManagerGoodsIn, supplier);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerGoodsIn, date);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerGoodsIn, scan);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerGoodsIn, qty);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerGoodsIn, cost);
  gtk_widget_class_bind_template_child_full (widget_class, "current", FALSE,
                                             G_STRUCT_OFFSET (AxwManagerGoodsIn, current_label));
  gtk_widget_class_bind_template_child (widget_class, AxwManagerGoodsIn, found_scroller);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerGoodsIn, found);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerGoodsIn, list);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerGoodsIn, total);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerGoodsIn, message);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerGoodsIn, delivery_list);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerGoodsIn, low_list);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerGoodsIn, period_from);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerGoodsIn, period_to);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerGoodsIn, period_text);
  gtk_widget_class_bind_template_callback (widget_class, low_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, scan_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, scan_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, scan_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, line_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, found_activate_cb);
  gtk_widget_class_install_action (widget_class, "goods.receive", NULL, receive_cb);
  gtk_widget_class_install_action (widget_class, "goods.discard", NULL, discard_cb);
  gtk_widget_class_install_action (widget_class, "goods.return", NULL, return_cb);
  gtk_widget_class_install_action (widget_class, "goods.new-supplier", NULL, new_supplier_cb);
  gtk_widget_class_install_action (widget_class, "goods.settle-preview", NULL, settle_preview_cb);
  gtk_widget_class_install_action (widget_class, "goods.settle", NULL, settle_cb);
  gtk_widget_class_install_action (widget_class, "goods.partner-report", NULL, partner_report_cb);
  gtk_widget_class_install_action (widget_class, "goods.settle-save", "s", settle_save_cb);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "goods.receive", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "goods.new-supplier", NULL);
}

static void
axw_manager_goods_in_init (AxwManagerGoodsIn *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *none;
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = g_list_store_new (AXW_TYPE_PRODUCT_ITEM);
  self->matches = g_list_store_new (AXW_TYPE_PRODUCT_ITEM);
  self->suppliers = gtk_string_list_new (NULL);
  self->deliveries = gtk_string_list_new (NULL);
  self->delivery_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->return_entries = g_ptr_array_new ();
  self->return_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  gtk_list_box_bind_model (self->supplier, G_LIST_MODEL (self->suppliers), supplier_row_new, NULL,
                           NULL);
  {
    GtkWidget *empty = gtk_label_new (_("No supplier yet: add one (New supplier…)."));

    gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
    gtk_label_set_xalign (GTK_LABEL (empty), 0);
    gtk_widget_set_margin_start (empty, 12);
    gtk_widget_set_margin_end (empty, 12);
    gtk_widget_set_size_request (empty, -1, 48);
    gtk_list_box_set_placeholder (self->supplier, empty);
  }

  none = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_column_view_set_model (self->list, GTK_SELECTION_MODEL (none));
  g_object_unref (none);
  axw_product_item_append_column (self->list, _("Barcode / PLU"), "code", 0, FALSE);
  axw_product_item_append_column (self->list, _("Name"), "name", 0, TRUE);
  axw_product_item_append_column (self->list, _("Quantity"), "counted", 100, FALSE);
  axw_product_item_append_column (self->list, _("Unit cost"), "cost", 100, FALSE);
  axw_product_item_append_column (self->list, _("Cost"), "cost-amount", 100, FALSE);
  axw_product_item_name_list (self->list, _("Lines of the delivery: quantity, unit cost and cost"));

  g_signal_connect (factory, "setup", G_CALLBACK (axw_list_label_setup_cb),
                    GINT_TO_POINTER (AXW_LIST_LABEL_ELLIPSIZE));
  g_signal_connect (factory, "bind", G_CALLBACK (found_bind_cb), NULL);
  gtk_list_view_set_factory (self->found, factory);
  g_object_unref (factory);
  none = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->matches)));
  gtk_list_view_set_model (self->found, GTK_SELECTION_MODEL (none));
  g_object_unref (none);
  gtk_widget_set_visible (self->found_scroller, FALSE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (axw_list_label_setup_cb),
                    GINT_TO_POINTER (AXW_LIST_LABEL_WRAP));
  g_signal_connect (factory, "bind", G_CALLBACK (delivery_bind_cb), NULL);
  gtk_list_view_set_factory (self->delivery_list, factory);
  g_object_unref (factory);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->deliveries)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_list_view_set_model (self->delivery_list, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  self->low = g_list_store_new (AXW_TYPE_PRODUCT_ITEM);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (axw_list_label_setup_cb),
                    GINT_TO_POINTER (AXW_LIST_LABEL_WRAP));
  g_signal_connect (factory, "bind", G_CALLBACK (low_bind_cb), NULL);
  gtk_list_view_set_factory (self->low_list, factory);
  g_object_unref (factory);
  none = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->low)));
  gtk_list_view_set_model (self->low_list, GTK_SELECTION_MODEL (none));
  g_object_unref (none);
  show_current (self);
  show_total (self);
}

/* Returns: (transfer none): the products low in stock (AxwProductItem) */
GListModel *
axw_manager_goods_in_get_low_stock (AxwManagerGoodsIn *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_GOODS_IN (self), NULL);
  return G_LIST_MODEL (self->low);
}

void
axw_manager_goods_in_set_db (AxwManagerGoodsIn *self,
                             AxwDb             *db,
                             const char        *manager)
{
  g_return_if_fail (AXW_IS_MANAGER_GOODS_IN (self));
  g_set_object (&self->db, db);
  g_free (self->manager);
  self->manager = g_strdup (manager);
  reload_suppliers (self, NULL);
  reload_deliveries (self);
  reload_low_stock (self);
}

/* Returns: (transfer none): the delivery's lines (AxwProductItem, the
 * quantity in "counted", the unit cost in the product's cost_fen) */
GListModel *
axw_manager_goods_in_get_model (AxwManagerGoodsIn *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_GOODS_IN (self), NULL);
  return G_LIST_MODEL (self->items);
}

/* Returns: (transfer none): the deliveries, described, newest first */
GListModel *
axw_manager_goods_in_get_deliveries (AxwManagerGoodsIn *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_GOODS_IN (self), NULL);
  return G_LIST_MODEL (self->deliveries);
}

/* Returns: (transfer none): the settlement or report shown */
const char *
axw_manager_goods_in_get_period_text (AxwManagerGoodsIn *self)
{
  return gtk_label_get_text (self->period_text);
}

void
axw_manager_goods_in_set_period (AxwManagerGoodsIn *self,
                                 const char        *from,
                                 const char        *to)
{
  gtk_editable_set_text (GTK_EDITABLE (self->period_from), from);
  gtk_editable_set_text (GTK_EDITABLE (self->period_to), to);
}

const char *
axw_manager_goods_in_get_message (AxwManagerGoodsIn *self)
{
  return gtk_label_get_text (self->message);
}

/* Returns: (transfer none) (nullable): the open dialog */
AdwMessageDialog *
axw_manager_goods_in_get_dialog (AxwManagerGoodsIn *self)
{
  return self->dialog;
}

/* Returns: (transfer none) (nullable): the file chooser open now */
GtkFileChooser *
axw_manager_goods_in_get_chooser (AxwManagerGoodsIn *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_GOODS_IN (self), NULL);
  return self->chooser ? GTK_FILE_CHOOSER (self->chooser) : NULL;
}

/* Whether a settlement file is being written. */
gboolean
axw_manager_goods_in_is_saving (AxwManagerGoodsIn *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_GOODS_IN (self), FALSE);
  return self->saving;
}

/* Returns: (transfer none) (nullable): the open return dialog's quantity
 *   of line @line_no, %NULL when it has none (nothing of it is left) */
GtkEditable *
axw_manager_goods_in_get_return_entry (AxwManagerGoodsIn *self,
                                       guint              line_no)
{
  g_return_val_if_fail (AXW_IS_MANAGER_GOODS_IN (self), NULL);
  for (guint i = 0; i < self->return_lines->len; i++)
    if (g_array_index (self->return_lines, guint, i) == line_no)
      return GTK_EDITABLE (g_ptr_array_index (self->return_entries, i));
  return NULL;
}
