import type { types } from '@slack/bolt';
import type { Stories } from '../stories/stories.ts';
import type { Story } from '../stories/resolve-story.ts';
import { escapeText, mentionUser, SLACK_LIMITS, truncate } from './format.ts';
import type { SlackMessage } from './blocks.ts';

type KnownBlock = types.KnownBlock;
type Added = Extract<Awaited<ReturnType<Stories['add']>>, { status: 'added' }>;

/** Callback id of the add-article modal. */
export const ADD_VIEW_ID = 'briefing_add_article';
/** Block ids of the modal's fields (field errors are keyed by them). */
export const ADD_FIELDS = Object.freeze({ title: 'title', source: 'source', url: 'url', published: 'published', text: 'text' } as const);
/** Action id of the story picker (an external select: options are loaded as the person types). */
export const FOLLOW_SELECT_ACTION_ID = 'follow_story';

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.sectionText) } };
}

function context(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.contextText) }] };
}

function plain(text: string): types.PlainTextElement {
  return { type: 'plain_text', text, emoji: true };
}

/**
 * A short message: `text` is mrkdwn whose user-given parts are already escaped (the stories and
 * schedule messages are made so). Pure.
 */
export function renderNotice(text: string): SlackMessage {
  return { text: truncate(text.replace(/[*_`]/g, ''), SLACK_LIMITS.fallbackText), blocks: [section(text)] };
}

/** "added by @ana on 2026-11-24" — who added a story and when. */
function provenance(s: Story): string {
  if (s.bundled) return 'comes with Briefing';
  const by = s.addedBy === 'terminal' ? 'the terminal' : s.addedBy ? mentionUser(s.addedBy) : 'someone';
  return `added by ${by}${s.addedAt ? ` on ${s.addedAt.toISOString().slice(0, 10)}` : ''}`;
}

/** `/briefing stories`: every story, numbered (the numbers `follow` and `remove` take), the channel's marked. Pure. */
export function renderStories(stories: readonly Story[], followedId: string | undefined, inv = '/briefing'): SlackMessage {
  if (stories.length === 0) return renderNotice(`There are no stories yet. Add one with \`${inv} add\`.`);
  const shown = stories.slice(0, 45);
  const blocks: KnownBlock[] = [{ type: 'header', text: plain('Stories') }];
  shown.forEach((s, i) => {
    const title = s.url ? `<${s.url}|${escapeText(s.title).replace(/\|/g, '¦')}>` : escapeText(s.title);
    const meta = [s.source ? escapeText(s.source) : undefined, s.published, provenance(s), `id \`${s.id}\``].filter(Boolean).join(' · ');
    blocks.push(section(`*${i + 1}.* ${title}${s.id === followedId ? '  :pushpin: _followed in this channel_' : ''}\n${meta}`));
  });
  if (stories.length > shown.length) blocks.push(context(`… and ${stories.length - shown.length} more. Follow any by its number or id.`));
  blocks.push(context(`Follow one here: \`${inv} follow 2\` (a number, an id or words of the title) · \`${inv} follow\` picks from a list · \`${inv} add\` adds one`));
  return { text: `Stories: ${stories.map((s) => s.title).join(', ')}`.slice(0, SLACK_LIMITS.fallbackText), blocks };
}

/** `/briefing follow` with nothing after it: a picker that searches the stories as you type. Pure. */
export function renderFollowPicker(stories: readonly Story[], followedId: string | undefined, inv = '/briefing'): SlackMessage {
  const followed = stories.find((s) => s.id === followedId);
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: followed ? `This channel follows *${escapeText(followed.title)}*. Pick another story:` : 'Pick the story this channel follows: answers here come from it first.' },
      accessory: { type: 'external_select', action_id: FOLLOW_SELECT_ACTION_ID, placeholder: plain('Type to search the stories'), min_query_length: 0 },
    },
    context(`Or type \`${inv} follow 2\` with a number from \`${inv} stories\`.`),
  ];
  return { text: 'Pick the story this channel follows', blocks };
}

/** The options of the story picker: stories whose title or id holds what was typed, at most 100. Pure. */
export function storyOptions(stories: readonly Story[], typed: string): { text: types.PlainTextElement; value: string }[] {
  const q = typed.trim().toLowerCase();
  return stories
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => q === '' || s.title.toLowerCase().includes(q) || s.id.includes(q))
    .slice(0, 100)
    .map(({ s, i }) => ({ text: { type: 'plain_text' as const, text: truncate(`${i + 1}. ${s.title}`, 75) }, value: s.id }));
}

/** The adder's ephemeral confirmation: what was stored, how big, and three questions it answers. Pure. */
export function renderAdded(added: Added, inv = '/briefing'): SlackMessage {
  const s = added.story;
  const c = added.counts;
  const meta = [s.source ? escapeText(s.source) : undefined, s.published].filter(Boolean).join(' · ');
  const title = s.url ? `<${s.url}|${escapeText(s.title).replace(/\|/g, '¦')}>` : escapeText(s.title);
  const blocks: KnownBlock[] = [
    section(`:white_check_mark: Added *${title}*${meta ? ` (${meta})` : ''} as \`${s.id}\`.\n${c.sentences} sentence${c.sentences === 1 ? '' : 's'} in ${c.paragraphs} paragraph${c.paragraphs === 1 ? '' : 's'} · ${c.entities} entit${c.entities === 1 ? 'y' : 'ies'} · ${c.claims} claim${c.claims === 1 ? '' : 's'}`),
  ];
  if (added.suggestions.length > 0) blocks.push(section(`*Ask it, for example:*\n${added.suggestions.map((q) => `• \`${inv} ask ${escapeText(q)}\``).join('\n')}`));
  else blocks.push(section('I found no question I could answer from it yet: check that the text is the article itself.'));
  blocks.push(context(`Answerable now in every channel. Make it a channel's story with \`${inv} follow ${s.id}\`.`));
  return { text: `Added “${s.title}”: ${c.sentences} sentences, ${c.entities} entities, ${c.claims} claims`, blocks };
}

/** The add-article modal; `privateMetadata` is the signed reference to who opened it where. Pure. */
export function addArticleView(privateMetadata: string): types.ModalView {
  const input = (id: string, label: string, element: types.InputBlockElement, hint?: string): KnownBlock => ({ type: 'input', block_id: id, optional: true, label: plain(label), element, ...(hint ? { hint: plain(hint) } : {}) });
  return {
    type: 'modal',
    callback_id: ADD_VIEW_ID,
    private_metadata: privateMetadata,
    title: plain('Add an article'),
    submit: plain('Add'),
    close: plain('Cancel'),
    blocks: [
      section('Paste the article\'s text, or give its URL alone and I fetch the page. Every answer will quote it.'),
      input(ADD_FIELDS.url, 'URL', { type: 'url_text_input', action_id: 'value', placeholder: plain('https://…') }, 'With the text empty, the story is read from this page.'),
      input(ADD_FIELDS.title, 'Title', { type: 'plain_text_input', action_id: 'value', max_length: 150 }, 'Taken from the page or the first sentence if empty.'),
      input(ADD_FIELDS.source, 'Source', { type: 'plain_text_input', action_id: 'value', max_length: 100, placeholder: plain('e.g. Reuters') }),
      input(ADD_FIELDS.published, 'Published', { type: 'datepicker', action_id: 'value' }),
      input(ADD_FIELDS.text, 'Article text', { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 3000, placeholder: plain('One paragraph a line') }, 'Up to 3,000 characters here (Slack\'s limit); for a longer article give its URL.'),
    ],
  };
}

/** The modal while the article is fetched and built. Pure. */
export function addProgressView(what: string): types.ModalView {
  return { type: 'modal', callback_id: ADD_VIEW_ID, title: plain('Add an article'), close: plain('Close'), blocks: [section(`:hourglass_flowing_sand: ${what}`)] };
}

/** The modal's last state: the result, as the ephemeral message says it. Pure. */
export function addResultView(message: SlackMessage): types.ModalView {
  return { type: 'modal', callback_id: ADD_VIEW_ID, title: plain('Add an article'), close: plain('Done'), blocks: message.blocks.slice(0, SLACK_LIMITS.blocksPerView) };
}
