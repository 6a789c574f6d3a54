import { contentStems, isStopWord, type Token } from '../nlp/text.ts';
import { UNITS } from '../nlp/word-lists.ts';
import type { ClaimStance, Knowledge, Overlay } from './schema.ts';

/** A sentence as topics need it. */
export interface TopicSentence {
  id: string;
  text: string;
  tokens: Token[];
}

/** What topic naming needs of the built entities and claims. */
export interface TopicFacts {
  entities: readonly { id: string; name: string; type: string; sentenceIds: readonly string[] }[];
  claims: readonly { speaker: string; speakerId?: string; stance: ClaimStance; sentenceId: string }[];
}

/** Most topics a briefing shows: more paragraphs than this are grouped. */
export const MAX_TOPICS = 6;

/** How a person names what a speaker did: "Iran's denial", "Sean Savett's warning". */
const STANCE_NOUN: Record<ClaimStance, string> = {
  says: 'account',
  believes: 'assessment',
  alleges: 'accusation',
  denies: 'denial',
  warns: 'warning',
  confirms: 'confirmation',
  'not-confirmed': 'position',
};

function possessive(name: string): string {
  return /s$/.test(name) ? `${name}’` : `${name}’s`;
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The most frequent content word of a group that no entity name holds, for a topic about no one. */
function keyword(sentences: readonly TopicSentence[], exclude: ReadonlySet<string>): string | undefined {
  const counts = new Map<string, { n: number; word: string }>();
  for (const s of sentences) {
    for (const t of s.tokens) {
      if (isStopWord(t.norm) || t.norm.length < 4 || /^\d/.test(t.norm) || exclude.has(t.stem) || /^\p{Lu}/u.test(t.raw) || UNITS.has(t.norm) || /(?:ly|ed|ing)$/.test(t.norm)) continue;
      const c = counts.get(t.stem) ?? { n: 0, word: t.norm };
      c.n++;
      counts.set(t.stem, c);
    }
  }
  return [...counts.values()].sort((a, b) => b.n - a.n || b.word.length - a.word.length)[0]?.word;
}

/**
 * Topics for a briefing: the overlay's when it has them; otherwise one per paragraph, with
 * neighbouring paragraphs about the same entity grouped and at most `MAX_TOPICS`. A topic is
 * named as a person would: "Iran’s denial" for a paragraph led by a claim, the entity it is
 * about ("Kursk"), or its key word ("Casualties"); never a list of tags. Its first sentence
 * sums it up, and its suggestion is a question the matcher answers.
 */
export function buildTopics(paragraphs: readonly (readonly TopicSentence[])[], facts: TopicFacts, overlay: Overlay | undefined): Knowledge['topics'] {
  if (overlay?.topics && overlay.topics.length > 0) {
    return overlay.topics.map((t, i) => ({
      id: slug(t.name) || `topic-${i + 1}`,
      name: t.name,
      sentenceIds: t.sentenceIds,
      suggestion: t.suggestion ?? `What does the article say about ${t.name.toLowerCase()}?`,
    }));
  }
  // Which entities each sentence names, once: a paragraph's main entity is then a count over its own sentences.
  const namedIn = new Map<string, (typeof facts.entities)[number][]>();
  for (const e of facts.entities) {
    for (const id of e.sentenceIds) {
      const list = namedIn.get(id);
      if (list) list.push(e);
      else namedIn.set(id, [e]);
    }
  }
  const rank = (type: string): number => (type === 'person' ? 0 : type === 'organization' ? 1 : type === 'country' ? 2 : 3);
  const mainEntity = (sentences: readonly TopicSentence[]): (typeof facts.entities)[number] | undefined => {
    const counts = new Map<(typeof facts.entities)[number], number>();
    for (const s of sentences) for (const e of namedIn.get(s.id) ?? []) counts.set(e, (counts.get(e) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || rank(a[0].type) - rank(b[0].type))[0]?.[0];
  };
  // Group neighbouring paragraphs about the same entity, then the shortest neighbours, down to MAX_TOPICS.
  const groups: TopicSentence[][] = [];
  let previousMain: string | undefined;
  for (const para of paragraphs) {
    const main = mainEntity(para)?.id;
    const last = groups[groups.length - 1];
    if (last && main !== undefined && main === previousMain) last.push(...para);
    else groups.push([...para]);
    previousMain = main;
  }
  // Merging the two smallest neighbours each time is quadratic in paragraphs: a long document is
  // first cut into MAX_TOPICS runs of about equal length.
  if (groups.length > MAX_TOPICS * 8) {
    const per = Math.ceil(groups.length / MAX_TOPICS);
    const runs: TopicSentence[][] = [];
    for (let i = 0; i < groups.length; i += per) runs.push(groups.slice(i, i + per).flat());
    groups.splice(0, groups.length, ...runs);
  }
  while (groups.length > MAX_TOPICS) {
    let best = 1;
    for (let i = 2; i < groups.length; i++) {
      if ((groups[i - 1] as TopicSentence[]).length + (groups[i] as TopicSentence[]).length < (groups[best - 1] as TopicSentence[]).length + (groups[best] as TopicSentence[]).length) best = i;
    }
    (groups[best - 1] as TopicSentence[]).push(...(groups[best] as TopicSentence[]));
    groups.splice(best, 1);
  }
  const used = new Set<string>();
  return groups.map((group, gi) => {
    const lead = group[0] as TopicSentence;
    const claim = facts.claims.find((c) => c.sentenceId === lead.id && !c.speaker.includes(' and '));
    const entity = mainEntity(group);
    let name: string;
    let suggestion: string;
    if (claim) {
      const speaker = facts.entities.find((e) => e.id === claim.speakerId)?.name ?? claim.speaker;
      name = sentenceCase(`${possessive(speaker)} ${STANCE_NOUN[claim.stance]}`);
      suggestion = `What did ${/^\p{Lu}/u.test(speaker) ? speaker : `the ${speaker}`} say?`;
    } else if (entity) {
      name = entity.name;
      suggestion = `What does the article say about ${entity.name}?`;
    } else {
      const word = keyword(group, new Set(facts.entities.flatMap((e) => contentStems(e.name))));
      name = word ? sentenceCase(word) : `Part ${gi + 1}`;
      suggestion = word ? `What does the article say about ${word}?` : `What does the article say?`;
    }
    let id = slug(name) || `topic-${gi + 1}`;
    if (used.has(id)) id = `${id}-${gi + 1}`;
    used.add(id);
    return { id, name, sentenceIds: group.map((s) => s.id), suggestion };
  });
}
