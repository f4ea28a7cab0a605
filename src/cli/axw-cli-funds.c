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

static const AxwCliSpec funds_list_spec = {
  "funds list", NULL, N_("Lists the funds: name, beneficiary, active or ended."),
};

static int
funds_list (AxwCli  *cli,
            int      argc,
            char   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) funds = NULL;
  AxwDb *db;
  int rc;

  if ((db = axw_cli_open (cli, &funds_list_spec, NULL, &argc, &argv, &rc)) == NULL)
    return rc;
  if ((funds = axw_funds_list (db, &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  for (guint i = 0; i < funds->len; i++)
    {
      const AxwFund *f = g_ptr_array_index (funds, i);

      g_print ("%s\t%s\t%s\n", f->name, f->beneficiary, f->active ? _("active") : _("ended"));
    }
  return AXW_EXIT_OK;
}

static const AxwCliSpec funds_add_spec = {
  "funds add", N_("NAME [BENEFICIARY]"), N_("Adds a fund, as a manager."),
  N_("A fund takes donations (一元捐, round-up) and the proceeds of its charity goods."), 1, 2,
};

static int
funds_add (AxwCli  *cli,
           int      argc,
           char   **argv)
{
  g_autoptr(GError) error = NULL;
  int rc;

  if (!axw_cli_parse (cli, &funds_add_spec, NULL, &argc, &argv, &rc))
    return rc;
  if (axw_cli_authorize (cli, AXW_CLI_MANAGER, &error) == NULL ||
      !axw_funds_add (cli->db, argv[1], argc == 3 ? argv[2] : "", cli->staff->name, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  g_print (_("Fund “%s” added.\n"), argv[1]);
  return AXW_EXIT_OK;
}

static const AxwCliSpec funds_end_spec = {
  "funds end", N_("NAME"), N_("Ends a fund, as a manager: it takes no more, and keeps its book."),
  NULL, 1, 1,
};

static int
funds_end (AxwCli  *cli,
           int      argc,
           char   **argv)
{
  g_autoptr(GError) error = NULL;
  int rc;

  if (!axw_cli_parse (cli, &funds_end_spec, NULL, &argc, &argv, &rc))
    return rc;
  if (axw_cli_authorize (cli, AXW_CLI_MANAGER, &error) == NULL ||
      !axw_funds_end (cli->db, argv[1], cli->staff->name, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  g_print (_("Fund “%s” ended: it takes no more donations.\n"), argv[1]);
  return AXW_EXIT_OK;
}

const AxwCliSpec axw_cli_funds_spec = {
  "funds", N_("COMMAND"), N_("The charity funds donations go to: add, list or end them."),
  NULL, 1, -1,
  (const AxwCliVerb[]) {
    { "add", funds_add, NULL, &funds_add_spec },
    { "end", funds_end, NULL, &funds_end_spec },
    { "list", funds_list, NULL, &funds_list_spec },
    { NULL }
  },
};

