/* test-sync.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pushing the outbox to a real HTTP server on 127.0.0.1 (an ephemeral
 * port, in a thread of this test) that answers 200, 500, 401 and 422, sleeps
 * past the client's timeout, resets connections, and takes duplicates the
 * way the online shop must: by sale UUID.
 */
#include <signal.h>
#include <sys/socket.h>
#include <libsoup/soup.h>

#include "axw-db-sql.h"
#include "axw-settings.h"
#include "axw-sync.h"
#include "axw-sync-agent.h"
#include "axw-sync-test-util.h"

typedef enum {
  ANSWER_OK,
  ANSWER_500,
  ANSWER_SLEEP,   /* takes the sales, answers after the client gave up */
  ANSWER_RESET,   /* drops the connection without an answer */
  ANSWER_KILL,    /* takes the sales, then SIGKILLs the client process */
  ANSWER_429,     /* too many requests: a 4xx that means "later" */
  ANSWER_NO_ACK,  /* takes the sales, answers 200 without the "accepted" list */
  ANSWER_PARTIAL, /* takes the sales, confirms only the first */
  ANSWER_REDIRECT,/* 301 to /elsewhere */
  ANSWER_401,     /* the token is no longer valid */
  ANSWER_404,     /* no such address */
  ANSWER_HUGE,    /* 200 with 1 MB of answer */
  ANSWER_TRICKLE, /* 200, then a byte every 200 ms for 20 s: each read is quick, the whole is not */
  ANSWER_ESC,     /* 500 whose text holds terminal escape sequences */
} Answer;

typedef struct {
  GMutex        lock;
  GCond         cond;
  GThread      *thread;
  GMainContext *ctx;
  GMainLoop    *loop;
  SoupServer   *server;
  guint         port;
  GQueue        script;       /* Answer for the next requests */
  GHashTable   *refuse;       /* uuid → the reason a 422 gives */
  GHashTable   *received;     /* uuid → times received */
  guint         n_requests;
  guint         n_received;   /* documents, duplicates included */
  guint         max_batch;
  guint         n_elsewhere;  /* requests that followed a redirect */
  gint64        victim;       /* pid for ANSWER_KILL */
} Server;

typedef struct {
  DbFixture  db;
  Server     srv;
} Fixture;

static gboolean
unpause (gpointer data)
{
  SoupServerMessage *msg = data;
  const char *ack = g_object_get_data (G_OBJECT (msg), "ack");

  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, ack, strlen (ack));
  soup_server_message_unpause (msg);
  return G_SOURCE_REMOVE;
}

static void
stop_trickle (SoupServerMessage *msg,
              GSource           *source)
{
  g_source_destroy (source);
}

static void
source_unref_notify (gpointer  data,
                     GClosure *closure)
{
  g_source_unref (data);
}

static gboolean
trickle (gpointer data)
{
  SoupServerMessage *msg = data;
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  guint sent = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (msg), "sent"));

  if (sent == 100)
    {
      soup_message_body_complete (body);
      soup_server_message_unpause (msg);
      return G_SOURCE_REMOVE;
    }
  soup_message_body_append (body, SOUP_MEMORY_STATIC, " ", 1);
  soup_server_message_unpause (msg);
  g_object_set_data (G_OBJECT (msg), "sent", GUINT_TO_POINTER (sent + 1));
  return G_SOURCE_CONTINUE;
}

static void
reset_connection (SoupServerMessage *msg)
{
  struct linger lg = { 1, 0 };   /* close with RST */
  GSocket *sock = soup_server_message_get_socket (msg);
  g_autoptr(GIOStream) stream = NULL;

  setsockopt (g_socket_get_fd (sock), SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
  stream = soup_server_message_steal_connection (msg);
  g_io_stream_close (stream, NULL, NULL);
}

static void
record (Server    *s,
        JsonArray *sales)
{
  for (guint i = 0; i < json_array_get_length (sales); i++)
    {
      const char *uuid = json_object_get_string_member (json_array_get_object_element (sales, i),
                                                        "uuid");
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (s->received, uuid));

      g_hash_table_insert (s->received, g_strdup (uuid), GUINT_TO_POINTER (n + 1));
      s->n_received++;
    }
}

static void
answer (SoupServerMessage *msg,
        guint              status,
        const char        *body)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
}

/* Refuses the whole batch when it holds a refused sale, like a strict
 * server would; the client narrows it down. */
static const char *
refused_in (Server    *s,
            JsonArray *sales)
{
  for (guint i = 0; i < json_array_get_length (sales); i++)
    {
      const char *why = g_hash_table_lookup (s->refuse, json_object_get_string_member (
                                               json_array_get_object_element (sales, i), "uuid"));
      if (why != NULL)
        return why;
    }
  return NULL;
}

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
  GSource *sleep_source;
  g_autofree char *ack = NULL;
  Answer a;
  JsonArray *sales;
  const char *why;

  s->n_requests++;
  if (g_strcmp0 (auth, "Bearer s3cret-token") != 0)
    {
      answer (msg, 401, "{\"error\":\"bad token\"}");
      return;
    }
  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                   (gssize) g_bytes_get_size (body), NULL))
    {
      answer (msg, 400, "{\"error\":\"not JSON\"}");
      return;
    }
  sales = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                        "sales");
  s->max_batch = MAX (s->max_batch, json_array_get_length (sales));
  if ((why = refused_in (s, sales)) != NULL)
    {
      answer (msg, 422, why);
      return;
    }
  ack = sync_test_accepted_json (sales);

  a = g_queue_is_empty (&s->script) ? ANSWER_OK : GPOINTER_TO_INT (g_queue_pop_head (&s->script));

  switch (a)
    {
    case ANSWER_OK:
      record (s, sales);
      answer (msg, 200, ack);
      break;
    case ANSWER_NO_ACK:
      record (s, sales);
      answer (msg, 200, "{\"ok\":true}");
      break;
    case ANSWER_PARTIAL:
      {
        g_autoptr(JsonArray) first = json_array_new ();
        g_autofree char *one = NULL;

        record (s, sales);
        json_array_add_element (first, json_array_dup_element (sales, 0));
        one = sync_test_accepted_json (first);
        answer (msg, 200, one);
      }
      break;
    case ANSWER_REDIRECT:
      soup_server_message_set_redirect (msg, 301, "/elsewhere");
      break;
    case ANSWER_401:
      answer (msg, 401, "{\"error\":\"token revoked\"}");
      break;
    case ANSWER_404:
      answer (msg, 404, "{\"error\":\"no such page\"}");
      break;
    case ANSWER_HUGE:
      {
        char *big = g_malloc (1 << 20);

        record (s, sales);
        memset (big, ' ', 1 << 20);
        memcpy (big, ack, strlen (ack));
        soup_server_message_set_status (msg, 200, NULL);
        soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, big, 1 << 20);
      }
      break;
    case ANSWER_TRICKLE:
      record (s, sales);
      soup_server_message_set_status (msg, 200, NULL);
      soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                         SOUP_ENCODING_CHUNKED);
      soup_server_message_pause (msg);
      sleep_source = g_timeout_source_new (200);
      g_source_set_callback (sleep_source, trickle, g_object_ref (msg), g_object_unref);
      g_source_attach (sleep_source, s->ctx);
      /* the client gives up first: no byte after the connection is gone
       * (libsoup says so with a critical) */
      g_signal_connect_data (msg, "finished", G_CALLBACK (stop_trickle), sleep_source,
                             source_unref_notify, 0);
      g_signal_connect_data (msg, "disconnected", G_CALLBACK (stop_trickle),
                             g_source_ref (sleep_source), source_unref_notify, 0);
      break;
    case ANSWER_ESC:
      answer (msg, 500, "\x1b[2J\x1b]0;owned\a" "database\r\n\x1b[31m" "down\xc2\x9b");
      break;
    case ANSWER_500:
      answer (msg, 500, "{\"error\":\"database is down\"}");
      break;
    case ANSWER_RESET:
      reset_connection (msg);
      break;
    case ANSWER_429:
      answer (msg, 429, "{\"error\":\"slow down\"}");
      break;
    case ANSWER_SLEEP:
      record (s, sales);
      g_object_set_data_full (G_OBJECT (msg), "ack", g_steal_pointer (&ack), g_free);
      soup_server_message_pause (msg);
      sleep_source = g_timeout_source_new (3500);
      g_source_set_callback (sleep_source, unpause, g_object_ref (msg), g_object_unref);
      g_source_attach (sleep_source, s->ctx);
      g_source_unref (sleep_source);
      break;
    case ANSWER_KILL:
      record (s, sales);
      while (s->victim == 0)
        g_cond_wait (&s->cond, &s->lock);
      kill ((pid_t) s->victim, SIGKILL);
      answer (msg, 200, ack);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Where a redirect points: a client that follows it arrives here. */
static void
elsewhere (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           data)
{
  Server *s = data;

  g_mutex_lock (&s->lock);
  s->n_elsewhere++;
  g_mutex_unlock (&s->lock);
  answer (msg, 200, "{\"accepted\":[]}");
}

static gpointer
server_thread (gpointer data)
{
  Server *s = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (s->ctx);
  s->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (s->server, "/sales", handle, s, NULL);
  soup_server_add_handler (s->server, "/elsewhere", elsewhere, s, NULL);
  g_assert_true (soup_server_listen_local (s->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (s->server);
  g_mutex_lock (&s->lock);
  s->port = (guint) g_uri_get_port (uris->data);
  g_cond_broadcast (&s->cond);
  g_mutex_unlock (&s->lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (s->loop);
  soup_server_disconnect (s->server);
  g_clear_object (&s->server);
  while (g_main_context_iteration (s->ctx, FALSE))
    ;
  g_main_context_pop_thread_default (s->ctx);
  return NULL;
}

static void
set_setting (Fixture    *f,
             const char *key,
             const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (axw_settings_set (f->db.db, key, value, &error));
  g_assert_no_error (error);
}

static void
write_token (Fixture *f,
             int      mode)
{
  g_autofree char *path = g_build_filename (f->db.dir, "token", NULL);

  g_assert_true (g_file_set_contents (path, "s3cret-token\n", -1, NULL));
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
  set_setting (f, "sync.token_file", path);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  Server *s = &f->srv;
  g_autofree char *url = NULL;

  shop_setup (&f->db, data);
  g_mutex_init (&s->lock);
  g_cond_init (&s->cond);
  g_queue_init (&s->script);
  s->refuse = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->received = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  s->ctx = g_main_context_new ();
  s->loop = g_main_loop_new (s->ctx, FALSE);
  s->thread = g_thread_new ("shop-server", server_thread, s);
  g_mutex_lock (&s->lock);
  while (s->port == 0)
    g_cond_wait (&s->cond, &s->lock);
  g_mutex_unlock (&s->lock);

  url = g_strdup_printf ("http://127.0.0.1:%u/sales", s->port);
  set_setting (f, "sync.endpoint", url);
  write_token (f, 0600);
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  Server *s = &f->srv;
  g_autofree char *token = g_build_filename (f->db.dir, "token", NULL);

  g_main_context_invoke (s->ctx, quit_loop, s->loop);
  g_thread_join (s->thread);
  g_main_loop_unref (s->loop);
  g_main_context_unref (s->ctx);
  g_hash_table_unref (s->refuse);
  g_hash_table_unref (s->received);
  g_queue_clear (&s->script);
  g_mutex_clear (&s->lock);
  g_cond_clear (&s->cond);
  g_unlink (token);
  db_fixture_teardown (&f->db, data);
}

#define TEST(path, fn) g_test_add (path, Fixture, NULL, setup, fn, teardown)

static void
script (Fixture *f,
        ...)
{
  va_list ap;
  int a;

  g_mutex_lock (&f->srv.lock);
  va_start (ap, f);
  while ((a = va_arg (ap, int)) >= 0)
    g_queue_push_tail (&f->srv.script, GINT_TO_POINTER (a));
  va_end (ap);
  g_mutex_unlock (&f->srv.lock);
}

static char *
uuid_of_sale (Fixture *f,
              gint64   nth)
{
  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM sales ORDER BY id LIMIT 1 OFFSET %" G_GINT64_FORMAT, nth);
  sqlite3_stmt *stmt = axw_db_prepare (f->db.db, sql, NULL);
  char *uuid;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  uuid = axw_db_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return uuid;
}

static void
refuse (Fixture    *f,
        const char *uuid)
{
  g_mutex_lock (&f->srv.lock);
  g_hash_table_insert (f->srv.refuse, g_strdup (uuid),
                       g_strdup_printf ("{\"error\":\"sale %.8s: shop code unknown\"}", uuid));
  g_mutex_unlock (&f->srv.lock);
}

/* Every sale the shop did not refuse arrived, none twice after
 * de-duplication, and no unknown one. */
static void
assert_all_arrived (Fixture *f)
{
  sqlite3_stmt *stmt = axw_db_prepare (f->db.db, "SELECT uuid FROM sales", NULL);
  guint n = 0;

  g_mutex_lock (&f->srv.lock);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *uuid = (const char *) sqlite3_column_text (stmt, 0);

      if (g_hash_table_contains (f->srv.refuse, uuid))
        g_assert_false (g_hash_table_contains (f->srv.received, uuid));
      else
        {
          g_assert_true (g_hash_table_contains (f->srv.received, uuid));
          n++;
        }
    }
  sqlite3_reset (stmt);
  g_assert_cmpint (g_hash_table_size (f->srv.received), ==, n);
  g_assert_cmpint (f->srv.max_batch, <=, AXW_SYNC_BATCH_MAX);
  g_mutex_unlock (&f->srv.lock);
}

static const AxwSyncOptions fast = { .timeout_s = 2, .ignore_backoff = TRUE };

/* Pushes until nothing is pending, as a background job would. */
static guint
push_until_done (Fixture *f)
{
  guint runs = 0;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_auto(AxwSyncStatus) st = { 0 };
      AxwSyncReport r;

      if (!axw_sync_push (f->db.db, &fast, &r, NULL, &error))
        g_assert_error (error, AXW_ERROR, AXW_ERROR_NETWORK);
      runs++;
      g_assert_true (axw_sync_get_status (f->db.db, &st, NULL));
      if (st.pending == 0)
        return runs;
      g_assert_cmpuint (runs, <, 30);
    }
}

static void
test_chaos (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *bad1 = NULL, *bad2 = NULL;
  g_autoptr(GPtrArray) dead = NULL;
  g_auto(AxwSyncStatus) st = { 0 };
  guint n = shop_sell (&f->db, 180, 11);

  g_assert_cmpuint (n, >, 2 * AXW_SYNC_BATCH_MAX);
  bad1 = uuid_of_sale (f, 4);
  bad2 = uuid_of_sale (f, 150);
  refuse (f, bad1);
  refuse (f, bad2);
  script (f, ANSWER_500, ANSWER_RESET, ANSWER_SLEEP, ANSWER_OK, ANSWER_429, ANSWER_500, ANSWER_OK,
          ANSWER_RESET, ANSWER_SLEEP, -1);

  g_assert_cmpuint (push_until_done (f), >, 3);
  assert_all_arrived (f);
  g_mutex_lock (&f->srv.lock);
  g_assert_cmpuint (f->srv.n_received, >, g_hash_table_size (f->srv.received));   /* duplicates came */
  g_mutex_unlock (&f->srv.lock);

  dead = axw_sync_list_dead (f->db.db, NULL);
  g_assert_cmpint (dead->len, ==, 2);
  g_assert_cmpstr (((AxwOutboxEntry *) dead->pdata[0])->uuid, ==, bad1);
  g_assert_cmpstr (((AxwOutboxEntry *) dead->pdata[1])->uuid, ==, bad2);
  g_assert_true (g_str_has_prefix (((AxwOutboxEntry *) dead->pdata[0])->last_error, "HTTP 422"));
  g_assert_nonnull (strstr (((AxwOutboxEntry *) dead->pdata[0])->last_error, "shop code unknown"));
  g_assert_true (axw_sync_get_status (f->db.db, &st, NULL));
  g_assert_cmpint (st.sent, ==, n - 2);
  g_assert_cmpint (st.dead, ==, 2);
  g_assert_nonnull (st.last_success);

  /* The manager fixes it and retries: now they arrive too. */
  g_mutex_lock (&f->srv.lock);
  g_hash_table_remove_all (f->srv.refuse);
  g_mutex_unlock (&f->srv.lock);
  g_assert_cmpint (axw_sync_retry_dead (f->db.db, "王店长", NULL), ==, 2);
  push_until_done (f);
  assert_all_arrived (f);
  g_assert_cmpint (sql_int (&f->db, "SELECT count(*) FROM outbox WHERE status = 'sent'"), ==, n);
}

static void
test_backoff (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(AxwSyncStatus) st = { 0 };
  AxwSyncOptions wait = { .timeout_s = 10 };
  AxwSyncReport r;
  guint n = shop_sell (&f->db, 5, 12);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  script (f, ANSWER_500, ANSWER_500, -1);
  g_assert_false (axw_sync_push (f->db.db, &wait, &r, NULL, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_NETWORK);
  g_assert_cmpuint (r.retry, ==, n);
  g_assert_true (axw_sync_get_status (f->db.db, &st, NULL));
  g_assert_cmpint (st.pending, ==, n);
  g_assert_true (g_str_has_prefix (st.last_error, "HTTP 500"));
  g_assert_null (st.last_success);

  /* 30 s base: the first retry comes 15–30 s later, the second 30–60 s. */
  {
    g_autoptr(GDateTime) next = axw_time_parse_rfc3339 (st.next_attempt_at, NULL);
    gint64 delay = g_date_time_to_unix (next) - now;

    g_assert_cmpint (delay, >=, 14);
    g_assert_cmpint (delay, <=, 31);
  }
  g_assert_true (axw_sync_push (f->db.db, &wait, &r, NULL, NULL));   /* not due yet: nothing sent */
  g_assert_cmpuint (r.sent + r.retry + r.dead, ==, 0);
  g_assert_cmpuint (f->srv.n_requests, ==, 1);

  g_clear_error (&error);
  g_assert_false (axw_sync_push (f->db.db, &fast, &r, NULL, &error));
  g_assert_cmpint (sql_int (&f->db, "SELECT min(attempts) FROM outbox"), ==, 2);
  g_assert_cmpint (sql_int (&f->db, "SELECT min(unixepoch(next_attempt_at)) FROM outbox") - now, >=,
                   29);
  g_assert_cmpint (sql_int (&f->db, "SELECT max(unixepoch(next_attempt_at)) FROM outbox") - now, <=,
                   62);
  g_assert_true (axw_sync_push (f->db.db, &fast, &r, NULL, NULL));
  g_assert_cmpuint (r.sent, ==, n);
  assert_all_arrived (f);
}

static void
test_setup_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AxwSyncReport r;

  shop_sell (&f->db, 3, 13);
  write_token (f, 0644);
  g_assert_false (axw_sync_push (f->db.db, &fast, &r, NULL, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "chmod 600"));
  g_clear_error (&error);

  write_token (f, 0600);
  set_setting (f, "sync.endpoint", "");
  g_assert_false (axw_sync_push (f->db.db, &fast, &r, NULL, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_INVALID);
  g_assert_cmpuint (f->srv.n_requests, ==, 0);
  g_clear_error (&error);

  /* Addresses an older version stored unchecked: a half address crashed the
   * push (soup_message_new gave NULL), a plain-http one sent the token in
   * clear. Both are refused before anything is sent or marked. */
  for (const char * const *url = (const char *[]) { "https://", "http://:80/x",
    "http://shop.example.cn/s", NULL };
       *url; url++)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE settings SET value = '%s' WHERE key = "
                                              "'sync.endpoint'", *url);

      g_assert_true (axw_db_exec (f->db.db, "INSERT OR IGNORE INTO settings (key, value) VALUES "
                                            "('sync.endpoint', '')", &error));
      g_assert_true (axw_db_exec (f->db.db, sql, &error));
      g_assert_false (axw_sync_push (f->db.db, &fast, &r, NULL, &error));
      g_assert_error (error, AXW_ERROR, AXW_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, *url));
      g_clear_error (&error);
    }
  g_assert_cmpuint (f->srv.n_requests, ==, 0);
  g_assert_cmpint (sql_int (&f->db,
                            "SELECT count(*) FROM outbox WHERE status = 'pending' AND attempts = 0"), ==,
                   sql_int (&f->db, "SELECT count(*) FROM sales"));
}

/* The sync CLI is SIGKILLed while the server holds a batch it already
 * took: nothing is lost, and the batch sent again is dropped as known. */
static void
test_killed (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) child = NULL;
  AxwSyncReport r;
  guint n = shop_sell (&f->db, 150, 14);

  script (f, ANSWER_OK, ANSWER_KILL, -1);
  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                            &error, g_getenv ("AIXINWU_BIN"), "--db", f->db.path, "sync", "--now",
                            "--timeout", "5", NULL);
  g_assert_no_error (error);
  g_mutex_lock (&f->srv.lock);
  f->srv.victim = g_ascii_strtoll (g_subprocess_get_identifier (child), NULL, 10);
  g_cond_broadcast (&f->srv.cond);
  g_mutex_unlock (&f->srv.lock);
  g_assert_true (g_subprocess_wait (child, NULL, &error));
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  g_assert_cmpint (sql_int (&f->db, "SELECT count(*) FROM outbox WHERE status = 'sent'"), ==,
                   AXW_SYNC_BATCH_MAX);
  g_assert_cmpint (sql_int (&f->db, "SELECT count(*) FROM outbox WHERE status = 'pending'"), ==,
                   n - AXW_SYNC_BATCH_MAX);
  g_assert_true (axw_sync_push (f->db.db, &fast, &r, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r.sent, ==, n - AXW_SYNC_BATCH_MAX);
  assert_all_arrived (f);
  g_assert_cmpuint (f->srv.n_received, ==, n + (n - AXW_SYNC_BATCH_MAX));
}

static char *
run_cli (Fixture    *f,
         const char *arg1,
         const char *arg2)
{
  const char *argv[] = { g_getenv ("AIXINWU_BIN"), "--db", f->db.path, "sync", arg1, arg2, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_cli_dead_letters (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *bad = NULL, *list = NULL, *retry = NULL, *status = NULL, *sent = NULL;
  g_autofree char *receipt = NULL;

  shop_sell (&f->db, 6, 15);
  bad = uuid_of_sale (f, 2);
  refuse (f, bad);
  sent = run_cli (f, "--now", NULL);
  g_assert_nonnull (strstr (sent, "1 refused"));
  list = run_cli (f, "--dead", NULL);
  g_assert_nonnull (strstr (list, bad));
  g_assert_nonnull (strstr (list, "HTTP 422"));
  g_assert_nonnull (strstr (list, "shop code unknown"));
  g_assert_cmpint (strchr (list, '\n') - list, ==, strlen (list) - 1);   /* one line */
  status = run_cli (f, "--status", NULL);
  g_assert_nonnull (strstr (status, "pending\t0\n"));
  g_assert_nonnull (strstr (status, "dead\t1\n"));

  g_mutex_lock (&f->srv.lock);
  g_hash_table_remove_all (f->srv.refuse);
  g_mutex_unlock (&f->srv.lock);
  retry = run_cli (f, "--retry-dead", NULL);
  g_assert_nonnull (strstr (retry, "1 sales queued again"));
  g_clear_pointer (&sent, g_free);
  sent = run_cli (f, NULL, NULL);
  g_assert_nonnull (strstr (sent, "1 sales sent, 0 refused"));
  assert_all_arrived (f);
  g_assert_cmpint (sql_int (&f->db, "SELECT count(*) FROM audit_log WHERE action = 'sync.retry'"),
                   ==, 1);
}

/* One dead letter retried by its receipt number (the CLI and the
 * manager's Retry button): only that sale goes again. */
static void
test_retry_one (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *bad1 = NULL, *bad2 = NULL, *good = NULL, *receipt = NULL, *out = NULL,
  *sent = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  shop_sell (&f->db, 6, 15);
  bad1 = uuid_of_sale (f, 1);
  bad2 = uuid_of_sale (f, 3);
  good = uuid_of_sale (f, 0);
  refuse (f, bad1);
  refuse (f, bad2);
  sent = run_cli (f, "--now", NULL);
  g_assert_nonnull (strstr (sent, "2 refused"));
  g_mutex_lock (&f->srv.lock);
  g_hash_table_remove_all (f->srv.refuse);
  before = f->srv.n_received;
  g_mutex_unlock (&f->srv.lock);

  /* not a dead letter: refused, nothing queued */
  g_assert_false (axw_sync_retry_dead_sale (f->db.db, good, "王店长", &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (axw_sync_retry_dead_sale (f->db.db, "S01-T01-19990101-0001", "王店长", &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND);
  g_assert_cmpint (sql_int (&f->db, "SELECT count(*) FROM outbox WHERE status = 'dead'"), ==, 2);

  sql = g_strdup_printf ("SELECT receipt_no FROM sales WHERE uuid = '%s'", bad1);
  {
    sqlite3_stmt *stmt = axw_db_prepare (f->db.db, sql, NULL);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    receipt = axw_db_column_dup (stmt, 0);
    sqlite3_reset (stmt);
  }
  out = run_cli (f, "--retry-dead", receipt);
  g_assert_nonnull (strstr (out, receipt));
  g_clear_pointer (&sent, g_free);
  sent = run_cli (f, NULL, NULL);
  g_assert_nonnull (strstr (sent, "1 sales sent, 0 refused"));
  g_mutex_lock (&f->srv.lock);
  g_assert_cmpuint (f->srv.n_received, ==, before + 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (f->srv.received, bad1)), ==, 1);
  g_assert_false (g_hash_table_contains (f->srv.received, bad2));
  g_mutex_unlock (&f->srv.lock);
  g_assert_cmpint (sql_int (&f->db, "SELECT count(*) FROM outbox WHERE status = 'dead'"), ==, 1);
  g_assert_cmpint (sql_int (&f->db, "SELECT count(*) FROM audit_log WHERE action = 'sync.retry'"),
                   ==, 1);
}

static void
pushed (GObject      *source,
        GAsyncResult *result,
        gpointer      data)
{
  AxwSyncReport *r = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (axw_sync_push_finish (result, r, &error));
  g_assert_no_error (error);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  AxwSyncReport r = { 0 };
  g_auto(AxwSyncStatus) st = { 0 };
  guint n = shop_sell (&f->db, 8, 16);

  axw_sync_push_async (f->db.path, &fast, NULL, pushed, &r);
  while (r.sent == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (r.sent, ==, n);
  g_assert_true (axw_sync_get_status (f->db.db, &st, NULL));
  g_assert_cmpint (st.pending, ==, 0);
  g_assert_cmpint (st.sent, ==, n);
  g_assert_null (st.last_error);
  assert_all_arrived (f);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    data)
{
  (*(guint *) data)++;
}

#define wait_idle(agent) \
  g_assert_true (axw_test_wait_while ((AxwTestCondition) axw_sync_agent_get_busy, agent, 60000))

/* The GUI's background sync: the first run fails with a 500 and shows it,
 * a kick after the "sale" sends everything and clears the error. */
static void
test_agent (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(AxwSyncAgent) agent = axw_sync_agent_new (f->db.path);
  guint n = shop_sell (&f->db, 7, 17);
  guint pending_notes = 0;

  g_signal_connect (agent, "notify::pending", G_CALLBACK (count_notify), &pending_notes);
  script (f, ANSWER_500, -1);
  axw_sync_agent_start (agent, 3600);
  g_assert_true (axw_sync_agent_get_busy (agent));
  wait_idle (agent);
  g_assert_cmpint (axw_sync_agent_get_pending (agent), ==, n);
  g_assert_cmpuint (pending_notes, ==, 1);
  g_assert_true (g_str_has_prefix (axw_sync_agent_get_last_error (agent),
                                   "The online shop did not take"));
  g_assert_nonnull (strstr (axw_sync_agent_get_last_error (agent), "HTTP 500"));
  g_assert_null (axw_sync_agent_get_last_success (agent));

  g_assert_true (axw_db_exec (f->db.db, "UPDATE outbox SET next_attempt_at = NULL", NULL));
  axw_sync_agent_kick (agent);
  axw_sync_agent_kick (agent);   /* while busy: one more run follows */
  wait_idle (agent);
  wait_idle (agent);
  g_assert_cmpint (axw_sync_agent_get_pending (agent), ==, 0);
  g_assert_cmpint (axw_sync_agent_get_dead (agent), ==, 0);
  g_assert_null (axw_sync_agent_get_last_error (agent));
  g_assert_nonnull (axw_sync_agent_get_last_success (agent));
  g_assert_cmpuint (pending_notes, ==, 2);
  assert_all_arrived (f);
  axw_sync_agent_stop (agent);

  /* The worker thread drops its task (and so its reference) a moment
   * after the result arrived. */
  {
    gpointer weak = agent;
    gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    g_object_add_weak_pointer (G_OBJECT (agent), &weak);
    g_object_unref (g_steal_pointer (&agent));
    while (weak != NULL && g_get_monotonic_time () < until)
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    g_assert_null (weak);
  }
}

static void
test_agent_new_destroy (void)
{
  AxwSyncAgent *agent = axw_sync_agent_new ("/nonexistent/shop.db");
  g_autofree char *path = NULL;

  g_object_get (agent, "db-path", &path, NULL);
  g_assert_cmpstr (path, ==, "/nonexistent/shop.db");
  g_assert_false (axw_sync_agent_get_busy (agent));
  g_assert_cmpint (axw_sync_agent_get_pending (agent), ==, 0);
  g_assert_null (axw_sync_agent_get_last_error (agent));
  g_assert_finalize_object (agent);
}

static gboolean
cancel_soon (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
pushed_cancelled (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (axw_sync_push_finish (result, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  *(gboolean *) data = TRUE;
}

/* Closing the program while the server sleeps on a batch: the rows stay
 * pending with no backoff and no error recorded. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AxwSyncOptions slow = { .timeout_s = 30 };
  gboolean done = FALSE;
  guint n = shop_sell (&f->db, 4, 18);

  script (f, ANSWER_SLEEP, -1);
  axw_sync_push_async (f->db.path, &slow, cancellable, pushed_cancelled, &done);
  g_timeout_add (300, cancel_soon, cancellable);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (sql_int (&f->db,
                            "SELECT count(*) FROM outbox WHERE status = 'pending' AND attempts = 0 "
                                    "AND next_attempt_at IS NULL AND last_error IS NULL"), ==, n);
}

static gint64
count_outbox (Fixture    *f,
              const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM outbox WHERE %s", where);

  return sql_int (&f->db, sql);
}

/* Answers about the request itself (a redirect, a revoked token, a wrong
 * address, a 2xx that confirms nothing) stop the run: nothing is marked
 * sent, nothing is dead-lettered, no attempt is counted, and the manager
 * reads what to do. A redirect is never followed. */
static void
test_protocol_stops (Fixture       *f,
                     gconstpointer  data)
{
  static const struct { Answer answer; const char *says; } cases[] = {
    { ANSWER_REDIRECT, "final one" },
    { ANSWER_401, "token" },
    { ANSWER_404, "address" },
    { ANSWER_NO_ACK, "accepted" },
  };
  guint n = shop_sell (&f->db, 5, 16);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      AxwSyncReport r;

      script (f, cases[i].answer, -1);
      g_assert_false (axw_sync_push (f->db.db, &fast, &r, NULL, &error));
      g_assert_error (error, AXW_ERROR, AXW_ERROR_PERMISSION);
      g_assert_nonnull (strstr (error->message, cases[i].says));
      g_assert_nonnull (strstr (error->message, "Nothing was"));
      g_assert_cmpuint (r.sent + r.dead, ==, 0);
      g_assert_cmpint (count_outbox (f, "status = 'pending' AND attempts = 0"), ==, n);
    }
  g_mutex_lock (&f->srv.lock);
  g_assert_cmpuint (f->srv.n_elsewhere, ==, 0);
  g_mutex_unlock (&f->srv.lock);

  /* the server mended: everything goes, once */
  g_assert_cmpuint (push_until_done (f), ==, 1);
  assert_all_arrived (f);
}

/* Only what the answer confirms by UUID is sent; the rest waits. */
static void
test_partial_ack (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  AxwSyncReport r;
  guint n = shop_sell (&f->db, 4, 17);

  first = uuid_of_sale (f, 0);
  script (f, ANSWER_PARTIAL, -1);
  g_assert_false (axw_sync_push (f->db.db, &fast, &r, NULL, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_NETWORK);
  g_assert_cmpuint (r.sent, ==, 1);
  g_assert_cmpuint (r.retry, ==, n - 1);
  g_assert_cmpint (count_outbox (f, "status = 'sent'"), ==, 1);
  g_assert_cmpint (sql_int (&f->db,
                            "SELECT count(*) FROM outbox o JOIN sales s ON s.id = o.sale_id "
                                    "WHERE o.status = 'sent' AND s.uuid = (SELECT uuid FROM sales "
                                    "ORDER BY id "
                                    "LIMIT 1)"), ==, 1);
  g_assert_cmpint (count_outbox (f, "status = 'pending' AND last_error LIKE '%did not confirm%'"),
                   ==, n - 1);
  push_until_done (f);
  assert_all_arrived (f);
}

/* A reply past the size bound, or one that never ends within the
 * deadline, marks nothing; the server's control characters never reach
 * the stored error (shown on screen and by sync --dead). */
static void
test_hostile_replies (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(AxwSyncStatus) st = { 0 };
  AxwSyncReport r;
  guint n = shop_sell (&f->db, 3, 18);
  gint64 t0;

  script (f, ANSWER_HUGE, -1);
  g_assert_false (axw_sync_push (f->db.db, &fast, &r, NULL, &error));
  g_assert_error (error, AXW_ERROR, AXW_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "KB"));
  g_assert_cmpint (count_outbox (f, "status = 'pending'"), ==, n);
  g_clear_error (&error);

  script (f, ANSWER_TRICKLE, -1);
  t0 = g_get_monotonic_time ();
  g_assert_false (axw_sync_push (f->db.db, &fast, &r, NULL, &error));   /* fast: 2 s for the whole request */
  g_assert_cmpint (g_get_monotonic_time () - t0, <, 6 * G_USEC_PER_SEC);
  g_assert_nonnull (strstr (error->message, "within 2 s"));
  g_assert_cmpint (count_outbox (f, "status = 'pending'"), ==, n);
  g_clear_error (&error);

  script (f, ANSWER_ESC, -1);
  g_assert_false (axw_sync_push (f->db.db, &fast, &r, NULL, &error));
  g_assert_true (axw_sync_get_status (f->db.db, &st, NULL));
  g_assert_nonnull (strstr (st.last_error, "owned database"));   /* the words stay, ESC and BEL go */
  for (const char *c = st.last_error; *c; c++)
    g_assert_true ((guchar) *c >= 0x20 && *c != 0x7f);
  g_assert_null (strstr (st.last_error, "\xc2\x9b"));
  push_until_done (f);
  assert_all_arrived (f);
}

int
main (int   argc,
      char *argv[])
{
  /* The server is on 127.0.0.1: a proxy from the environment must not
   * stand in between (nor in the CLI processes started here). */
  for (const char * const *v = (const char * const[]) { "http_proxy", "HTTP_PROXY", "https_proxy",
    "HTTPS_PROXY",
                                                         "all_proxy", "ALL_PROXY", NULL }; *v; v++)
    g_unsetenv (*v);
  g_test_init (&argc, &argv, NULL);
  TEST ("/sync/chaos", test_chaos);
  TEST ("/sync/backoff", test_backoff);
  TEST ("/sync/setup-refused", test_setup_refused);
  TEST ("/sync/killed", test_killed);
  TEST ("/sync/cli-dead-letters", test_cli_dead_letters);
  TEST ("/sync/retry-one", test_retry_one);
  TEST ("/sync/async", test_async);
  TEST ("/sync/agent", test_agent);
  TEST ("/sync/cancel", test_cancel);
  TEST ("/sync/protocol-stops", test_protocol_stops);
  TEST ("/sync/partial-ack", test_partial_ack);
  TEST ("/sync/hostile-replies", test_hostile_replies);
  g_test_add_func ("/sync/agent/new-destroy", test_agent_new_destroy);
  return g_test_run ();
}
