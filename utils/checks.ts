/**
 * Small validators for data that crosses a trust boundary (messages, imported files): each
 * returns the first problem as a sentence naming where it is, or null when the value is fine.
 */
export type Check = (value: unknown, path: string) => string | null;

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const string = (max: number): Check => (value, path) =>
  typeof value !== 'string' ? `${path} must be a string` : value.length > max ? `${path} is longer than ${max} characters` : null;

export const nullable = (check: Check): Check => (value, path) => (value === null ? null : check(value, path));

export const integer: Check = (value, path) =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? null : `${path} must be a non-negative integer`;

export const boolean: Check = (value, path) => (typeof value === 'boolean' ? null : `${path} must be true or false`);

export const oneOf = (allowed: readonly string[]): Check => (value, path) =>
  typeof value === 'string' && allowed.includes(value) ? null : `${path} must be one of ${allowed.join(', ')}`;

export const literal = (expected: string): Check => (value, path) => (value === expected ? null : `${path} must be "${expected}"`);

/** Lower-case UUIDs, as the extension gives notes. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const arrayOf = (check: Check, max: number): Check => (value, path) => {
  if (!Array.isArray(value)) return `${path} must be a list`;
  if (value.length > max) return `${path} has more than ${max} entries`;
  for (let i = 0; i < value.length; i++) {
    const problem = check(value[i], `${path}[${i}]`);
    if (problem) return problem;
  }
  return null;
};

/** An object with exactly these fields (extra fields are refused, not ignored). */
export const shape = (fields: Record<string, Check>): Check => (value, path) => {
  if (!isObject(value)) return `${path} must be an object`;
  for (const key of Object.keys(value)) if (!(key in fields)) return `${path}.${key} is not expected`;
  for (const [key, check] of Object.entries(fields)) {
    const problem = check(value[key], `${path}.${key}`);
    if (problem) return problem;
  }
  return null;
};
