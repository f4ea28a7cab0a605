/* axw-help-window.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The markdown is shown as text: headings larger, tables a line per row,
 * emphasis and code marks dropped, and each screenshot as a picture.
 */
#include <glib/gi18n.h>
#include <string.h>

#include "axw-help-window.h"

#define HELP_IMAGES "/cn/aixinwu/Pos/help/images/"

struct _AxwHelpWindow {
  GtkWindow    parent_instance;
  GtkTextView *view;
  guint        n_images;
};

G_DEFINE_FINAL_TYPE (AxwHelpWindow, axw_help_window, GTK_TYPE_WINDOW)

/* Without the marks people do not read: **bold**, `code`. */
static char *
plain (const char *line)
{
  g_autoptr(GString) out = g_string_new (line);

  g_string_replace (out, "**", "", 0);
  g_string_replace (out, "`", "", 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A table row "| a | b |" as "a　·　b"; the "| --- |" line is dropped. */
static char *
table_row (const char *line)
{
  g_auto(GStrv) cells = g_strsplit (line, "|", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; cells[i]; i++)
    {
      g_autofree char *cell = plain (g_strstrip (cells[i]));

      if (*cell == '\0')
        continue;
      if (strspn (cell, "-: ") == strlen (cell))
        return NULL;
      if (out->len)
        g_string_append (out, "　·　");
      g_string_append (out, cell);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A line of running text, which the next such line continues (the guide
 * is Chinese: no space between them). */
static gboolean
is_running_text (const char *line)
{
  return line && *line && !strchr ("#|!->", *line) &&
         !(g_ascii_isdigit (*line) && strstr (line, ". "));
}

static void
add_image (AxwHelpWindow *self,
           GtkTextIter   *end,
           const char    *alt,
           const char    *file)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);
  g_autofree char *path = g_strconcat (HELP_IMAGES, file, NULL);
  GtkTextChildAnchor *anchor;
  GtkWidget *picture;

  if (!g_resources_get_info (path, 0, NULL, NULL, NULL))
    {
      g_warning ("the guide's picture %s is not built in", path);
      return;
    }
  picture = gtk_picture_new_for_resource (path);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_widget_set_size_request (picture, 640, 400);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL, alt, -1);
  anchor = gtk_text_buffer_create_child_anchor (buffer, end);
  gtk_text_view_add_child_at_anchor (self->view, picture, anchor);
  gtk_text_buffer_insert (buffer, end, "\n", -1);
  self->n_images++;
}

static void
load_guide (AxwHelpWindow *self)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (AXW_HELP_GUIDE_RESOURCE, 0, NULL);
  g_autoptr(GRegex) image = g_regex_new ("^!\\[([^]]*)\\]\\(images/([^)]+)\\)\\s*$", 0, 0, NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);
  g_auto(GStrv) lines = NULL;
  GtkTextIter end;

  g_return_if_fail (bytes != NULL);
  gtk_text_buffer_create_tag (buffer, "h1", "weight", PANGO_WEIGHT_BOLD, "scale", 1.6, NULL);
  gtk_text_buffer_create_tag (buffer, "h2", "weight", PANGO_WEIGHT_BOLD, "scale", 1.3,
                              "pixels-above-lines", 12, NULL);
  gtk_text_buffer_create_tag (buffer, "h3", "weight", PANGO_WEIGHT_BOLD, "pixels-above-lines", 8,
                              NULL);
  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  gtk_text_buffer_get_end_iter (buffer, &end);
  for (guint i = 0; lines[i]; i++)
    {
      const char *line = lines[i];
      g_autoptr(GMatchInfo) match = NULL;
      const char *tag = NULL;
      g_autofree char *text = NULL;

      if (g_regex_match (image, line, 0, &match))
        {
          g_autofree char *alt = g_match_info_fetch (match, 1);
          g_autofree char *file = g_match_info_fetch (match, 2);

          add_image (self, &end, alt, file);
          continue;
        }
      if (g_str_has_prefix (line, "### "))
        tag = "h3", line += 4;
      else if (g_str_has_prefix (line, "## "))
        tag = "h2", line += 3;
      else if (g_str_has_prefix (line, "# "))
        tag = "h1", line += 2;
      text = line[0] == '|' ? table_row (line) : plain (line);
      if (text == NULL)
        continue;
      if (tag)
        gtk_text_buffer_insert_with_tags_by_name (buffer, &end, text, -1, tag, NULL);
      else
        gtk_text_buffer_insert (buffer, &end, text, -1);
      if (lines[i + 1] && !(is_running_text (lines[i]) && is_running_text (lines[i + 1])))
        gtk_text_buffer_insert (buffer, &end, "\n", -1);
    }
}

static void
keys_cb (AxwHelpWindow *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-help-overlay", NULL);
}

static void
axw_help_window_class_init (AxwHelpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
axw_help_window_init (AxwHelpWindow *self)
{
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *keys = gtk_button_new_with_label (_("Keyboard shortcuts (Ctrl+?)"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("User guide"));
  gtk_window_set_default_size (GTK_WINDOW (self), 900, 700);
  gtk_widget_set_size_request (keys, -1, 48);
  g_signal_connect_swapped (keys, "clicked", G_CALLBACK (keys_cb), self);
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), keys);
  gtk_window_set_titlebar (GTK_WINDOW (self), header);

  self->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_editable (self->view, FALSE);
  gtk_text_view_set_cursor_visible (self->view, FALSE);
  gtk_text_view_set_wrap_mode (self->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->view, 24);
  gtk_text_view_set_right_margin (self->view, 24);
  gtk_text_view_set_top_margin (self->view, 16);
  gtk_text_view_set_bottom_margin (self->view, 16);
  gtk_text_view_set_pixels_below_lines (self->view, 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("User guide"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->view));
  gtk_window_set_child (GTK_WINDOW (self), scrolled);
  load_guide (self);
}

/**
 * axw_help_window_show:
 * @parent: (nullable): the window F1 was pressed in
 *
 * Shows the guide over @parent, raising the one already open there.
 */
AxwHelpWindow *
axw_help_window_show (GtkWindow *parent)
{
  AxwHelpWindow *self;
  g_autoptr(GList) tops = gtk_window_list_toplevels ();

  for (GList *l = tops; l; l = l->next)
    if (AXW_IS_HELP_WINDOW (l->data) && gtk_window_get_transient_for (l->data) == parent)
      {
        gtk_window_present (l->data);
        return l->data;
      }
  self = g_object_new (AXW_TYPE_HELP_WINDOW, "transient-for", parent, "destroy-with-parent", TRUE,
                       NULL);
  if (parent && gtk_window_get_application (parent))
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

GtkTextView *
axw_help_window_get_view (AxwHelpWindow *self)
{
  g_return_val_if_fail (AXW_IS_HELP_WINDOW (self), NULL);
  return self->view;
}

guint
axw_help_window_get_n_images (AxwHelpWindow *self)
{
  g_return_val_if_fail (AXW_IS_HELP_WINDOW (self), 0);
  return self->n_images;
}
