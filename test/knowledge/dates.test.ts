import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/knowledge/dates.ts';

const d = (text: string) => findDates(text).map((x) => x.text);

describe('finding dates and times', () => {
  it('reads days, months, relative dates and clock times', () => {
    expect(d('The crash happened at 6:15 a.m. on 17 May.')).toEqual(['6:15 a.m. on 17 May']);
    expect(d('Last month, on Saturday, talks resumed.')).toEqual(['Last month', 'Saturday']);
    expect(d('The cyclone hit Thursday night.')).toEqual(['Thursday night']);
  });

  it('reads years, decades and spelled-out years', () => {
    expect(d('A storm in 1970 and another in the 1990s.')).toEqual(['1970', '1990s']);
    expect(d('It happened on August seventh, nineteen ninety-eight.')).toEqual(['August seventh, nineteen ninety-eight']);
  });

  it('does not take a month word that is part of a name for a date, but keeps a month in time', () => {
    expect(d('Finance minister Jan Kowalski said Coach April Ross would stay.')).toEqual([]);
    expect(d('Talks ended in May, and Jan 5 is the next date.')).toEqual(['May', 'Jan 5']);
  });

  it('reads a time counted from another ("A week earlier", "a day after") and a part of the day chrono does not ("before dawn", "overnight")', () => {
    expect(d('A week earlier, rain fell overnight.')).toEqual(['A week earlier', 'overnight']);
    expect(d('He died a day after the raid, and the fire spread before dawn. Two years later he left.')).toEqual(['a day after', 'before dawn', 'Two years later']);
  });

  it('does not take a surname, a modal, a count or a length of time for a date', () => {
    expect(d('Mr. Mayhew said it may rain.')).toEqual([]);
    expect(d('They killed two hundred twenty-four people.')).toEqual([]);
    expect(d('Results are due within 10 days.')).toEqual([]);
    expect(d('He ran 3:31.10 to win.')).toEqual([]);
  });
  it('reads a time counted back from the story: "decades ago", "two seasons ago", "billions of years ago"', () => {
    expect(d('The town was founded decades ago.')).toEqual(['decades ago']);
    expect(d('They won the cup two seasons ago.')).toEqual(['two seasons ago']);
    expect(d('The rocks formed billions of years ago.')).toEqual(['billions of years ago']);
  });

  it('does not take the year that opens a designation for a date ("asteroid 2019 RK7")', () => {
    expect(d('The probe will pass 1998 KY26 in 2031.')).toEqual(['2031']);
  });
  it('does not take a part of the day that names a kind of work ("night shifts", "night work") for a date', () => {
    expect(d('Nurses who work night shifts sleep less than those without night work.')).toEqual([]);
    expect(d('The fire spread at night and on Sunday morning.')).toEqual(['night', 'Sunday morning']);
  });
  it('reads "the previous year", "the coming week", "the last financial year" and "the first half of the year"', () => {
    expect(d('Sales fell in the first half of the year, after a rise in the previous year.')).toEqual(['first half of the year', 'previous year']);
    expect(d('The coming week will be hard, as it was in the last financial year.')).toEqual(['coming week', 'last financial year']);
  });
  it('reads "the end of the year", a season after "the" and a hyphenated century ("a 17th-century chapel")', () => {
    expect(d('Doses will ship before the end of the year.')).toEqual(['end of the year']);
    expect(d('Crowds grew over the summer and into the first winter.')).toEqual(['the summer', 'the first winter']);
    expect(d('They restored a 17th-century chapel.')).toEqual(['17th-century']);
  });
  it('takes no date from the verb "last" ("would last about ten weeks") or a sentence-opening "Now"', () => {
    expect(findDates('She said the hearings would last about ten weeks.').map((d) => d.text)).toEqual([]);
    expect(findDates('Now he eats at school.').map((d) => d.text)).toEqual([]);
    expect(findDates('The council met last week.').map((d) => d.text)).toEqual(['last week']);
  });
  it('takes no time of day from inside a digit group ("$42,500 a tonne") or from a rate ("at 3.87 per dollar")', () => {
    expect(d('Copper fetched $42,500 a tonne on Friday.')).toEqual(['Friday']);
    expect(d('The rupee closed at 3.87 per dollar.')).toEqual([]);
  });
});
