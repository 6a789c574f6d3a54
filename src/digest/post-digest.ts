import type { Logger } from '@slack/bolt';
import type { webApi } from '@slack/bolt';
import { digestReply, type Briefer } from '../answer/reply.ts';
import { articlesById, renderReply } from '../slack/blocks.ts';
import { describeSlackError } from '../slack/web-api-errors.ts';
import type { DigestStore } from './digest-store.ts';

/** What happened in one channel. */
export type DigestOutcome = { channel: string; status: 'posted'; ts?: string } | { channel: string; status: 'skipped' } | { channel: string; status: 'failed'; error: string };

/**
 * Posts the digest to each channel once for `slot`. A channel that fails (not_in_channel,
 * channel_not_found, …) is logged with what to do and does not stop the others; its claim is
 * given back so a later run can post. Rate limits are retried by the client after Retry-After.
 */
export async function postDigest(args: { client: webApi.WebClient; briefer: Briefer; channels: readonly string[]; slot: string; store: DigestStore; logger: Logger }): Promise<DigestOutcome[]> {
  const { client, briefer, channels, slot, store, logger } = args;
  const message = renderReply(digestReply(briefer), { articles: articlesById(briefer.articles) });
  const outcomes: DigestOutcome[] = [];
  for (const channel of channels) {
    if (!store.claim(channel, slot)) {
      logger.info(`digest ${slot} already posted to ${channel}; skipping`);
      outcomes.push({ channel, status: 'skipped' });
      continue;
    }
    try {
      const res = await client.chat.postMessage({ channel, unfurl_links: false, unfurl_media: false, ...message });
      logger.info(`digest ${slot} posted to ${channel}`);
      outcomes.push({ channel, status: 'posted', ...(res.ts ? { ts: res.ts } : {}) });
    } catch (err) {
      store.release(channel, slot);
      const error = describeSlackError(err, channel);
      logger.error(`digest ${slot} not posted: ${error}`);
      outcomes.push({ channel, status: 'failed', error });
    }
  }
  return outcomes;
}
