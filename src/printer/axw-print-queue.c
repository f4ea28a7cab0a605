/* axw-print-queue.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include "axw-print-queue.h"

#include "axw-audit.h"
#include "axw-print-jobs.h"
#include "axw-checkout.h"
#include "axw-sales.h"
#include "axw-escpos.h"
#include "axw-printer.h"
#include "axw-receipt.h"
#include "axw-settings.h"

static void
settings_free (AxwReceiptSettings *s)
{
  g_free ((char *) s->shop_name);
  g_free ((char *) s->shop_address);
  g_free ((char *) s->footer);
  g_free ((char *) s->qr_url);
  g_free ((char *) s->timezone);
}

static void
load_settings (AxwDb              *db,
               guint               width_mm,
               guint               reprint,
               AxwReceiptSettings *s)
{
  s->shop_name = axw_settings_get (db, "shop.name");
  s->shop_address = axw_settings_get (db, "shop.address");
  s->footer = axw_settings_get (db, "receipt.footer");
  s->qr_url = axw_settings_get (db, "receipt.qr_url");
  s->width_mm = width_mm != 0 ? width_mm : (guint) axw_settings_get_int (db, "receipt.width");
  s->reprint = reprint;
  s->timezone = axw_settings_get (db, "timezone");
}

/**
 * axw_print_queue_layout:
 * @width_mm: 58 or 80, or 0 for the receipt.width setting
 * @reprint: 0 for the first copy, N for the Nth reprint (marked, no drawer)
 *
 * The receipt of @sale with the shop's settings.
 * Returns: (transfer full) (element-type AxwReceiptItem)
 */
GPtrArray *
axw_print_queue_layout (AxwDb         *db,
                        const AxwSale *sale,
                        guint          width_mm,
                        guint          reprint)
{
  AxwReceiptSettings s = { 0 };
  GPtrArray *items;

  load_settings (db, width_mm, reprint, &s);
  items = axw_receipt_layout (sale, &s);
  settings_free (&s);
  return items;
}

/**
 * axw_print_queue_donation_layout:
 * @sale: a sale with a donation
 * @width_mm: 58 or 80, or 0 for the receipt.width setting
 *
 * The donation receipt of @sale (docs/design.md §15) with the shop's settings.
 * Returns: (transfer full) (element-type AxwReceiptItem)
 */
GPtrArray *
axw_print_queue_donation_layout (AxwDb         *db,
                                 const AxwSale *sale,
                                 guint          width_mm)
{
  AxwReceiptSettings s = { 0 };
  GPtrArray *items;

  load_settings (db, width_mm, 0, &s);
  items = axw_receipt_donation_layout (sale, &s);
  settings_free (&s);
  return items;
}

guint
axw_print_queue_width (AxwDb *db,
                       guint  width_mm)
{
  return width_mm != 0 ? width_mm : (guint) axw_settings_get_int (db, "receipt.width");
}

static GBytes *
render_copy (AxwDb   *db,
             gint64   sale_id,
             guint    width_mm,
             guint    reprint,
             GError **error)
{
  g_autoptr(AxwSale) sale = axw_sales_load_by_id (db, sale_id, error);
  g_autoptr(GPtrArray) items = NULL;

  if (sale == NULL)
    return NULL;
  width_mm = axw_print_queue_width (db, width_mm);
  items = axw_print_queue_layout (db, sale, width_mm, reprint);
  return axw_escpos_encode (items, width_mm, NULL, error);
}

/**
 * axw_print_queue_render:
 * @width_mm: 58 or 80, or 0 for the receipt.width setting
 *
 * Returns: (transfer full): the ESC/POS bytes of the sale's first receipt
 */
GBytes *
axw_print_queue_render (AxwDb   *db,
                        gint64   sale_id,
                        guint    width_mm,
                        GError **error)
{
  return render_copy (db, sale_id, width_mm, 0, error);
}

/**
 * axw_print_queue_next_copy:
 *
 * Returns: the number the next copy of the sale's receipt would carry:
 *   the count of its jobs so far (the checkout queued the first), or
 *   %G_MAXUINT when the database fails
 */
guint
axw_print_queue_next_copy (AxwDb   *db,
                           gint64   sale_id,
                           GError **error)
{
  return axw_print_jobs_count (db, sale_id, error);
}

static gint64
insert_copy (AxwDb   *db,
             gint64   sale_id,
             guint   *out_reprint,
             GError **error)
{
  guint reprint = axw_print_queue_next_copy (db, sale_id, error);
  gint64 id;

  if (reprint == G_MAXUINT || (id = axw_print_jobs_add (db, sale_id, reprint, error)) < 0)
    return 0;
  if (id == 0)
    {
      g_set_error (error, AXW_PRINTER_ERROR, AXW_PRINTER_ERROR_IO,
                   _("There is no sale %lld to print."), (long long) sale_id);
      return 0;
    }
  *out_reprint = reprint;
  return id;
}

/**
 * axw_print_queue_reprint:
 * @staff: who asks for the copy, for the audit log
 *
 * Queues another copy of the sale's receipt, numbered after the copies
 * queued before it (the first is the checkout's), and audits it as
 * `receipt.reprint` in @staff's name, in one transaction.
 * Returns: the new job's id, 0 on error
 */
gint64
axw_print_queue_reprint (AxwDb         *db,
                         const AxwSale *sale,
                         const char    *staff,
                         GError       **error)
{
  g_autofree char *detail = NULL;
  guint reprint = 0;
  gint64 id;

  g_return_val_if_fail (sale != NULL, 0);

  if (!axw_db_begin (db, error))
    return 0;
  if ((id = insert_copy (db, sale->id, &reprint, error)) == 0)
    return axw_db_rollback (db), 0;
  detail = g_strdup_printf ("%s copy %u", sale->receipt_no, reprint);
  if (!axw_audit_append (db, staff, "receipt.reprint", detail, error) || !axw_db_commit (db, error))
    return axw_db_rollback (db), 0;
  return id;
}

/* A failed job goes back in the queue. */
gboolean
axw_print_queue_retry (AxwDb   *db,
                       gint64   job_id,
                       GError **error)
{
  gboolean changed;

  if (!axw_print_jobs_set_status (db, job_id, "pending", NULL, "failed", &changed, error))
    return FALSE;
  if (!changed)
    {
      g_set_error (error, AXW_PRINTER_ERROR, AXW_PRINTER_ERROR_IO,
                   _("Print job %lld has not failed; nothing to retry."), (long long) job_id);
      return FALSE;
    }
  return TRUE;
}

/* At start-up: a job left "printing" by a crash is printed again. */
gboolean
axw_print_queue_recover (AxwDb   *db,
                         GError **error)
{
  return axw_print_jobs_recover (db, error);
}

/* Returns: (transfer full) (element-type AxwPrintJob): newest first */
GPtrArray *
axw_print_queue_list (AxwDb    *db,
                      gboolean  unfinished_only,
                      GError  **error)
{
  return axw_print_jobs_list (db, unfinished_only, error);
}

/**
 * axw_print_queue_claim:
 * @out_job_id: (out): 0 when nothing waits
 * @out_bytes: (out) (transfer full): what to send
 *
 * Takes the oldest pending job and marks it printing. A receipt that cannot
 * be rendered fails at once with its reason and the next job is taken.
 * Returns: %FALSE only when the database fails.
 */
static gboolean
claim (AxwDb   *db,
       gint64   only_job,
       gint64  *out_job_id,
       GBytes **out_bytes,
       GError **error)
{
  for (;;)
    {
      g_autoptr(GError) render_error = NULL;
      guint reprint = 0;
      gint64 sale_id = 0;
      gint64 id = axw_print_jobs_next_pending (db, only_job, &sale_id, &reprint, error);
      gboolean claimed;
      GBytes *bytes;

      *out_job_id = 0;
      *out_bytes = NULL;
      if (id <= 0)
        return id == 0;
      /* only while still pending: another process (a second counter, the
       * CLI's retry) may have taken it since it was read, and a receipt
       * printed twice opens the drawer twice */
      if (!axw_print_jobs_set_status (db, id, "printing", NULL, "pending", &claimed, error))
        return FALSE;
      if (!claimed)
        continue;
      bytes = render_copy (db, sale_id, 0, reprint, &render_error);
      if (bytes != NULL)
        {
          *out_job_id = id;
          *out_bytes = bytes;
          return TRUE;
        }
      if (!axw_print_queue_finish (db, id, render_error, error))
        return FALSE;
      if (only_job != 0)
        return g_propagate_error (error, g_steal_pointer (&render_error)), FALSE;
    }
}

gboolean
axw_print_queue_claim (AxwDb   *db,
                       gint64  *out_job_id,
                       GBytes **out_bytes,
                       GError **error)
{
  return claim (db, 0, out_job_id, out_bytes, error);
}

/* Marks the job done, or failed with @send_error's message. */
gboolean
axw_print_queue_finish (AxwDb         *db,
                        gint64         job_id,
                        const GError  *send_error,
                        GError       **error)
{
  if (send_error == NULL)
    return axw_print_jobs_set_status (db, job_id, "done", NULL, NULL, NULL, error);
  return axw_print_jobs_set_status (db, job_id, "failed", send_error->message, NULL, NULL, error);
}

/**
 * axw_print_queue_run_job:
 *
 * Prints that job alone, blocking, whatever else waits in the queue: for
 * `aixinwu receipt SALE`. A printer failure keeps the job with its reason.
 * Returns: %TRUE when it was printed
 */
gboolean
axw_print_queue_run_job (AxwDb       *db,
                         gint64       job_id,
                         const char  *printer,
                         GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) send_error = NULL;
  gint64 claimed = 0;

  if (!claim (db, job_id, &claimed, &bytes, error))
    return FALSE;
  if (claimed == 0)
    {
      g_set_error (error, AXW_PRINTER_ERROR, AXW_PRINTER_ERROR_IO,
                   _("Print job %lld is not waiting to be printed."), (long long) job_id);
      return FALSE;
    }
  axw_printer_send (printer, bytes, NULL, &send_error);
  if (!axw_print_queue_finish (db, job_id, send_error, error))
    return FALSE;
  if (send_error != NULL)
    return g_propagate_error (error, g_steal_pointer (&send_error)), FALSE;
  return TRUE;
}

/**
 * axw_print_queue_run:
 * @out_done: (out) (optional): jobs printed
 * @out_failed: (out) (optional): jobs that failed, kept for retry
 *
 * Prints every pending job, blocking: for the CLI and worker threads.
 * Returns: %FALSE only when the database fails; printer trouble is counted.
 */
gboolean
axw_print_queue_run (AxwDb       *db,
                     const char  *printer,
                     guint       *out_done,
                     guint       *out_failed,
                     GError     **error)
{
  guint done = 0, failed = 0;

  for (;;)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) send_error = NULL;
      gint64 job_id;

      if (!axw_print_queue_claim (db, &job_id, &bytes, error))
        return FALSE;
      if (job_id == 0)
        break;
      axw_printer_send (printer, bytes, NULL, &send_error);
      if (!axw_print_queue_finish (db, job_id, send_error, error))
        return FALSE;
      if (send_error != NULL)
        failed++;
      else
        done++;
      /* One failure says the printer is down: leave the rest pending. */
      if (send_error != NULL)
        break;
    }
  if (out_done != NULL)
    *out_done = done;
  if (out_failed != NULL)
    *out_failed = failed;
  return TRUE;
}

typedef struct {
  AxwDb  *db;
  char   *printer;
  gint64  job_id;
  guint   failed;
} RunData;

static void
run_data_free (RunData *d)
{
  g_object_unref (d->db);
  g_free (d->printer);
  g_free (d);
}

static void run_next (GTask *task);

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RunData *d = g_task_get_task_data (task);
  g_autoptr(GError) send_error = NULL;
  GError *error = NULL;

  axw_printer_send_finish (result, &send_error);
  if (!axw_print_queue_finish (d->db, d->job_id, send_error, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (send_error != NULL)
    {
      d->failed++;
      g_task_return_boolean (task, TRUE);
      return;
    }
  run_next (g_steal_pointer (&task));
}

/* The database work is short and stays on the calling thread; only the
 * printer I/O runs in a worker. */
static void
run_next (GTask *task)
{
  RunData *d = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  if (!axw_print_queue_claim (d->db, &d->job_id, &bytes, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  if (d->job_id == 0)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  axw_printer_send_async (d->printer, bytes, g_task_get_cancellable (task), sent_cb, task);
}

/**
 * axw_print_queue_run_async:
 *
 * Prints the pending jobs without blocking the calling (GTK) thread; stops
 * at the first printer failure, which stays in the queue with its reason.
 */
void
axw_print_queue_run_async (AxwDb               *db,
                           const char          *printer,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  RunData *d = g_new0 (RunData, 1);

  d->db = g_object_ref (db);
  d->printer = g_strdup (printer);
  g_task_set_source_tag (task, axw_print_queue_run_async);
  g_task_set_task_data (task, d, (GDestroyNotify) run_data_free);
  run_next (task);
}

gboolean
axw_print_queue_run_finish (GAsyncResult  *result,
                            guint         *out_failed,
                            GError       **error)
{
  GTask *task = G_TASK (result);
  RunData *d = g_task_get_task_data (task);

  if (out_failed != NULL)
    *out_failed = d->failed;
  return g_task_propagate_boolean (task, error);
}
