/* axw-product-item.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "axw-products.h"

G_BEGIN_DECLS

#define AXW_TYPE_PRODUCT_ITEM (axw_product_item_get_type ())

G_DECLARE_FINAL_TYPE (AxwProductItem, axw_product_item, AXW, PRODUCT_ITEM, GObject)

AxwProductItem   *axw_product_item_new         (AxwProduct     *product);
const AxwProduct *axw_product_item_get_product (AxwProductItem *self);
gint64            axw_product_item_get_counted (AxwProductItem *self);
void              axw_product_item_set_counted (AxwProductItem *self,
                                                gint64          counted_milli);
char             *axw_product_item_dup_text    (AxwProductItem *self,
                                                const char     *column);

/* A column of @view over AxwProductItems showing axw_product_item_dup_text (@column). */
void              axw_product_item_append_column (GtkColumnView *view,
                                                  const char    *title,
                                                  const char    *column,
                                                  int            xalign_pct,
                                                  gboolean       expand);
guint             axw_product_item_search_into   (GListStore    *matches,
                                                  AxwDb         *db,
                                                  const char    *text,
                                                  guint          limit);
void              axw_product_item_name_list     (GtkColumnView *view,
                                                  const char    *label);

G_END_DECLS
