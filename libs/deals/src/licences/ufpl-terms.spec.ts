import { ufplTermsProblems, type UfplTermsInput } from './ufpl-terms';

const base: UfplTermsInput = {
  freeUntil: '2026-12-31',
  triggerKind: 'first_revenue',
  paymentMode: 'royalty',
  royaltyPercent: '3',
  dueDays: 30,
  graceDays: 15,
};

describe('ufplTermsProblems', () => {
  it('accepts consistent terms', () => {
    expect(ufplTermsProblems(base)).toEqual([]);
    expect(
      ufplTermsProblems({
        ...base,
        triggerKind: 'date',
        triggerDate: '2027-01-01',
        paymentMode: 'instalments',
        royaltyPercent: undefined,
        fee: '100',
        instalmentCount: 4,
        intervalMonths: 3,
      }),
    ).toEqual([]);
  });

  it('names fields that do not fit the trigger or the payment mode', () => {
    const fields = ufplTermsProblems({
      ...base,
      triggerDate: '2026-06-01',
      fee: '100',
      royaltyPercent: '0',
      entryFee: '5',
    }).map((p) => p.field);
    expect(fields).toEqual(['ufpl.triggerDate', 'ufpl.fee', 'ufpl.entryFee', 'ufpl.royaltyPercent']);
  });

  it('refuses a trigger date inside the free period and a zero fee', () => {
    const fields = ufplTermsProblems({
      ...base,
      triggerKind: 'date',
      triggerDate: '2026-12-31',
      paymentMode: 'lump_sum',
      royaltyPercent: undefined,
      fee: '0',
    }).map((p) => p.field);
    expect(fields).toEqual(['ufpl.triggerDate', 'ufpl.fee']);
  });
});
