/* rexian-store-orders.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rexian-store-archive-private.h"
#include "rexian-store-private.h"

/* Orders supervised per transaction: small enough that a seat waiting to write is held
 * up for a fraction of a second at most. */
#define SUPERVISE_BATCH 500

static gint64
now_or_real (gint64 now)
{
  return now != 0 ? now : g_get_real_time () / G_USEC_PER_SEC;
}

/* Writing, always inside a transaction the caller opened */

char *
rexian_store_db_next_number (RexianStore *self,
                             sqlite3     *db,
                             gint64       created_at,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (created_at);
  g_autofree char *day = g_date_time_format (local, "%Y%m%d");
  gint64 seq;
  int rc;

  /* The counter row is updated inside the caller's BEGIN IMMEDIATE transaction, so two
   * seats can never draw the same sequence number. */
  stmt = rexian_store_prepare (self, db,
                               "INSERT INTO order_counters (day, seq) VALUES (?1, 1) "
                               "ON CONFLICT (day) DO UPDATE SET seq = seq + 1 RETURNING seq",
                               error);
  if (stmt == NULL)
    return NULL;

  rexian_store_bind_text (stmt, 1, day);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      rexian_store_set_sqlite_error (self, db, rc, error);
      return NULL;
    }

  seq = sqlite3_column_int64 (stmt, 0);
  if (!rexian_store_step_done (self, db, stmt, error))
    return NULL;

  return g_strdup_printf ("%s%04" G_GINT64_FORMAT, day, seq);
}

static gboolean
write_departments (RexianStore     *self,
                   sqlite3         *db,
                   RexianWorkOrder *order,
                   GError         **error)
{
  g_autoptr(sqlite3_stmt) remove = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  gint64 order_id = rexian_work_order_get_id (order);
  gint64 lead = rexian_work_order_get_lead_department_id (order);
  GArray *assists = rexian_work_order_get_assist_department_ids (order);

  remove = rexian_store_prepare (self, db,
                                 "DELETE FROM order_departments WHERE order_id = ?1", error);
  if (remove == NULL)
    return FALSE;

  sqlite3_bind_int64 (remove, 1, order_id);
  if (!rexian_store_step_done (self, db, remove, error))
    return FALSE;

  insert = rexian_store_prepare (self, db,
                                 "INSERT INTO order_departments (order_id, department_id, role) "
                                 "VALUES (?1, ?2, ?3) "
                                 "ON CONFLICT (order_id, department_id) DO NOTHING",
                                 error);
  if (insert == NULL)
    return FALSE;

  sqlite3_bind_int64 (insert, 1, order_id);

  if (lead != 0)
    {
      sqlite3_bind_int64 (insert, 2, lead);
      rexian_store_bind_text (insert, 3, "lead");
      if (!rexian_store_step_done (self, db, insert, error))
        return FALSE;
    }

  for (guint i = 0; assists != NULL && i < assists->len; i++)
    {
      gint64 id = g_array_index (assists, gint64, i);

      if (id == 0 || id == lead)
        continue;

      sqlite3_bind_int64 (insert, 2, id);
      rexian_store_bind_text (insert, 3, "assist");
      if (!rexian_store_step_done (self, db, insert, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_event (RexianStore  *self,
              sqlite3      *db,
              gint64        order_id,
              gint64        at,
              gint64        agent_id,
              RexianAction  action,
              int           from_state,
              int           to_state,
              const char   *reason,
              const char   *detail,
              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = rexian_store_prepare (self, db,
                               "INSERT INTO order_events (order_id, at, agent_id, action, "
                               "from_state, to_state, reason, detail) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, order_id);
  sqlite3_bind_int64 (stmt, 2, at);
  rexian_store_bind_id (stmt, 3, agent_id);
  rexian_store_bind_text (stmt, 4, rexian_action_to_string (action));
  rexian_store_bind_text (stmt, 5, from_state >= 0 ? rexian_state_to_string (from_state) : NULL);
  rexian_store_bind_text (stmt, 6, rexian_state_to_string (to_state));
  rexian_store_bind_text (stmt, 7, reason != NULL && reason[0] != '\0' ? reason : NULL);
  rexian_store_bind_text (stmt, 8, detail != NULL && detail[0] != '\0' ? detail : NULL);

  return rexian_store_step_done (self, db, stmt, error);
}

/* Writes every field of an existing order and bumps its version.  With @expected_version
 * above 0 the row is only written when its version is still that one. */
static gboolean
write_order (RexianStore     *self,
             sqlite3         *db,
             RexianWorkOrder *order,
             gint64           expected_version,
             gboolean        *out_written,
             GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = rexian_store_prepare (self, db,
                               "UPDATE work_orders SET (" REXIAN_STORE_ORDER_FIELDS ") = ("
                               REXIAN_STORE_ORDER_PLACEHOLDERS "), version = version + 1 "
                               "WHERE id = ?1 AND (?43 = 0 OR version = ?43)",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, rexian_work_order_get_id (order));
  rexian_store_bind_order (stmt, order);
  sqlite3_bind_int64 (stmt, 43, expected_version);

  if (!rexian_store_step_done (self, db, stmt, error))
    return FALSE;

  *out_written = sqlite3_changes (db) == 1;
  return TRUE;
}

static gboolean
has_open_orders_from (RexianStore *self,
                      sqlite3     *db,
                      const char  *phone,
                      gboolean    *out_found,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  *out_found = FALSE;
  if (phone == NULL || phone[0] == '\0')
    return TRUE;

  stmt = rexian_store_prepare (self, db,
                               "SELECT EXISTS (SELECT 1 FROM work_orders "
                               "WHERE caller_phone = ?1 AND state NOT IN ('closed', 'archived'))",
                               error);
  if (stmt == NULL)
    return FALSE;

  rexian_store_bind_text (stmt, 1, phone);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      rexian_store_set_sqlite_error (self, db, rc, error);
      return FALSE;
    }

  *out_found = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

RexianWorkOrder *
rexian_store_db_create_order (RexianStore     *self,
                              sqlite3         *db,
                              RexianWorkOrder *draft,
                              gint64           agent_id,
                              gint64           now,
                              GError         **error)
{
  g_autoptr(RexianWorkOrder) order = rexian_work_order_copy (draft);
  g_autoptr(RexianCalendar) calendar = rexian_store_dup_calendar (self);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *number = NULL;
  RexianDeadlineRules rules;
  gint64 created_at;
  gint64 deadline = 0;
  gint64 id;
  gboolean repeated = FALSE;

  now = now_or_real (now);
  created_at = rexian_work_order_get_created_at (order);
  if (created_at == 0)
    created_at = now;

  rexian_work_order_set_id (order, 0);
  rexian_work_order_set_state (order, REXIAN_STATE_INTAKE);
  rexian_work_order_set_created_at (order, created_at);
  rexian_work_order_set_updated_at (order, MAX (now, created_at));
  if (rexian_work_order_get_intake_agent_id (order) == 0)
    rexian_work_order_set_intake_agent_id (order, agent_id);

  if (!rexian_store_begin (self, db, error))
    return NULL;

  rexian_store_db_read_rules (db, &rules);

  /* A date past the holiday data must not cost the caller's request: the order is kept
   * without a dispatch deadline and the UI reports the calendar problem. */
  if (calendar != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (!rexian_calendar_deadline_after (calendar, created_at, rules.dispatch_days,
                                           &deadline, &local_error))
        {
          g_warning ("Saving the order without a dispatch deadline: %s",
                     local_error->message);
          deadline = 0;
        }
    }
  rexian_work_order_set_dispatch_deadline (order, deadline);

  number = rexian_store_db_next_number (self, db, created_at, error);
  if (number == NULL)
    goto failed;
  rexian_work_order_set_number (order, number);

  if (!has_open_orders_from (self, db, rexian_work_order_get_caller_phone (order), &repeated,
                             error))
    goto failed;
  if (repeated)
    rexian_work_order_set_repeated (order, TRUE);

  stmt = rexian_store_prepare (self, db,
                               "INSERT INTO work_orders (number, version, "
                               REXIAN_STORE_ORDER_FIELDS ") VALUES (?1, 1, "
                               REXIAN_STORE_ORDER_PLACEHOLDERS ")",
                               error);
  if (stmt == NULL)
    goto failed;

  rexian_store_bind_text (stmt, 1, number);
  rexian_store_bind_order (stmt, order);
  if (!rexian_store_step_done (self, db, stmt, error))
    goto failed;

  id = sqlite3_last_insert_rowid (db);
  rexian_work_order_set_id (order, id);

  if (!write_departments (self, db, order, error) ||
      !insert_event (self, db, id, created_at, agent_id, REXIAN_ACTION_CREATE, -1,
                     REXIAN_STATE_INTAKE, NULL, NULL, error))
    goto failed;

  if (!rexian_store_commit (self, db, error))
    return NULL;

  return rexian_store_db_get_order (self, db, id, error);

failed:
  rexian_store_rollback (db);
  return NULL;
}

/* The fields an edit may change; the lifecycle owns the rest (state, deadlines,
 * departments, counters, flags set by transitions). */
static const struct
{
  const char *property;
  const char *label;
} editable_fields[] = {
  { "channel", N_("channel") },
  { "kind", N_("kind of request") },
  { "category-id", N_("category") },
  { "caller-name", N_("caller’s name") },
  { "caller-title", N_("caller’s title") },
  { "caller-phone", N_("phone") },
  { "caller-address", N_("address") },
  { "confidential", N_("confidential") },
  { "emergency", N_("emergency") },
  { "event-time", N_("event time") },
  { "event-place", N_("place") },
  { "event-course", N_("course of events") },
  { "present-state", N_("present state") },
  { "request", N_("request") },
  { "summary", N_("summary") },
  { "transfer-opinion", N_("transfer opinion") },
  { "handler-name", N_("handler") },
  { "handler-phone", N_("handler’s phone") },
  { "handling-result", N_("handling result") },
  { "followup-note", N_("follow-up note") },
};

/* Copies the editable fields of @from into @to and lists the ones that differed. */
static char *
merge_edits (RexianWorkOrder *to,
             RexianWorkOrder *from)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (to);
  g_autoptr(GString) changed = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (editable_fields); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (klass, editable_fields[i].property);
      g_auto(GValue) old_value = G_VALUE_INIT;
      g_auto(GValue) new_value = G_VALUE_INIT;

      if (pspec == NULL)
        continue;

      g_value_init (&old_value, pspec->value_type);
      g_value_init (&new_value, pspec->value_type);
      g_object_get_property (G_OBJECT (to), pspec->name, &old_value);
      g_object_get_property (G_OBJECT (from), pspec->name, &new_value);

      if (g_param_values_cmp (pspec, &old_value, &new_value) == 0)
        continue;

      g_object_set_property (G_OBJECT (to), pspec->name, &new_value);
      if (changed->len > 0)
        g_string_append (changed, _(", "));
      g_string_append (changed, _(editable_fields[i].label));
    }

  if (changed->len == 0)
    return NULL;

  /* Translators: the list of the order's fields an edit changed. */
  return g_strdup_printf (_("Changed: %s"), changed->str);
}

static void
set_conflict_error (RexianWorkOrder *order,
                    GError         **error)
{
  g_set_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_CONFLICT,
               _("Work order %s was changed by someone else while you were editing it. "
                 "Reload it and make your changes again."),
               rexian_work_order_get_number (order));
}

RexianWorkOrder *
rexian_store_db_update_order (RexianStore     *self,
                              sqlite3         *db,
                              RexianWorkOrder *order,
                              gint64           agent_id,
                              const char      *reason,
                              gint64           now,
                              GError         **error)
{
  g_autoptr(RexianWorkOrder) stored = NULL;
  g_autofree char *detail = NULL;
  gint64 order_id = rexian_work_order_get_id (order);
  gboolean written = FALSE;

  now = now_or_real (now);

  if (!rexian_store_begin (self, db, error))
    return NULL;

  stored = rexian_store_db_get_order (self, db, order_id, error);
  if (stored == NULL)
    goto failed;

  /* The rule is the core's (archived orders are read-only), checked here too so that
   * no caller can go around it. */
  if (!rexian_lifecycle_can_apply (stored, REXIAN_ACTION_EDIT, error))
    goto failed;

  if (rexian_work_order_get_version (stored) != rexian_work_order_get_version (order))
    {
      set_conflict_error (order, error);
      goto failed;
    }

  detail = merge_edits (stored, order);
  rexian_work_order_set_updated_at (stored, now);

  if (!write_order (self, db, stored, rexian_work_order_get_version (order), &written, error))
    goto failed;

  if (!written)
    {
      set_conflict_error (order, error);
      goto failed;
    }

  if (!insert_event (self, db, order_id, now, agent_id, REXIAN_ACTION_EDIT,
                     rexian_work_order_get_state (stored), rexian_work_order_get_state (stored),
                     reason, detail, error))
    goto failed;

  if (!rexian_store_commit (self, db, error))
    return NULL;

  return rexian_store_db_get_order (self, db, order_id, error);

failed:
  rexian_store_rollback (db);
  return NULL;
}

static gboolean
lookup_int (RexianStore *self,
            sqlite3     *db,
            const char  *sql,
            gint64       id,
            const char  *text,
            gint64      *out_value,
            gboolean    *out_found,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  *out_found = FALSE;
  *out_value = 0;

  stmt = rexian_store_prepare (self, db, sql, error);
  if (stmt == NULL)
    return FALSE;

  if (text != NULL)
    rexian_store_bind_text (stmt, 1, text);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_found = TRUE;
      *out_value = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }

  if (rc != SQLITE_DONE)
    {
      rexian_store_set_sqlite_error (self, db, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* The actions whose new deadline the core computes with the calendar. */
static gboolean
action_needs_calendar (RexianWorkOrder *order,
                       RexianAction     action)
{
  switch ((int) action)
    {
    case REXIAN_ACTION_SUBMIT:
      return rexian_work_order_get_dispatch_deadline (order) == 0;
    case REXIAN_ACTION_DISPATCH:
    case REXIAN_ACTION_RETURN:
    case REXIAN_ACTION_REHANDLE:
    case REXIAN_ACTION_APPROVE_EXTENSION:
      return TRUE;
    default:
      return FALSE;
    }
}

static char *
department_name (RexianStore *self,
                 sqlite3     *db,
                 gint64       id,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = rexian_store_prepare (self, db, "SELECT name FROM departments WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup (rexian_store_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      rexian_store_set_sqlite_error (self, db, rc, error);
      return NULL;
    }

  g_set_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_NOT_FOUND,
               _("The department chosen no longer exists; choose another one."));
  return NULL;
}

/* "Lead: 市住房和城乡建设局; assisting: 市城市管理局; deadline 2026-11-30" */
static gboolean
describe_dispatch (RexianStore     *self,
                   sqlite3         *db,
                   RexianWorkOrder *order,
                   char           **out_detail,
                   GError         **error)
{
  g_autoptr(GString) assists = g_string_new (NULL);
  g_autofree char *lead = NULL;
  GArray *ids = rexian_work_order_get_assist_department_ids (order);
  GDate date;
  char day[16];

  lead = department_name (self, db, rexian_work_order_get_lead_department_id (order), error);
  if (lead == NULL)
    return FALSE;

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      g_autofree char *name = department_name (self, db, g_array_index (ids, gint64, i),
                                               error);

      if (name == NULL)
        return FALSE;
      if (assists->len > 0)
        g_string_append (assists, _(", "));
      g_string_append (assists, name);
    }

  rexian_date_from_unix (rexian_work_order_get_deadline (order), &date);
  g_date_strftime (day, sizeof day, "%Y-%m-%d", &date);

  if (assists->len > 0)
    /* Translators: the timeline line of a dispatch: lead department, assisting
     * departments and the handling deadline. */
    *out_detail = g_strdup_printf (_("Lead: %s; assisting: %s; deadline %s"),
                                   lead, assists->str, day);
  else
    *out_detail = g_strdup_printf (_("Lead: %s; deadline %s"), lead, day);

  return TRUE;
}

RexianWorkOrder *
rexian_store_db_apply (RexianStore                 *self,
                       sqlite3                     *db,
                       gint64                       order_id,
                       RexianAction                 action,
                       const RexianTransitionInput *input,
                       gint64                       agent_id,
                       gint64                       now,
                       GError                     **error)
{
  g_autoptr(RexianWorkOrder) order = NULL;
  g_autoptr(RexianWorkOrder) merge_target = NULL;
  g_autoptr(RexianCalendar) calendar = rexian_store_dup_calendar (self);
  g_autofree char *detail = NULL;
  g_autofree char *merge_number = NULL;
  RexianTransitionInput in = { 0 };
  RexianDeadlineRules rules;
  RexianState from_state;
  gint64 value;
  gboolean found;
  gboolean written = FALSE;
  gboolean nested = FALSE;

  now = now_or_real (now);

  /* A shallow copy: the store fills in what it knows (the category's figure, the merge
   * target's id) without touching the caller's input. */
  if (input != NULL)
    in = *input;

  if (!rexian_store_step_begin (self, db, &nested, error))
    return NULL;

  order = rexian_store_db_get_order (self, db, order_id, error);
  if (order == NULL)
    goto failed;

  if (rexian_work_order_get_category_id (order) != 0)
    {
      if (!lookup_int (self, db, "SELECT deadline_days FROM categories WHERE id = ?1",
                       rexian_work_order_get_category_id (order), NULL, &value, &found,
                       error))
        goto failed;
      in.category_days = found ? (int) value : 0;
    }

  if (action == REXIAN_ACTION_MERGE)
    {
      if (in.merge_into_id == 0 && in.merge_into_number != NULL &&
          in.merge_into_number[0] != '\0')
        {
          if (!lookup_int (self, db, "SELECT id FROM work_orders WHERE number = ?1", 0,
                           in.merge_into_number, &value, &found, error))
            goto failed;
          if (!found)
            {
              g_set_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_NOT_FOUND,
                           _("There is no work order numbered %s to merge into."),
                           in.merge_into_number);
              goto failed;
            }
          in.merge_into_id = value;
        }

      if (in.merge_into_id != 0)
        {
          merge_target = rexian_store_db_get_order (self, db, in.merge_into_id, NULL);
          if (merge_target == NULL)
            {
              g_set_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_NOT_FOUND,
                           _("The work order to merge into no longer exists."));
              goto failed;
            }
          if (!rexian_lifecycle_check_merge_target (order, merge_target, error))
            goto failed;
          merge_number = g_strdup (rexian_work_order_get_number (merge_target));
          in.merge_into_number = merge_number;
        }
    }

  rexian_store_db_read_rules (db, &rules);
  from_state = rexian_work_order_get_state (order);

  if (calendar == NULL && action_needs_calendar (order, action))
    {
      g_set_error_literal (error, REXIAN_LIFECYCLE_ERROR, REXIAN_LIFECYCLE_ERROR_CALENDAR,
                           _("No working-day calendar is loaded, so the deadline cannot be "
                             "worked out. Check the holiday data in Preferences."));
      goto failed;
    }

  if (!rexian_lifecycle_apply (order, action, &in, calendar, &rules, now, &detail, error))
    goto failed;

  /* The core names departments by id; the timeline shows their names. */
  if (action == REXIAN_ACTION_DISPATCH)
    {
      g_autofree char *names = NULL;

      if (!describe_dispatch (self, db, order, &names, error))
        goto failed;
      g_clear_pointer (&detail, g_free);
      detail = g_steal_pointer (&names);
    }

  rexian_work_order_set_updated_at (order, now);

  if (!write_order (self, db, order, 0, &written, error) ||
      !write_departments (self, db, order, error) ||
      !insert_event (self, db, order_id, now, agent_id, action, from_state,
                     rexian_work_order_get_state (order), in.reason, detail, error))
    goto failed;

  /* The catalogue entry is written with the transition, so an archived order is always
   * filed and a filed order always archived. */
  if (action == REXIAN_ACTION_ARCHIVE &&
      !_rexian_store_archive_write_entry (self, db, order, agent_id, now, error))
    goto failed;

  /* The earlier order learns of the request merged into it: it is now a repeated
   * request (多次反映), and its timeline says which order joined it. */
  if (merge_target != NULL)
    {
      g_autofree char *note = g_strdup_printf (_("Order %s was merged into this one"),
                                               rexian_work_order_get_number (order));
      RexianState target_state = rexian_work_order_get_state (merge_target);

      rexian_work_order_set_repeated (merge_target, TRUE);
      rexian_work_order_set_updated_at (merge_target, now);
      if (!write_order (self, db, merge_target, 0, &written, error) ||
          !insert_event (self, db, rexian_work_order_get_id (merge_target), now, agent_id,
                         REXIAN_ACTION_MERGE, target_state, target_state, in.reason, note,
                         error))
        goto failed;
    }

  if (!rexian_store_step_commit (self, db, nested, error))
    return NULL;

  return rexian_store_db_get_order (self, db, order_id, error);

failed:
  rexian_store_step_rollback (db, nested);
  return NULL;
}

gboolean
rexian_store_db_supervise_due (RexianStore *self,
                               sqlite3     *db,
                               gint64       now,
                               guint       *out_count,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  RexianDeadlineRules rules;
  gint64 last_id = 0;
  guint count = 0;
  int rc;

  now = now_or_real (now);
  *out_count = 0;

  /* A backlog (the first run on a large database, or a seat that was off for days) is
   * taken in batches, each its own short transaction, so other seats' writes never wait
   * for the whole of it.  The id cursor moves past candidates the core turns down. */
  for (;;)
    {
      guint batch_count = 0;

      g_array_set_size (ids, 0);
      g_clear_pointer (&select, sqlite3_finalize);

      if (!rexian_store_begin (self, db, error))
        return FALSE;
      rexian_store_db_read_rules (db, &rules);

      /* A cheap pre-selection in SQL; the core decides for each candidate. */
      select = rexian_store_prepare (self, db,
                                     "SELECT id FROM work_orders WHERE supervised = 0 "
                                     "AND state NOT IN ('closed', 'archived') "
                                     "AND (emergency = 1 OR due_at < ?1) AND id > ?2 "
                                     "ORDER BY id LIMIT ?3",
                                     error);
      if (select == NULL)
        goto failed;

      sqlite3_bind_int64 (select, 1, now);
      sqlite3_bind_int64 (select, 2, last_id);
      sqlite3_bind_int64 (select, 3, SUPERVISE_BATCH);
      while ((rc = sqlite3_step (select)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (select, 0);
          g_array_append_val (ids, id);
        }
      if (rc != SQLITE_DONE)
        {
          rexian_store_set_sqlite_error (self, db, rc, error);
          goto failed;
        }

      if (ids->len == 0)
        {
          if (!rexian_store_commit (self, db, error))
            return FALSE;
          break;
        }
      last_id = g_array_index (ids, gint64, ids->len - 1);

      /* Each candidate goes through the lifecycle like a manual supervision, so the
       * rule and the timeline's words live in one place.  The transaction is
       * serialised with every other seat's: one that committed first has already set
       * the flag, and the core then finds nothing due. */
      for (guint i = 0; i < ids->len; i++)
        {
          g_autoptr(RexianWorkOrder) order = NULL;
          g_autofree char *detail = NULL;
          RexianTransitionInput input = { 0 };
          RexianState state;
          gboolean written = FALSE;
          gint64 id = g_array_index (ids, gint64, i);

          order = rexian_store_db_get_order (self, db, id, error);
          if (order == NULL)
            goto failed;

          input.supervise_reason = rexian_lifecycle_supervision_due (order, now);
          if (input.supervise_reason == REXIAN_SUPERVISE_REASON_NONE)
            continue;

          state = rexian_work_order_get_state (order);
          if (!rexian_lifecycle_apply (order, REXIAN_ACTION_SUPERVISE, &input, NULL, &rules,
                                       now, &detail, NULL))
            continue;

          if (!write_order (self, db, order, rexian_work_order_get_version (order), &written,
                            error))
            goto failed;
          if (!written)
            continue;

          if (!insert_event (self, db, id, now, 0, REXIAN_ACTION_SUPERVISE, state, state,
                             NULL, detail, error))
            goto failed;

          batch_count++;
        }

      if (!rexian_store_commit (self, db, error))
        return FALSE;

      count += batch_count;
      *out_count = count;
    }

  *out_count = count;
  return TRUE;

failed:
  rexian_store_rollback (db);
  return FALSE;
}
