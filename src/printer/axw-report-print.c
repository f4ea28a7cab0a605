/* axw-report-print.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "axw-report-print.h"

#include "axw-escpos.h"
#include "axw-print-queue.h"
#include "axw-printer.h"
#include "axw-receipt.h"
#include "axw-settings.h"

static void
add_item (GPtrArray          *items,
          AxwReceiptItemKind  kind,
          const char         *text)
{
  AxwReceiptItem *item = g_new0 (AxwReceiptItem, 1);

  item->kind = kind;
  item->text = g_strdup (text);
  item->align = AXW_RECEIPT_LEFT;
  item->size = 1;
  g_ptr_array_add (items, item);
}

/**
 * axw_report_print_encode:
 * @width_mm: 58 or 80
 *
 * The report's receipt-printer lines (axw_report_to_lines() with the
 * paper's columns) in GB18030 through the receipt encoder, fed and cut.
 *
 * Returns: (transfer full): the ESC/POS bytes, or %NULL with @error
 */
GBytes *
axw_report_print_encode (const AxwReport  *report,
                         guint             width_mm,
                         GError          **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) axw_receipt_item_free);

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (width_mm == 58 || width_mm == 80, NULL);

  lines = axw_report_to_lines (report, (int) axw_receipt_columns_for_width (width_mm), TRUE);
  for (guint i = 0; i < lines->len; i++)
    add_item (items, AXW_RECEIPT_TEXT, g_ptr_array_index (lines, i));
  add_item (items, AXW_RECEIPT_FEED, NULL);
  add_item (items, AXW_RECEIPT_CUT, NULL);
  return axw_escpos_encode (items, width_mm, NULL, error);
}

static char *
printer_of (AxwDb      *db,
            const char *printer)
{
  return printer != NULL ? g_strdup (printer) : axw_settings_get (db, "printer");
}

/**
 * axw_report_print:
 * @printer: (nullable): a printer target; %NULL for the "printer" setting
 * @width_mm: 58 or 80, or 0 for the receipt.width setting
 *
 * Blocks until the printer took the report: call it from a worker thread
 * or the CLI, or use axw_report_print_async().
 */
gboolean
axw_report_print (AxwDb            *db,
                  const AxwReport  *report,
                  const char       *printer,
                  guint             width_mm,
                  GError          **error)
{
  g_autofree char *target = printer_of (db, printer);
  g_autoptr(GBytes) bytes = axw_report_print_encode (report, axw_print_queue_width (db, width_mm),
                                                     error);

  return bytes != NULL && axw_printer_send (target, bytes, NULL, error);
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (axw_printer_send_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Encodes on the calling thread (a few milliseconds); the printer is
 * waited for in a worker thread. */
void
axw_report_print_async (AxwDb               *db,
                        const AxwReport     *report,
                        const char          *printer,
                        guint                width_mm,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *target = printer_of (db, printer);
  GError *error = NULL;
  g_autoptr(GBytes) bytes = axw_report_print_encode (report, axw_print_queue_width (db, width_mm),
                                                     &error);

  g_task_set_source_tag (task, axw_report_print_async);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  axw_printer_send_async (target, bytes, cancellable, sent_cb, g_steal_pointer (&task));
}

gboolean
axw_report_print_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
