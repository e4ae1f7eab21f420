import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, Standing, type Caller } from '@kuaizhuan/identity';
import type { NotificationType } from '../domain/notification-types';
import { NotificationTypeParam } from '../http/params';
import { PreferenceView, UpdatePreferenceDto } from './preference.dto';
import { PreferencesService } from './preferences.service';

/** Which channels bring you which notifications, and whether e-mail comes at once or as a daily digest. */
@ApiTags('notification preferences')
@ApiBearerAuth()
@Roles('enterprise', 'tto', 'manager', 'admin')
@Standing('any')
@Controller('notification-preferences')
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  /** Your choice for every notification type (the defaults where you made none). */
  @Get()
  list(@CurrentUser() caller: Caller): Promise<PreferenceView[]> {
    return this.preferences.list(caller);
  }

  /** Changes your choice for one notification type. */
  @Put(':type')
  update(
    @CurrentUser() caller: Caller,
    @NotificationTypeParam() type: NotificationType,
    @Body() body: UpdatePreferenceDto,
  ): Promise<PreferenceView> {
    return this.preferences.update(caller, type, body);
  }
}
