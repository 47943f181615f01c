/** A running DynamoDB-compatible engine on loopback. */
export interface RunningEngine {
  /** `dynalite` or `dynamodb-local`. */
  kind: EngineKind;
  /** Endpoint URL, e.g. `http://127.0.0.1:8000`. */
  endpoint: string;
  /** Compacts the engine's on-disk store now (persisted dynalite only); false when nothing ran. */
  compact?(): Promise<boolean>;
  /** Stops the engine and releases its port. Safe to call twice. */
  stop(): Promise<void>;
}

export type EngineKind = "dynalite" | "dynamodb-local";
