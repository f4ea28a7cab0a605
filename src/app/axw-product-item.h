/* axw-product-item.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

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

G_END_DECLS
