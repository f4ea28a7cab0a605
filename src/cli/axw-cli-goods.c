/* axw-cli-goods.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Goods in: suppliers, deliveries (receive) and returns to the supplier.
 */
#include <glib/gi18n.h>
#include <string.h>

#include "axw-cli.h"
#include "axw-consignment.h"
#include "axw-deliveries.h"
#include "axw-error.h"
#include "axw-money.h"
#include "axw-partner-sales.h"
#include "axw-report-render.h"
#include "axw-suppliers.h"

/* Takes "--NAME VALUE" (or a flag "--NAME") out of argv; returns the value,
 * "" for a flag, NULL when absent. */
static const char *
take_option (int         *argc,
             char       **argv,
             const char  *name,
             gboolean     has_value)
{
  for (int i = 1; i < *argc; i++)
    {
      const char *value;
      int n = has_value ? 2 : 1;

      if (!g_str_equal (argv[i], name) || (has_value && i + 1 >= *argc))
        continue;
      value = has_value ? argv[i + 1] : "";
      memmove (&argv[i], &argv[i + n], (gsize) (*argc - i - n + 1) * sizeof *argv);
      *argc -= n;
      return value;
    }
  return NULL;
}

static int
suppliers_add (AxwCli  *cli,
               int      argc,
               char   **argv)
{
  g_autoptr(AxwSupplier) s = axw_supplier_new ();
  g_autoptr(GError) error = NULL;
  const char *contact = take_option (&argc, argv, "--contact", TRUE);
  const char *origin = take_option (&argc, argv, "--origin", TRUE);
  AxwDb *db;

  s->consignment = take_option (&argc, argv, "--consignment", FALSE) != NULL;
  s->partner = take_option (&argc, argv, "--partner", FALSE) != NULL;
  if (argc != 3)
    return -1;
  g_free (s->name);
  s->name = g_strdup (argv[2]);
  g_free (s->contact);
  s->contact = g_strdup (contact ? contact : "");
  g_free (s->origin);
  s->origin = g_strdup (origin ? origin : "");
  if (axw_cli_authorize (cli, AXW_CLI_MANAGER, &error) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  if ((db = axw_cli_db (cli)) == NULL)
    return AXW_EXIT_FAIL;
  if (!axw_suppliers_add (db, s, cli->staff->name, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  g_print (_("Supplier %lld %s added.\n"), (long long) s->id, s->name);
  return AXW_EXIT_OK;
}

static int
suppliers_list (AxwCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  AxwDb *db;

  if ((db = axw_cli_db (cli)) == NULL)
    return AXW_EXIT_FAIL;
  if ((list = axw_suppliers_list (db, &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  for (guint i = 0; i < list->len; i++)
    {
      AxwSupplier *s = g_ptr_array_index (list, i);

      g_print ("%lld\t%s\t%s\t%s\t%s%s\n", (long long) s->id, s->name, s->origin, s->contact,
               s->consignment ? "consignment" : "outright", s->partner ? "\tpartner" : "");
    }
  return AXW_EXIT_OK;
}

/* Text for people, a line each, to --out or stdout; takes @lines. */
static int
emit_lines (const char *out,
            GPtrArray  *lines)
{
  g_autoptr(GPtrArray) owned = lines;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (text, "%s\n", (char *) g_ptr_array_index (lines, i));
  return axw_cli_emit (out, text->str, text->len);
}

/* The 消费扶贫 report: --from, --to, --format text|csv, --out. */
static int
suppliers_report (AxwCli  *cli,
                  int      argc,
                  char   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *from = take_option (&argc, argv, "--from", TRUE);
  const char *to = take_option (&argc, argv, "--to", TRUE);
  const char *format = take_option (&argc, argv, "--format", TRUE);
  const char *out = take_option (&argc, argv, "--out", TRUE);
  AxwDb *db;

  if (argc != 2 || from == NULL || to == NULL || (format && !g_str_equal (format, "csv") &&
                                                  !g_str_equal (format, "text")))
    return -1;
  if ((db = axw_cli_db (cli)) == NULL)
    return AXW_EXIT_FAIL;
  if ((rows = axw_partner_sales (db, from, to, &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  if (g_strcmp0 (format, "csv") == 0)
    {
      g_autofree char *csv = axw_partner_sales_to_csv (rows);

      return axw_cli_emit (out, csv, strlen (csv));
    }
  return emit_lines (out, axw_partner_sales_to_lines (rows, from, to));
}

int
axw_cli_cmd_suppliers (AxwCli  *cli,
                       int      argc,
                       char   **argv)
{
  static const char usage[] =
    N_("Usage: aixinwu suppliers add NAME [--contact TEXT] [--origin COUNTY] [--consignment] [--partner]\n"
       "                              --staff MANAGER   (the manager's PIN on stdin)\n"
       "       aixinwu suppliers list   (id, name, origin, contact, consignment or outright, partner)\n"
       "       aixinwu suppliers report --from DATE --to DATE [--format text|csv] [--out FILE]\n"
       "               sales of partner counties' goods (消费扶贫) by county and product, margins\n"
       "--consignment: 代销, the shop pays for what it sold; --partner: a partner county's (消费扶贫).");
  int rc = -1;

  if (axw_cli_wants_help (argc, argv) || argc < 2)
    return axw_cli_usage (_(usage));
  if (g_str_equal (argv[1], "add"))
    rc = suppliers_add (cli, argc, argv);
  else if (g_str_equal (argv[1], "list") && argc == 2)
    rc = suppliers_list (cli);
  else if (g_str_equal (argv[1], "report"))
    rc = suppliers_report (cli, argc, argv);
  return rc < 0 ? axw_cli_usage (_(usage)) : rc;
}

int
axw_cli_cmd_receive (AxwCli  *cli,
                     int      argc,
                     char   **argv)
{
  static const char usage[] =
    N_("Usage: aixinwu receive FILE.csv --supplier NAME [--date YYYY-MM-DD] --staff MANAGER\n"
       "Columns: barcode or plu, qty (pieces, or kg for goods sold by weight), cost (yuan per\n"
       "piece or kg; the product's cost when missing). The stock goes up by every line, in one\n"
       "transaction: one bad row receives nothing, and the error names the row and the column.");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autofree char *text = NULL;
  const char *supplier = take_option (&argc, argv, "--supplier", TRUE);
  const char *date = take_option (&argc, argv, "--date", TRUE);
  gint64 id = 0, cost = 0;
  gsize len;
  AxwDb *db;

  if (axw_cli_wants_help (argc, argv) || argc != 2 || supplier == NULL)
    return axw_cli_usage (_(usage));
  if (axw_cli_authorize (cli, AXW_CLI_MANAGER, &error) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  if ((text = axw_cli_read_file (argv[1], &len, &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  if ((db = axw_cli_db (cli)) == NULL)
    return AXW_EXIT_FAIL;
  lines = axw_deliveries_parse_csv (db, text, len, &error);
  if (lines == NULL ||
      !axw_deliveries_receive (db, supplier, date, (AxwDeliveryLine *) lines->data, lines->len,
                               cli->staff->name, &id, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  for (guint i = 0; i < lines->len; i++)
    {
      AxwDeliveryLine *l = &g_array_index (lines, AxwDeliveryLine, i);

      cost += axw_mul_div_round (l->unit_cost_fen, l->qty_milli, 1000);
    }
  {
    g_autofree char *total = axw_money_format (cost);

    g_print (_("Delivery %lld received: %u lines, cost ¥%s.\n"), (long long) id, lines->len, total);
  }
  return AXW_EXIT_OK;
}

static int
deliveries_list (AxwCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  AxwDb *db;

  if ((db = axw_cli_db (cli)) == NULL)
    return AXW_EXIT_FAIL;
  if ((list = axw_deliveries_list (db, 1000, &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  for (guint i = 0; i < list->len; i++)
    {
      g_autofree char *line = axw_delivery_describe (g_ptr_array_index (list, i));

      g_print ("%s\n", line);
    }
  return AXW_EXIT_OK;
}

static int
deliveries_return (AxwCli  *cli,
                   int      argc,
                   char   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (AxwDeliveryReturn));
  gint64 delivery, id = 0;
  char *end = NULL;
  AxwDb *db;

  if (argc < 3)
    return -1;
  delivery = g_ascii_strtoll (argv[2], &end, 10);
  if (end == argv[2] || *end != '\0' || delivery <= 0)
    return -1;
  for (int i = 3; i < argc; i++)
    {
      AxwDeliveryReturn item = { 0 };
      const char *star = strchr (argv[i], '*');
      g_autofree char *no = g_strndup (argv[i], star ? (gsize) (star - argv[i]) : strlen (argv[i]));
      guint64 n = 0;

      if (!g_ascii_string_to_unsigned (no, 10, 1, G_MAXUINT, &n, NULL) ||
          (star && !axw_qty_parse (star + 1, &item.qty_milli, NULL)))
        {
          g_printerr (_("“%s” is not LINE or LINE*QTY (line number, quantity in pieces or kg)\n"), argv[i]);
          return AXW_EXIT_USAGE;
        }
      item.line_no = (guint) n;
      g_array_append_val (items, item);
    }
  if (axw_cli_authorize (cli, AXW_CLI_MANAGER, &error) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  if ((db = axw_cli_db (cli)) == NULL)
    return AXW_EXIT_FAIL;
  if (!axw_deliveries_return (db, delivery, (AxwDeliveryReturn *) items->data, items->len,
                              cli->staff->name, &id, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  g_print (_("Return %lld of delivery %lld recorded.\n"), (long long) id, (long long) delivery);
  return AXW_EXIT_OK;
}

int
axw_cli_cmd_deliveries (AxwCli  *cli,
                        int      argc,
                        char   **argv)
{
  static const char usage[] =
    N_("Usage: aixinwu deliveries list   (newest first, returns too)\n"
       "       aixinwu deliveries return N [LINE*QTY ...] --staff MANAGER\n"
       "Sends lines of delivery N back to its supplier (退货) or corrects a delivery typed wrong:\n"
       "the stock goes down. Without lines, all that is left of the delivery goes back.");
  int rc = -1;

  if (axw_cli_wants_help (argc, argv) || argc < 2)
    return axw_cli_usage (_(usage));
  if (g_str_equal (argv[1], "list") && argc == 2)
    rc = deliveries_list (cli);
  else if (g_str_equal (argv[1], "return"))
    rc = deliveries_return (cli, argc, argv);
  return rc < 0 ? axw_cli_usage (_(usage)) : rc;
}

/* The settlement as text, CSV or PDF, to --out or stdout. */
static int
emit_settlement (const AxwSettlement *s,
                 const char          *format,
                 const char          *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *csv = NULL;

  if (g_strcmp0 (format, "csv") == 0)
    {
      csv = axw_settlement_to_csv (s);
      return axw_cli_emit (out, csv, strlen (csv));
    }
  lines = axw_settlement_to_lines (s);
  if (g_strcmp0 (format, "pdf") == 0)
    {
      gsize len;
      const char *data;

      if ((pdf = axw_lines_render_pdf (lines, &error)) == NULL)
        return axw_cli_fail (g_steal_pointer (&error));
      data = g_bytes_get_data (pdf, &len);
      return axw_cli_emit (out, data, len);
    }
  return emit_lines (out, g_steal_pointer (&lines));
}

int
axw_cli_cmd_consignment (AxwCli  *cli,
                         int      argc,
                         char   **argv)
{
  static const char usage[] =
    N_("Usage: aixinwu consignment preview --supplier NAME --from DATE --to DATE [--format text|csv|pdf] [--out FILE]\n"
       "       aixinwu consignment settle --supplier NAME --from DATE --to DATE --staff MANAGER [--format …] [--out FILE]\n"
       "       aixinwu consignment show N [--format text|csv|pdf] [--out FILE]\n"
       "What the shop owes a consignment (代销) supplier for the goods sold in the period, at the cost\n"
       "each line had when sold, refunds taken off in the period they were made. settle numbers it and\n"
       "marks its lines, so no sale is settled twice; settling again only takes lines not settled yet.");
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwSettlement) s = NULL;
  const char *supplier = take_option (&argc, argv, "--supplier", TRUE);
  const char *from = take_option (&argc, argv, "--from", TRUE);
  const char *to = take_option (&argc, argv, "--to", TRUE);
  const char *format = take_option (&argc, argv, "--format", TRUE);
  const char *out = take_option (&argc, argv, "--out", TRUE);
  gboolean settle = argc == 2 && g_str_equal (argv[1], "settle");
  AxwDb *db;

  if (axw_cli_wants_help (argc, argv) || argc < 2 ||
      (format && !g_str_equal (format, "text") && !g_str_equal (format, "csv") && !g_str_equal (format, "pdf")))
    return axw_cli_usage (_(usage));
  if (g_str_equal (argv[1], "show") && argc == 3)
    {
      gint64 number = g_ascii_strtoll (argv[2], NULL, 10);

      if ((db = axw_cli_db (cli)) == NULL)
        return AXW_EXIT_FAIL;
      if ((s = axw_consignment_get (db, number, &error)) == NULL)
        return axw_cli_fail (g_steal_pointer (&error));
      return emit_settlement (s, format, out);
    }
  if (!(settle || (argc == 2 && g_str_equal (argv[1], "preview"))) || !supplier || !from || !to)
    return axw_cli_usage (_(usage));
  if (settle && axw_cli_authorize (cli, AXW_CLI_MANAGER, &error) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  if ((db = axw_cli_db (cli)) == NULL)
    return AXW_EXIT_FAIL;
  s = settle ? axw_consignment_settle (db, supplier, from, to, cli->staff->name, &error)
             : axw_consignment_preview (db, supplier, from, to, &error);
  if (s == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  return emit_settlement (s, format, out);
}
