/* rexian-reports-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rexian-form-print.h"
#include "rexian-order-query.h"
#include "rexian-report-pages.h"
#include "rexian-reports-dialog.h"
#include "rexian-store-stats.h"
#include "rexian-supervisor-drilldown.h"

/* A cluster opens at most this many orders in its list. */
#define CLUSTER_ORDERS_MAX 200

/* The periods the "Report by" row offers, in its order. */
static const RexianPeriodKind kinds[] = {
  REXIAN_PERIOD_DAY, REXIAN_PERIOD_WEEK, REXIAN_PERIOD_MONTH, REXIAN_PERIOD_YEAR,
};

/* The summary shows every measure, then the orders taken. */
#define N_SUMMARY_ROWS (REXIAN_N_MEASURES + 1)

struct _RexianReportsDialog
{
  AdwWindow             parent_instance;

  RexianStore          *store;
  GCancellable         *cancellable;
  RexianPeriod          period;
  RexianStatsReport    *report;
  GPtrArray            *clusters;   /* RexianWarningCluster */
  RexianReportDocument *document;
  RexianThresholds      thresholds;
  GtkLabel             *values[N_SUMMARY_ROWS];
  GtkFileChooserNative *chooser;
  RexianReportFormat    export_format;
  guint                 loading : 1;
  guint                 syncing : 1;

  /* Template children. */
  AdwToastOverlay      *toast_overlay;
  GtkSpinner           *spinner;
  AdwComboRow          *kind_row;
  AdwActionRow         *period_row;
  GtkMenuButton        *date_button;
  GtkCalendar          *calendar;
  AdwPreferencesGroup  *summary_group;
  GtkListBox           *warning_list;
};

G_DEFINE_FINAL_TYPE (RexianReportsDialog, rexian_reports_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load (RexianReportsDialog *self);

static void
set_loading (RexianReportsDialog *self,
             gboolean             loading)
{
  gboolean ready = !loading && self->document != NULL;

  self->loading = !!loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.print", ready);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
toast (RexianReportsDialog *self,
       const char          *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* Summary */

static void
add_summary_row (RexianReportsDialog *self,
                 guint                index,
                 const char          *title,
                 const char          *formula)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new ("—");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), formula);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "title-4");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (self->summary_group, row);
  self->values[index] = GTK_LABEL (label);
}

static void
build_summary (RexianReportsDialog *self)
{
  for (guint i = 0; i < REXIAN_N_MEASURES; i++)
    add_summary_row (self, i, rexian_measure_get_name (i), rexian_measure_get_formula (i));
  add_summary_row (self, REXIAN_N_MEASURES, _("Orders"),
                   _("work orders taken in the period, merged ones not counted"));
}

static void
show_summary (RexianReportsDialog *self)
{
  static const char *level_classes[] = { "warning", "error" };

  for (guint i = 0; i < N_SUMMARY_ROWS; i++)
    {
      GtkWidget *label = GTK_WIDGET (self->values[i]);
      g_autofree char *text = NULL;
      RexianLevel level = REXIAN_LEVEL_NONE;

      for (guint c = 0; c < G_N_ELEMENTS (level_classes); c++)
        gtk_widget_remove_css_class (label, level_classes[c]);

      if (self->report == NULL)
        text = g_strdup ("—");
      else if (i == REXIAN_N_MEASURES)
        text = g_strdup_printf ("%" G_GINT64_FORMAT, self->report->orders.orders);
      else
        {
          RexianMeasureValue value = rexian_report_get_measure (self->report, i);

          text = rexian_measure_format_value (i, &value);
          level = rexian_thresholds_get_level (&self->thresholds, i, &value);
        }

      if (level == REXIAN_LEVEL_WARNING)
        gtk_widget_add_css_class (label, "warning");
      else if (level == REXIAN_LEVEL_BAD)
        gtk_widget_add_css_class (label, "error");
      gtk_label_set_text (GTK_LABEL (label), text);
    }
}

/* Early warning */

static void
on_open_order (RexianReportsDialog *self,
               RexianWorkOrder     *order)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  /* The main window opens orders; without it there is nowhere to show one. */
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.open-order", "x",
                                rexian_work_order_get_id (order));
}

static void
on_warning_activated (RexianReportsDialog *self,
                      GtkListBoxRow       *row)
{
  int index = gtk_list_box_row_get_index (row);
  const RexianWarningCluster *cluster;
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GtkWidget *window;

  if (self->clusters == NULL || index < 0 || (guint) index >= self->clusters->len)
    return;

  /* A bounded read by primary key: as quick as any list on screen. */
  cluster = g_ptr_array_index (self->clusters, index);
  orders = rexian_store_get_orders_by_ids (self->store, (const gint64 *) cluster->order_ids->data,
                                           MIN (cluster->order_ids->len, CLUSTER_ORDERS_MAX),
                                           &error);
  if (orders == NULL)
    {
      toast (self, error->message);
      return;
    }

  title = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  window = rexian_supervisor_drilldown_new (GTK_WINDOW (self), title, FALSE, orders);
  g_signal_connect_object (window, "open-order", G_CALLBACK (on_open_order), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static char *
describe_cluster (const RexianWarningCluster *cluster)
{
  const char *category = cluster->category_name != NULL && *cluster->category_name != '\0'
                           ? cluster->category_name : _("No category");

  if (cluster->kind == REXIAN_WARNING_SAME_PLACE)
    /* Translators: an early warning: a category and the area the requests came from. */
    return g_strdup_printf (_("%s · %s"), category, cluster->area);

  /* Translators: an early warning: the request several orders share. */
  return g_strdup_printf (_("“%s”"), cluster->text);
}

static void
show_warnings (RexianReportsDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->warning_list))) != NULL)
    gtk_list_box_remove (self->warning_list, child);

  for (guint i = 0; self->clusters != NULL && i < self->clusters->len; i++)
    {
      const RexianWarningCluster *cluster = g_ptr_array_index (self->clusters, i);
      g_autoptr(GDateTime) first = g_date_time_new_from_unix_local (cluster->first_at);
      g_autoptr(GDateTime) last = g_date_time_new_from_unix_local (cluster->last_at);
      g_autofree char *first_text = g_date_time_format (first, "%Y-%m-%d %H:%M");
      g_autofree char *last_text = g_date_time_format (last, "%Y-%m-%d %H:%M");
      g_autofree char *title = describe_cluster (cluster);
      g_autofree char *subtitle = NULL;
      guint n = cluster->order_ids->len;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: an early warning's orders and when the first and last came. */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u order · %s – %s",
                                               "%u orders · %s – %s", n),
                                  n, first_text, last_text);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->warning_list, row);
    }
}

/* Loading */

static void
on_clusters (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RexianReportsDialog) self = user_data;
  g_autoptr(GPtrArray) clusters = NULL;
  g_autoptr(GError) error = NULL;

  clusters = rexian_store_stats_find_clusters_finish (REXIAN_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (clusters == NULL)
    {
      /* The figures stand without the warnings; the report says none were found. */
      toast (self, error->message);
      clusters = g_ptr_array_new_with_free_func (rexian_warning_cluster_free);
    }

  g_clear_pointer (&self->clusters, g_ptr_array_unref);
  self->clusters = g_steal_pointer (&clusters);
  g_clear_pointer (&self->document, rexian_report_document_unref);
  self->document = rexian_report_document_new (self->report, self->clusters, self->report->now);

  show_summary (self);
  show_warnings (self);
  set_loading (self, FALSE);
}

static void
on_report (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RexianReportsDialog) self = user_data;
  g_autoptr(RexianStatsReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = rexian_store_stats_report_finish (REXIAN_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (report == NULL)
    {
      toast (self, error->message);
      set_loading (self, FALSE);
      return;
    }

  g_clear_pointer (&self->report, rexian_stats_report_free);
  self->report = g_steal_pointer (&report);
  rexian_store_stats_find_clusters_async (self->store, &self->period,
                                          REXIAN_REPORT_WARNING_THRESHOLD, self->cancellable,
                                          on_clusters, g_object_ref (self));
}

static void
load (RexianReportsDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* What is on screen belongs to the period before: it goes at once. */
  g_clear_pointer (&self->report, rexian_stats_report_free);
  g_clear_pointer (&self->clusters, g_ptr_array_unref);
  g_clear_pointer (&self->document, rexian_report_document_unref);
  show_summary (self);
  show_warnings (self);
  set_loading (self, TRUE);

  rexian_store_stats_report_async (self->store, &self->period, 0, self->cancellable,
                                   on_report, g_object_ref (self));
}

/* The period */

static void
show_period (RexianReportsDialog *self)
{
  g_autofree char *text = rexian_report_describe_period (&self->period);
  g_autoptr(GDateTime) start = g_date_time_new_from_unix_local (self->period.start);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->period_row), text);

  self->syncing = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] == self->period.kind)
      adw_combo_row_set_selected (self->kind_row, i);
  gtk_calendar_select_day (self->calendar, start);
  self->syncing = FALSE;
}

void
_rexian_reports_dialog_set_period (RexianReportsDialog *self,
                                   RexianPeriodKind     kind,
                                   gint64               at)
{
  g_return_if_fail (REXIAN_IS_REPORTS_DIALOG (self));

  rexian_period_init (&self->period, kind, at);
  show_period (self);
  load (self);
}

static void
on_kind_selected (RexianReportsDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (self->syncing || selected >= G_N_ELEMENTS (kinds))
    return;

  /* The new period holds the first day of the one shown. */
  _rexian_reports_dialog_set_period (self, kinds[selected], self->period.start);
}

static void
on_day_selected (RexianReportsDialog *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) noon = NULL;

  if (self->syncing)
    return;

  day = gtk_calendar_get_date (self->calendar);
  noon = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day), 12, 0, 0);
  gtk_menu_button_popdown (self->date_button);
  _rexian_reports_dialog_set_period (self, self->period.kind, g_date_time_to_unix (noon));
}

static void
shift_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RexianReportsDialog *self = REXIAN_REPORTS_DIALOG (widget);
  RexianPeriod shifted;

  rexian_period_shift (&self->period,
                       g_str_equal (action_name, "reports.next") ? 1 : -1, &shifted);
  self->period = shifted;
  show_period (self);
  load (self);
}

/* Export */

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  RexianReportDocument *document = task_data;
  const char *path = g_object_get_data (G_OBJECT (task), "path");
  RexianReportFormat format = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "format"));
  GError *error = NULL;

  if (rexian_report_write (document, format, path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Writing a PDF of a year's report takes a moment: it runs on a worker thread with its
 * own reference to the report, so that the window stays live. */
static void
write_async (RexianReportsDialog *self,
             RexianReportFormat   format,
             const char          *path,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);

  g_task_set_source_tag (task, write_async);
  g_task_set_task_data (task, rexian_report_document_ref (self->document),
                        (GDestroyNotify) rexian_report_document_unref);
  g_object_set_data_full (G_OBJECT (task), "path", g_strdup (path), g_free);
  g_object_set_data (G_OBJECT (task), "format", GUINT_TO_POINTER (format));
  g_task_run_in_thread (task, write_in_thread);
}

static void
on_written (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  RexianReportsDialog *self = REXIAN_REPORTS_DIALOG (object);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    toast (self, error->message);
  else
    {
      const char *path = g_object_get_data (G_OBJECT (result), "path");
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *message = g_strdup_printf (_("Report saved as “%s”"), name);

      toast (self, message);
    }
}

static char *
suggest_name (RexianReportsDialog *self,
              RexianReportFormat   format)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_unix_local (self->period.start);
  g_autofree char *date = g_date_time_format (start, "%Y-%m-%d");

  /* Translators: the suggested file name of a report, without its extension: the kind
   * of period ("week") and its first day. */
  return g_strdup_printf (_("report-%s-%s.%s"), rexian_period_kind_to_string (self->period.kind),
                          date, rexian_report_format_to_string (format));
}

static void
export_to (RexianReportsDialog *self,
           GFile               *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL || self->document == NULL)
    {
      toast (self, _("Reports can only be saved to local files."));
      return;
    }
  write_async (self, self->export_format, path, on_written, NULL);
}

#if GTK_CHECK_VERSION (4, 10, 0) && GDK_VERSION_MAX_ALLOWED >= GDK_VERSION_4_10
static void
on_save_chosen (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RexianReportsDialog) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (file != NULL)
    export_to (self, file);
}
#else
static void
on_chooser_response (RexianReportsDialog *self,
                     int                  response)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  g_clear_object (&self->chooser);

  if (file != NULL)
    export_to (self, file);
}
#endif

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RexianReportsDialog *self = REXIAN_REPORTS_DIALOG (widget);
  g_autofree char *name = NULL;
  RexianReportFormat format;

  if (!rexian_report_format_from_string (g_variant_get_string (parameter, NULL), &format))
    return;

  self->export_format = format;
  name = suggest_name (self, format);

#if GTK_CHECK_VERSION (4, 10, 0) && GDK_VERSION_MAX_ALLOWED >= GDK_VERSION_4_10
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, _("Export Report"));
    gtk_file_dialog_set_initial_name (dialog, name);
    gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, on_save_chosen, g_object_ref (self));
  }
#else
  {
    g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
    g_autofree char *pattern = g_strdup_printf ("*.%s", rexian_report_format_to_string (format));

    g_clear_object (&self->chooser);
    self->chooser = gtk_file_chooser_native_new (_("Export Report"), GTK_WINDOW (self),
                                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                                 _("_Cancel"));
    gtk_file_filter_add_mime_type (filter, rexian_report_format_get_mime_type (format));
    gtk_file_filter_add_pattern (filter, pattern);
    gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), filter);
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
    g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
  }
#endif
}

static void
on_test_written (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

gboolean
_rexian_reports_dialog_export_to_file (RexianReportsDialog *self,
                                       RexianReportFormat   format,
                                       const char          *path,
                                       GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (self->document != NULL, FALSE);

  write_async (self, format, path, on_test_written, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Printing */

typedef struct
{
  RexianReportDocument *document;
  RexianReportPages    *pages;
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  g_clear_pointer (&job->pages, rexian_report_pages_free);
  g_clear_pointer (&job->document, rexian_report_document_unref);
  g_free (job);
}

/* The pages are laid out for the paper and orientation chosen in the print dialog. */
static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  g_clear_pointer (&job->pages, rexian_report_pages_free);
  job->pages = rexian_report_pages_new (job->document,
                                        gtk_print_context_get_width (context),
                                        gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, rexian_report_pages_get_n_pages (job->pages));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  rexian_report_pages_draw (job->pages, gtk_print_context_get_cairo_context (context), page);
}

static GtkPrintOperation *
make_print_operation (RexianReportsDialog *self)
{
  GtkPrintOperation *operation = rexian_print_operation_new (GTK_PAGE_ORIENTATION_LANDSCAPE,
                                                             self->document->period_text);
  PrintJob *job = g_new0 (PrintJob, 1);

  job->document = rexian_report_document_ref (self->document);
  g_object_set_data_full (G_OBJECT (operation), "rexian-print-job", job, print_job_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);

  return operation;
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               RexianReportsDialog     *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      toast (self, error != NULL ? error->message : _("The report could not be printed."));
    }
  g_object_unref (operation);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RexianReportsDialog *self = REXIAN_REPORTS_DIALOG (widget);
  GtkPrintOperation *operation;
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;

  operation = make_print_operation (self);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           GTK_WINDOW (self), &error);
  if (error != NULL)
    toast (self, error->message);
}

gboolean
_rexian_reports_dialog_print_to_file (RexianReportsDialog *self,
                                      const char          *path,
                                      GError             **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (self->document != NULL, FALSE);

  operation = make_print_operation (self);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (self), error);

  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/* Test accessors */

const char *
_rexian_reports_dialog_get_summary_text (RexianReportsDialog *self,
                                         RexianMeasure        measure)
{
  g_return_val_if_fail (measure < REXIAN_N_MEASURES, NULL);

  return gtk_label_get_text (self->values[measure]);
}

guint
_rexian_reports_dialog_get_n_warnings (RexianReportsDialog *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->warning_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      n++;

  return n;
}

/* GObject */

static void
rexian_reports_dialog_constructed (GObject *object)
{
  RexianReportsDialog *self = REXIAN_REPORTS_DIALOG (object);

  G_OBJECT_CLASS (rexian_reports_dialog_parent_class)->constructed (object);

  rexian_period_init (&self->period, REXIAN_PERIOD_WEEK,
                      g_get_real_time () / G_USEC_PER_SEC);
  show_period (self);
  load (self);
}

static void
rexian_reports_dialog_dispose (GObject *object)
{
  RexianReportsDialog *self = REXIAN_REPORTS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), REXIAN_TYPE_REPORTS_DIALOG);

  G_OBJECT_CLASS (rexian_reports_dialog_parent_class)->dispose (object);
}

static void
rexian_reports_dialog_finalize (GObject *object)
{
  RexianReportsDialog *self = REXIAN_REPORTS_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->report, rexian_stats_report_free);
  g_clear_pointer (&self->clusters, g_ptr_array_unref);
  g_clear_pointer (&self->document, rexian_report_document_unref);

  G_OBJECT_CLASS (rexian_reports_dialog_parent_class)->finalize (object);
}

static void
rexian_reports_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RexianReportsDialog *self = REXIAN_REPORTS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_reports_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RexianReportsDialog *self = REXIAN_REPORTS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rexian_reports_dialog_class_init (RexianReportsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rexian_reports_dialog_constructed;
  object_class->dispose = rexian_reports_dialog_dispose;
  object_class->finalize = rexian_reports_dialog_finalize;
  object_class->get_property = rexian_reports_dialog_get_property;
  object_class->set_property = rexian_reports_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, REXIAN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * RexianReportsDialog:loading:
   *
   * Whether the figures of the period shown are being read.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rexian/Rexian/rexian-reports-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RexianReportsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RexianReportsDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, RexianReportsDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RexianReportsDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, RexianReportsDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, RexianReportsDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, RexianReportsDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, RexianReportsDialog, warning_list);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_warning_activated);

  gtk_widget_class_install_action (widget_class, "reports.previous", NULL, shift_action);
  gtk_widget_class_install_action (widget_class, "reports.next", NULL, shift_action);
  gtk_widget_class_install_action (widget_class, "reports.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "reports.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "reports.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rexian_reports_dialog_init (RexianReportsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  rexian_thresholds_init_default (&self->thresholds);
  build_summary (self);

  /* An empty list says so rather than showing nothing. */
  {
    GtkWidget *placeholder = gtk_label_new (_("No early warnings in this period."));

    gtk_widget_add_css_class (placeholder, "dim-label");
    gtk_widget_set_margin_top (placeholder, 12);
    gtk_widget_set_margin_bottom (placeholder, 12);
    gtk_list_box_set_placeholder (self->warning_list, placeholder);
  }
}

GtkWindow *
rexian_reports_dialog_new (RexianStore *store,
                           GtkWindow   *parent)
{
  g_return_val_if_fail (REXIAN_IS_STORE (store), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (REXIAN_TYPE_REPORTS_DIALOG,
                       "store", store,
                       "transient-for", parent,
                       NULL);
}
