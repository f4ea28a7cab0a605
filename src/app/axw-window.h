/* axw-window.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "axw-application.h"
#include "axw-customer-display.h"
#include "axw-pole-display.h"
#include "axw-login-view.h"
#include "axw-sale-view.h"
#include "axw-setup-assistant.h"

G_BEGIN_DECLS

#define AXW_TYPE_WINDOW (axw_window_get_type ())

G_DECLARE_FINAL_TYPE (AxwWindow, axw_window, AXW, WINDOW, AdwApplicationWindow)

AxwWindow    *axw_window_new            (AxwApplication *application);
AxwLoginView *axw_window_get_login_view (AxwWindow      *self);
AxwSaleView  *axw_window_get_sale_view  (AxwWindow      *self);
AxwCustomerDisplay *axw_window_get_customer_display (AxwWindow *self);
AxwPoleDisplay *axw_window_get_pole_display (AxwWindow *self);
AxwSetupAssistant *axw_window_get_setup_assistant (AxwWindow *self);
const char   *axw_window_get_screen     (AxwWindow      *self);
guint         axw_window_get_n_scans    (AxwWindow      *self);
guint32       axw_window_get_last_scan_time (AxwWindow  *self);
gboolean      axw_window_has_open_sale  (AxwWindow      *self);
void          axw_window_show_login     (AxwWindow      *self);

G_END_DECLS
