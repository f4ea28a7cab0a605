/* axw-cli.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line: the same database and the same functions as the GUI.
 * Errors go to stderr with a non-zero exit and change nothing; JSON goes
 * to stdout.
 */
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "axw-bizdate.h"
#include "axw-cli.h"
#include "axw-error.h"

typedef struct {
  const char    *name;
  AxwCliCommand  run;
  const char    *summary;
} Command;

static const Command commands[] = {
  { "init", axw_cli_cmd_init, N_("create or migrate the database (--demo: with demo data)") },
  { "products", axw_cli_cmd_products, N_("import or export the catalog as CSV") },
  { "promotions", axw_cli_cmd_promotions, N_("import promotions from CSV, or list them") },
  { "staff", axw_cli_cmd_staff, N_("add staff (PIN from stdin), list them") },
  { "settings", axw_cli_cmd_settings, N_("get or set a setting") },
  { "quote", axw_cli_cmd_quote, N_("price a basket as JSON; writes nothing") },
  { "sell", axw_cli_cmd_sell, N_("commit a sale and print its JSON") },
  { "refund", axw_cli_cmd_refund, N_("refund a sale or some of its lines (manager PIN on stdin)") },
  { "void", axw_cli_cmd_void, N_("void a sale: refund all that is left, with a reason (manager PIN on stdin)") },
  { "return", axw_cli_cmd_void, N_("take goods back without a receipt, cash at the catalog price (manager PIN on stdin)") },
  { "report", axw_cli_cmd_report, N_("X, Z and period reports; subsidy claims") },
  { "shift", axw_cli_cmd_shift, N_("open or close a shift, cash in and out") },
  { "receipt", axw_cli_cmd_receipt, N_("print a sale's receipt again, or draw it to PNG") },
  { "printers", axw_cli_cmd_printers, N_("list USB printers, print a test page, show or retry the print queue") },
  { "backup", axw_cli_cmd_backup, N_("copy the database into the rotating set of daily backups") },
  { "restore", axw_cli_cmd_restore, N_("replace the database with a checked backup") },
  { "vouchers", axw_cli_cmd_vouchers, N_("import red packets, trust a funder's signing key, check a code") },
  { "export", axw_cli_cmd_export, N_("write new sales and the catalog for the online shop") },
  { "sync", axw_cli_cmd_sync, N_("send sales to the online shop; list or retry refused ones") },
  { "import-online", axw_cli_cmd_import_online, N_("take the online shop's orders from the stock") },
};

gboolean
axw_cli_is_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return TRUE;
  return g_strcmp0 (name, "help") == 0;
}

/* Returns: (transfer full): $XDG_DATA_HOME/aixinwu/aixinwu.db */
char *
axw_cli_default_db_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "aixinwu", "aixinwu.db", NULL);
}

/**
 * axw_cli_db:
 *
 * Opens the database on first use, creating its folder.
 *
 * Returns: (transfer none) (nullable): the database, or %NULL after
 *   printing why
 */
AxwDb *
axw_cli_db (AxwCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;

  if (cli->db != NULL)
    return cli->db;
  dir = g_path_get_dirname (cli->db_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_printerr (_("Cannot create the folder %s: %s\n"), dir, g_strerror (errno));
      return NULL;
    }
  cli->db = axw_db_open (cli->db_path, &error);
  if (cli->db == NULL)
    axw_cli_fail (g_steal_pointer (&error));
  return cli->db;
}

/* Prints the error (taking it) and returns the failure exit code. */
int
axw_cli_fail (GError *error)
{
  g_printerr ("aixinwu: %s\n", error ? error->message : _("failed"));
  g_clear_error (&error);
  return AXW_EXIT_FAIL;
}

int
axw_cli_usage (const char *usage)
{
  g_printerr ("%s\n", usage);
  return AXW_EXIT_USAGE;
}

/* --at TIME, or now when the option was not given. */
GDateTime *
axw_cli_parse_at (const char  *at,
                  GError     **error)
{
  return at ? axw_time_parse_rfc3339 (at, error) : g_date_time_new_now_utc ();
}

gboolean
axw_cli_wants_help (int    argc,
                    char **argv)
{
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
      return TRUE;
  return FALSE;
}

/* Returns: (transfer full): the file's bytes ("-" is stdin) */
char *
axw_cli_read_file (const char  *path,
                   gsize       *length,
                   GError     **error)
{
  char *text = NULL;

  if (g_str_equal (path, "-"))
    {
      g_autoptr(GIOChannel) ch = g_io_channel_unix_new (STDIN_FILENO);

      g_io_channel_set_encoding (ch, NULL, NULL);
      if (g_io_channel_read_to_end (ch, &text, length, error) != G_IO_STATUS_NORMAL)
        return NULL;
      return text;
    }
  if (!g_file_get_contents (path, &text, length, error))
    return NULL;
  return text;
}

/**
 * axw_cli_read_pin:
 *
 * Reads one line from stdin (a PIN, never an argument: arguments show in
 * the process list and the shell history).
 */
char *
axw_cli_read_pin (const char  *prompt,
                  GError     **error)
{
  char buf[64] = { 0 };

  if (isatty (STDIN_FILENO))
    g_printerr ("%s", prompt);
  if (fgets (buf, sizeof buf, stdin) == NULL)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID, _("No PIN given on standard input"));
      return NULL;
    }
  buf[strcspn (buf, "\r\n")] = '\0';
  return g_strdup (buf);
}

static void
print_help (void)
{
  g_print ("%s", _("Usage: aixinwu [--db FILE] [COMMAND] [ARGS…]\n\n"
                   "Without a command, the counter opens.\n"
                   "--db FILE (or AIXINWU_DB) selects the database.\n\nCommands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-14s %s\n", commands[i].name, _(commands[i].summary));
  g_print ("%s", _("\n“aixinwu COMMAND --help” tells more.\n"));
}

/**
 * axw_cli_run:
 * @db_path: (nullable): --db; else $AIXINWU_DB; else the XDG data dir
 * @argv: the command and its arguments
 *
 * Returns: the process exit code
 */
int
axw_cli_run (const char  *db_path,
             int          argc,
             char       **argv)
{
  AxwCli cli = { 0 };
  int rc = AXW_EXIT_USAGE;

  if (argc < 1 || g_str_equal (argv[0], "help"))
    {
      print_help ();
      return argc < 1 ? AXW_EXIT_USAGE : AXW_EXIT_OK;
    }

  if (db_path != NULL)
    cli.db_path = g_strdup (db_path);
  else if (g_getenv ("AIXINWU_DB") && *g_getenv ("AIXINWU_DB"))
    cli.db_path = g_strdup (g_getenv ("AIXINWU_DB"));
  else
    cli.db_path = axw_cli_default_db_path ();

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, argv[0]))
      {
        rc = commands[i].run (&cli, argc, argv);
        break;
      }

  g_clear_object (&cli.db);
  g_free (cli.db_path);
  return rc;
}
