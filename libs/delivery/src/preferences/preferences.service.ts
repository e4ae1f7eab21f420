import { Injectable } from '@nestjs/common';
import type { Caller } from '@kuaizhuan/identity';
import { DataSource } from 'typeorm';
import {
  defaultEmailMode,
  NOTIFICATION_TYPES,
  NOTIFICATION_TYPE_NAMES,
  type NotificationType,
} from '../domain/notification-types';
import { effectivePreference, mergePreference } from '../domain/plan';
import { NotificationPreference } from '../entities/notification-preference.entity';
import type { PreferenceView, UpdatePreferenceDto } from './preference.dto';

function toView(type: NotificationType, stored: NotificationPreference | undefined): PreferenceView {
  return {
    type,
    label: NOTIFICATION_TYPES[type].label,
    ...effectivePreference(stored, defaultEmailMode(type)),
    isDefault: !stored,
  };
}

/** The caller's own channels per notification type; nobody reads or changes another's. */
@Injectable()
export class PreferencesService {
  constructor(private readonly dataSource: DataSource) {}

  async list(caller: Caller): Promise<PreferenceView[]> {
    const stored = await this.dataSource.manager.findBy(NotificationPreference, { userId: caller.userId });
    const byType = new Map(stored.map((row) => [row.type, row]));
    return NOTIFICATION_TYPE_NAMES.map((type) => toView(type, byType.get(type)));
  }

  /** Changes the fields given and keeps the others. */
  async update(caller: Caller, type: NotificationType, changes: UpdatePreferenceDto): Promise<PreferenceView> {
    return this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(NotificationPreference, {
        where: { userId: caller.userId, type },
        lock: { mode: 'pessimistic_write' },
      });
      const next = mergePreference(effectivePreference(current ?? undefined, defaultEmailMode(type)), changes);
      await manager.upsert(NotificationPreference, { userId: caller.userId, type, ...next }, ['userId', 'type']);
      return toView(type, await manager.findOneByOrFail(NotificationPreference, { userId: caller.userId, type }));
    });
  }
}
