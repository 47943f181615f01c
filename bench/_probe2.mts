import { record, oursRun } from "./sections/_ingest_probe";
const { frames, events } = record();
for (let r = 0; r < 8; r++) { const t = performance.now(); oursRun(frames); console.log("ours", (events / (performance.now() - t) / 1e3).toFixed(2)); }
