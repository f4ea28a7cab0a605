/* axw-json.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * JSON from outside (the online shop's answers and orders, an export's
 * manifest) read with bounds json-glib 1.6 does not have: its parser
 * recurses once per nesting level, so 400 KB of "[" overflow the stack.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Deeper than anything the formats of data/EXPORT.md need (they nest 4). */
#define AXW_JSON_MAX_DEPTH 32

gboolean  axw_json_depth_ok     (const char  *text,
                                 gsize        length,
                                 guint        max_depth);
gboolean  axw_json_load_bounded (JsonParser  *parser,
                                 const char  *text,
                                 gsize        length,
                                 GError     **error);
char     *axw_text_printable    (const char  *text,
                                 gssize       length);

G_END_DECLS
