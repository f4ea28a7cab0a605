/* axw-cli-sync.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * export, sync and import-online: the online shop (docs/design.md §9).
 */
#include <glib/gi18n.h>

#include "axw-cli.h"
#include "axw-district.h"
#include "axw-json.h"
#include "axw-error.h"
#include "axw-export.h"
#include "axw-online-orders.h"
#include "axw-settings.h"
#include "axw-sync.h"

int
axw_cli_cmd_export (AxwCli  *cli,
                    int      argc,
                    char   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  AxwExportResult r;
  gboolean full = FALSE;
  const GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The folder to write to (required)"),
      N_("DIR") },
    { "full", 0, 0, G_OPTION_ARG_NONE, &full, N_("Write every sale again"), NULL },
    { NULL }
  };
  AxwDb *db;
  int rc;

  if (!axw_cli_parse (cli, entries, &argc, &argv, &rc))
    return rc;
  if (out == NULL || *out == '\0')
    return axw_cli_usage (cli);
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

/* Each configured target in turn, each reported; one that is not set up
 * is skipped (the online shop's error stands when neither is). */
static int
push_targets (AxwDb          *db,
              AxwSyncOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) hub_error = NULL;
  g_autofree char *endpoint = axw_settings_get (db, "sync.endpoint");
  gboolean online = endpoint != NULL && *endpoint != '\0';
  gboolean hub = axw_district_configured (db);
  gboolean ok = TRUE;
  AxwSyncReport report = { 0 };
  AxwDistrictReport sent = { 0 };

  if (online || !hub)
    {
      ok = axw_sync_push (db, options, &report, NULL, &error);
      if (report.sent > 0 || report.dead > 0 || ok)
        g_print (_("%u sales sent, %u refused (see aixinwu sync --dead).\n"), report.sent,
                 report.dead);
      if (!ok)
        axw_cli_fail (g_steal_pointer (&error));
    }
  if (hub)
    {
      gboolean hub_ok = axw_district_push (db, options->timeout_s, &sent, NULL, &hub_error);

      if (hub_ok || sent.sent > 0)
        g_print (_("District hub: %u sales sent.\n"), sent.sent);
      if (!hub_ok)
        axw_cli_fail (g_steal_pointer (&hub_error));
      ok = ok && hub_ok;
    }
  return ok ? AXW_EXIT_OK : AXW_EXIT_FAIL;
}

int
axw_cli_cmd_sync (AxwCli  *cli,
                  int      argc,
                  char   **argv)
{
  AxwSyncOptions options = { 0 };
  gboolean status = FALSE, dead = FALSE, retry = FALSE;
  int timeout = 0;
  const GOptionEntry entries[] = {
    { "now", 0, 0, G_OPTION_ARG_NONE, &options.ignore_backoff,
      N_("Also send the sales whose retry time has not come"), NULL },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout,
      N_("Give up on a request after SECONDS (1–3600)"), N_("SECONDS") },
    { "status", 0, 0, G_OPTION_ARG_NONE, &status, N_("Show what waits, was sent and was refused"),
      NULL },
    { "dead", 0, 0, G_OPTION_ARG_NONE, &dead, N_("List the sales the online shop refused"), NULL },
    { "retry-dead", 0, 0, G_OPTION_ARG_NONE, &retry,
      N_("Queue the refused sales again (only SALE, when given)"), NULL },
    { NULL }
  };
  AxwDb *db;
  int rc;

  if (!axw_cli_parse (cli, entries, &argc, &argv, &rc))
    return rc;
  if (status + dead + retry > 1 || (argc > 1 && !retry) ||
      (timeout != 0 && (timeout < 1 || timeout > 3600)))
    return axw_cli_usage (cli);
  options.timeout_s = (guint) timeout;
  if ((db = axw_cli_db (cli)) == NULL)
    return AXW_EXIT_FAIL;
  if (status)
    return print_status (db);
  if (dead)
    return print_dead (db);
  if (retry)
    return retry_dead (db, argc > 1 ? argv[1] : NULL);

  return push_targets (db, &options);
}

int
axw_cli_cmd_import_online (AxwCli  *cli,
                           int      argc,
                           char   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AxwOnlineImport stats;
  gsize len;
  int rc;

  if (axw_cli_parse_as (cli, AXW_CLI_MANAGER, NULL, &argc, &argv, &rc) == NULL)
    return rc;
  if ((text = axw_cli_read_file (argv[1], &len, &error)) == NULL ||
      !axw_online_orders_import (cli->db, text, len, cli->staff->name, &stats, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  g_print (_("%u orders applied (%u lines), %u already applied before.\n"), stats.applied,
           stats.lines, stats.already);
  if (stats.below_zero > 0)
    g_print (_("%u products now have less than nothing in stock: count them (stocktake).\n"),
             stats.below_zero);
  return AXW_EXIT_OK;
}
