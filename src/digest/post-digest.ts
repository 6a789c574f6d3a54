import type { Logger } from '@slack/bolt';
import { digestReply, type Briefer } from '../answer/reply.ts';
import { articlesById, renderReply, type SlackMessage } from '../slack/blocks.ts';
import type { SlackWriter } from '../slack/slack-writer.ts';
import type { DigestCoverage, DigestSlotKey, Store } from '../store/index.ts';

/**
 * What happened in one channel: `unknown` when Slack did not confirm a post that may have
 * arrived (a time-out); it is not sent again.
 */
export type DigestOutcome =
  | { channel: string; status: 'posted'; ts?: string }
  | { channel: string; status: 'skipped' }
  | { channel: string; status: 'unknown'; error: string }
  | { channel: string; status: 'failed'; error: string };

/** What posting a digest needs. */
export interface PostDigestArgs {
  writer: SlackWriter;
  briefer: Briefer;
  /** The workspace the channels belong to. */
  teamId: string;
  channels: readonly string[];
  slot: string;
  store: Store;
  logger: Logger;
  /** The workspace's bot token (OAuth installs); the writer's own client token when absent. */
  token?: string;
  /**
   * The message for one channel and what it covers (its story, what is new since its last
   * digest); asked only once the slot is claimed. Default: the briefing of every article.
   */
  compose?: (channel: string) => Promise<{ message: SlackMessage; coverage?: DigestCoverage }>;
}

async function postToChannel(args: PostDigestArgs, channel: string, fallback: () => SlackMessage): Promise<DigestOutcome> {
  const { store, logger, slot } = args;
  const key: DigestSlotKey = { teamId: args.teamId, channelId: channel, slot };
  const record = (what: Promise<void>): Promise<void> => what.catch((err: unknown) => logger.warn(`digest ${slot} for ${channel}: could not record the outcome in the store (${(err as Error).message})`));
  try {
    if (!(await store.digests.claim(key))) {
      logger.info(`digest ${slot} for ${channel} is already claimed (by another replica or an earlier run); skipping`);
      return { channel, status: 'skipped' };
    }
  } catch (err) {
    const error = `the store is unavailable, so it was not posted (to never post it twice): ${(err as Error).message}`;
    logger.error(`digest ${slot} for ${channel}: ${error}`);
    return { channel, status: 'failed', error };
  }
  let message: SlackMessage;
  try {
    const composed = args.compose ? await args.compose(channel) : { message: fallback() };
    message = composed.message;
    if (composed.coverage) await store.digests.cover(key, composed.coverage);
  } catch (err) {
    await record(store.digests.release(key));
    const error = `could not compose the digest: ${(err as Error).message}`;
    logger.error(`digest ${slot} for ${channel}: ${error}`);
    return { channel, status: 'failed', error };
  }
  const result = await args.writer.postMessage({ channel, unfurl_links: false, unfurl_media: false, ...(args.token ? { token: args.token } : {}), ...message });
  switch (result.status) {
    case 'sent':
      await record(store.digests.settle(key, { status: 'posted', ...(result.ts ? { ts: result.ts } : {}) }));
      logger.info(`digest ${slot} posted to ${channel}`);
      return { channel, status: 'posted', ...(result.ts ? { ts: result.ts } : {}) };
    case 'unknown':
      await record(store.digests.settle(key, { status: 'unknown', detail: result.reason }));
      logger.warn(`digest ${slot} to ${channel} may or may not have been posted: ${result.reason}`);
      return { channel, status: 'unknown', error: result.reason };
    case 'failed':
      // Nothing reached Slack: give the slot back so a later run may post it.
      await record(store.digests.release(key));
      logger.error(`digest ${slot} not posted to ${channel}: ${result.reason}`);
      return { channel, status: 'failed', error: result.reason };
  }
}

/**
 * Posts the digest for `slot` to every channel at once, each on its own: a channel that is slow,
 * rate-limited or failing (not_in_channel, channel_not_found, …) delays or stops no other. Each
 * (channel, slot) is claimed in the store first, so across restarts and replicas exactly one
 * process posts it, and the outcome is recorded after.
 */
export async function postDigest(args: PostDigestArgs): Promise<DigestOutcome[]> {
  let message: SlackMessage | undefined;
  const fallback = (): SlackMessage => (message ??= renderReply(digestReply(args.briefer), { articles: articlesById(args.briefer.index.articles) }));
  return Promise.all(args.channels.map((channel) => postToChannel(args, channel, fallback)));
}
