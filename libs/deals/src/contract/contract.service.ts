import { Injectable } from '@nestjs/common';
import type { Caller } from '@kuaizhuan/identity';
import { ConflictError, NotFoundError } from '@kuaizhuan/platform';
import { DataSource } from 'typeorm';
import { policyOf } from '../books/income-book';
import { DealAccess } from '../steps/deal-access';
import { renderContract, type ContractFacts, type ContractParty } from './contract-html';
import { renderInvoice, type InvoiceFacts } from './invoice-html';

const PARTY = (alias: string): string =>
  `json_build_object('name', ${alias}.name, 'creditCode', ${alias}.credit_code, 'region', ${alias}.region,
     'contactName', ${alias}.contact_name, 'contactPhone', ${alias}.contact_phone)`;

interface FactsRow {
  institution: ContractParty;
  company: ContractParty;
  achievement: ContractFacts['achievement'];
  version: number | null;
  terms: { summary: string; price?: string; ufpl?: Record<string, unknown> } | null;
  agreedOn: string | null;
  contributions: ContractFacts['contributions'] | null;
}

/** The printable contract of a deal's agreed terms, for the parties and the deal's manager. */
@Injectable()
export class ContractService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: DealAccess,
  ) {}

  async html(caller: Caller, dealId: string): Promise<string> {
    const manager = this.dataSource.manager;
    const { deal } = await this.access.find(manager, caller, dealId);
    const [row]: FactsRow[] = await manager.query(
      `SELECT ${PARTY('io')} AS institution, ${PARTY('co')} AS company,
              json_build_object('title', a.title, 'ipType', a.ip_type, 'patentNumbers', a.patent_numbers,
                'fields', coalesce((SELECT array_agg(t.name_zh ORDER BY t.code) FROM taxonomy_term t
                                     WHERE t.kind = 'field' AND t.code = ANY(a.field_codes)), '{}')) AS achievement,
              s.version, s.terms,
              to_char(greatest(s.institution_accepted_at, s.company_accepted_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')
                AS "agreedOn",
              (SELECT json_agg(json_build_object('name', r.name, 'sharePercent', c.share_percent::text)
                        ORDER BY c.share_percent DESC, r.name)
                 FROM deal_contribution c JOIN researcher r ON r.id = c.researcher_id WHERE c.deal_id = d.id) AS contributions
         FROM deal d
         JOIN organisation io ON io.id = d.institution_org_id
         JOIN organisation co ON co.id = d.company_org_id
         JOIN achievement a ON a.id = d.achievement_id
         LEFT JOIN LATERAL (SELECT * FROM term_sheet t WHERE t.deal_id = d.id AND t.status = 'accepted'
                             ORDER BY t.version DESC LIMIT 1) s ON true
        WHERE d.id = $1`,
      [dealId],
    );
    if (!row.terms || row.version === null || row.agreedOn === null) {
      throw new ConflictError('The contract exists once both sides have accepted the terms', 'status');
    }
    const ufpl = row.terms.ufpl ?? null;
    const amount = row.terms.price ?? (ufpl ? ((ufpl.fee ?? ufpl.entryFee ?? null) as string | null) : null);
    return renderContract({
      dealId,
      type: deal.type,
      licenceScope: deal.licenceScope,
      title: deal.title,
      version: row.version,
      agreedOn: row.agreedOn,
      signedOn: deal.signedOn,
      institution: row.institution,
      company: row.company,
      achievement: row.achievement,
      summary: row.terms.summary,
      amount,
      ufpl,
      contributions: row.contributions ?? [],
      policy: await policyOf(manager, deal.institutionOrgId),
    });
  }

  /** The payment notice of one instalment of the deal. */
  async invoice(caller: Caller, dealId: string, instalmentId: string): Promise<string> {
    const manager = this.dataSource.manager;
    const { deal } = await this.access.find(manager, caller, dealId);
    const [row]: InvoiceFacts[] = await manager.query(
      `SELECT i.invoice_no AS "invoiceNo", i.kind, i.seq, i.amount, to_char(i.due_on, 'YYYY-MM-DD') AS "dueOn",
              to_char(i.paid_on, 'YYYY-MM-DD') AS "paidOn", co.name AS payer, io.name AS payee
         FROM instalment i
         JOIN deal d ON d.id = i.deal_id
         JOIN organisation co ON co.id = d.company_org_id
         JOIN organisation io ON io.id = d.institution_org_id
        WHERE i.id = $1 AND i.deal_id = $2`,
      [instalmentId, dealId],
    );
    if (!row) throw new NotFoundError(`No instalment ${instalmentId}`, 'instalmentId');
    return renderInvoice({ ...row, dealTitle: deal.title });
  }
}
