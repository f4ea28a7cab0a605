/* axw-application.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "axw-application.h"
#include "axw-cli.h"
#include "axw-window.h"

struct _AxwApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
  AxwDb          *db;
};

G_DEFINE_FINAL_TYPE (AxwApplication, axw_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DB_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

AxwApplication *
axw_application_new (const char *db_path)
{
  return g_object_new (AXW_TYPE_APPLICATION,
                       "application-id", AXW_APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "db-path", db_path,
                       NULL);
}

/* Returns: (transfer none) (nullable): the open database */
AxwDb *
axw_application_get_db (AxwApplication *self)
{
  g_return_val_if_fail (AXW_IS_APPLICATION (self), NULL);
  return self->db;
}

static void
show_error_window (AxwApplication *self,
                   const char     *message)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (self));
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("The shop database cannot be opened"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page), message);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "dialog-error-symbolic");
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_present (GTK_WINDOW (window));
}

static gboolean
open_db (AxwApplication  *self,
         GError         **error)
{
  g_autofree char *dir = NULL;
  gboolean fresh;

  if (self->db_path == NULL)
    self->db_path = g_strdup (g_getenv ("AIXINWU_DB"));
  if (self->db_path == NULL || *self->db_path == '\0')
    {
      g_free (self->db_path);
      self->db_path = axw_cli_default_db_path ();
    }
  dir = g_path_get_dirname (self->db_path);
  g_mkdir_with_parents (dir, 0700);
  fresh = !g_file_test (self->db_path, G_FILE_TEST_EXISTS);
  self->db = axw_db_open (self->db_path, error);
  if (self->db == NULL)
    return FALSE;
  /* DESIGN §12: the demo catalog on first run. */
  return !fresh || axw_cli_init_demo (self->db, error);
}

static void
axw_application_activate (GApplication *app)
{
  AxwApplication *self = AXW_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  if (self->db == NULL && !open_db (self, &error))
    {
      show_error_window (self, error->message);
      return;
    }
  window = GTK_WINDOW (axw_window_new (self));
  gtk_window_present (window);
}

static void
axw_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (axw_application_parent_class)->startup (app);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static void
axw_application_finalize (GObject *object)
{
  AxwApplication *self = AXW_APPLICATION (object);

  g_clear_object (&self->db);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (axw_application_parent_class)->finalize (object);
}

static void
axw_application_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AxwApplication *self = AXW_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      g_free (self->db_path);
      self->db_path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
axw_application_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AxwApplication *self = AXW_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      g_value_set_string (value, self->db_path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
axw_application_class_init (AxwApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = axw_application_finalize;
  object_class->set_property = axw_application_set_property;
  object_class->get_property = axw_application_get_property;
  app_class->activate = axw_application_activate;
  app_class->startup = axw_application_startup;

  properties[PROP_DB_PATH] =
    g_param_spec_string ("db-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
axw_application_init (AxwApplication *self)
{
}
