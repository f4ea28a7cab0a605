/* axw-print-status.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "axw-error.h"
#include "axw-print-status.h"

/* Words and a symbol, never colour alone. */
char *
axw_print_state_describe (AxwPrintState  state,
                          const char    *error)
{
  switch (state)
    {
    case AXW_PRINT_NONE:
      return g_strdup ("");
    case AXW_PRINT_PENDING:
      return g_strdup (_("Receipt: waiting for the printer"));
    case AXW_PRINT_PRINTING:
      return g_strdup (_("Receipt: printing"));
    case AXW_PRINT_DONE:
      return g_strdup (_("✔ Receipt printed"));
    case AXW_PRINT_FAILED:
    default:
      {
        g_autofree char *why = axw_error_clause (error && *error ? error : _("printer problem"));

        return g_strdup_printf (_("✖ Receipt not printed: %s. Check the printer, then reprint."),
                                why);
      }
    }
}
