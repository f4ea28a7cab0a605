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

typedef struct {
  char *at;       /* UTC ISO-8601 */
  char *staff;    /* "" when nobody was logged in */
  char *action;
  char *detail;
} AxwAuditEntry;

void       axw_audit_entry_free (gpointer     entry);
/* Newest first; @filter (nullable) matches staff, action or detail. */
GPtrArray *axw_audit_list       (AxwDb       *db,
                                 const char  *filter,
                                 guint        limit,
                                 GError     **error);

const char *axw_audit_action_name   (const char  *action);
char       *axw_audit_detail_text   (const char  *action,
                                     const char  *detail);

G_END_DECLS
