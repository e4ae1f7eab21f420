// The public door of @kuaizhuan/outreach: other libs and apps import only from here.
export { OutreachModule } from './outreach.module';
export { OutreachWorkerModule } from './outreach-worker.module';
export { CommissionerAppointment } from './entities/appointment.entity';
export { CommissionerVisit } from './entities/visit.entity';
export { MinedNeedDraft } from './entities/mined-need-draft.entity';
export { SavedSearch, SavedSearchHit, type SavedQuery } from './entities/saved-search.entity';
export { unsubscribeKey, unsubscribePath } from './saved-searches/unsubscribe-token';
