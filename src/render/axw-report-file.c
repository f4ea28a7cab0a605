/* axw-report-file.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "axw-report-file.h"

#include <glib/gi18n.h>
#include <string.h>

#include "axw-error.h"
#include "axw-report-render.h"

static GBytes *
take_string (char *text)
{
  gsize len = strlen (text);

  return g_bytes_new_take (text, len);
}

/**
 * axw_report_file_bytes:
 * @format: "csv", "json" or "pdf"
 *
 * Returns: (transfer full): the report as that file, or %NULL
 */
GBytes *
axw_report_file_bytes (const AxwReport  *report,
                       const char       *format,
                       GError          **error)
{
  g_return_val_if_fail (report != NULL && format != NULL, NULL);

  if (g_str_equal (format, "csv"))
    return take_string (axw_report_to_csv (report));
  if (g_str_equal (format, "json"))
    return take_string (axw_report_to_json (report));
  if (g_str_equal (format, "pdf"))
    return axw_report_render_pdf (report, error);
  g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
               _("Unknown format “%s”: use text, csv, json or pdf."), format);
  return NULL;
}

/**
 * axw_claim_file_bytes:
 * @rows: (element-type AxwClaimRow): from axw_reports_claim()
 * @format: "csv" or "pdf"
 *
 * Returns: (transfer full): the subsidy claim as that file, or %NULL
 */
GBytes *
axw_claim_file_bytes (const char  *funder,
                      const char  *from,
                      const char  *to,
                      GPtrArray   *rows,
                      const char  *format,
                      GError     **error)
{
  g_return_val_if_fail (rows != NULL && format != NULL, NULL);

  if (g_str_equal (format, "csv"))
    return take_string (axw_claim_to_csv (rows));
  if (g_str_equal (format, "pdf"))
    return axw_claim_render_pdf (funder, from, to, rows, error);
  g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
               _("Unknown format “%s”: a claim is csv or pdf."), format);
  return NULL;
}

/**
 * axw_donation_book_file_bytes:
 * @rows: (element-type AxwDonationRow): from axw_reports_donation_book()
 * @format: "csv", "json" or "pdf"
 *
 * Returns: (transfer full): the donation book as that file, or %NULL
 */
GBytes *
axw_donation_book_file_bytes (const char  *shop,
                              const char  *fund,
                              const char  *from,
                              const char  *to,
                              GPtrArray   *rows,
                              const char  *format,
                              GError     **error)
{
  g_return_val_if_fail (rows != NULL && format != NULL, NULL);

  if (g_str_equal (format, "csv"))
    return take_string (axw_donation_book_to_csv (rows));
  if (g_str_equal (format, "json"))
    return take_string (axw_donation_book_to_json (fund, from, to, rows));
  if (g_str_equal (format, "pdf"))
    return axw_donation_book_render_pdf (shop, fund, from, to, rows, error);
  g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
               _("Unknown format “%s”: a donation book is csv, json or pdf."), format);
  return NULL;
}

/**
 * axw_report_file_save:
 *
 * Writes @bytes to @path whole or not at all (a temporary file renamed into
 * place), readable by its owner only: reports and claims name staff, sales
 * and red-packet codes.
 * Returns: %FALSE with an error that says what to do
 */
gboolean
axw_report_file_save (const char  *path,
                      GBytes      *bytes,
                      GError     **error)
{
  g_autoptr(GError) local = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  if (g_file_set_contents_full (path, data, (gssize) len, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                &local))
    return TRUE;
  g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
               _("Could not write %s: %s. Choose another folder; a USB stick must be plugged "
                 "in and not write-protected."), path, local->message);
  return FALSE;
}
