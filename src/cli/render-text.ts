import type { Reply } from '../answer/reply.ts';
import type { ArticleMeta } from '../knowledge/schema.ts';
import { articlesById, renderReply, type RenderContext, type SlackMessage } from '../slack/blocks.ts';

/** The emoji shortcodes the bot uses, as the terminal shows them. */
const EMOJI: Record<string, string> = { mag: '🔍', white_check_mark: '✅', pushpin: '📌', information_source: 'ℹ️', no_entry_sign: '🚫', hourglass_flowing_sand: '⏳', wastebasket: '🗑️', calendar: '📅', no_bell: '🔕', grey_question: '❔', new: '🆕' };

/** Turns Slack mrkdwn into terminal text: links show label and URL, escapes are undone, `*`/`_` marks dropped. */
export function mrkdwnToText(text: string): string {
  return text
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<@([A-Z0-9]+)>/g, '@$1')
    // Like Slack, a mark only counts against a word: "`0 9 * * 1-5`" keeps its stars.
    .replace(/(^|[\s(])[*_]([^*_\s](?:[^*_\n]*[^*_\s])?)[*_](?=[\s).,:;!?]|$)/gm, '$1$2')
    .replace(/^>/gm, '  │ ')
    .replace(/:([a-z_]+):/g, (code: string, name: string) => EMOJI[name] ?? code)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Renders a Block Kit message as the terminal shows it: the same content Slack would show. */
export function renderMessageText(message: SlackMessage): string {
  const out: string[] = [];
  for (const block of message.blocks) {
    switch (block.type) {
      case 'header':
        out.push('', `== ${block.text.text} ==`);
        break;
      case 'section':
        if (block.text) out.push(mrkdwnToText(block.text.text));
        break;
      case 'context':
        out.push(
          block.elements
            .map((e) => ('text' in e && typeof e.text === 'string' ? `    ${mrkdwnToText(e.text)}` : ''))
            .filter(Boolean)
            .join(' '),
        );
        break;
      case 'divider':
        out.push('────────');
        break;
      case 'actions':
        out.push(block.elements.map((e) => (e.type === 'button' ? `[${e.text.text}]` : '')).join(' '));
        break;
      default:
        break;
    }
  }
  return out.join('\n').replace(/^\n+/, '');
}

/** Renders a core reply for the terminal, through the same Block Kit the bot posts. */
export function renderReplyText(reply: Reply, articles: readonly { article: ArticleMeta }[], ctx: Partial<RenderContext> = {}): string {
  return renderMessageText(renderReply(reply, { ...ctx, articles: articlesById(articles) }));
}
