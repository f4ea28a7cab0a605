/* axw-cli-funds.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * aixinwu funds: the charity funds donations go to (docs/design.md §15).
 */
#include <glib/gi18n.h>

#include "axw-cli.h"
#include "axw-error.h"
#include "axw-funds.h"

static char *
describe_fund (AxwDb         *db,
               gconstpointer  row)
{
  const AxwFund *f = row;

  return g_strdup_printf ("%s\t%s\t%s", f->name, f->beneficiary,
                          f->active ? _("active") : _("ended"));
}

static int
funds_list (AxwCli  *cli,
            int      argc,
            char   **argv)
{
  return axw_cli_list (cli, argc, argv, axw_funds_list, describe_fund);
}

static int
funds_add (AxwCli  *cli,
           int      argc,
           char   **argv)
{
  g_autoptr(GError) error = NULL;
  int rc;

  if (axw_cli_parse_as (cli, AXW_CLI_MANAGER, NULL, &argc, &argv, &rc) == NULL)
    return rc;
  if (!axw_funds_add (cli->db, argv[1], argc == 3 ? argv[2] : "", cli->staff->name, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  g_print (_("Fund “%s” added.\n"), argv[1]);
  return AXW_EXIT_OK;
}

static int
funds_end (AxwCli  *cli,
           int      argc,
           char   **argv)
{
  g_autoptr(GError) error = NULL;
  int rc;

  if (axw_cli_parse_as (cli, AXW_CLI_MANAGER, NULL, &argc, &argv, &rc) == NULL)
    return rc;
  if (!axw_funds_end (cli->db, argv[1], cli->staff->name, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  g_print (_("Fund “%s” ended: it takes no more donations.\n"), argv[1]);
  return AXW_EXIT_OK;
}

const AxwCliSpec axw_cli_funds[] = {
  { "add", funds_add, N_("NAME [BENEFICIARY]"), N_("Adds a fund, as a manager."),
    N_("A fund takes donations (一元捐, round-up) and the proceeds of its charity goods."), 1, 2 },
  { "end", funds_end, N_("NAME"),
    N_("Ends a fund, as a manager: it takes no more, and keeps its book."),
    NULL, 1, 1 },
  { "list", funds_list, NULL, N_("Lists the funds: name, beneficiary, active or ended.") },
  { NULL }
};

