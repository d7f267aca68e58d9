/* rexian-store-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "rexian-order-query.h"
#include "rexian-store.h"

G_BEGIN_DECLS

/* The store's instance, shared by its source files (rexian-store.c: opening, watching
 * and the worker connection; rexian-store-calendar.c: the shared calendar). */
struct _RexianStore
{
  GObject         parent_instance;

  char           *path;
  sqlite3        *db;
  int             schema_version;
  gboolean        read_only;
  int             busy_timeout_ms;

  /* Change watching: the main context "changed" is emitted on, the thread that owns
   * it, and the last PRAGMA data_version seen on the main connection. */
  GMainContext   *context;
  GThread        *owner_thread;
  GSource        *poll_source;
  guint           poll_interval;
  sqlite3_stmt   *data_version_stmt;
  gint64          data_version;

  /* The shared holiday data the calendar was made from, to notice another seat's import. */
  char           *shared_holidays;
  /* The calendar is read by the worker thread while the UI may replace it. */
  GMutex          calendar_lock;
  RexianCalendar *calendar;

  /* The worker's own connection, opened on first use; the lock lets one async call at
   * a time use it. */
  GMutex          worker_lock;
  sqlite3        *worker_db;
};


/* The value of the generated column work_orders.due_at when no deadline runs, so that
 * "ORDER BY due_at" puts such orders last and an index can serve the ordering. */
#define REXIAN_STORE_NO_DUE G_GINT64_CONSTANT (9223372036854775807)

/* The default for busy_timeout: how long a write waits for another seat's transaction. */
#define REXIAN_STORE_DEFAULT_BUSY_TIMEOUT_MS 5000

/* The columns of work_orders a write sets, in the order rexian_store_bind_order() binds
 * them, and the matching placeholders starting at ?2 (?1 is the id or the number). */
#define REXIAN_STORE_ORDER_FIELDS \
  "state, channel, kind, category_id, caller_name, caller_title, caller_phone, " \
  "caller_address, confidential, emergency, repeated, event_time, event_place, " \
  "event_course, present_state, request, summary, intake_agent_id, created_at, " \
  "updated_at, dispatch_deadline, transfer_opinion, lead_department_id, dispatched_at, " \
  "deadline, handler_name, handler_phone, handling_result, replied_at, followup_process, " \
  "followup_result, followup_note, supervised, rehandle_count, return_count, " \
  "return_pending, extension_count, extension_requested_days, merged_into_id, closed_at, " \
  "archived_at"
#define REXIAN_STORE_ORDER_PLACEHOLDERS \
  "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, " \
  "?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, " \
  "?37, ?38, ?39, ?40, ?41, ?42"

/* The select list and joins that rexian_store_order_from_row() reads, aliasing the
 * table as "o". */
extern const char rexian_store_order_select[];

/* Connections. */
sqlite3         *rexian_store_get_db                (RexianStore         *self);
RexianCalendar  *rexian_store_dup_calendar          (RexianStore         *self);
/* The async calls' connection, opened on first use; one caller at a time holds it.
 * Returns NULL with @error set when it cannot be opened, the lock held all the same. */
sqlite3         *rexian_store_lock_worker_db        (RexianStore         *self,
                                                     GError             **error);
void             rexian_store_unlock_worker_db      (RexianStore         *self);
/* Emits "changed" on the store's main context, now when called there. */
void             rexian_store_emit_changed          (RexianStore         *self);
/* rexian-store-calendar.c: takes up the holiday data kept in the database when it
 * differs from what is in use; returns whether shared data is in use. */
gboolean         rexian_store_load_shared_calendar  (RexianStore         *self);

/* Errors: a GError a user understands for a SQLite result code. */
void             rexian_store_set_sqlite_error      (RexianStore         *self,
                                                     sqlite3             *db,
                                                     int                  rc,
                                                     GError             **error);
void             rexian_store_set_sqlite_error_for_path (const char      *path,
                                                         sqlite3         *db,
                                                         int              rc,
                                                         GError         **error);

/* Transactions: BEGIN IMMEDIATE, retried while another seat writes. */
gboolean         rexian_store_begin                 (RexianStore         *self,
                                                     sqlite3             *db,
                                                     GError             **error);
gboolean         rexian_store_commit                (RexianStore         *self,
                                                     sqlite3             *db,
                                                     GError             **error);
void             rexian_store_rollback              (sqlite3             *db);
/* One step's transaction.  On its own a step opens BEGIN IMMEDIATE; inside a caller's
 * transaction (a bulk archive's batch, a follow-up visit with its attempt) it is a
 * savepoint, so that a step the rules refuse undoes only its own writes.  @out_nested
 * says which was opened. */
gboolean         rexian_store_step_begin            (RexianStore         *self,
                                                     sqlite3             *db,
                                                     gboolean            *out_nested,
                                                     GError             **error);
gboolean         rexian_store_step_commit           (RexianStore         *self,
                                                     sqlite3             *db,
                                                     gboolean             nested,
                                                     GError             **error);
void             rexian_store_step_rollback         (sqlite3             *db,
                                                     gboolean             nested);
/* Steps a bound lookup to its row: FALSE with REXIAN_STORE_ERROR_NOT_FOUND and
 * @not_found (a sentence for the user) when there is none, or the SQLite error. */
gboolean         rexian_store_step_row              (RexianStore         *self,
                                                     sqlite3             *db,
                                                     sqlite3_stmt        *stmt,
                                                     const char          *not_found,
                                                     GError             **error);
/* Steps a bound statement to the end, one record per row made by @row_func. */
typedef gpointer (*RexianStoreRowFunc) (sqlite3_stmt *stmt);
GPtrArray       *rexian_store_collect_rows          (RexianStore         *self,
                                                     sqlite3_stmt        *stmt,
                                                     RexianStoreRowFunc   row_func,
                                                     GDestroyNotify       free_func,
                                                     GError             **error);
/* rexian-store-agents.c, for the worker's async write. */
gboolean         rexian_store_db_set_agent_status   (RexianStore         *self,
                                                     sqlite3             *db,
                                                     gint64               agent_id,
                                                     RexianAgentStatus    status,
                                                     const char          *reason,
                                                     gint64               now,
                                                     gboolean            *out_changed,
                                                     GError             **error);
sqlite3_stmt    *rexian_store_prepare               (RexianStore         *self,
                                                     sqlite3             *db,
                                                     const char          *sql,
                                                     GError             **error);
/* Steps a statement that returns no rows (or whose rows are ignored) and resets it. */
gboolean         rexian_store_step_done             (RexianStore         *self,
                                                     sqlite3             *db,
                                                     sqlite3_stmt        *stmt,
                                                     GError             **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* Binding helpers: a NULL string binds NULL, an id of 0 binds NULL. */
void             rexian_store_bind_text             (sqlite3_stmt        *stmt,
                                                     int                  index,
                                                     const char          *text);
void             rexian_store_bind_id               (sqlite3_stmt        *stmt,
                                                     int                  index,
                                                     gint64               id);
const char      *rexian_store_column_text           (sqlite3_stmt        *stmt,
                                                     int                  column);

/* Migrations (rexian-store-migrations.c). */
gboolean         rexian_store_read_user_version     (sqlite3             *db,
                                                     const char          *path,
                                                     int                 *out_version,
                                                     GError             **error);
gboolean         rexian_store_migrate               (RexianStore         *self,
                                                     sqlite3             *db,
                                                     int                  target,
                                                     int                 *out_version,
                                                     GError             **error);

/* Settings on a given connection. */
void             rexian_store_db_read_rules         (sqlite3             *db,
                                                     RexianDeadlineRules *rules);

/* Orders on a given connection (rexian-store-orders.c), shared by the sync calls on
 * the main connection and the async ones on the worker's. */
RexianWorkOrder *rexian_store_order_from_row        (sqlite3_stmt        *stmt);
void             rexian_store_bind_order            (sqlite3_stmt        *stmt,
                                                     RexianWorkOrder     *order);
RexianWorkOrder *rexian_store_db_get_order          (RexianStore         *self,
                                                     sqlite3             *db,
                                                     gint64               order_id,
                                                     GError             **error);
RexianWorkOrder *rexian_store_db_create_order       (RexianStore         *self,
                                                     sqlite3             *db,
                                                     RexianWorkOrder     *draft,
                                                     gint64               agent_id,
                                                     gint64               now,
                                                     GError             **error);
RexianWorkOrder *rexian_store_db_update_order       (RexianStore         *self,
                                                     sqlite3             *db,
                                                     RexianWorkOrder     *order,
                                                     gint64               agent_id,
                                                     const char          *reason,
                                                     gint64               now,
                                                     GError             **error);
RexianWorkOrder *rexian_store_db_apply              (RexianStore         *self,
                                                     sqlite3             *db,
                                                     gint64               order_id,
                                                     RexianAction         action,
                                                     const RexianTransitionInput *input,
                                                     gint64               agent_id,
                                                     gint64               now,
                                                     GError             **error);
gboolean         rexian_store_db_supervise_due      (RexianStore         *self,
                                                     sqlite3             *db,
                                                     gint64               now,
                                                     guint               *out_count,
                                                     GError             **error);

/* Inside an open transaction: the next number for the local day of @created_at. */
char            *rexian_store_db_next_number        (RexianStore         *self,
                                                     sqlite3             *db,
                                                     gint64               created_at,
                                                     GError             **error);

/* Sample data (rexian-store-sample.c): the departments, agents, categories and default
 * rules of a city hotline, inside the caller's transaction; fills the arrays (gint64
 * ids, in a fixed order) when given. */
gboolean         rexian_store_db_ensure_reference_data (RexianStore      *self,
                                                        sqlite3          *db,
                                                        GArray           *departments,
                                                        GArray           *categories,
                                                        GArray           *agents,
                                                        GError          **error);
/* A department's reply, as sample text. */
const char      *rexian_store_sample_result         (guint                index);

/* rexian-store-calls.c: NOT_FOUND for a call that is not in the call log. */
void             rexian_store_set_call_not_found    (const char          *call_id,
                                                     GError             **error);

/* rexian-store.c: runs @thread_func on a GLib worker thread as a GTask of @self that
 * owns @task_data (freed with @task_data_free); every async form of the store starts
 * this way. */
/* The by-id reads on a given connection (the main one or the worker's). */
GPtrArray       *_rexian_store_db_get_orders_by_ids (RexianStore   *self,
                                                     sqlite3       *db,
                                                     const gint64  *ids,
                                                     guint          n_ids,
                                                     GError       **error);
GPtrArray       *_rexian_store_db_get_calls_by_ids  (RexianStore   *self,
                                                     sqlite3       *db,
                                                     const gint64  *ids,
                                                     guint          n_ids,
                                                     GError       **error);

void             rexian_store_run_in_thread         (RexianStore         *self,
                                                     gpointer             task_data,
                                                     GDestroyNotify       task_data_free,
                                                     gpointer             source_tag,
                                                     GTaskThreadFunc      thread_func,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);

G_END_DECLS
