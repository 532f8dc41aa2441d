/**
 * Re-renders its host every minute while connected, so "closes in 2 hours"
 * and the status that follows the dates (the one rule, src/api/status.ts)
 * stay true while someone reads.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ClockController implements ReactiveController {
  /** Now, as of the last tick (tests may set `Date` or call `tick`). */
  now = Date.now();
  private timer?: ReturnType<typeof setInterval>;
  private alarm?: ReturnType<typeof setTimeout>;
  private alarmAt = Infinity;

  constructor(private readonly host: ReactiveControllerHost, private readonly every = 60_000) {
    host.addController(this);
  }

  hostConnected(): void {
    this.timer = setInterval(() => this.tick(), this.every);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
    clearTimeout(this.alarm);
    this.alarmAt = Infinity;
  }

  /**
   * Also ticks exactly at `iso` (an opening or closing time), so a
   * consultation stops taking comments the moment it closes, not up to a minute later.
   */
  wakeAt(iso: string): void {
    const at = Date.parse(iso);
    const wait = at - Date.now();
    // setTimeout cannot wait longer than about 24 days; the minute tick covers the rest.
    if (!(wait > 0) || wait > 2_000_000_000 || at >= this.alarmAt) return;
    clearTimeout(this.alarm);
    this.alarmAt = at;
    this.alarm = setTimeout(() => {
      this.alarmAt = Infinity;
      this.tick();
    }, wait + 50);
  }

  tick(): void {
    this.now = Date.now();
    this.host.requestUpdate();
  }
}
