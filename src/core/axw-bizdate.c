/* axw-bizdate.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "axw-bizdate.h"
#include "axw-error.h"

/**
 * axw_timezone_new:
 * @identifier: (nullable): an IANA name; %NULL or unknown gives Asia/Shanghai
 *
 * Returns: (transfer full): the shop's time zone
 */
GTimeZone *
axw_timezone_new (const char *identifier)
{
  static GMutex lock;
  static GHashTable *cache;   /* identifier → GTimeZone: a tzfile is read once */
  const char *id = identifier && *identifier ? identifier : AXW_DEFAULT_TIMEZONE;
  GTimeZone *tz;

  g_mutex_lock (&lock);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) g_time_zone_unref);
  tz = g_hash_table_lookup (cache, id);
  if (tz == NULL)
    {
      tz = g_time_zone_new_identifier (id);
      if (tz == NULL)
        tz = g_time_zone_new_identifier (AXW_DEFAULT_TIMEZONE);
      if (tz == NULL)  /* no tzdata: China has had no DST since 1991 */
        tz = g_time_zone_new_offset (8 * 3600);
      g_hash_table_insert (cache, g_strdup (id), tz);
    }
  g_time_zone_ref (tz);
  g_mutex_unlock (&lock);
  return tz;
}

/**
 * axw_time_format_shop:
 * @time: any time, in any zone
 * @shop_tz: (nullable): the shop's zone (the "timezone" setting, see
 *   axw_timezone_new()); %NULL for Asia/Shanghai
 * @format: a g_date_time_format() format, like %AXW_TIME_FORMAT_SECONDS
 *
 * Every time a person reads (screen, receipt, report, audit log, CLI) is
 * the shop's wall clock, whatever zone the machine is set to: a sale at
 * 07:10 in Xiamen prints 07:10 even on a terminal left in UTC, the same
 * day its receipt number and business date carry.
 *
 * Returns: (transfer full): @time in the shop's zone, as @format says
 */
char *
axw_time_format_shop (GDateTime  *time,
                      GTimeZone  *shop_tz,
                      const char *format)
{
  g_autoptr(GTimeZone) fallback = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  if (shop_tz == NULL)
    shop_tz = fallback = axw_timezone_new (NULL);
  local = g_date_time_to_timezone (time, shop_tz);
  return g_date_time_format (local, format);
}

/**
 * axw_time_format_shop_iso:
 * @iso: (nullable): a stored time, "2026-12-11T23:10:00.000Z" (an offset
 *   is required)
 *
 * axw_time_format_shop() for a stored time.
 *
 * Returns: (transfer full): the shop's wall clock; "" for %NULL, and
 *   @iso itself when it is no time (shown rather than lost)
 */
char *
axw_time_format_shop_iso (const char *iso,
                          GTimeZone  *shop_tz,
                          const char *format)
{
  g_autoptr(GDateTime) time = NULL;

  if (iso == NULL)
    return g_strdup ("");
  time = axw_time_parse_rfc3339 (iso, NULL);
  return time ? axw_time_format_shop (time, shop_tz, format) : g_strdup (iso);
}

/**
 * axw_time_parse_rfc3339:
 * @text: "2026-12-12T10:30:00+08:00" or "…Z"; an offset is required
 *
 * Returns: (transfer full): the time, or %NULL with @error set
 */
GDateTime *
axw_time_parse_rfc3339 (const char  *text,
                        GError     **error)
{
  GDateTime *dt = NULL;

  if (text != NULL && strlen (text) >= 20 && text[10] == 'T')
    dt = g_date_time_new_from_iso8601 (text, NULL);
  if (dt == NULL)
    g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                 _("“%s” is not a time with an offset: write it like 2026-12-12T10:30:00+08:00"),
                 text ? text : "");
  return dt;
}

/* Returns: (transfer full): "2026-12-12T02:30:00.000Z" */
char *
axw_time_to_utc_iso (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                          g_date_time_get_year (utc), g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc), g_date_time_get_second (utc),
                          g_date_time_get_microsecond (utc) / 1000);
}

/* Returns: (transfer full): "2026-12-12T10:30:00+08:00" in the shop's zone */
char *
axw_time_to_local_rfc3339 (GDateTime  *time,
                           const char *timezone)
{
  g_autoptr(GTimeZone) tz = axw_timezone_new (timezone);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (time, tz);

  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}

/* Returns: (transfer full): the shop's local date "2026-12-12" */
char *
axw_business_date (GDateTime  *time,
                   const char *timezone)
{
  g_autoptr(GTimeZone) tz = axw_timezone_new (timezone);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (time, tz);

  return g_date_time_format (local, "%Y-%m-%d");
}

/**
 * axw_date_parse:
 * @text: "2026-12-12"
 */
gboolean
axw_date_parse (const char  *text,
                int         *out_year,
                int         *out_month,
                int         *out_day,
                GError     **error)
{
  int y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    goto bad;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      goto bad;
  y = atoi (text);
  m = atoi (text + 5);
  d = atoi (text + 8);
  if (y < 1900 || !g_date_valid_dmy (d, m, y))
    goto bad;
  if (out_year)
    *out_year = y;
  if (out_month)
    *out_month = m;
  if (out_day)
    *out_day = d;
  return TRUE;

bad:
  g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
               _("“%s” is not a date: write it like 2026-12-12"), text ? text : "");
  return FALSE;
}

gboolean
axw_date_is_valid (const char *text)
{
  return axw_date_parse (text, NULL, NULL, NULL, NULL);
}
