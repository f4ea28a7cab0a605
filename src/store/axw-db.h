/* axw-db.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The database as the layers above the store see it: opened, closed,
 * transactions. No SQL: the statements are in axw-db-sql.h, for src/store
 * (and src/district) only; printer, sync, CLI and GUI call store functions.
 */
#pragma once

#include <gio/gio.h>

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
const char    *axw_db_get_path        (AxwDb        *self);
void           axw_db_make_private    (const char   *path);
char          *axw_db_default_path    (void);
int            axw_db_get_version     (AxwDb        *self);

gboolean       axw_db_begin           (AxwDb        *self,
                                       GError      **error);
gboolean       axw_db_commit          (AxwDb        *self,
                                       GError      **error);
void           axw_db_rollback        (AxwDb        *self);

/* Runs with the database file closed; see axw_db_reconnect(). */
typedef gboolean (*AxwDbClosedFunc) (const char  *path,
                                     gpointer     data,
                                     GError     **error);

gboolean       axw_db_reconnect       (AxwDb           *self,
                                       AxwDbClosedFunc  while_closed,
                                       gpointer         data,
                                       GError         **error);

/* Work for a worker thread, on a connection of its own (a connection is
 * not shared between threads): see axw_db_job_run(). */
typedef gboolean (*AxwDbJobFunc) (AxwDb         *db,
                                  gpointer       task_data,
                                  GCancellable  *cancellable,
                                  GError       **error);

void           axw_db_job_run         (GTask          *task,
                                       const char     *db_path,
                                       AxwDbJobFunc    func);

G_END_DECLS
