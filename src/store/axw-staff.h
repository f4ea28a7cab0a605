/* axw-staff.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "axw-db.h"

G_BEGIN_DECLS

#define AXW_STAFF_MAX_FAILURES 5
#define AXW_STAFF_LOCK_MINUTES 15

typedef struct {
  gint64    id;
  char     *name;
  gboolean  manager;
  gboolean  active;
  gboolean  locked;
  int       failed_attempts;
  int       font_scale_pct;   /* 100–200 */
  gboolean  high_contrast;
  gboolean  sound;
  gboolean  speech;
} AxwStaff;

#define AXW_TYPE_STAFF (axw_staff_get_type ())

GType      axw_staff_get_type     (void) G_GNUC_CONST;
AxwStaff  *axw_staff_copy         (const AxwStaff *staff);
void       axw_staff_free         (AxwStaff     *staff);
gboolean   axw_staff_pin_is_valid (const char   *pin,
                                   GError      **error);
gint64     axw_staff_add          (AxwDb        *db,
                                   const char   *name,
                                   gboolean      manager,
                                   const char   *pin,
                                   GError      **error);
gint64     axw_staff_add_as       (AxwDb        *db,
                                   const char   *name,
                                   gboolean      manager,
                                   const char   *pin,
                                   const char   *by,
                                   GError      **error);
gint64     axw_staff_count_managers (AxwDb      *db);
AxwStaff  *axw_staff_find         (AxwDb        *db,
                                   const char   *name,
                                   GError      **error);
GPtrArray *axw_staff_list         (AxwDb        *db,
                                   GError      **error);
GPtrArray *axw_staff_list_all     (AxwDb        *db,
                                   GError      **error);
gboolean   axw_staff_set_active   (AxwDb        *db,
                                   const char   *name,
                                   gboolean      active,
                                   const char   *by,
                                   GError      **error);
AxwStaff  *axw_staff_login        (AxwDb        *db,
                                   const char   *name,
                                   const char   *pin,
                                   GError      **error);
void       axw_staff_login_async  (AxwDb               *db,
                                   const char          *name,
                                   const char          *pin,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
AxwStaff  *axw_staff_login_finish (AxwDb        *db,
                                   GAsyncResult *result,
                                   GError      **error);
AxwStaff  *axw_staff_authorize_manager (AxwDb   *db,
                                        const char *name,
                                        const char *pin,
                                        GError  **error);
AxwStaff  *axw_staff_authorize_manager_finish (AxwDb        *db,
                                               GAsyncResult *result,
                                               GError      **error);
gboolean   axw_staff_set_pin      (AxwDb        *db,
                                   const char   *name,
                                   const char   *pin,
                                   const char   *by,
                                   GError      **error);
gboolean   axw_staff_set_role     (AxwDb        *db,
                                   const char   *name,
                                   gboolean      manager,
                                   const char   *by,
                                   GError      **error);
gboolean   axw_staff_unlock       (AxwDb        *db,
                                   const char   *name,
                                   const char   *by,
                                   GError      **error);
gboolean   axw_staff_save_prefs   (AxwDb        *db,
                                   const AxwStaff *staff,
                                   GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxwStaff, axw_staff_free)

G_END_DECLS
