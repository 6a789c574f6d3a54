import { describe, expect, it } from 'vitest';
import { fitLogistic, type Row } from '../../src/eval/logistic.ts';

/** Rows where y follows the first feature and goes against the second: [bias, a, b]. */
function rows(): Row[] {
  const out: Row[] = [];
  for (let k = 0; k < 200; k++) {
    const a = (k * 37) % 10 / 10;
    const b = (k * 53) % 10 / 10;
    const y = a - b + ((k * 71) % 7) / 10 - 0.3 > 0 ? 1 : 0;
    out.push({ x: Float64Array.from([1, a, b]), y });
  }
  return out;
}

describe('fitLogistic', () => {
  it('learns a weight for evidence for and against, the same every time', () => {
    const w = fitLogistic(rows(), 3, 1);
    expect(w[1]).toBeGreaterThan(1);
    expect(w[2]).toBeLessThan(-1);
    expect(fitLogistic(rows(), 3, 1)).toEqual(w);
  });

  it('holds a weight at 0 rather than let it take the sign it is not allowed, and still fits the rest', () => {
    const w = fitLogistic(rows(), 3, 1, 25, [0, 1, 1]);
    expect(w[2]).toBe(0);
    expect(w[1]).toBeGreaterThan(1);
  });

  it('leaves a weight of the allowed sign alone', () => {
    expect(fitLogistic(rows(), 3, 1, 25, [0, 1, -1])).toEqual(fitLogistic(rows(), 3, 1));
  });
});
