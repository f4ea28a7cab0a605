/* axw-settings.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "axw-db.h"

G_BEGIN_DECLS

const char * const *axw_settings_keys     (void);
const char         *axw_settings_default  (const char  *key);
char               *axw_settings_get      (AxwDb       *db,
                                           const char  *key);
gint64              axw_settings_get_int  (AxwDb       *db,
                                           const char  *key);
const char         *axw_settings_endpoint_problem (const char *url);
const char         *axw_settings_district_url_problem (const char *url);
gboolean            axw_settings_validate (const char  *key,
                                           const char  *value,
                                           GError     **error);
gboolean            axw_settings_set      (AxwDb       *db,
                                           const char  *key,
                                           const char  *value,
                                           GError     **error);
gboolean            axw_settings_apply    (AxwDb       *db,
                                           const char * const *keys,
                                           const char * const *values,
                                           const char  *staff,
                                           guint       *out_changed,
                                           GError     **error);

G_END_DECLS
