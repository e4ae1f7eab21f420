import { Injectable } from '@nestjs/common';
import { Achievement, Researcher, TaxonomyTerm } from '@kuaizhuan/catalog';
import { attachmentType, MAX_ATTACHMENT_BYTES } from '@kuaizhuan/deals';
import { Notifier } from '@kuaizhuan/delivery';
import { AuditLog, type Caller } from '@kuaizhuan/identity';
import { ConflictError, NotFoundError, RequestValidationError, uploadedName } from '@kuaizhuan/platform';
import Decimal from 'decimal.js';
import { badField } from '../domain/bad-field';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ChallengeAccess, type Capacity } from '../domain/challenge-access';
import { acceptsProposals, proposalStep, weightedScore } from '../domain/challenge-rules';
import { proposalNotice } from '../domain/notices';
import type { Challenge } from '../entities/challenge.entity';
import { Proposal, ProposalAttachment, ProposalScore, ProposalVersion } from '../entities/proposal.entity';
import type { CreateProposalDto, ProposalContentDto } from '../http/challenge.dto';
import { ChallengesService } from '../board/challenges.service';
import type { AttachmentView, ProposalView, ProposalVersionView } from './proposal-views';

export interface Upload {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/** Proposals (揭榜方案): sent, revised (versions kept), withdrawn and read, by the parties only. */
@Injectable()
export class ProposalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ChallengeAccess,
    private readonly challenges: ChallengesService,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
  ) {}

  create(caller: Caller, challengeId: string, input: CreateProposalDto, now = new Date()): Promise<ProposalView> {
    return this.dataSource.transaction(async (manager) => {
      // Locked: a proposal and a change of the deadline or decision never cross.
      const challenge = await this.access.challenge(manager, challengeId, true);
      if (!acceptsProposals(challenge.status, challenge.deadline, now)) {
        throw new ConflictError('The deadline for proposals has passed', 'deadline');
      }
      const own = await manager.existsBy(Achievement, { id: input.achievementId, orgId: caller.orgId });
      if (!own) throw badField('achievementId', 'achievementId must be one of your own achievements');
      await this.checkContent(manager, caller, challenge, input);
      const proposal = await manager.save(
        Proposal,
        manager.create(Proposal, {
          challengeId,
          orgId: caller.orgId,
          achievementId: input.achievementId,
          createdBy: caller.userId,
        }),
      );
      await this.addVersion(manager, caller, proposal.id, 1, input);
      await this.audit.record(manager, {
        action: 'proposal.submitted',
        actor: caller,
        subject: { type: 'proposal', id: proposal.id },
        details: { challengeId, to: 'submitted', version: 1 },
      });
      const managers = await this.challenges.managerIds(manager, challengeId);
      await this.notifier.notify(manager, proposalNotice(challenge, proposal.id, managers));
      return this.view(manager, proposal.id, 'author', challenge);
    });
  }

  revise(caller: Caller, id: string, input: ProposalContentDto, now = new Date()): Promise<ProposalView> {
    return this.dataSource.transaction(async (manager) => {
      const { proposal, challenge } = await this.access.proposalAs(manager, caller, id, ['author']);
      const step = proposalStep(challenge, proposal.status, 'revise', now);
      if (!step.ok) throw new ConflictError(step.message, step.reason === 'closed' ? 'deadline' : 'status');
      await this.checkContent(manager, caller, challenge, input);
      const version = proposal.currentVersion + 1;
      await this.addVersion(manager, caller, id, version, input);
      await manager.update(Proposal, id, { currentVersion: version });
      await this.audit.record(manager, {
        action: 'proposal.revised',
        actor: caller,
        subject: { type: 'proposal', id },
        details: { challengeId: challenge.id, version },
      });
      return this.view(manager, id, 'author', challenge);
    });
  }

  withdraw(caller: Caller, id: string, now = new Date()): Promise<ProposalView> {
    return this.dataSource.transaction(async (manager) => {
      const { proposal, challenge } = await this.access.proposalAs(manager, caller, id, ['author']);
      const step = proposalStep(challenge, proposal.status, 'withdraw', now);
      if (!step.ok) throw new ConflictError(step.message, step.reason === 'closed' ? 'deadline' : 'status');
      await manager.update(Proposal, id, { status: step.to });
      await this.audit.record(manager, {
        action: 'proposal.withdrawn',
        actor: caller,
        subject: { type: 'proposal', id },
        details: { challengeId: challenge.id, from: proposal.status, to: step.to },
      });
      return this.view(manager, id, 'author', challenge);
    });
  }

  async get(caller: Caller, id: string): Promise<ProposalView> {
    const { challenge, capacity } = await this.access.proposal(this.dataSource.manager, caller, id);
    return this.view(this.dataSource.manager, id, capacity, challenge);
  }

  /**
   * A challenge's proposals as the caller may see them: all in the running for the company and its
   * managers, the caller's own for a TTO (none of another team's), nothing for anyone else.
   */
  async forChallenge(
    caller: Caller,
    challengeId: string,
  ): Promise<{ capacity: Capacity | null; items: ProposalView[] }> {
    const manager = this.dataSource.manager;
    const challenge = await this.access.challenge(manager, challengeId);
    const judge = await this.access.judgeCapacity(manager, caller, challenge);
    let proposals: Proposal[] = [];
    let capacity: Capacity | null = judge;
    if (judge) {
      proposals = await manager.find(Proposal, {
        where: { challengeId, status: In(['submitted', 'shortlisted', 'declined', 'won']) },
        order: { createdAt: 'ASC' },
      });
    } else if (caller.role === 'tto') {
      proposals = await manager.find(Proposal, {
        where: { challengeId, orgId: caller.orgId },
        order: { createdAt: 'ASC' },
      });
      capacity = proposals.length > 0 ? 'author' : null;
    }
    const items: ProposalView[] = [];
    for (const proposal of proposals) items.push(await this.view(manager, proposal.id, capacity!, challenge));
    return { capacity, items };
  }

  addAttachment(caller: Caller, id: string, file: Upload | undefined, now = new Date()): Promise<AttachmentView> {
    return this.dataSource.transaction(async (manager) => {
      const { proposal, challenge } = await this.access.proposalAs(manager, caller, id, ['author']);
      const step = proposalStep(challenge, proposal.status, 'revise', now);
      if (!step.ok) throw new ConflictError(step.message, step.reason === 'closed' ? 'deadline' : 'status');
      if (!file) throw badField('file', 'file is required');
      if (file.size > MAX_ATTACHMENT_BYTES) throw badField('file', 'file must be at most 10 MB');
      const fileName = uploadedName(file.originalname);
      const contentType = await attachmentType(fileName, file.buffer);
      if (!contentType) {
        throw badField('file', 'file must be a PDF, PNG, JPEG, DOCX or XLSX document');
      }
      const saved = await manager.save(
        ProposalAttachment,
        manager.create(ProposalAttachment, {
          proposalId: id,
          fileName,
          contentType,
          size: file.size,
          content: file.buffer,
          uploadedBy: caller.userId,
        }),
      );
      await this.audit.record(manager, {
        action: 'proposal.attachment_added',
        actor: caller,
        subject: { type: 'proposal', id },
        details: { attachmentId: saved.id, fileName },
      });
      return {
        id: saved.id,
        fileName: saved.fileName,
        contentType: saved.contentType,
        size: saved.size,
        createdAt: saved.createdAt,
      };
    });
  }

  async attachment(
    caller: Caller,
    id: string,
    attachmentId: string,
  ): Promise<{ fileName: string; contentType: string; content: Buffer }> {
    await this.access.proposal(this.dataSource.manager, caller, id);
    const row = await this.dataSource.manager
      .createQueryBuilder(ProposalAttachment, 'a')
      .addSelect('a.content')
      .where('a.id = :attachmentId AND a.proposal_id = :id', { attachmentId, id })
      .getOne();
    if (!row) throw new NotFoundError(`No attachment ${attachmentId}`);
    return { fileName: row.fileName, contentType: row.contentType, content: row.content };
  }

  /** What is wrong with a proposal's content for this challenge, as 400s naming the field. */
  private async checkContent(
    manager: EntityManager,
    caller: Caller,
    challenge: Challenge,
    input: ProposalContentDto,
  ): Promise<void> {
    const problems: { field: string; message: string }[] = [];
    if (!challenge.forms.includes(input.form)) {
      problems.push({ field: 'form', message: `form must be one of ${challenge.forms.join(', ')}` });
    }
    const total = input.milestones.reduce((sum, m) => sum.plus(m.amount), new Decimal(0));
    if (!total.eq(input.price)) {
      problems.push({
        field: 'milestones',
        message: `the milestones' amounts add up to ${total.toFixed(2)}, not the price ${input.price}`,
      });
    }
    const team = await manager.countBy(Researcher, { id: In(input.researcherIds), orgId: caller.orgId });
    if (team !== input.researcherIds.length) {
      problems.push({ field: 'researcherIds', message: 'researcherIds must be researchers of your institution' });
    }
    const stage = await manager.existsBy(TaxonomyTerm, { kind: 'maturity_stage', code: input.maturity, active: true });
    if (!stage) problems.push({ field: 'maturity', message: `maturity: unknown maturity stage "${input.maturity}"` });
    if (problems.length > 0) throw new RequestValidationError(problems);
  }

  private async addVersion(
    manager: EntityManager,
    caller: Caller,
    proposalId: string,
    version: number,
    input: ProposalContentDto,
  ): Promise<void> {
    await manager.insert(ProposalVersion, {
      proposalId,
      version,
      researcherIds: input.researcherIds,
      approach: input.approach.trim(),
      milestones: input.milestones.map((m) => ({ title: m.title.trim(), dueOn: m.dueOn, amount: m.amount })),
      price: input.price,
      form: input.form,
      maturity: input.maturity,
      createdBy: caller.userId,
    });
  }

  async view(manager: EntityManager, id: string, capacity: Capacity, challenge: Challenge): Promise<ProposalView> {
    const [row]: {
      id: string;
      orgId: string;
      organisationName: string;
      achievementId: string;
      achievementTitle: string;
      status: ProposalView['status'];
      currentVersion: number;
      declineReason: ProposalView['declineReason'];
      declineNote: string | null;
      createdAt: Date;
      updatedAt: Date;
    }[] = await manager.query(
      `SELECT p.id, p.org_id AS "orgId", o.name AS "organisationName", p.achievement_id AS "achievementId",
              a.title AS "achievementTitle", p.status, p.current_version AS "currentVersion",
              p.decline_reason AS "declineReason", p.decline_note AS "declineNote",
              p.created_at AS "createdAt", p.updated_at AS "updatedAt"
         FROM proposal p JOIN organisation o ON o.id = p.org_id JOIN achievement a ON a.id = p.achievement_id
        WHERE p.id = $1`,
      [id],
    );
    const versions = await manager.find(ProposalVersion, { where: { proposalId: id }, order: { version: 'DESC' } });
    const researcherIds = [...new Set(versions.flatMap((v) => v.researcherIds))];
    const researchers = await manager.findBy(Researcher, { id: In(researcherIds) });
    const names = new Map(researchers.map((r) => [r.id, r.name]));
    const attachments = await manager.find(ProposalAttachment, {
      where: { proposalId: id },
      order: { createdAt: 'ASC' },
    });
    // Authors never see how the judges scored them.
    const scores =
      capacity === 'author'
        ? []
        : (await manager.find(ProposalScore, { where: { proposalId: id }, order: { criterion: 'ASC' } })).map((s) => ({
            criterion: s.criterion,
            score: s.score,
            scoredBy: s.scoredBy,
          }));
    return {
      ...row,
      challengeId: challenge.id,
      challengeTitle: challenge.title,
      versions: versions.map((v): ProposalVersionView => ({
        version: v.version,
        researchers: v.researcherIds.map((rid) => ({ id: rid, name: names.get(rid) ?? '' })),
        approach: v.approach,
        milestones: v.milestones,
        price: v.price,
        form: v.form,
        maturity: v.maturity,
        createdBy: v.createdBy,
        createdAt: v.createdAt,
      })),
      attachments: attachments.map((a) => ({
        id: a.id,
        fileName: a.fileName,
        contentType: a.contentType,
        size: a.size,
        createdAt: a.createdAt,
      })),
      scores,
      weightedScore: capacity === 'author' ? null : weightedScore(challenge.criteria, scores),
      dealId: challenge.winnerProposalId === id ? challenge.dealId : null,
      capacity,
    };
  }
}
