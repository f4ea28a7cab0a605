/* axw-cli-catalog.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * init, products, promotions, staff and settings.
 */
#include <glib/gi18n.h>
#include <gio/gio.h>
#include <string.h>

#include "axw-cli.h"
#include "axw-demo.h"
#include "axw-error.h"
#include "axw-products.h"
#include "axw-promotions.h"
#include "axw-settings.h"
#include "axw-staff.h"
#include "axw-vouchers.h"

/**
 * axw_cli_init_demo:
 *
 * `init --demo`: axw_demo_fill() (the demo catalog, promotions, red
 * packets and staff 小林 1234, 王店长 8888) into an empty database.
 */
gboolean
axw_cli_init_demo (AxwDb   *db,
                   GError **error)
{
  return axw_demo_fill (db, error);
}

int
axw_cli_cmd_init (AxwCli  *cli,
                  int      argc,
                  char   **argv)
{
  g_autoptr(GError) error = NULL;
  gboolean demo = FALSE;
  const GOptionEntry entries[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo,
      N_("Add the demo catalog, promotions and staff to an empty database"), NULL },
    { NULL }
  };
  AxwDb *db;
  int rc;

  if ((db = axw_cli_open (cli, entries, &argc, &argv, &rc)) == NULL)
    return rc;
  if (demo && !axw_cli_init_demo (db, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  g_print (_("Database %s is ready (schema %d, %lld products).\n"),
           axw_db_get_path (db), axw_db_get_version (db), (long long) axw_products_count (db));
  return AXW_EXIT_OK;
}

static gboolean
write_atomically (const char  *path,
                  const char  *text,
                  GError     **error)
{
  if (g_str_equal (path, "-"))
    {
      g_print ("%s", text);
      return TRUE;
    }
  return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

/* The same summary and lines the manager's import preview shows. */
static void
print_import_preview (const AxwImportStats *stats,
                      GPtrArray            *changes)
{
  g_autofree char *summary = axw_import_stats_describe (stats);

  g_print (_("Dry run, nothing imported: %s.\n"), summary);
  for (guint i = 0; i < changes->len; i++)
    {
      g_autofree char *line = axw_import_change_describe (g_ptr_array_index (changes, i));

      g_print ("%s\n", line);
    }
}

static GPtrArray *
low_stock (AxwDb   *db,
           GError **error)
{
  return axw_products_low_stock (db, G_MAXINT, error);
}

static char *
describe_stock (AxwDb         *db,
                gconstpointer  product)
{
  return axw_product_describe_stock (product);
}

static int
products_low_stock (AxwCli  *cli,
                    int      argc,
                    char   **argv)
{
  return axw_cli_list (cli, argc, argv, low_stock, describe_stock);
}

static int
products_import (AxwCli  *cli,
                 int      argc,
                 char   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  AxwImportStats stats;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Only show what would change; needs no manager"), NULL },
    { NULL }
  };
  gsize len;
  AxwDb *db;
  int rc;

  if (!axw_cli_parse (cli, entries, &argc, &argv, &rc))
    return rc;
  /* the PIN first: "-" reads the file from stdin after it */
  if (!dry_run && axw_cli_authorize (cli, AXW_CLI_MANAGER, &error) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  text = axw_cli_read_file (argv[1], &len, &error);
  if (text == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  if ((db = axw_cli_db (cli)) == NULL)
    return AXW_EXIT_FAIL;
  if (!axw_products_import_csv_full (db, text, len, dry_run, dry_run ? NULL : cli->staff->name,
                                     NULL, NULL, &stats, dry_run ? &changes : NULL, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  if (!dry_run)
    {
      g_print (_("%u new, %u updated, %u unchanged.\n"), stats.inserted, stats.updated,
               stats.unchanged);
      return AXW_EXIT_OK;
    }
  print_import_preview (&stats, changes);
  return AXW_EXIT_OK;
}

static int
products_export (AxwCli  *cli,
                 int      argc,
                 char   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AxwDb *db;
  int rc;

  if ((db = axw_cli_open (cli, NULL, &argc, &argv, &rc)) == NULL)
    return rc;
  text = axw_products_export_csv (db, &error);
  if (text == NULL || !write_atomically (argv[1], text, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  return AXW_EXIT_OK;
}

static int
products_retire (AxwCli  *cli,
                 int      argc,
                 char   **argv)
{
  g_autoptr(GError) error = NULL;
  gboolean retire = g_str_equal (argv[0], "retire");
  int rc;

  if (axw_cli_parse_as (cli, AXW_CLI_MANAGER, NULL, &argc, &argv, &rc) == NULL)
    return rc;
  if (!axw_products_set_retired (cli->db, argv[1], retire, cli->staff->name, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  g_print (retire ? _("%s retired: kept for history, no longer sold.\n")
                  : _("%s is back on sale.\n"), argv[1]);
  return AXW_EXIT_OK;
}

const AxwCliSpec axw_cli_products[] = {
  { "import", products_import, N_("FILE.csv"),
    N_("Imports the catalog from CSV (- reads it from standard input, after the PIN), as a "
       "manager."),
    N_("Columns: barcode, plu, name, category, origin, price, unit, aid_eligible, stock,\n"
       "supplier, cost, low_stock.\n"
       "name and price (yuan, per kg for unit=kg) are required, and barcode or plu.\n"
       "One bad row imports nothing; the error names the row and the column."),
    1, 1 },
  { "export", products_export, N_("FILE.csv"),
    N_("Writes the catalog as CSV, every column import reads (- for standard output)."),
    NULL, 1, 1 },
  { "retire", products_retire, N_("BARCODE|PLU"),
    N_("Retires a product, as a manager: kept for history, no longer sold."), NULL, 1, 1 },
  { "restore", products_retire, N_("BARCODE|PLU"),
    N_("Puts a retired product back on sale, as a manager."), NULL, 1, 1 },
  { "low-stock", products_low_stock, NULL,
    N_("Lists the products at or under their low_stock threshold, emptiest first.") },
  { NULL }
};


static char *
describe_promotion (AxwDb         *db,
                    gconstpointer  row)
{
  const AxwPromotion *p = row;
  g_autofree char *words = axw_promotion_describe (p);
  g_autoptr(GString) when = g_string_new (NULL);

  if (p->month)
    g_string_append_printf (when, _(" month %d"), p->month);
  if (p->day_of_month)
    g_string_append_printf (when, _(" day %d"), p->day_of_month);
  if (p->date_from && *p->date_from)
    g_string_append_printf (when, _(" from %s"), p->date_from);
  if (p->date_to && *p->date_to)
    g_string_append_printf (when, _(" to %s"), p->date_to);
  return g_strdup_printf ("%" G_GINT64_FORMAT "\t%s\t%s", p->id, words,
                          when->len ? when->str + 1 : _("every day"));
}

static int
promotions_import (AxwCli  *cli,
                   int      argc,
                   char   **argv)
{
  gint64 n;
  int rc;

  if ((n = axw_cli_import (cli, argc, argv, axw_promotions_import_csv_as, &rc)) < 0)
    return rc;
  g_print (_("%u promotions imported.\n"), (guint) n);
  return AXW_EXIT_OK;
}

static int
promotions_list (AxwCli  *cli,
                 int      argc,
                 char   **argv)
{
  return axw_cli_list (cli, argc, argv, axw_promotions_list, describe_promotion);
}

static int
promotions_remove (AxwCli  *cli,
                   int      argc,
                   char   **argv)
{
  g_autoptr(GError) error = NULL;
  int rc;

  if (axw_cli_parse_as (cli, AXW_CLI_MANAGER, NULL, &argc, &argv, &rc) == NULL)
    return rc;
  if (!axw_promotions_remove (cli->db, argv[1], cli->staff->name, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  g_print (_("Promotion “%s” ended; past sales keep it.\n"), argv[1]);
  return AXW_EXIT_OK;
}

const AxwCliSpec axw_cli_promotions[] = {
  { "import", promotions_import, N_("FILE.csv"), N_("Imports promotions from CSV, as a manager."),
    N_("Columns: name, scope (aid|all), percent (5, 12.5), day_of_month, month, from, to.\n"
       "All conditions given must hold: month 12 with day 12 is 12 December only."),
    1, 1 },
  { "list", promotions_list, NULL, N_("Lists the promotions: id, what, when.") },
  { "remove", promotions_remove, N_("NAME"),
    N_("Ends a promotion, as a manager; past sales keep it."),
    NULL, 1, 1 },
  { NULL }
};


static int
staff_add (AxwCli  *cli,
           int      argc,
           char   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwCliPin) pin = NULL;
  g_autoptr(AxwCliPin) again = NULL;
  g_autofree char *role = NULL;
  const GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("cashier or manager"), N_("ROLE") },
    { NULL }
  };
  gboolean manager;
  AxwDb *db;
  int rc;

  if (!axw_cli_parse (cli, entries, &argc, &argv, &rc))
    return rc;
  if (g_strcmp0 (role, "cashier") != 0 && g_strcmp0 (role, "manager") != 0)
    return axw_cli_usage (cli);
  manager = g_str_equal (role, "manager");
  if ((db = axw_cli_db (cli)) == NULL)
    return AXW_EXIT_FAIL;
  /* only the very first manager comes without one */
  if ((!manager || axw_staff_count_managers (db) > 0 || cli->staff_name != NULL) &&
      axw_cli_authorize (cli, AXW_CLI_MANAGER, &error) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  if ((pin = axw_cli_read_pin (_("New PIN (4–8 digits): "), &error)) == NULL ||
      !axw_staff_pin_is_valid (pin, &error) ||
      (again = axw_cli_read_pin (_("The new PIN again: "), &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  if (!g_str_equal (pin, again))
    {
      g_set_error_literal (&error, AXW_ERROR, AXW_ERROR_INVALID,
                           _("The two new PINs differ; nobody was added. "
                             "Type the same PIN twice."));
      return axw_cli_fail (g_steal_pointer (&error));
    }
  if (!axw_staff_add_as (db, argv[1], manager, pin, cli->staff ? cli->staff->name : NULL, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  g_print (_("%s added as %s.\n"), argv[1], role);
  return AXW_EXIT_OK;
}

static char *
describe_staff (AxwDb         *db,
                gconstpointer  row)
{
  const AxwStaff *s = row;

  return g_strdup_printf ("%s\t%s%s", s->name, s->manager ? "manager" : "cashier",
                          s->locked ? _("\tlocked") : "");
}

static int
staff_list (AxwCli  *cli,
            int      argc,
            char   **argv)
{
  return axw_cli_list (cli, argc, argv, axw_staff_list, describe_staff);
}

static int
staff_activate (AxwCli  *cli,
                int      argc,
                char   **argv)
{
  g_autoptr(GError) error = NULL;
  gboolean active = g_str_equal (argv[0], "activate");
  int rc;

  if (axw_cli_parse_as (cli, AXW_CLI_MANAGER, NULL, &argc, &argv, &rc) == NULL)
    return rc;
  if (!axw_staff_set_active (cli->db, argv[1], active, cli->staff->name, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  g_print (active ? _("%s can log in again.\n") : _("%s can no longer log in.\n"), argv[1]);
  return AXW_EXIT_OK;
}

const AxwCliSpec axw_cli_staff[] = {
  { "add", staff_add, N_("NAME"), N_("Adds someone to the staff, as a manager."),
    N_("Standard input: the manager's PIN, then the new PIN (4–8 digits) twice.\n"
       "The first manager of a database is added without --staff: the new PIN twice."),
    1, 1 },
  { "list", staff_list, NULL, N_("Lists the staff: name, role, and whether locked out.") },
  { "deactivate", staff_activate, N_("NAME"),
    N_("Stops someone logging in, as a manager."), NULL, 1, 1 },
  { "activate", staff_activate, N_("NAME"),
    N_("Lets someone log in again, as a manager."), NULL, 1, 1 },
  { NULL }
};


static int
settings_list (AxwCli  *cli,
               int      argc,
               char   **argv)
{
  const char * const *k = axw_settings_keys ();
  AxwDb *db;
  int rc;

  if ((db = axw_cli_open (cli, NULL, &argc, &argv, &rc)) == NULL)
    return rc;
  for (; *k; k++)
    {
      g_autofree char *v = axw_settings_get (db, *k);
      g_print ("%s=%s\n", *k, v);
    }
  return AXW_EXIT_OK;
}

static int
settings_get (AxwCli  *cli,
              int      argc,
              char   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *v = NULL;
  AxwDb *db;
  int rc;

  if (!axw_cli_parse (cli, NULL, &argc, &argv, &rc))
    return rc;
  if (axw_settings_default (argv[1]) == NULL)
    {
      g_autofree char *keys = g_strjoinv (", ", (char **) axw_settings_keys ());

      g_set_error (&error, AXW_ERROR, AXW_ERROR_NOT_FOUND,
                   _("Unknown setting “%s”. The settings are: %s"), argv[1], keys);
      return axw_cli_fail (g_steal_pointer (&error));
    }
  if ((db = axw_cli_db (cli)) == NULL)
    return AXW_EXIT_FAIL;
  v = axw_settings_get (db, argv[1]);
  g_print ("%s\n", v);
  return AXW_EXIT_OK;
}

static int
settings_set (AxwCli  *cli,
              int      argc,
              char   **argv)
{
  g_autoptr(GError) error = NULL;
  AxwDb *db;
  int rc;

  if (!axw_cli_parse (cli, NULL, &argc, &argv, &rc))
    return rc;
  /* axw_settings_apply() validates too; checked here first so that a
   * bad value does not create the database on the way to its error */
  if (!axw_settings_validate (argv[1], argv[2], &error))
    return axw_cli_fail (g_steal_pointer (&error));
  if ((db = axw_cli_db (cli)) == NULL)
    return AXW_EXIT_FAIL;
  /* audited like the manager screen's change, in the manager's name:
   * old → new, and nothing when the value is the same */
  if (axw_cli_authorize (cli, AXW_CLI_MANAGER, &error) == NULL ||
      !axw_settings_apply (db, (const char *[]) { argv[1], NULL },
                           (const char *[]) { argv[2], NULL }, cli->staff->name, NULL, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  return AXW_EXIT_OK;
}

const AxwCliSpec axw_cli_settings[] = {
  { "list", settings_list, NULL, N_("Lists every setting as KEY=VALUE.") },
  { "get", settings_get, N_("KEY"),
    N_("Prints a setting (“aixinwu settings list” shows them all)."),
    NULL, 1, 1 },
  { "set", settings_set, N_("KEY VALUE"),
    N_("Changes a setting, as a manager (audited: old → new)."),
    NULL, 2, 2 },
  { NULL }
};

