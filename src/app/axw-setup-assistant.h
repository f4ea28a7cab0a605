/* axw-setup-assistant.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "axw-db.h"

G_BEGIN_DECLS

#define AXW_TYPE_SETUP_ASSISTANT (axw_setup_assistant_get_type ())

G_DECLARE_FINAL_TYPE (AxwSetupAssistant, axw_setup_assistant, AXW, SETUP_ASSISTANT, GtkBox)

AxwSetupAssistant *axw_setup_assistant_new             (AxwDb             *db);
GtkEditable       *axw_setup_assistant_get_field       (AxwSetupAssistant *self,
                                                        const char        *field);
void               axw_setup_assistant_set_import_file (AxwSetupAssistant *self,
                                                        GFile             *file);
const char        *axw_setup_assistant_get_message     (AxwSetupAssistant *self);
const char        *axw_setup_assistant_get_test_result (AxwSetupAssistant *self);
gboolean           axw_setup_assistant_is_testing      (AxwSetupAssistant *self);
gboolean           axw_setup_assistant_is_busy         (AxwSetupAssistant *self);

G_END_DECLS
