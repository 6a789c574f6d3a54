import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.ts';
import { createBriefer } from '../../src/answer/reply.ts';
import { buildKnowledge } from '../../src/knowledge/build.ts';

/*
 * Yes/no questions against sentences written for this test: each true proposition is answered from
 * its sentence, and each swapped-role, opposite-verb or wrong-party one is declined with no citation.
 * The roles are names in some sentences and common nouns ("police", "the union") in others.
 */
const text = `Harbour deal and rate rise

The Central Bank of Veloria raised interest rates by half a point on Tuesday, its third increase this year.

In the final of the regional cup on Saturday, Port Alden beat Kestrel City 3-1 in front of 20,000 fans.

Meanwhile, the Norland Shipping Company sold two container ships to Baltic Freight Lines for 90 million euros.

Police arrested a harbour official on Friday after an audit found missing funds.

The transport ministry praised the port's new safety rules, but the dockworkers' union criticised the longer shifts.`;

const index = createBriefer([buildKnowledge({ id: 'harbour', text })]).index;

describe('yes/no questions on roles', () => {
  it.each([
    ['Did the Central Bank of Veloria raise interest rates?', 'p2.s1'],
    ['Did Port Alden beat Kestrel City?', 'p3.s1'],
    ['Did the Norland Shipping Company sell ships to Baltic Freight Lines?', 'p4.s1'],
    ['Did police arrest a harbour official?', 'p5.s1'],
    ['Did the transport ministry praise the safety rules?', 'p6.s1'],
    ['Did the union criticise the longer shifts?', 'p6.s1'],
  ])('answers %j from its sentence', (q, sentenceId) => {
    const a = answerQuestion(index, q);
    expect(a.answered).toBe(true);
    expect(a.text).toBe('Yes, according to the article.');
    expect(a.citations[0]?.sentenceId).toBe(sentenceId);
  });

  it.each([
    'Did the Central Bank of Veloria cut interest rates?',
    'Did Kestrel City beat Port Alden?',
    'Did Baltic Freight Lines sell ships to the Norland Shipping Company?',
    'Did the harbour official arrest police?',
    'Did the union praise the safety rules?',
    'Did the transport ministry criticise the longer shifts?',
  ])('declines %j with no citation', (q) => {
    expect(answerQuestion(index, q)).toMatchObject({ answered: false, citations: [] });
  });
});

const floods = `River floods force evacuations

Heavy rain flooded the town of Marlow Bridge on Sunday, and rescue teams evacuated 300 residents from the riverside district.

The regional council was criticised by residents for closing the flood barrier too late.

The national weather service has not confirmed that the storm broke rainfall records.

Opposition leader Marco Vell accused the government of cutting flood defence budgets, a claim the environment minister rejected.

Volunteers from the Red Cross handed out blankets, while soldiers built sandbag walls along the high street.

The town's only bridge was closed by engineers after cracks were found.`;

const floodIndex = createBriefer([buildKnowledge({ id: 'floods', text: floods })]).index;

describe('yes/no questions on plural, passive and reported roles', () => {
  it.each([
    ['Did rescue teams evacuate residents?', 'Yes, according to the article.', 'p2.s1'],
    ['Did the Red Cross hand out blankets?', 'Yes, according to the article.', 'p6.s1'],
    ['Did soldiers build sandbag walls?', 'Yes, according to the article.', 'p6.s1'],
    ['Did engineers close the bridge?', 'Yes, according to the article.', 'p7.s1'],
    // Asked about the speech itself, the sentence bears it out as fact.
    ['Did residents criticise the regional council?', 'Yes, according to the article.', 'p3.s1'],
    ['Did Marco Vell accuse the government of cutting budgets?', 'Yes, according to the article.', 'p5.s1'],
    // Asked about what was said, the answer says who says it.
    ['Did the storm break rainfall records?', 'Not confirmed: the national weather service has not confirmed it.', 'p4.s1'],
  ])('answers %j as %j from its sentence', (q, text, sentenceId) => {
    const a = answerQuestion(floodIndex, q);
    expect(a.text).toBe(text);
    expect(a.citations.map((c) => c.sentenceId)).toEqual([sentenceId]);
  });

  it.each([
    'Did residents evacuate rescue teams?',
    'Did the regional council criticise residents?',
    'Did volunteers build sandbag walls?',
    'Did soldiers hand out blankets?',
    'Did the bridge close engineers?',
    'Did the government accuse Marco Vell?',
  ])('declines %j with no citation', (q) => {
    expect(answerQuestion(floodIndex, q)).toMatchObject({ answered: false, citations: [] });
  });
});

describe('yes/no questions on what one party asserts and another denies', () => {
  const fire = createBriefer([
    buildKnowledge({ id: 'fire', text: 'Warehouse fire\n\nInvestigators believe arsonists started the fire at the Dunmore warehouse on Monday.\n\nThe owners have denied that arsonists started the fire.' }),
  ]).index;

  it('names who asserts it and who denies it, citing both, with plural speakers agreeing', () => {
    const a = answerQuestion(fire, 'Did arsonists start the fire?');
    expect(a.text).toBe('Reported, not confirmed: the investigators believe so; the owners deny it.');
    expect(a.citations.map((c) => c.sentenceId).sort()).toEqual(['p2.s1', 'p3.s1']);
  });

  it('declines the wrong doer', () => {
    expect(answerQuestion(fire, 'Did the owners start the fire?')).toMatchObject({ answered: false, citations: [] });
  });
});

describe('yes/no questions with "has", "will" and "is … -ing"', () => {
  const trade = createBriefer([
    buildKnowledge({
      id: 'trade',
      text: 'Trade talks stall\n\nCanada has imposed tariffs on steel imports from Brazil, the trade ministry said on Thursday.\n\nBrazil will appeal the decision at the World Trade Organization, Foreign Minister Lucia Prado said.\n\nSteel exporters are lobbying the government for compensation.',
    }),
  ]).index;

  it.each([
    ['Has Canada imposed tariffs on Brazil?', 'p2.s1'],
    ['Will Brazil appeal the decision?', 'p3.s1'],
    ['Are exporters lobbying the government?', 'p4.s1'],
  ])('answers %j from its sentence', (q, sentenceId) => {
    const a = answerQuestion(trade, q);
    expect(a.text).toBe('Yes, according to the article.');
    expect(a.citations.map((c) => c.sentenceId)).toEqual([sentenceId]);
  });

  it.each(['Has Brazil imposed tariffs on Canada?', 'Will Canada appeal the decision?', 'Is the government lobbying exporters?', 'Has Canada lifted tariffs on steel?'])('declines %j with no citation', (q) => {
    expect(answerQuestion(trade, q)).toMatchObject({ answered: false, citations: [] });
  });
});

describe('yes/no questions whose words a lexicon or a parse could misread', () => {
  const ask = (text: string, q: string) => answerQuestion(createBriefer([buildKnowledge({ id: 'x', text: `Report\n\n${text}` })]).index, q);

  it.each([
    ['Israeli troops left Rafah on Sunday after a two-week operation.', 'Did Israeli troops enter Rafah?'],
    ['Ukrainian drones hit an oil refinery in southern Russia on Friday.', 'Did Ukrainian drones miss the refinery?'],
    ['The Biden administration approved the sale of fighter jets to Turkey.', 'Did the Biden administration block the sale?'],
    ['Iran secretly sent drones to Russia last year, officials said.', 'Did Iran secretly buy drones from Russia?'],
    ['The central bank raised interest rates on Tuesday.', 'Did the government raise interest rates?'],
    ['Osterhaven Lines cut 200 jobs at the port.', 'Did the union cut jobs?'],
    ['The ministry fined the shipping company for the spill.', 'Did the ministry fine the union?'],
    ['Police arrested protesters outside the parliament on Monday.', 'Did police arrest journalists?'],
    ["The new safety rules were praised at Monday's meeting.", 'Did the union praise the safety rules?'],
    ['Government troops recaptured the town of Dara on Sunday.', 'Did rebel troops recapture Dara?'],
    ["The town's only bridge was closed by engineers after cracks were found.", 'Was the bridge closed by police?'],
    // A passive question's subject has it done; a time between the doer and the verb does not hide the doer.
    ['A regional court on Monday found former mayor Dana Holt guilty of bribery.', 'Was the court found guilty?'],
    ['A regional court on Monday found former mayor Dana Holt guilty of bribery.', 'Did Holt find the court guilty?'],
    ['Police last week arrested two protesters outside the ministry.', 'Were police arrested by protesters?'],
    ['Police last week arrested two protesters outside the ministry.', 'Did protesters arrest police?'],
    // The question's party is "the ferry operator", not the ferry.
    ['The ferry operator said on Tuesday that the ferry had been overloaded by its crew.', 'Did the ferry say that the operator overloaded it?'],
    // A title between names makes one phrase about the last name: the province was not found guilty.
    ['A district court on Friday found former Velde Province governor Amos Tarn guilty of fraud.', 'Was Velde Province found guilty?'],
    // "going to" only says when; the appeal is the hospital's ("file an appeal" has the doer of "file").
    ['Lawyers for the family said the hospital would file an appeal within a month.', 'Is the family going to appeal?'],
    // What the warning is about, or what is denied, must be what the sentence says.
    ["The dockworkers' union warned on Monday that longer shifts would cause accidents at the port.", 'Did the union warn about pay cuts?'],
    ['The club denied breaking the rules on Tuesday.', 'Did the club deny paying the players?'],
    // A name is one phrase with the next only across a title, never a preposition or a day (a review's cases).
    ["Police arrested Mwangi after Odinga's speech in Kisumu.", 'Did police arrest Odinga?'],
    ['President Ruto fired Otieno despite Museveni\'s objections.', 'Did Ruto fire Museveni?'],
    ['Israel struck Hezbollah near Beirut on Monday.', 'Did Israel strike Beirut?'],
    // "going to" keeps the roles whatever the lexicon makes of the verb, and what is to come is not done.
    ['Kenya is going to sue Uganda over the border dispute.', 'Is Uganda going to sue Kenya?'],
    ['The European Union is going to fine Google for breaking competition rules.', 'Is Google going to fine the European Union?'],
    ['Kenya is going to sue Uganda over the border dispute.', 'Did Kenya sue Uganda?'],
    // "took a loan from China" is China's loan.
    ['Kenya took a loan from China to build the railway.', 'Did Kenya loan China money?'],
    // A second review's cases. A name before "said", "told … that" or "who" is not the doer of what follows it.
    ['Witnesses told the BBC that soldiers shot at protesters.', 'Did the BBC shoot at protesters?'],
    ['The man who shot the mayor was arrested on Sunday.', 'Was the mayor arrested?'],
    ["Kenya's army said fighters attacked the base.", 'Did Kenya attack the base?'],
    // What could, may or would be, what someone is urged or expected to do, and what "is expected to" is not done.
    ['The strike could shut down the port for weeks, the union warned.', 'Did the strike shut down the port?'],
    ['The government may delay the election, officials said.', 'Will the government delay the election?'],
    ['The United States urged Israel to halt the offensive in Gaza.', 'Did Israel halt the offensive?'],
    ['The Federal Reserve is expected to cut rates in September.', 'Did the Federal Reserve cut rates?'],
    // The verb after "agree to" must be the sentence's.
    ['Opec+ agreed to raise oil output by 400,000 barrels a day from August.', 'Did Opec+ agree to cut oil output?'],
    // A passive with an irregular participle ("found"): the title's county was not found guilty.
    ['Former Lembara County governor Joseph Kiptanui was found guilty of fraud.', 'Was Lembara County found guilty?'],
    ["A spokeswoman for Velora's border service denied that truck drivers had been asked for bribes.", "Did Velora's border service deny taking money from smugglers?"],
  ])('%j: declines %j', (text, q) => {
    expect(ask(text, q)).toMatchObject({ answered: false, citations: [] });
  });

  it.each([
    ["The town's only bridge was closed by engineers after cracks were found.", 'Was the bridge closed by engineers?', 'Yes, according to the article.'],
    ['Police arrested a harbour official on Friday after an audit.', 'Was a harbour official arrested by police?', 'Yes, according to the article.'],
    ['A regional court on Monday found former mayor Dana Holt guilty of bribery.', 'Was Holt found guilty?', 'Yes, according to the article.'],
    ['Police last week arrested two protesters outside the ministry.', 'Were protesters arrested by police?', 'Yes, according to the article.'],
    ['The ferry operator denied that the ferry had been overloaded.', 'Did the ferry operator deny that the boat was overloaded?', 'Yes, according to the article.'],
    ['A district court on Friday found former Velde Province governor Amos Tarn guilty of fraud.', 'Was Tarn found guilty?', 'Yes, according to the article.'],
    ['Lawyers for the family said the hospital would file an appeal within a month.', 'Is the hospital going to appeal?', 'Yes, according to the article.'],
    ["Police arrested Mwangi after Odinga's speech in Kisumu.", 'Did police arrest Mwangi?', 'Yes, according to the article.'],
    // The question's name, title and name are one phrase too, as the sentence's are.
    ['A district court on Friday found former Velde Province governor Amos Tarn guilty of fraud.', 'Did the court find former Velde Province governor Amos Tarn guilty?', 'Yes, according to the article.'],
    ['Kenya is going to sue Uganda over the border dispute.', 'Is Kenya going to sue Uganda?', 'Yes, according to the article.'],
    ['Opec+ agreed to raise oil output by 400,000 barrels a day from August.', 'Did Opec+ agree to raise oil output?', 'Yes, according to the article.'],
    ['The journalist was beaten by security guards outside the stadium.', 'Was the journalist beaten?', 'Yes, according to the article.'],
    // "is about to cut" is no passive, though "cut" is a participle too.
    ['The central bank is about to cut interest rates by half a point.', 'Is the central bank about to cut interest rates?', 'Yes, according to the article.'],
    ['Former Lembara County governor Joseph Kiptanui was found guilty of fraud.', 'Was Joseph Kiptanui found guilty?', 'Yes, according to the article.'],
    // A possessive's owned noun phrase does it, up to the verb ("deny").
    ["A spokeswoman for Velora's border service denied that truck drivers had been asked for bribes.", "Did Velora's border service deny that drivers were asked for bribes?", 'Yes, according to the article.'],
    // The denial is of something else: the jobs were cut.
    ['The company cut 200 jobs at the plant on Monday but denies any wrongdoing.', 'Did the company cut jobs?', 'Yes, according to the article.'],
    // The negation is of the speech, not of what it reports.
    ['The bus company has not confirmed that the driver fell asleep at the wheel.', 'Did the driver fall asleep?', 'Not confirmed, according to the article.'],
    // A hedged mention ("whether") asserts nothing; the believer is named.
    [
      'The coast guard says it will examine whether the owners sank the ferry deliberately. Investigators believe the owners sank the ferry to claim the insurance. The owners deny that they sank the ferry.',
      'Did the owners sink the ferry?',
      'Reported, not confirmed: the investigators believe so; the owners deny it.',
    ],
    // The verb agrees as the sentence has it ("Police believe").
    ['Police believe the tenant started the fire, but the landlord denies that the tenant started the fire.', 'Did the tenant start the fire?', 'Reported, not confirmed: the police believe so; the landlord denies it.'],
  ])('%j: answers %j with %j', (text, q, answer) => {
    const a = ask(text, q);
    expect(a.text).toBe(answer);
    expect(a.citations[0]?.sentenceId).toMatch(/^p2\./);
  });
});

const banks = `Central banks move on rates

The European Central Bank cut interest rates on Thursday, its first cut in two years.

The Royal Bank of Scotland cut mortgage rates for new customers a day later.

In Beijing, the People's Bank of China raised lending rates to cool the property market.`;

const bankIndex = createBriefer([buildKnowledge({ id: 'banks', text: banks })]).index;

describe('yes/no questions on names of several words with "of" in them', () => {
  it.each([
    ['Did the European Central Bank cut interest rates?', 'p2.s1'],
    ['Did the Royal Bank of Scotland cut mortgage rates?', 'p3.s1'],
    ["Did the People's Bank of China raise lending rates?", 'p4.s1'],
  ])('answers %j from its sentence, reading the verb before the compound object', (q, sentenceId) => {
    const a = answerQuestion(bankIndex, q);
    expect(a.text).toBe('Yes, according to the article.');
    expect(a.citations[0]?.sentenceId).toBe(sentenceId);
  });

  it.each(['Did the Central Bank of Ireland cut interest rates?', 'Did the Bank of Scotland cut mortgage rates?', 'Did the Bank of China raise lending rates?'])(
    'declines %j: another institution that shares words with one the article names',
    (q) => {
      expect(answerQuestion(bankIndex, q)).toMatchObject({ answered: false, citations: [] });
    },
  );
});
