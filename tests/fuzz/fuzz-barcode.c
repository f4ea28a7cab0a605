/* fuzz-barcode.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scanner input and the embedded-code layout setting: never crash, and a
 * code that parses keeps the invariants the lookup relies on.
 */
#include <string.h>

#include "axw-barcode.h"
#include "axw-fuzz.h"

static void
check_scan (const AxwScan *scan)
{
  g_assert (memchr (scan->code, '\0', sizeof scan->code) != NULL);
  g_assert (memchr (scan->ean13, '\0', sizeof scan->ean13) != NULL);
  g_assert (memchr (scan->upca, '\0', sizeof scan->upca) != NULL);
  g_assert (memchr (scan->plu, '\0', sizeof scan->plu) != NULL);
  if (scan->kind == AXW_CODE_UPCA)
    g_assert (strlen (scan->ean13) == 13);
  if (scan->upca[0])
    g_assert (strlen (scan->upca) == 12 && scan->kind == AXW_CODE_EAN13);
  if (scan->embedded)
    g_assert (scan->value >= 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = axw_fuzz_string (data, size);
  g_autoptr(GError) error = NULL;
  AxwEmbeddedLayout layout, def;
  AxwScan scan;
  const char *wallet = NULL;
  char *nl;

  g_assert (axw_embedded_layout_parse (AXW_EMBEDDED_LAYOUT_DEFAULT, &def, NULL));

  /* "LAYOUT\nCODE": the layout setting and a scan under it */
  nl = strchr (text, '\n');
  if (nl != NULL)
    {
      *nl = '\0';
      if (axw_embedded_layout_parse (text, &layout, &error))
        {
          for (guint i = 0; i < layout.n_formats; i++)
            {
              const AxwScaleFormat *f = &layout.formats[i];
              guint used = f->flag_len + f->plu_len;

              for (guint k = 0; k < f->n_fields; k++)
                used += f->fields[k].len;
              g_assert (used + 1 == f->code_len && (f->code_len == 13 || f->code_len == 18));
            }
          if (axw_barcode_parse (nl + 1, &layout, &scan, NULL))
            check_scan (&scan);
        }
      g_clear_error (&error);
      *nl = '\n';
    }

  if (axw_barcode_parse (text, &def, &scan, &error))
    check_scan (&scan);
  else
    g_assert (error != NULL && error->message[0] != '\0');
  axw_barcode_is_payment_code (text, &wallet);
  axw_ean_check_digit (text, strspn (text, "0123456789"));
  return 0;
}
