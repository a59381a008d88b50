// Request handling in turns of the event loop. Node accepts one new connection per turn of its
// event loop, and on SQLite a request runs from start to answer without giving the loop back, so
// a turn used to hold every request that had arrived: with hundreds of busy connections a turn
// took a tenth of a second and new connections waited in the kernel's queue for seconds (the
// clients' 10 s timeouts at 500 connections). Here at most `perTurn` requests start per turn; the
// rest wait for the next one, which first accepts a connection and reads what has arrived.

export function inTurns<A extends unknown[], R>(handler: (...args: A) => R | Promise<R>, perTurn: number): (...args: A) => Promise<R> {
  const waiting: Array<() => void> = [];
  let scheduled = false;
  const turn = (): void => {
    scheduled = false;
    const starting = waiting.splice(0, perTurn);
    if (waiting.length > 0) schedule();
    for (const start of starting) start();
  };
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(turn);
  };
  return (...args: A) =>
    new Promise<R>((resolve, reject) => {
      waiting.push(() => {
        try {
          Promise.resolve(handler(...args)).then(resolve, reject);
        } catch (error) {
          reject(error);
        }
      });
      schedule();
    });
}
