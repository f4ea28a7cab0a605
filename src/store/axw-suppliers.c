/* axw-suppliers.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "axw-db-sql.h"
#include "axw-audit.h"
#include "axw-error.h"
#include "axw-suppliers.h"

#define SUPPLIER_COLUMNS "id, name, contact, origin, consignment, partner FROM suppliers "

AxwSupplier *
axw_supplier_new (void)
{
  AxwSupplier *s = g_new0 (AxwSupplier, 1);

  s->name = g_strdup ("");
  s->contact = g_strdup ("");
  s->origin = g_strdup ("");
  return s;
}

void
axw_supplier_free (AxwSupplier *supplier)
{
  if (supplier == NULL)
    return;
  g_free (supplier->name);
  g_free (supplier->contact);
  g_free (supplier->origin);
  g_free (supplier);
}

static gpointer
supplier_from_row (sqlite3_stmt *stmt)
{
  AxwSupplier *s = g_new0 (AxwSupplier, 1);

  s->id = sqlite3_column_int64 (stmt, 0);
  s->name = axw_db_column_dup (stmt, 1);
  s->contact = axw_db_column_dup (stmt, 2);
  s->origin = axw_db_column_dup (stmt, 3);
  s->consignment = sqlite3_column_int (stmt, 4);
  s->partner = sqlite3_column_int (stmt, 5);
  return s;
}

/**
 * axw_suppliers_add:
 * @supplier: its id is set
 * @staff: (nullable): who added it, for the audit log
 *
 * A name already taken is refused (AXW_ERROR_CONFLICT).
 */
gboolean
axw_suppliers_add (AxwDb        *db,
                   AxwSupplier  *supplier,
                   const char   *staff,
                   GError      **error)
{
  g_autofree char *now = axw_now_utc_iso ();
  g_autofree char *name = g_strstrip (g_strdup (supplier->name ? supplier->name : ""));
  g_autofree char *detail = NULL;
  g_autoptr(AxwSupplier) taken = NULL;
  GError *local = NULL;
  sqlite3_stmt *stmt;

  if (*name == '\0')
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID, _("Type the supplier’s name."));
      return FALSE;
    }
  taken = axw_suppliers_find (db, name, &local);
  if (taken)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_CONFLICT,
                   _("There is already a supplier “%s”. Choose another name."), name);
      return FALSE;
    }
  if (!g_error_matches (local, AXW_ERROR, AXW_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  g_clear_error (&local);
  if (!axw_db_begin (db, error))
    return FALSE;
  stmt = axw_db_prepare (db, "INSERT INTO suppliers (name, contact, origin, consignment, partner, "
                             "created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id", error);
  if (stmt == NULL)
    goto fail;
  axw_db_bind_text (stmt, 1, name);
  axw_db_bind_text (stmt, 2, supplier->contact ? supplier->contact : "");
  axw_db_bind_text (stmt, 3, supplier->origin ? supplier->origin : "");
  sqlite3_bind_int (stmt, 4, supplier->consignment ? 1 : 0);
  sqlite3_bind_int (stmt, 5, supplier->partner ? 1 : 0);
  axw_db_bind_text (stmt, 6, now);
  if (!axw_db_step_int (db, stmt, &supplier->id, error))
    goto fail;
  detail = g_strdup_printf ("supplier %" G_GINT64_FORMAT " %s (%s) %s%s", supplier->id, name,
                            supplier->origin ? supplier->origin : "",
                            supplier->consignment ? "consignment" : "bought outright",
                            supplier->partner ? ", partner county" : "");
  if (!axw_audit_append (db, staff, "supplier.add", detail, error))
    goto fail;
  if (!axw_db_commit (db, error))
    return FALSE;
  g_free (supplier->name);
  supplier->name = g_steal_pointer (&name);
  return TRUE;

fail:
  axw_db_rollback (db);
  return FALSE;
}

/**
 * axw_suppliers_find:
 *
 * Returns: (transfer full): the supplier of that name, or %NULL with
 *   AXW_ERROR_NOT_FOUND
 */
AxwSupplier *
axw_suppliers_find (AxwDb       *db,
                    const char  *name,
                    GError     **error)
{
  sqlite3_stmt *stmt = axw_db_prepare (db, "SELECT " SUPPLIER_COLUMNS "WHERE name = ?", error);
  AxwSupplier *s = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  axw_db_bind_text (stmt, 1, name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    s = supplier_from_row (stmt);
  else if (rc != SQLITE_DONE)
    axw_db_set_error (db, rc, error);
  else
    g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND,
                 _("There is no supplier “%s”. Add it first (Goods in)."), name);
  sqlite3_reset (stmt);
  return s;
}

/* Returns: (transfer full) (element-type AxwSupplier): by name */
GPtrArray *
axw_suppliers_list (AxwDb   *db,
                    GError **error)
{
  sqlite3_stmt *stmt = axw_db_prepare (db, "SELECT " SUPPLIER_COLUMNS "ORDER BY name", error);

  return axw_db_collect (db, stmt, supplier_from_row, (GDestroyNotify) axw_supplier_free, error);
}
