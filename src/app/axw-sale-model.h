/* axw-sale-model.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The open sale (docs/architecture.md, "One sale, several views"): the
 * cart, its quote, the red packet on it, the payments taken, the step the
 * sale is at and what happened last. The sale screen changes it; the
 * sale screen, the customer display and the pole display observe it.
 */
#pragma once

#include <glib-object.h>

#include "axw-cart.h"
#include "axw-payments.h"

G_BEGIN_DECLS

/* Where the sale is. */
typedef enum {
  AXW_SALE_STEP_IDLE,     /* nothing on the counter */
  AXW_SALE_STEP_SALE,     /* goods being scanned */
  AXW_SALE_STEP_PAY,      /* the amount due shown, payments being taken */
  AXW_SALE_STEP_DONE,     /* committed: the change */
} AxwSaleStep;

/* What happened last: the argument of the ::event signal. */
typedef enum {
  AXW_SALE_EVENT_NONE,
  AXW_SALE_EVENT_NEW_SALE,    /* a fresh sale, nothing on it */
  AXW_SALE_EVENT_LINE,        /* a line scanned or changed (its index), or removed (-1) */
  AXW_SALE_EVENT_RED_PACKET,  /* a red packet accepted */
  AXW_SALE_EVENT_DUE,         /* the payment step: the amount due */
  AXW_SALE_EVENT_PAYMENT,     /* a part payment taken or removed */
  AXW_SALE_EVENT_DONE,        /* the sale committed: the change */
  AXW_SALE_EVENT_PHRASE,      /* a phrase for the customer */
} AxwSaleEvent;

GType axw_sale_step_get_type  (void) G_GNUC_CONST;
GType axw_sale_event_get_type (void) G_GNUC_CONST;
#define AXW_TYPE_SALE_STEP  (axw_sale_step_get_type ())
#define AXW_TYPE_SALE_EVENT (axw_sale_event_get_type ())

#define AXW_TYPE_SALE_MODEL (axw_sale_model_get_type ())

G_DECLARE_FINAL_TYPE (AxwSaleModel, axw_sale_model, AXW, SALE_MODEL, GObject)

AxwSaleModel     *axw_sale_model_new             (void);

AxwCart          *axw_sale_model_get_cart        (AxwSaleModel     *self);
void              axw_sale_model_set_cart        (AxwSaleModel     *self,
                                                  AxwCart          *cart);
const AxwSale    *axw_sale_model_get_quote       (AxwSaleModel     *self);
void              axw_sale_model_set_quote       (AxwSaleModel     *self,
                                                  AxwSale          *quote);
const AxwSale    *axw_sale_model_get_last_sale   (AxwSaleModel     *self);
void              axw_sale_model_set_last_sale   (AxwSaleModel     *self,
                                                  AxwSale          *sale);

guint             axw_sale_model_get_n_payments  (AxwSaleModel     *self);
const AxwPayment *axw_sale_model_get_payments    (AxwSaleModel     *self);
const AxwPayment *axw_sale_model_get_payment     (AxwSaleModel     *self,
                                                  guint             index);
void              axw_sale_model_add_payment     (AxwSaleModel     *self,
                                                  const AxwPayment *payment);
void              axw_sale_model_remove_payment  (AxwSaleModel     *self,
                                                  guint             index);
void              axw_sale_model_clear           (AxwSaleModel     *self);
void              axw_sale_model_clear_payments  (AxwSaleModel     *self);
gboolean          axw_sale_model_settle          (AxwSaleModel     *self,
                                                  AxwSettlement    *out,
                                                  GError          **error);
gint64            axw_sale_model_get_due         (AxwSaleModel     *self);

AxwPayMethod      axw_sale_model_get_method      (AxwSaleModel     *self);
void              axw_sale_model_set_method      (AxwSaleModel     *self,
                                                  AxwPayMethod      method);
AxwSaleStep       axw_sale_model_get_step        (AxwSaleModel     *self);
void              axw_sale_model_set_step        (AxwSaleModel     *self,
                                                  AxwSaleStep       step);
const char       *axw_sale_model_get_promotion   (AxwSaleModel     *self);
void              axw_sale_model_set_promotion   (AxwSaleModel     *self,
                                                  const char       *text);
const char       *axw_sale_model_get_phrase      (AxwSaleModel     *self);
void              axw_sale_model_say             (AxwSaleModel     *self,
                                                  const char       *phrase);
AxwSaleEvent      axw_sale_model_get_last_event  (AxwSaleModel     *self);
gint              axw_sale_model_get_event_line  (AxwSaleModel     *self);
void              axw_sale_model_emit            (AxwSaleModel     *self,
                                                  AxwSaleEvent      event,
                                                  gint              line);

G_END_DECLS
