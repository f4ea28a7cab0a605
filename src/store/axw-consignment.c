/* axw-consignment.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which lines a period holds is decided by the business date of their
 * document: a refund made after its sale was settled falls in the period
 * it was made, and takes its sale's cost off what is owed then. Each
 * settled line is a row of settled_lines, whose key is the sale line:
 * SQLite itself refuses to settle a line twice.
 */
#include <glib/gi18n.h>
#include <string.h>

#include "axw-db-sql.h"
#include "axw-audit.h"
#include "axw-bizdate.h"
#include "axw-consignment.h"
#include "axw-csv.h"
#include "axw-error.h"
#include "axw-money.h"
#include "axw-suppliers.h"

#define LINE_COLUMNS \
  "SELECT l.id, s.receipt_no, s.business_date, l.name, " \
  "  CASE s.kind WHEN 'refund' THEN -l.qty_milli ELSE l.qty_milli END, "

static void
settlement_line_free (gpointer data)
{
  AxwSettlementLine *l = data;

  g_free (l->receipt_no);
  g_free (l->business_date);
  g_free (l->name);
  g_free (l);
}

void
axw_settlement_free (AxwSettlement *settlement)
{
  if (settlement == NULL)
    return;
  g_free (settlement->supplier);
  g_free (settlement->date_from);
  g_free (settlement->date_to);
  g_free (settlement->settled_at);
  g_free (settlement->staff);
  g_clear_pointer (&settlement->lines, g_ptr_array_unref);
  g_free (settlement);
}

static AxwSettlement *
settlement_new (const char *supplier,
                const char *from,
                const char *to)
{
  AxwSettlement *s = g_new0 (AxwSettlement, 1);

  s->supplier = g_strdup (supplier);
  s->date_from = g_strdup (from);
  s->date_to = g_strdup (to);
  s->lines = g_ptr_array_new_with_free_func (settlement_line_free);
  return s;
}

static void
add_settlement_row (sqlite3_stmt *stmt,
                    gpointer      data)
{
  AxwSettlement *s = data;
  AxwSettlementLine *l = g_new0 (AxwSettlementLine, 1);
  gint64 amount;

  l->sale_line_id = sqlite3_column_int64 (stmt, 0);
  l->receipt_no = axw_db_column_dup (stmt, 1);
  l->business_date = axw_db_column_dup (stmt, 2);
  l->name = axw_db_column_dup (stmt, 3);
  l->qty_milli = sqlite3_column_int64 (stmt, 4);
  l->unit_cost_fen = sqlite3_column_int64 (stmt, 5);
  amount = axw_mul_div_round (l->unit_cost_fen, ABS (l->qty_milli), 1000);
  l->amount_fen = l->qty_milli < 0 ? -amount : amount;
  s->qty_milli += l->qty_milli;
  s->owed_fen += l->amount_fen;
  g_ptr_array_add (s->lines, l);
}

/* Adds the rows of @stmt (LINE_COLUMNS, then the unit cost) to @s. */
static gboolean
read_lines (AxwDb          *db,
            sqlite3_stmt   *stmt,
            AxwSettlement  *s,
            GError        **error)
{
  return axw_db_each_row (db, stmt, add_settlement_row, s, error);
}

/**
 * axw_period_check:
 *
 * Returns: whether @from and @to are dates, @from not after @to; else
 *   the error says which and what to do, as the reports' period does
 */
gboolean
axw_period_check (const char  *from,
                  const char  *to,
                  GError     **error)
{
  if (!axw_date_is_valid (from) || !axw_date_is_valid (to))
    g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                 _("“%s” is not a date: write it as YYYY-MM-DD, e.g. 2026-12-12."),
                 axw_date_is_valid (from) ? to : from);
  else if (strcmp (from, to) > 0)
    g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                 _("The period starts (%s) after it ends (%s): swap the dates."), from, to);
  else
    return TRUE;
  return FALSE;
}

static AxwSupplier *
consignment_supplier (AxwDb       *db,
                      const char  *name,
                      GError     **error)
{
  AxwSupplier *s = axw_suppliers_find (db, name, error);

  if (s && !s->consignment)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("%s sells to the shop outright, not on consignment: there is nothing to "
                     "settle."), s->name);
      g_clear_pointer (&s, axw_supplier_free);
    }
  return s;
}

static AxwSettlement *
unsettled (AxwDb              *db,
           const AxwSupplier  *supplier,
           const char         *from,
           const char         *to,
           GError            **error)
{
  g_autoptr(AxwSettlement) s = settlement_new (supplier->name, from, to);
  sqlite3_stmt *stmt;

  stmt = axw_db_prepare (db, LINE_COLUMNS "src.cost_fen "
                             "FROM sale_lines l JOIN sales s ON s.id = l.sale_id "
                             "JOIN sale_line_sources src ON src.sale_line_id = l.id "
                             "WHERE src.consignment AND src.supplier_id = ?1 "
                             "  AND s.business_date BETWEEN ?2 AND ?3 "
                             "  AND NOT EXISTS (SELECT 1 FROM settled_lines WHERE sale_line_id = "
                             "l.id) "
                             "ORDER BY s.business_date, s.id, l.line_no", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, supplier->id);
  axw_db_bind_text (stmt, 2, from);
  axw_db_bind_text (stmt, 3, to);
  if (!read_lines (db, stmt, s, error))
    return NULL;
  return g_steal_pointer (&s);
}

/**
 * axw_consignment_preview:
 *
 * Returns: (transfer full): what settling the period would settle (lines
 *   not settled yet), or %NULL with an error; reads only
 */
AxwSettlement *
axw_consignment_preview (AxwDb       *db,
                         const char  *supplier,
                         const char  *date_from,
                         const char  *date_to,
                         GError     **error)
{
  g_autoptr(AxwSupplier) s = NULL;

  if (!axw_period_check (date_from, date_to, error) ||
      (s = consignment_supplier (db, supplier, error)) == NULL)
    return NULL;
  return unsettled (db, s, date_from, date_to, error);
}

static gboolean
write_settlement (AxwDb              *db,
                  gint64              supplier_id,
                  AxwSettlement      *s,
                  const char         *staff,
                  GError            **error)
{
  g_autofree char *now = axw_now_utc_iso ();
  sqlite3_stmt *stmt;
  gint64 id;

  s->number = axw_db_query_int (db,
                                "SELECT coalesce (max (number), 0) + 1 FROM consignment_settlements", 1);
  stmt = axw_db_prepare (db,
                         "INSERT INTO consignment_settlements (number, supplier_id, date_from, "
                         "date_to, "
                             "owed_fen, settled_at, staff) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING "
                             "id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, s->number);
  sqlite3_bind_int64 (stmt, 2, supplier_id);
  axw_db_bind_text (stmt, 3, s->date_from);
  axw_db_bind_text (stmt, 4, s->date_to);
  sqlite3_bind_int64 (stmt, 5, s->owed_fen);
  axw_db_bind_text (stmt, 6, now);
  axw_db_bind_text (stmt, 7, staff ? staff : "");
  if (!axw_db_step_int (db, stmt, &id, error))
    return FALSE;
  for (guint i = 0; i < s->lines->len; i++)
    {
      AxwSettlementLine *l = g_ptr_array_index (s->lines, i);

      stmt = axw_db_prepare (db,
                             "INSERT INTO settled_lines (sale_line_id, settlement_id, cost_fen) "
                                 "VALUES (?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, l->sale_line_id);
      sqlite3_bind_int64 (stmt, 2, id);
      sqlite3_bind_int64 (stmt, 3, l->unit_cost_fen);
      if (!axw_db_step_done (db, stmt, error))
        return FALSE;
    }
  s->settled_at = g_steal_pointer (&now);
  s->staff = g_strdup (staff);
  return TRUE;
}

/**
 * axw_consignment_settle:
 * @staff: who settles, for the audit log
 *
 * Marks every line of the period not settled yet as settled, under the
 * next settlement number, in one transaction. A period with nothing left
 * to settle is refused (AXW_ERROR_CONFLICT), so settling twice is.
 *
 * Returns: (transfer full): the settlement, or %NULL with an error
 */
AxwSettlement *
axw_consignment_settle (AxwDb       *db,
                        const char  *supplier,
                        const char  *date_from,
                        const char  *date_to,
                        const char  *staff,
                        GError     **error)
{
  g_autoptr(AxwSupplier) sup = NULL;
  g_autoptr(AxwSettlement) s = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *owed = NULL;

  if (!axw_period_check (date_from, date_to, error) || !axw_db_begin (db, error))
    return NULL;
  if ((sup = consignment_supplier (db, supplier, error)) == NULL ||
      (s = unsettled (db, sup, date_from, date_to, error)) == NULL)
    goto fail;
  if (s->lines->len == 0)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_CONFLICT,
                   _("Nothing of %s from %s to %s is left to settle: it was settled already, or "
                     "nothing "
                     "was sold."), sup->name, date_from, date_to);
      goto fail;
    }
  if (!write_settlement (db, sup->id, s, staff, error))
    goto fail;
  owed = axw_money_format (s->owed_fen);
  detail = g_strdup_printf ("settlement %" G_GINT64_FORMAT " %s %s..%s: %u lines, owed %s",
                            s->number, sup->name, date_from, date_to, s->lines->len, owed);
  if (!axw_audit_append (db, staff, "consignment.settle", detail, error) ||
      !axw_db_commit (db, error))
    goto fail;
  return g_steal_pointer (&s);

fail:
  axw_db_rollback (db);
  return NULL;
}

/* Returns: (transfer full): settlement @number as it was settled */
AxwSettlement *
axw_consignment_get (AxwDb       *db,
                     gint64       number,
                     GError     **error)
{
  g_autoptr(AxwSettlement) s = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  stmt = axw_db_prepare (db, "SELECT c.id, s.name, c.date_from, c.date_to, c.settled_at, c.staff "
                             "FROM consignment_settlements c JOIN suppliers s ON s.id = "
                             "c.supplier_id "
                             "WHERE c.number = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, number);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      s = settlement_new ((const char *) sqlite3_column_text (stmt, 1),
                          (const char *) sqlite3_column_text (stmt, 2),
                          (const char *) sqlite3_column_text (stmt, 3));
      s->number = number;
      s->settled_at = axw_db_column_dup (stmt, 4);
      s->staff = axw_db_column_dup (stmt, 5);
    }
  sqlite3_reset (stmt);
  if (s == NULL)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND, _("There is no settlement %lld."),
                   (long long) number);
      return NULL;
    }
  stmt = axw_db_prepare (db, LINE_COLUMNS "d.cost_fen "
                             "FROM settled_lines d JOIN sale_lines l ON l.id = d.sale_line_id "
                             "JOIN sales s ON s.id = l.sale_id WHERE d.settlement_id = ? "
                             "ORDER BY s.business_date, s.id, l.line_no", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!read_lines (db, stmt, s, error))
    return NULL;
  return g_steal_pointer (&s);
}

/* Returns: (transfer full): one row per line, then the total row */
char *
axw_settlement_to_csv (const AxwSettlement *s)
{
  static const char * const header[] = { "settlement", "supplier", "receipt", "date", "name", "qty",
                                         "unit_cost", "amount" };
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, s->number);
  g_autofree char *owed = axw_money_format (s->owed_fen);
  g_autofree char *qty = axw_qty_format (s->qty_milli);
  GString *out = g_string_new (NULL);

  axw_csv_append_row (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < s->lines->len; i++)
    {
      AxwSettlementLine *l = g_ptr_array_index (s->lines, i);
      g_autofree char *q = axw_qty_format (l->qty_milli);
      g_autofree char *cost = axw_money_format (l->unit_cost_fen);
      g_autofree char *amount = axw_money_format (l->amount_fen);
      const char *row[] = { number, s->supplier, l->receipt_no, l->business_date, l->name, q, cost,
        amount };

      axw_csv_append_row (out, row, G_N_ELEMENTS (row));
    }
  {
    const char *total[] = { number, s->supplier, "", "", "total", qty, "", owed };

    axw_csv_append_row (out, total, G_N_ELEMENTS (total));
  }
  return g_string_free (out, FALSE);
}

/* Returns: (transfer full) (element-type utf8): the settlement for people,
 * one line of text each (the CLI's text, the PDF's lines) */
GPtrArray *
axw_settlement_to_lines (const AxwSettlement *s)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *owed = axw_money_format (s->owed_fen);

  if (s->number)
    g_ptr_array_add (out,
                     g_strdup_printf (_("Consignment settlement %lld: %s, %s – %s, settled %s by %s"),
                                           (long long) s->number, s->supplier, s->date_from,
                                           s->date_to, s->settled_at, s->staff));
  else
    g_ptr_array_add (out,
                     g_strdup_printf (_("Consignment settlement (not settled yet): %s, %s – %s"),
                                           s->supplier, s->date_from, s->date_to));
  for (guint i = 0; i < s->lines->len; i++)
    {
      AxwSettlementLine *l = g_ptr_array_index (s->lines, i);
      g_autofree char *q = axw_qty_format (l->qty_milli);
      g_autofree char *cost = axw_money_format (l->unit_cost_fen);
      g_autofree char *amount = axw_money_format (l->amount_fen);

      g_ptr_array_add (out,
                       g_strdup_printf ("%s %s %s %s × ¥%s = ¥%s", l->business_date, l->receipt_no,
                                        l->name,
                                             q, cost, amount));
    }
  g_ptr_array_add (out,
                   g_strdup_printf (_("Owed to %s: ¥%s (%u lines)"), s->supplier, owed,
                                    s->lines->len));
  return out;
}
