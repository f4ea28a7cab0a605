/* axw-cli-report.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * report x|z|range|claim and shift open|cash|close|status.
 */
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "axw-bizdate.h"
#include "axw-cli.h"
#include "axw-error.h"
#include "axw-money.h"
#include "axw-report-file.h"
#include "axw-report-print.h"
#include "axw-report-render.h"
#include "axw-reports.h"
#include "axw-settings.h"
#include "axw-shifts.h"
#include "axw-staff.h"

typedef struct {
  char      *from, *to, *format, *out, *at, *funder, *date, *number, *width, *reason;
  char      *printer, *fund;
  gboolean   print;
} Args;

static void
args_clear (Args *a)
{
  g_free (a->from); g_free (a->to); g_free (a->format); g_free (a->out); g_free (a->at);
  g_free (a->funder); g_free (a->date); g_free (a->number); g_free (a->width);
  g_free (a->reason); g_free (a->printer); g_free (a->fund);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Args, args_clear)

/* How x, z and range leave: a file, the screen or the receipt printer. */
#define OUTPUT "format out width print printer"

/* The options of report and shift, in one table; each command takes those
 * of @names. Opens the database into @db.
 *
 * Returns: -1 to go on, else the exit code */
static int
parse_report (AxwCli            *cli,
              const char        *names,
              Args              *a,
              int               *argc,
              char            ***argv,
              AxwDb            **db)
{
  const GOptionEntry all[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &a->from, N_("The first business date"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &a->to, N_("The last business date"), N_("DATE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &a->format,
      N_("text, csv, json, pdf or png (what the report takes)"), N_("FORMAT") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &a->out,
      N_("Write to FILE (default: standard output)"), N_("FILE") },
    { "width", 0, 0, G_OPTION_ARG_STRING, &a->width,
      N_("Lay text and png out for the receipt printer's paper (mm)"), N_("58|80") },
    { "print", 0, 0, G_OPTION_ARG_NONE, &a->print,
      N_("Print it on the receipt printer instead"), NULL },
    { "printer", 0, 0, G_OPTION_ARG_STRING, &a->printer,
      N_("The printer (default: the printer setting)"), N_("usb|tcp://HOST:PORT|file:PATH") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &a->at,
      N_("Date it at this time, not now (only a manager may)"), N_("RFC3339") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &a->date,
      N_("The business date to close (default: the one the open sales belong to)"), N_("DATE") },
    { "number", 0, 0, G_OPTION_ARG_STRING, &a->number,
      N_("Show closed day N's Z report again (or the latest)"), N_("N|latest") },
    { "funder", 0, 0, G_OPTION_ARG_STRING, &a->funder, N_("Who funded the red packets"),
      N_("NAME") },
    { "fund", 0, 0, G_OPTION_ARG_STRING, &a->fund, N_("The fund"), N_("NAME") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &a->reason, N_("Why, for the audit (required)"),
      N_("TEXT") },
  };
  int rc;

  if (!axw_cli_parse_some (cli, all, G_N_ELEMENTS (all), names, argc, argv, &rc))
    return rc;
  if ((*db = axw_cli_db (cli)) == NULL)
    return AXW_EXIT_FAIL;
  return -1;
}

/* Writes @bytes to --out (atomically, owner only) or stdout. */
static int
emit_bytes (const char *out,
            GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  if (out == NULL || g_str_equal (out, "-"))
    {
      fwrite (data, 1, len, stdout);
      return fflush (stdout) == 0 ? AXW_EXIT_OK : AXW_EXIT_FAIL;
    }
  if (!axw_report_file_save (out, bytes, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  return AXW_EXIT_OK;
}

/* Writes @len bytes of @data to --out (atomically, owner only) or stdout:
 * the one way every report, claim and goods-in file leaves the CLI. */
int
axw_cli_emit (const char *out,
              const char *data,
              gsize       len)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);

  return emit_bytes (out, bytes);
}

static int
emit (const char *out,
      char       *data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_take (data, strlen (data));

  return emit_bytes (out, bytes);
}

/* --print: the report's paper lines to the receipt printer, nothing on stdout
 * but where it went. */
static int
print_report (AxwDb           *db,
              const AxwReport *r,
              const Args      *a)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *target = a->printer ? g_strdup (a->printer) : axw_settings_get (db, "printer");
  guint width = 0;

  if (a->width != NULL && !g_str_equal (a->width, "58") && !g_str_equal (a->width, "80"))
    {
      g_set_error (&error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("The paper width is 58 or 80 (mm), not “%s”"), a->width);
      return axw_cli_fail (g_steal_pointer (&error));
    }
  if (a->width != NULL)
    width = g_str_equal (a->width, "58") ? 58 : 80;
  if (!axw_report_print (db, r, target, width, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  g_print (_("Report sent to %s.\n"), target);
  return AXW_EXIT_OK;
}

static int
emit_report (AxwDb           *db,
             const AxwReport *r,
             const Args      *a)
{
  g_autoptr(GError) error = NULL;
  const char *format = a->format ? a->format : "text";
  g_autoptr(GBytes) bytes = NULL;

  if (a->print)
    return print_report (db, r, a);
  if (g_str_equal (format, "text") && a->width == NULL)
    return emit (a->out, axw_report_to_text (r, 48));
  if (g_str_equal (format, "text") || g_str_equal (format, "png"))
    {
      gboolean narrow = a->width && g_str_equal (a->width, "58");
      g_autoptr(GPtrArray) lines = axw_report_to_lines (r, narrow ? 32 : 48, TRUE);
      GString *text;

      if (g_str_equal (format, "png"))
        {
          if ((bytes = axw_report_render_lines_png (lines, narrow ? 32 : 48, narrow ? 384 : 576,
                                                    &error)) == NULL)
            return axw_cli_fail (g_steal_pointer (&error));
          return emit_bytes (a->out, bytes);
        }
      text = g_string_new (NULL);
      for (guint i = 0; i < lines->len; i++)
        g_string_append_printf (text, "%s\n", (char *) g_ptr_array_index (lines, i));
      return emit (a->out, g_string_free (text, FALSE));
    }
  if ((bytes = axw_report_file_bytes (r, format, &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  return emit_bytes (a->out, bytes);
}

static const char report_output[] =
  N_("F is text, csv, json, pdf or png; --width 58|80 lays text (and png, a preview) out for the\n"
     "receipt printer. --print prints it on the receipt printer (default: the printer and\n"
     "receipt.width settings).");

/* x: the open shift; range: --from to --to. */
static int
report_period (AxwCli  *cli,
               int      argc,
               char   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwReport) r = NULL;
  g_auto(Args) a = { 0 };
  gboolean range = g_str_equal (argv[0], "range");
  AxwDb *db;
  int rc;

  if ((rc = parse_report (cli, range ? OUTPUT " from to" : OUTPUT, &a, &argc, &argv, &db)) >= 0)
    return rc;
  if (range && (a.from == NULL || a.to == NULL))
    return axw_cli_usage (cli);
  r = range ? axw_reports_range (db, a.from, a.to, &error) : axw_reports_x (db, &error);
  return r ? emit_report (db, r, &a) : axw_cli_fail (g_steal_pointer (&error));
}

static int
report_z (AxwCli  *cli,
          int      argc,
          char   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwReport) r = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_auto(Args) a_ = { 0 };
  Args *a = &a_;
  AxwDb *db;
  int rc;

  if ((rc = parse_report (cli, OUTPUT " date at number", a, &argc, &argv, &db)) >= 0)
    return rc;

  if (a->number != NULL)
    {
      guint64 n = 0;

      if (!g_str_equal (a->number, "latest") &&
          !g_ascii_string_to_unsigned (a->number, 10, 1, G_MAXINT64, &n, NULL))
        return axw_cli_usage (cli);
      r = axw_reports_load_z (db, (gint64) n, &error);
      return r ? emit_report (db, r, a) : axw_cli_fail (g_steal_pointer (&error));
    }
  if (cli->staff_name == NULL)
    return axw_cli_usage (cli);
  if ((at = axw_cli_parse_at (a->at, &error)) == NULL ||
      axw_cli_authorize (cli, AXW_CLI_MANAGER, &error) == NULL ||
      (r = axw_reports_close_day (db, a->date, cli->staff->name, at, &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  return emit_report (db, r, a);
}

static int
report_claim (AxwCli  *cli,
              int      argc,
              char   **argv)
{
  g_auto(Args) a_ = { 0 };
  Args *a = &a_;
  AxwDb *db;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *format;
  int rc;

  if ((rc = parse_report (cli, "funder from to format out", a, &argc, &argv, &db)) >= 0)
    return rc;
  format = a->format ? a->format : "csv";
  if (a->funder == NULL || a->from == NULL || a->to == NULL)
    return axw_cli_usage (cli);
  if (!g_str_equal (format, "csv") && !g_str_equal (format, "pdf"))
    return axw_cli_usage (cli);
  if ((rows = axw_reports_claim (db, a->funder, a->from, a->to, &error)) == NULL ||
      (bytes = axw_claim_file_bytes (a->funder, a->from, a->to, rows, format, &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  return emit_bytes (a->out, bytes);
}

/* The donation book of a fund: a public notice as PDF (docs/design.md §15). */
static int
report_donations (AxwCli  *cli,
                  int      argc,
                  char   **argv)
{
  g_auto(Args) a_ = { 0 };
  Args *a = &a_;
  AxwDb *db;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *shop = NULL;
  int rc;

  if ((rc = parse_report (cli, "fund from to format out", a, &argc, &argv,
                          &db)) >= 0)
    return rc;
  if (a->fund == NULL || a->from == NULL || a->to == NULL)
    return axw_cli_usage (cli);
  shop = axw_settings_get (db, "shop.name");
  if ((rows = axw_reports_donation_book (db, a->fund, a->from, a->to, &error)) == NULL ||
      (bytes = axw_donation_book_file_bytes (shop, a->fund, a->from, a->to, rows,
                                             a->format ? a->format : "csv", &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  return emit_bytes (a->out, bytes);
}

const AxwCliSpec axw_cli_report[] = {
  { "x", report_period, NULL, N_("The open shift's X report (no reset)."), report_output },
  { "z", report_z, NULL,
    N_("Closes a business day with its Z report, as a manager; with --number, shows a closed "
       "day's again."),
    report_output },
  { "range", report_period, NULL, N_("The report of any period of business dates (--from, --to)."),
    report_output },
  { "claim", report_claim, NULL,
    N_("The subsidy claim to a funder for its red packets (--funder, --from, --to), as CSV or "
       "PDF.") },
  { "donations", report_donations, NULL,
    N_("A fund's donation book (--fund, --from, --to), as CSV, JSON or PDF: a public notice.") },
  { NULL }
};


/* One JSON object (json-glib: names are escaped, whatever they hold). */
static void
print_shift (const AxwShift *s)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "shift");
  json_builder_add_int_value (b, s->id);
  json_builder_set_member_name (b, "staff");
  json_builder_add_string_value (b, s->staff);
  json_builder_set_member_name (b, "opened_at");
  json_builder_add_string_value (b, s->opened_at);
  json_builder_set_member_name (b, "closed");
  json_builder_add_boolean_value (b, s->closed_at != NULL);
  json_builder_set_member_name (b, "float_fen");
  json_builder_add_int_value (b, s->float_fen);
  json_builder_set_member_name (b, "in_out_fen");
  json_builder_add_int_value (b, s->cash_in_out_fen);
  json_builder_set_member_name (b, "cash_sales_fen");
  json_builder_add_int_value (b, s->cash_sales_fen);
  json_builder_set_member_name (b, "expected_fen");
  json_builder_add_int_value (b, s->expected_fen);
  if (s->closed_at)
    {
      g_autoptr(JsonParser) count = json_parser_new ();

      json_builder_set_member_name (b, "counted_fen");
      json_builder_add_int_value (b, s->counted_fen);
      json_builder_set_member_name (b, "over_short_fen");
      json_builder_add_int_value (b, s->counted_fen - s->expected_fen);
      json_builder_set_member_name (b, "count");
      if (s->count_json && json_parser_load_from_data (count, s->count_json, -1, NULL) &&
          json_parser_get_root (count) != NULL)
        json_builder_add_value (b, json_node_copy (json_parser_get_root (count)));
      else
        {
          json_builder_begin_object (b);
          json_builder_end_object (b);
        }
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  text = json_generator_to_data (gen, NULL);
  g_print ("%s\n", text);
}

/* The person named by --staff with their PIN; a time other than now
 * only with a manager's. */
static gboolean
authorize (AxwCli      *cli,
           AxwCliRole   role,
           const char  *at,
           GError     **error)
{
  return axw_cli_authorize (cli, role, error) != NULL && axw_cli_check_at (cli, at, error);
}

static int
shift_status (AxwCli  *cli,
              int      argc,
              char   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwShift) shift = NULL;
  g_auto(Args) a = { 0 };
  AxwDb *db;
  gint64 id;
  int rc;

  if ((rc = parse_report (cli, "", &a, &argc, &argv, &db)) >= 0)
    return rc;
  if ((id = axw_shift_open_id (db, &error)) == 0 ||
      (shift = axw_shift_load (db, id, &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  print_shift (shift);
  return AXW_EXIT_OK;
}

/* open, cash and close: as --staff with their PIN, and print the shift. */
static int
shift_change (AxwCli  *cli,
              int      argc,
              char   **argv)
{
  g_auto(Args) a = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(AxwShift) shift = NULL;
  const char *what = argv[0];
  gboolean cash = g_str_equal (what, "cash");
  gint64 fen = 0, id;
  AxwDb *db;
  int rc;

  if ((rc = parse_report (cli, cash ? "at reason" : "at", &a, &argc, &argv, &db)) >= 0)
    return rc;
  if (cli->staff_name == NULL)
    return axw_cli_usage (cli);
  if ((at = axw_cli_parse_at (a.at, &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  if (g_str_equal (what, "open"))
    {
      if (!axw_money_parse (argv[1], &fen, &error) ||
          !authorize (cli, AXW_CLI_STAFF, a.at, &error) ||
          (id = axw_shift_open (db, cli->staff->name, fen, at, &error)) == 0 ||
          (shift = axw_shift_load (db, id, &error)) == NULL)
        return axw_cli_fail (g_steal_pointer (&error));
    }
  else if (cash)
    {
      const char *amount = argv[1];
      gboolean out = amount[0] == '-';

      if (!axw_money_parse (out || amount[0] == '+' ? amount + 1 : amount, &fen, &error) ||
          !authorize (cli, AXW_CLI_MANAGER, a.at, &error) ||
          !axw_shift_cash (db, cli->staff->name, out ? -fen : fen, a.reason, at, &error) ||
          (shift = axw_shift_load (db, axw_shift_open_id (db, NULL), &error)) == NULL)
        return axw_cli_fail (g_steal_pointer (&error));
    }
  else if (!authorize (cli, AXW_CLI_STAFF, a.at, &error) ||
           (shift = axw_shift_close (db, cli->staff->name, argv[1], at, &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  print_shift (shift);
  return AXW_EXIT_OK;
}

const AxwCliSpec axw_cli_shift[] = {
  { "open", shift_change, N_("FLOAT"),
    N_("Opens a shift with a float in the drawer (yuan), as --staff."),
    NULL, 1, 1 },
  { "cash", shift_change, N_("±AMOUNT"),
    N_("Puts cash in (+) or takes it out (-) of the drawer, as a manager."), NULL, 1, 1 },
  { "close", shift_change, N_("COUNT"),
    N_("Closes the shift with the drawer counted: COUNT is 100:3,50:1,0.5:4 (yuan:pieces)."),
    NULL, 1, 1 },
  { "status", shift_status, NULL,
    N_("The open shift as JSON: float, cash in and out, cash sales, expected.") },
  { NULL }
};

