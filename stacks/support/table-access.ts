import type { IGrantable } from "aws-cdk-lib/aws-iam";
import { tableEnvVar, type TableId } from "@stratdeck/core/storage";
import type { StorageTables } from "../storage";

/** How a workload may use a table: only read, only write, or both. */
export type Access = "read" | "write" | "readwrite";

/** The tables a workload may reach and how; every other table is out of reach. */
export type TableAccess = Partial<Record<TableId, Access>>;

/**
 * Grants exactly the listed tables (and their indexes) to `grantee` and returns the environment
 * variables (`STRATDECK_TABLE_<ID>`) that tell the workload their physical names.
 */
export function grantTables(
  grantee: IGrantable,
  tables: StorageTables,
  access: TableAccess,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [id, mode] of Object.entries(access) as [TableId, Access][]) {
    const table = tables[id];
    if (mode === "read") table.grantReadData(grantee);
    else if (mode === "write") table.grantWriteData(grantee);
    else table.grantReadWriteData(grantee);
    env[tableEnvVar(id)] = table.tableName;
  }
  return env;
}
