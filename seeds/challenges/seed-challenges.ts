import { challengeServices } from '@kuaizhuan/challenges';
import type { Caller, DemoAccounts } from '@kuaizhuan/identity';
import Decimal from 'decimal.js';
import type { DataSource } from 'typeorm';
import { castOf } from '../deals/parties';

/** What one run added (zero when the demo company already has challenges). */
export interface SeededChallenges {
  challenges: number;
  proposals: number;
}

const DAY_MS = 24 * 3600 * 1000;

const CRITERIA = [
  { name: '技术指标达成度', weight: 50 },
  { name: '报价', weight: 30 },
  { name: '团队与周期', weight: 20 },
];

const MILESTONES = [
  { title: '小试验证', deliverable: '达到指标的小试样件与第三方检测报告' },
  { title: '中试放大', deliverable: '中试工艺包与在企业产线的试生产记录' },
];

interface Team {
  caller: Caller;
  achievementId: string;
  researcherIds: string[];
}

/** The institution's first published achievement with a research team, as the team's basis. */
async function teamOf(dataSource: DataSource, caller: Caller): Promise<Team> {
  const [row]: { id: string; researcher_ids: string[] }[] = await dataSource.query(
    `SELECT a.id, array_agg(ar.researcher_id ORDER BY ar.researcher_id) AS researcher_ids
       FROM achievement a JOIN achievement_researcher ar ON ar.achievement_id = a.id
      WHERE a.org_id = $1 AND a.status = 'published'
      GROUP BY a.id, a.title ORDER BY a.title LIMIT 1`,
    [caller.orgId],
  );
  if (!row) throw new Error(`organisation ${caller.orgId} has no published achievement with a team`);
  return { caller, achievementId: row.id, researcherIds: row.researcher_ids.slice(0, 3) };
}

function proposal(team: Team, price: string, approach: string) {
  const first = (Number(price) * 0.4).toFixed(2);
  return {
    achievementId: team.achievementId,
    researcherIds: team.researcherIds,
    approach,
    milestones: [
      { title: '小试样件', dueOn: new Date(Date.now() + 120 * DAY_MS).toISOString().slice(0, 10), amount: first },
      {
        title: '中试工艺包',
        dueOn: new Date(Date.now() + 300 * DAY_MS).toISOString().slice(0, 10),
        amount: new Decimal(price).minus(first).toFixed(2),
      },
    ],
    price,
    form: 'licence' as const,
    maturity: 'pilot',
  };
}

/**
 * Loads three demo challenges through the challenge services, as the api would: one of the demo
 * company's needs taking proposals (from the demo TTO and 西南大学), another whose deadline has
 * passed and which the company and the demo manager are judging (scored, not yet decided), and a
 * government-sponsored list the operator published for the company. The judged one is told on
 * its own days: created with a deadline ahead, proposed to and revised, then its deadline is set
 * two days back. Idempotent: nothing is added when the demo company already has a challenge.
 */
export async function seedChallenges(dataSource: DataSource, accounts: DemoAccounts): Promise<SeededChallenges> {
  const company: Caller = {
    userId: accounts.enterprise.userId,
    orgId: accounts.enterprise.organisationId,
    role: 'enterprise',
  };
  const [{ n }]: { n: number }[] = await dataSource.query(
    `SELECT count(*)::int AS n FROM challenge WHERE company_org_id = $1`,
    [company.orgId],
  );
  if (n > 0) return { challenges: 0, proposals: 0 };
  const operator: Caller = { userId: accounts.operator.userId, orgId: accounts.operator.organisationId, role: 'admin' };
  const manager: Caller = { userId: accounts.manager.userId, orgId: accounts.manager.organisationId, role: 'manager' };
  const { callers } = await castOf(dataSource, accounts, ['cqu', 'swu']);
  const cqu = await teamOf(dataSource, callers.get('cqu')!);
  const swu = await teamOf(dataSource, callers.get('swu')!);
  const needs: { id: string }[] = await dataSource.query(
    `SELECT id FROM need WHERE org_id = $1 AND status = 'published' ORDER BY published_at DESC, id LIMIT 2`,
    [company.orgId],
  );
  if (needs.length < 2) throw new Error('the demo company needs two published needs: load the demo catalogue first');
  const { challenges, proposals, judging } = challengeServices(dataSource);
  const base = { rewardMin: '500000.00', rewardMax: '2000000.00', criteria: CRITERIA, milestones: MILESTONES };
  const inDays = (days: number): string => new Date(Date.now() + days * DAY_MS).toISOString();

  const open = await challenges.publish(company, {
    ...base,
    needId: needs[0].id,
    deadline: inDays(21),
    forms: ['licence', 'joint_development'],
  });
  await proposals.create(
    cqu.caller,
    open.id,
    proposal(cqu, '1500000.00', '基于本团队已授权专利的工艺路线，先小试验证关键指标，再在企业产线中试放大。'),
  );
  await proposals.create(
    swu.caller,
    open.id,
    proposal(swu, '1200000.00', '与企业联合开发：高校负责配方与工艺设计，企业提供中试场地与应用验证。'),
  );

  const judged = await challenges.publish(company, {
    ...base,
    needId: needs[1].id,
    deadline: inDays(3),
    forms: ['licence', 'transfer'],
  });
  const first = await proposals.create(
    cqu.caller,
    judged.id,
    proposal(cqu, '1800000.00', '以成熟中试工艺为基础，六个月内完成企业产线适配。'),
  );
  await proposals.revise(
    cqu.caller,
    first.id,
    proposal(cqu, '1600000.00', '以成熟中试工艺为基础，五个月内完成企业产线适配，报价下调。'),
  );
  const second = await proposals.create(
    swu.caller,
    judged.id,
    proposal(swu, '1300000.00', '采用新型工艺路线，需要一轮小试验证后再进入中试。'),
  );
  await challenges.assignManager(company, judged.id, { userId: manager.userId });
  await dataSource.query(`UPDATE challenge SET deadline = now() - interval '2 days' WHERE id = $1`, [judged.id]);
  await judging.score(company, first.id, {
    scores: [
      { criterion: '技术指标达成度', score: 8 },
      { criterion: '报价', score: 7 },
    ],
  });
  await judging.score(manager, first.id, { scores: [{ criterion: '团队与周期', score: 9 }] });
  await judging.score(company, second.id, {
    scores: [
      { criterion: '技术指标达成度', score: 6 },
      { criterion: '报价', score: 8 },
    ],
  });
  await judging.shortlist(company, first.id);

  await challenges.publish(operator, {
    ...base,
    companyOrgId: company.orgId,
    sponsor: '重庆市科学技术局',
    title: '新能源汽车热管理系统关键部件国产化（揭榜挂帅）',
    description:
      '市级揭榜挂帅项目：面向新能源汽车热管理系统的电子膨胀阀与集成模块，要求能效与可靠性达到进口同类水平，揭榜方与出题企业联合攻关。',
    keywords: ['热管理', '电子膨胀阀', '新能源汽车'],
    deadline: inDays(30),
    forms: ['joint_development'],
  });
  return { challenges: 3, proposals: 4 };
}
