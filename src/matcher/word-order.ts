import { BE_FORMS, CALENDAR_WORD_RE, NAME_PARTICLES, PREPOSITIONS } from '../nlp/lexicon.ts';
import { breaksClause, isStopWord, tokenize, type Token } from '../nlp/text.ts';
import type { QueryPlan } from './question.ts';
import type { IndexedSentence } from './search-index.ts';

/*
 * Word order, read without a parser: who does what to whom in a question and in a sentence,
 * so a sentence that holds the question's words in swapped roles is not taken for its answer.
 * Question side: the pairs `analyseQuestion` records. Sentence side: the checks `rankSentences`
 * applies to sentences whose coverage passes the threshold.
 */

/** A sentence's words, tokenized on first use and shared by the checks of that sentence. */
export type SentenceWords = () => readonly Token[];

/** The lazy `SentenceWords` of a text. */
export function wordsOf(text: string): SentenceWords {
  let tokens: Token[] | undefined;
  return () => (tokens ??= tokenize(text));
}

/** Each "X's Y" of the tokens as [stem of X, stem of the next content word]. */
export function possessivesOf(tokens: readonly Token[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!/['’]s$/.test(tokens[i]?.raw ?? '')) continue;
    let j = i + 1;
    while (tokens[j] !== undefined && isStopWord(tokens[j]?.norm ?? '')) j++;
    const owned = tokens[j];
    if (owned) out.push([(tokens[i] as Token).stem, owned.stem]);
  }
  return out;
}

/** Words skipped between a word and the name that fills its slot. */
const SLOT_SKIP: ReadonlySet<string> = new Set(['the', 'a', 'an', 'by']);

/** Index of the first token from `k` on that `SLOT_SKIP` does not skip. */
function skipSlotWords(tokens: readonly Token[], k: number): number {
  let j = k;
  while (tokens[j] !== undefined && SLOT_SKIP.has(tokens[j]?.norm ?? '')) j++;
  return j;
}

/** Each lower-case word of the question (past its first) followed by a capitalised name, as stems. */
export function slotsOf(tokens: readonly Token[]): [string, string][] {
  const out: [string, string][] = [];
  for (let k = 1; k + 1 < tokens.length; k++) {
    const word = tokens[k] as Token;
    const name = tokens[skipSlotWords(tokens, k + 1)];
    if (name && /^\p{Ll}/u.test(word.raw) && !isStopWord(word.norm) && /^\p{Lu}/u.test(name.raw)) out.push([word.stem, name.stem]);
  }
  return out;
}

/** Each capitalised name (past the first word, not a possessive) followed by a lower-case word, as stems. */
export function subjectsOf(tokens: readonly Token[]): [string, string][] {
  const out: [string, string][] = [];
  for (let k = 1; k + 1 < tokens.length; k++) {
    const name = tokens[k] as Token;
    const word = tokens[k + 1] as Token;
    if (/^\p{Lu}/u.test(name.raw) && !isStopWord(name.norm) && !/['’]s$/.test(name.raw) && /^\p{Ll}/u.test(word.raw) && !isStopWord(word.norm)) out.push([name.stem, word.stem]);
  }
  return out;
}

/** Words that may stand between a subject and its verb ("Harvard has since purchased"). */
const BETWEEN_SUBJECT_AND_VERB: ReadonlySet<string> = new Set(['has', 'have', 'had', 'was', 'were', 'is', 'are', 'be', 'been', 'will', 'would', 'did', 'does', 'do', 'also', 'then', 'later', 'first', 'now', 'since']);
/** Adverbs that may stand between an auxiliary and its verb ("were first encouraged"); -ly adverbs too. */
const ADVERBS_BEFORE_VERB: ReadonlySet<string> = new Set(['also', 'then', 'later', 'first', 'now', 'since', 'not', 'never', 'soon', 'still', 'already']);
/** Auxiliaries that make "encouraged" passive ("were encouraged … by the Lombards"). */
const PASSIVE_AUXILIARIES: ReadonlySet<string> = new Set(BE_FORMS);
/** Lower-case words inside a name ("Edward the Confessor", "Robert of Jumièges"). */
const NAME_JOINERS: ReadonlySet<string> = new Set([...NAME_PARTICLES, 'the']);

/** The capitalised name that ends right before token `end` (joiners allowed inside), nearest word first. */
function nameBefore(tokens: readonly Token[], end: number): Token[] {
  const run: Token[] = [];
  for (let j = end; j >= 0; j--) {
    const t = tokens[j] as Token;
    // A capitalised pronoun ("He appointed …") is no name: it may well stand for the asked one.
    const capital = /^\p{Lu}/u.test(t.raw) && !isStopWord(t.norm);
    if (!capital && !(run.length > 0 && NAME_JOINERS.has(t.norm) && /^\p{Lu}/u.test(tokens[j - 1]?.raw ?? ''))) break;
    run.push(t);
  }
  return run;
}

/**
 * Swapped roles, read from word order.
 * - A question ending in a preposition asks for the slot after it: "Who did Ardmore sell the
 *   ferry to?". A sentence whose slot holds one of the question's own words ("sold the ferry to
 *   Ardmore") says the reverse.
 * - A word the question follows with a name ("made Robert … earl") that the sentence follows
 *   with another name ("made Ralph … earl"), and never with that one: someone else was meant.
 * - A name the question puts right before a word ("What has Cambridge purchased") where the
 *   sentence has another name doing it ("Harvard has purchased … from Cambridge", or in the
 *   passive "was purchased by Harvard"), and never that one.
 */
export function rolesSwapped(s: IndexedSentence, plan: QueryPlan, asked: ReadonlySet<string>, words: SentenceWords): boolean {
  const gap = plan.gapAfter !== undefined && s.stems.has(plan.gapAfter) ? plan.gapAfter : undefined;
  const slots = plan.slots.filter(([word, name]) => s.stems.has(word) && s.stems.has(name));
  const subjects = plan.subjects.filter(([name, word]) => s.stems.has(word) && s.stems.has(name));
  if (gap === undefined && slots.length === 0 && subjects.length === 0) return false;
  const tokens = words();
  const anotherName = (name: readonly Token[]): boolean => name.length > 0 && !name.some((t) => asked.has(t.stem));
  for (let i = 0; i + 1 < tokens.length && gap !== undefined; i++) {
    if (tokens[i]?.stem !== gap || !PREPOSITIONS.has(tokens[i + 1]?.norm ?? '')) continue;
    let j = i + 2;
    while (tokens[j] !== undefined && isStopWord(tokens[j]?.norm ?? '')) j++;
    if (asked.has(tokens[j]?.stem ?? '')) return true;
  }
  // The name after each place the word stands; the name doing each place the verb stands.
  const fillers = (word: string): Token[][] => tokens.flatMap((t, i) => (t.stem === word ? [nameAt(tokens, skipSlotWords(tokens, i + 1))] : []));
  const doers = (word: string): Token[][] => tokens.flatMap((t, i) => (t.stem === word ? [doerOf(tokens, s.sentence.text, i)] : []));
  const hasName = (names: readonly Token[][], stem: string): boolean => names.some((n) => n.some((t) => t.stem === stem));
  for (const [word, name] of slots) {
    const after = fillers(word);
    if (!hasName(after, name) && after.some(anotherName)) return true;
  }
  // Another doer, even one the question names elsewhere ("What has Russia transferred to Iran?"
  // against "Iran has transferred … to Russia").
  for (const [name, word] of subjects) {
    const by = doers(word);
    if (!hasName(by, name) && by.some((n) => n.length > 0)) return true;
  }
  return false;
}

/** The capitalised name that starts at token `start`, or nothing. */
function nameAt(tokens: readonly Token[], start: number): Token[] {
  const first = tokens[start];
  return first && /^\p{Lu}/u.test(first.raw) && !isStopWord(first.norm) ? [first] : [];
}

/**
 * Who does what the verb at token `i` says: the name right before it ("Harvard has purchased"),
 * or in the passive the name after "by" ("were first encouraged … by the Lombards"). Nothing
 * when no name stands there or a clause break comes between ("…, fighting").
 */
function doerOf(tokens: readonly Token[], text: string, i: number): Token[] {
  let a = i - 1;
  while (a >= 0 && (ADVERBS_BEFORE_VERB.has(tokens[a]?.norm ?? '') || /ly$/.test(tokens[a]?.norm ?? ''))) a--;
  if (PASSIVE_AUXILIARIES.has(tokens[a]?.norm ?? '')) {
    const by = tokens.findIndex((x, k) => k > i && k <= i + 8 && x.norm === 'by');
    return by > 0 ? nameAt(tokens, skipSlotWords(tokens, by + 1)) : [];
  }
  let j = i - 1;
  while (j >= 0 && BETWEEN_SUBJECT_AND_VERB.has(tokens[j]?.norm ?? '')) j--;
  const before = tokens[j];
  if (!before || breaksClause(text, before, tokens[i] as Token)) return [];
  return nameBefore(tokens, j);
}

/** "Leon's first cabaret" asked, "Warsaw's first cabaret" written (and never Leon's): another owner. */
export function ownerSwapped(s: IndexedSentence, plan: QueryPlan, words: SentenceWords): boolean {
  if (!plan.possessives.some(([, owned]) => s.stems.has(owned)) || !/['’]s\b/.test(s.sentence.text)) return false;
  const own = possessivesOf(words());
  return plan.possessives.some(([x, y]) => own.some(([z, w]) => w === y && z !== x) && !own.some(([z, w]) => z === x && w === y));
}

/** True when the sentence names the noun with "the" or "this" right before it ("In the cycle, …"). */
export function namesDefinitely(words: SentenceWords, stem: string): boolean {
  const tokens = words();
  return tokens.some((t, k) => t.stem === stem && (tokens[k - 1]?.norm === 'the' || tokens[k - 1]?.norm === 'this'));
}

/** Prepositions before a place: "in Warsaw", "near Kursk", "between P and PSPACE". */
const LOCATIVE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'at', 'near', 'between', 'inside', 'outside', 'across', 'within']);

/** True when a capitalised name, not a month or weekday and not `asked`, follows a locative preposition. */
export function placeNamed(words: SentenceWords, asked: ReadonlySet<string>): boolean {
  const tokens = words();
  for (let k = 0; k + 1 < tokens.length; k++) {
    if (!LOCATIVE_PREPOSITIONS.has(tokens[k]?.norm ?? '')) continue;
    const n = tokens[skipSlotWords(tokens, k + 1)];
    if (n && /^\p{Lu}/u.test(n.raw) && !isStopWord(n.norm) && !CALENDAR_WORD_RE.test(n.raw) && !asked.has(n.stem)) return true;
  }
  return false;
}
