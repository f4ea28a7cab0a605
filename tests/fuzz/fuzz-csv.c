/* fuzz-csv.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The RFC 4180 reader: never crash, and what it reads writes back to a
 * file it reads the same.
 */
#include <string.h>

#include "axw-csv.h"
#include "axw-fuzz.h"

static const char * const columns[] = { "barcode", "plu", "name", "price", NULL };

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwCsv) csv = axw_csv_parse ((const char *) data, size, &error);
  g_autoptr(GString) out = g_string_new ("name,n\n");
  g_autoptr(AxwCsv) back = NULL;
  guint n;

  if (csv == NULL)
    {
      g_assert (error != NULL);
      return 0;
    }
  n = axw_csv_n_rows (csv);
  for (guint r = 0; r < n; r++)
    {
      const char *name = axw_csv_get (csv, r, "name");

      axw_csv_line_of_row (csv, r);
      for (guint c = 0; columns[c]; c++)
        axw_csv_get (csv, r, columns[c]);
      if (name != NULL)
        {
          /* a second column: the reader skips rows with every field empty */
          const char *row[] = { name, "1" };
          axw_csv_append_row (out, row, 2);
        }
    }
  axw_csv_bind_columns (csv, columns, (const char * const[]) { "name", NULL }, NULL);

  /* names written out read back identically */
  if (n == 0 || axw_csv_get (csv, 0, "name") == NULL)
    return 0;
  back = axw_csv_parse (out->str, out->len, &error);
  g_assert (back != NULL);
  g_assert (axw_csv_n_rows (back) == n);
  for (guint r = 0; r < n; r++)
    g_assert (strcmp (axw_csv_get (csv, r, "name"), axw_csv_get (back, r, "name")) == 0);
  return 0;
}
