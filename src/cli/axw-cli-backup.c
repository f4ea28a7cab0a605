/* axw-cli-backup.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * backup and restore.
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "axw-audit.h"
#include "axw-backup.h"
#include "axw-cli.h"
#include "axw-error.h"

int
axw_cli_cmd_backup (AxwCli  *cli,
                    int      argc,
                    char   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  int keep = AXW_BACKUP_KEEP_DEFAULT;
  const GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &dir,
      N_("The folder (default: “backups” next to the database)"), N_("DIR") },
    { "keep", 0, 0, G_OPTION_ARG_INT, &keep, N_("Keep the newest N daily files (default 14)"),
      N_("N") },
    { NULL }
  };
  AxwDb *db;
  int rc;

  if (!axw_cli_parse (cli, entries, &argc, &argv, &rc))
    return rc;
  if (keep < 1 || keep > 3650)
    {
      g_printerr ("%s\n", _("--keep takes a number of days from 1 to 3650"));
      return AXW_EXIT_USAGE;
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

/* A damaged database cannot say who its managers are: then the manager
 * of the backup being restored is asked, checked on a scratch copy of it
 * (a wrong PIN must not write into the backup). */
static gboolean
authorize_from_backup (AxwCli      *cli,
                       const char  *file,
                       GError     **error)
{
  g_autofree char *dir = g_dir_make_tmp ("aixinwu-restore-XXXXXX", error);
  g_autofree char *copy = dir ? g_build_filename (dir, "check.db", NULL) : NULL;
  g_autoptr(GFile) from = g_file_new_for_path (file);
  g_autoptr(GFile) to = copy ? g_file_new_for_path (copy) : NULL;
  AxwCli scratch = { .db_path = copy, .staff_name = cli->staff_name };
  gboolean ok;

  if (dir == NULL)
    return FALSE;
  ok = g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, error) &&
       axw_cli_authorize (&scratch, AXW_CLI_MANAGER, error) != NULL;
  if (ok)
    cli->staff = g_steal_pointer (&scratch.staff);
  g_clear_pointer (&scratch.staff, axw_staff_free);
  g_clear_object (&scratch.db);
  for (const char * const *side = (const char *[]) { "", "-wal", "-shm", "-journal",
    NULL }; *side; side++)
    {
      g_autofree char *p = g_strconcat (copy, *side, NULL);
      g_unlink (p);
    }
  g_rmdir (dir);
  return ok;
}

/* The current database when it opens (checked, closed, restored, opened
 * again and audited by axw_backup_restore_open); else the path alone: a
 * damaged database is exactly what people restore over. */
int
axw_cli_cmd_restore (AxwCli  *cli,
                     int      argc,
                     char   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) open_error = NULL;
  g_autofree char *safety = NULL;
  int rc;

  if (!axw_cli_parse (cli, NULL, &argc, &argv, &rc))
    return rc;
  if (!axw_backup_verify (argv[1], &error))
    return axw_cli_fail (g_steal_pointer (&error));
  cli->db = g_file_test (cli->db_path, G_FILE_TEST_EXISTS)
    ? axw_db_open (cli->db_path, &open_error) : NULL;
  if (cli->db != NULL)
    {
      if (axw_cli_authorize (cli, AXW_CLI_MANAGER, &error) == NULL ||
          !axw_backup_restore_open (cli->db, argv[1], cli->staff->name, &safety, &error))
        return axw_cli_fail (g_steal_pointer (&error));
    }
  else
    {
      g_autofree char *detail = NULL;

      if (!authorize_from_backup (cli, argv[1], &error) ||
          !axw_backup_restore (cli->db_path, argv[1], &safety, &error))
        return axw_cli_fail (g_steal_pointer (&error));
      if (axw_cli_db (cli) == NULL)
        return AXW_EXIT_FAIL;
      detail = g_strdup_printf ("%s (data before: %s)", argv[1], safety);
      if (!axw_audit_append (cli->db, cli->staff->name, "backup.restore", detail, &error))
        g_message ("audit of the restore: %s", error->message);
    }
  g_print (_("Restored %s from %s. The previous data is kept in %s.\n"),
           cli->db_path, argv[1], safety);
  return AXW_EXIT_OK;
}
