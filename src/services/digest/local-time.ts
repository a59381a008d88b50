// The wall-clock day and time of an instant in a time zone, as the digest schedule needs them:
// "is it 09:30 yet in Europe/Berlin, and on which day". Daylight-saving changes need no special
// case: a time skipped in spring is reached at the first minute after it, and a time repeated in
// autumn belongs to the same day, which the schedule sends once.

export interface LocalTime {
  /** YYYY-MM-DD in the time zone. */
  day: string;
  /** Minutes since local midnight, 0–1439. */
  minuteOfDay: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, format);
  }
  return format;
}

export function localTime(instant: Date, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return { day: `${parts.year}-${parts.month}-${parts.day}`, minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** Minutes since midnight of an HH:MM time (checked by the configuration). */
export function minuteOfDay(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours! * 60 + minutes!;
}
