/* axw-manager-pin-dialog.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asks for a manager, the manager's PIN and a reason (and, for some
 * exceptions, one more value such as a price or a receipt number). The PIN
 * is checked off the GTK thread; "authorized" is emitted only for a
 * manager whose PIN was right (or, cashier-only, for the value alone). Its handler does the
 * exception and either
 * closes the dialog or calls axw_manager_pin_dialog_show_error().
 */
#pragma once

#include <gtk/gtk.h>

#include "axw-db.h"

G_BEGIN_DECLS

#define AXW_TYPE_MANAGER_PIN_DIALOG (axw_manager_pin_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AxwManagerPinDialog, axw_manager_pin_dialog, AXW, MANAGER_PIN_DIALOG,
                      GtkWindow)

AxwManagerPinDialog *axw_manager_pin_dialog_new        (GtkWindow           *parent,
                                                        AxwDb               *db,
                                                        const char          *title);
void                 axw_manager_pin_dialog_present    (AxwManagerPinDialog *self);
void                 axw_manager_pin_dialog_ask_value  (AxwManagerPinDialog *self,
                                                        const char          *label,
                                                        gboolean             money);
void                 axw_manager_pin_dialog_set_cashier_only (AxwManagerPinDialog *self);
void                 axw_manager_pin_dialog_set_value  (AxwManagerPinDialog *self,
                                                        const char          *value);
void                 axw_manager_pin_dialog_show_error (AxwManagerPinDialog *self,
                                                        const char          *message);

G_END_DECLS
