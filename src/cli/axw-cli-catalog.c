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
  gboolean demo = argc == 2 && g_str_equal (argv[1], "--demo");
  AxwDb *db;

  if (axw_cli_wants_help (argc, argv) || (argc > 1 && !demo))
    return axw_cli_usage (_("Usage: aixinwu init [--demo]\n"
                            "Creates the database, or upgrades an older one.\n"
                            "--demo adds the demo catalog, promotions and staff to an empty one."));
  db = axw_cli_db (cli);
  if (db == NULL)
    return AXW_EXIT_FAIL;
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

int
axw_cli_cmd_products (AxwCli  *cli,
                      int      argc,
                      char   **argv)
{
  static const char usage[] =
    N_("Usage: aixinwu products import FILE.csv --staff MANAGER   (the manager's PIN on stdin)\n"
       "       aixinwu products import FILE.csv --dry-run   (only shows what would change)\n"
       "       aixinwu products export FILE.csv   (- for stdout)\n"
       "       aixinwu products retire|restore BARCODE|PLU --staff MANAGER   (kept, not sold / sold again)\n"
       "Columns: barcode, plu, name, category, origin, price, unit, aid_eligible, stock.\n"
       "name and price (yuan, per kg for unit=kg) are required, and barcode or plu.\n"
       "One bad row imports nothing; the error names the row and the column.");
  g_autoptr(GError) error = NULL;
  AxwDb *db;

  if (axw_cli_wants_help (argc, argv) || argc < 3)
    return axw_cli_usage (_(usage));

  if (g_str_equal (argv[1], "import") && (argc == 3 || (argc == 4 && g_str_equal (argv[3], "--dry-run"))))
    {
      g_autofree char *text = NULL;
      g_autoptr(GPtrArray) changes = NULL;
      AxwImportStats stats;
      gboolean dry_run = argc == 4;
      gsize len;

      /* the PIN first: "-" reads the file from stdin after it */
      if (!dry_run && axw_cli_authorize (cli, AXW_CLI_MANAGER, &error) == NULL)
        return axw_cli_fail (g_steal_pointer (&error));
      text = axw_cli_read_file (argv[2], &len, &error);
      if (text == NULL)
        return axw_cli_fail (g_steal_pointer (&error));
      if ((db = axw_cli_db (cli)) == NULL)
        return AXW_EXIT_FAIL;
      if (!axw_products_import_csv_full (db, text, len, dry_run, dry_run ? NULL : cli->staff->name, NULL, NULL,
                                         &stats, dry_run ? &changes : NULL, &error))
        return axw_cli_fail (g_steal_pointer (&error));
      if (!dry_run)
        {
          g_print (_("%u new, %u updated, %u unchanged.\n"), stats.inserted, stats.updated, stats.unchanged);
          return AXW_EXIT_OK;
        }
      print_import_preview (&stats, changes);
      return AXW_EXIT_OK;
    }
  if (g_str_equal (argv[1], "export") && argc == 3)
    {
      g_autofree char *text = NULL;

      if ((db = axw_cli_db (cli)) == NULL)
        return AXW_EXIT_FAIL;
      text = axw_products_export_csv (db, &error);
      if (text == NULL || !write_atomically (argv[2], text, &error))
        return axw_cli_fail (g_steal_pointer (&error));
      return AXW_EXIT_OK;
    }
  if ((g_str_equal (argv[1], "retire") || g_str_equal (argv[1], "restore")) && argc == 3)
    {
      gboolean retire = g_str_equal (argv[1], "retire");

      if ((db = axw_cli_db (cli)) == NULL)
        return AXW_EXIT_FAIL;
      if (axw_cli_authorize (cli, AXW_CLI_MANAGER, &error) == NULL ||
          !axw_products_set_retired (db, argv[2], retire, cli->staff->name, &error))
        return axw_cli_fail (g_steal_pointer (&error));
      g_print (retire ? _("%s retired: kept for history, no longer sold.\n") : _("%s is back on sale.\n"), argv[2]);
      return AXW_EXIT_OK;
    }
  return axw_cli_usage (_(usage));
}

static void
print_promotion (const AxwPromotion *p)
{
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
  g_print ("%" G_GINT64_FORMAT "\t%s\t%s\n", p->id, words, when->len ? when->str + 1 : _("every day"));
}

int
axw_cli_cmd_promotions (AxwCli  *cli,
                        int      argc,
                        char   **argv)
{
  static const char usage[] =
    N_("Usage: aixinwu promotions import FILE.csv | remove NAME   --staff MANAGER (PIN on stdin)\n"
       "       aixinwu promotions list\n"
       "Columns: name, scope (aid|all), percent (5, 12.5), day_of_month, month, from, to.\n"
       "All conditions given must hold: month 12 with day 12 is 12 December only.");
  g_autoptr(GError) error = NULL;
  AxwDb *db;

  if (axw_cli_wants_help (argc, argv) || argc < 2)
    return axw_cli_usage (_(usage));
  if (g_str_equal (argv[1], "import") && argc == 3)
    {
      g_autofree char *text = NULL;
      gsize len;
      guint n;

      if (axw_cli_authorize (cli, AXW_CLI_MANAGER, &error) == NULL ||
          (text = axw_cli_read_file (argv[2], &len, &error)) == NULL ||
          !axw_promotions_import_csv_as (cli->db, text, len, cli->staff->name, &n, &error))
        return axw_cli_fail (g_steal_pointer (&error));
      g_print (_("%u promotions imported.\n"), n);
      return AXW_EXIT_OK;
    }
  if (g_str_equal (argv[1], "list") && argc == 2)
    {
      g_autoptr(GPtrArray) list = NULL;

      if ((db = axw_cli_db (cli)) == NULL)
        return AXW_EXIT_FAIL;
      list = axw_promotions_list (db, &error);
      if (list == NULL)
        return axw_cli_fail (g_steal_pointer (&error));
      for (guint i = 0; i < list->len; i++)
        print_promotion (g_ptr_array_index (list, i));
      return AXW_EXIT_OK;
    }
  if (g_str_equal (argv[1], "remove") && argc == 3)
    {
      if (axw_cli_authorize (cli, AXW_CLI_MANAGER, &error) == NULL ||
          !axw_promotions_remove (cli->db, argv[2], cli->staff->name, &error))
        return axw_cli_fail (g_steal_pointer (&error));
      g_print (_("Promotion “%s” ended; past sales keep it.\n"), argv[2]);
      return AXW_EXIT_OK;
    }
  return axw_cli_usage (_(usage));
}

int
axw_cli_cmd_staff (AxwCli  *cli,
                   int      argc,
                   char   **argv)
{
  static const char usage[] =
    N_("Usage: aixinwu staff add NAME --role cashier|manager --staff MANAGER\n"
       "       aixinwu staff deactivate|activate NAME --staff MANAGER   (cannot log in / can again)\n"
       "       aixinwu staff list\n"
       "Standard input: the manager's PIN, then the new PIN (4–8 digits) twice.\n"
       "The first manager of a database is added without --staff: the new PIN twice.");
  g_autoptr(GError) error = NULL;
  AxwDb *db;

  if (axw_cli_wants_help (argc, argv) || argc < 2)
    return axw_cli_usage (_(usage));
  if (g_str_equal (argv[1], "add") && argc == 5 && g_str_equal (argv[3], "--role") &&
      (g_str_equal (argv[4], "cashier") || g_str_equal (argv[4], "manager")))
    {
      gboolean manager = g_str_equal (argv[4], "manager");
      g_autoptr(AxwCliPin) pin = NULL;
      g_autoptr(AxwCliPin) again = NULL;

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
                               _("The two new PINs differ; nobody was added. Type the same PIN twice."));
          return axw_cli_fail (g_steal_pointer (&error));
        }
      if (!axw_staff_add_as (db, argv[2], manager, pin, cli->staff ? cli->staff->name : NULL, &error))
        return axw_cli_fail (g_steal_pointer (&error));
      g_print (_("%s added as %s.\n"), argv[2], argv[4]);
      return AXW_EXIT_OK;
    }
  if (g_str_equal (argv[1], "list") && argc == 2)
    {
      g_autoptr(GPtrArray) list = NULL;

      if ((db = axw_cli_db (cli)) == NULL)
        return AXW_EXIT_FAIL;
      list = axw_staff_list (db, &error);
      if (list == NULL)
        return axw_cli_fail (g_steal_pointer (&error));
      for (guint i = 0; i < list->len; i++)
        {
          AxwStaff *s = g_ptr_array_index (list, i);
          g_print ("%s\t%s%s\n", s->name, s->manager ? "manager" : "cashier",
                   s->locked ? _("\tlocked") : "");
        }
      return AXW_EXIT_OK;
    }
  if ((g_str_equal (argv[1], "deactivate") || g_str_equal (argv[1], "activate")) && argc == 3)
    {
      gboolean active = g_str_equal (argv[1], "activate");

      if ((db = axw_cli_db (cli)) == NULL)
        return AXW_EXIT_FAIL;
      if (axw_cli_authorize (cli, AXW_CLI_MANAGER, &error) == NULL ||
          !axw_staff_set_active (db, argv[2], active, cli->staff->name, &error))
        return axw_cli_fail (g_steal_pointer (&error));
      g_print (active ? _("%s can log in again.\n") : _("%s can no longer log in.\n"), argv[2]);
      return AXW_EXIT_OK;
    }
  return axw_cli_usage (_(usage));
}

int
axw_cli_cmd_settings (AxwCli  *cli,
                      int      argc,
                      char   **argv)
{
  g_autofree char *keys = g_strjoinv (", ", (char **) axw_settings_keys ());
  g_autofree char *usage = g_strdup_printf (_("Usage: aixinwu settings set KEY VALUE --staff MANAGER "
                                              "(the manager's PIN on stdin)\n"
                                              "       aixinwu settings get KEY | list\nKeys: %s"), keys);
  g_autoptr(GError) error = NULL;
  AxwDb *db;

  if (axw_cli_wants_help (argc, argv) || argc < 2)
    return axw_cli_usage (usage);
  if (g_str_equal (argv[1], "list") && argc == 2)
    {
      const char * const *k = axw_settings_keys ();

      if ((db = axw_cli_db (cli)) == NULL)
        return AXW_EXIT_FAIL;
      for (; *k; k++)
        {
          g_autofree char *v = axw_settings_get (db, *k);
          g_print ("%s=%s\n", *k, v);
        }
      return AXW_EXIT_OK;
    }
  if (g_str_equal (argv[1], "get") && argc == 3)
    {
      g_autofree char *v = NULL;

      if (axw_settings_default (argv[2]) == NULL)
        {
          g_set_error (&error, AXW_ERROR, AXW_ERROR_NOT_FOUND, _("Unknown setting “%s”. The settings are: %s"),
                       argv[2], keys);
          return axw_cli_fail (g_steal_pointer (&error));
        }
      if ((db = axw_cli_db (cli)) == NULL)
        return AXW_EXIT_FAIL;
      v = axw_settings_get (db, argv[2]);
      g_print ("%s\n", v);
      return AXW_EXIT_OK;
    }
  if (g_str_equal (argv[1], "set") && argc == 4)
    {
      const char *key[] = { argv[2], NULL };
      const char *value[] = { argv[3], NULL };

      /* axw_settings_apply() validates too; checked here first so that a
       * bad value does not create the database on the way to its error */
      if (!axw_settings_validate (argv[2], argv[3], &error))
        return axw_cli_fail (g_steal_pointer (&error));
      if ((db = axw_cli_db (cli)) == NULL)
        return AXW_EXIT_FAIL;
      /* audited like the manager screen's change, in the manager's name:
       * old → new, and nothing when the value is the same */
      if (axw_cli_authorize (cli, AXW_CLI_MANAGER, &error) == NULL ||
          !axw_settings_apply (db, key, value, cli->staff->name, NULL, &error))
        return axw_cli_fail (g_steal_pointer (&error));
      return AXW_EXIT_OK;
    }
  return axw_cli_usage (usage);
}
