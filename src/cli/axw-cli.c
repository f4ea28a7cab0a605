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

static const AxwCliSpec commands[] = {
  { "init", axw_cli_cmd_init, NULL, N_("create or migrate the database (--demo: with demo data)") },
  { "products", NULL, N_("COMMAND"), N_("import or export the catalog as CSV"), NULL, 1, -1,
    axw_cli_products },
  { "promotions", NULL, N_("COMMAND"), N_("import promotions from CSV, or list them"), NULL, 1, -1,
    axw_cli_promotions },
  { "funds", NULL, N_("COMMAND"), N_("add, list or end the charity funds donations go to"),
    N_("A fund takes donations (一元捐, round-up) and the proceeds of its charity goods."), 1, -1,
    axw_cli_funds },
  { "staff", NULL, N_("COMMAND"), N_("add staff (PIN from stdin), list them"), NULL, 1, -1,
    axw_cli_staff },
  { "settings", NULL, N_("COMMAND"), N_("get or set a setting"), NULL, 1, -1, axw_cli_settings },
  { "quote", axw_cli_cmd_quote, N_("ITEM…"), N_("price a basket as JSON; writes nothing"),
    N_("ITEM is BARCODE or BARCODE*QTY (QTY in pieces, or kg for goods sold by weight)."), 0, -1 },
  { "sell", axw_cli_cmd_sell, N_("ITEM…"), N_("commit a sale and print its JSON"),
    N_("For sales made on paper while the counter was down. The cashier (--staff) gives the\n"
       "PIN on standard input; only a manager may give --at. Cash may exceed the total\n"
       "(change is given)."), 0, -1 },
  { "refund", axw_cli_cmd_refund, N_("SALE [LINE*QTY…]"),
    N_("refund a sale or some of its lines (manager PIN on stdin)"),
    N_("SALE is a receipt number or UUID; without lines, everything left is refunded."), 0, -1 },
  { "void", axw_cli_cmd_void, N_("SALE"),
    N_("void a sale: refund all that is left, with a reason (manager PIN on stdin)"), NULL, 0, -1 },
  { "return", axw_cli_cmd_void, N_("BARCODE[*QTY]"),
    N_("take goods back without a receipt, cash at the catalog price (manager PIN on stdin)"),
    NULL, 0, -1 },
  { "report", NULL, N_("COMMAND"), N_("X, Z and period reports; subsidy claims"), NULL, 1, -1,
    axw_cli_report },
  { "shift", NULL, N_("COMMAND"), N_("open or close a shift, cash in and out"),
    N_("The PIN of --staff is read from standard input; cash in and out needs a manager."), 1, -1,
    axw_cli_shift },
  { "receipt", axw_cli_cmd_receipt, N_("SALE"),
    N_("print a sale's receipt again, or draw it to PNG"),
    N_("A copy of the receipt of SALE (receipt number or uuid), marked as a reprint, and only\n"
       "that receipt: “aixinwu printers retry” prints the rest of the queue. The reprint is\n"
       "audited in the name of --staff, whose PIN is the first line of standard input."), 1, 1 },
  { "printers", axw_cli_cmd_printers, N_("[test|queue|retry]"),
    N_("list USB printers, print a test page, show or retry the print queue"),
    N_("Without a command, the USB receipt printers; test prints a test page, queue lists the\n"
       "receipts not printed yet with the reason, retry prints failed and waiting receipts again."),
    0, 1 },
  { "backup", axw_cli_cmd_backup, NULL,
    N_("copy the database into the rotating set of daily backups"),
    N_("Today's copy is aixinwu-YYYY-MM-DD.db.") },
  { "restore", axw_cli_cmd_restore, N_("FILE"), N_("replace the database with a checked backup"),
    N_("As a manager. The data before the restore is kept next to the database."), 1, 1 },
  { "vouchers", NULL, N_("COMMAND"),
    N_("import red packets, trust a funder's signing key, check a code"), NULL, 1, -1,
    axw_cli_vouchers },
  { "export", axw_cli_cmd_export, NULL, N_("write new sales and the catalog for the online shop"),
    N_("The sales since the last export, products.csv and manifest.json (formats:\n"
       "data/EXPORT.md).") },
  { "sync", axw_cli_cmd_sync, N_("[SALE]"),
    N_("send sales to the online shop; list or retry refused ones"),
    N_("The online shop is set by the settings sync.endpoint and sync.token_file (a file only\n"
       "you can read). SALE (a receipt number or UUID) goes with --retry-dead only."), 0, 1 },
  { "district", NULL, N_("COMMAND"),
    N_("the district hub: set it up, add shops, read claims and conflicts"),
    N_("Sales reach the hub with aixinwu sync."), 1, -1, axw_cli_district },
  { "import-online", axw_cli_cmd_import_online, N_("FILE.jsonl"),
    N_("take the online shop's orders from the stock"),
    N_("Each order once, as a manager. One JSON object per line:\n"
       "{\"order_id\":…,\"lines\":[{\"sku\":…,\"qty\":…}]}; see data/EXPORT.md.\n"
       "\"-\" reads the orders from standard input, after the PIN."), 1, 1 },
  { "suppliers", NULL, N_("COMMAND"), N_("add or list suppliers (goods in)"), NULL, 1, -1,
    axw_cli_suppliers },
  { "receive", axw_cli_cmd_receive, N_("FILE.csv"),
    N_("receive a supplier's delivery from CSV: the stock goes up"),
    N_("As a manager. Columns: barcode or plu, qty (pieces, or kg for goods sold by weight),\n"
       "cost (yuan per piece or kg; the product's cost when missing). One transaction: one bad\n"
       "row receives nothing, and the error names the row and the column."), 1, 1 },
  { "deliveries", NULL, N_("COMMAND"), N_("list deliveries, or send lines back to the supplier"),
    NULL, 1, -1, axw_cli_deliveries },
  { "consignment", NULL, N_("COMMAND"),
    N_("settle with a consignment supplier: what sold, at cost"), NULL, 1, -1,
    axw_cli_consignment },
  { "version", axw_cli_cmd_version, NULL,
    N_("print the program's version and the database schema it writes"),
    N_("It opens no database.") },
  { NULL }
};

static const AxwCliSpec main_spec = {
  NULL, NULL, N_("[COMMAND [ARGUMENT…]]"), N_("Without a command, the counter opens."),
  N_("--db FILE (or AIXINWU_DB) selects the database."), 0, -1, commands,
};

/* aixinwu version, aixinwu --version: no database is opened or created. */
int
axw_cli_cmd_version (AxwCli  *cli,
                     int      argc,
                     char   **argv)
{
  int rc;

  if (!axw_cli_parse (cli, NULL, &argc, &argv, &rc))
    return rc;
  g_print (_("aixinwu %s (database schema %d)\n"), AXW_VERSION, axw_db_latest_version ());
  return AXW_EXIT_OK;
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

/* The command's help on stderr: what it takes, after a call it cannot run. */
int
axw_cli_usage (AxwCli *cli)
{
  g_autofree char *help = g_option_context_get_help (cli->context, FALSE, NULL);

  g_printerr ("%s", help);
  return AXW_EXIT_USAGE;
}

/* --at TIME, or now when the option was not given. */
GDateTime *
axw_cli_parse_at (const char  *at,
                  GError     **error)
{
  return at ? axw_time_parse_rfc3339 (at, error) : g_date_time_new_now_utc ();
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
                           ? _("This needs a manager: add --staff NAME and give the manager's PIN "
                               "on the first "
                               "line of standard input.")
                           : _("Say who you are: add --staff NAME and give your PIN on the first "
                               "line of "
                               "standard input."));
      return NULL;
    }
  if ((db = axw_cli_db (cli)) == NULL)
    {
      g_set_error_literal (error, AXW_ERROR, AXW_ERROR_DATABASE,
                           _("The database cannot be opened."));
      return NULL;
    }
  if (role == AXW_CLI_MANAGER && axw_staff_count_managers (db) == 0)
    {
      g_set_error_literal (error, AXW_ERROR, AXW_ERROR_PERMISSION,
                           _("There is no manager yet. Add one first: aixinwu staff add NAME "
                             "--role manager"));
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
                       _("Only a manager may date a sale other than now: give --staff with a "
                         "manager's name "
                         "and PIN, or leave out --at."));
  return FALSE;
}

/* The options every command takes after its own, in a group of their own. */
static GOptionGroup *
global_options (AxwCli *cli)
{
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &cli->db_option,
      N_("The database (default: $AIXINWU_DB, else the one in the data folder)"), N_("FILE") },
    { "staff", 0, 0, G_OPTION_ARG_STRING, &cli->staff_option,
      N_("Who you are (a manager, where the command says so): the PIN is the first line of "
         "standard input"), N_("NAME") },
    { NULL }
  };
  /* GLib translates the entries, not the group's title */
  GOptionGroup *group = g_option_group_new ("global", _("Global options:"),
                                            _("Show the global options"), NULL, NULL);

  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_group_add_entries (group, entries);
  return group;
}

/* "--reason TEXT", "--staff NAME": @arg takes the next word as its value. */
static gboolean
takes_value (const GOptionEntry *entries,
             const char         *arg)
{
  if (!g_str_has_prefix (arg, "--") || strchr (arg, '=') != NULL)
    return FALSE;
  if (g_str_equal (arg, "--db") || g_str_equal (arg, "--staff"))
    return TRUE;
  for (; entries != NULL && entries->long_name != NULL; entries++)
    if (g_str_equal (entries->long_name, arg + 2))
      return entries->arg != G_OPTION_ARG_NONE;
  return FALSE;
}

/* "-30" (shift cash: thirty yuan out) is an argument, not the options -3 and
 * -0: the parser sees "30", the same bytes one further on, and
 * show_negatives() puts the sign back. */
static void
hide_negatives (int                  argc,
                char               **argv,
                const GOptionEntry  *entries,
                GPtrArray           *hidden)
{
  for (int i = 1; i < argc; i++)
    if (argv[i][0] == '-' && g_ascii_isdigit (argv[i][1]) && !takes_value (entries, argv[i - 1]))
      g_ptr_array_add (hidden, argv[i]++);
}

static void
show_negatives (int         argc,
                char      **argv,
                GPtrArray  *hidden)
{
  for (int i = 1; i < argc; i++)
    for (guint k = 0; k < hidden->len; k++)
      if (argv[i] == (char *) hidden->pdata[k] + 1)
        argv[i] = hidden->pdata[k];
}

/* "Commands:" and a line each, for a command that has sub-commands. */
static char *
describe_verbs (const AxwCliSpec *spec,
                const char       *name)
{
  GString *text = g_string_new (_("Commands:"));

  g_string_append_c (text, '\n');
  for (const AxwCliSpec *v = spec->verbs; v->name != NULL; v++)
    g_string_append_printf (text, "  %-14s %s\n", v->name, _(v->summary));
  g_string_append_printf (text, _("\n“%s COMMAND --help” tells more."), name);
  if (spec->description != NULL)
    g_string_append_printf (text, "\n%s", _(spec->description));
  return g_string_free (text, FALSE);
}

/* The command's options first, then the global ones, then the description. */
static GOptionContext *
context_new (AxwCli             *cli,
             const GOptionEntry *entries,
             gboolean           *help)
{
  const AxwCliSpec *spec = cli->spec;
  const GOptionEntry help_entry[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, help, N_("Show this help"), NULL },
    { NULL }
  };
  GOptionContext *context = g_option_context_new (spec->parameter);
  GOptionGroup *own = g_option_group_new ("command", _("Options:"), _("Show the options"),
                                          NULL, NULL);
  g_autofree char *verbs = spec->verbs ? describe_verbs (spec, cli->name) : NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  /* the help is printed here, not by GLib, which would exit() */
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (context, spec->summary);
  if (verbs != NULL || spec->description != NULL)
    g_option_context_set_description (context, verbs ? verbs : spec->description);
  g_option_group_set_translation_domain (own, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_group_add_entries (own, entries);
  g_option_group_add_entries (own, help_entry);
  g_option_context_add_group (context, own);
  g_option_context_add_group (context, global_options (cli));
  /* a sub-command's options are its own: stop at its name */
  g_option_context_set_strict_posix (context, spec->verbs != NULL);
  return context;
}

/**
 * axw_cli_parse:
 * @entries: (nullable): the command's options, { NULL } last
 * @argc: (inout): the command's words, its name first
 * @argv: (inout): left with the name and the positional arguments
 * @rc: (out): the exit code when the command stops here
 *
 * Every command's options the same way (the command running, @cli->spec,
 * says what else it takes and its help): its @entries and the global ones
 * (--db FILE, --staff NAME), --help (the help on stdout, exit 0), an
 * unknown option or a missing value refused on one line (exit 2), too few
 * or too many arguments answered with the help on stderr (exit 2).
 *
 * Returns: %TRUE to run the command, %FALSE to exit with @rc
 */
gboolean
axw_cli_parse (AxwCli              *cli,
               const GOptionEntry  *entries,
               int                 *argc,
               char              ***argv,
               int                 *rc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hidden = g_ptr_array_new ();
  const char *name = cli->name;
  gboolean help = FALSE, ok;
  int args;

  g_clear_pointer (&cli->context, g_option_context_free);
  cli->context = context_new (cli, entries, &help);
  g_set_prgname (name);   /* the help's "Usage: aixinwu products import …" */
  hide_negatives (*argc, *argv, entries, hidden);
  ok = g_option_context_parse (cli->context, argc, argv, &error);
  show_negatives (*argc, *argv, hidden);
  if (cli->db_option != NULL)
    {
      g_free (cli->db_path);
      cli->db_path = g_steal_pointer (&cli->db_option);
    }
  if (cli->staff_option != NULL)
    {
      g_free (cli->staff_name);
      cli->staff_name = g_steal_pointer (&cli->staff_option);
    }
  if (!ok)
    {
      g_printerr (_("%s: %s (see “%s --help”)\n"), name, error->message, name);
      *rc = AXW_EXIT_USAGE;
      return FALSE;
    }
  if (help)
    {
      g_autofree char *text = g_option_context_get_help (cli->context, FALSE, NULL);

      g_print ("%s", text);
      *rc = AXW_EXIT_OK;
      return FALSE;
    }
  args = *argc - 1;
  if (args < cli->spec->min_args || (cli->spec->max_args >= 0 && args > cli->spec->max_args))
    {
      *rc = axw_cli_usage (cli);
      return FALSE;
    }
  return TRUE;
}

/**
 * axw_cli_parse_some:
 * @all: the options of a family of commands (sales, reports), @n_all of them
 * @names: the long names this command takes, separated by spaces
 *
 * axw_cli_parse() with the entries of @all named in @names.
 */
gboolean
axw_cli_parse_some (AxwCli              *cli,
                    const GOptionEntry  *all,
                    guint                n_all,
                    const char          *names,
                    int                 *argc,
                    char              ***argv,
                    int                 *rc)
{
  g_autofree GOptionEntry *entries = g_new0 (GOptionEntry, n_all + 1);
  g_auto(GStrv) wanted = g_strsplit (names, " ", -1);
  guint n = 0;

  for (guint i = 0; i < n_all; i++)
    if (g_strv_contains ((const char * const *) wanted, all[i].long_name))
      entries[n++] = all[i];
  return axw_cli_parse (cli, entries, argc, argv, rc);
}

/**
 * axw_cli_open:
 *
 * axw_cli_parse(), then axw_cli_db(): what most commands do first.
 *
 * Returns: (transfer none) (nullable): the database, or %NULL to exit with @rc
 */
AxwDb *
axw_cli_open (AxwCli              *cli,
              const GOptionEntry  *entries,
              int                 *argc,
              char              ***argv,
              int                 *rc)
{
  AxwDb *db = NULL;

  if (axw_cli_parse (cli, entries, argc, argv, rc) && (db = axw_cli_db (cli)) == NULL)
    *rc = AXW_EXIT_FAIL;
  return db;
}

/**
 * axw_cli_parse_as:
 * @role: whether the command needs a manager or anyone on the staff
 *
 * axw_cli_parse(), then axw_cli_authorize(): for the commands that ask for
 * the PIN of --staff before anything else.
 *
 * Returns: (transfer none) (nullable): who gave their PIN, or %NULL to exit
 *   with @rc
 */
AxwStaff *
axw_cli_parse_as (AxwCli              *cli,
                  AxwCliRole           role,
                  const GOptionEntry  *entries,
                  int                 *argc,
                  char              ***argv,
                  int                 *rc)
{
  g_autoptr(GError) error = NULL;

  if (!axw_cli_parse (cli, entries, argc, argv, rc))
    return NULL;
  if (axw_cli_authorize (cli, role, &error) == NULL)
    *rc = axw_cli_fail (g_steal_pointer (&error));
  return cli->staff;
}

/**
 * axw_cli_list:
 * @list: the rows
 * @describe: a row's line, for people and for `cut -f`
 *
 * A sub-command that lists (staff, funds, suppliers…): no arguments, a line
 * a row on stdout.
 *
 * Returns: the exit code
 */
int
axw_cli_list (AxwCli          *cli,
              int              argc,
              char           **argv,
              AxwCliLister     list,
              AxwCliDescriber  describe)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  AxwDb *db;
  int rc;

  if ((db = axw_cli_open (cli, NULL, &argc, &argv, &rc)) == NULL)
    return rc;
  if ((rows = list (db, &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *line = describe (db, g_ptr_array_index (rows, i));

      g_print ("%s\n", line);
    }
  return AXW_EXIT_OK;
}

/**
 * axw_cli_import:
 * @import: the store's import of the CSV text, in a manager's name
 * @rc: (out): the exit code when it fails
 *
 * `… import FILE.csv` as a manager: the PIN first, then the file ("-": the
 * rest of standard input, after the PIN's line).
 *
 * Returns: how many rows were imported, or -1 to exit with @rc
 */
gint64
axw_cli_import (AxwCli          *cli,
                int              argc,
                char           **argv,
                AxwCliImporter   import,
                int             *rc)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize len;
  guint n;

  if (axw_cli_parse_as (cli, AXW_CLI_MANAGER, NULL, &argc, &argv, rc) == NULL)
    return -1;
  if ((text = axw_cli_read_file (argv[1], &len, &error)) == NULL ||
      !import (cli->db, text, len, cli->staff->name, &n, &error))
    {
      *rc = axw_cli_fail (g_steal_pointer (&error));
      return -1;
    }
  return n;
}

static const AxwCliSpec *
find_verb (const AxwCliSpec *verbs,
           const char       *name)
{
  for (; verbs->name != NULL; verbs++)
    if (g_str_equal (verbs->name, name))
      return verbs;
  return NULL;
}

/* Runs @spec with its words (its name first): itself, or after the options
 * before its sub-command, the sub-command with its own. */
static int
run (AxwCli            *cli,
     const AxwCliSpec  *spec,
     int                argc,
     char             **argv)
{
  const AxwCliSpec *verb;
  int rc;

  cli->spec = spec;
  if (spec->name != NULL)
    {
      char *name = g_strconcat (cli->name, " ", spec->name, NULL);

      g_free (cli->name);
      cli->name = name;
    }
  if (spec->run != NULL)
    return spec->run (cli, argc, argv);
  if (!axw_cli_parse (cli, NULL, &argc, &argv, &rc))
    return rc;
  if ((verb = find_verb (spec->verbs, argv[1])) == NULL)
    {
      g_autofree char *what = g_strdup_printf (_("unknown command “%s”"), argv[1]);

      g_printerr (_("%s: %s (see “%s --help”)\n"), cli->name, what, cli->name);
      return AXW_EXIT_USAGE;
    }
  return run (cli, verb, argc - 1, argv + 1);
}

/**
 * axw_cli_main:
 * @gui_db_path: (out) (transfer full): for the counter, --db when given
 *
 * `aixinwu [--db FILE] [--staff NAME] [--version] [COMMAND [ARGUMENT…]]`.
 *
 * Returns: the process exit code, or %AXW_CLI_RUN_GUI without a command
 */
int
axw_cli_main (int     argc,
              char  **argv,
              char  **gui_db_path)
{
  AxwCli cli = { .spec = &main_spec, .name = g_strdup ("aixinwu") };
  gboolean version = FALSE;
  const GOptionEntry entries[] = {
    { "version", 'V', 0, G_OPTION_ARG_NONE, &version,
      N_("Print the program's version and the database schema it writes"), NULL },
    { NULL }
  };
  const AxwCliSpec *command;
  int rc;

  if (!axw_cli_parse (&cli, entries, &argc, &argv, &rc))
    goto out;
  if (version)
    rc = run (&cli, find_verb (commands, "version"), 1, (char *[]) { "version", NULL });
  else if (argc < 2)
    {
      *gui_db_path = g_steal_pointer (&cli.db_path);
      rc = AXW_CLI_RUN_GUI;
    }
  else if (g_str_equal (argv[1], "help"))
    {
      g_autofree char *help = g_option_context_get_help (cli.context, FALSE, NULL);

      g_print ("%s", help);
      rc = AXW_EXIT_OK;
    }
  else if ((command = find_verb (commands, argv[1])) == NULL)
    {
      g_printerr (_("aixinwu: unknown command “%s”; “aixinwu help” lists the commands\n"), argv[1]);
      rc = AXW_EXIT_USAGE;
    }
  else
    {
      if (cli.db_path == NULL && g_getenv ("AIXINWU_DB") && *g_getenv ("AIXINWU_DB"))
        cli.db_path = g_strdup (g_getenv ("AIXINWU_DB"));
      else if (cli.db_path == NULL)
        cli.db_path = axw_cli_default_db_path ();
      rc = run (&cli, command, argc - 1, argv + 1);
    }

out:
  g_clear_pointer (&cli.context, g_option_context_free);
  g_clear_pointer (&cli.staff, axw_staff_free);
  g_clear_object (&cli.db);
  g_free (cli.staff_name);
  g_free (cli.db_path);
  g_free (cli.name);
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
