/**
 * The one JSON error shape of every `stratdeck` command (`--json`) and every API route:
 * `{ "error": { "code": "stable-kebab-code", "message": "what went wrong, naming the field", ...details } }`.
 * `code` is stable (clients branch on it), never a class name; `message` is for a person.
 */
export interface ErrorBody {
  error: { code: string; message: string } & Record<string, unknown>;
}

/** Builds an {@link ErrorBody}; `details` add fields beside `code` and `message` (which they cannot replace). */
export function errorBody(code: string, message: string, details: Record<string, unknown> = {}): ErrorBody {
  return { error: { ...details, code, message } };
}
