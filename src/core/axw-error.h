/* axw-error.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define AXW_ERROR (axw_error_quark ())

/* Errors a person at the counter or in the back office can meet. The
 * message always says what happened and what to do next. */
typedef enum {
  AXW_ERROR_INVALID,        /* malformed input: money, quantity, date, CSV */
  AXW_ERROR_BARCODE,        /* bad check digit, wrong length, payment code */
  AXW_ERROR_NOT_FOUND,      /* unknown barcode, staff, sale */
  AXW_ERROR_CONFLICT,       /* already exists, already redeemed, closed day */
  AXW_ERROR_PERMISSION,     /* wrong PIN, locked, not a manager */
  AXW_ERROR_DATABASE,       /* SQLite failure, corrupt file, newer schema */
  AXW_ERROR_DISK_FULL,      /* SQLITE_FULL, ENOSPC */
  AXW_ERROR_PRINTER,        /* printer offline, paper out, unplugged */
  AXW_ERROR_NETWORK,        /* online shop unreachable */
  AXW_ERROR_PAYMENT,        /* payment short, change from non-cash */
} AxwError;

GQuark axw_error_quark (void);
char  *axw_error_clause (const char *message);

G_END_DECLS
