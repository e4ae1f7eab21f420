import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChallengePhase, ProposalStatus } from '../../api/challenges';
import { formatDateTime } from '../../format';

const PHASE_COLOURS: Record<ChallengePhase, string> = { accepting: 'green', judging: 'orange', decided: 'default' };
const PROPOSAL_COLOURS: Record<ProposalStatus, string> = {
  submitted: 'blue',
  shortlisted: 'gold',
  withdrawn: 'default',
  declined: 'red',
  won: 'green',
};

export function PhaseTag({ phase }: { phase: ChallengePhase }) {
  const { t } = useTranslation();
  return <Tag color={PHASE_COLOURS[phase]}>{t(`challenges.phases.${phase}`)}</Tag>;
}

export function ProposalStatusTag({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation();
  return <Tag color={PROPOSAL_COLOURS[status]}>{t(`challenges.proposalStatuses.${status}`)}</Tag>;
}

/** A deadline in China time, with the word for an extended one. */
export function Deadline({ at, extended }: { at: string; extended: boolean }) {
  const { t } = useTranslation();
  return (
    <span>
      {formatDateTime(at)} {extended && <Tag>{t('challenges.extended')}</Tag>}
    </span>
  );
}
