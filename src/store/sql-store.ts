import { createBatcher } from './batch.ts';
import type { SqlClient } from './sql.ts';
import { EVENT_CLAIM_TTL_MS, type Installation, type Store } from './store.ts';

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
