/** Slack's limits that the renderer keeps to (see ../shared/SLACK.md). */
export const SLACK_LIMITS = Object.freeze({
  blocksPerMessage: 50,
  blocksPerView: 100,
  sectionText: 3000,
  headerText: 150,
  contextText: 2000,
  buttonValue: 2000,
  /** Top-level `text` can be 40 000; notifications only need a short one. */
  fallbackText: 3000,
});

/**
 * Escapes user or article text for mrkdwn: exactly `&`, `<`, `>`. This defuses `<!channel>`,
 * `<!here>`, `<@U…>` and `<!subteam^…>`: escaped, they show as text and ping nobody.
 */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts text to `max` characters, ending with "…" when it was longer. Never splits a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  // Do not leave half an escape ("&am") or half a link ("<http://…") behind.
  cut = cut.replace(/&[a-z#0-9]*$/i, '').replace(/<[^>]*$/, '');
  return `${cut}…`;
}

/** Quotes text as a mrkdwn block quote, one `>` per line. */
export function quote(text: string): string {
  return text
    .split('\n')
    .map((l) => `>${l}`)
    .join('\n');
}

/** `<@U…>` for a real user id; anything else is shown escaped, so it can never ping anyone. */
export function mentionUser(id: string): string {
  return /^[UW][A-Z0-9]{2,}$/.test(id) ? `<@${id}>` : escapeText(id);
}

/** `<#C…>` for a real channel id; anything else is shown escaped. */
export function mentionChannel(id: string): string {
  return /^[CGD][A-Z0-9]{2,}$/.test(id) ? `<#${id}>` : escapeText(id);
}
