import { renderInvoice } from './invoice-html';

describe('renderInvoice', () => {
  it('states the amount in figures and capitals, the parties and whether it is paid', () => {
    const html = renderInvoice({
      invoiceNo: 'KZ-0A1B2C3D4E5F-002',
      dealTitle: '镁合金<许可>',
      kind: 'royalty',
      seq: 2,
      amount: '30000.05',
      dueOn: '2027-01-30',
      paidOn: null,
      payer: '重庆长安轻量化科技有限公司',
      payee: '重庆大学',
    });
    expect(html).toContain('<tr><th>金额</th><td>30000.05 元（人民币叁万元零伍分）</td></tr>');
    expect(html).toContain('第 2 期 · 提成费');
    expect(html).toContain('镁合金&lt;许可&gt;');
    expect(html).toContain('<tr><th>状态</th><td>未付</td></tr>');
  });
});
