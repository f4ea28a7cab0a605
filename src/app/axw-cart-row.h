/* axw-cart-row.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "axw-sale.h"

G_BEGIN_DECLS

#define AXW_TYPE_CART_ROW (axw_cart_row_get_type ())

G_DECLARE_FINAL_TYPE (AxwCartRow, axw_cart_row, AXW, CART_ROW, GObject)

AxwCartRow *axw_cart_row_new           (const AxwLine *line);
const char *axw_cart_row_get_name      (AxwCartRow    *self);
const char *axw_cart_row_get_qty       (AxwCartRow    *self);
const char *axw_cart_row_get_price     (AxwCartRow    *self);
const char *axw_cart_row_get_amount    (AxwCartRow    *self);
const char *axw_cart_row_get_promotion (AxwCartRow    *self);
const char *axw_cart_row_get_name_and_detail (AxwCartRow *self);
const char *axw_cart_row_get_barcode   (AxwCartRow    *self);
gint64      axw_cart_row_get_qty_milli (AxwCartRow    *self);

G_END_DECLS
