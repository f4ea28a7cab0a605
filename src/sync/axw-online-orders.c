/* axw-online-orders.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole file is checked before anything changes; then every order is
 * applied in one transaction, each order id once (online_orders), so
 * importing the same file twice, or overlapping files, is harmless.
 * Quantities are bounded as typed ones are, the stock never leaves
 * ±AXW_STOCK_MAX_MILLI (SQLite would turn an overflow into a REAL), and a
 * return names the order it returns and never takes back more than that
 * order sold (online_order_lines).
 */
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "axw-audit.h"
#include "axw-error.h"
#include "axw-json.h"
#include "axw-money.h"
#include "axw-online-ledger.h"
#include "axw-online-orders.h"
#include "axw-products.h"

typedef struct {
  gint64 product_id;
  gint64 delta_milli;   /* negative: sold online */
} StockMove;

typedef struct {
  char   *order_id;
  char   *return_of;    /* a return: the order it returns; else NULL */
  guint   line_no;
  GArray *moves;        /* StockMove */
} Order;

static void
order_free (Order *o)
{
  g_free (o->order_id);
  g_free (o->return_of);
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
  g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID, _("Line %u: %s. Nothing was imported."),
               line_no, why);
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
      return *out_milli > 0 && *out_milli <= AXW_QTY_MAX_MILLI;
    }
  if ((node = json_object_get_member (item, "qty")) == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      gint64 q = json_node_get_int (node);

      if (q <= 0 || q > AXW_QTY_MAX_MILLI / 1000)
        return FALSE;
      *out_milli = q * 1000;
      return TRUE;
    }
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double milli = json_node_get_double (node) * 1000.0;

      if (!(milli > 0 && milli <= (double) AXW_QTY_MAX_MILLI) ||
          fabs (milli - round (milli)) > 1e-6)
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
  order->line_no = line_no;
  /* a line holding only a comment parses, with no root */
  if (!axw_json_load_bounded (parser, text, strlen (text), &local) ||
      json_parser_get_root (parser) == NULL ||
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
  if (sign > 0)
    {
      const char *of = member_string (root, "return_of", NULL);

      if (of == NULL || *of == '\0')
        return refuse (error, line_no, _("return %s must name the order it returns in “return_of”"),
                       id);
      if (g_str_equal (of, id))
        return refuse (error, line_no, _("return %s names itself in “return_of”"), id);
      order->return_of = g_strdup (of);
    }
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
        return refuse (error, line_no, _("order %s: %s is not in the catalog; add it first"), id,
                       code);
      if (!parse_qty (item, &m.delta_milli))
        return refuse (error, line_no,
                       _("order %s, line %u: “qty” must be a positive number of pieces or kg "
                                         "(at most 3 decimals), or “qty_milli” a positive integer"),
                                         id, i + 1);
      m.product_id = p->id;
      m.delta_milli *= sign;
      g_array_append_val (order->moves, m);
      if (order->moves->len > 1000)
        return refuse (error, line_no, _("order %s has more than 1000 lines"), id);
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
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("The file is not UTF-8 text. Nothing was imported."));
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

/* Refuses a return that is not of a known order, or that would take
 * back more of a product than the order sold (less earlier returns). */
static gboolean
check_return (AxwDb        *db,
              const Order  *o,
              GError      **error)
{
  gint64 sold, returned;
  gboolean known;

  if (!axw_online_ledger_known (db, o->return_of, &known, error))
    return FALSE;
  if (!known)
    return refuse (error, o->line_no, _("return %s is of order %s, which was never imported"),
                   o->order_id, o->return_of) != NULL;
  for (guint i = 0; i < o->moves->len; i++)
    {
      const StockMove *m = &g_array_index (o->moves, StockMove, i);
      gint64 asked = 0;

      /* this return's own lines for the product, all of them */
      for (guint j = 0; j < o->moves->len; j++)
        if (g_array_index (o->moves, StockMove, j).product_id == m->product_id)
          asked += g_array_index (o->moves, StockMove, j).delta_milli;
      if (!axw_online_ledger_sold (db, o->return_of, m->product_id, &sold, &returned, error))
        return FALSE;
      if (asked > sold - returned)
        {
          g_autofree char *left = axw_qty_format (MAX (sold - returned, 0));
          g_autofree char *want = axw_qty_format (asked);

          return refuse (error, o->line_no,
                         _("return %s takes back %s of a product order %s sold %s of "
                                             "(counting earlier returns)"),
                         o->order_id, want, o->return_of, left) != NULL;
        }
    }
  return TRUE;
}

static gboolean
move_stock (AxwDb            *db,
            const Order      *o,
            const StockMove  *m,
            const char       *now,
            AxwOnlineImport  *stats,
            GError          **error)
{
  g_autofree char *name = NULL;
  gint64 stock, after;

  if (!axw_online_ledger_stock_of (db, m->product_id, &stock, &name, error))
    return FALSE;
  if (__builtin_add_overflow (stock, m->delta_milli, &after) ||
      after > AXW_STOCK_MAX_MILLI || after < -AXW_STOCK_MAX_MILLI)
    return refuse (error, o->line_no, _("order %s would take the stock of %s out of range"),
                   o->order_id, name) != NULL;
  if (!axw_online_ledger_move (db, o->order_id, o->return_of, m->product_id, ABS (m->delta_milli),
                               after, now, error))
    return FALSE;
  if (stock >= 0 && after < 0)
    stats->below_zero++;
  return TRUE;
}

static gboolean
apply_order (AxwDb            *db,
             const Order      *o,
             const char       *now,
             AxwOnlineImport  *stats,
             GError          **error)
{
  gboolean known;

  if (!axw_online_ledger_known (db, o->order_id, &known, error))
    return FALSE;
  if (known)
    {
      stats->already++;
      return TRUE;
    }
  if (o->return_of != NULL && !check_return (db, o, error))
    return FALSE;
  if (!axw_online_ledger_add (db, o->order_id, now, error))
    return FALSE;
  for (guint i = 0; i < o->moves->len; i++)
    if (!move_stock (db, o, &g_array_index (o->moves, StockMove, i), now, stats, error))
      return FALSE;
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
  detail = g_strdup_printf ("%u orders applied, %u already applied", stats->applied,
                            stats->already);
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
