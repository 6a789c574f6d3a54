/**
 * General English word lists the build and the matcher share. Nothing here is about one
 * article: these are words of news English at large. Keep lists sorted by meaning, not alphabet.
 */

/** Function words ignored when matching. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a an the and or but if then else of to in on at by for with from into onto upon about above below over under
  as than that this these those there here which who whom whose what when where why how whether
  is are was were be been being am do does did doing done has have had having
  can could shall should will would may might must ought
  i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
  one ones some any all each every either neither both such same other another own
  so too very just only also even still yet again ever
  not no nor
  s t d ll m re ve
  up down out off through during while until against between among within without across along around
  per via etc`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Words that frame a question rather than carry its content ("What does the article say
 * about …"). They are dropped from a question's key terms.
 */
export const QUESTION_FRAME_WORDS: ReadonlySet<string> = new Set(
  `say says said tell told mention mentioned mentions report reported reports article story piece text
  describe described explain explained know known happen happened happening please thing things
  kind kinds type types sort sorts name names named called much many`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Groups of words that mean nearly the same in news writing. A question word matches a
 * sentence word of the same group, at a discount. Stems are computed from these at load.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['missile', 'rocket', 'projectile'],
  ['send', 'sent', 'transfer', 'deliver', 'delivery', 'supply', 'provide', 'provision', 'ship', 'shipment', 'export'],
  ['deny', 'denial', 'reject', 'refute', 'dismiss'],
  ['warn', 'warning', 'caution'],
  ['confirm', 'confirmation', 'verify', 'acknowledge'],
  ['believe', 'belief', 'think', 'suspect', 'assess', 'assessment'],
  ['war', 'conflict', 'fighting', 'hostilities'],
  ['attack', 'strike', 'assault', 'raid'],
  ['weapon', 'arms', 'armament', 'munition'],
  ['help', 'support', 'assist', 'assistance', 'aid', 'backing'],
  ['meet', 'meeting', 'talks', 'summit'],
  ['kill', 'killed', 'death', 'dead', 'die', 'died', 'casualty', 'fatality'],
  ['capture', 'seize', 'seizure'],
  ['agreement', 'deal', 'pact', 'treaty', 'accord'],
  ['ally', 'allies', 'partner', 'alliance'],
  ['accuse', 'accusation', 'allege', 'allegation'],
  ['buy', 'purchase', 'acquire', 'acquisition'],
  ['begin', 'start', 'launch', 'commence', 'beginning'],
  ['end', 'finish', 'conclude', 'cease', 'halt'],
  ['increase', 'rise', 'grow', 'growth', 'escalate', 'escalation'],
  ['decrease', 'reduce', 'reduction', 'decline', 'drop', 'fall'],
  ['build', 'construct', 'construction', 'establish', 'create', 'set'],
  ['make', 'produce', 'production', 'manufacture', 'manufacturing'],
  ['show', 'display', 'showcase', 'demonstrate', 'exhibit'],
  ['discuss', 'discussion', 'talk', 'debate'],
  ['announce', 'announcement', 'declare', 'declaration', 'state', 'statement'],
  ['use', 'employ', 'utilize', 'usage'],
  ['fund', 'funding', 'finance', 'money'],
  ['soldier', 'troop', 'troops', 'forces'],
  ['leader', 'head', 'chief'],
  ['city', 'town'],
  ['big', 'large', 'huge', 'major'],
  ['small', 'little', 'minor'],
  ['country', 'nation'],
  ['origin', 'originate', 'come', 'descend', 'descended'],
  ['invent', 'invention', 'devise', 'develop', 'development'],
  ['name', 'call', 'label', 'title'],
  ['area', 'territory', 'region', 'land'],
];

/**
 * Word pairs that contradict each other. A question word whose opposite stands in the
 * sentence, while the word itself does not, is evidence the sentence does not answer it.
 */
export const ANTONYM_PAIRS: readonly (readonly [string, string])[] = [
  ['most', 'least'],
  ['more', 'less'],
  ['more', 'fewer'],
  ['before', 'after'],
  ['first', 'last'],
  ['earliest', 'latest'],
  ['largest', 'smallest'],
  ['biggest', 'smallest'],
  ['highest', 'lowest'],
  ['longest', 'shortest'],
  ['oldest', 'youngest'],
  ['older', 'younger'],
  ['increase', 'decrease'],
  ['rise', 'fall'],
  ['north', 'south'],
  ['east', 'west'],
  ['northern', 'southern'],
  ['eastern', 'western'],
  ['begin', 'end'],
  ['start', 'end'],
  ['win', 'lose'],
  ['won', 'lost'],
  ['accept', 'reject'],
  ['allow', 'forbid'],
  ['allow', 'ban'],
  ['major', 'minor'],
  ['maximum', 'minimum'],
  ['above', 'below'],
  ['inside', 'outside'],
  ['upper', 'lower'],
  ['early', 'late'],
  ['modern', 'ancient'],
  ['private', 'public'],
  ['domestic', 'foreign'],
  ['import', 'export'],
  ['internal', 'external'],
];

/**
 * Unit symbols written after a figure, with the words they stand for: "565 °C" says
 * "degrees Celsius", "40 km" says "kilometres". `°` marks the temperature scales.
 */
export const UNIT_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['°c', 'degrees Celsius'],
  ['°f', 'degrees Fahrenheit'],
  ['km', 'kilometres'],
  ['cm', 'centimetres'],
  ['mm', 'millimetres'],
  ['mi', 'miles'],
  ['ft', 'feet foot'],
  ['kg', 'kilograms'],
  ['lb', 'pounds'],
  ['lbs', 'pounds'],
  ['mph', 'miles per hour'],
  ['kmh', 'kilometres per hour'],
  ['kw', 'kilowatts'],
  ['mw', 'megawatts'],
  ['ha', 'hectares'],
]);

/** Prepositions that can end a question ("What is France a region of?"). */
export const PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'to', 'from', 'for', 'with', 'by', 'in', 'on', 'at', 'into', 'about', 'against', 'under', 'over', 'as']);

/** Words that negate the clause they stand in. */
export const NEGATION_WORDS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'nor', 'neither', 'none', 'without', "n't", 'cannot']);

/** Words that make a title or role when they stand before a person's name. */
export const TITLE_WORDS: ReadonlySet<string> = new Set(
  `president vice prime minister secretary director spokesman spokeswoman spokesperson chief chairman chairwoman chair
  ambassador general admiral senator governor mayor king queen prince princess pope chancellor commander officer
  official adviser advisor envoy leader head ceo founder judge justice representative deputy foreign defense defence
  national security lieutenant colonel captain sergeant attorney executive sheikh emperor duke lord bishop cardinal
  archbishop rabbi imam coach manager analyst correspondent professor dr mr mrs ms sir dame sen rep gov gen
  spokesman`
    .split(/\s+/)
    .filter(Boolean),
);

/** Reporting verbs (by stem) and the stance they give a claim. */
export const REPORTING_VERBS: ReadonlyMap<string, 'says' | 'believes' | 'alleges' | 'denies' | 'warns' | 'confirms'> = new Map([
  ['say', 'says'],
  ['said', 'says'],
  ['state', 'says'],
  ['inform', 'says'],
  ['told', 'says'],
  ['tell', 'says'],
  ['announc', 'says'],
  ['reiter', 'says'],
  ['emphas', 'says'],
  ['stress', 'says'],
  ['highlight', 'says'],
  ['note', 'says'],
  ['urg', 'says'],
  ['label', 'says'],
  ['assert', 'says'],
  ['insist', 'says'],
  ['argu', 'says'],
  ['ad', 'says'],
  ['report', 'says'],
  ['advoc', 'says'],
  ['call', 'says'],
  ['describ', 'says'],
  ['expos', 'says'],
  ['believ', 'believes'],
  ['think', 'believes'],
  ['suspect', 'believes'],
  ['assess', 'believes'],
  ['conclud', 'believes'],
  ['alleg', 'alleges'],
  ['accus', 'alleges'],
  ['claim', 'alleges'],
  ['deni', 'denies'],
  ['reject', 'denies'],
  ['refut', 'denies'],
  ['dismiss', 'denies'],
  ['warn', 'warns'],
  ['caution', 'warns'],
  ['confirm', 'confirms'],
  ['acknowledg', 'confirms'],
  ['verifi', 'confirms'],
]);

/** Phrases that say something is not known or not disclosed. */
export const UNKNOWN_CUE_RE =
  /\b(?:undisclosed|unknown|unclear|unconfirmed|unspecified|not (?:been |yet )?(?:disclosed|known|revealed|specified|made public|released|clear)|did not (?:say|specify|disclose|reveal)|declined to (?:say|specify|disclose|comment|reveal)|(?:remains?|remained) (?:a )?(?:secret|mystery))\b/i;

/** Nouns naming what a sentence says is unknown, by aspect. */
export const UNKNOWN_ASPECT_WORDS: Readonly<Record<'quantity' | 'time' | 'place' | 'identity' | 'reason', readonly string[]>> = {
  quantity: ['quantity', 'quantities', 'number', 'numbers', 'amount', 'amounts', 'cost', 'costs', 'price', 'value', 'toll', 'size', 'scale', 'scope', 'figure', 'figures', 'count', 'total', 'extent', 'how many', 'how much'],
  time: ['timing', 'date', 'dates', 'when', 'time', 'schedule', 'period', 'duration', 'timeline'],
  place: ['location', 'locations', 'where', 'whereabouts', 'site', 'sites', 'destination'],
  identity: ['identity', 'identities', 'who', 'names', 'source', 'sources'],
  reason: ['reason', 'reasons', 'motive', 'motives', 'why', 'cause', 'purpose'],
};

/** Month and weekday names, full and abbreviated. */
export const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.';
const WEEKDAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';

/** A month or weekday name ("January", "Monday"): capitalised, but a time, not a place or person. */
export const CALENDAR_WORD_RE = new RegExp(`^(?:${MONTHS}|${WEEKDAYS})$`);

/** Date and time expressions: months, weekdays, years, decades, centuries, relative days. */
export const DATE_RE = new RegExp(
  [
    `\\b(?:${MONTHS})(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?(?:,?\\s+\\d{4})?`,
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})(?:,?\\s+\\d{4})?`,
    `\\b(?:${WEEKDAYS})\\b`,
    `\\b\\d{4}s\\b`,
    `\\b(?:1[0-9]|20)\\d{2}\\b(?!\\s*(?:%|percent|people|kilomet|miles|metres|meters|km|square))`,
    `\\b\\d{1,2}(?:st|nd|rd|th)(?:\\s+(?:and|or|to)\\s+\\d{1,2}(?:st|nd|rd|th))?\\s+centur(?:y|ies)\\b`,
    `\\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)(?:\\s+(?:and|or|to)\\s+\\w+)?\\s+centur(?:y|ies)\\b`,
    `\\b(?:yesterday|today|tomorrow|tonight|overnight)\\b`,
    `\\b(?:last|next|this|earlier this|later this)\\s+(?:week|month|year|spring|summer|autumn|fall|winter|weekend|decade|century)\\b`,
    `\\b(?:\\d+|a|one|two|three|several|few)\\s+(?:days?|weeks?|months?|years?|decades?|centuries)\\s+(?:ago|earlier|later)\\b`,
    `\\b\\d{1,2}(?::\\d{2})?\\s*(?:a\\.m\\.|p\\.m\\.|am|pm)\\b`,
    `\\b(?:BC|BCE|AD|CE)\\b`,
    `\\b(?:spring|summer|autumn|winter) of \\d{4}\\b`,
    `\\b(?:in|during|by|since|until|this|last|next) (?:the )?(?:spring|summer|autumn|winter)\\b`,
  ].join('|'),
  'g',
);

/** Spelled-out numbers. */
export const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|billions|trillion|dozen|dozens';

/** Cues that a sentence gives a cause or purpose. */
export const REASON_RE = /\b(?:because|due to|owing to|as a result|in order to|so that|since|thanks to|caused by|reason|aimed at|for use in|to (?:target|protect|prevent|avoid|support|help|counter|ensure|secure|gain|strike))\b/i;

/**
 * Words that grade or hedge rather than name ("main", "typical", "largely"): a sentence may
 * answer without them, so they weigh less. Adverbs in -ly are recognised by form as well.
 */
export const MODIFIER_WORDS: ReadonlySet<string> = new Set(
  `main primary principal major chief key typical typically usual usually general generally common commonly often
  mostly mainly largely primarily particularly especially very quite rather really actually basically essentially
  certain certainly approximately roughly nearly almost about around likely probably possibly perhaps various
  several many much more most some specific particular notable important significant
  two three four five six seven eight nine ten`
    .split(/\s+/)
    .filter(Boolean),
);

/** Ordinals and superlatives without the -est ending: each picks one of many. */
export const SELECTIVE_WORDS: ReadonlySet<string> = new Set(['first', 'last', 'only', 'sole', 'best', 'worst', 'most', 'least']);

/** Words in -est (six letters or more) that are not superlatives. */
export const NOT_SUPERLATIVES: ReadonlySet<string> = new Set(
  `interest forest request protest contest conquest harvest suggest digest arrest invest manifest honest
  modest inquest unrest behest earnest attest detest divest infest ingest molest pretest retest
  priest tempest bequest southwest northwest midwest`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words in -ly that are not adverbs (nouns, verbs, names of months). */
export const NOT_ADVERBS: ReadonlySet<string> = new Set(
  'supply apply reply assembly family italy july anomaly monopoly rally ally belly bully holy only early daily weekly monthly yearly fly lily jelly'.split(' '),
);

/** Prefixes that negate a word ("impossible", "unequal", "nonlinear", "disagree"). */
export const NEGATING_PREFIXES: readonly string[] = ['un', 'in', 'im', 'il', 'ir', 'non', 'dis'];

/**
 * Irregular English verb forms and their base form, which the Porter stemmer cannot join
 * ("began" → "begin", "fought" → "fight"). General English morphology.
 */
export const IRREGULAR_VERBS: ReadonlyMap<string, string> = new Map(
  `arose:arise arisen:arise awoke:awake bore:bear borne:bear beat:beat beaten:beat became:become began:begin begun:begin
  bent:bend bet:bet bit:bite bitten:bite bled:bleed blew:blow blown:blow broke:break broken:break bred:breed
  brought:bring built:build burnt:burn burst:burst bought:buy cast:cast caught:catch chose:choose chosen:choose clung:cling
  came:come cost:cost crept:creep cut:cut dealt:deal dug:dig dove:dive drew:draw drawn:draw dreamt:dream drank:drink
  drunk:drink drove:drive driven:drive ate:eat eaten:eat fell:fall fallen:fall fed:feed felt:feel fought:fight found:find
  fled:flee flung:fling flew:fly flown:fly forbade:forbid forbidden:forbid forgot:forget forgotten:forget forgave:forgive
  forgiven:forgive froze:freeze frozen:freeze got:get gotten:get gave:give given:give went:go gone:go
  grew:grow grown:grow hung:hang heard:hear hid:hide hidden:hide hit:hit held:hold hurt:hurt kept:keep knelt:kneel knew:know
  known:know laid:lay led:lead leapt:leap learnt:learn left:leave lent:lend let:let lit:light lost:lose
  made:make meant:mean met:meet paid:pay proved:prove proven:prove put:put quit:quit read:read rode:ride ridden:ride
  rang:ring rung:ring rose:rise risen:rise ran:run said:say saw:see seen:see sought:seek sold:sell sent:send set:set
  shook:shake shaken:shake shed:shed shone:shine shot:shoot showed:show shown:show shrank:shrink shut:shut sang:sing
  sung:sing sank:sink sunk:sink sat:sit slept:sleep slid:slide slung:sling spoke:speak spoken:speak sped:speed spent:spend
  spun:spin split:split spread:spread sprang:spring sprung:spring stood:stand stole:steal stolen:steal stuck:stick
  stung:sting struck:strike strove:strive striven:strive swore:swear sworn:swear swept:sweep swam:swim swum:swim swung:swing
  took:take taken:take taught:teach tore:tear torn:tear told:tell thought:think threw:throw thrown:throw thrust:thrust
  trod:tread understood:understand undertook:undertake undertaken:undertake upheld:uphold upset:upset woke:wake woken:wake
  wore:wear worn:wear wove:weave woven:weave wept:weep won:win withdrew:withdraw withdrawn:withdraw wrote:write
  written:write overcame:overcome overtook:overtake overtaken:overtake overthrew:overthrow overthrown:overthrow
  foresaw:foresee foreseen:foresee mistook:mistake mistaken:mistake outgrew:outgrow rebuilt:rebuild redid:redo
  retold:retell rewrote:rewrite rewritten:rewrite sewn:sew sown:sow spat:spit strode:stride strewn:strew`
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => pair.split(':') as [string, string]),
);
