import { nyDate } from "../../time";

/** Wraps a one-argument function so repeated calls with the same argument reuse the last answer. */
export function memoLast<A, R>(fn: (a: A) => R): (a: A) => R {
  let lastArg: A | undefined;
  let lastResult: R | undefined;
  let filled = false;
  return (a: A): R => {
    if (!filled || a !== lastArg) {
      lastResult = fn(a);
      lastArg = a;
      filled = true;
    }
    return lastResult as R;
  };
}

/**
 * The New York date of an instant, cached for the last instant asked (a publish tick asks for the
 * same instant thousands of times; Intl formatting is the expensive part of pricing otherwise).
 */
export const nyDateOf: (ms: number) => string = memoLast(nyDate);
