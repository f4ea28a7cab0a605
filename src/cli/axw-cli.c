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
#include <termios.h>
#include <unistd.h>

#include "axw-bizdate.h"
#include "axw-cli.h"
#include "axw-settings.h"
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
  { "funds", axw_cli_cmd_funds, N_("add, list or end the charity funds donations go to") },
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
  { "district", axw_cli_cmd_district, N_("the district hub: set it up, add shops, read claims and conflicts") },
  { "import-online", axw_cli_cmd_import_online, N_("take the online shop's orders from the stock") },
  { "suppliers", axw_cli_cmd_suppliers, N_("add or list suppliers (goods in)") },
  { "receive", axw_cli_cmd_receive, N_("receive a supplier's delivery from CSV: the stock goes up") },
  { "deliveries", axw_cli_cmd_deliveries, N_("list deliveries, or send lines back to the supplier") },
  { "consignment", axw_cli_cmd_consignment, N_("settle with a consignment supplier: what sold, at cost") },
  { "version", axw_cli_cmd_version, N_("print the program's version and the database schema it writes") },
};

/* aixinwu version, aixinwu --version: no database is opened or created. */
int
axw_cli_cmd_version (AxwCli  *cli,
                     int      argc,
                     char   **argv)
{
  if (argc > 1 && !axw_cli_wants_help (argc, argv))
    return axw_cli_usage (_("Usage: aixinwu version"));
  g_print (_("aixinwu %s (database schema %d)\n"), AXW_VERSION, axw_db_latest_version ());
  return AXW_EXIT_OK;
}

gboolean
axw_cli_is_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return TRUE;
  return g_strcmp0 (name, "help") == 0;
}

/* Returns: (transfer full): axw_db_default_path() */
char *
axw_cli_default_db_path (void)
{
  return axw_db_default_path ();
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
      /* through stdio, which may hold what follows the PIN's line already */
      g_autoptr(GByteArray) bytes = g_byte_array_new ();
      guint8 buf[65536];
      size_t n;

      while ((n = fread (buf, 1, sizeof buf, stdin)) > 0)
        g_byte_array_append (bytes, buf, (guint) n);
      if (ferror (stdin))
        {
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                       _("Cannot read standard input: %s"), g_strerror (errno));
          return NULL;
        }
      *length = bytes->len;
      g_byte_array_append (bytes, (const guint8 *) "", 1);
      return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
    }
  if (!g_file_get_contents (path, &text, length, error))
    return NULL;
  return text;
}

/**
 * axw_cli_read_pin:
 *
 * Reads one line from stdin (a PIN, never an argument: arguments show in
 * the process list and the shell history). Typed on a terminal, it is not
 * echoed. Free it with axw_cli_free_pin(), which wipes it.
 */
char *
axw_cli_read_pin (const char  *prompt,
                  GError     **error)
{
  char buf[64] = { 0 };
  struct termios saved, quiet;
  gboolean tty = isatty (STDIN_FILENO) && tcgetattr (STDIN_FILENO, &saved) == 0;
  char *line;

  if (tty)
    {
      g_printerr ("%s", prompt);
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }
  line = fgets (buf, sizeof buf, stdin);
  if (tty)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      g_printerr ("\n");
    }
  if (line == NULL)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID, _("No PIN given on standard input"));
      return NULL;
    }
  buf[strcspn (buf, "\r\n")] = '\0';
  line = g_strdup (buf);
  explicit_bzero (buf, sizeof buf);
  return line;
}

void
axw_cli_free_pin (char *pin)
{
  if (pin == NULL)
    return;
  explicit_bzero (pin, strlen (pin));
  g_free (pin);
}

/**
 * axw_cli_authorize:
 * @role: whether the command needs a manager or anyone on the staff
 *
 * What the counter asks on the screen, asked on the command line: the
 * person named by --staff, with their PIN on the first line of standard
 * input (a wrong one counts toward the lockout). Asked once per command;
 * the store functions then write the audit rows in that person's name.
 *
 * Returns: (transfer none) (nullable): the person, or %NULL with @error
 */
AxwStaff *
axw_cli_authorize (AxwCli      *cli,
                   AxwCliRole   role,
                   GError     **error)
{
  g_autoptr(AxwCliPin) pin = NULL;
  g_autoptr(GError) local = NULL;
  AxwDb *db;

  if (cli->staff != NULL)
    return cli->staff;
  if (cli->staff_name == NULL)
    {
      g_set_error_literal (error, AXW_ERROR, AXW_ERROR_PERMISSION,
                           role == AXW_CLI_MANAGER
                           ? _("This needs a manager: add --staff NAME and give the manager's PIN on the first "
                               "line of standard input.")
                           : _("Say who you are: add --staff NAME and give your PIN on the first line of "
                               "standard input."));
      return NULL;
    }
  if ((db = axw_cli_db (cli)) == NULL)
    {
      g_set_error_literal (error, AXW_ERROR, AXW_ERROR_DATABASE, _("The database cannot be opened."));
      return NULL;
    }
  if (role == AXW_CLI_MANAGER && axw_staff_count_managers (db) == 0)
    {
      g_set_error_literal (error, AXW_ERROR, AXW_ERROR_PERMISSION,
                           _("There is no manager yet. Add one first: aixinwu staff add NAME --role manager"));
      return NULL;
    }
  pin = axw_cli_read_pin (role == AXW_CLI_MANAGER ? _("Manager PIN: ") : _("PIN: "), error);
  if (pin == NULL)
    return NULL;
  cli->staff = role == AXW_CLI_MANAGER
               ? axw_staff_authorize_manager (db, cli->staff_name, pin, error)
               : axw_staff_login (db, cli->staff_name, pin, error);
  return cli->staff;
}

/**
 * axw_cli_check_at:
 * @at: (nullable): the --at option
 *
 * A sale or refund dated other than now changes a day that may be
 * reported already: only a manager may (the person authorized with
 * --staff), or tests and benchmarks that set AIXINWU_ALLOW_AT=1.
 * Call after axw_cli_authorize().
 */
gboolean
axw_cli_check_at (AxwCli      *cli,
                  const char  *at,
                  GError     **error)
{
  if (at == NULL || g_strcmp0 (g_getenv ("AIXINWU_ALLOW_AT"), "1") == 0 ||
      (cli->staff != NULL && cli->staff->manager))
    return TRUE;
  g_set_error_literal (error, AXW_ERROR, AXW_ERROR_PERMISSION,
                       _("Only a manager may date a sale other than now: give --staff with a manager's name "
                         "and PIN, or leave out --at."));
  return FALSE;
}

/* Takes --staff NAME (or --staff=NAME) out of argv, as main() takes --db. */
static gboolean
take_staff_option (AxwCli   *cli,
                   int      *argc,
                   char    **argv,
                   GError  **error)
{
  int kept = 0;

  for (int i = 0; i < *argc; i++)
    {
      const char *value = NULL;

      if (g_str_equal (argv[i], "--staff"))
        {
          if (i + 1 >= *argc)
            {
              g_set_error_literal (error, AXW_ERROR, AXW_ERROR_INVALID, _("--staff needs a name"));
              return FALSE;
            }
          value = argv[++i];
        }
      else if (g_str_has_prefix (argv[i], "--staff="))
        value = argv[i] + strlen ("--staff=");
      else
        {
          argv[kept++] = argv[i];
          continue;
        }
      g_free (cli->staff_name);
      cli->staff_name = g_strdup (value);
    }
  *argc = kept;
  argv[kept] = NULL;
  return TRUE;
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
  g_autoptr(GError) error = NULL;
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

  if (!take_staff_option (&cli, &argc, argv, &error))
    rc = axw_cli_fail (g_steal_pointer (&error));
  else
    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      if (g_str_equal (commands[i].name, argv[0]))
        {
          rc = commands[i].run (&cli, argc, argv);
          break;
        }

  g_clear_pointer (&cli.staff, axw_staff_free);
  g_clear_object (&cli.db);
  g_free (cli.staff_name);
  g_free (cli.db_path);
  return rc;
}

/**
 * axw_cli_shop_time:
 * @utc_iso: (nullable): a stored time
 *
 * Returns: (transfer full): @utc_iso on the shop's clock with its offset,
 *   "2026-12-12T07:10:00+08:00", as people and scripts both read it;
 *   "" for %NULL
 */
char *
axw_cli_shop_time (AxwDb      *db,
                   const char *utc_iso)
{
  g_autofree char *tzid = axw_settings_get (db, "timezone");
  g_autoptr(GTimeZone) tz = axw_timezone_new (tzid);

  return axw_time_format_shop_iso (utc_iso, tz, AXW_TIME_FORMAT_RFC3339);
}
