/* axw-manager-pin-dialog.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "axw-keypad.h"
#include "axw-manager-pin-dialog.h"
#include "axw-staff.h"

struct _AxwManagerPinDialog
{
  GtkWindow         parent_instance;

  AxwDb            *db;
  gboolean          cashier_only;
  GCancellable     *checking;
  GtkStringList    *managers;

  GtkLabel         *title_label;
  GtkLabel         *value_label;
  GtkEntry         *value_entry;
  AxwKeypad        *keypad;
  GtkWidget        *manager_label;
  GtkDropDown      *manager_drop;
  GtkWidget        *pin_label;
  GtkWidget        *reason_label;
  GtkPasswordEntry *pin_entry;
  GtkEntry         *reason_entry;
  GtkLabel         *message;
};

G_DEFINE_FINAL_TYPE (AxwManagerPinDialog, axw_manager_pin_dialog, GTK_TYPE_WINDOW)

enum {
  SIGNAL_AUTHORIZED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (AxwManagerPinDialog *self,
              const char          *message,
              gboolean             error)
{
  g_autofree char *text = error ? g_strconcat ("✖ ", message, NULL) : g_strdup (message);

  gtk_label_set_text (self->message, text);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message), "axw-error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message), "axw-error");
  gtk_widget_set_visible (GTK_WIDGET (self->message), TRUE);
}

/**
 * axw_manager_pin_dialog_show_error:
 *
 * Keeps the dialog open with @message, the PIN to be typed again.
 */
void
axw_manager_pin_dialog_show_error (AxwManagerPinDialog *self,
                                   const char          *message)
{
  g_return_if_fail (AXW_IS_MANAGER_PIN_DIALOG (self));

  show_message (self, message, TRUE);
}

static const char *
chosen_manager (AxwManagerPinDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->manager_drop);

  return i == GTK_INVALID_LIST_POSITION ? NULL : gtk_string_list_get_string (self->managers, i);
}

typedef struct {
  AxwManagerPinDialog *self;
  char                *reason;
  char                *value;
} Asked;

static void
asked_free (Asked *a)
{
  g_object_unref (a->self);
  g_free (a->reason);
  g_free (a->value);
  g_free (a);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Asked, asked_free)

static void
pin_checked_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(Asked) a = data;
  AxwManagerPinDialog *self = a->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwStaff) manager = NULL;

  if (self->db == NULL)
    return;
  manager = axw_staff_authorize_manager_finish (self->db, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->checking);
  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  if (manager == NULL)
    {
      axw_manager_pin_dialog_show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->pin_entry));
      return;
    }
  g_signal_emit (self, signals[SIGNAL_AUTHORIZED], 0, manager->name, a->reason, a->value);
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  AxwManagerPinDialog *self = AXW_MANAGER_PIN_DIALOG (widget);
  g_autofree char *pin = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->pin_entry)));
  const char *reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_entry));
  Asked *a;

  gtk_editable_set_text (GTK_EDITABLE (self->pin_entry), "");
  if (self->checking != NULL)
    return;
  if (gtk_widget_get_visible (GTK_WIDGET (self->value_entry)) &&
      *gtk_editable_get_text (GTK_EDITABLE (self->value_entry)) == '\0')
    {
      axw_manager_pin_dialog_show_error (self, _("Type the value first."));
      gtk_widget_grab_focus (GTK_WIDGET (self->value_entry));
      return;
    }
  if (self->cashier_only)
    {
      g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->value_entry))));

      g_signal_emit (self, signals[SIGNAL_AUTHORIZED], 0, "", "", value);
      return;
    }
  if (chosen_manager (self) == NULL)
    {
      axw_manager_pin_dialog_show_error (self, _("No manager can do this. Add a manager first."));
      return;
    }
  a = g_new0 (Asked, 1);
  a->self = g_object_ref (self);
  a->reason = g_strstrip (g_strdup (reason));
  a->value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->value_entry))));
  if (*a->reason == '\0')
    {
      asked_free (a);
      axw_manager_pin_dialog_show_error (self, _("Say why: type a reason."));
      gtk_widget_grab_focus (GTK_WIDGET (self->reason_entry));
      return;
    }
  self->checking = g_cancellable_new ();
  show_message (self, _("Checking the PIN…"), FALSE);
  axw_staff_login_async (self->db, chosen_manager (self), pin, self->checking, pin_checked_cb, a);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

/* Enter moves on to the next field, and confirms from the last one. */
static void
value_activate_cb (AxwManagerPinDialog *self)
{
  if (self->cashier_only)
    gtk_widget_activate_action (GTK_WIDGET (self), "exception.confirm", NULL);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->pin_entry));
}

static void
pin_activate_cb (AxwManagerPinDialog *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->reason_entry));
}

static void
reason_activate_cb (AxwManagerPinDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "exception.confirm", NULL);
}

static void
load_managers (AxwManagerPinDialog *self)
{
  g_autoptr(GPtrArray) staff = axw_staff_list (self->db, NULL);

  for (guint i = 0; staff && i < staff->len; i++)
    {
      const AxwStaff *s = g_ptr_array_index (staff, i);

      if (s->manager && s->active)
        gtk_string_list_append (self->managers, s->name);
    }
}

/**
 * axw_manager_pin_dialog_new:
 * @title: what the manager authorizes, in words
 *
 * Show it with axw_manager_pin_dialog_present() once asked what it needs:
 * a window shown first and grown later may keep its first, smaller size.
 *
 * Returns: (transfer none): the dialog; it destroys itself when closed
 */
AxwManagerPinDialog *
axw_manager_pin_dialog_new (GtkWindow  *parent,
                            AxwDb      *db,
                            const char *title)
{
  AxwManagerPinDialog *self = g_object_new (AXW_TYPE_MANAGER_PIN_DIALOG, "transient-for", parent,
                                            "title", title, NULL);

  self->db = g_object_ref (db);
  gtk_label_set_text (self->title_label, title);
  load_managers (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->pin_entry));
  return self;
}

/**
 * axw_manager_pin_dialog_present:
 *
 * Shows the dialog, asked what it needs, with the keyboard in its first
 * field (the value asked for, else the manager's PIN).
 */
void
axw_manager_pin_dialog_present (AxwManagerPinDialog *self)
{
  g_return_if_fail (AXW_IS_MANAGER_PIN_DIALOG (self));

  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (gtk_widget_get_visible (GTK_WIDGET (self->value_entry))
                         ? GTK_WIDGET (self->value_entry)
                                                                                 : GTK_WIDGET (self->pin_entry));
}

/**
 * axw_manager_pin_dialog_ask_value:
 * @money: a price in yuan: the keypad is shown for touch
 *
 * Asks for one more value first (given to "authorized" as @value).
 */
void
axw_manager_pin_dialog_ask_value (AxwManagerPinDialog *self,
                                  const char          *label,
                                  gboolean             money)
{
  g_return_if_fail (AXW_IS_MANAGER_PIN_DIALOG (self));

  gtk_label_set_text_with_mnemonic (self->value_label, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->value_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (self->value_label), -1);
  gtk_widget_set_visible (GTK_WIDGET (self->value_label), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->value_entry), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->keypad), money);
  axw_keypad_set_decimal (self->keypad, money);
  gtk_widget_grab_focus (GTK_WIDGET (self->value_entry));
}

/* A likely value, ready to confirm or type over. */
void
axw_manager_pin_dialog_set_value (AxwManagerPinDialog *self,
                                  const char          *value)
{
  g_return_if_fail (AXW_IS_MANAGER_PIN_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->value_entry), value);
  gtk_editable_select_region (GTK_EDITABLE (self->value_entry), 0, -1);
}

/**
 * axw_manager_pin_dialog_set_cashier_only:
 *
 * Asks only for the value (the cashier's own decision, such as the price
 * of an open-price item): "authorized" comes at Enter, with an empty
 * manager and reason.
 */
void
axw_manager_pin_dialog_set_cashier_only (AxwManagerPinDialog *self)
{
  g_return_if_fail (AXW_IS_MANAGER_PIN_DIALOG (self));

  self->cashier_only = TRUE;
  gtk_widget_set_visible (self->manager_label, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->manager_drop), FALSE);
  gtk_widget_set_visible (self->pin_label, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->pin_entry), FALSE);
  gtk_widget_set_visible (self->reason_label, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_entry), FALSE);
}

static void
axw_manager_pin_dialog_dispose (GObject *object)
{
  AxwManagerPinDialog *self = AXW_MANAGER_PIN_DIALOG (object);

  g_cancellable_cancel (self->checking);
  g_clear_object (&self->checking);
  g_clear_object (&self->managers);
  g_clear_object (&self->db);
  gtk_widget_dispose_template (GTK_WIDGET (self), AXW_TYPE_MANAGER_PIN_DIALOG);
  G_OBJECT_CLASS (axw_manager_pin_dialog_parent_class)->dispose (object);
}

static void
axw_manager_pin_dialog_class_init (AxwManagerPinDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = axw_manager_pin_dialog_dispose;

  /**
   * AxwManagerPinDialog::authorized:
   * @manager: the manager whose PIN was right
   * @reason: the reason typed, stripped, never empty
   * @value: the value asked for, or "" when none was asked
   */
  signals[SIGNAL_AUTHORIZED] = g_signal_new ("authorized", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                             G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);

  g_type_ensure (AXW_TYPE_KEYPAD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/aixinwu/Pos/ui/axw-manager-pin-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AxwManagerPinDialog, title_label);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerPinDialog, value_label);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerPinDialog, value_entry);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerPinDialog, keypad);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerPinDialog, manager_label);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerPinDialog, pin_label);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerPinDialog, reason_label);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerPinDialog, manager_drop);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerPinDialog, pin_entry);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerPinDialog, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerPinDialog, message);
  gtk_widget_class_bind_template_callback (widget_class, value_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, pin_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, reason_activate_cb);
  gtk_widget_class_install_action (widget_class, "exception.confirm", NULL, confirm_action);
  gtk_widget_class_install_action (widget_class, "exception.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "exception.cancel", NULL);
}

static void
axw_manager_pin_dialog_init (AxwManagerPinDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->managers = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->manager_drop, G_LIST_MODEL (self->managers));
  axw_keypad_set_target (self->keypad, GTK_EDITABLE (self->value_entry));
}
