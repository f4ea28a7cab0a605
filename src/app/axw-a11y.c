/* axw-a11y.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Names GTK 4.8 builds badly for screen readers, set explicitly: a button
 * with a mnemonic is read as its raw label and its text ("显示(_S) 显示(S)"),
 * a drop-down's inner button as "GtkToggleButton" and the window's close
 * button in English.
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
  const char *label = GTK_IS_CHECK_BUTTON (button) ? gtk_check_button_get_label (GTK_CHECK_BUTTON (button))
                                                   : gtk_button_get_label (GTK_BUTTON (button));
  g_autofree char *plain = label ? axw_a11y_strip_mnemonic (label) : NULL;

  if (plain && *plain)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
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
  const char *label = GTK_IS_CHECK_BUTTON (button) ? gtk_check_button_get_label (GTK_CHECK_BUTTON (button))
                                                   : gtk_button_get_label (GTK_BUTTON (button));
  g_autofree char *differs = NULL;

  if (label == NULL)
    return FALSE;
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return TRUE;
  differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
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
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    axw_a11y_name_controls (c);
}
