/* axw-printer.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sends finished ESC/POS bytes to a printer named like the "printer"
 * setting: "usb", "usb:VVVV:PPPP", "tcp://HOST:PORT", "file:PATH".
 */
#pragma once

#include <gio/gio.h>

#include "axw-usb-printer.h"

G_BEGIN_DECLS

gboolean axw_printer_send        (const char          *target,
                                  GBytes              *bytes,
                                  GCancellable        *cancellable,
                                  GError             **error);
void     axw_printer_send_async  (const char          *target,
                                  GBytes              *bytes,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
gboolean axw_printer_send_finish (GAsyncResult        *result,
                                  GError             **error);

G_END_DECLS
