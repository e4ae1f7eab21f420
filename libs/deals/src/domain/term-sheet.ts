/**
 * Versioned term sheets: one side offers, the other may counter (a new version that
 * supersedes the open one), and a version is agreed once both sides have accepted it.
 */
export type Side = 'institution' | 'company';

export const TERM_SHEET_STATUSES = ['open', 'superseded', 'withdrawn', 'accepted'] as const;
export type TermSheetStatus = (typeof TERM_SHEET_STATUSES)[number];

export interface TermSheetState {
  status: TermSheetStatus;
  proposedBy: Side;
  acceptedBy: readonly Side[];
}

export type TermSheetAction = { kind: 'accept'; side: Side } | { kind: 'withdraw'; side: Side };

export type TermSheetResult =
  | { ok: true; state: TermSheetState; agreed: boolean }
  | { ok: false; reason: 'not_open' | 'already_accepted' | 'not_proposer'; message: string };

/** The sheet after `action`; `agreed` is true when this step completed both acceptances. */
export function termSheetStep(sheet: TermSheetState, action: TermSheetAction): TermSheetResult {
  if (sheet.status !== 'open') {
    return { ok: false, reason: 'not_open', message: `this version is ${sheet.status}, not open` };
  }
  if (action.kind === 'withdraw') {
    if (action.side !== sheet.proposedBy) {
      return { ok: false, reason: 'not_proposer', message: 'only the side that offered a version may withdraw it' };
    }
    return { ok: true, state: { ...sheet, status: 'withdrawn' }, agreed: false };
  }
  if (sheet.acceptedBy.includes(action.side)) {
    return { ok: false, reason: 'already_accepted', message: `the ${action.side} side has accepted this version` };
  }
  const acceptedBy = [...sheet.acceptedBy, action.side];
  const agreed = acceptedBy.includes('institution') && acceptedBy.includes('company');
  return { ok: true, state: { ...sheet, acceptedBy, status: agreed ? 'accepted' : 'open' }, agreed };
}

/** Whether a new version (offer or counter-offer) may be put forward while `latest` is the newest. */
export function mayPropose(latest: TermSheetState | null): boolean {
  return latest === null || latest.status !== 'accepted';
}
