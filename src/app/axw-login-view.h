/* axw-login-view.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "axw-application.h"

G_BEGIN_DECLS

#define AXW_TYPE_LOGIN_VIEW (axw_login_view_get_type ())

G_DECLARE_FINAL_TYPE (AxwLoginView, axw_login_view, AXW, LOGIN_VIEW, GtkWidget)

void        axw_login_view_reset       (AxwLoginView   *self,
                                        AxwApplication *app);
const char *axw_login_view_get_page    (AxwLoginView   *self);
gboolean    axw_login_view_is_checking (AxwLoginView   *self);

G_END_DECLS
