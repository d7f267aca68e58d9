/* rexian-store-generated-calls.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rexian-store-private.h"
#include "rexian-store-stats.h"

/* Generated calls for benchmarks: a year of a city hotline's incoming calls. */

/* The share of a day's calls in each hour, from the shape published 12345 centres
 * report: quiet at night, a morning peak at 9–11 and an afternoon one at 14–16. */
static const guint hour_weights[24] = {
  4, 3, 2, 2, 2, 3, 8, 20, 45, 70, 72, 60, 40, 45, 62, 65, 58, 45, 30, 25, 20, 15, 10, 6,
};

typedef struct
{
  gint64 offered_at;
  gint64 answered_at;
  gint64 ended_at;
  gboolean abandoned;
} GeneratedCall;

static int
compare_calls (gconstpointer a,
               gconstpointer b)
{
  const GeneratedCall *ca = a;
  const GeneratedCall *cb = b;

  return (ca->offered_at > cb->offered_at) - (ca->offered_at < cb->offered_at);
}

static guint
pick_hour (GRand *rand)
{
  guint total = 0;
  guint pick;

  for (guint i = 0; i < G_N_ELEMENTS (hour_weights); i++)
    total += hour_weights[i];

  pick = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < G_N_ELEMENTS (hour_weights); i++)
    {
      if (pick < hour_weights[i])
        return i;
      pick -= hour_weights[i];
    }

  return 23;
}

/* One day's calls, in the order they came. */
static void
generate_day (GArray *calls,
              gint64  day_start,
              guint   count,
              gint64  now,
              GRand  *rand)
{
  g_array_set_size (calls, 0);

  for (guint i = 0; i < count; i++)
    {
      GeneratedCall call = { 0, };

      call.offered_at = day_start + pick_hour (rand) * 3600 + g_rand_int_range (rand, 0, 3600);
      /* About 5 % give up, mostly after a long wait; the others wait a few seconds and
       * sometimes much longer at the peaks. */
      call.abandoned = g_rand_int_range (rand, 0, 100) < 5;
      if (call.abandoned)
        call.ended_at = call.offered_at + g_rand_int_range (rand, 3, 120);
      else
        {
          gint64 wait = g_rand_int_range (rand, 0, 100) < 85 ? g_rand_int_range (rand, 1, 16)
                                                             : g_rand_int_range (rand, 16, 90);

          call.answered_at = call.offered_at + wait;
          call.ended_at = call.answered_at + g_rand_int_range (rand, 40, 600);
        }

      /* Nothing from the future. */
      if (call.offered_at < now - 600)
        g_array_append_val (calls, call);
    }

  g_array_sort (calls, compare_calls);
}

/* Missed calls offered after @pending_after are still waiting for their call-back. */
static gboolean
insert_calls (RexianStore  *self,
              sqlite3      *db,
              GArray       *calls,
              GArray       *agents,
              const char   *id_format,
              guint        *inout_serial,
              gint64        pending_after,
              GRand        *rand,
              GError      **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) callback = NULL;

  if (!rexian_store_begin (self, db, error))
    return FALSE;

  insert = rexian_store_prepare (self, db,
                                 "INSERT INTO calls (call_id, direction, remote_number, "
                                 "  agent_id, offered_at, answered_at, ended_at, outcome) "
                                 "VALUES (?1, 'incoming', ?2, ?3, ?4, ?5, ?6, ?7)",
                                 error);
  callback = insert == NULL ? NULL :
    rexian_store_prepare (self, db,
                          "INSERT INTO callbacks (call_id, remote_number, status, attempts, "
                          "  handled_at, offered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                          error);
  if (callback == NULL)
    goto failed;

  for (guint i = 0; i < calls->len; i++)
    {
      const GeneratedCall *call = &g_array_index (calls, GeneratedCall, i);
      g_autofree char *call_id = g_strdup_printf (id_format, (*inout_serial)++);
      g_autofree char *number = g_strdup_printf ("13%d%08d", g_rand_int_range (rand, 0, 10),
                                                 g_rand_int_range (rand, 0, 400000));
      gint64 agent = g_array_index (agents, gint64, g_rand_int_range (rand, 0, agents->len));
      gboolean recent = call->offered_at > pending_after;

      rexian_store_bind_text (insert, 1, call_id);
      rexian_store_bind_text (insert, 2, number);
      rexian_store_bind_id (insert, 3, call->abandoned ? 0 : agent);
      sqlite3_bind_int64 (insert, 4, call->offered_at);
      sqlite3_bind_int64 (insert, 5, call->answered_at);
      sqlite3_bind_int64 (insert, 6, call->ended_at);
      rexian_store_bind_text (insert, 7, call->abandoned ? "abandoned" : "caller-hung-up");
      if (!rexian_store_step_done (self, db, insert, error))
        goto failed;

      if (!call->abandoned)
        continue;

      /* Every missed call is called back, but for the most recent ones. */
      sqlite3_bind_int64 (callback, 1, sqlite3_last_insert_rowid (db));
      rexian_store_bind_text (callback, 2, number);
      rexian_store_bind_text (callback, 3, recent ? "pending" : "called-back");
      sqlite3_bind_int (callback, 4, recent ? 0 : 1);
      sqlite3_bind_int64 (callback, 5, recent ? 0 : call->ended_at + 1800);
      sqlite3_bind_int64 (callback, 6, call->offered_at);
      if (!rexian_store_step_done (self, db, callback, error))
        goto failed;
    }

  return rexian_store_commit (self, db, error);

failed:
  rexian_store_rollback (db);
  return FALSE;
}

/* @n calls spread over the @days days before the day of @now (and that day too when
 * @with_today), each day's calls in time order in one transaction. */
static gboolean
fill_days (RexianStore  *self,
           guint         n,
           guint         days,
           gboolean      with_today,
           gint64        now,
           const char   *id_format,
           gint64        pending_after,
           GError      **error)
{
  g_autoptr(GArray) departments = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) categories = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) agents = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (GeneratedCall));
  g_autoptr(GRand) rand = g_rand_new_with_seed (12345);
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) local = NULL;
  guint serial = 0;
  sqlite3 *db;

  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);

  db = rexian_store_get_db (self);
  if (now == 0)
    now = g_get_real_time () / G_USEC_PER_SEC;

  if (!rexian_store_begin (self, db, error))
    return FALSE;
  if (!rexian_store_db_ensure_reference_data (self, db, departments, categories, agents,
                                              error))
    {
      rexian_store_rollback (db);
      return FALSE;
    }
  if (!rexian_store_commit (self, db, error))
    return FALSE;

  local = g_date_time_new_from_unix_local (now);
  today = g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                                 g_date_time_get_day_of_month (local), 0, 0, 0);

  /* Day by day, so the rows arrive in time order as real calls do. */
  for (int day = days; day >= (with_today ? 0 : 1); day--)
    {
      g_autoptr(GDateTime) start = g_date_time_add_days (today, -day);
      guint n_days = days + (with_today ? 1 : 0);
      guint count = n / n_days + ((guint) day < n % n_days ? 1 : 0);

      generate_day (calls, g_date_time_to_unix (start), count, now, rand);
      if (!insert_calls (self, db, calls, agents, id_format, &serial, pending_after, rand,
                         error))
        return FALSE;
    }

  rexian_store_emit_changed (self);
  return TRUE;
}

gboolean
rexian_store_fill_generated_calls (RexianStore  *self,
                                   guint         n,
                                   gint64        now,
                                   GError      **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);

  if (now == 0)
    now = g_get_real_time () / G_USEC_PER_SEC;

  /* A year up to now; the last day's missed calls still to be called back. */
  return fill_days (self, n, 365, TRUE, now, "gen-%u@bench.rexian", now - 86400, error);
}

gboolean
rexian_store_fill_sample_calls (RexianStore  *self,
                                gint64        now,
                                GError      **error)
{
  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);

  if (now == 0)
    now = g_get_real_time () / G_USEC_PER_SEC;

  /* A month of a small hotline's calls before today, every missed one called back: the
   * supervisor view and the reports have a history to show, and today starts clean. */
  return fill_days (self, 30 * 120, 30, FALSE, now, "sample-%u@rexian", G_MAXINT64, error);
}
