import { record, oursRun, officialRun } from "./sections/_ingest_probe";
const { frames, events } = record();
for (let r = 0; r < 4; r++) {
  let t = performance.now(); officialRun(frames); const o = events / (performance.now() - t) * 1000;
  t = performance.now(); oursRun(frames); const u = events / (performance.now() - t) * 1000;
  console.log("official", (o/1e6).toFixed(2), "ours", (u/1e6).toFixed(2));
}
const quick = frames.map(f => ({ at: f.at, bytes: Buffer.from(f.bytes.toString().replace(/,17\d{11},/g, ",0,")) }));
for (let r = 0; r < 3; r++) {
  let t = performance.now(); officialRun(quick); const o = events / (performance.now() - t) * 1000;
  t = performance.now(); oursRun(quick); const u = events / (performance.now() - t) * 1000;
  console.log("eventTime=0: official", (o/1e6).toFixed(2), "ours", (u/1e6).toFixed(2));
}
