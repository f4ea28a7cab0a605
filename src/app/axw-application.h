/* axw-application.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "axw-db.h"
#include "axw-feedback.h"
#include "axw-staff.h"

G_BEGIN_DECLS

#define AXW_TYPE_APPLICATION (axw_application_get_type ())

G_DECLARE_FINAL_TYPE (AxwApplication, axw_application, AXW, APPLICATION, AdwApplication)

AxwApplication *axw_application_new    (const char     *db_path);
AxwDb          *axw_application_get_db (AxwApplication *self);
AxwFeedback    *axw_application_get_feedback (AxwApplication *self);
void            axw_application_apply_prefs  (AxwApplication *self,
                                              const AxwStaff *prefs);
/* Made by the manager screens (another part of the program) when a
 * manager opens them from the counter. */
typedef GtkWindow *(*AxwManagerWindowFunc) (AxwApplication *app,
                                            const AxwStaff *manager);

void            axw_application_set_manager_window_func (AxwApplication       *self,
                                                         AxwManagerWindowFunc  func);
AxwManagerWindowFunc axw_application_get_manager_window_func (AxwApplication *self);
void            axw_application_add_shortcuts (AxwApplication *self,
                                               GtkWidget      *widget,
                                               const char     *prefix);
gboolean        axw_application_restore_backup (AxwApplication *self,
                                                const char     *file,
                                                const char     *staff,
                                                char          **out_safety_path,
                                                GError        **error);
int             axw_application_get_font_scale    (AxwApplication *self);
gboolean        axw_application_get_high_contrast (AxwApplication *self);
const char     *axw_application_choose_renderer   (GdkDisplay     *display);

G_END_DECLS
