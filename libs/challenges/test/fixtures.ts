import Decimal from 'decimal.js';
import type { DataSource } from 'typeorm';
import { publishedNeed, type Accounts } from '../../catalog/test/fixtures';
import { achievement, api, researchers } from '../../deals/test/fixtures';
import type { HttpTarget, SignedIn } from '../../../test/support/auth';

export { api };

const DAY_MS = 24 * 3600 * 1000;

/** A challenge body as the company sends it, closing `days` from now. */
export function challengeBody(needId: string, days = 10): Record<string, unknown> {
  return {
    needId,
    rewardMin: '500000.00',
    rewardMax: '2000000.00',
    deadline: new Date(Date.now() + days * DAY_MS).toISOString(),
    forms: ['licence', 'joint_development'],
    criteria: [
      { name: '技术指标', weight: 60 },
      { name: '报价', weight: 40 },
    ],
    milestones: [
      { title: '小试验证', deliverable: '减重 30% 的样件与检测报告' },
      { title: '中试', deliverable: '中试线工艺包' },
    ],
  };
}

/** A TTO's team: its own achievement and researchers. */
export interface Team {
  account: SignedIn;
  achievementId: string;
  researcherIds: string[];
}

export async function team(http: HttpTarget, account: SignedIn): Promise<Team> {
  return { account, achievementId: await achievement(http, account), researcherIds: await researchers(http, account) };
}

/** A proposal body for `team` at `price`, in two milestones that add up to it. */
export function proposalBody(
  t: Team,
  price = '1200000.00',
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const half = (Number(price) / 2).toFixed(2);
  return {
    achievementId: t.achievementId,
    researcherIds: t.researcherIds,
    approach: '以高强韧镁合金板材替代钢制壳体，连续轧制后激光焊接成形。',
    milestones: [
      { title: '小试样件', dueOn: '2027-06-30', amount: half },
      { title: '中试工艺包', dueOn: '2027-12-31', amount: new Decimal(price).minus(half).toFixed(2) },
    ],
    price,
    form: 'licence',
    maturity: 'pilot',
    ...extra,
  };
}

/** The content of a proposal without its achievement: what a revision sends. */
export function revisionBody(t: Team, price: string): Record<string, unknown> {
  const { achievementId: _omitted, ...content } = proposalBody(t, price);
  return content;
}

/** A company's published challenge (from a fresh published need); returns its id. */
export async function publishedChallenge(
  http: HttpTarget,
  accounts: Accounts,
  company: SignedIn = accounts.enterprise,
  days = 10,
): Promise<string> {
  const needId = await publishedNeed(http, company, accounts.admin);
  const response = await api(http).post(company, '/challenges', challengeBody(needId, days)).expect(201);
  return (response.body as { id: string }).id;
}

/** Lets the deadline pass: the row is aged in the database, nobody waits. */
export async function deadlinePassed(dataSource: DataSource, challengeId: string): Promise<void> {
  await dataSource.query(`UPDATE challenge SET deadline = now() - interval '1 minute' WHERE id = $1`, [challengeId]);
}

/** The audit trail of a subject: its actions, oldest first. */
export async function auditActions(dataSource: DataSource, subjectId: string): Promise<string[]> {
  const rows: { action: string }[] = await dataSource.query(
    `SELECT action FROM audit_log WHERE subject_id = $1 ORDER BY occurred_at, id`,
    [subjectId],
  );
  return rows.map((row) => row.action);
}
