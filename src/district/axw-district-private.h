/* axw-district-private.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libpq-fe.h>

#include "axw-district.h"

G_BEGIN_DECLS

struct _AxwHub {
  PGconn *conn;
};

const char *axw_district_hub_roles_sql  (void);
const char *axw_district_hub_migration  (int          version);
PGconn     *axw_hub_open_conn           (const char  *url,
                                         const char  *password_file,
                                         guint        timeout_s,
                                         gboolean     start_only,
                                         GError     **error);
void        axw_hub_set_connect_error   (PGconn      *conn,
                                         const char  *url,
                                         GError     **error);
gboolean    axw_hub_exec                (AxwHub      *hub,
                                         const char  *sql,
                                         GError     **error);
void        axw_hub_set_error           (AxwHub      *hub,
                                         PGresult    *result,
                                         GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

G_END_DECLS
