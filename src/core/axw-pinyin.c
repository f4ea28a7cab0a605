/* axw-pinyin.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pinyin initials (拼音首字母) for product search: 赤松茸 → "csr". The 3755
 * level-1 characters of GB2312 are ordered by pinyin, so the first letter
 * follows from where the character's code falls between these bounds.
 */
#include <string.h>

#include "axw-pinyin.h"

static const struct {
  guint16 first;
  char    letter;
} bounds[] = {
  { 0xB0A1, 'a' }, { 0xB0C5, 'b' }, { 0xB2C1, 'c' }, { 0xB4EE, 'd' }, { 0xB6EA, 'e' },
  { 0xB7A2, 'f' }, { 0xB8C1, 'g' }, { 0xB9FE, 'h' }, { 0xBBF7, 'j' }, { 0xBFA6, 'k' },
  { 0xC0AC, 'l' }, { 0xC2E8, 'm' }, { 0xC4C3, 'n' }, { 0xC5B6, 'o' }, { 0xC5BE, 'p' },
  { 0xC6DA, 'q' }, { 0xC8BB, 'r' }, { 0xC8F6, 's' }, { 0xCBFA, 't' }, { 0xCDDA, 'w' },
  { 0xCEF4, 'x' }, { 0xD1B9, 'y' }, { 0xD4D1, 'z' },
};
#define LEVEL1_END 0xD7FA

/* Level-2 characters (ordered by radical, not pinyin) common in the names
 * of the goods these shops sell. */
static const struct {
  const char *ch;
  char        letter;
} level2[] = {
  { "藜", 'l' }, { "枸", 'g' }, { "杞", 'q' }, { "榛", 'z' }, { "粑", 'b' }, { "荞", 'q' },
  { "菌", 'j' }, { "蕨", 'j' }, { "酱", 'j' }, { "糍", 'c' }, { "粽", 'z' }, { "茗", 'm' },
  { "苕", 's' }, { "芪", 'q' }, { "莓", 'm' }, { "菘", 's' }, { "蔻", 'k' }, { "馍", 'm' },
};

static char
initial_of (gunichar c)
{
  char utf8[8];
  gsize n = g_unichar_to_utf8 (c, utf8);
  g_autofree char *gb = NULL;
  gsize gb_len = 0;
  guint16 code;
  char letter = 0;

  utf8[n] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (level2); i++)
    if (strcmp (utf8, level2[i].ch) == 0)
      return level2[i].letter;

  gb = g_convert (utf8, n, "GB18030", "UTF-8", NULL, &gb_len, NULL);
  if (gb == NULL || gb_len != 2)
    return 0;
  code = (guint16) (((guchar) gb[0] << 8) | (guchar) gb[1]);
  if (code < bounds[0].first || code >= LEVEL1_END)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (bounds) && code >= bounds[i].first; i++)
    letter = bounds[i].letter;
  return letter;
}

/**
 * axw_pinyin_initials:
 *
 * Lower-case initials of the Chinese characters, with ASCII letters and
 * digits kept; other characters are skipped.
 *
 * Returns: (transfer full): "csr" for 赤松茸, "lmz" for 藜麦粥
 */
char *
axw_pinyin_initials (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char letter;

      if (c < 0x80)
        {
          if (g_ascii_isalnum ((char) c))
            g_string_append_c (out, g_ascii_tolower ((char) c));
          continue;
        }
      letter = initial_of (c);
      if (letter)
        g_string_append_c (out, letter);
    }
  return g_string_free (out, FALSE);
}
