/* axw-printer-target.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "axw-error.h"
#include "axw-printer-target.h"

static gboolean
is_host_name (const char *host)
{
  if (*host == '\0' || strlen (host) > 253 || *host == '-' || *host == '.')
    return FALSE;
  for (const char *c = host; *c; c++)
    if (!g_ascii_isalnum (*c) && *c != '-' && *c != '.')
      return FALSE;
  return TRUE;
}

/* HOST, HOST:PORT, [IPV6] or [IPV6]:PORT. */
static gboolean
parse_address (const char        *text,
               AxwPrinterTarget  *out)
{
  g_autofree char *host = NULL;
  const char *port = NULL;
  guint64 p = AXW_PRINTER_RAW_PORT;

  if (*text == '[')
    {
      const char *end = strchr (text, ']');

      if (end == NULL || (end[1] != '\0' && end[1] != ':'))
        return FALSE;
      host = g_strndup (text + 1, (gsize) (end - text - 1));
      if (!g_hostname_is_ip_address (host) || strchr (host, ':') == NULL)
        return FALSE;
      port = end[1] == ':' ? end + 2 : NULL;
    }
  else
    {
      const char *colon = strchr (text, ':');

      host = colon ? g_strndup (text, (gsize) (colon - text)) : g_strdup (text);
      port = colon ? colon + 1 : NULL;
      if (!is_host_name (host))
        return FALSE;
    }
  if (port != NULL && !g_ascii_string_to_unsigned (port, 10, 1, 65535, &p, NULL))
    return FALSE;
  out->host = g_steal_pointer (&host);
  out->port = (guint16) p;
  return TRUE;
}

static gboolean
parse_usb (const char        *text,
           AxwPrinterTarget  *out)
{
  g_auto(GStrv) parts = NULL;
  guint64 v = 0, p = 0;

  if (g_str_equal (text, "usb"))
    return TRUE;
  parts = g_strsplit (text + 4, ":", -1);
  if (g_strv_length (parts) != 2 || strlen (parts[0]) > 4 || strlen (parts[1]) > 4 ||
      !g_ascii_string_to_unsigned (parts[0], 16, 1, 0xFFFF, &v, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 16, 0, 0xFFFF, &p, NULL))
    return FALSE;
  out->vendor_id = (guint16) v;
  out->product_id = (guint16) p;
  return TRUE;
}

static gboolean
is_path (const char *path)
{
  if (*path != '/' || !g_utf8_validate (path, -1, NULL))
    return FALSE;
  for (const char *c = path; *c; c++)
    if ((guchar) *c < 0x20 || *c == 0x7f)
      return FALSE;
  return TRUE;
}

/**
 * axw_printer_target_parse:
 * @text: `usb`, `usb:VVVV:PPPP` (hex), `tcp://HOST[:PORT]` (port 9100 when
 *   left out) or `file:/ABSOLUTE/PATH`
 * @out: (out caller-allocates): the target; clear it with
 *   axw_printer_target_clear()
 *
 * Returns: %FALSE with @error (%AXW_ERROR_INVALID) saying how to write one
 */
gboolean
axw_printer_target_parse (const char        *text,
                          AxwPrinterTarget  *out,
                          GError           **error)
{
  gboolean ok = FALSE;

  g_return_val_if_fail (text != NULL && out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  if (g_str_equal (text, "usb") || g_str_has_prefix (text, "usb:"))
    {
      out->kind = AXW_PRINTER_TARGET_USB;
      ok = parse_usb (text, out);
    }
  else if (g_str_has_prefix (text, "tcp://"))
    {
      out->kind = AXW_PRINTER_TARGET_TCP;
      ok = parse_address (text + strlen ("tcp://"), out);
    }
  else if (g_str_has_prefix (text, "file:"))
    {
      out->kind = AXW_PRINTER_TARGET_FILE;
      ok = is_path (text + strlen ("file:"));
      if (ok)
        out->path = g_strdup (text + strlen ("file:"));
    }
  if (ok)
    return TRUE;
  axw_printer_target_clear (out);
  g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
               _("“%s” is not a printer. Write usb, usb:VID:PID in hex (usb:0416:5011), "
                 "tcp://HOST:9100 or "
                 "file:/PATH."), text);
  return FALSE;
}

void
axw_printer_target_clear (AxwPrinterTarget *target)
{
  g_clear_pointer (&target->host, g_free);
  g_clear_pointer (&target->path, g_free);
}
