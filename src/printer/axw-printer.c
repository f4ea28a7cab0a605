/* axw-printer.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include "axw-printer.h"

#include "axw-escpos.h"

#define TCP_TIMEOUT_S 5
#define RAW_PORT 9100

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
send_tcp (const char   *address,
          GBytes       *bytes,
          GCancellable *cancellable,
          GError      **error)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) conn = NULL;
  g_autoptr(GError) local = NULL;
  GOutputStream *out;
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  g_socket_client_set_timeout (client, TCP_TIMEOUT_S);
  /* A printer sits on the shop's own network: never through a proxy. */
  g_socket_client_set_enable_proxy (client, FALSE);
  conn = g_socket_client_connect_to_host (client, address, RAW_PORT, cancellable, &local);
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
parse_usb_ids (const char *spec,
               guint16    *vendor_id,
               guint16    *product_id,
               GError    **error)
{
  g_auto(GStrv) parts = NULL;
  guint64 v = 0, p = 0;

  *vendor_id = *product_id = 0;
  if (g_str_equal (spec, "usb"))
    return TRUE;
  parts = g_strsplit (spec + 4, ":", -1);
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 16, 1, 0xFFFF, &v, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 16, 0, 0xFFFF, &p, NULL))
    {
      g_set_error (error, AXW_PRINTER_ERROR, AXW_PRINTER_ERROR_BAD_TARGET,
                   _("“%s” is not a USB printer. Write usb, or usb:VID:PID in hex like usb:0416:5011."),
                   spec);
      return FALSE;
    }
  *vendor_id = (guint16) v;
  *product_id = (guint16) p;
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
send_usb (const char *spec,
          GBytes     *bytes,
          GError    **error)
{
  g_autoptr(AxwUsbPrinter) printer = NULL;
  guint16 vid, pid;
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  if (!parse_usb_ids (spec, &vid, &pid, error))
    return FALSE;
  printer = axw_usb_printer_open (vid, pid, error);
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
  g_return_val_if_fail (target != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  if (g_str_has_prefix (target, "file:") && target[5] != '\0')
    return send_file (target + 5, bytes, cancellable, error);
  if (g_str_has_prefix (target, "tcp://") && target[6] != '\0')
    return send_tcp (target + 6, bytes, cancellable, error);
  if (g_str_equal (target, "usb") || g_str_has_prefix (target, "usb:"))
    return send_usb (target, bytes, error);
  g_set_error (error, AXW_PRINTER_ERROR, AXW_PRINTER_ERROR_BAD_TARGET,
               _("“%s” is not a printer. Write usb, usb:VID:PID, tcp://HOST:9100 or file:PATH."),
               target);
  return FALSE;
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
