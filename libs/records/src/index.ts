// The public door of @kuaizhuan/records: other libs and apps import only from here.
export { RecordsModule } from './records.module';
export { RegisterApproval } from './register/register-approval.entity';
export type {
  Register,
  RegisterEntry,
  RegisterDisposal,
  RegisterTotals,
  ApprovalView,
} from './register/register.service';
export { REGISTER_COLUMNS } from './register/register-workbook';
