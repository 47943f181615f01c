/**
 * A value built on first use and reused while the Lambda container is warm; a failed build is
 * forgotten so the next invocation tries again.
 */
export function oncePerContainer<T>(build: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  return () =>
    (cached ??= build().catch((err: unknown) => {
      cached = undefined;
      throw err;
    }));
}
