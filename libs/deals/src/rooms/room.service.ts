import { Injectable } from '@nestjs/common';
import { AuditLog, userNames, type Caller } from '@kuaizhuan/identity';
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  RequestValidationError,
  uploadedName,
} from '@kuaizhuan/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { termSheetStep, type Side } from '../domain/term-sheet';
import { DealAttachment, DealMessage, TermSheet } from '../entities/deal-room.entity';
import type { MessageDto, TermSheetDto } from '../http/deal.dto';
import { ufplTermsProblems } from '../licences/ufpl-terms';
import { DealAccess, sideOf } from '../steps/deal-access';
import { DealSteps } from '../steps/deal-steps';
import { attachmentType, MAX_ATTACHMENT_BYTES } from './attachment-types';
import { DealNotices, stepNotice, termsAcceptedNotice, termsOfferedNotice } from './deal-notices';

export interface TermSheetView {
  id: string;
  version: number;
  proposedBy: Side;
  status: TermSheet['status'];
  terms: Record<string, unknown>;
  acceptances: { side: Side; userId: string; at: Date }[];
  createdAt: Date;
}

export interface MessageView {
  id: string;
  authorUserId: string;
  authorName: string;
  authorOrgId: string;
  body: string;
  createdAt: Date;
}

export interface AttachmentView {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  uploadedBy: string;
  createdAt: Date;
}

export interface Upload {
  originalname: string;
  size: number;
  buffer: Buffer;
}

function sheetView(sheet: TermSheet): TermSheetView {
  const acceptances: TermSheetView['acceptances'] = [];
  if (sheet.institutionAcceptedBy && sheet.institutionAcceptedAt) {
    acceptances.push({ side: 'institution', userId: sheet.institutionAcceptedBy, at: sheet.institutionAcceptedAt });
  }
  if (sheet.companyAcceptedBy && sheet.companyAcceptedAt) {
    acceptances.push({ side: 'company', userId: sheet.companyAcceptedBy, at: sheet.companyAcceptedAt });
  }
  acceptances.sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    id: sheet.id,
    version: sheet.version,
    proposedBy: sheet.proposedBy,
    status: sheet.status,
    terms: sheet.terms,
    acceptances,
    createdAt: sheet.createdAt,
  };
}

const MESSAGE_ROW = `SELECT m.id, m.author_user_id AS "authorUserId", m.author_org_id AS "authorOrgId", m.body,
    m.created_at AS "createdAt"
  FROM deal_message m`;

/** Messages with their authors' names, read through identity's door; one whose author is gone is left out. */
async function withAuthors(db: EntityManager, messages: Omit<MessageView, 'authorName'>[]): Promise<MessageView[]> {
  const names = await userNames(
    db,
    messages.map((m) => m.authorUserId),
  );
  return messages.flatMap((m) => {
    const authorName = names.get(m.authorUserId);
    return authorName === undefined ? [] : [{ ...m, authorName }];
  });
}

/** The deal room's negotiation: versioned term sheets, the message thread and attachments. */
@Injectable()
export class RoomService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: DealAccess,
    private readonly steps: DealSteps,
    private readonly audit: AuditLog,
    private readonly notices: DealNotices,
  ) {}

  async termSheets(caller: Caller, dealId: string): Promise<TermSheetView[]> {
    await this.access.find(this.dataSource.manager, caller, dealId);
    const sheets = await this.dataSource.manager.find(TermSheet, { where: { dealId }, order: { version: 'ASC' } });
    return sheets.map(sheetView);
  }

  /** An offer, or a counter-offer superseding the open version; only while negotiating. */
  offer(caller: Caller, dealId: string, input: TermSheetDto): Promise<TermSheetView> {
    return this.dataSource.transaction(async (manager) => {
      const { deal, capacity } = await this.access.findAs(manager, caller, dealId, ['institution', 'company']);
      if (deal.status !== 'negotiating') {
        throw new ConflictError(`Terms are offered only while negotiating; the deal is ${deal.status}`, 'status');
      }
      if (deal.type === 'use_first_pay_later') {
        if (!input.ufpl) {
          throw new RequestValidationError([{ field: 'ufpl', message: 'ufpl terms are required for this deal' }]);
        }
        const problems = ufplTermsProblems(input.ufpl);
        if (problems.length > 0) throw new RequestValidationError(problems);
      } else if (input.ufpl) {
        throw new RequestValidationError([
          { field: 'ufpl', message: `ufpl terms do not apply to a ${deal.type} deal` },
        ]);
      }
      await manager.update(TermSheet, { dealId, status: 'open' }, { status: 'superseded' });
      const [{ next }]: { next: number }[] = await manager.query(
        `SELECT coalesce(max(version), 0)::int + 1 AS next FROM term_sheet WHERE deal_id = $1`,
        [dealId],
      );
      const sheet = await manager.save(
        TermSheet,
        manager.create(TermSheet, {
          dealId,
          version: next,
          proposedBy: sideOf(capacity)!,
          proposedByUser: caller.userId,
          status: 'open',
          terms: JSON.parse(JSON.stringify(input)) as Record<string, unknown>,
        }),
      );
      await this.audit.record(manager, {
        action: 'deal.terms_offered',
        actor: caller,
        subject: { type: 'deal', id: dealId },
        details: { version: next, termSheetId: sheet.id },
      });
      await this.notices.send(manager, termsOfferedNotice(deal, sheet.proposedBy, sheet));
      return sheetView(sheet);
    });
  }

  /** Accepts (or, for the proposer, withdraws) a version; both acceptances agree the deal. */
  respond(caller: Caller, dealId: string, sheetId: string, kind: 'accept' | 'withdraw'): Promise<TermSheetView> {
    return this.dataSource.transaction(async (manager) => {
      const { deal, capacity } = await this.access.findAs(manager, caller, dealId, ['institution', 'company']);
      const side = sideOf(capacity)!;
      const sheet = await manager.findOne(TermSheet, { where: { id: sheetId, dealId } });
      if (!sheet) throw new NotFoundError(`No term sheet ${sheetId}`);
      const step = termSheetStep(
        {
          status: sheet.status,
          proposedBy: sheet.proposedBy,
          acceptedBy: [
            ...(sheet.institutionAcceptedBy ? (['institution'] as const) : []),
            ...(sheet.companyAcceptedBy ? (['company'] as const) : []),
          ],
        },
        { kind, side },
      );
      if (!step.ok) {
        if (step.reason === 'not_proposer') throw new ForbiddenError(step.message);
        throw new ConflictError(step.message, 'status');
      }
      const now = new Date();
      const acceptance =
        kind === 'accept'
          ? side === 'institution'
            ? { institutionAcceptedBy: caller.userId, institutionAcceptedAt: now }
            : { companyAcceptedBy: caller.userId, companyAcceptedAt: now }
          : {};
      await manager.update(TermSheet, sheet.id, { status: step.state.status, ...acceptance });
      await this.audit.record(manager, {
        action: kind === 'accept' ? 'deal.terms_accepted' : 'deal.terms_withdrawn',
        actor: caller,
        subject: { type: 'deal', id: dealId },
        details: { version: sheet.version, termSheetId: sheet.id, side },
      });
      if (step.agreed) {
        await this.steps.take(manager, deal, 'agree', 'system', caller, { version: sheet.version });
        await this.notices.send(manager, stepNotice(deal, 'agree', 'system'));
      } else if (kind === 'accept' && side !== sheet.proposedBy) {
        // The proposer accepting its own offer adds nothing the offer's notice did not say.
        await this.notices.send(manager, termsAcceptedNotice(deal, side, sheet));
      }
      const updated = await manager.findOneByOrFail(TermSheet, { id: sheet.id });
      return sheetView(updated);
    });
  }

  async messages(caller: Caller, dealId: string): Promise<MessageView[]> {
    await this.access.find(this.dataSource.manager, caller, dealId);
    const messages: Omit<MessageView, 'authorName'>[] = await this.dataSource.query(
      `${MESSAGE_ROW} WHERE m.deal_id = $1 ORDER BY m.created_at, m.id`,
      [dealId],
    );
    return withAuthors(this.dataSource.manager, messages);
  }

  postMessage(caller: Caller, dealId: string, input: MessageDto): Promise<MessageView> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.find(manager, caller, dealId);
      const body = input.body.trim();
      if (body === '') throw new RequestValidationError([{ field: 'body', message: 'body must not be blank' }]);
      const message = await manager.save(
        DealMessage,
        manager.create(DealMessage, { dealId, authorUserId: caller.userId, authorOrgId: caller.orgId, body }),
      );
      const [view] = await withAuthors(manager, await manager.query(`${MESSAGE_ROW} WHERE m.id = $1`, [message.id]));
      return view;
    });
  }

  async attachments(caller: Caller, dealId: string): Promise<AttachmentView[]> {
    await this.access.find(this.dataSource.manager, caller, dealId);
    const rows = await this.dataSource.manager.find(DealAttachment, { where: { dealId }, order: { createdAt: 'ASC' } });
    return rows.map(({ id, fileName, contentType, size, uploadedBy, createdAt }) => ({
      id,
      fileName,
      contentType,
      size,
      uploadedBy,
      createdAt,
    }));
  }

  attach(caller: Caller, dealId: string, file: Upload | undefined): Promise<AttachmentView> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.find(manager, caller, dealId);
      if (!file) throw new RequestValidationError([{ field: 'file', message: 'file is required' }]);
      if (file.size > MAX_ATTACHMENT_BYTES) {
        throw new InvalidInputError(`file must be at most ${MAX_ATTACHMENT_BYTES} bytes`, 'file');
      }
      const fileName = uploadedName(file.originalname).slice(0, 255);
      const contentType = await attachmentType(fileName, file.buffer);
      if (!contentType) throw new InvalidInputError('file must be a PDF, PNG, JPEG, DOCX or XLSX file', 'file');
      const saved = await manager.save(
        DealAttachment,
        manager.create(DealAttachment, {
          dealId,
          fileName,
          contentType,
          size: file.size,
          content: file.buffer,
          uploadedBy: caller.userId,
        }),
      );
      return {
        id: saved.id,
        fileName: saved.fileName,
        contentType,
        size: saved.size,
        uploadedBy: caller.userId,
        createdAt: saved.createdAt,
      };
    });
  }

  async download(caller: Caller, dealId: string, attachmentId: string): Promise<{ row: DealAttachment }> {
    await this.access.find(this.dataSource.manager, caller, dealId);
    const row = await this.dataSource.manager
      .createQueryBuilder(DealAttachment, 'a')
      .addSelect('a.content')
      .where('a.id = :attachmentId AND a.deal_id = :dealId', { attachmentId, dealId })
      .getOne();
    if (!row) throw new NotFoundError(`No attachment ${attachmentId}`);
    return { row };
  }
}
