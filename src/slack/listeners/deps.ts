import type { Briefer, Reply } from '../../answer/reply.ts';
import type { ArticleMeta } from '../../knowledge/schema.ts';
import { renderReply, type RenderContext, type SlackMessage } from '../blocks.ts';
import type { EventDeduper } from '../dedupe.ts';

/** What every listener needs, passed from the composition root. */
export interface ListenerDeps {
  briefer: Briefer;
  deduper: EventDeduper;
}

/** Article metadata by id, for rendering citations. */
export function articlesById(briefer: Briefer): Map<string, ArticleMeta> {
  return new Map(briefer.articles.map((k) => [k.article.id, k.article]));
}

/** Renders a reply for Slack with the briefer's articles. */
export function render(deps: ListenerDeps, reply: Reply, ctx: Omit<RenderContext, 'articles'> = {}): SlackMessage {
  return renderReply(reply, { ...ctx, articles: articlesById(deps.briefer) });
}
