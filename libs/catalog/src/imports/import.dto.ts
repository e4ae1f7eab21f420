import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { IMPORT_FORMATS, IMPORT_MODES, type ImportFormat, type ImportMode } from '../entities/catalog-import.entity';

/** Form fields sent with the uploaded file (multipart/form-data, the file in `file`). */
export class StartImportDto {
  /** `all_or_nothing` (default): any bad row stores nothing. `keep_valid`: store the good rows, report the bad. */
  @IsOptional()
  @IsIn(IMPORT_MODES)
  mode?: ImportMode;

  /** Put new achievements straight into the moderation queue instead of leaving them as drafts. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  submit?: boolean;
}

export class TemplateQueryDto {
  /** Template format. */
  @IsIn(IMPORT_FORMATS)
  format: ImportFormat;
}
