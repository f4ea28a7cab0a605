/* axw-print-queue.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include "axw-print-queue.h"

#include <sqlite3.h>

#include "axw-audit.h"
#include "axw-checkout.h"
#include "axw-sales.h"
#include "axw-escpos.h"
#include "axw-printer.h"
#include "axw-receipt.h"
#include "axw-settings.h"

void
axw_print_job_free (AxwPrintJob *job)
{
  if (job == NULL)
    return;
  g_free (job->receipt_no);
  g_free (job->status);
  g_free (job->last_error);
  g_free (job);
}

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
  sqlite3_stmt *stmt = axw_db_prepare (db, "SELECT count(*) FROM print_jobs WHERE sale_id = ?", error);
  guint n;
  int rc;

  if (stmt == NULL)
    return G_MAXUINT;
  sqlite3_bind_int64 (stmt, 1, sale_id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return axw_db_set_error (db, rc, error), G_MAXUINT;
    }
  n = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static gint64
insert_copy (AxwDb   *db,
             gint64   sale_id,
             guint   *out_reprint,
             GError **error)
{
  g_autofree char *now = axw_now_utc_iso ();
  guint reprint = axw_print_queue_next_copy (db, sale_id, error);
  sqlite3_stmt *stmt;

  if (reprint == G_MAXUINT)
    return 0;
  stmt = axw_db_prepare (db, "INSERT INTO print_jobs (sale_id, kind, reprint, created_at, updated_at) "
                             "SELECT id, 'receipt', ?, ?, ? FROM sales WHERE id = ?", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, reprint);
  axw_db_bind_text (stmt, 2, now);
  axw_db_bind_text (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, sale_id);
  if (!axw_db_step_done (db, stmt, error))
    return 0;
  if (sqlite3_changes (axw_db_get_handle (db)) == 0)
    {
      g_set_error (error, AXW_PRINTER_ERROR, AXW_PRINTER_ERROR_IO,
                   _("There is no sale %lld to print."), (long long) sale_id);
      return 0;
    }
  *out_reprint = reprint;
  return sqlite3_last_insert_rowid (axw_db_get_handle (db));
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

static gboolean
set_status (AxwDb      *db,
            gint64      job_id,
            const char *status,
            const char *last_error,
            const char *only_from,
            GError    **error)
{
  g_autofree char *now = axw_now_utc_iso ();
  sqlite3_stmt *stmt;

  stmt = axw_db_prepare (db, "UPDATE print_jobs SET status = ?, last_error = ?, updated_at = ?, "
                             "attempts = attempts + (? = 'printing') "
                             "WHERE id = ? AND (? IS NULL OR status = ?)", error);
  if (stmt == NULL)
    return FALSE;
  axw_db_bind_text (stmt, 1, status);
  axw_db_bind_text (stmt, 2, last_error);
  axw_db_bind_text (stmt, 3, now);
  axw_db_bind_text (stmt, 4, status);
  sqlite3_bind_int64 (stmt, 5, job_id);
  axw_db_bind_text (stmt, 6, only_from);
  axw_db_bind_text (stmt, 7, only_from);
  return axw_db_step_done (db, stmt, error);
}

/* A failed job goes back in the queue. */
gboolean
axw_print_queue_retry (AxwDb   *db,
                       gint64   job_id,
                       GError **error)
{
  if (!set_status (db, job_id, "pending", NULL, "failed", error))
    return FALSE;
  if (sqlite3_changes (axw_db_get_handle (db)) == 0)
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
  return axw_db_exec (db, "UPDATE print_jobs SET status = 'pending' WHERE status = 'printing'",
                      error);
}

/* Returns: (transfer full) (element-type AxwPrintJob): newest first */
GPtrArray *
axw_print_queue_list (AxwDb    *db,
                      gboolean  unfinished_only,
                      GError  **error)
{
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) axw_print_job_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = axw_db_prepare (db, "SELECT j.id, j.sale_id, s.receipt_no, j.status, j.attempts, "
                             "j.last_error, j.reprint FROM print_jobs j LEFT JOIN sales s ON s.id = j.sale_id "
                             "WHERE ? = 0 OR j.status != 'done' ORDER BY j.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, unfinished_only ? 1 : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AxwPrintJob *job = g_new0 (AxwPrintJob, 1);

      job->id = sqlite3_column_int64 (stmt, 0);
      job->sale_id = sqlite3_column_int64 (stmt, 1);
      job->receipt_no = axw_db_column_dup (stmt, 2);
      job->status = axw_db_column_dup (stmt, 3);
      job->attempts = sqlite3_column_int (stmt, 4);
      job->last_error = axw_db_column_dup (stmt, 5);
      job->reprint = (guint) sqlite3_column_int (stmt, 6);
      g_ptr_array_add (jobs, job);
    }
  if (rc != SQLITE_DONE)
    {
      axw_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&jobs);
}

/* @only_job: that job, or 0 for the oldest pending one */
static gint64
next_pending (AxwDb   *db,
              gint64   only_job,
              gint64  *sale_id,
              guint   *reprint,
              GError **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  stmt = axw_db_prepare (db, "SELECT id, sale_id, reprint FROM print_jobs WHERE status = 'pending' "
                             "AND (?1 = 0 OR id = ?1) ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, only_job);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      *sale_id = sqlite3_column_int64 (stmt, 1);
      *reprint = (guint) sqlite3_column_int (stmt, 2);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    return axw_db_set_error (db, rc, error), -1;
  return id;
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
      gint64 sale_id = 0, id = next_pending (db, only_job, &sale_id, &reprint, error);
      GBytes *bytes;

      *out_job_id = 0;
      *out_bytes = NULL;
      if (id <= 0)
        return id == 0;
      /* only while still pending: another process (a second counter, the
       * CLI's retry) may have taken it since it was read, and a receipt
       * printed twice opens the drawer twice */
      if (!set_status (db, id, "printing", NULL, "pending", error))
        return FALSE;
      if (sqlite3_changes (axw_db_get_handle (db)) == 0)
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
    return set_status (db, job_id, "done", NULL, NULL, error);
  return set_status (db, job_id, "failed", send_error->message, NULL, error);
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
