/* axw-cli-backup.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * backup and restore.
 */
#include <glib/gi18n.h>

#include "axw-backup.h"
#include "axw-cli.h"
#include "axw-error.h"

int
axw_cli_cmd_backup (AxwCli  *cli,
                    int      argc,
                    char   **argv)
{
  static const char usage[] =
    N_("Usage: aixinwu backup [--to DIR] [--keep N]\n"
       "Writes today's copy of the database (aixinwu-YYYY-MM-DD.db) into DIR\n"
       "(default: the “backups” folder next to the database) and keeps the newest\n"
       "N daily files (default 14).");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *path = NULL;
  const char *dir = NULL;
  guint64 keep = AXW_BACKUP_KEEP_DEFAULT;
  AxwDb *db;

  if (axw_cli_wants_help (argc, argv))
    return axw_cli_usage (_(usage));
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--to") && i + 1 < argc)
        dir = argv[++i];
      else if (g_str_equal (argv[i], "--keep") && i + 1 < argc)
        {
          if (!g_ascii_string_to_unsigned (argv[++i], 10, 1, 3650, &keep, NULL))
            return axw_cli_usage (_("--keep takes a number of days from 1 to 3650"));
        }
      else
        return axw_cli_usage (_(usage));
    }
  db = axw_cli_db (cli);
  if (db == NULL)
    return AXW_EXIT_FAIL;
  path = axw_backup_run (db, dir, now, (guint) keep, &error);
  if (path == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  g_print ("%s\n", path);
  return AXW_EXIT_OK;
}

/* Works on the path, not an opened AxwDb: a damaged database is exactly
 * what people restore over, and opening it would refuse. */
int
axw_cli_cmd_restore (AxwCli  *cli,
                     int      argc,
                     char   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *safety = NULL;

  if (axw_cli_wants_help (argc, argv) || argc != 2)
    return axw_cli_usage (_("Usage: aixinwu restore FILE\n"
                            "Replaces the database with the backup FILE after checking it.\n"
                            "The data before the restore is kept next to the database."));
  if (!axw_backup_restore (cli->db_path, argv[1], &safety, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  g_print (_("Restored %s from %s. The previous data is kept in %s.\n"),
           cli->db_path, argv[1], safety);
  return AXW_EXIT_OK;
}
