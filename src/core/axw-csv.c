/* axw-csv.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "axw-csv.h"
#include "axw-error.h"

struct _AxwCsv
{
  GPtrArray  *header;     /* char* */
  GPtrArray  *rows;       /* GPtrArray<char*> each, data rows only */
  GArray     *lines;      /* guint: file line where each data row starts */
  GHashTable *column;     /* header name → index + 1 */
};

void
axw_csv_free (AxwCsv *csv)
{
  if (csv == NULL)
    return;
  g_clear_pointer (&csv->header, g_ptr_array_unref);
  g_clear_pointer (&csv->rows, g_ptr_array_unref);
  g_clear_pointer (&csv->lines, g_array_unref);
  g_clear_pointer (&csv->column, g_hash_table_unref);
  g_free (csv);
}

static gboolean
row_is_blank (GPtrArray *row)
{
  return row->len == 1 && *(const char *) g_ptr_array_index (row, 0) == '\0';
}

/**
 * axw_csv_parse:
 *
 * Parses the whole file. The first row is the header; blank lines are
 * skipped; every data row must have as many fields as the header.
 *
 * Returns: (transfer full): the table, or %NULL with @error naming the line
 */
AxwCsv *
axw_csv_parse (const char  *text,
               gsize        length,
               GError     **error)
{
  g_autoptr(AxwCsv) csv = g_new0 (AxwCsv, 1);
  g_autoptr(GPtrArray) row = NULL;
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;
  const char *end = text + length;
  guint line = 1;
  guint row_line = 1;
  gboolean quoted = FALSE;
  gboolean was_quoted = FALSE;

  csv->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  csv->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  csv->column = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!g_utf8_validate_len (text, length, NULL))
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("The file is not UTF-8 text: save it as “CSV UTF-8” and try again"));
      return NULL;
    }
  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  row = g_ptr_array_new_with_free_func (g_free);
  while (p <= end)
    {
      char c = p < end ? *p : '\n';
      gboolean at_end = p == end;

      if (quoted)
        {
          if (at_end)
            {
              g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                           _("Line %u: a quoted field is never closed; add the missing \""),
                           row_line);
              return NULL;
            }
          if (c == '"' && p + 1 < end && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p += 2;
              continue;
            }
          if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\n')
                line++;
              g_string_append_c (field, c);
            }
          p++;
          continue;
        }

      if (c == '"')
        {
          if (field->len != 0 || was_quoted)
            {
              g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                           _("Line %u: a \" stands inside a field; put the whole field in quotes "
                             "and double the \""), line);
              return NULL;
            }
          quoted = was_quoted = TRUE;
          p++;
          continue;
        }

      if (was_quoted && c != ',' && c != '\n' && c != '\r')
        {
          g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                       _("Line %u: text follows a closing quote; the quote must end the field"),
                       line);
          return NULL;
        }

      if (c == '\r' && p + 1 < end && p[1] == '\n')
        {
          p++;
          continue;
        }

      if (c == ',' || c == '\n' || c == '\r')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          was_quoted = FALSE;
        }
      else
        g_string_append_c (field, c);

      if (c == '\n' || c == '\r')
        {
          if (!row_is_blank (row))
            {
              if (csv->header == NULL)
                csv->header = g_steal_pointer (&row);
              else
                {
                  g_array_append_val (csv->lines, row_line);
                  g_ptr_array_add (csv->rows, g_steal_pointer (&row));
                }
            }
          g_clear_pointer (&row, g_ptr_array_unref);
          row = g_ptr_array_new_with_free_func (g_free);
          line++;
          row_line = line;
        }
      p++;
      if (at_end)
        break;
    }

  if (csv->header == NULL)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("The file is empty: it needs a header row with the column names"));
      return NULL;
    }

  for (guint i = 0; i < csv->header->len; i++)
    {
      char *name = g_ptr_array_index (csv->header, i);

      g_strstrip (name);
      if (*name == '\0' || g_hash_table_contains (csv->column, name))
        {
          g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                       *name == '\0' ? _("Header column %u has no name") :
                       _("Header column %u repeats a column name"), i + 1);
          return NULL;
        }
      g_hash_table_insert (csv->column, g_strdup (name), GUINT_TO_POINTER (i + 1));
    }

  for (guint r = 0; r < csv->rows->len; r++)
    {
      GPtrArray *data = g_ptr_array_index (csv->rows, r);

      if (data->len != csv->header->len)
        {
          g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                       _("Row %u (line %u) has %u fields but the header has %u"),
                       r + 1, g_array_index (csv->lines, guint, r), data->len, csv->header->len);
          return NULL;
        }
    }

  return g_steal_pointer (&csv);
}

guint
axw_csv_n_rows (AxwCsv *csv)
{
  return csv->rows->len;
}

guint
axw_csv_line_of_row (AxwCsv *csv,
                     guint   row)
{
  g_return_val_if_fail (row < csv->lines->len, 0);
  return g_array_index (csv->lines, guint, row);
}

/**
 * axw_csv_get:
 *
 * Returns: (nullable): the field, or %NULL when the file has no such column
 */
const char *
axw_csv_get (AxwCsv     *csv,
             guint       row,
             const char *column)
{
  guint idx = GPOINTER_TO_UINT (g_hash_table_lookup (csv->column, column));
  GPtrArray *data;

  g_return_val_if_fail (row < csv->rows->len, NULL);
  if (idx == 0)
    return NULL;
  data = g_ptr_array_index (csv->rows, row);
  return g_ptr_array_index (data, idx - 1);
}

/**
 * axw_csv_bind_columns:
 * @known: (array zero-terminated=1): every column the format has
 * @required: (array zero-terminated=1): the ones that must be present
 *
 * Refuses unknown columns and missing required ones.
 */
gboolean
axw_csv_bind_columns (AxwCsv              *csv,
                      const char * const  *known,
                      const char * const  *required,
                      GError             **error)
{
  for (guint i = 0; i < csv->header->len; i++)
    {
      const char *name = g_ptr_array_index (csv->header, i);

      if (!g_strv_contains (known, name))
        {
          g_autofree char *list = g_strjoinv (", ", (char **) known);

          g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                       _("Unknown column “%s”: the columns are %s"), name, list);
          return FALSE;
        }
    }
  for (guint i = 0; required[i] != NULL; i++)
    if (!g_hash_table_contains (csv->column, required[i]))
      {
        g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                     _("The column “%s” is missing from the header"), required[i]);
        return FALSE;
      }
  return TRUE;
}

/* Appends one field, quoted when it holds a comma, quote or line break. */
void
axw_csv_append_field (GString    *out,
                      const char *field)
{
  if (field == NULL)
    field = "";
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Appends a record terminated by CRLF, as RFC 4180 writes it. */
void
axw_csv_append_row (GString            *out,
                    const char * const *fields,
                    guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      axw_csv_append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}
