/* axw-manager-staff.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Staff: add, make manager or cashier, reset a PIN, unlock after too many
 * wrong PINs, deactivate (no more logins) and activate again. Each change is audited by
 * axw-staff.c.
 */
#include <glib/gi18n.h>

#include "axw-list-label.h"
#include "axw-manager-staff.h"
#include "axw-staff.h"

struct _AxwManagerStaff
{
  GtkBox            parent_instance;

  AxwDb            *db;
  char             *manager;
  GtkStringList    *rows;

  GtkEntry         *name;
  GtkPasswordEntry *pin;
  GtkCheckButton   *is_manager;
  GtkLabel         *message;
  GtkListView      *list;
};

G_DEFINE_FINAL_TYPE (AxwManagerStaff, axw_manager_staff, GTK_TYPE_BOX)

void
axw_manager_staff_reload (AxwManagerStaff *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = axw_staff_list_all (self->db, &error);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; staff && i < staff->len; i++)
    {
      AxwStaff *s = g_ptr_array_index (staff, i);

      g_ptr_array_add (lines,
                       g_strdup_printf ("%s — %s%s%s", s->name,
                                        s->manager ? _("manager") : _("cashier"),
                                               s->locked ? _(" — locked (wrong PINs)") : "",
                                               s->active
                                                 ? "" : _(" — deactivated: cannot log in")));
    }
  g_ptr_array_add (lines, NULL);
  gtk_string_list_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                          (const char * const *) lines->pdata);
}

static void
finish_change (AxwManagerStaff *self,
               gboolean         ok,
               GError          *error,
               const char      *done)
{
  gtk_label_set_text (self->message, ok ? done : error->message);
  if (!ok)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->pin), "");
  axw_manager_staff_reload (self);
}

static void
add_cb (GtkWidget  *widget,
        const char *action,
        GVariant   *param)
{
  AxwManagerStaff *self = AXW_MANAGER_STAFF (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = axw_staff_add (self->db, gtk_editable_get_text (GTK_EDITABLE (self->name)),
                             gtk_check_button_get_active (self->is_manager),
                             gtk_editable_get_text (GTK_EDITABLE (self->pin)), &error);

  finish_change (self, id > 0, error, _("Added."));
}

static void
role_cb (GtkWidget  *widget,
         const char *action,
         GVariant   *param)
{
  AxwManagerStaff *self = AXW_MANAGER_STAFF (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok = axw_staff_set_role (self->db, gtk_editable_get_text (GTK_EDITABLE (self->name)),
                                    gtk_check_button_get_active (self->is_manager), self->manager,
                                    &error);

  finish_change (self, ok, error, _("Role changed."));
}

static void
reset_pin_cb (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  AxwManagerStaff *self = AXW_MANAGER_STAFF (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok = axw_staff_set_pin (self->db, gtk_editable_get_text (GTK_EDITABLE (self->name)),
                                   gtk_editable_get_text (GTK_EDITABLE (self->pin)), self->manager,
                                   &error);

  finish_change (self, ok, error, _("New PIN set."));
}

static void
unlock_cb (GtkWidget  *widget,
           const char *action,
           GVariant   *param)
{
  AxwManagerStaff *self = AXW_MANAGER_STAFF (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok = axw_staff_unlock (self->db, gtk_editable_get_text (GTK_EDITABLE (self->name)),
                                  self->manager, &error);

  finish_change (self, ok, error, _("Unlocked."));
}

static void
set_active (AxwManagerStaff *self,
            gboolean         active)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = axw_staff_set_active (self->db, gtk_editable_get_text (GTK_EDITABLE (self->name)),
                                      active, self->manager, &error);

  finish_change (self, ok, error,
                 active ? _("Activated: can log in again.") : _("Deactivated: cannot log in."));
}

static void
deactivate_cb (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  set_active (AXW_MANAGER_STAFF (widget), FALSE);
}

static void
activate_cb (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  set_active (AXW_MANAGER_STAFF (widget), TRUE);
}

static void
axw_manager_staff_dispose (GObject *object)
{
  AxwManagerStaff *self = AXW_MANAGER_STAFF (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), AXW_TYPE_MANAGER_STAFF);
  g_clear_object (&self->rows);
  g_clear_object (&self->db);
  g_clear_pointer (&self->manager, g_free);
  G_OBJECT_CLASS (axw_manager_staff_parent_class)->dispose (object);
}

static void
axw_manager_staff_class_init (AxwManagerStaffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = axw_manager_staff_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/aixinwu/Pos/ui/axw-manager-staff.ui");
  gtk_widget_class_bind_template_child (widget_class, AxwManagerStaff, name);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerStaff, pin);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerStaff, is_manager);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerStaff, message);
  gtk_widget_class_bind_template_child (widget_class, AxwManagerStaff, list);
  gtk_widget_class_install_action (widget_class, "staff.add", NULL, add_cb);
  gtk_widget_class_install_action (widget_class, "staff.role", NULL, role_cb);
  gtk_widget_class_install_action (widget_class, "staff.reset-pin", NULL, reset_pin_cb);
  gtk_widget_class_install_action (widget_class, "staff.unlock", NULL, unlock_cb);
  gtk_widget_class_install_action (widget_class, "staff.deactivate", NULL, deactivate_cb);
  gtk_widget_class_install_action (widget_class, "staff.activate", NULL, activate_cb);
}

static void
axw_manager_staff_init (AxwManagerStaff *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = gtk_string_list_new (NULL);
  axw_list_label_show (self->list, self->rows, AXW_LIST_LABEL_PLAIN);
}

void
axw_manager_staff_set_db (AxwManagerStaff *self,
                          AxwDb           *db,
                          const char      *manager)
{
  g_return_if_fail (AXW_IS_MANAGER_STAFF (self));
  g_set_object (&self->db, db);
  g_free (self->manager);
  self->manager = g_strdup (manager);
  axw_manager_staff_reload (self);
}

/* Returns: (transfer none): one line per active staff member */
GListModel *
axw_manager_staff_get_model (AxwManagerStaff *self)
{
  return G_LIST_MODEL (self->rows);
}

const char *
axw_manager_staff_get_message (AxwManagerStaff *self)
{
  return gtk_label_get_text (self->message);
}
