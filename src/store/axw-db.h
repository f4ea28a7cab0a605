/* axw-db.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define AXW_TYPE_DB (axw_db_get_type ())

G_DECLARE_FINAL_TYPE (AxwDb, axw_db, AXW, DB, GObject)

/* The newest schema this build knows; see axw-schema.c. */
int            axw_db_latest_version  (void);

AxwDb         *axw_db_open            (const char   *path,
                                       GError      **error);
AxwDb         *axw_db_open_at_version (const char   *path,
                                       int           version,
                                       GError      **error);
sqlite3       *axw_db_get_handle      (AxwDb        *self);
const char    *axw_db_get_path        (AxwDb        *self);
void           axw_db_make_private    (const char   *path);
char          *axw_db_default_path    (void);
gboolean       axw_db_row_exists      (AxwDb        *self,
                                       const char   *sql,
                                       const char   *param,
                                       gboolean     *out_exists,
                                       GError      **error);
int            axw_db_get_version     (AxwDb        *self);

sqlite3_stmt  *axw_db_prepare         (AxwDb        *self,
                                       const char   *sql,
                                       GError      **error);
gboolean       axw_db_exec            (AxwDb        *self,
                                       const char   *sql,
                                       GError      **error);
gboolean       axw_db_step_done       (AxwDb        *self,
                                       sqlite3_stmt *stmt,
                                       GError      **error);
gboolean       axw_db_begin           (AxwDb        *self,
                                       GError      **error);
gboolean       axw_db_commit          (AxwDb        *self,
                                       GError      **error);
void           axw_db_rollback        (AxwDb        *self);
gboolean       axw_db_set_error       (AxwDb        *self,
                                       int           rc,
                                       GError      **error);
gint64         axw_db_query_int       (AxwDb        *self,
                                       const char   *sql,
                                       gint64        fallback);

/* Runs with the database file closed; see axw_db_reconnect(). */
typedef gboolean (*AxwDbClosedFunc) (const char  *path,
                                     gpointer     data,
                                     GError     **error);

gboolean       axw_db_reconnect       (AxwDb           *self,
                                       AxwDbClosedFunc  while_closed,
                                       gpointer         data,
                                       GError         **error);

/* Binds a UTF-8 string, or NULL for %NULL. */
void           axw_db_bind_text       (sqlite3_stmt *stmt,
                                       int           index,
                                       const char   *text);
char          *axw_db_column_dup      (sqlite3_stmt *stmt,
                                       int           column);

G_END_DECLS
