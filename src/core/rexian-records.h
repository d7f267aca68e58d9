/* rexian-records.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rexian-core-types.h"

G_BEGIN_DECLS

/* Small records the store lists and the UI shows.  Each is a plain struct owned by
 * whoever holds it; free with its _free() (usable as a GDestroyNotify for GPtrArray). */

/* 承办单位 */
typedef struct
{
  gint64  id;
  char   *name;
  char   *contact_person;
  char   *phone;
} RexianDepartment;

/* A subject category with its own handling deadline (0: the rules' default). */
typedef struct
{
  gint64  id;
  char   *name;
  int     deadline_days;
} RexianCategory;

/* An agent (工号 and name); role is "agent", "supervisor" or "department". */
typedef struct
{
  gint64  id;
  char   *agent_no;
  char   *name;
  char   *role;
} RexianAgent;

/* One line of an order's timeline: who, when, from, to, reason. */
typedef struct
{
  gint64        id;
  gint64        order_id;
  gint64        at;          /* Unix seconds */
  gint64        agent_id;    /* 0: the system (automatic supervision) */
  char         *agent_name;  /* joined for display; "System" when agent_id is 0 */
  RexianAction  action;
  int           from_state;  /* a RexianState, or -1 (creation) */
  int           to_state;    /* a RexianState */
  char         *reason;
  char         *detail;
} RexianOrderEvent;

/* One call in the shared call log.  A call forked to several seats is one record: its
 * SIP Call-ID is the same at every seat.  Times are Unix seconds; 0 says "not yet" (or,
 * for answered_at, "never answered"). */
typedef struct
{
  gint64                     id;
  char                      *call_id;        /* the SIP Call-ID, unique */
  RexianCallRecordDirection  direction;
  char                      *remote_number;
  gint64                     agent_id;       /* who answered or dialled; 0: nobody */
  char                      *agent_name;     /* joined for display; NULL when agent_id is 0 */
  gint64                     offered_at;
  gint64                     answered_at;
  gint64                     ended_at;
  int                        outcome;        /* a RexianCallOutcome, or -1 while it lasts */
  char                      *recording_path;
  gint64                     order_id;       /* the work order taken on the call, or 0 */
  char                      *order_number;   /* joined for display */
} RexianCallRecord;

/* A missed incoming call to be called back (DB1405 5.1.2). */
typedef struct
{
  gint64                id;
  gint64                call_record_id;
  char                 *remote_number;
  RexianCallbackStatus  status;
  int                   attempts;        /* call-back tries so far */
  gint64                handled_by;      /* the agent of the last try, or 0 */
  char                 *handled_by_name; /* joined for display */
  gint64                handled_at;      /* the last try, or 0 */
  gint64                offered_at;      /* when the missed call came in */
} RexianCallback;

/* An agent's current status and since when (0: never set, which reads as logged out). */
typedef struct
{
  gint64             agent_id;
  char              *agent_no;
  char              *name;
  RexianAgentStatus  status;
  char              *reason;  /* why away ("meeting", "break" ...), or NULL */
  gint64             since;
} RexianAgentState;

RexianDepartment *rexian_department_new   (void);
void              rexian_department_free  (gpointer department);
RexianCategory   *rexian_category_new     (void);
void              rexian_category_free    (gpointer category);
RexianAgent      *rexian_agent_new        (void);
void              rexian_agent_free       (gpointer agent);
RexianOrderEvent *rexian_order_event_new  (void);
void              rexian_order_event_free (gpointer event);
RexianCallRecord *rexian_call_record_new  (void);
void              rexian_call_record_free (gpointer record);
RexianCallback   *rexian_callback_new     (void);
void              rexian_callback_free    (gpointer callback);
RexianAgentState *rexian_agent_state_new  (void);
void              rexian_agent_state_free (gpointer state);

/* How long the caller waited: until the answer, or until the end for a call never
 * answered (the abandon time); 0 while it still rings.  Never negative, even when seats'
 * clocks disagree. */
gint64            rexian_call_record_get_wait_seconds (const RexianCallRecord *record);
/* From the answer to the end; 0 for a call not answered or not yet ended. */
gint64            rexian_call_record_get_talk_seconds (const RexianCallRecord *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RexianDepartment, rexian_department_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RexianCategory, rexian_category_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RexianAgent, rexian_agent_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RexianOrderEvent, rexian_order_event_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RexianCallRecord, rexian_call_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RexianCallback, rexian_callback_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RexianAgentState, rexian_agent_state_free)

G_END_DECLS
