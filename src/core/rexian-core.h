/* rexian-core.h: everything the domain layer offers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rexian-article.h"
#include "rexian-calendar.h"
#include "rexian-core-types.h"
#include "rexian-deadline.h"
#include "rexian-lifecycle.h"
#include "rexian-phrases.h"
#include "rexian-records.h"
#include "rexian-sampling.h"
#include "rexian-supervision.h"
#include "rexian-work-order.h"
