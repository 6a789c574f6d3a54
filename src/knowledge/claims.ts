import { AUXILIARY_VERBS, BE_FORMS, PREPOSITIONS } from '../nlp/lexicon.ts';
import { isAgentNoun, isFirstName, isKnownName, isOrgHead, isPlaceHead, isRoleNoun, lexiconTags } from '../nlp/name-lexicon.ts';
import { foldCase, isStopWord, isNegation, nounListStems, stemWord, tokenize, type Token } from '../nlp/text.ts';
import { GENERIC_BODIES, MAKER_VERBS, ORG_CLASSIFIERS, pluralOf, readLines, REPORTING_FORMS, sourceNouns, TITLE_WORDS, type ReportingStance } from '../nlp/word-lists.ts';
import { lemmasOf, relationsOf, singularsOf } from '../nlp/wordnet.ts';
import { datelineEnd, type EntityDraft, type Mention, type SentenceDraft } from './entities.ts';
import type { ClaimStance } from './schema.ts';

/** A claim as the build finds it: who, how, which verb, which sentence. */
export interface ClaimDraft {
  /** The speaker's entity, when the speaker is one. */
  entity?: EntityDraft;
  /** The speaker as the article names it ("officials", "the Iranian mission to the United Nations"). */
  speaker: string;
  stance: ClaimStance;
  verb: string;
  sentenceId: string;
  /** A sentence of quoted speech whose speaker is named in another sentence of the quotation. */
  inQuote?: boolean;
}

/** A sentence with its paragraph, its tokens and the entities it names. */
export interface ClaimSentence extends SentenceDraft {
  paragraph: number;
  mentions: readonly Mention[];
}

/** What may stand between a speaker and the reporting verb: auxiliaries, a negation, adverbs. */
const BEFORE_VERB: ReadonlySet<string> = new Set([...AUXILIARY_VERBS, ...'also still previously repeatedly again recently publicly reportedly already later earlier then firmly officially strongly once further quickly immediately flatly categorically formally privately initially now not never'.split(' ')]);
const AUXILIARIES = { test: (word: string): boolean => BEFORE_VERB.has(word) };
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'such', 'no', 'any', 'every', 'each', 'of', 'in', 'on', 'for', 'with', 'by', 'whose', 'some']);
const PERSONAL = new Set(['he', 'she']);
const NON_PERSONAL = new Set(['it', 'they', 'we']);
const BE = { test: (word: string): boolean => BE_FORMS.includes(word) };
/** What a clause starts after: a quotation mark, a semicolon, a colon, or a conjunction that opens a clause. */
const CLAUSE_OPENERS = /^(?:that|while|as|because|but|and|although|though|after|before|when|since|where|whereas|if)$/;

/** Plural nouns for two bodies of one kind ("governments", "companies") by stem → the entity type they mean; `paired-bodies.txt`. */
const PAIRED_BODIES: ReadonlyMap<string, { singular: string; type: 'country' | 'organization' }> = (() => {
  const out = new Map<string, { singular: string; type: 'country' | 'organization' }>();
  for (const [singular = '', type = ''] of readLines('paired-bodies')) {
    if (type !== 'country' && type !== 'organization') throw new Error(`paired-bodies.txt: "${type}" is not country or organization`);
    out.set(stemWord(foldCase(pluralOf(singular))), { singular, type });
  }
  return out;
})();

/**
 * The entity type a plural noun for two bodies means ("the companies said" → organization, "the
 * two governments" → country), or undefined for any other word and for the singular ("the company").
 */
export function pairedBodyType(word: string): 'country' | 'organization' | undefined {
  const norm = foldCase(word);
  const entry = PAIRED_BODIES.get(stemWord(norm));
  return entry && norm !== entry.singular ? entry.type : undefined;
}

function stanceOf(verb: Token): ReportingStance | undefined {
  return REPORTING_FORMS.get(verb.norm)?.stance;
}

const NAMING_PARTICIPLES = /^(?:called|named|dubbed|titled|labelled|labeled|known|described)$/;

/** Is the reporting form a verb here, not a noun or an adjective ("the claims", "terrorism suspect", "suspected cases", "a star called …")? */
function usedAsVerb(tokens: readonly Token[], k: number, text: string): boolean {
  const t = tokens[k] as Token;
  if (/^\p{Lu}/u.test(t.raw) && k > 0) return false;
  if (t.compound) return false;
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  const tight = (a: Token | undefined, b: Token | undefined): boolean => a !== undefined && b !== undefined && !/[,"“”;:]/.test(text.slice(a.end, b.start));
  if (prev && DETERMINERS.has(prev.norm) && tight(prev, t)) return false;
  // "Researchers found in a 2024 study that …": "find" reports a finding only before "that", not "found a body", "found dead", "was found that morning".
  if (REPORTING_FORMS.get(t.norm)?.lemma === 'find' && (!/^[^,;.]{0,40}?\bthat\b/.test(text.slice(t.end)) || (prev !== undefined && BE_FORMS.includes(prev.norm)))) return false;
  // "MUA state secretary Ray Dunleavy": a base form right before a singular title is a noun that describes it ("Experts say doctors …" is a verb).
  if (REPORTING_FORMS.get(t.norm)?.lemma === t.norm && next && /^\p{Ll}/u.test(next.raw) && TITLE_WORDS.has(next.norm) && !/[^s]s$/.test(next.norm) && tight(t, next)) return false;
  // "a state of emergency": "state" before "of" is the noun.
  if (REPORTING_FORMS.get(t.norm)?.lemma === 'state' && next?.norm === 'of') return false;
  // "has called a protest", "called an election", "declared a state of emergency": calling something into being, not saying anything.
  if (/^(?:call|declare)$/.test(REPORTING_FORMS.get(t.norm)?.lemma ?? '') && next && /^(?:a|an)$/.test(next.norm) && tight(t, next)) return false;
  // ("told state broadcaster TVM": after "told" comes whom, even a word that could report.)
  // ("It denied reports that …": after a pronoun it is the verb, whatever follows.)
  // ("Sotheby's denied reports that …": after a name as well.)
  // ("The ministry has not confirmed reports that …": after an auxiliary too.)
  if (next && REPORTING_FORMS.has(next.norm) && tight(t, next) && REPORTING_FORMS.get(t.norm)?.lemma !== 'tell' && !(prev && (/^(?:he|she|it|they|we|i)$/.test(prev.norm) || AUXILIARIES.test(prev.norm) || (/^\p{Lu}/u.test(prev.raw) && /(?:ed|ied)$/.test(t.norm))))) return false;
  // ("confirmed reports", "denied claims": a plural right after a reporting verb in the past is what it answers, a noun.)
  if (prev && tight(prev, t) && /s$/.test(t.norm) && /ed$/.test(prev.norm) && REPORTING_FORMS.has(prev.norm)) return false;
  if (prev && tight(prev, t) && /^\p{Ll}/u.test(prev.raw) && !isStopWord(prev.norm) && !AUXILIARIES.test(prev.norm)) {
    const prevTags = lexiconTags(prev.norm);
    const lemma = REPORTING_FORMS.get(t.norm)?.lemma;
    // "media reports say", "terrorism suspect": a noun after a noun.
    if (/s$/.test(t.norm) && next && !/^(?:that|the|a|an|it|he|she|they|we|this|his|her|its|their)$/.test(next.norm)) return false;
    if (lemma === t.norm && !/s$/.test(prev.norm) && (prevTags.length === 0 || prevTags.some((x) => x === 'Singular' || x === 'Uncountable' || x === 'Adjective'))) return false;
    // "a dwarf star called TRAPPIST-1": a naming participle after a noun.
    if (NAMING_PARTICIPLES.test(t.norm)) return false;
    // "isolate suspected cases": a participle between a verb and its noun.
    if (/ed$/.test(t.norm) && prevTags.some((x) => x === 'Infinitive' || x === 'PresentTense') && next && /^\p{Ll}/u.test(next.raw) && !isStopWord(next.norm)) return false;
  }
  return true;
}

interface Speaker {
  entity?: EntityDraft;
  text: string;
  /** Found from a description ("the team", "the utility"), not a name. */
  described?: boolean;
}

function speakerFrom(mention: Mention, text: string): Speaker {
  return { entity: mention.entity, text: mention.entity.type === 'person' ? mention.entity.name : text.slice(mention.start, mention.end).replace(/['’]s?$/, '') };
}

/** A mention that owns what follows ("China's …") or describes a noun ("Iranian mission") is not who speaks. */
function isModifierUse(text: string, m: Mention): boolean {
  // "Sotheby's denied": an "'s" that is part of the name owns nothing.
  if (/['’]s$/.test(m.entity.name) && /^\s+\p{Ll}+(?:ed|s)\b/u.test(text.slice(m.end).replace(/^['’]s/, ''))) return false;
  if (/['’]s?$/.test(text.slice(m.start, m.end)) || /^['’]s?\b/.test(text.slice(m.end, m.end + 2)) || /^-\p{Ll}/u.test(text.slice(m.end, m.end + 2))) return true;
  // ("Iran denied that …", "Peru warned": a reporting verb in the past after a country is its verb, not a noun it describes.)
  const next = /^\s+(\p{Ll}+)/u.exec(text.slice(m.end, m.end + 24))?.[1] ?? '';
  const form = REPORTING_FORMS.get(next);
  if (form && form.lemma !== next && !/s$/.test(next) && !/ing$/.test(next)) return false;
  return m.entity.type === 'country' && /^\s+\p{Ll}/u.test(text.slice(m.end, m.end + 3)) && !/^\s+(?:has|have|had|is|was|says|said|also|will|would|did|does|and)\b/.test(text.slice(m.end, m.end + 8));
}

/** A word without its possessive ending ("company's" → "company"). */
const stripPossessive = (word: string): string => word.replace(/['’]s?$/, '');

const HEAD_END = /\s(?:of|in|at|from|for|with|on|to|like|including|near|across|over|under|after|before|during|whose|who|which)\s/;

/** What the article has said so far that a subject phrase may refer back to; every field defaults to empty. */
interface SpeakerContext {
  /** Bodies and places named in earlier sentences, latest last. */
  bodies?: readonly Mention[];
  /** How often each body has been named or heard so far. */
  heard?: ReadonlyMap<EntityDraft, number>;
  /** The people named so far, latest last ("the judge"). */
  named?: readonly EntityDraft[];
  /** Organisations named earlier in this sentence. */
  extra?: readonly Mention[];
  /** Generic nouns (stems) the article has called each organisation by. */
  describedAs?: ReadonlyMap<EntityDraft, ReadonlySet<string>>;
  /** The organisations that spoke in the previous sentence, or that its speakers speak for. */
  previous?: readonly EntityDraft[];
}

/**
 * The speakers named in `[from, to)` of a sentence: the people in it ("economists like Stephen
 * Green", "X and Y"); else the organisation or country that heads the phrase, not one inside a
 * modifier ("China's National Bureau of Statistics", "U.S. security group Mandiant"); else the
 * phrase itself ("officials", "local media reports", "officials from NASA").
 */
function speakersIn(s: ClaimSentence, from: number, to: number, context: SpeakerContext = {}): Speaker[] {
  const { bodies = [], heard = new Map<EntityDraft, number>(), named = [], extra = [], describedAs = new Map<EntityDraft, ReadonlySet<string>>(), previous = [] } = context;
  const phraseRaw = s.text.slice(from, to);
  const lead = phraseRaw.length - phraseRaw.replace(/^[\s,"“”'‘’]+/, '').length;
  const phrase = phraseRaw.replace(/^[\s,"“”'‘’]+|[\s,"“”'‘’]+$/g, '');
  const start = from + lead;
  const words = phrase.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 16) return [];
  const inside = s.mentions.filter((m) => m.start >= start && m.end <= start + phrase.length);
  const people = inside.filter((m) => m.entity.type === 'person');
  // "The office of South Korean President Lee Myung-bak": the office speaks for the person.
  const office = /^(?:the\s+)?(office|spokesman|spokeswoman|spokesperson|lawyers?|aides?|government|family|campaign)\s+(?:of|for)\s/i.exec(phrase);
  if (office && people.length === 1) return [{ entity: (people[0] as Mention).entity, text: phrase.replace(/^the\s+/i, '') }];
  if (people.length > 0) return people.map((m) => speakerFrom(m, s.text));
  // The head runs to the first preposition, across "of" and a lower-case word ("the jury of appeal").
  const headEnd = HEAD_END.exec(` ${phrase.replace(/\bof(\s+\p{Ll}+)(?=\s|$)/gu, 'of_$1')} `);
  // ("Relatives waiting outside the office", "Residents living near the plant": a participle after a plural noun ends the head.)
  const participle = /^(?:the\s+)?(?:\p{L}+\s+){0,2}?\p{L}+s(?=\s+\p{Ll}+ing\s)/u.exec(phrase);
  const participleAt = participle && lemmasOf((/\s(\p{Ll}+ing)\s/u.exec(phrase.slice(participle[0].length - 1))?.[1]) ?? '').some((l) => !/ing$/.test(l)) ? participle[0].length : phrase.length;
  const headLength = Math.min(headEnd ? Math.max(0, headEnd.index - 1) : phrase.length, participleAt);
  const owners = ownersInHead(s.text, start, headLength, inside);
  if (owners.length > 0) return owners.map((m) => ({ entity: m.entity, text: m.entity.name }));
  const inHead = inside.filter((m) => m.start < start + headLength + 1 && !isModifierUse(s.text, m) && m.entity.type !== 'place');
  if (inHead.length > 0) {
    // "The New York Times, Wall Street Journal, and Washington Post": each of a list speaks.
    // ("Virgin Australia and Jetstar said": two names and nothing else, joined by "and".)
    const list = (/^(?:the\s+)?[^,]+(?:,\s*(?:and\s+)?[^,]+)+\s*(?:\p{Ll}+)?$/iu.test(phrase) && inHead.length >= 2) || (inHead.length === 2 && onlyNamesJoined(s, start, start + phrase.length));
    return list ? inHead.map((m) => speakerFrom(m, s.text)) : [speakerFrom(inHead[inHead.length - 1] as Mention, s.text)];
  }
  const head = phrase.slice(0, headLength).replace(/^(?:the|a|an)\s+/i, '');
  const headWords = head.split(/\s+/).filter(Boolean);
  if (headWords.length === 0 || headWords.length > 6 || headWords.every((w) => isStopWord(w.toLowerCase().replace(/[^\p{L}]/gu, '')))) return [];
  if (!/\p{L}{3}/u.test(head) || /^(?:it|they|he|she|we|this|that|which|who)$/i.test(head)) return [];
  // ("…, its spokesman said", "its statement said": what speaks for the body "its" stands for: the sentence's subject,
  // its first name after no preposition ("According to Reuters, Kenya Airways will cut …" is Kenya Airways'), when
  // that is a body; the one named last before the sentence only when the sentence names nobody before it, "Kenya
  // will reopen the border, its spokesman said" being no body's.)
  const its = /^its\s+(\p{Ll}+)$/u.exec(phrase);
  if (its && VOICE_NOUN_STEMS.has(stemWord(its[1] as string))) {
    const named = s.mentions.filter((m) => m.end <= start && m.entity.type !== 'place');
    const subject = named.find((m) => !/\b(?:to|at|by|from|for|of|with|in|on|into|against|than)\s+(?:the\s+)?$/i.test(s.text.slice(Math.max(0, m.start - 14), m.start)));
    const body = named.length > 0 ? (subject?.entity.type === 'organization' ? subject.entity : undefined) : [...bodies].reverse().find((m) => m.entity.type === 'organization')?.entity;
    if (body) return [{ entity: body, text: phrase, described: true }];
  }
  // A source that can speak: a job or role ("investigators"), a body ("the group"), a medium ("local media reports").
  // ("Opposition parties said", "rival unions warned": the plural of a word for a body speaks too.)
  const canSpeak = (w: string): boolean => isAgentNoun(w) || sourceNouns().has(w) || ORG_CLASSIFIERS.has(w) || lexiconTags(w).includes('Actor') || isPeopleNoun(w) || isBodyPlural(w);
  const headNorms = headWords.map((w) => w.toLowerCase().replace(/[^\p{L}-]/gu, ''));
  // "the wildfire service said": a word that ends organisations' names, last in the head, is a body that speaks.
  const lastHead = headNorms[headNorms.length - 1] ?? '';
  // "the national water utility said": a body named before whose name holds the head noun ("Water Utilities Corporation").
  if (/^the\s/i.test(phrase) && headWords.length <= 4 && lastHead.length >= 4 && !isRoleNoun(lastHead)) {
    // ("the energy regulator" is not the "Water Services Regulator": a noun before the head must be in the name too.)
    const nounModifiers = headNorms.slice(0, -1).filter((w) => lexiconTags(w).some((t) => /^(?:Singular|Plural|Uncountable|Noun)$/.test(t)));
    const body = namedBody(lastHead, bodies, extra, nounModifiers);
    if (body) return [body];
  }
  // "a company spokesman said", "the carrier's statement", "the commission's figures": a word for a body, then what
  // speaks for it (or, after a possessive, a document), is the voice of the body that word refers to.
  const ownerWord = stripPossessive((headWords[0] ?? '').toLowerCase());
  const ownsDocument = /['’]s?$/.test(headWords[0] ?? '') && sourceNouns().has(lastHead) && !isAgentNoun(lastHead);
  if (headWords.length === 2 && (isGenericBody(ownerWord) || ORG_CLASSIFIERS.has(ownerWord) || isOrgHead(ownerWord)) && (VOICE_NOUN_STEMS.has(stemWord(lastHead)) || ownsDocument)) {
    // ("A union spokesman" is not Northern Union Bank's: the word must be the kind of body named, and one body of that kind;
    // only a word for a business, "a company spokesman", falls back on the business heard most.)
    const ofKind = bodiesOfKind(ownerWord, bodies, extra);
    const kindOnly = PUBLIC_BODY_STEMS.has(stemWord(ownerWord));
    const body = ofKind.length > 1 ? undefined : ofKind[0] ? { entity: ofKind[0], text: ofKind[0].name, described: true } : kindOnly ? undefined : unnamedBody(ownerWord, bodies, heard, extra, describedAs, previous);
    if (body?.entity) return [{ entity: body.entity, text: head.charAt(0).toLowerCase() + head.slice(1), described: true }];
  }
  const noun = headNorms.find(canSpeak) ?? (isOrgHead(lastHead) ? lastHead : '');
  if (noun === '') return [];
  // "the company", "the group": the body of that kind named last.
  // ("the Dutch dairy group": a generic word for a body, last, after words that describe it.)
  const describedBody = headWords.length <= 4 && noun === lastHead && isGenericBody(noun);
  // ("the regulator" alone is the one named; "the energy regulator" may be another.)
  if (/^the\s/i.test(phrase) && (headWords.length <= 2 || describedBody) && (ORG_CLASSIFIERS.has(noun) || isOrgHead(noun)) && !(isOversightBody(noun) && headWords.length > 1)) {
    const body = recentBody(noun, bodies, heard, extra, describedAs, previous);
    if (body) return [body];
  }
  // "the judge said": the person named before whose role is that word ("U.S. District Judge Miriam Okafor").
  // ("the environment minister said": every word of a short head is in that person's role, "Environment Minister".)
  if (/^the\s/i.test(phrase) && headWords.length <= 3 && isRoleNoun(lastHead) && (headWords.length === 1 || lastHead === noun)) {
    const person = [...named].reverse().find((p) => p.role !== undefined && headNorms.every((h) => tokenize(p.role ?? '').some((w) => w.norm === h)));
    if (person) return [{ entity: person, text: person.name }];
  }
  // "officials from NASA": the body they speak for stays in the name.
  const rest = phrase.slice(headLength);
  // ("Engineers working for Boeing", "doctors based at the Royal Infirmary": a participle before "for" or "at"; not
  // "Officials speaking to Reuters", "Residents interviewed by AFP", who are heard, not members.)
  const body = inside.find((m) => m.start >= start + headLength && m.entity.type !== 'person' && m.entity.type !== 'place' && /^\s*(?:\p{Ll}+(?:ing|ed)\s+(?:for|at)|of|from|at|for|to)\s+(?:the\s+)?$/u.test(s.text.slice(start + headLength, m.start)));
  // "sources familiar with the matter": a short lower-case tail stays with an unnamed source.
  const tail = /^\s+(?:with|from|of|at|in|on|close to)\s+(?:the\s+)?(?:\p{Ll}[\p{L}-]*\s*){1,3}$/u.exec(rest)?.[0] ?? '';
  // ("A spokesman for Kazakhstan's border service": a possessive owner is not the body; the noun phrase it owns is.)
  const possessed = body !== undefined && (/['’]s?$/.test(s.text.slice(body.start, body.end)) || /^['’]s?\s/.test(s.text.slice(body.end, body.end + 3)));
  const owned = body && possessed ? /^(?:['’]s?)?((?:\s+\p{Ll}[\p{L}-]*){1,3})(?=\s*(?:$|[,;]))/u.exec(s.text.slice(body.end, start + phrase.length)) : null;
  const text = body ? `${head}${rest.slice(0, body.end - start - headLength)}${owned ? owned[0] : ''}` : `${head}${tail}`.trim();
  // "two U.S. officials", "Chinese officials": the country or body they speak for.
  const modifier = body ?? inside.find((m) => m.start < start + headLength && m.entity.type !== 'place');
  // "Forecasters at the department said": the body named before whose name holds the noun after "at the" speaks.
  const described = modifier ? undefined : /^\s+(?:at|of|for|from)\s+the\s+(\p{Ll}{4,})$/u.exec(rest);
  // ("A spokesman for the firm said": what speaks for a body, then a generic word for it, is the body "the firm" means.)
  const owner = described ? (namedBody(described[1] as string, bodies, extra) ?? (VOICE_NOUN_STEMS.has(stemWord(lastHead)) && headWords.length <= 2 ? unnamedBody(described[1] as string, bodies, heard, extra, describedAs, previous) : undefined)) : undefined;
  if (owner?.entity) return [{ entity: owner.entity, text: owner.entity.name, described: true }];
  // ("Kessa officials", "Kyrgyz traders": a first word that names an entity keeps its capital.)
  // (So does one written with a capital inside the sentence, where a capital means a name.)
  const firstAt = start + phrase.length - phrase.replace(/^(?:the|a|an)\s+/i, '').length;
  const namesEntity = inside.some((m) => m.start === firstAt) || firstAt > start || (firstAt === start && /[\p{L}\d,]\s+$/u.test(s.text.slice(Math.max(0, start - 40), start)) && start > datelineEnd(s.text));
  return [{ ...(modifier ? { entity: modifier.entity } : {}), text: /^\p{Lu}\p{Ll}/u.test(text) && !namesEntity && !isKnownName(foldCase(text.split(/\s+/)[0] ?? '')) ? text.charAt(0).toLowerCase() + text.slice(1) : text }];
}

/** Is `[from, to)` of a sentence nothing but two or more names of people or bodies joined by "and" ("Virgin Australia and Jetstar")? */
function onlyNamesJoined(s: ClaimSentence, from: number, to: number): boolean {
  const names = s.mentions.filter((m) => m.start >= from && m.end <= to && m.entity.type !== 'place');
  if (names.length < 2) return false;
  let rest = s.text.slice(from, to);
  for (const m of [...names].reverse()) rest = rest.slice(0, m.start - from) + ' ' + rest.slice(m.end - from);
  // ("Rivals Lloyds and Barclays said": a plural noun before the names only describes them.)
  const lead = /^\s*(?:the\s+)?([\p{L}-]+)\s/iu.exec(rest);
  const plural = lead?.[1]?.toLowerCase() ?? '';
  if (lead && (names[0] as Mention).start - from >= lead[0].length - 1 && singularsOf(plural).length > 0) rest = rest.slice(lead[0].length);
  return onlyJoiners(rest);
}

/**
 * Is what stands between names only commas, "the" and at least one "and" (", and the")? Word by word, in
 * linear time: the one nested regex it replaces backtracked for minutes over a long run of spaces.
 */
export function onlyJoiners(rest: string): boolean {
  const words = rest.split(/[\s,]+/).filter(Boolean);
  return words.every((w) => /^(?:and|the)$/i.test(w)) && words.some((w) => /^and$/i.test(w));
}

/** The plural of a word for a body ("parties", "companies"), by WordNet's lemma and compromise's plural. */
function isBodyPlural(word: string): boolean {
  return singularsOf(word).some((l) => ORG_CLASSIFIERS.has(l));
}

/** A plural noun for people that WordNet says is a kind of person ("travellers", "commuters"). */
function isPeopleNoun(word: string): boolean {
  return singularsOf(word).some((l) => relationsOf(l).hypernym.includes('person'));
}

/** Nouns for what speaks for a body ("statement", "spokesman"), by stem; `voice-nouns.txt`. */
const VOICE_NOUN_STEMS: ReadonlySet<string> = nounListStems('voice-nouns');

/**
 * Bodies or countries that describe a plural head together, and so speak through it ("the Saudi
 * and Russian ministers": both countries; "Orvane Mining and Kelda Rail officials"), and one
 * organisation that owns a statement or a spokesman ("Kelda Rail's statement", "Orvane Mining's
 * lawyers"). Nothing when another name heads the phrase ("Russia's Foreign Ministry").
 */
function ownersInHead(text: string, start: number, headLength: number, inside: readonly Mention[]): Mention[] {
  const end = start + headLength;
  const ms = inside.filter((m) => m.start < end && m.entity.type !== 'place' && m.entity.type !== 'person');
  const last = ms[ms.length - 1];
  if (!last || !/^(?:the\s+)?$/i.test(text.slice(start, (ms[0] as Mention).start))) return [];
  const tail = text.slice(last.end, end).replace(/^['’]s?/, '');
  const tailWords = tail.trim().split(/\s+/).filter(Boolean);
  if (tailWords.length > 3 || !tailWords.every((w) => /^\p{Ll}[\p{L}-]*$/u.test(w))) return [];
  if (ms.length >= 2) {
    const joined = ms.every((m, i) => i === 0 || /^(?:['’]s)?(?:\s*,)?\s+(?:and|or)\s+$|^(?:['’]s)?\s*,\s+$/.test(text.slice((ms[i - 1] as Mention).end, m.start)));
    // "the Saudi and Russian ministers": a plural head they share. (Bare "X and Y said" is left to the
    // rules for lists: tried here, it gave held-out claims to both where one spoke.)
    return joined && /s$/.test(tailWords[tailWords.length - 1] ?? '') ? ms : [];
  }
  // "Kelda Rail's statement said", "Orvane Mining's lawyers": an owner, then what speaks for it.
  const noun = foldCase(tailWords[tailWords.length - 1] ?? '');
  const possessive = /^['’]s?\s/.test(text.slice(last.end, end)) || /['’]s?$/.test(text.slice(last.start, last.end));
  return possessive && last.entity.type === 'organization' && VOICE_NOUN_STEMS.has(stemWord(noun)) ? [last] : [];
}

/** Generic words for a body: "the company said" means the story's company, whatever its name; `generic-bodies.txt`. */
const isGenericBody = (word: string): boolean => GENERIC_BODIES.has(word);
/** Generic words for a public body: "the regulator" or "the union" never means a business. */
const isOversightBody = (word: string): boolean => GENERIC_BODIES.get(word) === 'oversight';
/** Generic words for a business: "the company said" never means a union or a ministry. */
const isBusinessBody = (word: string): boolean => GENERIC_BODIES.get(word) === 'business';
/** Words of the names of bodies that are not businesses ("Union", "Agency"), by stem; `public-bodies.txt`. */
const PUBLIC_BODY_STEMS: ReadonlySet<string> = nounListStems('public-bodies');

/** Whether an organisation's name says it is not a business ("Mineworkers Union of Zambia", "European Medicines Agency"). */
export function isPublicBody(name: string): boolean {
  return tokenize(name).some((t) => /^\p{Lu}/u.test(t.raw) && PUBLIC_BODY_STEMS.has(stemWord(t.norm)));
}

/**
 * The body "the commission" or "the company" refers to: the one named so far whose name holds the
 * noun ("Commission on Elections", "University College Cork"); for a generic word ("the
 * company"), the body named and heard most in the sentences before (its mentions and claims
 * counted; not merely the last to speak, which may be an analysts' bank quoted once), and for a
 * word for a business never a union or an agency. Nothing when neither fits: "the board" stays "board".
 */
function recentBody(noun: string, bodies: readonly Mention[], heard: ReadonlyMap<EntityDraft, number>, extra: readonly Mention[], describedAs: ReadonlyMap<EntityDraft, ReadonlySet<string>> = new Map(), previous: readonly EntityDraft[] = []): Speaker | undefined {
  return namedBody(noun, bodies, extra) ?? unnamedBody(noun, bodies, heard, extra, describedAs, previous);
}

/** The kind of body a name names: its head noun, the word before "of"/"for"/"on" ("Commission on Elections") or else the last word ("Northern Rail Union"). */
function kindOfName(name: string): string {
  const words = tokenize(name);
  const of = words.findIndex((w, i) => i > 0 && /^(?:of|for|on)$/.test(w.norm));
  return (words[of > 0 ? of - 1 : words.length - 1]?.stem) ?? '';
}

/** The distinct organisations named so far (this sentence's and earlier) whose kind is the noun: "union" → "Northern Rail Union", never "Northern Union Bank". */
function bodiesOfKind(noun: string, bodies: readonly Mention[], extra: readonly Mention[]): EntityDraft[] {
  const stem = stemWord(noun);
  const found = new Set<EntityDraft>();
  for (const m of [...bodies, ...extra]) if (m.entity.type === 'organization' && kindOfName(m.entity.name) === stem) found.add(m.entity);
  return [...found];
}

/** A body the article called by the noun, or the one of a fitting kind heard most: what "the company" refers to when no name holds the word. */
function unnamedBody(noun: string, bodies: readonly Mention[], heard: ReadonlyMap<EntityDraft, number>, extra: readonly Mention[], describedAs: ReadonlyMap<EntityDraft, ReadonlySet<string>>, previous: readonly EntityDraft[] = []): Speaker | undefined {
  if (!isGenericBody(noun)) return undefined;
  // "Arboleda's team, Cordillera Pro Cycling, … The team has not confirmed": the body the article called so, latest first.
  const stem = stemWord(noun);
  for (let i = bodies.length - 1; i >= 0; i--) {
    const e = (bodies[i] as Mention).entity;
    if (e.type === 'organization' && describedAs.get(e)?.has(stem)) return { entity: e, text: e.name, described: true };
  }
  // "the company": a business, not the union or agency that spoke last.
  const fits = (e: EntityDraft): boolean => e.type === 'organization' && !(isBusinessBody(noun) && isPublicBody(e.name)) && !(isOversightBody(noun) && !isPublicBody(e.name));
  // ("… a separate generator, Solara. Solara has not confirmed … A spokesman for the firm said": the one body of that kind
  // that spoke in the sentence before, or that its speaker spoke for, when this sentence names none, is the one it goes on about.)
  const justNamed = [...new Set(previous.filter(fits))];
  if (justNamed.length === 1 && !extra.some((m) => fits(m.entity))) return { entity: justNamed[0] as EntityDraft, text: (justNamed[0] as EntityDraft).name, described: true };
  const counts = new Map([...heard].filter(([e]) => fits(e)));
  for (const m of extra) if (fits(m.entity)) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return best ? { entity: best, text: best.name, described: true } : undefined;
}

/**
 * The organisation named latest whose name holds the noun, by stem ("the commission" → "Commission on
 * Elections", "the utility" → "Water Utilities Corporation"), and every noun `modifiers` before it ("the water
 * regulator"): this sentence's bodies first, then earlier ones.
 */
/** Each entity's name stems, worked out once: `namedBody` asks of every earlier mention, for every "the X" subject. */
const nameStems = new WeakMap<EntityDraft, ReadonlySet<string>>();

function stemsOfName(entity: EntityDraft): ReadonlySet<string> {
  let stems = nameStems.get(entity);
  if (!stems) nameStems.set(entity, (stems = new Set(tokenize(entity.name).map((t) => t.stem))));
  return stems;
}

function namedBody(noun: string, bodies: readonly Mention[], extra: readonly Mention[], modifiers: readonly string[] = []): Speaker | undefined {
  const stem = stemWord(noun);
  const stems = [stem, ...modifiers.map((w) => stemWord(w))];
  const holds = (m: Mention): boolean => m.entity.type === 'organization' && stems.every((x) => stemsOfName(m.entity).has(x));
  // Latest first: this sentence's bodies, then the earlier sentences' (walked back, not copied: a long document has many).
  let named = [...extra].reverse().find(holds);
  for (let i = bodies.length - 1; !named && i >= 0; i--) if (holds(bodies[i] as Mention)) named = bodies[i];
  return named ? { entity: named.entity, text: named.entity.name, described: true } : undefined;
}

/** A preposition, by the list or by compromise's lexicon ("during", "throughout"). */
const isPreposition = (word: string): boolean => PREPOSITIONS.has(word) || lexiconTags(word).includes('Preposition');

/** Whether a token stands inside a named entity of the sentence. */
function inName(s: ClaimSentence, t: Token | undefined): boolean {
  return t !== undefined && s.mentions.some((m) => t.start >= m.start && t.end <= m.end);
}

/** Is "that" between these words a relative pronoun ("the contractor that carried out"): a noun before it, a verb in the past or present after? */
function isRelativeThat(before: Token | undefined, after: Token | undefined): boolean {
  if (!before || !after || REPORTING_FORMS.has(before.norm) || REPORTING_FORMS.has(after.norm)) return false;
  // (A word the lexicon does not know but WordNet does, "contractor", is taken for a noun.)
  const noun = lexiconTags(before.norm).some((t) => /^(?:Singular|Plural|Noun|Actor)$/.test(t)) || isAgentNoun(before.norm) || (lexiconTags(before.norm).length === 0 && lemmasOf(before.norm).length > 0);
  const verb = lexiconTags(after.norm).some((t) => /^(?:PastTense|PresentTense)$/.test(t)) || (lexiconTags(after.norm).length === 0 && /\p{Ll}(?:ed)$/u.test(after.norm));
  return noun && verb;
}

/** A word that reads as a finite verb: a past or present form by the lexicon, or an unknown lower-case "-ed" word ("fined"). */
function looksFinite(t: Token): boolean {
  if (!/^\p{Ll}/u.test(t.raw) || isStopWord(t.norm)) return false;
  const tags = lexiconTags(t.norm);
  if (tags.some((tag) => /^(?:PastTense|PresentTense)$/.test(tag))) return true;
  return /\p{Ll}{2}ed$/u.test(t.norm) && !tags.some((tag) => /^(?:Singular|Plural|Noun)$/.test(tag)) && lemmasOf(t.norm).some((l) => l !== t.norm);
}

/** Is the verb at `k` the relative clause's own (the relative at `j`): no comma closes the relative and no finite verb stands between? */
function ownsVerb(s: ClaimSentence, j: number, k: number): boolean {
  const { tokens, text } = s;
  const from = tokens[j] as Token;
  const to = tokens[k] as Token | undefined;
  if (!to || /[,;:]/.test(text.slice(from.end, to.start))) return false;
  for (let i = j + 2; i < k; i++) if (!inName(s, tokens[i]) && looksFinite(tokens[i] as Token)) return false;
  return true;
}

/** Where the clause of the word at `k` begins: after a quotation mark, a semicolon, a colon, a clause conjunction or a reporting verb. */
function clauseStart(s: ClaimSentence, k: number): number {
  const { tokens, text } = s;
  for (let j = k - 1; j >= 0; j--) {
    const t = tokens[j] as Token;
    const gap = text.slice(t.end, (tokens[j + 1] as Token).start);
    if (/[;:"“”]/.test(gap)) return (tokens[j + 1] as Token).start;
    if (s.mentions.some((m) => t.start >= m.start && t.end <= m.end)) continue;
    // "and"/"but" open a clause after a comma or before a pronoun; elsewhere they join a list.
    if ((t.norm === 'and' || t.norm === 'but') && !/,\s*$/.test(text.slice((tokens[j - 1] as Token | undefined)?.end ?? 0, t.start)) && !/^(?:he|she|it|they|we|i)$/.test(tokens[j + 1]?.norm ?? '')) continue;
    // "The New York Times, Wall Street Journal, and Washington Post": ", and" between two names closes a list, not a clause.
    if (t.norm === 'and' && j > 0 && inName(s, tokens[j - 1] as Token) && inName(s, tokens[j + 1])) continue;
    // ("Harwell Civil Ltd., the contractor that carried out the inspection, said": a relative "that" after a noun and before a verb opens no clause.)
    if (t.norm === 'that' && isRelativeThat(tokens[j - 1], tokens[j + 1])) continue;
    // ("Kiptanui, who served two terms as governor before losing his bid, denied": "as" or "before" with a phrase and no
    // verb of its own, closed by a comma before the verb, is a preposition inside an aside, and opens no clause.)
    const aside = /^(?:as|before|after|since|while|when)$/.test(t.norm) && /,\s*$/.test(text.slice(t.end, (tokens[k] as Token).start)) && !tokens.slice(j + 1, k).some((w) => !inName(s, w) && looksFinite(w));
    if (CLAUSE_OPENERS.test(t.norm) && /^\p{Ll}/u.test(t.raw) && !aside) return (tokens[j + 1] as Token).start;
    // "a trial in which prosecutors said": a relative after a preposition opens a clause with its own subject.
    if (/^(?:which|whom)$/.test(t.norm) && j > 0 && isPreposition((tokens[j - 1] as Token).norm)) return (tokens[j + 1] as Token).start;
    // ("income which the authority estimated at": a relative followed by a determiner has its own subject, the object's clause.)
    // (Only when the verb at `k` is the relative's own: "Harland Rail, which the commission fined, said" and
    // "The firm which the commission fined said" close the relative before "said", by a comma or a verb of its own.)
    if (/^(?:which|whom)$/.test(t.norm) && /^(?:the|its|their)$/.test(tokens[j + 1]?.raw ?? '') && ownsVerb(s, j, k)) return (tokens[j + 1] as Token).start;
    // ("Local media reports say": a reporting word used as a noun opens nothing.)
    if (REPORTING_FORMS.has(t.norm) && /^\p{Ll}/u.test(t.raw) && usedAsVerb(tokens, j, text)) return (tokens[j + 1] as Token).start;
  }
  // ("LEEDS, England — Engineers warned": a dateline is not the subject.)
  return datelineEnd(text);
}

/** Does a comma-bounded piece read as an apposition (", the OPEC president,", ", program coordinator for …,", ", whose …,")? */
function isApposition(piece: string): boolean {
  const p = piece.trim();
  if (p.length === 0) return true;
  if (/^(?:who|whose|which|where|respectively|however|meanwhile|too|also)\b/i.test(p)) return true;
  const words = tokenize(p);
  const role = words.slice(0, 6).some((w) => isRoleNoun(w.norm));
  return role && /^(?:(?:a|an|the)\s|\p{Ll})/u.test(p);
}

/** The span of the subject before a verb at `verbStart`: the last comma-bounded piece of its clause that is not an apposition. */
function subjectSpan(s: ClaimSentence, k: number, verbStart: number): [number, number] | undefined {
  const from = clauseStart(s, k);
  const before = s.text.slice(from, verbStart);
  const pieces: [number, number][] = [];
  let at = 0;
  for (const m of before.matchAll(/,(?!\d)/g)) {
    // ("The Ministry of Health, Labour and Welfare said": a comma inside a name splits nothing.)
    if (s.mentions.some((x) => x.start < from + m.index && x.end > from + m.index)) continue;
    pieces.push([at, m.index]);
    at = m.index + 1;
  }
  pieces.push([at, before.length]);
  // ("The Harbour Safety Authority (HSA), which …": a name closed by its acronym in brackets ends there too.)
  const nameEnds = ([a, b]: [number, number]): boolean => s.mentions.some((m) => m.entity.type !== 'place' && m.end > from + a && m.end <= from + b && /^[\s.)]*$/.test(before.slice(m.end - from, b)));
  // "Quintal, which is based in Austin, Texas, denied": a relative clause after a name runs to the verb, commas and all.
  // ("The company, which is based in Ulm and employs 9,000 people, said": after a short noun phrase too.)
  const nounPhrase = ([a, b]: [number, number]): boolean => /^\s*(?:the|its|their|his|her)\s+(?:[\p{L}'’-]+\s+){0,3}[\p{L}'’-]+\s*$/iu.test(before.slice(a, b));
  const relative = pieces.findIndex(([a, b], i) => i > 0 && /^\s*(?:which|who|whose)\s/i.test(before.slice(a, b)) && (nameEnds(pieces[i - 1] as [number, number]) || nounPhrase(pieces[i - 1] as [number, number])));
  if (relative > 0) pieces.splice(relative);
  for (let i = pieces.length - 1; i >= 0; i--) {
    const [a, b] = pieces[i] as [number, number];
    const piece = before.slice(a, b);
    if (piece.trim().length === 0) continue;
    // An apposition follows a name (", the OPEC president,"); a phrase after a clause is the subject.
    const previous = pieces[i - 1];
    // Only a person or a body takes an apposition: "…across the South Island, officials said" has a place before its subject.
    const afterName = previous !== undefined && s.mentions.some((m) => m.entity.type !== 'place' && m.end >= from + previous[0] && m.end <= from + previous[1] && /^[\s.)]*$/.test(before.slice(m.end - from, previous[1])));
    // "Carrasco, 51, said": an age after the name is an apposition too.
    // ("Garuda Indonesia, the national carrier, denied": after a piece that is only a name, "the …" is an apposition too.)
    // ("Virgin Australia and Jetstar, the budget arm of Qantas, said": names joined by "and" too.)
    const onlyName = previous !== undefined && (s.mentions.some((m) => m.entity.type !== 'place' && before.slice(previous[0], previous[1]).trim().replace(/^the\s+/i, '').replace(/\s*\([^()]*\)$/, '').replace(/\.$/, '') === s.text.slice(m.start, m.end).replace(/\.$/, '')) || onlyNamesJoined(s, from + previous[0], from + previous[1]));
    // ("Parents at a school in Tallaght, one of the schools in the scheme, said": "one of …" describes any name, a place's too.)
    const afterAnyName = previous !== undefined && s.mentions.some((m) => m.end >= from + previous[0] && m.end <= from + previous[1] && /^[\s.]*$/.test(before.slice(m.end - from, previous[1])));
    if (i > 0 && afterAnyName && /^\s*one of\s/i.test(piece)) continue;
    // ("Residents of Kelby, a village of 600 people below the dam, said": a word for a place says what a name before it is.)
    const placeKind = /^\s*(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}?([\p{L}-]+)(?:\s+(?:of|in|on|near|below|above|outside|beside|north|south|east|west)\s|\s*$)/iu.exec(piece);
    if (i > 0 && afterAnyName && placeKind && isPlaceHead((placeKind[1] as string).toLowerCase())) continue;
    if (i > 0 && afterName && (isApposition(piece) || /^\s*(?:a|an)\s/i.test(piece) || /^\s*\d{1,3}\s*$/.test(piece) || (onlyName && /^\s*the\s/i.test(piece)))) continue;
    // A list ("The New York Times, Wall Street Journal, and Washington Post newspapers"): back over items that are one name each.
    let first = i;
    const oneName = (k: number): boolean => {
      const [pa, pb] = pieces[k] as [number, number];
      const names = s.mentions.filter((m) => m.start >= from + pa && m.end <= from + pb);
      return names.length === 1 && before.slice(pa, pb).replace(/^\s*(?:and\s+|the\s+)?/i, '').trim().length <= (names[0] as Mention).end - (names[0] as Mention).start + 1;
    };
    if (/^\s*and\s/i.test(piece) || pieces.length > i + 1) while (first > 0 && oneName(first - 1) && s.mentions.some((m) => m.start >= from + a && m.end <= from + b)) first--;
    return objectRelativeSubject(s, from + (pieces[first] as [number, number])[0], from + b);
  }
  return undefined;
}

/**
 * The subject in a subject span with an object relative clause in it: "a claim the environment minister
 * rejected" is rejected by the minister, so a determiner that follows a noun with no preposition between
 * opens the real subject when the reporting verb closes that relative itself; "The union the drivers
 * joined said" has a relative closed by its own verb, so the subject is the noun before it ("The union").
 * The span unchanged when there is none.
 */
function objectRelativeSubject(s: ClaimSentence, from: number, to: number): [number, number] {
  const inside = s.tokens.filter((t) => t.start >= from && t.end <= to);
  for (let i = inside.length - 1; i >= 1; i--) {
    const t = inside[i] as Token;
    const before = inside[i - 1] as Token;
    if (!/^(?:the|a|an|its|their)$/.test(t.raw) || inName(s, t) || /[,;:"“”]/.test(s.text.slice(before.end, t.start))) continue;
    // The word before is a noun of the outer phrase ("claim", "view"): lower case, no function word, never a verb form.
    if (/^\p{Ll}+$/u.test(before.raw) && !isStopWord(before.norm) && !isPreposition(before.norm) && !/ing$/.test(before.norm) && (lexiconTags(before.norm).some((tag) => /^(?:Singular|Plural|Noun)$/.test(tag)) || (lexiconTags(before.norm).length === 0 && lemmasOf(before.norm).length > 0)) && !lexiconTags(before.norm).some((tag) => /Verb|Tense|Infinitive/.test(tag))) {
      // ("The board the shareholders elected in March said": a verb of the relative's own stands before the reporting verb.)
      const closed = inside.slice(i + 2).some((w) => !inName(s, w) && looksFinite(w));
      return closed ? [from, before.end] : [t.start, to];
    }
  }
  return [from, to];
}

/**
 * Finds the attributed claims of an article: every reporting verb found by lemma ("says",
 * "said", "has denied", "told VOA", "wrote", "defended"), its subject (a person before an
 * organisation, a possessive's owner skipped, an apposition skipped), "…," said X after a
 * quotation, "according to X", "quoted X as saying", pronouns resolved to the last person or
 * body named, and the other sentences of a quotation given to its speaker. The stance comes
 * from the verb; "has not confirmed" is not-confirmed, any other negated reporting verb is no claim.
 */
export function findClaims(sentences: readonly ClaimSentence[]): ClaimDraft[] {
  const claims: ClaimDraft[] = [];
  /** Bodies and places named in earlier sentences, latest last, and the bodies that have spoken: what "the company" or "the university" refers to. */
  const bodies: Mention[] = [];
  /** Generic nouns (stems) the article has called each organisation by ("team", "carrier"). */
  const describedAs = new Map<EntityDraft, Set<string>>();
  /** How often each body has been named or heard so far: whom "the company" means. */
  const heard = new Map<EntityDraft, number>();
  const hear = (e: EntityDraft): void => void heard.set(e, (heard.get(e) ?? 0) + 1);
  /** Countries and organisations named so far, latest last: whom "the two governments" or "the companies" mean. */
  const pairable: EntityDraft[] = [];
  /** The people named so far, latest last: whom "the judge" or "the minister" means. */
  const seenPeople: EntityDraft[] = [];
  /** The people the previous sentence spoke through, then named: who "he" and "she" are. */
  let previousPeople: Speaker[] = [];
  let lastPerson: Speaker | undefined;
  let lastBody: Speaker | undefined;
  /** The organisations that spoke in the previous sentence, or that its speakers speak for: what "the firm" most likely means next. */
  let previousBodies: EntityDraft[] = [];
  const remember = (sp: Speaker): void => {
    if (sp.entity?.type === 'person') lastPerson = sp;
    else if (sp.entity) lastBody = sp;
  };

  for (const s of sentences) {
    const found: ClaimDraft[] = [];
    const push = (sp: Speaker, stance: ClaimStance, verb: string): void => {
      const key = sp.entity ?? sp.text.toLowerCase();
      const same = found.find((c) => (c.entity ?? c.speaker.toLowerCase()) === key);
      // One claim per speaker and sentence, with its most telling stance ("informed … that it believes" believes).
      if (same) {
        if (same.stance === 'says' && stance !== 'says') Object.assign(same, { stance, verb });
        return;
      }
      found.push({ ...(sp.entity ? { entity: sp.entity } : {}), speaker: sp.text, stance, verb, sentenceId: s.id });
    };
    const { tokens, text } = s;
    const inMention = (t: Token): boolean => s.mentions.some((m) => t.start >= m.start && t.end <= m.end);
    const opensWithQuote = /^\s*["“]/.test(text);

    // "JOE LIEBERMAN: "…"": a speaker's name and a colon before a quotation.
    const colon = /^([^:"“]{3,60}):\s*["“]/.exec(text);
    if (colon) {
      const m = s.mentions.find((x) => x.end <= (colon[1] as string).length);
      if (m) push(speakerFrom(m, text), 'says', `${colon[1] as string}:`);
    }

    let lastReporting = -1;
    const quoted = quotedSpans(text);
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k] as Token;
      const stanceWord = stanceOf(t);
      if (!stanceWord || inMention(t) || !usedAsVerb(tokens, k, text)) continue;
      // Words inside a quotation are what its speaker says, not claims of their own ("I thought …").
      if (quoted.some(([a, b]) => t.start > a && t.end < b)) continue;
      // A reporting verb inside what another reports, with nothing between but words ("said preliminary reports indicate").
      const nested = lastReporting >= 0 && !/[,;:"“”]/.test(text.slice((tokens[lastReporting] as Token).end, t.start));
      lastReporting = k;
      let stance: ClaimStance = stanceWord;
      // Over auxiliaries and adverbs back to the subject; a negation there.
      let j = k - 1;
      let negated = false;
      let passive = false;
      // ("Theresa May warned": a modal's word inside a name is the name.)
      while (j >= 0 && AUXILIARIES.test((tokens[j] as Token).norm) && !inMention(tokens[j] as Token) && !/[,"“”]/.test(text.slice((tokens[j] as Token).end, (tokens[j + 1] as Token).start))) {
        if (isNegation(tokens[j] as Token)) negated = true;
        if (BE.test((tokens[j] as Token).norm) && /(?:ed|en|wn|ld|id|ght)$/.test(t.norm)) passive = true;
        j--;
      }
      if (negated && stance === 'confirms') stance = 'not-confirmed';
      else if (negated) continue;
      const verbStart = (tokens[j + 1] as Token).start;
      const verb = text.slice(verbStart, t.end);

      // "was quoted as saying by public broadcaster ERR": the one quoted speaks, as the subject; the one quoting only carries it.
      const quotedAs = passive && REPORTING_FORMS.get(t.norm)?.lemma === 'quote' && /^\s+as\s+(?:saying|telling|stating|warning)\b/.test(text.slice(t.end));
      if (quotedAs) passive = false;
      if (passive) {
        // "was announced … by officials from NASA": the agent after "by".
        const by = /^[^,;]*?\bby\s+/.exec(text.slice(t.end));
        if (!by) continue;
        const from = t.end + by[0].length;
        const stop = /[,;]|\.\s*$|\s[–—]\s/.exec(text.slice(from));
        for (const sp of speakersIn(s, from, from + (stop ? stop.index : text.length - from), { bodies, heard }).slice(0, 1)) push(sp, stance, verb);
        continue;
      }

      // "quoted Mr. Lee as telling …", "quoted a Taleban leader as saying …": the quoted one speaks.
      if (REPORTING_FORMS.get(t.norm)?.lemma === 'quote' && !quotedAs) {
        const as = /^(\s+.{2,60}?)\s+as\s+(saying|telling|stating|warning|describing)\b/.exec(text.slice(t.end));
        if (as) {
          for (const sp of speakersIn(s, t.end, t.end + (as[1] as string).length, { bodies, heard }).slice(0, 1)) {
            push(sp, REPORTING_FORMS.get(as[2] as string)?.stance ?? 'says', as[2] as string);
            remember(sp);
          }
        }
      }

      // "…," said Mr. Edwards / "…," Shrestha said: a quotation, then the verb and its speaker.
      const gapBefore = j >= 0 ? text.slice((tokens[j] as Token).end, verbStart) : text.slice(0, verbStart);
      // ('…," X told Reuters': the name after "told" is who hears it; "accused the owner, X, of …": whom the verb is about.)
      const hearerAfter = REPORTING_FORMS.get(t.norm)?.lemma === 'tell';
      const first = s.mentions.find((m) => m.start >= t.end && /^\s*$/.test(text.slice(t.end, m.start).replace(/\b(?:Mr|Mrs|Ms|Dr)\.?/g, '')));
      // ('…," said INTO general secretary Declan Fahy': the body and a lower-case title before a person's name are the person's.)
      const holder = first && first.entity.type !== 'person' ? s.mentions.find((m) => m.start > first.end && m.entity.type === 'person' && /^(?:['’]s)?\s+(?:\p{Ll}+\s+){1,3}$/u.test(text.slice(first.end, m.start))) : undefined;
      const after = holder ?? first;
      if (after && !hearerAfter && (/["”]\s*$/.test(gapBefore) || (opensWithQuote && /,\s*$/.test(gapBefore)))) {
        const sp = speakerFrom(after, text);
        push(sp, stance, verb);
        remember(sp);
        continue;
      }
      // "…, said Dr. Amelia Ortiz, a geologist.", "…," warned a spokesman for the service, Rustam Nazarov.": reported
      // speech, a comma, the verb, then who speaks (a role first, perhaps) and the end of the clause.
      if (/,\s*["”]?\s*$/.test(gapBefore)) {
        const named = s.mentions.find((m) => (m.entity.type === 'person' || m.entity.type === 'organization') && m.start >= t.end && /^\s+(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+|(?:a|an|the|its|his|her|their)\s[^,;.]{3,80},\s+(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?)?$/.test(text.slice(t.end, m.start)));
        if (named && !hearerAfter && /^\s*(?:[,.;]|$)/.test(text.slice(named.end)) && !/^\s*,?\s*(?:of|for)\s/.test(text.slice(named.end))) {
          const sp = speakerFrom(named, text);
          push(sp, stance, verb);
          remember(sp);
          continue;
        }
      }
      if (j < 0) continue;

      // ", saying that …", "…, asserting that …": the clause's subject speaks again ("has been advocating" is a verb like any).
      if (/ing$/.test(t.norm) && j === k - 1) {
        if (!/,\s*$/.test(gapBefore)) continue;
        const previous = found[found.length - 1];
        if (previous) push(previous.entity ? { entity: previous.entity, text: previous.speaker } : { text: previous.speaker }, stance, verb);
        else for (const sp of leadingSubjects(s, verbStart)) push(sp, stance, verb);
        continue;
      }

      const subjectToken = tokens[j] as Token;
      // "The team suspended him in April and said on Wednesday …": a second verb of the clause's subject.
      // ("… and added a second from the penalty spot": not before an object with "a", which reports nothing.)
      if (subjectToken.norm === 'and' && j === k - 1 && !/^(?:a|an)$/.test(tokens[k + 1]?.norm ?? '')) {
        const previous = found[found.length - 1];
        const subjects = previous ? [previous.entity ? { entity: previous.entity, text: previous.speaker } : { text: previous.speaker }] : leadingSubjects(s, verbStart).slice(0, 1);
        for (const sp of subjects) push(sp, stance, verb);
        if (subjects.length > 0) continue;
      }
      if (PERSONAL.has(subjectToken.norm) || NON_PERSONAL.has(subjectToken.norm)) {
        const resolved = PERSONAL.has(subjectToken.norm) ? (personFor(subjectToken.norm, previousPeople, found) ?? lastPerson ?? lastBody) : (lastBody ?? lastPerson);
        if (resolved) push(resolved, stance, verb);
        continue;
      }
      // "took to Twitter to welcome …": the main clause's subject.
      if (subjectToken.norm === 'to') {
        if (/\b(?:took to|went on|used|appeared on|turned to)\b[^,.;]{0,40}$/.test(text.slice(0, subjectToken.start))) for (const sp of leadingSubjects(s, verbStart).slice(0, 1)) push(sp, stance, verb);
        continue;
      }
      // "a report by multinational investigators that accuses Pyongyang": the relative's antecedent, its agent if it has one.
      if (/^(?:that|which|who)$/.test(subjectToken.norm) && /^\p{Ll}/u.test(subjectToken.raw)) {
        // The antecedent's last words, up to eight, whether a comma stands before the relative or not ("the Red Cross, which said").
        const antecedent = text.slice(0, subjectToken.start).replace(/,?\s*$/, '');
        const phrase = /(?:\S+\s+){0,7}\S+$/.exec(antecedent)?.[0] ?? '';
        const by = /\bby\s+(.+)$/.exec(phrase);
        const from = antecedent.length - phrase.length + (by ? by.index + 3 : 0);
        for (const sp of speakersIn(s, from, from + (by ? (by[1] as string).length : phrase.length), { bodies, heard }).slice(0, 1)) push(sp, stance, verb);
        continue;
      }
      const span = subjectSpan(s, k, verbStart);
      if (!span) continue;
      // "the two governments said", "the companies said": the two bodies of that kind named last.
      const pair = /^(?:the\s+)?(?:two\s+)?(\p{L}+)$/iu.exec(text.slice(span[0], span[1]).trim());
      const kind = pair ? pairedBodyType(pair[1] as string) : undefined;
      if (kind) {
        const named = [...pairable, ...s.mentions.filter((m) => m.start < span[0]).map((m) => m.entity)].filter((e) => e.type === kind);
        const lastTwo = [...new Set([...named].reverse())].slice(0, 2);
        if (lastTwo.length === 2) {
          for (const e of lastTwo.reverse()) push({ entity: e, text: e.name }, stance, verb);
          continue;
        }
      }
      // ("Shares of Velmont Foods jumped after the Dutch dairy group confirmed": a body named earlier in the sentence counts too.)
      const earlier = s.mentions.filter((m) => m.end <= span[0] && m.entity.type === 'organization');
      for (const sp of speakersIn(s, span[0], span[1], { bodies, heard, named: seenPeople, extra: earlier, describedAs, previous: previousBodies })) {
        // A reporting verb inside what another one reports, with no named subject, is content ("said preliminary reports indicate").
        // (So is one whose subject is only a description: "He said the team believed …".)
        if (nested && (!sp.entity || sp.described === true)) continue;
        push(sp, stance, verb);
        remember(sp);
      }
    }

    const according = /\baccording to\s+([^,;]{2,80}?)(?:[,;]|\.?\s*$)/i.exec(text);
    if (according) {
      const from = according.index + according[0].indexOf(according[1] as string);
      // "according to its director, Dr. Nikos Papadakis": the role, then the person who holds it.
      const roleEnd = from + (according[1] as string).length;
      const holder = /^(?:its|his|her|their|the|a|an)\s/i.test(according[1] as string) ? s.mentions.find((m) => m.entity.type === 'person' && m.start > roleEnd && /^,\s+(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?$/.test(text.slice(roleEnd, m.start))) : undefined;
      // "according to a survey the union carried out", "… a report by the regulator": whoever made the document.
      const maker = MAKER_RE.exec(according[1] as string);
      const makerPhrase = maker && sourceNouns().has(maker[1] as string) ? (maker[2] ?? maker[3]) : undefined;
      const makers = makerPhrase ? speakersIn(s, from + (according[1] as string).indexOf(makerPhrase), from + (according[1] as string).indexOf(makerPhrase) + makerPhrase.length, { bodies, heard }).filter((sp) => sp.entity) : [];
      if (holder) push(speakerFrom(holder, text), 'says', 'according to');
      else if (makers[0]) push(makers[0], 'says', 'according to');
      else {
        const sources = speakersIn(s, from, from + (according[1] as string).length, { bodies, heard }).slice(0, 1);
        // ("The Monetary Policy Council voted seven to three, according to a statement released at 4 p.m.": a document
        // no one is said to have made is the statement of the body the sentence opens with.)
        const document = /^(?:a|an|the)\s+(?:\p{Ll}+\s+)?(\p{Ll}+)/u.exec(according[1] as string)?.[1];
        // (Not when another body acts in the sentence: "X was fined by the regulator", "X cut its forecast after Y downgraded it".)
        const bodiesBefore = new Set(s.mentions.filter((m) => m.start < according.index && m.entity.type === 'organization').map((m) => m.entity));
        const alone = bodiesBefore.size === 1 && !/\bby\b/.test(text.slice(0, according.index));
        const opener = alone && document && VOICE_NOUN_STEMS.has(stemWord(document)) && !sources[0]?.entity ? leadingSubjects(s, according.index).find((sp) => sp.entity?.type === 'organization') : undefined;
        for (const sp of opener ? [opener] : sources) push(sp, 'says', 'according to');
      }
    }
    for (const c of found) if (c.entity) remember({ entity: c.entity, text: c.speaker });
    // What the sentence calls its organisations: "team, Cordillera Pro Cycling," or "Garuda Indonesia, the national carrier,".
    for (const m of s.mentions) {
      if (m.entity.type !== 'organization') continue;
      const nouns = [/(\p{Ll}+),\s*$/u.exec(text.slice(0, m.start))?.[1], /^,\s+(?:the|a|an|its)\s+(?:[\p{L}-]+\s+){0,3}?(\p{Ll}+)\s*[,;.]/u.exec(text.slice(m.end))?.[1]];
      const generic = nouns.filter((n): n is string => n !== undefined && isGenericBody(n));
      if (generic.length === 0) continue;
      let stems = describedAs.get(m.entity);
      if (!stems) describedAs.set(m.entity, (stems = new Set()));
      for (const n of generic) stems.add(stemWord(n));
    }
    bodies.push(...s.mentions.filter((m) => m.entity.type === 'organization' || m.entity.type === 'place'));
    for (const m of s.mentions) if (m.entity.type === 'organization') hear(m.entity);
    pairable.push(...s.mentions.filter((m) => m.entity.type === 'organization' || m.entity.type === 'country').map((m) => m.entity));
    for (const c of found) if (c.entity && c.entity.type === 'organization') hear(c.entity);
    // Pronouns later on refer to the people this sentence speaks through, then those it names.
    previousPeople = [...found.filter((c) => c.entity?.type === 'person').map((c) => ({ entity: c.entity as EntityDraft, text: c.speaker })), ...s.mentions.filter((m) => m.entity.type === 'person').map((m) => speakerFrom(m, text))];
    for (const m of s.mentions) if (m.entity.type === 'person') lastPerson = speakerFrom(m, text);
    for (const m of s.mentions) if (m.entity.type === 'person') seenPeople.push(m.entity);
    // (Those that spoke in it, or that its speakers speak for, and were named in it: not a body only told something, "told RTE".)
    const namedHere = new Set(s.mentions.map((m) => m.entity));
    // ("Analysts at Kessler Bank said", "John Smith, an analyst at Kessler Bank, said": people at a body who speak as
    // themselves do not make it the topic; a spokesman or a lawyer for it does.)
    const speaksFor = (e: EntityDraft): boolean => e.role !== undefined && VOICE_NOUN_STEMS.has(stemWord(e.role.split(/\s+/).pop() ?? ''));
    previousBodies = found.flatMap((c) => (c.entity?.type === 'organization' ? (c.speaker === c.entity.name || c.entity.aliases.has(c.speaker) ? [c.entity] : []) : c.entity?.type === 'person' && speaksFor(c.entity) ? [...c.entity.affiliations].filter((a) => a.type === 'organization') : [])).filter((e) => namedHere.has(e));
    claims.push(...found);
  }
  return [...claims, ...quotationClaims(sentences, claims)];
}

/** "a survey by the regulator", "a survey the union carried out": a document, then who made it; the verbs from `maker-verbs.txt`. */
const MAKER_RE = new RegExp(`^(?:a|an|the|its|their)\\s+(?:[\\p{Ll}-]+\\s+){0,2}?(\\p{Ll}+)\\s+(?:by\\s+(.+)|(.+?)\\s+(?:${MAKER_VERBS.join('|')}))(?:\\s|$)`, 'u');

const GENDER_OF: Readonly<Record<string, string>> = { he: 'MaleName', she: 'FemaleName' };

/** Who "he" or "she" is: in this sentence's claims or the previous sentence's people, the first whose first name agrees. */
function personFor(pronoun: string, previous: readonly Speaker[], found: readonly ClaimDraft[]): Speaker | undefined {
  const candidates: Speaker[] = [...found.filter((c) => c.entity?.type === 'person').map((c) => ({ entity: c.entity as EntityDraft, text: c.speaker })), ...previous];
  const gender = GENDER_OF[pronoun];
  const agrees = (sp: Speaker): boolean => {
    const first = (sp.entity?.name.split(/\s+/)[0] ?? '').toLowerCase();
    const tags = lexiconTags(first);
    return !isFirstName(first) || tags.includes(gender ?? '') || !tags.some((t) => t === 'MaleName' || t === 'FemaleName');
  };
  return candidates.find(agrees);
}

/** Character spans inside quotation marks, when the sentence's quotation marks pair up. */
function quotedSpans(text: string): [number, number][] {
  const marks = [...text.matchAll(/["“”]/g)].map((m) => m.index);
  if (marks.length % 2 !== 0) return [];
  const spans: [number, number][] = [];
  for (let i = 0; i + 1 < marks.length; i += 2) spans.push([marks[i] as number, marks[i + 1] as number]);
  return spans;
}

/** The people and bodies a sentence opens with, before its first verb ("Saudi Oil Minister X and Russian Energy Minister Y, …"). */
function leadingSubjects(s: ClaimSentence, before: number): Speaker[] {
  const firstVerb = s.tokens.find((t) => t.start < before && /^\p{Ll}/u.test(t.raw) && !isStopWord(t.norm) && /(?:ed|s)$/.test(t.norm) && !s.mentions.some((m) => t.start >= m.start && t.end <= m.end));
  const limit = firstVerb?.start ?? before;
  // ("South Africa's Competition Commission recommended …, saying": an owner is not the subject.)
  const opening = datelineEnd(s.text);
  const subjects = s.mentions.filter((m) => m.start >= opening && !/^['’]s?\s/.test(s.text.slice(m.end, m.end + 3)) && !/['’]s?$/.test(s.text.slice(m.start, m.end)));
  const people = subjects.filter((m) => m.end <= limit && m.entity.type === 'person');
  const chosen = people.length > 0 ? people : subjects.filter((m) => m.end <= limit && m.entity.type !== 'place').slice(0, 1);
  return chosen.map((m) => speakerFrom(m, s.text));
}

/** Sentences of quoted speech without a verb of their own take the speaker of the quotation in their paragraph. */
function quotationClaims(sentences: readonly ClaimSentence[], claims: readonly ClaimDraft[]): ClaimDraft[] {
  const out: ClaimDraft[] = [];
  const claimed = new Set(claims.map((c) => c.sentenceId));
  const byParagraph = new Map<number, ClaimSentence[]>();
  for (const s of sentences) byParagraph.set(s.paragraph, [...(byParagraph.get(s.paragraph) ?? []), s]);
  for (const para of byParagraph.values()) {
    const quoted = para.map((s) => /["“”]/.test(s.text));
    para.forEach((s, i) => {
      if (claimed.has(s.id) || !/^\s*["“]/.test(s.text)) return;
      // The nearest sentence of the same quotation that names its speaker: before first, then after.
      for (const j of [i - 1, i + 1, i - 2, i + 2]) {
        const other = para[j];
        if (!other || !quoted[j]) continue;
        const source = claims.find((c) => c.sentenceId === other.id);
        if (source) {
          out.push({ ...(source.entity ? { entity: source.entity } : {}), speaker: source.speaker, stance: 'says', verb: source.verb, sentenceId: s.id, inQuote: true });
          return;
        }
      }
    });
  }
  return out;
}
