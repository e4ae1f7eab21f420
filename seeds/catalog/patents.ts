import type { Random } from './random';

/*
 * Numbers in the formats Chinese IP offices use. They are made up: any resemblance to a real
 * patent or registration is chance.
 */

const APPLICATION_WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

/** Check character of a 12-digit CNIPA application number (weighted sum mod 11; 10 is X). */
export function applicationCheckDigit(digits: string): string {
  if (!/^\d{12}$/.test(digits)) throw new RangeError('an application number has 12 digits');
  const sum = [...digits].reduce((total, digit, i) => total + Number(digit) * APPLICATION_WEIGHTS[i], 0);
  const check = sum % 11;
  return check === 10 ? 'X' : String(check);
}

export type PatentKind = 'invention' | 'utility' | 'design';

const KIND_DIGIT: Record<PatentKind, string> = { invention: '1', utility: '2', design: '3' };

/**
 * A patent number: `ZL202310123456.7` once granted, the bare application number
 * `202410123456.X` while pending.
 */
export function patentNumber(random: Random, kind: PatentKind, year: number, granted: boolean): string {
  const serial = String(random.int(100_000, 1_999_999)).padStart(7, '0');
  const digits = `${year}${KIND_DIGIT[kind]}${serial}`;
  return `${granted ? 'ZL' : ''}${digits}.${applicationCheckDigit(digits)}`;
}

/** A software copyright registration number, e.g. `2023SR0456789`. */
export function softwareRegistration(random: Random, year: number): string {
  return `${year}SR${String(random.int(100_000, 1_899_999)).padStart(7, '0')}`;
}

/** A plant variety right number, e.g. `CNA20221234.5`. */
export function plantVarietyNumber(random: Random, year: number): string {
  return `CNA${year}${String(random.int(1000, 9999))}.${random.int(0, 9)}`;
}

/** An integrated-circuit layout design registration number, e.g. `BS.235012345`. */
export function layoutDesignNumber(random: Random, year: number): string {
  return `BS.${String(year).slice(2)}5${String(random.int(0, 999_999)).padStart(6, '0')}`;
}
