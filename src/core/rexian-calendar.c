/* rexian-calendar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rexian-calendar.h"

/* What the data says about one day; days it does not mention follow the weekend rule. */
typedef enum
{
  DAY_OFF = 1,
  DAY_WORK = 2,
} DayKind;

struct _RexianCalendar
{
  GObject     parent_instance;

  /* Julian day number -> DayKind, for the days the data lists. */
  GHashTable *days;
  int         first_year;
  int         last_year;
  char       *path;
};

G_DEFINE_FINAL_TYPE (RexianCalendar, rexian_calendar, G_TYPE_OBJECT)

G_DEFINE_QUARK (rexian-calendar-error-quark, rexian_calendar_error)

/* Holidays run for a week or so; a range longer than a season is certainly a typo. */
#define MAX_RANGE_DAYS 62

static void
rexian_calendar_finalize (GObject *object)
{
  RexianCalendar *self = (RexianCalendar *) object;

  g_clear_pointer (&self->days, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (rexian_calendar_parent_class)->finalize (object);
}

static void
rexian_calendar_class_init (RexianCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rexian_calendar_finalize;
}

static void
rexian_calendar_init (RexianCalendar *self)
{
  self->days = g_hash_table_new (NULL, NULL);
}

static void
format_date (const GDate *date,
             char         buf[16])
{
  g_snprintf (buf, 16, "%04d-%02d-%02d",
              g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/* Parses exactly "YYYY-MM-DD"; anything else, including a day that does not exist
 * (2026-02-30), is refused rather than normalised. */
static gboolean
parse_date (const char *str,
            GDate      *out)
{
  int year;
  int month;
  int day;

  if (strlen (str) != 10 || str[4] != '-' || str[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (str[i]))
        return FALSE;
    }

  year = (int) g_ascii_strtoll (str, NULL, 10);
  month = (int) g_ascii_strtoll (str + 5, NULL, 10);
  day = (int) g_ascii_strtoll (str + 8, NULL, 10);

  if (year < 1 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return TRUE;
}

static gboolean
parse_year (const char *group,
            int        *out_year)
{
  guint64 year;

  if (strlen (group) != 4 || !g_ascii_string_to_unsigned (group, 10, 1000, 9999, &year, NULL))
    return FALSE;

  *out_year = (int) year;
  return TRUE;
}

static gboolean
add_entries (RexianCalendar *self,
             GKeyFile       *key_file,
             const char     *group,
             const char     *key,
             DayKind         kind,
             GError        **error)
{
  g_autofree char *value = NULL;
  g_auto(GStrv) entries = NULL;

  if (!g_key_file_has_key (key_file, group, key, NULL))
    return TRUE;

  value = g_key_file_get_string (key_file, group, key, error);
  if (value == NULL)
    return FALSE;

  entries = g_strsplit (value, ";", -1);

  for (guint i = 0; entries[i] != NULL; i++)
    {
      char *entry = g_strstrip (entries[i]);
      g_auto(GStrv) ends = NULL;
      GDate first;
      GDate last;
      int n_days;

      /* A trailing ';' leaves an empty entry, which GKeyFile lists allow too. */
      if (*entry == '\0')
        continue;

      ends = g_strsplit (entry, "..", 2);

      if (!parse_date (g_strstrip (ends[0]), &first)
          || (ends[1] != NULL && !parse_date (g_strstrip (ends[1]), &last)))
        {
          g_set_error (error, REXIAN_CALENDAR_ERROR, REXIAN_CALENDAR_ERROR_PARSE,
                       _("The holiday data has an invalid entry “%s” in key “%s” of "
                         "group [%s]: write a day as YYYY-MM-DD or a range as "
                         "YYYY-MM-DD..YYYY-MM-DD."),
                       entry, key, group);
          return FALSE;
        }

      if (ends[1] == NULL)
        last = first;

      n_days = g_date_days_between (&first, &last);
      if (n_days < 0 || n_days > MAX_RANGE_DAYS)
        {
          g_set_error (error, REXIAN_CALENDAR_ERROR, REXIAN_CALENDAR_ERROR_PARSE,
                       _("The holiday data has an invalid range “%s” in key “%s” of "
                         "group [%s]: it must run forwards and last at most %d days."),
                       entry, key, group, MAX_RANGE_DAYS + 1);
          return FALSE;
        }

      for (guint julian = g_date_get_julian (&first);
           julian <= g_date_get_julian (&last);
           julian++)
        {
          gpointer previous = g_hash_table_lookup (self->days, GUINT_TO_POINTER (julian));

          if (previous != NULL && GPOINTER_TO_INT (previous) != (int) kind)
            {
              GDate day;
              char buf[16];

              g_date_clear (&day, 1);
              g_date_set_julian (&day, julian);
              format_date (&day, buf);

              g_set_error (error, REXIAN_CALENDAR_ERROR, REXIAN_CALENDAR_ERROR_PARSE,
                           _("The holiday data lists %s both as a day off and as a "
                             "working day (key “%s” of group [%s])."),
                           buf, key, group);
              return FALSE;
            }

          g_hash_table_insert (self->days, GUINT_TO_POINTER (julian), GINT_TO_POINTER (kind));
        }
    }

  return TRUE;
}

static gboolean
load_key_file (RexianCalendar *self,
               GKeyFile       *key_file,
               GError        **error)
{
  g_auto(GStrv) groups = NULL;
  g_autoptr(GHashTable) years = g_hash_table_new (NULL, NULL);
  gsize n_groups = 0;

  groups = g_key_file_get_groups (key_file, &n_groups);

  if (n_groups == 0)
    {
      g_set_error_literal (error, REXIAN_CALENDAR_ERROR, REXIAN_CALENDAR_ERROR_PARSE,
                           _("The holiday data has no year in it: add a group such as "
                             "[2026]."));
      return FALSE;
    }

  self->first_year = G_MAXINT;
  self->last_year = G_MININT;

  for (gsize i = 0; i < n_groups; i++)
    {
      const char *group = groups[i];
      g_auto(GStrv) keys = NULL;
      int year;

      if (!parse_year (group, &year))
        {
          g_set_error (error, REXIAN_CALENDAR_ERROR, REXIAN_CALENDAR_ERROR_PARSE,
                       _("The holiday data has a group [%s] that is not a year: name "
                         "each group after its year, such as [2026]."),
                       group);
          return FALSE;
        }

      /* Unknown keys are refused rather than skipped: a misspelt "off" would otherwise
       * silently turn a holiday into a working day. */
      keys = g_key_file_get_keys (key_file, group, NULL, NULL);
      for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
        {
          if (g_strcmp0 (keys[k], "off") != 0 && g_strcmp0 (keys[k], "work") != 0)
            {
              g_set_error (error, REXIAN_CALENDAR_ERROR, REXIAN_CALENDAR_ERROR_PARSE,
                           _("The holiday data has an unknown key “%s” in group [%s]: "
                             "only “off” and “work” are understood."),
                           keys[k], group);
              return FALSE;
            }
        }

      if (!add_entries (self, key_file, group, "off", DAY_OFF, error)
          || !add_entries (self, key_file, group, "work", DAY_WORK, error))
        return FALSE;

      g_hash_table_add (years, GINT_TO_POINTER (year));
      self->first_year = MIN (self->first_year, year);
      self->last_year = MAX (self->last_year, year);
    }

  /* Coverage is a single span of years, so a missing year in the middle is an error in
   * the file rather than a hole that every query would have to explain. */
  for (int year = self->first_year; year <= self->last_year; year++)
    {
      if (!g_hash_table_contains (years, GINT_TO_POINTER (year)))
        {
          g_set_error (error, REXIAN_CALENDAR_ERROR, REXIAN_CALENDAR_ERROR_PARSE,
                       _("The holiday data has no group [%d] between [%d] and [%d]: "
                         "every year in between needs one."),
                       year, self->first_year, self->last_year);
          return FALSE;
        }
    }

  return TRUE;
}

RexianCalendar *
rexian_calendar_new_from_data (const char  *data,
                               gssize       length,
                               GError     **error)
{
  g_autoptr(RexianCalendar) self = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (data);

  if (!g_key_file_load_from_data (key_file, data, length, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, REXIAN_CALENDAR_ERROR, REXIAN_CALENDAR_ERROR_PARSE,
                   _("The holiday data cannot be read: %s"), local_error->message);
      return NULL;
    }

  self = g_object_new (REXIAN_TYPE_CALENDAR, NULL);

  if (!load_key_file (self, key_file, error))
    return NULL;

  return g_steal_pointer (&self);
}

RexianCalendar *
rexian_calendar_new_from_file (const char  *path,
                               GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  RexianCalendar *self;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  self = rexian_calendar_new_from_data (contents, (gssize) length, &local_error);
  if (self == NULL)
    {
      /* Name the file, since the user has to find it to fix it. */
      g_set_error (error, local_error->domain, local_error->code,
                   /* TRANSLATORS: a file's path, then what is wrong with it. */
                   _("%s: %s"), path, local_error->message);
      return NULL;
    }

  self->path = g_strdup (path);

  return self;
}

static RexianCalendar *
load_shipped (GError **error)
{
  const char *env_dir = g_getenv ("REXIAN_DATADIR");
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *searched = NULL;

  /* REXIAN_DATADIR first (tests, and running from the build tree), then the installed
   * copy, then the source tree's data/ for an uninstalled build.  The first file that
   * exists is the one used: a broken shipped file is an error to report, not to hide
   * behind an older copy. */
  if (env_dir != NULL && *env_dir != '\0')
    g_ptr_array_add (candidates, g_build_filename (env_dir, "holidays.ini", NULL));
  g_ptr_array_add (candidates, g_build_filename (PKGDATADIR, "holidays.ini", NULL));
  g_ptr_array_add (candidates, g_build_filename (SOURCE_DATADIR, "holidays.ini", NULL));

  for (guint i = 0; i < candidates->len; i++)
    {
      const char *path = g_ptr_array_index (candidates, i);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return rexian_calendar_new_from_file (path, error);
    }

  g_ptr_array_add (candidates, NULL);
  searched = g_strjoinv (", ", (char **) candidates->pdata);
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
               _("No holiday data was found (looked for %s). Reinstall Rexian or put a "
                 "holiday file in your configuration folder."),
               searched);

  return NULL;
}

RexianCalendar *
rexian_calendar_new_default (GError **error)
{
  g_autofree char *user_path = NULL;
  g_autoptr(RexianCalendar) shipped = NULL;
  g_autoptr(RexianCalendar) user = NULL;
  g_autoptr(GError) shipped_error = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  shipped = load_shipped (&shipped_error);

  user_path = g_build_filename (g_get_user_config_dir (), "rexian", "holidays.ini", NULL);
  if (g_file_test (user_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GError) user_error = NULL;

      user = rexian_calendar_new_from_file (user_path, &user_error);
      if (user == NULL)
        g_warning ("Ignoring the user's holiday file: %s", user_error->message);
    }

  /* A user's copy may add years the release does not know yet, but an old copy must not
   * hide years that a newer release ships. */
  if (user != NULL
      && (shipped == NULL
          || (user->first_year <= shipped->first_year
              && user->last_year >= shipped->last_year)))
    return g_steal_pointer (&user);

  if (user != NULL)
    g_debug ("Ignoring %s: it covers %d to %d, the shipped data %d to %d",
             user_path, user->first_year, user->last_year,
             shipped->first_year, shipped->last_year);

  if (shipped == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&shipped_error));
      return NULL;
    }

  return g_steal_pointer (&shipped);
}

const char *
rexian_calendar_get_path (RexianCalendar *self)
{
  g_return_val_if_fail (REXIAN_IS_CALENDAR (self), NULL);

  return self->path;
}

int
rexian_calendar_get_first_year (RexianCalendar *self)
{
  g_return_val_if_fail (REXIAN_IS_CALENDAR (self), 0);

  return self->first_year;
}

int
rexian_calendar_get_last_year (RexianCalendar *self)
{
  g_return_val_if_fail (REXIAN_IS_CALENDAR (self), 0);

  return self->last_year;
}

gboolean
rexian_calendar_covers (RexianCalendar *self,
                        const GDate    *date)
{
  int year;

  g_return_val_if_fail (REXIAN_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  year = g_date_get_year (date);

  return year >= self->first_year && year <= self->last_year;
}

static void
set_out_of_range (RexianCalendar *self,
                  const GDate    *date,
                  GError        **error)
{
  char buf[16];
  g_autofree char *covered = NULL;

  format_date (date, buf);

  if (self->first_year == self->last_year)
    covered = g_strdup_printf ("%d", self->first_year);
  else
    {
      /* TRANSLATORS: a span of years, such as 2025 to 2026. */
      const char *span = _("%d to %d");

      covered = g_strdup_printf (span, self->first_year, self->last_year);
    }

  if (g_date_get_year (date) > self->last_year)
    g_set_error (error, REXIAN_CALENDAR_ERROR, REXIAN_CALENDAR_ERROR_OUT_OF_RANGE,
                 _("The holiday data covers %s only; %s is past it. Update the holiday "
                   "file to compute this deadline."),
                 covered, buf);
  else
    g_set_error (error, REXIAN_CALENDAR_ERROR, REXIAN_CALENDAR_ERROR_OUT_OF_RANGE,
                 _("The holiday data covers %s only; %s is before it. Update the holiday "
                   "file to compute this deadline."),
                 covered, buf);
}

/* The rule itself, for a date already known to be covered. */
static gboolean
is_working (RexianCalendar *self,
            const GDate    *date)
{
  gpointer kind = g_hash_table_lookup (self->days, GUINT_TO_POINTER (g_date_get_julian (date)));
  GDateWeekday weekday;

  if (GPOINTER_TO_INT (kind) == DAY_WORK)
    return TRUE;
  if (GPOINTER_TO_INT (kind) == DAY_OFF)
    return FALSE;

  weekday = g_date_get_weekday (date);

  return weekday != G_DATE_SATURDAY && weekday != G_DATE_SUNDAY;
}

gboolean
rexian_calendar_is_working_day (RexianCalendar *self,
                                const GDate    *date,
                                gboolean       *out_working,
                                GError        **error)
{
  g_return_val_if_fail (REXIAN_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (out_working != NULL, FALSE);

  if (!rexian_calendar_covers (self, date))
    {
      set_out_of_range (self, date, error);
      return FALSE;
    }

  *out_working = is_working (self, date);

  return TRUE;
}

/* Also accepts n <= 0, beyond what the header promises: a negative n counts backwards
 * (the |n|-th working day before @start) and 0 gives @start itself. */
gboolean
rexian_calendar_add_working_days (RexianCalendar *self,
                                  const GDate    *start,
                                  int             n,
                                  GDate          *out_date,
                                  GError        **error)
{
  GDate day;
  int step = n >= 0 ? 1 : -1;
  int left = ABS (n);

  g_return_val_if_fail (REXIAN_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (start != NULL && g_date_valid (start), FALSE);
  g_return_val_if_fail (out_date != NULL, FALSE);

  day = *start;

  while (left > 0)
    {
      if (step > 0)
        g_date_add_days (&day, 1);
      else
        g_date_subtract_days (&day, 1);

      if (!rexian_calendar_covers (self, &day))
        {
          set_out_of_range (self, &day, error);
          return FALSE;
        }

      if (is_working (self, &day))
        left--;
    }

  *out_date = day;

  return TRUE;
}

gboolean
rexian_calendar_count_working_days (RexianCalendar *self,
                                    const GDate    *from,
                                    const GDate    *to,
                                    int            *out_count,
                                    GError        **error)
{
  const GDate *low;
  const GDate *high;
  GDate day;
  int count = 0;

  g_return_val_if_fail (REXIAN_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (from != NULL && g_date_valid (from), FALSE);
  g_return_val_if_fail (to != NULL && g_date_valid (to), FALSE);
  g_return_val_if_fail (out_count != NULL, FALSE);

  if (g_date_compare (from, to) <= 0)
    {
      low = from;
      high = to;
    }
  else
    {
      low = to;
      high = from;
    }

  day = *low;

  while (g_date_compare (&day, high) < 0)
    {
      g_date_add_days (&day, 1);

      if (!rexian_calendar_covers (self, &day))
        {
          set_out_of_range (self, &day, error);
          return FALSE;
        }

      if (is_working (self, &day))
        count++;
    }

  *out_count = (low == from) ? count : -count;

  return TRUE;
}

gboolean
rexian_calendar_deadline_after (RexianCalendar  *self,
                                gint64           from_unix,
                                int              n,
                                gint64          *out_unix,
                                GError         **error)
{
  GDate start;
  GDate end;

  g_return_val_if_fail (REXIAN_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (out_unix != NULL, FALSE);

  rexian_date_from_unix (from_unix, &start);

  if (!rexian_calendar_add_working_days (self, &start, n, &end, error))
    return FALSE;

  *out_unix = rexian_date_end_to_unix (&end);

  return TRUE;
}

void
rexian_date_from_unix (gint64  unix_time,
                       GDate  *out_date)
{
  g_autoptr(GDateTime) dt = NULL;
  int year;
  int month;
  int day;

  g_return_if_fail (out_date != NULL);

  /* A time GDateTime cannot hold (a damaged row, a value from another tool) is taken
   * as the nearest one it can, so callers always get a valid day: one far outside the
   * holiday data, which every calendar query then reports as such. */
  unix_time = CLAMP (unix_time, G_GINT64_CONSTANT (-62135596800) + 86400,
                     G_GINT64_CONSTANT (253402300799) - 86400);
  dt = g_date_time_new_from_unix_local (unix_time);
  g_date_clear (out_date, 1);
  if (dt == NULL)
    {
      g_date_set_dmy (out_date, 1, G_DATE_JANUARY, 1);
      return;
    }

  g_date_time_get_ymd (dt, &year, &month, &day);
  g_date_set_dmy (out_date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

gint64
rexian_date_end_to_unix (const GDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 23, 59, 59);

  return g_date_time_to_unix (dt);
}
