import request from 'supertest';
import type { DataSource } from 'typeorm';
import { DEMO_PASSWORD, seedIdentity } from '@kuaizhuan/identity';
import {
  bearer,
  registerAccount,
  signIn,
  verifyOrganisations,
  type HttpTarget,
  type SignedIn,
} from '../../../test/support/auth';

export interface Accounts {
  enterprise: SignedIn;
  otherEnterprise: SignedIn;
  tto: SignedIn;
  otherTto: SignedIn;
  admin: SignedIn;
  manager: SignedIn;
}

/**
 * Two companies and two universities registered through the api and verified by the seeded admin,
 * plus that admin and the seeded manager.
 */
export async function createAccounts(http: HttpTarget, dataSource: DataSource): Promise<Accounts> {
  const demo = await seedIdentity(dataSource);
  const [enterprise, otherEnterprise, tto, otherTto, admin, manager] = await Promise.all([
    registerAccount(http, { kind: 'enterprise', name: '重庆长安轻量化科技有限公司' }),
    registerAccount(http, { kind: 'enterprise', name: '重庆另一家企业有限公司' }),
    registerAccount(http, { kind: 'university', name: '重庆大学' }),
    registerAccount(http, { kind: 'university', name: '西南大学' }),
    signIn(http, demo.operator.email, DEMO_PASSWORD),
    signIn(http, demo.manager.email, DEMO_PASSWORD),
  ]);
  await verifyOrganisations(http, admin, enterprise.orgId, otherEnterprise.orgId, tto.orgId, otherTto.orgId);
  return { enterprise, otherEnterprise, tto, otherTto, admin, manager };
}

export function as(account: SignedIn): { Authorization: string } {
  return bearer(account.accessToken);
}

export const NEED = {
  title: '新能源汽车电池包轻量化技术',
  summary: '寻求电池包壳体减重方案',
  description: '现有钢制电池包壳体重量偏大，希望采用轻合金或复合材料方案。',
  problem: '在保证碰撞安全的前提下减重 30%',
  indicators: '减重 ≥30%，成本增加 ≤10%',
  existingConditions: '具备冲压与焊接产线',
  keywords: ['电池包', '轻量化'],
  fieldCodes: ['intelligent-nev', 'light-alloy'],
  desiredStage: 'pilot',
  minTrl: 6,
  budgetMin: '500000.00',
  budgetMax: '2000000.00',
  cooperationModes: ['licence', 'joint_development'],
  regionCode: '500112',
  deadline: '2027-12-31',
  confidentiality: 'summary_only',
};

export const ACHIEVEMENT = {
  externalRef: 'CQU-2026-001',
  title: '高强韧镁合金板材连续轧制技术',
  summary: '一种镁合金板材的连续轧制工艺，强度和塑性同时提升。',
  applicationScenarios: '新能源汽车电池包壳体、座椅骨架',
  advantages: '较传统工艺减重 35%，成本降低 12%',
  keywords: ['镁合金', '轧制', '轻量化'],
  fieldCodes: ['light-alloy', 'advanced-materials'],
  ipType: 'invention_patent',
  patentNumbers: ['ZL202310000001.1'],
  legalStatus: 'granted',
  trl: 6,
  maturityStage: 'pilot',
  transferModes: ['licence', 'use_first_pay_later'],
  priceMin: '800000.00',
  priceMax: '1500000.00',
  institutionName: '重庆大学材料科学与工程学院',
  separateLedger: true,
  internalNotes: '内部：最低可接受 60 万',
};

/** Creates a need as `owner` and takes it through submit and approval; returns its id. */
export async function publishedNeed(
  http: HttpTarget,
  owner: SignedIn,
  moderator: SignedIn,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const created = await request(http)
    .post('/api/needs')
    .set(as(owner))
    .send({ ...NEED, ...overrides })
    .expect(201);
  const { id } = created.body as { id: string };
  await request(http).post(`/api/needs/${id}/submit`).set(as(owner)).expect(200);
  await request(http).post(`/api/needs/${id}/approve`).set(as(moderator)).send({}).expect(200);
  return id;
}

/** Creates an achievement as `owner` and takes it through submit and approval; returns its id. */
export async function publishedAchievement(
  http: HttpTarget,
  owner: SignedIn,
  moderator: SignedIn,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const created = await request(http)
    .post('/api/achievements')
    .set(as(owner))
    .send({ ...ACHIEVEMENT, ...overrides })
    .expect(201);
  const { id } = created.body as { id: string };
  await request(http).post(`/api/achievements/${id}/submit`).set(as(owner)).expect(200);
  await request(http).post(`/api/achievements/${id}/approve`).set(as(moderator)).send({}).expect(200);
  return id;
}
