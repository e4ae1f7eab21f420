import { Type } from 'class-transformer';
import { IsDefined, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { PlausibleDate } from '@kuaizhuan/platform';
import { CreateNeedDto } from '@kuaizhuan/catalog';

export class AppointCommissionerDto {
  /** The researcher appointed; of a verified university or institute, with an account of their own. */
  @IsUUID()
  researcherId: string;

  /** The verified company the commissioner is sent to. */
  @IsUUID()
  companyId: string;

  /** First day of the appointment (YYYY-MM-DD). */
  @PlausibleDate()
  startsOn: string;

  /** Last day of the appointment, included (YYYY-MM-DD). */
  @PlausibleDate()
  endsOn: string;
}

export class RecordVisitDto {
  /** The company visited: one the caller is appointed to today. */
  @IsUUID()
  companyId: string;

  /** The day of the visit (YYYY-MM-DD), within the appointment and not in the future. */
  @PlausibleDate()
  visitedOn: string;

  /** What was found: problems, needs, conditions. */
  @IsString()
  @Length(2, 5000)
  findings: string;
}

export class DraftMinedNeedDto {
  /** The company the need is drafted for: one the caller is appointed to today. */
  @IsUUID()
  companyId: string;

  /** The visit the need came out of (one of the caller's visits to that company). */
  @IsOptional()
  @IsUUID()
  visitId?: string;

  /** The need as the company would post it. */
  @IsDefined()
  @ValidateNested()
  @Type(() => CreateNeedDto)
  need: CreateNeedDto;
}

export class EditMinedNeedDto {
  /** The whole need, replacing the draft's. */
  @IsDefined()
  @ValidateNested()
  @Type(() => CreateNeedDto)
  need: CreateNeedDto;
}

export class CandidateQueryDto {
  /** Part of the researcher's name or institution. */
  @IsOptional()
  @IsString()
  @Length(0, 100)
  q?: string;
}
