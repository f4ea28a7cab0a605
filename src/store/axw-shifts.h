/* axw-shifts.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shifts (交班): open with a float, cash in and out with a reason, close
 * with a count of the drawer by denomination; expected vs counted.
 */
#pragma once

#include "axw-db.h"

G_BEGIN_DECLS

typedef struct {
  gint64  id;
  char   *staff;
  char   *opened_at;       /* UTC ISO-8601 */
  char   *closed_at;       /* NULL while open */
  gint64  float_fen;
  gint64  cash_in_out_fen; /* Σ cash movements */
  gint64  cash_sales_fen;  /* cash kept from sales minus cash given back by refunds */
  gint64  expected_fen;    /* float + in/out + cash sales */
  gint64  counted_fen;     /* closed shifts */
  char   *count_json;      /* {"10000":2,...}: fen value → pieces */
} AxwShift;

void      axw_shift_free     (AxwShift    *shift);

/* "100:2,50:1,0.5:3" (yuan:pieces) → total fen and {"10000":2,...};
 * only banknote and coin values of the renminbi are accepted. */
gboolean  axw_cash_count_parse (const char  *text,
                                gint64      *out_total_fen,
                                char       **out_json,
                                GError     **error);

gint64    axw_shift_open     (AxwDb       *db,
                              const char  *staff,
                              gint64       float_fen,
                              GDateTime   *at,
                              GError     **error);
/* The same, audited in the name of @by (nullable: @staff). */
gint64    axw_shift_open_by  (AxwDb       *db,
                              const char  *staff,
                              gint64       float_fen,
                              const char  *by,
                              GDateTime   *at,
                              GError     **error);
/* @amount_fen > 0 puts cash in, < 0 takes it out; @reason is required. */
gboolean  axw_shift_cash     (AxwDb       *db,
                              const char  *staff,
                              gint64       amount_fen,
                              const char  *reason,
                              GDateTime   *at,
                              GError     **error);
/* The open shift's id; 0 with NOT_FOUND when none is open. */
gint64    axw_shift_open_id  (AxwDb       *db,
                              GError     **error);
AxwShift *axw_shift_load     (AxwDb       *db,
                              gint64       id,
                              GError     **error);
/* Closes the open shift with the counted drawer. Refused when a sale of
 * the shift is not fully paid (see axw-shifts.c). Returns the closed shift. */
AxwShift *axw_shift_close    (AxwDb       *db,
                              const char  *staff,
                              const char  *count,
                              GDateTime   *at,
                              GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxwShift, axw_shift_free)

G_END_DECLS
