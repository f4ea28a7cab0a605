/* fuzz-settings.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A setting typed by anyone (the manager's Settings page, `settings set`):
 * the first byte picks the key, the rest is the value. A refused value
 * changes nothing; an accepted one is stored as given and its consumer
 * can use it — the printer layer's parser, libsoup for the online shop's
 * address (soup_message_new once crashed on an accepted "https://"), GLib
 * for the time zone, the barcode layout and cash rounding parsers.
 */
#include <libsoup/soup.h>
#include <string.h>

#include "axw-barcode.h"
#include "axw-fuzz.h"
#include "axw-money.h"
#include "axw-printer-target.h"
#include "axw-settings.h"

static AxwDb *db;

static void
check_consumer (const char *key,
                const char *value)
{
  if (g_str_equal (key, "printer"))
    {
      g_auto(AxwPrinterTarget) target = { 0 };

      g_assert (axw_printer_target_parse (value, &target, NULL));
    }
  else if (g_str_equal (key, "sync.endpoint") && *value != '\0')
    {
      g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_POST, value);

      g_assert (msg != NULL);
      g_assert (axw_settings_endpoint_problem (value) == NULL);
    }
  else if (g_str_equal (key, "timezone"))
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (value);

      g_assert (tz != NULL);
    }
  else if (g_str_equal (key, "barcode.layout"))
    {
      AxwEmbeddedLayout layout;

      g_assert (axw_embedded_layout_parse (value, &layout, NULL));
    }
  else if (g_str_equal (key, "cash_rounding"))
    {
      AxwCashRounding mode;

      g_assert (axw_cash_rounding_from_string (value, &mode));
    }
  else if (g_str_equal (key, "receipt.width"))
    g_assert (g_str_equal (value, "58") || g_str_equal (value, "80"));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char * const *keys = axw_settings_keys ();
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *key;

  if (size == 0)
    return 0;
  if (db == NULL)
    {
      db = axw_db_open (":memory:", &error);
      g_assert (db != NULL);
    }
  key = keys[data[0] % g_strv_length ((char **) keys)];
  value = axw_fuzz_string (data + 1, size - 1);
  before = axw_settings_get (db, key);
  if (!axw_settings_set (db, key, value, &error))
    {
      g_assert (error != NULL && error->message[0] != '\0');
      after = axw_settings_get (db, key);
      g_assert (g_strcmp0 (before, after) == 0);
      return 0;
    }
  after = axw_settings_get (db, key);
  g_assert (g_strcmp0 (after, value) == 0);
  check_consumer (key, value);
  return 0;
}
