/* rexian-test-peers.h: the real SIP peers and audio the tests talk to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kamailio as the registrar and proxy, baresip as the citizen or the department, and
 * speech from espeak-ng, all on 127.0.0.1, started and stopped by the test itself.  GIO
 * only, so the telephony, UI and benchmark programs share one copy.  Everything it
 * starts dies with the test process (PR_SET_PDEATHSIG) and runs in a process group of
 * its own, so that only what a test started is ever stopped.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Waiting: runs the default main loop until @condition holds or @timeout_ms passed,
 * waking at least every 20 ms so that conditions on the outside world (a port, a log
 * file) are seen; never a fixed sleep. */
typedef gboolean (*RexianTestCondition) (gpointer data);

gboolean     rexian_test_wait            (RexianTestCondition  condition,
                                          gpointer             data,
                                          guint                timeout_ms);
/* Runs the main loop for @ms, for the rare case where nothing can be waited for. */
void         rexian_test_run_for         (guint                ms);

/* Ports and files */
gboolean     rexian_test_port_free       (guint                port,
                                          GSocketType          type);
/* @count consecutive ports free for both UDP and TCP on 127.0.0.1. */
guint        rexian_test_find_free_ports (guint                count);
/* A new temporary folder; rexian_test_remove_dir() deletes it with its files unless the
 * test failed, when it only says where the files are. */
char        *rexian_test_make_dir        (const char          *prefix);
void         rexian_test_remove_dir      (const char          *dir);
/* Deletes @dir with its files whatever happened.  For after g_test_run(), where
 * g_test_failed() is always TRUE: the caller decides from what g_test_run() returned. */
void         rexian_test_delete_dir      (const char          *dir);
void         rexian_test_write_file      (const char          *dir,
                                          const char          *name,
                                          const char          *contents);
char        *rexian_test_read_file       (const char          *dir,
                                          const char          *name);
/* @text with every @placeholder replaced by @value. */
char        *rexian_test_replace_all     (const char          *text,
                                          const char          *placeholder,
                                          const char          *value);

/* Processes: stdout and stderr go to @dir/@log_name, stdin is /dev/null. */
GSubprocess *rexian_test_spawnv          (const char          *dir,
                                          const char          *log_name,
                                          const char * const  *argv);
GSubprocess *rexian_test_spawn           (const char          *dir,
                                          const char          *log_name,
                                          ...) G_GNUC_NULL_TERMINATED;
/* SIGTERM, then SIGKILL if it lingers after 5 s; clears *@process. */
void         rexian_test_stop_process    (GSubprocess        **process);

/* Audio: Mandarin speech by espeak-ng (voice cmn) as 8 kHz mono S16 WAV in @dir, padded
 * with @pad_seconds of silence so a caller playing it never hangs up at its end.
 * Returns the path. */
char        *rexian_test_make_speech     (const char          *dir,
                                          const char          *name,
                                          const char          *text,
                                          double               pad_seconds);
/* A 440 Hz tone at 0.3 of full scale, 8 kHz mono S16, @seconds long. */
char        *rexian_test_make_tone       (const char          *dir,
                                          const char          *name,
                                          double               seconds);

/* kamailio */
typedef struct _RexianTestKamailio RexianTestKamailio;

/* Writes @template_path into a new folder with @PORT@, @DIR@ and @PASSWORD@ replaced
 * (and each "NAME=value" of @vars as @NAME@), starts kamailio in the foreground and
 * waits until its UDP port answers.  @port 0 takes a free one. */
RexianTestKamailio *rexian_test_kamailio_start   (const char          *template_path,
                                                  guint                port,
                                                  const char          *password,
                                                  const char * const  *vars);
/* The same with worker processes (kamailio -DD, still in the foreground): in its
 * no-fork mode (-D) kamailio serves UDP only, not TCP or TLS. */
RexianTestKamailio *rexian_test_kamailio_start_with_workers (const char         *template_path,
                                                             guint               port,
                                                             const char         *password,
                                                             const char * const *vars);
/* Stops it and waits until its workers let go of the port (killing what is left of
 * its process group); the folder stays for a restart. */
void                rexian_test_kamailio_stop    (RexianTestKamailio  *kamailio);
/* Starts it again on the same port with the same configuration. */
void                rexian_test_kamailio_restart (RexianTestKamailio  *kamailio);
/* Stops it if it runs and removes its folder (unless the test failed). */
void                rexian_test_kamailio_free    (RexianTestKamailio  *kamailio);
guint               rexian_test_kamailio_get_port (RexianTestKamailio *kamailio);
const char         *rexian_test_kamailio_get_dir (RexianTestKamailio  *kamailio);
/* Everything it logged so far. */
char               *rexian_test_kamailio_get_log (RexianTestKamailio  *kamailio);
gboolean            rexian_test_kamailio_wait_log (RexianTestKamailio *kamailio,
                                                   const char         *needle,
                                                   guint               timeout_ms);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RexianTestKamailio, rexian_test_kamailio_free)

/* baresip */
typedef struct
{
  const char *user;           /* the user part of its address */
  const char *answermode;     /* "manual" or "auto" */
  guint       registrar_port; /* the port in its address: its own when 0, or the proxy's
                               * it sends through */
  const char *password;       /* registers at the proxy with this password; NULL: no
                               * registration */
  const char *audio_file;     /* 8 kHz mono S16 WAV it sends; NULL: a 30 s tone */
  gboolean    record;         /* the sndfile module writes what it sends and receives
                               * to WAV files in its folder */
  const char *codecs;         /* audio_codecs of the account; NULL: "pcmu" */
} RexianTestBaresipOptions;

typedef struct _RexianTestBaresip RexianTestBaresip;

/* Starts baresip in a new folder and waits until its control socket answers. */
RexianTestBaresip *rexian_test_baresip_start_full (const RexianTestBaresipOptions *options);
RexianTestBaresip *rexian_test_baresip_start      (const char          *user,
                                                   const char          *answermode);
/* Stops it (only the process it started) and removes its folder unless the test
 * failed; with REXIAN_TEST_SHOW_EVENTS set it logs what baresip reported. */
void               rexian_test_baresip_stop       (RexianTestBaresip   *baresip);
guint              rexian_test_baresip_get_port   (RexianTestBaresip   *baresip);
const char        *rexian_test_baresip_get_dir    (RexianTestBaresip   *baresip);
/* Its address, "sip:USER@127.0.0.1:PORT". */
char              *rexian_test_baresip_get_uri    (RexianTestBaresip   *baresip);
/* A control command: "dial" with a URI, "hangup", "accept", ... */
void               rexian_test_baresip_command    (RexianTestBaresip   *baresip,
                                                   const char          *command,
                                                   const char          *params);
/* What it received in a call, as the sndfile module decoded it to WAV (with record
 * set; meant for a baresip that had one call); NULL when it wrote nothing. */
char              *rexian_test_baresip_dup_received_audio (RexianTestBaresip *baresip);
/* Everything baresip reported so far, concatenated. */
const char        *rexian_test_baresip_get_events (RexianTestBaresip   *baresip);
guint              rexian_test_baresip_count_reports (RexianTestBaresip *baresip,
                                                      const char        *needle);
/* Waits until baresip reported @needle (an event name such as "CALL_ESTABLISHED", or
 * "\"param\":\"486 Busy Here\"") at least @count times in all. */
gboolean           rexian_test_baresip_wait_reports (RexianTestBaresip *baresip,
                                                     const char        *needle,
                                                     guint              count,
                                                     guint              timeout_ms);
gboolean           rexian_test_baresip_wait_report  (RexianTestBaresip *baresip,
                                                     const char        *needle,
                                                     guint              timeout_ms);

G_END_DECLS
