import { describe, expect, it } from 'vitest';
import { localTime, minuteOfDay } from './local-time.js';

describe('localTime', () => {
  it('gives the day and minute in UTC and in zones east and west of it', () => {
    const instant = new Date('2026-11-17T23:30:00.000Z');
    expect(localTime(instant, 'UTC')).toEqual({ day: '2026-11-17', minuteOfDay: 23 * 60 + 30 });
    expect(localTime(instant, 'Europe/Berlin')).toEqual({ day: '2026-11-18', minuteOfDay: 30 });
    expect(localTime(instant, 'America/New_York')).toEqual({ day: '2026-11-17', minuteOfDay: 18 * 60 + 30 });
    expect(localTime(instant, 'Asia/Kolkata')).toEqual({ day: '2026-11-18', minuteOfDay: 5 * 60 });
  });

  it('follows daylight saving time', () => {
    // Berlin is UTC+2 in summer, UTC+1 in winter.
    expect(localTime(new Date('2026-07-01T07:00:00.000Z'), 'Europe/Berlin').minuteOfDay).toBe(9 * 60);
    expect(localTime(new Date('2026-12-01T08:00:00.000Z'), 'Europe/Berlin').minuteOfDay).toBe(9 * 60);
    // 29 March 2026: 02:00 becomes 03:00; one minute after 01:59 is 03:00.
    expect(localTime(new Date('2026-03-29T01:00:00.000Z'), 'Europe/Berlin').minuteOfDay).toBe(3 * 60);
  });

  it('shows midnight as 00:00, not 24:00', () => {
    expect(localTime(new Date('2026-11-18T00:00:00.000Z'), 'UTC')).toEqual({ day: '2026-11-18', minuteOfDay: 0 });
  });
});

describe('minuteOfDay', () => {
  it('reads HH:MM', () => {
    expect(minuteOfDay('00:00')).toBe(0);
    expect(minuteOfDay('09:30')).toBe(570);
    expect(minuteOfDay('23:59')).toBe(1439);
  });
});
