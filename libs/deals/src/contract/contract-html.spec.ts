import { renderContract, type ContractFacts } from './contract-html';

const facts: ContractFacts = {
  dealId: '0a1b2c3d-0000-4000-8000-000000000000',
  type: 'use_first_pay_later',
  licenceScope: 'non_exclusive',
  title: '镁合金轧制技术先用后付许可',
  version: 2,
  agreedOn: '2026-11-20',
  signedOn: '2026-11-21',
  institution: {
    name: '重庆大学',
    creditCode: '12500000450403313X',
    region: '500000',
    contactName: '王老师',
    contactPhone: null,
  },
  company: { name: '重庆<长安>轻量化', creditCode: null, region: '500112', contactName: null, contactPhone: null },
  achievement: {
    title: '高强韧镁合金板材连续轧制技术',
    ipType: 'invention_patent',
    patentNumbers: ['ZL202310000001.1'],
    fields: ['轻合金'],
  },
  summary: '非独占许可，先用后付',
  amount: '60000.00',
  ufpl: {
    freeUntil: '2026-12-31',
    triggerKind: 'first_revenue',
    paymentMode: 'entry_fee_royalty',
    entryFee: '60000.00',
    royaltyPercent: '3',
    royaltyCap: '200000.00',
    dueDays: 30,
    graceDays: 30,
  },
  contributions: [{ name: '张伟', sharePercent: '60.0000' }],
  policy: { teamFloorPercent: '80', institutionCapPercent: '20' },
};

describe('renderContract', () => {
  const html = renderContract(facts);

  it('lays out the registration block with category, amount in capitals and patent', () => {
    expect(html).toContain('<h1>技术许可（先使用后付费）合同</h1>');
    expect(html).toContain('<tr><th>技术合同类别</th><td>技术许可（普通许可）</td></tr>');
    expect(html).toContain('60000.00 元（人民币陆万元整）');
    expect(html).toContain('ZL202310000001.1');
    expect(html).toContain('合同编号：KZ-0A1B2C3D-V2');
  });

  it('states the use-first-pay-later clauses and the distribution floor', () => {
    expect(html).toContain('至 2026-12-31 止');
    expect(html).toContain('被许可方首次取得实施收入');
    expect(html).toContain('提成总额以 200000.00 元（人民币贰拾万元整） 为上限');
    expect(html).toContain('无偿返还本技术许可');
    expect(html).toContain('不低于\n80%');
    expect(html).toContain('<td>张伟</td><td>60.0000%</td>');
  });

  it('escapes what users wrote', () => {
    expect(html).toContain('重庆&lt;长安&gt;轻量化');
    expect(html).not.toContain('<长安>');
  });
});
