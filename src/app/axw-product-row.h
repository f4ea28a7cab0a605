/* axw-product-row.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "axw-products.h"

G_BEGIN_DECLS

#define AXW_TYPE_PRODUCT_ROW (axw_product_row_get_type ())

G_DECLARE_FINAL_TYPE (AxwProductRow, axw_product_row, AXW, PRODUCT_ROW, GObject)

AxwProductRow *axw_product_row_new        (const AxwProduct *product);
const char    *axw_product_row_get_name   (AxwProductRow    *self);
const char    *axw_product_row_get_detail (AxwProductRow    *self);
const char    *axw_product_row_get_price  (AxwProductRow    *self);
const char    *axw_product_row_get_code   (AxwProductRow    *self);
gboolean       axw_product_row_get_per_kg (AxwProductRow    *self);

G_END_DECLS
