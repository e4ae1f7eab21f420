import Decimal from 'decimal.js';
import { chinaDay, giveTeamShare, pickDate, yuanZh, type DealJourneyContext } from './deal-journey';
import { screenshot } from './platform';

/**
 * A rights-for-equity deal (作价入股) the TTO opens itself, with no connection: it finds one of
 * its achievements and a verified company by name, offers terms the company accepts, sets the
 * team's shares, signs, records the valuation and the equity taken, then a dividend, which is
 * split to the researcher.
 */
export function describeEquityJourney(context: () => DealJourneyContext): void {
  describe('portal journeys: a rights-for-equity deal the TTO opens directly', () => {
    let dealId: string;

    it('the TTO opens the deal with a company it finds by name, for an achievement it finds by title', async () => {
      const { tto, platform } = context();
      const [achievement]: { title: string }[] = await platform.dataSource.query(
        `SELECT title FROM achievement WHERE org_id = $1 AND status = 'published' ORDER BY title DESC LIMIT 1`,
        [platform.accounts.tto.organisationId],
      );
      const [company]: { name: string }[] = await platform.dataSource.query(
        `SELECT name FROM organisation WHERE id = $1`,
        [platform.accounts.enterprise.organisationId],
      );
      await tto.getByRole('link', { name: '交易', exact: true }).first().click();
      await tto.getByRole('button', { name: '发起交易' }).click();
      const modal = tto.locator('.ant-modal');
      await modal.getByText('作价入股', { exact: true }).waitFor();

      await modal.getByLabel('成果', { exact: true }).fill(achievement.title.slice(0, 6));
      await tto
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: achievement.title })
        .click();
      expect(await modal.getByLabel('交易名称').inputValue()).toBe(achievement.title);
      await modal.getByLabel('企业', { exact: true }).fill(company.name.slice(2, 6));
      await tto
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: company.name })
        .click();
      await modal.getByLabel('交易名称').fill(`${achievement.title}作价入股`);
      await modal.getByRole('button', { name: '发起交易' }).click();
      await tto.waitForURL(/\/deals\/[0-9a-f-]{36}$/);
      dealId = tto.url().split('/').pop()!;
      await tto.getByTestId('deal-status').getByText('洽谈中').waitFor();
      await tto.getByTestId('deal-title').getByText(`${achievement.title}作价入股`).waitFor();

      const [deal]: { connection_id: string | null; company_org_id: string; type: string }[] =
        await platform.dataSource.query(`SELECT connection_id, company_org_id, type FROM deal WHERE id = $1`, [dealId]);
      expect(deal).toEqual({
        connection_id: null,
        company_org_id: platform.accounts.enterprise.organisationId,
        type: 'rights_for_equity',
      });
    }, 60_000);

    it('the TTO offers terms with a price, both sides accept, and the TTO sets the team’s shares and signs', async () => {
      const { tto, company, platform } = context();
      const offer = tto.getByTestId('offer-form');
      await offer.getByLabel('条款摘要').fill('以该成果作价 300 万元入股企业，占股 20%，单位与团队按 3:7 持有。');
      await offer.getByLabel('价格').fill('3000000');
      await offer.getByRole('button', { name: '提出条款' }).click();
      const version = tto.getByTestId('term-sheet-1');
      // The offer carries the TTO's acceptance: it is not asked to accept its own version.
      await version.getByText('已接受', { exact: true }).waitFor();
      expect(await version.getByRole('button', { name: '接受此版本' }).count()).toBe(0);

      await company.goto(`${platform.baseUrl}/deals/${dealId}`);
      await company.getByTestId('term-sheet-1').getByRole('button', { name: '接受此版本' }).click();
      await company.getByTestId('deal-status').getByText('条款已确认').waitFor();

      await tto.reload();
      await tto.getByTestId('deal-status').getByText('条款已确认').waitFor();
      await giveTeamShare(tto);
      await tto.getByTestId('deal-steps').getByRole('button', { name: '签约' }).click();
      await tto.getByTestId('deal-status').getByText('已签约').waitFor();
    }, 60_000);

    it('the TTO records the valuation and the equity taken: the deal is held', async () => {
      const { tto, platform } = context();
      await tto.getByRole('tab', { name: '股权与赋权' }).click();
      await tto.getByText('尚未评估').waitFor();
      await tto.getByLabel('评估价值').fill('3000000');
      await tto.getByLabel('评估方法').click();
      await tto.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '收益法' }).click();
      await tto.getByLabel('评估机构').fill('重庆华西资产评估有限公司');
      await pickDate(tto, '评估基准日', chinaDay(-10));
      await tto.getByRole('button', { name: '登记评估' }).click();
      await tto.getByTestId('deal-status').getByText('已评估').waitFor();
      await tto.getByText('重庆华西资产评估有限公司').waitFor();

      await tto.getByLabel('持股比例（%）').fill('20');
      await tto.getByLabel('单位持有（%）').fill('30');
      await tto.getByLabel('团队持有（%）').fill('70');
      await pickDate(tto, '入股日期', chinaDay(-1));
      await tto.getByRole('button', { name: '登记入股' }).click();
      await tto.getByTestId('deal-status').getByText('持股中').waitFor();
      await tto.getByText('尚未入股').waitFor({ state: 'detached' });
      await screenshot(tto, 'tto-equity-deal');

      const [valuation]: { value: string; method: string }[] = await platform.dataSource.query(
        `SELECT value, method FROM deal_valuation WHERE deal_id = $1`,
        [dealId],
      );
      expect(valuation).toEqual({ value: '3000000.00', method: '收益法' });
    }, 60_000);

    it('a dividend on the equity is split by the policy, at least 80% to the research team', async () => {
      const { tto, platform } = context();
      await tto.getByRole('tab', { name: '收益分配' }).click();
      await tto.getByLabel('金额', { exact: true }).fill('200000');
      await tto.getByRole('button', { name: '登记收益' }).click();
      await tto.getByText('收益已登记并完成分配').waitFor();
      const row = tto.getByTestId('income-events').getByRole('row').filter({ hasText: '分红' });
      await row.waitFor();
      expect(await row.textContent()).toContain('20 万元');

      const entries: { party: string; amount: string }[] = await platform.dataSource.query(
        `SELECT l.party, l.amount FROM ledger_entry l JOIN income_event e ON e.id = l.income_event_id
          WHERE e.deal_id = $1`,
        [dealId],
      );
      expect(entries.reduce((sum, e) => sum.plus(e.amount), new Decimal(0)).toFixed(2)).toBe('200000.00');
      const researcher = entries.find((e) => e.party === 'researcher')!;
      expect(Number(researcher.amount)).toBeGreaterThanOrEqual(160_000);
      expect(await row.textContent()).toContain(yuanZh(Number(researcher.amount)));
      await screenshot(tto, 'tto-equity-income');
    }, 60_000);
  });
}
