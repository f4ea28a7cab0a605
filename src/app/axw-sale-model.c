/* axw-sale-model.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The open sale, observed by the sale screen, the customer display and the
 * pole display. It holds state and tells who listens; it decides nothing:
 * prices come from axw_checkout_quote (set here by the sale screen), what
 * the payments settle from axw_payments_settle_sale.
 */
#include "axw-sale-model.h"

struct _AxwSaleModel
{
  GObject       parent_instance;

  AxwCart      *cart;
  AxwSale      *quote;
  AxwSale      *last_sale;
  GArray       *payments;     /* AxwPayment taken so far */
  AxwPayMethod  method;
  AxwSaleStep   step;         /* as set; IDLE is worked out from the cart */
  AxwSaleStep   shown_step;   /* the property's value */
  char         *promotion;
  char         *phrase;
  AxwSaleEvent  last_event;
  gint          event_line;
};

G_DEFINE_FINAL_TYPE (AxwSaleModel, axw_sale_model, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (AxwSaleStep, axw_sale_step,
                    G_DEFINE_ENUM_VALUE (AXW_SALE_STEP_IDLE, "idle"),
                    G_DEFINE_ENUM_VALUE (AXW_SALE_STEP_SALE, "sale"),
                    G_DEFINE_ENUM_VALUE (AXW_SALE_STEP_PAY, "pay"),
                    G_DEFINE_ENUM_VALUE (AXW_SALE_STEP_DONE, "done"))

G_DEFINE_ENUM_TYPE (AxwSaleEvent, axw_sale_event,
                    G_DEFINE_ENUM_VALUE (AXW_SALE_EVENT_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (AXW_SALE_EVENT_NEW_SALE, "new-sale"),
                    G_DEFINE_ENUM_VALUE (AXW_SALE_EVENT_LINE, "line"),
                    G_DEFINE_ENUM_VALUE (AXW_SALE_EVENT_RED_PACKET, "red-packet"),
                    G_DEFINE_ENUM_VALUE (AXW_SALE_EVENT_DUE, "due"),
                    G_DEFINE_ENUM_VALUE (AXW_SALE_EVENT_PAYMENT, "payment"),
                    G_DEFINE_ENUM_VALUE (AXW_SALE_EVENT_DONE, "done"),
                    G_DEFINE_ENUM_VALUE (AXW_SALE_EVENT_PHRASE, "phrase"))

enum {
  PROP_0,
  PROP_QUOTE,
  PROP_LAST_SALE,
  PROP_N_PAYMENTS,
  PROP_STEP,
  PROP_PROMOTION,
  PROP_PHRASE,
  PROP_LAST_EVENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_EVENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* (g_set_str is GLib 2.76) */
static gboolean
set_str (char       **field,
         const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
update_step (AxwSaleModel *self)
{
  AxwSaleStep step = self->step;

  if (step == AXW_SALE_STEP_SALE && axw_cart_is_empty (self->cart) && self->payments->len == 0)
    step = AXW_SALE_STEP_IDLE;
  if (step == self->shown_step)
    return;
  self->shown_step = step;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

static void
set_n_payments (AxwSaleModel *self,
                guint         n)
{
  if (n == self->payments->len)
    return;
  g_array_set_size (self->payments, n);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAYMENTS]);
  update_step (self);
}

AxwSaleModel *
axw_sale_model_new (void)
{
  return g_object_new (AXW_TYPE_SALE_MODEL, NULL);
}

/* Returns: (transfer none): the goods on the counter, changed in place by
 * the sale screen, which sets a new quote after each change */
AxwCart *
axw_sale_model_get_cart (AxwSaleModel *self)
{
  g_return_val_if_fail (AXW_IS_SALE_MODEL (self), NULL);
  return self->cart;
}

/* @cart: (transfer full): another cart (a held sale recalled) */
void
axw_sale_model_set_cart (AxwSaleModel *self,
                         AxwCart      *cart)
{
  g_return_if_fail (AXW_IS_SALE_MODEL (self));
  g_return_if_fail (cart != NULL);
  if (cart == self->cart)
    return;
  axw_cart_free (self->cart);
  self->cart = cart;
}

/* Returns: (nullable): the cart as axw_checkout_quote priced it last */
const AxwSale *
axw_sale_model_get_quote (AxwSaleModel *self)
{
  g_return_val_if_fail (AXW_IS_SALE_MODEL (self), NULL);
  return self->quote;
}

/* @quote: (transfer full): the cart priced again; ::notify::quote follows */
void
axw_sale_model_set_quote (AxwSaleModel *self,
                          AxwSale      *quote)
{
  g_return_if_fail (AXW_IS_SALE_MODEL (self));
  if (quote == self->quote)
    return;
  g_clear_pointer (&self->quote, axw_sale_free);
  self->quote = quote;
  update_step (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUOTE]);
}

/* Returns: (nullable): the sale committed last */
const AxwSale *
axw_sale_model_get_last_sale (AxwSaleModel *self)
{
  g_return_val_if_fail (AXW_IS_SALE_MODEL (self), NULL);
  return self->last_sale;
}

/* @sale: (transfer full) */
void
axw_sale_model_set_last_sale (AxwSaleModel *self,
                              AxwSale      *sale)
{
  g_return_if_fail (AXW_IS_SALE_MODEL (self));
  if (sale == self->last_sale)
    return;
  g_clear_pointer (&self->last_sale, axw_sale_free);
  self->last_sale = sale;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SALE]);
}

guint
axw_sale_model_get_n_payments (AxwSaleModel *self)
{
  g_return_val_if_fail (AXW_IS_SALE_MODEL (self), 0);
  return self->payments->len;
}

/* Returns: the payments taken so far, axw_sale_model_get_n_payments() of them */
const AxwPayment *
axw_sale_model_get_payments (AxwSaleModel *self)
{
  g_return_val_if_fail (AXW_IS_SALE_MODEL (self), NULL);
  return (const AxwPayment *) self->payments->data;
}

const AxwPayment *
axw_sale_model_get_payment (AxwSaleModel *self,
                            guint         index)
{
  g_return_val_if_fail (AXW_IS_SALE_MODEL (self), NULL);
  g_return_val_if_fail (index < self->payments->len, NULL);
  return &g_array_index (self->payments, AxwPayment, index);
}

void
axw_sale_model_add_payment (AxwSaleModel     *self,
                            const AxwPayment *payment)
{
  g_return_if_fail (AXW_IS_SALE_MODEL (self));
  g_array_append_val (self->payments, *payment);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAYMENTS]);
  update_step (self);
}

void
axw_sale_model_remove_payment (AxwSaleModel *self,
                               guint         index)
{
  g_return_if_fail (AXW_IS_SALE_MODEL (self));
  g_return_if_fail (index < self->payments->len);
  g_array_remove_index (self->payments, index);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAYMENTS]);
  update_step (self);
}

/* Empties the cart and forgets the payments; the quote stays until the
 * sale screen prices the empty cart. */
void
axw_sale_model_clear (AxwSaleModel *self)
{
  g_return_if_fail (AXW_IS_SALE_MODEL (self));
  axw_cart_clear (self->cart);
  set_n_payments (self, 0);
}

void
axw_sale_model_clear_payments (AxwSaleModel *self)
{
  g_return_if_fail (AXW_IS_SALE_MODEL (self));
  set_n_payments (self, 0);
}

/* What core makes of the payments taken so far (docs/design.md §5.5). */
gboolean
axw_sale_model_settle (AxwSaleModel   *self,
                       AxwSettlement  *out,
                       GError        **error)
{
  g_return_val_if_fail (AXW_IS_SALE_MODEL (self), FALSE);
  return axw_payments_settle_sale (self->quote, (const AxwPayment *) self->payments->data,
                                   self->payments->len, out, error);
}

/* Returns: what is still owed if the rest is paid in the chosen method */
gint64
axw_sale_model_get_due (AxwSaleModel *self)
{
  AxwSettlement s;

  g_return_val_if_fail (AXW_IS_SALE_MODEL (self), 0);
  return axw_sale_model_settle (self, &s, NULL) ? axw_payments_due (&s, self->method) : 0;
}

AxwPayMethod
axw_sale_model_get_method (AxwSaleModel *self)
{
  g_return_val_if_fail (AXW_IS_SALE_MODEL (self), AXW_PAY_CASH);
  return self->method;
}

void
axw_sale_model_set_method (AxwSaleModel *self,
                           AxwPayMethod  method)
{
  g_return_if_fail (AXW_IS_SALE_MODEL (self));
  self->method = method;
}

/* Returns: the step; IDLE when the sale step has nothing on the counter */
AxwSaleStep
axw_sale_model_get_step (AxwSaleModel *self)
{
  g_return_val_if_fail (AXW_IS_SALE_MODEL (self), AXW_SALE_STEP_IDLE);
  return self->shown_step;
}

/* @step: SALE, PAY or DONE (IDLE is the SALE step of an empty cart) */
void
axw_sale_model_set_step (AxwSaleModel *self,
                         AxwSaleStep   step)
{
  g_return_if_fail (AXW_IS_SALE_MODEL (self));
  self->step = step == AXW_SALE_STEP_IDLE ? AXW_SALE_STEP_SALE : step;
  update_step (self);
}

/* Returns: today's promotions in words, as the sale screen shows them */
const char *
axw_sale_model_get_promotion (AxwSaleModel *self)
{
  g_return_val_if_fail (AXW_IS_SALE_MODEL (self), NULL);
  return self->promotion;
}

void
axw_sale_model_set_promotion (AxwSaleModel *self,
                              const char   *text)
{
  g_return_if_fail (AXW_IS_SALE_MODEL (self));
  if (set_str (&self->promotion, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROMOTION]);
}

/* Returns: (nullable): the phrase shown to the customer last */
const char *
axw_sale_model_get_phrase (AxwSaleModel *self)
{
  g_return_val_if_fail (AXW_IS_SALE_MODEL (self), NULL);
  return self->phrase;
}

/**
 * axw_sale_model_say:
 * @phrase: words for the customer ("请稍等")
 *
 * Puts @phrase on the customer's side: ::event PHRASE follows, even when
 * the same phrase is said again (the cashier pressed it again).
 */
void
axw_sale_model_say (AxwSaleModel *self,
                    const char   *phrase)
{
  g_return_if_fail (AXW_IS_SALE_MODEL (self));
  g_return_if_fail (phrase != NULL);
  if (set_str (&self->phrase, phrase))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHRASE]);
  axw_sale_model_emit (self, AXW_SALE_EVENT_PHRASE, -1);
}

AxwSaleEvent
axw_sale_model_get_last_event (AxwSaleModel *self)
{
  g_return_val_if_fail (AXW_IS_SALE_MODEL (self), AXW_SALE_EVENT_NONE);
  return self->last_event;
}

/* Returns: the line of the last LINE event, else -1 */
gint
axw_sale_model_get_event_line (AxwSaleModel *self)
{
  g_return_val_if_fail (AXW_IS_SALE_MODEL (self), -1);
  return self->event_line;
}

/**
 * axw_sale_model_emit:
 * @line: the quote's line for LINE, else -1
 *
 * Tells the views what just happened, once the state it is about (the
 * quote, the payments, the last sale) is set.
 */
void
axw_sale_model_emit (AxwSaleModel *self,
                     AxwSaleEvent  event,
                     gint          line)
{
  gboolean changed;

  g_return_if_fail (AXW_IS_SALE_MODEL (self));
  changed = event != self->last_event;
  self->last_event = event;
  self->event_line = line;
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_EVENT]);
  g_signal_emit (self, signals[SIGNAL_EVENT], 0, event, line);
}

static void
axw_sale_model_finalize (GObject *object)
{
  AxwSaleModel *self = AXW_SALE_MODEL (object);

  g_clear_pointer (&self->cart, axw_cart_free);
  g_clear_pointer (&self->quote, axw_sale_free);
  g_clear_pointer (&self->last_sale, axw_sale_free);
  g_clear_pointer (&self->payments, g_array_unref);
  g_clear_pointer (&self->promotion, g_free);
  g_clear_pointer (&self->phrase, g_free);
  G_OBJECT_CLASS (axw_sale_model_parent_class)->finalize (object);
}

static void
axw_sale_model_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AxwSaleModel *self = AXW_SALE_MODEL (object);

  switch (prop_id)
    {
    case PROP_QUOTE:
      g_value_set_pointer (value, self->quote);
      break;
    case PROP_LAST_SALE:
      g_value_set_pointer (value, self->last_sale);
      break;
    case PROP_N_PAYMENTS:
      g_value_set_uint (value, self->payments->len);
      break;
    case PROP_STEP:
      g_value_set_enum (value, self->shown_step);
      break;
    case PROP_PROMOTION:
      g_value_set_string (value, self->promotion);
      break;
    case PROP_PHRASE:
      g_value_set_string (value, self->phrase);
      break;
    case PROP_LAST_EVENT:
      g_value_set_enum (value, self->last_event);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
axw_sale_model_class_init (AxwSaleModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = axw_sale_model_finalize;
  object_class->get_property = axw_sale_model_get_property;

  /* AxwSaleModel:quote: (type AxwSale) the cart priced, replaced after each change */
  properties[PROP_QUOTE] = g_param_spec_pointer ("quote", NULL, NULL, ro);
  /* AxwSaleModel:last-sale: (type AxwSale) the sale committed last */
  properties[PROP_LAST_SALE] = g_param_spec_pointer ("last-sale", NULL, NULL, ro);
  properties[PROP_N_PAYMENTS] = g_param_spec_uint ("n-payments", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_STEP] = g_param_spec_enum ("step", NULL, NULL, AXW_TYPE_SALE_STEP,
                                             AXW_SALE_STEP_IDLE, ro);
  properties[PROP_PROMOTION] = g_param_spec_string ("promotion", NULL, NULL, NULL, ro);
  properties[PROP_PHRASE] = g_param_spec_string ("phrase", NULL, NULL, NULL, ro);
  properties[PROP_LAST_EVENT] = g_param_spec_enum ("last-event", NULL, NULL, AXW_TYPE_SALE_EVENT,
                                                   AXW_SALE_EVENT_NONE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AxwSaleModel::event:
   * @event: an #AxwSaleEvent
   * @line: the quote's line for %AXW_SALE_EVENT_LINE, else -1
   *
   * Something happened to the sale that a view shows at once: a line
   * scanned, a red packet accepted, the amount due, a payment, the
   * change, a phrase. Emitted after the state it is about is set.
   */
  signals[SIGNAL_EVENT] = g_signal_new ("event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 2, AXW_TYPE_SALE_EVENT,
                                        G_TYPE_INT);
}

static void
axw_sale_model_init (AxwSaleModel *self)
{
  self->cart = axw_cart_new ();
  self->payments = g_array_new (FALSE, TRUE, sizeof (AxwPayment));
  self->method = AXW_PAY_CASH;
  self->step = AXW_SALE_STEP_SALE;
  self->shown_step = AXW_SALE_STEP_IDLE;
  self->event_line = -1;
}
