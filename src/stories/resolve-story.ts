/** A story a workspace can follow: a stored article, or one that comes with the app. */
export interface Story {
  id: string;
  title: string;
  source?: string;
  url?: string;
  published?: string;
  /** Who added it (a Slack user id, or "terminal"); none for the app's own. */
  addedBy?: string;
  addedAt?: Date;
  /** It comes with the app (KNOWLEDGE_DIR) and cannot be removed from Slack. */
  bundled: boolean;
}

/** Escapes `&`, `<`, `>`: messages here are Slack mrkdwn (the terminal un-escapes them), and titles and what a person typed must never ping anyone. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `<@U…>` for a Slack user id; "the terminal" or the escaped text otherwise. */
export function who(userId: string | undefined): string {
  if (!userId) return 'someone';
  if (userId === 'terminal') return 'the terminal';
  return /^[UW][A-Z0-9]{2,}$/.test(userId) ? `<@${userId}>` : esc(userId);
}

/** Which story a person meant, or why none (a mrkdwn message). */
export type Resolved = { ok: true; story: Story } | { ok: false; message: string };

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The story a person names: its number in `/briefing stories`, its id, its title, or words of
 * its title that fit only one story. Pure.
 */
export function resolveStory(stories: readonly Story[], ref: string): Resolved {
  const wanted = ref.trim().replace(/^[“"'`]+|[”"'`]+$/g, '').trim();
  if (wanted === '') return { ok: false, message: 'Name a story: its number or id from `/briefing stories`, or words of its title.' };
  if (stories.length === 0) return { ok: false, message: 'There are no stories yet. Add one with `/briefing add`.' };
  if (/^#?\d+$/.test(wanted)) {
    const n = Number(wanted.replace('#', ''));
    const story = stories[n - 1];
    return story ? { ok: true, story } : { ok: false, message: `There is no story number ${n}: \`/briefing stories\` lists ${stories.length}.` };
  }
  const lower = wanted.toLowerCase();
  const exact = stories.find((s) => s.id === lower || s.title.toLowerCase() === lower);
  if (exact) return { ok: true, story: exact };
  const asked = words(wanted);
  const matches = stories.filter((s) => {
    const have = new Set([...words(s.title), ...words(s.id)]);
    return asked.every((w) => have.has(w) || [...have].some((h) => h.startsWith(w) && w.length >= 3));
  });
  if (matches.length === 1 && matches[0]) return { ok: true, story: matches[0] };
  if (matches.length > 1) {
    const list = matches.slice(0, 5).map((s) => `${stories.indexOf(s) + 1}. ${esc(s.title)} (\`${s.id}\`)`).join('\n');
    return { ok: false, message: `“${esc(wanted)}” fits ${matches.length} stories; say which by number or id:\n${list}` };
  }
  return { ok: false, message: `No story matches “${esc(wanted)}”. \`/briefing stories\` lists them; follow one by its number or id.` };
}
