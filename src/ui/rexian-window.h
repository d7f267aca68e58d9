/* rexian-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rexian-application.h"

G_BEGIN_DECLS

#define REXIAN_TYPE_WINDOW (rexian_window_get_type ())

G_DECLARE_FINAL_TYPE (RexianWindow, rexian_window, REXIAN, WINDOW, AdwApplicationWindow)

RexianWindow *rexian_window_new               (RexianApplication *application);
/* Opens the order with that number in its editor; a toast says so when there is none. */
void          rexian_window_open_order_number (RexianWindow      *self,
                                               const char        *number);
/* Calls @number (a phone number or a SIP URI) from this seat's phone, or says in a
 * toast why it cannot. */
void          rexian_window_call_number       (RexianWindow      *self,
                                               const char        *number);

G_END_DECLS
