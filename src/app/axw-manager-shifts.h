/* axw-manager-shifts.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "axw-db.h"
#include "axw-shifts.h"

G_BEGIN_DECLS

#define AXW_TYPE_MANAGER_SHIFTS (axw_manager_shifts_get_type ())

G_DECLARE_FINAL_TYPE (AxwManagerShifts, axw_manager_shifts, AXW, MANAGER_SHIFTS, GtkBox)

AxwManagerShifts *axw_manager_shifts_new          (AxwDb            *db,
                                                   const char       *manager);
void              axw_manager_shifts_set_db       (AxwManagerShifts *self,
                                                   AxwDb            *db,
                                                   const char       *manager);
void              axw_manager_shifts_set_clock    (AxwManagerShifts *self,
                                                   GDateTime        *at);
/* Reads the open shift, the staff and the closed days again. */
void              axw_manager_shifts_reload       (AxwManagerShifts *self);
/* Sets the stepper of the note or coin worth @fen to @pieces, as a touch would. */
gboolean          axw_manager_shifts_set_count    (AxwManagerShifts *self,
                                                   gint64            fen,
                                                   int               pieces);
const AxwShift   *axw_manager_shifts_get_shift    (AxwManagerShifts *self);
const char       *axw_manager_shifts_get_message  (AxwManagerShifts *self);
const char       *axw_manager_shifts_get_count_text (AxwManagerShifts *self);
/* The PDF saved by the last Z close or re-save, nullable. */
const char       *axw_manager_shifts_get_pdf_path (AxwManagerShifts *self);
/* The question on screen (close the shift, close the day), nullable. */
GtkWindow        *axw_manager_shifts_get_dialog   (AxwManagerShifts *self);
/* TRUE while a PIN is checked, a PDF written or a report on its way to the printer. */
gboolean          axw_manager_shifts_is_busy      (AxwManagerShifts *self);

G_END_DECLS
