import { AUXILIARY_VERBS, BE_FORMS, CALENDAR_WORD_RE, IRREGULAR_VERBS } from '../nlp/lexicon.ts';
import { isStopWord, stemWord, type Token } from '../nlp/text.ts';
import { readWordList, REPORTING_FORMS, TITLE_WORDS } from '../nlp/word-lists.ts';
import { isPersonNoun } from '../nlp/name-lexicon.ts';
import { relationsOf, relationsOfForm } from '../nlp/wordnet.ts';
import { isCapitalised, marksFuture, RECIPIENT_PREPOSITIONS, type Predicate, type RoleFiller } from './question.ts';
import type { IndexedSentence, MatcherIndex } from './search-index.ts';
import type { SentenceWords } from './word-order.ts';

/*
 * Who did what to whom in a sentence, read from word order around the question's verb (no
 * parser): the name before the verb does it (or the one after "by" in the passive), the name
 * right after it has it done, the one after "to"/"against" receives it. A yes/no question is
 * supported only by a sentence with the same doer, the same verb (or a related one) and the same
 * receiver; swapped roles, another doer or receiver, or an opposed verb ("raised" for "cut") are
 * evidence against it.
 */

/**
 * What a sentence says of a question's predicate: `support` (same doer, verb and receiver, in one
 * clause), `conflict` (another doer or receiver, roles swapped, or the opposite verb), and
 * `contradicts` (the same names with roles swapped or the verb opposed: the sentence says the
 * reverse, not something about someone else).
 */
export interface PredicateVerdict {
  support: boolean;
  conflict: boolean;
  contradicts: boolean;
}

/** A name in a sentence: its entity concept if the index knows it, and its stems, at token positions [start, end). */
interface Filler {
  concept?: string;
  stems: readonly string[];
  start: number;
  end: number;
  /** A common noun phrase ("the transport ministry"), not a name. */
  common?: boolean;
}

const BE: ReadonlySet<string> = new Set(BE_FORMS);
/** What may stand between a doer and its verb: auxiliaries, a negation, a few adverbs (and any in -ly). */
const SKIP_BEFORE_VERB: ReadonlySet<string> = new Set([...AUXILIARY_VERBS, 'also', 'not', 'never', 'then', 'later', 'first', 'now', 'already']);
/** A time phrase between a doer and its verb: an opener and a day, month or span ("on Monday", "last week"). */
const TIME_OPENERS: ReadonlySet<string> = new Set(['on', 'in', 'last', 'this', 'late', 'early', 'over']);
const isTimeWord = (t: Token): boolean => CALENDAR_WORD_RE.test(t.raw) || /^(?:week|month|year|weekend)$/.test(t.norm);
/** Stems of the verbs whose object noun names the action ("file an appeal", "lodged a protest"): `light-verbs.txt`. */
export const LIGHT_VERB_STEMS: ReadonlySet<string> = new Set(readWordList('light-verbs').map((w) => stemWord(w)));
/** Where a question's verb in a sentence has its roles: at the light verb before "a"/"an" when it is that verb's object noun. */
function roleVerbAt(tokens: readonly Token[], v: number): number {
  return v >= 2 && /^an?$/.test((tokens[v - 1] as Token).norm) && LIGHT_VERB_STEMS.has((tokens[v - 2] as Token).stem) ? v - 2 : v;
}
/** Words before a verb that make it possible, not done: modals but "will" and "shall", and hedging adverbs. */
const HEDGES = /^(?:could|may|might|would|should|must|can|allegedly|reportedly|possibly|probably|likely|apparently|supposedly|purportedly)$/;
/** Words that end the clause a verb's roles stand in. */
const CLAUSE_BREAK = /[,;:()"“”—–]/;

/** Whether token k is a plain content word: not a stop word, a number or a capitalised word (but the first). */
function isPlain(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  return t !== undefined && !isStopWord(t.norm) && !/^\d/.test(t.norm) && (k === 0 || !isCapitalised(t));
}

/**
 * The names of a sentence, and the common noun phrases that hold a word of the question's common
 * roles ("police", "safety rules"): runs of lower-case content words (a capital only first), cut at
 * the question's verb ("Police | arrested | protesters").
 */
function fillersOf(index: MatcherIndex, tokens: readonly Token[], roleStems: ReadonlySet<string>, verbs: ReadonlySet<string>): Filler[] {
  const out: Filler[] = [];
  const plain = (k: number): boolean => isPlain(tokens, k) && !verbs.has((tokens[k] as Token).stem) && !index.aliases.has((tokens[k] as Token).norm);
  for (let i = 0; i < tokens.length; ) {
    if (roleStems.size > 0 && plain(i)) {
      let end = i;
      while (plain(end)) end++;
      const stems = tokens.slice(i, end).map((x) => x.stem);
      if (stems.some((x) => roleStems.has(x))) {
        out.push({ stems, start: i, end, common: true });
        i = end;
        continue;
      }
    }
    const t = tokens[i] as Token;
    let best: { concept: string; length: number } | undefined;
    for (const alias of index.aliases.get(t.norm) ?? []) {
      if (alias.norms.length <= (best?.length ?? 0) || alias.norms.some((n, k) => tokens[i + k]?.norm !== n)) continue;
      if (alias.capitals && !/^\p{Lu}+$/u.test(t.raw.replace(/\./g, ''))) continue;
      best = { concept: alias.concept, length: alias.norms.length };
    }
    if (best) {
      out.push({ concept: best.concept, stems: tokens.slice(i, i + best.length).map((x) => x.stem), start: i, end: i + best.length });
      i += best.length;
      continue;
    }
    if (isCapitalised(t) && !isStopWord(t.norm) && i > 0) out.push({ stems: [t.stem], start: i, end: i + 1 });
    i++;
  }
  return out;
}

/**
 * Whether a sentence's filler is the question's party: the same entity; for two common noun phrases,
 * one's words all in the other and the question's head noun (its last word) among the sentence's
 * ("the union" and "the dockworkers' union", not "the ferry" for "the ferry operator", nor "rebel
 * troops" for "government troops"); for a name of several words that is no entity, the same words; otherwise a word
 * in common.
 */
function same(q: RoleFiller, f: Filler): boolean {
  if (q.concept !== undefined && f.concept !== undefined) return q.concept === f.concept;
  if (q.common === true && f.common === true) return f.stems.includes(q.stems.at(-1) as string) && (q.stems.every((x) => f.stems.includes(x)) || f.stems.every((x) => q.stems.includes(x)));
  // A name of several words the article never names ("the Bank of Scotland") is the party only if written
  // the same: "the Royal Bank of Scotland" and "the European Central Bank" share a word but are others.
  if (q.concept === undefined && q.common !== true && q.stems.length > 1) return q.stems.every((x) => f.stems.includes(x)) && f.stems.every((x) => q.stems.includes(x));
  return q.stems.some((x) => f.stems.includes(x));
}

/** Whether a sentence's filler is another party than the question's: a name for a common noun ("the company" for "Osterhaven Lines") may be the same one. */
function other(q: RoleFiller, f: Filler): boolean {
  return !same(q, f) && (q.common === true) === (f.common === true);
}

/** Stems a verb stands opposed to: the antonyms of it and of its related and broader words ("cut" → "increase"). */
function opposites(stems: readonly string[], words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) {
    const rel = relationsOfForm(w);
    for (const a of rel.antonym) out.add(a);
    for (const r of rel.nearWords) for (const a of relationsOf(r).antonym) out.add(a);
  }
  for (const s of stems) out.delete(s);
  return out;
}

/** A sentence's word and everything it is or is a kind of ("raised" → raise, rise, increase). */
function sensesOf(t: Token): Set<string> {
  const rel = relationsOfForm(t.norm);
  return new Set([t.stem, ...rel.synonym, ...rel.hypernym, ...rel.derivation]);
}

/**
 * Whether a sentence bears out a question's predicate (`support`: same doer, verb and receiver)
 * or speaks against it (`conflict`: roles swapped, another doer or receiver, or the opposite verb
 * with the same names). Neither when it does not hold the verb and the names together.
 */
export function predicateConflict(index: MatcherIndex, s: IndexedSentence, words: SentenceWords, predicate: Predicate, questionWords: readonly string[] = [], objects: readonly (readonly string[])[] = []): PredicateVerdict {
  const tokens = words();
  const text = s.sentence.text;
  const roleStems = new Set([predicate.agent, predicate.patient, predicate.recipient].flatMap((r) => (r?.common ? r.stems : [])));
  const verbs = new Set(predicate.verb);
  const fillers = fillersOf(index, tokens, roleStems, verbs);
  /** A filler right after "to", "against"… (or "to the"): it receives. */
  const received = (f: Filler): boolean => RECIPIENT_PREPOSITIONS.has(tokens[f.start - 1]?.norm ?? '') || (tokens[f.start - 1]?.norm === 'the' && RECIPIENT_PREPOSITIONS.has(tokens[f.start - 2]?.norm ?? ''));
  // A clause ends at punctuation, a conjunction that opens another, a relative or "that" ("Witnesses told the BBC that
  // soldiers shot …": the BBC is not the doer of "shot"), or a verb that reports ("Kenya's army said fighters attacked").
  const breakBetween = (a: number, b: number): boolean => CLAUSE_BREAK.test(text.slice((tokens[a] as Token).end, (tokens[b] as Token).start)) || tokens.slice(a + 1, b).some((t) => /^(?:while|whereas|but|although|that|who|whom|whose|which|whether|because|if|when)$/.test(t.norm) || REPORTING_FORMS.has(t.norm));
  const roleAt = (v: number): { agent?: Filler; patient?: Filler; recipient?: Filler; hedged: boolean; toCome: boolean } => {
    let a = v - 1;
    // What the words skipped between the doer and the verb make of it: possible ("could", "may", "allegedly") or to come ("will").
    let hedged = false;
    let future = false;
    const skip = (): void => {
      while (a >= 0 && (SKIP_BEFORE_VERB.has((tokens[a] as Token).norm) || /ly$/.test((tokens[a] as Token).norm))) {
        const w = (tokens[a] as Token).norm;
        // ("said the hospital would file": "would" after a verb that reports is what was to come, not a condition.)
        if (w === 'would' && tokens.slice(0, a).some((t) => REPORTING_FORMS.has(t.norm))) future = true;
        else if (HEDGES.test(w)) hedged = true;
        if (w === 'will' || w === 'shall') future = true;
        a--;
      }
    };
    skip();
    // A time between the doer and its verb ("A court on Monday found …", "Police last week arrested …").
    if (a >= 1 && isTimeWord(tokens[a] as Token) && TIME_OPENERS.has((tokens[a - 1] as Token).norm)) {
      a -= 2;
      skip();
    }
    // "is going to", "was about to" between the doer and its verb (which then is no participle: "is about to cut").
    const goingTo = a >= 1 && marksFuture(tokens, a - 1);
    const toCome = goingTo || future;
    if (goingTo) {
      a -= 2;
      skip();
    }
    // (A participle: regular, or an irregular form, "found", "held", "sold".)
    const passive = !goingTo && a < v - 1 && tokens.slice(a + 1, v).some((t) => BE.has(t.norm)) && (/(?:ed|en|wn|nt|ght)$/.test((tokens[v] as Token).norm) || IRREGULAR_VERBS.has((tokens[v] as Token).norm));
    const after = fillers.filter((f) => f.start > v && !breakBetween(v, f.start));
    // A common noun does it only right before the verb ("police arrested"), not from further back ("computer hacking and does not support").
    // (Not a name inside a relative clause before the verb: "The man who shot the mayor was arrested" is not the mayor's arrest.)
    const inRelative = (f: Filler): boolean => {
      for (let j = f.start - 1; j >= 0 && !CLAUSE_BREAK.test(text.slice((tokens[j] as Token).end, (tokens[j + 1] as Token).start)); j--) if (/^(?:who|whom|which)$/.test((tokens[j] as Token).norm)) return j > 0;
      return false;
    };
    const before = fillers.filter((f) => f.end - 1 <= a && !breakBetween(f.end - 1, v) && (!f.common || f.end - 1 === a) && !inRelative(f));
    const byFiller = passive ? after.find((f) => tokens[f.start - 1]?.norm === 'by' || (tokens[f.start - 1]?.norm === 'the' && tokens[f.start - 2]?.norm === 'by')) : undefined;
    let agent = passive ? byFiller : before[before.length - 1];
    // "blames the company for starting the blaze", "accused the police of killing": the one blamed does the "-ing" (as reported).
    // ("the company" for the question's "Corran Paper Company": "the" and the last word of its name.)
    const q = predicate.agent;
    const blamedNoun = v >= 3 && tokens[v - 3]?.norm === 'the' && q !== undefined && q.stems.at(-1) === tokens[v - 2]?.stem ? { ...q, start: v - 2, end: v - 1 } : undefined;
    const blamed = /ing$/.test((tokens[v] as Token).norm) && /^(?:for|of)$/.test(tokens[v - 1]?.norm ?? '') ? (fillers.find((f) => f.end === v - 1) ?? blamedNoun) : undefined;
    if (blamed) agent = blamed;
    // When a question's role is a common noun, so may the sentence's doer be: the plain words right before the verb itself, not a synonym ("the transport ministry praised").
    if (!passive && roleStems.size > 0 && agent === undefined && (tokens[v] as Token).stem === predicate.verb[0] && a >= 0 && isPlain(tokens, a) && !index.aliases.has((tokens[a] as Token).norm) && !breakBetween(a, v)) {
      let start = a;
      // (Not back over a verb that reports or a name: "Kenya's army said fighters attacked" is the fighters'.)
      while (start > 0 && isPlain(tokens, start - 1) && !REPORTING_FORMS.has((tokens[start - 1] as Token).norm) && !index.aliases.has((tokens[start - 1] as Token).norm.replace(/['’]s$/, '')) && !breakBetween(start - 1, start) && a - start < 3) start--;
      agent = { stems: tokens.slice(start, a + 1).map((x) => x.stem), start, end: a + 1, common: true };
    }
    let patient = passive ? before[before.length - 1] : after.find((f) => f.start - v <= 4 && !received(f));
    // "found former Lembara County governor Joseph Kiptanui guilty": names joined by a title (a word
    // or two for a person, `chained`) are one phrase, and its last name is the one it is about.
    for (let next = patient && !passive ? chained(patient, after) : undefined; next; next = chained(next, after)) patient = next;
    const recipient = after.find((f) => f !== byFiller && f !== patient && received(f));
    // "urged Israel to halt", "offered to buy", "is expected to cut": an infinitive says what is wanted, not what was done; so
    // does "-ing" after a preposition ("stopped short of blaming", "ruled out raising").
    const infinitive = !goingTo && tokens[v - 1]?.norm === 'to';
    const gerund = !blamed && /ing$/.test((tokens[v] as Token).norm) && /^(?:of|out|from|without|against|about|before|after|on|by)$/.test(tokens[v - 1]?.norm ?? '');
    return { ...(agent ? { agent } : {}), ...(patient ? { patient } : {}), ...(recipient ? { recipient } : {}), hedged: hedged || infinitive || gerund, toCome };
  };
  /**
   * The filler that continues a name's phrase: right after it, or after one or two words for a person
   * (a title: "Lembara County governor Joseph Kiptanui"), with no break; never across a preposition or
   * an adverb ("Mwangi after Odinga's speech") nor onto a day or month ("Kamau Monday").
   */
  const chained = (f: Filler, among: readonly Filler[]): Filler | undefined =>
    among.find((g) => g.start >= f.end && g.start - f.end <= 2 && !g.common && !f.common && !isTimeWord(tokens[g.start] as Token) && tokens.slice(f.end, g.start).every((t, k) => isPlain(tokens, f.end + k) && !verbs.has(t.stem) && (TITLE_WORDS.has(t.norm) || isPersonNoun(t.norm))) && !breakBetween(f.end - 1, g.start));
  const judge = (roles: { agent?: Filler; patient?: Filler; recipient?: Filler }): { conflict: boolean; support: boolean; swapped: boolean } => {
    const q = predicate;
    const receivers = [roles.patient, roles.recipient].filter((f): f is Filler => f !== undefined);
    const swapped = (q.agent !== undefined && receivers.some((f) => same(q.agent as RoleFiller, f))) || (roles.agent !== undefined && [q.patient, q.recipient].some((r) => r !== undefined && same(r, roles.agent as Filler)));
    const otherAgent = q.agent !== undefined && roles.agent !== undefined && other(q.agent, roles.agent);
    const otherRecipient = q.recipient !== undefined && roles.recipient !== undefined && other(q.recipient, roles.recipient);
    const otherPatient = q.patient !== undefined && roles.patient !== undefined && other(q.patient, roles.patient) && !(roles.recipient && same(q.patient, roles.recipient));
    const conflict = swapped || otherAgent || otherRecipient || otherPatient;
    // A common noun in the question may be named in the sentence ("the company" for "Osterhaven
    // Lines"): that neither bears the question out nor speaks against it (`other`).
    const agentOk = q.agent === undefined || (roles.agent !== undefined && same(q.agent, roles.agent));
    const receiverOk = [q.patient, q.recipient].every((r) => r === undefined || receivers.some((f) => same(r, f)));
    return { conflict, support: !conflict && agentOk && receiverOk, swapped };
  };
  /** The question's other words ("ballistic missiles") must stand in the verb's own clause for it to bear the question out. */
  const clauseHolds = (v: number): boolean => {
    let a = v;
    while (a > 0 && !breakBetween(a - 1, a)) a--;
    let b = v;
    while (b + 1 < tokens.length && !breakBetween(b, b + 1)) b++;
    const stems = new Set(tokens.slice(a, b + 1).map((t) => t.stem));
    // A word the sentence holds elsewhere belongs to another clause; one it does not hold at all is the model's to weigh.
    // The verb after "to" is not: "agreed to raise output" does not bear out "agree to cut".
    return objects.every((forms) => forms.some((f) => stems.has(f)) || !forms.some((f) => s.stems.has(f))) && (predicate.complement === undefined || predicate.complement.some((f) => stems.has(f)));
  };
  let conflict = false;
  let support = false;
  let contradicts = false;
  const positions = tokens.flatMap((t, k) => (verbs.has(t.stem) ? [k] : []));
  for (const v of positions) {
    const at = roleVerbAt(tokens, v);
    // After "a", "an" or "the" the word is a noun ("Kenya took a loan from China"): its doer is not the name before it, unless a light verb has it.
    if (at === v && v >= 1 && /^(?:a|an|the)$/.test((tokens[v - 1] as Token).norm)) continue;
    const roles = roleAt(at);
    const verdict = judge(roles);
    // "Kenya is going to sue Uganda", "Kenya will sue" say what is to come: they bear out "Is Kenya going to sue …?", not
    // "Did Kenya sue …?"; "could", "may", "urged … to" bear out nothing.
    if (verdict.support && clauseHolds(v) && !roles.hedged && (!roles.toCome || predicate.future === true)) support = true;
    if (verdict.conflict) conflict = true;
    if (verdict.swapped) contradicts = true;
  }
  // The opposite verb with the question's names in its roles: "raised rates" for "cut rates".
  if (positions.length === 0 && questionWords.length > 0) {
    const against = opposites(predicate.verb, questionWords);
    tokens.forEach((t, k) => {
      if (isStopWord(t.norm) || isCapitalised(t)) return;
      for (const sense of sensesOf(t)) {
        if (!against.has(sense)) continue;
        const roles = roleAt(k);
        const q = predicate;
        const agentOk = q.agent === undefined || roles.agent === undefined || same(q.agent, roles.agent);
        if (agentOk) {
          conflict = true;
          contradicts = true;
        }
        return;
      }
    });
  }
  return { conflict: conflict && !support, support, contradicts: contradicts && !support };
}
