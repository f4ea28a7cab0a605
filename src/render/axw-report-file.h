/* axw-report-file.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The files a manager takes away: a report or a subsidy claim as CSV or
 * PDF, written only for the owner to read. The CLI (`report … --out`) and
 * the manager window's exports page both write them with these.
 */
#pragma once

#include <gio/gio.h>

#include "axw-report.h"

G_BEGIN_DECLS

GBytes   *axw_report_file_bytes (const AxwReport  *report,
                                 const char       *format,
                                 GError          **error);
GBytes   *axw_claim_file_bytes  (const char       *funder,
                                 const char       *from,
                                 const char       *to,
                                 GPtrArray        *rows,
                                 const char       *format,
                                 GError          **error);
GBytes   *axw_donation_book_file_bytes (const char  *shop,
                                        const char  *fund,
                                        const char  *from,
                                        const char  *to,
                                        GPtrArray   *rows,
                                        const char  *format,
                                        GError     **error);
gboolean  axw_report_file_save  (const char       *path,
                                 GBytes           *bytes,
                                 GError          **error);

G_END_DECLS
