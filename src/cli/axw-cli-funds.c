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

static const char funds_usage[] =
  N_("Usage: aixinwu funds add NAME [BENEFICIARY] | end NAME   --staff MANAGER (PIN on stdin)\n"
     "       aixinwu funds list\n"
     "A fund takes donations (一元捐, round-up) and the proceeds of its charity goods;\n"
     "an ended fund takes no more, and keeps its book.");

static int
list_funds (AxwCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) funds = NULL;
  AxwDb *db;

  if ((db = axw_cli_db (cli)) == NULL)
    return AXW_EXIT_FAIL;
  if ((funds = axw_funds_list (db, &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  for (guint i = 0; i < funds->len; i++)
    {
      const AxwFund *f = g_ptr_array_index (funds, i);

      g_print ("%s\t%s\t%s\n", f->name, f->beneficiary, f->active ? _("active") : _("ended"));
    }
  return AXW_EXIT_OK;
}

int
axw_cli_cmd_funds (AxwCli  *cli,
                   int      argc,
                   char   **argv)
{
  g_autoptr(GError) error = NULL;

  if (axw_cli_wants_help (argc, argv) || argc < 2)
    return axw_cli_usage (_(funds_usage));
  if (g_str_equal (argv[1], "list") && argc == 2)
    return list_funds (cli);
  if (g_str_equal (argv[1], "add") && (argc == 3 || argc == 4))
    {
      if (axw_cli_authorize (cli, AXW_CLI_MANAGER, &error) == NULL ||
          !axw_funds_add (cli->db, argv[2], argc == 4 ? argv[3] : "", cli->staff->name, &error))
        return axw_cli_fail (g_steal_pointer (&error));
      g_print (_("Fund “%s” added.\n"), argv[2]);
      return AXW_EXIT_OK;
    }
  if (g_str_equal (argv[1], "end") && argc == 3)
    {
      if (axw_cli_authorize (cli, AXW_CLI_MANAGER, &error) == NULL ||
          !axw_funds_end (cli->db, argv[2], cli->staff->name, &error))
        return axw_cli_fail (g_steal_pointer (&error));
      g_print (_("Fund “%s” ended: it takes no more donations.\n"), argv[2]);
      return AXW_EXIT_OK;
    }
  return axw_cli_usage (_(funds_usage));
}
