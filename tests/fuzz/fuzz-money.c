/* fuzz-money.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Money and quantities typed by people: never crash, and whatever parses
 * formats back to the same value.
 */
#include "axw-fuzz.h"
#include "axw-money.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = axw_fuzz_string (data, size);
  g_autoptr(GError) error = NULL;
  gint64 fen, again, milli;
  AxwCashRounding mode;

  if (axw_money_parse (text, &fen, &error))
    {
      g_autofree char *shown = axw_money_format (fen);
      g_autofree char *screen = axw_money_format_screen (fen);
      g_autofree char *paper = axw_money_format_paper (fen);

      g_assert (g_utf8_validate (screen, -1, NULL) && g_utf8_validate (paper, -1, NULL));

      g_assert (axw_money_parse (shown, &again, NULL));
      g_assert (again == fen);
      for (int m = AXW_CASH_ROUNDING_NONE; m <= AXW_CASH_ROUNDING_NEAREST_JIAO; m++)
        {
          gint64 r = axw_cash_round (fen, (AxwCashRounding) m);
          g_assert (r - fen < 10 && fen - r < 10);
        }
    }
  else
    g_assert (error != NULL);
  g_clear_error (&error);

  if (axw_qty_parse (text, &milli, &error))
    {
      g_autofree char *shown = axw_qty_format (milli);

      g_assert (axw_qty_parse (shown, &again, NULL));
      g_assert (again == milli);
    }
  else
    g_assert (error != NULL);

  if (axw_cash_rounding_from_string (text, &mode))
    g_assert (axw_cash_rounding_to_string (mode) != NULL);
  return 0;
}
