/**
 * `read`, shared by everyone who asks for it in the same turn of the event loop: the first ask
 * schedules one read at the end of the turn (setImmediate), and every ask until then gets its
 * result. A read that has started is never joined, so each caller's result is at least as fresh
 * as the moment it asked: whatever it wrote before asking is in it.
 *
 * Why: under a burst many commands ask for the same rows at once (`/bers incident list` at
 * hundreds a second), and on the embedded store each of those statements is a large part of the
 * command's CPU; one statement per turn serves them all.
 */
export function sharedPerTurn<T>(read: () => Promise<T>): () => Promise<T> {
  let next: Promise<T> | undefined;
  return () => {
    next ??= new Promise<T>((resolve, reject) => {
      setImmediate(() => {
        next = undefined;
        read().then(resolve, reject);
      });
    });
    return next;
  };
}
