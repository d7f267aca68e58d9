/* rexian-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libsecret/secret.h>

#include "rexian-application.h"
#include "rexian-media-devices.h"
#include "rexian-preferences-window.h"
#include "rexian-form-command.h"
#include "rexian-report-command.h"
#include "rexian-reports-dialog.h"
#include "rexian-store-calls.h"
#include "rexian-wallboard.h"
#include "rexian-window.h"

struct _RexianApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  RexianStore    *store;
  GError         *open_error;
  GSettings      *settings;
  gint64          agent_id;

  /* One phone for the seat, made at startup; NULL with phone_error when it could not
   * bind its port, so that the work orders still open. */
  RexianPhone    *phone;
  GError         *phone_error;
  /* Set by tests before startup; NULL and -1 take the settings. */
  char           *sip_bind_address;
  int             sip_port;
  /* Cancels a keyring lookup that a newer account setting made stale. */
  GCancellable   *account_cancellable;
  char           *account_message;
  guint           keyring_missing : 1;
  /* rexian --wallboard: the wall display alone, no seat and no phone. */
  guint           wallboard_only : 1;
};

G_DEFINE_FINAL_TYPE (RexianApplication, rexian_application, ADW_TYPE_APPLICATION)

enum {
  ACCOUNT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The settings that make up the SIP account; the bind address and port only take
 * effect on the next start, as the phone keeps its socket. */
static const char * const account_keys[] = { "sip-address", "sip-registrar", "sip-user" };

static const GOptionEntry option_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The shared database to open (default: the user data folder’s rexian/rexian.db)"),
    N_("PATH") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
  { "wallboard", 'w', 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the supervisor’s wall display full screen instead of the main window"), NULL },
  { NULL }
};

const char *
rexian_application_get_locale_dir (void)
{
  const char *dir = g_getenv ("REXIAN_LOCALEDIR");

  return dir != NULL && *dir != '\0' ? dir : LOCALEDIR;
}

static char *
default_database_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "rexian", "rexian.db", NULL);
}

static gint
rexian_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  RexianApplication *self = REXIAN_APPLICATION (app);
  const char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("rexian %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "wallboard"))
    self->wallboard_only = TRUE;

  if (g_variant_dict_lookup (options, "database", "^&ay", &path) && path != NULL && *path)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      g_free (self->database_path);
      self->database_path = g_file_get_path (file);
    }

  return -1;
}

/* "rexian report ..." and "rexian form ..." write a file and exit before GTK starts, so
 * that they run from cron without a display; anything else is the application as usual. */
static gboolean
rexian_application_local_command_line (GApplication   *app,
                                       char         ***arguments,
                                       int            *exit_status)
{
  char **argv = *arguments;

  if (argv[0] != NULL && g_strcmp0 (argv[1], "report") == 0)
    {
      *exit_status = rexian_report_command_run (g_strv_length (argv) - 1, argv + 1);
      return TRUE;
    }
  if (argv[0] != NULL && g_strcmp0 (argv[1], "form") == 0)
    {
      *exit_status = rexian_form_command_run (g_strv_length (argv) - 1, argv + 1);
      return TRUE;
    }

  return G_APPLICATION_CLASS (rexian_application_parent_class)->local_command_line (app,
                                                                                  arguments,
                                                                                  exit_status);
}

static void
resolve_agent (RexianApplication *self)
{
  g_autofree char *number = g_settings_get_string (self->settings, "agent-number");
  g_autoptr(GPtrArray) agents = NULL;

  self->agent_id = 0;

  if (number != NULL && *number != '\0')
    {
      g_autoptr(RexianAgent) agent = rexian_store_find_agent (self->store, number, NULL);

      if (agent != NULL)
        {
          self->agent_id = agent->id;
          return;
        }
    }

  /* A fresh seat works as the first agent until its user picks their own number in
   * Preferences, so that every change is still attributed to somebody. */
  agents = rexian_store_list_agents (self->store, NULL);
  if (agents != NULL && agents->len > 0)
    self->agent_id = ((RexianAgent *) g_ptr_array_index (agents, 0))->id;
}

static void
on_agent_number_changed (RexianApplication *self)
{
  if (self->store != NULL)
    resolve_agent (self);
}

static void
open_store (RexianApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;

  if (self->database_path == NULL)
    self->database_path = default_database_path ();

  dir = g_path_get_dirname (self->database_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (&self->open_error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot create the folder “%s” for the database: %s"),
                   dir, g_strerror (saved_errno));
      return;
    }

  self->store = rexian_store_open (self->database_path, &self->open_error);
  if (self->store == NULL)
    return;

  /* The store brings its own calendar (the shared holiday data, or the shipped one);
   * without any, orders are still taken in and the window says what is missing. */
  if (!rexian_store_seed_sample_data (self->store, g_get_real_time () / G_USEC_PER_SEC, &error))
    g_warning ("Could not add the sample data: %s", error->message);

  resolve_agent (self);
}

static void
on_error_response (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  g_application_release (G_APPLICATION (user_data));
}

static void
show_open_error (RexianApplication *self)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("The Database Cannot Be Opened"),
                                                       self->open_error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_application_hold (G_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (on_error_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rexian_application_activate (GApplication *app)
{
  RexianApplication *self = REXIAN_APPLICATION (app);
  GtkWindow *window;

  if (self->store == NULL && self->open_error == NULL)
    open_store (self);

  if (self->store == NULL)
    {
      show_open_error (self);
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL && self->wallboard_only)
    window = rexian_application_open_wallboard (self);
  else if (window == NULL)
    window = GTK_WINDOW (rexian_window_new (self));

  gtk_window_present (window);
}

GtkWindow *
rexian_application_open_wallboard (RexianApplication *self)
{
  g_autoptr(RexianSupervisorFeed) feed = NULL;
  GtkWidget *wallboard;

  g_return_val_if_fail (REXIAN_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  feed = rexian_supervisor_feed_new (self->store);
  wallboard = rexian_wallboard_new (GTK_APPLICATION (self), feed);
  rexian_wallboard_set_page_seconds (REXIAN_WALLBOARD (wallboard),
                                     g_settings_get_int (self->settings,
                                                         "wallboard-page-seconds"));
  gtk_window_fullscreen (GTK_WINDOW (wallboard));
  gtk_window_present (GTK_WINDOW (wallboard));

  return GTK_WINDOW (wallboard);
}

const SecretSchema *
rexian_application_get_secret_schema (void)
{
  static const SecretSchema schema = {
    "io.github.rexian.Rexian.Sip", SECRET_SCHEMA_NONE,
    {
      { "address", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

static void
set_account_message (RexianApplication *self,
                     const char        *message)
{
  if (g_strcmp0 (self->account_message, message) == 0)
    return;

  g_free (self->account_message);
  self->account_message = g_strdup (message);
  g_signal_emit (self, signals[ACCOUNT_CHANGED], 0);
}

static void
register_account (RexianApplication *self,
                  const char        *password)
{
  g_autofree char *address = g_settings_get_string (self->settings, "sip-address");
  g_autofree char *registrar = g_settings_get_string (self->settings, "sip-registrar");
  g_autofree char *user = g_settings_get_string (self->settings, "sip-user");
  g_autoptr(GError) error = NULL;

  if (!rexian_phone_register (self->phone, address, *registrar != '\0' ? registrar : NULL,
                              *user != '\0' ? user : NULL, password, &error))
    set_account_message (self, error->message);
  else
    set_account_message (self, NULL);
}

static void
on_password_looked_up (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(RexianApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = secret_password_lookup_finish (result, &error);
  const char *fallback = g_getenv ("REXIAN_SIP_PASSWORD");

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->keyring_missing = error != NULL;
  if (error != NULL)
    g_debug ("No keyring for the SIP password: %s", error->message);

  /* Only for tests and headless seats, which have no Secret Service: the password
   * from the environment, never written anywhere. */
  if (password == NULL && fallback != NULL)
    password = g_strdup (fallback);

  register_account (self, password);
  g_signal_emit (self, signals[ACCOUNT_CHANGED], 0);
}

static void
setup_account (RexianApplication *self)
{
  g_autofree char *address = NULL;
  g_autofree char *registrar = NULL;

  if (self->phone == NULL)
    return;

  g_cancellable_cancel (self->account_cancellable);
  g_clear_object (&self->account_cancellable);

  address = g_settings_get_string (self->settings, "sip-address");
  registrar = g_settings_get_string (self->settings, "sip-registrar");

  if (*address == '\0')
    {
      rexian_phone_unregister (self->phone);
      set_account_message (self, NULL);
      return;
    }

  /* Without a registrar the address is only this seat's identity for direct calls,
   * which need no password. */
  if (*registrar == '\0')
    {
      register_account (self, NULL);
      return;
    }

  self->account_cancellable = g_cancellable_new ();
  secret_password_lookup (rexian_application_get_secret_schema (), self->account_cancellable,
                          on_password_looked_up, g_object_ref (self),
                          "address", address,
                          NULL);
}

static RexianSipTransport
get_transport (RexianApplication *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "sip-transport");
  RexianSipTransport transport = REXIAN_SIP_TRANSPORT_UDP;

  rexian_sip_transport_from_string (name, &transport);
  return transport;
}

/* Another transport or CA file: the phone listens anew and registers again. */
static void
on_transport_changed (RexianApplication *self)
{
  g_autofree char *ca_file = g_settings_get_string (self->settings, "sip-tls-ca-file");
  g_autoptr(GError) error = NULL;

  if (self->phone == NULL)
    return;

  if (!rexian_phone_set_transport (self->phone, get_transport (self), ca_file, &error))
    set_account_message (self, error->message);
  else
    set_account_message (self, NULL);
}

static void
start_phone (RexianApplication *self)
{
  g_autofree char *bind_address = NULL;
  g_autofree char *ca_file = NULL;
  int port;

  bind_address = self->sip_bind_address != NULL
                 ? g_strdup (self->sip_bind_address)
                 : g_settings_get_string (self->settings, "sip-bind-address");
  if (*bind_address == '\0')
    {
      g_free (bind_address);
      bind_address = g_strdup ("127.0.0.1");
    }
  port = self->sip_port >= 0 ? self->sip_port : g_settings_get_int (self->settings, "sip-port");
  /* Test runs set it to 0 so that no test takes the real port 5060. */
  if (self->sip_port < 0 && g_getenv ("REXIAN_SIP_PORT") != NULL)
    port = atoi (g_getenv ("REXIAN_SIP_PORT"));

  ca_file = g_settings_get_string (self->settings, "sip-tls-ca-file");
  self->phone = rexian_phone_new_full (bind_address, port, get_transport (self), ca_file,
                                       &self->phone_error);
  if (self->phone == NULL)
    {
      /* Not a warning: the window says so, and the work orders go on. */
      g_message ("The phone cannot start on %s:%d: %s", bind_address, port,
                 self->phone_error->message);
      return;
    }

  setup_account (self);
}

static void
apply_audio_devices (RexianApplication *self)
{
  g_autofree char *source = g_settings_get_string (self->settings, "audio-source");
  g_autofree char *sink = g_settings_get_string (self->settings, "audio-sink");

  rexian_media_set_default_source (source);
  rexian_media_set_default_sink (sink);
}

static void
rexian_application_startup (GApplication *app)
{
  RexianApplication *self = REXIAN_APPLICATION (app);

  G_APPLICATION_CLASS (rexian_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::agent-number",
                           G_CALLBACK (on_agent_number_changed), self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < G_N_ELEMENTS (account_keys); i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", account_keys[i], NULL);

      g_signal_connect_object (self->settings, signal, G_CALLBACK (setup_account), self,
                               G_CONNECT_SWAPPED);
    }

  /* The devices every call, recording and tone of this process uses. */
  apply_audio_devices (self);
  g_signal_connect_object (self->settings, "changed::audio-source",
                           G_CALLBACK (apply_audio_devices), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::audio-sink",
                           G_CALLBACK (apply_audio_devices), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->settings, "changed::sip-transport",
                           G_CALLBACK (on_transport_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::sip-tls-ca-file",
                           G_CALLBACK (on_transport_changed), self, G_CONNECT_SWAPPED);

  /* A wall display is no seat: it takes no calls. */
  if (!self->wallboard_only)
    start_phone (self);
}

static void
rexian_application_shutdown (GApplication *app)
{
  RexianApplication *self = REXIAN_APPLICATION (app);

  g_cancellable_cancel (self->account_cancellable);

  /* Unregisters and ends every call with BYE or CANCEL instead of leaving the far end
   * ringing, even while a window still holds the phone. */
  if (self->phone != NULL)
    rexian_phone_shutdown (self->phone);

  /* The supervisors' wallboard must not show a seat that has gone as available: a
   * short write on the main connection, done before the process exits.  What the
   * window reports while the calls end on the way out is "logged out" too. */
  if (self->phone != NULL && self->store != NULL && self->agent_id != 0)
    {
      g_autoptr(GError) error = NULL;

      if (!rexian_store_set_agent_status (self->store, self->agent_id, REXIAN_AGENT_LOGGED_OUT,
                                          NULL, g_get_real_time () / G_USEC_PER_SEC, &error))
        g_warning ("Could not log the agent out: %s", error->message);
    }

  g_clear_object (&self->phone);

  G_APPLICATION_CLASS (rexian_application_parent_class)->shutdown (app);
}

static void
rexian_application_finalize (GObject *object)
{
  RexianApplication *self = (RexianApplication *) object;

  g_clear_pointer (&self->database_path, g_free);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_error (&self->open_error);
  g_clear_object (&self->phone);
  g_clear_error (&self->phone_error);
  g_clear_pointer (&self->sip_bind_address, g_free);
  g_clear_object (&self->account_cancellable);
  g_clear_pointer (&self->account_message, g_free);

  G_OBJECT_CLASS (rexian_application_parent_class)->finalize (object);
}

static void
rexian_application_class_init (RexianApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = rexian_application_finalize;

  app_class->activate = rexian_application_activate;
  app_class->startup = rexian_application_startup;
  app_class->shutdown = rexian_application_shutdown;
  app_class->handle_local_options = rexian_application_handle_local_options;
  app_class->local_command_line = rexian_application_local_command_line;

  /**
   * RexianApplication::account-changed:
   *
   * The SIP account was set up again, or the keyring answered: what
   * rexian_application_get_account_message() and
   * rexian_application_get_keyring_missing() say may have changed.
   */
  signals[ACCOUNT_CHANGED] =
    g_signal_new ("account-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rexian_application_about_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  static const char *developers[] = { "Rexian developers", NULL };
  RexianApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (window,
                         "application-name", _("Rexian"),
                         "application-icon", APP_ID,
                         "developer-name", _("Rexian developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Work orders, deadlines and calls for government service hotlines"),
                         "website", "https://github.com/rexian/rexian",
                         "issue-url", "https://github.com/rexian/rexian/issues",
                         "developers", developers,
                         /* Translators: put your names here, one a line. */
                         "translator-credits", _("translator-credits"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
rexian_application_quit_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
rexian_application_preferences_action (GSimpleAction *action,
                                        GVariant      *parameter,
                                        gpointer       user_data)
{
  RexianApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  RexianPreferencesWindow *prefs;

  if (self->store == NULL)
    return;

  prefs = rexian_preferences_window_new (window, self->store);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
rexian_application_help_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  RexianApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_show_uri (window, "help:rexian", GDK_CURRENT_TIME);
}

static void
rexian_application_wallboard_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  RexianApplication *self = user_data;

  if (self->store != NULL)
    rexian_application_open_wallboard (self);
}

static void
rexian_application_open_order_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  RexianApplication *self = user_data;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (REXIAN_IS_WINDOW (window))
    rexian_window_open_order_number (REXIAN_WINDOW (window), g_variant_get_string (parameter, NULL));
}

static void
rexian_application_reports_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  RexianApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->store == NULL)
    return;

  gtk_window_present (rexian_reports_dialog_new (self->store, window));
}

static void
rexian_application_call_number_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  RexianApplication *self = user_data;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (REXIAN_IS_WINDOW (window))
    rexian_window_call_number (REXIAN_WINDOW (window), g_variant_get_string (parameter, NULL));
}

static const GActionEntry app_actions[] = {
  { "quit", rexian_application_quit_action },
  { "about", rexian_application_about_action },
  { "preferences", rexian_application_preferences_action },
  { "help", rexian_application_help_action },
  { "wallboard", rexian_application_wallboard_action },
  { "reports", rexian_application_reports_action },
  { "open-order", rexian_application_open_order_action, "s" },
  { "call-number", rexian_application_call_number_action, "s" },
};

static void
rexian_application_init (RexianApplication *self)
{
  static const char *quit_accels[] = { "<primary>q", NULL };
  static const char *preferences_accels[] = { "<primary>comma", NULL };
  static const char *help_accels[] = { "F1", NULL };

  self->sip_port = -1;

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

RexianApplication *
rexian_application_new (void)
{
  return g_object_new (REXIAN_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/rexian/Rexian",
                       NULL);
}

RexianStore *
rexian_application_get_store (RexianApplication *self)
{
  g_return_val_if_fail (REXIAN_IS_APPLICATION (self), NULL);

  return self->store;
}

gint64
rexian_application_get_agent_id (RexianApplication *self)
{
  g_return_val_if_fail (REXIAN_IS_APPLICATION (self), 0);

  return self->agent_id;
}

void
_rexian_application_set_database_path (RexianApplication *self,
                                       const char        *path)
{
  g_return_if_fail (REXIAN_IS_APPLICATION (self));

  g_free (self->database_path);
  self->database_path = g_strdup (path);
}

RexianPhone *
rexian_application_get_phone (RexianApplication *self)
{
  g_return_val_if_fail (REXIAN_IS_APPLICATION (self), NULL);

  return self->phone;
}

const GError *
rexian_application_get_phone_error (RexianApplication *self)
{
  g_return_val_if_fail (REXIAN_IS_APPLICATION (self), NULL);

  return self->phone_error;
}

const char *
rexian_application_get_account_message (RexianApplication *self)
{
  g_return_val_if_fail (REXIAN_IS_APPLICATION (self), NULL);

  return self->account_message;
}

gboolean
rexian_application_get_keyring_missing (RexianApplication *self)
{
  g_return_val_if_fail (REXIAN_IS_APPLICATION (self), FALSE);

  return self->keyring_missing;
}

/* People copy numbers with spaces, dashes and brackets ("(0356) 2021-345"). */
static char *
strip_separators (const char *number)
{
  char *digits = g_strdup (number);
  char *out = digits;

  for (const char *p = number; *p != '\0'; p++)
    if (strchr (" -()", *p) == NULL)
      *out++ = *p;
  *out = '\0';

  return digits;
}

char *
rexian_application_dup_call_uri (RexianApplication  *self,
                                 const char         *number,
                                 GError            **error)
{
  g_autofree char *registrar = NULL;
  g_autofree char *digits = NULL;
  const char *host;

  g_return_val_if_fail (REXIAN_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  if (g_str_has_prefix (number, "sip:") || g_str_has_prefix (number, "sips:"))
    return g_strdup (number);

  digits = strip_separators (number);

  if (*digits == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("There is no number to call"));
      return NULL;
    }

  registrar = g_settings_get_string (self->settings, "sip-registrar");
  host = registrar;
  /* A registrar reached over TLS is called over TLS too. */
  if (g_str_has_prefix (host, "sips:") && host[strlen ("sips:")] != '\0')
    return g_strdup_printf ("sips:%s@%s", digits, host + strlen ("sips:"));
  if (g_str_has_prefix (host, "sip:"))
    host += strlen ("sip:");
  if (*host == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                   _("Numbers can only be called through a SIP server: set one up in Preferences, or enter a full SIP address"));
      return NULL;
    }

  return g_strdup_printf ("sip:%s@%s", digits, host);
}

void
_rexian_application_set_sip_bind (RexianApplication *self,
                                  const char        *address,
                                  int                port)
{
  g_return_if_fail (REXIAN_IS_APPLICATION (self));

  g_free (self->sip_bind_address);
  self->sip_bind_address = g_strdup (address);
  self->sip_port = port;
}

void
rexian_application_reload_account (RexianApplication *self)
{
  g_return_if_fail (REXIAN_IS_APPLICATION (self));

  setup_account (self);
}
