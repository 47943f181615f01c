import { describe, expect, it } from "vitest";
import { HistoryFileError, parseDailyCsv } from "@stratdeck/sim/backtest";

const YAHOO =
  "\uFEFFDate,Open,High,Low,Close,Adj Close,Volume\r\n" +
  '2024-01-02,"4,745.20",4754.33,4722.67,4742.83,4742.83,3743050000\r\n' +
  "2024-01-03,4725.07,4729.29,4699.71,4704.81,4704.81,3950760000\r\n";
const CBOE =
  "DATE,OPEN,HIGH,LOW,CLOSE\n01/03/2024,14.03,14.22,13.28,14.04\n01/02/2024,13.21,14.23,13.10,13.20\n";
const FRED = "observation_date,VIXCLS\n2024-01-01,.\n2024-01-02,13.20\n2024-01-03,14.04\n";

function errorOf(text: string): HistoryFileError {
  try {
    parseDailyCsv(text, "spx.csv");
  } catch (err) {
    if (err instanceof HistoryFileError) return err;
    throw err;
  }
  throw new Error("no error");
}

describe("daily CSV layouts", () => {
  it("reads Yahoo's Date,Open,High,Low,Close,Adj Close,Volume (BOM, CRLF, quoted thousands), using Close", () => {
    const s = parseDailyCsv(YAHOO, "spx.csv");
    expect(s.layout).toBe("ohlc");
    expect(s.bars).toEqual([
      { date: "2024-01-02", open: 4745.2, high: 4754.33, low: 4722.67, close: 4742.83, line: 2 },
      { date: "2024-01-03", open: 4725.07, high: 4729.29, low: 4699.71, close: 4704.81, line: 3 },
    ]);
  });

  it("reads Cboe's DATE,OPEN,HIGH,LOW,CLOSE with MM/DD/YYYY dates in any order, sorted by date", () => {
    const s = parseDailyCsv(CBOE, "vix.csv");
    expect(s.bars.map((b) => [b.date, b.open, b.close, b.line])).toEqual([
      ["2024-01-02", 13.21, 13.2, 3],
      ["2024-01-03", 14.03, 14.04, 2],
    ]);
  });

  it("reads FRED's date,value: close only, '.' kept as a missing row with its line", () => {
    const s = parseDailyCsv(FRED, "VIXCLS.csv");
    expect(s.layout).toBe("close");
    expect(s.bars[0]).toEqual({
      date: "2024-01-02",
      open: 13.2,
      high: 13.2,
      low: 13.2,
      close: 13.2,
      line: 3,
    });
    expect(s.missing).toEqual([{ date: "2024-01-01", line: 2 }]);
  });
});

describe("bad daily CSVs name the file and the line", () => {
  const H = "Date,Open,High,Low,Close\n";
  it.each([
    [H + "2024-01-02,10,11,9,10\n2024-01-03,10,11,9,-10\n", 3, /close -10 is not a positive price/],
    [
      H + "2024-01-02,10,11,9,10\n2024-01-02,10,11,9,10\n",
      3,
      /duplicated date 2024-01-02 \(also on line 2\)/,
    ],
    [H + "2024-01-02,10,11,9,1O\n", 2, /close "1O" is not a number/],
    [H + "2024-02-30,10,11,9,10\n", 2, /"2024-02-30" is not a date/],
    [H + "2024-01-02,10,9.5,9,10\n", 2, /high 9.5 is below the open, low or close/],
    [H + "2024-01-02,10,11,10.5,10.2\n", 2, /low 10.5 is above the open or close/],
    [H + "2024-01-02,10,11,.,10\n", 2, /some values are missing/],
    [H + "2024-01-02,10,11\n", 2, /expected 5 columns, got 3/],
    ["Symbol,Price\nSPX,1\n", 1, /unrecognised header "Symbol,Price"/],
    ["", 1, /empty file/],
  ])("%#: %j", (text, line, message) => {
    const err = errorOf(text);
    expect(err.line).toBe(line);
    expect(err.message).toMatch(message);
    expect(err.message.startsWith(`spx.csv:${line}: `)).toBe(true);
  });
});
