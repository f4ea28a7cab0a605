/* axw-bizdate.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define AXW_DEFAULT_TIMEZONE "Asia/Shanghai"

/* Times are stored as UTC ISO-8601 ("2026-12-12T02:30:00.000Z"); every
 * date rule uses the shop's local business date ("2026-12-12"). */

GDateTime *axw_time_parse_rfc3339   (const char  *text,
                                     GError     **error);
char      *axw_time_to_utc_iso      (GDateTime   *time);
char      *axw_time_to_local_rfc3339 (GDateTime  *time,
                                      const char *timezone);
char      *axw_business_date        (GDateTime   *time,
                                     const char  *timezone);
gboolean   axw_date_parse           (const char  *text,
                                     int         *out_year,
                                     int         *out_month,
                                     int         *out_day,
                                     GError     **error);
gboolean   axw_date_is_valid        (const char  *text);
GTimeZone *axw_timezone_new         (const char  *identifier);
char      *axw_time_format_shop     (GDateTime   *time,
                                     GTimeZone   *shop_tz,
                                     const char  *format);
char      *axw_time_format_shop_iso (const char  *iso,
                                     GTimeZone   *shop_tz,
                                     const char  *format);

/* what people read: "2026-12-12 07:10:00" */
#define AXW_TIME_FORMAT_SECONDS "%Y-%m-%d %H:%M:%S"
#define AXW_TIME_FORMAT_MINUTES "%Y-%m-%d %H:%M"
/* for text both people and programs read: "2026-12-12T07:10:00+08:00" */
#define AXW_TIME_FORMAT_RFC3339 "%Y-%m-%dT%H:%M:%S%:z"

G_END_DECLS
