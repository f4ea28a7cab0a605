/* axw-application.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "axw-db.h"

G_BEGIN_DECLS

#define AXW_TYPE_APPLICATION (axw_application_get_type ())

G_DECLARE_FINAL_TYPE (AxwApplication, axw_application, AXW, APPLICATION, AdwApplication)

AxwApplication *axw_application_new    (const char     *db_path);
AxwDb          *axw_application_get_db (AxwApplication *self);

G_END_DECLS
