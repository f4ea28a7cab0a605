/* axw-cli-sync.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * export, sync and import-online: the online shop (docs/design.md §9).
 */
#include <glib/gi18n.h>

#include "axw-cli.h"
#include "axw-json.h"
#include "axw-error.h"
#include "axw-export.h"
#include "axw-online-orders.h"
#include "axw-sync.h"

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
    g_print (_("%llu sales written; exported up to sale %lld.\n"),
             (unsigned long long) r.n_sales, (long long) r.last_sale_id);
  if (r.wrote_products)
    g_print (_("products.csv written: %llu products.\n"), (unsigned long long) r.n_products);
  return AXW_EXIT_OK;
}

static const char sync_usage[] =
  N_("Usage: aixinwu sync [--now] [--timeout SECONDS]\n"
     "       aixinwu sync --status | --dead | --retry-dead [SALE]\n"
     "Sends the sales waiting in the outbox to the online shop (settings sync.endpoint and\n"
     "sync.token_file, a file only you can read). --now also sends the sales whose retry time\n"
     "has not come. --dead lists the sales the online shop refused; --retry-dead queues them again\n"
     "(only SALE, a receipt number or UUID, when given).");

static int
print_status (AxwDb *db)
{
  g_autoptr(GError) error = NULL;
  g_auto(AxwSyncStatus) st = { 0 };
  g_autofree char *last_error = NULL;

  if (!axw_sync_get_status (db, &st, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  g_print ("pending\t%" G_GINT64_FORMAT "\n", st.pending);
  g_print ("sent\t%" G_GINT64_FORMAT "\n", st.sent);
  g_print ("dead\t%" G_GINT64_FORMAT "\n", st.dead);
  g_autofree char *last_success = axw_cli_shop_time (db, st.last_success);
  g_autofree char *next_attempt = axw_cli_shop_time (db, st.next_attempt_at);

  g_print ("last_success\t%s\n", last_success);
  /* stored by an older version, a server's ESC bytes would reach the terminal */
  last_error = axw_text_printable (st.last_error ? st.last_error : "", -1);
  g_print ("last_error\t%s\n", last_error);
  g_print ("next_attempt_at\t%s\n", next_attempt);
  return AXW_EXIT_OK;
}

static int
print_dead (AxwDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dead = axw_sync_list_dead (db, &error);

  if (dead == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  for (guint i = 0; i < dead->len; i++)
    {
      AxwOutboxEntry *e = g_ptr_array_index (dead, i);
      g_autofree char *why = axw_text_printable (e->last_error ? e->last_error : "", -1);

      g_print ("%s\t%s\t%" G_GINT64_FORMAT "\t%s\n", e->receipt_no, e->uuid, e->attempts, why);
    }
  if (dead->len == 0)
    g_printerr (_("No sales were refused by the online shop.\n"));
  return AXW_EXIT_OK;
}

static int
retry_dead (AxwDb      *db,
            const char *sale)
{
  g_autoptr(GError) error = NULL;
  gint64 n;

  if (sale != NULL)
    {
      if (!axw_sync_retry_dead_sale (db, sale, NULL, &error))
        return axw_cli_fail (g_steal_pointer (&error));
      g_print (_("%s queued again; run aixinwu sync to send it.\n"), sale);
      return AXW_EXIT_OK;
    }
  n = axw_sync_retry_dead (db, NULL, &error);

  if (n < 0)
    return axw_cli_fail (g_steal_pointer (&error));
  g_print (_("%lld sales queued again; run aixinwu sync to send them.\n"), (long long) n);
  return AXW_EXIT_OK;
}

int
axw_cli_cmd_sync (AxwCli  *cli,
                  int      argc,
                  char   **argv)
{
  g_autoptr(GError) error = NULL;
  AxwSyncOptions options = { 0 };
  AxwSyncReport report;
  const char *mode = NULL;
  const char *sale = NULL;
  gboolean ok;
  AxwDb *db;

  if (axw_cli_wants_help (argc, argv))
    return axw_cli_usage (_(sync_usage));
  for (int i = 1; i < argc; i++)
    {
      guint64 secs;

      if (g_str_equal (argv[i], "--now"))
        options.ignore_backoff = TRUE;
      else if (g_str_equal (argv[i], "--timeout") && i + 1 < argc &&
               g_ascii_string_to_unsigned (argv[i + 1], 10, 1, 3600, &secs, NULL))
        {
          options.timeout_s = (guint) secs;
          i++;
        }
      else if (g_strcmp0 (mode, "--retry-dead") == 0 && sale == NULL && argv[i][0] != '-')
        sale = argv[i];
      else if (mode == NULL && (g_str_equal (argv[i], "--status") || g_str_equal (argv[i], "--dead") ||
                                g_str_equal (argv[i], "--retry-dead")))
        mode = argv[i];
      else
        return axw_cli_usage (_(sync_usage));
    }
  if ((db = axw_cli_db (cli)) == NULL)
    return AXW_EXIT_FAIL;
  if (g_strcmp0 (mode, "--status") == 0)
    return print_status (db);
  if (g_strcmp0 (mode, "--dead") == 0)
    return print_dead (db);
  if (g_strcmp0 (mode, "--retry-dead") == 0)
    return retry_dead (db, sale);

  ok = axw_sync_push (db, &options, &report, NULL, &error);
  if (report.sent > 0 || report.dead > 0 || ok)
    g_print (_("%u sales sent, %u refused (see aixinwu sync --dead).\n"), report.sent, report.dead);
  if (!ok)
    return axw_cli_fail (g_steal_pointer (&error));
  return AXW_EXIT_OK;
}

static const char import_online_usage[] =
  N_("Usage: aixinwu import-online FILE.jsonl --staff MANAGER   (the manager's PIN on stdin)\n"
     "Takes the goods of the online shop's orders from the stock, each order once\n"
     "(one JSON object per line: {\"order_id\":…,\"lines\":[{\"sku\":…,\"qty\":…}]};\n"
     "see data/EXPORT.md). \"-\" reads the orders from standard input, after the PIN.");

int
axw_cli_cmd_import_online (AxwCli  *cli,
                           int      argc,
                           char   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AxwOnlineImport stats;
  gsize len;

  if (axw_cli_wants_help (argc, argv) || argc != 2)
    return axw_cli_usage (_(import_online_usage));
  if (axw_cli_authorize (cli, AXW_CLI_MANAGER, &error) == NULL ||
      (text = axw_cli_read_file (argv[1], &len, &error)) == NULL ||
      !axw_online_orders_import (cli->db, text, len, cli->staff->name, &stats, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  g_print (_("%u orders applied (%u lines), %u already applied before.\n"), stats.applied, stats.lines,
           stats.already);
  if (stats.below_zero > 0)
    g_print (_("%u products now have less than nothing in stock: count them (stocktake).\n"), stats.below_zero);
  return AXW_EXIT_OK;
}
