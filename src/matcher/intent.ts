import type { AnswerType, UnknownAspect } from '../knowledge/schema.ts';
import { stemWord } from '../nlp/text.ts';
import { REPORTING_FORMS } from '../nlp/word-lists.ts';

/** Every form of every reporting verb, as a regular-expression alternation ("say|says|said|…"). */
export const REPORTING_ALTERNATION = [...REPORTING_FORMS.keys()].sort((a, b) => b.length - a.length).join('|');

/** What a question asks for. */
export type Intent = 'help' | 'summary' | 'topics' | 'stance' | 'confirm' | 'who' | 'when' | 'where' | 'how-many' | 'why' | 'what';

/** The answer types that satisfy an intent, and the unknown-aspect that answers it too. */
export interface IntentTarget {
  types: readonly AnswerType[];
  unknown: UnknownAspect;
}

/** Answer evidence each typed intent needs; intents missing here accept any sentence. */
export const INTENT_TARGETS: Partial<Record<Intent, IntentTarget>> = {
  who: { types: ['person', 'organization', 'country'], unknown: 'identity' },
  when: { types: ['date'], unknown: 'time' },
  where: { types: ['place', 'country'], unknown: 'place' },
  'how-many': { types: ['quantity'], unknown: 'quantity' },
  why: { types: ['reason'], unknown: 'reason' },
};

const RULES: readonly [Intent, RegExp][] = [
  ['help', /^(?:(?:help|usage|commands)(?:\s+(?:me|please))?|\?+|how (?:do|can) i use (?:you|this|the bot)|what can (?:you|i) (?:do|ask)(?: you)?|(?:hi|hello|hey|howdy|thanks|thank you|good (?:morning|afternoon|evening))(?:\s+\S+)?)$/],
  ['topics', /^(?:topics|list (?:the )?topics|what topics\b.*|which topics\b.*)$/],
  [
    'summary',
    /^(?:briefing|brief me|summar(?:y|ise|ize)|tl;?dr|overview|catch me up|give me (?:a|the) (?:rundown|summary|briefing|overview)|what(?:'s| is) (?:this|the (?:article|story|news)) about|what happened\??$|what is going on\??$)/,
  ],
  ['stance', new RegExp(`\\bwhat (?:did|does|do|has|have|had) .+ (?:${REPORTING_ALTERNATION})\\b|^what(?:'s| is| was| are| were) (?:the )?(?:official )?(?:position|stance|view|response|reaction|take) of\\b|^what(?:'s| is| was) .+['’]s? (?:take|view|position|reaction|response)\\b|\\bhow did .+ (?:respond|react)\\b`)],
  ['how-many', /\bhow (?:many|much|large|big|far|long|old|tall|high|wide|deep|heavy|often)\b|\b(?:what|which) (?:number|amount|percentage|proportion|quantity|size|share|total|age)\b|^what (?:is|are|was|were) the (?:(?:total|exact|overall|average) )?(?:number|amount|percentage|proportion|share) of\b|,? in (?:degrees|(?:kilo|centi|milli)?met(?:re|er)s|miles|feet|percent|dollars|euros|pounds|tons|tonnes)\b[\w\s]*$/],
  ['when', /^(?:when|since when|until when|how long ago)\b|\b(?:what|which|in what) (?:year|date|day|month|time|century|decade|period|era)\b|^(?:in )?what (?:is|was|were|are) the (?:(?:first|last|earliest|latest|exact) )?(?:year|date|day|month|century|decade)\b/],
  ['where', /^(?:where|from where)\b|\b(?:what|which|in what|in which) (?:country|countries|city|cities|region|place|area|location|continent|state|province|town)\b/],
  ['who', /^(?:who|whom|whose)\b|\b(?:which|what) (?:person|people|group|organi[sz]ation|company|leader|official|man|woman|king|queen|ruler|president|team|agency|body|party|nation|tribe)\b/],
  ['why', /^why\b|\bfor what (?:reason|purpose)\b|\bwhat (?:is|was|were|are) the (?:reason|cause|purpose|motive)s?\b|\bwhat caused\b/],
  ['confirm', /^(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could|should|shall|may|might|isn't|aren't|wasn't|didn't|doesn't|hasn't|haven't)\b/],
];

/** Detects a question's intent from its plain, lower-cased text; `what` when nothing else fits. */
export function detectIntent(plainLower: string): Intent {
  const text = plainLower.trim().replace(/[?!.]+$/, '').trim();
  for (const [intent, re] of RULES) if (re.test(text)) return intent;
  return 'what';
}

/**
 * Stems of words that only say what kind of answer an intent wants ("year" in a when-question,
 * "many" in a how-many question); they are not key terms a sentence must contain. Only the
 * question's own intent drops them: "region" is a key term of "What is France a region of?".
 */
const INTENT_WORDS: Partial<Record<Intent, string>> = {
  when: 'when year date day month time century decade period era',
  where: 'where country countries city cities region place location continent state province town area',
  who: 'who whom whose person people group organization organisation company leader official man woman team agency body party nation',
  'how-many': 'how many much number amount percentage proportion quantity size share total age large big far long old tall high wide deep heavy often',
  why: 'why reason cause purpose motive',
};
const ALWAYS = 'what which how did does do happen';

/** The intent words a question of `intent` may drop, as stems. */
export function intentStems(intent: Intent): ReadonlySet<string> {
  let set = intentStemCache.get(intent);
  if (!set) {
    set = new Set(`${ALWAYS} ${INTENT_WORDS[intent] ?? ''}`.split(/\s+/).filter(Boolean).map(stemWord));
    intentStemCache.set(intent, set);
  }
  return set;
}
const intentStemCache = new Map<Intent, ReadonlySet<string>>();
