/* axw-audit.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "axw-db.h"

G_BEGIN_DECLS

char     *axw_now_utc_iso   (void);
gboolean  axw_audit_append  (AxwDb       *db,
                             const char  *staff,
                             const char  *action,
                             const char  *detail,
                             GError     **error);

G_END_DECLS
