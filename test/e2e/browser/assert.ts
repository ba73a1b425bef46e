// node:assert/strict for the in-editor tests in a browser, where Node's module does not exist: the
// five assertions the suite uses, with the same strict meaning (Object.is, deep strict equality).

export class AssertionError extends Error {
  override readonly name = 'AssertionError';
}

const show = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

function fail(message: string | Error | undefined, fallback: string): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback);
}

export function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) fail(message, `expected a truthy value, got ${show(value)}`);
}

export function equal<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!Object.is(actual, expected)) fail(message, `expected ${show(expected)}, got ${show(actual)}`);
}

function deepStrictEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, i) => deepStrictEqual(item, (b as unknown[])[i]));
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length
    && keys.every((key) => Object.prototype.hasOwnProperty.call(b, key)
      && deepStrictEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

export function deepEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!deepStrictEqual(actual, expected)) fail(message, `expected ${show(expected)}, got ${show(actual)}`);
}

export function match(text: string, pattern: RegExp, message?: string | Error): void {
  if (typeof text !== 'string' || !pattern.test(text)) fail(message, `expected ${show(text)} to match ${pattern}`);
}

export function doesNotMatch(text: string, pattern: RegExp, message?: string | Error): void {
  if (typeof text !== 'string' || pattern.test(text)) fail(message, `expected ${show(text)} not to match ${pattern}`);
}
