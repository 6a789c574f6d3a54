/** The most characters of a question the matcher reads; the rest is ignored, not an error. */
export const MAX_QUESTION_CHARS = 1000;

/**
 * Turns raw question text, possibly Slack markup, into plain text: mentions and broadcast
 * pings (`<@U123>`, `<!channel>`, `<!subteam^S1>`) and channel links (`<#C1|news>`) are
 * dropped (they address people, they are not what is asked); URLs keep their label, HTML
 * entities are decoded, control characters and runs of white space are folded.
 * Longer text is cut to `MAX_QUESTION_CHARS` at a word boundary.
 */
export function normaliseQuestion(raw: string): string {
  let text = raw
    .replace(/<[@!][^>]*>/g, ' ')
    .replace(/<#[A-Z0-9]+(?:\|[^>]*)?>/g, ' ')
    .replace(/<(?:https?|mailto):[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<(?:https?|mailto):[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    // Control characters and zero-width marks would split or hide words.
    // eslint-disable-next-line no-control-regex -- matching control characters is the point here
    .replace(/[\u0000-\u001f\u007f\u200b-\u200d\u2060\ufeff]/g, ' ')
    .replace(/[*_~`]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length > MAX_QUESTION_CHARS) {
    const cut = text.slice(0, MAX_QUESTION_CHARS);
    text = cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : MAX_QUESTION_CHARS);
  }
  return text;
}
