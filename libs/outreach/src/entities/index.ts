import { CommissionerAppointment } from './appointment.entity';
import { MinedNeedDraft } from './mined-need-draft.entity';
import { SavedSearch, SavedSearchHit } from './saved-search.entity';
import { CommissionerVisit } from './visit.entity';

export const OUTREACH_ENTITIES = [
  CommissionerAppointment,
  CommissionerVisit,
  MinedNeedDraft,
  SavedSearch,
  SavedSearchHit,
];
