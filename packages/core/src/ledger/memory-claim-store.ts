import { clonePlain } from "./plain-data";
import type { BookEntry, Claim, ClaimStore, CountRiskResult, ReservationBook } from "./claim-store";

/** In-memory {@link ClaimStore} (one process: each method runs without interleaving). */
export class MemoryClaimStore implements ClaimStore {
  private readonly claims = new Map<string, Claim>();
  private book: ReservationBook | null = null;

  async claim(key: string, holder: string, leaseUntil: number | null, strict = false): Promise<boolean> {
    const current = this.claims.get(key);
    if (current !== undefined && (strict || current.holder !== holder)) return false;
    this.claims.set(key, { key, holder, leaseUntil });
    return true;
  }

  async read(key: string): Promise<Claim | null> {
    const c = this.claims.get(key);
    return c ? { ...c } : null;
  }

  async replace(current: Claim, holder: string, leaseUntil: number | null): Promise<boolean> {
    const now = this.claims.get(current.key);
    if (!now || now.holder !== current.holder || now.leaseUntil !== current.leaseUntil) return false;
    this.claims.set(current.key, { key: current.key, holder, leaseUntil });
    return true;
  }

  async release(key: string, holder: string): Promise<boolean> {
    if (this.claims.get(key)?.holder !== holder) return false;
    this.claims.delete(key);
    return true;
  }

  async readBook(): Promise<ReservationBook | null> {
    return this.book ? clonePlain(this.book) : null;
  }

  async createBook(book: ReservationBook): Promise<boolean> {
    if (this.book) return false;
    this.book = clonePlain(book);
    return true;
  }

  async openEntry(holder: string, entry: BookEntry): Promise<"added" | "present" | "no-book"> {
    if (!this.book) return "no-book";
    if (this.book.entries[holder]) return "present";
    this.book.entries[holder] = clonePlain(entry);
    return "added";
  }

  async renewEntry(holder: string, leaseUntil: number): Promise<boolean> {
    const e = this.book?.entries[holder];
    if (!e) return false;
    e.leaseUntil = leaseUntil;
    return true;
  }

  async countRisk(
    holder: string,
    riskCents: number,
    keys: string[],
    maxTotalCents: number | null,
  ): Promise<CountRiskResult> {
    const e = this.book?.entries[holder];
    if (!this.book || !e) return "no-entry";
    if (e.counted) return "present";
    if (maxTotalCents !== null && this.book.totalCents + riskCents > maxTotalCents) return "over-limit";
    Object.assign(e, { riskCents, counted: true, keys: [...keys] });
    this.book.totalCents += riskCents;
    return "added";
  }

  async removeEntry(holder: string, seen: Pick<BookEntry, "riskCents" | "counted">): Promise<boolean> {
    const e = this.book?.entries[holder];
    if (!this.book || !e || e.riskCents !== seen.riskCents || e.counted !== seen.counted) return false;
    delete this.book.entries[holder];
    if (e.counted) this.book.totalCents -= e.riskCents;
    return true;
  }
}
