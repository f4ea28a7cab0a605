/* axw-printer.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>
#include "axw-printer.h"

#include "axw-escpos.h"
#include "axw-printer-target.h"

#define TCP_TIMEOUT_S 5

static gboolean
send_file (const char   *path,
           GBytes       *bytes,
           GCancellable *cancellable,
           GError      **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) local = NULL;
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  /* Append, so that a device node (/dev/usb/lp0) is opened for writing
   * as it is, never replaced. */
  out = g_file_append_to (file, G_FILE_CREATE_NONE, cancellable, &local);
  if (out == NULL || !g_output_stream_write_all (G_OUTPUT_STREAM (out), data, len, NULL,
                                                 cancellable, &local) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &local))
    {
      g_set_error (error, AXW_PRINTER_ERROR, AXW_PRINTER_ERROR_IO,
                   _("Could not write the receipt to %s: %s"), path, local->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
send_tcp (const char   *host,
          guint16       port,
          GBytes       *bytes,
          GCancellable *cancellable,
          GError      **error)
{
  g_autofree char *address = strchr (host, ':') ? g_strdup_printf ("[%s]:%u", host, port)
                                                : g_strdup_printf ("%s:%u", host, port);
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) conn = NULL;
  g_autoptr(GError) local = NULL;
  GOutputStream *out;
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  g_socket_client_set_timeout (client, TCP_TIMEOUT_S);
  /* A printer sits on the shop's own network: never through a proxy. */
  g_socket_client_set_enable_proxy (client, FALSE);
  conn = g_socket_client_connect_to_host (client, address, port, cancellable, &local);
  if (conn == NULL)
    {
      g_set_error (error, AXW_PRINTER_ERROR, AXW_PRINTER_ERROR_IO,
                   _("Could not reach the network printer %s: %s. Check that it is on and "
                   "its address is right."), address, local->message);
      return FALSE;
    }
  out = g_io_stream_get_output_stream (G_IO_STREAM (conn));
  if (!g_output_stream_write_all (out, data, len, NULL, cancellable, &local) ||
      !g_io_stream_close (G_IO_STREAM (conn), cancellable, &local))
    {
      g_set_error (error, AXW_PRINTER_ERROR, AXW_PRINTER_ERROR_IO,
                   _("The network printer %s stopped taking the receipt: %s"), address,
                   local->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_status (AxwUsbPrinter *printer,
              GError       **error)
{
  GError *local = NULL;
  AxwPrinterStatus status = axw_usb_printer_status (printer, &local);

  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  switch (status)
    {
    case AXW_PRINTER_STATUS_UNKNOWN:
      return TRUE;
    case AXW_PRINTER_STATUS_READY:
    case AXW_PRINTER_STATUS_PAPER_NEAR_END:
      return TRUE;
    case AXW_PRINTER_STATUS_PAPER_OUT:
    case AXW_PRINTER_STATUS_COVER_OPEN:
    case AXW_PRINTER_STATUS_OFFLINE:
    default:
      g_set_error (error, AXW_PRINTER_ERROR, AXW_PRINTER_ERROR_IO,
                   _("The receipt printer reports: %s. Fix it, then print again."),
                   axw_printer_status_describe (status));
      return FALSE;
    }
}

static gboolean
send_usb (const AxwPrinterTarget *target,
          GBytes                 *bytes,
          GError                **error)
{
  g_autoptr(AxwUsbPrinter) printer = NULL;
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  printer = axw_usb_printer_open (target->vendor_id, target->product_id, error);
  if (printer == NULL)
    return FALSE;
  if (!check_status (printer, error))
    return FALSE;
  return axw_usb_printer_write (printer, data, len, error);
}

/**
 * axw_printer_send:
 * @target: "usb", "usb:VVVV:PPPP", "tcp://HOST[:PORT]" or "file:PATH"
 *
 * Blocks until the printer took every byte: call it from a worker thread,
 * or use axw_printer_send_async().
 */
gboolean
axw_printer_send (const char    *target,
                  GBytes        *bytes,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_auto(AxwPrinterTarget) where = { 0 };
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (target != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  /* the parser that checked the setting: what it accepts, this can use */
  if (!axw_printer_target_parse (target, &where, &local))
    {
      g_set_error_literal (error, AXW_PRINTER_ERROR, AXW_PRINTER_ERROR_BAD_TARGET, local->message);
      return FALSE;
    }
  switch (where.kind)
    {
    case AXW_PRINTER_TARGET_FILE:
      return send_file (where.path, bytes, cancellable, error);
    case AXW_PRINTER_TARGET_TCP:
      return send_tcp (where.host, where.port, bytes, cancellable, error);
    case AXW_PRINTER_TARGET_USB:
    default:
      return send_usb (&where, bytes, error);
    }
}

typedef struct {
  char   *target;
  GBytes *bytes;
} SendData;

static void
send_data_free (SendData *d)
{
  g_free (d->target);
  g_bytes_unref (d->bytes);
  g_free (d);
}

static void
send_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SendData *d = task_data;
  GError *error = NULL;

  if (axw_printer_send (d->target, d->bytes, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
axw_printer_send_async (const char          *target,
                        GBytes              *bytes,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  SendData *d = g_new0 (SendData, 1);

  d->target = g_strdup (target);
  d->bytes = g_bytes_ref (bytes);
  g_task_set_source_tag (task, axw_printer_send_async);
  g_task_set_task_data (task, d, (GDestroyNotify) send_data_free);
  g_task_run_in_thread (task, send_thread);
}

gboolean
axw_printer_send_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
