import * as z from "zod/mini";
import "../validation/zod-english";

const WHOLE = /^\d+$/;
const TRUE_WORDS = ["1", "true", "yes", "on"];
const FALSE_WORDS = ["0", "false", "no", "off"];

/** A boolean env flag: 1/true/yes/on or 0/false/no/off (case-insensitive). */
export const envBool = z.pipe(
  z.string().check(
    z.trim(),
    z.toLowerCase(),
    z.refine((v: string) => [...TRUE_WORDS, ...FALSE_WORDS].includes(v), {
      message: "must be one of 1, true, yes, on, 0, false, no, off",
    }),
  ),
  z.transform((v: string) => TRUE_WORDS.includes(v)),
);

/** A whole number from an env string (digits only, so never negative). */
const envWhole = z.pipe(
  z.string().check(z.trim(), z.regex(WHOLE, "must be a whole number")),
  z.transform(Number),
);

/** A positive integer from an env string. */
export const envPositiveInt = envWhole.check(z.refine((n: number) => n > 0, "must be greater than 0"));

/** A TCP port, 0-65535 (0 = any free port). */
export const envPort = envWhole.check(
  z.refine((n: number) => n >= 0 && n <= 65_535, "must be a port between 0 and 65535"),
);

/** An http(s) URL from an env string. */
export const envUrl = z.string().check(
  z.trim(),
  z.refine((v: string) => {
    try {
      const u = new URL(v);
      return u.protocol === "http:" || u.protocol === "https:";
    } catch {
      return false;
    }
  }, "must be an http(s) URL"),
);

/** A non-empty string. */
export const envText = z.string().check(z.trim(), z.minLength(1, "must not be empty"));

/** A DynamoDB table name (3-255 chars of a-z A-Z 0-9 _ - .). */
export const envTableName = z
  .string()
  .check(
    z.trim(),
    z.regex(/^[A-Za-z0-9_.-]{3,255}$/, "must be 3-255 characters of letters, digits, _ - or ."),
  );

/** A whole number ≥ 0 from an env string. */
export const envNonNegativeInt = envWhole;

/** A positive amount of USD (e.g. `500` or `250.50`) as integer cents. */
export const envUsdCents = z
  .pipe(
    z.string().check(z.trim(), z.regex(/^\d+(\.\d{1,2})?$/, "must be an amount of USD like 500 or 250.50")),
    z.transform((v: string) => Math.round(Number(v) * 100)),
  )
  .check(z.refine((n: number) => n > 0, "must be greater than 0"));
