/* axw-cli-district.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * aixinwu district …: the hub on PostgreSQL (docs/district.md). init and
 * add-shop act on the hub, not on this shop's file: they take the hub
 * administrator's address and password (PGPASSFILE or ~/.pgpass, 0600),
 * not a shop manager's PIN, and open no shop database.
 */
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "axw-cli.h"
#include "axw-csv.h"
#include "axw-money.h"
#include "axw-report-render.h"
#include "axw-district.h"
#include "axw-error.h"
#include "axw-settings.h"

static const char hub_about[] =
  N_("The hub is a PostgreSQL database (postgresql://HOST/DB?sslmode=verify-full). Passwords are\n"
     "never typed: init and add-shop read the administrator's from PGPASSFILE or ~/.pgpass\n"
     "(chmod 600); a shop reads its own from district.password_file.");

static int
cmd_init (AxwCli  *cli,
          int      argc,
          char   **argv)
{
  g_autoptr(GError) error = NULL;
  int from = 0, now, rc;

  if (!axw_cli_parse (cli, NULL, &argc, &argv, &rc))
    return rc;
  if ((now = axw_district_init (argv[1], &from, &error)) < 0)
    return axw_cli_fail (g_steal_pointer (&error));
  if (from == now)
    g_print (_("The district hub is up to date (schema %d); nothing changed.\n"), now);
  else
    g_print (_("The district hub now has schema %d (it had %d).\n"), now, from);
  return AXW_EXIT_OK;
}

static int
cmd_add_shop (AxwCli  *cli,
              int      argc,
              char   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *file = NULL;
  g_autofree char *admin = NULL;
  const GOptionEntry entries[] = {
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &file,
      N_("Where to write the shop's new password (required)"), N_("FILE") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &admin, N_("The hub, as its administrator (required)"),
      N_("ADMIN_URL") },
    { NULL }
  };
  int rc;

  if (!axw_cli_parse (cli, entries, &argc, &argv, &rc))
    return rc;
  if (file == NULL || admin == NULL)
    return axw_cli_usage (cli);
  if ((url = axw_district_add_shop (admin, argv[1], file, &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  g_print (_("Shop %s can send its sales to the hub. On its counter, as a manager:\n"
             "  aixinwu settings set district.password_file %s --staff MANAGER\n"
             "  aixinwu settings set district.url URL --staff MANAGER\n"
             "with this URL:\n"), argv[1], file);
  g_print ("%s\n", url);
  return AXW_EXIT_OK;
}

/* The hub named by --url (password from PGPASSFILE or ~/.pgpass), else
 * by this shop's district.url and district.password_file. */
static AxwHub *
reader_connect (AxwCli      *cli,
                const char  *url,
                GError     **error)
{
  g_autofree char *stored = NULL;
  g_autofree char *passfile = NULL;
  AxwDb *db;

  if (url != NULL)
    return axw_hub_connect (url, NULL, 0, error);
  if ((db = axw_cli_db (cli)) == NULL)
    {
      g_set_error_literal (error, AXW_ERROR, AXW_ERROR_DATABASE,
                           _("The database cannot be opened."));
      return NULL;
    }
  stored = axw_settings_get (db, "district.url");
  passfile = axw_settings_get (db, "district.password_file");
  return axw_hub_connect (stored, passfile, 0, error);
}

static gboolean
is_date (const char *text)
{
  int y, m, d, n = 0;

  return sscanf (text, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && n == 10 && text[n] == '\0' &&
         g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

static int
emit (const char  *out,
      const char  *data,
      gsize        len)
{
  g_autoptr(GError) error = NULL;

  if (out == NULL)
    {
      fwrite (data, 1, len, stdout);
      return AXW_EXIT_OK;
    }
  if (!g_file_set_contents (out, data, (gssize) len, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  return AXW_EXIT_OK;
}

/* Takes @pdf, or the @error that says why there is none. */
static int
emit_pdf (const char *out,
          GBytes     *pdf,
          GError     *error)
{
  g_autofree char *data = NULL;
  gsize len;

  if (pdf == NULL)
    return axw_cli_fail (error);
  data = g_bytes_unref_to_data (pdf, &len);
  return emit (out, data, len);
}

static GString *
string_taking (char *text)
{
  GString *out = g_string_new (text);

  g_free (text);
  return out;
}

/* A shop of the district report, as its text and PDF list it. */
static char *
shop_line (AxwReportRow *row)
{
  g_autofree char *total = axw_money_format_screen (row->total_fen);
  g_autofree char *red = axw_money_format_screen (row->qty_milli);

  return g_strdup_printf (_("%-8s %6lld sales  %12s  red packets %10s\n"), row->name,
                          (long long) row->count, total, red);
}

/* The shop report's layouts (text, CSV, PDF), then the shops. */
static int
report_formatted (AxwHub      *hub,
                  const char  *from,
                  const char  *to,
                  const char  *format,
                  const char  *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shops = NULL;
  g_autoptr(AxwReport) r = axw_district_report (hub, from, to, &shops, &error);
  g_autoptr(GString) text = NULL;

  if (r == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  if (g_str_equal (format, "pdf"))
    {
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
      GBytes *pdf;

      g_ptr_array_add (lines, g_strdup (_("Shops")));
      for (guint i = 0; i < shops->len; i++)
        g_ptr_array_add (lines, g_strchomp (shop_line (g_ptr_array_index (shops, i))));
      pdf = axw_report_render_pdf_with (r, lines, &error);
      return emit_pdf (out, pdf, g_steal_pointer (&error));
    }
  if (g_str_equal (format, "csv"))
    {
      const char * const header[] = { "shop", "sales_count", "total_fen", "red_packet_fen", NULL };

      text = string_taking (axw_report_to_csv (r));
      g_string_append (text, "\r\n");
      axw_csv_append_row (text, header, G_N_ELEMENTS (header) - 1);
      for (guint i = 0; i < shops->len; i++)
        {
          AxwReportRow *row = g_ptr_array_index (shops, i);
          g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, row->count);
          g_autofree char *t = g_strdup_printf ("%" G_GINT64_FORMAT, row->total_fen);
          g_autofree char *rp = g_strdup_printf ("%" G_GINT64_FORMAT, row->qty_milli);
          const char * const fields[] = { row->name, n, t, rp, NULL };

          axw_csv_append_row (text, fields, G_N_ELEMENTS (fields) - 1);
        }
      return emit (out, text->str, text->len);
    }
  text = string_taking (axw_report_to_text (r, 48));
  g_string_append_printf (text, "\n%s\n", _("Shops"));
  for (guint i = 0; i < shops->len; i++)
    {
      g_autofree char *line = shop_line (g_ptr_array_index (shops, i));

      g_string_append (text, line);
    }
  return emit (out, text->str, text->len);
}

/* The shop claim's layouts (CSV with a TOTAL row, PDF); in CSV the
 * conflicts follow, apart and not counted. */
static int
claim_formatted (AxwHub      *hub,
                 const char  *funder,
                 const char  *from,
                 const char  *to,
                 const char  *format,
                 const char  *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = axw_district_claim_rows (hub, funder, from, to, &error);
  g_autofree char *conflicts = NULL;
  g_autoptr(GString) text = NULL;

  if (rows == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  if (g_str_equal (format, "pdf"))
    {
      g_autoptr(GPtrArray) apart = axw_district_conflict_lines (hub, funder, from, to, &error);
      GBytes *pdf;

      if (apart == NULL)
        return axw_cli_fail (g_steal_pointer (&error));
      pdf = axw_claim_render_pdf_district (funder, from, to, rows, apart, &error);
      return emit_pdf (out, pdf, g_steal_pointer (&error));
    }
  if ((conflicts = axw_district_conflicts_csv (hub, funder, from, to, &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  text = string_taking (axw_claim_to_csv (rows));
  g_string_append (text, conflicts);
  return emit (out, text->str, text->len);
}

/* report, claim and conflicts: read from the hub. */
static int
cmd_read (AxwCli  *cli,
          int      argc,
          char   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwHub) hub = NULL;
  g_autofree char *json = NULL;
  g_autofree char *url = NULL, *funder = NULL, *from = NULL, *to = NULL, *format = NULL;
  g_autofree char *out = NULL;
  gboolean claim = g_str_equal (argv[0], "claim");
  gboolean report = g_str_equal (argv[0], "report");
  gboolean dated = claim || report;
  const GOptionEntry all[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("The hub (password from PGPASSFILE or ~/.pgpass)"),
      N_("URL") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("json (the default); report: text, csv or pdf; claim: csv or pdf"), N_("FORMAT") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("Write to FILE (default: standard output)"),
      N_("FILE") },
    { "funder", 0, 0, G_OPTION_ARG_STRING, &funder, N_("Who funded the red packets"), N_("NAME") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The first business date"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The last business date"), N_("DATE") },
  };
  const char *fmt;
  int rc;

  if (!axw_cli_parse_some (cli,
                           all, G_N_ELEMENTS (all),
                           claim ? "url format out funder from to"
                           : report ? "url format out from to" : "url format out",
                           &argc, &argv, &rc))
    return rc;
  fmt = format ? format : "json";
  if ((claim && funder == NULL) || (dated && (from == NULL || to == NULL)) ||
      !(g_str_equal (fmt, "json") || (report && g_str_equal (fmt, "text")) ||
        (dated && (g_str_equal (fmt, "csv") || g_str_equal (fmt, "pdf")))))
    return axw_cli_usage (cli);
  if (dated && (!is_date (from) || !is_date (to)))
    return axw_cli_usage (cli);
  if ((hub = reader_connect (cli, url, &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  if (report && !g_str_equal (fmt, "json"))
    return report_formatted (hub, from, to, fmt, out);
  if (claim && !g_str_equal (fmt, "json"))
    return claim_formatted (hub, funder, from, to, fmt, out);
  if (report)
    json = axw_district_report_json (hub, from, to, &error);
  else if (claim)
    json = axw_district_claim_json (hub, funder, from, to, &error);
  else
    json = axw_district_conflicts_json (hub, &error);
  if (json == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  return emit (out, json, strlen (json));
}

/* The shop's catalog changes: a manager's, as products import. */
static int
cmd_pull (AxwCli  *cli,
          int      argc,
          char   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  int rc;

  if (axw_cli_parse_as (cli, AXW_CLI_MANAGER, NULL, &argc, &argv, &rc) == NULL)
    return rc;
  if (!axw_district_pull (cli->db, cli->staff->name, NULL, NULL, &summary, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  g_print ("%s\n", summary);
  return AXW_EXIT_OK;
}

/* This shop's open conflicts, a line each: id, code, amount, the words. */
static int
cmd_my_conflicts (AxwCli  *cli,
                  int      argc,
                  char   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  AxwDb *db;
  int rc;

  if ((db = axw_cli_open (cli, NULL, &argc, &argv, &rc)) == NULL)
    return rc;
  if ((list = axw_district_my_conflicts (db, &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  for (guint i = 0; i < list->len; i++)
    {
      AxwHubConflict *c = g_ptr_array_index (list, i);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%" G_GINT64_FORMAT "\t%s\n", c->id, c->code,
               c->amount_fen, c->text);
    }
  return AXW_EXIT_OK;
}

/* A manager marks a conflict of this shop resolved, saying what was done. */
static int
cmd_resolve (AxwCli  *cli,
             int      argc,
             char   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *note = NULL;
  const GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What was done about it (required)"),
      N_("TEXT") },
    { NULL }
  };
  const AxwStaff *manager;
  gint64 id;
  char *end;
  int rc;

  if ((manager = axw_cli_parse_as (cli, AXW_CLI_MANAGER, entries, &argc, &argv, &rc)) == NULL)
    return rc;
  id = g_ascii_strtoll (argv[1], &end, 10);
  if (note == NULL || *argv[1] == '\0' || *end != '\0' || id <= 0)
    return axw_cli_usage (cli);
  if (!axw_district_resolve_conflict (cli->db, id, manager->name, note, &code, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  g_print (_("Conflict %s of red packet %s resolved by %s.\n"), argv[1], code, manager->name);
  return AXW_EXIT_OK;
}

static int
cmd_status (AxwCli  *cli,
            int      argc,
            char   **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(AxwDistrictStatus) st = { 0 };
  AxwDb *db;
  int rc;

  if ((db = axw_cli_open (cli, NULL, &argc, &argv, &rc)) == NULL)
    return rc;
  if (!axw_district_get_status (db, &st, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  g_print ("configured\t%s\n", st.configured ? "yes" : "no");
  g_print ("pending\t%" G_GINT64_FORMAT "\n", st.pending);
  g_print ("sent\t%" G_GINT64_FORMAT "\n", axw_district_count_sent (db));
  g_print ("last_push\t%s\n", st.last_push ? st.last_push : "");
  g_print ("last_pull\t%s\n", st.last_pull ? st.last_pull : "");
  g_print ("last_error\t%s\n", st.last_error ? st.last_error : "");
  return AXW_EXIT_OK;
}

const AxwCliSpec axw_cli_district[] = {
  { "init", cmd_init, N_("ADMIN_URL"), N_("Creates the hub's tables, or upgrades older ones."),
    hub_about, 1, 1 },
  { "add-shop", cmd_add_shop, N_("CODE"),
    N_("Adds a shop to the hub: writes its password to --password-file and prints the "
       "district.url it should set."),
    hub_about, 1, 1 },
  { "status", cmd_status, NULL,
    N_("This shop and the hub: configured, sales waiting and sent, last push, pull and error.") },
  { "pull", cmd_pull, NULL,
    N_("Takes the district's catalog changes into this shop, as a manager.") },
  { "report", cmd_read, NULL,
    N_("The district's sales by shop for the dates --from to --to, as text, CSV, JSON or PDF."),
    N_("Without --url, the hub of this shop's settings district.url and district.password_file.") },
  { "conflicts", cmd_read, NULL, N_("Red packets redeemed in more than one shop, as JSON."),
    N_("Without --url, the hub of this shop's settings district.url and district.password_file.") },
  { "my-conflicts", cmd_my_conflicts, NULL,
    N_("This shop's red packets also redeemed in another shop, not yet resolved: id, code, "
       "amount and what happened, a line each.") },
  { "resolve", cmd_resolve, N_("ID"),
    N_("Marks a red-packet conflict of this shop resolved at the hub, saying what was done "
       "(--note), as a manager."),
    NULL, 1, 1 },
  { "claim", cmd_read, NULL,
    N_("A funder's red-packet claim across the district (--funder, --from, --to), as CSV, JSON "
       "or PDF."),
    N_("Without --url, the hub of this shop's settings district.url and district.password_file.") },
  { NULL }
};

