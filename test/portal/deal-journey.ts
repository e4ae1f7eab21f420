import Decimal from 'decimal.js';
import type { Page } from 'playwright-core';
import { screenshot, type Platform } from './platform';

/** What the deal journey takes over from the journeys before it. */
export interface DealJourneyContext {
  platform: Platform;
  /** Signed in as the demo company, the demo TTO and the demo manager. */
  company: Page;
  tto: Page;
  manager: Page;
  /** A new signed-in session. */
  session: (email: string) => Promise<Page>;
  /** The need whose connection with the TTO's achievement the deal is opened from. */
  needTitle: string;
}

/** A calendar date `offset` days from today in China time: YYYY-MM-DD. */
export function chinaDay(offset: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
}

/** Yuan as the portal writes them in Chinese: 5 万元 from ten thousand, 8,000 元 below. */
export function yuanZh(amount: number): string {
  const digits = (value: number): string => value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
  return amount >= 10_000 ? `${digits(amount / 10_000)} 万元` : `${digits(amount)} 元`;
}

/**
 * Types a date into an antd date picker found by its form label and leaves the field with Tab,
 * as a user moving on to the next field would (Enter would also submit the form).
 */
export async function pickDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByLabel(label);
  await input.click();
  await input.fill(date);
  await input.press('Tab');
  await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden' });
  expect(await input.inputValue()).toBe(date);
}

/** In a deal room's income tab, the TTO gives the whole research team's share to one researcher. */
export async function giveTeamShare(tto: Page): Promise<void> {
  await tto.getByRole('tab', { name: '收益分配' }).click();
  const distribution = tto.getByTestId('distribution-form');
  await distribution.getByRole('button', { name: '添加科研人员' }).click();
  await distribution.getByLabel('科研人员').click();
  await tto.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await distribution.getByLabel('份额（%）').fill('100');
  await distribution.getByRole('button', { name: '保存分配方案' }).click();
  await tto.getByText('分配方案已保存').waitFor();
}

/**
 * A use-first-pay-later licence from the connection to its first instalment, across the three
 * parties: the company applies and offers terms, the TTO assigns a broker, accepts, signs and
 * starts; the company reports revenue, which reaches the trigger and schedules the entry fee
 * with its payment notice; the manager sees the deal among those it brokers; the TTO records
 * the payment, which is split to the researcher; the operator's dashboard counts the deal.
 */
export function describeDealJourney(context: () => DealJourneyContext): void {
  describe('portal journeys: a use-first-pay-later deal', () => {
    let dealId: string;

    it('the company applies for a use-first-pay-later licence from the connection and offers its terms', async () => {
      const { company, platform, needTitle } = context();
      await company.getByRole('link', { name: '对接' }).first().click();
      await company.getByRole('row').filter({ hasText: needTitle }).getByRole('link', { name: '查看联系方式' }).click();
      await company.getByRole('button', { name: '发起交易' }).click();
      const modal = company.locator('.ant-modal');
      await modal.getByText('先使用后付费', { exact: true }).waitFor();
      await modal.getByRole('button', { name: '发起交易' }).click();
      await company.waitForURL(/\/deals\/[0-9a-f-]{36}$/);
      dealId = company.url().split('/').pop()!;
      await company.getByTestId('deal-status').getByText('洽谈中').waitFor();

      const offer = company.getByTestId('offer-form');
      await offer.getByLabel('条款摘要').fill('非独占许可，先免费使用，首次产生收入后支付入门费并按收入提成。');
      // Terms are signed while the free period still runs (today is its last day); it is aged
      // afterwards, as a test clock would, so the revenue reported later falls after it.
      await pickDate(company, '免费使用截止日', chinaDay(0));
      await offer.getByLabel('入门费').fill('50000');
      await offer.getByLabel('提成比例（%）').fill('3');
      await offer.getByLabel('提成上限').fill('200000');
      await offer.getByRole('button', { name: '提出条款' }).click();
      const version = company.getByTestId('term-sheet-1');
      await version.getByText('待确认').waitFor();
      // The offer carries the company's acceptance: it is not asked to accept its own version.
      await version.getByText('已接受', { exact: true }).waitFor();
      expect(await version.getByRole('button', { name: '接受此版本' }).count()).toBe(0);
      await screenshot(company, 'company-deal-room');

      const [sheet]: { terms: { ufpl: Record<string, unknown> } }[] = await platform.dataSource.query(
        `SELECT terms FROM term_sheet WHERE deal_id = $1 AND version = 1`,
        [dealId],
      );
      expect(sheet.terms.ufpl).toEqual({
        freeUntil: chinaDay(0),
        triggerKind: 'first_revenue',
        paymentMode: 'entry_fee_royalty',
        entryFee: '50000',
        royaltyPercent: '3',
        royaltyCap: '200000',
        dueDays: 30,
        graceDays: 30,
      });
    }, 60_000);

    it('the TTO assigns a manager, accepts, sets the team’s shares, signs and starts the licence', async () => {
      const { tto, platform } = context();
      await tto.getByRole('link', { name: '交易', exact: true }).first().click();
      await tto.getByRole('row').filter({ hasText: '洽谈中' }).getByRole('link').first().click();
      await tto.waitForURL(`**/deals/${dealId}`);

      await tto.getByLabel('指定技术经理人').click();
      await tto.locator('.ant-select-item-option').filter({ hasText: '陈静' }).click();
      await tto.getByText('已指定技术经理人').waitFor();

      await tto.getByTestId('term-sheet-1').getByRole('button', { name: '接受此版本' }).click();
      await tto.getByTestId('deal-status').getByText('条款已确认').waitFor();

      await giveTeamShare(tto);

      await tto.getByTestId('deal-steps').getByRole('button', { name: '签约' }).click();
      await tto.getByTestId('deal-status').getByText('已签约').waitFor();
      await tto.getByTestId('deal-steps').getByRole('button', { name: '开始履行' }).click();
      await tto.getByTestId('deal-status').getByText('免费使用期').waitFor();
      await screenshot(tto, 'tto-deal-room');
      // Sixty days pass: the free period the licence was signed with ends in the past.
      await platform.dataSource.query(
        `UPDATE term_sheet SET terms = jsonb_set(terms, '{ufpl,freeUntil}', to_jsonb($2::text))
          WHERE deal_id = $1 AND status = 'accepted'`,
        [dealId, chinaDay(-60)],
      );
      await platform.dataSource.query(`UPDATE ufpl_licence SET free_until = $2 WHERE deal_id = $1`, [
        dealId,
        chinaDay(-60),
      ]);
    }, 60_000);

    it('the company reports revenue, which reaches the trigger: the entry fee is its first instalment, with a payment notice', async () => {
      const { company, platform } = context();
      await company.reload();
      await company.getByTestId('deal-status').getByText('免费使用期').waitFor();
      await company.getByRole('tab', { name: '先用后付' }).click();
      const report = company.getByTestId('report-revenue');
      await pickDate(company, '期间开始', chinaDay(-30));
      await pickDate(company, '期间结束', chinaDay(-1));
      await report.getByLabel('收入').fill('1000000');
      await report.getByRole('button', { name: '报告收入' }).click();
      await company.getByText('收入已报告，已达到付费条件，付款计划已生成').waitFor();
      await company.getByTestId('deal-status').getByText('付费期').waitFor();

      const [first]: { invoice_no: string; amount: string; kind: string }[] = await platform.dataSource.query(
        `SELECT invoice_no, amount, kind FROM instalment WHERE deal_id = $1 ORDER BY seq LIMIT 1`,
        [dealId],
      );
      expect(first).toMatchObject({ kind: 'entry_fee', amount: '50000.00' });
      const row = company.getByTestId('instalments').getByRole('row').filter({ hasText: first.invoice_no });
      await row.getByText('入门费').waitFor();
      expect(await row.textContent()).toContain('5 万元');
      await row.getByText('未到期').waitFor();
      await screenshot(company, 'company-ufpl-licence');

      const [notice] = await Promise.all([
        company.waitForEvent('popup'),
        row.getByText('付款通知书', { exact: true }).click(),
      ]);
      await notice.getByText(first.invoice_no).first().waitFor();
      expect(await notice.locator('body').textContent()).toContain('付款通知书');
      await notice.close();
    }, 60_000);

    it('the manager finds the deal among those it brokers, counted on its home page', async () => {
      const { manager, platform } = context();
      const [{ brokered }]: { brokered: number }[] = await platform.dataSource.query(
        `SELECT count(*)::int AS brokered FROM deal WHERE manager_user_id = $1`,
        [platform.accounts.manager.userId],
      );
      expect(brokered).toBeGreaterThanOrEqual(1);
      await manager.goto('/');
      await manager
        .getByTestId('figure-deals')
        .locator('.ant-statistic-content-value')
        .getByText(String(brokered), { exact: true })
        .waitFor();
      await manager.getByTestId('figure-deals').click();
      const row = manager.getByRole('row').filter({ hasText: '付费期' });
      await row.first().waitFor();
      await row.getByRole('link').first().click();
      await manager.waitForURL(`**/deals/${dealId}`);
      await manager.getByText('技术经理人', { exact: true }).first().waitFor();
      await screenshot(manager, 'manager-deal');
    }, 60_000);

    it('the TTO records the entry fee as paid; it is split to the researcher, whose statement shows it', async () => {
      const { tto, platform } = context();
      await tto.reload();
      await tto.getByRole('tab', { name: '先用后付' }).click();
      const row = tto.getByTestId('instalments').getByRole('row').filter({ hasText: '入门费' });
      await row.getByText('登记收款').click();
      await tto.locator('.ant-modal').getByRole('button', { name: '登记收款' }).click();
      await tto.getByText('收款已登记并完成分配').waitFor();
      await row.getByText('已付').waitFor();

      const entries: { party: string; amount: string }[] = await platform.dataSource.query(
        `SELECT l.party, l.amount FROM ledger_entry l JOIN income_event e ON e.id = l.income_event_id
          WHERE e.deal_id = $1 ORDER BY l.amount DESC`,
        [dealId],
      );
      expect(entries.reduce((sum, e) => sum.plus(e.amount), new Decimal(0)).toFixed(2)).toBe('50000.00');
      const researcher = entries.find((e) => e.party === 'researcher')!;
      expect(Number(researcher.amount)).toBeGreaterThanOrEqual(0.8 * 50_000);

      await tto.getByRole('tab', { name: '收益分配' }).click();
      await tto.getByTestId('income-events').getByText('许可费').waitFor();
      await tto.getByRole('link', { name: '收益分配' }).first().click();
      const totals = tto.getByTestId('researcher-totals');
      await totals
        .getByText(yuanZh(Number(researcher.amount)))
        .first()
        .waitFor();
      await totals.getByText('分配明细').first().click();
      const statementTotal = tto.getByTestId('statement-total');
      await statementTotal.getByText(yuanZh(Number(researcher.amount)), { exact: true }).waitFor();
      await screenshot(tto, 'tto-income');
      await tto.keyboard.press('Escape');
      await statementTotal.waitFor({ state: 'detached' });
    }, 60_000);

    it('the operator’s dashboard counts the signed deal in its figures', async () => {
      const { session, platform } = context();
      const operator = await session(platform.accounts.operator.email);
      const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
      // Each signed deal's contract amount: the agreed price, else its valuation, else the licence fee or entry fee.
      const [{ signed, ufpl, turnover }]: { signed: number; ufpl: number; turnover: string }[] =
        await platform.dataSource.query(
          `SELECT count(*)::int AS signed, (count(*) FILTER (WHERE d.type = 'use_first_pay_later'))::int AS ufpl,
                  coalesce(sum(coalesce((t.terms->>'price')::numeric,
                                        (SELECT max(v.value) FROM deal_valuation v WHERE v.deal_id = d.id),
                                        (t.terms->'ufpl'->>'fee')::numeric,
                                        (t.terms->'ufpl'->>'entryFee')::numeric, 0)), 0) AS turnover
             FROM deal d JOIN term_sheet t ON t.deal_id = d.id AND t.status = 'accepted'
            WHERE d.signed_on BETWEEN make_date($1, 1, 1) AND make_date($1, 12, 31)`,
          [year],
        );
      expect(ufpl).toBeGreaterThanOrEqual(1);
      await operator.getByRole('link', { name: '数据看板' }).first().click();
      await operator
        .getByTestId('funnel-signed')
        .getByTestId('funnel-count')
        .getByText(String(signed), { exact: true })
        .waitFor();
      const row = operator.getByRole('row').filter({ hasText: '先使用后付费' });
      expect((await row.locator('td').last().textContent())?.trim()).toBe(String(ufpl));
      expect(Number(turnover)).toBeGreaterThanOrEqual(50_000);
      await operator
        .getByTestId('kpi-turnover')
        .getByText(yuanZh(Number(turnover)), { exact: true })
        .waitFor();
      // The journey's manager approved a recommendation this year: an active technology manager.
      const [{ reviewers }]: { reviewers: number }[] = await platform.dataSource.query(
        `SELECT count(DISTINCT reviewed_by)::int AS reviewers FROM recommendation WHERE reviewed_by IS NOT NULL`,
      );
      expect(reviewers).toBeGreaterThanOrEqual(1);
      await operator
        .getByTestId('kpi-managers')
        .locator('.ant-statistic-content-value')
        .getByText(String(reviewers), { exact: true })
        .waitFor();
      await screenshot(operator, 'operator-dashboard-deal');
    }, 60_000);
  });
}
