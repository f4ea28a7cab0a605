/* test-csv.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "axw-csv.h"
#include "axw-error.h"

static AxwCsv *
parse (const char  *text,
       GError     **error)
{
  return axw_csv_parse (text, strlen (text), error);
}

static void
test_quoted (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AxwCsv) csv = parse ("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",\r\n",
                                 &error);

  g_assert_no_error (error);
  g_assert_cmpuint (axw_csv_n_rows (csv), ==, 2);
  g_assert_cmpstr (axw_csv_get (csv, 0, "a"), ==, "x, y");
  g_assert_cmpstr (axw_csv_get (csv, 0, "b"), ==, "say \"hi\"");
  g_assert_cmpstr (axw_csv_get (csv, 1, "a"), ==, "multi\nline");
  g_assert_cmpstr (axw_csv_get (csv, 1, "b"), ==, "");
  g_assert_null (axw_csv_get (csv, 0, "c"));
}

static void
test_no_final_newline (void)
{
  g_autoptr(AxwCsv) csv = parse ("a\n1\n2", NULL);

  g_assert_cmpuint (axw_csv_n_rows (csv), ==, 2);
  g_assert_cmpstr (axw_csv_get (csv, 1, "a"), ==, "2");
  g_assert_cmpuint (axw_csv_line_of_row (csv, 1), ==, 3);
}

static void
test_bad (void)
{
  static const char *bad[] = {
    "", "a,b\n1\n", "a,b\n1,2,3\n", "a\n\"open\n", "a\nx\"y\n", "a\n\"x\"y\n", "a,a\n1,2\n",
    ",b\n1,2\n", "a\n\xff\xfe\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AxwCsv) csv = parse (bad[i], &error);

      g_assert_null (csv);
      g_assert_error (error, AXW_ERROR, AXW_ERROR_INVALID);
    }
}

static void
test_write (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *row[] = { "plain", "a,b", "q\"q", "line\nbreak", "" };
  g_autoptr(AxwCsv) csv = NULL;

  axw_csv_append_row (out, (const char *[]) { "1", "2", "3", "4", "5" }, 5);
  axw_csv_append_row (out, row, 5);
  g_assert_cmpstr (out->str, ==, "1,2,3,4,5\r\nplain,\"a,b\",\"q\"\"q\",\"line\nbreak\",\r\n");
  csv = parse (out->str, NULL);
  for (guint i = 0; i < 5; i++)
    {
      char col[2] = { (char) ('1' + i), 0 };
      g_assert_cmpstr (axw_csv_get (csv, 0, col), ==, row[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/quoted", test_quoted);
  g_test_add_func ("/csv/no-final-newline", test_no_final_newline);
  g_test_add_func ("/csv/bad", test_bad);
  g_test_add_func ("/csv/write", test_write);

  return g_test_run ();
}
