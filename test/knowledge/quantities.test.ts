import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/knowledge/dates.ts';
import { findQuantities } from '../../src/knowledge/quantities.ts';

const q = (text: string) => findQuantities(text).map(({ start: _s, end: _e, ...rest }) => rest);

describe('finding quantities', () => {
  it('keeps what a figure counts', () => {
    expect(q('The attack killed 46 sailors.')).toEqual([{ text: '46 sailors', value: 46, counts: 'sailors' }]);
    expect(q('Officials said about 150 U.S. companies were hacked.')).toEqual([{ text: '150 U.S. companies', value: 150, counts: 'companies', approximate: true }]);
  });

  it('reads numbers written as words, fractions and ordinals that count', () => {
    expect(q('Seven people died.')[0]).toMatchObject({ value: 7, counts: 'people' });
    expect(q('They brought two hundred eighty-five charges.')[0]).toMatchObject({ value: 285, counts: 'charges' });
    expect(q('About two-thirds of them were women.')[0]).toMatchObject({ value: 0.667 });
    expect(q('It gave Germany a fourth title.')[0]).toMatchObject({ value: 4, counts: 'title' });
    expect(q('A storm killed half a million people.')[0]).toMatchObject({ value: 500_000, counts: 'people' });
  });

  it('reads shares written in words: "a quarter", "about half", "one in five"', () => {
    expect(q('The bank raised its rate by a quarter of a percentage point.')[0]).toMatchObject({ value: 0.25 });
    expect(q('Power was back in about half of the homes.')[0]).toMatchObject({ value: 0.5, approximate: true });
    expect(q('About one in five patients needed a bed.')[0]).toMatchObject({ value: 0.2, counts: 'patients' });
    expect(q('He scored in the first half of the match.')).toEqual([]);
  });

  it('keeps money with its currency, percentages and measures with their unit', () => {
    expect(q('The fine was €90 million.')[0]).toMatchObject({ value: 90_000_000, unit: 'euros' });
    expect(q('Food prices jumped 6.5 percent.')[0]).toMatchObject({ value: 6.5, unit: 'percent', counts: 'prices' });
    expect(q('It had winds of up to 240 kilometers an hour.')[0]).toMatchObject({ value: 240, unit: 'kilometers an hour', counts: 'winds' });
    expect(q('The 6.1-magnitude quake struck at dawn.')[0]).toMatchObject({ value: 6.1, unit: 'magnitude' });
    expect(q('The trains ran at less than 20 kilometres per hour.')[0]).toMatchObject({ value: 20, unit: 'kilometres per hour', approximate: true });
    expect(q('It reached minus 200 degrees Celsius.')[0]).toMatchObject({ value: -200, unit: 'degrees Celsius' });
  });

  it('reads a score after a team whose name is unknown ("beat FC Kolbern 3-1")', () => {
    expect(q('Serrana beat FC Kolbern 3-1 in the final.')).toEqual([{ text: '3-1', value: 3, unit: 'score', counts: 'score' }]);
  });

  it('does not count the digits that open a designation ("asteroid 2019 RK7")', () => {
    expect(q('The probe visited asteroid 2019 RK7 last year.')).toEqual([]);
  });

  it('reads an age and a score', () => {
    expect(q('Villacruz, 52, won the vote.')[0]).toMatchObject({ value: 52, counts: 'age' });
    expect(q('Germany beat Argentina 1-0.')[0]).toMatchObject({ text: '1-0', unit: 'score' });
  });

  it('takes no figure inside a name, a code, a clock time or a date', () => {
    expect(q('TRAPPIST-1 and COVID-19 came up.')).toEqual([]);
    expect(q('The Ariane 6 rocket used the N40 road.')).toEqual([]);
    expect(findQuantities('It left at 6:15 a.m. in 1998.', [[11, 20], [24, 28]])).toEqual([]);
    expect(q('One of the districts was spared.')).toEqual([]);
  });

  it('reads a scale word joined by a hyphen ("5.2-billion-kilometre")', () => {
    expect(q('The probe ended a 5.2-billion-kilometre journey.').map((x) => x.value)).toEqual([5.2e9]);
    expect(q('A 40-million fund was set up.').map((x) => x.value)).toEqual([4e7]);
  });

  it('takes a span between two years for a length of time', () => {
    expect(q('The theatre ran from 1870 to 1939.')).toContainEqual({ text: 'from 1870 to 1939', value: 69, unit: 'years', counts: 'duration' });
  });
  it('reads a fraction before a comparative or a preposition ("two-thirds more", "fell by a third in May")', () => {
    const values = (text: string) => findQuantities(text).map((x) => x.value);
    expect(values('Costs were nearly two-thirds more than planned.')).toEqual([expect.closeTo(0.667, 2)]);
    expect(values('Sales fell by a third in May.')).toEqual([expect.closeTo(0.333, 2)]);
  });
  it('reads "twice" as two times ("twice a day", "about twice as fast")', () => {
    expect(findQuantities('Call them twice a day; the sea warms about twice as fast.').map((x) => x.value)).toEqual([2, 2]);
  });
  it('takes "hundreds of thousands" for an approximate count, but not a bare "dozens" or "hundreds", which say only "many"', () => {
    expect(q('Hundreds of thousands of villagers fled.')[0]).toMatchObject({ value: 100_000, approximate: true });
    expect(q('Dozens of homes were flooded and hundreds of people fled.')).toEqual([]);
    expect(q('Thousands of commuters were stranded.')).toEqual([]);
  });
  it('reads one letter before a figure with a scale word or cents as a currency ("R7 billion", "R112.60"), but "A380" stays a code and "4G", "5G" are no counts', () => {
    expect(q('The merger would allow R7 billion of new investment.').map((x) => x.value)).toEqual([7_000_000_000]);
    expect(q('Shares fell to R112.60 by noon.').map((x) => x.value)).toEqual([112.6]);
    expect(q('The airline flies the A380 to Dubai.')).toEqual([]);
    expect(q('It will build rural 4G and 5G towers.')).toEqual([]);
    // A letter that is a unit's symbol keeps the measure.
    expect(q('Temperatures reached 42C on Friday.').map((x) => x.value)).toEqual([42]);
  });
  it('takes only a real currency\'s letters before a figure (currency-symbols.txt), and keeps them in the stored text', () => {
    expect(q('The merger would allow R7 billion of new investment.').map((x) => [x.text, x.unit])).toEqual([['R7 billion of new investment', 'rand']]);
    expect(q('Lusaka set aside K3 billion for roads.').map((x) => [x.text, x.unit])).toEqual([['K3 billion', 'kwacha']]);
    // "G7", "B52": letters that name no currency are part of a name, whatever follows.
    expect(q('The G7 billion-dollar fund was announced.')).toEqual([]);
    expect(q('Crews flew the B52 million miles.')).toEqual([]);
  });
  it('keeps a figure with a scale word after one capital that is no currency\'s sign, with no unit ("N40 billion", "E12 million")', () => {
    expect(q('The state budget rose to N40 billion this year.').map((x) => [x.value, x.unit])).toEqual([[40_000_000_000, undefined]]);
    expect(q('Investors lost E12 million in the crash.').map((x) => [x.value, x.unit])).toEqual([[12_000_000, undefined]]);
  });
  it('keeps a country\'s code on a dollar sign in the stored text ("C$2 million")', () => {
    expect(q('Ottawa pledged C$2 million and Wellington NZ$3.5 million.').map((x) => [x.text, x.value, x.unit])).toEqual([
      ['C$2 million', 2_000_000, 'dollars'],
      ['NZ$3.5 million', 3_500_000, 'dollars'],
    ]);
  });

  it('reads a part and the whole it is part of as two figures of the same thing ("three of nine charges", "four of the plant\'s 12 turbines")', () => {
    expect(q('The jury convicted her on three of nine charges.')).toEqual([
      { text: 'three', value: 3, counts: 'charges' },
      { text: 'nine charges', value: 9, counts: 'charges' },
    ]);
    expect(q("Crews repaired four of the plant's 12 turbines.").map((x) => [x.value, x.counts])).toEqual([
      [4, 'turbines'],
      [12, 'turbines'],
    ]);
  });

  it('reads a length of time inside a date ("over the past three months") but not a point in time ("nine years ago")', () => {
    const withDates = (text: string) => findQuantities(text, findDates(text).map((d) => [d.start, d.end] as const)).map((x) => [x.text, x.value]);
    expect(withDates('Sales fell over the past three months.')).toEqual([['three months', 3]]);
    expect(withDates('It rained for the last 40 minutes of the match.')).toEqual([['40 minutes of the match', 40]]);
    expect(withDates('The mill closed nine years ago.')).toEqual([]);
    expect(withDates('Rovers, who lost the final two years ago, won on Sunday.')).toEqual([]);
  });

  it('reads "a dozen", "two dozen" and "half a dozen" as twelves', () => {
    expect(q('Police searched at least a dozen farms.').map((x) => [x.value, x.counts])).toEqual([[12, 'farms']]);
    expect(q('Two dozen eggs broke.').map((x) => [x.value, x.counts])).toEqual([[24, 'eggs']]);
    expect(q('Half a dozen boats sank.').map((x) => [x.value, x.counts])).toEqual([[6, 'boats']]);
  });

  it('reads half of one unit or thing ("half an hour", "half a percentage point"), but not "the first half"', () => {
    expect(q('The vote took half an hour.')).toEqual([{ text: 'half an hour', value: 0.5, unit: 'hour' }]);
    expect(q('The bank cut its rate by half a percentage point.').map((x) => [x.text, x.value])).toEqual([['half a percentage point', 0.5]]);
    expect(q('In the first half a goal came from a corner.')).toEqual([]);
  });

  it('takes no count from "one by one" or a denial ("not one boat"), but keeps "one body"', () => {
    expect(q('The pupils left one by one after the bell.')).toEqual([]);
    expect(q('Not one boat returned to the harbour.')).toEqual([]);
    expect(q('Divers found one body.')).toEqual([{ text: 'one body', value: 1, counts: 'body' }]);
  });

  it('finds what money and percentages measure before them: "a fine of $250,000" (the sign is no word), "Kessel shares fell 4.2 percent"', () => {
    expect(q('The judge ordered him to pay a fine of $250,000.').map((x) => x.counts)).toEqual(['fine']);
    expect(q('Kessel shares fell 4.2 percent in Oslo.').map((x) => x.counts)).toEqual(['shares']);
  });

  it('gives a sum what it is paid in ("€3 million in flood aid") and a sum converted in brackets what the sum before it measures', () => {
    expect(q('The bank pledged €3 million in flood aid.').map((x) => x.counts)).toEqual(['flood aid']);
    expect(q('The club paid a fee of 40 million euros (about $43 million) for him.').map((x) => x.counts)).toEqual(['fee', 'fee']);
  });

  it('takes a currency no list names for a unit of money by WordNet ("80,000 kwacha", "3 million naira"), and a verb\'s base form before "of" for the noun measured ("a relief fund of")', () => {
    expect(q('Each family received 80,000 kwacha.').map((x) => [x.value, x.unit])).toEqual([[80_000, 'kwacha']]);
    expect(q('The state set up a relief fund of 3 million naira.').map((x) => [x.unit, x.counts])).toEqual([['naira', 'fund']]);
    expect(q('Georgia won 3 medals.').map((x) => [x.unit, x.counts])).toEqual([[undefined, 'medals']]);
  });

  it('says a unit of time with nothing counted measures a length of time ("for 48 hours" counts duration), but keeps a subject ("the strike lasted four days")', () => {
    expect(q('The mill closed for 48 hours.')).toEqual([{ text: '48 hours', value: 48, unit: 'hours', counts: 'duration' }]);
    expect(q('The strike lasted four days.').map((x) => x.counts)).toEqual(['strike']);
  });

  it('reads an age in commas after a word for a person ("the prime minister, 57,", "the driver, 45,"), not after any noun', () => {
    expect(q('The prime minister, 57, a former teacher, leads the coalition.')).toEqual([{ text: '57', value: 57, unit: 'years', counts: 'age' }]);
    expect(q('The driver, 45, was unhurt.').map((x) => x.counts)).toEqual(['age']);
    expect(q('Of the seats, 12, went to the left.').map((x) => x.counts)).toEqual([undefined]);
  });

  it('keeps a temperature scale in the unit ("40 degrees Fahrenheit"), and counts no time word ("$2 billion last year") and no verb after a figure ("A crowd of 30,000 packed the square")', () => {
    expect(q('The town hit 40 degrees Fahrenheit.')).toEqual([{ text: '40 degrees Fahrenheit', value: 40, unit: 'degrees Fahrenheit' }]);
    expect(q('The group reported sales of $2 billion last year.').map((x) => x.counts)).toEqual(['sales']);
    expect(q('The mine produced 9,000 tonnes of tin last year.').map((x) => x.counts)).toEqual(['tin']);
    expect(q('A crowd of 30,000 packed the square.').map((x) => x.counts)).toEqual(['crowd']);
    expect(q('Police seized 17 carved masks.').map((x) => x.counts)).toEqual(['carved masks']);
  });
});
