import { GAP_WEIGHTS, gapLevels, maturityGap, MAX_PROPOSALS, proposeService, type GapService } from './maturity-gap';

const need = { minTrl: 7, fieldCodes: ['intelligent-nev'], regionCode: '500112' };
const achievement = { trl: 4, fieldCodes: ['light-alloy'], regionCode: '500106' };

function service(overrides: Partial<GapService> = {}): GapService {
  return {
    serviceId: 'svc-1',
    title: '轻合金中试',
    platformId: 'pf-1',
    platformName: '两江轻合金中试基地',
    kinds: ['pilot'],
    fieldCodes: ['light-alloy'],
    trlFrom: 4,
    trlTo: 7,
    regionCode: '500112',
    priceMin: '200000.00',
    priceMax: '500000.00',
    leadTimeDays: 90,
    ...overrides,
  };
}

describe('gapLevels', () => {
  it('counts the missing levels only when the achievement is less mature than the need asks', () => {
    expect(gapLevels({ minTrl: 7 }, { trl: 4 })).toBe(3);
    expect(gapLevels({ minTrl: 7 }, { trl: 7 })).toBeNull();
    expect(gapLevels({ minTrl: 5 }, { trl: 8 })).toBeNull();
  });

  it('says nothing when either level is unknown', () => {
    expect(gapLevels({ minTrl: null }, { trl: 4 })).toBeNull();
    expect(gapLevels({ minTrl: 7 }, { trl: null })).toBeNull();
  });
});

describe('proposeService', () => {
  it('scores a platform that bridges the whole gap in the field and district as 1, with reasons in both languages', () => {
    const proposal = proposeService(need, achievement, service(), 4, 7)!;
    expect(proposal.score).toBe(1);
    expect(proposal.reasons.map((r) => [r.feature, r.value])).toEqual([
      ['maturity', 1],
      ['field', 1],
      ['locality', 1],
    ]);
    const [maturity, field, locality] = proposal.reasons;
    expect(maturity.zh).toBe('承接成熟度 TRL 4–7，可将成果从 TRL 4 提升到需求要求的 TRL 7');
    expect(maturity.en).toBe('Takes results at TRL 4–7: it can bring this one from TRL 4 to the TRL 7 the need asks');
    expect(field.zh).toBe('服务领域覆盖成果所属领域（light-alloy）');
    expect(field.en).toBe("Works in the achievement's field (light-alloy)");
    expect(locality.zh).toBe('平台与需求企业在同一区县');
    expect(locality.en).toBe('In the same district as the company');
  });

  it('gives a share of the maturity reason to a platform that stops short, and says how short', () => {
    const proposal = proposeService(need, achievement, service({ trlTo: 6 }), 4, 7)!;
    const maturity = proposal.reasons[0];
    expect(maturity.value).toBe(0.667);
    expect(maturity.zh).toContain('仍差 1 级');
    expect(maturity.en).toContain('1 short of the TRL 7');
    expect(proposal.score).toBe(
      Math.round((GAP_WEIGHTS.maturity * 0.667 + GAP_WEIGHTS.field + GAP_WEIGHTS.locality) * 1000) / 1000,
    );
  });

  it('proposes no platform that takes results only at a later level, or ends at the achievement’s level', () => {
    expect(proposeService(need, achievement, service({ trlFrom: 5 }), 4, 7)).toBeNull();
    expect(proposeService(need, achievement, service({ trlFrom: 2, trlTo: 4 }), 4, 7)).toBeNull();
  });

  it('proposes no platform whose fields are all elsewhere; one without fields counts half', () => {
    expect(proposeService(need, achievement, service({ fieldCodes: ['biomedicine'] }), 4, 7)).toBeNull();
    const general = proposeService(need, achievement, service({ fieldCodes: [] }), 4, 7)!;
    expect(general.reasons[1]).toEqual({
      feature: 'field',
      value: 0.5,
      zh: '平台不限技术领域',
      en: 'The platform works in every field',
    });
  });

  it("values the need's field below the achievement's", () => {
    const proposal = proposeService(need, achievement, service({ fieldCodes: ['intelligent-nev'] }), 4, 7)!;
    expect(proposal.reasons[1]).toMatchObject({ value: 0.7, en: "Works in the need's field (intelligent-nev)" });
  });

  it('ranks locality: company district, institution district, Chongqing, elsewhere, unknown', () => {
    const value = (regionCode: string | null): number =>
      proposeService(need, achievement, service({ regionCode }), 4, 7)!.reasons[2].value;
    expect([value('500112'), value('500106'), value('500103'), value('510104'), value(null)]).toEqual([
      1, 0.9, 0.6, 0.2, 0.3,
    ]);
    expect(proposeService(need, achievement, service({ regionCode: '500103' }), 4, 7)!.reasons[2].zh).toBe(
      '平台在重庆市内，利于本地转化',
    );
  });
});

describe('maturityGap', () => {
  it('is null when the achievement is mature enough', () => {
    expect(maturityGap(need, { ...achievement, trl: 7 }, [service()])).toBeNull();
  });

  it('explains the gap in both languages and keeps the best service of each platform, best first', () => {
    const gap = maturityGap(need, achievement, [
      service({ serviceId: 'a-short', trlTo: 5 }),
      service({ serviceId: 'a-full' }),
      service({
        serviceId: 'b',
        platformId: 'pf-2',
        platformName: '西部概念验证中心',
        kinds: ['proof_of_concept'],
        regionCode: '510104',
      }),
      service({ serviceId: 'c', platformId: 'pf-3', fieldCodes: ['biomedicine'] }),
    ])!;
    expect(gap).toMatchObject({ achievementTrl: 4, neededTrl: 7, levels: 3 });
    expect(gap.proposals.map((p) => p.service.serviceId)).toEqual(['a-full', 'b']);
    expect(gap.zh).toBe('成果成熟度为 TRL 4，需求要求至少 TRL 7，相差 3 级；可通过中试验证平台、概念验证中心补齐');
    expect(gap.en).toBe(
      'The achievement is at TRL 4 and the need asks at least TRL 7: 3 levels short; a pilot platform, proof-of-concept centre can bridge it',
    );
  });

  it('says so when no platform bridges the gap', () => {
    const gap = maturityGap(need, achievement, [service({ trlFrom: 6 })])!;
    expect(gap.proposals).toEqual([]);
    expect(gap.zh).toContain('暂无可补齐的服务平台');
    expect(gap.en).toContain('no service platform bridges it yet');
  });

  it(`proposes at most ${MAX_PROPOSALS} platforms, the shorter lead time first among equals`, () => {
    const services = [5, 4, 3, 2, 1].map((n) =>
      service({ serviceId: `s${n}`, platformId: `p${n}`, platformName: `平台${n}`, leadTimeDays: n * 10 }),
    );
    expect(maturityGap(need, achievement, services)!.proposals.map((p) => p.service.serviceId)).toEqual([
      's1',
      's2',
      's3',
    ]);
  });
});
