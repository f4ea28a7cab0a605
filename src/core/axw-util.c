/* axw-util.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "axw-error.h"

G_DEFINE_QUARK (axw-error-quark, axw_error)

/**
 * axw_error_clause:
 * @message: (nullable): an error message, a whole sentence or more
 *
 * Messages end with their own full stop ("." or "。"). Quoted inside
 * another sentence ("Receipt not printed: %s. Check…") that stop would
 * be doubled ("power.。"): this is the message without it.
 *
 * Returns: (transfer full): @message without trailing spaces and final
 *   stops; "" for %NULL
 */
char *
axw_error_clause (const char *message)
{
  static const char * const stops[] = { "。", "．", ".", "！", "!", NULL };
  char *text = g_strstrip (g_strdup (message ? message : ""));
  gboolean cut = TRUE;

  while (cut)
    {
      gsize len = strlen (text);

      cut = FALSE;
      for (guint i = 0; stops[i] != NULL && !cut; i++)
        if (g_str_has_suffix (text, stops[i]) &&
            !(g_str_equal (stops[i], ".") && len >= 3 && g_str_has_suffix (text, "...")))
          {
            text[len - strlen (stops[i])] = '\0';
            g_strchomp (text);
            cut = TRUE;
          }
    }
  return text;
}
