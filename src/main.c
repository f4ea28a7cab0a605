/* main.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "axw-application.h"
#include "axw-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AxwApplication) app = NULL;
  const char *db_path = NULL;
  int first = 1;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* --db FILE / --db=FILE may stand before any command. */
  for (; first < argc; first++)
    {
      if (g_str_equal (argv[first], "--db") && first + 1 < argc)
        db_path = argv[++first];
      else if (g_str_has_prefix (argv[first], "--db="))
        db_path = argv[first] + 5;
      else
        break;
    }

  if (first < argc && (g_str_equal (argv[first], "--version") || g_str_equal (argv[first], "-V")))
    return axw_cli_run (db_path, 1, (char *[]) { "version", NULL });
  if (first < argc && g_str_equal (argv[first], "--help"))
    return axw_cli_run (db_path, 1, (char *[]) { "help", NULL });
  if (first < argc && axw_cli_is_command (argv[first]))
    return axw_cli_run (db_path, argc - first, argv + first);
  if (first < argc)
    {
      g_printerr (_("aixinwu: unknown command “%s”; “aixinwu help” lists the commands\n"), argv[first]);
      return 2;
    }

  app = axw_application_new (db_path);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
