import type { FieldProblem } from '@kuaizhuan/platform';
import Decimal from 'decimal.js';
import { daysBetween } from '../domain/dates';
import { hasRoyalty, type PaymentMode, type TriggerKind } from '../domain/licence-terms';

/** The UFPL terms as offered (already checked field by field by the DTO). */
export interface UfplTermsInput {
  freeUntil: string;
  triggerKind: TriggerKind;
  triggerDate?: string;
  triggerThreshold?: string;
  paymentMode: PaymentMode;
  fee?: string;
  instalmentCount?: number;
  intervalMonths?: number;
  entryFee?: string;
  royaltyPercent?: string;
  royaltyCap?: string;
  dueDays: number;
  graceDays: number;
}

/** What the fields say together that none says alone; field names are prefixed `ufpl.`. */
export function ufplTermsProblems(terms: UfplTermsInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string): void => {
    problems.push({ field: `ufpl.${field}`, message: `ufpl.${field} ${message}` });
  };
  if (terms.triggerKind === 'date' && terms.triggerDate && daysBetween(terms.freeUntil, terms.triggerDate) < 1) {
    add('triggerDate', 'must be after freeUntil');
  }
  if (terms.triggerKind !== 'date' && terms.triggerDate !== undefined)
    add('triggerDate', 'applies only to a date trigger');
  if (terms.triggerKind !== 'revenue_threshold' && terms.triggerThreshold !== undefined) {
    add('triggerThreshold', 'applies only to a revenue_threshold trigger');
  }
  if (
    terms.triggerKind === 'revenue_threshold' &&
    terms.triggerThreshold &&
    new Decimal(terms.triggerThreshold).lte(0)
  ) {
    add('triggerThreshold', 'must be more than 0');
  }
  const usesFee = terms.paymentMode === 'lump_sum' || terms.paymentMode === 'instalments';
  if (!usesFee && terms.fee !== undefined) add('fee', `does not apply to ${terms.paymentMode}`);
  if (usesFee && terms.fee && new Decimal(terms.fee).lte(0)) add('fee', 'must be more than 0');
  if (terms.paymentMode !== 'instalments') {
    if (terms.instalmentCount !== undefined) add('instalmentCount', 'applies only to instalments');
    if (terms.intervalMonths !== undefined) add('intervalMonths', 'applies only to instalments');
  }
  if (terms.paymentMode !== 'entry_fee_royalty' && terms.entryFee !== undefined) {
    add('entryFee', 'applies only to entry_fee_royalty');
  }
  if (!hasRoyalty(terms.paymentMode)) {
    if (terms.royaltyPercent !== undefined) add('royaltyPercent', 'applies only to royalty modes');
    if (terms.royaltyCap !== undefined) add('royaltyCap', 'applies only to royalty modes');
  } else if (terms.royaltyPercent && new Decimal(terms.royaltyPercent).lte(0)) {
    add('royaltyPercent', 'must be more than 0');
  }
  return problems;
}
