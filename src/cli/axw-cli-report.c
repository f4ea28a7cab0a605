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
  GPtrArray *rest;
} Args;

static void
args_clear (Args *a)
{
  g_free (a->from); g_free (a->to); g_free (a->format); g_free (a->out); g_free (a->at);
  g_free (a->funder); g_free (a->date); g_free (a->number); g_free (a->width);
  g_free (a->reason); g_free (a->printer); g_free (a->fund);
  g_clear_pointer (&a->rest, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Args, args_clear)

static char **
slot_of (Args       *a,
         const char *opt)
{
  static const char *names[] = { "--from", "--to", "--format", "--out", "--at", "--funder",
                                 "--date", "--number", "--width", "--reason", "--printer", "--fund" };
  char **slots[] = { &a->from, &a->to, &a->format, &a->out, &a->at, &a->funder,
                     &a->date, &a->number, &a->width, &a->reason, &a->printer, &a->fund };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (names[i], opt))
      return slots[i];
  return NULL;
}

/* Options in @allowed take one value each, but --print none; other words
 * are positional. */
static gboolean
parse_args (int          argc,
            char       **argv,
            int          first,
            const char  *allowed,
            Args        *a,
            GError     **error)
{
  a->rest = g_ptr_array_new_with_free_func (g_free);
  for (int i = first; i < argc; i++)
    {
      char **slot = slot_of (a, argv[i]);

      if (argv[i][0] != '-' || argv[i][1] != '-' || g_ascii_isdigit (argv[i][1]))
        {
          g_ptr_array_add (a->rest, g_strdup (argv[i]));
          continue;
        }
      if (g_str_equal (argv[i], "--print") && strstr (allowed, "--print ") != NULL)
        {
          a->print = TRUE;
          continue;
        }
      if (slot == NULL || strstr (allowed, argv[i]) == NULL)
        {
          g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID, _("Unknown option %s"), argv[i]);
          return FALSE;
        }
      if (i + 1 >= argc)
        {
          g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID, _("%s needs a value"), argv[i]);
          return FALSE;
        }
      g_free (*slot);
      *slot = g_strdup (argv[++i]);
    }
  return TRUE;
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
          if ((bytes = axw_report_render_lines_png (lines, narrow ? 32 : 48, narrow ? 384 : 576, &error)) == NULL)
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

static const char report_usage[] =
  N_("Usage: aixinwu report x [--format F] [--out FILE]           the open shift (no reset)\n"
     "       aixinwu report z [--date DATE] --staff MANAGER [--at T] …  close a business day (PIN on stdin)\n"
     "       aixinwu report z --number N|latest …                  a closed day's Z report again\n"
     "       aixinwu report range --from DATE --to DATE …          any period of business dates\n"
     "       aixinwu report claim --funder F --from DATE --to DATE [--format csv|pdf] [--out FILE]\n"
     "       aixinwu report donations --fund F --from DATE --to DATE [--format csv|json|pdf] [--out FILE]\n"
     "F is text, csv, json, pdf or png; --width 58|80 lays text (and png, a preview) out for the\n"
     "receipt printer. --print [--printer usb|tcp://HOST:PORT|file:PATH] prints x, z or range\n"
     "on the receipt printer (default: the printer and receipt.width settings).");

static int
report_z (AxwCli  *cli,
          AxwDb   *db,
          Args    *a)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwReport) r = NULL;
  g_autoptr(GDateTime) at = NULL;

  if (a->number != NULL)
    {
      guint64 n = 0;

      if (!g_str_equal (a->number, "latest") &&
          !g_ascii_string_to_unsigned (a->number, 10, 1, G_MAXINT64, &n, NULL))
        return axw_cli_usage (_(report_usage));
      r = axw_reports_load_z (db, (gint64) n, &error);
      return r ? emit_report (db, r, a) : axw_cli_fail (g_steal_pointer (&error));
    }
  if (cli->staff_name == NULL)
    return axw_cli_usage (_(report_usage));
  if ((at = axw_cli_parse_at (a->at, &error)) == NULL ||
      axw_cli_authorize (cli, AXW_CLI_MANAGER, &error) == NULL ||
      (r = axw_reports_close_day (db, a->date, cli->staff->name, at, &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  return emit_report (db, r, a);
}

static int
report_claim (AxwDb *db,
              Args  *a)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *format = a->format ? a->format : "csv";

  if (a->funder == NULL || a->from == NULL || a->to == NULL)
    return axw_cli_usage (_(report_usage));
  if (!g_str_equal (format, "csv") && !g_str_equal (format, "pdf"))
    return axw_cli_usage (_(report_usage));
  if ((rows = axw_reports_claim (db, a->funder, a->from, a->to, &error)) == NULL ||
      (bytes = axw_claim_file_bytes (a->funder, a->from, a->to, rows, format, &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  return emit_bytes (a->out, bytes);
}

/* The donation book of a fund: a public notice as PDF (docs/design.md §15). */
static int
report_donations (AxwDb *db,
                  Args  *a)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *shop = NULL;

  if (a->fund == NULL || a->from == NULL || a->to == NULL)
    return axw_cli_usage (_(report_usage));
  shop = axw_settings_get (db, "shop.name");
  if ((rows = axw_reports_donation_book (db, a->fund, a->from, a->to, &error)) == NULL ||
      (bytes = axw_donation_book_file_bytes (shop, a->fund, a->from, a->to, rows, a->format ? a->format : "csv",
                                             &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  return emit_bytes (a->out, bytes);
}

int
axw_cli_cmd_report (AxwCli  *cli,
                    int      argc,
                    char   **argv)
{
  g_auto(Args) a = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwReport) r = NULL;
  const char *what;
  AxwDb *db;

  if (axw_cli_wants_help (argc, argv) || argc < 2)
    return axw_cli_usage (_(report_usage));
  what = argv[1];
  if (!parse_args (argc, argv, 2, "--from --to --format --out --at --funder --date --number --width "
                   "--print --printer --fund",
                   &a, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  if (a.rest->len > 0)
    return axw_cli_usage (_(report_usage));
  if ((db = axw_cli_db (cli)) == NULL)
    return AXW_EXIT_FAIL;
  if (g_str_equal (what, "z"))
    return report_z (cli, db, &a);
  if (g_str_equal (what, "claim") && !a.print)
    return report_claim (db, &a);
  if (g_str_equal (what, "donations") && !a.print)
    return report_donations (db, &a);
  if (g_str_equal (what, "x"))
    r = axw_reports_x (db, &error);
  else if (g_str_equal (what, "range") && a.from && a.to)
    r = axw_reports_range (db, a.from, a.to, &error);
  else
    return axw_cli_usage (_(report_usage));
  return r ? emit_report (db, r, &a) : axw_cli_fail (g_steal_pointer (&error));
}

static const char shift_usage[] =
  N_("Usage: aixinwu shift open --staff NAME FLOAT [--at T]        open with a float (yuan)\n"
     "       aixinwu shift cash --staff MANAGER ±AMOUNT --reason TEXT [--at T]   cash in (+) or out (-)\n"
     "       aixinwu shift close --staff NAME COUNT [--at T]       COUNT: 100:3,50:1,0.5:4 (yuan:pieces)\n"
     "       aixinwu shift status\n"
     "The PIN of NAME is read from stdin; cash in and out needs a manager.");

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

int
axw_cli_cmd_shift (AxwCli  *cli,
                   int      argc,
                   char   **argv)
{
  g_auto(Args) a = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(AxwShift) shift = NULL;
  const char *what;
  gint64 fen = 0, id;
  AxwDb *db;

  if (axw_cli_wants_help (argc, argv) || argc < 2)
    return axw_cli_usage (_(shift_usage));
  what = argv[1];
  if (!parse_args (argc, argv, 2, "--at --reason --from", &a, &error) ||
      (at = axw_cli_parse_at (a.at, &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  if ((db = axw_cli_db (cli)) == NULL)
    return AXW_EXIT_FAIL;
  if (g_str_equal (what, "status"))
    {
      if ((id = axw_shift_open_id (db, &error)) == 0 || (shift = axw_shift_load (db, id, &error)) == NULL)
        return axw_cli_fail (g_steal_pointer (&error));
      print_shift (shift);
      return AXW_EXIT_OK;
    }
  if (cli->staff_name == NULL || a.rest->len != 1)
    return axw_cli_usage (_(shift_usage));
  if (g_str_equal (what, "open"))
    {
      if (!axw_money_parse (g_ptr_array_index (a.rest, 0), &fen, &error) ||
          !authorize (cli, AXW_CLI_STAFF, a.at, &error) ||
          (id = axw_shift_open (db, cli->staff->name, fen, at, &error)) == 0 ||
          (shift = axw_shift_load (db, id, &error)) == NULL)
        return axw_cli_fail (g_steal_pointer (&error));
    }
  else if (g_str_equal (what, "cash"))
    {
      const char *amount = g_ptr_array_index (a.rest, 0);
      gboolean out = amount[0] == '-';

      if (!axw_money_parse (out || amount[0] == '+' ? amount + 1 : amount, &fen, &error) ||
          !authorize (cli, AXW_CLI_MANAGER, a.at, &error) ||
          !axw_shift_cash (db, cli->staff->name, out ? -fen : fen, a.reason, at, &error) ||
          (shift = axw_shift_load (db, axw_shift_open_id (db, NULL), &error)) == NULL)
        return axw_cli_fail (g_steal_pointer (&error));
    }
  else if (g_str_equal (what, "close"))
    {
      if (!authorize (cli, AXW_CLI_STAFF, a.at, &error) ||
          (shift = axw_shift_close (db, cli->staff->name, g_ptr_array_index (a.rest, 0), at, &error)) == NULL)
        return axw_cli_fail (g_steal_pointer (&error));
    }
  else
    return axw_cli_usage (_(shift_usage));
  print_shift (shift);
  return AXW_EXIT_OK;
}
