/** Calendar dates as `YYYY-MM-DD` strings, the way the API and the database carry them. */

/** Today's date in China (UTC+8, no daylight saving), where every user of the platform lives. */
export function todayIso(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Full years between two dates: the age on `on` of someone born on `birthDate`. */
export function yearsBetween(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
