import { appointmentProblem, chinaToday, visitDateProblem, within } from './appointment-rules';

describe('appointment rules', () => {
  const period = { startsOn: '2026-03-01', endsOn: '2026-08-31' };

  describe('within', () => {
    it('includes both ends and nothing outside', () => {
      expect(within(period, '2026-03-01')).toBe(true);
      expect(within(period, '2026-08-31')).toBe(true);
      expect(within(period, '2026-02-28')).toBe(false);
      expect(within(period, '2026-09-01')).toBe(false);
    });
  });

  describe('appointmentProblem', () => {
    it('lets a commissioner act during the appointment only', () => {
      expect(appointmentProblem(period, '2026-05-10')).toBeNull();
      expect(appointmentProblem(period, '2026-02-28')).toBe('the appointment starts on 2026-03-01');
      expect(appointmentProblem(period, '2026-09-01')).toBe('the appointment ended on 2026-08-31');
    });
  });

  describe('visitDateProblem', () => {
    it('refuses a visit in the future or outside the appointment', () => {
      expect(visitDateProblem(period, '2026-05-09', '2026-05-10')).toBeNull();
      expect(visitDateProblem(period, '2026-05-11', '2026-05-10')).toMatch(/future/);
      expect(visitDateProblem(period, '2026-02-20', '2026-05-10')).toMatch(/within the appointment/);
    });
  });

  describe('chinaToday', () => {
    it('turns to the next day at 16:00 UTC', () => {
      expect(chinaToday(new Date('2026-05-10T15:59:00Z'))).toBe('2026-05-10');
      expect(chinaToday(new Date('2026-05-10T16:00:00Z'))).toBe('2026-05-11');
    });
  });
});
