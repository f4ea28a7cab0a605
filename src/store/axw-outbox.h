/* axw-outbox.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The outbox: one row per sale for the online shop, pending until the
 * shop confirms it, dead when the shop refuses it (docs/design.md §9).
 * Pushing is src/sync/axw-sync.c's; the rows and their counts are here.
 */
#pragma once

#include "axw-db.h"

G_BEGIN_DECLS

#define AXW_OUTBOX_BATCH_MAX 100

typedef struct {
  gint64  pending;
  gint64  dead;
  gint64  sent;
  char   *last_success;       /* UTC ISO-8601, or NULL: never */
  char   *last_error;         /* of a sale still waiting, or NULL */
  char   *next_attempt_at;    /* the earliest retry, or NULL */
} AxwSyncStatus;

typedef struct {
  gint64  sale_id;
  char   *uuid;
  char   *receipt_no;
  gint64  attempts;
  char   *last_error;
  char   *sold_at;            /* the sale's time, UTC ISO-8601 */
} AxwOutboxEntry;

/* Outbox rows due for sending, by outbox order. */
typedef struct {
  guint   n;
  gint64  outbox_id[AXW_OUTBOX_BATCH_MAX];
  gint64  sale_id[AXW_OUTBOX_BATCH_MAX];
  gint64  attempts[AXW_OUTBOX_BATCH_MAX];
  char    uuid[AXW_OUTBOX_BATCH_MAX][40];
} AxwOutboxBatch;

/* What became of one row. */
typedef struct {
  gint64      outbox_id;
  const char *status;           /* sent, pending or dead */
  const char *sent_at;          /* nullable */
  const char *last_error;       /* nullable */
  const char *next_attempt_at;  /* nullable */
} AxwOutboxMark;

gboolean   axw_outbox_load_due    (AxwDb                *db,
                                   gboolean              ignore_backoff,
                                   AxwOutboxBatch       *batch,
                                   GError              **error);
gboolean   axw_outbox_mark        (AxwDb                *db,
                                   const AxwOutboxMark  *marks,
                                   guint                 n,
                                   GError              **error);
gint64     axw_outbox_count_pending (AxwDb              *db);

gboolean   axw_sync_get_status    (AxwDb                *db,
                                   AxwSyncStatus        *status,
                                   GError              **error);
void       axw_sync_status_clear  (AxwSyncStatus        *status);

GPtrArray *axw_sync_list_dead     (AxwDb                *db,
                                   GError              **error);
gint64     axw_sync_retry_dead    (AxwDb                *db,
                                   const char           *staff,
                                   GError              **error);
gboolean   axw_sync_retry_dead_sale (AxwDb              *db,
                                     const char         *sale,
                                     const char         *staff,
                                     GError            **error);
void       axw_outbox_entry_free  (AxwOutboxEntry       *entry);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AxwSyncStatus, axw_sync_status_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxwOutboxEntry, axw_outbox_entry_free)

G_END_DECLS
