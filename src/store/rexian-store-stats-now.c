/* rexian-store-stats-now.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rexian-store-stats-private.h"

/* The "now" figures of the supervisor view and the wall display, and the early-warning
 * clusters.  Each query reads a handful of rows through an index: the partial index of
 * calls not yet ended, the running-deadline index, the open orders' flags. */

static gpointer
waiting_call_from_row (sqlite3_stmt *stmt)
{
  RexianWaitingCall *call = g_new0 (RexianWaitingCall, 1);

  call->id = sqlite3_column_int64 (stmt, 0);
  call->call_id = g_strdup (rexian_store_column_text (stmt, 1));
  call->remote_number = g_strdup (rexian_store_column_text (stmt, 2));
  call->offered_at = sqlite3_column_int64 (stmt, 3);
  call->wait = MAX (sqlite3_column_int64 (stmt, 4), 0);

  return call;
}

static gboolean
read_waiting (RexianStore     *self,
              sqlite3         *db,
              RexianStatsNow  *out,
              GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* "ended_at = 0" lets SQLite use the partial index calls_open. */
  stmt = rexian_store_prepare (self, db,
                               "SELECT c.id, c.call_id, c.remote_number, c.offered_at, "
                               "  :now - c.offered_at FROM calls c "
                               "WHERE c.ended_at = 0 AND c.answered_at = 0 "
                               "  AND c.direction = 'incoming' AND c.offered_at > :stale "
                               "ORDER BY c.offered_at, c.id",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":now"), out->at);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":stale"),
                      out->at - REXIAN_STATS_MAX_RING_SECONDS);

  out->waiting = rexian_store_collect_rows (self, stmt, waiting_call_from_row,
                                            rexian_waiting_call_free, error);
  if (out->waiting == NULL)
    return FALSE;

  if (out->waiting->len > 0)
    out->longest_wait = ((RexianWaitingCall *) g_ptr_array_index (out->waiting, 0))->wait;

  return TRUE;
}

static gpointer
agent_now_from_row (sqlite3_stmt *stmt)
{
  RexianAgentNow *agent = g_new0 (RexianAgentNow, 1);

  agent->agent_id = sqlite3_column_int64 (stmt, 0);
  agent->agent_no = g_strdup (rexian_store_column_text (stmt, 1));
  agent->name = g_strdup (rexian_store_column_text (stmt, 2));
  /* An agent whose status was never set reads as logged out, as in the call store. */
  agent->status = REXIAN_AGENT_LOGGED_OUT;
  rexian_agent_status_from_string (rexian_store_column_text (stmt, 3), &agent->status);
  agent->reason = g_strdup (rexian_store_column_text (stmt, 4));
  agent->since = sqlite3_column_int64 (stmt, 5);
  agent->seconds_in_status = agent->since > 0 ? MAX (sqlite3_column_int64 (stmt, 6), 0) : 0;
  agent->call_id = sqlite3_column_int64 (stmt, 7);
  agent->call_number = g_strdup (rexian_store_column_text (stmt, 8));
  agent->call_started_at = sqlite3_column_int64 (stmt, 9);

  return agent;
}

static gboolean
read_agents (RexianStore     *self,
             sqlite3         *db,
             RexianStatsNow  *out,
             GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* The current call is the agent's newest call not yet ended: answered, or dialled by
   * them and still ringing at the other end. */
  stmt = rexian_store_prepare (self, db,
                               "SELECT g.id, g.agent_no, g.name, s.status, s.reason, s.since, "
                               "  :now - s.since, c.id, c.remote_number, "
                               "  CASE WHEN c.answered_at > 0 THEN c.answered_at "
                               "    ELSE c.offered_at END "
                               "FROM agents g "
                               "LEFT JOIN agent_status s ON s.agent_id = g.id "
                               "LEFT JOIN calls c ON c.id = ("
                               "  SELECT x.id FROM calls x WHERE x.agent_id = g.id "
                               "    AND x.ended_at = 0 AND x.offered_at > :stale "
                               "    AND (x.answered_at > 0 OR x.direction = 'outgoing') "
                               "  ORDER BY x.offered_at DESC LIMIT 1) "
                               "WHERE g.role <> 'department' ORDER BY g.agent_no",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":now"), out->at);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":stale"),
                      out->at - REXIAN_STATS_MAX_CALL_SECONDS);

  out->agents = rexian_store_collect_rows (self, stmt, agent_now_from_row,
                                           rexian_agent_now_free, error);
  if (out->agents == NULL)
    return FALSE;

  for (guint i = 0; i < out->agents->len; i++)
    out->agents_by_status[((RexianAgentNow *) g_ptr_array_index (out->agents, i))->status]++;

  return TRUE;
}

static gboolean
read_counts (RexianStore     *self,
             sqlite3         *db,
             RexianStatsNow  *out,
             GError         **error)
{
  g_autoptr(sqlite3_stmt) callbacks = NULL;
  g_autoptr(sqlite3_stmt) flags = NULL;
  const char *no_row = _("The statistics could not be read from the database.");

  callbacks = rexian_store_prepare (self, db,
                                    "SELECT count (*), coalesce (min (offered_at), 0) "
                                    "FROM callbacks WHERE status = 'pending'",
                                    error);
  if (callbacks == NULL || !rexian_store_step_row (self, db, callbacks, no_row, error))
    return FALSE;

  out->callbacks_pending = sqlite3_column_int (callbacks, 0);
  out->oldest_callback_at = sqlite3_column_int64 (callbacks, 1);

  flags = rexian_store_prepare (self, db,
                                "SELECT coalesce (sum (supervised), 0), "
                                "  coalesce (sum (emergency), 0) FROM work_orders "
                                "WHERE state IN ('intake', 'pending-dispatch', 'in-progress', "
                                "  'replied', 'follow-up')",
                                error);
  if (flags == NULL || !rexian_store_step_row (self, db, flags, no_row, error))
    return FALSE;

  out->orders_supervised = sqlite3_column_int (flags, 0);
  out->orders_emergency = sqlite3_column_int (flags, 1);

  return TRUE;
}

/* Yellow and red with the very cut-offs the board's colour filters use, so the counts
 * match what the board shows. */
static gboolean
read_colours (RexianStore     *self,
              sqlite3         *db,
              RexianStatsNow  *out,
              GError         **error)
{
  g_autoptr(RexianCalendar) calendar = rexian_store_dup_calendar (self);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  RexianDeadlineRules rules;
  gint64 red_before;
  gint64 yellow_before;

  rexian_store_db_read_rules (db, &rules);

  /* Past the holiday data no colour can be told; the other figures still can. */
  if (calendar == NULL ||
      !rexian_deadline_get_cutoffs (calendar, &rules, out->at, &red_before, &yellow_before,
                                    NULL))
    return TRUE;

  stmt = rexian_store_prepare (self, db,
                               "SELECT coalesce (sum (due_at < :red), 0), "
                               "  coalesce (sum (due_at >= :red), 0) "
                               "FROM work_orders WHERE due_at < :yellow",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":red"), red_before);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":yellow"), yellow_before);
  if (!rexian_store_step_row (self, db, stmt,
                              _("The statistics could not be read from the database."),
                              error))
    return FALSE;

  out->orders_red = sqlite3_column_int (stmt, 0);
  out->orders_yellow = sqlite3_column_int (stmt, 1);
  out->colours_known = TRUE;

  return TRUE;
}

RexianStatsNow *
_rexian_store_stats_db_now (RexianStore  *self,
                            sqlite3      *db,
                            gint64        now,
                            GError      **error)
{
  g_autoptr(RexianStatsNow) out = g_new0 (RexianStatsNow, 1);
  gboolean ok;

  /* The caller holds a read transaction (_rexian_store_stats_db_begin_read()), so every
   * figure describes the same moment of the database. */
  out->at = now;

  ok = read_waiting (self, db, out, error) &&
       read_agents (self, db, out, error) &&
       read_counts (self, db, out, error) &&
       read_colours (self, db, out, error);

  return ok ? g_steal_pointer (&out) : NULL;
}

RexianStatsNow *
rexian_store_stats_now (RexianStore  *self,
                        gint64        now,
                        GError      **error)
{
  RexianStatsNow *out;
  sqlite3 *db;

  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = rexian_store_get_db (self);
  if (!_rexian_store_stats_db_begin_read (self, db, error))
    return NULL;

  out = _rexian_store_stats_db_now (self, db, now, error);
  _rexian_store_stats_db_end_read (db);

  return out;
}

/* Early warning */

typedef struct
{
  gint64  id;
  gint64  category_id;
  char   *category_name;
  char   *area;
  char   *subject;
  gint64  created_at;
} WindowOrder;

static void
window_order_free (gpointer data)
{
  WindowOrder *order = data;

  g_free (order->category_name);
  g_free (order->area);
  g_free (order->subject);
  g_free (order);
}

/* The request an order is about: its summary without the area, which the place clusters
 * already group by. */
static char *
subject_of (const char *summary,
            const char *area)
{
  g_autoptr(GString) subject = g_string_new (summary != NULL ? summary : "");

  if (area != NULL && area[0] != '\0')
    g_string_replace (subject, area, "", 0);

  return g_strstrip (g_string_free (g_steal_pointer (&subject), FALSE));
}

static gpointer
window_order_from_row (sqlite3_stmt *stmt)
{
  WindowOrder *order = g_new0 (WindowOrder, 1);

  order->id = sqlite3_column_int64 (stmt, 0);
  order->category_id = sqlite3_column_int64 (stmt, 1);
  order->category_name = g_strdup (rexian_store_column_text (stmt, 2));
  order->area = rexian_place_get_area (rexian_store_column_text (stmt, 3));
  order->subject = subject_of (rexian_store_column_text (stmt, 4), order->area);
  order->created_at = sqlite3_column_int64 (stmt, 5);

  return order;
}

static RexianWarningCluster *
cluster_new (RexianWarningKind kind)
{
  RexianWarningCluster *cluster = g_new0 (RexianWarningCluster, 1);

  cluster->kind = kind;
  cluster->order_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  return cluster;
}

static void
cluster_add (RexianWarningCluster *cluster,
             gint64                id,
             gint64                created_at)
{
  g_array_append_val (cluster->order_ids, id);
  cluster->first_at = cluster->first_at == 0 ? created_at : MIN (cluster->first_at, created_at);
  cluster->last_at = MAX (cluster->last_at, created_at);
}

static void
find_place_clusters (GPtrArray *orders,
                     guint      threshold,
                     GPtrArray *out)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < orders->len; i++)
    {
      WindowOrder *order = g_ptr_array_index (orders, i);
      RexianWarningCluster *cluster;
      char *key;

      if (order->area[0] == '\0')
        continue;

      key = g_strdup_printf ("%" G_GINT64_FORMAT "\n%s", order->category_id, order->area);
      cluster = g_hash_table_lookup (groups, key);
      if (cluster == NULL)
        {
          cluster = cluster_new (REXIAN_WARNING_SAME_PLACE);
          cluster->category_id = order->category_id;
          cluster->category_name = g_strdup (order->category_name);
          cluster->area = g_strdup (order->area);
          g_hash_table_insert (groups, key, cluster);
        }
      else
        g_free (key);

      cluster_add (cluster, order->id, order->created_at);
    }

  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      RexianWarningCluster *cluster = value;

      if (cluster->order_ids->len >= threshold)
        g_ptr_array_add (out, cluster);
      else
        rexian_warning_cluster_free (cluster);
    }
}

typedef struct
{
  const char *subject;
  guint       count;
} Probe;

static int
compare_probes (gconstpointer a,
                gconstpointer b)
{
  const Probe *pa = a;
  const Probe *pb = b;

  if (pa->count != pb->count)
    return pa->count > pb->count ? -1 : 1;
  return g_strcmp0 (pa->subject, pb->subject);
}

/* One FTS5 phrase, quotes doubled, limited to the request's own text columns. */
static char *
fts_phrase (const char *text)
{
  g_autoptr(GString) match = g_string_new ("{summary request event_course} : \"");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (match, '"');
      g_string_append_c (match, *p);
    }
  g_string_append_c (match, '"');

  return g_string_free (g_steal_pointer (&match), FALSE);
}

static gboolean
find_text_clusters (RexianStore         *self,
                    sqlite3             *db,
                    const RexianPeriod  *period,
                    GPtrArray           *orders,
                    guint                threshold,
                    GPtrArray           *out,
                    GError             **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) probes = g_array_new (FALSE, FALSE, sizeof (Probe));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  for (guint i = 0; i < orders->len; i++)
    {
      WindowOrder *order = g_ptr_array_index (orders, i);

      /* Trigrams need three characters. */
      if (g_utf8_strlen (order->subject, -1) < 3)
        continue;

      value = g_hash_table_lookup (counts, order->subject);
      g_hash_table_insert (counts, order->subject, GUINT_TO_POINTER (GPOINTER_TO_UINT (value) + 1));
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Probe probe = { key, GPOINTER_TO_UINT (value) };

      g_array_append_val (probes, probe);
    }
  g_array_sort (probes, compare_probes);

  stmt = rexian_store_prepare (self, db,
                               "SELECT o.id, o.created_at FROM order_search s "
                               "JOIN work_orders o ON o.id = s.rowid "
                               "WHERE order_search MATCH :match AND o.created_at >= :start "
                               "  AND o.created_at < :end AND o.merged_into_id IS NULL "
                               "ORDER BY o.created_at, o.id",
                               error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < MIN (probes->len, REXIAN_STATS_MAX_TEXT_PROBES); i++)
    {
      const Probe *probe = &g_array_index (probes, Probe, i);
      g_autofree char *match = fts_phrase (probe->subject);
      g_autoptr(GString) signature = g_string_new (NULL);
      RexianWarningCluster *cluster = cluster_new (REXIAN_WARNING_SIMILAR_TEXT);
      int rc;

      cluster->text = g_strdup (probe->subject);
      _rexian_store_stats_bind_period (stmt, period, 0);
      rexian_store_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":match"), match);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          cluster_add (cluster, id, sqlite3_column_int64 (stmt, 1));
          g_string_append_printf (signature, "%" G_GINT64_FORMAT ",", id);
        }
      sqlite3_reset (stmt);

      if (rc != SQLITE_DONE)
        {
          rexian_warning_cluster_free (cluster);
          rexian_store_set_sqlite_error (self, db, rc, error);
          return FALSE;
        }

      /* Two requests found in the very same orders are one cluster, named by the more
       * frequent request (probes come most frequent first). */
      if (cluster->order_ids->len < threshold || g_hash_table_contains (seen, signature->str))
        {
          rexian_warning_cluster_free (cluster);
          continue;
        }

      g_hash_table_add (seen, g_string_free (g_steal_pointer (&signature), FALSE));
      g_ptr_array_add (out, cluster);
    }

  return TRUE;
}

static int
compare_clusters (gconstpointer a,
                  gconstpointer b)
{
  const RexianWarningCluster *ca = *(RexianWarningCluster **) a;
  const RexianWarningCluster *cb = *(RexianWarningCluster **) b;

  if (ca->order_ids->len != cb->order_ids->len)
    return ca->order_ids->len > cb->order_ids->len ? -1 : 1;
  if (ca->kind != cb->kind)
    return ca->kind < cb->kind ? -1 : 1;
  return (ca->first_at > cb->first_at) - (ca->first_at < cb->first_at);
}

GPtrArray *
_rexian_store_stats_db_find_clusters (RexianStore         *self,
                                      sqlite3             *db,
                                      const RexianPeriod  *period,
                                      guint                threshold,
                                      GError             **error)
{
  g_autoptr(GPtrArray) clusters = g_ptr_array_new_with_free_func (rexian_warning_cluster_free);
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  threshold = MAX (threshold, 2);

  /* A merged order is the same request as the order it joined: counted there. */
  stmt = rexian_store_prepare (self, db,
                               "SELECT o.id, coalesce (o.category_id, 0), c.name, "
                               "  coalesce (nullif (o.event_place, ''), o.caller_address), "
                               "  o.summary, o.created_at "
                               "FROM work_orders o LEFT JOIN categories c ON c.id = o.category_id "
                               "WHERE o.created_at >= :start AND o.created_at < :end "
                               "  AND o.merged_into_id IS NULL "
                               "ORDER BY o.created_at, o.id",
                               error);
  if (stmt == NULL)
    return NULL;

  _rexian_store_stats_bind_period (stmt, period, 0);
  orders = rexian_store_collect_rows (self, stmt, window_order_from_row, window_order_free,
                                      error);
  if (orders == NULL)
    return NULL;

  find_place_clusters (orders, threshold, clusters);
  if (!find_text_clusters (self, db, period, orders, threshold, clusters, error))
    return NULL;

  g_ptr_array_sort (clusters, compare_clusters);
  return g_steal_pointer (&clusters);
}

GPtrArray *
rexian_store_stats_find_clusters (RexianStore         *self,
                                  const RexianPeriod  *period,
                                  guint                threshold,
                                  GError             **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _rexian_store_stats_db_find_clusters (self, rexian_store_get_db (self), period,
                                               threshold, error);
}

/* Freeing */

void
rexian_waiting_call_free (gpointer call)
{
  RexianWaitingCall *self = call;

  if (self == NULL)
    return;

  g_free (self->call_id);
  g_free (self->remote_number);
  g_free (self);
}

void
rexian_agent_now_free (gpointer agent)
{
  RexianAgentNow *self = agent;

  if (self == NULL)
    return;

  g_free (self->agent_no);
  g_free (self->name);
  g_free (self->reason);
  g_free (self->call_number);
  g_free (self);
}

void
rexian_stats_now_free (RexianStatsNow *now)
{
  if (now == NULL)
    return;

  g_clear_pointer (&now->waiting, g_ptr_array_unref);
  g_clear_pointer (&now->agents, g_ptr_array_unref);
  g_free (now);
}

void
rexian_warning_cluster_free (gpointer cluster)
{
  RexianWarningCluster *self = cluster;

  if (self == NULL)
    return;

  g_free (self->category_name);
  g_free (self->area);
  g_free (self->text);
  g_clear_pointer (&self->order_ids, g_array_unref);
  g_free (self);
}
