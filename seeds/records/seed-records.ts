import { disposalsOf } from '@kuaizhuan/deals';
import type { DemoAccounts } from '@kuaizhuan/identity';
import { RegisterApproval } from '@kuaizhuan/records';
import type { DataSource } from 'typeorm';

/** Bodies that approve disposals at a university, in turn. */
const APPROVERS = ['校长办公会', '科技成果转化领导小组', '校长办公会'];

/**
 * The demo TTO's approvals in its register of service inventions: every disposal its deals
 * made but the latest, approved by the university a week before signing under a document of
 * that year, so a newcomer sees approved disposals and one still waiting for its approval.
 * Run after the demo deals; idempotent (a disposal already approved is left as it is).
 */
export async function seedRecords(dataSource: DataSource, accounts: DemoAccounts): Promise<{ approvals: number }> {
  const orgId = accounts.tto.organisationId;
  const disposals = await disposalsOf(dataSource.manager, orgId, null);
  const approvals = disposals.slice(0, -1).map((d, index) => {
    const day = new Date(`${d.signedOn}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() - 7);
    const approvedOn = day.toISOString().slice(0, 10);
    return {
      dealId: d.dealId,
      institutionOrgId: orgId,
      approvedBy: APPROVERS[index % APPROVERS.length],
      approvedOn,
      documentRef: `渝大科〔${approvedOn.slice(0, 4)}〕${12 + index * 7}号`,
      recordedBy: accounts.tto.userId,
    };
  });
  if (approvals.length === 0) return { approvals: 0 };
  const result = await dataSource
    .createQueryBuilder()
    .insert()
    .into(RegisterApproval)
    .values(approvals)
    .orIgnore()
    .returning(['dealId'])
    .execute();
  return { approvals: (result.raw as unknown[]).length };
}
