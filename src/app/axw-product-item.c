/* axw-product-item.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One catalog product in a manager's list, and what a stocktake counted
 * of it (-1 while not counted yet).
 */
#include <glib/gi18n.h>

#include "axw-money.h"
#include "axw-product-item.h"

struct _AxwProductItem
{
  GObject     parent_instance;

  AxwProduct *product;
  gint64      counted_milli;
};

enum {
  PROP_0,
  PROP_COUNTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AxwProductItem, axw_product_item, G_TYPE_OBJECT)

static void
axw_product_item_finalize (GObject *object)
{
  AxwProductItem *self = AXW_PRODUCT_ITEM (object);

  g_clear_pointer (&self->product, axw_product_free);
  G_OBJECT_CLASS (axw_product_item_parent_class)->finalize (object);
}

static void
axw_product_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AxwProductItem *self = AXW_PRODUCT_ITEM (object);

  switch (prop_id)
    {
    case PROP_COUNTED:
      g_value_set_int64 (value, self->counted_milli);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
axw_product_item_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AxwProductItem *self = AXW_PRODUCT_ITEM (object);

  switch (prop_id)
    {
    case PROP_COUNTED:
      axw_product_item_set_counted (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
axw_product_item_class_init (AxwProductItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = axw_product_item_finalize;
  object_class->get_property = axw_product_item_get_property;
  object_class->set_property = axw_product_item_set_property;
  properties[PROP_COUNTED] =
    g_param_spec_int64 ("counted", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
axw_product_item_init (AxwProductItem *self)
{
  self->counted_milli = -1;
}

/**
 * axw_product_item_new:
 * @product: (transfer full)
 */
AxwProductItem *
axw_product_item_new (AxwProduct *product)
{
  AxwProductItem *self = g_object_new (AXW_TYPE_PRODUCT_ITEM, NULL);

  self->product = product;
  return self;
}

/* Returns: (transfer none) */
const AxwProduct *
axw_product_item_get_product (AxwProductItem *self)
{
  g_return_val_if_fail (AXW_IS_PRODUCT_ITEM (self), NULL);
  return self->product;
}

gint64
axw_product_item_get_counted (AxwProductItem *self)
{
  g_return_val_if_fail (AXW_IS_PRODUCT_ITEM (self), -1);
  return self->counted_milli;
}

void
axw_product_item_set_counted (AxwProductItem *self,
                              gint64          counted_milli)
{
  g_return_if_fail (AXW_IS_PRODUCT_ITEM (self));
  if (self->counted_milli == counted_milli)
    return;
  self->counted_milli = counted_milli;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTED]);
}

/* Pieces, or kg for goods sold by weight. */
static char *
quantity (const AxwProduct *p,
          gint64            milli,
          gboolean          sign)
{
  g_autofree char *qty = axw_qty_format (milli);
  const char *plus = sign && milli > 0 ? "+" : "";

  return p->per_kg
    ? g_strdup_printf (_("%s%s kg"), plus, qty) : g_strdup_printf ("%s%s", plus, qty);
}

/**
 * axw_product_item_dup_text:
 * @column: "code", "name", "category", "origin", "price", "stock", "aid",
 *   "counted", "difference", "cost" or "cost-amount" (cost × counted: a
 *   delivery line's)
 *
 * Returns: (transfer full): what a list cell shows
 */
char *
axw_product_item_dup_text (AxwProductItem *self,
                           const char     *column)
{
  const AxwProduct *p = self->product;

  if (g_str_equal (column, "code"))
    return axw_product_dup_sku (p);
  if (g_str_equal (column, "name"))
    return p->retired ? g_strdup_printf (_("%s (retired)"), p->name) : g_strdup (p->name);
  if (g_str_equal (column, "category"))
    return g_strdup (p->category);
  if (g_str_equal (column, "origin"))
    return g_strdup (p->origin);
  if (g_str_equal (column, "price"))
    {
      g_autofree char *price = axw_money_format_screen (p->price_fen);

      return p->per_kg ? g_strdup_printf (_("%s/kg"), price) : g_steal_pointer (&price);
    }
  if (g_str_equal (column, "stock"))
    return quantity (p, p->stock_milli, FALSE);
  if (g_str_equal (column, "cost"))
    {
      g_autofree char *cost = axw_money_format_screen (p->cost_fen);

      return p->per_kg ? g_strdup_printf (_("%s/kg"), cost) : g_steal_pointer (&cost);
    }
  if (g_str_equal (column, "cost-amount"))
    return self->counted_milli < 0 ? g_strdup ("")
                                   : axw_money_format_screen (axw_mul_div_round (p->cost_fen,
                                                                                 self->counted_milli, 1000));
  if (g_str_equal (column, "aid"))
    return g_strdup (p->aid_eligible ? _("Aid: yes") : _("Aid: no"));
  if (g_str_equal (column, "counted"))
    return self->counted_milli < 0 ? g_strdup ("") : quantity (p, self->counted_milli, FALSE);
  if (g_str_equal (column, "difference"))
    {
      g_autofree char *qty = NULL;
      gint64 d = self->counted_milli - p->stock_milli;

      if (self->counted_milli < 0)
        return g_strdup (_("not counted"));
      if (d == 0)
        return g_strdup (_("±0 (matches)"));
      qty = quantity (p, d, TRUE);
      /* the sign and a word, never colour alone */
      return d > 0 ? g_strdup_printf (_("%s (more)"), qty) : g_strdup_printf (_("%s (fewer)"), qty);
    }
  g_return_val_if_reached (NULL);
}

/* List cells ------------------------------------------------------------ */

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  const char *column = g_object_get_data (G_OBJECT (factory), "axw-column");

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (user_data) / 100.0f);
  /* codes, amounts and quantities are never cut short, words may be */
  if (g_str_equal (column, "name") || g_str_equal (column, "category") ||
      g_str_equal (column, "origin"))
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_size_request (label, -1, 48);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  const char *column = g_object_get_data (G_OBJECT (factory), "axw-column");
  g_autofree char *text = axw_product_item_dup_text (gtk_list_item_get_item (item), column);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

void
axw_product_item_append_column (GtkColumnView *view,
                                const char    *title,
                                const char    *column,
                                int            xalign_pct,
                                gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) c = NULL;

  g_object_set_data (G_OBJECT (factory), "axw-column", (gpointer) column);
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GINT_TO_POINTER (xalign_pct));
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), NULL);
  c = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (c, expand);
  gtk_column_view_append_column (view, c);
}

/* The column view's inner list is what takes the focus: it gets the name. */
void
axw_product_item_name_list (GtkColumnView *view,
                            const char    *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
}

/**
 * axw_product_item_search_into:
 * @matches: (element-type AxwProductItem): what a search list shows
 * @db: (nullable)
 * @text: what is typed in a scan-or-search entry
 *
 * Lists the products a search finds (at most @limit); a code (digits
 * only) or nothing lists none: Enter looks a code up.
 *
 * Returns: how many are listed
 */
guint
axw_product_item_search_into (GListStore *matches,
                              AxwDb      *db,
                              const char *text,
                              guint       limit)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (db && *text && !axw_products_is_code (text))
    found = axw_products_search (db, text, limit, NULL);
  for (guint i = 0; found && i < found->len; i++)
    g_ptr_array_add (items, axw_product_item_new (g_steal_pointer (&found->pdata[i])));
  g_list_store_splice (matches, 0, g_list_model_get_n_items (G_LIST_MODEL (matches)), items->pdata,
                       items->len);
  return items->len;
}
