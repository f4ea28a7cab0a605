/* axw-manager-products.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "axw-db.h"

G_BEGIN_DECLS

#define AXW_TYPE_MANAGER_PRODUCTS (axw_manager_products_get_type ())

G_DECLARE_FINAL_TYPE (AxwManagerProducts, axw_manager_products, AXW, MANAGER_PRODUCTS, GtkBox)

/* At most this many products are listed; a search narrows them. */
#define AXW_MANAGER_PRODUCTS_SHOWN 200

/* @manager: who makes the changes (audited) */
void         axw_manager_products_set_db        (AxwManagerProducts *self,
                                                 AxwDb              *db,
                                                 const char         *manager);
void         axw_manager_products_search        (AxwManagerProducts *self,
                                                 const char         *query);
GListModel  *axw_manager_products_get_model     (AxwManagerProducts *self);
void         axw_manager_products_select        (AxwManagerProducts *self,
                                                 guint               position);
GtkEditable *axw_manager_products_get_field     (AxwManagerProducts *self,
                                                 const char         *name);
GtkCheckButton *axw_manager_products_get_aid    (AxwManagerProducts *self);
GtkDropDown *axw_manager_products_get_choice    (AxwManagerProducts *self,
                                                 const char         *name);
GtkCheckButton *axw_manager_products_get_fund_discounts (AxwManagerProducts *self);
const char  *axw_manager_products_get_message   (AxwManagerProducts *self);
void         axw_manager_products_import_file   (AxwManagerProducts *self,
                                                 GFile              *file);
gboolean     axw_manager_products_is_busy       (AxwManagerProducts *self);
const char  *axw_manager_products_get_summary   (AxwManagerProducts *self);
GListModel  *axw_manager_products_get_preview   (AxwManagerProducts *self);
const char  *axw_manager_products_get_page      (AxwManagerProducts *self);
double       axw_manager_products_get_progress  (AxwManagerProducts *self);

G_END_DECLS
