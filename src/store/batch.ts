/**
 * Gathers calls made in the same turn of the event loop into one: `run` gets every item queued
 * since the last flush (at most `max`) and returns one result per item, in order. Under load a
 * statement per batch instead of per call is what keeps the store off the critical path.
 */
export function createBatcher<In, Out>(run: (items: In[]) => Promise<Out[]>, max = 200): (item: In) => Promise<Out> {
  const queue: { item: In; resolve: (out: Out) => void; reject: (err: unknown) => void }[] = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    const batch = queue.splice(0, max);
    if (queue.length > 0) schedule();
    run(batch.map((b) => b.item)).then(
      (results) => batch.forEach((b, i) => b.resolve(results[i] as Out)),
      (err: unknown) => batch.forEach((b) => b.reject(err)),
    );
  };
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  };
  return (item) =>
    new Promise<Out>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      schedule();
    });
}
