import * as z from "zod";
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
    "account-number": z.string().min(1),
    nickname: z.string().nullish(),
    "account-type-name": z.string().nullish(),
    "margin-or-cash": z.string().nullish(),
    "is-closed": z.boolean().default(false),
  }),
  "authority-level": z.string().nullish(),
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
