/* axw-receipt-render.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

cairo_surface_t *axw_receipt_render  (GPtrArray   *items,
                                      guint        width_mm,
                                      GError     **error);
gboolean         axw_receipt_render_png (GPtrArray  *items,
                                         guint       width_mm,
                                         const char *path,
                                         GError    **error);

G_END_DECLS
