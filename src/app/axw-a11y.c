/* axw-a11y.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Names GTK 4.8 builds badly for screen readers, set explicitly: a button
 * with a mnemonic is read as its raw label and its text ("显示(_S) 显示(S)"),
 * a drop-down's inner button as "GtkToggleButton" and the window's close
 * button in English. And messages said without the focus moving, which
 * GTK 4.8 cannot announce (axw_a11y_announce).
 */
#include <glib/gi18n.h>
#include <string.h>

#include "axw-a11y.h"

#define NAMED_HERE "axw-a11y-named"

/**
 * axw_a11y_strip_mnemonic:
 * @label: a label with a mnemonic, "显示(_S)" or "_Show"
 *
 * Returns: (transfer full): the words a person hears: "显示", "Show"
 */
char *
axw_a11y_strip_mnemonic (const char *label)
{
  g_autoptr(GRegex) key = g_regex_new ("[(（]_[^)）][)）]", 0, 0, NULL);
  g_autofree char *without_key = g_regex_replace_literal (key, label, -1, 0, "", 0, NULL);
  GString *plain = g_string_new (NULL);

  for (const char *p = without_key; *p; p++)
    {
      if (*p == '_' && p[1] == '_')
        p++;
      else if (*p == '_')
        continue;
      g_string_append_c (plain, *p);
    }
  return g_string_free (plain, FALSE);
}

static void
name_from_label (GtkWidget *button)
{
  const char *label = GTK_IS_CHECK_BUTTON (button)
    ? gtk_check_button_get_label (GTK_CHECK_BUTTON (button))
                                                   : gtk_button_get_label (GTK_BUTTON (button));
  g_autofree char *plain = label ? axw_a11y_strip_mnemonic (label) : NULL;

  if (plain && *plain)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, plain,
                                    -1);
  /* the mnemonic makes the label inside name the button a second time */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static gboolean
rename_later_cb (gpointer data)
{
  name_from_label (data);
  return G_SOURCE_REMOVE;
}

/* GTK sets its own name after it tells the label changed */
static void
label_changed_cb (GtkWidget *button)
{
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, rename_later_cb, g_object_ref (button), g_object_unref);
}

static gboolean
uses_underline (GtkWidget *w)
{
  if (GTK_IS_CHECK_BUTTON (w))
    return gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (w));
  return GTK_IS_BUTTON (w) && gtk_button_get_use_underline (GTK_BUTTON (w));
}

/* GTK names a button with its raw label; a name the .ui gave differs
 * from it and stays. */
static gboolean
named_by_gtk (GtkWidget *button)
{
  const char *label = GTK_IS_CHECK_BUTTON (button)
    ? gtk_check_button_get_label (GTK_CHECK_BUTTON (button))
                                                   : gtk_button_get_label (GTK_BUTTON (button));
  g_autofree char *differs = NULL;

  if (label == NULL)
    return FALSE;
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return TRUE;
  differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  return differs == NULL;
}

/* The names set here follow the label when it changes. */
static void
follow_label (GtkWidget *button)
{
  if (g_object_get_data (G_OBJECT (button), NAMED_HERE))
    return;
  if (!named_by_gtk (button))
    {
      /* "在小票打印机上打印报表 打印(P)": the label inside is said after the name */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      return;
    }
  g_object_set_data (G_OBJECT (button), NAMED_HERE, GINT_TO_POINTER (1));
  name_from_label (button);
  g_signal_connect (button, "notify::label", G_CALLBACK (label_changed_cb), NULL);
}

static void
name_once (GtkWidget  *w,
           const char *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* GTK 4.8 names a stack page by its type: Orca says "GtkStackPage panel"
 * each time the focus goes into one. Each page is named by its title,
 * and so are pages added later. */
static void
name_pages (GtkStack *stack)
{
  g_autoptr(GListModel) pages = G_LIST_MODEL (gtk_stack_get_pages (stack));

  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (pages, i);
      const char *title = gtk_stack_page_get_title (GTK_STACK_PAGE (page));

      if (title != NULL && *title != '\0')
        gtk_accessible_update_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                        -1);
    }
}

static void
pages_changed_cb (GListModel *pages,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GtkStack   *stack)
{
  if (added > 0)
    name_pages (stack);
}

static void
follow_pages (GtkStack *stack)
{
  GListModel *pages;

  if (g_object_get_data (G_OBJECT (stack), NAMED_HERE))
    return;
  /* the stack keeps the model while someone holds it: the stack does */
  pages = G_LIST_MODEL (gtk_stack_get_pages (stack));
  g_object_set_data_full (G_OBJECT (stack), NAMED_HERE, pages, g_object_unref);
  g_signal_connect_object (pages, "items-changed", G_CALLBACK (pages_changed_cb), stack, 0);
  name_pages (stack);
}

/**
 * axw_a11y_name_controls:
 * @root: a window or a page
 *
 * Gives the controls under @root the names GTK 4.8 gets wrong.
 */
void
axw_a11y_name_controls (GtkWidget *root)
{
  GtkWidget *parent = gtk_widget_get_parent (root);

  if (uses_underline (root))
    follow_label (root);
  if (GTK_IS_TOGGLE_BUTTON (root) && parent && GTK_IS_DROP_DOWN (parent))
    name_once (root, _("Open the list"));
  if (GTK_IS_BUTTON (root) && parent && GTK_IS_WINDOW_CONTROLS (parent) &&
      gtk_widget_has_css_class (root, "close"))
    name_once (root, _("Close the window"));
  if (GTK_IS_STACK (root))
    follow_pages (GTK_STACK (root));
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    axw_a11y_name_controls (c);
}

/* Announcements ----------------------------------------------------------- */

#if !GTK_CHECK_VERSION (4, 14, 0)
#define ANNOUNCER "axw-a11y-announcer"

typedef struct
{
  GtkWidget *root;
  GString   *text;      /* what is to be said, in the order it came */
  guint      idle_id;
} Announcer;

static void
announcer_free (gpointer data)
{
  Announcer *a = data;

  g_clear_handle_id (&a->idle_id, g_source_remove);
  g_string_free (a->text, TRUE);
  g_free (a);
}

/* The control Orca tracks: an entry, not the text widget inside it. */
static GtkWidget *
focus_control (GtkWidget *root)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (root));
  GtkWidget *parent = focus ? gtk_widget_get_parent (focus) : NULL;

  if (focus && GTK_IS_TEXT (focus) && parent && GTK_IS_EDITABLE (parent))
    return parent;
  return focus;
}

/* GTK 4.8 has no way to tell a screen reader "say this": a widget shown
 * (even an alert) is only a child added, which Orca does not read, and a
 * new name is read on the focused control alone. Orca does read a new
 * description of the focused control, from the event itself: the message
 * becomes the description of the control with the focus, once the focus
 * has settled after the key that caused it, and is taken off again at
 * once (the control's own description, often none, comes back: Orca
 * reads it only when it is not empty). So the message is said once, also
 * when the control has only just got the focus, and the control never
 * keeps an old message. */
static gboolean
announce_cb (gpointer data)
{
  Announcer *a = data;
  GtkWidget *control = focus_control (a->root);

  a->idle_id = 0;
  if (control != NULL && a->text->len > 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      a->text->str, -1);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  g_string_truncate (a->text, 0);
  return G_SOURCE_REMOVE;
}

static void
announce_later (GtkWidget  *widget,
                const char *text)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  Announcer *a;

  if (root == NULL)
    return;
  a = g_object_get_data (G_OBJECT (root), ANNOUNCER);
  if (a == NULL)
    {
      a = g_new0 (Announcer, 1);
      a->root = root;
      a->text = g_string_new (NULL);
      g_object_set_data_full (G_OBJECT (root), ANNOUNCER, a, announcer_free);
    }
  if (a->text->len > 0)
    g_string_append (a->text, " ");
  g_string_append (a->text, text);
  if (a->idle_id == 0)
    a->idle_id = g_idle_add (announce_cb, a);
}
#endif

/**
 * axw_a11y_announce:
 * @widget: a widget in the window the message is about
 * @text: the message, as the screen shows it
 *
 * Has screen readers say @text now, without moving the focus.
 */
void
axw_a11y_announce (GtkWidget  *widget,
                   const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (text == NULL || *text == '\0')
    return;
#if GTK_CHECK_VERSION (4, 14, 0)
  /* past the GTK the build targets (GDK_VERSION_MAX_ALLOWED) */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_accessible_announce (GTK_ACCESSIBLE (widget), text,
                           GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  announce_later (widget, text);
#endif
}
