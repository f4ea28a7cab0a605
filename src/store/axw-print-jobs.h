/* axw-print-jobs.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The receipt queue's rows (the print_jobs table that axw_checkout_commit
 * fills and the printer worker drains): read by the screens, moved along
 * by src/printer/axw-print-queue.c.
 */
#pragma once

#include "axw-db.h"

G_BEGIN_DECLS

typedef enum {
  AXW_PRINT_NONE,
  AXW_PRINT_PENDING,
  AXW_PRINT_PRINTING,
  AXW_PRINT_DONE,
  AXW_PRINT_FAILED,
} AxwPrintState;

typedef struct {
  gint64  id;
  gint64  sale_id;
  char   *receipt_no;
  char   *status;       /* pending, printing, done, failed */
  int     attempts;
  char   *last_error;   /* nullable */
  guint   reprint;      /* 0: the first copy; N: the Nth reprint */
} AxwPrintJob;

void          axw_print_job_free       (AxwPrintJob  *job);

AxwPrintState axw_print_status_of_sale (AxwDb       *db,
                                        gint64       sale_id,
                                        char       **out_error);

guint         axw_print_jobs_count     (AxwDb       *db,
                                        gint64       sale_id,
                                        GError     **error);
gint64        axw_print_jobs_add       (AxwDb       *db,
                                        gint64       sale_id,
                                        guint        reprint,
                                        GError     **error);
gboolean      axw_print_jobs_set_status (AxwDb       *db,
                                         gint64       job_id,
                                         const char  *status,
                                         const char  *last_error,
                                         const char  *only_from,
                                         gboolean    *out_changed,
                                         GError     **error);
gboolean      axw_print_jobs_recover   (AxwDb       *db,
                                        GError     **error);
GPtrArray    *axw_print_jobs_list      (AxwDb       *db,
                                        gboolean     unfinished_only,
                                        GError     **error);
gint64        axw_print_jobs_next_pending (AxwDb    *db,
                                           gint64    only_job,
                                           gint64   *out_sale_id,
                                           guint    *out_reprint,
                                           GError  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxwPrintJob, axw_print_job_free)

G_END_DECLS
