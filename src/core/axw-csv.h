/* axw-csv.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* RFC 4180: UTF-8, an optional BOM, CRLF or LF, quoted fields with "". */

typedef struct _AxwCsv AxwCsv;

AxwCsv     *axw_csv_parse            (const char   *text,
                                      gsize         length,
                                      GError      **error);
void        axw_csv_free             (AxwCsv       *csv);
guint       axw_csv_n_rows           (AxwCsv       *csv);
const char *axw_csv_get              (AxwCsv       *csv,
                                      guint         row,
                                      const char   *column);
gboolean    axw_csv_bind_columns     (AxwCsv       *csv,
                                      const char * const *known,
                                      const char * const *required,
                                      GError      **error);
guint       axw_csv_line_of_row      (AxwCsv       *csv,
                                      guint         row);
void        axw_csv_append_field     (GString      *out,
                                      const char   *field);
void        axw_csv_append_row       (GString      *out,
                                      const char * const *fields,
                                      guint         n_fields);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxwCsv, axw_csv_free)

G_END_DECLS
