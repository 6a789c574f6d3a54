import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildKnowledge } from '../../src/knowledge/build.ts';
import { seedKnowledge, seedSentence } from '../helpers/knowledge.ts';

const k = seedKnowledge();
const entity = (name: string) => k.entities.find((e) => e.name === name);

describe('building the seed article', () => {
  it('splits 15 sentences in 7 paragraphs with stable ids and verbatim text', () => {
    expect(k.paragraphs.map((p) => p.sentences.length)).toEqual([2, 3, 2, 2, 3, 2, 1]);
    expect(k.paragraphs[4]?.sentences.map((s) => s.id)).toEqual(['p5.s1', 'p5.s2', 'p5.s3']);
    // "U.S." must not end a sentence.
    expect(seedSentence('p4.s1')).toBe('Iran has denied the U.S. allegations, asserting that it does not provide military assistance to conflict zones.');
    const source = readFileSync('knowledge/articles/iran-missiles-russia.txt', 'utf8');
    for (const p of k.paragraphs) for (const s of p.sentences) expect(source).toContain(s.text);
  });

  it('finds people with their roles and the sentences that mention them', () => {
    expect(entity('Sean Savett')).toMatchObject({ type: 'person', role: 'National Security Council spokesman', sentenceIds: ['p2.s2'] });
    expect(entity('William Burns')).toMatchObject({ type: 'person', role: 'CIA Director', sentenceIds: ['p5.s1'] });
    expect(entity('Volodymyr Zelenskyy')?.role).toBe('Ukrainian President');
    expect(entity('Keir Starmer')?.role).toBe('British Prime Minister');
    expect(entity('Joe Biden')?.aliases).toContain('Biden');
  });

  it('keeps apart names that share a made-up acronym or a surname', () => {
    const built = buildKnowledge({
      id: 'college',
      text: 'The Harvard Corporation governs the university. Harvard College admits students. John Harvard left his library to the school.',
    });
    const named = (name: string) => built.entities.find((e) => e.name === name);
    expect(named('Harvard Corporation')?.aliases ?? []).not.toContain('HC');
    expect(named('Harvard College')?.aliases ?? []).not.toContain('HC');
    expect(named('John Harvard')?.aliases ?? []).not.toContain('Harvard');
  });

  it('finds countries with their other names, and organisations with acronyms', () => {
    expect(entity('Iran')?.aliases).toEqual(expect.arrayContaining(['Iranian', 'Iranians']));
    expect(entity('Russia')?.aliases).toEqual(expect.arrayContaining(['Russian', 'Kremlin']));
    // "the Kremlin" (overlay alias) makes p5.s3 a Russia sentence.
    expect(entity('Russia')?.sentenceIds).toContain('p5.s3');
    expect(entity('United States')?.sentenceIds).toEqual(['p1.s1', 'p4.s1', 'p5.s3']);
    expect(entity('United Nations')?.aliases).toContain('UN');
    // Without its overlay, the build still finds the Kremlin and the Middle East.
    const plain = buildKnowledge({ id: 'plain', text: readFileSync('knowledge/articles/iran-missiles-russia.txt', 'utf8') });
    expect(plain.entities.find((e) => e.name === 'Kremlin')?.type).toBe('organization');
    expect(plain.entities.find((e) => e.name === 'Middle East')?.type).toBe('place');
    expect(plain.entities.find((e) => e.name === 'White House')?.type).toBe('organization');
    expect(entity('National Security Council')?.aliases).toContain('NSC');
    expect(entity('CIA')?.type).toBe('organization');
  });

  it('records quantities with their sentence', () => {
    expect(k.quantities).toEqual([
      { text: '500 square miles', value: 500, unit: 'square miles', approximate: true, sentenceId: 'p3.s1' },
      { text: '1,300 kilometers', value: 1300, unit: 'kilometers', sentenceId: 'p3.s1' },
    ]);
  });

  it('takes a span between two years for a length of time', () => {
    const built = buildKnowledge({ id: 'theatre', text: 'The Summer Theatre was in operation from 1870 to 1939.' });
    expect(built.quantities).toContainEqual({ text: 'from 1870 to 1939', value: 69, unit: 'years', counts: 'duration', sentenceId: 'p1.s1' });
    expect(built.paragraphs[0]?.sentences[0]?.types).toContain('quantity');
  });

  it('marks the sentence that says the quantity and timing are undisclosed', () => {
    expect(k.paragraphs[0]?.sentences[1]?.unknown).toEqual(['quantity', 'time']);
  });

  it('keeps claims attributed: who believes, denies, has not confirmed, warns', () => {
    const claim = (sentenceId: string, stance: string) => k.claims.find((c) => c.sentenceId === sentenceId && c.stance === stance);
    expect(claim('p1.s1', 'believes')).toMatchObject({ speakerId: 'united-states' });
    expect(claim('p4.s1', 'denies')).toMatchObject({ speakerId: 'iran', verb: 'has denied' });
    expect(claim('p2.s1', 'not-confirmed')).toMatchObject({ speakerId: 'white-house', verb: 'has not confirmed' });
    expect(claim('p2.s2', 'warns')).toMatchObject({ speakerId: 'sean-savett' });
    // "He emphasized" is resolved to the previous speaker.
    expect(claim('p2.s3', 'says')).toMatchObject({ speakerId: 'sean-savett' });
  });

  it('takes topics from the overlay, each led by its summary sentence', () => {
    expect(k.topics.map((t) => t.name)).toContain("Iran's denial");
    expect(k.topics.find((t) => t.name === "Iran's denial")?.sentenceIds[0]).toBe('p4.s1');
  });
});

describe('building any article', () => {
  const text = `---
Title: Harbour reopens after storm
Source: Example Gazette
URL: https://example.com/harbour
Published: 2025-03-14
---
The harbour in Port Ellis reopened on Monday after a storm closed it for three days.

Mayor Anna Lind said 40 boats were damaged. Officials have not disclosed the cost of repairs.
Fishermen's union leader Tom Reyes warned that prices will rise.`;
  const built = buildKnowledge({ id: 'harbour', text });

  it('reads the front matter into the article metadata', () => {
    expect(built.article).toMatchObject({ id: 'harbour', title: 'Harbour reopens after storm', source: 'Example Gazette', url: 'https://example.com/harbour', published: '2025-03-14' });
  });

  it('makes one topic per paragraph (one paragraph a line) when there is no overlay, each with a suggestion', () => {
    expect(built.topics).toHaveLength(3);
    expect(built.topics[1]?.sentenceIds).toEqual(['p2.s1', 'p2.s2']);
    for (const t of built.topics) expect(t.suggestion).toMatch(/\?$/);
  });

  it('tags dates, quantities, unknowns and claims without anything article-specific', () => {
    expect(built.dates.map((d) => d.text)).toContain('Monday');
    expect(built.quantities.map((q) => q.text)).toEqual(expect.arrayContaining(['three days', '40 boats']));
    expect(built.paragraphs[1]?.sentences[1]?.unknown).toEqual(['quantity']);
    expect(built.claims.find((c) => c.stance === 'warns')?.speaker).toBe('Tom Reyes');
  });

  it('rejects an empty article', () => {
    expect(() => buildKnowledge({ id: 'empty', text: '\n\n' })).toThrow(/no text/);
  });

  it('rejects unknown front matter keys, naming the line', () => {
    expect(() => buildKnowledge({ id: 'x', text: '---\nAuthor: me\n---\nText.' })).toThrow(/line 2/);
  });
});

describe('the committed knowledge file', () => {
  it('is what the build makes from the committed article (rebuild with npm run knowledge -- build)', () => {
    const committed: unknown = JSON.parse(readFileSync('knowledge/iran-missiles-russia.json', 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(k)));
  });
});
