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
