/* axw-sale-view.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "axw-application.h"
#include "axw-checkout.h"
#include "axw-sale-model.h"

G_BEGIN_DECLS

#define AXW_TYPE_SALE_VIEW (axw_sale_view_get_type ())

G_DECLARE_FINAL_TYPE (AxwSaleView, axw_sale_view, AXW, SALE_VIEW, GtkWidget)

void           axw_sale_view_start          (AxwSaleView    *self,
                                             AxwApplication *app,
                                             const AxwStaff *staff);
void           axw_sale_view_scan           (AxwSaleView    *self,
                                             const char     *code);
void           axw_sale_view_set_clock      (AxwSaleView    *self,
                                             GDateTime      *fixed);
const char    *axw_sale_view_get_page       (AxwSaleView    *self);
GListModel    *axw_sale_view_get_cart_model (AxwSaleView    *self);
const AxwSale *axw_sale_view_get_quote      (AxwSaleView    *self);
AxwSaleModel  *axw_sale_view_get_model      (AxwSaleView    *self);
const AxwSale *axw_sale_view_get_last_sale  (AxwSaleView    *self);
const char    *axw_sale_view_get_text       (AxwSaleView    *self,
                                             const char     *what);
const AxwStaff *axw_sale_view_get_staff     (AxwSaleView    *self);
void           axw_sale_view_show_message   (AxwSaleView    *self,
                                             gboolean        error,
                                             const char     *text);
gboolean       axw_sale_view_has_open_sale  (AxwSaleView    *self);
void           axw_wrap_button_labels       (GtkWidget      *widget);

G_END_DECLS
