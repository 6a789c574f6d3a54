import { expect } from 'vitest';

/** Runs `fn`, expects it to throw an instance of `type`, and returns the message. */
export function thrownMessage(fn: () => unknown, type: abstract new (...args: never[]) => Error): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(type);
    return (err as Error).message;
  }
  throw new Error(`expected ${type.name} to be thrown`);
}
