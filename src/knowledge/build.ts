import { REASON_RE, UNKNOWN_ASPECT_WORDS, UNKNOWN_CUE_RE } from '../nlp/lexicon.ts';
import { splitSentences } from '../nlp/sentences.ts';
import { foldCase, isNegated, tokenize } from '../nlp/text.ts';
import { checkArticleText, parseArticleText } from './article-text.ts';
import { findClaims, type ClaimSentence } from './claims.ts';
import { findDates } from './dates.ts';
import { recogniseEntities, type EntityDraft, type SentenceDraft } from './entities.ts';
import { findQuantities } from './quantities.ts';
import { quantityEvent } from './quantity-event.ts';
import { KNOWLEDGE_SCHEMA_VERSION, knowledgeSchema, type AnswerType, type Knowledge, type Overlay, type UnknownAspect } from './schema.ts';
import { buildTopics } from './topics.ts';

/** What the build needs: the article's id and file text, and its overlay if it has one. */
export interface BuildInput {
  id: string;
  text: string;
  overlay?: Overlay;
}

/**
 * Builds the knowledge file for one article: sentences with ids, entities with roles, aliases
 * and affiliations, quantities with what they count, dates, attributed claims and topics.
 * Pure (the caller reads files) and linear in the article's length. Works on any English news
 * text; the overlay adds what needs world knowledge ("Kremlin" for Russia) and curated topics.
 * Throws when the text does not read as an article.
 */
export function buildKnowledge(input: BuildInput): Knowledge {
  const { meta, paragraphs } = parseArticleText(input.text);
  if (paragraphs.length === 0) throw new Error('the article has no text');
  try {
    checkArticleText(paragraphs.join('\n'));
  } catch (err) {
    throw new Error(`the article ${(err as Error).message}`);
  }
  const overlay = input.overlay;

  // Tokens are worked out again where each job needs them rather than kept for every sentence: a
  // long document's tokens would outweigh everything else the build holds.
  const byParagraph: SentenceDraft[][] = paragraphs.map((para, pi) =>
    splitSentences(para).map((text, si) => ({
      id: `p${pi + 1}.s${si + 1}`,
      text,
      get tokens() {
        return tokenize(text);
      },
    })),
  );
  const sentences = byParagraph.flat();
  const paragraphOf = new Map(byParagraph.flatMap((para, pi) => para.map((s) => [s.id, pi] as const)));

  const { entities, mentions } = recogniseEntities(sentences, overlay);
  const entityIds = assignEntityIds(entities);

  const quantities: Knowledge['quantities'] = [];
  const dates: Knowledge['dates'] = [];
  const builtParagraphs = byParagraph.map((para, pi) => ({
    id: `p${pi + 1}`,
    sentences: para.map((s) => {
      const sentenceDates = findDates(s.text);
      const sentenceQuantities = findQuantities(
        s.text,
        sentenceDates.map((d) => [d.start, d.end] as const),
      );
      for (const d of sentenceDates) dates.push({ text: d.text, sentenceId: s.id });
      const tokens = sentenceQuantities.length > 0 ? tokenize(s.text) : [];
      for (const q of sentenceQuantities) {
        const event = q.unit === 'score' || q.counts === 'age' ? undefined : quantityEvent(s.text, tokens, q.start, q.end);
        quantities.push({ ...withoutSpan(q), ...(event ? { event } : {}), sentenceId: s.id });
      }
      const types = new Set<AnswerType>();
      if (sentenceDates.length > 0) types.add('date');
      if (sentenceQuantities.length > 0) types.add('quantity');
      for (const m of mentions.get(s.id) ?? []) types.add(m.entity.type === 'group' ? 'organization' : m.entity.type);
      if (REASON_RE.test(s.text)) types.add('reason');
      return { id: s.id, text: s.text, types: [...types].sort(), negated: isNegated(tokenize(s.text)), unknown: findUnknownAspects(s.text) };
    }),
  }));

  const claimSentences: ClaimSentence[] = sentences.map((s) => ({ ...s, paragraph: paragraphOf.get(s.id) ?? 0, mentions: mentions.get(s.id) ?? [] }));
  const claims = findClaims(claimSentences).map((c, i) => {
    const speakerId = c.entity ? entityIds.get(c.entity) : undefined;
    return {
      id: `c${i + 1}`,
      speaker: c.speaker,
      ...(speakerId ? { speakerId } : {}),
      stance: c.stance,
      verb: c.verb,
      sentenceId: c.sentenceId,
      ...(c.inQuote ? { inQuote: true } : {}),
    };
  });
  // Claims in sentence order, quotations with the rest.
  const order = new Map(sentences.map((s, i) => [s.id, i]));
  claims.sort((a, b) => (order.get(a.sentenceId) ?? 0) - (order.get(b.sentenceId) ?? 0));
  claims.forEach((c, i) => (c.id = `c${i + 1}`));

  const sentencesOf = new Map<EntityDraft, string[]>();
  for (const s of sentences) {
    for (const e of new Set((mentions.get(s.id) ?? []).map((m) => m.entity))) {
      const list = sentencesOf.get(e);
      if (list) list.push(s.id);
      else sentencesOf.set(e, [s.id]);
    }
  }
  const builtEntities = entities.map((e) => {
    const sentenceIds = sentencesOf.get(e) ?? [];
    const aliases = [...e.aliases].filter((a) => a !== e.name).sort();
    const affiliations = [...e.affiliations].map((a) => entityIds.get(a)).filter((id): id is string => id !== undefined && id !== entityIds.get(e));
    return { id: entityIds.get(e) ?? '', name: e.name, type: e.type, ...(e.role ? { role: e.role } : {}), aliases, affiliations: [...new Set(affiliations)].sort(), sentenceIds };
  });

  const firstSentence = sentences[0]?.text ?? '';
  const knowledge = {
    schemaVersion: KNOWLEDGE_SCHEMA_VERSION,
    article: {
      id: input.id,
      title: overlay?.title ?? meta.title ?? truncateWords(firstSentence, 90),
      headline: overlay?.headline ?? meta.title ?? overlay?.title ?? firstSentence,
      ...optional('source', overlay?.source ?? meta.source),
      ...optional('url', overlay?.url ?? meta.url),
      ...optional('published', overlay?.published ?? meta.published),
    },
    paragraphs: builtParagraphs,
    entities: builtEntities,
    quantities,
    dates,
    claims,
    topics: buildTopics(byParagraph, { entities: builtEntities, claims }, overlay),
  };
  // Validating our own output catches a build bug here rather than at the bot's start.
  return knowledgeSchema.parse(knowledge);
}

/** A found item without its character offsets, which the knowledge file does not keep. */
function withoutSpan<T extends { start: number; end: number }>(item: T): Omit<T, 'start' | 'end'> {
  const { start, end, ...rest } = item;
  void start;
  void end;
  return rest;
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined || value === '' ? {} : ({ [key]: value } as Record<K, string>);
}

function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[,;:]$/, '')}…`;
}

function findUnknownAspects(text: string): UnknownAspect[] {
  if (!UNKNOWN_CUE_RE.test(text)) return [];
  const lower = foldCase(text);
  return (Object.entries(UNKNOWN_ASPECT_WORDS) as [UnknownAspect, readonly string[]][])
    .filter(([, words]) => words.some((w) => new RegExp(`\\b${w}\\b`).test(lower)))
    .map(([aspect]) => aspect);
}

function slug(text: string): string {
  return foldCase(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

function assignEntityIds(entities: readonly EntityDraft[]): Map<EntityDraft, string> {
  const ids = new Map<EntityDraft, string>();
  const used = new Set<string>();
  for (const e of entities) {
    const base = slug(e.name) || 'entity';
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    ids.set(e, id);
  }
  return ids;
}
