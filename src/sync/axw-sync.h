/* axw-sync.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pushes the outbox to the online shop (docs/design.md §9): batches of at most
 * 100 sale documents (the export's format), bearer token from a 0600
 * file, idempotent by sale UUID on the server; 2xx sent, 5xx and network
 * errors retried with exponential backoff and jitter, 4xx dead-lettered.
 */
#pragma once

#include <gio/gio.h>

#include "axw-db.h"
#include "axw-outbox.h"

G_BEGIN_DECLS

#define AXW_SYNC_BATCH_MAX AXW_OUTBOX_BATCH_MAX

typedef struct {
  guint     timeout_s;        /* per request; 0: 30 s */
  guint     backoff_base_s;   /* first retry delay; 0: 30 s (doubles, up to 1 h) */
  gboolean  ignore_backoff;   /* send rows whose retry time has not come yet */
} AxwSyncOptions;

typedef struct {
  guint   sent;
  guint   dead;
  guint   retry;              /* failed for now; will be retried */
} AxwSyncReport;

gboolean   axw_sync_push          (AxwDb                *db,
                                   const AxwSyncOptions *options,
                                   AxwSyncReport        *report,
                                   GCancellable         *cancellable,
                                   GError              **error);
void       axw_sync_push_async    (const char           *db_path,
                                   const AxwSyncOptions *options,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
gboolean   axw_sync_push_finish   (GAsyncResult         *result,
                                   AxwSyncReport        *report,
                                   GError              **error);

gboolean   axw_secret_file_check  (const char           *path,
                                   const char           *setting,
                                   GError              **error);
char      *axw_sync_read_token    (const char           *path,
                                   GError              **error);
gboolean   axw_sync_write_token   (const char           *path,
                                   const char           *token,
                                   GError              **error);

G_END_DECLS
