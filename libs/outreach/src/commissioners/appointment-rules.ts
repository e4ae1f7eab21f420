/** Today in China (YYYY-MM-DD), the day the platform dates things by. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export interface Period {
  startsOn: string;
  endsOn: string;
}

/** Whether `day` falls within the appointment's period, both ends included (ISO dates compare as text). */
export function within(period: Period, day: string): boolean {
  return period.startsOn <= day && day <= period.endsOn;
}

/**
 * Why a commissioner may not act for a company today under this appointment, or null when they
 * may: it has not started yet, or it has ended.
 */
export function appointmentProblem(period: Period, today: string): string | null {
  if (today < period.startsOn) return `the appointment starts on ${period.startsOn}`;
  if (today > period.endsOn) return `the appointment ended on ${period.endsOn}`;
  return null;
}

/** Why a visit's date is refused, or null: it must be within the appointment and not after today. */
export function visitDateProblem(period: Period, visitedOn: string, today: string): string | null {
  if (visitedOn > today) return 'visitedOn must not be in the future';
  if (!within(period, visitedOn))
    return `visitedOn must be within the appointment (${period.startsOn} to ${period.endsOn})`;
  return null;
}
