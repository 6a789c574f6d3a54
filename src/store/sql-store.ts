import { createBatcher } from './batch.ts';
import type { SqlClient } from './sql.ts';
import type { SqlExecutor } from './sql.ts';
import { EVENT_CLAIM_TTL_MS, type FeedbackEntry, type Installation, type InstallationKey, type Store, type StoredArticle, type StoredArticleMeta } from './store.ts';

type ArticleRow = { team_id: string; article_id: string; title: string; source: string | null; url: string | null; published: string | null; added_by: string | null; added_at: Date | string };

const ARTICLE_META = 'team_id, article_id, title, source, url, published, added_by, added_at';

function articleMeta(r: ArticleRow): StoredArticleMeta {
  return {
    teamId: r.team_id,
    articleId: r.article_id,
    title: r.title,
    ...(r.source !== null ? { source: r.source } : {}),
    ...(r.url !== null ? { url: r.url } : {}),
    ...(r.published !== null ? { published: r.published } : {}),
    ...(r.added_by !== null ? { addedBy: r.added_by } : {}),
    addedAt: new Date(r.added_at),
  };
}

/** The installations row of an OAuth install: the workspace, or the organisation for an org-wide one. */
function installationRowKey(key: InstallationKey): string {
  const id = key.isEnterpriseInstall ? key.enterpriseId : key.teamId;
  if (!id) throw new Error(`an installation needs ${key.isEnterpriseInstall ? 'an enterprise' : 'a team'} id`);
  return id;
}

async function bumpVersion(tx: SqlExecutor, scope: string): Promise<void> {
  await tx.query('INSERT INTO versions (scope, version) VALUES ($1, 1) ON CONFLICT (scope) DO UPDATE SET version = versions.version + 1', [scope]);
}

async function readVersion(db: { query: SqlExecutor['query'] }, scope: string): Promise<number> {
  const rows = await db.query<{ version: string | number }>('SELECT version FROM versions WHERE scope = $1', [scope]);
  return Number(rows[0]?.version ?? 0);
}

/** Whether an error is Postgres's unique violation (a replica inserted the same row first). */
function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string }).code === '23505';
}

/** Options of a store over SQL. */
export interface SqlStoreOptions {
  /** Names the store in logs: "embedded PGlite in data/pglite". */
  description: string;
  /** Who claims: one id per process, recorded with every claim. */
  owner: string;
  /** The clock, in ms; tests move it. Default `Date.now`. */
  now?: () => number;
  /** How long an event claim lasts. Default one hour. */
  eventTtlMs?: number;
  /** Expired claims are deleted every this many claims. Default 500. */
  purgeEvery?: number;
}

/**
 * The store over any `SqlClient` (PGlite or `pg`): one SQL for both. Claims are single
 * statements (`INSERT … ON CONFLICT`), atomic in Postgres however many replicas race.
 */
export function createSqlStore(db: SqlClient, options: SqlStoreOptions): Store {
  const now = options.now ?? Date.now;
  const ttl = options.eventTtlMs ?? EVENT_CLAIM_TTL_MS;
  const purgeEvery = options.purgeEvery ?? 500;
  const iso = (ms: number): string => new Date(ms).toISOString();
  let claims = 0;

  const purgeSometimes = async (): Promise<void> => {
    claims += 1;
    if (claims % purgeEvery !== 0) return;
    const t = iso(now());
    await db.query('DELETE FROM event_claims WHERE expires_at <= $1::timestamptz', [t]);
    await db.query('DELETE FROM request_claims WHERE expires_at <= $1::timestamptz', [t]);
  };

  // Claims made together go in one statement; an id twice in a batch is claimed by its first call.
  const claimEvents = createBatcher<{ eventId: string; teamId: string }, boolean>(async (items) => {
    const t = now();
    const first = new Map<string, number>();
    items.forEach((e, i) => first.has(e.eventId) || first.set(e.eventId, i));
    const unique = [...first.keys()];
    const rows = await db.query<{ event_id: string }>(
      `INSERT INTO event_claims (event_id, team_id, claimed_by, claimed_at, expires_at)
       SELECT id, team, $3, $4::timestamptz, $5::timestamptz FROM unnest($1::text[], $2::text[]) AS c(id, team)
       ON CONFLICT (event_id) DO UPDATE
         SET team_id = EXCLUDED.team_id, claimed_by = EXCLUDED.claimed_by, claimed_at = EXCLUDED.claimed_at,
             expires_at = EXCLUDED.expires_at, outcome = NULL, detail = NULL
         WHERE event_claims.expires_at <= EXCLUDED.claimed_at
       RETURNING event_id`,
      [unique, unique.map((id) => items[first.get(id) ?? 0]?.teamId ?? ''), options.owner, iso(t), iso(t + ttl)],
    );
    const won = new Set(rows.map((r) => r.event_id));
    return items.map((e, i) => won.has(e.eventId) && first.get(e.eventId) === i);
  });
  const settleEvents = createBatcher<{ eventId: string; outcome: string; detail: string | null }, void>(async (items) => {
    await db.query(
      `UPDATE event_claims AS e SET outcome = s.outcome, detail = s.detail
       FROM unnest($1::text[], $2::text[], $3::text[]) AS s(event_id, outcome, detail)
       WHERE e.event_id = s.event_id AND e.claimed_by = $4`,
      [items.map((i) => i.eventId), items.map((i) => i.outcome), items.map((i) => i.detail), options.owner],
    );
    return items.map(() => undefined);
  });

  const findDuplicate = async (q: { query: SqlExecutor['query'] }, teamId: string, by: { contentHash?: string; url?: string }): Promise<{ existing: StoredArticleMeta; by: 'text' | 'url' } | undefined> => {
    const rows = await q.query<ArticleRow & { content_hash: string }>(
      `SELECT ${ARTICLE_META}, content_hash FROM articles WHERE team_id = $1 AND ((content_hash = $2 AND $2 <> '') OR url = $3) ORDER BY added_at LIMIT 1`,
      [teamId, by.contentHash ?? '', by.url ?? null],
    );
    const r = rows[0];
    return r ? { existing: articleMeta(r), by: by.contentHash && r.content_hash === by.contentHash ? 'text' : 'url' } : undefined;
  };

  return {
    description: options.description,
    events: {
      async claim(event) {
        const claimed = await claimEvents(event);
        await purgeSometimes();
        return claimed;
      },
      settle: (eventId, outcome, detail) => settleEvents({ eventId, outcome, detail: detail ?? null }),
      async release(eventId) {
        await db.query('DELETE FROM event_claims WHERE event_id = $1 AND claimed_by = $2', [eventId, options.owner]);
      },
    },
    requests: {
      async claim(signature, until) {
        const rows = await db.query(
          `INSERT INTO request_claims (signature, expires_at) VALUES ($1, $2::timestamptz)
           ON CONFLICT (signature) DO UPDATE SET expires_at = EXCLUDED.expires_at
             WHERE request_claims.expires_at <= $3::timestamptz
           RETURNING signature`,
          [signature, until.toISOString(), iso(now())],
        );
        return rows.length === 1;
      },
    },
    digests: {
      async claim({ teamId, channelId, slot }) {
        const rows = await db.query(
          `INSERT INTO digest_posts (team_id, channel_id, slot, status, claimed_by, claimed_at)
           VALUES ($1, $2, $3, 'claimed', $4, $5::timestamptz)
           ON CONFLICT (team_id, channel_id, slot) DO NOTHING
           RETURNING slot`,
          [teamId, channelId, slot, options.owner, iso(now())],
        );
        return rows.length === 1;
      },
      async settle({ teamId, channelId, slot }, result) {
        await db.query(
          `UPDATE digest_posts SET status = $4, settled_at = $5::timestamptz, message_ts = $6, detail = $7
           WHERE team_id = $1 AND channel_id = $2 AND slot = $3 AND claimed_by = $8`,
          [teamId, channelId, slot, result.status, iso(now()), result.status === 'posted' ? (result.ts ?? null) : null, result.status === 'unknown' ? result.detail : null, options.owner],
        );
      },
      async release({ teamId, channelId, slot }) {
        await db.query(`DELETE FROM digest_posts WHERE team_id = $1 AND channel_id = $2 AND slot = $3 AND status = 'claimed' AND claimed_by = $4`, [teamId, channelId, slot, options.owner]);
      },
      async cover({ teamId, channelId, slot }, coverage) {
        await db.query('UPDATE digest_posts SET article_ids = $4::text[], claim_keys = $5::text[] WHERE team_id = $1 AND channel_id = $2 AND slot = $3', [teamId, channelId, slot, coverage.articleIds, coverage.claimKeys]);
      },
      async lastCoverage(teamId, channelId) {
        const rows = await db.query<{ slot: string; article_ids: string[]; claim_keys: string[] }>(
          `SELECT slot, article_ids, claim_keys FROM digest_posts WHERE team_id = $1 AND channel_id = $2 AND status IN ('posted', 'unknown') ORDER BY claimed_at DESC, slot DESC LIMIT 1`,
          [teamId, channelId],
        );
        const r = rows[0];
        return r ? { slot: r.slot, articleIds: r.article_ids, claimKeys: r.claim_keys } : undefined;
      },
      async threadStories(teamId, channelId, ts) {
        const rows = await db.query<{ article_ids: string[] }>('SELECT article_ids FROM digest_posts WHERE team_id = $1 AND channel_id = $2 AND message_ts = $3 LIMIT 1', [teamId, channelId, ts]);
        return rows[0]?.article_ids;
      },
    },
    installations: {
      async save(i) {
        await db.query(
          `INSERT INTO installations (team_id, enterprise_id, team_name, bot_user_id, bot_id, installed_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6::timestamptz, $6::timestamptz)
           ON CONFLICT (team_id) DO UPDATE SET enterprise_id = EXCLUDED.enterprise_id, team_name = EXCLUDED.team_name,
             bot_user_id = EXCLUDED.bot_user_id, bot_id = EXCLUDED.bot_id, updated_at = EXCLUDED.updated_at`,
          [i.teamId, i.enterpriseId ?? null, i.teamName ?? null, i.botUserId, i.botId ?? null, iso(now())],
        );
      },
      async get(teamId) {
        const rows = await db.query<{ team_id: string; enterprise_id: string | null; team_name: string | null; bot_user_id: string; bot_id: string | null }>(
          'SELECT team_id, enterprise_id, team_name, bot_user_id, bot_id FROM installations WHERE team_id = $1',
          [teamId],
        );
        const r = rows[0];
        if (!r) return undefined;
        const installation: Installation = { teamId: r.team_id, botUserId: r.bot_user_id };
        if (r.team_name !== null) installation.teamName = r.team_name;
        if (r.enterprise_id !== null) installation.enterpriseId = r.enterprise_id;
        if (r.bot_id !== null) installation.botId = r.bot_id;
        return installation;
      },
      async saveOAuth(key, identity, installation) {
        await db.query(
          `INSERT INTO installations (team_id, enterprise_id, team_name, bot_user_id, bot_id, installation, is_enterprise_install, installed_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::timestamptz, $8::timestamptz)
           ON CONFLICT (team_id) DO UPDATE SET enterprise_id = EXCLUDED.enterprise_id, team_name = EXCLUDED.team_name, bot_user_id = EXCLUDED.bot_user_id,
             bot_id = EXCLUDED.bot_id, installation = EXCLUDED.installation, is_enterprise_install = EXCLUDED.is_enterprise_install, updated_at = EXCLUDED.updated_at`,
          [installationRowKey(key), key.enterpriseId ?? null, identity.teamName ?? null, identity.botUserId, identity.botId ?? null, JSON.stringify(installation), key.isEnterpriseInstall, iso(now())],
        );
      },
      async fetchOAuth(key) {
        // A workspace of an organisation that installed org-wide has no row of its own: the organisation's serves it.
        const ids = [key.isEnterpriseInstall ? undefined : key.teamId, key.enterpriseId].filter((v): v is string => typeof v === 'string' && v !== '');
        for (const id of ids) {
          const rows = await db.query<{ installation: unknown; is_enterprise_install: boolean }>('SELECT installation, is_enterprise_install FROM installations WHERE team_id = $1 AND installation IS NOT NULL', [id]);
          const r = rows[0];
          if (r && (id === key.teamId || r.is_enterprise_install)) return r.installation;
        }
        return undefined;
      },
      async delete(key) {
        const rows = await db.query('DELETE FROM installations WHERE team_id = $1 RETURNING team_id', [installationRowKey(key)]);
        return rows.length;
      },
    },
    articles: {
      async add(a, reservedIds) {
        try {
          return await db.transaction(async (tx) => {
            const dup = await findDuplicate(tx, a.teamId, { contentHash: a.contentHash, ...(a.url ? { url: a.url } : {}) });
            if (dup) return { status: 'duplicate' as const, ...dup };
            const taken = new Set((await tx.query<{ article_id: string }>('SELECT article_id FROM articles WHERE team_id = $1', [a.teamId])).map((r) => r.article_id));
            let id = a.articleId;
            for (let n = 2; taken.has(id) || reservedIds.has(id); n++) id = `${a.articleId}-${n}`;
            const rows = await tx.query<ArticleRow>(
              `INSERT INTO articles (team_id, enterprise_id, article_id, title, source, url, published, added_by, added_at, updated_at, content_hash, knowledge)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::timestamptz, $9::timestamptz, $10, $11::jsonb)
               RETURNING ${ARTICLE_META}`,
              [a.teamId, a.enterpriseId ?? null, id, a.title, a.source ?? null, a.url ?? null, a.published ?? null, a.addedBy, iso(now()), a.contentHash, JSON.stringify(a.knowledge(id))],
            );
            await bumpVersion(tx, `articles:${a.teamId}`);
            return { status: 'added' as const, article: articleMeta(rows[0] as ArticleRow) };
          });
        } catch (err) {
          // Another replica stored the same text or URL a moment earlier.
          if (!isUniqueViolation(err)) throw err;
          const dup = await findDuplicate(db, a.teamId, { contentHash: a.contentHash, ...(a.url ? { url: a.url } : {}) });
          if (!dup) throw err;
          return { status: 'duplicate', ...dup };
        }
      },
      async list(teamId) {
        const rows = await db.query<ArticleRow & { knowledge: unknown }>(`SELECT ${ARTICLE_META}, knowledge FROM articles WHERE team_id = $1 ORDER BY added_at, article_id`, [teamId]);
        return rows.map((r): StoredArticle => ({ ...articleMeta(r), knowledge: r.knowledge }));
      },
      findDuplicate: (teamId, by) => findDuplicate(db, teamId, by),
      async remove(teamId, articleId) {
        return db.transaction(async (tx) => {
          const rows = await tx.query('DELETE FROM articles WHERE team_id = $1 AND article_id = $2 RETURNING article_id', [teamId, articleId]);
          if (rows.length === 0) return false;
          await tx.query('UPDATE channel_settings SET article_id = NULL, updated_at = $3::timestamptz WHERE team_id = $1 AND article_id = $2', [teamId, articleId, iso(now())]);
          await bumpVersion(tx, `articles:${teamId}`);
          return true;
        });
      },
      version: (teamId) => readVersion(db, `articles:${teamId}`),
    },
    channels: {
      async get(teamId, channelId) {
        const rows = await db.query<{ article_id: string | null; digest_cron: string | null; digest_tz: string | null }>('SELECT article_id, digest_cron, digest_tz FROM channel_settings WHERE team_id = $1 AND channel_id = $2', [teamId, channelId]);
        const r = rows[0];
        if (!r) return undefined;
        return {
          teamId,
          channelId,
          ...(r.article_id !== null ? { articleId: r.article_id } : {}),
          ...(r.digest_cron === '' ? { digest: 'off' as const } : r.digest_cron !== null ? { digest: { cron: r.digest_cron, timezone: r.digest_tz ?? 'UTC' } } : {}),
        };
      },
      async follow(where, articleId, by) {
        await db.query(
          `INSERT INTO channel_settings (team_id, channel_id, enterprise_id, article_id, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6::timestamptz)
           ON CONFLICT (team_id, channel_id) DO UPDATE SET article_id = EXCLUDED.article_id, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
          [where.teamId, where.channelId, where.enterpriseId ?? null, articleId, by, iso(now())],
        );
      },
      async setDigest(where, digest, by) {
        const cron = digest === null ? null : digest === 'off' ? '' : digest.cron;
        const tz = digest === null || digest === 'off' ? null : digest.timezone;
        await db.transaction(async (tx) => {
          await tx.query(
            `INSERT INTO channel_settings (team_id, channel_id, enterprise_id, digest_cron, digest_tz, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz)
             ON CONFLICT (team_id, channel_id) DO UPDATE SET digest_cron = EXCLUDED.digest_cron, digest_tz = EXCLUDED.digest_tz, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
            [where.teamId, where.channelId, where.enterpriseId ?? null, cron, tz, by, iso(now())],
          );
          await bumpVersion(tx, 'schedules');
        });
      },
      async digestSettings() {
        const rows = await db.query<{ team_id: string; enterprise_id: string | null; channel_id: string; digest_cron: string; digest_tz: string | null }>(
          'SELECT team_id, enterprise_id, channel_id, digest_cron, digest_tz FROM channel_settings WHERE digest_cron IS NOT NULL ORDER BY team_id, channel_id',
        );
        return rows.map((r) => {
          const base = { teamId: r.team_id, channelId: r.channel_id, ...(r.enterprise_id !== null ? { enterpriseId: r.enterprise_id } : {}) };
          return r.digest_cron === '' ? { ...base, off: true as const } : { ...base, cron: r.digest_cron, timezone: r.digest_tz ?? 'UTC' };
        });
      },
      digestVersion: () => readVersion(db, 'schedules'),
    },
    feedback: {
      async record(f) {
        await db.query(
          `INSERT INTO feedback (team_id, enterprise_id, channel_id, user_id, question, article_id, sentence_id, quote, scope, verdict, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text[], $10, $11::timestamptz)
           ON CONFLICT (team_id, user_id, question, article_id, sentence_id) DO UPDATE
             SET verdict = EXCLUDED.verdict, channel_id = EXCLUDED.channel_id, quote = EXCLUDED.quote, scope = EXCLUDED.scope, created_at = EXCLUDED.created_at`,
          [f.teamId, f.enterpriseId ?? null, f.channelId, f.userId, f.question, f.articleId, f.sentenceId, f.quote, f.scope, f.verdict, iso(now())],
        );
      },
      async list(teamId) {
        const rows = await db.query<{ team_id: string; enterprise_id: string | null; channel_id: string; user_id: string; question: string; article_id: string; sentence_id: string; quote: string; scope: string[]; verdict: FeedbackEntry['verdict']; created_at: Date | string }>(
          `SELECT team_id, enterprise_id, channel_id, user_id, question, article_id, sentence_id, quote, scope, verdict, created_at FROM feedback
           WHERE $1::text IS NULL OR team_id = $1 ORDER BY created_at, id`,
          [teamId ?? null],
        );
        return rows.map((r) => ({
          teamId: r.team_id,
          ...(r.enterprise_id !== null ? { enterpriseId: r.enterprise_id } : {}),
          channelId: r.channel_id,
          userId: r.user_id,
          question: r.question,
          articleId: r.article_id,
          sentenceId: r.sentence_id,
          quote: r.quote,
          scope: r.scope,
          verdict: r.verdict,
          createdAt: new Date(r.created_at),
        }));
      },
    },
    meta: {
      async get(key) {
        const rows = await db.query<{ value: string }>('SELECT value FROM store_meta WHERE key = $1', [key]);
        return rows[0]?.value;
      },
      async set(key, value) {
        await db.query('INSERT INTO store_meta (key, value, updated_at) VALUES ($1, $2, $3::timestamptz) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at', [key, value, iso(now())]);
      },
    },
    async ping() {
      await db.query('SELECT 1 AS ok');
    },
    close: () => db.close(),
  };
}
