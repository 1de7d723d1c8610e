/** Runs tasks one after another; a failed task does not stop the ones queued behind it. */
export class TaskQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.#tail.catch(() => {}).then(task);
    this.#tail = next;
    return next;
  }
}
