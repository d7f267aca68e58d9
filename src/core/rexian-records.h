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

RexianDepartment *rexian_department_new   (void);
void              rexian_department_free  (gpointer department);
RexianCategory   *rexian_category_new     (void);
void              rexian_category_free    (gpointer category);
RexianAgent      *rexian_agent_new        (void);
void              rexian_agent_free       (gpointer agent);
RexianOrderEvent *rexian_order_event_new  (void);
void              rexian_order_event_free (gpointer event);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RexianDepartment, rexian_department_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RexianCategory, rexian_category_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RexianAgent, rexian_agent_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RexianOrderEvent, rexian_order_event_free)

G_END_DECLS
