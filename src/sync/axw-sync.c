/* axw-sync.c
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row leaves "pending" only when the server confirmed it by UUID in
 * its answer ({"accepted": [...]}): a kill while a batch is on the wire
 * sends it again, and the server drops the duplicates by sale UUID. A
 * 4xx for a batch is narrowed down sale by sale, so only the sales the
 * server refuses go to the dead letters; an answer about the request
 * itself (a wrong token or address, a redirect, a 2xx that confirms
 * nothing) stops the run and marks nothing.
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <stdlib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "axw-audit.h"
#include "axw-bizdate.h"
#include "axw-error.h"
#include "axw-json.h"
#include "axw-sale-docs.h"
#include "axw-settings.h"
#include "axw-sync.h"

#define BACKOFF_MAX_S 3600
#define ERROR_TEXT_MAX 300
/* An answer confirms at most 100 UUIDs: a few KB. Anything much larger is
 * not an answer of the protocol and is not read to its end. */
#define REPLY_MAX_BYTES (256 * 1024)

typedef enum {
  PUSH_SENT,      /* 2xx with the sales confirmed (see Reply.accepted) */
  PUSH_RETRY,     /* 5xx, timeout, network: try again later */
  PUSH_REFUSED,   /* 4xx: the server will never take it as it is */
  PUSH_STOP,      /* the request itself is wrong (token, address, protocol): mark nothing */
} PushOutcome;

typedef struct {
  AxwDb                *db;
  const AxwSyncOptions *options;
  AxwSyncReport        *report;
  GCancellable         *cancellable;
  SoupSession          *session;
  char                 *endpoint;
  char                 *auth;
  char                 *shop;
  char                 *terminal;
  char                 *last_error;
} Push;

static void
push_clear (Push *p)
{
  g_clear_object (&p->session);
  g_free (p->endpoint);
  g_free (p->auth);
  g_free (p->shop);
  g_free (p->terminal);
  g_free (p->last_error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Push, push_clear)

/**
 * axw_secret_file_check:
 * @path: a file holding a secret (a token, PostgreSQL passwords)
 * @setting: the setting or variable that names it, for the message
 *
 * A secret must be readable by its owner only: a file others may read is
 * refused before it is used, so a leaked secret is noticed.
 */
gboolean
axw_secret_file_check (const char  *path,
                       const char  *setting,
                       GError     **error)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_NOT_FOUND,
                   _("The file %s cannot be read. Check %s."), path, setting);
      return FALSE;
    }
  if ((st.st_mode & 0077) != 0)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_PERMISSION,
                   _("The file %s (%s) can be read by other users (mode %04o). Run: chmod 600 %s"),
                   path, setting, (unsigned) (st.st_mode & 07777), path);
      return FALSE;
    }
  return TRUE;
}

/**
 * axw_sync_read_token:
 * @path: the file named by sync.token_file
 *
 * A secret must be readable by its owner only: a file others may read is
 * refused, so a leaked token is noticed before it is used.
 *
 * Returns: (transfer full): the token, or %NULL with @error
 */
char *
axw_sync_read_token (const char  *path,
                     GError     **error)
{
  g_autofree char *text = NULL;

  if (path == NULL || *path == '\0')
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("No token file is set. Put the online shop's token in a file only you can "
                     "read "
                     "(chmod 600) and run: aixinwu settings set sync.token_file FILE"));
      return NULL;
    }
  if (!axw_secret_file_check (path, "sync.token_file", error))
    return NULL;
  if (!g_file_get_contents (path, &text, NULL, error))
    return NULL;
  g_strstrip (text);
  if (*text == '\0' || strpbrk (text, "\r\n") != NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("The token file %s must hold the token on one line."), path);
      return NULL;
    }
  return g_steal_pointer (&text);
}

static gboolean
write_secret (int          fd,
              const char  *text,
              GError     **error)
{
  gsize len = strlen (text);

  while (len > 0)
    {
      gssize n = write (fd, text, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s",
                       g_strerror (saved));
          return FALSE;
        }
      text += n;
      len -= (gsize) n;
    }
  if (fsync (fd) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s", g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/**
 * axw_sync_write_token:
 * @path: the file named by sync.token_file
 * @token: the online shop's token, one line
 *
 * Writes @token to a new file created with mode 0600 next to @path, then
 * renames it over @path: the token is never readable by others, not even
 * for a moment, and a crash leaves the old token or the new one.
 */
gboolean
axw_sync_write_token (const char  *path,
                      const char  *token,
                      GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GError) local = NULL;
  gboolean ok;
  int fd;

  g_return_val_if_fail (path != NULL && token != NULL, FALSE);
  if (*path == '\0' || *token == '\0' || strpbrk (token, "\r\n\t ") != NULL ||
      !g_utf8_validate (token, -1, NULL))
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("The token is one line of letters and signs without spaces. Paste it again."));
      return FALSE;
    }
  dir = g_path_get_dirname (path);
  tmp = g_strconcat (path, ".XXXXXX", NULL);
  line = g_strconcat (token, "\n", NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      (fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600)) < 0)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_PERMISSION,
                   _("Could not write the token file %s: %s. Check the folder."), path,
                   g_strerror (errno));
      return FALSE;
    }
  ok = write_secret (fd, line, &local);
  ok = g_close (fd, ok ? &local : NULL) && ok;
  if (!ok || g_rename (tmp, path) != 0)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_PERMISSION,
                   _("Could not write the token file %s: %s"),
                   path, local ? local->message : g_strerror (errno));
      g_unlink (tmp);
      return FALSE;
    }
  return TRUE;
}

static gboolean
push_init (Push    *p,
           GError **error)
{
  g_autofree char *token_file = axw_settings_get (p->db, "sync.token_file");
  g_autofree char *token = NULL;

  p->endpoint = axw_settings_get (p->db, "sync.endpoint");
  if (p->endpoint == NULL || *p->endpoint == '\0')
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("The online shop's address is not set. Run: aixinwu settings set "
                     "sync.endpoint https://…"));
      return FALSE;
    }
  if (axw_settings_endpoint_problem (p->endpoint) != NULL)
    {
      g_set_error (error, AXW_ERROR, AXW_ERROR_INVALID,
                   _("The online shop's address “%s” cannot be used: %s. Nothing was sent."),
                   p->endpoint, axw_settings_endpoint_problem (p->endpoint));
      return FALSE;
    }
  token = axw_sync_read_token (token_file, error);
  if (token == NULL)
    return FALSE;
  p->auth = g_strdup_printf ("Bearer %s", token);
  p->shop = axw_settings_get (p->db, "shop.code");
  p->terminal = axw_settings_get (p->db, "terminal.code");
  p->session = soup_session_new_with_options ("timeout",
                                              p->options->timeout_s ? p->options->timeout_s : 30,
                                              "user-agent", "aixinwu/" AXW_VERSION, NULL);
  return TRUE;
}

static GBytes *
batch_body (Push          *p,
            const gint64  *ids,
            guint          n,
            GError       **error)
{
  g_autoptr(GString) out = g_string_new ("{\"shop\":");

  axw_json_append_string (out, p->shop);
  g_string_append (out, ",\"terminal\":");
  axw_json_append_string (out, p->terminal);
  g_string_append (out, ",\"sales\":[");
  if (!axw_sale_docs_append_ids (p->db, ids, n, out, error))
    return NULL;
  g_string_append (out, "]}");
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/* The server's words, short and printable, for the manager's list and a
 * terminal: no control character of the server's reaches either. */
static char *
server_message (SoupMessage *msg,
                GBytes      *body)
{
  gsize len = 0;
  const char *data = body ? g_bytes_get_data (body, &len) : NULL;
  g_autofree char *text = axw_text_printable (data ? data : "", (gssize) MIN (len, ERROR_TEXT_MAX));
  guint status = soup_message_get_status (msg);

  /* no reason phrase: libsoup's is English, and the code says it all */
  if (*text == '\0')
    return g_strdup_printf (_("HTTP %u from the online shop"), status);
  return g_strdup_printf (_("HTTP %u from the online shop: %s"), status, text);
}

/* The whole request, connecting included, within @seconds: libsoup's own
 * timeout is per read, and a server trickling a byte a second would hold
 * the push (and the GUI's sync) forever. A watchdog thread cancels it. */
typedef struct {
  GMutex        lock;
  GCond         cond;
  gboolean      done;
  gboolean      expired;
  guint         seconds;
  GCancellable *cancellable;
  GThread      *thread;
  GCancellable *parent;
  gulong        parent_id;
} Deadline;

static gpointer
deadline_thread (gpointer data)
{
  Deadline *d = data;
  gint64 end = g_get_monotonic_time () + (gint64) d->seconds * G_TIME_SPAN_SECOND;

  g_mutex_lock (&d->lock);
  while (!d->done)
    if (!g_cond_wait_until (&d->cond, &d->lock, end))
      {
        d->expired = TRUE;
        g_cancellable_cancel (d->cancellable);
        break;
      }
  g_mutex_unlock (&d->lock);
  return NULL;
}

static void
parent_cancelled_cb (GCancellable *parent,
                     gpointer      data)
{
  g_cancellable_cancel (data);
}

static void
deadline_start (Deadline     *d,
                guint         seconds,
                GCancellable *parent)
{
  g_mutex_init (&d->lock);
  g_cond_init (&d->cond);
  d->seconds = seconds;
  d->cancellable = g_cancellable_new ();
  d->parent = parent;
  if (parent != NULL)
    d->parent_id = g_cancellable_connect (parent, G_CALLBACK (parent_cancelled_cb), d->cancellable,
                                          NULL);
  d->thread = g_thread_new ("sync-deadline", deadline_thread, d);
}

static void
deadline_stop (Deadline *d)
{
  g_mutex_lock (&d->lock);
  d->done = TRUE;
  g_cond_signal (&d->cond);
  g_mutex_unlock (&d->lock);
  g_thread_join (d->thread);
  if (d->parent != NULL)
    g_cancellable_disconnect (d->parent, d->parent_id);
  g_clear_object (&d->cancellable);
  g_mutex_clear (&d->lock);
  g_cond_clear (&d->cond);
}

/* At most REPLY_MAX_BYTES of the answer; %NULL with @error past that. */
static GBytes *
read_reply (GInputStream  *in,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint8 buf[8192];
  gsize n;

  do
    {
      if (!g_input_stream_read_all (in, buf, sizeof buf, &n, cancellable, error))
        return NULL;
      g_byte_array_append (bytes, buf, (guint) n);
      if (bytes->len > REPLY_MAX_BYTES)
        {
          g_set_error (error, AXW_ERROR, AXW_ERROR_NETWORK,
                       _("The online shop's answer is larger than %d KB, which no answer of the "
                         "protocol is"),
                       REPLY_MAX_BYTES / 1024);
          return NULL;
        }
    }
  while (n == sizeof buf);
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/* The UUIDs the answer confirms, or %NULL when it confirms nothing in the
 * protocol's words ({"accepted": ["<uuid>", …]}). */
static GHashTable *
parse_accepted (GBytes *reply)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) accepted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gsize len;
  const char *data = g_bytes_get_data (reply, &len);
  JsonNode *root, *member;
  JsonArray *list;

  if (data == NULL || !axw_json_load_bounded (parser, data, len, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      (member = json_object_get_member (json_node_get_object (root), "accepted")) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (member))
    return NULL;
  list = json_node_get_array (member);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *item = json_array_get_element (list, i);

      if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
        g_hash_table_add (accepted, g_strdup (json_node_get_string (item)));
    }
  return g_steal_pointer (&accepted);
}

/* What the status says about the request itself, in words: a wrong token
 * or address, or a redirect, which no retry and no dead letter mends. */
static char *
stop_message (Push        *p,
              SoupMessage *msg,
              guint        status)
{
  g_autofree char *server = server_message (msg, NULL);

  if (SOUP_STATUS_IS_REDIRECTION (status))
    {
      const char *to = soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                     "Location");
      g_autofree char *where = axw_text_printable (to ? to : "?", -1);

      return g_strdup_printf (_("The online shop sends the sales elsewhere (%s, to %s). Nothing "
                                "was sent "
                                "there: set the online shop's address to the final one."), server,
                                where);
    }
  if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN)
    return g_strdup_printf (_("The online shop refused the token (%s). Nothing was marked; enter "
                              "the "
                              "shop's current token, then send again."), server);
  return g_strdup_printf (_("The online shop has no sales address at %s (%s). Nothing was marked; "
                            "check "
                            "the online shop's address."), p->endpoint, server);
}

/* Posts @body; on 2xx, @out_accepted gets the UUIDs the server confirmed. */
static PushOutcome
post (Push         *p,
      GBytes       *body,
      GHashTable  **out_accepted,
      char        **out_message)
{
  g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_POST, p->endpoint);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GBytes) reply = NULL;
  Deadline deadline = { 0 };
  guint status;

  if (msg == NULL)  /* push_init checked the address; never send to a half one */
    {
      *out_message = g_strdup_printf (_("The online shop's address “%s” is not valid."),
                                      p->endpoint);
      return PUSH_STOP;
    }
  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", p->auth);
  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  deadline_start (&deadline, p->options->timeout_s ? p->options->timeout_s : 30, p->cancellable);
  in = soup_session_send (p->session, msg, deadline.cancellable, &error);
  if (in != NULL)
    {
      reply = read_reply (in, deadline.cancellable, &error);
      g_input_stream_close (in, NULL, NULL);
    }
  deadline_stop (&deadline);
  if (reply == NULL)
    {
      if (deadline.expired)
        *out_message = g_strdup_printf (_("no complete answer within %u s"), deadline.seconds);
      else
        *out_message = axw_text_printable (error->message, -1);
      return PUSH_RETRY;
    }
  status = soup_message_get_status (msg);
  *out_message = server_message (msg, reply);
  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      *out_accepted = parse_accepted (reply);
      if (*out_accepted != NULL)
        return PUSH_SENT;
      g_free (*out_message);
      *out_message = g_strdup_printf (_("The online shop answered HTTP %u but confirmed no sale "
                                        "(its answer "
                                        "has no “accepted” list). Nothing was marked sent; the "
                                        "sales wait. "
                                        "Check that the server follows data/EXPORT.md."), status);
      return PUSH_STOP;
    }
  if (SOUP_STATUS_IS_REDIRECTION (status) || status == SOUP_STATUS_UNAUTHORIZED ||
      status == SOUP_STATUS_FORBIDDEN || status == SOUP_STATUS_NOT_FOUND ||
      status == SOUP_STATUS_METHOD_NOT_ALLOWED)
    {
      g_free (*out_message);
      *out_message = stop_message (p, msg, status);
      return PUSH_STOP;
    }
  /* 408 and 429 say "not now", not "never". */
  if (SOUP_STATUS_IS_CLIENT_ERROR (status) && status != SOUP_STATUS_REQUEST_TIMEOUT &&
      status != 429)
    return PUSH_REFUSED;
  return PUSH_RETRY;
}

static int
compare_ids (const void *a,
             const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static char *
utc_iso_in (gint64 seconds)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_seconds (now, (gdouble) seconds);

  return axw_time_to_utc_iso (then);
}

/* Exponential backoff with jitter: base × 2^attempts, capped, then a
 * random half to full of it, so terminals do not retry in step. */
static gint64
backoff_s (const AxwSyncOptions *options,
           gint64                attempts)
{
  gint64 base = options->backoff_base_s ? options->backoff_base_s : 30;
  gint64 delay = base << MIN (attempts, 20);

  delay = MIN (delay, BACKOFF_MAX_S);
  return MAX (1, delay / 2 + g_random_int_range (0, (gint32) (delay / 2 + 1)));
}

/* Outbox rows due for sending, by outbox order; sale ids ascend with it. */
typedef AxwOutboxBatch Batch;

/* Records the answer for b[from, from+n). A 2xx marks sent only the
 * sales in @accepted; the others wait for a retry. */
static gboolean
mark (Push          *p,
      const Batch   *b,
      guint          from,
      guint          n,
      PushOutcome    answer,
      GHashTable    *accepted,
      const char    *message,
      GError       **error)
{
  static const char *status[] = { [PUSH_SENT] = "sent", [PUSH_RETRY] = "pending",
    [PUSH_REFUSED] = "dead",
                                  [PUSH_STOP] = "pending" };
  g_autofree char *now = axw_now_utc_iso ();
  const char *unconfirmed = _("The online shop did not confirm this sale; it is sent again.");
  guint counts[PUSH_STOP + 1] = { 0 };
  g_autofree AxwOutboxMark *marks = g_new0 (AxwOutboxMark, n);
  g_autoptr(GPtrArray) nexts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = from; i < from + n; i++)
    {
      AxwOutboxMark *m = &marks[i - from];
      char *next = NULL;
      PushOutcome outcome = answer;
      const char *why = message;

      if (answer == PUSH_SENT && !g_hash_table_contains (accepted, b->uuid[i]))
        {
          outcome = PUSH_RETRY;
          why = unconfirmed;
        }
      if (outcome == PUSH_RETRY)
        g_ptr_array_add (nexts, next = utc_iso_in (backoff_s (p->options, b->attempts[i])));
      m->outbox_id = b->outbox_id[i];
      m->status = status[outcome];
      m->sent_at = outcome == PUSH_SENT ? now : NULL;
      m->last_error = outcome == PUSH_SENT ? NULL : why;
      m->next_attempt_at = next;
      counts[outcome]++;
    }
  if (!axw_outbox_mark (p->db, marks, n, error))
    return FALSE;
  p->report->sent += counts[PUSH_SENT];
  p->report->dead += counts[PUSH_REFUSED];
  p->report->retry += counts[PUSH_RETRY];
  if (counts[PUSH_RETRY] > 0)
    {
      g_free (p->last_error);
      p->last_error = g_strdup (answer == PUSH_RETRY ? message : unconfirmed);
    }
  return TRUE;
}

static gboolean
load_batch (Push     *p,
            Batch    *b,
            GError  **error)
{
  return axw_outbox_load_due (p->db, p->options->ignore_backoff, b, error);
}

/* Sends b[from, from+n) as one request and records the answer. */
static gboolean
send_range (Push         *p,
            const Batch  *b,
            guint         from,
            guint         n,
            PushOutcome  *out_outcome,
            GError      **error)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GHashTable) accepted = NULL;
  g_autofree char *message = NULL;
  g_autofree gint64 *ids = g_memdup2 (b->sale_id + from, n * sizeof (gint64));

  /* Sale ids in outbox order may not ascend (a refund queued late). */
  qsort (ids, n, sizeof (gint64), compare_ids);
  body = batch_body (p, ids, n, error);
  if (body == NULL)
    return FALSE;
  *out_outcome = post (p, body, &accepted, &message);
  if (g_cancellable_set_error_if_cancelled (p->cancellable, error))
    return FALSE;   /* the program is closing: the rows stay as they were */
  if (*out_outcome == PUSH_STOP)
    {
      g_set_error_literal (error, AXW_ERROR, AXW_ERROR_PERMISSION, message);
      return FALSE;   /* nothing is marked: the answer was about the request */
    }
  if (*out_outcome == PUSH_REFUSED && n > 1)
    return TRUE;   /* the caller narrows it down */
  if (!mark (p, b, from, n, *out_outcome, accepted, message, error))
    return FALSE;
  for (guint i = from; *out_outcome == PUSH_SENT && i < from + n; i++)
    if (!g_hash_table_contains (accepted, b->uuid[i]))
      *out_outcome = PUSH_RETRY;   /* some were not confirmed: they wait */
  return TRUE;
}

/* A refused batch, sale by sale: only what the server refuses alone is
 * dead. Stops at the first failure worth retrying. */
static gboolean
send_one_by_one (Push         *p,
                 const Batch  *b,
                 PushOutcome  *out_outcome,
                 GError      **error)
{
  for (guint i = 0; i < b->n; i++)
    {
      if (!send_range (p, b, i, 1, out_outcome, error))
        return FALSE;
      if (*out_outcome == PUSH_RETRY)
        return TRUE;
    }
  *out_outcome = PUSH_SENT;
  return TRUE;
}

/**
 * axw_sync_push:
 * @options: (nullable): timeouts and backoff; %NULL for the defaults
 * @report: (out caller-allocates): how many sales were sent, dead, retried
 *
 * Sends every due outbox row. Blocks on the network: the GUI calls
 * axw_sync_push_async() instead.
 *
 * Returns: %FALSE with @error when sync is not set up, the database
 *   fails, or the server could not take a batch now (%AXW_ERROR_NETWORK;
 *   those sales wait for their retry)
 */
gboolean
axw_sync_push (AxwDb                *db,
               const AxwSyncOptions *options,
               AxwSyncReport        *report,
               GCancellable         *cancellable,
               GError              **error)
{
  static const AxwSyncOptions defaults = { 0 };
  g_auto(Push) p = { .db = db, .options = options ? options : &defaults, .report = report,
                     .cancellable = cancellable };
  g_autofree Batch *b = g_new0 (Batch, 1);

  g_return_val_if_fail (AXW_IS_DB (db), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  memset (report, 0, sizeof *report);
  if (!push_init (&p, error))
    return FALSE;
  for (;;)
    {
      PushOutcome outcome;

      if (!load_batch (&p, b, error))
        return FALSE;
      if (b->n == 0)
        break;
      if (!send_range (&p, b, 0, b->n, &outcome, error))
        return FALSE;
      if (outcome == PUSH_REFUSED && b->n > 1 && !send_one_by_one (&p, b, &outcome, error))
        return FALSE;
      if (outcome == PUSH_RETRY)
        {
          gint64 waiting = axw_outbox_count_pending (db);

          g_set_error (error, AXW_ERROR, AXW_ERROR_NETWORK,
                       _("The online shop did not take the sales (%s). %lld sales wait "
                         "and are sent again later; the counter can go on selling."), p.last_error,
                       (long long) waiting);
          return FALSE;
        }
    }
  return TRUE;
}

typedef struct {
  AxwSyncOptions  options;
  AxwSyncReport   report;
} PushJob;

static gboolean
push_job (AxwDb         *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  PushJob *job = data;

  return axw_sync_push (db, &job->options, &job->report, cancellable, error);
}

/**
 * axw_sync_push_async:
 * @db_path: the database; the thread opens its own connection
 *
 * Runs axw_sync_push() in a worker thread: the counter never waits on the
 * network. Read the outcome with axw_sync_push_finish() and the counts
 * with axw_sync_get_status().
 */
void
axw_sync_push_async (const char           *db_path,
                     const AxwSyncOptions *options,
                     GCancellable         *cancellable,
                     GAsyncReadyCallback   callback,
                     gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  PushJob *job = g_new0 (PushJob, 1);

  if (options != NULL)
    job->options = *options;
  g_task_set_source_tag (task, axw_sync_push_async);
  g_task_set_task_data (task, job, g_free);
  axw_db_job_run (task, db_path, push_job);
}

gboolean
axw_sync_push_finish (GAsyncResult   *result,
                      AxwSyncReport  *report,
                      GError        **error)
{
  PushJob *job = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (report != NULL)
    *report = job->report;
  return TRUE;
}


