import type { Briefer, Reply } from '../../answer/reply.ts';
import { articlesById, renderReply, type RenderContext, type SlackMessage } from '../blocks.ts';
import type { EventDeduper } from '../dedupe.ts';

/** What every listener needs, passed from the composition root. */
export interface ListenerDeps {
  briefer: Briefer;
  deduper: EventDeduper;
}

/** Renders a reply for Slack with the briefer's articles. */
export function render(deps: ListenerDeps, reply: Reply, ctx: Omit<RenderContext, 'articles'> = {}): SlackMessage {
  return renderReply(reply, { ...ctx, articles: articlesById(deps.briefer.articles) });
}
