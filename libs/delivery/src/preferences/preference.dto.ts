import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { EMAIL_MODES, type EmailMode, type NotificationType } from '../domain/notification-types';
import { BilingualText } from '../http/common.dto';

export class UpdatePreferenceDto {
  /** Show this type in the in-app inbox. */
  @IsOptional()
  @IsBoolean()
  inbox?: boolean;

  /** Send this type by e-mail. */
  @IsOptional()
  @IsBoolean()
  email?: boolean;

  /** `immediate`: one e-mail each; `digest`: gathered into one e-mail a day. */
  @IsOptional()
  @IsIn(EMAIL_MODES)
  emailMode?: EmailMode;
}

/** How one notification type reaches you. */
export class PreferenceView {
  type: NotificationType;
  label: BilingualText;
  inbox: boolean;
  email: boolean;
  emailMode: EmailMode;
  /** True while you have not changed the defaults for this type. */
  isDefault: boolean;
}
