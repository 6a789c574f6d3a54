import { describe, expect, it } from 'vitest';
import { mrkdwnToText } from '../../src/cli/render-text.ts';

describe('the terminal rendering of Slack mrkdwn', () => {
  it.each([
    ['*Iran* denies it', 'Iran denies it'],
    ['_Reported, not confirmed:_ the United States believes so', 'Reported, not confirmed: the United States believes so'],
    ['`/briefing digest 0 9 * * 1-5` posts on weekdays', '`/briefing digest 0 9 * * 1-5` posts on weekdays'],
    ['<https://example.com/a|the story> &amp; more', 'the story (https://example.com/a) & more'],
    ['&lt;!channel&gt; stays text', '<!channel> stays text'],
  ])('shows %j as %j', (mrkdwn, text) => {
    expect(mrkdwnToText(mrkdwn)).toBe(text);
  });
});
