import qrcode from "qrcode-generator";

/** Modules of light margin around the code (the QR standard asks for 4; 2 scans on a terminal). */
const QUIET = 2;

/**
 * `text` as a QR code for a terminal: two module rows per line with the upper half block, dark and
 * light drawn as ANSI black and white (so it scans on a dark or a light terminal theme).
 */
export function terminalQr(text: string): string {
  const qr = qrcode(0, "L");
  qr.addData(text, "Byte");
  qr.make();
  const n = qr.getModuleCount();
  const dark = (r: number, c: number): boolean => r >= 0 && c >= 0 && r < n && c < n && qr.isDark(r, c);
  const lines: string[] = [];
  for (let r = -QUIET; r < n + QUIET; r += 2) {
    let line = "";
    for (let c = -QUIET; c < n + QUIET; c++) {
      const fg = dark(r, c) ? 30 : 97;
      const bg = dark(r + 1, c) ? 40 : 107;
      line += `\x1b[${fg};${bg}m▀`;
    }
    lines.push(line + "\x1b[0m");
  }
  return lines.join("\n");
}
