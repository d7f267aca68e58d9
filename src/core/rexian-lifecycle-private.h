/* rexian-lifecycle-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rexian-lifecycle.h"

G_BEGIN_DECLS

#define STATE_BIT(state) (1u << (state))

#define OPEN_STATES (STATE_BIT (REXIAN_STATE_INTAKE)              \
                     | STATE_BIT (REXIAN_STATE_PENDING_DISPATCH)  \
                     | STATE_BIT (REXIAN_STATE_IN_PROGRESS)       \
                     | STATE_BIT (REXIAN_STATE_REPLIED)           \
                     | STATE_BIT (REXIAN_STATE_FOLLOW_UP))

/* A transition's to_state when it keeps the order where it is. */
#define KEPT (-1)

static inline gboolean
_rexian_lifecycle_state_allowed (const RexianTransition *transition,
                                 RexianState             state)
{
  return (transition->from_states & STATE_BIT (state)) != 0;
}

G_END_DECLS
