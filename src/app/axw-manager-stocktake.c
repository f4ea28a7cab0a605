/* axw-manager-stocktake.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Stocktake: scan or search a product, type what is on the shelf, see the
 * expected stock, the count and the difference. Nothing is written until
 * the manager confirms; then axw_products_stocktake() sets every count in
 * one transaction with an audit row per change. Escape discards the counts.
 */
#include <glib/gi18n.h>
#include <string.h>

#include "axw-list-label.h"
#include "axw-manager-stocktake.h"
#include "axw-money.h"
#include "axw-product-item.h"
#include "axw-products.h"

#define FOUND_SHOWN 20

struct _AxwManagerStocktake
{
  GtkBox            parent_instance;

  AxwDb            *db;
  char             *manager;
  GListStore       *items;      /* AxwProductItem: what is being counted */
  GListStore       *matches;    /* AxwProductItem: the search's results */
  AxwProductItem   *current;    /* (nullable) the product whose count is typed */
  AdwMessageDialog *dialog;     /* (nullable) (unowned) the confirmation */

  GtkSearchEntry   *scan;
  GtkEntry         *counted;
  GtkLabel         *current_label;
  GtkWidget        *found_scroller;
  GtkListView      *found;
  GtkColumnView    *list;
  GtkLabel         *message;
};

G_DEFINE_FINAL_TYPE (AxwManagerStocktake, axw_manager_stocktake, GTK_TYPE_BOX)

static gboolean
find_position (GListStore *store,
               gint64      id,
               guint      *position)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(AxwProductItem) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (axw_product_item_get_product (item)->id == id)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
show_current (AxwManagerStocktake *self)
{
  const AxwProduct *p;
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  gint64 counted;

  if (self->current == NULL)
    {
      gtk_label_set_text (self->current_label, _("No product chosen yet."));
      return;
    }
  p = axw_product_item_get_product (self->current);
  expected = axw_product_item_dup_text (self->current, "stock");
  text = g_strdup_printf (_("Counting “%s” (%s): expected %s"), p->name,
                          p->barcode ? p->barcode : p->plu, expected);
  gtk_label_set_text (self->current_label, text);
  counted = axw_product_item_get_counted (self->current);
  if (counted >= 0)
    {
      g_autofree char *qty = axw_qty_format (counted);

      gtk_editable_set_text (GTK_EDITABLE (self->counted), qty);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->counted), "");
}

/* Makes @product the one being counted, adding it to the list once. */
static void
choose (AxwManagerStocktake *self,
        AxwProduct          *product)
{
  g_autoptr(AxwProduct) owned = product;
  guint pos;

  g_clear_object (&self->current);
  if (find_position (self->items, product->id, &pos))
    self->current = g_list_model_get_item (G_LIST_MODEL (self->items), pos);
  else
    {
      self->current = axw_product_item_new (g_steal_pointer (&owned));
      g_list_store_append (self->items, self->current);
    }
  show_current (self);
  gtk_label_set_text (self->message, "");
  g_list_store_remove_all (self->matches);
  gtk_widget_set_visible (self->found_scroller, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->counted));
}

/**
 * axw_manager_stocktake_scan:
 * @text: a barcode or PLU, or a search (name, pinyin initials)
 *
 * What Enter in the scan entry does: a code or a search with a single
 * result becomes the product being counted.
 *
 * Returns: whether a product was chosen
 */
gboolean
axw_manager_stocktake_scan (AxwManagerStocktake *self,
                            const char          *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = g_strstrip (g_strdup (text ? text : ""));
  AxwProduct *p;

  g_return_val_if_fail (AXW_IS_MANAGER_STOCKTAKE (self), FALSE);
  if (*code == '\0')
    return FALSE;
  p = axw_products_find_typed (self->db, code, &error);
  if (p == NULL)
    {
      gtk_label_set_text (self->message, error->message);
      return FALSE;
    }
  choose (self, p);
  gtk_editable_set_text (GTK_EDITABLE (self->scan), "");
  return TRUE;
}

/**
 * axw_manager_stocktake_count:
 * @qty: what is on the shelf, in pieces (kg for goods sold by weight)
 *
 * What Enter in the count entry does.
 *
 * Returns: whether the count was taken
 */
gboolean
axw_manager_stocktake_count (AxwManagerStocktake *self,
                             const char          *qty)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  gint64 milli;
  guint pos;

  g_return_val_if_fail (AXW_IS_MANAGER_STOCKTAKE (self), FALSE);
  if (self->current == NULL)
    {
      gtk_label_set_text (self->message, _("Scan or search a product first."));
      return FALSE;
    }
  if (!axw_qty_parse (qty, &milli, &error))
    {
      text = g_strdup_printf (_("Counted: %s. Type a number, for example 12."), error->message);
      gtk_label_set_text (self->message, text);
      return FALSE;
    }
  axw_product_item_set_counted (self->current, milli);
  /* the row shows the new count and difference */
  if (find_position (self->items, axw_product_item_get_product (self->current)->id, &pos))
    g_list_store_splice (self->items, pos, 1, (gpointer *) &self->current, 1);
  shown = axw_product_item_dup_text (self->current, "counted");
  text = g_strdup_printf (_("“%s”: counted %s."),
                          axw_product_item_get_product (self->current)->name, shown);
  gtk_label_set_text (self->message, text);
  gtk_editable_set_text (GTK_EDITABLE (self->counted), "");
  g_clear_object (&self->current);
  show_current (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->scan));
  return TRUE;
}

static void
scan_activate_cb (AxwManagerStocktake *self)
{
  axw_manager_stocktake_scan (self, gtk_editable_get_text (GTK_EDITABLE (self->scan)));
}

static void
counted_activate_cb (AxwManagerStocktake *self)
{
  axw_manager_stocktake_count (self, gtk_editable_get_text (GTK_EDITABLE (self->counted)));
}

static void
scan_changed_cb (AxwManagerStocktake *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->scan));

  gtk_widget_set_visible (self->found_scroller,
                          axw_product_item_search_into (self->matches, self->db, text,
                                                        FOUND_SHOWN) > 0);
}

static void
found_activate_cb (AxwManagerStocktake *self,
                   guint                position)
{
  g_autoptr(AxwProductItem) item = g_list_model_get_item (G_LIST_MODEL (self->matches), position);

  if (item)
    choose (self, axw_product_copy (axw_product_item_get_product (item)));
}

/* Applying ---------------------------------------------------------------- */

static void
apply_counts (AxwManagerStocktake *self)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (AxwStockCount));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint changed = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(AxwProductItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      AxwStockCount c = { axw_product_item_get_product (item)->id,
        axw_product_item_get_counted (item) };

      if (c.counted_milli >= 0)
        g_array_append_val (counts, c);
    }
  if (!axw_products_stocktake (self->db, (AxwStockCount *) counts->data, counts->len, self->manager,
                               &changed, &error))
    {
      text = g_strdup_printf (_("%s Nothing was changed."), error->message);
      gtk_label_set_text (self->message, text);
      return;
    }
  g_list_store_remove_all (self->items);
  g_clear_object (&self->current);
  show_current (self);
  text = g_strdup_printf (_("Stocktake applied: %u products counted, %u stock changes recorded."),
                          counts->len, changed);
  gtk_label_set_text (self->message, text);
}

static void
dialog_response_cb (AdwMessageDialog    *dialog,
                    const char          *response,
                    AxwManagerStocktake *self)
{
  if (g_str_equal (response, "apply"))
    apply_counts (self);
  else
    gtk_label_set_text (self->message, _("Not applied. The counts are kept."));
}

static void
apply_cb (GtkWidget  *widget,
          const char *action,
          GVariant   *param)
{
  AxwManagerStocktake *self = AXW_MANAGER_STOCKTAKE (widget);
  g_autofree char *body = NULL;
  guint counted = 0, differ = 0;
  GtkWidget *dialog;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(AxwProductItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      gint64 c = axw_product_item_get_counted (item);

      counted += c >= 0;
      differ += c >= 0 && c != axw_product_item_get_product (item)->stock_milli;
    }
  if (counted == 0)
    {
      gtk_label_set_text (self->message,
                          _("Nothing counted yet: scan a product and type its count."));
      return;
    }
  body = g_strdup_printf (_("%u products counted, %u differ from the expected stock. Their stock "
                            "is set "
                            "to what you counted, and each change is written to the audit log in "
                            "your name."),
                          counted, differ);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Apply the stocktake?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "apply", _("_Apply"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (dialog_response_cb), self, 0);
  self->dialog = ADW_MESSAGE_DIALOG (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Returns: whether there was something to discard; when not, Escape goes
 * on to close the window. */
static gboolean
discard (AxwManagerStocktake *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0 && self->current == NULL)
    return FALSE;
  g_list_store_remove_all (self->items);
  g_clear_object (&self->current);
  show_current (self);
  gtk_editable_set_text (GTK_EDITABLE (self->scan), "");
  gtk_label_set_text (self->message, _("Counts discarded. Nothing was changed."));
  gtk_widget_grab_focus (GTK_WIDGET (self->scan));
  return TRUE;
}

static void
discard_cb (GtkWidget  *widget,
            const char *action,
            GVariant   *param)
{
  discard (AXW_MANAGER_STOCKTAKE (widget));
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  return discard (AXW_MANAGER_STOCKTAKE (widget));
}

/* The search entry takes Escape for itself: it discards here too, or
 * closes the window like Escape elsewhere. */
static void
scan_stop_cb (AxwManagerStocktake *self)
{
  if (!discard (self))
    gtk_widget_activate_action (GTK_WIDGET (self), "window.close", NULL);
}

/* Lists ------------------------------------------------------------------- */

static void
found_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  AxwProductItem *p = gtk_list_item_get_item (item);
  g_autofree char *code = axw_product_item_dup_text (p, "code");
  g_autofree char *stock = axw_product_item_dup_text (p, "stock");
  g_autofree char *text = g_strdup_printf (_("%s · %s · expected %s"),
                                           axw_product_item_get_product (p)->name, code, stock);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
list_activate_cb (AxwManagerStocktake *self,
                  guint                position)
{
  g_autoptr(AxwProductItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  if (item == NULL)
    return;
  g_set_object (&self->current, item);
  show_current (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->counted));
}

/* The type ---------------------------------------------------------------- */

static void
axw_manager_stocktake_dispose (GObject *object)
{
  AxwManagerStocktake *self = AXW_MANAGER_STOCKTAKE (object);

  if (self->dialog)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
      self->dialog = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (object), AXW_TYPE_MANAGER_STOCKTAKE);
  g_clear_object (&self->current);
  g_clear_object (&self->items);
  g_clear_object (&self->matches);
  g_clear_object (&self->db);
  g_clear_pointer (&self->manager, g_free);
  G_OBJECT_CLASS (axw_manager_stocktake_parent_class)->dispose (object);
}

static void
axw_manager_stocktake_class_init (AxwManagerStocktakeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = axw_manager_stocktake_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/aixinwu/Pos/ui/axw-manager-stocktake.ui");
  gtk_widget_class_bind_template_child (widget_class, AxwManagerStocktake, scan);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerStocktake, counted);
  gtk_widget_class_bind_template_child_full (widget_class, "current", FALSE,
                                             G_STRUCT_OFFSET (AxwManagerStocktake, current_label));
  gtk_widget_class_bind_template_child (widget_class, AxwManagerStocktake, found_scroller);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerStocktake, found);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerStocktake, list);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerStocktake, message);
  gtk_widget_class_bind_template_callback (widget_class, scan_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, scan_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, scan_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, counted_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, found_activate_cb);
  gtk_widget_class_install_action (widget_class, "stocktake.apply", NULL, apply_cb);
  gtk_widget_class_install_action (widget_class, "stocktake.discard", NULL, discard_cb);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}

static void
axw_manager_stocktake_init (AxwManagerStocktake *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *none;
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = g_list_store_new (AXW_TYPE_PRODUCT_ITEM);
  self->matches = g_list_store_new (AXW_TYPE_PRODUCT_ITEM);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  gtk_column_view_set_single_click_activate (self->list, TRUE);
  g_signal_connect_swapped (self->list, "activate", G_CALLBACK (list_activate_cb), self);
  axw_product_item_append_column (self->list, _("Barcode / PLU"), "code", 0, FALSE);
  axw_product_item_append_column (self->list, _("Name"), "name", 0, TRUE);
  axw_product_item_append_column (self->list, _("Expected"), "stock", 100, FALSE);
  axw_product_item_append_column (self->list, _("Counted"), "counted", 100, FALSE);
  axw_product_item_append_column (self->list, _("Difference"), "difference", 100, FALSE);
  axw_product_item_name_list (self->list,
                              _("Counted products: expected, counted and the difference"));

  g_signal_connect (factory, "setup", G_CALLBACK (axw_list_label_setup_cb),
                    GINT_TO_POINTER (AXW_LIST_LABEL_ELLIPSIZE));
  g_signal_connect (factory, "bind", G_CALLBACK (found_bind_cb), NULL);
  gtk_list_view_set_factory (self->found, factory);
  g_object_unref (factory);
  none = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->matches)));
  gtk_list_view_set_model (self->found, GTK_SELECTION_MODEL (none));
  g_object_unref (none);
  gtk_widget_set_visible (self->found_scroller, FALSE);
  show_current (self);
}

void
axw_manager_stocktake_set_db (AxwManagerStocktake *self,
                              AxwDb               *db,
                              const char          *manager)
{
  g_return_if_fail (AXW_IS_MANAGER_STOCKTAKE (self));
  g_set_object (&self->db, db);
  g_free (self->manager);
  self->manager = g_strdup (manager);
}

/* Returns: (transfer none): the products being counted (AxwProductItem) */
GListModel *
axw_manager_stocktake_get_model (AxwManagerStocktake *self)
{
  g_return_val_if_fail (AXW_IS_MANAGER_STOCKTAKE (self), NULL);
  return G_LIST_MODEL (self->items);
}

const char *
axw_manager_stocktake_get_message (AxwManagerStocktake *self)
{
  return gtk_label_get_text (self->message);
}

/* Returns: (transfer none) (nullable): the open confirmation */
AdwMessageDialog *
axw_manager_stocktake_get_dialog (AxwManagerStocktake *self)
{
  return self->dialog;
}
