import type { MinedNeedDraft, MinedNeedStatus } from '../entities/mined-need-draft.entity';

export interface DraftView {
  id: string;
  appointmentId: string;
  companyId: string;
  visitId: string | null;
  status: MinedNeedStatus;
  /** The need as drafted and edited (the fields of POST /needs). */
  need: Record<string, unknown>;
  needId: string | null;
  draftedBy: string;
  editedBy: string | null;
  confirmedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export function draftView(draft: MinedNeedDraft): DraftView {
  return {
    id: draft.id,
    appointmentId: draft.appointmentId,
    companyId: draft.companyOrgId,
    visitId: draft.visitId,
    status: draft.status,
    need: draft.content,
    needId: draft.needId,
    draftedBy: draft.draftedBy,
    editedBy: draft.editedBy,
    confirmedAt: draft.confirmedAt,
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
  };
}
