/* axw-print-runner.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the print queue for a screen: one run at a time, off the GTK
 * thread; a job queued while a run goes on is printed by one more run
 * right after it, never by a second run beside it.
 */
#pragma once

#include <gio/gio.h>

#include "axw-db.h"

G_BEGIN_DECLS

#define AXW_TYPE_PRINT_RUNNER (axw_print_runner_get_type ())
G_DECLARE_FINAL_TYPE (AxwPrintRunner, axw_print_runner, AXW, PRINT_RUNNER, GObject)

AxwPrintRunner *axw_print_runner_new        (AxwDb          *db);
void            axw_print_runner_run        (AxwPrintRunner *self);
gboolean        axw_print_runner_is_running (AxwPrintRunner *self);

G_END_DECLS
