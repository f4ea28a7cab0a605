/* test-manager-sync.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The manager's online-shop page under Xvfb against a real HTTP server
 * on 127.0.0.1 (an ephemeral port, in a thread of this test) that
 * refuses some sales with a 422 and its reason: the page lists them with
 * the server's words, Retry sends exactly that sale, Retry all the rest,
 * and a server that is down reads "will retry". Saves PNGs.
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "axw-ui-test-lib.h"
#include "axw-sync-test-util.h"

#include "axw-db-sql.h"
#include "axw-bizdate.h"
#include "axw-checkout.h"
#include "axw-cli.h"
#include "axw-manager-window.h"

typedef struct {
  GMutex        lock;
  GCond         cond;
  GThread      *thread;
  GMainContext *ctx;
  GMainLoop    *loop;
  guint         port;
  GHashTable   *refuse;     /* uuid → the reason given with the 422 */
  GHashTable   *received;   /* uuid → times received */
} Server;

static void
handle (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           data)
{
  Server *s = data;
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&s->lock);
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");
  const char *why = NULL;
  char *ack;
  JsonArray *sales;

  if (g_strcmp0 (auth, "Bearer s3cret-token") != 0 ||
      !json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                   (gssize) g_bytes_get_size (body), NULL))
    {
      soup_server_message_set_status (msg, 400, NULL);
      return;
    }
  sales = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                        "sales");
  for (guint i = 0; i < json_array_get_length (sales) && why == NULL; i++)
    why = g_hash_table_lookup (s->refuse,
                               json_object_get_string_member (json_array_get_object_element (sales,
                                                                                             i),
                                                                         "uuid"));
  if (why != NULL)
    {
      soup_server_message_set_status (msg, 422, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, why,
                                        strlen (why));
      return;
    }
  for (guint i = 0; i < json_array_get_length (sales); i++)
    {
      const char *uuid = json_object_get_string_member (json_array_get_object_element (sales, i),
                                                        "uuid");
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (s->received, uuid));

      g_hash_table_insert (s->received, g_strdup (uuid), GUINT_TO_POINTER (n + 1));
    }
  soup_server_message_set_status (msg, 200, NULL);
  ack = sync_test_accepted_json (sales);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, ack, strlen (ack));
}

static gpointer
server_thread (gpointer data)
{
  Server *s = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupServer) server = NULL;
  GSList *uris;

  g_main_context_push_thread_default (s->ctx);
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, "/sales", handle, s, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  g_mutex_lock (&s->lock);
  s->port = (guint) g_uri_get_port (uris->data);
  g_cond_broadcast (&s->cond);
  g_mutex_unlock (&s->lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  g_main_loop_run (s->loop);
  soup_server_disconnect (server);
  g_clear_object (&server);
  while (g_main_context_iteration (s->ctx, FALSE))
    ;
  g_main_context_pop_thread_default (s->ctx);
  return NULL;
}

static void
server_start (Server *s)
{
  g_mutex_init (&s->lock);
  g_cond_init (&s->cond);
  s->refuse = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->received = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  s->ctx = g_main_context_new ();
  s->loop = g_main_loop_new (s->ctx, FALSE);
  s->thread = g_thread_new ("shop-server", server_thread, s);
  g_mutex_lock (&s->lock);
  while (s->port == 0)
    g_cond_wait (&s->cond, &s->lock);
  g_mutex_unlock (&s->lock);
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
server_stop (Server *s)
{
  g_main_context_invoke (s->ctx, quit_loop, s->loop);
  g_thread_join (s->thread);
  g_main_loop_unref (s->loop);
  g_main_context_unref (s->ctx);
  g_hash_table_unref (s->refuse);
  g_hash_table_unref (s->received);
  g_mutex_clear (&s->lock);
  g_cond_clear (&s->cond);
}

static guint
times_received (Server     *s,
                const char *uuid)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&s->lock);

  return GPOINTER_TO_UINT (g_hash_table_lookup (s->received, uuid));
}

typedef struct {
  Server     *srv;
  const char *uuid;
} Sent;

static gboolean
was_sent (gpointer data)
{
  Sent *sent = data;

  return times_received (sent->srv, sent->uuid) > 0;
}

static guint
n_received (Server *s)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&s->lock);

  return g_hash_table_size (s->received);
}

#define wait_idle(page) axw_test_wait_idle (axw_manager_sync_get_busy, page, 15000)

/* The Retry button of @receipt's row */
static GtkWidget *
find_retry_button (GtkWidget  *w,
                   const char *receipt)
{
  if (GTK_IS_BUTTON (w))
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (w));

      if (target && g_str_equal (g_variant_get_string (target, NULL), receipt))
        return w;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_retry_button (c, receipt);

      if (found)
        return found;
    }
  return NULL;
}

/* Every button and list of the shown page: a name a screen reader
 * reads, and a touch target of at least 48×48. */
static void
check_controls (GtkWidget *w,
                GString   *problems,
                guint     *n)
{
  if (!gtk_widget_get_mapped (w))
    return;
  if (GTK_IS_BUTTON (w) || GTK_IS_LIST_VIEW (w))
    {
      GtkAccessible *a = GTK_ACCESSIBLE (w);
      const char *label = GTK_IS_BUTTON (w) ? gtk_button_get_label (GTK_BUTTON (w)) : NULL;
      gboolean named = gtk_test_accessible_has_property (a, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
        (label && *label);
      graphene_rect_t box;   /* the border box: what a finger can hit */

      (*n)++;
      if (!named)
        g_string_append_printf (problems, "no accessible name: %s\n", G_OBJECT_TYPE_NAME (w));
      g_assert_true (gtk_widget_compute_bounds (w, w, &box));
      if (box.size.width < 48 || box.size.height < 48)
        g_string_append_printf (problems, "smaller than 48×48: %s “%s” (%.0f×%.0f)\n",
                                G_OBJECT_TYPE_NAME (w),
                                label ? label : "", box.size.width, box.size.height);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    check_controls (c, problems, n);
}

static void
assert_controls_ok (AxwManagerWindow *window,
                    const char       *page,
                    GtkWidget        *widget,
                    guint             at_least)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  guint n = 0;

  axw_manager_window_show_page (window, page);
  ui_pump (200);
  check_controls (widget, problems, &n);
  if (problems->len)
    g_error ("%s page:\n%s", page, problems->str);
  g_assert_cmpuint (n, >=, at_least);
  axw_manager_window_show_page (window, "sync");
  ui_pump (100);
}

static gboolean
dead_has (AxwManagerSync *page,
          const char     *receipt)
{
  GListModel *dead = axw_manager_sync_get_dead (page);

  for (guint i = 0; i < g_list_model_get_n_items (dead); i++)
    {
      g_autoptr(GtkStringObject) s = g_list_model_get_item (dead, i);

      if (g_str_equal (gtk_string_object_get_string (s), receipt))
        return TRUE;
    }
  return FALSE;
}

static guint
closed_port (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  guint16 port = g_socket_listener_add_any_inet_port (listener, NULL, NULL);

  g_assert_cmpuint (port, >, 0);
  g_socket_listener_close (listener);
  return port;
}

static void
test_sync_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("axw-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "shop.db", NULL);
  g_autofree char *token = g_build_filename (dir, "token", NULL);
  g_autofree char *url = NULL;
  g_autofree char *down = NULL;
  g_autoptr(AxwDb) db = axw_db_open (path, &error);
  g_autoptr(GPtrArray) sales = g_ptr_array_new_with_free_func ((GDestroyNotify) axw_sale_free);
  Server srv = { 0 };
  AxwManagerWindow *window;
  AxwManagerSync *page;
  AxwSale *good1, *bad1, *good2, *bad2;
  GtkWidget *button;

  g_assert_no_error (error);
  g_assert_true (axw_cli_init_demo (db, &error));
  for (int i = 0; i < 4; i++)
    {
      g_autofree char *when = g_strdup_printf ("2026-12-12T1%d:00:00+08:00", i);

      g_ptr_array_add (sales, axw_test_sell (db, when, "6971234560018", 1000, 10000));
    }
  good1 = sales->pdata[0], bad1 = sales->pdata[1], good2 = sales->pdata[2], bad2 = sales->pdata[3];

  window = axw_manager_window_new (NULL, db, "王店长");
  page = axw_manager_window_get_sync (window);
  axw_manager_window_show_page (window, "sync");
  gtk_window_present (GTK_WINDOW (window));
  ui_pump (300);

  /* not set up: said in words, and Sync now says what is missing */
  g_assert_true (axw_test_contains (axw_manager_sync_get_text (page, "setup"), "✗ Not set up"));
  g_assert_true (axw_test_contains (axw_manager_sync_get_text (page, "status"),
                                    "Waiting to be sent: 4 sales"));
  g_assert_true (axw_test_contains (axw_manager_sync_get_text (page, "status"),
                                    "Last sent: never"));
  gtk_widget_activate_action (GTK_WIDGET (page), "sync.push", NULL);
  wait_idle (page);
  g_assert_true (axw_test_contains (axw_manager_sync_get_text (page, "message"), "sync.endpoint"));
  ui_save_png (GTK_WIDGET (window), "manager-sync-not-set-up.png");

  /* set up; the server refuses two of the four sales with its reason */
  server_start (&srv);
  url = g_strdup_printf ("http://127.0.0.1:%u/sales", srv.port);
  g_assert_true (axw_settings_set (db, "sync.endpoint", url, &error));
  g_assert_true (g_file_set_contents (token, "s3cret-token\n", -1, NULL));
  g_assert_cmpint (g_chmod (token, 0600), ==, 0);
  g_assert_true (axw_settings_set (db, "sync.token_file", token, &error));
  g_assert_no_error (error);
  g_mutex_lock (&srv.lock);
  g_hash_table_insert (srv.refuse, g_strdup (bad1->uuid),
                       g_strdup ("{\"error\":\"unknown product 6971234560018\"}"));
  g_hash_table_insert (srv.refuse, g_strdup (bad2->uuid),
                       g_strdup ("{\"error\":\"shop S01 is not registered\"}"));
  g_mutex_unlock (&srv.lock);
  axw_manager_sync_reload (page);
  g_assert_true (axw_test_contains (axw_manager_sync_get_text (page, "setup"), "✓ Set up"));
  g_assert_true (axw_test_contains (axw_manager_sync_get_text (page, "setup"), url));

  gtk_widget_activate_action (GTK_WIDGET (page), "sync.push", NULL);
  wait_idle (page);
  g_assert_cmpuint (times_received (&srv, good1->uuid), ==, 1);
  g_assert_cmpuint (times_received (&srv, good2->uuid), ==, 1);
  g_assert_cmpuint (n_received (&srv), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (axw_manager_sync_get_dead (page)), ==, 2);
  g_assert_true (dead_has (page, bad1->receipt_no));
  g_assert_true (dead_has (page, bad2->receipt_no));
  g_assert_true (axw_test_contains (axw_manager_sync_get_text (page, "message"),
                                    "2 sales sent, 2 refused"));
  g_assert_true (axw_test_contains (axw_manager_sync_get_text (page, "status"),
                                    "Waiting to be sent: 0 sales"));
  g_assert_true (axw_test_contains (axw_manager_sync_get_text (page, "status"),
                                    "Refused by the online shop: 2 sales"));
  g_assert_false (strstr (axw_manager_sync_get_text (page, "status"), "never"));
  g_assert_true (axw_test_contains (axw_manager_sync_get_text (page, "dead-title"),
                                    "2 sales refused"));
  /* each row shows the server's own words, in the row of its sale */
  g_assert_nonnull (ui_find_label (GTK_WIDGET (page), "422"));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (page), "unknown product 6971234560018"));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (page), "shop S01 is not registered"));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (page), bad1->receipt_no));
  g_assert_true (gtk_widget_is_visible (ui_find_label (GTK_WIDGET (page), "Retry all refused")));
  ui_save_png (GTK_WIDGET (window), "manager-sync-refused.png");
  /* the keyboard reaches each row's Retry: Tab from Sync now, and on out of the list (a
   * selectable label in a row made GTK 4.8 complain there) */
  {
    GtkWidget *retry = find_retry_button (GTK_WIDGET (page), bad2->receipt_no);
    gboolean reached = FALSE;
    GtkWidget *sync_now;

    Display *dpy = ui_xdisplay ();

    XSetInputFocus (dpy, gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))),
                    RevertToParent, CurrentTime);
    XFlush (dpy);
    ui_pump (100);
    sync_now = gtk_widget_get_ancestor (ui_find_label (GTK_WIDGET (page), "Sync now"),
                                        GTK_TYPE_BUTTON);
    g_assert_true (gtk_widget_grab_focus (sync_now));
    for (int i = 0; i < 12; i++)
      {
        ui_key (XK_Tab, 30);
        ui_pump (60);
        reached |= gtk_root_get_focus (GTK_ROOT (window)) == retry;
      }
    g_assert_true (reached);
  }
  /* Sync now, Retry all, two Retry buttons, the list; Back up, Restore, the list */
  assert_controls_ok (window, "sync", GTK_WIDGET (page), 5);
  assert_controls_ok (window, "backups", GTK_WIDGET (axw_manager_window_get_backups (window)), 3);

  /* the server was fixed: Retry on one row sends that sale, once */
  g_mutex_lock (&srv.lock);
  g_hash_table_remove_all (srv.refuse);
  g_mutex_unlock (&srv.lock);
  button = find_retry_button (GTK_WIDGET (page), bad1->receipt_no);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  gtk_widget_activate (button);
  /* an activated button clicks itself a moment later */
  g_assert_true (axw_test_wait_until (was_sent, &(Sent) { &srv, bad1->uuid }, 15000));
  wait_idle (page);
  g_assert_cmpuint (times_received (&srv, bad1->uuid), ==, 1);
  g_assert_cmpuint (times_received (&srv, bad2->uuid), ==, 0);
  g_assert_cmpuint (times_received (&srv, good1->uuid), ==, 1);
  g_assert_cmpuint (n_received (&srv), ==, 3);
  g_assert_false (dead_has (page, bad1->receipt_no));
  g_assert_true (dead_has (page, bad2->receipt_no));
  g_assert_true (axw_test_contains (axw_manager_sync_get_text (page, "message"), "1 sale sent"));
  g_assert_true (axw_test_contains (axw_manager_sync_get_text (page, "status"),
                                    "Refused by the online shop: 1 sale"));
  g_assert_cmpint (axw_db_query_int (db, "SELECT count(*) FROM audit_log WHERE staff = '王店长' "
                                         "AND action = 'sync.retry'", 0), ==, 1);

  /* Retry all sends the rest */
  gtk_widget_activate_action (GTK_WIDGET (page), "sync.retry-all", NULL);
  wait_idle (page);
  g_assert_cmpuint (times_received (&srv, bad2->uuid), ==, 1);
  g_assert_cmpuint (times_received (&srv, bad1->uuid), ==, 1);
  g_assert_cmpuint (n_received (&srv), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (axw_manager_sync_get_dead (page)), ==, 0);
  g_assert_true (axw_test_contains (axw_manager_sync_get_text (page, "dead-title"),
                                    "refused no sales"));
  g_assert_false (gtk_widget_is_visible (ui_find_label (GTK_WIDGET (page), "Retry all refused")));
  g_assert_true (axw_test_contains (axw_manager_sync_get_text (page, "status"),
                                    "Refused by the online shop: 0 sales"));
  g_assert_cmpint (axw_db_query_int (db, "SELECT count(*) FROM audit_log WHERE staff = '王店长' "
                                         "AND action = 'sync.retry'", 0), ==, 2);
  ui_save_png (GTK_WIDGET (window), "manager-sync-all-sent.png");

  /* the online shop is down: the sale waits and the page says it will retry */
  g_ptr_array_add (sales,
                   axw_test_sell (db, "2026-12-12T15:00:00+08:00", "6971234560018", 1000, 10000));
  down = g_strdup_printf ("http://127.0.0.1:%u/sales", closed_port ());
  g_assert_true (axw_settings_set (db, "sync.endpoint", down, &error));
  gtk_widget_activate_action (GTK_WIDGET (page), "sync.push", NULL);
  wait_idle (page);
  g_assert_cmpuint (n_received (&srv), ==, 4);
  g_assert_true (axw_test_contains (axw_manager_sync_get_text (page, "message"),
                                    "sent again later"));
  g_assert_true (axw_test_contains (axw_manager_sync_get_text (page, "status"),
                                    "Waiting to be sent: 1 sale"));
  g_assert_true (axw_test_contains (axw_manager_sync_get_text (page, "status"), "will retry"));
  g_assert_true (axw_test_contains (axw_manager_sync_get_text (page, "status"), "Last error"));
  g_assert_cmpuint (g_list_model_get_n_items (axw_manager_sync_get_dead (page)), ==, 0);
  ui_save_png (GTK_WIDGET (window), "manager-sync-down.png");

  /* back up: Sync now sends it without waiting for the retry time */
  g_assert_true (axw_settings_set (db, "sync.endpoint", url, &error));
  gtk_widget_activate_action (GTK_WIDGET (page), "sync.push", NULL);
  wait_idle (page);
  g_assert_cmpuint (n_received (&srv), ==, 5);
  g_assert_true (axw_test_contains (axw_manager_sync_get_text (page, "status"),
                                    "Waiting to be sent: 0 sales"));
  g_assert_null (strstr (axw_manager_sync_get_text (page, "status"), "will retry"));

  /* a sale made meanwhile shows when the page comes into view again */
  g_ptr_array_add (sales,
                   axw_test_sell (db, "2026-12-12T16:00:00+08:00", "6971234560018", 1000, 10000));
  axw_manager_window_show_page (window, "backups");
  ui_pump (100);
  axw_manager_window_show_page (window, "sync");
  ui_pump (100);
  g_assert_true (axw_test_contains (axw_manager_sync_get_text (page, "status"),
                                    "Waiting to be sent: 1 sale"));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_pump (50);
  server_stop (&srv);
  g_clear_object (&db);
  axw_test_rm_rf (dir);
}

/* Both pages finalize, also when disposed while their worker runs. */
static void
test_new_destroy (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  AxwDb *db = axw_test_db_new (&dir);
  AxwManagerSync *sync;
  AxwManagerBackups *backups;

  g_assert_true (axw_cli_init_demo (db, &error));
  sync = g_object_ref_sink (g_object_new (AXW_TYPE_MANAGER_SYNC, NULL));
  axw_manager_sync_set_db (sync, db, "王店长");
  gtk_widget_activate_action (GTK_WIDGET (sync), "sync.push", NULL);
  g_assert_true (axw_manager_sync_get_busy (sync));
  g_object_run_dispose (G_OBJECT (sync));
  backups = g_object_ref_sink (g_object_new (AXW_TYPE_MANAGER_BACKUPS, NULL));
  axw_manager_backups_set_db (backups, db, "王店长");
  g_assert_true (axw_manager_backups_get_busy (backups));
  g_object_run_dispose (G_OBJECT (backups));
  /* the workers end and drop their references */
  g_assert_true (axw_test_wait_until (axw_test_unshared, sync, 10000));
  g_assert_true (axw_test_wait_until (axw_test_unshared, backups, 10000));
  g_assert_finalize_object (sync);
  g_assert_finalize_object (backups);
  g_assert_finalize_object (db);
  axw_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_test_add_func ("/manager/sync/refused-retry-down", test_sync_page);
  g_test_add_func ("/manager/pages/new-destroy", test_new_destroy);
  return g_test_run ();
}
