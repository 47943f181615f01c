import type { FeedPlans } from "./feed-plan";
import type { MarketBook } from "./market-book";
import { Envelope, InboundMessage } from "./messages";
import { stageParsedData } from "./parsed-decoder";
import { ISSUE_KINDS, RowStage } from "./row-stage";
import type { ThrottledWarnings } from "./throttled-warnings";

const KNOWN_TYPES = new Set<string>(InboundMessage.def.options.flatMap((o) => o.shape.type.def.values));

/**
 * The slow path for frames the byte scanner does not take: JSON.parse, envelope and message
 * validation with zod, FEED_DATA decoding from parsed JSON. Bad frames are logged (throttled,
 * per kind) and skipped; nothing here throws.
 */
export class FrameReader {
  /** Staging area shared with the byte scanner. */
  readonly stage = new RowStage();

  constructor(
    private readonly plans: FeedPlans,
    private readonly book: MarketBook,
    private readonly warnings: ThrottledWarnings,
  ) {}

  /** Parses and validates one text frame; null when it is malformed or of a type we ignore. */
  read(bytes: Uint8Array): InboundMessage | null {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("utf8");
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      this.warnings.warn("invalid-json", { sample: text.slice(0, 80) });
      return null;
    }
    const env = Envelope.safeParse(raw);
    if (!env.success) {
      this.warnings.warn("bad-envelope", { sample: text.slice(0, 80) });
      return null;
    }
    if (!KNOWN_TYPES.has(env.data.type)) {
      this.warnings.warn(`unhandled-type:${env.data.type.slice(0, 40)}`);
      return null;
    }
    const msg = InboundMessage.safeParse(raw);
    if (!msg.success) {
      const issue = msg.error.issues[0];
      this.warnings.warn(`invalid-${env.data.type}`, {
        field: issue?.path.join(".") ?? "",
        problem: issue?.message ?? "invalid",
      });
      return null;
    }
    return msg.data;
  }

  /** Decodes a parsed FEED_DATA payload into the book; returns events applied. */
  decodeParsed(data: readonly unknown[], at: number): number {
    if (!stageParsedData(data, this.plans, this.stage, this.book)) {
      this.stage.reset();
      this.warnings.warn("bad-feed-data");
      return 0;
    }
    return this.commit(at);
  }

  /** Commits the staged rows (reporting skipped ones); returns events applied. */
  commit(at: number): number {
    const stage = this.stage;
    if (stage.hasIssues()) {
      for (let k = 0; k < ISSUE_KINDS.length; k++) {
        const n = stage.issues[k]!;
        if (n > 0) this.warnings.warn(ISSUE_KINDS[k]!, {}, n);
      }
    }
    return this.book.commit(stage, at);
  }
}
