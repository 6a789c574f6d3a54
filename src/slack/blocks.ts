import type { types } from '@slack/bolt';
import type { Answer, Citation } from '../answer/answer.ts';
import { describeSentenceId, type ArticleBriefing } from '../answer/briefing.ts';
import type { DigestChanges } from '../answer/digest-changes.ts';
import type { AnswerExplanation, ExplainedSentence } from '../answer/explain.ts';
import type { Reply } from '../answer/reply.ts';
import type { ArticleMeta } from '../knowledge/schema.ts';
import { escapeText, mentionUser, quote, SLACK_LIMITS, truncate } from './format.ts';

type KnownBlock = types.KnownBlock;

/** A message ready for `chat.postMessage`, `respond()` or a view: blocks plus a notification text. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Action id of the "Share in channel" button. */
export const SHARE_ACTION_ID = 'share_answer';

/** Action ids of the buttons under every answer: 👍, 👎, wrong sentence, and why. */
export const FEEDBACK_ACTION_IDS = Object.freeze({ up: 'feedback_up', down: 'feedback_down', 'wrong-sentence': 'feedback_wrong_sentence' } as const);
export const WHY_ACTION_ID = 'why_answer';

/** Article metadata by id, for citation titles and links. */
export function articlesById(articles: readonly { article: ArticleMeta }[]): Map<string, ArticleMeta> {
  return new Map(articles.map((k) => [k.article.id, k.article]));
}

/** How a reply is being shown. */
export interface RenderContext {
  /** Articles by id, for citation titles and links. */
  articles: ReadonlyMap<string, ArticleMeta>;
  /** Ephemeral answers get a "Share in channel" button carrying this value (Slack: a signed reference, see share-value.ts). */
  shareRequest?: string;
  /** A shared reply is credited to the user who shared it. */
  sharedBy?: string;
  /** How the user reaches the bot, for help texts: "/briefing" or "@Briefing". */
  invocation?: string;
  /** The signed value of the 👍 / 👎 / wrong sentence / why buttons under an answer (see signed-value.ts); no buttons without it. */
  answerRef?: string;
  /** The channel's story: an answer from another story says so. */
  channelStory?: { ids: readonly string[] };
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.sectionText) } };
}

function context(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.contextText) }] };
}

function header(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, SLACK_LIMITS.headerText), emoji: true } };
}

/** "<url|Title> · paragraph 4, sentence 1" — where a cited sentence stands. */
export function citationPlace(citation: Citation, articles: ReadonlyMap<string, ArticleMeta>): string {
  const meta = articles.get(citation.articleId);
  const title = escapeText(meta?.title ?? citation.articleId).replace(/\|/g, '¦');
  const link = meta?.url ? `<${meta.url}|${title}>` : `_${title}_`;
  return `${link} · ${describeSentenceId(citation.sentenceId)} (\`${citation.articleId}#${citation.sentenceId}\`)`;
}

function citationBlocks(citation: Citation, articles: ReadonlyMap<string, ArticleMeta>): KnownBlock[] {
  return [section(quote(escapeText(citation.quote))), context(`Source: ${citationPlace(citation, articles)}`)];
}

function askedBlock(question: string, sharedBy: string | undefined): KnownBlock {
  const who = sharedBy ? `${mentionUser(sharedBy)} shared` : 'You asked';
  // Escape first, then cut: cutting raw text drops everything after a lone "<" as a half link.
  return context(`${who}: _${truncate(escapeText(question), 500)}_`);
}

function answerBlocks(answer: Answer, ctx: RenderContext): KnownBlock[] {
  const blocks: KnownBlock[] = [askedBlock(answer.question, ctx.sharedBy)];
  if (answer.answered) {
    // A plain answer is the cited sentence itself: say where it comes from instead of repeating it.
    const plain = answer.citations.length === 1 && answer.text === answer.citations[0]?.quote;
    blocks.push(section(plain ? '*The article says:*' : escapeText(answer.text)));
    for (const c of answer.citations) blocks.push(...citationBlocks(c, ctx.articles));
    const story = ctx.channelStory;
    const from = answer.citations[0]?.articleId;
    if (story && story.ids.length > 0 && from !== undefined && !story.ids.includes(from)) {
      const followed = story.ids.map((id) => `_${escapeText(ctx.articles.get(id)?.title ?? id)}_`).join(', ');
      blocks.push(context(`:information_source: This channel follows ${followed}, which doesn't say this; the answer comes from another story: *${escapeText(ctx.articles.get(from)?.title ?? from)}*.`));
    }
  } else if (answer.related.length > 0) {
    // Not an answer: a passage the article comes close with, or what it says instead, marked as related.
    blocks.push(section(`:mag: ${escapeText(answer.text)}`));
    for (const c of answer.related) blocks.push(section(quote(escapeText(c.quote))), context(`Related, not an answer · ${citationPlace(c, ctx.articles)}`));
  } else {
    const source = ctx.articles.size === 1 ? 'the article, and nothing in it' : 'the articles, and nothing in them';
    blocks.push(section(`:mag: ${escapeText(answer.text)} I only answer from ${source} supports an answer.`));
    if (answer.suggestions.length > 0) {
      blocks.push(section(`*It does cover, for example:*\n${answer.suggestions.map((s) => `• ${escapeText(s)}`).join('\n')}`));
    }
  }
  return blocks;
}

/** "Since the last digest here": new stories in the workspace, new claims in the covered ones. */
function changesBlocks(changes: DigestChanges, ctx: RenderContext): KnownBlock[] {
  if (!changes.hasPrevious) return [context(':new: The first digest in this channel. Later ones start with what changed since the one before.')];
  const lines: string[] = [];
  for (const a of changes.newArticles.slice(0, 5)) lines.push(`• New story: *${escapeText(a.title)}*${a.source ? ` (${escapeText(a.source)})` : ''} — follow it with \`/briefing follow ${a.id}\``);
  if (changes.newArticles.length > 5) lines.push(`• and ${changes.newArticles.length - 5} more new stories (\`/briefing stories\`)`);
  const blocks: KnownBlock[] = [];
  if (changes.newClaimCount === 0 && changes.newArticles.length === 0) return [context(':white_check_mark: Nothing new since the last digest: no new stories, no new claims.')];
  if (changes.newClaimCount > 0) lines.push(`• ${changes.newClaimCount} new claim${changes.newClaimCount === 1 ? '' : 's'}${changes.newClaimCount > changes.newClaims.length ? ` (the first ${changes.newClaims.length})` : ''}:`);
  blocks.push(section(`*Since the last digest:*\n${lines.join('\n')}`));
  for (const c of changes.newClaims) {
    blocks.push(section(`${escapeText(c.speaker)} _${escapeText(c.stance)}_:\n${quote(escapeText(c.citation.quote))}`));
    blocks.push(context(`Source: ${citationPlace(c.citation, ctx.articles)}`));
  }
  blocks.push({ type: 'divider' });
  return blocks;
}

function explainedLine(e: ExplainedSentence, threshold: number): string {
  const evidence = e.evidence.map((x) => `${x.feature} ${x.contribution >= 0 ? '+' : '−'}${Math.abs(x.contribution).toFixed(2)}`).join(' · ');
  const matches = e.matches.map((m) => `\`${escapeText(m.term)}\` → ${m.match}`).join(' · ');
  return [`confidence *${e.confidence.toFixed(2)}* ${e.confidence > threshold ? '>' : '≤'} threshold ${threshold.toFixed(2)}${e.disputed ? ' (disputed: a sentence that matches as fully says the opposite)' : ''}`, matches ? `terms: ${matches}` : '', evidence ? `evidence: ${evidence}` : ''].filter(Boolean).join('\n');
}

/**
 * "Why this answer?": the intent, the terms, what each matched in the cited (or best) sentence,
 * its confidence against the threshold, the strongest evidence for and against (the model's own
 * features and weights), and the next candidates. Pure.
 */
export function renderExplanation(x: AnswerExplanation, articles: ReadonlyMap<string, ArticleMeta>): SlackMessage {
  const verdict = x.answered
    ? `*Answered:* the cited sentence's confidence is above the threshold of ${x.threshold.toFixed(2)}.`
    : x.best
      ? `*Declined:* no sentence's confidence is above the threshold of ${x.threshold.toFixed(2)} without being disputed.`
      : '*Declined:* no sentence holds the question\'s words.';
  const blocks: KnownBlock[] = [
    header('Why this answer?'),
    section(`*Question:* _${truncate(escapeText(x.question), 500)}_\n*Intent:* ${x.intent} · *Terms:* ${x.terms.map((t) => `\`${escapeText(t.text)}\` (${t.kind})`).join(', ') || 'none'}\n${verdict}`),
  ];
  if (x.best) {
    blocks.push(section(`*${x.answered ? 'Cited sentence' : 'Best candidate'}:*\n${quote(escapeText(x.best.quote))}\n${explainedLine(x.best, x.threshold)}`));
    blocks.push(context(`Source: ${citationPlace({ articleId: x.best.articleId, sentenceId: x.best.sentenceId, quote: x.best.quote }, articles)} · searched ${x.searched === 'channel story' ? "the channel's story first" : 'every story'}`));
  }
  if (x.others.length > 0) {
    blocks.push(section(`*Next candidates:*\n${x.others.map((o) => `• ${o.confidence.toFixed(2)} — ${truncate(escapeText(o.quote), 200)} (\`${o.articleId}#${o.sentenceId}\`)`).join('\n')}`));
  }
  blocks.push(context('Confidence is the model\'s probability that the sentence answers the question; evidence shows each feature\'s weight × value, strongest first.'));
  return { text: `Why this answer: ${x.answered ? 'answered' : 'declined'} (${x.question})`.slice(0, SLACK_LIMITS.fallbackText), blocks: capBlocks(blocks, SLACK_LIMITS.blocksPerMessage) };
}

function briefingBlocks(briefings: readonly ArticleBriefing[], ctx: RenderContext): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  for (const b of briefings) {
    blocks.push(header(b.article.title));
    const meta = [b.article.source, b.article.published].filter(Boolean).join(' · ');
    blocks.push(section(`*${escapeText(b.article.headline)}*${meta ? `\n${escapeText(meta)}` : ''}`));
    for (const p of b.points) {
      blocks.push(section(`*${escapeText(p.topic)}*\n${quote(escapeText(p.citation.quote))}`));
      blocks.push(context(`Source: ${citationPlace(p.citation, ctx.articles)}`));
    }
    blocks.push({ type: 'divider' });
  }
  if (blocks.at(-1)?.type === 'divider') blocks.pop();
  return blocks;
}

function helpBlocks(examples: readonly string[], empty: boolean, ctx: RenderContext): KnownBlock[] {
  const inv = ctx.invocation ?? '/briefing';
  const lines = [
    empty ? '*Hi! Ask me about the news story.* Here is what I can do:' : '*Briefing keeps you briefed on the news story, citing the article for every answer.*',
    `• \`${inv}\` — the briefing: headline and one cited line per topic`,
    `• \`${inv} topics\` — the topics, with a question to ask about each`,
    `• \`${inv} ask &lt;question&gt;\` — an answer quoting the sentence it rests on`,
    `• \`${inv} sources\` — the articles I answer from`,
    '*Stories*',
    `• \`${inv} add\` — add an article: paste its text, or give its URL (\`${inv} add https://…\` works too)`,
    `• \`${inv} stories\` — every story, numbered, with who added it and when`,
    `• \`${inv} follow &lt;number, id or title&gt;\` — this channel's story: answers here come from it first (\`${inv} follow\` alone picks from a list; \`${inv} unfollow\` stops)`,
    `• \`${inv} remove &lt;story&gt;\` — remove a story you added (admins: any)`,
    '*Digests*',
    `• \`${inv} digest\` — a preview of this channel's digest`,
    `• \`${inv} digest every weekday 9:00 Europe/Berlin\` — post it here on a schedule (or a cron: \`${inv} digest 0 9 * * 1-5\`); \`${inv} digest on\` uses the default schedule, \`${inv} digest off\` stops it`,
    '• Mention me in a channel (`@Briefing &lt;question&gt;`) and I answer in a thread; reply in a digest\'s thread (no mention needed) and I answer about that digest\'s story; or send me a direct message.',
    "When the article doesn't say, I say so instead of guessing. Under each answer: 👍 / 👎 / *Wrong sentence* tell us how it did, and *Why this answer?* shows how it was found.",
  ];
  const blocks = [section(lines.join('\n'))];
  if (examples.length > 0) blocks.push(section(`*Try:*\n${examples.map((e) => `• \`${inv} ask ${escapeText(e)}\``).join('\n')}`));
  return blocks;
}

function fallbackText(reply: Reply): string {
  switch (reply.kind) {
    case 'answer':
      return reply.answer.answered ? `${reply.answer.text} — “${reply.answer.citations[0]?.quote ?? ''}”` : reply.answer.text;
    case 'briefing':
    case 'digest':
      return reply.briefings.map((b) => `${reply.kind === 'digest' ? 'Digest: ' : ''}${b.article.headline}`).join(' | ');
    case 'topics':
      return `Topics: ${reply.topics.map((t) => t.name).join(', ')}`;
    case 'sources':
      return `Sources: ${reply.sources.map((s) => s.article.title).join(', ')}`;
    case 'help':
      return 'How to use Briefing';
  }
}

/** Caps a message at Slack's block limit, saying what was left out. */
function capBlocks(blocks: KnownBlock[], max: number): KnownBlock[] {
  if (blocks.length <= max) return blocks;
  return [...blocks.slice(0, max - 1), context(`… ${blocks.length - max + 1} more blocks not shown (Slack allows ${max} in one message). Ask about a topic for the rest.`)];
}

/**
 * Renders a core reply as a Block Kit message: answers with each citation quoted verbatim and
 * placed (article, paragraph, sentence, link), declines with suggestions, briefings, digests,
 * topics, sources and help. All article and user text is escaped; nothing can ping a channel.
 * Within Slack's limits: long text cut with "…", at most 50 blocks. Pure.
 */
export function renderReply(reply: Reply, ctx: RenderContext): SlackMessage {
  let blocks: KnownBlock[];
  const inv = ctx.invocation ?? '/briefing';
  switch (reply.kind) {
    case 'answer':
      blocks = answerBlocks(reply.answer, ctx);
      break;
    case 'briefing':
      blocks = briefingBlocks(reply.briefings, ctx);
      break;
    case 'digest':
      blocks = [
        ...(reply.changes ? changesBlocks(reply.changes, ctx) : []),
        ...briefingBlocks(reply.briefings, ctx),
        context(
          `Questions? Ask \`${inv} ask …\` or mention me in a thread${reply.suggestions.length > 0 ? ` — e.g. _${escapeText(reply.suggestions[0] ?? '')}_` : ''}. Every answer quotes the article.`,
        ),
      ];
      break;
    case 'topics': {
      const several = new Set(reply.topics.map((t) => t.articleId)).size > 1;
      blocks = [
        header('Topics'),
        ...reply.topics.map((t) => {
          const from = several ? `, _${escapeText(t.articleTitle)}_` : '';
          return section(`*${escapeText(t.name)}* (${t.sentenceCount} sentence${t.sentenceCount === 1 ? '' : 's'}${from})\nAsk: \`${inv} ask ${escapeText(t.suggestion)}\``);
        }),
      ];
      break;
    }
    case 'sources':
      blocks = [
        header('Sources'),
        ...reply.sources.map((s) => {
          const title = s.article.url ? `<${s.article.url}|${escapeText(s.article.title)}>` : `*${escapeText(s.article.title)}*`;
          const meta = [s.article.source, s.article.published].filter(Boolean).map((m) => escapeText(m ?? ''));
          return section(`${title}\n${[...meta, `${s.sentences} sentences in ${s.paragraphs} paragraphs`, `id \`${s.article.id}\``].join(' · ')}`);
        }),
      ];
      break;
    case 'help':
      blocks = helpBlocks(reply.examples, reply.empty, ctx);
      break;
  }
  if (reply.kind === 'answer') {
    const buttons: types.Button[] = [];
    if (ctx.shareRequest !== undefined && reply.answer.answered) {
      buttons.push({ type: 'button', action_id: SHARE_ACTION_ID, text: { type: 'plain_text', text: 'Share in channel' }, value: truncate(ctx.shareRequest, SLACK_LIMITS.buttonValue - 10) });
    }
    if (ctx.answerRef !== undefined) {
      const value = ctx.answerRef;
      buttons.push({ type: 'button', action_id: FEEDBACK_ACTION_IDS.up, text: { type: 'plain_text', text: '👍', emoji: true }, value, accessibility_label: reply.answer.answered ? 'Right answer' : 'Right to decline' });
      buttons.push({ type: 'button', action_id: FEEDBACK_ACTION_IDS.down, text: { type: 'plain_text', text: '👎', emoji: true }, value, accessibility_label: reply.answer.answered ? 'Wrong: the article does not say this' : 'Wrong: the article does say this' });
      if (reply.answer.answered) buttons.push({ type: 'button', action_id: FEEDBACK_ACTION_IDS['wrong-sentence'], text: { type: 'plain_text', text: 'Wrong sentence' }, value });
      buttons.push({ type: 'button', action_id: WHY_ACTION_ID, text: { type: 'plain_text', text: 'Why this answer?' }, value });
    }
    if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });
  }
  return { text: truncate(escapeText(fallbackText(reply)), SLACK_LIMITS.fallbackText), blocks: capBlocks(blocks, SLACK_LIMITS.blocksPerMessage) };
}
