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

static int
suppliers_add (AxwCli  *cli,
               int      argc,
               char   **argv)
{
  g_autoptr(AxwSupplier) s = axw_supplier_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *origin = NULL;
  const GOptionEntry entries[] = {
    { "contact", 0, 0, G_OPTION_ARG_STRING, &contact, N_("How to reach them"), N_("TEXT") },
    { "origin", 0, 0, G_OPTION_ARG_STRING, &origin, N_("Where their goods come from"),
      N_("COUNTY") },
    { "consignment", 0, 0, G_OPTION_ARG_NONE, &s->consignment,
      N_("On consignment (代销): paid for what sold"), NULL },
    { "partner", 0, 0, G_OPTION_ARG_NONE, &s->partner,
      N_("A partner county's supplier (消费扶贫)"), NULL },
    { NULL }
  };
  AxwDb *db;
  int rc;

  if (!axw_cli_parse (cli, entries, &argc, &argv, &rc))
    return rc;
  g_free (s->name);
  s->name = g_strdup (argv[1]);
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

static char *
describe_supplier (AxwDb         *db,
                   gconstpointer  row)
{
  const AxwSupplier *s = row;

  return g_strdup_printf ("%lld\t%s\t%s\t%s\t%s%s", (long long) s->id, s->name, s->origin,
                          s->contact, s->consignment ? "consignment" : "outright",
                          s->partner ? "\tpartner" : "");
}

static int
suppliers_list (AxwCli  *cli,
                int      argc,
                char   **argv)
{
  return axw_cli_list (cli, argc, argv, axw_suppliers_list, describe_supplier);
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

/* --from, --to, --format, --out: the options of the files goods in writes. */
typedef struct {
  char *supplier, *from, *to, *format, *out;
} FileArgs;

static void
file_args_clear (FileArgs *a)
{
  g_free (a->supplier);
  g_free (a->from);
  g_free (a->to);
  g_free (a->format);
  g_free (a->out);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FileArgs, file_args_clear)

static gboolean
parse_file_args (AxwCli             *cli,
                 const char         *names,
                 gboolean            pdf,
                 FileArgs           *a,
                 int                *argc,
                 char             ***argv,
                 int                *rc)
{
  const GOptionEntry all[] = {
    { "supplier", 0, 0, G_OPTION_ARG_STRING, &a->supplier, N_("The supplier"), N_("NAME") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &a->from, N_("The first business date"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &a->to, N_("The last business date"), N_("DATE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &a->format,
      N_("text (the default), csv or pdf (settlements)"), N_("FORMAT") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &a->out,
      N_("Write to FILE (default: standard output)"), N_("FILE") },
  };

  if (!axw_cli_parse_some (cli, all, G_N_ELEMENTS (all), names, argc, argv, rc))
    return FALSE;
  if (a->format == NULL || g_str_equal (a->format, "text") || g_str_equal (a->format, "csv") ||
      (pdf && g_str_equal (a->format, "pdf")))
    return TRUE;
  *rc = axw_cli_usage (cli);
  return FALSE;
}

/* The 消费扶贫 report: --from, --to, --format text|csv, --out. */
static int
suppliers_report (AxwCli  *cli,
                  int      argc,
                  char   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(FileArgs) a = { 0 };
  AxwDb *db;
  int rc;

  if (!parse_file_args (cli, "from to format out", FALSE, &a,
                        &argc, &argv, &rc))
    return rc;
  if (a.from == NULL || a.to == NULL)
    return axw_cli_usage (cli);
  if ((db = axw_cli_db (cli)) == NULL)
    return AXW_EXIT_FAIL;
  if ((rows = axw_partner_sales (db, a.from, a.to, &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  if (g_strcmp0 (a.format, "csv") == 0)
    {
      g_autofree char *csv = axw_partner_sales_to_csv (rows);

      return axw_cli_emit (a.out, csv, strlen (csv));
    }
  return emit_lines (a.out, axw_partner_sales_to_lines (rows, a.from, a.to));
}

const AxwCliSpec axw_cli_suppliers[] = {
  { "add", suppliers_add, N_("NAME"), N_("Adds a supplier, as a manager."),
    N_("--consignment: 代销, the shop pays for what it sold; --partner: a partner county's (消费扶"
       "贫)."),
    1, 1 },
  { "list", suppliers_list, NULL,
    N_("Lists the suppliers: id, name, origin, contact, consignment or outright, partner.") },
  { "report", suppliers_report, NULL,
    N_("Sales of partner counties' goods (消费扶贫) by county and product, with margins "
       "(--from, --to; --format text or csv).") },
  { NULL }
};


int
axw_cli_cmd_receive (AxwCli  *cli,
                     int      argc,
                     char   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autofree char *text = NULL;
  g_autofree char *supplier = NULL;
  g_autofree char *date = NULL;
  const GOptionEntry entries[] = {
    { "supplier", 0, 0, G_OPTION_ARG_STRING, &supplier, N_("Who delivered (required)"),
      N_("NAME") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The delivery's date (default: today)"),
      N_("YYYY-MM-DD") },
    { NULL }
  };
  gint64 id = 0, cost = 0;
  gsize len;
  AxwDb *db;
  int rc;

  if (!axw_cli_parse (cli, entries, &argc, &argv, &rc))
    return rc;
  if (supplier == NULL)
    return axw_cli_usage (cli);
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

static GPtrArray *
list_deliveries (AxwDb   *db,
                 GError **error)
{
  return axw_deliveries_list (db, 1000, error);
}

static char *
describe_delivery (AxwDb         *db,
                   gconstpointer  delivery)
{
  return axw_delivery_describe (delivery);
}

static int
deliveries_list (AxwCli  *cli,
                 int      argc,
                 char   **argv)
{
  return axw_cli_list (cli, argc, argv, list_deliveries, describe_delivery);
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
  int rc;

  if (!axw_cli_parse (cli, NULL, &argc, &argv, &rc))
    return rc;
  delivery = g_ascii_strtoll (argv[1], &end, 10);
  if (end == argv[1] || *end != '\0' || delivery <= 0)
    return axw_cli_usage (cli);
  for (int i = 2; i < argc; i++)
    {
      AxwDeliveryReturn item = { 0 };
      const char *star = strchr (argv[i], '*');
      g_autofree char *no = g_strndup (argv[i], star ? (gsize) (star - argv[i]) : strlen (argv[i]));
      guint64 n = 0;

      if (!g_ascii_string_to_unsigned (no, 10, 1, G_MAXUINT, &n, NULL) ||
          (star && !axw_qty_parse (star + 1, &item.qty_milli, NULL)))
        {
          g_printerr (_("“%s” is not LINE or LINE*QTY (line number, quantity in pieces or kg)\n"),
                      argv[i]);
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

const AxwCliSpec axw_cli_deliveries[] = {
  { "list", deliveries_list, NULL, N_("Lists the deliveries, newest first, returns too.") },
  { "return", deliveries_return, N_("N [LINE*QTY…]"),
    N_("Sends lines of delivery N back to its supplier (退货), or corrects a delivery typed "
       "wrong, as a manager: the stock goes down."),
    N_("Without lines, all that is left of the delivery goes back."), 1, -1 },
  { NULL }
};


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

static const char consignment_about[] =
  N_("What the shop owes a consignment (代销) supplier for the goods sold in the period, at the\n"
     "cost each line had when sold, refunds taken off in the period they were made. settle\n"
     "numbers it and marks its lines, so no sale is settled twice; settling again only takes\n"
     "lines not settled yet.");

static int
consignment_show (AxwCli  *cli,
                  int      argc,
                  char   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwSettlement) s = NULL;
  g_auto(FileArgs) a = { 0 };
  AxwDb *db;
  int rc;

  if (!parse_file_args (cli, "format out", TRUE, &a, &argc, &argv, &rc))
    return rc;
  if ((db = axw_cli_db (cli)) == NULL)
    return AXW_EXIT_FAIL;
  if ((s = axw_consignment_get (db, g_ascii_strtoll (argv[1], NULL, 10), &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  return emit_settlement (s, a.format, a.out);
}

static int
consignment_settle (AxwCli  *cli,
                    int      argc,
                    char   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwSettlement) s = NULL;
  g_auto(FileArgs) a = { 0 };
  gboolean settle = g_str_equal (argv[0], "settle");
  AxwDb *db;
  int rc;

  if (!parse_file_args (cli, "supplier from to format out",
                        TRUE, &a, &argc, &argv, &rc))
    return rc;
  if (a.supplier == NULL || a.from == NULL || a.to == NULL)
    return axw_cli_usage (cli);
  if (settle && axw_cli_authorize (cli, AXW_CLI_MANAGER, &error) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  if ((db = axw_cli_db (cli)) == NULL)
    return AXW_EXIT_FAIL;
  s = settle ? axw_consignment_settle (db, a.supplier, a.from, a.to, cli->staff->name, &error)
             : axw_consignment_preview (db, a.supplier, a.from, a.to, &error);
  if (s == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  return emit_settlement (s, a.format, a.out);
}

const AxwCliSpec axw_cli_consignment[] = {
  { "preview", consignment_settle, NULL,
    N_("What the shop owes a supplier for the period (--supplier, --from, --to); marks nothing."),
    consignment_about },
  { "settle", consignment_settle, NULL,
    N_("Settles with a supplier for the period (--supplier, --from, --to), as a manager."),
    consignment_about },
  { "show", consignment_show, N_("N"), N_("Shows settlement N again."), NULL, 1, 1 },
  { NULL }
};

