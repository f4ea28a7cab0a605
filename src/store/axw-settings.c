/* axw-settings.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "axw-db-sql.h"
#include "axw-audit.h"
#include "axw-barcode.h"
#include "axw-bizdate.h"
#include "axw-error.h"
#include "axw-money.h"
#include "axw-pole.h"
#include "axw-printer-target.h"
#include "axw-settings.h"

typedef struct {
  const char *key;
  const char *fallback;
} Setting;

static const Setting settings[] = {
  { "shop.name", "爱心屋" },
  { "shop.address", "" },
  { "shop.code", "S01" },
  { "terminal.code", "T01" },
  { "receipt.footer", "谢谢惠顾 · 爱心助残" },
  { "receipt.qr_url", "https://shop.aixinwu.example/r/{uuid}" },
  { "receipt.width", "58" },
  { "printer", "usb" },
  { "cash_rounding", "none" },
  { "sync.endpoint", "" },
  { "sync.token_file", "" },
  { "district.url", "" },
  { "district.password_file", "" },
  { "timezone", AXW_DEFAULT_TIMEZONE },
  { "barcode.layout", AXW_EMBEDDED_LAYOUT_DEFAULT },
  { "donation.fund", "" },     /* round-up goes here; empty: the only active fund */
  /* the customer's side (issue 15) */
  { "display.customer", "off" },   /* off, window, auto or a monitor's connector */
  { "display.qr_url", "" },        /* empty: the start of receipt.qr_url */
  { "display.phrases", "" },       /* phrases separated by |; empty: the built-in ones */
  { "display.pole", "off" },       /* off or serial:/dev/ttyUSB0:9600 */
  { "display.pole_commands", "escpos" },  /* escpos (2×20 text), escpos-gb or price (8 digits) */
};

const char * const *
axw_settings_keys (void)
{
  static const char *keys[G_N_ELEMENTS (settings) + 1];

  if (keys[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
      keys[i] = settings[i].key;
  return keys;
}

/* Returns: (nullable): the default, or %NULL for an unknown key */
const char *
axw_settings_default (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    if (g_str_equal (settings[i].key, key))
      return settings[i].fallback;
  return NULL;
}

/**
 * axw_settings_get:
 *
 * Returns: (transfer full) (nullable): the value set, else the default;
 *   %NULL for an unknown key
 */
char *
axw_settings_get (AxwDb      *db,
                  const char *key)
{
  const char *fallback = axw_settings_default (key);
  sqlite3_stmt *stmt;
  char *value = NULL;

  if (fallback == NULL)
    return NULL;
  stmt = axw_db_prepare (db, "SELECT value FROM settings WHERE key = ?", NULL);
  if (stmt != NULL)
    {
      axw_db_bind_text (stmt, 1, key);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        value = axw_db_column_dup (stmt, 0);
      sqlite3_reset (stmt);
    }
  return value ? value : g_strdup (fallback);
}

gint64
axw_settings_get_int (AxwDb      *db,
                      const char *key)
{
  g_autofree char *v = axw_settings_get (db, key);

  return v ? g_ascii_strtoll (v, NULL, 10) : 0;
}

static gboolean
is_code (const char *v)
{
  gsize len = strlen (v);

  if (len == 0 || len > 8)
    return FALSE;
  for (; *v; v++)
    if (!g_ascii_isalnum (*v))
      return FALSE;
  return TRUE;
}

static gboolean
is_loopback (const char *host)
{
  if (g_hostname_is_ip_address (host))
    return g_str_has_prefix (host, "127.") || g_str_equal (host, "::1");
  return g_ascii_strcasecmp (host, "localhost") == 0;
}

/**
 * axw_settings_endpoint_problem:
 * @url: an online-shop address
 *
 * The bearer token goes with every request, so it only travels over
 * https to a named host; plain http is for a server on this machine
 * (tests, a local proxy). Checked when the address is set, and again
 * before each push, so an address stored by an older version cannot
 * send the token in clear or crash the push.
 *
 * Returns: (nullable): %NULL when @url is usable, else why not, in words
 */
const char *
axw_settings_endpoint_problem (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *host = uri ? g_uri_get_host (uri) : NULL;
  const char *scheme = uri ? g_uri_get_scheme (uri) : NULL;

  if (uri == NULL || host == NULL || *host == '\0' ||
      (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0))
    return _("write the whole address, like https://shop.example.cn/api/sales");
  if (g_uri_get_userinfo (uri) != NULL)
    return _("the address must not contain a user name or password");
  if (g_str_equal (scheme, "http") && !is_loopback (host))
    return _("the token would travel unencrypted: use https://");
  return NULL;
}

/**
 * axw_settings_district_url_problem:
 * @url: the district hub's address, a libpq URI
 *
 * The address is stored, shown and logged; the password lives in the
 * 0600 file named by district.password_file, never in the address
 * (neither as postgresql://user:password@… nor as ?password=…).
 *
 * Returns: (nullable): %NULL when @url is usable, else why not, in words
 */
const char *
axw_settings_district_url_problem (const char *url)
{
  const char *rest, *end, *at, *query;

  if (g_str_has_prefix (url, "postgresql://"))
    rest = url + strlen ("postgresql://");
  else if (g_str_has_prefix (url, "postgres://"))
    rest = url + strlen ("postgres://");
  else
    return _("write the whole address, like "
             "postgresql://hub.example.cn/district?sslmode=verify-full");
  end = rest + strcspn (rest, "/?");
  at = memchr (rest, '@', (gsize) (end - rest));
  if (at != NULL && memchr (rest, ':', (gsize) (at - rest)) != NULL)
    return _("the address must not contain the password: put it in district.password_file");
  query = strchr (url, '?');
  if (query != NULL &&
      (strstr (query, "?password=") != NULL || strstr (query, "&password=") != NULL))
    return _("the address must not contain the password: put it in district.password_file");
  for (const char *c = url; *c; c++)
    if (g_ascii_iscntrl (*c) || *c == ' ')
      return _("the address must not contain spaces or control characters");
  return NULL;
}

/* off, window, auto, or a connector: HDMI-1, DP-2, eDP-1 */
static gboolean
is_monitor (const char *v)
{
  if (*v == '\0' || strlen (v) > 32)
    return FALSE;
  for (const char *p = v; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

static gboolean
is_printer (const char *v)
{
  g_auto(AxwPrinterTarget) target = { 0 };

  return axw_printer_target_parse (v, &target, NULL);
}

/**
 * axw_settings_validate:
 *
 * Checks a value before it is stored, with a message that says what a
 * valid value looks like.
 */
gboolean
axw_settings_validate (const char  *key,
                       const char  *value,
                       GError     **error)
{
  AxwCashRounding mode;
  AxwEmbeddedLayout layout;
  AxwPoleCommands pole;
  const char *why = NULL;

  if (axw_settings_default (key) == NULL)
    {
      g_autofree char *keys = g_strjoinv (", ", (char **) axw_settings_keys ());

      g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND,
                   _("Unknown setting “%s”. The settings are: %s"), key, keys);
      return FALSE;
    }
  if (!g_utf8_validate (value, -1, NULL))
    why = _("it is not UTF-8 text");
  else if (g_str_equal (key, "shop.name") && *value == '\0')
    why = _("the shop needs a name");
  else if ((g_str_equal (key, "shop.code") || g_str_equal (key, "terminal.code")) &&
           !is_code (value))
    why = _("use 1 to 8 letters or digits, like S01");
  else if (g_str_equal (key, "receipt.width") && !g_str_equal (value, "58") &&
           !g_str_equal (value, "80"))
    why = _("the paper is 58 or 80 (mm)");
  else if (g_str_equal (key, "cash_rounding") && !axw_cash_rounding_from_string (value, &mode))
    why = _("use none, down_jiao or nearest_jiao");
  else if (g_str_equal (key, "printer") && !is_printer (value))
    why = _("use usb, usb:VID:PID in hex, tcp://HOST:9100 or file:/PATH");
  else if (g_str_equal (key, "barcode.layout") && !axw_embedded_layout_parse (value, &layout, NULL))
    why = _("write flags:plu_length:price|weight, like 2:6:price, or "
            "flags:plu_length:weight:digits:price for 18-digit labels, like 25:6:weight:5:price; "
            "separate several with ;");
  else if (g_str_equal (key, "sync.endpoint") && *value != '\0')
    why = axw_settings_endpoint_problem (value);
  else if (g_str_equal (key, "district.url") && *value != '\0')
    why = axw_settings_district_url_problem (value);
  else if (g_str_equal (key, "display.customer") && !is_monitor (value))
    why = _("use off, window, auto or the monitor's connector, like HDMI-1");
  else if (g_str_equal (key, "display.pole") && !axw_pole_target_parse (value, NULL, NULL))
    why = _("use off or serial:DEVICE:BAUD, like serial:/dev/ttyUSB0:9600 (2400, 4800, 9600, "
            "19200, 38400 or "
            "115200 baud)");
  else if (g_str_equal (key, "display.pole_commands") && !axw_pole_commands_parse (value, &pole))
    why = _("use escpos (two lines of text), escpos-gb (the same with a GB2312 font: names in "
            "Chinese) "
            "or price (8 digits, ESC s / ESC Q A)");
  else if (g_str_equal (key, "timezone"))
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (value);

      if (tz == NULL)
        why = _("use a time zone name like Asia/Shanghai");
    }

  if (why != NULL)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID, _("“%s” is not a valid %s: %s"),
                   value, key, why);
      return FALSE;
    }
  return TRUE;
}

gboolean
axw_settings_set (AxwDb       *db,
                  const char  *key,
                  const char  *value,
                  GError     **error)
{
  sqlite3_stmt *stmt;

  if (!axw_settings_validate (key, value, error))
    return FALSE;
  stmt = axw_db_prepare (db, "INSERT INTO settings (key, value) VALUES (?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    return FALSE;
  axw_db_bind_text (stmt, 1, key);
  axw_db_bind_text (stmt, 2, value);
  return axw_db_step_done (db, stmt, error);
}

static gboolean
apply_one (AxwDb       *db,
           const char  *key,
           const char  *value,
           const char  *staff,
           guint       *changed,
           GError     **error)
{
  g_autofree char *old = axw_settings_get (db, key);
  g_autofree char *detail = NULL;

  if (g_strcmp0 (old, value) == 0)
    return TRUE;
  detail = g_strdup_printf ("%s: %s → %s", key, old ? old : "", value);
  if (!axw_settings_set (db, key, value, error) ||
      !axw_audit_append (db, staff, "settings.set", detail, error))
    return FALSE;
  (*changed)++;
  return TRUE;
}

/**
 * axw_settings_apply:
 * @keys: (array zero-terminated=1): the settings to store
 * @values: (array zero-terminated=1): one value per key
 * @staff: (nullable): who changes them; each change is audited in that name
 * @out_changed: (out) (optional): how many values really changed
 *
 * Every value is validated first: one invalid value stores nothing. The
 * changed values are stored with one audit row each, in one transaction;
 * a value equal to the one stored is neither written nor audited.
 */
gboolean
axw_settings_apply (AxwDb               *db,
                    const char * const  *keys,
                    const char * const  *values,
                    const char          *staff,
                    guint               *out_changed,
                    GError             **error)
{
  guint changed = 0;

  g_return_val_if_fail (keys != NULL && values != NULL, FALSE);
  g_return_val_if_fail (g_strv_length ((char **) keys) == g_strv_length ((char **) values), FALSE);

  for (guint i = 0; keys[i] != NULL; i++)
    if (!axw_settings_validate (keys[i], values[i], error))
      return FALSE;
  if (!axw_db_begin (db, error))
    return FALSE;
  for (guint i = 0; keys[i] != NULL; i++)
    if (!apply_one (db, keys[i], values[i], staff, &changed, error))
      {
        axw_db_rollback (db);
        return FALSE;
      }
  if (!axw_db_commit (db, error))
    return FALSE;
  if (out_changed != NULL)
    *out_changed = changed;
  return TRUE;
}
