/* axw-manager-stocktake.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "axw-db.h"

G_BEGIN_DECLS

#define AXW_TYPE_MANAGER_STOCKTAKE (axw_manager_stocktake_get_type ())

G_DECLARE_FINAL_TYPE (AxwManagerStocktake, axw_manager_stocktake, AXW, MANAGER_STOCKTAKE, GtkBox)

/* @manager: who applies the stocktake (audited) */
void              axw_manager_stocktake_set_db       (AxwManagerStocktake *self,
                                                      AxwDb               *db,
                                                      const char          *manager);
gboolean          axw_manager_stocktake_scan         (AxwManagerStocktake *self,
                                                      const char          *text);
gboolean          axw_manager_stocktake_count        (AxwManagerStocktake *self,
                                                      const char          *qty);
GListModel       *axw_manager_stocktake_get_model    (AxwManagerStocktake *self);
const char       *axw_manager_stocktake_get_message  (AxwManagerStocktake *self);
AdwMessageDialog *axw_manager_stocktake_get_dialog   (AxwManagerStocktake *self);

G_END_DECLS
