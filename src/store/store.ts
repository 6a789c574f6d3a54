/** Where a digest slot stands for one channel. */
export interface DigestSlotKey {
  teamId: string;
  channelId: string;
  /** The slot's scheduled time, ISO (see `slotKey`). */
  slot: string;
}

/** How a claimed post ended when it did not end in a clean failure (which releases the claim). */
export type SettledPost = { status: 'posted'; ts?: string } | { status: 'unknown'; detail: string };

/** A workspace the bot is installed in. */
export interface Installation {
  teamId: string;
  teamName?: string;
  enterpriseId?: string;
  botUserId: string;
  botId?: string;
}

/**
 * All state Briefing shares between requests, restarts and replicas. One implementation over SQL
 * serves embedded PGlite and a Postgres server alike (see `createSqlStore`).
 */
export interface Store {
  /** Names the store for logs and errors, never with a password: "embedded PGlite in data/pglite". */
  readonly description: string;
  /** Events API deliveries: claimed before handling, so a retry or another replica skips them. */
  events: {
    /** True if this caller claimed `eventId` (first time, or the earlier claim expired). */
    claim(event: { eventId: string; teamId: string }): Promise<boolean>;
    /** Records how handling ended; the claim stays until it expires. */
    settle(eventId: string, outcome: string, detail?: string): Promise<void>;
    /** Gives the claim back (nothing reached Slack), so a redelivery may try again. */
    release(eventId: string): Promise<void>;
  };
  /** The replay guard: a signed request served once while its signature is valid. */
  requests: {
    /** True if `signature` was not seen before (or its guard expired); it is kept until `until`. */
    claim(signature: string, until: Date): Promise<boolean>;
  };
  /** Digest slots: each (workspace, channel, slot) is posted by exactly one replica. */
  digests: {
    /** True if this caller may post the slot; false if anyone claimed it before. */
    claim(key: DigestSlotKey): Promise<boolean>;
    /** Records the post (its ts), or that Slack may or may not have it (never re-sent). */
    settle(key: DigestSlotKey, result: SettledPost): Promise<void>;
    /** Gives back this caller's claim after a post that certainly did not arrive. */
    release(key: DigestSlotKey): Promise<void>;
  };
  /** Workspaces the bot is installed in. */
  installations: {
    save(installation: Installation): Promise<void>;
    get(teamId: string): Promise<Installation | undefined>;
  };
  /** Small facts about the store itself (one-time imports). */
  meta: {
    get(key: string): Promise<string | undefined>;
    set(key: string, value: string): Promise<void>;
  };
  /** Resolves if the store answers a query; rejects otherwise. For health checks. */
  ping(): Promise<void>;
  /** Closes the store (and releases the embedded store's lock). */
  close(): Promise<void>;
}

/** How long an event claim is kept: an hour, well past Slack's retries (three within minutes). */
export const EVENT_CLAIM_TTL_MS = 60 * 60 * 1000;

/** How long a request signature is kept: Slack's own window for a request's timestamp. */
export const REQUEST_REPLAY_WINDOW_MS = 5 * 60 * 1000;
