import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { newestArticles, routeConversation, routeRequest, type Briefer } from '../answer/reply.ts';
import { liveArticles, type MatcherIndex } from '../matcher/search-index.ts';
import { renderMessageText, renderReplyText } from './render-text.ts';
import { renderAdded, renderNotice, renderStories } from '../slack/story-blocks.ts';
import type { Stories } from '../stories/stories.ts';
import type { TeamBriefers } from '../stories/team-briefers.ts';
import type { Store } from '../store/index.ts';

/** The terminal's own workspace and channel in the store (stories added here live under them). */
export const TERMINAL_WHERE = Object.freeze({ teamId: 'terminal', channelId: 'terminal' });

/** The stories side of the terminal: absent when the store could not be opened (then say why). */
export type TerminalStories = { stories: Stories; teams: TeamBriefers; store: Store } | { unavailable: string };

/**
 * What the bot would say to one terminal line: `/briefing …` as the slash command (ephemeral,
 * with its Share button), anything else as an @mention. Rendered from the same Block Kit.
 */
export function terminalReply(briefer: Briefer, line: string, scope?: { articleIds: readonly string[] }): string {
  const slash = /^\/briefing\b\s*(.*)$/i.exec(line.trim());
  if (slash) {
    const text = slash[1] ?? '';
    return renderReplyText(routeRequest(briefer, text, scope), briefer.index.articles, { shareRequest: text, invocation: '/briefing', ...(scope ? { channelStory: { ids: scope.articleIds } } : {}) });
  }
  return renderReplyText(routeConversation(briefer, line, scope), briefer.index.articles, { invocation: '/briefing', ...(scope ? { channelStory: { ids: scope.articleIds } } : {}) });
}

/** Reads pasted lines until one holding only "." (or the end of input). */
type ReadPaste = () => Promise<string>;

/**
 * One terminal line, with the stories: `/briefing add <url>` fetches and stores a page,
 * `/briefing add` reads a pasted article, `stories`, `follow <story>`, `unfollow` and `remove
 * <story>` work as in Slack (the terminal is one channel of its own workspace). Anything else is
 * answered from the followed story first.
 */
export async function terminalLine(fallback: Briefer, s: TerminalStories, line: string, readPaste: ReadPaste): Promise<string> {
  const slash = /^\/briefing\b\s*(.*)$/i.exec(line.trim());
  const [first = '', ...rest] = (slash?.[1] ?? '').trim().split(/\s+/);
  const sub = first.toLowerCase();
  const args = rest.join(' ').trim();
  const manages = slash !== null && ['add', 'stories', 'follow', 'unfollow', 'remove'].includes(sub);
  if (manages && 'unavailable' in s) return renderMessageText(renderNotice(`Stories are not available: ${s.unavailable}`));
  if ('unavailable' in s) return terminalReply(fallback, line);
  const { stories, teams } = s;
  const notice = (text: string): string => renderMessageText(renderNotice(text));
  if (manages) {
    switch (sub) {
      case 'add': {
        const draft = args !== '' ? (/^https?:\/\//i.test(args) ? { url: args } : { text: args }) : { text: await readPaste() };
        const outcome = await stories.add(TERMINAL_WHERE, draft, 'terminal');
        return renderMessageText(outcome.status === 'added' ? renderAdded(outcome) : renderNotice(`${outcome.message} Nothing was stored.`));
      }
      case 'stories': {
        const followed = await stories.followed(TERMINAL_WHERE.teamId, TERMINAL_WHERE.channelId);
        return renderMessageText(renderStories(await stories.list(TERMINAL_WHERE.teamId), followed?.id));
      }
      case 'follow': {
        if (args === '') return notice('Say which story: `/briefing follow 2` (a number from `/briefing stories`), or its id or title.');
        const r = await stories.follow(TERMINAL_WHERE, args, 'terminal');
        return notice(r.ok ? `:pushpin: The terminal now follows *${r.story.title}*: questions are answered from it first.` : r.message);
      }
      case 'unfollow':
        await stories.unfollow(TERMINAL_WHERE, 'terminal');
        return notice('The terminal follows no story now: questions are asked of every story.');
      case 'remove': {
        // Whoever sits at the terminal owns this store.
        const r = await stories.remove(TERMINAL_WHERE, args, 'terminal', async () => true);
        return notice(r.ok ? `Removed *${r.story.title}*.` : r.message);
      }
    }
  }
  const [briefer, followed] = await Promise.all([teams.forTeam(TERMINAL_WHERE.teamId), stories.followed(TERMINAL_WHERE.teamId, TERMINAL_WHERE.channelId)]);
  return terminalReply(briefer, line, followed ? { articleIds: [followed.id] } : undefined);
}

/** How many titles the start banner lists before it summarises. */
const LISTED_TITLES = 5;

/**
 * What the bot answers from, in a line or a few: every title when there are a handful, else
 * "10 000 articles, newest: <title> (<date or id>)". Read from the index: no article is loaded.
 */
export function describeArticles(index: MatcherIndex): string {
  const live = liveArticles(index);
  if (live.length <= LISTED_TITLES) return live.map(({ article: a }) => `  • ${a.title} (${a.id})`).join('\n');
  const { article: newest } = newestArticles(live, 1)[0] as (typeof live)[number];
  return `  ${live.length.toLocaleString('en-GB').replace(/,/g, ' ')} articles, newest: ${newest.title} (${newest.published ?? newest.id})`;
}

/** The terminal mode: reads lines until EOF or "exit", answering each as the bot would. */
export async function runTerminal(briefer: Briefer, input: Readable, output: Writable, interactive: boolean, s: TerminalStories = { unavailable: 'no store' }): Promise<void> {
  const current = 'unavailable' in s ? briefer : await s.teams.forTeam(TERMINAL_WHERE.teamId);
  output.write(
    `Briefing — terminal mode (no Slack credentials set). Answering from:\n${describeArticles(current.index)}\n` +
      `Type a question as you would @mention the bot, or "/briefing", "/briefing topics", "/briefing ask …", "/briefing help".\n` +
      `Stories: "/briefing add https://…" (or "/briefing add" and paste the text, ending with a line holding only "."), "/briefing stories", "/briefing follow <number>". "exit" quits.\n` +
      ('unavailable' in s ? `(Stories are not available: ${s.unavailable})\n` : ''),
  );
  const rl = createInterface({ input, ...(interactive ? { output, prompt: 'briefing> ' } : {}), terminal: interactive });
  const lines = rl[Symbol.asyncIterator]();
  const readPaste: ReadPaste = async () => {
    if (interactive) output.write('Paste the article (one paragraph a line; a Title:/Source:/URL:/Published: front matter between "---" lines is read). End with a line holding only ".".\n');
    const pasted: string[] = [];
    for (;;) {
      const next = await lines.next();
      if (next.done || next.value.trim() === '.') break;
      pasted.push(next.value);
    }
    return pasted.join('\n');
  };
  if (interactive) rl.prompt();
  for (;;) {
    const next = await lines.next();
    if (next.done) break;
    const trimmed = next.value.trim();
    if (trimmed === 'exit' || trimmed === 'quit') break;
    if (trimmed !== '') {
      // One line that fails is said and the session goes on.
      const reply = await terminalLine(briefer, s, trimmed, readPaste).catch((err: unknown) => renderMessageText(renderNotice(`Something went wrong answering that: ${(err as Error).message}`)));
      output.write(`${reply}\n\n`);
    }
    if (interactive) rl.prompt();
  }
  rl.close();
}
