/* axw-manager-settings.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "axw-db.h"

G_BEGIN_DECLS

#define AXW_TYPE_MANAGER_SETTINGS (axw_manager_settings_get_type ())

G_DECLARE_FINAL_TYPE (AxwManagerSettings, axw_manager_settings, AXW, MANAGER_SETTINGS, GtkBox)

AxwManagerSettings *axw_manager_settings_new          (AxwDb              *db,
                                                       const char         *manager);
/* @manager: who makes the changes (audited) */
void                axw_manager_settings_set_db       (AxwManagerSettings *self,
                                                       AxwDb              *db,
                                                       const char         *manager);
void                axw_manager_settings_reload       (AxwManagerSettings *self);
GtkWidget          *axw_manager_settings_get_field    (AxwManagerSettings *self,
                                                       const char         *key);
const char         *axw_manager_settings_get_error    (AxwManagerSettings *self,
                                                       const char         *key);
const char         *axw_manager_settings_get_message  (AxwManagerSettings *self,
                                                       const char         *what);
GdkPaintable       *axw_manager_settings_get_preview  (AxwManagerSettings *self);
gboolean            axw_manager_settings_is_busy      (AxwManagerSettings *self);

G_END_DECLS
