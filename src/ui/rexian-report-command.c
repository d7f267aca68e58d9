/* rexian-report-command.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rexian-report-command.h"
#include "rexian-report-writer.h"
#include "rexian-store.h"

/* The command line runs before GTK starts and never opens a display, so that cron can
 * run it on a server.  Every failure is one line on standard error, starting with the
 * command's name, and a non-zero exit status; no file is left half written. */

typedef struct
{
  char    *period;
  char    *date;
  char    *format;
  char    *output;
  char    *database;
  int      threshold;
  gint64   now;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->period);
  g_free (options->date);
  g_free (options->format);
  g_free (options->output);
  g_free (options->database);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static void
complain (const char *format,
          ...) G_GNUC_PRINTF (1, 2);

static void
complain (const char *format,
          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("rexian report: %s\n", message);
}

/* "2026-06-10" as a moment inside that local day (noon, clear of any clock change). */
gboolean
rexian_command_parse_date (const char *text,
                           gint64     *out)
{
  g_autoptr(GDateTime) at = NULL;
  unsigned year = 0, month = 0, day = 0;
  char tail = 0;

  if (strlen (text) != 10 ||
      sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  at = g_date_time_new_local (year, month, day, 12, 0, 0);
  if (at == NULL)
    return FALSE;

  *out = g_date_time_to_unix (at);
  return TRUE;
}

/* The format from --format, or else from the output's extension. */
static gboolean
resolve_format (const Options      *options,
                RexianReportFormat *out)
{
  const char *dot;

  if (options->format != NULL)
    {
      if (rexian_report_format_from_string (options->format, out))
        return TRUE;

      complain (_("Unknown format “%s”: use csv, xlsx or pdf."), options->format);
      return FALSE;
    }

  dot = strrchr (options->output, '.');
  if (dot != NULL && rexian_report_format_from_string (dot + 1, out))
    return TRUE;

  complain (_("Say which format to write with --format csv, xlsx or pdf."));
  return FALSE;
}

static gboolean
parse_arguments (int        argc,
                 char     **argv,
                 Options   *options)
{
  GOptionEntry entries[] = {
    { "period", 'p', 0, G_OPTION_ARG_STRING, &options->period,
      N_("The period of the report: day, week, month or year"), N_("PERIOD") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &options->date,
      N_("A day in the period (default: today)"), N_("YYYY-MM-DD") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &options->format,
      N_("The file format: csv, xlsx or pdf (default: from the file name)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options->output,
      N_("The file to write"), N_("FILE") },
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &options->database,
      N_("The shared database to read (default: the user data folder’s rexian/rexian.db)"),
      N_("PATH") },
    { "threshold", 0, 0, G_OPTION_ARG_INT, &options->threshold,
      N_("How many similar requests make an early warning (default: 3)"), N_("N") },
    /* Tests fix the moment that decides which deadlines have passed. */
    { "now", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT64, &options->now, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = g_new0 (char *, argc + 1);

  /* GOption takes the first argument for the program's name. */
  args[0] = g_strdup ("rexian report");
  for (int i = 1; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  /* The usage line names the command, not just the program. */
  g_set_prgname ("rexian report");
  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Writes a statistics report of the hotline as a CSV, Excel "
                                  "or PDF file, for scheduled runs."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      complain ("%s", error->message);
      return FALSE;
    }

  if (args[1] != NULL)
    {
      complain (_("Unexpected argument “%s”."), args[1]);
      return FALSE;
    }
  if (options->period == NULL)
    {
      complain (_("Say which period to report with --period day, week, month or year."));
      return FALSE;
    }
  if (options->output == NULL || *options->output == '\0')
    {
      complain (_("Say which file to write with --output FILE."));
      return FALSE;
    }
  if (options->threshold < 2)
    {
      complain (_("The early-warning threshold must be at least 2."));
      return FALSE;
    }

  return TRUE;
}

RexianStore *
rexian_command_open_store (const char  *database,
                           GError     **error)
{
  g_autofree char *path = NULL;
  RexianStore *store;

  if (database != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (database);

      path = g_file_get_path (file);
    }
  else
    path = g_build_filename (g_get_user_data_dir (), "rexian", "rexian.db", NULL);

  /* Opening a missing file would make a new, empty database and an empty report. */
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_FAILED,
                   _("There is no database at “%s”."), display);
      return NULL;
    }

  store = rexian_store_open (path, error);
  if (store != NULL)
    rexian_store_set_poll_interval (store, 0);

  return store;
}

int
rexian_report_command_run (int    argc,
                           char **argv)
{
  g_auto(Options) options = { NULL, NULL, NULL, NULL, NULL, REXIAN_REPORT_WARNING_THRESHOLD, 0 };
  g_autoptr(RexianReportDocument) document = NULL;
  g_autoptr(RexianStore) store = NULL;
  g_autoptr(GError) error = NULL;
  RexianReportFormat format;
  RexianPeriodKind kind;
  RexianPeriod period;
  gint64 now, at;

  if (!parse_arguments (argc, argv, &options))
    return REXIAN_REPORT_EXIT_USAGE;

  now = options.now > 0 ? options.now : g_get_real_time () / G_USEC_PER_SEC;
  at = now;

  if (!rexian_period_kind_from_string (options.period, &kind) || kind > REXIAN_PERIOD_YEAR)
    {
      complain (_("Unknown period “%s”: use day, week, month or year."), options.period);
      return REXIAN_REPORT_EXIT_USAGE;
    }
  if (options.date != NULL && !rexian_command_parse_date (options.date, &at))
    {
      complain (_("“%s” is not a date: write it as YYYY-MM-DD, e.g. 2026-06-10."), options.date);
      return REXIAN_REPORT_EXIT_USAGE;
    }
  if (!resolve_format (&options, &format))
    return REXIAN_REPORT_EXIT_USAGE;

  store = rexian_command_open_store (options.database, &error);
  if (store == NULL)
    {
      complain ("%s", error->message);
      return REXIAN_REPORT_EXIT_FAILED;
    }

  rexian_period_init (&period, kind, at);
  document = rexian_report_document_load (store, &period, now, options.threshold, &error);
  if (document == NULL)
    {
      complain ("%s", error->message);
      return REXIAN_REPORT_EXIT_FAILED;
    }

  if (!rexian_report_write (document, format, options.output, &error))
    {
      complain ("%s", error->message);
      return REXIAN_REPORT_EXIT_FAILED;
    }

  return REXIAN_REPORT_EXIT_OK;
}
