// The public door of @kuaizhuan/deals: other libs and apps import only from here.
export * from './domain/deal-machine';
export * from './domain/licence-terms';
export * from './domain/income-split';
export { allocate, isAmount, isPercent, yuan } from './domain/money';
export { addDays, addMonths } from './domain/dates';
export { dealServices, type DealServices } from './deal-services';
export { DealsModule } from './deals.module';
export { DealsWorkerModule } from './deals-worker.module';
export { DealsProcessor } from './reminders/deals.processor';
export { reminderJobId } from './reminders/reminder-jobs';
export type { UfplTermsInput } from './licences/ufpl-terms';
export { DealOpenings, DealOpeningsModule, dealOpenings, type DealWithTermsInput } from './rooms/deal-openings';
export { attachmentType, MAX_ATTACHMENT_BYTES, ACCEPTED_EXTENSIONS } from './rooms/attachment-types';
export { AttachmentUpload } from './rooms/attachment-upload';
export {
  disposalsOf,
  DISPOSAL_KINDS,
  DISPOSAL_OF,
  type Disposal,
  type DisposalKind,
  type DisposalValuation,
} from './register/disposals';
