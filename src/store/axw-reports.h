/* axw-reports.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reports from the sales tables (docs/design.md §8): any range of business dates,
 * X (the open shift, no reset) and Z (closes a business day: numbered,
 * immutable). Subsidy claims per funder.
 */
#pragma once

#include "axw-db.h"
#include "axw-report.h"

G_BEGIN_DECLS

/* Business dates "YYYY-MM-DD", inclusive. */
AxwReport *axw_reports_range     (AxwDb       *db,
                                  const char  *from,
                                  const char  *to,
                                  GError     **error);
/* The open shift so far, with its cash drawer; NOT_FOUND when none is open. */
AxwReport *axw_reports_x         (AxwDb       *db,
                                  GError     **error);
/* A shift (open or closed) by id. */
AxwReport *axw_reports_shift     (AxwDb       *db,
                                  gint64       shift_id,
                                  GError     **error);
/* Closes business day @date (NULL: the business day of @at): numbers the
 * Z report, stores it and marks its sales so they can no longer change.
 * @manager must be a manager (the caller checked the PIN). CONFLICT when
 * the day is already closed. */
AxwReport *axw_reports_close_day (AxwDb       *db,
                                  const char  *date,
                                  const char  *manager,
                                  GDateTime   *at,
                                  GError     **error);
/* Whether axw_reports_close_day() would accept @date at @at (INVALID or
 * CONFLICT with the reason when not); nothing is written. */
gboolean   axw_reports_can_close_day (AxwDb      *db,
                                      const char *date,
                                      GDateTime  *at,
                                      GError    **error);
/* A closed day's Z report by number (0: the latest), rebuilt from its
 * sales, which cannot change. */
AxwReport *axw_reports_load_z    (AxwDb       *db,
                                  gint64       number,
                                  GError     **error);
/* The JSON stored when the day was closed. */
char      *axw_reports_z_json    (AxwDb       *db,
                                  gint64       number,
                                  GError     **error);
gboolean   axw_reports_day_is_closed (AxwDb      *db,
                                      const char *date);

/* @utc_iso as "YYYY-MM-DD HH:MM" in the shop's time zone ("" if unreadable). */
char      *axw_reports_local_time (AxwDb     *db,
                                   const char *utc_iso);

/* One closed day, as listed (the totals stored when it was closed). */
typedef struct {
  gint64  number;
  char   *business_date;
  char   *closed_at;      /* UTC ISO-8601 */
  char   *manager;
  gint64  sales_count;
  gint64  total_fen;
} AxwZSummary;

void       axw_z_summary_free    (gpointer     summary);
/* The closed days, newest first, at most @limit (0: all). */
GPtrArray *axw_reports_z_list    (AxwDb       *db,
                                  guint        limit,
                                  GError     **error);

/* Every red packet of @funder redeemed between @from and @to, and every
 * refund in that period that reversed part of one. */
GPtrArray *axw_reports_claim     (AxwDb       *db,
                                  const char  *funder,
                                  const char  *from,
                                  const char  *to,
                                  GError     **error);
/* Every donation to @fund, and every refund that gave one back. */
GPtrArray *axw_reports_donation_book (AxwDb       *db,
                                      const char  *fund,
                                      const char  *from,
                                      const char  *to,
                                      GError     **error);

G_END_DECLS
