/* axw-db-sql.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SQL on an AxwDb: for src/store and src/district (and the tests) only.
 * The other layers do not see SQLite: their libraries are built with a
 * <sqlite3.h> that stops the compiler (src/nosql), see docs/architecture.md.
 */
#pragma once

#include <sqlite3.h>

#include "axw-db.h"

G_BEGIN_DECLS

sqlite3       *axw_db_get_handle      (AxwDb        *self);
sqlite3_stmt  *axw_db_prepare         (AxwDb        *self,
                                       const char   *sql,
                                       GError      **error);
gboolean       axw_db_exec            (AxwDb        *self,
                                       const char   *sql,
                                       GError      **error);
gboolean       axw_db_step_done       (AxwDb        *self,
                                       sqlite3_stmt *stmt,
                                       GError      **error);
gboolean       axw_db_set_error       (AxwDb        *self,
                                       int           rc,
                                       GError      **error);
gint64         axw_db_query_int       (AxwDb        *self,
                                       const char   *sql,
                                       gint64        fallback);
gboolean       axw_db_row_exists      (AxwDb        *self,
                                       const char   *sql,
                                       const char   *param,
                                       gboolean     *out_exists,
                                       GError      **error);
gint64         axw_db_changes         (AxwDb        *self);
gint64         axw_db_last_insert_id  (AxwDb        *self);

/* Binds a UTF-8 string, or NULL for %NULL. */
void           axw_db_bind_text       (sqlite3_stmt *stmt,
                                       int           index,
                                       const char   *text);
char          *axw_db_column_dup      (sqlite3_stmt *stmt,
                                       int           column);

/* Makes one element of a list out of the row @stmt stands on. */
typedef gpointer (*AxwDbRowFunc) (sqlite3_stmt *stmt);

GPtrArray     *axw_db_collect         (AxwDb          *self,
                                       sqlite3_stmt   *stmt,
                                       AxwDbRowFunc    row_func,
                                       GDestroyNotify  free_func,
                                       GError        **error);
gpointer       axw_db_read_one        (AxwDb          *self,
                                       sqlite3_stmt   *stmt,
                                       AxwDbRowFunc    row_func,
                                       GError        **error);
/* Copies the columns of the row @stmt stands on into @data. */
typedef void (*AxwDbFillFunc) (sqlite3_stmt *stmt,
                               gpointer      data);

gboolean       axw_db_each_row        (AxwDb          *self,
                                       sqlite3_stmt   *stmt,
                                       AxwDbFillFunc   fill,
                                       gpointer        data,
                                       GError        **error);
gboolean       axw_db_read_row        (AxwDb          *self,
                                       sqlite3_stmt   *stmt,
                                       AxwDbFillFunc   fill,
                                       gpointer        data,
                                       GError        **error);
gboolean       axw_db_step_int        (AxwDb          *self,
                                       sqlite3_stmt   *stmt,
                                       gint64         *out_value,
                                       GError        **error);

G_END_DECLS
