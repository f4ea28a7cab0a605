/* test-print-queue.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The print queue on a real database: a committed sale's job printed to a
 * file and to a loopback TCP printer; a refused connection keeps the job.
 */
#include <sqlite3.h>
#include <string.h>

#include <glib/gstdio.h>

#include "axw-db-sql.h"
#include "axw-audit.h"
#include "axw-checkout.h"
#include "axw-sales.h"
#include "axw-escpos.h"
#include "axw-print-queue.h"
#include "axw-print-runner.h"
#include "axw-printer.h"
#include "axw-products.h"
#include "axw-settings.h"
#include "axw-staff.h"
#include "axw-test-lib.h"
#include "escpos-decoder.h"

#define PRODUCTS "barcode,plu,name,category,origin,price,unit,aid_eligible,stock\n" \
  "6971234560018,,赤松茸,干货,甘肃和政,28,piece,1,50\n" \
  "6971234560025,,藜麦粥,冲调,甘肃和政,12.8,piece,1,80\n"

typedef struct {
  DbFixture db;
  AxwSale  *sale;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwCart) cart = axw_cart_new ();
  g_autoptr(AxwLine) l = NULL;
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 11, 22, 5, 0, 0);
  AxwPayment pay = { AXW_PAY_CASH, 0, 10000 };

  db_fixture_setup (&f->db, data);
  g_assert_true (axw_products_import_csv (f->db.db, PRODUCTS, strlen (PRODUCTS), FALSE, NULL,
                                          &error));
  g_assert_cmpint (axw_staff_add (f->db.db, "小林", FALSE, "1234", &error), >, 0);
  l = axw_checkout_item_from_scan (f->db.db, "6971234560018", 2000, &error);
  g_assert_no_error (error);
  axw_cart_add (cart, l);
  f->sale = axw_checkout_commit (f->db.db, cart, at, "小林", &pay, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->sale);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_clear_pointer (&f->sale, axw_sale_free);
  db_fixture_teardown (&f->db, data);
}

static gint64
count (Fixture    *f,
       const char *status)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM print_jobs WHERE status = '%s'",
                                          status);
  return axw_db_query_int (f->db.db, sql, -1);
}

static char *
job_error (Fixture *f)
{
  sqlite3_stmt *stmt = axw_db_prepare (f->db.db, "SELECT last_error FROM print_jobs "
                                                 "ORDER BY id DESC LIMIT 1", NULL);
  char *out = NULL;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    out = axw_db_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return out;
}

static void
assert_receipt_of (GBytes        *bytes,
                   const AxwSale *sale)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decoded = escpos_decode (bytes, &error);
  gboolean found = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < decoded->len; i++)
    {
      const Decoded *e = decoded->pdata[i];

      if (e->kind == DECODED_TEXT && strstr (e->text, sale->receipt_no) != NULL)
        found = TRUE;
    }
  g_assert_true (found);
  g_assert_cmpint (((Decoded *) decoded->pdata[decoded->len - 1])->kind, ==, DECODED_CUT);
}

static void
test_commit_queues_job (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) jobs = axw_print_queue_list (f->db.db, TRUE, &error);
  AxwPrintJob *job;

  g_assert_no_error (error);
  g_assert_cmpuint (jobs->len, ==, 1);
  job = jobs->pdata[0];
  g_assert_cmpint (job->sale_id, ==, f->sale->id);
  g_assert_cmpstr (job->status, ==, "pending");
  g_assert_cmpstr (job->receipt_no, ==, f->sale->receipt_no);
}

static void
test_file (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->db.dir, "lp0", NULL);
  g_autofree char *target = g_strconcat ("file:", path, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) expected = NULL;
  char *contents = NULL;
  gsize len = 0;
  guint done = 0, failed = 0;

  g_assert_true (axw_print_queue_run (f->db.db, target, &done, &failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (done, ==, 1);
  g_assert_cmpuint (failed, ==, 0);
  g_assert_cmpint (count (f, "done"), ==, 1);
  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  bytes = g_bytes_new_take (contents, len);
  expected = axw_print_queue_render (f->db.db, f->sale->id, 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, expected));
  assert_receipt_of (bytes, f->sale);
  g_unlink (path);
}

static void
test_file_fails_keeps_job (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwSale) again = NULL;
  g_autofree char *reason = NULL;
  guint failed = 0;

  g_assert_true (axw_print_queue_run (f->db.db, "file:/nonexistent/dir/lp0", NULL, &failed,
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpuint (failed, ==, 1);
  g_assert_cmpint (count (f, "failed"), ==, 1);
  reason = job_error (f);
  g_assert_nonnull (strstr (reason, "Could not write the receipt to /nonexistent/dir/lp0"));
  again = axw_sales_load_by_id (f->db.db, f->sale->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->total_fen, ==, f->sale->total_fen);
}

typedef struct {
  GSocketListener *listener;
  GByteArray      *received;
  guint16          port;
} TcpPrinter;

static gpointer
tcp_accept_thread (gpointer data)
{
  TcpPrinter *p = data;
  g_autoptr(GSocketConnection) conn = g_socket_listener_accept (p->listener, NULL, NULL, NULL);
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (conn));
  guint8 buf[4096];
  gssize n;

  while ((n = g_input_stream_read (in, buf, sizeof buf, NULL, NULL)) > 0)
    g_byte_array_append (p->received, buf, (guint) n);
  return NULL;
}

static void
tcp_printer_start (TcpPrinter *p)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) addr = g_inet_socket_address_new (lo, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  p->listener = g_socket_listener_new ();
  p->received = g_byte_array_new ();
  g_socket_listener_add_address (p->listener, addr, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &bound, &error);
  g_assert_no_error (error);
  p->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  guint *failed = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (axw_print_queue_run_finish (result, failed, &error));
  g_assert_no_error (error);
  *failed += 100;
}

static guint
run_async_and_wait (Fixture    *f,
                    const char *target)
{
  guint failed = 0;

  axw_print_queue_run_async (f->db.db, target, NULL, run_done_cb, &failed);
  while (failed < 100)
    g_main_context_iteration (NULL, TRUE);
  return failed - 100;
}

static void
test_tcp (Fixture       *f,
          gconstpointer  data)
{
  TcpPrinter p = { 0 };
  g_autofree char *target = NULL;
  g_autoptr(GThread) thread = NULL;
  g_autoptr(GBytes) got = NULL, expected = NULL;
  g_autoptr(GError) error = NULL;

  tcp_printer_start (&p);
  target = g_strdup_printf ("tcp://127.0.0.1:%u", p.port);
  thread = g_thread_new ("printer", tcp_accept_thread, &p);
  g_assert_cmpuint (run_async_and_wait (f, target), ==, 0);
  g_thread_join (g_steal_pointer (&thread));
  g_assert_cmpint (count (f, "done"), ==, 1);
  got = g_byte_array_free_to_bytes (p.received);
  expected = axw_print_queue_render (f->db.db, f->sale->id, 0, &error);
  g_assert_true (g_bytes_equal (got, expected));
  assert_receipt_of (got, f->sale);
  g_object_unref (p.listener);
}

static void
test_tcp_refused_then_retry (Fixture       *f,
                             gconstpointer  data)
{
  TcpPrinter p = { 0 };
  g_autofree char *target = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(GThread) thread = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(AxwSale) again = NULL;

  /* A port that was just free and is now closed refuses connections. */
  tcp_printer_start (&p);
  target = g_strdup_printf ("tcp://127.0.0.1:%u", p.port);
  g_socket_listener_close (p.listener);
  g_clear_object (&p.listener);
  g_byte_array_unref (p.received);

  g_assert_cmpuint (run_async_and_wait (f, target), ==, 1);
  g_assert_cmpint (count (f, "failed"), ==, 1);
  reason = job_error (f);
  g_assert_nonnull (strstr (reason, "Could not reach the network printer 127.0.0.1"));
  again = axw_sales_load_by_id (f->db.db, f->sale->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->receipt_no, ==, f->sale->receipt_no);

  jobs = axw_print_queue_list (f->db.db, TRUE, &error);
  g_assert_true (axw_print_queue_retry (f->db.db, ((AxwPrintJob *) jobs->pdata[0])->id, &error));
  g_assert_no_error (error);
  g_assert_false (axw_print_queue_retry (f->db.db, ((AxwPrintJob *) jobs->pdata[0])->id, &error));
  g_assert_error (error, AXW_PRINTER_ERROR, AXW_PRINTER_ERROR_IO);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "pending"), ==, 1);

  tcp_printer_start (&p);
  g_free (target);
  target = g_strdup_printf ("tcp://127.0.0.1:%u", p.port);
  thread = g_thread_new ("printer", tcp_accept_thread, &p);
  g_assert_cmpuint (run_async_and_wait (f, target), ==, 0);
  g_thread_join (g_steal_pointer (&thread));
  g_assert_cmpint (count (f, "done"), ==, 1);
  g_assert_cmpint (axw_db_query_int (f->db.db, "SELECT attempts FROM print_jobs", -1), ==, 2);
  g_byte_array_unref (p.received);
  g_object_unref (p.listener);
}

static AxwSale *
sell_again (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwCart) cart = axw_cart_new ();
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 11, 22, 6, 0, 0);
  AxwPayment pay = { AXW_PAY_CASH, 0, 10000 };
  g_autoptr(AxwLine) l = axw_checkout_item_from_scan (f->db.db, "6971234560025", 1000, &error);
  AxwSale *sale;

  g_assert_no_error (error);
  axw_cart_add (cart, l);
  sale = axw_checkout_commit (f->db.db, cart, at, "小林", &pay, 1, &error);
  g_assert_no_error (error);
  return sale;
}

static guint
count_audit (GPtrArray  *entries,
             const char *action,
             const char *staff)
{
  guint n = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      const AxwAuditEntry *e = entries->pdata[i];

      n += g_str_equal (e->action, action) && g_str_equal (e->staff, staff);
    }
  return n;
}

static void
test_reprint_and_recover (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (axw_print_queue_reprint (f->db.db, f->sale, "王店长", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "pending"), ==, 2);
  g_assert_cmpint (axw_db_query_int (f->db.db, "SELECT count(*) FROM audit_log "
                                               "WHERE action = 'receipt.reprint'", -1), ==, 1);
  g_assert_true (axw_db_exec (f->db.db, "UPDATE print_jobs SET status = 'printing'", &error));
  g_assert_true (axw_print_queue_recover (f->db.db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "pending"), ==, 2);
}

/* The first copy opens the drawer of a cash sale; each later one is
 * numbered in the database, marked on paper, audited in the name of who
 * asked for it, and opens nothing. */
static void
test_reprint_marked (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->db.dir, "lp0", NULL);
  g_autofree char *target = g_strconcat ("file:", path, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) audit = NULL;

  g_assert_true (axw_settings_set (f->db.db, "receipt.width", "80", &error));
  g_assert_true (axw_print_queue_run (f->db.db, target, NULL, NULL, &error));
  first = escpos_take_file (path);
  g_assert_cmpuint (escpos_count (first, DECODED_DRAWER, NULL), ==, 1);
  for (guint n = 1; n <= 2; n++)
    {
      g_autofree char *mark = g_strdup_printf ("重印 第%u次 · 原单时间 2026-11-22 13:00:00", n);
      g_autoptr(GPtrArray) copy = NULL;
      gint64 job = axw_print_queue_reprint (f->db.db, f->sale, "王店长", &error);

      g_assert_no_error (error);
      g_assert_cmpuint (axw_print_queue_next_copy (f->db.db, f->sale->id, NULL), ==, n + 1);
      g_assert_true (axw_print_queue_run_job (f->db.db, job, target, &error));
      g_assert_no_error (error);
      copy = escpos_take_file (path);
      g_assert_cmpuint (escpos_count (copy, DECODED_TEXT, mark), ==, 1);
      g_assert_cmpuint (escpos_count (copy, DECODED_DRAWER, NULL), ==, 0);
      g_assert_cmpuint (escpos_count (copy, DECODED_CUT, NULL), ==, 1);
    }
  g_assert_cmpint (axw_db_query_int (f->db.db, "SELECT group_concat(reprint, '') FROM "
                                               "(SELECT reprint FROM print_jobs ORDER BY id)", -1),
                   ==, 12);
  audit = axw_audit_list (f->db.db, NULL, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_audit (audit, "receipt.reprint", "王店长"), ==, 2);
}

/* A job printed alone leaves the rest of the queue waiting. */
static void
test_run_job_alone (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->db.dir, "lp0", NULL);
  g_autofree char *target = g_strconcat ("file:", path, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwSale) second = sell_again (f);
  g_autoptr(GPtrArray) paper = NULL;
  g_autofree char *mark = NULL;
  gint64 job = axw_print_queue_reprint (f->db.db, second, "小林", &error);

  g_assert_no_error (error);
  g_assert_true (axw_print_queue_run_job (f->db.db, job, target, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "pending"), ==, 2);
  g_assert_cmpint (count (f, "done"), ==, 1);
  paper = escpos_take_file (path);
  g_assert_cmpuint (escpos_count (paper, DECODED_CUT, NULL), ==, 1);
  g_assert_false (axw_print_queue_run_job (f->db.db, job, target, &error));
  g_assert_error (error, AXW_PRINTER_ERROR, AXW_PRINTER_ERROR_IO);
  g_clear_error (&error);
  /* a printer that fails keeps the job, with its reason */
  job = axw_print_queue_reprint (f->db.db, second, "小林", &error);
  g_assert_false (axw_print_queue_run_job (f->db.db, job, "file:/nonexistent/dir/lp0", &error));
  g_assert_nonnull (error);
  g_assert_cmpint (count (f, "failed"), ==, 1);
  mark = job_error (f);
  g_assert_cmpstr (mark, ==, error->message);
}

static void
test_bad_targets (Fixture       *f,
                  gconstpointer  data)
{
  static const char *targets[] = { "lpt1", "usb:zz:1", "tcp://", "file:" };
  g_autoptr(GBytes) bytes = g_bytes_new_static ("x\n", 2);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (axw_printer_send (targets[i], bytes, NULL, &error));
      g_assert_error (error, AXW_PRINTER_ERROR, AXW_PRINTER_ERROR_BAD_TARGET);
    }
}

typedef struct {
  const char *path;
  GAsyncQueue *claimed;   /* job ids, as each claimer got them */
} Claimer;

/* One terminal's printer worker: its own connection, claims until the
 * queue is empty. */
static gpointer
claimer_thread (gpointer data)
{
  Claimer *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwDb) db = axw_db_open (c->path, &error);

  g_assert_no_error (error);
  for (;;)
    {
      g_autoptr(GBytes) bytes = NULL;
      gint64 id = 0;

      g_assert_true (axw_print_queue_claim (db, &id, &bytes, &error));
      g_assert_no_error (error);
      if (id == 0)
        break;
      g_async_queue_push (c->claimed, GINT_TO_POINTER ((gint) id));
      g_assert_true (axw_print_queue_finish (db, id, NULL, &error));
    }
  return NULL;
}

/* Several processes drain one queue (two counters' workers, the CLI's
 * retry): each job is claimed once, so no receipt prints twice and no
 * drawer opens twice. Claiming reads the oldest pending job, then takes it
 * only if it is still pending. */
static void
test_claim_once (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GAsyncQueue) claimed = g_async_queue_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GThread *threads[6];
  Claimer c = { f->db.path, claimed };
  gint64 jobs;
  gpointer id;

  for (int i = 0; i < 120; i++)
    g_assert_true (axw_db_exec (f->db.db,
                                "INSERT INTO print_jobs (sale_id, kind, status, created_at, "
                                "updated_at) "
                                          "SELECT sale_id, kind, 'pending', created_at, updated_at "
                                          "FROM print_jobs "
                                          "LIMIT 1", NULL));
  jobs = count (f, "pending");
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("claimer", claimer_thread, &c);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  while ((id = g_async_queue_try_pop (claimed)) != NULL)
    {
      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, id);
    }
  g_assert_cmpint (g_hash_table_size (seen), ==, jobs);
  g_assert_cmpint (count (f, "done"), ==, jobs);
  g_assert_cmpint (axw_db_query_int (f->db.db, "SELECT max (attempts) FROM print_jobs", 0), ==, 1);
}

static void
finished_cb (AxwPrintRunner *runner,
             gboolean        all_printed,
             GArray         *runs)
{
  g_array_append_val (runs, all_printed);
}

/* Until @n runs have finished and no other is running, 10 s at most;
 * then a little longer, for a run that should not have been. */
static void
wait_for_runs (AxwPrintRunner *runner,
               GArray         *runs,
               guint           n)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while ((runs->len < n || axw_print_runner_is_running (runner)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  end = g_get_monotonic_time () + G_USEC_PER_SEC / 10;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Two screens' worth of receipts asked for while one run goes on: one
 * more run after it prints them all, never two runs side by side. */
static void
test_runner_one_run_at_a_time (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->db.dir, "lp0", NULL);
  g_autofree char *target = g_strconcat ("file:", path, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr(AxwSale) second = NULL;
  g_autoptr(GBytes) first_bytes = NULL, second_bytes = NULL;
  AxwPrintRunner *runner = axw_print_runner_new (f->db.db);
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (axw_settings_set (f->db.db, "printer", target, &error));
  g_signal_connect (runner, "finished", G_CALLBACK (finished_cb), runs);
  axw_print_runner_run (runner);
  g_assert_true (axw_print_runner_is_running (runner));
  second = sell_again (f);
  axw_print_runner_run (runner);
  axw_print_runner_run (runner);
  wait_for_runs (runner, runs, 2);
  g_assert_cmpuint (runs->len, ==, 2);
  g_assert_true (g_array_index (runs, gboolean, 0));
  g_assert_true (g_array_index (runs, gboolean, 1));
  g_assert_cmpint (count (f, "done"), ==, 2);
  /* each receipt once, in the order sold */
  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  first_bytes = axw_print_queue_render (f->db.db, f->sale->id, 0, &error);
  second_bytes = axw_print_queue_render (f->db.db, second->id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (len, ==, g_bytes_get_size (first_bytes) + g_bytes_get_size (second_bytes));
  g_assert_cmpmem (contents, g_bytes_get_size (first_bytes), g_bytes_get_data (first_bytes, NULL),
                   g_bytes_get_size (first_bytes));
  g_assert_finalize_object (runner);
  g_unlink (path);
}

/* A printer that cannot print: the run says so, the job stays queued. */
static void
test_runner_failure (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (gboolean));
  AxwPrintRunner *runner = axw_print_runner_new (f->db.db);

  g_assert_true (axw_settings_set (f->db.db, "printer", "file:/nonexistent/dir/lp0", &error));
  g_signal_connect (runner, "finished", G_CALLBACK (finished_cb), runs);
  axw_print_runner_run (runner);
  wait_for_runs (runner, runs, 1);
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_false (axw_print_runner_is_running (runner));
  g_assert_false (g_array_index (runs, gboolean, 0));
  g_assert_cmpint (count (f, "failed"), ==, 1);
  g_assert_finalize_object (runner);
}

#define TEST(path, fn) g_test_add (path, Fixture, NULL, setup, fn, teardown)

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  TEST ("/print-queue/commit-queues-job", test_commit_queues_job);
  TEST ("/print-queue/file", test_file);
  TEST ("/print-queue/file-fails-keeps-job", test_file_fails_keeps_job);
  TEST ("/print-queue/tcp", test_tcp);
  TEST ("/print-queue/tcp-refused-then-retry", test_tcp_refused_then_retry);
  TEST ("/print-queue/reprint-and-recover", test_reprint_and_recover);
  TEST ("/print-queue/reprint-marked", test_reprint_marked);
  TEST ("/print-queue/run-job-alone", test_run_job_alone);
  TEST ("/print-queue/bad-targets", test_bad_targets);
  TEST ("/print-queue/claim-once", test_claim_once);
  TEST ("/print-queue/runner/one-run-at-a-time", test_runner_one_run_at_a_time);
  TEST ("/print-queue/runner/failure", test_runner_failure);
  return g_test_run ();
}
