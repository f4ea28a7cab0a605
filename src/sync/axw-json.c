/* axw-json.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "axw-error.h"
#include "axw-json.h"

/**
 * axw_json_depth_ok:
 * @max_depth: how many arrays and objects may be open at once
 *
 * Counts brackets outside strings, the way a JSON parser would nest
 * them, without parsing anything else: linear, no recursion.
 *
 * Returns: %TRUE when @text never nests deeper than @max_depth
 */
gboolean
axw_json_depth_ok (const char *text,
                   gsize       length,
                   guint       max_depth)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if ((c == '[' || c == '{') && ++depth > max_depth)
        return FALSE;
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

/**
 * axw_json_load_bounded:
 *
 * json_parser_load_from_data() for text from outside: refused before
 * json-glib sees it when it nests deeper than %AXW_JSON_MAX_DEPTH.
 */
gboolean
axw_json_load_bounded (JsonParser  *parser,
                       const char  *text,
                       gsize        length,
                       GError     **error)
{
  if (!axw_json_depth_ok (text, length, AXW_JSON_MAX_DEPTH))
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("the JSON nests more than %d levels deep"), AXW_JSON_MAX_DEPTH);
      return FALSE;
    }
  return json_parser_load_from_data (parser, text, (gssize) length, error);
}

/**
 * axw_text_printable:
 * @length: bytes of @text to take, or -1 for all
 *
 * Another program's words made safe to show on a screen or a terminal:
 * valid UTF-8, every control character (ESC, CR, C1 controls…) a space,
 * runs of spaces folded, trimmed.
 *
 * Returns: (transfer full): the text
 */
char *
axw_text_printable (const char *text,
                    gssize      length)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", text ? length : 0);
  GString *out = g_string_sized_new (strlen (valid));
  gboolean space = TRUE;

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || g_unichar_isspace (c))
        {
          if (!space)
            g_string_append_c (out, ' ');
          space = TRUE;
          continue;
        }
      g_string_append_unichar (out, c);
      space = FALSE;
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}
