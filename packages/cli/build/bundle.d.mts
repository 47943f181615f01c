/** The current CLI bundle's entry file, or null when there is none or a source is newer than it. */
export function freshBundle(): string | null;
/** Builds the CLI bundle into a new folder of packages/cli/dist; returns its entry file. */
export function buildBundle(): Promise<string>;
