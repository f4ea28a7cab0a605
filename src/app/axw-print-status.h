/* axw-print-status.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the counter shows of the receipt queue, in words (the state itself
 * is read by the store: axw_print_status_of_sale).
 */
#pragma once

#include "axw-print-jobs.h"

G_BEGIN_DECLS

char         *axw_print_state_describe (AxwPrintState state,
                                        const char   *error);

G_END_DECLS
