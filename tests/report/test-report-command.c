/* test-report-command.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "report-test-util.h"
#include "rexian-measures.h"

/* The real "rexian report" program run on a database with a known week, as cron would
 * run it, and its files opened back: the CSV parsed as Excel reads it, the workbook's
 * cells read from its XML, the PDF's text extracted and its pages rendered.  Then bad
 * arguments, a missing, damaged or locked database and an unwritable output, each with
 * its message and exit status and no file left half written. */

static char *dir;
static char *database;

/* Runs a program; returns its exit status, with what it printed. */
static int
run (const char * const *argv,
     const char * const *env_extra,
     char              **out_stdout,
     char              **out_stderr)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  int status = -1;

  for (guint i = 0; env_extra != NULL && env_extra[i] != NULL; i += 2)
    env = g_environ_setenv (env, env_extra[i], env_extra[i + 1], TRUE);

  g_spawn_sync (dir, (char **) argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL, out_stdout,
                out_stderr, &status, &error);
  g_assert_no_error (error);

  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* English, as the figures' headings are checked by their English names. */
static const char * const english[] = { "LC_ALL", "C.UTF-8", "LANGUAGE", "", NULL };
static const char * const chinese[] = { "LC_ALL", "zh_CN.UTF-8", "LANGUAGE", "zh_CN", NULL };

static int
run_report (const char * const *env_extra,
            char              **out_stderr,
            ...) G_GNUC_NULL_TERMINATED;

/* "rexian report --database DB --now MONDAY ..." with the rest of the arguments. */
static int
run_report (const char * const *env_extra,
            char              **out_stderr,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *now = g_strdup_printf ("%" G_GINT64_FORMAT, report_test_now ());
  g_autofree char *out = NULL;
  const char *arg;
  va_list args;
  int status;

  g_ptr_array_add (argv, g_strdup (g_getenv ("REXIAN_EXE")));
  g_ptr_array_add (argv, g_strdup ("report"));
  g_ptr_array_add (argv, g_strdup ("--now"));
  g_ptr_array_add (argv, g_strdup (now));
  va_start (args, out_stderr);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  status = run ((const char * const *) argv->pdata, env_extra, &out, out_stderr);
  /* Quiet on success, as cron mails whatever a job prints. */
  g_assert_cmpstr (out, ==, "");

  return status;
}

/* Cells */

typedef struct
{
  GHashTable *cells; /* "table\x1frow\x1fcolumn" → "kind\x1fvalue" */
} Cells;

static char *
unescape (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (s, *p == 't' ? '\t' : *p == 'n' ? '\n' : *p);
        }
      else
        g_string_append_c (s, *p);
    }

  return g_string_free (s, FALSE);
}

static Cells *
read_cells (const char *kind,
            const char *path)
{
  const char *argv[] = { "python3", g_getenv ("REPORT_CELLS"), kind, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  Cells *cells = g_new0 (Cells, 1);

  g_assert_cmpint (run (argv, NULL, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");

  cells->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 5);
      g_autofree char *table = NULL;
      g_autofree char *value = NULL;

      if (g_strv_length (fields) != 5)
        continue;
      table = unescape (fields[0]);
      value = unescape (fields[4]);
      g_hash_table_insert (cells->cells,
                           g_strdup_printf ("%s\x1f%s\x1f%s", table, fields[1], fields[2]),
                           g_strdup_printf ("%s\x1f%s", fields[3], value));
    }

  return cells;
}

static void
cells_free (Cells *cells)
{
  g_hash_table_unref (cells->cells);
  g_free (cells);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Cells, cells_free)

/* The kind and value at a position, or NULL for no cell there. */
static const char *
cell_at (Cells      *cells,
         const char *table,
         guint       row,
         guint       column)
{
  g_autofree char *key = g_strdup_printf ("%s\x1f%u\x1f%u", table, row, column);

  return g_hash_table_lookup (cells->cells, key);
}

static const char *
cell_value (const char *cell)
{
  const char *separator = cell != NULL ? strchr (cell, '\x1f') : NULL;

  return separator != NULL ? separator + 1 : cell;
}

/* The cell of @table in the row whose first cell is @row_label and the column headed
 * @heading, as "kind\x1fvalue"; "" for an empty cell. */
static const char *
lookup (Cells      *cells,
        const char *table,
        const char *row_label,
        const char *heading)
{
  int column = -1, row = -1;

  for (guint c = 0; c < 64 && column < 0; c++)
    if (g_strcmp0 (cell_value (cell_at (cells, table, 0, c)), heading) == 0)
      column = c;
  for (guint r = 1; r < 1000 && row < 0; r++)
    if (g_strcmp0 (cell_value (cell_at (cells, table, r, 0)), row_label) == 0)
      row = r;

  if (column < 0 || row < 0)
    g_error ("No cell for “%s” under “%s” in table “%s”", row_label, heading, table);

  return cell_at (cells, table, row, column) != NULL ? cell_at (cells, table, row, column) : "";
}

/* A figure as a number: a CSV percentage as a fraction, NAN for an empty cell.  In a
 * workbook the number must be a number cell with a format fit for it. */
static double
figure (Cells      *cells,
        const char *table,
        const char *row_label,
        const char *heading,
        gboolean    workbook)
{
  const char *cell = lookup (cells, table, row_label, heading);
  const char *value = cell_value (cell);
  char *end = NULL;
  double number;

  if (value == NULL || *value == '\0')
    return NAN;

  if (workbook)
    g_assert_true (g_str_has_prefix (cell, "n:"));

  number = g_ascii_strtod (value, &end);
  if (g_str_equal (end, "%"))
    return number / 100.0;
  g_assert_cmpstr (end, ==, "");

  if (workbook && g_strrstr (cell, "%\x1f") != NULL)
    g_assert_true (number >= 0 && number <= 1);

  return number;
}

static char *
seconds_heading (RexianMeasure measure)
{
  return g_strdup_printf ("%s (s)", rexian_measure_get_name (measure));
}

#define assert_figure(cells, table, row, heading, workbook, expected) \
  G_STMT_START { \
    double f_ = figure ((cells), (table), (row), (heading), (workbook)); \
    double e_ = (expected); \
    if (isnan (e_)) \
      g_assert_true (isnan (f_)); \
    else \
      g_assert_cmpfloat_with_epsilon (f_, e_, 0.0001); \
  } G_STMT_END

/* The known week, read back from either file. */
static void
check_figures (Cells    *cells,
               gboolean  workbook)
{
  g_autofree char *asa = seconds_heading (REXIAN_MEASURE_ASA);
  g_autofree char *longest = seconds_heading (REXIAN_MEASURE_LONGEST_WAIT);
  const char *summary = "Summary";
  const char *value = "Value";
  const char *area = NULL;
  guint warning_row = 0;

#define SUMMARY(measure, expected) \
  assert_figure (cells, summary, rexian_measure_get_name (measure), value, workbook, expected)

  SUMMARY (REXIAN_MEASURE_OFFERED, 5);
  SUMMARY (REXIAN_MEASURE_ANSWERED, 3);
  SUMMARY (REXIAN_MEASURE_ABANDONED, 2);
  SUMMARY (REXIAN_MEASURE_COMPLETION_RATE, 0.6);
  SUMMARY (REXIAN_MEASURE_SERVICE_LEVEL, 0.6667);
  SUMMARY (REXIAN_MEASURE_SERVICE_LEVEL_2, 0.6);
  SUMMARY (REXIAN_MEASURE_ABANDON_RATE, 0.4);
  SUMMARY (REXIAN_MEASURE_DIRECT_ANSWER_RATE, 0.1667);
  SUMMARY (REXIAN_MEASURE_ON_TIME_DISPATCH, 1.0);
  SUMMARY (REXIAN_MEASURE_FOLLOW_UP_RATE, 1.0);
  SUMMARY (REXIAN_MEASURE_PROCESS_SATISFACTION, 1.0);
  SUMMARY (REXIAN_MEASURE_RESULT_SATISFACTION, 1.0);
  SUMMARY (REXIAN_MEASURE_RETURN_RATE, 0.5);
  SUMMARY (REXIAN_MEASURE_REHANDLE_RATE, 0.0);
  SUMMARY (REXIAN_MEASURE_ATTITUDE, 0.5);
  /* Nothing fell due in the week: undefined, an empty cell rather than 0 % or 100 %. */
  SUMMARY (REXIAN_MEASURE_ON_TIME_COMPLETION, NAN);
#undef SUMMARY
  assert_figure (cells, summary, asa, value, workbook, 12.0);
  assert_figure (cells, summary, longest, value, workbook, 30.0);
  assert_figure (cells, summary, "Orders", value, workbook, 6);
  assert_figure (cells, summary, rexian_measure_get_name (REXIAN_MEASURE_COMPLETION_RATE),
                 "Numerator", workbook, 3);
  assert_figure (cells, summary, rexian_measure_get_name (REXIAN_MEASURE_COMPLETION_RATE),
                 "Denominator", workbook, 5);
  g_assert_cmpstr (cell_value (lookup (cells, summary,
                                       rexian_measure_get_name (REXIAN_MEASURE_COMPLETION_RATE),
                                       "Formula")),
                   ==, rexian_measure_get_formula (REXIAN_MEASURE_COMPLETION_RATE));

  /* Each day of the week, Tuesday's call offered at the 15 s edge included. */
  assert_figure (cells, "By day", "2026-06-09 Tue", "Offered", workbook, 3);
  assert_figure (cells, "By day", "2026-06-09 Tue", "Answered", workbook, 2);
  assert_figure (cells, "By day", "2026-06-10 Wed", "Offered", workbook, 2);
  assert_figure (cells, "By day", "2026-06-10 Wed", "Abandon rate", workbook, 0.5);
  assert_figure (cells, "By day", "2026-06-11 Thu", "Orders", workbook, 3);
  assert_figure (cells, "By day", "2026-06-14 Sun", "Offered", workbook, 0);
  assert_figure (cells, "By day", "2026-06-14 Sun", "Completion rate", workbook, NAN);

  assert_figure (cells, "By department", REPORT_TEST_HOUSING, "Orders", workbook, 1);
  assert_figure (cells, "By department", REPORT_TEST_HOUSING, "On-time dispatch", workbook, 1.0);
  assert_figure (cells, "By department", REPORT_TEST_HOUSING, "Service attitude", workbook, 1.0);
  assert_figure (cells, "By department", REPORT_TEST_HOUSING, "Satisfaction with the result",
                 workbook, 1.0);
  assert_figure (cells, "By department", "Total", "Orders", workbook, 6);
  assert_figure (cells, "By department", "Total", "Transferred to departments", workbook, 2);
  assert_figure (cells, "By department", "Total", "Return rate", workbook, 0.5);

  assert_figure (cells, "By channel", "Total", "Share of orders", workbook, 1.0);

  assert_figure (cells, "By state", rexian_state_get_label (REXIAN_STATE_INTAKE), "Orders",
                 workbook, 3);
  assert_figure (cells, "By state", rexian_state_get_label (REXIAN_STATE_PENDING_DISPATCH),
                 "Orders", workbook, 1);
  assert_figure (cells, "By state", rexian_state_get_label (REXIAN_STATE_CLOSED), "Orders",
                 workbook, 2);
  assert_figure (cells, "By state", "Total", "Orders", workbook, 6);

  assert_figure (cells, "Wait times", rexian_wait_bucket_get_label (2), "Answered", workbook, 1);

  /* The street's three manhole covers are an early warning. */
  for (guint r = 1; r < 20 && warning_row == 0; r++)
    {
      area = cell_value (cell_at (cells, "Early warning", r, 2));
      if (g_strcmp0 (area, REPORT_TEST_AREA) == 0)
        warning_row = r;
    }
  g_assert_cmpuint (warning_row, >, 0);
  g_assert_cmpstr (cell_value (cell_at (cells, "Early warning", warning_row, 0)), ==,
                   "Same category and place");
  g_assert_cmpstr (cell_value (cell_at (cells, "Early warning", warning_row, 3)), ==, "3");
  if (workbook)
    g_assert_true (g_str_has_prefix (cell_at (cells, "Early warning", warning_row, 4),
                                     "n:yyyy-mm-dd hh:mm"));
  else
    g_assert_cmpstr (cell_value (cell_at (cells, "Early warning", warning_row, 4)), ==,
                     "2026-06-11 09:00");
}

static void
test_csv (void)
{
  g_autofree char *path = g_build_filename (dir, "week.csv", NULL);
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(Cells) cells = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run_report (english, &err, "--period", "week", "--date", "2026-06-10",
                               "--format", "csv", "--output", path, "--database", database,
                               NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  g_assert_nonnull (strstr (contents, "\r\n"));
  g_assert_nonnull (strstr (contents, REPORT_TEST_HOUSING));

  cells = read_cells ("csv", path);
  g_assert_cmpstr (cell_value (cell_at (cells, "", 0, 0)), ==,
                   "12345 Government Service Hotline Statistics Report");
  g_assert_cmpstr (cell_value (cell_at (cells, "", 1, 0)), ==, "Week: 2026-06-08 – 2026-06-14");
  check_figures (cells, FALSE);
}

static void
test_xlsx (void)
{
  g_autofree char *path = g_build_filename (dir, "week.xlsx", NULL);
  g_autofree char *err = NULL;
  g_autoptr(Cells) cells = NULL;

  /* The format comes from the file's name when --format is not given. */
  g_assert_cmpint (run_report (english, &err, "--period", "week", "--date", "2026-06-10",
                               "-o", path, "-d", database, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  cells = read_cells ("xlsx", path);
  check_figures (cells, TRUE);

  /* Percentages and counts carry their own formats. */
  g_assert_true (g_str_has_prefix (lookup (cells, "Summary",
                                           rexian_measure_get_name (REXIAN_MEASURE_COMPLETION_RATE),
                                           "Value"), "n:0.0%"));
  g_assert_true (g_str_has_prefix (lookup (cells, "Summary",
                                           rexian_measure_get_name (REXIAN_MEASURE_OFFERED),
                                           "Value"), "n:0\x1f"));
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_autofree char *err = NULL;
  char *out = NULL;

  g_assert_cmpint (run (argv, NULL, &out, &err), ==, 0);

  return out;
}

static guint
pdf_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *line;

  g_assert_cmpint (run (argv, NULL, &out, &err), ==, 0);
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);

  return (guint) g_ascii_strtoull (line + strlen ("Pages:") + strspn (line + 6, " "), NULL, 10);
}

/* Renders a page; REXIAN_TEST_KEEP names a folder to keep it in for a look. */
static void
render_page (const char *pdf,
             guint       page,
             const char *name)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  g_autofree char *prefix = g_build_filename (g_getenv ("REXIAN_TEST_KEEP") != NULL
                                                ? g_getenv ("REXIAN_TEST_KEEP") : dir,
                                              name, NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  const char *argv[] = { "pdftoppm", "-png", "-r", "110", "-f", number, "-l", number,
                         "-singlefile", pdf, prefix, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (argv, NULL, &out, &err), ==, 0);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
}

/* A translated string as the program prints it in Chinese. */
static char *
chinese_text (const char *msgid)
{
  g_autofree char *old = g_strdup (setlocale (LC_ALL, NULL));
  char *text;

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_ALL, "zh_CN.UTF-8");
  /* libintl itself: g_dgettext() decided once, in the C locale, not to translate. */
  text = g_strdup (dgettext (GETTEXT_PACKAGE, msgid));
  setlocale (LC_ALL, old);
  g_unsetenv ("LANGUAGE");

  return text;
}

static void
test_pdf (void)
{
  g_autofree char *path = g_build_filename (dir, "year.pdf", NULL);
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *title = chinese_text ("12345 Government Service Hotline Statistics Report");
  g_autofree char *page_format = chinese_text ("Page %u of %u");
  g_autofree char *last_page = NULL;
  g_autofree char *continued = NULL;
  g_autofree char *continued_format = chinese_text ("%s (continued)");
  g_autofree char *by_department = chinese_text ("By department");
  const char *fonts_argv[] = { "pdffonts", path, NULL };
  g_autofree char *fonts_err = NULL;
  guint pages;

  /* The year in Chinese: its list of departments runs onto a second page. */
  g_assert_cmpint (run_report (chinese, &err, "--period", "year", "--date", "2026-06-10",
                               "--format", "pdf", "--output", path, "--database", database,
                               NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  text = pdf_text (path);
  pages = pdf_pages (path);
  g_assert_cmpuint (pages, >=, 2);
  g_assert_nonnull (strstr (text, title));
  g_assert_nonnull (strstr (text, REPORT_TEST_HOUSING));
  g_assert_nonnull (strstr (text, REPORT_TEST_CITY));
  g_assert_nonnull (strstr (text, REPORT_TEST_AREA));
  g_assert_nonnull (strstr (text, "2026"));
  g_assert_nonnull (strstr (text, "区直第40工作部门"));
  /* 接通率 and ASA of the year, as on screen. */
  g_assert_nonnull (strstr (text, "60.0%"));
  g_assert_nonnull (strstr (text, "12.0"));
  last_page = g_strdup_printf (page_format, pages, pages);
  g_assert_nonnull (strstr (text, last_page));
  continued = g_strdup_printf (continued_format, by_department);
  g_assert_nonnull (strstr (text, continued));

  /* The Chinese text is drawn with a CJK font, embedded in the file. */
  g_assert_cmpint (run (fonts_argv, NULL, &fonts, &fonts_err), ==, 0);
  g_assert_nonnull (strstr (fonts, "WenQuanYi"));

  render_page (path, 1, "report-year-zh_CN-1");
  render_page (path, 3, "report-year-zh_CN-3");
}

/* The same report in English: the headings come from the measures' names. */
static void
test_pdf_english (void)
{
  g_autofree char *path = g_build_filename (dir, "week.pdf", NULL);
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (run_report (english, &err, "--period", "week", "--date", "2026-06-10",
                               "--format", "pdf", "--output", path, "--database", database,
                               NULL), ==, 0);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "12345 Government Service Hotline Statistics Report"));
  g_assert_nonnull (strstr (text, "Week: 2026-06-08 – 2026-06-14"));
  g_assert_nonnull (strstr (text, "answered ÷ offered"));
  g_assert_nonnull (strstr (text, "Page 1 of"));
  render_page (path, 1, "report-week-en-1");
}

/* Errors */

static gboolean
dir_has_temporary (const char *folder)
{
  g_autoptr(GDir) handle = g_dir_open (folder, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (name[0] == '.')
      return TRUE;

  return FALSE;
}

static void
assert_fails (int         expected_status,
              const char *expected_message,
              ...) G_GNUC_NULL_TERMINATED;

static void
assert_fails (int         expected_status,
              const char *expected_message,
              ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("REXIAN_EXE"));
  g_ptr_array_add (argv, "report");
  va_start (args, expected_message);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_cmpint (run ((const char * const *) argv->pdata, english, &out, &err), ==,
                   expected_status);
  g_test_message ("%s", err);
  g_assert_true (g_str_has_prefix (err, "rexian report: "));
  g_assert_nonnull (strstr (err, expected_message));
  g_assert_cmpstr (out, ==, "");
}

static void
test_bad_arguments (void)
{
  g_autofree char *out = g_build_filename (dir, "bad.csv", NULL);

  assert_fails (2, "Unknown period “fortnight”", "--period", "fortnight", "-o", out, "-d",
                database, NULL);
  assert_fails (2, "--period", "-o", out, "-d", database, NULL);
  assert_fails (2, "--output", "--period", "week", "-d", database, NULL);
  assert_fails (2, "“2026-02-30” is not a date", "--period", "day", "--date", "2026-02-30",
                "-o", out, "-d", database, NULL);
  assert_fails (2, "“10/06/2026” is not a date", "--period", "day", "--date", "10/06/2026",
                "-o", out, "-d", database, NULL);
  assert_fails (2, "Unknown format “docx”", "--period", "week", "--format", "docx", "-o", out,
                "-d", database, NULL);
  assert_fails (2, "--format", "--period", "week", "-o", "report.txt", "-d", database, NULL);
  assert_fails (2, "Unknown option", "--period", "week", "--colour", "-o", out, NULL);
  assert_fails (2, "Unexpected argument “extra”", "--period", "week", "-o", out, "extra",
                NULL);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_bad_database (void)
{
  g_autofree char *out = g_build_filename (dir, "kept.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  g_autofree char *damaged = g_build_filename (dir, "damaged.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  /* Last week's report, which a failed run must leave as it was. */
  g_file_set_contents (out, "last week\r\n", -1, &error);
  g_assert_no_error (error);

  assert_fails (1, "There is no database at", "--period", "week", "-o", out, "-d", missing,
                NULL);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_file_set_contents (damaged, "This is not a database, just some text written over it.\n"
                       "This is not a database, just some text written over it.\n", -1,
                       &error);
  g_assert_no_error (error);
  assert_fails (1, "damaged.db", "--period", "week", "-o", out, "-d", damaged, NULL);

  g_file_get_contents (out, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "last week\r\n");
  g_assert_false (dir_has_temporary (dir));
}

/* Another program holds the database in exclusive mode: the report waits its while,
 * then says the database is busy. */
static void
test_locked_database (void)
{
  g_autofree char *out = g_build_filename (dir, "locked.csv", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (database, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; "
                                 "CREATE TABLE lock_holder (x); ", NULL, NULL, NULL),
                   ==, SQLITE_OK);

  assert_fails (1, "is in use by another program", "--period", "week", "-o", out, "-d",
                database, NULL);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_cmpint (run_report (english, NULL, "--period", "week", "-o", out, "-d", database,
                               NULL), ==, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
}

static void
test_unwritable_output (void)
{
  g_autofree char *nowhere = g_build_filename (dir, "no-such-folder", "week.xlsx", NULL);
  g_autofree char *folder = g_build_filename (dir, "a-folder", NULL);

  assert_fails (1, "Cannot write the report to", "--period", "week", "-o", nowhere, "-d",
                database, NULL);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  assert_fails (1, "Cannot write the report to", "--period", "week", "--format", "pdf", "-o",
                folder, "-d", database, NULL);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_false (dir_has_temporary (dir));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* The measures' English names, for finding the rows. */
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("REXIAN_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);

  dir = g_dir_make_tmp ("rexian-report-XXXXXX", &error);
  g_assert_no_error (error);
  database = g_build_filename (dir, "rexian.db", NULL);
  report_test_build (database);

  g_test_add_func ("/report/csv", test_csv);
  g_test_add_func ("/report/xlsx", test_xlsx);
  g_test_add_func ("/report/pdf", test_pdf);
  g_test_add_func ("/report/pdf-english", test_pdf_english);
  g_test_add_func ("/report/bad-arguments", test_bad_arguments);
  g_test_add_func ("/report/bad-database", test_bad_database);
  g_test_add_func ("/report/locked-database", test_locked_database);
  g_test_add_func ("/report/unwritable-output", test_unwritable_output);

  status = g_test_run ();

  report_test_remove_dir (dir);
  g_free (database);
  g_free (dir);

  return status;
}
