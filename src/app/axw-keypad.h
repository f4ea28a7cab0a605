/* axw-keypad.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AXW_TYPE_KEYPAD (axw_keypad_get_type ())

G_DECLARE_FINAL_TYPE (AxwKeypad, axw_keypad, AXW, KEYPAD, GtkWidget)

GtkWidget *axw_keypad_new        (void);
void       axw_keypad_set_target (AxwKeypad   *self,
                                  GtkEditable *target);
void       axw_keypad_set_decimal (AxwKeypad  *self,
                                   gboolean    decimal);
void       axw_keypad_press      (AxwKeypad   *self,
                                  const char  *key);

G_END_DECLS
