/* main.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <locale.h>

#include "axw-application.h"
#include "axw-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AxwApplication) app = NULL;
  g_autofree char *db_path = NULL;
  int rc;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* a command runs and returns; without one, the counter opens */
  rc = axw_cli_main (argc, argv, &db_path);
  if (rc != AXW_CLI_RUN_GUI)
    return rc;
  app = axw_application_new (db_path);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
