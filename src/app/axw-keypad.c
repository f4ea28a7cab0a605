/* axw-keypad.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A large on-screen number pad for PINs, money and quantities. It types
 * into a target editable, the same one the keyboard types into, so touch
 * and keyboard can be mixed; its OK key activates the target.
 */
#include <glib/gi18n.h>

#include "axw-keypad.h"

struct _AxwKeypad
{
  GtkWidget    parent_instance;

  GtkEditable *target;
  GtkWidget   *dot;
};

G_DEFINE_FINAL_TYPE (AxwKeypad, axw_keypad, GTK_TYPE_WIDGET)

/* Presses @key: a digit, "." , "back", "clear" or "ok". */
void
axw_keypad_press (AxwKeypad  *self,
                  const char *key)
{
  int pos;

  g_return_if_fail (AXW_IS_KEYPAD (self));

  if (self->target == NULL)
    return;
  if (g_str_equal (key, "ok"))
    {
      GtkWidget *w = GTK_WIDGET (self->target);

      if (GTK_IS_ENTRY (w) || GTK_IS_PASSWORD_ENTRY (w) || GTK_IS_TEXT (w))
        g_signal_emit_by_name (w, "activate");
      return;
    }
  if (g_str_equal (key, "clear"))
    {
      gtk_editable_set_text (self->target, "");
      return;
    }
  pos = gtk_editable_get_position (self->target);
  if (g_str_equal (key, "back"))
    {
      if (pos > 0)
        gtk_editable_delete_text (self->target, pos - 1, pos);
      return;
    }
  gtk_editable_insert_text (self->target, key, -1, &pos);
  gtk_editable_set_position (self->target, pos);
}

static void
key_clicked_cb (GtkButton *button,
                AxwKeypad *self)
{
  axw_keypad_press (self, g_object_get_data (G_OBJECT (button), "axw-key"));
}

static GtkWidget *
add_key (AxwKeypad  *self,
         GtkGrid    *grid,
         const char *key,
         const char *label,
         const char *a11y_name,
         int         col,
         int         row,
         int         width)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  g_object_set_data_full (G_OBJECT (button), "axw-key", g_strdup (key), g_free);
  gtk_widget_add_css_class (button, "axw-key");
  gtk_widget_set_focus_on_click (button, FALSE);
  if (a11y_name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    a11y_name, -1);
  if (g_str_equal (key, "ok"))
    gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect (button, "clicked", G_CALLBACK (key_clicked_cb), self);
  gtk_grid_attach (grid, button, col, row, width, 1);
  return button;
}

static void
axw_keypad_dispose (GObject *object)
{
  AxwKeypad *self = AXW_KEYPAD (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_weak_pointer (&self->target);
  G_OBJECT_CLASS (axw_keypad_parent_class)->dispose (object);
}

static void
axw_keypad_class_init (AxwKeypadClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = axw_keypad_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "axw-keypad");
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
axw_keypad_init (AxwKeypad *self)
{
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());

  gtk_grid_set_row_spacing (grid, 8);
  gtk_grid_set_column_spacing (grid, 8);
  gtk_grid_set_row_homogeneous (grid, TRUE);
  gtk_grid_set_column_homogeneous (grid, TRUE);
  gtk_widget_set_parent (GTK_WIDGET (grid), GTK_WIDGET (self));
  for (int i = 1; i <= 9; i++)
    {
      char key[2] = { (char) ('0' + i), 0 };

      add_key (self, grid, key, key, NULL, (i - 1) % 3, (i - 1) / 3, 1);
    }
  self->dot = add_key (self, grid, ".", ".", _("Decimal point"), 0, 3, 1);
  add_key (self, grid, "0", "0", NULL, 1, 3, 1);
  add_key (self, grid, "back", "⌫", _("Delete one digit"), 2, 3, 1);
  add_key (self, grid, "clear", _("Clear"), NULL, 0, 4, 1);
  add_key (self, grid, "ok", _("OK"), NULL, 1, 4, 2);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Number pad"), -1);
}

GtkWidget *
axw_keypad_new (void)
{
  return g_object_new (AXW_TYPE_KEYPAD, NULL);
}

void
axw_keypad_set_target (AxwKeypad   *self,
                       GtkEditable *target)
{
  g_return_if_fail (AXW_IS_KEYPAD (self));
  g_set_weak_pointer (&self->target, target);
}

/* PINs have no decimal point; money and kilograms do. */
void
axw_keypad_set_decimal (AxwKeypad *self,
                        gboolean   decimal)
{
  g_return_if_fail (AXW_IS_KEYPAD (self));
  gtk_widget_set_sensitive (self->dot, decimal);
}
