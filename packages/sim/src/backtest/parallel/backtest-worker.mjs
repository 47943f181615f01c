// A worker thread of runBacktestJobs: registers tsx (the sources are TypeScript), then runs each
// job it is sent and posts back the result or the error.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { runBacktestJob } = await import("./backtest-job.ts");
parentPort.on("message", (msg) => {
  runBacktestJob(msg.job).then(
    (result) => parentPort.postMessage({ id: msg.id, result }),
    (err) => parentPort.postMessage({ id: msg.id, error: { name: err.name, message: err.message } }),
  );
});
