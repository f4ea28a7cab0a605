/* main.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <locale.h>

#include "axw-application.h"
#include "axw-cli.h"

/* The commands speak the language of the locale (LANGUAGE=zh_CN: Chinese),
 * from the installed catalogue or, run from the build tree, the built one. */
static const char *
locale_dir (void)
{
#ifdef AXW_BUILD_LOCALEDIR
  g_autofree char *mo = g_build_filename (LOCALEDIR, "zh_CN", "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);

  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    return AXW_BUILD_LOCALEDIR;
#endif
  return LOCALEDIR;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AxwApplication) app = NULL;
  g_autofree char *db_path = NULL;
  const char *charset;
  int rc;

  setlocale (LC_ALL, "");
  /* The C locale's ASCII cannot hold a name like 王店长: read arguments
   * (GOptionContext converts them from the locale's charset) and write
   * text as UTF-8, as the database holds it. */
  if (!g_get_charset (&charset) && g_str_equal (charset, "ANSI_X3.4-1968"))
    setlocale (LC_CTYPE, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* a command runs and returns; without one, the counter opens */
  rc = axw_cli_main (argc, argv, &db_path);
  if (rc != AXW_CLI_RUN_GUI)
    return rc;
  app = axw_application_new (db_path);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
