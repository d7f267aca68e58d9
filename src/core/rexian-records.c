/* rexian-records.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rexian-records.h"

RexianDepartment *
rexian_department_new (void)
{
  return g_new0 (RexianDepartment, 1);
}

void
rexian_department_free (gpointer department)
{
  RexianDepartment *self = department;

  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self->contact_person);
  g_free (self->phone);
  g_free (self);
}

RexianCategory *
rexian_category_new (void)
{
  return g_new0 (RexianCategory, 1);
}

void
rexian_category_free (gpointer category)
{
  RexianCategory *self = category;

  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self);
}

RexianAgent *
rexian_agent_new (void)
{
  return g_new0 (RexianAgent, 1);
}

void
rexian_agent_free (gpointer agent)
{
  RexianAgent *self = agent;

  if (self == NULL)
    return;

  g_free (self->agent_no);
  g_free (self->name);
  g_free (self->role);
  g_free (self);
}

RexianOrderEvent *
rexian_order_event_new (void)
{
  RexianOrderEvent *self = g_new0 (RexianOrderEvent, 1);

  /* A zeroed struct would claim to come from the intake state; -1 says "no state
   * before", which is what an event that nobody has filled in yet means. */
  self->from_state = -1;
  self->action = REXIAN_ACTION_CREATE;

  return self;
}

void
rexian_order_event_free (gpointer event)
{
  RexianOrderEvent *self = event;

  if (self == NULL)
    return;

  g_free (self->agent_name);
  g_free (self->reason);
  g_free (self->detail);
  g_free (self);
}

RexianCallRecord *
rexian_call_record_new (void)
{
  RexianCallRecord *self = g_new0 (RexianCallRecord, 1);

  /* A zeroed outcome would say "caller hung up" about a call still going on. */
  self->outcome = -1;

  return self;
}

void
rexian_call_record_free (gpointer record)
{
  RexianCallRecord *self = record;

  if (self == NULL)
    return;

  g_free (self->call_id);
  g_free (self->remote_number);
  g_free (self->agent_name);
  g_free (self->recording_path);
  g_free (self->order_number);
  g_free (self);
}

gint64
rexian_call_record_get_wait_seconds (const RexianCallRecord *record)
{
  gint64 until;

  g_return_val_if_fail (record != NULL, 0);

  until = record->answered_at > 0 ? record->answered_at : record->ended_at;
  if (until <= 0 || record->offered_at <= 0)
    return 0;

  return MAX (until - record->offered_at, 0);
}

gint64
rexian_call_record_get_talk_seconds (const RexianCallRecord *record)
{
  g_return_val_if_fail (record != NULL, 0);

  if (record->answered_at <= 0 || record->ended_at <= 0)
    return 0;

  return MAX (record->ended_at - record->answered_at, 0);
}

RexianCallback *
rexian_callback_new (void)
{
  return g_new0 (RexianCallback, 1);
}

void
rexian_callback_free (gpointer callback)
{
  RexianCallback *self = callback;

  if (self == NULL)
    return;

  g_free (self->remote_number);
  g_free (self->handled_by_name);
  g_free (self);
}

RexianAgentState *
rexian_agent_state_new (void)
{
  RexianAgentState *self = g_new0 (RexianAgentState, 1);

  /* An agent nobody has set a status for has not signed in. */
  self->status = REXIAN_AGENT_LOGGED_OUT;

  return self;
}

void
rexian_agent_state_free (gpointer state)
{
  RexianAgentState *self = state;

  if (self == NULL)
    return;

  g_free (self->agent_no);
  g_free (self->name);
  g_free (self->reason);
  g_free (self);
}
