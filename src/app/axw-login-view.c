/* axw-login-view.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Staff touch their name, then type the PIN on the large pad or the
 * keyboard. Wrong PINs count towards the lockout of axw_staff_login,
 * whose messages say what to do.
 */
#include <glib/gi18n.h>

#include "axw-a11y.h"
#include "axw-keypad.h"
#include "axw-login-view.h"
#include "axw-sale-view.h"
#include "axw-settings.h"

struct _AxwLoginView
{
  GtkWidget         parent_instance;

  AxwApplication   *app;
  char             *staff_name;

  GtkStack         *pages;
  GtkLabel         *shop_label;
  GtkGrid          *staff_grid;
  GtkLabel         *staff_message;
  GtkLabel         *pin_title;
  GtkPasswordEntry *pin_entry;
  GtkLabel         *pin_message;
  AxwKeypad        *keypad;
  /* while a PIN is being checked (off the GTK thread) */
  GCancellable     *checking;
};

G_DEFINE_FINAL_TYPE (AxwLoginView, axw_login_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_LOGGED_IN,
  SIGNAL_LANGUAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
stop_checking (AxwLoginView *self)
{
  if (self->checking != NULL)
    g_cancellable_cancel (self->checking);
  g_clear_object (&self->checking);
}

static void
show_message (AxwLoginView *self,
              GtkLabel     *label,
              const char   *text)
{
  g_autofree char *marked = g_strdup_printf ("⚠ %s", text);

  gtk_label_set_text (label, marked);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
  axw_a11y_announce (GTK_WIDGET (label), text);
  axw_feedback_play (axw_application_get_feedback (self->app), AXW_SOUND_ERROR, GTK_WIDGET (self));
  axw_feedback_say (axw_application_get_feedback (self->app), text);
}

static void
clear_staff_grid (AxwLoginView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->staff_grid))))
    gtk_grid_remove (self->staff_grid, child);
}

static void
fill_staff_grid (AxwLoginView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = axw_staff_list (axw_application_get_db (self->app), &error);

  clear_staff_grid (self);
  if (staff == NULL)
    {
      show_message (self, self->staff_message, error->message);
      return;
    }
  if (staff->len == 0)
    show_message (self, self->staff_message,
                  _("No staff yet. A manager adds staff with “aixinwu staff add NAME”."));
  for (guint i = 0; i < staff->len; i++)
    {
      AxwStaff *s = g_ptr_array_index (staff, i);
      GtkWidget *button = gtk_button_new_with_label (s->name);

      gtk_widget_add_css_class (button, "axw-staff-button");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "login.choose");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", s->name);
      gtk_grid_attach (self->staff_grid, button, (int) i % 3, (int) i / 3, 1, 1);
      axw_wrap_button_labels (button);
    }
}

/**
 * axw_login_view_reset:
 *
 * Back to the list of names, nobody chosen, no PIN typed.
 */
void
axw_login_view_reset (AxwLoginView   *self,
                      AxwApplication *app)
{
  g_autofree char *shop = NULL;

  g_return_if_fail (AXW_IS_LOGIN_VIEW (self));

  stop_checking (self);
  g_set_object (&self->app, app);
  shop = axw_settings_get (axw_application_get_db (app), "shop.name");
  gtk_label_set_text (self->shop_label, shop);
  gtk_widget_set_visible (GTK_WIDGET (self->staff_message), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->pin_message), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->pin_entry), "");
  g_clear_pointer (&self->staff_name, g_free);
  fill_staff_grid (self);
  gtk_stack_set_visible_child_name (self->pages, "staff");
  if (gtk_widget_get_first_child (GTK_WIDGET (self->staff_grid)))
    gtk_widget_grab_focus (gtk_widget_get_first_child (GTK_WIDGET (self->staff_grid)));
}

/* Returns: "staff" or "pin" */
const char *
axw_login_view_get_page (AxwLoginView *self)
{
  g_return_val_if_fail (AXW_IS_LOGIN_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->pages);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  AxwLoginView *self = AXW_LOGIN_VIEW (widget);
  g_autofree char *title = NULL;

  stop_checking (self);
  g_free (self->staff_name);
  self->staff_name = g_variant_dup_string (param, NULL);
  title = g_strdup_printf (_("%s, type your PIN and press OK"), self->staff_name);
  gtk_label_set_text (self->pin_title, title);
  gtk_editable_set_text (GTK_EDITABLE (self->pin_entry), "");
  gtk_widget_set_visible (GTK_WIDGET (self->pin_message), FALSE);
  gtk_stack_set_visible_child_name (self->pages, "pin");
  gtk_widget_grab_focus (GTK_WIDGET (self->pin_entry));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  AxwLoginView *self = AXW_LOGIN_VIEW (widget);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->pages), "pin"))
    axw_login_view_reset (self, self->app);
}

static void
key_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  AxwLoginView *self = AXW_LOGIN_VIEW (widget);

  axw_keypad_press (self->keypad, g_variant_get_string (param, NULL));
}

static void
login_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(AxwLoginView) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwStaff) staff = NULL;

  /* the cashier went back or chose another name meanwhile */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  g_clear_object (&self->checking);
  staff = axw_staff_login_finish (axw_application_get_db (self->app), result, &error);
  if (staff == NULL)
    {
      show_message (self, self->pin_message, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->pin_entry));
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->pin_message), FALSE);
  g_signal_emit (self, signals[SIGNAL_LOGGED_IN], 0, staff);
}

/* The PIN is checked in a worker thread (Argon2id takes tens of
 * milliseconds); the screen says so and a second OK waits for it. */
static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  AxwLoginView *self = AXW_LOGIN_VIEW (widget);
  g_autofree char *pin = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->pin_entry)));

  if (self->staff_name == NULL || self->checking != NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->pin_entry), "");
  gtk_label_set_text (self->pin_message, _("Checking the PIN…"));
  gtk_widget_set_visible (GTK_WIDGET (self->pin_message), TRUE);
  self->checking = g_cancellable_new ();
  axw_staff_login_async (axw_application_get_db (self->app), self->staff_name, pin, self->checking,
                         login_done_cb, g_object_ref (self));
}

/**
 * axw_login_view_is_checking:
 *
 * Returns: whether a PIN is being checked: the login ends, or the screen
 *   says why not, when it has been
 */
gboolean
axw_login_view_is_checking (AxwLoginView *self)
{
  g_return_val_if_fail (AXW_IS_LOGIN_VIEW (self), FALSE);
  return self->checking != NULL;
}

static void
language_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  g_signal_emit (widget, signals[SIGNAL_LANGUAGE], 0);
}

static void
pin_activate_cb (AxwLoginView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "login.submit", NULL);
}

static void
axw_login_view_dispose (GObject *object)
{
  AxwLoginView *self = AXW_LOGIN_VIEW (object);

  stop_checking (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), AXW_TYPE_LOGIN_VIEW);
  /* the template's unnamed top box */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  g_clear_object (&self->app);
  g_clear_pointer (&self->staff_name, g_free);
  G_OBJECT_CLASS (axw_login_view_parent_class)->dispose (object);
}

static void
axw_login_view_class_init (AxwLoginViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = axw_login_view_dispose;

  /* (AxwStaff *staff): transfer none, copy it to keep it */
  signals[SIGNAL_LOGGED_IN] = g_signal_new ("logged-in", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  signals[SIGNAL_LANGUAGE] = g_signal_new ("language-toggled", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (AXW_TYPE_KEYPAD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/aixinwu/Pos/ui/axw-login-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, AxwLoginView, pages);
  gtk_widget_class_bind_template_child (widget_class, AxwLoginView, shop_label);
  gtk_widget_class_bind_template_child (widget_class, AxwLoginView, staff_grid);
  gtk_widget_class_bind_template_child (widget_class, AxwLoginView, staff_message);
  gtk_widget_class_bind_template_child (widget_class, AxwLoginView, pin_title);
  gtk_widget_class_bind_template_child (widget_class, AxwLoginView, pin_entry);
  gtk_widget_class_bind_template_child (widget_class, AxwLoginView, pin_message);
  gtk_widget_class_bind_template_child (widget_class, AxwLoginView, keypad);

  gtk_widget_class_install_action (widget_class, "login.choose", "s", choose_action);
  gtk_widget_class_install_action (widget_class, "login.key", "s", key_action);
  gtk_widget_class_install_action (widget_class, "login.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "login.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "login.language", NULL, language_action);
}

static void
axw_login_view_init (AxwLoginView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  axw_keypad_set_target (self->keypad, GTK_EDITABLE (self->pin_entry));
  axw_keypad_set_decimal (self->keypad, FALSE);
  g_signal_connect_swapped (self->pin_entry, "activate", G_CALLBACK (pin_activate_cb), self);
}
