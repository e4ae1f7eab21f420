import type { Caller, DemoAccounts } from '@kuaizhuan/identity';
import { serviceServices } from '@kuaizhuan/services';
import type { DataSource } from 'typeorm';
import { castOf } from '../deals/parties';

/** What one run added (zero everywhere when the demo platforms were already there). */
export interface SeededServices {
  platforms: number;
  services: number;
  completedSteps: number;
}

interface DemoPlatform {
  /** The demo organisation that runs it (seeds/catalog/organisations.ts). */
  organisation: string;
  name: string;
  kinds: ('proof_of_concept' | 'pilot' | 'incubator')[];
  description: string;
  regionCode: string;
  services: {
    title: string;
    description: string;
    fieldCodes: string[];
    trlFrom: number;
    trlTo: number;
    facilities: string;
    priceMin: string;
    priceMax: string;
    leadTimeDays: number;
  }[];
}

/** Two platforms: a company's pilot platform for light alloys, and the university's proof-of-concept centre. */
export const DEMO_PLATFORMS: DemoPlatform[] = [
  {
    organisation: 'lvsheng',
    name: '铝晟轻合金中试验证平台',
    kinds: ['pilot'],
    description: '依托企业板带材与压铸产线，为高校院所的轻合金成果提供中试放大、工艺验证和批量一致性检测。',
    regionCode: '500107',
    services: [
      {
        title: '轻合金板带材中试放大',
        description: '在 1200 mm 连续轧制中试线上完成工艺放大和 3 批次稳定性验证，出具第三方检测报告。',
        fieldCodes: ['light-alloy', 'advanced-materials'],
        trlFrom: 4,
        trlTo: 7,
        facilities: '1200 mm 连续轧制中试线、热处理炉、力学性能与金相实验室',
        priceMin: '300000.00',
        priceMax: '800000.00',
        leadTimeDays: 120,
      },
      {
        title: '压铸件试制与台架验证',
        description: '一体化压铸模具试模、小批量试制和结构件台架试验。',
        fieldCodes: ['light-alloy', 'intelligent-nev'],
        trlFrom: 5,
        trlTo: 7,
        facilities: '4400 吨压铸岛、X 射线探伤、疲劳试验台',
        priceMin: '500000.00',
        priceMax: '1500000.00',
        leadTimeDays: 150,
      },
    ],
  },
  {
    organisation: 'cqu',
    name: '重庆大学概念验证中心',
    kinds: ['proof_of_concept', 'incubator'],
    description: '为校内外早期成果提供原理样机、技术可行性验证和市场评估，验证后可入驻孵化。',
    regionCode: '500106',
    services: [
      {
        title: '原理样机与可行性验证',
        description: '由专职项目经理组织工程团队完成原理样机、关键指标测试和技术经济评估。',
        fieldCodes: [],
        trlFrom: 2,
        trlTo: 4,
        facilities: '共享工程实验室、快速成型中心、检测平台',
        priceMin: '50000.00',
        priceMax: '200000.00',
        leadTimeDays: 90,
      },
    ],
  },
];

/**
 * Loads the demo service platforms and one completed pilot step, through the same services as the
 * api: each organisation applies, the operator verifies it, it lists its services; then the demo TTO
 * asks the pilot platform for a quote on one of its light-alloy achievements, which is quoted,
 * accepted and completed, and the TTO confirms the maturity reached. Idempotent: a platform that
 * exists is left as it is, and the step is told only while no quote of the pilot platform exists.
 */
export async function seedServices(dataSource: DataSource, accounts: DemoAccounts): Promise<SeededServices> {
  const { platforms } = serviceServices(dataSource);
  const { callers } = await castOf(
    dataSource,
    accounts,
    DEMO_PLATFORMS.map((p) => p.organisation),
  );
  const operator: Caller = { userId: accounts.operator.userId, orgId: accounts.operator.organisationId, role: 'admin' };
  const added: SeededServices = { platforms: 0, services: 0, completedSteps: 0 };
  for (const demo of DEMO_PLATFORMS) {
    const caller = callers.get(demo.organisation)!;
    const exists: unknown[] = await dataSource.query(`SELECT 1 FROM service_platform WHERE org_id = $1`, [
      caller.orgId,
    ]);
    if (exists.length > 0) continue;
    const applied = await platforms.apply(caller, {
      name: demo.name,
      kinds: demo.kinds,
      description: demo.description,
      regionCode: demo.regionCode,
    });
    await platforms.decide(operator, applied.id, 'verify');
    for (const service of demo.services) await platforms.addService(caller, service);
    added.platforms += 1;
    added.services += demo.services.length;
  }
  added.completedSteps = await completedPilotStep(dataSource, accounts, callers.get('lvsheng')!);
  return added;
}

/** The demo TTO's light-alloy achievement taken through a pilot step; 1 when told, 0 when it was already. */
async function completedPilotStep(dataSource: DataSource, accounts: DemoAccounts, pilot: Caller): Promise<number> {
  const { quotes } = serviceServices(dataSource);
  const told: unknown[] = await dataSource.query(`SELECT 1 FROM service_quote WHERE platform_org_id = $1`, [
    pilot.orgId,
  ]);
  if (told.length > 0) return 0;
  const tto: Caller = { userId: accounts.tto.userId, orgId: accounts.tto.organisationId, role: 'tto' };
  const [achievement]: { id: string; trl: number }[] = await dataSource.query(
    `SELECT id, trl FROM achievement
      WHERE org_id = $1 AND status = 'published' AND trl BETWEEN 4 AND 6 AND 'light-alloy' = ANY(field_codes)
      ORDER BY external_ref, id LIMIT 1`,
    [tto.orgId],
  );
  if (!achievement) return 0;
  const [service]: { id: string }[] = await dataSource.query(
    `SELECT s.id FROM platform_service s JOIN service_platform p ON p.id = s.platform_id
      WHERE p.org_id = $1 AND s.trl_from <= $2 ORDER BY s.trl_from, s.title LIMIT 1`,
    [pilot.orgId, achievement.trl],
  );
  const target = Math.min(achievement.trl + 2, 7);
  const quote = await quotes.request(tto, {
    serviceId: service.id,
    achievementId: achievement.id,
    targetTrl: target,
    message: '该成果已完成小试，希望在中试线上验证工艺放大后的性能和批次稳定性。',
  });
  await quotes.transition(pilot, quote.id, { action: 'quote', price: '450000.00', leadTimeDays: 120 });
  await quotes.transition(tto, quote.id, { action: 'accept' });
  await quotes.transition(pilot, quote.id, {
    action: 'complete',
    trlReached: target,
    note: '完成 3 批次中试放大，力学性能与小试一致，第三方检测报告已交付。',
  });
  await quotes.confirmMaturity(tto, quote.id);
  return 1;
}
