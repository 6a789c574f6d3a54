import type { Briefer, Reply } from '../../answer/reply.ts';
import { articlesById, renderReply, type RenderContext, type SlackMessage } from '../blocks.ts';
import type { SlackWriter } from '../slack-writer.ts';

/** What every listener needs, passed from the composition root. */
export interface ListenerDeps {
  briefer: Briefer;
  /** Every write to Slack goes through it (per-channel queues, safe retries). */
  writer: SlackWriter;
  /** Signs and checks "Share in channel" buttons (see share-value.ts). */
  shareKey: Buffer;
}

/** Renders a reply for Slack with the briefer's articles. */
export function render(deps: ListenerDeps, reply: Reply, ctx: Omit<RenderContext, 'articles'> = {}): SlackMessage {
  return renderReply(reply, { ...ctx, articles: articlesById(deps.briefer.articles) });
}
