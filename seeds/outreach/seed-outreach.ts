import { hash } from '@node-rs/argon2';
import { DEMO_PASSWORD, User, type DemoAccounts } from '@kuaizhuan/identity';
import { Researcher } from '@kuaizhuan/catalog';
import {
  CommissionerAppointment,
  CommissionerVisit,
  MinedNeedDraft,
  SavedSearch,
  type SavedQuery,
} from '@kuaizhuan/outreach';
import { Outbox } from '@kuaizhuan/platform';
import type { DataSource, EntityManager } from 'typeorm';

/** The demo university's researcher who serves as technology commissioner, with an account of her own. */
export const DEMO_COMMISSIONER = {
  email: 'commissioner@kuaizhuan.demo',
  name: '陈立群',
  title: '研究员',
  researchAreas: ['轻量化材料', '压铸工艺', '机器视觉检测'],
  fieldCodes: ['light-alloy'],
};

/** What one run added (zero everywhere when the demo's commissioner was already appointed). */
export interface SeededOutreach {
  appointments: number;
  visits: number;
  minedNeeds: number;
  drafts: number;
  savedSearches: number;
}

const VISITS = [
  {
    daysAgo: 75,
    findings: '压铸车间：铝合金壳体内部气孔靠人工抽检，漏检率约 3%，返修成本高；企业有 X 射线设备但无自动判读。',
  },
  { daysAgo: 40, findings: '涂装线：水性漆烘干能耗占车间用电四成，希望引入余热回收或低温固化工艺。' },
  { daysAgo: 12, findings: '回访压铸车间：企业愿意提供样件与产线数据，共同验证在线检测方案；预算约 80–150 万元。' },
];

/** A need the commissioner drafted from the first visit, already confirmed and published by the company. */
const CONFIRMED_NEED = {
  title: '铝合金压铸件气孔缺陷在线检测与自动分选',
  summary: '寻求基于 X 射线或机器视觉的压铸件内部气孔在线检测方案',
  description: '压铸件内部气孔目前依靠人工抽检，漏检率约 3%。希望实现在线全检、自动判读与分选，节拍不低于每件 30 秒。',
  problem: '在线、自动判读压铸件内部气孔缺陷',
  indicators: '检出率 ≥ 99%，误判率 ≤ 1%，节拍 ≤ 30 秒/件',
  keywords: ['压铸', '气孔', '缺陷检测', '机器视觉'],
  fieldCodes: ['light-alloy'],
  budgetMin: '800000.00',
  budgetMax: '1500000.00',
  cooperationModes: ['licence', 'joint_development'],
  confidentiality: 'public',
};

/** A need drafted from the second visit, waiting for the company to confirm it: what a newcomer finds. */
const WAITING_NEED = {
  title: '涂装线水性漆低温固化与烘干余热回收',
  summary: '降低涂装线烘干能耗的低温固化涂料或余热回收方案',
  description: '水性漆烘干能耗占车间用电约四成。希望引入低温固化工艺或烘干炉余热回收，能耗下降 20% 以上。',
  problem: '在不降低漆膜性能的前提下降低烘干温度与能耗',
  keywords: ['涂装', '低温固化', '余热回收'],
  cooperationModes: ['licence', 'transfer'],
  confidentiality: 'public',
};

const SAVED: { who: 'enterprise' | 'tto'; name: string; kind: 'achievement' | 'need'; query: SavedQuery }[] = [
  { who: 'enterprise', name: '轻量化新成果', kind: 'achievement', query: { q: '轻量化', mode: ['licence'] } },
  { who: 'tto', name: '检测类企业需求', kind: 'need', query: { q: '检测' } },
];

function daysAgo(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Loads the demo's technology commissioner: the demo university's researcher 陈立群 (her own
 * account, commissioner@kuaizhuan.demo) appointed to the demo company for this year, three
 * visits, a need mined from the first visit that the company confirmed and the operator published
 * (with its outbox event, so the worker indexes and matches it), a draft from the second visit
 * waiting for the company, and a saved search each for the demo company and the demo TTO.
 * Idempotent: nothing is added when the appointment is already there.
 */
export async function seedOutreach(dataSource: DataSource, accounts: DemoAccounts): Promise<SeededOutreach> {
  const passwordHash = await hash(DEMO_PASSWORD);
  return dataSource.transaction(async (manager) => {
    const userId = await commissionerAccount(manager, accounts, passwordHash);
    const researcherId = await commissionerResearcher(manager, accounts);
    const existing = await manager.findOneBy(CommissionerAppointment, {
      researcherId,
      companyOrgId: accounts.enterprise.organisationId,
    });
    if (existing) return { appointments: 0, visits: 0, minedNeeds: 0, drafts: 0, savedSearches: 0 };
    const appointment = await manager.save(
      manager.create(CommissionerAppointment, {
        researcherId,
        institutionOrgId: accounts.tto.organisationId,
        userId,
        companyOrgId: accounts.enterprise.organisationId,
        startsOn: daysAgo(120),
        endsOn: daysAgo(-245),
        appointedBy: accounts.operator.userId,
      }),
    );
    const visits: CommissionerVisit[] = [];
    for (const visit of VISITS) {
      visits.push(
        await manager.save(
          manager.create(CommissionerVisit, {
            appointmentId: appointment.id,
            companyOrgId: accounts.enterprise.organisationId,
            visitedOn: daysAgo(visit.daysAgo),
            findings: visit.findings,
            createdBy: userId,
          }),
        ),
      );
    }
    const needId = await publishedMinedNeed(manager, accounts, appointment.id);
    await manager.save([
      manager.create(MinedNeedDraft, {
        appointmentId: appointment.id,
        companyOrgId: accounts.enterprise.organisationId,
        visitId: visits[0].id,
        content: CONFIRMED_NEED,
        status: 'confirmed',
        needId,
        draftedBy: userId,
        confirmedBy: accounts.enterprise.userId,
        confirmedAt: new Date(Date.now() - 60 * 86_400_000),
      }),
      manager.create(MinedNeedDraft, {
        appointmentId: appointment.id,
        companyOrgId: accounts.enterprise.organisationId,
        visitId: visits[1].id,
        content: WAITING_NEED,
        draftedBy: userId,
      }),
    ]);
    let savedSearches = 0;
    for (const saved of SAVED) {
      const owner = accounts[saved.who];
      if (await manager.findOneBy(SavedSearch, { userId: owner.userId, name: saved.name })) continue;
      await manager.save(
        manager.create(SavedSearch, {
          userId: owner.userId,
          orgId: owner.organisationId,
          name: saved.name,
          kind: saved.kind,
          query: saved.query,
        }),
      );
      savedSearches += 1;
    }
    return { appointments: 1, visits: visits.length, minedNeeds: 1, drafts: 1, savedSearches };
  });
}

async function commissionerAccount(
  manager: EntityManager,
  accounts: DemoAccounts,
  passwordHash: string,
): Promise<string> {
  const found = await manager.findOneBy(User, { email: DEMO_COMMISSIONER.email });
  if (found) return found.id;
  const user = await manager.save(
    manager.create(User, {
      organisationId: accounts.tto.organisationId,
      email: DEMO_COMMISSIONER.email,
      displayName: DEMO_COMMISSIONER.name,
      role: 'tto',
      passwordHash,
    }),
  );
  return user.id;
}

async function commissionerResearcher(manager: EntityManager, accounts: DemoAccounts): Promise<string> {
  const found = await manager.findOneBy(Researcher, {
    orgId: accounts.tto.organisationId,
    email: DEMO_COMMISSIONER.email,
  });
  if (found) return found.id;
  const [institution]: { name: string }[] = await manager.query(`SELECT name FROM organisation WHERE id = $1`, [
    accounts.tto.organisationId,
  ]);
  const researcher = await manager.save(
    manager.create(Researcher, {
      orgId: accounts.tto.organisationId,
      name: DEMO_COMMISSIONER.name,
      title: DEMO_COMMISSIONER.title,
      institutionName: institution.name,
      researchAreas: DEMO_COMMISSIONER.researchAreas,
      fieldCodes: DEMO_COMMISSIONER.fieldCodes,
      commissionerAvailable: true,
      commissionerNote: '可到企业驻点，每月至少一次',
      email: DEMO_COMMISSIONER.email,
    }),
  );
  await new Outbox().publish(manager, 'researcher.changed', { kind: 'researcher', ids: [researcher.id] });
  return researcher.id;
}

/** The confirmed need, as the company's own, published by the operator 55 days ago. */
async function publishedMinedNeed(
  manager: EntityManager,
  accounts: DemoAccounts,
  appointmentId: string,
): Promise<string> {
  const need = CONFIRMED_NEED;
  const [row]: { id: string }[] = await manager.query(
    `INSERT INTO need (org_id, created_by, status, title, summary, description, problem, indicators, keywords,
                       field_codes, budget_min, budget_max, cooperation_modes, confidentiality, mined_by_appointment_id,
                       created_at, submitted_at, reviewed_at, reviewed_by, published_at, updated_at)
     VALUES ($1, $2, 'published', $3, $4, $5, $6, $7, $8::text[], $9::varchar[], $10, $11,
             $12::cooperation_mode[], 'public', $13, now() - interval '60 days', now() - interval '60 days',
             now() - interval '55 days', $14, now() - interval '55 days', now() - interval '55 days')
     RETURNING id`,
    [
      accounts.enterprise.organisationId,
      accounts.enterprise.userId,
      need.title,
      need.summary,
      need.description,
      need.problem,
      need.indicators,
      need.keywords,
      need.fieldCodes,
      need.budgetMin,
      need.budgetMax,
      need.cooperationModes,
      appointmentId,
      accounts.operator.userId,
    ],
  );
  await new Outbox().publish(manager, 'need.published', { kind: 'need', ids: [row.id] });
  return row.id;
}
