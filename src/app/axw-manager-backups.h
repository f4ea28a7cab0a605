/* axw-manager-backups.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "axw-db.h"

G_BEGIN_DECLS

#define AXW_TYPE_MANAGER_BACKUPS (axw_manager_backups_get_type ())

G_DECLARE_FINAL_TYPE (AxwManagerBackups, axw_manager_backups, AXW, MANAGER_BACKUPS, GtkBox)

/* @manager: who backs up and restores (audited) */
void              axw_manager_backups_set_db       (AxwManagerBackups *self,
                                                    AxwDb             *db,
                                                    const char        *manager);
/* Lists and checks the backups again, in a worker thread */
void              axw_manager_backups_reload       (AxwManagerBackups *self);
gboolean          axw_manager_backups_get_busy     (AxwManagerBackups *self);
const char       *axw_manager_backups_get_dir      (AxwManagerBackups *self);
/* Paths of the backups shown, newest first */
GListModel       *axw_manager_backups_get_model    (AxwManagerBackups *self);
gboolean          axw_manager_backups_select       (AxwManagerBackups *self,
                                                    const char        *path);
const char       *axw_manager_backups_get_message  (AxwManagerBackups *self);
/* The confirmation "Restore…" opened, or NULL */
AdwMessageDialog *axw_manager_backups_get_confirm  (AxwManagerBackups *self);

G_END_DECLS
