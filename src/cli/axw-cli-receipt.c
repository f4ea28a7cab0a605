/* axw-cli-receipt.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `aixinwu receipt` and `aixinwu printers`: print or preview a receipt,
 * list USB printers, print a test page, show and retry the print queue.
 */
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "axw-audit.h"
#include "axw-checkout.h"
#include "axw-sales.h"
#include "axw-cli.h"
#include "axw-error.h"
#include "axw-escpos.h"
#include "axw-print-queue.h"
#include "axw-printer.h"
#include "axw-receipt-render.h"
#include "axw-receipt.h"
#include "axw-settings.h"

typedef struct {
  char       *printer;
  char       *png;
  char       *width;
  guint       width_mm;
  gboolean    donation;
} ReceiptArgs;

static void
receipt_args_clear (ReceiptArgs *a)
{
  g_free (a->printer);
  g_free (a->png);
  g_free (a->width);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReceiptArgs, receipt_args_clear)

/* The options of receipt and printers, in one table: each takes @names. */
static gboolean
parse_receipt (AxwCli             *cli,
               const char         *names,
               ReceiptArgs        *a,
               int                *argc,
               char             ***argv,
               int                *rc)
{
  const GOptionEntry all[] = {
    { "printer", 0, 0, G_OPTION_ARG_STRING, &a->printer,
      N_("The printer (default: the printer setting)"),
      N_("usb|usb:VID:PID|tcp://HOST:PORT|file:PATH") },
    { "png", 0, 0, G_OPTION_ARG_FILENAME, &a->png,
      N_("Draw it to FILE instead (and print too only when --printer is given)"), N_("FILE") },
    { "width", 0, 0, G_OPTION_ARG_STRING, &a->width,
      N_("The paper's width (default: the receipt.width setting)"), N_("58|80") },
    { "donation", 0, 0, G_OPTION_ARG_NONE, &a->donation,
      N_("The sale's donation receipt (捐赠收据) instead, with its own number"), NULL },
  };
  g_autoptr(GError) error = NULL;

  if (!axw_cli_parse_some (cli, all, G_N_ELEMENTS (all), names, argc, argv, rc))
    return FALSE;
  if (a->width != NULL && !g_str_equal (a->width, "58") && !g_str_equal (a->width, "80"))
    {
      g_set_error (&error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("The paper width is 58 or 80 (mm), not “%s”"), a->width);
      *rc = axw_cli_fail (g_steal_pointer (&error));
      return FALSE;
    }
  a->width_mm = a->width ? (guint) atoi (a->width) : 0;
  return TRUE;
}

static char *
printer_of (AxwDb       *db,
            const char  *printer)
{
  return printer != NULL ? g_strdup (printer) : axw_settings_get (db, "printer");
}

/* Prints what waits in the queue; a failure stays queued, with its reason. */
static int
run_queue (AxwDb      *db,
           const char *printer)
{
  g_autofree char *target = printer_of (db, printer);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) left = NULL;
  guint done = 0, failed = 0;

  if (!axw_print_queue_run (db, target, &done, &failed, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  g_print (_("%u printed, %u failed.\n"), done, failed);
  if (failed == 0)
    return AXW_EXIT_OK;
  left = axw_print_queue_list (db, TRUE, &error);
  for (guint i = 0; left != NULL && i < left->len; i++)
    {
      AxwPrintJob *job = left->pdata[i];

      if (g_str_equal (job->status, "failed"))
        g_printerr (_("aixinwu: receipt %s not printed (kept for retry): %s\n"),
                    job->receipt_no ? job->receipt_no : "?", job->last_error);
    }
  return AXW_EXIT_FAIL;
}

/* The copy alone: other receipts waiting in the queue stay there. */
static int
print_copy (AxwCli        *cli,
            AxwDb         *db,
            const AxwSale *sale,
            ReceiptArgs   *a)
{
  g_autofree char *target = printer_of (db, a->printer);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) left = NULL;
  AxwStaff *staff;
  guint waiting = 0;
  gint64 job;

  if ((staff = axw_cli_authorize (cli, AXW_CLI_STAFF, &error)) == NULL ||
      (job = axw_print_queue_reprint (db, sale, staff->name, &error)) == 0)
    return axw_cli_fail (g_steal_pointer (&error));
  if (!axw_print_queue_run_job (db, job, target, &error))
    {
      g_printerr (_("aixinwu: receipt %s not printed (kept for retry): %s\n"), sale->receipt_no,
                  error->message);
      return AXW_EXIT_FAIL;
    }
  g_print (_("A copy of receipt %s was printed, marked as a reprint.\n"), sale->receipt_no);
  left = axw_print_queue_list (db, TRUE, NULL);
  waiting = left != NULL ? left->len : 0;
  if (waiting > 0)
    g_print (g_dngettext (NULL, "%u other receipt waits in the queue and was not printed: "
                                "aixinwu printers retry prints it.\n",
                          "%u other receipts wait in the queue and were not printed: "
                          "aixinwu printers retry prints them.\n", waiting), waiting);
  return AXW_EXIT_OK;
}

/* The donation receipt a donor asked for (docs/design.md §15): printed at
 * once, audited, never a drawer kick. */
static int
donation_receipt (AxwCli        *cli,
                  AxwDb         *db,
                  const AxwSale *sale,
                  ReceiptArgs   *a)
{
  g_autofree char *target = printer_of (db, a->printer);
  g_autofree char *number = axw_receipt_donation_number (sale);
  g_autofree char *detail = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint width = axw_print_queue_width (db, a->width_mm);
  AxwStaff *staff;

  if (sale->is_refund || sale->donation_fen <= 0)
    {
      g_set_error (&error, AXW_ERROR, AXW_ERROR_NOT_FOUND, _("Sale %s has no donation."),
                   sale->receipt_no);
      return axw_cli_fail (g_steal_pointer (&error));
    }
  items = axw_print_queue_donation_layout (db, sale, width);
  if (a->png != NULL && !axw_receipt_render_png (items, width, a->png, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  if (a->png != NULL && a->printer == NULL)
    return AXW_EXIT_OK;
  detail = g_strdup_printf ("%s %s", number, sale->receipt_no);
  if ((staff = axw_cli_authorize (cli, AXW_CLI_STAFF, &error)) == NULL ||
      (bytes = axw_escpos_encode (items, width, NULL, &error)) == NULL ||
      !axw_printer_send (target, bytes, NULL, &error) ||
      !axw_audit_append (db, staff->name, "receipt.donation", detail, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  g_print (_("Donation receipt %s printed.\n"), number);
  return AXW_EXIT_OK;
}

int
axw_cli_cmd_receipt (AxwCli  *cli,
                     int      argc,
                     char   **argv)
{
  g_auto(ReceiptArgs) a = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwSale) sale = NULL;
  AxwDb *db;
  int rc;

  if (!parse_receipt (cli, "printer png width donation", &a, &argc, &argv, &rc))
    return rc;
  if ((db = axw_cli_db (cli)) == NULL)
    return AXW_EXIT_FAIL;
  if ((sale = axw_sales_load (db, argv[1], &error)) == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  if (a.donation)
    return donation_receipt (cli, db, sale, &a);
  if (a.png != NULL)
    {
      guint width = axw_print_queue_width (db, a.width_mm);
      guint copy = axw_print_queue_next_copy (db, sale->id, &error);
      g_autoptr(GPtrArray) items = NULL;

      if (copy == G_MAXUINT)
        return axw_cli_fail (g_steal_pointer (&error));
      items = axw_print_queue_layout (db, sale, width, copy);
      if (!axw_receipt_render_png (items, width, a.png, &error))
        return axw_cli_fail (g_steal_pointer (&error));
      if (a.printer == NULL)
        return AXW_EXIT_OK;
    }
  return print_copy (cli, db, sale, &a);
}

static int
list_usb (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = axw_usb_printer_list (&error);

  if (list == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  if (list->len == 0)
    g_print (_("No USB receipt printer found. Check the cable and the power.\n"));
  for (guint i = 0; i < list->len; i++)
    {
      AxwUsbPrinterInfo *p = list->pdata[i];

      g_print ("usb:%04x:%04x\tbus %u device %u\t%s\t%s\n", p->vendor_id, p->product_id,
               p->bus, p->address, p->protocol >= 2 ? _("two-way") : _("one-way"),
               p->description);
    }
  return AXW_EXIT_OK;
}

static int
test_page (AxwDb       *db,
           ReceiptArgs *a)
{
  g_autofree char *target = printer_of (db, a->printer);
  g_autofree char *name = axw_settings_get (db, "shop.name");
  g_autofree char *url = axw_settings_get (db, "receipt.qr_url");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GBytes) bytes = NULL;
  AxwReceiptSettings s = { name, NULL, NULL, url, axw_print_queue_width (db, a->width_mm), 0 };

  items = axw_receipt_test_page (&s);
  if (a->png != NULL && !axw_receipt_render_png (items, s.width_mm, a->png, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  if (a->png != NULL && a->printer == NULL)
    return AXW_EXIT_OK;
  bytes = axw_escpos_encode (items, s.width_mm, NULL, &error);
  if (bytes == NULL || !axw_printer_send (target, bytes, NULL, &error))
    return axw_cli_fail (g_steal_pointer (&error));
  g_print (_("Test page sent to %s.\n"), target);
  return AXW_EXIT_OK;
}

static int
list_queue (AxwDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) jobs = axw_print_queue_list (db, TRUE, &error);

  if (jobs == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  for (guint i = 0; i < jobs->len; i++)
    {
      AxwPrintJob *j = jobs->pdata[i];

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%d\t%s\n", j->id, j->receipt_no ? j->receipt_no : "",
               j->status, j->attempts, j->last_error ? j->last_error : "");
    }
  return AXW_EXIT_OK;
}

static int
retry_failed (AxwDb       *db,
              ReceiptArgs *a)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) jobs = axw_print_queue_list (db, TRUE, &error);

  if (jobs == NULL)
    return axw_cli_fail (g_steal_pointer (&error));
  for (guint i = 0; i < jobs->len; i++)
    {
      AxwPrintJob *j = jobs->pdata[i];

      if (g_str_equal (j->status, "failed") && !axw_print_queue_retry (db, j->id, &error))
        return axw_cli_fail (g_steal_pointer (&error));
    }
  return run_queue (db, a->printer);
}

int
axw_cli_cmd_printers (AxwCli  *cli,
                      int      argc,
                      char   **argv)
{
  g_auto(ReceiptArgs) a = { 0 };
  const char *verb;
  AxwDb *db;
  int rc;

  if (!parse_receipt (cli, "printer png width", &a, &argc, &argv, &rc))
    return rc;
  if (argc < 2)
    return list_usb ();
  verb = argv[1];
  if (!g_str_equal (verb, "test") && !g_str_equal (verb, "queue") && !g_str_equal (verb, "retry"))
    return axw_cli_usage (cli);
  if ((db = axw_cli_db (cli)) == NULL)
    return AXW_EXIT_FAIL;
  if (g_str_equal (verb, "test"))
    return test_page (db, &a);
  if (g_str_equal (verb, "queue"))
    return list_queue (db);
  return retry_failed (db, &a);
}
