/* axw-sale-view-private.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What axw-sale-exceptions.c and axw-sale-donations.c need of the sale screen.
 */
#pragma once

#include "axw-sale-view.h"

G_BEGIN_DECLS

AxwDb     *axw_sale_view_get_db          (AxwSaleView    *self);
AxwCart   *axw_sale_view_get_cart        (AxwSaleView    *self);
gint64     axw_sale_view_get_selected    (AxwSaleView    *self);
gboolean   axw_sale_view_has_payments    (AxwSaleView    *self);
GDateTime *axw_sale_view_now             (AxwSaleView    *self);
gboolean   axw_sale_view_requote         (AxwSaleView    *self,
                                          gint64          select);
void       axw_sale_view_say             (AxwSaleView    *self,
                                          const char     *text);
void       axw_sale_view_start_new_sale  (AxwSaleView    *self);
void       axw_sale_view_print_queued    (AxwSaleView    *self);
void       axw_sale_view_add_line        (AxwSaleView    *self,
                                          const AxwLine  *line);
void       axw_sale_view_recall          (AxwSaleView    *self,
                                          gint64          id);

/* axw-sale-exceptions.c */
void       axw_sale_exceptions_class_init   (GtkWidgetClass *widget_class);
void       axw_sale_exceptions_line_removed (AxwSaleView    *self,
                                             guint           index);
void       axw_sale_exceptions_line_restored (AxwSaleView   *self,
                                              guint          index);
void       axw_sale_exceptions_choose_held  (AxwSaleView    *self);
void       axw_sale_exceptions_ask_open_price (AxwSaleView   *self,
                                               const AxwLine *line);

/* axw-sale-donations.c */
void       axw_sale_donations_class_init    (GtkWidgetClass *widget_class);

G_END_DECLS
