// Time is a dependency: services take a Clock so tests can fix "now".
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date | string): Clock {
  const instant = new Date(at);
  return { now: () => new Date(instant) };
}

/** Vietnam keeps UTC+7 all year (no daylight saving). */
export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;

/** Today's date in Vietnam, 'YYYY-MM-DD', whatever the server's own time zone. */
export function vietnamDate(at: Date): string {
  return new Date(at.getTime() + VIETNAM_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}
