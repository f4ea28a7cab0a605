/* test-sale-model.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The open sale's model (AxwSaleModel): each property is notified when it
 * changes and only then; the step follows the cart and the payments; the
 * ::event signal comes after the state it is about; what is due is
 * core's settlement of the quote.
 */
#include "axw-sale-model.h"

typedef struct {
  GHashTable *notified;   /* property name → count */
  GArray     *events;     /* AxwSaleEvent */
  GArray     *lines;      /* gint */
  AxwSaleStep step_at_event;
} Seen;

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           Seen       *seen)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (seen->notified, pspec->name));

  g_hash_table_insert (seen->notified, (gpointer) pspec->name, GUINT_TO_POINTER (n + 1));
}

static void
event_cb (AxwSaleModel *model,
          AxwSaleEvent  event,
          gint          line,
          Seen         *seen)
{
  g_array_append_val (seen->events, event);
  g_array_append_val (seen->lines, line);
  seen->step_at_event = axw_sale_model_get_step (model);
}

static guint
count (Seen       *seen,
       const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (seen->notified, name));
}

/* A quote of @n lines of ¥10.00, total @n × ¥10.00, as core would price it. */
static AxwSale *
quote_of (guint n)
{
  AxwSale *q = axw_sale_new ();

  for (guint i = 0; i < n; i++)
    {
      AxwLine *l = g_new0 (AxwLine, 1);

      l->name = g_strdup ("赤松茸");
      l->qty_milli = 1000;
      l->unit_price_fen = l->gross_fen = l->net_fen = l->pay_fen = 1000;
      g_ptr_array_add (q->lines, l);
    }
  q->gross_fen = q->net_fen = q->total_fen = q->cash_total_fen = 1000 * (gint64) n;
  return q;
}

static void
test_notify (void)
{
  g_autoptr(AxwSaleModel) model = axw_sale_model_new ();
  Seen seen = { g_hash_table_new (g_str_hash, g_str_equal),
    g_array_new (FALSE, FALSE, sizeof (AxwSaleEvent)),
                g_array_new (FALSE, FALSE, sizeof (gint)), 0 };
  AxwPayment cash = { AXW_PAY_CASH, 1000, 5000 };
  AxwSettlement s;

  g_signal_connect (model, "notify", G_CALLBACK (notify_cb), &seen);
  g_signal_connect (model, "event", G_CALLBACK (event_cb), &seen);
  g_assert_cmpint (axw_sale_model_get_step (model), ==, AXW_SALE_STEP_IDLE);

  axw_sale_model_set_promotion (model, "今日优惠：爱心日");
  axw_sale_model_set_promotion (model, "今日优惠：爱心日");
  g_assert_cmpuint (count (&seen, "promotion"), ==, 1);

  /* a line: the quote changes, and with goods on the counter the step too */
  axw_cart_add (axw_sale_model_get_cart (model),
                &(AxwLine) { .name = "赤松茸", .barcode = "6971234560018", .qty_milli = 1000,
                                                             .unit_price_fen = 1000,
                                                             .product_id = 1 });
  axw_sale_model_set_quote (model, quote_of (1));
  g_assert_cmpuint (count (&seen, "quote"), ==, 1);
  g_assert_cmpint (axw_sale_model_get_step (model), ==, AXW_SALE_STEP_SALE);
  g_assert_cmpuint (count (&seen, "step"), ==, 1);
  axw_sale_model_emit (model, AXW_SALE_EVENT_LINE, 0);
  g_assert_cmpuint (seen.events->len, ==, 1);
  g_assert_cmpint (g_array_index (seen.events, AxwSaleEvent, 0), ==, AXW_SALE_EVENT_LINE);
  g_assert_cmpint (g_array_index (seen.lines, gint, 0), ==, 0);
  g_assert_cmpuint (count (&seen, "last-event"), ==, 1);
  axw_sale_model_emit (model, AXW_SALE_EVENT_LINE, 0);
  g_assert_cmpuint (seen.events->len, ==, 2);
  g_assert_cmpuint (count (&seen, "last-event"), ==, 1);   /* the same kind: no notify */

  /* paying: the step, the amount due as core settles it */
  axw_sale_model_set_step (model, AXW_SALE_STEP_PAY);
  axw_sale_model_set_step (model, AXW_SALE_STEP_PAY);
  g_assert_cmpuint (count (&seen, "step"), ==, 2);
  g_assert_cmpint (axw_sale_model_get_due (model), ==, 1000);
  axw_sale_model_add_payment (model, &cash);
  g_assert_cmpuint (count (&seen, "n-payments"), ==, 1);
  g_assert_true (axw_sale_model_settle (model, &s, NULL));
  g_assert_true (s.settled);
  g_assert_cmpint (s.change_fen, ==, 4000);

  /* done, then a new sale: the payments go, the step is idle again */
  axw_sale_model_set_step (model, AXW_SALE_STEP_DONE);
  axw_sale_model_emit (model, AXW_SALE_EVENT_DONE, -1);
  g_assert_cmpint (seen.step_at_event, ==, AXW_SALE_STEP_DONE);
  axw_sale_model_clear (model);
  g_assert_cmpuint (count (&seen, "n-payments"), ==, 2);
  axw_sale_model_clear (model);
  g_assert_cmpuint (count (&seen, "n-payments"), ==, 2);   /* nothing left to clear */
  axw_sale_model_set_quote (model, quote_of (0));
  axw_sale_model_set_step (model, AXW_SALE_STEP_SALE);
  g_assert_cmpint (axw_sale_model_get_step (model), ==, AXW_SALE_STEP_IDLE);

  /* a phrase: an event each time, a notify only when the words change */
  axw_sale_model_say (model, "请稍等");
  axw_sale_model_say (model, "请稍等");
  g_assert_cmpuint (count (&seen, "phrase"), ==, 1);
  g_assert_cmpint (g_array_index (seen.events, AxwSaleEvent, seen.events->len - 1), ==,
                   AXW_SALE_EVENT_PHRASE);
  g_assert_cmpint (g_array_index (seen.events, AxwSaleEvent, seen.events->len - 2), ==,
                   AXW_SALE_EVENT_PHRASE);
  g_assert_cmpstr (axw_sale_model_get_phrase (model), ==, "请稍等");

  g_hash_table_unref (seen.notified);
  g_array_unref (seen.events);
  g_array_unref (seen.lines);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sale-model/notify", test_notify);
  return g_test_run ();
}
