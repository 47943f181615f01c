import * as z from "zod/mini";
import "../validation/zod-english";
import { listEnvelope } from "./wire-fields";

/** A tastytrade account the OAuth grant can see. */
export interface TastyAccount {
  accountNumber: string;
  nickname?: string;
  /** e.g. `Individual`. */
  accountType?: string;
  /** `Margin` or `Cash`. */
  marginOrCash?: string;
  isClosed: boolean;
  /** e.g. `owner`, `trade-only`, `read-only`. */
  authority?: string;
}

const item = z.object({
  account: z.object({
    "account-number": z.string().check(z.minLength(1)),
    nickname: z.nullish(z.string()),
    "account-type-name": z.nullish(z.string()),
    "margin-or-cash": z.nullish(z.string()),
    "is-closed": z._default(z.boolean(), false),
  }),
  "authority-level": z.nullish(z.string()),
});

/** GET /customers/me/accounts body. */
export const accountsResponse = listEnvelope(item);

/** Maps one wire item to a TastyAccount. */
export function toTastyAccount(i: z.output<typeof item>): TastyAccount {
  const a = i.account;
  return {
    accountNumber: a["account-number"],
    isClosed: a["is-closed"],
    ...(a.nickname ? { nickname: a.nickname } : {}),
    ...(a["account-type-name"] ? { accountType: a["account-type-name"] } : {}),
    ...(a["margin-or-cash"] ? { marginOrCash: a["margin-or-cash"] } : {}),
    ...(i["authority-level"] ? { authority: i["authority-level"] } : {}),
  };
}
