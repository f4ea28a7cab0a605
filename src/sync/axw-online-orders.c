/* axw-online-orders.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole file is checked before anything changes; then every order is
 * applied in one transaction, each order id once (online_orders), so
 * importing the same file twice, or overlapping files, is harmless.
 */
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "axw-audit.h"
#include "axw-error.h"
#include "axw-money.h"
#include "axw-online-orders.h"
#include "axw-products.h"

typedef struct {
  gint64 product_id;
  gint64 delta_milli;   /* negative: sold online */
} StockMove;

typedef struct {
  char   *order_id;
  GArray *moves;        /* StockMove */
} Order;

static void
order_free (Order *o)
{
  g_free (o->order_id);
  g_array_unref (o->moves);
  g_free (o);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Order, order_free)

/* Returns: %NULL, with @error naming the line */
static gpointer
refuse (GError     **error,
        guint        line_no,
        const char  *format,
        ...) G_GNUC_PRINTF (3, 4);

static gpointer
refuse (GError     **error,
        guint        line_no,
        const char  *format,
        ...)
{
  g_autofree char *why = NULL;
  va_list ap;

  va_start (ap, format);
  why = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID, _("Line %u: %s. Nothing was imported."), line_no, why);
  return NULL;
}

/* "qty": pieces or kg (an integer, or a decimal with at most three
 * places), or "qty_milli": an integer of milli-units. */
static gboolean
parse_qty (JsonObject  *item,
           gint64      *out_milli)
{
  JsonNode *node;

  if ((node = json_object_get_member (item, "qty_milli")) != NULL)
    {
      if (json_node_get_value_type (node) != G_TYPE_INT64)
        return FALSE;
      *out_milli = json_node_get_int (node);
      return *out_milli > 0;
    }
  if ((node = json_object_get_member (item, "qty")) == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      gint64 q = json_node_get_int (node);

      if (q <= 0 || q > G_MAXINT64 / 1000)
        return FALSE;
      *out_milli = q * 1000;
      return TRUE;
    }
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double milli = json_node_get_double (node) * 1000.0;

      if (!(milli > 0 && milli < 1e15) || fabs (milli - round (milli)) > 1e-6)
        return FALSE;
      *out_milli = (gint64) round (milli);
      return TRUE;
    }
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return axw_qty_parse (json_node_get_string (node), out_milli, NULL) && *out_milli > 0;
  return FALSE;
}

/* A string member, @fallback when absent or null, %NULL when it is not a
 * string (json-glib's _with_default variants warn on arrays and objects). */
static const char *
member_string (JsonObject *object,
               const char *name,
               const char *fallback)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return fallback;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* "sku" as in products.csv (the barcode, or PLU + the PLU), or "barcode". */
static AxwProduct *
find_product (AxwDb       *db,
              JsonObject  *item,
              const char **out_code,
              GError     **error)
{
  const char *sku = member_string (item, "sku", NULL);
  const char *barcode = member_string (item, "barcode", NULL);

  *out_code = sku ? sku : barcode;
  if (*out_code == NULL)
    return NULL;
  if (sku != NULL && g_str_has_prefix (sku, "PLU") && sku[3] != '\0')
    {
      AxwProduct *p = axw_products_find_plu (db, sku + 3, error);

      if (p != NULL || (error && *error))
        return p;
    }
  return axw_products_find_barcode (db, *out_code, error);
}

static Order *
parse_order (AxwDb       *db,
             const char  *text,
             guint        line_no,
             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;
  g_autoptr(Order) order = g_new0 (Order, 1);
  const char *id, *kind;
  JsonObject *root;
  JsonNode *node;
  JsonArray *lines;
  int sign;

  order->moves = g_array_new (FALSE, FALSE, sizeof (StockMove));
  /* a line holding only a comment parses, with no root */
  if (!json_parser_load_from_data (parser, text, -1, &local) || json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return refuse (error, line_no, _("not a JSON object (%s)"), local ? local->message : "?");
  root = json_node_get_object (json_parser_get_root (parser));
  id = member_string (root, "order_id", NULL);
  if (id == NULL || *id == '\0')
    return refuse (error, line_no, _("“order_id” is missing"));
  kind = member_string (root, "kind", "order");
  if (kind == NULL || (!g_str_equal (kind, "order") && !g_str_equal (kind, "return")))
    return refuse (error, line_no, _("“kind” is “%s”; use order or return"), kind ? kind : "?");
  sign = g_str_equal (kind, "order") ? -1 : 1;
  node = json_object_get_member (root, "lines");
  lines = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  if (lines == NULL || json_array_get_length (lines) == 0)
    return refuse (error, line_no, _("order %s has no “lines”"), id);

  order->order_id = g_strdup (id);
  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      JsonNode *element = json_array_get_element (lines, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      g_autoptr(AxwProduct) p = NULL;
      const char *code = NULL;
      StockMove m;

      if (item == NULL)
        return refuse (error, line_no, _("order %s, line %u is not an object"), id, i + 1);
      p = find_product (db, item, &code, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      if (code == NULL)
        return refuse (error, line_no, _("order %s, line %u needs “sku” or “barcode”"), id, i + 1);
      if (p == NULL)
        return refuse (error, line_no, _("order %s: %s is not in the catalog; add it first"), id, code);
      if (!parse_qty (item, &m.delta_milli))
        return refuse (error, line_no, _("order %s, line %u: “qty” must be a positive number of pieces or kg "
                                         "(at most 3 decimals), or “qty_milli” a positive integer"), id, i + 1);
      m.product_id = p->id;
      m.delta_milli *= sign;
      g_array_append_val (order->moves, m);
    }
  return g_steal_pointer (&order);
}

static GPtrArray *
parse_orders (AxwDb       *db,
              const char  *text,
              gsize        length,
              GError     **error)
{
  g_autoptr(GPtrArray) orders = g_ptr_array_new_with_free_func ((GDestroyNotify) order_free);
  g_autofree char *copy = g_strndup (text, length);
  g_auto(GStrv) lines = NULL;

  if (strlen (copy) != length || !g_utf8_validate (copy, -1, NULL))
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID, _("The file is not UTF-8 text. Nothing was imported."));
      return NULL;
    }
  lines = g_strsplit (copy, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      Order *o;

      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      o = parse_order (db, lines[i], i + 1, error);
      if (o == NULL)
        return NULL;
      g_ptr_array_add (orders, o);
    }
  return g_steal_pointer (&orders);
}

static gboolean
apply_order (AxwDb            *db,
             const Order      *o,
             const char       *now,
             AxwOnlineImport  *stats,
             GError          **error)
{
  sqlite3_stmt *stmt = axw_db_prepare (db, "INSERT INTO online_orders (order_id, applied_at) VALUES (?, ?) "
                                           "ON CONFLICT (order_id) DO NOTHING", error);

  if (stmt == NULL)
    return FALSE;
  axw_db_bind_text (stmt, 1, o->order_id);
  axw_db_bind_text (stmt, 2, now);
  if (!axw_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (axw_db_get_handle (db)) == 0)
    {
      stats->already++;
      return TRUE;
    }
  for (guint i = 0; i < o->moves->len; i++)
    {
      const StockMove *m = &g_array_index (o->moves, StockMove, i);

      stmt = axw_db_prepare (db, "UPDATE products SET stock_milli = stock_milli + ?, updated_at = ? "
                                 "WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, m->delta_milli);
      axw_db_bind_text (stmt, 2, now);
      sqlite3_bind_int64 (stmt, 3, m->product_id);
      if (!axw_db_step_done (db, stmt, error))
        return FALSE;
    }
  stats->applied++;
  stats->lines += o->moves->len;
  return TRUE;
}

/**
 * axw_online_orders_import:
 * @text: JSON Lines, one order per line (data/EXPORT.md)
 * @staff: (nullable): who imported, for the audit log
 * @stats: (out caller-allocates): orders applied and skipped
 *
 * Takes the goods of each order not seen before from the stock (a
 * "return" puts them back). One bad line: nothing changes, and the error
 * names the line.
 */
gboolean
axw_online_orders_import (AxwDb            *db,
                          const char       *text,
                          gsize             length,
                          const char       *staff,
                          AxwOnlineImport  *stats,
                          GError          **error)
{
  g_autoptr(GPtrArray) orders = NULL;
  g_autofree char *now = axw_now_utc_iso ();
  g_autofree char *detail = NULL;

  g_return_val_if_fail (AXW_IS_DB (db), FALSE);
  g_return_val_if_fail (text != NULL && stats != NULL, FALSE);

  memset (stats, 0, sizeof *stats);
  orders = parse_orders (db, text, length, error);
  if (orders == NULL)
    return FALSE;
  if (!axw_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < orders->len; i++)
    if (!apply_order (db, g_ptr_array_index (orders, i), now, stats, error))
      goto fail;
  detail = g_strdup_printf ("%u orders applied, %u already applied", stats->applied, stats->already);
  if (stats->applied > 0 && !axw_audit_append (db, staff, "online.import", detail, error))
    goto fail;
  if (!axw_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  axw_db_rollback (db);
  memset (stats, 0, sizeof *stats);
  return FALSE;
}
