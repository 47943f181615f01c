/**
 * `npm run synth`: builds the SST app offline (no AWS credentials, no Docker) and writes the
 * CloudFormation templates to cdk.out/, with cdk-nag's AwsSolutions checks. Exits 1 on any
 * unsuppressed cdk-nag error. Options: --stage <name> (default "offline"), --out <dir>.
 */
import path from "node:path";
import { parseArgs } from "node:util";

// SST's toolchain loads aws-sdk v2, which prints an end-of-support notice on load; nothing here
// uses it. The notice checks this variable, so it is set before SST is imported.
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = "1";
const { default: config } = await import("../sst.config");
const { nagFindings } = await import("../stacks/support/nag-findings");
const { buildOfflineApp } = await import("../stacks/support/offline-app");

const { values } = parseArgs({
  options: { stage: { type: "string", default: "offline" }, out: { type: "string", default: "cdk.out" } },
});
const outdir = path.resolve(values.out);
const started = Date.now();
// A stage that is not disposable needs an alert subscription; the offline synth stands one in.
const env: Record<string, string> = process.env.ALERT_EMAIL ? {} : { ALERT_EMAIL: "alerts@example.com" };
const app = await buildOfflineApp(config, { stage: values.stage, outdir, nag: true, env });
const assembly = app.synth();
for (const stack of assembly.stacks) {
  const resources = Object.keys((stack.template as { Resources?: object }).Resources ?? {}).length;
  console.log(
    `${stack.stackName.padEnd(32)} ${String(resources).padStart(4)} resources  ${path.relative(process.cwd(), stack.templateFullPath)}`,
  );
}
const findings = nagFindings(assembly);
for (const f of findings) console.log(`${f.level.toUpperCase()} ${f.stack} ${f.path}\n  ${f.message}`);
const errors = findings.filter((f) => f.level === "error").length;
console.log(
  `cdk-nag AwsSolutions: ${errors} unsuppressed error(s), ${findings.length - errors} warning(s); ` +
    `reports in ${path.relative(process.cwd(), outdir)}/AwsSolutions-*-NagReport.csv; ${Date.now() - started} ms`,
);
process.exit(errors > 0 ? 1 : 0);
