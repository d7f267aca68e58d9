/* rexian-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rexian-core.h"

G_BEGIN_DECLS

#define REXIAN_STORE_ERROR (rexian_store_error_quark ())

/* Each code comes with a message a user understands, naming the file and what to do. */
typedef enum
{
  REXIAN_STORE_ERROR_FAILED,
  REXIAN_STORE_ERROR_LOCKED,      /* another program holds the database too long */
  REXIAN_STORE_ERROR_READ_ONLY,   /* the file or its folder cannot be written */
  REXIAN_STORE_ERROR_CORRUPT,     /* not a database, or damaged */
  REXIAN_STORE_ERROR_TOO_NEW,     /* written by a newer Rexian (schema version said) */
  REXIAN_STORE_ERROR_FULL,        /* the disk is full */
  REXIAN_STORE_ERROR_NOT_FOUND,   /* no such order */
  REXIAN_STORE_ERROR_CONFLICT,    /* someone else changed the order meanwhile */
} RexianStoreError;

GQuark rexian_store_error_quark (void);

/* The schema version this build writes (PRAGMA user_version). */
#define REXIAN_STORE_SCHEMA_VERSION 7

#define REXIAN_TYPE_STORE (rexian_store_get_type ())

G_DECLARE_FINAL_TYPE (RexianStore, rexian_store, REXIAN, STORE, GObject)

/* The shared database.  All seats open the same SQLite file (WAL, busy_timeout, foreign
 * keys; every write in BEGIN IMMEDIATE; every statement prepared with bound values).
 *
 * Synchronous calls use the connection of the thread that opened the store.  The _async
 * calls run on a worker thread with a second connection, so the UI never waits on a lock.
 *
 * Signals:
 *   "changed" (void): emitted on the main context when any process committed a change
 *   (polled with PRAGMA data_version, see "poll-interval") or after this store's own
 *   writes.  Listeners re-read what they show.
 *
 * Properties: "path" (construct-only string), "schema-version" (int, read-only),
 * "poll-interval" (uint ms, default 500; 0 stops polling), "calendar" (RexianCalendar). */

RexianStore    *rexian_store_open              (const char     *path,
                                                GError        **error);
/* Migrate up to a given version only; for tests of the migrations. */
RexianStore    *rexian_store_open_at_version   (const char     *path,
                                                int             version,
                                                GError        **error);

const char     *rexian_store_get_path          (RexianStore    *self);
int             rexian_store_get_schema_version (RexianStore   *self);
guint           rexian_store_get_poll_interval (RexianStore    *self);
void            rexian_store_set_poll_interval (RexianStore    *self,
                                                guint           interval_ms);
RexianCalendar *rexian_store_get_calendar      (RexianStore    *self);
void            rexian_store_set_calendar      (RexianStore    *self,
                                                RexianCalendar *calendar);
/* TRUE when the file could only be opened for reading (a read-only file or URI): every
 * write will fail with REXIAN_STORE_ERROR_READ_ONLY. */
gboolean        rexian_store_is_read_only      (RexianStore    *self);
/* How long a write waits for another seat's transaction before failing with LOCKED
 * (default 5000 ms). */
void            rexian_store_set_busy_timeout  (RexianStore    *self,
                                                guint           timeout_ms);
/* The holiday data every seat uses (the GKeyFile text of data/holidays.ini, possibly
 * with newer years), kept in the shared database so that all seats count the same
 * deadlines.  Parses @data, refuses data that ends before the data in use, saves it,
 * and makes it the store's calendar; other seats take it up with their next poll. */
#define REXIAN_STORE_HOLIDAYS_KEY "calendar.holidays"
gboolean        rexian_store_set_holiday_data  (RexianStore    *self,
                                                const char     *data,
                                                GError        **error);
/* Checks now for other processes' commits and emits "changed" if there were any. */
void            rexian_store_poll              (RexianStore    *self);
/* PRAGMA integrity_check; TRUE when "ok". */
gboolean        rexian_store_check_integrity   (RexianStore    *self,
                                                GError        **error);

/* Reference data and shared settings. */
GPtrArray      *rexian_store_list_departments  (RexianStore    *self,
                                                GError        **error); /* RexianDepartment */
GPtrArray      *rexian_store_list_categories   (RexianStore    *self,
                                                GError        **error); /* RexianCategory */
GPtrArray      *rexian_store_list_agents       (RexianStore    *self,
                                                GError        **error); /* RexianAgent */
gint64          rexian_store_add_department    (RexianStore    *self,
                                                const char     *name,
                                                const char     *contact_person,
                                                const char     *phone,
                                                GError        **error);
gint64          rexian_store_add_category      (RexianStore    *self,
                                                const char     *name,
                                                int             deadline_days,
                                                GError        **error);
gint64          rexian_store_add_agent         (RexianStore    *self,
                                                const char     *agent_no,
                                                const char     *name,
                                                const char     *role,
                                                GError        **error);
RexianAgent    *rexian_store_find_agent        (RexianStore    *self,
                                                const char     *agent_no,
                                                GError        **error);
/* A missing key gives NULL and no error. */
char           *rexian_store_get_setting       (RexianStore    *self,
                                                const char     *key,
                                                GError        **error);
gboolean        rexian_store_set_setting       (RexianStore    *self,
                                                const char     *key,
                                                const char     *value,
                                                GError        **error);
/* The deadline rules from settings ("deadline.dispatch-days", "deadline.default-days",
 * "deadline.consultation-days", "deadline.yellow-days", "deadline.max-extension-days"),
 * defaults where unset. */
void            rexian_store_get_deadline_rules (RexianStore          *self,
                                                 RexianDeadlineRules  *out_rules);
gboolean        rexian_store_set_deadline_rules (RexianStore               *self,
                                                 const RexianDeadlineRules *rules,
                                                 GError                   **error);

/* Work orders. */

/* Saves @draft as a new order in intake: assigns the number (the local day plus a
 * sequence unique across processes, "202611230001"), sets created_at (to @now when the
 * draft has none), the dispatch deadline, and records a CREATE event by @agent_id.
 * Marks the order repeated when the same phone has earlier open orders.  Returns the
 * stored order. */
RexianWorkOrder *rexian_store_create_order     (RexianStore     *self,
                                                RexianWorkOrder *draft,
                                                gint64           agent_id,
                                                gint64           now,
                                                GError         **error);
/* Saves edited fields (not the state) with an EDIT event; fails with CONFLICT when the
 * stored version is not @order's version. */
RexianWorkOrder *rexian_store_update_order     (RexianStore     *self,
                                                RexianWorkOrder *order,
                                                gint64           agent_id,
                                                const char      *reason,
                                                gint64           now,
                                                GError         **error);
/* Applies a lifecycle action in one transaction: re-reads the order, checks and applies
 * it with the core rules, saves it and its event.  Lifecycle refusals come back as
 * REXIAN_LIFECYCLE_ERROR with the core's message. */
RexianWorkOrder *rexian_store_apply            (RexianStore                 *self,
                                                gint64                       order_id,
                                                RexianAction                 action,
                                                const RexianTransitionInput *input,
                                                gint64                       agent_id,
                                                gint64                       now,
                                                GError                     **error);
RexianWorkOrder *rexian_store_get_order        (RexianStore     *self,
                                                gint64           order_id,
                                                GError         **error);
RexianWorkOrder *rexian_store_get_order_by_number (RexianStore  *self,
                                                   const char   *number,
                                                   GError      **error);
/* The timeline, oldest first. */
GPtrArray       *rexian_store_list_events      (RexianStore     *self,
                                                gint64           order_id,
                                                GError         **error); /* RexianOrderEvent */
/* The caller's earlier orders, newest first (for the repeated-caller panel). */
GPtrArray       *rexian_store_find_by_phone    (RexianStore     *self,
                                                const char      *phone,
                                                guint            limit,
                                                GError         **error); /* RexianWorkOrder */
/* Puts every open order that needs it under supervision (emergency, or its running
 * deadline passed), each with a SUPERVISE event by the system.  Safe when several
 * processes run it at once: each order is supervised once.  Returns how many. */
guint            rexian_store_supervise_due    (RexianStore     *self,
                                                gint64           now,
                                                GError         **error);

/* Fills sample data (departments, agents, categories, about 60 orders in every state
 * with their timelines) when the database has no orders; does nothing otherwise. */
gboolean         rexian_store_seed_sample_data (RexianStore     *self,
                                                gint64           now,
                                                GError         **error);
/* For benchmarks: @n generated orders spread over the states, in large transactions. */
gboolean         rexian_store_fill_generated   (RexianStore     *self,
                                                guint            n,
                                                gint64           now,
                                                GError         **error);

/* Async forms, run on the store's worker thread; the result is the same as the sync
 * call's.  Use these from the UI. */
void             rexian_store_create_order_async  (RexianStore         *self,
                                                   RexianWorkOrder     *draft,
                                                   gint64               agent_id,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
RexianWorkOrder *rexian_store_create_order_finish (RexianStore         *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
void             rexian_store_update_order_async  (RexianStore         *self,
                                                   RexianWorkOrder     *order,
                                                   gint64               agent_id,
                                                   const char          *reason,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
RexianWorkOrder *rexian_store_update_order_finish (RexianStore         *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
/* @input is copied. */
void             rexian_store_apply_async         (RexianStore                 *self,
                                                   gint64                       order_id,
                                                   RexianAction                 action,
                                                   const RexianTransitionInput *input,
                                                   gint64                       agent_id,
                                                   GCancellable                *cancellable,
                                                   GAsyncReadyCallback          callback,
                                                   gpointer                     user_data);
RexianWorkOrder *rexian_store_apply_finish        (RexianStore                 *self,
                                                   GAsyncResult                *result,
                                                   GError                     **error);
void             rexian_store_supervise_due_async  (RexianStore        *self,
                                                    GCancellable       *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer            user_data);
gboolean         rexian_store_supervise_due_finish (RexianStore        *self,
                                                    GAsyncResult       *result,
                                                    guint              *out_count,
                                                    GError            **error);

G_END_DECLS
