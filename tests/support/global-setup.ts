import type { TestProject } from "vitest/node";
import type { RunningEngine } from "@stratdeck/core/storage";
import { javaAvailable, startDynalite, startDynamoDbLocal } from "../../packages/cli/src/local/engines";
import { buildBundle, freshBundle } from "../../packages/cli/build/bundle.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** Endpoint of the shared dynalite engine. */
    dynaliteEndpoint: string;
    /** Endpoint of the shared DynamoDB Local engine, or null when it could not run outside CI. */
    dynamoDbLocalEndpoint: string | null;
    /** Why DynamoDB Local is absent (outside CI only). */
    dynamoDbLocalSkipReason: string;
  }
}

/**
 * Builds the CLI bundle when a source is newer than it, and starts both DynamoDB engines once for the whole run on loopback and stops them afterwards.
 * Under CI=true a missing Java or a failed DynamoDB Local start fails the run instead of skipping.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Build the CLI bundle once here rather than in each test that spawns `stratdeck` at once.
  if (!freshBundle()) await buildBundle();
  const engines: RunningEngine[] = [];
  const dynalite = await startDynalite();
  engines.push(dynalite);
  project.provide("dynaliteEndpoint", dynalite.endpoint);

  let ddbEndpoint: string | null = null;
  let reason = "";
  const inCi = process.env.CI === "true" || process.env.CI === "1";
  if (!(await javaAvailable())) {
    reason = "java not found on PATH (DynamoDB Local needs Java 17)";
  } else {
    try {
      // A JVM on a busy 2-core machine can take more than the default 30 s to answer.
      const ddb = await startDynamoDbLocal({ timeoutMs: 120_000 });
      engines.push(ddb);
      ddbEndpoint = ddb.endpoint;
    } catch (err) {
      reason = `DynamoDB Local failed to start: ${(err as Error).message}`;
    }
  }
  if (!ddbEndpoint) {
    if (inCi) throw new Error(`CI=true and ${reason}; refusing to skip the DynamoDB Local contract runs`);
    const bar = "!".repeat(78);
    console.warn(`\n${bar}\n!! SKIPPING every DynamoDB Local run: ${reason}\n${bar}\n`);
  }
  project.provide("dynamoDbLocalEndpoint", ddbEndpoint);
  project.provide("dynamoDbLocalSkipReason", reason);
  return async () => {
    await Promise.all(engines.map((e) => e.stop()));
  };
}
