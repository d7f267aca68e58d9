/* rexian-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rexian-application.h"
#include "rexian-preferences-window.h"
#include "rexian-window.h"

struct _RexianApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  RexianStore    *store;
  GError         *open_error;
  GSettings      *settings;
  gint64          agent_id;
};

G_DEFINE_FINAL_TYPE (RexianApplication, rexian_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The shared database to open (default: the user data folder’s rexian/rexian.db)"),
    N_("PATH") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
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

  if (g_variant_dict_lookup (options, "database", "^&ay", &path) && path != NULL && *path)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      g_free (self->database_path);
      self->database_path = g_file_get_path (file);
    }

  return -1;
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
  if (window == NULL)
    window = GTK_WINDOW (rexian_window_new (self));

  gtk_window_present (window);
}

static void
rexian_application_startup (GApplication *app)
{
  RexianApplication *self = REXIAN_APPLICATION (app);

  G_APPLICATION_CLASS (rexian_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::agent-number",
                           G_CALLBACK (on_agent_number_changed), self, G_CONNECT_SWAPPED);
}

static void
rexian_application_finalize (GObject *object)
{
  RexianApplication *self = (RexianApplication *) object;

  g_clear_pointer (&self->database_path, g_free);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_error (&self->open_error);

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
  app_class->handle_local_options = rexian_application_handle_local_options;
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

static const GActionEntry app_actions[] = {
  { "quit", rexian_application_quit_action },
  { "about", rexian_application_about_action },
  { "preferences", rexian_application_preferences_action },
  { "help", rexian_application_help_action },
  { "open-order", rexian_application_open_order_action, "s" },
};

static void
rexian_application_init (RexianApplication *self)
{
  static const char *quit_accels[] = { "<primary>q", NULL };
  static const char *preferences_accels[] = { "<primary>comma", NULL };
  static const char *help_accels[] = { "F1", NULL };

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
