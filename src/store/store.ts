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

/** A stored article's metadata: what `/briefing stories` lists. */
export interface StoredArticleMeta {
  teamId: string;
  articleId: string;
  title: string;
  source?: string;
  url?: string;
  published?: string;
  /** The Slack user (or "terminal") who added it. */
  addedBy?: string;
  addedAt: Date;
}

/** A stored article with its knowledge file (validated by whoever reads it). */
export interface StoredArticle extends StoredArticleMeta {
  knowledge: unknown;
}

/** An article to store. `articleId` is the wished-for id; a taken one gets "-2", "-3", … */
export interface NewArticle {
  teamId: string;
  enterpriseId?: string;
  articleId: string;
  title: string;
  source?: string;
  url?: string;
  published?: string;
  addedBy: string;
  /** A hash of the article's text: the same text twice in one workspace is a duplicate. */
  contentHash: string;
  /** Builds the knowledge file once the id is known (the id is inside it). */
  knowledge: (articleId: string) => unknown;
}

/** How adding an article ended. */
export type AddArticleResult = { status: 'added'; article: StoredArticleMeta } | { status: 'duplicate'; existing: StoredArticleMeta; by: 'text' | 'url' };

/** A channel's own settings. `digest`: undefined = the defaults apply; 'off' = no digests here. */
export interface ChannelSettings {
  teamId: string;
  channelId: string;
  articleId?: string;
  digest?: { cron: string; timezone: string } | 'off';
}

/** A channel with its own digest schedule. */
export interface ChannelSchedule {
  teamId: string;
  enterpriseId?: string;
  channelId: string;
  cron: string;
  timezone: string;
}

/** What a digest covered: the next one says what is new since. */
export interface DigestCoverage {
  articleIds: string[];
  /** `articleId#claimId` of every claim it covered. */
  claimKeys: string[];
}

/** A verdict on an answer. */
export type Verdict = 'up' | 'down' | 'wrong-sentence';

/** One person's verdict on one answer. */
export interface FeedbackEntry {
  teamId: string;
  enterpriseId?: string;
  channelId: string;
  userId: string;
  question: string;
  /** The cited sentence ('' for a decline). */
  articleId: string;
  sentenceId: string;
  quote: string;
  /** The channel's story when it was asked. */
  scope: string[];
  verdict: Verdict;
  createdAt?: Date;
}

/** Which workspace (or organisation, for an org-wide install) an OAuth installation belongs to. */
export interface InstallationKey {
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall: boolean;
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
    /** Records what a claimed digest covers (called before posting it). */
    cover(key: DigestSlotKey, coverage: DigestCoverage): Promise<void>;
    /** What the channel's last digest that went out (or may have) covered. */
    lastCoverage(teamId: string, channelId: string): Promise<(DigestCoverage & { slot: string }) | undefined>;
    /** The stories of the digest whose message is `ts` in the channel (a reply in its thread is about them). */
    threadStories(teamId: string, channelId: string, ts: string): Promise<string[] | undefined>;
  };
  /** Workspaces the bot is installed in. */
  installations: {
    save(installation: Installation): Promise<void>;
    get(teamId: string): Promise<Installation | undefined>;
    /** Stores Bolt's installation object (with its tokens) from an OAuth install. */
    saveOAuth(key: InstallationKey, identity: Installation, installation: unknown): Promise<void>;
    /** Bolt's installation object for a workspace (or organisation), if installed. */
    fetchOAuth(key: InstallationKey): Promise<unknown>;
    /** Deletes the workspace's (or organisation's) installation and tokens; the number of rows deleted. */
    delete(key: InstallationKey): Promise<number>;
  };
  /** Articles added from Slack or the terminal, per workspace. */
  articles: {
    /** Stores the article unless the workspace has its text or URL already. */
    add(article: NewArticle, reservedIds: ReadonlySet<string>): Promise<AddArticleResult>;
    /** The workspace's articles, oldest first. */
    list(teamId: string): Promise<StoredArticle[]>;
    /** A stored article with the same text hash or URL. */
    findDuplicate(teamId: string, by: { contentHash?: string; url?: string }): Promise<{ existing: StoredArticleMeta; by: 'text' | 'url' } | undefined>;
    /** Removes it (channels following it follow nothing); false if it was not there. */
    remove(teamId: string, articleId: string): Promise<boolean>;
    /** Changes with every add or remove in the workspace: a replica whose copy is older reloads. */
    version(teamId: string): Promise<number>;
  };
  /** Per-channel settings: the story followed and the digest schedule. */
  channels: {
    get(teamId: string, channelId: string): Promise<ChannelSettings | undefined>;
    /** Sets (or with null clears) the channel's story. */
    follow(where: { teamId: string; channelId: string; enterpriseId?: string }, articleId: string | null, by: string): Promise<void>;
    /** Sets the channel's schedule, turns digests off there ('off'), or back to the defaults (null). */
    setDigest(where: { teamId: string; channelId: string; enterpriseId?: string }, digest: { cron: string; timezone: string } | 'off' | null, by: string): Promise<void>;
    /** Every channel's own digest setting, in every workspace ('off' included). */
    digestSettings(): Promise<(ChannelSchedule | (Omit<ChannelSchedule, 'cron' | 'timezone'> & { off: true }))[]>;
    /** Changes with every schedule change: the scheduler reloads when it moves. */
    digestVersion(): Promise<number>;
  };
  /** Verdicts on answers. */
  feedback: {
    /** Records (or replaces) a person's verdict on an answer. */
    record(entry: FeedbackEntry): Promise<void>;
    /** Every verdict, oldest first; of one workspace when `teamId` is given. */
    list(teamId?: string): Promise<FeedbackEntry[]>;
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
