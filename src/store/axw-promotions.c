/* axw-promotions.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "axw-db-sql.h"
#include "axw-audit.h"
#include "axw-bizdate.h"
#include "axw-csv.h"
#include "axw-error.h"
#include "axw-promotions.h"

static gpointer
promotion_from_row (sqlite3_stmt *stmt)
{
  AxwPromotion *p = g_new0 (AxwPromotion, 1);

  p->id = sqlite3_column_int64 (stmt, 0);
  p->name = axw_db_column_dup (stmt, 1);
  axw_scope_from_string ((const char *) sqlite3_column_text (stmt, 2), &p->scope);
  p->percent_bp = sqlite3_column_int (stmt, 3);
  p->day_of_month = sqlite3_column_int (stmt, 4);
  p->month = sqlite3_column_int (stmt, 5);
  p->date_from = axw_db_column_dup (stmt, 6);
  p->date_to = axw_db_column_dup (stmt, 7);
  return p;
}

/**
 * axw_promotions_list:
 *
 * Returns: (transfer full) (element-type AxwPromotion): the active
 *   promotions in the order they were defined (ties name the first)
 */
GPtrArray *
axw_promotions_list (AxwDb   *db,
                     GError **error)
{
  sqlite3_stmt *stmt;

  stmt = axw_db_prepare (db, "SELECT id, name, scope, percent_bp, coalesce (day_of_month, 0), "
                             "coalesce (month, 0), date_from, date_to FROM promotions "
                             "WHERE active ORDER BY id", error);
  return axw_db_collect (db, stmt, promotion_from_row, (GDestroyNotify) axw_promotion_free, error);
}

static gboolean
write_promotion (AxwDb         *db,
                 AxwPromotion  *p,
                 GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = axw_db_prepare (db,
                         "INSERT INTO promotions (name, scope, percent_bp, day_of_month, month, "
                             "date_from, date_to) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                             "ON CONFLICT (name) DO UPDATE SET scope = ?2, percent_bp = ?3, "
                             "day_of_month = ?4, month = ?5, date_from = ?6, date_to = ?7, active "
                             "= 1 "
                             "RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  axw_db_bind_text (stmt, 1, p->name);
  axw_db_bind_text (stmt, 2, axw_scope_to_string (p->scope));
  sqlite3_bind_int (stmt, 3, p->percent_bp);
  if (p->day_of_month)
    sqlite3_bind_int (stmt, 4, p->day_of_month);
  if (p->month)
    sqlite3_bind_int (stmt, 5, p->month);
  axw_db_bind_text (stmt, 6, p->date_from && *p->date_from ? p->date_from : NULL);
  axw_db_bind_text (stmt, 7, p->date_to && *p->date_to ? p->date_to : NULL);
  if (!axw_db_step_int (db, stmt, &p->id, error))
    return FALSE;
  return TRUE;
}

gboolean
axw_promotions_save (AxwDb         *db,
                     AxwPromotion  *promo,
                     const char    *staff,
                     GError       **error)
{
  g_autofree char *detail = axw_promotion_describe (promo);

  if (!axw_db_begin (db, error))
    return FALSE;
  if (!write_promotion (db, promo, error) ||
      !axw_audit_append (db, staff, "promotion.save", detail, error))
    {
      axw_db_rollback (db);
      return FALSE;
    }
  return axw_db_commit (db, error);
}

/**
 * axw_promotions_remove:
 *
 * Ends a promotion: it no longer applies to new sales. The row stays
 * (inactive), so past sales that name it keep their history; saving a
 * promotion of the same name again brings it back with the new rules.
 */
gboolean
axw_promotions_remove (AxwDb       *db,
                       const char  *name,
                       const char  *staff,
                       GError     **error)
{
  sqlite3_stmt *stmt;

  if (!axw_db_begin (db, error))
    return FALSE;
  stmt = axw_db_prepare (db, "UPDATE promotions SET active = 0 WHERE name = ? AND active", error);
  if (stmt == NULL)
    goto fail;
  axw_db_bind_text (stmt, 1, name);
  if (!axw_db_step_done (db, stmt, error))
    goto fail;
  if (axw_db_changes (db) == 0)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND,
                   _("No running promotion is called “%s”. Check the list."), name ? name : "");
      goto fail;
    }
  if (!axw_audit_append (db, staff, "promotion.remove", name, error))
    goto fail;
  return axw_db_commit (db, error);

fail:
  axw_db_rollback (db);
  return FALSE;
}

/* "5" → 500, "12.5" → 1250 basis points; 0 < bp ≤ 10000. */
static gboolean
parse_percent (const char *text,
               int        *out_bp)
{
  gint64 hundredths;

  if (!axw_money_parse (text, &hundredths, NULL) || hundredths <= 0 || hundredths > 10000)
    return FALSE;
  *out_bp = (int) hundredths;
  return TRUE;
}

static gboolean
parse_int_field (const char *text,
                 int         min,
                 int         max,
                 int        *out)
{
  guint64 v;

  if (text == NULL || *text == '\0')
    {
      *out = 0;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, min, max, &v, NULL))
    return FALSE;
  *out = (int) v;
  return TRUE;
}

static const char * const csv_columns[] = {
  "name", "scope", "percent", "day_of_month", "month", "from", "to", NULL
};
static const char * const csv_required[] = { "name", "scope", "percent", NULL };

/**
 * axw_promotions_parse:
 * @out_column: (out) (optional): the field that is wrong, on failure
 *
 * The rules a promotion must meet, the same for a CSV row and for the
 * manager's form. On failure @error says why in a few words ("write aid or
 * all"); the caller names the field or row.
 */
gboolean
axw_promotions_parse (const AxwPromotionText  *text,
                      AxwPromotion            *p,
                      const char             **out_column,
                      GError                 **error)
{
  const char *column = NULL;
  const char *why = NULL;
  const char *v;

  p->name = g_strstrip (g_strdup (text->name ? text->name : ""));
  p->date_from = text->from ? g_strstrip (g_strdup (text->from)) : NULL;
  p->date_to = text->to ? g_strstrip (g_strdup (text->to)) : NULL;

  if (*p->name == '\0')
    column = "name", why = _("the name is empty");
  else if (!axw_scope_from_string (text->scope, &p->scope))
    column = "scope", why = _("write aid or all");
  else if (!parse_percent (text->percent, &p->percent_bp))
    column = "percent", why = _("write a percentage above 0 and at most 100, like 5 or 12.5");
  else if (!parse_int_field (text->day_of_month, 1, 31, &p->day_of_month))
    column = "day_of_month", why = _("write a day from 1 to 31, or leave it empty");
  else if (!parse_int_field (text->month, 1, 12, &p->month))
    column = "month", why = _("write a month from 1 to 12, or leave it empty");
  else if ((v = p->date_from) && *v && !axw_date_is_valid (v))
    column = "from", why = _("write a date like 2026-12-01, or leave it empty");
  else if ((v = p->date_to) && *v && !axw_date_is_valid (v))
    column = "to", why = _("write a date like 2026-12-31, or leave it empty");
  else if (p->date_from && *p->date_from && p->date_to && *p->date_to &&
           g_strcmp0 (p->date_from, p->date_to) > 0)
    column = "to", why = _("the end date is before the start date");

  if (out_column)
    *out_column = column;
  if (column == NULL)
    return TRUE;
  g_set_error_literal (error, AXW_ERROR, AXW_ERROR_INVALID, why);
  return FALSE;
}

static gboolean
promotion_from_csv (AxwCsv        *csv,
                    guint          r,
                    AxwPromotion  *p,
                    GError       **error)
{
  AxwPromotionText text = {
    axw_csv_get (csv, r, "name"), axw_csv_get (csv, r, "scope"), axw_csv_get (csv, r, "percent"),
    axw_csv_get (csv, r, "day_of_month"), axw_csv_get (csv, r, "month"),
    axw_csv_get (csv, r, "from"), axw_csv_get (csv, r, "to"),
  };
  g_autoptr(GError) local = NULL;
  const char *column;

  if (axw_promotions_parse (&text, p, &column, &local))
    return TRUE;
  g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
               _("Row %u (line %u), column “%s”: %s. Nothing was imported."),
               r + 1, axw_csv_line_of_row (csv, r), column, local->message);
  return FALSE;
}

/**
 * axw_promotions_import_csv:
 *
 * axw_promotions_import_csv_as() in nobody's name (the demo data, tests).
 */
gboolean
axw_promotions_import_csv (AxwDb       *db,
                           const char  *text,
                           gsize        length,
                           guint       *out_count,
                           GError     **error)
{
  return axw_promotions_import_csv_as (db, text, length, NULL, out_count, error);
}

/**
 * axw_promotions_import_csv_as:
 * @staff: (nullable): the manager, for the audit row
 *
 * Upserts by name in one transaction; one bad row imports nothing.
 */
gboolean
axw_promotions_import_csv_as (AxwDb       *db,
                              const char  *text,
                              gsize        length,
                              const char  *staff,
                              guint       *out_count,
                              GError     **error)
{
  g_autoptr(AxwCsv) csv = axw_csv_parse (text, length, error);
  g_autofree char *detail = NULL;

  if (csv == NULL || !axw_csv_bind_columns (csv, csv_columns, csv_required, error))
    return FALSE;
  if (!axw_db_begin (db, error))
    return FALSE;
  for (guint r = 0; r < axw_csv_n_rows (csv); r++)
    {
      g_autoptr(AxwPromotion) p = g_new0 (AxwPromotion, 1);

      if (!promotion_from_csv (csv, r, p, error) || !write_promotion (db, p, error))
        {
          axw_db_rollback (db);
          return FALSE;
        }
    }
  detail = g_strdup_printf ("%u promotions", axw_csv_n_rows (csv));
  if (!axw_audit_append (db, staff, "promotion.import", detail, error) ||
      !axw_db_commit (db, error))
    {
      axw_db_rollback (db);
      return FALSE;
    }
  if (out_count)
    *out_count = axw_csv_n_rows (csv);
  return TRUE;
}
