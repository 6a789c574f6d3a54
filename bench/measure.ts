/**
 * What the bench measures with: every sample kept, percentiles read off all of them, and
 * garbage-collection pauses attributed to the system whose call they interrupted.
 */
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';

/** Percentiles of a set of samples, all of them (ms). */
export interface Summary {
  samples: number;
  p50: number;
  p99: number;
  p999: number;
  max: number;
  mean: number;
}

/** The value at quantile `p` of ascending `sorted` (nearest rank). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}

/** p50, p99, p99.9, max and mean of every sample. */
export function summarise(samples: readonly number[]): Summary {
  const sorted = Float64Array.from(samples).sort();
  const total = samples.reduce((s, x) => s + x, 0);
  return { samples: samples.length, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), p999: percentile(sorted, 0.999), max: sorted[sorted.length - 1] ?? 0, mean: total / Math.max(1, samples.length) };
}

/** Timed calls of several systems, interleaved; each call's interval is kept so that GC pauses can be charged to the system they fell in. */
export class Recorder {
  readonly names: readonly string[];
  /** Per system, every call's duration (ms). */
  readonly durations: number[][];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly owner: number[] = [];

  constructor(names: readonly string[]) {
    this.names = names;
    this.durations = names.map(() => []);
  }

  /** Times one call of system `s`. */
  time(s: number, fn: () => unknown): void {
    const t0 = performance.now();
    fn();
    const t1 = performance.now();
    this.starts.push(t0);
    this.ends.push(t1);
    this.owner.push(s);
    (this.durations[s] as number[]).push(t1 - t0);
  }

  /** GC milliseconds that started inside each system's calls, and outside any call. */
  gcBySystem(entries: readonly PerformanceEntry[]): { bySystem: number[]; outside: number } {
    const bySystem = this.names.map(() => 0);
    let outside = 0;
    for (const e of entries) {
      // The last call that started at or before the pause.
      let lo = 0;
      let hi = this.starts.length - 1;
      let at = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if ((this.starts[mid] as number) <= e.startTime) {
          at = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (at >= 0 && e.startTime <= (this.ends[at] as number)) bySystem[this.owner[at] as number] = (bySystem[this.owner[at] as number] as number) + e.duration;
      else outside += e.duration;
    }
    return { bySystem, outside };
  }
}

/** Collects GC entries from now on; `take()` waits for the pending ones and returns those seen since the last take. */
export function watchGc(): { take(): Promise<PerformanceEntry[]>; stop(): void } {
  let seen: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => {
    seen.push(...list.getEntries());
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    async take() {
      // Entries are delivered asynchronously: let the observer run first.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const out = seen;
      seen = [];
      return out;
    },
    stop() {
      observer.disconnect();
    },
  };
}

/** Runs `global.gc` when node was started with --expose-gc (twice: weak references need a second pass). */
export function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

/** JS heap plus array-buffer bytes (typed arrays' contents live outside the JS heap). */
export function heapBytes(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Sum of the byte lengths of the typed arrays an object holds, directly or one level down (posting tables, scratch). */
export function typedArrayBytes(value: object): number {
  let total = 0;
  for (const v of Object.values(value)) {
    if (ArrayBuffer.isView(v)) total += v.byteLength;
    else if (v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Map)) {
      for (const w of Object.values(v as object)) if (ArrayBuffer.isView(w)) total += w.byteLength;
    }
  }
  return total;
}
