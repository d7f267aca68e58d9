/* rexian-form-command.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-form-command.h"
#include "rexian-form-pages.h"
#include "rexian-report-command.h"

/* Like "rexian report": no display, one line on standard error for every failure, and
 * no half-written file. */

typedef struct
{
  char   *kind;
  char   *from;
  char   *to;
  char   *order;
  char   *output;
  char   *database;
  gint64  now;
} FormOptions;

static void
form_options_clear (FormOptions *options)
{
  g_free (options->kind);
  g_free (options->from);
  g_free (options->to);
  g_free (options->order);
  g_free (options->output);
  g_free (options->database);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FormOptions, form_options_clear)

static int
fail (int         status,
      const char *message)
{
  g_printerr ("rexian form: %s\n", message);
  return status;
}

/* Checks what was asked; on a problem returns the message to print. */
static char *
check_options (FormOptions    *options,
               char          **rest,
               RexianFormKind *out_kind,
               gint64         *out_from,
               gint64         *out_to)
{
  if (rest[1] != NULL)
    return g_strdup_printf (_("Unexpected argument “%s”."), rest[1]);
  if (options->kind == NULL)
    return g_strdup (_("Say which form to write with --kind record, transfer or order."));
  if (!rexian_form_kind_from_string (options->kind, out_kind))
    return g_strdup_printf (_("Unknown form “%s”: use record, transfer or order."),
                            options->kind);
  if (options->output == NULL || *options->output == '\0')
    return g_strdup (_("Say which file to write with --output FILE."));

  if (*out_kind != REXIAN_FORM_RECORD)
    {
      if (options->order == NULL || *options->order == '\0')
        return g_strdup (_("Say which work order to print with --order NUMBER."));
      return NULL;
    }

  if (options->from == NULL || options->to == NULL)
    return g_strdup (_("Say which days the record sheet covers with --from and --to."));

  for (guint i = 0; i < 2; i++)
    {
      const char *text = i == 0 ? options->from : options->to;

      if (!rexian_command_parse_date (text, i == 0 ? out_from : out_to))
        return g_strdup_printf (_("“%s” is not a date: write it as YYYY-MM-DD, e.g. 2026-06-10."),
                                text);
    }
  if (*out_from > *out_to)
    return g_strdup (_("The first day (--from) comes after the last (--to)."));

  return NULL;
}

int
rexian_form_command_run (int    argc,
                         char **argv)
{
  g_auto(FormOptions) options = { NULL, NULL, NULL, NULL, NULL, NULL, 0 };
  GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &options.kind,
      N_("The form: record (记录单), transfer (转办单) or order (the whole work order)"),
      N_("KIND") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &options.from,
      N_("The first day of a record sheet"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &options.to,
      N_("The last day of a record sheet"), N_("YYYY-MM-DD") },
    { "order", 0, 0, G_OPTION_ARG_STRING, &options.order,
      N_("The number of the work order to print"), N_("NUMBER") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
      N_("The PDF file to write"), N_("FILE") },
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &options.database,
      N_("The shared database to read (default: the user data folder’s rexian/rexian.db)"),
      N_("PATH") },
    /* Tests fix the moment printed as the time a form was produced. */
    { "now", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT64, &options.now, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RexianFormDocument) document = NULL;
  g_autoptr(RexianStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  g_auto(GStrv) args = g_new0 (char *, argc + 1);
  RexianFormKind kind = REXIAN_FORM_RECORD;
  gint64 from = 0, to = 0, now;

  args[0] = g_strdup ("rexian form");
  for (int i = 1; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  g_set_prgname ("rexian form");
  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Writes a printed form of the hotline as a PDF file: the "
                                  "record sheet of a period, or the transfer form or the "
                                  "whole of one work order."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, &args, &error))
    return fail (REXIAN_REPORT_EXIT_USAGE, error->message);

  problem = check_options (&options, args, &kind, &from, &to);
  if (problem != NULL)
    return fail (REXIAN_REPORT_EXIT_USAGE, problem);

  now = options.now > 0 ? options.now : g_get_real_time () / G_USEC_PER_SEC;

  store = rexian_command_open_store (options.database, &error);
  if (store != NULL && kind == REXIAN_FORM_RECORD)
    document = rexian_form_document_load_record (store, from, to, now, &error);
  else if (store != NULL)
    document = rexian_form_document_load_order (store, kind, options.order, now, &error);

  if (document == NULL)
    {
      if (g_error_matches (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_NOT_FOUND))
        {
          g_autofree char *message = g_strdup_printf (_("There is no work order numbered “%s”."),
                                                      options.order);

          return fail (REXIAN_REPORT_EXIT_FAILED, message);
        }
      return fail (REXIAN_REPORT_EXIT_FAILED, error->message);
    }

  if (!rexian_form_write_pdf (document, options.output, &error))
    return fail (REXIAN_REPORT_EXIT_FAILED, error->message);

  return REXIAN_REPORT_EXIT_OK;
}
