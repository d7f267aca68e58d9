/* rexian-preferences-window-phone.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Preferences window's phone: the SIP account (the password in the keyring), the
 * transport and its CA file, and the microphone and speaker.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "rexian-application.h"
#include "rexian-media-devices.h"
#include "rexian-preferences-window-private.h"

/* Audio devices: row 0 is the system's default, then what the system offers now; a
 * device chosen earlier and now unplugged stays listed, so the choice is not lost. */
static void
on_audio_device_selected (AdwComboRow             *row,
                          GParamSpec              *pspec,
                          RexianPreferencesWindow *self)
{
  GPtrArray *descriptions = g_object_get_data (G_OBJECT (row), "descriptions");
  const char *key = g_object_get_data (G_OBJECT (row), "settings-key");
  guint selected = adw_combo_row_get_selected (row);

  if (descriptions == NULL || selected >= descriptions->len)
    return;

  g_settings_set_string (self->settings, key, g_ptr_array_index (descriptions, selected));
}

/* Fills @row from @devices (RexianAudioDevice), the setting @key selected. */
static void
fill_audio_row (RexianPreferencesWindow *self,
                AdwComboRow             *row,
                const char              *key,
                GPtrArray               *devices)
{
  g_autofree char *current = g_settings_get_string (self->settings, key);
  GPtrArray *descriptions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  gtk_string_list_append (names, _("Automatic"));
  g_ptr_array_add (descriptions, g_strdup (""));

  for (guint i = 0; devices != NULL && i < devices->len; i++)
    {
      RexianAudioDevice *device = g_ptr_array_index (devices, i);

      if (g_str_equal (device->description, current))
        selected = descriptions->len;
      gtk_string_list_append (names, device->name);
      g_ptr_array_add (descriptions, g_strdup (device->description));
    }

  if (*current != '\0' && selected == 0)
    {
      /* TRANSLATORS: an audio device chosen before that the system does not offer now. */
      g_autofree char *name = g_strdup_printf (_("Not connected: %s"), current);

      selected = descriptions->len;
      gtk_string_list_append (names, name);
      g_ptr_array_add (descriptions, g_strdup (current));
    }

  /* Filling the row is no choice of the agent's: nothing is written meanwhile. */
  g_signal_handlers_block_by_func (row, on_audio_device_selected, self);
  g_object_set_data_full (G_OBJECT (row), "descriptions", descriptions,
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data (G_OBJECT (row), "settings-key", (gpointer) key);
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (row, selected);
  g_signal_handlers_unblock_by_func (row, on_audio_device_selected, self);
}

typedef struct
{
  GPtrArray *sources;
  GPtrArray *sinks;
} AudioDevices;

static void
audio_devices_free (gpointer data)
{
  AudioDevices *devices = data;

  g_clear_pointer (&devices->sources, g_ptr_array_unref);
  g_clear_pointer (&devices->sinks, g_ptr_array_unref);
  g_free (devices);
}

/* Probing the sound server can take a while: never on the main loop. */
static void
list_audio_devices_thread (GTask        *task,
                           gpointer      source_object,
                           gpointer      task_data,
                           GCancellable *cancellable)
{
  AudioDevices *devices = g_new0 (AudioDevices, 1);

  devices->sources = rexian_media_list_audio_devices (TRUE);
  devices->sinks = rexian_media_list_audio_devices (FALSE);
  g_task_return_pointer (task, devices, audio_devices_free);
}

static void
on_audio_devices_listed (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  RexianPreferencesWindow *self = REXIAN_PREFERENCES_WINDOW (object);
  AudioDevices *devices = g_task_propagate_pointer (G_TASK (result), NULL);

  if (devices == NULL)
    return;

  fill_audio_row (self, self->audio_source_row, "audio-source", devices->sources);
  fill_audio_row (self, self->audio_sink_row, "audio-sink", devices->sinks);
  audio_devices_free (devices);
}

/* The rows show the current choice at once, and the system's devices once listed. */
static void
load_audio_devices (RexianPreferencesWindow *self)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, on_audio_devices_listed, NULL);

  fill_audio_row (self, self->audio_source_row, "audio-source", NULL);
  fill_audio_row (self, self->audio_sink_row, "audio-sink", NULL);
  g_signal_connect_object (self->audio_source_row, "notify::selected",
                           G_CALLBACK (on_audio_device_selected), self, 0);
  g_signal_connect_object (self->audio_sink_row, "notify::selected",
                           G_CALLBACK (on_audio_device_selected), self, 0);

  g_task_set_check_cancellable (task, TRUE);
  g_task_run_in_thread (task, list_audio_devices_thread);
}

static const char *
sip_row_key (RexianPreferencesWindow *self,
             AdwEntryRow             *row)
{
  if (row == self->sip_address_row)
    return "sip-address";
  if (row == self->sip_registrar_row)
    return "sip-registrar";
  return "sip-user";
}

static void
on_sip_row_applied (RexianPreferencesWindow *self,
                    AdwEntryRow             *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (self->settings != NULL)
    g_settings_set_string (self->settings, sip_row_key (self, row), text);
}

static void
say_no_keyring (RexianPreferencesWindow *self)
{
  adw_preferences_group_set_description (self->phone_group,
                                         _("No keyring (Secret Service) is running on this computer, so the SIP password cannot be saved and registration with a password fails. Log in to a desktop session with GNOME Keyring, then enter the password again."));
  gtk_widget_set_sensitive (GTK_WIDGET (self->sip_password_row), FALSE);
}

static void
on_password_stored (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RexianPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      say_no_keyring (self);
      _rexian_preferences_window_toast (self, error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->sip_password_row), "");
  _rexian_preferences_window_toast (self, _("Password saved in the keyring"));
  /* Registers again with the new password. */
  if (REXIAN_IS_APPLICATION (g_application_get_default ()))
    rexian_application_reload_account (REXIAN_APPLICATION (g_application_get_default ()));
}

static void
on_sip_password_applied (RexianPreferencesWindow *self)
{
  const char *address = gtk_editable_get_text (GTK_EDITABLE (self->sip_address_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->sip_password_row));
  g_autofree char *label = NULL;

  if (*address == '\0')
    {
      _rexian_preferences_window_toast (self, _("Enter the SIP address first"));
      return;
    }

  /* Translators: the label of the password in the keyring; %s is the SIP address. */
  label = g_strdup_printf (_("Rexian SIP password for %s"), address);
  secret_password_store (rexian_application_get_secret_schema (), SECRET_COLLECTION_DEFAULT,
                         label, password, self->cancellable, on_password_stored,
                         g_object_ref (self),
                         "address", address,
                         NULL);
}

static void
on_secret_service (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RexianPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretService) service = secret_service_get_finish (result, &error);

  if (service == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    say_no_keyring (self);
}

/* The transport's position in the combo row is its enum value. */
static void
on_transport_selected (RexianPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->sip_transport_row);

  gtk_widget_set_visible (GTK_WIDGET (self->sip_ca_row), selected == REXIAN_SIP_TRANSPORT_TLS);
  if (self->loading || self->settings == NULL || selected > REXIAN_SIP_TRANSPORT_TLS)
    return;

  g_settings_set_string (self->settings, "sip-transport",
                         rexian_sip_transport_to_string ((RexianSipTransport) selected));
}

static void
update_ca_file (RexianPreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "sip-tls-ca-file");

  if (*path == '\0')
    adw_action_row_set_subtitle (self->sip_ca_row,
                                 _("The system’s authorities only. Choose a file when the hotline signs its server’s certificate itself."));
  else
    adw_action_row_set_subtitle (self->sip_ca_row, path);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.clear-ca-file", *path != '\0');
}

static void
set_ca_file (RexianPreferencesWindow *self,
             GFile                   *file)
{
  g_autofree char *path = g_file_get_path (file);

  /* A file only reachable through a portal URI has no path nua could read. */
  if (path == NULL)
    {
      _rexian_preferences_window_toast (self, _("Choose a file on this computer"));
      return;
    }

  g_settings_set_string (self->settings, "sip-tls-ca-file", path);
}

#if GTK_CHECK_VERSION (4, 10, 0) && GDK_VERSION_MAX_ALLOWED >= GDK_VERSION_4_10
static void
on_ca_file_chosen (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RexianPreferencesWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    set_ca_file (self, file);
}
#else
static void
on_ca_chooser_response (RexianPreferencesWindow *self,
                        int                      response,
                        GtkFileChooserNative    *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->ca_chooser);

  if (file != NULL)
    set_ca_file (self, file);
}
#endif

static void
choose_ca_file_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RexianPreferencesWindow *self = REXIAN_PREFERENCES_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->settings == NULL)
    return;

  gtk_file_filter_set_name (filter, _("Certificates (*.pem, *.crt)"));
  gtk_file_filter_add_pattern (filter, "*.pem");
  gtk_file_filter_add_pattern (filter, "*.crt");

#if GTK_CHECK_VERSION (4, 10, 0) && GDK_VERSION_MAX_ALLOWED >= GDK_VERSION_4_10
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, _("Choose the Certificate Authority"));
    gtk_file_dialog_set_default_filter (dialog, filter);
    gtk_file_dialog_open (dialog, GTK_WINDOW (self), self->cancellable, on_ca_file_chosen,
                          g_object_ref (self));
  }
#else
  if (self->ca_chooser != NULL)
    return;

  self->ca_chooser = gtk_file_chooser_native_new (_("Choose the Certificate Authority"),
                                                  GTK_WINDOW (self),
                                                  GTK_FILE_CHOOSER_ACTION_OPEN,
                                                  _("_Choose"),
                                                  _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->ca_chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->ca_chooser), filter);
  g_signal_connect_object (self->ca_chooser, "response", G_CALLBACK (on_ca_chooser_response),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->ca_chooser));
#endif
}

static void
clear_ca_file_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RexianPreferencesWindow *self = REXIAN_PREFERENCES_WINDOW (widget);

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "sip-tls-ca-file", "");
}

static void
load_transport (RexianPreferencesWindow *self)
{
  g_autofree char *transport_name = g_settings_get_string (self->settings, "sip-transport");
  RexianSipTransport transport = REXIAN_SIP_TRANSPORT_UDP;

  rexian_sip_transport_from_string (transport_name, &transport);
  self->loading = TRUE;
  adw_combo_row_set_selected (self->sip_transport_row, transport);
  self->loading = FALSE;
  on_transport_selected (self);

  update_ca_file (self);
  g_signal_connect_object (self->settings, "changed::sip-tls-ca-file",
                           G_CALLBACK (update_ca_file), self, G_CONNECT_SWAPPED);

  _rexian_preferences_window_bind_spin (self, "wrap-up-seconds", self->wrap_up_spin);
}

void
_rexian_preferences_window_load_phone (RexianPreferencesWindow *self)
{
  g_autofree char *address = NULL;
  g_autofree char *registrar = NULL;
  g_autofree char *user = NULL;

  g_signal_connect_swapped (self->sip_transport_row, "notify::selected",
                            G_CALLBACK (on_transport_selected), self);

  if (self->settings == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->phone_group), FALSE);
      return;
    }

  address = g_settings_get_string (self->settings, "sip-address");
  registrar = g_settings_get_string (self->settings, "sip-registrar");
  user = g_settings_get_string (self->settings, "sip-user");
  gtk_editable_set_text (GTK_EDITABLE (self->sip_address_row), address);
  gtk_editable_set_text (GTK_EDITABLE (self->sip_registrar_row), registrar);
  gtk_editable_set_text (GTK_EDITABLE (self->sip_user_row), user);
  g_settings_bind (self->settings, "record-calls", self->record_calls_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "auto-answer", self->auto_answer_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  load_audio_devices (self);
  load_transport (self);

  /* Where no Secret Service runs (a bare X session, the tests) the agent must learn
   * why the password field cannot keep anything. */
  secret_service_get (SECRET_SERVICE_NONE, self->cancellable, on_secret_service,
                      g_object_ref (self));
}

void
_rexian_preferences_window_class_init_phone (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_sip_row_applied);
  gtk_widget_class_bind_template_callback (widget_class, on_sip_password_applied);
  gtk_widget_class_install_action (widget_class, "preferences.choose-ca-file", NULL,
                                   choose_ca_file_action);
  gtk_widget_class_install_action (widget_class, "preferences.clear-ca-file", NULL,
                                   clear_ca_file_action);
}
