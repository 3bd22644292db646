import { vietnamDate } from '../../kernel/clock.ts';

/**
 * Message ids seen within the replay window, per client subsystem, in memory (loaded from
 * exchange.seen_message at start; every accepted id is written there with its log row). `claim`
 * is synchronous, so two concurrent calls with one id cannot both pass in this process.
 */
export function createReplayGuard(windowMs: number) {
  const seen = new Map<string, number>();
  return {
    claim(client: string, messageId: string, at: number): boolean {
      const key = `${client} ${messageId}`;
      const previous = seen.get(key);
      if (previous !== undefined && at - previous <= windowMs * 2) return false;
      seen.set(key, at);
      return true;
    },
    load(rows: readonly { client: string; messageId: string; seenAt: Date }[]) {
      for (const row of rows) seen.set(`${row.client} ${row.messageId}`, row.seenAt.getTime());
    },
    /** Forgets ids older than twice the window (a message that old is refused by its date anyway). */
    prune(now: number) {
      for (const [key, at] of seen) if (now - at > windowMs * 2) seen.delete(key);
    },
    size: () => seen.size,
  };
}

/**
 * Calls per client subsystem per minute and per day (Vietnam's calendar day), fixed windows, per
 * instance. Returns the seconds to wait when over a quota.
 */
export function createQuotas() {
  const counters = new Map<string, { minute: number; minuteCount: number; day: string; dayCount: number }>();
  return {
    take(subsystemId: string, limits: { perMinute: number; perDay: number }, now: Date): { ok: true } | { ok: false; retryAfter: number } {
      const minute = Math.floor(now.getTime() / 60_000);
      const day = vietnamDate(now);
      const counter = counters.get(subsystemId) ?? { minute, minuteCount: 0, day, dayCount: 0 };
      if (counter.minute !== minute) Object.assign(counter, { minute, minuteCount: 0 });
      if (counter.day !== day) Object.assign(counter, { day, dayCount: 0 });
      counters.set(subsystemId, counter);
      if (counter.dayCount >= limits.perDay) {
        // Until midnight in Vietnam (UTC+7).
        const shifted = now.getTime() + 7 * 3_600_000;
        return { ok: false, retryAfter: Math.ceil((86_400_000 - (shifted % 86_400_000)) / 1000) };
      }
      if (counter.minuteCount >= limits.perMinute) return { ok: false, retryAfter: Math.ceil(((minute + 1) * 60_000 - now.getTime()) / 1000) };
      counter.minuteCount += 1;
      counter.dayCount += 1;
      return { ok: true };
    },
  };
}
