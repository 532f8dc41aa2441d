/**
 * Lets the browser paint and answer the reader between two pieces of work,
 * so that no single task holds the main thread long (Total Blocking Time
 * counts every task over 50 ms; a phone runs about four times slower than
 * the machines this is written on).
 */

/** How long one task may render before it hands the main thread back, in ms (a phone's 50 ms at a quarter of the speed, with room). */
export const SLICE_MS = 10;

type Scheduler = { yield?: () => Promise<void> };

/** When the current task was first asked whether it has run long; -1 once a new task has begun. */
let taskStart = -1;

/**
 * True once the current task has rendered for SLICE_MS since it first asked:
 * shared by every element, so that several elements defined or answered in
 * one task (a chunk's arrival upgrades all its elements at once) take turns.
 */
export function taskIsLong(): boolean {
  const now = performance.now();
  if (taskStart < 0) {
    taskStart = now;
    // Forgotten at the next task: whatever runs then starts afresh.
    setTimeout(() => (taskStart = -1));
  }
  return now - taskStart > SLICE_MS;
}

/** Resolves in a later task: `scheduler.yield()` where the browser has it (it keeps the work's place in line), else a message task. */
export async function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler?.yield) await scheduler.yield();
  else {
    // A message task, not setTimeout(0): nested timeouts are clamped to 4 ms.
    await new Promise<void>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
  }
  taskStart = performance.now();
}
