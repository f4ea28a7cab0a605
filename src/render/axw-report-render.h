/* axw-report-render.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reports drawn with cairo: the hourly bar chart (screen and PDF) and the
 * PDF documents (report, subsidy claim). CJK text through pangocairo.
 */
#pragma once

#include <cairo.h>

#include "axw-report.h"

G_BEGIN_DECLS

/* Bars of each hour's total in the rectangle; hours without sales are
 * left out at both ends. */
void    axw_report_draw_hours  (cairo_t          *cr,
                                const AxwReport  *report,
                                double            x,
                                double            y,
                                double            width,
                                double            height);
GBytes *axw_report_render_pdf  (const AxwReport  *report,
                                GError          **error);
/* The same, with @extra lines (a heading first) after the report's own,
 * before the chart: the district report's shops. */
GBytes *axw_report_render_pdf_with (const AxwReport  *report,
                                    GPtrArray        *extra,
                                    GError          **error);
/* The PDF of axw_report_render_pdf() written to @path (atomically,
 * readable by the owner only: 0600). */
gboolean axw_report_save_pdf   (const AxwReport  *report,
                                const char       *path,
                                GError          **error);
/* The receipt-printer lines (axw_report_to_lines() with @paper) as the
 * printer would print them: @dots wide (384 for 58 mm, 576 for 80 mm),
 * one half-width column = dots / columns. For previews and tests. */
GBytes *axw_report_render_lines_png (GPtrArray   *lines,
                                     int          columns,
                                     int          dots,
                                     GError     **error);
GBytes *axw_lines_render_pdf   (GPtrArray        *lines,
                                GError          **error);
/* @rows: AxwClaimRow */
GBytes *axw_claim_render_pdf   (const char       *funder,
                                const char       *from,
                                const char       *to,
                                GPtrArray        *rows,
                                GError          **error);
/* The district's claim: rows with their shop, a total per shop, and
 * @conflicts (lines of text) listed apart, not counted. */
GBytes *axw_claim_render_pdf_district (const char  *funder,
                                       const char  *from,
                                       const char  *to,
                                       GPtrArray   *rows,
                                       GPtrArray   *conflicts,
                                       GError     **error);
GBytes *axw_donation_book_render_pdf (const char  *shop,
                                      const char  *fund,
                                      const char  *from,
                                      const char  *to,
                                      GPtrArray   *rows,
                                      GError     **error);

G_END_DECLS
