/* axw-pole-view.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pole display as a view of the open sale: each event of the model
 * becomes a frame (the line just scanned and the total, the amount due,
 * a payment and what is still due, the change), queued for the display's
 * worker. Phrases are words: a display of digits and ASCII has none.
 */
#include "axw-pole-view.h"

/* What the pole display shows after @event. Returns in @out->show
 * AXW_POLE_WELCOME for nothing else to show. */
void
axw_pole_view_frame_of (AxwSaleModel *model,
                        AxwSaleEvent  event,
                        gint          line,
                        AxwPoleFrame *out)
{
  const AxwSale *q = axw_sale_model_get_quote (model);
  const AxwSale *last = axw_sale_model_get_last_sale (model);
  guint n = axw_sale_model_get_n_payments (model);

  *out = (AxwPoleFrame) { AXW_POLE_WELCOME, 0, 0, 0, NULL };
  switch (event)
    {
    case AXW_SALE_EVENT_LINE:
      if (q != NULL && line >= 0 && (guint) line < q->lines->len)
        {
          const AxwLine *l = axw_sale_get_line ((AxwSale *) q, (guint) line);

          *out = (AxwPoleFrame) { AXW_POLE_LINE, l->qty_milli, l->net_fen, q->total_fen, l->name };
        }
      else
        *out = (AxwPoleFrame) { AXW_POLE_TOTAL, 0, q ? q->total_fen : 0, 0 };
      break;
    case AXW_SALE_EVENT_RED_PACKET:
      *out = (AxwPoleFrame) { AXW_POLE_TOTAL, 0, q ? q->total_fen : 0, 0 };
      break;
    case AXW_SALE_EVENT_DUE:
      *out = (AxwPoleFrame) { AXW_POLE_TOTAL, 0, axw_sale_model_get_due (model), 0 };
      break;
    case AXW_SALE_EVENT_PAYMENT:
      *out = (AxwPoleFrame) { AXW_POLE_PAID, 0,
                              n ? axw_sale_model_get_payment (model, n - 1)->tendered_fen : 0,
                              axw_sale_model_get_due (model) };
      break;
    case AXW_SALE_EVENT_DONE:
      if (last != NULL)
        {
          const AxwPayment *p = (const AxwPayment *) last->payments->data;

          *out = (AxwPoleFrame) { AXW_POLE_CHANGE, 0,
                                  last->payments->len == 1
                                    ? p[0].tendered_fen : axw_sale_paid_fen (last),
                                  last->change_fen };
        }
      break;
    case AXW_SALE_EVENT_NEW_SALE:
    case AXW_SALE_EVENT_PHRASE:
    case AXW_SALE_EVENT_NONE:
    default:
      break;
    }
}

static void
event_cb (AxwSaleModel   *model,
          AxwSaleEvent    event,
          gint            line,
          AxwPoleDisplay *pole)
{
  AxwPoleFrame frame;

  if (event == AXW_SALE_EVENT_PHRASE || event == AXW_SALE_EVENT_NONE)
    return;
  axw_pole_view_frame_of (model, event, line, &frame);
  axw_pole_display_show (pole, &frame);
}

/* @pole follows @model until either is gone. */
void
axw_pole_view_attach (AxwPoleDisplay *pole,
                      AxwSaleModel   *model)
{
  g_signal_connect_object (model, "event", G_CALLBACK (event_cb), pole, 0);
}
