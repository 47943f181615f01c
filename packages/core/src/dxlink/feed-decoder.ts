import { CompactScanner, SCAN_OK } from "./compact-scanner";
import type { EventType } from "./event-fields";
import { ACCEPT_EVENT_FIELDS } from "./event-fields";
import { FeedPlans } from "./feed-plan";
import { FrameReader } from "./frame-reader";
import type { MarketBook } from "./market-book";
import type { InboundMessage } from "./messages";
import type { ThrottledWarnings } from "./throttled-warnings";

/** What one frame turned out to be. */
export interface DecodedFrame {
  /** Events folded into the book (FEED_DATA of the feed channel). */
  events: number;
  /** A validated non-data message for the session to act on; null for data and bad frames. */
  message: InboundMessage | null;
}

const NOTHING: DecodedFrame = { events: 0, message: null };

/**
 * The receive hot path of a DXLink session: COMPACT FEED_DATA straight from bytes into the
 * book (byte scanner), everything else through JSON.parse + zod; FEED_CONFIG field lists
 * re-plan the decoding. Bad frames are logged (throttled) and skipped, never thrown.
 */
export class FeedDecoder {
  private readonly plans: FeedPlans;
  private readonly scanner = new CompactScanner();
  private readonly reader: FrameReader;

  constructor(
    private readonly book: MarketBook,
    private readonly warnings: ThrottledWarnings,
    private readonly feedChannel: number,
    acceptEventFields: Readonly<Record<EventType, readonly string[]>> = ACCEPT_EVENT_FIELDS,
  ) {
    this.plans = new FeedPlans(acceptEventFields);
    this.reader = new FrameReader(this.plans, book, warnings);
  }

  /** Decodes one text frame received at `at` (ms since epoch). */
  decode(bytes: Uint8Array, at: number): DecodedFrame {
    if (this.scanner.scan(bytes, this.plans, this.reader.stage, this.book) === SCAN_OK) {
      if (this.scanner.channel === this.feedChannel) return { events: this.reader.commit(at), message: null };
      this.warnings.warn("unknown-channel", { channel: this.scanner.channel });
      return NOTHING;
    }
    const msg = this.reader.read(bytes);
    if (!msg) return NOTHING;
    if (msg.type === "FEED_DATA") {
      if (msg.channel !== this.feedChannel) return NOTHING;
      return { events: this.reader.decodeParsed(msg.data, at), message: null };
    }
    if (msg.type === "FEED_CONFIG" && msg.channel === this.feedChannel) this.plans.update(msg.eventFields);
    return { events: 0, message: msg };
  }
}
