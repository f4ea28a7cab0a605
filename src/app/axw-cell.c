/* axw-cell.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One cart cell: a label that remembers its measurements. GTK 4.8's column
 * view asks every cell of a column to be measured again whenever a row is
 * added (gtk_column_view_column_queue_resize), so each scan laid out the
 * text of every line of the cart again, a cost that grew with the cart.
 * The text of a line that did not change has the same size as before: the
 * cell answers from what it measured until its text or style changes.
 *
 * Nor does a cell's width depend on a height: asked for its width at a
 * given height, a wrapped GtkLabel looks for the narrowest width whose
 * lines fit (a binary search of Pango layouts, 0.2-0.4 ms for a cart
 * name), and GTK asks that of every cell it allocates when a row's state
 * changes (gtk_widget_allocate's alignment) and of every wrapped label in
 * a horizontal box (GtkBoxLayout's distribute_remaining_size). The cell
 * answers with its width for any height, as most height-for-width widgets
 * do: the same minimum and natural width, so a box still shares out the
 * same width, then asks the height for it.
 */
#include <string.h>

#include "axw-cell.h"

#define N_SLOTS 3

typedef struct {
  gboolean valid;
  int      for_size;
  int      minimum;
  int      natural;
  int      minimum_baseline;
  int      natural_baseline;
} Request;

struct _AxwCell
{
  GtkWidget  parent_instance;

  GtkWidget *label;
  Request    requests[2][N_SLOTS];
  guint      next_slot[2];
};

G_DEFINE_FINAL_TYPE (AxwCell, axw_cell, GTK_TYPE_WIDGET)

static void
forget (AxwCell *self)
{
  memset (self->requests, 0, sizeof self->requests);
}

static GtkSizeRequestMode
axw_cell_get_request_mode (GtkWidget *widget)
{
  return gtk_widget_get_request_mode (AXW_CELL (widget)->label);
}

static void
axw_cell_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  AxwCell *self = AXW_CELL (widget);
  Request *slots = self->requests[orientation];
  Request *slot;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    for_size = -1;
  for (guint i = 0; i < N_SLOTS; i++)
    if (slots[i].valid && slots[i].for_size == for_size)
      {
        *minimum = slots[i].minimum;
        *natural = slots[i].natural;
        *minimum_baseline = slots[i].minimum_baseline;
        *natural_baseline = slots[i].natural_baseline;
        return;
      }
  gtk_widget_measure (self->label, orientation, for_size, minimum, natural, minimum_baseline,
                      natural_baseline);
  slot = &slots[self->next_slot[orientation]];
  self->next_slot[orientation] = (self->next_slot[orientation] + 1) % N_SLOTS;
  *slot = (Request) { TRUE, for_size, *minimum, *natural, *minimum_baseline, *natural_baseline };
}

static void
axw_cell_size_allocate (GtkWidget *widget,
                        int        width,
                        int        height,
                        int        baseline)
{
  gtk_widget_allocate (AXW_CELL (widget)->label, width, height, baseline, NULL);
}

/* another text size, theme or state (a selected row): measured again */
static void
axw_cell_css_changed (GtkWidget         *widget,
                      GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (axw_cell_parent_class)->css_changed (widget, change);
  forget (AXW_CELL (widget));
}

static void
label_changed_cb (AxwCell *self)
{
  forget (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
axw_cell_dispose (GObject *object)
{
  AxwCell *self = AXW_CELL (object);

  g_clear_pointer (&self->label, gtk_widget_unparent);
  G_OBJECT_CLASS (axw_cell_parent_class)->dispose (object);
}

static void
axw_cell_class_init (AxwCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = axw_cell_dispose;
  widget_class->get_request_mode = axw_cell_get_request_mode;
  widget_class->measure = axw_cell_measure;
  widget_class->size_allocate = axw_cell_size_allocate;
  widget_class->css_changed = axw_cell_css_changed;
}

static void
axw_cell_init (AxwCell *self)
{
  self->label = gtk_label_new (NULL);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
  g_signal_connect_object (self->label, "notify::label", G_CALLBACK (label_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->label, "notify::wrap-mode", G_CALLBACK (label_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
axw_cell_new (void)
{
  return g_object_new (AXW_TYPE_CELL, NULL);
}

GtkLabel *
axw_cell_get_label (AxwCell *self)
{
  g_return_val_if_fail (AXW_IS_CELL (self), NULL);
  return GTK_LABEL (self->label);
}
