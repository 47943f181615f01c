import { HistoryFileError } from "./history-file-error";

/** One daily bar, index points (or volatility-index points). */
export interface DailyBar {
  /** `YYYY-MM-DD` */
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  /** 1-based line in its file. */
  line: number;
}

/** A row whose values are marked missing (FRED's ".", Yahoo's "null", or empty). */
export interface MissingRow {
  date: string;
  line: number;
}

/** A parsed daily file, bars ascending by date. */
export interface DailySeries {
  file: string;
  /** `ohlc` (open, high, low, close) or `close` (FRED's date,value: open = high = low = close). */
  layout: "ohlc" | "close";
  bars: DailyBar[];
  missing: MissingRow[];
}

const DATE_HEADERS = new Set(["date", "observation_date", "day"]);
const MISSING = new Set([".", "", "null", "nan", "n/a", "na"]);
const FIELDS = ["open", "high", "low", "close"] as const;

/** Splits one CSV line (double-quoted fields may hold commas; quotes and thousands separators go). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cell = "";
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === "," && !quoted) {
      out.push(cell.trim());
      cell = "";
    } else if (ch !== "," || !quoted) cell += ch;
  }
  out.push(cell.trim());
  return out;
}

/** `YYYY-MM-DD`, `YYYY/MM/DD` or `MM/DD/YYYY` (Cboe) as `YYYY-MM-DD`; null when not a real date. */
export function parseDay(text: string): string | null {
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text);
  let y: string | undefined, mo: string | undefined, d: string | undefined;
  if (m) [, y, mo, d] = m;
  else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text))) [, mo, d, y] = m;
  if (!y || !mo || !d) return null;
  const iso = `${y}-${mo.padStart(2, "0")}-${d.padStart(2, "0")}`;
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().startsWith(iso) ? iso : null;
}

interface Columns {
  date: number;
  layout: "ohlc" | "close";
  /** Column of open, high, low, close (all the value column for `close`). */
  values: [number, number, number, number];
  width: number;
}

function columnsOf(header: string[], file: string): Columns {
  const names = header.map((h) =>
    h
      .replace(/^\uFEFF/, "")
      .trim()
      .toLowerCase(),
  );
  const date = names.findIndex((n) => DATE_HEADERS.has(n));
  const at = FIELDS.map((f) => names.indexOf(f));
  if (date >= 0 && at.every((i) => i >= 0))
    return { date, layout: "ohlc", values: at as Columns["values"], width: names.length };
  if (date === 0 && names.length === 2) return { date, layout: "close", values: [1, 1, 1, 1], width: 2 };
  throw new HistoryFileError(
    file,
    1,
    `unrecognised header "${header.join(",")}": expected Date,Open,High,Low,Close[,Adj Close,Volume] ` +
      `(Yahoo, Stooq), DATE,OPEN,HIGH,LOW,CLOSE (Cboe) or date,value (FRED)`,
  );
}

function numberAt(text: string, what: string, file: string, line: number): number {
  const n = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(n)) throw new HistoryFileError(file, line, `${what} "${text}" is not a number`);
  if (n <= 0) throw new HistoryFileError(file, line, `${what} ${text} is not a positive price`);
  return n;
}

function barOf(row: string[], c: Columns, date: string, file: string, line: number): DailyBar | null {
  const raw = c.values.map((i) => (row[i] ?? "").trim());
  const missing = raw.filter((v) => MISSING.has(v.toLowerCase()));
  if (missing.length === raw.length) return null;
  if (missing.length > 0)
    throw new HistoryFileError(file, line, `some values are missing: "${row.join(",")}"`);
  const [open, high, low, close] = raw.map((v, i) => numberAt(v, FIELDS[i] as string, file, line)) as [
    number,
    number,
    number,
    number,
  ];
  if (high < Math.max(open, close, low))
    throw new HistoryFileError(file, line, `high ${high} is below the open, low or close`);
  if (low > Math.min(open, close))
    throw new HistoryFileError(file, line, `low ${low} is above the open or close`);
  return { date, open, high, low, close, line };
}

/**
 * Parses a daily CSV in one of the common public layouts: `Date,Open,High,Low,Close[,Adj Close,
 * Volume]` (Yahoo, Stooq; extra columns ignored, Close used, not Adj Close), Cboe's
 * `DATE,OPEN,HIGH,LOW,CLOSE` (MM/DD/YYYY dates) or FRED's `date,value` ("." = missing). Dates may be
 * `YYYY-MM-DD` or `MM/DD/YYYY`; rows may come in either order. Every problem is a
 * {@link HistoryFileError} naming the file and line: an unknown header, a bad date or number, a
 * zero or negative price, a high below the open/close or a low above them, a duplicated date.
 */
export function parseDailyCsv(text: string, file: string): DailySeries {
  const lines = text.split(/\r?\n/);
  const header = lines[0];
  if (header === undefined || header.trim() === "") throw new HistoryFileError(file, 1, "empty file");
  const c = columnsOf(cells(header), file);
  const bars: DailyBar[] = [];
  const missing: MissingRow[] = [];
  const seen = new Map<string, number>();
  lines.slice(1).forEach((text, i) => {
    const line = i + 2;
    if (text.trim() === "") return;
    const row = cells(text);
    if (row.length < c.width)
      throw new HistoryFileError(file, line, `expected ${c.width} columns, got ${row.length}: "${text}"`);
    const date = parseDay(row[c.date] ?? "");
    if (!date) throw new HistoryFileError(file, line, `"${row[c.date] ?? ""}" is not a date`);
    const first = seen.get(date);
    if (first !== undefined)
      throw new HistoryFileError(file, line, `duplicated date ${date} (also on line ${first})`);
    seen.set(date, line);
    const bar = barOf(row, c, date, file, line);
    if (bar) bars.push(bar);
    else missing.push({ date, line });
  });
  bars.sort((a, b) => (a.date < b.date ? -1 : 1));
  missing.sort((a, b) => (a.date < b.date ? -1 : 1));
  if (bars.length === 0) throw new HistoryFileError(file, 0, "no rows with values");
  return { file, layout: c.layout, bars, missing };
}
