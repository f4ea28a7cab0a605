/* escpos-decoder.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "escpos-decoder.h"

#include <glib/gstdio.h>
#include <string.h>

typedef struct {
  const guint8 *p;
  gsize         len;
  gsize         pos;
  guint         size;
  gboolean      bold;
  guint         align;
  gboolean      chinese;
  GByteArray   *line;
  GPtrArray    *out;
} Decoder;

static void
decoded_free (Decoded *d)
{
  g_free (d->text);
  g_clear_pointer (&d->raster, g_bytes_unref);
  g_free (d);
}

static Decoded *
add (Decoder     *d,
     DecodedKind  kind)
{
  Decoded *e = g_new0 (Decoded, 1);

  e->kind = kind;
  g_ptr_array_add (d->out, e);
  return e;
}

static gboolean
need (Decoder *d,
      gsize    n,
      GError **error)
{
  if (d->pos + n <= d->len)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "truncated command at %zu", d->pos);
  return FALSE;
}

static gboolean
end_line (Decoder *d,
          GError **error)
{
  Decoded *e;
  gsize i = 0;
  guint cols = 0;
  g_autofree char *utf8 = NULL;

  while (i < d->line->len)
    {
      if (d->line->data[i] < 0x80)
        cols += 1, i += 1;
      else if (d->line->data[i] >= 0x81 && d->line->data[i] <= 0xFE && i + 1 < d->line->len &&
               d->line->data[i + 1] >= 0x40 && d->line->data[i + 1] != 0x7F)
        cols += 2, i += 2;
      else
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "not a two-byte GB18030 code at %zu", d->pos);
          return FALSE;
        }
    }
  utf8 = d->line->len == 0 ? g_strdup ("")
                           : g_convert ((const char *) d->line->data, (gssize) d->line->len,
                                        "UTF-8", "GB18030", NULL, NULL, error);
  if (utf8 == NULL)
    return FALSE;
  e = add (d, DECODED_TEXT);
  e->text = g_steal_pointer (&utf8);
  e->size = d->size;
  e->bold = d->bold;
  e->align = d->align;
  e->columns = cols * d->size;
  g_byte_array_set_size (d->line, 0);
  return TRUE;
}

static gboolean
raster (Decoder *d,
        GError **error)
{
  guint x, y;
  Decoded *e;

  if (!need (d, 6, error))
    return FALSE;
  if (d->p[d->pos + 1] != 0x30 || d->p[d->pos + 2] != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "unknown GS v mode");
      return FALSE;
    }
  x = d->p[d->pos + 3] | (d->p[d->pos + 4] << 8);
  y = d->p[d->pos + 5] | (d->p[d->pos + 6] << 8);
  d->pos += 7;
  if (!need (d, (gsize) x * y, error))
    return FALSE;
  e = add (d, DECODED_RASTER);
  e->width_dots = x * 8;
  e->height = y;
  e->raster = g_bytes_new (d->p + d->pos, (gsize) x * y);
  d->pos += (gsize) x * y;
  return TRUE;
}

static gboolean
command (Decoder *d,
         GError **error)
{
  guint8 c0 = d->p[d->pos], c1;

  if (!need (d, 2, error))
    return FALSE;
  c1 = d->p[d->pos + 1];
  d->pos += 2;
  if (c0 == 0x1B && c1 == 0x40)
    return TRUE;
  if (c0 == 0x1C && (c1 == 0x26 || c1 == 0x2E))
    return (d->chinese = c1 == 0x26), TRUE;
  if (c0 == 0x1D && c1 == 0x76)
    return d->pos--, raster (d, error);
  if (!need (d, 1, error))
    return FALSE;
  if (c0 == 0x1B && c1 == 0x61)
    return (d->align = d->p[d->pos++]), TRUE;
  if (c0 == 0x1B && c1 == 0x45)
    return (d->bold = d->p[d->pos++] != 0), TRUE;
  if (c0 == 0x1D && c1 == 0x21)
    return (d->size = (d->p[d->pos++] >> 4) + 1), TRUE;
  if (c0 == 0x1B && c1 == 0x64)
    return d->pos++, add (d, DECODED_FEED), TRUE;
  if (c0 == 0x1D && c1 == 0x56)
    return d->pos++, add (d, DECODED_CUT), TRUE;
  if (c0 == 0x1B && c1 == 0x70 && need (d, 3, error))
    return (d->pos += 3), add (d, DECODED_DRAWER), TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "unknown command %02X %02X at %zu",
               c0, c1, d->pos - 2);
  return FALSE;
}

/* Returns: (transfer full) (element-type Decoded) */
GPtrArray *
escpos_decode (GBytes  *bytes,
               GError **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) decoded_free);
  g_autoptr(GByteArray) line = g_byte_array_new ();
  Decoder d = { 0 };

  d.p = g_bytes_get_data (bytes, &d.len);
  d.size = 1;
  d.line = line;
  d.out = out;
  while (d.pos < d.len)
    {
      guint8 c = d.p[d.pos];

      if (c == 0x1B || c == 0x1C || c == 0x1D)
        {
          if (!command (&d, error))
            return NULL;
        }
      else if (c == '\n')
        {
          d.pos++;
          if (!end_line (&d, error))
            return NULL;
        }
      else if (c < 0x20)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "control byte %02X", c);
          return NULL;
        }
      else
        g_byte_array_append (line, &d.p[d.pos++], 1);
    }
  if (line->len > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "text left without a line feed");
      return NULL;
    }
  if (!d.chinese)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Chinese mode never switched on");
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* A PGM with a white border, for zbarimg. */
gboolean
escpos_raster_write_pgm (const Decoded *e,
                         const char    *path,
                         GError       **error)
{
  const guint border = 24;
  guint w = e->width_dots + 2 * border, h = e->height + 2 * border;
  const guint8 *data = g_bytes_get_data (e->raster, NULL);
  g_autoptr(GString) s = g_string_new (NULL);

  g_string_append_printf (s, "P5\n%u %u\n255\n", w, h);
  for (guint y = 0; y < h; y++)
    for (guint x = 0; x < w; x++)
      {
        gboolean black = FALSE;

        if (x >= border && y >= border && x - border < e->width_dots && y - border < e->height)
          {
            guint rx = x - border, ry = y - border;

            black = (data[ry * (e->width_dots / 8) + rx / 8] & (0x80 >> (rx % 8))) != 0;
          }
        g_string_append_c (s, (char) (black ? 0x00 : 0xFF));
      }
  return g_file_set_contents (path, s->str, (gssize) s->len, error);
}

/* What a `file:` printer received, decoded; the file is removed so that
 * the next print starts it afresh. Fails the test when it cannot. */
GPtrArray *
escpos_take_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *data = NULL;
  gsize len = 0;
  GPtrArray *decoded;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  bytes = g_bytes_new_take (data, len);
  decoded = escpos_decode (bytes, &error);
  g_assert_no_error (error);
  g_unlink (path);
  return decoded;
}

/* How many items of @kind there are; for text, those containing @text
 * (nullable: any). */
guint
escpos_count (GPtrArray   *decoded,
              DecodedKind  kind,
              const char  *text)
{
  guint n = 0;

  for (guint i = 0; i < decoded->len; i++)
    {
      const Decoded *e = decoded->pdata[i];

      n += e->kind == kind && (text == NULL || strstr (e->text, text) != NULL);
    }
  return n;
}
