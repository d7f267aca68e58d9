/* rexian-store-migrations.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rexian-store-private.h"
#include "rexian-store-knowledge-private.h"

/* Each migration takes the schema from version N - 1 to N.  They are never edited once
 * released: a change to the schema is a new migration at the end, and
 * REXIAN_STORE_SCHEMA_VERSION moves with it. */

/* v1: the base tables. */
static const char migration_1[] =
  "CREATE TABLE departments ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  contact_person TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE TABLE agents ("
  "  id INTEGER PRIMARY KEY,"
  "  agent_no TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  role TEXT NOT NULL DEFAULT 'agent'"
  ");"
  "CREATE TABLE categories ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  deadline_days INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE settings ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE TABLE order_counters ("
  "  day TEXT PRIMARY KEY,"
  "  seq INTEGER NOT NULL"
  ") WITHOUT ROWID;"
  /* due_at is the running deadline the board sorts and colours by: the dispatch
   * deadline before transfer, the handling deadline in progress, and the largest
   * integer (sorted last, never overdue) when none runs. */
  "CREATE TABLE work_orders ("
  "  id INTEGER PRIMARY KEY,"
  "  number TEXT NOT NULL UNIQUE,"
  "  version INTEGER NOT NULL DEFAULT 1,"
  "  state TEXT NOT NULL,"
  "  channel TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  category_id INTEGER REFERENCES categories (id),"
  "  caller_name TEXT,"
  "  caller_title TEXT,"
  "  caller_phone TEXT,"
  "  caller_address TEXT,"
  "  confidential INTEGER NOT NULL DEFAULT 0,"
  "  emergency INTEGER NOT NULL DEFAULT 0,"
  "  repeated INTEGER NOT NULL DEFAULT 0,"
  "  event_time INTEGER NOT NULL DEFAULT 0,"
  "  event_place TEXT,"
  "  event_course TEXT,"
  "  present_state TEXT,"
  "  request TEXT,"
  "  summary TEXT,"
  "  intake_agent_id INTEGER REFERENCES agents (id),"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  dispatch_deadline INTEGER NOT NULL DEFAULT 0,"
  "  transfer_opinion TEXT,"
  "  lead_department_id INTEGER REFERENCES departments (id),"
  "  dispatched_at INTEGER NOT NULL DEFAULT 0,"
  "  deadline INTEGER NOT NULL DEFAULT 0,"
  "  handler_name TEXT,"
  "  handler_phone TEXT,"
  "  handling_result TEXT,"
  "  replied_at INTEGER NOT NULL DEFAULT 0,"
  "  followup_process TEXT NOT NULL DEFAULT 'none',"
  "  followup_result TEXT NOT NULL DEFAULT 'none',"
  "  followup_note TEXT,"
  "  supervised INTEGER NOT NULL DEFAULT 0,"
  "  rehandle_count INTEGER NOT NULL DEFAULT 0,"
  "  return_count INTEGER NOT NULL DEFAULT 0,"
  "  return_pending INTEGER NOT NULL DEFAULT 0,"
  "  extension_count INTEGER NOT NULL DEFAULT 0,"
  "  extension_requested_days INTEGER NOT NULL DEFAULT 0,"
  "  merged_into_id INTEGER REFERENCES work_orders (id),"
  "  closed_at INTEGER NOT NULL DEFAULT 0,"
  "  archived_at INTEGER NOT NULL DEFAULT 0,"
  "  due_at INTEGER GENERATED ALWAYS AS ("
  "    CASE"
  "      WHEN state IN ('intake', 'pending-dispatch') AND dispatch_deadline > 0"
  "        THEN dispatch_deadline"
  "      WHEN state = 'in-progress' AND deadline > 0 THEN deadline"
  "      ELSE 9223372036854775807"
  "    END) VIRTUAL"
  ");"
  "CREATE TABLE order_departments ("
  "  order_id INTEGER NOT NULL REFERENCES work_orders (id) ON DELETE CASCADE,"
  "  department_id INTEGER NOT NULL REFERENCES departments (id),"
  "  role TEXT NOT NULL CHECK (role IN ('lead', 'assist')),"
  "  PRIMARY KEY (order_id, department_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE order_events ("
  "  id INTEGER PRIMARY KEY,"
  "  order_id INTEGER NOT NULL REFERENCES work_orders (id) ON DELETE CASCADE,"
  "  at INTEGER NOT NULL,"
  "  agent_id INTEGER REFERENCES agents (id),"
  "  action TEXT NOT NULL,"
  "  from_state TEXT,"
  "  to_state TEXT NOT NULL,"
  "  reason TEXT,"
  "  detail TEXT"
  ");";

/* v2: full-text search.  The trigram tokenizer matches any 3 or more characters, which
 * is what Chinese text needs (it has no spaces between words).  The index holds no copy
 * of the text (external content); triggers keep it in step with work_orders, and the
 * rebuild indexes the orders a v1 database already holds. */
#define SEARCH_COLUMNS \
  "number, caller_name, caller_phone, caller_address, summary, request, event_course, " \
  "handling_result"
#define SEARCH_NEW \
  "new.number, new.caller_name, new.caller_phone, new.caller_address, new.summary, " \
  "new.request, new.event_course, new.handling_result"
#define SEARCH_OLD \
  "old.number, old.caller_name, old.caller_phone, old.caller_address, old.summary, " \
  "old.request, old.event_course, old.handling_result"

static const char migration_2[] =
  "CREATE VIRTUAL TABLE order_search USING fts5 (" SEARCH_COLUMNS ","
  "  content = 'work_orders', content_rowid = 'id', tokenize = 'trigram');"
  "CREATE TRIGGER order_search_insert AFTER INSERT ON work_orders BEGIN"
  "  INSERT INTO order_search (rowid, " SEARCH_COLUMNS ") VALUES (new.id, " SEARCH_NEW ");"
  "END;"
  "CREATE TRIGGER order_search_delete AFTER DELETE ON work_orders BEGIN"
  "  INSERT INTO order_search (order_search, rowid, " SEARCH_COLUMNS ")"
  "    VALUES ('delete', old.id, " SEARCH_OLD ");"
  "END;"
  /* Lifecycle writes set every column; only a change to searched text re-indexes. */
  "CREATE TRIGGER order_search_update AFTER UPDATE ON work_orders"
  "  WHEN old.number IS NOT new.number OR old.caller_name IS NOT new.caller_name"
  "    OR old.caller_phone IS NOT new.caller_phone"
  "    OR old.caller_address IS NOT new.caller_address OR old.summary IS NOT new.summary"
  "    OR old.request IS NOT new.request OR old.event_course IS NOT new.event_course"
  "    OR old.handling_result IS NOT new.handling_result BEGIN"
  "  INSERT INTO order_search (order_search, rowid, " SEARCH_COLUMNS ")"
  "    VALUES ('delete', old.id, " SEARCH_OLD ");"
  "  INSERT INTO order_search (rowid, " SEARCH_COLUMNS ") VALUES (new.id, " SEARCH_NEW ");"
  "END;"
  "INSERT INTO order_search (order_search) VALUES ('rebuild');";

/* v3: indexes for the board.  A kanban column filters on the state and sorts by
 * emergency, running deadline and id, so that index answers both the count and a page
 * without sorting; the others serve "every state", the colour filters, the caller's
 * history, department filters and timelines. */
static const char migration_3[] =
  "CREATE INDEX work_orders_board ON work_orders (state, emergency DESC, due_at, id DESC);"
  "CREATE INDEX work_orders_all ON work_orders (emergency DESC, due_at, id DESC);"
  "CREATE INDEX work_orders_due ON work_orders (due_at);"
  "CREATE INDEX work_orders_phone ON work_orders (caller_phone, created_at);"
  "CREATE INDEX work_orders_lead ON work_orders (lead_department_id);"
  "CREATE INDEX work_orders_category ON work_orders (category_id);"
  "CREATE INDEX order_departments_department ON order_departments (department_id, order_id);"
  "CREATE INDEX order_events_order ON order_events (order_id, at);";

/* v4: the call log, missed-call callbacks and agent status.  A call forked to several
 * seats has one SIP Call-ID, so call_id is unique and every seat writes the same row;
 * call_offers keeps which seats it rang at.  A callback belongs to one call.  Agent status
 * is the current state per agent plus a history of every change, from which reports
 * compute time in status (as Asterisk's queue log does). */
static const char migration_4[] =
  "CREATE TABLE calls ("
  "  id INTEGER PRIMARY KEY,"
  "  call_id TEXT NOT NULL UNIQUE,"
  "  direction TEXT NOT NULL,"
  "  remote_number TEXT NOT NULL DEFAULT '',"
  "  agent_id INTEGER REFERENCES agents (id),"
  "  offered_at INTEGER NOT NULL,"
  "  answered_at INTEGER NOT NULL DEFAULT 0,"
  "  ended_at INTEGER NOT NULL DEFAULT 0,"
  "  outcome TEXT,"
  "  recording_path TEXT,"
  "  order_id INTEGER REFERENCES work_orders (id) ON DELETE SET NULL"
  ");"
  "CREATE TABLE call_offers ("
  "  call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,"
  "  agent_id INTEGER NOT NULL REFERENCES agents (id),"
  "  offered_at INTEGER NOT NULL,"
  "  PRIMARY KEY (call_id, agent_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE callbacks ("
  "  id INTEGER PRIMARY KEY,"
  "  call_id INTEGER NOT NULL UNIQUE REFERENCES calls (id) ON DELETE CASCADE,"
  "  remote_number TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'pending',"
  "  attempts INTEGER NOT NULL DEFAULT 0,"
  "  handled_by INTEGER REFERENCES agents (id),"
  "  handled_at INTEGER NOT NULL DEFAULT 0,"
  "  offered_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE agent_status ("
  "  agent_id INTEGER PRIMARY KEY REFERENCES agents (id),"
  "  status TEXT NOT NULL,"
  "  reason TEXT,"
  "  since INTEGER NOT NULL"
  ");"
  "CREATE TABLE agent_status_events ("
  "  id INTEGER PRIMARY KEY,"
  "  agent_id INTEGER NOT NULL REFERENCES agents (id),"
  "  status TEXT NOT NULL,"
  "  reason TEXT,"
  "  at INTEGER NOT NULL"
  ");"
  "CREATE INDEX calls_offered ON calls (offered_at, id);"
  "CREATE INDEX calls_order ON calls (order_id);"
  "CREATE INDEX callbacks_status ON callbacks (status, offered_at);"
  "CREATE INDEX agent_status_events_agent ON agent_status_events (agent_id, at);"
  "CREATE INDEX agent_status_events_at ON agent_status_events (at);";

/* v5: indexes for the statistics.  Each measure is dated by its own event, so each date
 * has an index and a period's figures read only the rows in that period.  The calls index
 * covers every column the queue measures need, so a year of calls is aggregated from the
 * index alone; the partial one holds just the calls still ringing or talking (a few rows
 * however long the log), for the "now" figures.  The order flags index counts supervised
 * and emergency open orders without reading the table. */
static const char migration_5[] =
  "CREATE INDEX calls_stats ON calls (offered_at, direction, answered_at, ended_at, outcome);"
  "CREATE INDEX calls_open ON calls (agent_id, offered_at) WHERE ended_at = 0;"
  "CREATE INDEX work_orders_created ON work_orders (created_at);"
  "CREATE INDEX work_orders_dispatched ON work_orders (dispatched_at);"
  "CREATE INDEX work_orders_deadline ON work_orders (deadline);"
  "CREATE INDEX work_orders_closed ON work_orders (closed_at);"
  "CREATE INDEX work_orders_flags ON work_orders (state, supervised, emergency);";

/* v6: the rest of the handling cycle (GB/T 33358, DB1405).
 *
 * Knowledge base: articles with their source document, validity and last review, indexed
 * for Chinese text with the trigram tokenizer like the orders (external content, kept in
 * step by triggers), and the directory of service halls and points (DB1405 4.1.1).  An
 * order answered from an article records which one.
 *
 * Service phrases (GB/T 33358 Appendix B) are keyed by the moment of the call they belong
 * to; forbidden phrases (DB1405 5.1.4) are a plain list a supervisor edits.
 *
 * Follow-up visits: every attempt is a row (reached or not, both satisfaction scores, the
 * call it was made on), so the order keeps only the final answer.  A sampling plan records
 * its seed and share so the same draw can be made again; its samples are the orders drawn.
 *
 * Supervision records: one per time an order came under supervision or was chased again,
 * with its cause (the five cases of GB/T 33358, or manual), the method, the person
 * responsible and the outcome once known.
 *
 * Archive: the catalogue entry is fixed when the order is filed, so later changes to
 * categories or departments do not move it in the catalogue. */
static const char migration_6[] =
  "CREATE TABLE kb_articles ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL,"
  "  body TEXT NOT NULL DEFAULT '',"
  "  category_id INTEGER REFERENCES categories (id),"
  "  department_id INTEGER REFERENCES departments (id),"
  "  source_document TEXT NOT NULL DEFAULT '',"
  "  document_number TEXT NOT NULL DEFAULT '',"
  "  effective_from INTEGER NOT NULL DEFAULT 0,"
  "  expires_at INTEGER NOT NULL DEFAULT 0,"
  "  reviewed_at INTEGER NOT NULL DEFAULT 0,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE VIRTUAL TABLE kb_search USING fts5 (title, body, source_document, document_number,"
  "  content = 'kb_articles', content_rowid = 'id', tokenize = 'trigram');"
  "CREATE TRIGGER kb_search_insert AFTER INSERT ON kb_articles BEGIN"
  "  INSERT INTO kb_search (rowid, title, body, source_document, document_number)"
  "    VALUES (new.id, new.title, new.body, new.source_document, new.document_number);"
  "END;"
  "CREATE TRIGGER kb_search_delete AFTER DELETE ON kb_articles BEGIN"
  "  INSERT INTO kb_search (kb_search, rowid, title, body, source_document, document_number)"
  "    VALUES ('delete', old.id, old.title, old.body, old.source_document,"
  "            old.document_number);"
  "END;"
  "CREATE TRIGGER kb_search_update AFTER UPDATE ON kb_articles"
  "  WHEN old.title IS NOT new.title OR old.body IS NOT new.body"
  "    OR old.source_document IS NOT new.source_document"
  "    OR old.document_number IS NOT new.document_number BEGIN"
  "  INSERT INTO kb_search (kb_search, rowid, title, body, source_document, document_number)"
  "    VALUES ('delete', old.id, old.title, old.body, old.source_document,"
  "            old.document_number);"
  "  INSERT INTO kb_search (rowid, title, body, source_document, document_number)"
  "    VALUES (new.id, new.title, new.body, new.source_document, new.document_number);"
  "END;"
  "CREATE INDEX kb_articles_category ON kb_articles (category_id);"
  "CREATE INDEX kb_articles_reviewed ON kb_articles (reviewed_at);"
  "CREATE INDEX kb_articles_expires ON kb_articles (expires_at);"
  "CREATE TABLE service_points ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  kind TEXT NOT NULL DEFAULT 'point' CHECK (kind IN ('hall', 'point')),"
  "  address TEXT NOT NULL DEFAULT '',"
  "  hours TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  department_id INTEGER REFERENCES departments (id),"
  "  note TEXT NOT NULL DEFAULT ''"
  ");"
  "ALTER TABLE work_orders ADD COLUMN answer_article_id INTEGER"
  "  REFERENCES kb_articles (id) ON DELETE SET NULL;"
  "CREATE TABLE service_phrases ("
  "  moment TEXT PRIMARY KEY,"
  "  text TEXT NOT NULL,"
  "  updated_at INTEGER NOT NULL DEFAULT 0"
  ") WITHOUT ROWID;"
  "CREATE TABLE forbidden_phrases ("
  "  phrase TEXT PRIMARY KEY"
  ") WITHOUT ROWID;"
  "CREATE TABLE followup_plans ("
  "  id INTEGER PRIMARY KEY,"
  "  created_at INTEGER NOT NULL,"
  "  agent_id INTEGER REFERENCES agents (id),"
  "  period_start INTEGER NOT NULL,"
  "  period_end INTEGER NOT NULL,"
  "  share_percent REAL NOT NULL,"
  "  seed INTEGER NOT NULL"
  ");"
  "CREATE TABLE followup_samples ("
  "  plan_id INTEGER NOT NULL REFERENCES followup_plans (id) ON DELETE CASCADE,"
  "  order_id INTEGER NOT NULL REFERENCES work_orders (id) ON DELETE CASCADE,"
  "  department_id INTEGER REFERENCES departments (id),"
  "  PRIMARY KEY (plan_id, order_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE followup_attempts ("
  "  id INTEGER PRIMARY KEY,"
  "  order_id INTEGER NOT NULL REFERENCES work_orders (id) ON DELETE CASCADE,"
  "  at INTEGER NOT NULL,"
  "  agent_id INTEGER REFERENCES agents (id),"
  "  reached INTEGER NOT NULL DEFAULT 0,"
  "  process TEXT NOT NULL DEFAULT 'none',"
  "  result TEXT NOT NULL DEFAULT 'none',"
  "  attitude TEXT NOT NULL DEFAULT 'none',"
  "  efficiency TEXT NOT NULL DEFAULT 'none',"
  "  note TEXT NOT NULL DEFAULT '',"
  "  call_id INTEGER REFERENCES calls (id) ON DELETE SET NULL"
  ");"
  "CREATE INDEX followup_samples_order ON followup_samples (order_id);"
  "CREATE INDEX followup_attempts_order ON followup_attempts (order_id, at);"
  "CREATE INDEX followup_attempts_at ON followup_attempts (at);"
  "CREATE TABLE supervision_records ("
  "  id INTEGER PRIMARY KEY,"
  "  order_id INTEGER NOT NULL REFERENCES work_orders (id) ON DELETE CASCADE,"
  "  at INTEGER NOT NULL,"
  "  cause TEXT NOT NULL,"
  "  method TEXT NOT NULL DEFAULT 'phone',"
  "  responsible TEXT NOT NULL DEFAULT '',"
  "  agent_id INTEGER REFERENCES agents (id),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  outcome TEXT NOT NULL DEFAULT '',"
  "  outcome_at INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX supervision_records_order ON supervision_records (order_id, at);"
  "CREATE INDEX supervision_records_at ON supervision_records (at);"
  "CREATE TABLE archive_entries ("
  "  order_id INTEGER PRIMARY KEY REFERENCES work_orders (id) ON DELETE CASCADE,"
  "  year INTEGER NOT NULL,"
  "  month INTEGER NOT NULL,"
  "  category_id INTEGER REFERENCES categories (id),"
  "  department_id INTEGER REFERENCES departments (id),"
  "  archived_at INTEGER NOT NULL,"
  "  agent_id INTEGER REFERENCES agents (id)"
  ");"
  "CREATE INDEX archive_entries_catalogue"
  "  ON archive_entries (year, month, category_id, department_id);";

/* v7: the knowledge base's index for one- and two-character searches (kb_short, see
 * rexian-store-knowledge-private.h): a LIKE scan of 100,000 articles for a rare short
 * term took seconds; the index answers it in milliseconds. */
static const char migration_7[] = REXIAN_STORE_KNOWLEDGE_SHORT_INDEX_SQL;

static const char *const migrations[] = {
  NULL,
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,
  migration_7,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == REXIAN_STORE_SCHEMA_VERSION + 1);

gboolean
rexian_store_read_user_version (sqlite3    *db,
                                const char *path,
                                int        *out_version,
                                GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out_version = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }

  if (rc != SQLITE_OK)
    rexian_store_set_sqlite_error_for_path (path, db, rc, error);

  sqlite3_finalize (stmt);
  return rc == SQLITE_OK;
}

gboolean
rexian_store_migrate (RexianStore *self,
                      sqlite3     *db,
                      int          target,
                      int         *out_version,
                      GError     **error)
{
  const char *path = rexian_store_get_path (self);
  int version = 0;
  int rc;

  g_return_val_if_fail (target >= 0 && target <= REXIAN_STORE_SCHEMA_VERSION, FALSE);

  /* Several seats may start at once on an old file: the first to take the write lock
   * migrates, the others find the new version when they get it. */
  if (!rexian_store_begin (self, db, error))
    return FALSE;

  if (!rexian_store_read_user_version (db, path, &version, error))
    goto failed;

  if (version > REXIAN_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, REXIAN_STORE_ERROR, REXIAN_STORE_ERROR_TOO_NEW,
                   _("This database was written by a newer version of Rexian (schema %d; "
                     "this one knows %d). Update Rexian to open it."),
                   version, REXIAN_STORE_SCHEMA_VERSION);
      goto failed;
    }

  for (int step = version + 1; step <= target; step++)
    {
      g_autofree char *set_version = NULL;

      rc = sqlite3_exec (db, migrations[step], NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          g_debug ("Migration to schema %d failed: %s", step, sqlite3_errmsg (db));
          rexian_store_set_sqlite_error (self, db, rc, error);
          goto failed;
        }

      /* PRAGMA takes no bound parameters; the value is this loop's own integer. */
      set_version = g_strdup_printf ("PRAGMA user_version = %d", step);
      rc = sqlite3_exec (db, set_version, NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          rexian_store_set_sqlite_error (self, db, rc, error);
          goto failed;
        }

      version = step;
    }

  if (!rexian_store_commit (self, db, error))
    return FALSE;

  *out_version = version;
  return TRUE;

failed:
  rexian_store_rollback (db);
  return FALSE;
}
