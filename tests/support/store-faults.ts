import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/**
 * Fault switch: the next command sent through `doc` that `matches` (by command name and its
 * document input) fails with an injected error before reaching the engine; later ones pass.
 */
export function failNextWrite(
  doc: DynamoDBDocumentClient,
  matches: (command: string, input: Record<string, unknown>) => boolean,
): void {
  const name = `fail-next-write-${Math.random().toString(36).slice(2)}`;
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      if (!matches(String(context.commandName), input)) return next(args);
      doc.middlewareStack.remove(name);
      throw new Error(`injected: ${String(context.commandName)} failed`);
    },
    { step: "initialize", name },
  );
}
