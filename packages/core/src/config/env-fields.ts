import { z } from "zod";

/** A boolean env flag: 1/true/yes/on or 0/false/no/off (case-insensitive). */
export const envBool = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ["1", "true", "yes", "on", "0", "false", "no", "off"].includes(v), {
    message: "must be one of 1, true, yes, on, 0, false, no, off",
  })
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

/** A positive integer from an env string. */
export const envPositiveInt = z
  .string()
  .trim()
  .regex(/^\d+$/, "must be a whole number")
  .transform(Number)
  .refine((n) => n > 0, "must be greater than 0");

/** A TCP port, 0-65535 (0 = any free port). */
export const envPort = z
  .string()
  .trim()
  .regex(/^\d+$/, "must be a whole number")
  .transform(Number)
  .refine((n) => n >= 0 && n <= 65_535, "must be a port between 0 and 65535");

/** An http(s) URL from an env string. */
export const envUrl = z
  .string()
  .trim()
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === "http:" || u.protocol === "https:";
    } catch {
      return false;
    }
  }, "must be an http(s) URL");

/** A non-empty string. */
export const envText = z.string().trim().min(1, "must not be empty");

/** A DynamoDB table name (3-255 chars of a-z A-Z 0-9 _ - .). */
export const envTableName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,255}$/, "must be 3-255 characters of letters, digits, _ - or .");
