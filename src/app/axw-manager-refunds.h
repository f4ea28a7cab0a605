/* axw-manager-refunds.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "axw-checkout.h"
#include "axw-db.h"

G_BEGIN_DECLS

#define AXW_TYPE_MANAGER_REFUNDS (axw_manager_refunds_get_type ())

G_DECLARE_FINAL_TYPE (AxwManagerRefunds, axw_manager_refunds, AXW, MANAGER_REFUNDS, GtkBox)

/* @manager: whose PIN confirms each refund, and in whose name it is made */
void           axw_manager_refunds_set_db       (AxwManagerRefunds *self,
                                                 AxwDb             *db,
                                                 const char        *manager);
/* Tests fix the time; %NULL: the real clock. */
void           axw_manager_refunds_set_clock    (AxwManagerRefunds *self,
                                                 GDateTime         *at);
gboolean       axw_manager_refunds_find         (AxwManagerRefunds *self,
                                                 const char        *sale);
gboolean       axw_manager_refunds_set_qty      (AxwManagerRefunds *self,
                                                 int                line_no,
                                                 gint64             qty_milli);
const AxwSale *axw_manager_refunds_get_preview  (AxwManagerRefunds *self);
const AxwSale *axw_manager_refunds_get_last_refund (AxwManagerRefunds *self);
const char    *axw_manager_refunds_get_message  (AxwManagerRefunds *self);
const char    *axw_manager_refunds_get_money_text (AxwManagerRefunds *self);
gboolean       axw_manager_refunds_is_printing  (AxwManagerRefunds *self);
gboolean       axw_manager_refunds_is_checking  (AxwManagerRefunds *self);

G_END_DECLS
