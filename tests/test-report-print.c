/* test-report-print.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `aixinwu report … --print` end to end: the real CLI closes a day and
 * prints the Z report to a file printer and to a loopback TCP printer; the
 * bytes decode back to exactly the report's paper lines, none wider than
 * the paper, cut at the end. A refused connection fails with a message.
 */
#define _GNU_SOURCE   /* memmem */
#include <glib/gstdio.h>
#include <string.h>

#include "axw-bizdate.h"
#include "axw-checkout.h"
#include "axw-cli.h"
#include "axw-report-print.h"
#include "axw-reports.h"
#include "axw-test-lib.h"
#include "escpos-decoder.h"

typedef struct {
  char  *dir;
  char  *db_path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwDb) db = NULL;

  f->dir = g_dir_make_tmp ("axw-report-print-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "shop.db", NULL);
  db = axw_db_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (axw_cli_init_demo (db, &error));
  axw_sale_free (axw_test_sell (db, "2026-12-10T09:30:00+08:00", "6971234560018", 2000, 10000));
  axw_sale_free (axw_test_sell (db, "2026-12-10T10:10:00+08:00", "6971234560025", 3000, 10000));
  axw_sale_free (axw_test_sell (db, "2026-12-10T15:45:00+08:00", "6971234560018", 1000, 5000));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  axw_test_rm_rf (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
}

/* Runs the real aixinwu with @pin on stdin; returns the exit status. */
static int
run_cli (Fixture     *f,
         const char  *pin,
         char       **out_stderr,
         ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *bin = g_getenv ("AIXINWU_BIN");
  const char *arg;
  va_list ap;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (char *) bin);
  va_start (ap, out_stderr);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_subprocess_launcher_setenv (launcher, "AIXINWU_DB", f->db_path, TRUE);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, pin, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_test_message ("stdout: %s\nstderr: %s", out, err);
  if (out_stderr != NULL)
    *out_stderr = g_steal_pointer (&err);
  return g_subprocess_get_exit_status (proc);
}

/* The decoded bytes are the report's paper lines, in order, then a feed
 * and a cut; nothing else. */
static void
assert_prints_report (Fixture *f,
                      GBytes  *bytes,
                      guint    width_mm)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwDb) db = axw_db_open (f->db_path, &error);
  g_autoptr(AxwReport) r = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) decoded = NULL;
  guint columns = width_mm == 58 ? 32 : 48;
  guint n_text = 0;

  g_assert_no_error (error);
  r = axw_reports_load_z (db, 1, &error);
  g_assert_no_error (error);
  lines = axw_report_to_lines (r, (int) columns, TRUE);
  g_assert_cmpuint (lines->len, >, 20);
  decoded = escpos_decode (bytes, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < decoded->len; i++)
    {
      Decoded *d = decoded->pdata[i];

      if (d->kind != DECODED_TEXT)
        continue;
      g_assert_cmpuint (n_text, <, lines->len);
      g_assert_cmpstr (d->text, ==, g_ptr_array_index (lines, n_text));
      g_assert_cmpuint (d->columns, <=, columns);
      n_text++;
    }
  g_assert_cmpuint (n_text, ==, lines->len);
  g_assert_cmpint (((Decoded *) decoded->pdata[decoded->len - 1])->kind, ==, DECODED_CUT);
  g_assert_cmpint (((Decoded *) decoded->pdata[decoded->len - 2])->kind, ==, DECODED_FEED);
  /* the shop's Chinese name, as two-byte GB18030 */
  g_assert_nonnull (strstr (g_ptr_array_index (lines, 0), "爱心屋"));
  g_assert_nonnull (memmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                            "\xB0\xAE\xD0\xC4", 4));
}

static void
test_z_to_file (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *bin = g_build_filename (f->dir, "lp0", NULL);
  g_autofree char *printer = g_strconcat ("file:", bin, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_cmpint (run_cli (f, "8888\n", NULL, "report", "z", "--date", "2026-12-10", "--staff",
                            "王店长",
                            "--at", "2026-12-10T22:00:00+08:00", "--print", "--printer", printer,
                            "--width", "58", NULL), ==, 0);
  g_assert_true (g_file_get_contents (bin, &contents, &len, &error));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  assert_prints_report (f, bytes, 58);
}

typedef struct {
  GSocketListener *listener;
  GByteArray      *received;
} Server;

static gpointer
serve_one (gpointer data)
{
  Server *s = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketConnection) conn = g_socket_listener_accept (s->listener, NULL, NULL, &error);
  GInputStream *in;
  guint8 buf[4096];
  gssize n;

  g_assert_no_error (error);
  in = g_io_stream_get_input_stream (G_IO_STREAM (conn));
  while ((n = g_input_stream_read (in, buf, sizeof buf, NULL, &error)) > 0)
    g_byte_array_append (s->received, buf, (guint) n);
  g_assert_no_error (error);
  return NULL;
}

static guint16
listen_loopback (GSocketListener *listener)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (lo, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_listener_add_address (listener, any, G_SOCKET_TYPE_STREAM,
                                                G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error));
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
test_z_to_tcp (Fixture       *f,
               gconstpointer  data)
{
  Server s = { g_socket_listener_new (), g_byte_array_new () };
  guint16 port = listen_loopback (s.listener);
  g_autofree char *printer = g_strdup_printf ("tcp://127.0.0.1:%u", port);
  g_autoptr(GBytes) bytes = NULL;
  GThread *thread;

  g_assert_cmpint (run_cli (f, "8888\n", NULL, "report", "z", "--date", "2026-12-10", "--staff",
                            "王店长",
                            "--at", "2026-12-10T22:00:00+08:00", "--format", "json", NULL), ==, 0);
  thread = g_thread_new ("printer", serve_one, &s);
  g_assert_cmpint (run_cli (f, "", NULL, "report", "z", "--number", "1", "--print", "--printer",
                            printer, "--width", "80", NULL), ==, 0);
  g_thread_join (thread);
  bytes = g_byte_array_free_to_bytes (s.received);
  assert_prints_report (f, bytes, 80);
  g_object_unref (s.listener);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  GSocketListener *listener = g_socket_listener_new ();
  guint16 port = listen_loopback (listener);
  g_autofree char *printer = g_strdup_printf ("tcp://127.0.0.1:%u", port);
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;

  /* nobody listens on the port any more: the connection is refused */
  g_socket_listener_close (listener);
  g_object_unref (listener);
  g_assert_cmpint (run_cli (f, "", &err, "report", "range", "--from", "2026-12-10", "--to",
                            "2026-12-10", "--print", "--printer", printer, NULL), !=, 0);
  g_assert_nonnull (strstr (err, "Could not reach the network printer 127.0.0.1:"));
  g_assert_nonnull (strstr (err, "Check that it is on"));
  g_assert_cmpint (run_cli (f, "", &err2, "report", "range", "--from", "2026-12-10", "--to",
                            "2026-12-10", "--print", "--width", "70", NULL), !=, 0);
  g_assert_nonnull (strstr (err2, "58 or 80"));
}

/* No --printer, no --width: the printer and receipt.width settings. */
static void
test_range_to_setting (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *bin = g_build_filename (f->dir, "lp1", NULL);
  g_autofree char *printer = g_strconcat ("file:", bin, NULL);
  g_autoptr(GPtrArray) decoded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  guint widest = 0;
  gsize len;

  g_assert_cmpint (run_cli (f, "8888\n", NULL, "settings", "set", "printer", printer, "--staff",
                            "王店长", NULL),
                   ==, 0);
  g_assert_cmpint (run_cli (f, "8888\n", NULL, "settings", "set", "receipt.width", "80", "--staff",
                            "王店长", NULL),
                   ==, 0);
  g_assert_cmpint (run_cli (f, "", NULL, "report", "range", "--from", "2026-12-10", "--to",
                            "2026-12-10", "--print", NULL), ==, 0);
  g_assert_true (g_file_get_contents (bin, &contents, &len, &error));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  decoded = escpos_decode (bytes, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < decoded->len; i++)
    if (((Decoded *) decoded->pdata[i])->kind == DECODED_TEXT)
      widest = MAX (widest, ((Decoded *) decoded->pdata[i])->columns);
  /* laid out for 80 mm: wider than 58 mm's 32 columns, never wider than 48 */
  g_assert_cmpuint (widest, >, 32);
  g_assert_cmpuint (widest, <=, 48);
}

static void
test_encode_widths (void)
{
  g_autoptr(AxwReport) r = axw_report_new (AXW_REPORT_RANGE);
  g_autoptr(GError) error = NULL;

  r->shop_name = g_strdup ("爱心屋（和政县残疾人合作社直营店·城关镇东大街一百二十八号）");
  r->from = g_strdup ("2026-12-10");
  r->to = g_strdup ("2026-12-10");
  for (guint w = 58; w <= 80; w += 22)
    {
      g_autoptr(GBytes) bytes = axw_report_print_encode (r, w, &error);
      g_autoptr(GPtrArray) decoded = NULL;

      g_assert_no_error (error);
      decoded = escpos_decode (bytes, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < decoded->len; i++)
        if (((Decoded *) decoded->pdata[i])->kind == DECODED_TEXT)
          g_assert_cmpuint (((Decoded *) decoded->pdata[i])->columns, <=, w == 58 ? 32 : 48);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/report-print/z-to-file", Fixture, NULL, fixture_setup, test_z_to_file,
              fixture_teardown);
  g_test_add ("/report-print/z-to-tcp", Fixture, NULL, fixture_setup, test_z_to_tcp,
              fixture_teardown);
  g_test_add ("/report-print/refused", Fixture, NULL, fixture_setup, test_refused,
              fixture_teardown);
  g_test_add ("/report-print/range-to-setting", Fixture, NULL, fixture_setup, test_range_to_setting,
              fixture_teardown);
  g_test_add_func ("/report-print/encode-widths", test_encode_widths);
  return g_test_run ();
}
