/* fuzz-json.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one JSON string escaper of the sale, report and export documents
 * (axw_json_append_string): whatever bytes it gets, json-glib parses what
 * it writes, and reads back the same text (invalid UTF-8 as U+FFFD).
 */
#include <json-glib/json-glib.h>

#include "axw-fuzz.h"
#include "axw-sale.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = axw_fuzz_string (data, size);
  g_autofree char *want = g_utf8_make_valid (text, -1);
  g_autoptr(GString) doc = g_string_new ("{\"k\":");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  axw_json_append_string (doc, text);
  g_string_append_c (doc, '}');
  g_assert (g_utf8_validate (doc->str, doc->len, NULL));
  if (!json_parser_load_from_data (parser, doc->str, doc->len, &error))
    {
      g_printerr ("not JSON: %s\n%s\n", error->message, doc->str);
      abort ();
    }
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert (g_str_equal (json_object_get_string_member (root, "k"), want));
  /* nothing below U+0020 is written raw */
  for (gsize i = 0; i < doc->len; i++)
    g_assert ((guchar) doc->str[i] >= 0x20);
  return 0;
}
