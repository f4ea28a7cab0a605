/* axw-backup.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "axw-db.h"

G_BEGIN_DECLS

/* Daily files kept in the rotating set. */
#define AXW_BACKUP_KEEP_DEFAULT 14

char     *axw_backup_default_dir   (AxwDb        *db);
char     *axw_backup_file_name     (AxwDb        *db,
                                    GDateTime    *time);
gboolean  axw_backup_to_file       (AxwDb        *db,
                                    const char   *dest,
                                    GError      **error);
char     *axw_backup_run           (AxwDb        *db,
                                    const char   *dir,
                                    GDateTime    *now,
                                    guint         keep,
                                    GError      **error);
gboolean  axw_backup_daily_if_due  (AxwDb        *db,
                                    const char   *dir,
                                    GDateTime    *now,
                                    char        **out_path,
                                    GError      **error);
/* The same in a worker thread on its own connection, for the counter's
 * startup: the GTK thread never waits for a large copy. */
void      axw_backup_daily_async   (const char          *db_path,
                                    const char          *dir,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
char     *axw_backup_daily_finish  (GAsyncResult        *result,
                                    GError             **error);
gboolean  axw_backup_rotate        (const char   *dir,
                                    guint         keep,
                                    GError      **error);
gboolean  axw_backup_verify        (const char   *file,
                                    GError      **error);
gboolean  axw_backup_restore       (const char   *db_path,
                                    const char   *file,
                                    char        **out_safety_path,
                                    GError      **error);

gboolean  axw_backup_restore_open  (AxwDb        *db,
                                    const char   *file,
                                    const char   *staff,
                                    char        **out_safety_path,
                                    GError      **error);

typedef struct {
  char     *path;
  char     *name;       /* aixinwu-YYYY-MM-DD.db */
  gint64    size;       /* bytes */
  gint64    modified;   /* Unix time */
  gboolean  verified;   /* axw_backup_verify() said yes */
  char     *problem;    /* why not, or NULL */
} AxwBackupInfo;

GPtrArray *axw_backup_list         (const char   *dir,
                                    gboolean      verify,
                                    GError      **error);
void       axw_backup_info_free    (AxwBackupInfo *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxwBackupInfo, axw_backup_info_free)

G_END_DECLS
