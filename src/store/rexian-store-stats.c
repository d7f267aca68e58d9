/* rexian-store-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rexian-store-stats-private.h"

/* A period's figures, and the lists behind them.
 *
 * Each rule of rexian-measures.c is written once here as an SQL condition, used both in
 * the order aggregates (sum of the condition) and in the drill-down (WHERE the
 * condition), so a figure and its list cannot disagree; the tests check both against
 * core on the same data.  Values never enter the SQL text: the period, the moment and
 * the 15 s are bound as :start, :end, :now and :service. */

/* Calls: only incoming ones, by the time they were offered.  The wait runs to the answer,
 * or to the end of a call never answered. */
#define CALL_IN_PERIOD \
  "c.offered_at >= :start AND c.offered_at < :end AND c.direction = 'incoming'"
#define CALL_WAIT \
  "max (CASE WHEN c.answered_at > 0 THEN c.answered_at ELSE c.ended_at END - c.offered_at, 0)"
#define CALL_FINISHED    "(c.answered_at > 0 OR c.ended_at > 0)"
#define CALL_ANSWERED    "(c.answered_at > 0)"
#define CALL_ABANDONED   \
  "(c.answered_at = 0 AND c.ended_at > 0 AND coalesce (c.outcome, '') <> 'transferred')"
#define CALL_PASSED_ON   "(c.answered_at = 0 AND c.ended_at > 0 AND c.outcome = 'transferred')"
#define CALL_WITHIN      "(" CALL_WAIT " <= :service)"

static const char *const call_filters[REXIAN_N_CALL_FILTERS] = {
  [REXIAN_CALL_FILTER_OFFERED]          = CALL_FINISHED,
  [REXIAN_CALL_FILTER_ANSWERED]         = CALL_ANSWERED,
  [REXIAN_CALL_FILTER_ABANDONED]        = CALL_ABANDONED,
  [REXIAN_CALL_FILTER_PASSED_ON]        = CALL_PASSED_ON,
  [REXIAN_CALL_FILTER_ANSWERED_WITHIN]  = CALL_ANSWERED " AND " CALL_WITHIN,
  [REXIAN_CALL_FILTER_ANSWERED_LATE]    = CALL_ANSWERED " AND NOT " CALL_WITHIN,
  [REXIAN_CALL_FILTER_ABANDONED_WITHIN] = CALL_ABANDONED " AND " CALL_WITHIN,
  [REXIAN_CALL_FILTER_ABANDONED_LATE]   = CALL_ABANDONED " AND NOT " CALL_WITHIN,
};

/* Orders: each figure by the date of its own event (see RexianOrderStats). */
#define ORDER_CREATED   "o.created_at >= :start AND o.created_at < :end"
#define ORDER_DISPATCH  \
  "o.dispatched_at >= :start AND o.dispatched_at < :end AND o.dispatch_deadline > 0"
#define ORDER_DUE \
  "o.deadline >= :start AND o.deadline < :end AND o.deadline < :now AND o.deadline > 0 " \
  "AND o.state NOT IN ('intake', 'pending-dispatch')"
#define ORDER_CLOSED \
  "o.closed_at >= :start AND o.closed_at < :end AND o.dispatched_at > 0 " \
  "AND o.state IN ('closed', 'archived')"
#define ORDER_OPEN \
  "o.state IN ('intake', 'pending-dispatch', 'in-progress', 'replied', 'follow-up')"

#define ORDER_KEPT        "(o.merged_into_id IS NULL)"
#define ORDER_MERGED      "(o.merged_into_id IS NOT NULL)"
#define ORDER_AT_INTAKE   "(" ORDER_KEPT " AND o.dispatched_at = 0 AND o.closed_at > 0)"
#define ORDER_TRANSFERRED "(" ORDER_KEPT " AND o.dispatched_at > 0)"
#define ORDER_RETURNED    "(" ORDER_TRANSFERRED " AND o.return_count > 0)"
#define ORDER_REHANDLED   "(" ORDER_TRANSFERRED " AND o.rehandle_count > 0)"
#define ORDER_ON_TIME     "(o.dispatched_at <= o.dispatch_deadline)"
#define ORDER_COMPLETED \
  "(o.state <> 'in-progress' AND o.replied_at > 0 AND o.replied_at <= o.deadline)"
#define VALID_VISIT(column) "(" column " IN ('satisfied', 'basically', 'dissatisfied'))"
#define SATISFIED(column)   "(" column " IN ('satisfied', 'basically'))"
#define ORDER_VISITED \
  "(" VALID_VISIT ("o.followup_process") " OR " VALID_VISIT ("o.followup_result") ")"

typedef struct
{
  const char *range;
  const char *condition;
} OrderFilter;

static const OrderFilter order_filters[REXIAN_N_ORDER_FILTERS] = {
  [REXIAN_ORDER_FILTER_ORDERS]               = { ORDER_CREATED, ORDER_KEPT },
  [REXIAN_ORDER_FILTER_MERGED]               = { ORDER_CREATED, ORDER_MERGED },
  [REXIAN_ORDER_FILTER_CLOSED_AT_INTAKE]     = { ORDER_CREATED, ORDER_AT_INTAKE },
  [REXIAN_ORDER_FILTER_TRANSFERRED]          = { ORDER_CREATED, ORDER_TRANSFERRED },
  [REXIAN_ORDER_FILTER_RETURNED]             = { ORDER_CREATED, ORDER_RETURNED },
  [REXIAN_ORDER_FILTER_REHANDLED]            = { ORDER_CREATED, ORDER_REHANDLED },
  [REXIAN_ORDER_FILTER_DISPATCHED]           = { ORDER_DISPATCH, "1" },
  [REXIAN_ORDER_FILTER_DISPATCHED_ON_TIME]   = { ORDER_DISPATCH, ORDER_ON_TIME },
  [REXIAN_ORDER_FILTER_DISPATCHED_LATE]      = { ORDER_DISPATCH, "NOT " ORDER_ON_TIME },
  [REXIAN_ORDER_FILTER_DUE]                  = { ORDER_DUE, "1" },
  [REXIAN_ORDER_FILTER_COMPLETED_ON_TIME]    = { ORDER_DUE, ORDER_COMPLETED },
  [REXIAN_ORDER_FILTER_COMPLETED_LATE]       = { ORDER_DUE, "NOT " ORDER_COMPLETED },
  [REXIAN_ORDER_FILTER_CLOSED]               = { ORDER_CLOSED, "1" },
  [REXIAN_ORDER_FILTER_VISITED]              = { ORDER_CLOSED, ORDER_VISITED },
  [REXIAN_ORDER_FILTER_NOT_VISITED]          = { ORDER_CLOSED, "NOT " ORDER_VISITED },
  [REXIAN_ORDER_FILTER_PROCESS_SATISFIED]    = { ORDER_CLOSED, SATISFIED ("o.followup_process") },
  [REXIAN_ORDER_FILTER_PROCESS_DISSATISFIED] = { ORDER_CLOSED,
                                                 "o.followup_process = 'dissatisfied'" },
  [REXIAN_ORDER_FILTER_RESULT_SATISFIED]     = { ORDER_CLOSED, SATISFIED ("o.followup_result") },
  [REXIAN_ORDER_FILTER_RESULT_DISSATISFIED]  = { ORDER_CLOSED,
                                                 "o.followup_result = 'dissatisfied'" },
  [REXIAN_ORDER_FILTER_OPEN_SUPERVISED]      = { ORDER_OPEN, "o.supervised = 1" },
  [REXIAN_ORDER_FILTER_OPEN_EMERGENCY]       = { ORDER_OPEN, "o.emergency = 1" },
};

/* The four aggregates of a period's orders, one per date column so each reads its own
 * index range.  The grouped forms put the group's key in column 0 (see group_keys). */
static const char order_created_sums[] =
  "sum " ORDER_KEPT ", sum " ORDER_MERGED ", sum " ORDER_AT_INTAKE ", sum " ORDER_TRANSFERRED
  ", sum " ORDER_RETURNED ", sum " ORDER_REHANDLED " FROM work_orders o WHERE " ORDER_CREATED;
static const char order_dispatch_sums[] =
  "count (*), sum " ORDER_ON_TIME " FROM work_orders o WHERE " ORDER_DISPATCH;
static const char order_due_sums[] =
  "count (*), sum " ORDER_COMPLETED " FROM work_orders o WHERE " ORDER_DUE;
static const char order_closed_sums[] =
  "count (*), sum " ORDER_VISITED ", "
  "sum (o.followup_process = 'satisfied'), sum (o.followup_process = 'basically'), "
  "sum " VALID_VISIT ("o.followup_process") ", "
  "sum (o.followup_result = 'satisfied'), sum (o.followup_result = 'basically'), "
  "sum " VALID_VISIT ("o.followup_result") " FROM work_orders o WHERE " ORDER_CLOSED;

/* An aggregate always has a row; this is said only if SQLite ever disagrees. */
static const char no_row[] = N_("The statistics could not be read from the database.");

void
_rexian_store_stats_bind_period (sqlite3_stmt       *stmt,
                                 const RexianPeriod *period,
                                 gint64              now)
{
  /* A name the statement does not use has index 0, which binds nothing. */
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":start"), period->start);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":end"), period->end);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":now"), now);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":service"),
                      REXIAN_SERVICE_SECONDS);
}

gboolean
_rexian_store_stats_db_begin_read (RexianStore  *self,
                                   sqlite3      *db,
                                   GError      **error)
{
  int rc = sqlite3_exec (db, "BEGIN DEFERRED", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      rexian_store_set_sqlite_error (self, db, rc, error);
      return FALSE;
    }

  return TRUE;
}

void
_rexian_store_stats_db_end_read (sqlite3 *db)
{
  /* Nothing was written, so ending it either way is the same. */
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
}

/* Calls */

/* The calls of a period are counted by core's own rexian_call_stats_add(), row by row
 * from the covering index calls_stats: measured on a million calls, the same figures as
 * sums of SQL conditions (the wait, its buckets, the 15 s line) took 3.5 s of CPU and
 * this 0.4 s.  The rules are then core's by construction; the drill-down's conditions
 * above are checked against them by the tests. */
static gboolean
scan_calls (RexianStore         *self,
            sqlite3             *db,
            const RexianPeriod  *period,
            RexianCallStats     *stats,
            GArray              *hours,
            GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = rexian_store_prepare (self, db,
                               "SELECT c.offered_at, c.answered_at, c.ended_at, c.outcome "
                               "FROM calls c WHERE " CALL_IN_PERIOD,
                               error);
  if (stmt == NULL)
    return FALSE;

  _rexian_store_stats_bind_period (stmt, period, 0);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RexianCallFacts facts = { REXIAN_CALL_RECORD_INCOMING, 0, };
      RexianCallOutcome outcome;

      facts.offered_at = sqlite3_column_int64 (stmt, 0);
      facts.answered_at = sqlite3_column_int64 (stmt, 1);
      facts.ended_at = sqlite3_column_int64 (stmt, 2);
      facts.outcome = -1;
      if (rexian_call_outcome_from_string (rexian_store_column_text (stmt, 3), &outcome))
        facts.outcome = outcome;

      if (stats != NULL)
        rexian_call_stats_add (stats, &facts);
      if (hours != NULL)
        rexian_hour_counts_add (hours, period, &facts);
    }

  if (rc != SQLITE_DONE)
    {
      rexian_store_set_sqlite_error (self, db, rc, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
_rexian_store_stats_db_calls (RexianStore         *self,
                              sqlite3             *db,
                              const RexianPeriod  *period,
                              RexianCallStats     *out_stats,
                              GError             **error)
{
  memset (out_stats, 0, sizeof *out_stats);

  return scan_calls (self, db, period, out_stats, NULL, error);
}

GArray *
_rexian_store_stats_db_calls_per_hour (RexianStore         *self,
                                       sqlite3             *db,
                                       const RexianPeriod  *period,
                                       GError             **error)
{
  g_autoptr(GArray) counts = rexian_hour_counts_new (period);

  if (!scan_calls (self, db, period, NULL, counts, error))
    return NULL;

  return g_steal_pointer (&counts);
}

/* Orders */

/* Reads one aggregate row into @stats, from @column on. */
typedef void (*ReadSums) (sqlite3_stmt     *stmt,
                          int               column,
                          RexianOrderStats *stats);

static void
read_created_sums (sqlite3_stmt     *stmt,
                   int               column,
                   RexianOrderStats *stats)
{
  stats->orders += sqlite3_column_int64 (stmt, column++);
  stats->merged += sqlite3_column_int64 (stmt, column++);
  stats->closed_at_intake += sqlite3_column_int64 (stmt, column++);
  stats->transferred += sqlite3_column_int64 (stmt, column++);
  stats->returned += sqlite3_column_int64 (stmt, column++);
  stats->rehandled += sqlite3_column_int64 (stmt, column++);
}

static void
read_dispatch_sums (sqlite3_stmt     *stmt,
                    int               column,
                    RexianOrderStats *stats)
{
  stats->dispatched += sqlite3_column_int64 (stmt, column++);
  stats->dispatched_on_time += sqlite3_column_int64 (stmt, column++);
}

static void
read_due_sums (sqlite3_stmt     *stmt,
               int               column,
               RexianOrderStats *stats)
{
  stats->due += sqlite3_column_int64 (stmt, column++);
  stats->completed_on_time += sqlite3_column_int64 (stmt, column++);
}

static void
read_closed_sums (sqlite3_stmt     *stmt,
                  int               column,
                  RexianOrderStats *stats)
{
  stats->closed += sqlite3_column_int64 (stmt, column++);
  stats->visited += sqlite3_column_int64 (stmt, column++);
  stats->process_satisfied += sqlite3_column_int64 (stmt, column++);
  stats->process_basically += sqlite3_column_int64 (stmt, column++);
  stats->process_valid += sqlite3_column_int64 (stmt, column++);
  stats->result_satisfied += sqlite3_column_int64 (stmt, column++);
  stats->result_basically += sqlite3_column_int64 (stmt, column++);
  stats->result_valid += sqlite3_column_int64 (stmt, column++);
}

static const struct
{
  const char *sums;
  ReadSums    read;
} order_aggregates[] = {
  { order_created_sums, read_created_sums },
  { order_dispatch_sums, read_dispatch_sums },
  { order_due_sums, read_due_sums },
  { order_closed_sums, read_closed_sums },
};

/* The key column of each grouping; channels and kinds are stored as their identifiers. */
static const char *const group_keys[REXIAN_N_STATS_GROUPS] = {
  [REXIAN_STATS_GROUP_DEPARTMENT] = "coalesce (o.lead_department_id, 0)",
  [REXIAN_STATS_GROUP_CATEGORY]   = "coalesce (o.category_id, 0)",
  [REXIAN_STATS_GROUP_CHANNEL]    = "o.channel",
  [REXIAN_STATS_GROUP_KIND]       = "o.kind",
};

gboolean
_rexian_store_stats_db_orders (RexianStore         *self,
                               sqlite3             *db,
                               const RexianPeriod  *period,
                               gint64               now,
                               RexianOrderStats    *out_stats,
                               GError             **error)
{
  memset (out_stats, 0, sizeof *out_stats);

  for (guint i = 0; i < G_N_ELEMENTS (order_aggregates); i++)
    {
      g_autofree char *sql = g_strconcat ("SELECT ", order_aggregates[i].sums, NULL);
      g_autoptr(sqlite3_stmt) stmt = rexian_store_prepare (self, db, sql, error);

      if (stmt == NULL)
        return FALSE;

      _rexian_store_stats_bind_period (stmt, period, now);
      if (!rexian_store_step_row (self, db, stmt, _(no_row), error))
        return FALSE;

      order_aggregates[i].read (stmt, 0, out_stats);
    }

  return TRUE;
}

static gint64
read_group_key (sqlite3_stmt     *stmt,
                RexianStatsGroup  group)
{
  /* The keys come first, in the order of RexianStatsGroup. */
  const char *text = rexian_store_column_text (stmt, group);
  RexianChannel channel = 0;
  RexianRequestKind kind = 0;

  switch (group)
    {
    case REXIAN_STATS_GROUP_CHANNEL:
      return rexian_channel_from_string (text, &channel) ? (gint64) channel : -1;
    case REXIAN_STATS_GROUP_KIND:
      return rexian_request_kind_from_string (text, &kind) ? (gint64) kind : -1;
    case REXIAN_STATS_GROUP_DEPARTMENT:
    case REXIAN_STATS_GROUP_CATEGORY:
    default:
      return sqlite3_column_int64 (stmt, group);
    }
}

/* Names the groups: departments and categories from their tables, channels and kinds
 * with their translated labels. */
static gboolean
label_groups (RexianStore       *self,
              sqlite3           *db,
              RexianStatsGroup   group,
              GPtrArray         *groups,
              GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (group == REXIAN_STATS_GROUP_DEPARTMENT || group == REXIAN_STATS_GROUP_CATEGORY)
    {
      stmt = rexian_store_prepare (self, db,
                                   group == REXIAN_STATS_GROUP_DEPARTMENT
                                   ? "SELECT name FROM departments WHERE id = ?1"
                                   : "SELECT name FROM categories WHERE id = ?1",
                                   error);
      if (stmt == NULL)
        return FALSE;
    }

  for (guint i = 0; i < groups->len; i++)
    {
      RexianOrderGroup *row = g_ptr_array_index (groups, i);

      if (group == REXIAN_STATS_GROUP_CHANNEL)
        row->label = g_strdup (rexian_channel_get_label (row->key));
      else if (group == REXIAN_STATS_GROUP_KIND)
        row->label = g_strdup (rexian_request_kind_get_label (row->key));
      else if (row->key == 0)
        row->label = g_strdup (group == REXIAN_STATS_GROUP_DEPARTMENT ? _("Not dispatched")
                                                                      : _("No category"));
      else
        {
          int rc;

          sqlite3_bind_int64 (stmt, 1, row->key);
          rc = sqlite3_step (stmt);
          if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            {
              rexian_store_set_sqlite_error (self, db, rc, error);
              return FALSE;
            }
          row->label = g_strdup (rc == SQLITE_ROW ? rexian_store_column_text (stmt, 0) : "");
          sqlite3_reset (stmt);
        }
    }

  return TRUE;
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const RexianOrderGroup *ga = *(RexianOrderGroup **) a;
  const RexianOrderGroup *gb = *(RexianOrderGroup **) b;

  return (ga->key > gb->key) - (ga->key < gb->key);
}

/* Adds one row of sums to its group in every breakdown. */
static void
add_to_breakdowns (sqlite3_stmt *stmt,
                   ReadSums      read,
                   GPtrArray   **breakdowns,
                   GHashTable  **by_key)
{
  for (guint group = 0; group < REXIAN_N_STATS_GROUPS; group++)
    {
      gint64 key = read_group_key (stmt, group);
      RexianOrderGroup *row;

      if (key < 0)
        continue;

      row = g_hash_table_lookup (by_key[group], &key);
      if (row == NULL)
        {
          row = g_new0 (RexianOrderGroup, 1);
          row->key = key;
          g_ptr_array_add (breakdowns[group], row);
          g_hash_table_insert (by_key[group], &row->key, row);
        }

      read (stmt, REXIAN_N_STATS_GROUPS, &row->stats);
    }
}

gboolean
_rexian_store_stats_db_orders_breakdowns (RexianStore         *self,
                                          sqlite3             *db,
                                          const RexianPeriod  *period,
                                          gint64               now,
                                          GPtrArray          **out_breakdowns,
                                          GError             **error)
{
  GPtrArray *breakdowns[REXIAN_N_STATS_GROUPS];
  GHashTable *by_key[REXIAN_N_STATS_GROUPS];
  gboolean ok = TRUE;

  for (guint group = 0; group < REXIAN_N_STATS_GROUPS; group++)
    {
      breakdowns[group] = g_ptr_array_new_with_free_func (rexian_order_group_free);
      by_key[group] = g_hash_table_new (g_int64_hash, g_int64_equal);
    }

  /* One query per aggregate groups by every key at once, and the breakdowns are folded
   * from its rows: a quarter of the sorting four GROUP BYs would do. */
  for (guint i = 0; ok && i < G_N_ELEMENTS (order_aggregates); i++)
    {
      g_autofree char *sql = g_strconcat ("SELECT ", group_keys[0], ", ", group_keys[1], ", ",
                                          group_keys[2], ", ", group_keys[3], ", ",
                                          order_aggregates[i].sums, " GROUP BY 1, 2, 3, 4",
                                          NULL);
      g_autoptr(sqlite3_stmt) stmt = rexian_store_prepare (self, db, sql, error);
      int rc;

      if (stmt == NULL)
        {
          ok = FALSE;
          break;
        }

      _rexian_store_stats_bind_period (stmt, period, now);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        add_to_breakdowns (stmt, order_aggregates[i].read, breakdowns, by_key);

      if (rc != SQLITE_DONE)
        {
          rexian_store_set_sqlite_error (self, db, rc, error);
          ok = FALSE;
        }
    }

  for (guint group = 0; group < REXIAN_N_STATS_GROUPS; group++)
    {
      g_ptr_array_sort (breakdowns[group], compare_groups);
      ok = ok && label_groups (self, db, group, breakdowns[group], error);
      g_hash_table_unref (by_key[group]);
      if (ok)
        out_breakdowns[group] = breakdowns[group];
      else
        g_ptr_array_unref (breakdowns[group]);
    }

  return ok;
}

GPtrArray *
_rexian_store_stats_db_orders_grouped (RexianStore         *self,
                                       sqlite3             *db,
                                       const RexianPeriod  *period,
                                       gint64               now,
                                       RexianStatsGroup     group,
                                       GError             **error)
{
  GPtrArray *breakdowns[REXIAN_N_STATS_GROUPS];

  g_return_val_if_fail ((guint) group < REXIAN_N_STATS_GROUPS, NULL);

  if (!_rexian_store_stats_db_orders_breakdowns (self, db, period, now, breakdowns, error))
    return NULL;

  for (guint i = 0; i < REXIAN_N_STATS_GROUPS; i++)
    if (i != group)
      g_ptr_array_unref (breakdowns[i]);

  return breakdowns[group];
}

gboolean
_rexian_store_stats_db_orders_by_state (RexianStore        *self,
                                        sqlite3            *db,
                                        const RexianPeriod *period,
                                        gint64             *out_counts,
                                        GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  memset (out_counts, 0, sizeof (gint64) * REXIAN_N_STATES);

  stmt = rexian_store_prepare (self, db,
                               "SELECT o.state, count (*) FROM work_orders o "
                               "WHERE " ORDER_CREATED " GROUP BY 1",
                               error);
  if (stmt == NULL)
    return FALSE;

  _rexian_store_stats_bind_period (stmt, period, 0);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RexianState state;

      if (rexian_state_from_string (rexian_store_column_text (stmt, 0), &state))
        out_counts[state] = sqlite3_column_int64 (stmt, 1);
    }

  if (rc != SQLITE_DONE)
    {
      rexian_store_set_sqlite_error (self, db, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* Drill-down */

static GArray *
collect_ids (RexianStore   *self,
             sqlite3       *db,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      rexian_store_set_sqlite_error (self, db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

GArray *
_rexian_store_stats_db_list_calls (RexianStore         *self,
                                   sqlite3             *db,
                                   const RexianPeriod  *period,
                                   RexianCallFilter     filter,
                                   guint                limit,
                                   GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail ((guint) filter < REXIAN_N_CALL_FILTERS, NULL);

  sql = g_strconcat ("SELECT c.id FROM calls c WHERE ", CALL_IN_PERIOD, " AND ",
                     call_filters[filter], " ORDER BY c.offered_at DESC, c.id DESC LIMIT :limit",
                     NULL);
  stmt = rexian_store_prepare (self, db, sql, error);
  if (stmt == NULL)
    return NULL;

  _rexian_store_stats_bind_period (stmt, period, 0);
  /* A negative LIMIT is no limit in SQLite. */
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":limit"),
                      limit > 0 ? (gint64) limit : -1);

  return collect_ids (self, db, stmt, error);
}

GArray *
_rexian_store_stats_db_list_orders (RexianStore         *self,
                                    sqlite3             *db,
                                    const RexianPeriod  *period,
                                    gint64               now,
                                    RexianOrderFilter    filter,
                                    gint64               department_id,
                                    guint                limit,
                                    GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail ((guint) filter < REXIAN_N_ORDER_FILTERS, NULL);

  sql = g_strconcat ("SELECT o.id FROM work_orders o WHERE ", order_filters[filter].range,
                     " AND ", order_filters[filter].condition,
                     " AND (:department = 0 OR o.lead_department_id = :department) "
                     "ORDER BY o.id DESC LIMIT :limit",
                     NULL);
  stmt = rexian_store_prepare (self, db, sql, error);
  if (stmt == NULL)
    return NULL;

  _rexian_store_stats_bind_period (stmt, period, now);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":department"), department_id);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":limit"),
                      limit > 0 ? (gint64) limit : -1);

  return collect_ids (self, db, stmt, error);
}

/* The sync API on the main connection */

gboolean
rexian_store_stats_calls (RexianStore         *self,
                          const RexianPeriod  *period,
                          RexianCallStats     *out_stats,
                          GError             **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);
  g_return_val_if_fail (period != NULL && out_stats != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _rexian_store_stats_db_calls (self, rexian_store_get_db (self), period, out_stats,
                                       error);
}

GArray *
rexian_store_stats_calls_per_hour (RexianStore         *self,
                                   const RexianPeriod  *period,
                                   GError             **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _rexian_store_stats_db_calls_per_hour (self, rexian_store_get_db (self), period,
                                                error);
}

gboolean
rexian_store_stats_orders (RexianStore         *self,
                           const RexianPeriod  *period,
                           gint64               now,
                           RexianOrderStats    *out_stats,
                           GError             **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);
  g_return_val_if_fail (period != NULL && out_stats != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _rexian_store_stats_db_orders (self, rexian_store_get_db (self), period, now,
                                        out_stats, error);
}

GPtrArray *
rexian_store_stats_orders_grouped (RexianStore         *self,
                                   const RexianPeriod  *period,
                                   gint64               now,
                                   RexianStatsGroup     group,
                                   GError             **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _rexian_store_stats_db_orders_grouped (self, rexian_store_get_db (self), period, now,
                                                group, error);
}

GArray *
rexian_store_stats_list_calls (RexianStore         *self,
                               const RexianPeriod  *period,
                               RexianCallFilter     filter,
                               guint                limit,
                               GError             **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _rexian_store_stats_db_list_calls (self, rexian_store_get_db (self), period, filter,
                                            limit, error);
}

GArray *
rexian_store_stats_list_orders (RexianStore         *self,
                                const RexianPeriod  *period,
                                gint64               now,
                                RexianOrderFilter    filter,
                                gint64               department_id,
                                guint                limit,
                                GError             **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _rexian_store_stats_db_list_orders (self, rexian_store_get_db (self), period, now,
                                             filter, department_id, limit, error);
}

void
rexian_order_group_free (gpointer group)
{
  RexianOrderGroup *self = group;

  if (self == NULL)
    return;

  g_free (self->label);
  g_free (self);
}
