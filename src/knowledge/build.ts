import nlp from 'compromise';
import { countryGazetteer } from '../nlp/gazetteer.ts';
import {
  DATE_RE,
  NEGATION_WORDS,
  NUMBER_WORDS,
  REASON_RE,
  REPORTING_VERBS,
  TITLE_WORDS,
  UNKNOWN_ASPECT_WORDS,
  UNKNOWN_CUE_RE,
} from '../nlp/lexicon.ts';
import { contentStems, foldCase, isNegated, isStopWord, nameKey, splitSentences, tokenize, type Token } from '../nlp/text.ts';
import { parseArticleText } from './article-text.ts';
import {
  KNOWLEDGE_SCHEMA_VERSION,
  knowledgeSchema,
  type AnswerType,
  type Claim,
  type ClaimStance,
  type EntityType,
  type Knowledge,
  type Overlay,
  type UnknownAspect,
} from './schema.ts';

/** What the build needs: the article's id and file text, and its overlay if it has one. */
export interface BuildInput {
  id: string;
  text: string;
  overlay?: Overlay;
}

interface SentenceDraft {
  id: string;
  text: string;
  tokens: Token[];
}

interface EntityDraft {
  name: string;
  type: EntityType;
  role?: string;
  aliases: Set<string>;
  fromOverlay: boolean;
}

interface Mention {
  entity: EntityDraft;
  start: number;
  end: number;
  /** Matched through a person's role ("CIA Director"), which may hold other entities. */
  viaRole: boolean;
}

/**
 * Builds the knowledge file for one article: sentences with ids, entities with aliases,
 * quantities, dates, attributed claims and topics. Pure: the caller reads the files.
 * Works on any English news text; the overlay adds what a general model misses.
 */
export function buildKnowledge(input: BuildInput): Knowledge {
  const { meta, paragraphs } = parseArticleText(input.text);
  if (paragraphs.length === 0) throw new Error('the article has no text');
  const overlay = input.overlay;

  const sentencesByParagraph: SentenceDraft[][] = paragraphs.map((para, pi) =>
    splitSentences(para).map((text, si) => ({ id: `p${pi + 1}.s${si + 1}`, text, tokens: tokenize(text) })),
  );
  const sentences = sentencesByParagraph.flat();

  const entities = findEntities(sentences, overlay);
  const mentions = new Map(sentences.map((s) => [s.id, findMentions(s, entities)]));
  const entityIds = assignEntityIds(entities);

  const quantities: Knowledge['quantities'] = [];
  const dates: Knowledge['dates'] = [];
  const claims: Claim[] = [];
  let lastPersonSpeaker: { speaker: string; speakerId?: string } | undefined;

  const builtParagraphs = sentencesByParagraph.map((para, pi) => ({
    id: `p${pi + 1}`,
    sentences: para.map((s) => {
      const sentenceMentions = mentions.get(s.id) ?? [];
      const sentenceDates = findDates(s.text);
      const sentenceQuantities = findQuantities(s.text, sentenceDates);
      for (const text of sentenceDates) dates.push({ text, sentenceId: s.id });
      for (const q of sentenceQuantities) quantities.push({ ...q, sentenceId: s.id });

      const found = findClaims(s, sentenceMentions, entityIds, lastPersonSpeaker);
      for (const c of found) {
        claims.push({ ...c, id: `c${claims.length + 1}` });
        const entity = sentenceMentions.find((m) => entityIds.get(m.entity) === c.speakerId)?.entity;
        if (entity?.type === 'person') lastPersonSpeaker = c.speakerId === undefined ? { speaker: c.speaker } : { speaker: c.speaker, speakerId: c.speakerId };
      }

      const types = new Set<AnswerType>();
      if (sentenceDates.length > 0) types.add('date');
      if (sentenceQuantities.length > 0) types.add('quantity');
      for (const m of sentenceMentions) types.add(m.entity.type === 'group' ? 'organization' : m.entity.type);
      if (REASON_RE.test(s.text)) types.add('reason');
      return {
        id: s.id,
        text: s.text,
        types: [...types].sort(),
        negated: isNegated(s.tokens),
        unknown: findUnknownAspects(s.text),
      };
    }),
  }));

  const builtEntities = entities
    .map((e) => {
      const sentenceIds = sentences.filter((s) => mentions.get(s.id)?.some((m) => m.entity === e)).map((s) => s.id);
      const aliases = [...e.aliases].filter((a) => a !== e.name).sort();
      return { id: entityIds.get(e) ?? '', name: e.name, type: e.type, ...(e.role ? { role: e.role } : {}), aliases, sentenceIds };
    })
    .filter((e) => e.sentenceIds.length > 0);

  const firstSentence = sentences[0]?.text ?? '';
  const title = overlay?.title ?? meta.title ?? truncateWords(firstSentence, 90);
  const knowledge = {
    schemaVersion: KNOWLEDGE_SCHEMA_VERSION,
    article: {
      id: input.id,
      title,
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
    topics: buildTopics(sentencesByParagraph, builtEntities, overlay),
  };
  // Validating our own output catches a build bug here rather than at the bot's start.
  return knowledgeSchema.parse(knowledge);
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined || value === '' ? {} : ({ [key]: value } as Record<K, string>);
}

function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[,;:]$/, '')}…`;
}

// ---------------------------------------------------------------------------------------------
// Entities

/** Cleans a name from the tagger: brackets, punctuation, possessives, a leading "the". */
function cleanName(raw: string): string {
  return raw
    .replace(/[()[\]"“”]/g, '')
    .replace(/['’]s\b/g, '')
    .replace(/[,.;:!?]+$/g, '')
    .replace(/^(?:the|The)\s+/, '')
    .trim();
}

function splitTitle(name: string): { name: string; title: string } {
  const words = name.split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && TITLE_WORDS.has(foldCase(words[i] ?? '').replace(/\.$/, ''))) i++;
  return { name: words.slice(i).join(' '), title: words.slice(0, i).join(' ') };
}

/** "II", "XIV": a Roman numeral, not an acronym or a surname. */
const ROMAN_NUMERAL = /^[IVXLC]+$/;

function acronymOf(name: string): string | undefined {
  const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  if (words.length < 2) return undefined;
  return words.map((w) => w[0]).join('');
}

function findEntities(sentences: SentenceDraft[], overlay: Overlay | undefined): EntityDraft[] {
  const byKey = new Map<string, EntityDraft>();
  const all: EntityDraft[] = [];
  const add = (name: string, type: EntityType, aliases: Iterable<string>, fromOverlay = false, role?: string): void => {
    const clean = cleanName(name);
    if (clean.length < 2 || !/\p{Lu}/u.test(clean)) return;
    const keys = [clean, ...aliases].map(nameKey);
    let entity = keys.map((k) => byKey.get(k)).find((e) => e !== undefined);
    if (!entity) {
      entity = { name: clean, type, aliases: new Set(), fromOverlay };
      all.push(entity);
    } else if (fromOverlay) {
      entity.type = type;
      entity.fromOverlay = true;
    }
    if (role && !entity.role) entity.role = role;
    entity.aliases.add(clean);
    for (const a of aliases) entity.aliases.add(a);
    for (const k of keys) if (!byKey.has(k)) byKey.set(k, entity);
  };

  for (const e of overlay?.entities ?? []) add(e.name, e.type, e.aliases, true, e.role);

  // Countries first: the gazetteer knows their other names, which taggers do not.
  const articleNorms = new Set(sentences.flatMap((s) => s.tokens.map((t) => t.norm)));
  const lowerCaseWords = new Set(sentences.flatMap((s) => s.tokens.filter((t) => /^\p{Ll}/u.test(t.raw)).map((t) => foldCase(t.raw))));
  // Made-up acronyms ("NSC"), kept apart until every organisation is known: one that two of them
  // share ("HC": Harvard College, Harvard Corporation) names neither.
  const acronyms = new Map<string, Set<EntityDraft>>();
  for (const c of countryGazetteer()) {
    const names = [c.name, ...c.aliases];
    const present = names.some((n) => {
      const toks = tokenize(n);
      return toks.length > 0 && toks.every((t) => articleNorms.has(t.norm)) && sentences.some((s) => phraseAt(s.tokens, toks, true) >= 0);
    });
    if (present) add(c.name, 'country', names);
  }

  for (const s of sentences) {
    const doc = nlp(s.text);
    for (const raw of doc.people().out('array') as string[]) {
      const { name } = splitTitle(cleanName(raw));
      if (name.split(/\s+/).every((w) => TITLE_WORDS.has(foldCase(w)))) continue;
      const parts = name.split(/\s+/);
      const last = parts.at(-1) ?? '';
      // A surname stands for the person ("Savett"); a word the article also writes in lower case
      // is a common noun ("Summer Theatre" … "the theatre"), and would name every theatre.
      const aliases = parts.length >= 2 && last.length >= 3 && !lowerCaseWords.has(foldCase(last)) && !ROMAN_NUMERAL.test(last) ? [last] : [];
      add(name, 'person', aliases);
    }
    for (const raw of doc.organizations().out('array') as string[]) {
      const name = cleanName(raw);
      add(name, 'organization', []);
      const acronym = acronymOf(name);
      const entity = byKey.get(nameKey(name));
      if (acronym && entity) acronyms.set(acronym, new Set([...(acronyms.get(acronym) ?? []), entity]));
    }
    for (const raw of doc.places().out('array') as string[]) {
      for (const part of raw.split(/,|\band\b/)) {
        const name = cleanName(part).replace(/(?:\s+\p{Ll}[\p{L}-]*)+$/u, '');
        if (name.length > 0) add(name, 'place', []);
      }
    }
    // Acronyms in capitals (CIA, NATO) are organisations unless known as something else.
    for (const t of s.tokens) {
      if (/^\p{Lu}{2,6}$/u.test(t.raw) && !ROMAN_NUMERAL.test(t.raw) && !byKey.has(nameKey(t.raw))) add(t.raw, 'organization', []);
    }
  }

  for (const [acronym, owners] of acronyms) {
    const [owner] = owners;
    if (owners.size !== 1 || !owner) continue;
    const taken = byKey.get(nameKey(acronym));
    // "EU" written on its own was taken for an organisation of that name: it is this one.
    if (taken && taken !== owner && (taken.name !== acronym || taken.fromOverlay)) continue;
    if (taken && taken !== owner) all.splice(all.indexOf(taken), 1);
    owner.aliases.add(acronym);
    byKey.set(nameKey(acronym), owner);
  }

  // A surname that is also part of another name ("Harvard" of John Harvard and of Harvard
  // College) cannot stand for the person alone.
  for (const e of all) {
    if (e.type !== 'person' || e.fromOverlay) continue;
    const surname = e.name.split(/\s+/).at(-1) ?? '';
    if (!e.aliases.has(surname) || surname === e.name) continue;
    const elsewhere = all.some((o) => o !== e && o.name.split(/\s+/).includes(surname));
    if (elsewhere) {
      e.aliases.delete(surname);
      if (byKey.get(nameKey(surname)) === e) byKey.delete(nameKey(surname));
    }
  }

  // Roles: the title words that stand before a person's name ("CIA Director William Burns").
  for (const e of all) {
    if (e.type !== 'person' || e.role) continue;
    const nameToks = tokenize(e.name);
    for (const s of sentences) {
      const at = phraseAt(s.tokens, nameToks, true);
      if (at < 0) continue;
      const role = roleBefore(s.tokens, at);
      if (role) {
        e.role = role;
        break;
      }
    }
    if (e.role && e.role.split(/\s+/).length >= 2) e.aliases.add(e.role);
  }
  return all;
}

function roleBefore(tokens: Token[], at: number): string | undefined {
  let j = at - 1;
  while (j >= 0) {
    const t = tokens[j];
    if (!t) break;
    const isTitle = TITLE_WORDS.has(t.norm);
    const isCapital = /^\p{Lu}/u.test(t.raw) && !isStopWord(t.norm);
    if (!isTitle && !isCapital) break;
    j--;
  }
  const first = tokens[j + 1];
  const last = tokens[at - 1];
  if (!first || !last || j + 1 >= at) return undefined;
  const words = tokens.slice(j + 1, at);
  if (!words.some((t) => TITLE_WORDS.has(t.norm))) return undefined;
  return words.map((t) => t.raw).join(' ');
}

/** Index of the first token where `phrase` starts in `tokens`, or -1. */
function phraseAt(tokens: Token[], phrase: Token[], caseSensitiveNames: boolean): number {
  if (phrase.length === 0) return -1;
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let k = 0; k < phrase.length; k++) {
      const t = tokens[i + k];
      const p = phrase[k];
      if (!t || !p || t.norm !== p.norm) continue outer;
      // A name written with a capital must be written with one in the text ("Burns", not "burns").
      if (caseSensitiveNames && /^\p{Lu}/u.test(p.raw) && !/^\p{Lu}/u.test(t.raw)) continue outer;
      // Short acronyms must be in capitals ("US", not "us").
      if (p.norm.length <= 3 && /^\p{Lu}+$/u.test(p.raw.replace(/\./g, '')) && t.raw.replace(/\./g, '') !== t.raw.replace(/\./g, '').toUpperCase()) continue outer;
    }
    return i;
  }
  return -1;
}

function findMentions(s: SentenceDraft, entities: EntityDraft[]): Mention[] {
  const out: Mention[] = [];
  for (const e of entities) {
    for (const alias of e.aliases) {
      const toks = tokenize(alias);
      for (let from = 0; from < s.tokens.length; ) {
        const rel = phraseAt(s.tokens.slice(from), toks, true);
        if (rel < 0) break;
        const i = from + rel;
        const start = s.tokens[i]?.start ?? 0;
        const end = s.tokens[i + toks.length - 1]?.end ?? start;
        out.push({ entity: e, start, end, viaRole: alias === e.role });
        from = i + toks.length;
      }
    }
  }
  // Longest mention wins where two overlap ("United Nations" over "United").
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out.filter((m, i) => !out.slice(0, i).some((o) => !o.viaRole && o.start <= m.start && o.end >= m.end));
}

function assignEntityIds(entities: EntityDraft[]): Map<EntityDraft, string> {
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

// ---------------------------------------------------------------------------------------------
// Numbers, dates, unknowns

function findDates(text: string): string[] {
  return [...text.matchAll(DATE_RE)].map((m) => m[0].trim()).filter((d) => d.length > 0 && !/^May$/.test(d));
}

/** Durations without digits ("almost a month", "several years") count as quantities. */
const DURATION_RE = /\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|many)\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries)\b/gi;
/** A span between two years is a length of time too: "from 1870 to 1939", "between 1922 and 1926". */
const YEAR_SPAN_RE = /\b(?:from|between)\s+(1[0-9]\d{2}|20\d{2})\s+(?:to|until|till|and)\s+(1[0-9]\d{2}|20\d{2})\b/gi;

const QUANTITY_RE = new RegExp(
  `(?:\\b\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\b\\d+(?:\\.\\d+)?|\\b(?:${NUMBER_WORDS})(?:[\\s-]+(?:${NUMBER_WORDS}|and))*)(?:\\s*(?:%|percent|per cent))?(?:\\s+(?!(?:and|or|of|the|in|to|a|an|by|for|on|at|as|was|were|is|are)\\b)[a-z][a-z-]+){0,2}`,
  'gi',
);

function findQuantities(text: string, dates: string[]): { text: string; value?: number; unit?: string }[] {
  const out: { text: string; value?: number; unit?: string }[] = [];
  for (const m of text.matchAll(QUANTITY_RE)) {
    const q = m[0].trim();
    const numberPart = /^[\d,.]+/.exec(q)?.[0];
    // A year or a date's day is a date, not a quantity; "one" alone is usually a pronoun.
    if (dates.some((d) => d.includes(q.split(/\s+/)[0] ?? q))) continue;
    if (/^one$/i.test(q) || /^one\s/i.test(q)) continue;
    const value = numberPart ? Number(numberPart.replace(/,/g, '')) : undefined;
    const unit = q.replace(/^[\d,.]+\s*/, '').trim();
    out.push({ text: q, ...(value !== undefined && Number.isFinite(value) ? { value } : {}), ...(numberPart && unit ? { unit } : {}) });
  }
  for (const m of text.matchAll(DURATION_RE)) if (!out.some((q) => q.text.includes(m[0]))) out.push({ text: m[0] });
  for (const m of text.matchAll(YEAR_SPAN_RE)) out.push({ text: m[0], value: Number(m[2]) - Number(m[1]), unit: 'years' });
  return out;
}

function findUnknownAspects(text: string): UnknownAspect[] {
  if (!UNKNOWN_CUE_RE.test(text)) return [];
  const lower = foldCase(text);
  return (Object.entries(UNKNOWN_ASPECT_WORDS) as [UnknownAspect, readonly string[]][])
    .filter(([, words]) => words.some((w) => new RegExp(`\\b${w}\\b`).test(lower)))
    .map(([aspect]) => aspect);
}

// ---------------------------------------------------------------------------------------------
// Claims

const AUXILIARIES = new Set(
  'has have had is was were are be been being also previously not never repeatedly again recently publicly reportedly already strongly did does do will would could may might has been firmly officially'.split(
    ' ',
  ),
);
const PRONOUNS = new Set(['he', 'she', 'it', 'they']);
const DETERMINERS = new Set(['the', 'a', 'an', 'these', 'those', 'such', 'its', 'their', 'his', 'her', 'this', 'that', 'so']);

function stanceOf(token: Token): ClaimStance | undefined {
  if (/(?:ations?|ments?|ness|ings)$/.test(token.norm)) return undefined;
  return REPORTING_VERBS.get(token.stem) ?? REPORTING_VERBS.get(token.norm);
}

function findClaims(
  s: SentenceDraft,
  mentions: Mention[],
  entityIds: Map<EntityDraft, string>,
  lastPersonSpeaker: { speaker: string; speakerId?: string } | undefined,
): Omit<Claim, 'id'>[] {
  const claims: Omit<Claim, 'id'>[] = [];
  const seen = new Set<string>();
  const push = (speaker: string, speakerId: string | undefined, stance: ClaimStance, verb: string): void => {
    const key = `${speakerId ?? speaker}|${stance}`;
    if (seen.has(key)) return;
    seen.add(key);
    claims.push({ speaker, ...(speakerId ? { speakerId } : {}), stance, verb, sentenceId: s.id });
  };
  const insideMention = (t: Token): boolean => mentions.some((m) => t.start >= m.start && t.end <= m.end);
  const tokens = s.tokens;

  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (!t || insideMention(t)) continue;
    let stance = stanceOf(t);
    if (!stance) continue;
    const prev = tokens[k - 1];
    if (prev && DETERMINERS.has(prev.norm)) continue;
    // "according to" is handled below; "to say" after a noun is rarely a claim.
    if (t.norm === 'accord') continue;
    // Walk back over auxiliaries and adverbs to the subject.
    let j = k - 1;
    let negated = false;
    while (j >= 0 && tokens[j] && AUXILIARIES.has(tokens[j]?.norm ?? '')) {
      if (NEGATION_WORDS.has(tokens[j]?.norm ?? '')) negated = true;
      j--;
    }
    if (negated && stance === 'confirms') stance = 'not-confirmed';
    else if (negated) continue;
    const verb = s.text.slice(tokens[j + 1]?.start ?? t.start, t.end);
    const subjectToken = tokens[j];
    const clauseStart = clauseStartBefore(s.text, tokens[j + 1]?.start ?? t.start);
    const subjectText = s.text.slice(clauseStart, tokens[j + 1]?.start ?? t.start).trim();
    const previous = claims.at(-1);

    if (subjectToken && PRONOUNS.has(subjectToken.norm) && subjectText.split(/\s+/).length <= 2) {
      const resolved = subjectToken.norm === 'he' || subjectToken.norm === 'she' ? (previous ?? lastPersonSpeaker) : previous;
      if (resolved) push(resolved.speaker, resolved.speakerId, stance, verb);
      continue;
    }
    if (subjectText === '' && previous) {
      // A participle clause (", asserting that …") keeps the previous speaker.
      push(previous.speaker, previous.speakerId, stance, verb);
      continue;
    }
    const inSubject = mentions.filter((m) => m.start >= clauseStart && m.end <= (tokens[j + 1]?.start ?? t.start));
    const chosen = inSubject.find((m) => m.entity.type === 'person') ?? inSubject[0];
    if (!chosen || subjectText.split(/\s+/).length > 12) continue;
    const speaker = chosen.entity.type === 'person' ? chosen.entity.name : subjectText.replace(/^(?:while|but|and|as|although)\s+/i, '');
    push(speaker, entityIds.get(chosen.entity), stance, verb);
  }

  const according = /according to ([^,.;]+)/i.exec(s.text);
  const source = according?.[1];
  if (according && source) {
    const start = according.index + according[0].length - source.length;
    const m = mentions.find((x) => x.start >= start && x.end <= start + source.length);
    push(source.trim(), m ? entityIds.get(m.entity) : undefined, 'says', 'according to');
  }
  return claims;
}

function clauseStartBefore(text: string, at: number): number {
  const head = text.slice(0, at);
  let start = 0;
  for (const m of head.matchAll(/[,;:—–(]\s*|\b(?:that|while|as|because|and|but)\s+/gi)) start = m.index + m[0].length;
  return start;
}

// ---------------------------------------------------------------------------------------------
// Topics

function buildTopics(
  paragraphs: SentenceDraft[][],
  entities: { id: string; name: string; type: EntityType; sentenceIds: string[] }[],
  overlay: Overlay | undefined,
): Knowledge['topics'] {
  if (overlay?.topics && overlay.topics.length > 0) {
    return overlay.topics.map((t, i) => ({
      id: slug(t.name) || `topic-${i + 1}`,
      name: t.name,
      sentenceIds: t.sentenceIds,
      suggestion: t.suggestion ?? `What does the article say about ${t.name.toLowerCase()}?`,
    }));
  }
  const used = new Set<string>();
  return paragraphs.map((para, pi) => {
    const ids = new Set(para.map((s) => s.id));
    const salient = entities
      .map((e) => ({ e, n: e.sentenceIds.filter((id) => ids.has(id)).length, first: e.sentenceIds.find((id) => ids.has(id)) }))
      .filter((x) => x.n > 0)
      .sort((a, b) => b.n - a.n || (a.first ?? '').localeCompare(b.first ?? '', 'en', { numeric: true }));
    const names = salient.slice(0, 2).map((x) => x.e.name);
    const keyword = topKeyword(para, names);
    const parts = [...names, ...(keyword ? [keyword] : [])];
    const name = parts.length > 0 ? parts.join(', ') : `Paragraph ${pi + 1}`;
    let id = slug(name) || `topic-${pi + 1}`;
    if (used.has(id)) id = `${id}-${pi + 1}`;
    used.add(id);
    const about = names[0] ?? keyword ?? '';
    return {
      id,
      name,
      sentenceIds: para.map((s) => s.id),
      suggestion: about ? `What does the article say about ${about}?` : `What does paragraph ${pi + 1} say?`,
    };
  });
}

function topKeyword(para: SentenceDraft[], exclude: string[]): string | undefined {
  const excluded = new Set(exclude.flatMap((n) => contentStems(n)));
  const counts = new Map<string, { n: number; word: string }>();
  for (const s of para) {
    for (const t of s.tokens) {
      if (isStopWord(t.norm) || t.norm.length < 4 || /^\d/.test(t.norm) || excluded.has(t.stem) || /^\p{Lu}/u.test(t.raw)) continue;
      const c = counts.get(t.stem) ?? { n: 0, word: t.norm };
      c.n++;
      counts.set(t.stem, c);
    }
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n || b.word.length - a.word.length)[0];
  return best?.word;
}

function slug(text: string): string {
  return foldCase(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
