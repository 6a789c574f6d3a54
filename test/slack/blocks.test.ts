import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer.ts';
import { routeRequest, type Reply } from '../../src/answer/reply.ts';
import { escapeText, truncate } from '../../src/slack/format.ts';
import { renderReply } from '../../src/slack/blocks.ts';
import { seedBriefer, seedSentence } from '../helpers/knowledge.ts';

const b = seedBriefer();
const articles = new Map(b.articles.map((k) => [k.article.id, k.article]));
const texts = (reply: Reply, extra = {}) => {
  const m = renderReply(reply, { articles, ...extra });
  return { m, all: JSON.stringify(m.blocks) };
};

describe('escaping and limits', () => {
  it('escapes exactly &, < and >', () => {
    expect(escapeText('<!channel> & <@U1> > x')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt; &gt; x');
  });

  it('cuts with "…" and never leaves half an escape', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('ab &amp; cd', 6)).toBe('ab …');
  });
});

describe('rendering answers', () => {
  it('quotes each citation verbatim with its place, and has a notification text', () => {
    const { m, all } = texts(routeRequest(b, 'ask Did Iran send missiles to Russia?'));
    expect(all).toContain(`>${seedSentence('p1.s1')}`);
    expect(all).toContain(`>${seedSentence('p4.s1')}`);
    expect(all).toContain('paragraph 4, sentence 1');
    expect(m.text).toMatch(/the United States believes so/);
  });

  it('links the citation when the article has a URL', () => {
    const withUrl = new Map([...articles].map(([id, a]) => [id, { ...a, url: 'https://example.com/story' }]));
    const m = renderReply(routeRequest(b, 'who denied the allegations?'), { articles: withUrl });
    expect(JSON.stringify(m.blocks)).toContain('<https://example.com/story|US believes Iran');
  });

  it('renders a decline with suggestions and no quote', () => {
    const { all } = texts(routeRequest(b, 'What is the population of Kursk?'));
    expect(all).toContain("doesn't say");
    expect(all).toContain('It does cover');
    expect(all).not.toContain('Source:');
  });

  it('renders a closest passage as related, not as an answer: no "The article says", no Share button', () => {
    const related = { articleId: 'iran-missiles-russia', sentenceId: 'p3.s1', quote: 'This development comes amid heightened conflict in Ukraine.' };
    const answer: Answer = { question: 'How big is the front?', answered: false, intent: 'what', text: "The article doesn't say exactly. The closest it comes:", citations: [], related: [related], suggestions: [], confidence: 0.4 };
    const { all } = texts({ kind: 'answer', answer }, { shareRequest: 'How big is the front?' });
    expect(all).toContain("doesn't say exactly");
    expect(all).toContain('This development comes amid heightened conflict in Ukraine.');
    expect(all).toContain('Related, not an answer');
    expect(all).not.toContain('The article says:');
    expect(all).not.toContain('share_answer');
  });

  it('escapes the echoed question so it can ping nobody', () => {
    const answer: Answer = { question: '<!channel> <!subteam^S1> hi', answered: false, intent: 'what', text: "The article doesn't say that.", citations: [], related: [], suggestions: [], confidence: 0 };
    const { m, all } = texts({ kind: 'answer', answer });
    expect(all).not.toMatch(/<!channel>|<!subteam/);
    expect(m.text).not.toMatch(/<!/);
  });

  it('adds a Share button only to shareable (answered) ephemeral replies', () => {
    expect(texts(routeRequest(b, 'who denied the allegations?'), { shareRequest: 'who denied the allegations?' }).all).toContain('share_answer');
    expect(texts(routeRequest(b, 'What is the population of Kursk?'), { shareRequest: 'x' }).all).not.toContain('share_answer');
  });

  it('shows a sharer id that is not a Slack user id as escaped text, never a live ping', () => {
    const shown = texts(routeRequest(b, 'who denied the allegations?'), { sharedBy: 'U1> <!channel' }).all;
    expect(shown).toContain('U1&gt; &lt;!channel shared');
    expect(shown).not.toMatch(/<!channel|<@U1/);
  });

  it('credits a shared answer to the sharer', () => {
    expect(texts(routeRequest(b, 'who denied the allegations?'), { sharedBy: 'U42' }).all).toContain('<@U42> shared');
  });
});

describe('rendering briefings and digests', () => {
  it('gives a header, the headline and one cited line per topic', () => {
    const { m } = texts(routeRequest(b, 'briefing'));
    expect(m.blocks[0]).toMatchObject({ type: 'header' });
    expect(m.blocks.filter((x) => x.type === 'context')).toHaveLength(7);
  });

  it('stays within 50 blocks and 3 000 characters a section for many articles', () => {
    const many = { kind: 'briefing' as const, briefings: Array.from({ length: 10 }, () => routeRequest(b, 'briefing')).flatMap((r) => (r.kind === 'briefing' ? r.briefings : [])) };
    const { m } = texts(many);
    expect(m.blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(m.blocks.at(-1))).toContain('more blocks not shown');
    for (const x of m.blocks) if (x.type === 'section') expect(x.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
  });

  it('ends a digest with how to ask follow-ups', () => {
    const { all } = texts(routeRequest(b, 'digest'));
    expect(all).toContain('Questions? Ask');
  });
});
