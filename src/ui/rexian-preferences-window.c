/* rexian-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rexian-application.h"
#include "rexian-preferences-window-private.h"
#include "rexian-phrases-page.h"

/* Spin buttons change by one with every click; the rules are written once the user
 * pauses, not once per click. */
#define SAVE_RULES_DELAY_MS 400


G_DEFINE_FINAL_TYPE (RexianPreferencesWindow, rexian_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

void
_rexian_preferences_window_toast (RexianPreferencesWindow *self,
                                  const char              *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 6);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* Seat */

static void
on_agent_selected (RexianPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->agent_row);
  const char *agent_no = "";

  if (self->loading || self->settings == NULL)
    return;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0
      && selected <= self->agent_numbers->len)
    agent_no = g_ptr_array_index (self->agent_numbers, selected - 1);

  g_settings_set_string (self->settings, "agent-number", agent_no);
}

static void
load_seat (RexianPreferencesWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) agents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *current = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  guint selected = 0;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  /* Without the schema GSettings would abort; the seat settings are then shown as
   * unavailable instead. */
  if (schema == NULL)
    {
      adw_preferences_group_set_description (self->seat_group,
                                             _("The settings of this seat are not available: "
                                               "Rexian is not installed completely."));
      gtk_widget_set_sensitive (GTK_WIDGET (self->agent_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->notifications_row), FALSE);
      return;
    }

  self->settings = g_settings_new (APP_ID);
  current = g_settings_get_string (self->settings, "agent-number");
  g_settings_bind (self->settings, "notifications",
                   self->notifications_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);

  gtk_string_list_append (names, _("Not chosen"));

  agents = rexian_store_list_agents (self->store, &error);
  if (agents == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The agents could not be read: %s"),
                                               error->message);
      _rexian_preferences_window_toast (self, text);
    }
  else
    {
      for (guint i = 0; i < agents->len; i++)
        {
          RexianAgent *agent = g_ptr_array_index (agents, i);
          /* 工号 and name, the way agents know each other. */
          g_autofree char *label = g_strdup_printf ("%s %s", agent->agent_no, agent->name);

          gtk_string_list_append (names, label);
          g_ptr_array_add (self->agent_numbers, g_strdup (agent->agent_no));
          if (g_strcmp0 (agent->agent_no, current) == 0)
            selected = i + 1;
        }
    }

  self->loading = TRUE;
  adw_combo_row_set_model (self->agent_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->agent_row, selected);
  self->loading = FALSE;
}

/* Deadlines */

static void
read_rules_from_spins (RexianPreferencesWindow *self,
                       RexianDeadlineRules     *rules)
{
  rules->dispatch_days = gtk_spin_button_get_value_as_int (self->dispatch_spin);
  rules->default_handling_days = gtk_spin_button_get_value_as_int (self->default_spin);
  rules->consultation_days = gtk_spin_button_get_value_as_int (self->consultation_spin);
  rules->yellow_days = gtk_spin_button_get_value_as_int (self->yellow_spin);
  rules->max_extension_days = gtk_spin_button_get_value_as_int (self->extension_spin);
}

static gboolean
rules_equal (const RexianDeadlineRules *a,
             const RexianDeadlineRules *b)
{
  return a->dispatch_days == b->dispatch_days
         && a->default_handling_days == b->default_handling_days
         && a->consultation_days == b->consultation_days
         && a->yellow_days == b->yellow_days
         && a->max_extension_days == b->max_extension_days;
}

/* A short write on the store's main connection: the store offers no asynchronous form
 * for settings, and five small values commit in a moment.  Values that are already
 * stored are not written again, so that clicking up and back down costs nothing. */
static void
save_rules (RexianPreferencesWindow *self)
{
  RexianDeadlineRules rules;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_rules_id, g_source_remove);

  read_rules_from_spins (self, &rules);
  if (rules_equal (&rules, &self->saved_rules))
    return;

  if (!rexian_store_set_deadline_rules (self->store, &rules, &error))
    {
      g_autofree char *text = g_strdup_printf (_("The deadline rules could not be saved: %s"),
                                               error->message);
      _rexian_preferences_window_toast (self, text);
      return;
    }

  self->saved_rules = rules;
}

static gboolean
save_rules_timeout (gpointer user_data)
{
  RexianPreferencesWindow *self = user_data;

  self->save_rules_id = 0;
  save_rules (self);

  return G_SOURCE_REMOVE;
}

static void
on_rule_changed (RexianPreferencesWindow *self)
{
  if (self->loading)
    return;

  g_clear_handle_id (&self->save_rules_id, g_source_remove);
  self->save_rules_id = g_timeout_add (SAVE_RULES_DELAY_MS, save_rules_timeout, self);
}

static void
load_rules (RexianPreferencesWindow *self)
{
  RexianDeadlineRules rules;

  rexian_store_get_deadline_rules (self->store, &rules);

  self->loading = TRUE;
  gtk_spin_button_set_value (self->dispatch_spin, rules.dispatch_days);
  gtk_spin_button_set_value (self->default_spin, rules.default_handling_days);
  gtk_spin_button_set_value (self->consultation_spin, rules.consultation_days);
  gtk_spin_button_set_value (self->yellow_spin, rules.yellow_days);
  gtk_spin_button_set_value (self->extension_spin, rules.max_extension_days);
  self->loading = FALSE;

  /* What the spin buttons show, which may be clamped to their ranges: a stored value
   * outside them is then written once the user changes any rule. */
  read_rules_from_spins (self, &self->saved_rules);
}

static void
load_categories (RexianPreferencesWindow *self)
{
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GError) error = NULL;

  categories = rexian_store_list_categories (self->store, &error);
  if (categories == NULL)
    {
      adw_preferences_group_set_description (self->categories_group, error->message);
      return;
    }

  for (guint i = 0; i < categories->len; i++)
    {
      RexianCategory *category = g_ptr_array_index (categories, i);
      g_autofree char *days = NULL;
      GtkWidget *row;
      GtkWidget *label;

      if (category->deadline_days > 0)
        days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%d working day", "%d working days",
                                             category->deadline_days),
                                category->deadline_days);
      else
        days = g_strdup (_("Default"));

      label = gtk_label_new (days);
      gtk_widget_add_css_class (label, "dim-label");

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), category->name);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_preferences_group_add (self->categories_group, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->categories_group), categories->len > 0);
}

/* Holiday data */

static void
update_years (RexianPreferencesWindow *self)
{
  RexianCalendar *calendar = rexian_store_get_calendar (self->store);
  g_autofree char *years = NULL;

  if (calendar == NULL)
    {
      adw_action_row_set_subtitle (self->years_row, _("No holiday data is loaded"));
      return;
    }

  if (rexian_calendar_get_first_year (calendar) == rexian_calendar_get_last_year (calendar))
    years = g_strdup_printf ("%d", rexian_calendar_get_first_year (calendar));
  else
    years = g_strdup_printf ("%d–%d", rexian_calendar_get_first_year (calendar),
                             rexian_calendar_get_last_year (calendar));
  adw_action_row_set_subtitle (self->years_row, years);
}

static void
set_importing (RexianPreferencesWindow *self,
               gboolean                 importing)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.import-holidays", !importing);
  gtk_widget_set_visible (GTK_WIDGET (self->import_spinner), importing);
  gtk_spinner_set_spinning (self->import_spinner, importing);
}

/* Runs on the main thread, where the store's connection lives: parsing and saving a
 * few kilobytes of text takes a moment. */
static void
load_contents_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RexianPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  RexianCalendar *calendar;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      set_importing (self, FALSE);
      _rexian_preferences_window_toast (self, error->message);
      return;
    }

  set_importing (self, FALSE);

  /* The text goes into the shared database as it is, so it has to be text. */
  if (strlen (contents) != length || !g_utf8_validate (contents, length, NULL))
    {
      _rexian_preferences_window_toast (self, _("This file is not holiday data: it is not a text file."));
      return;
    }

  /* The store's message says what is wrong with the file, or that it covers fewer years
   * than the data in use. */
  if (!rexian_store_set_holiday_data (self->store, contents, &error))
    {
      _rexian_preferences_window_toast (self, error->message);
      return;
    }

  update_years (self);

  calendar = rexian_store_get_calendar (self->store);
  if (calendar != NULL)
    {
      text = g_strdup_printf (_("Holiday data up to %d is now used by every seat."),
                              rexian_calendar_get_last_year (calendar));
      _rexian_preferences_window_toast (self, text);
    }
}

static void
on_chooser_response (RexianPreferencesWindow *self,
                     int                      response,
                     GtkFileChooserNative    *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file == NULL)
    return;

  set_importing (self, TRUE);
  g_file_load_contents_async (file, self->cancellable, load_contents_cb, g_object_ref (self));
}

static void
import_holidays_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RexianPreferencesWindow *self = REXIAN_PREFERENCES_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (filter, _("Holiday data (*.ini)"));
  gtk_file_filter_add_pattern (filter, "*.ini");

  self->chooser = gtk_file_chooser_native_new (_("Import Holiday File"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
rexian_preferences_window_dispose (GObject *object)
{
  RexianPreferencesWindow *self = REXIAN_PREFERENCES_WINDOW (object);

  /* A change made just before closing is still written; save_rules() skips the write
   * when the values are those already stored. */
  if (self->save_rules_id != 0)
    save_rules (self);

  g_cancellable_cancel (self->cancellable);
  g_clear_signal_handler (&self->calendar_notify_id, self->store);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->ca_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->ca_chooser));
  g_clear_object (&self->ca_chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), REXIAN_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (rexian_preferences_window_parent_class)->dispose (object);
}

static void
rexian_preferences_window_finalize (GObject *object)
{
  RexianPreferencesWindow *self = REXIAN_PREFERENCES_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->agent_numbers, g_ptr_array_unref);

  G_OBJECT_CLASS (rexian_preferences_window_parent_class)->finalize (object);
}

/* A spin button holds a double; these settings count whole seconds, days or requests. */
static gboolean
int_from_setting (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_int32 (variant));
  return TRUE;
}

static GVariant *
int_to_setting (const GValue       *value,
                const GVariantType *expected_type,
                gpointer            user_data)
{
  return g_variant_new_int32 ((gint32) g_value_get_double (value));
}

void
_rexian_preferences_window_bind_spin (RexianPreferencesWindow *self,
                                      const char              *key,
                                      GtkSpinButton           *spin)
{
  g_settings_bind_with_mapping (self->settings, key, gtk_spin_button_get_adjustment (spin),
                                "value", G_SETTINGS_BIND_DEFAULT,
                                int_from_setting, int_to_setting, NULL, NULL);
}

/* Supervisor */

static void
load_supervisor (RexianPreferencesWindow *self)
{
  if (self->settings == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->supervisor_page), FALSE);
      return;
    }

  _rexian_preferences_window_bind_spin (self, "wallboard-page-seconds", self->wallboard_spin);
  _rexian_preferences_window_bind_spin (self, "early-warning-threshold", self->early_warning_threshold_spin);
  _rexian_preferences_window_bind_spin (self, "early-warning-days", self->early_warning_days_spin);
  rexian_thresholds_group_set_settings (self->thresholds_group, self->settings);
  rexian_supervision_group_set_settings (self->supervision_group, self->settings);
}

static void
rexian_preferences_window_class_init (RexianPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rexian_preferences_window_dispose;
  object_class->finalize = rexian_preferences_window_finalize;

  g_type_ensure (REXIAN_TYPE_THRESHOLDS_GROUP);
  g_type_ensure (REXIAN_TYPE_SUPERVISION_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rexian/Rexian/"
                                               "rexian-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow, seat_group);
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow, agent_row);
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow, notifications_row);
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow,
                                        notifications_switch);
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow, dispatch_spin);
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow, default_spin);
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow, consultation_spin);
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow, yellow_spin);
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow, extension_spin);
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow, categories_group);
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow, years_row);
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow, import_row);
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow, import_spinner);
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow, phone_group);
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow, sip_address_row);
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow,
                                        sip_registrar_row);
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow, sip_user_row);
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow,
                                        sip_password_row);
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow,
                                        record_calls_switch);
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow,
                                        sip_transport_row);
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow, sip_ca_row);
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow, wrap_up_spin);
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow,
                                        auto_answer_switch);
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow,
                                        audio_source_row);
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow,
                                        audio_sink_row);
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow, supervisor_page);
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow, wallboard_spin);
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow,
                                        early_warning_threshold_spin);
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow,
                                        early_warning_days_spin);
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow,
                                        thresholds_group);
  gtk_widget_class_bind_template_child (widget_class, RexianPreferencesWindow,
                                        supervision_group);
  gtk_widget_class_install_action (widget_class, "preferences.import-holidays", NULL,
                                   import_holidays_action);
  _rexian_preferences_window_class_init_phone (widget_class);
}

static void
rexian_preferences_window_init (RexianPreferencesWindow *self)
{
  GtkSpinButton *spins[5];

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->agent_numbers = g_ptr_array_new_with_free_func (g_free);

  spins[0] = self->dispatch_spin;
  spins[1] = self->default_spin;
  spins[2] = self->consultation_spin;
  spins[3] = self->yellow_spin;
  spins[4] = self->extension_spin;
  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    g_signal_connect_swapped (spins[i], "value-changed", G_CALLBACK (on_rule_changed), self);

  g_signal_connect_swapped (self->agent_row, "notify::selected",
                            G_CALLBACK (on_agent_selected), self);
}

RexianPreferencesWindow *
rexian_preferences_window_new (GtkWindow   *parent,
                               RexianStore *store)
{
  RexianPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (REXIAN_IS_STORE (store), NULL);

  self = g_object_new (REXIAN_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);

  load_seat (self);
  _rexian_preferences_window_load_phone (self);
  load_supervisor (self);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (rexian_phrases_page_new (store)));
  load_rules (self);
  load_categories (self);
  update_years (self);

  /* Another window may replace the holiday data (or a later import here). */
  self->calendar_notify_id = g_signal_connect_swapped (store, "notify::calendar",
                                                       G_CALLBACK (update_years), self);

  return self;
}
