/* axw-cli-sync.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * export, sync and import-online: the online shop (DESIGN §9).
 */
#include <glib/gi18n.h>

#include "axw-cli.h"
#include "axw-error.h"
#include "axw-export.h"

static const char export_usage[] =
  N_("Usage: aixinwu export --out DIR [--full]\n"
     "Writes the sales since the last export, products.csv and manifest.json to DIR\n"
     "(formats: data/EXPORT.md). --full writes every sale again.");

int
axw_cli_cmd_export (AxwCli  *cli,
                    int      argc,
                    char   **argv)
{
  g_autoptr(GError) error = NULL;
  AxwExportResult r;
  const char *out = NULL;
  gboolean full = FALSE;
  AxwDb *db;

  if (axw_cli_wants_help (argc, argv))
    return axw_cli_usage (_(export_usage));
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--full"))
        full = TRUE;
      else if (g_str_equal (argv[i], "--out") && i + 1 < argc)
        out = argv[++i];
      else
        return axw_cli_usage (_(export_usage));
    }
  if (out == NULL || *out == '\0')
    return axw_cli_usage (_(export_usage));
  if ((db = axw_cli_db (cli)) == NULL)
    return AXW_EXIT_FAIL;
  if (!axw_export_run (db, out, full, &r, &error))
    return axw_cli_fail (g_steal_pointer (&error));

  if (r.n_sales_files == 0 && !r.wrote_products)
    g_print (_("Nothing new to export.\n"));
  if (r.n_sales_files > 0)
    g_print (_("%" G_GUINT64_FORMAT " sales written; exported up to sale %" G_GINT64_FORMAT ".\n"),
             r.n_sales, r.last_sale_id);
  if (r.wrote_products)
    g_print (_("products.csv written: %" G_GUINT64_FORMAT " products.\n"), r.n_products);
  return AXW_EXIT_OK;
}
