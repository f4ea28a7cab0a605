/* axw-phrase-bar.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Words for the customer, for cashiers who cannot speak or hear (issue 15):
 * a row of large buttons on the sale screen, Alt+1 … Alt+9, each putting
 * its phrase on the customer display (action sale.phrase). The manager
 * edits the list in Settings (display.phrases, separated by |); "¥X" in a
 * phrase stands for the amount that matters at that step.
 */
#include <glib/gi18n.h>
#include <string.h>

#include "axw-phrase-bar.h"

struct _AxwPhraseBar
{
  GtkWidget  parent_instance;

  char     **phrases;
  char      *setting;
};

G_DEFINE_FINAL_TYPE (AxwPhraseBar, axw_phrase_bar, GTK_TYPE_WIDGET)

/**
 * axw_phrases_parse:
 * @setting: (nullable): the display.phrases setting
 *
 * Returns: (transfer full): at most AXW_PHRASE_BAR_MAX phrases; the
 *   built-in ones when @setting has none
 */
char **
axw_phrases_parse (const char *setting)
{
  g_auto(GStrv) parts = g_strsplit (setting ? setting : "", "|", -1);
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();
  guint n = 0;

  for (guint i = 0; parts[i] && n < AXW_PHRASE_BAR_MAX; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        {
          g_strv_builder_add (out, parts[i]);
          n++;
        }
    }
  if (n == 0)
    {
      g_strv_builder_add (out, _("Please show your red packet"));
      g_strv_builder_add (out, _("Please scan the code to pay"));
      g_strv_builder_add (out, _("Please wait a moment"));
      g_strv_builder_add (out, _("Your change: ¥X"));
      g_strv_builder_add (out, _("Thank you for shopping with us"));
      g_strv_builder_add (out, _("I cannot hear you: please look at the screen"));
    }
  return g_strv_builder_end (out);
}

/* Returns: (transfer full): @phrase with each "¥X" replaced by @amount */
char *
axw_phrase_fill_amount (const char *phrase,
                        const char *amount)
{
  g_auto(GStrv) parts = g_strsplit (phrase, "¥X", -1);

  return g_strjoinv (amount, parts);
}

/* The buttons, made again when the list changed. */
void
axw_phrase_bar_set_phrases (AxwPhraseBar *self,
                            const char   *setting)
{
  GtkWidget *child;

  g_return_if_fail (AXW_IS_PHRASE_BAR (self));

  if (self->phrases != NULL && g_strcmp0 (setting, self->setting) == 0)
    return;
  g_free (self->setting);
  self->setting = g_strdup (setting);
  g_strfreev (self->phrases);
  self->phrases = axw_phrases_parse (setting);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  for (guint i = 0; self->phrases[i]; i++)
    {
      g_autofree char *label = g_strdup_printf (_("%s (Alt+%u)"), self->phrases[i], i + 1);
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_widget_set_hexpand (button, TRUE);
      gtk_widget_add_css_class (button, "axw-phrase-button");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "sale.phrase");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (gint32) i);
      gtk_widget_set_parent (button, GTK_WIDGET (self));
    }
}

/* Returns: (nullable): the phrase of button @index, as set */
const char *
axw_phrase_bar_get_phrase (AxwPhraseBar *self,
                           guint         index)
{
  g_return_val_if_fail (AXW_IS_PHRASE_BAR (self), NULL);
  if (self->phrases == NULL || index >= g_strv_length (self->phrases))
    return NULL;
  return self->phrases[index];
}

static void
axw_phrase_bar_dispose (GObject *object)
{
  AxwPhraseBar *self = AXW_PHRASE_BAR (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->phrases, g_strfreev);
  g_clear_pointer (&self->setting, g_free);
  G_OBJECT_CLASS (axw_phrase_bar_parent_class)->dispose (object);
}

static void
axw_phrase_bar_class_init (AxwPhraseBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = axw_phrase_bar_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "phrasebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
axw_phrase_bar_init (AxwPhraseBar *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Phrases for the customer display"), -1);
}
