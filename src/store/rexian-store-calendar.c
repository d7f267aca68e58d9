/* rexian-store-calendar.c: the working-day calendar every seat shares.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rexian-store-private.h"

/* Reads the shared holiday data ("calendar.holidays") and, when it differs from what is
 * in use, makes it the store's calendar.  Returns whether shared data is in use. */
gboolean
rexian_store_load_shared_calendar (RexianStore *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RexianCalendar) calendar = NULL;
  g_autofree char *data = NULL;

  /* Before migration 1 there is no settings table to read. */
  if (self->schema_version < 1)
    return FALSE;

  data = rexian_store_get_setting (self, REXIAN_STORE_HOLIDAYS_KEY, &error);
  if (data == NULL)
    return FALSE;

  if (g_strcmp0 (data, self->shared_holidays) == 0)
    return TRUE;

  calendar = rexian_calendar_new_from_data (data, -1, &error);
  if (calendar == NULL)
    {
      g_warning ("The holiday data in the database cannot be used: %s", error->message);
      return FALSE;
    }

  g_free (self->shared_holidays);
  self->shared_holidays = g_steal_pointer (&data);
  rexian_store_set_calendar (self, calendar);

  return TRUE;
}

RexianCalendar *
rexian_store_get_calendar (RexianStore *self)
{
  RexianCalendar *calendar;

  g_return_val_if_fail (REXIAN_IS_STORE (self), NULL);

  /* Transfer none: the calendar is only replaced from the thread that owns the store,
   * which is the thread that may call this. */
  g_mutex_lock (&self->calendar_lock);
  calendar = self->calendar;
  g_mutex_unlock (&self->calendar_lock);

  return calendar;
}

RexianCalendar *
rexian_store_dup_calendar (RexianStore *self)
{
  RexianCalendar *calendar = NULL;

  g_mutex_lock (&self->calendar_lock);
  if (self->calendar != NULL)
    calendar = g_object_ref (self->calendar);
  g_mutex_unlock (&self->calendar_lock);

  return calendar;
}

void
rexian_store_set_calendar (RexianStore    *self,
                           RexianCalendar *calendar)
{
  gboolean changed;

  g_return_if_fail (REXIAN_IS_STORE (self));
  g_return_if_fail (calendar == NULL || REXIAN_IS_CALENDAR (calendar));

  g_mutex_lock (&self->calendar_lock);
  changed = g_set_object (&self->calendar, calendar);
  g_mutex_unlock (&self->calendar_lock);

  if (changed)
    g_object_notify (G_OBJECT (self), "calendar");
}

gboolean
rexian_store_set_holiday_data (RexianStore  *self,
                               const char   *data,
                               GError      **error)
{
  g_autoptr(RexianCalendar) calendar = NULL;
  RexianCalendar *current;

  g_return_val_if_fail (REXIAN_IS_STORE (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  calendar = rexian_calendar_new_from_data (data, -1, error);
  if (calendar == NULL)
    return FALSE;

  /* Deadlines already counted must stay countable: new data may add years, not drop
   * the ones in use. */
  current = rexian_store_get_calendar (self);
  if (current != NULL
      && rexian_calendar_get_last_year (calendar) < rexian_calendar_get_last_year (current))
    {
      g_set_error (error, REXIAN_CALENDAR_ERROR, REXIAN_CALENDAR_ERROR_OUT_OF_RANGE,
                   _("This holiday file ends with %d, before the data in use, which covers "
                     "up to %d. Import a file that covers at least the same years."),
                   rexian_calendar_get_last_year (calendar),
                   rexian_calendar_get_last_year (current));
      return FALSE;
    }

  if (!rexian_store_set_setting (self, REXIAN_STORE_HOLIDAYS_KEY, data, error))
    return FALSE;

  g_free (self->shared_holidays);
  self->shared_holidays = g_strdup (data);
  rexian_store_set_calendar (self, calendar);

  return TRUE;
}
