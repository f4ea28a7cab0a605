/* axw-manager-promotions.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "axw-db.h"

G_BEGIN_DECLS

#define AXW_TYPE_MANAGER_PROMOTIONS (axw_manager_promotions_get_type ())

G_DECLARE_FINAL_TYPE (AxwManagerPromotions, axw_manager_promotions, AXW, MANAGER_PROMOTIONS, GtkBox)

/* @manager: who makes the changes (audited) */
void        axw_manager_promotions_set_db          (AxwManagerPromotions *self,
                                                    AxwDb                *db,
                                                    const char           *manager);
void        axw_manager_promotions_reload          (AxwManagerPromotions *self);
gboolean    axw_manager_promotions_import_file     (AxwManagerPromotions *self,
                                                    GFile                *file);
GListModel *axw_manager_promotions_get_promotions  (AxwManagerPromotions *self);
GListModel *axw_manager_promotions_get_campaigns   (AxwManagerPromotions *self);
GListModel *axw_manager_promotions_get_keys        (AxwManagerPromotions *self);
const char *axw_manager_promotions_get_message     (AxwManagerPromotions *self);

G_END_DECLS
