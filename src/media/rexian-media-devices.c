/* rexian-media-devices.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gst/gst.h>

#include "rexian-media-devices.h"

/* Set from the main thread (preferences), read by pipelines built on worker threads. */
static GMutex devices_lock;
static char *default_source;
static char *default_sink;

static void
set_default (char       **slot,
             const char  *description)
{
  g_mutex_lock (&devices_lock);
  g_free (*slot);
  *slot = description != NULL && *description != '\0' ? g_strdup (description) : NULL;
  g_mutex_unlock (&devices_lock);
}

static char *
dup_description (const char  *variable,
                 char       **slot,
                 const char  *automatic)
{
  const char *env = g_getenv (variable);
  char *description;

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  g_mutex_lock (&devices_lock);
  description = g_strdup (*slot != NULL ? *slot : automatic);
  g_mutex_unlock (&devices_lock);

  return description;
}

void
rexian_media_set_default_source (const char *description)
{
  set_default (&default_source, description);
}

void
rexian_media_set_default_sink (const char *description)
{
  set_default (&default_sink, description);
}

char *
rexian_media_dup_source_description (void)
{
  return dup_description ("REXIAN_AUDIO_SOURCE", &default_source, "autoaudiosrc");
}

char *
rexian_media_dup_sink_description (void)
{
  return dup_description ("REXIAN_AUDIO_SINK", &default_sink, "autoaudiosink");
}

void
rexian_audio_device_free (gpointer data)
{
  RexianAudioDevice *device = data;

  if (device == NULL)
    return;

  g_free (device->name);
  g_free (device->description);
  g_free (device);
}

/* "pulsesrc device=alsa_input.pci-0000_00_1f.3.analog-stereo": the element the device
 * makes, and the device property that picks it, so the choice can be kept as text. */
static char *
describe_device (GstDevice *device)
{
  g_autoptr(GstElement) element = gst_device_create_element (device, NULL);
  GstElementFactory *factory;
  g_autofree char *value = NULL;

  if (element == NULL)
    return NULL;

  factory = gst_element_get_factory (element);
  if (factory == NULL)
    return NULL;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (element), "device") != NULL)
    g_object_get (element, "device", &value, NULL);

  if (value == NULL || *value == '\0')
    return g_strdup (gst_plugin_feature_get_name (GST_PLUGIN_FEATURE (factory)));

  return g_strdup_printf ("%s device=\"%s\"",
                          gst_plugin_feature_get_name (GST_PLUGIN_FEATURE (factory)), value);
}

GPtrArray *
rexian_media_list_audio_devices (gboolean sources)
{
  g_autoptr(GstDeviceMonitor) monitor = NULL;
  GPtrArray *devices = g_ptr_array_new_with_free_func (rexian_audio_device_free);
  GList *found;

  if (!gst_is_initialized ())
    gst_init (NULL, NULL);

  monitor = gst_device_monitor_new ();
  gst_device_monitor_add_filter (monitor, sources ? "Audio/Source" : "Audio/Sink", NULL);
  /* Without start(), the monitor probes once, synchronously: a short list. */
  found = gst_device_monitor_get_devices (monitor);

  for (GList *l = found; l != NULL; l = l->next)
    {
      g_autofree char *description = describe_device (l->data);
      g_autofree char *name = gst_device_get_display_name (l->data);
      RexianAudioDevice *device;

      if (description == NULL)
        continue;

      device = g_new0 (RexianAudioDevice, 1);
      device->name = g_steal_pointer (&name);
      device->description = g_steal_pointer (&description);
      g_ptr_array_add (devices, device);
    }

  g_list_free_full (found, gst_object_unref);
  return devices;
}
