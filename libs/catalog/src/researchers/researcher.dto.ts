import { PartialType } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '@kuaizhuan/platform';
import { StringList, Text } from '../common/fields';

export class CreateResearcherDto {
  /** Your own reference for the researcher (unique in your organisation); imports name researchers by it. */
  @IsOptional()
  @Text(1, 100)
  externalRef?: string;

  /** Full name. */
  @Text(1, 100)
  name: string;

  /** Professional title (职称), e.g. 教授. */
  @IsOptional()
  @Text(0, 100)
  title?: string;

  /** Institution, school or lab. */
  @IsOptional()
  @Text(0, 200)
  institutionName?: string;

  /** Public profile. */
  @IsOptional()
  @Text(0, 20000)
  profile?: string;

  /** Research areas, at most 20. */
  @IsOptional()
  @StringList(20, 100)
  researchAreas?: string[];

  /** Technology field codes from GET /api/taxonomies/field. */
  @IsOptional()
  @StringList(10, 40)
  fieldCodes?: string[];

  /** Available to companies as a sci-tech commissioner (科技特派员). */
  @IsOptional()
  @IsBoolean()
  commissionerAvailable?: boolean;

  /** What the researcher offers as a commissioner (time, kind of help). */
  @IsOptional()
  @Text(0, 2000)
  commissionerNote?: string;

  /** Contact e-mail: private to your organisation. */
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  /** Contact phone: private to your organisation. */
  @IsOptional()
  @Matches(/^\+?[0-9][0-9 -]{4,30}$/, {
    message: '$property must be a phone number (digits, spaces, dashes, optional +)',
  })
  phone?: string;

  /** Listed on the portal (false archives the profile). */
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateResearcherDto extends PartialType(CreateResearcherDto) {}

export class ResearcherQueryDto extends PageQueryDto {
  /** Only researchers whose name or e-mail contains this text (the research-team picker). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
