/* axw-ui-test-lib.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The counter under Xvfb (tests/axw-ui-test-lib.c, compiled once): a fresh
 * demo database, the real application and window, keys typed through the
 * X server (XTest) with real timestamps, widgets found by what they show,
 * and PNGs of what is on screen.
 */
#pragma once

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <string.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>

#include "axw-application.h"
#include "axw-cli.h"
#include "axw-db-sql.h"
#include "axw-settings.h"
#include "axw-test-lib.h"
#include "axw-window.h"

typedef struct {
  char           *dir;
  char           *db_path;
  AxwApplication *app;
  AxwWindow      *window;
  AxwSaleView    *sale;
  AxwLoginView   *login;
} UiFixture;

/* ui_setup()'s test data for a database without staff or products */
#define UI_EMPTY_DB ((gconstpointer) "empty")

void        ui_setup              (UiFixture     *f,
                                   gconstpointer  data);
void        ui_teardown           (UiFixture     *f,
                                   gconstpointer  data);
void        ui_restart            (UiFixture     *f);
GDateTime  *ui_love_day           (void);
gint64      ui_query_int          (UiFixture     *f,
                                   const char    *sql);

/* Runs the main context for @ms milliseconds: for what has no condition
 * to wait on (keys the X server delivers later, a redraw). */
void        ui_pump               (int            ms);
gboolean    ui_wait_text          (UiFixture     *f,
                                   const char    *what,
                                   const char    *needle);
gboolean    ui_wait_label         (GtkLabel      *label,
                                   const char    *needle,
                                   guint          timeout_ms);
gboolean    ui_wait_query         (UiFixture     *f,
                                   const char    *sql,
                                   gint64         at_least,
                                   guint          timeout_ms);
void        ui_wait_login         (UiFixture     *f);
void        ui_login_touch        (UiFixture     *f,
                                   const char    *name,
                                   const char    *pin);

/* Widgets by what they are or show */
GtkWidget  *ui_find               (GtkWidget     *w,
                                   gboolean     (*match) (GtkWidget *w, gconstpointer data),
                                   gconstpointer  data);
gboolean    ui_is_type            (GtkWidget     *w,
                                   gconstpointer  data);
GtkWidget  *ui_find_label         (GtkWidget     *w,
                                   const char    *needle);
gboolean    ui_is_button_labelled (GtkWidget     *w,
                                   gconstpointer  data);
GtkWidget  *ui_find_button        (GtkWidget     *w,
                                   const char    *label);
void        ui_click              (GtkWidget     *dialog,
                                   const char    *label);

/* What is on screen */
void        ui_save_png           (GtkWidget     *widget,
                                   const char    *name);
void        ui_assert_chinese     (GtkWidget     *root,
                                   const char    *where);
void        ui_assert_no_overlaps (GtkWidget     *root,
                                   const char    *where);

/* What a person sees as one thing (a button, a label, an entry…) and its
 * bounds, for the overlap checks */
typedef struct {
  GtkWidget      *widget;
  graphene_rect_t bounds;    /* in the root's coordinates, clipped by its scrolled windows */
} UiAtom;

gboolean    ui_is_atom            (GtkWidget     *w);
char       *ui_describe_atom      (const UiAtom  *a);

/* Keys through the X server */
Display    *ui_xdisplay           (void);
void        ui_focus_window       (UiFixture     *f);
GtkWindow  *ui_find_window        (GType          type);
gpointer    ui_focus_window_of_type (GType        type);
void        ui_wait_chosen        (GtkFileChooser *chooser,
                                   const char     *path);
void        ui_key                (KeySym         sym,
                                   int            delay_ms);
KeySym      ui_keysym_of          (char           c);
void        ui_type               (const char    *text,
                                   int            gap_ms,
                                   gboolean       enter);
void        ui_scan               (const char    *code);
void        ui_press              (KeySym         sym);
void        ui_press_with         (KeySym         modifier,
                                   KeySym         sym);
void        ui_press_ctrl         (KeySym         sym);
