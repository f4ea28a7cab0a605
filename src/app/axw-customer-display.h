/* axw-customer-display.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "axw-application.h"
#include "axw-sale-model.h"

G_BEGIN_DECLS

#define AXW_TYPE_CUSTOMER_DISPLAY (axw_customer_display_get_type ())

G_DECLARE_FINAL_TYPE (AxwCustomerDisplay, axw_customer_display, AXW, CUSTOMER_DISPLAY, GtkWindow)

AxwCustomerDisplay *axw_customer_display_new      (AxwApplication     *app,
                                                   AxwSaleModel       *model);
gboolean            axw_customer_display_place    (AxwCustomerDisplay *self,
                                                   const char         *where,
                                                   GError            **error);
const char         *axw_customer_display_get_text (AxwCustomerDisplay *self,
                                                   const char         *what);
char               *axw_customer_display_qr_url   (AxwDb              *db);

G_END_DECLS
