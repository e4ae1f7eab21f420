import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { AuditLog, type Caller } from '@kuaizhuan/identity';
import { CreateNeedDto, NeedsService, TaxonomyService } from '@kuaizhuan/catalog';
import { NotFoundError } from '@kuaizhuan/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { MinedNeedDraft } from '../entities/mined-need-draft.entity';
import type { EditMinedNeedDto } from './commissioner.dto';
import { checkNeedTerms, requireAwaiting } from './commissioner-work.service';
import { draftView, type DraftView } from './draft-view';

export interface CompanyDraftView extends DraftView {
  /** Who drafted it: the commissioner and their institution. */
  commissioner: { name: string; title: string; institution: string };
  /** What the commissioner found on the visit the need came out of. */
  visit: { visitedOn: string; findings: string } | null;
}

/**
 * The company's side of needs mined by commissioners: it reads the drafts made for it, edits
 * them and confirms them, which makes each a need of its own sent to moderation.
 */
@Injectable()
export class MinedNeedsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly needs: NeedsService,
    private readonly taxonomy: TaxonomyService,
  ) {}

  async list(caller: Caller): Promise<CompanyDraftView[]> {
    const rows = await this.dataSource.manager.find(MinedNeedDraft, {
      where: { companyOrgId: caller.orgId },
      order: { createdAt: 'DESC' },
    });
    return this.views(rows);
  }

  async get(caller: Caller, id: string): Promise<CompanyDraftView> {
    const row = await this.dataSource.manager.findOneBy(MinedNeedDraft, { id, companyOrgId: caller.orgId });
    if (!row) throw new NotFoundError('No such draft', 'id');
    return (await this.views([row]))[0];
  }

  async edit(caller: Caller, id: string, input: EditMinedNeedDto): Promise<CompanyDraftView> {
    await checkNeedTerms(this.taxonomy, input.need);
    await this.dataSource.transaction(async (manager) => {
      const draft = await this.lockOwn(manager, caller, id);
      requireAwaiting(draft);
      draft.content = { ...input.need };
      draft.editedBy = caller.userId;
      await manager.save(draft);
    });
    return this.get(caller, id);
  }

  /** The company confirms the draft: catalog creates its need, mined under the appointment, and submits it. */
  async confirm(caller: Caller, id: string): Promise<CompanyDraftView> {
    await this.dataSource.transaction(async (manager) => {
      const draft = await this.lockOwn(manager, caller, id);
      requireAwaiting(draft);
      const input = plainToInstance(CreateNeedDto, draft.content);
      const needId = await this.needs.submitMined(manager, caller, input, draft.appointmentId);
      draft.status = 'confirmed';
      draft.needId = needId;
      draft.confirmedBy = caller.userId;
      draft.confirmedAt = new Date();
      await manager.save(draft);
      await this.audit.record(manager, {
        action: 'commissioner.need_confirmed',
        actor: { userId: caller.userId, orgId: caller.orgId },
        subject: { type: 'mined_need_draft', id: draft.id },
        details: { needId, appointmentId: draft.appointmentId },
      });
    });
    return this.get(caller, id);
  }

  private async lockOwn(manager: EntityManager, caller: Caller, id: string): Promise<MinedNeedDraft> {
    const draft = await manager.findOne(MinedNeedDraft, {
      where: { id, companyOrgId: caller.orgId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!draft) throw new NotFoundError('No such draft', 'id');
    return draft;
  }

  private async views(rows: MinedNeedDraft[]): Promise<CompanyDraftView[]> {
    if (rows.length === 0) return [];
    const people: {
      id: string;
      name: string;
      title: string;
      institution: string;
      visited_on: string | null;
      findings: string | null;
    }[] = await this.dataSource.query(
      `SELECT d.id, r.name, r.title, i.name AS institution,
              to_char(v.visited_on, 'YYYY-MM-DD') AS visited_on, v.findings
         FROM mined_need_draft d
         JOIN commissioner_appointment a ON a.id = d.appointment_id
         JOIN researcher r ON r.id = a.researcher_id
         JOIN organisation i ON i.id = a.institution_org_id
         LEFT JOIN commissioner_visit v ON v.id = d.visit_id
        WHERE d.id = ANY($1::uuid[])`,
      [rows.map((row) => row.id)],
    );
    const byId = new Map(people.map((p) => [p.id, p]));
    return rows.map((row) => {
      const p = byId.get(row.id)!;
      return {
        ...draftView(row),
        commissioner: { name: p.name, title: p.title, institution: p.institution },
        visit: p.visited_on ? { visitedOn: p.visited_on, findings: p.findings ?? '' } : null,
      };
    });
  }
}
