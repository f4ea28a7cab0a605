/* axw-manager-district.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "axw-db.h"

G_BEGIN_DECLS

#define AXW_TYPE_MANAGER_DISTRICT (axw_manager_district_get_type ())

G_DECLARE_FINAL_TYPE (AxwManagerDistrict, axw_manager_district, AXW, MANAGER_DISTRICT, GtkBox)

void        axw_manager_district_set_db        (AxwManagerDistrict *self,
                                                AxwDb              *db);
void        axw_manager_district_reload        (AxwManagerDistrict *self);
gboolean    axw_manager_district_get_busy      (AxwManagerDistrict *self);
const char *axw_manager_district_get_text      (AxwManagerDistrict *self,
                                                const char         *which);
GListModel *axw_manager_district_get_conflicts (AxwManagerDistrict *self);

G_END_DECLS
