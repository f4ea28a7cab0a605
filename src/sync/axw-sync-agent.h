/* axw-sync-agent.h
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keeps the online shop in step from the GUI: pushes the outbox in a
 * worker thread now and then and after each sale, and holds the status
 * (pending, dead, last success, last error) as properties for the sale
 * screen's indicator and the manager screen. The GTK thread never waits.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AXW_TYPE_SYNC_AGENT (axw_sync_agent_get_type ())

G_DECLARE_FINAL_TYPE (AxwSyncAgent, axw_sync_agent, AXW, SYNC_AGENT, GObject)

AxwSyncAgent *axw_sync_agent_new              (const char   *db_path);
void          axw_sync_agent_start            (AxwSyncAgent *self,
                                               guint         interval_s);
void          axw_sync_agent_stop             (AxwSyncAgent *self);
void          axw_sync_agent_kick             (AxwSyncAgent *self);
gboolean      axw_sync_agent_get_busy         (AxwSyncAgent *self);
gint64        axw_sync_agent_get_pending      (AxwSyncAgent *self);
gint64        axw_sync_agent_get_dead         (AxwSyncAgent *self);
const char   *axw_sync_agent_get_last_success (AxwSyncAgent *self);
const char   *axw_sync_agent_get_last_error   (AxwSyncAgent *self);

G_END_DECLS
