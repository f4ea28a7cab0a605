/* axw-print-jobs.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The receipt queue as the screens read it (the print_jobs table that
 * axw_checkout_commit fills and the printer worker drains).
 */
#pragma once

#include "axw-db.h"

G_BEGIN_DECLS

typedef enum {
  AXW_PRINT_NONE,
  AXW_PRINT_PENDING,
  AXW_PRINT_PRINTING,
  AXW_PRINT_DONE,
  AXW_PRINT_FAILED,
} AxwPrintState;

AxwPrintState axw_print_status_of_sale (AxwDb       *db,
                                        gint64       sale_id,
                                        char       **out_error);

G_END_DECLS
