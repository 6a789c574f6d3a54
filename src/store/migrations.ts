import type { SqlExecutor } from './sql.ts';

/** One schema change: applied once, in order, recorded in `schema_migrations`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The schema, oldest first. Never edit an applied migration: add the next one. Every table that
 * belongs to a workspace carries `team_id`, so several workspaces can share one database; the next
 * steps (channel subscriptions, feedback) add their own tables the same way.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'shared state: dedupe, replay guard, digest slots, installations, articles',
    sql: `
      CREATE TABLE store_meta (
        key        text PRIMARY KEY,
        value      text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      -- A workspace the bot is installed in. Single-workspace mode records the one its token belongs to.
      CREATE TABLE installations (
        team_id       text PRIMARY KEY,
        enterprise_id text,
        team_name     text,
        bot_user_id   text NOT NULL,
        bot_id        text,
        installed_at  timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now()
      );

      -- Knowledge files per workspace (filled by the next step; the bot reads knowledge/ today).
      CREATE TABLE articles (
        team_id    text NOT NULL,
        article_id text NOT NULL,
        title      text NOT NULL,
        knowledge  jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (team_id, article_id)
      );

      -- Events API deliveries handled (or being handled): a retry or a second replica finds the row.
      CREATE TABLE event_claims (
        event_id   text PRIMARY KEY,
        team_id    text NOT NULL,
        claimed_by text NOT NULL,
        claimed_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        outcome    text,
        detail     text
      );
      CREATE INDEX event_claims_expires_at ON event_claims (expires_at);

      -- Signatures of slash commands and actions already served: an identical request is a replay.
      CREATE TABLE request_claims (
        signature  text PRIMARY KEY,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX request_claims_expires_at ON request_claims (expires_at);

      -- One row per (workspace, channel, slot): whoever inserts it posts that digest, nobody else.
      CREATE TABLE digest_posts (
        team_id    text NOT NULL,
        channel_id text NOT NULL,
        slot       text NOT NULL,
        status     text NOT NULL CHECK (status IN ('claimed', 'posted', 'unknown')),
        claimed_by text NOT NULL,
        claimed_at timestamptz NOT NULL,
        settled_at timestamptz,
        message_ts text,
        detail     text,
        PRIMARY KEY (team_id, channel_id, slot)
      );
    `,
  },
  {
    version: 2,
    name: 'teams: stored articles, channel stories and digest schedules, Slack installations, feedback, versions',
    sql: `
      -- Who added an article, from where, and a hash of its text: a duplicate is refused per workspace.
      ALTER TABLE articles
        ADD COLUMN enterprise_id text,
        ADD COLUMN source        text,
        ADD COLUMN url           text,
        ADD COLUMN published     text,
        ADD COLUMN added_by      text,
        ADD COLUMN added_at      timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN content_hash  text NOT NULL DEFAULT '';
      CREATE UNIQUE INDEX articles_team_content ON articles (team_id, content_hash) WHERE content_hash <> '';
      CREATE UNIQUE INDEX articles_team_url ON articles (team_id, url) WHERE url IS NOT NULL;

      -- OAuth installs: Bolt's installation object (with the workspace's tokens) per workspace.
      ALTER TABLE installations
        ADD COLUMN installation          jsonb,
        ADD COLUMN is_enterprise_install boolean NOT NULL DEFAULT false;

      -- Per channel: the story it follows and its own digest schedule ('' = digests turned off here).
      CREATE TABLE channel_settings (
        team_id       text NOT NULL,
        channel_id    text NOT NULL,
        enterprise_id text,
        article_id    text,
        digest_cron   text,
        digest_tz     text,
        updated_by    text,
        updated_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (team_id, channel_id)
      );

      -- What each digest covered, so the next one says what changed; and its thread, for replies.
      ALTER TABLE digest_posts
        ADD COLUMN article_ids text[] NOT NULL DEFAULT '{}',
        ADD COLUMN claim_keys  text[] NOT NULL DEFAULT '{}';
      CREATE INDEX digest_posts_thread ON digest_posts (team_id, channel_id, message_ts) WHERE message_ts IS NOT NULL;

      -- 👍 / 👎 / wrong sentence on an answer: one verdict per person, question and cited sentence.
      CREATE TABLE feedback (
        id            bigserial PRIMARY KEY,
        team_id       text NOT NULL,
        enterprise_id text,
        channel_id    text NOT NULL,
        user_id       text NOT NULL,
        question      text NOT NULL,
        article_id    text NOT NULL DEFAULT '',
        sentence_id   text NOT NULL DEFAULT '',
        quote         text NOT NULL DEFAULT '',
        scope         text[] NOT NULL DEFAULT '{}',
        verdict       text NOT NULL CHECK (verdict IN ('up', 'down', 'wrong-sentence')),
        created_at    timestamptz NOT NULL DEFAULT now(),
        UNIQUE (team_id, user_id, question, article_id, sentence_id)
      );

      -- A counter per scope ("articles:T…", "schedules"), bumped with each change: replicas compare it.
      CREATE TABLE versions (
        scope   text PRIMARY KEY,
        version bigint NOT NULL
      );
    `,
  },
];

/** A lock id of our own, so replicas starting together migrate one at a time. */
const MIGRATION_LOCK = 0x42_52_46_31; // "BRF1"

/**
 * Applies the migrations not yet recorded, inside the caller's transaction, under an advisory
 * lock: a second replica waits, then finds them applied. Returns the versions it applied.
 */
export async function migrate(tx: SqlExecutor, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
  await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    integer PRIMARY KEY,
    name       text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
  const applied = new Set(rows.map((r) => Number(r.version)));
  const newest = Math.max(0, ...applied);
  const known = Math.max(0, ...migrations.map((m) => m.version));
  if (newest > known) {
    throw new Error(`its schema is version ${newest}, newer than this Briefing knows (${known}): run the newer Briefing, or restore a matching backup`);
  }
  const done: number[] = [];
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    await tx.exec(m.sql);
    await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    done.push(m.version);
  }
  return done;
}
