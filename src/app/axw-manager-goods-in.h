/* axw-manager-goods-in.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "axw-db.h"

G_BEGIN_DECLS

#define AXW_TYPE_MANAGER_GOODS_IN (axw_manager_goods_in_get_type ())

G_DECLARE_FINAL_TYPE (AxwManagerGoodsIn, axw_manager_goods_in, AXW, MANAGER_GOODS_IN, GtkBox)

/* @manager: who receives the goods (audited) */
void              axw_manager_goods_in_set_db          (AxwManagerGoodsIn *self,
                                                        AxwDb             *db,
                                                        const char        *manager);
gboolean          axw_manager_goods_in_scan            (AxwManagerGoodsIn *self,
                                                        const char        *text);
gboolean          axw_manager_goods_in_add_line        (AxwManagerGoodsIn *self,
                                                        const char        *qty,
                                                        const char        *cost);
gboolean          axw_manager_goods_in_select_supplier (AxwManagerGoodsIn *self,
                                                        const char        *name);
const char       *axw_manager_goods_in_get_supplier    (AxwManagerGoodsIn *self);
GListModel       *axw_manager_goods_in_get_model       (AxwManagerGoodsIn *self);
GListModel       *axw_manager_goods_in_get_deliveries  (AxwManagerGoodsIn *self);
GListModel       *axw_manager_goods_in_get_low_stock   (AxwManagerGoodsIn *self);
const char       *axw_manager_goods_in_get_message     (AxwManagerGoodsIn *self);
void              axw_manager_goods_in_set_period      (AxwManagerGoodsIn *self,
                                                        const char        *from,
                                                        const char        *to);
const char       *axw_manager_goods_in_get_period_text (AxwManagerGoodsIn *self);
AdwMessageDialog *axw_manager_goods_in_get_dialog      (AxwManagerGoodsIn *self);

GtkFileChooser *axw_manager_goods_in_get_chooser (AxwManagerGoodsIn *self);
gboolean     axw_manager_goods_in_is_saving      (AxwManagerGoodsIn *self);
GtkEditable *axw_manager_goods_in_get_return_entry (AxwManagerGoodsIn *self,
                                                  guint              line_no);

G_END_DECLS
