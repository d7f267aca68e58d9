/* test-store-processes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>

#include "store-test-util.h"

/* Several seats at once: each other process is rexian-db-tool, which writes through the
 * same store code as the application. */

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RexianStore) store = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "rexian.db", NULL);

  /* The file exists and has a department to dispatch to before the seats start. */
  store = test_open (fixture->path);
  rexian_store_add_department (store, "市住房和城乡建设局", "王建华", "0356-2021234", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static GSubprocess *
spawn_tool (const char *const *args,
            GError           **error)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) REXIAN_DB_TOOL);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  return g_subprocess_newv ((const char *const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            error);
}

/* Runs the tool to the end; returns its stdout and asserts it succeeded. */
static char *
run_tool (const char *const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = spawn_tool (args, &error);
  g_autofree char *err = NULL;
  char *out = NULL;

  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    g_error ("rexian-db-tool %s failed: %s", args[1], err);

  return out;
}

static GPtrArray *
lines_with_prefix (const char *text,
                   const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      g_ptr_array_add (result, g_strdup (lines[i] + strlen (prefix)));

  return result;
}

typedef struct
{
  GMainLoop *loop;
  guint      pending;
  GPtrArray *outputs;
  GPtrArray *errors;
} Workers;

static void
worker_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GSubprocess *process = G_SUBPROCESS (source);
  Workers *workers = user_data;
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  char *err = NULL;

  g_subprocess_communicate_utf8_finish (process, result, &out, &err, &error);
  g_assert_no_error (error);

  g_assert_true (g_subprocess_get_if_exited (process));
  if (g_subprocess_get_exit_status (process) != 0)
    g_ptr_array_add (workers->errors, g_strdup (err));
  g_ptr_array_add (workers->outputs, out);
  g_free (err);

  if (--workers->pending == 0)
    g_main_loop_quit (workers->loop);
}

static void
test_concurrent_workers (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GPtrArray) processes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(RexianStore) store = NULL;
  g_autoptr(GError) error = NULL;
  Workers workers = {
    loop, 0,
    g_ptr_array_new_with_free_func (g_free),
    g_ptr_array_new_with_free_func (g_free),
  };
  const guint n_workers = 8;
  const guint per_worker = 15;
  guint committed = 0;

  for (guint i = 0; i < n_workers; i++)
    {
      const char *args[] = { fixture->path, "worker", "15", NULL };
      GSubprocess *process = spawn_tool (args, &error);

      g_assert_no_error (error);
      g_ptr_array_add (processes, process);
      workers.pending++;
      g_subprocess_communicate_utf8_async (process, NULL, NULL, worker_done_cb, &workers);
    }

  g_main_loop_run (loop);

  for (guint i = 0; i < workers.errors->len; i++)
    g_test_message ("worker error: %s", (char *) g_ptr_array_index (workers.errors, i));
  g_assert_cmpuint (workers.errors->len, ==, 0);

  store = test_open (fixture->path);

  for (guint i = 0; i < workers.outputs->len; i++)
    {
      g_autoptr(GPtrArray) created = lines_with_prefix (g_ptr_array_index (workers.outputs, i),
                                                        "committed ");

      g_assert_cmpuint (created->len, ==, per_worker);
      for (guint j = 0; j < created->len; j++)
        {
          const char *number = g_ptr_array_index (created, j);
          g_autoptr(RexianWorkOrder) order = NULL;

          /* Unique across the processes, present, and moved all the way. */
          g_assert_false (g_hash_table_contains (numbers, number));
          g_hash_table_add (numbers, g_strdup (number));
          order = rexian_store_get_order_by_number (store, number, &error);
          g_assert_no_error (error);
          g_assert_cmpint (rexian_work_order_get_state (order), ==, REXIAN_STATE_IN_PROGRESS);
          g_assert_cmpint (rexian_work_order_get_version (order), ==, 3);
          committed++;
        }
    }

  g_assert_cmpuint (committed, ==, n_workers * per_worker);
  g_assert_cmpint (test_query_int (fixture->path, "SELECT count(*) FROM work_orders"), ==,
                   n_workers * per_worker);
  g_assert_cmpint (test_query_int (fixture->path, "SELECT count(*) FROM order_events"), ==,
                   n_workers * per_worker * 3);
  g_assert_cmpint (test_query_int (fixture->path,
                                   "SELECT count(DISTINCT number) FROM work_orders"), ==,
                   n_workers * per_worker);
  g_assert_true (rexian_store_check_integrity (store, &error));
  g_assert_no_error (error);

  g_ptr_array_unref (workers.outputs);
  g_ptr_array_unref (workers.errors);
}

static void
test_kill_writer (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *args[] = { fixture->path, "worker", "100000", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = spawn_tool (args, &error);
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GPtrArray) committed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RexianStore) store = NULL;
  char *line;

  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));

  /* Killed without warning in the middle of its work... */
  while ((line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error)) != NULL)
    {
      if (g_str_has_prefix (line, "committed "))
        g_ptr_array_add (committed, g_strdup (line + strlen ("committed ")));
      g_free (line);
      if (committed->len == 40)
        break;
    }
  g_assert_no_error (error);
  kill (atoi (g_subprocess_get_identifier (process)), SIGKILL);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (process));
  g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);

  /* ...whatever it printed before dying had committed. */
  while ((line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, NULL)) != NULL)
    {
      if (g_str_has_prefix (line, "committed "))
        g_ptr_array_add (committed, g_strdup (line + strlen ("committed ")));
      g_free (line);
    }

  store = test_open (fixture->path);
  g_assert_true (rexian_store_check_integrity (store, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (committed->len, >=, 40);
  for (guint i = 0; i < committed->len; i++)
    {
      g_autoptr(RexianWorkOrder) order = NULL;

      order = rexian_store_get_order_by_number (store, g_ptr_array_index (committed, i),
                                                &error);
      g_assert_no_error (error);
      g_assert_nonnull (order);
    }

  /* At most the order whose line was not yet printed is extra. */
  g_assert_cmpint (test_query_int (fixture->path, "SELECT count(*) FROM work_orders"), <=,
                   (gint64) committed->len + 1);

  /* The file takes new writes after the crash. */
  g_object_unref (test_create (store, "路灯不亮", "13603568368", test_now ()));
}

typedef struct
{
  guint calls;
  guint added;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *seen)
{
  seen->calls++;
  seen->added = added;
}

static void
test_model_sees_other_seat (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *args[] = { fixture->path, "create", "3", NULL };
  g_autoptr(RexianStore) store = test_open (fixture->path);
  g_autoptr(RexianOrderQuery) query = rexian_order_query_new ();
  g_autoptr(RexianOrderModel) model = NULL;
  g_autofree char *out = NULL;
  ItemsChanged seen = { 0 };
  gint64 start;
  gint64 elapsed;

  rexian_store_set_poll_interval (store, 200);
  query->state = REXIAN_STATE_INTAKE;
  model = rexian_order_model_new (store, query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &seen);

  out = run_tool (args);
  start = g_get_monotonic_time ();
  while (seen.calls == 0 && g_get_monotonic_time () - start < 3 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  elapsed = (g_get_monotonic_time () - start) / 1000;

  g_test_message ("The other seat's orders appeared after %" G_GINT64_FORMAT " ms", elapsed);
  g_assert_cmpuint (seen.calls, ==, 1);
  g_assert_cmpuint (seen.added, ==, 3);
  g_assert_cmpint (elapsed, <, 1000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);

  {
    g_autoptr(RexianWorkOrder) item = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_autoptr(GPtrArray) numbers = lines_with_prefix (out, "created ");

    g_assert_cmpuint (numbers->len, ==, 3);
    g_ptr_array_add (numbers, NULL);
    g_assert_true (g_strv_contains ((const char *const *) numbers->pdata,
                                    rexian_work_order_get_number (item)));
  }
}

static void
test_supervise_two_seats (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GPtrArray) processes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RexianStore) store = test_open (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *now = g_strdup_printf ("--now=%" G_GINT64_FORMAT, test_now ());
  Workers workers = {
    loop, 0,
    g_ptr_array_new_with_free_func (g_free),
    g_ptr_array_new_with_free_func (g_free),
  };
  guint total = 0;

  /* Twelve emergencies and twelve orders a week overdue, eight fresh ones. */
  for (guint i = 0; i < 12; i++)
    {
      g_autoptr(RexianWorkOrder) draft = test_make_draft ("燃气管道泄漏", "18635609146");
      g_autoptr(RexianWorkOrder) order = NULL;

      rexian_work_order_set_emergency (draft, TRUE);
      order = rexian_store_create_order (store, draft, 0, test_now (), &error);
      g_assert_no_error (error);
      g_object_unref (test_create (store, "垃圾点三天未清运", "13635609146",
                                   test_now () - 7 * 86400));
    }
  for (guint i = 0; i < 8; i++)
    g_object_unref (test_create (store, "路灯不亮", "13603568368", test_now ()));

  for (guint i = 0; i < 2; i++)
    {
      const char *args[] = { now, fixture->path, "supervise", NULL };
      GSubprocess *process = spawn_tool (args, &error);

      g_assert_no_error (error);
      g_ptr_array_add (processes, process);
      workers.pending++;
      g_subprocess_communicate_utf8_async (process, NULL, NULL, worker_done_cb, &workers);
    }
  g_main_loop_run (loop);
  g_assert_cmpuint (workers.errors->len, ==, 0);

  for (guint i = 0; i < workers.outputs->len; i++)
    {
      g_autoptr(GPtrArray) counts = lines_with_prefix (g_ptr_array_index (workers.outputs, i),
                                                       "supervised ");

      g_assert_cmpuint (counts->len, ==, 1);
      total += atoi (g_ptr_array_index (counts, 0));
    }

  /* Each due order once, whichever seat got there first. */
  g_assert_cmpuint (total, ==, 24);
  g_assert_cmpint (test_query_int (fixture->path,
                                   "SELECT count(*) FROM order_events WHERE action = 'supervise'"),
                   ==, 24);
  g_assert_cmpint (test_query_int (fixture->path,
                                   "SELECT max(n) FROM (SELECT count(*) AS n FROM order_events "
                                   "WHERE action = 'supervise' GROUP BY order_id)"), ==, 1);
  g_assert_cmpint (test_query_int (fixture->path,
                                   "SELECT count(*) FROM work_orders WHERE supervised = 1"), ==,
                   24);

  g_ptr_array_unref (workers.outputs);
  g_ptr_array_unref (workers.errors);
}

static void
test_seed_two_seats (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GPtrArray) processes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *now = g_strdup_printf ("--now=%" G_GINT64_FORMAT, test_now ());
  Workers workers = {
    loop, 0,
    g_ptr_array_new_with_free_func (g_free),
    g_ptr_array_new_with_free_func (g_free),
  };
  gint64 seeded;

  /* Two seats start on an empty file at the same moment: the sample goes in once. */
  for (guint i = 0; i < 2; i++)
    {
      const char *args[] = { now, fixture->path, "seed", NULL };
      GSubprocess *process = spawn_tool (args, &error);

      g_assert_no_error (error);
      g_ptr_array_add (processes, process);
      workers.pending++;
      g_subprocess_communicate_utf8_async (process, NULL, NULL, worker_done_cb, &workers);
    }
  g_main_loop_run (loop);
  g_assert_cmpuint (workers.errors->len, ==, 0);

  seeded = test_query_int (fixture->path, "SELECT count(*) FROM work_orders");
  g_assert_cmpint (seeded, >=, 55);
  g_assert_cmpint (test_query_int (fixture->path, "SELECT count(*) FROM departments"), ==, 12);
  g_assert_cmpint (test_query_int (fixture->path, "SELECT count(*) FROM agents"), ==, 8);

  {
    const char *args[] = { now, fixture->path, "seed", NULL };
    g_autofree char *out = run_tool (args);

    g_assert_cmpint (test_query_int (fixture->path, "SELECT count(*) FROM work_orders"), ==,
                     seeded);
  }

  g_ptr_array_unref (workers.outputs);
  g_ptr_array_unref (workers.errors);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/processes/concurrent-workers", test_concurrent_workers);
  ADD ("/store/processes/kill-writer", test_kill_writer);
  ADD ("/store/processes/model-sees-other-seat", test_model_sees_other_seat);
  ADD ("/store/processes/supervise", test_supervise_two_seats);
  ADD ("/store/processes/seed-once", test_seed_two_seats);

#undef ADD

  return g_test_run ();
}
