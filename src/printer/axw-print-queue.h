/* axw-print-queue.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Receipts waiting for the printer (the print_jobs table). The sale is
 * committed first, with its job; printing comes after and may fail without
 * touching the sale. A failed job keeps its reason and can be retried.
 */
#pragma once

#include <gio/gio.h>

#include "axw-db.h"
#include "axw-print-jobs.h"
#include "axw-sale.h"

G_BEGIN_DECLS

GPtrArray *axw_print_queue_layout    (AxwDb         *db,
                                      const AxwSale *sale,
                                      guint          width_mm,
                                      guint          reprint);
GPtrArray *axw_print_queue_donation_layout (AxwDb         *db,
                                            const AxwSale *sale,
                                            guint          width_mm);
guint      axw_print_queue_width     (AxwDb         *db,
                                      guint          width_mm);
GBytes    *axw_print_queue_render    (AxwDb         *db,
                                      gint64         sale_id,
                                      guint          width_mm,
                                      GError       **error);
guint      axw_print_queue_next_copy (AxwDb         *db,
                                      gint64         sale_id,
                                      GError       **error);
gint64     axw_print_queue_reprint   (AxwDb         *db,
                                      const AxwSale *sale,
                                      const char    *staff,
                                      GError       **error);
gboolean   axw_print_queue_retry     (AxwDb         *db,
                                      gint64         job_id,
                                      GError       **error);
gboolean   axw_print_queue_recover   (AxwDb         *db,
                                      GError       **error);
GPtrArray *axw_print_queue_list      (AxwDb         *db,
                                      gboolean       unfinished_only,
                                      GError       **error);
gboolean   axw_print_queue_claim     (AxwDb         *db,
                                      gint64        *out_job_id,
                                      GBytes       **out_bytes,
                                      GError       **error);
gboolean   axw_print_queue_finish    (AxwDb         *db,
                                      gint64         job_id,
                                      const GError  *send_error,
                                      GError       **error);
gboolean   axw_print_queue_run_job   (AxwDb         *db,
                                      gint64         job_id,
                                      const char    *printer,
                                      GError       **error);
gboolean   axw_print_queue_run       (AxwDb         *db,
                                      const char    *printer,
                                      guint         *out_done,
                                      guint         *out_failed,
                                      GError       **error);
void       axw_print_queue_run_async (AxwDb         *db,
                                      const char    *printer,
                                      GCancellable  *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer       user_data);
gboolean   axw_print_queue_run_finish (GAsyncResult *result,
                                       guint        *out_failed,
                                       GError      **error);

G_END_DECLS
