import fs from "node:fs";
import { afterAll, beforeAll } from "vitest";
import { buildForTests, type BuiltApp } from "./built-app";
import { alarmsSuite } from "./suites/alarms";
import { alertsSuite } from "./suites/alerts";
import { apiSuite } from "./suites/api";
import { iamSuite } from "./suites/iam";
import { jobsSuite } from "./suites/jobs";
import { logsSuite } from "./suites/logs";
import { monitoringSuite } from "./suites/monitoring";
import { nagSuite } from "./suites/nag";
import { storageSuite } from "./suites/storage";
import { streamSuite } from "./suites/stream";

// One offline build (SST + esbuild bundles + cdk-nag) shared by every suite: about 10 s.
let built: BuiltApp | undefined;
const app = (): BuiltApp => {
  if (!built) throw new Error("app not built");
  return built;
};

beforeAll(async () => {
  built = await buildForTests();
}, 400_000);

afterAll(() => {
  if (built) fs.rmSync(built.outdir, { recursive: true, force: true });
});

storageSuite(app);
alertsSuite(app);
alarmsSuite(app);
jobsSuite(app);
apiSuite(app);
streamSuite(app);
logsSuite(app);
monitoringSuite(app);
iamSuite(app);
nagSuite(app);
